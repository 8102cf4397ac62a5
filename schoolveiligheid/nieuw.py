"""`nieuw`: a board file and a school file for a real school, from a few answers.

The files start as a concept with nothing from the example: the school's name, address and contact
details, its board (an existing board file in the folder, or a new one), and the school year.
`controleer` then lists what is still missing. The new files are checked by the loader before
they are written; nothing that exists is ever overwritten.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .clock import today
from .errors import InvalidInput, Problem, display_path
from .files import write_atomically
from .paths import SCHEMA_FOLDER

# The loader and the model are imported where used: the command line reads QUESTIONS for its
# options whatever the command runs, and must not load the model for that.

Ask = Callable[[str, str], str]  # (question, default) -> answer

SCHOOL_TYPES = ("po", "sbo", "so", "vso")
DIRECTIONS = ("openbaar", "bijzonder", "samenwerkingsschool")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class Answers:
    """What `nieuw` needs to know; every value as the user gave it."""

    school_id: str = ""
    name: str = ""
    type: str = ""
    street: str = ""
    postcode: str = ""
    place: str = ""
    phone: str = ""
    email: str = ""
    director: str = ""
    board_id: str = ""
    board_name: str = ""
    direction: str = ""
    school_year: str = ""


# (field, question, the flag that gives it); in the order they are asked.
QUESTIONS = (
    ("name", "Naam van de school (bijvoorbeeld Basisschool De Linde)", "--naam"),
    ("school_id", "Korte code van de school, kleine letters (ook de mapnaam van de uitvoer)", "--school"),
    ("type", "Soort school: po, sbo, so of vso", "--type"),
    ("street", "Straat en huisnummer", "--straat"),
    ("postcode", "Postcode", "--postcode"),
    ("place", "Plaats", "--plaats"),
    ("phone", "Telefoonnummer van de school", "--telefoon"),
    ("email", "E-mailadres van de school", "--email"),
    ("director", "Naam van de directeur", "--directeur"),
    ("board_id", "Korte code van het bestuur (staat het al in de map, dan wordt dat gebruikt)", "--bestuur"),
    ("board_name", "Naam van het bestuur (bijvoorbeeld Stichting Kindwijs)", "--bestuursnaam"),
    ("direction", "Richting van het bestuur: openbaar, bijzonder of samenwerkingsschool", "--richting"),
    ("school_year", "Schooljaar", "--schooljaar"),
)


@dataclass(frozen=True, slots=True)
class Created:
    """The files `nieuw` wrote."""

    school_file: Path
    board_file: Path | None  # None: the school uses a board file that was already there


def default_school_year() -> str:
    """The current school year (from 1 August), as 2026-2027."""
    now = today()
    first = now.year if now.month >= 8 else now.year - 1
    return f"{first}-{first + 1}"


def suggested_id(name: str) -> str:
    """A school id from its name: 'Basisschool De Linde' -> 'delinde'."""
    words = re.sub(r"[^a-z0-9 ]", "", name.lower().replace("-", " ")).split()
    skip = {
        "basisschool",
        "obs",
        "cbs",
        "rkbs",
        "pcbs",
        "school",
        "sbo",
        "so",
        "vso",
        "openbare",
        "christelijke",
    }
    kept = [word for word in words if word not in skip] or words
    return "".join(kept)[:30]


def existing_boards(policy: Path) -> dict[str, Path]:
    """The board files already in the policy folder, by board id."""
    from .load import read_policy_files, yaml_files  # noqa: PLC0415 - see the imports above

    if not policy.is_dir():
        return {}
    boards: dict[str, Path] = {}
    for path in yaml_files(policy):
        try:
            files = read_policy_files([path])
        except InvalidInput:
            continue  # not a board file that can be read; `controleer` reports it
        boards.update({str(raw["bestuur"]["id"]): path for raw in files.boards if "bestuur" in raw})
    return boards


def complete(given: Answers, policy: Path, ask: Ask | None) -> Answers:
    """The answers, with the missing ones asked (`ask`) or refused with the flags to add (no `ask`)."""
    values = dataclasses.asdict(given)
    boards = existing_boards(policy)
    if not values["board_id"] and len(boards) == 1:
        values["board_id"] = next(iter(boards))
    missing: list[Problem] = []
    for key, question, flag in QUESTIONS:
        if values[key]:
            continue
        if key in ("board_name", "direction") and values["board_id"] in boards:
            continue  # the board file is there already
        default = {
            "school_id": suggested_id(values["name"]),
            "school_year": default_school_year(),
            "type": "po",
            "direction": "openbaar",
        }.get(key, "")
        if ask is not None:
            values[key] = ask(question, default).strip() or default
        elif default and key != "school_id":
            values[key] = default
        else:
            missing.append(Problem("", None, flag, f"ontbreekt: {question[0].lower()}{question[1:]}"))
    if missing:
        raise InvalidInput(
            [
                *missing,
                Problem(
                    "",
                    None,
                    "",
                    "geef de ontbrekende opties mee",
                    "of start 'nieuw' zonder opties en beantwoord de vragen",
                ),
            ]
        )
    return Answers(**values)


def _text(value: str) -> str:
    """A YAML scalar for a text: always quoted, so no answer can change the file's structure."""
    return json.dumps(value, ensure_ascii=False)


def _schema_comment(folder: Path, kind: str) -> str:
    schema = SCHEMA_FOLDER / f"{kind}.schema.json"
    try:
        target = Path(os.path.relpath(schema, folder.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        target = schema.as_uri()
    return f"# yaml-language-server: $schema={target}\n"


def school_text(answers: Answers, folder: Path) -> str:
    """The new school file: a concept with the school's own details only."""
    return (
        _schema_comment(folder, "school")
        + "#\n"
        + f"# Het beleid voor sociale veiligheid van {answers.name}, gemaakt met 'nieuw'.\n"
        + "# Dit is een concept: 'controleer' noemt wat er nog ontbreekt (rollen, methoden, pestaanpak, ...).\n"
        + "schema: sociale-veiligheid/1\n\n"
        + "school:\n"
        + f"  id: {answers.school_id}\n"
        + f"  bestuur: {answers.board_id}\n"
        + f"  naam: {_text(answers.name)}\n"
        + f"  type: {answers.type}\n"
        + "  adres:\n"
        + f"    straat: {_text(answers.street)}\n"
        + f"    postcode: {_text(answers.postcode)}\n"
        + f"    plaats: {_text(answers.place)}\n"
        + f"  telefoon: {_text(answers.phone)}\n"
        + f"  email: {_text(answers.email)}\n\n"
        + "document:\n"
        + f"  schooljaar: {answers.school_year}\n"
        + '  versie: "0.1"\n'
        + "  status: concept\n\n"
        + "personen:\n"
        + "  - id: p-directeur\n"
        + f"    naam: {_text(answers.director)}\n\n"
        + "rollen:\n"
        + "  directeur: {personen: [p-directeur]}\n"
    )


def board_text(answers: Answers, folder: Path) -> str:
    """The new board file; its address starts as the school's, to be checked."""
    return (
        _schema_comment(folder, "bestuur")
        + "#\n"
        + f"# Bestuursbestand van {answers.board_name}, gemaakt met 'nieuw'. Wat hier staat, erven alle scholen\n"
        + f"# die in hun bestand 'bestuur: {answers.board_id}' noemen.\n"
        + "schema: sociale-veiligheid/1\n\n"
        + "bestuur:\n"
        + f"  id: {answers.board_id}\n"
        + f"  naam: {_text(answers.board_name)}\n"
        + f"  richting: {answers.direction}\n"
        + "  adres:  # het adres van de school; vervang het door dat van het bestuur als dat anders is\n"
        + f"    straat: {_text(answers.street)}\n"
        + f"    postcode: {_text(answers.postcode)}\n"
        + f"    plaats: {_text(answers.place)}\n"
    )


def _check_names(answers: Answers) -> None:
    problems = [
        Problem(
            "", None, flag, f"'{value}' is geen geldige code", "gebruik kleine letters, cijfers en streepjes"
        )
        for value, flag in ((answers.school_id, "--school"), (answers.board_id, "--bestuur"))
        if not _ID.fullmatch(value)
    ]
    if answers.type not in SCHOOL_TYPES:
        problems.append(
            Problem("", None, "--type", f"onbekende soort '{answers.type}'", "kies po, sbo, so of vso")
        )
    if answers.direction and answers.direction not in DIRECTIONS:
        problems.append(
            Problem(
                "",
                None,
                "--richting",
                f"onbekende richting '{answers.direction}'",
                "kies " + ", ".join(DIRECTIONS),
            )
        )
    if problems:
        raise InvalidInput(problems)


def create(answers: Answers, policy: Path) -> Created:
    """Write the school file (and a board file when the board is new); InvalidInput before anything is written."""
    _check_names(answers)
    boards = existing_boards(policy)
    school_file = policy / f"{answers.school_id}.yaml"
    board_file = None if answers.board_id in boards else _free_board_name(policy, answers.board_id)
    taken = [path for path in (school_file, board_file) if path is not None and path.exists()]
    if taken:
        raise InvalidInput(
            Problem(
                str(path),
                None,
                "",
                "dit bestand bestaat al en wordt niet overschreven",
                "kies een andere code",
            )
            for path in taken
        )
    texts: dict[Path, str] = {school_file: school_text(answers, policy)}
    if board_file is not None:
        texts[board_file] = board_text(answers, policy)
    _validate(texts, [] if board_file is not None else [boards[answers.board_id]])
    for path, text in texts.items():
        write_atomically(path, text.encode("utf-8"))
    return Created(school_file, board_file)


def _free_board_name(policy: Path, board_id: str) -> Path:
    plain = policy / "bestuur.yaml"
    return plain if not plain.exists() else policy / f"bestuur-{board_id}.yaml"


def _validate(texts: Mapping[Path, str], boards: list[Path]) -> None:
    """Load the new files from a scratch folder as the build will; problems name the intended files."""
    with tempfile.TemporaryDirectory(prefix="nieuw-") as scratch:
        staged = {Path(scratch) / path.name: path for path in texts}
        for stage, path in staged.items():
            stage.write_text(texts[path], encoding="utf-8")
        school_stage = next(iter(staged))
        from .model import load_school  # noqa: PLC0415 - see the imports above

        try:
            load_school(school_stage, [*list(staged)[1:], *boards])
        except InvalidInput as error:
            raise InvalidInput(
                dataclasses.replace(problem, file=str(staged.get(Path(problem.file), problem.file)))
                for problem in error.problems
            ) from None


def describe(created: Created, command: Callable[[list[str]], str], policy_words: list[str]) -> list[str]:
    """What `nieuw` prints: the files, and what to do next."""
    lines = [f"gemaakt: {display_path(created.school_file)}"]
    if created.board_file is not None:
        lines.append(f"gemaakt: {display_path(created.board_file)}")
    school_id = created.school_file.stem
    lines += [
        "Dit is een concept. Zo zie je wat er nog ontbreekt:",
        "  " + command(["controleer", *policy_words, "--school", school_id]),
        "en zo maak je de documenten en de website (met CONCEPT op elke pagina):",
        "  " + command(["bouw", *policy_words, "--school", school_id]),
    ]
    return lines


__all__ = ["Answers", "Created", "complete", "create", "describe"]
