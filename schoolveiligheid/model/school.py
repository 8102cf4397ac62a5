"""From a policy folder to validated, resolved school models: the contract for every later stage.

`load_schools()` reads every file, merges each school over its board, validates
everything and resolves references (who holds which role, the national data of
standard organisations). All problems of all files are raised together.
`load_school()` does the same for one school file and the board files it may
inherit from (one version of a school, for `verschil`); `named_board()` and
`board_id()` answer which board a school names and which board a file is.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ..clock import today
from ..confine import OutsideFolder, is_inside, resolve_inside
from ..documents import OwnText
from ..errors import BuildFailed, InvalidInput, Problem
from ..kept import Kept
from ..load import (
    Mark,
    MarkedDict,
    MarkedList,
    PolicyFiles,
    WrittenText,
    read_policy_files,
    read_policy_folder,
    written_texts,
)
from ..paths import CATALOGUE_TEMPLATES, template_search_path
from .base import GENERIC_ACTORS, attach_marks
from .catalogue import Catalogue, load_catalogue
from .inherit import limit_problems, merge
from .own_texts import read_own_texts
from .parts import Organisation, Person, default_groups
from .policy import BoardFile, Policy
from .resolve import ResolvedRole, resolve_board, resolve_organisations, resolve_people, resolve_roles
from .validate import problems_from
from .values import suggest


@dataclass(frozen=True, slots=True)
class SchoolModel:
    """A validated school policy with its board values inherited and references resolved."""

    policy: Policy
    catalogue: Catalogue
    source: Path
    board_source: Path | None
    template_dirs: tuple[Path, ...]  # the school's own template folder, then its board's (paths.py)
    board_templates: Path | None  # the board's own template folder, also for the board's index page
    logo: Path | None
    roles: Mapping[str, ResolvedRole]
    people: Mapping[str, Person]
    organisations: Mapping[str, Organisation]
    texts: tuple[WrittenText, ...]  # every text the school and its board wrote, as written, with its line
    own_texts: tuple[OwnText, ...] = ()  # the school's and board's own Markdown texts (eigen_teksten)

    @property
    def id(self) -> str:
        """The school's id, also the name of its output folders."""
        return self.policy.school.id

    @property
    def law(self) -> Literal["WPO", "WEC"]:
        """The law that governs the school: WEC for special education, else WPO."""
        return "WEC" if self.policy.school.type in {"so", "vso"} else "WPO"

    def role(self, role_id: str) -> ResolvedRole | None:
        """The resolved role, or None when the school has not filled it."""
        return self.roles.get(role_id)


def _ids(raw: Any, key: str) -> set[str]:
    items = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        return set()
    return {str(item["id"]) for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _instruments(raw: MarkedDict) -> set[str]:
    monitoring = raw.get("monitoring")
    listed = monitoring.get("instrumenten") if isinstance(monitoring, dict) else None
    if not isinstance(listed, list):
        return set()
    return {str(item["instrument"]) for item in listed if isinstance(item, dict) and "instrument" in item}


def _validation_context(raw: MarkedDict, catalogue: Catalogue) -> dict[str, Any]:
    roles = raw.get("rollen")
    filled = (
        {str(key) for key, value in roles.items() if value is not None} if isinstance(roles, dict) else set()
    )
    school = raw.get("school")
    groups = school.get("groepen") if isinstance(school, dict) else None
    organisations = _ids(raw, "organisaties")
    actors = filled | set(GENERIC_ACTORS)
    document = raw.get("document")
    context: dict[str, Any] = {
        "concept": isinstance(document, dict) and document.get("status") == "concept",
        "personen": _ids(raw, "personen"),
        "organisaties": organisations,
        "documenten": _ids(raw, "documenten"),
        "actoren": actors,
        "stappen": actors | organisations,
        # Special education: which names and hearings fit this school (model/practice.py, model/special.py).
        "school_type": school.get("type") if isinstance(school, dict) else None,
        "so_time_out": isinstance(raw.get("so"), dict) and raw["so"].get("time_out") is not None,
        "groepen": [str(group) for group in groups]
        if isinstance(groups, list) and groups
        else list(default_groups()),
    }
    for kind in ("programma", "aanpak", "instrument", "partner"):
        context[f"catalogus_{kind}"] = catalogue.ids(kind)
    # What monitoring_resultaten may name: an instrument of the catalogue (also one the school no longer
    # uses, for earlier years) or one listed under monitoring.instrumenten (an own instrument).
    context["monitoring_instrumenten"] = _instruments(raw) | catalogue.ids("instrument")
    return context


def _duplicate_ids(raw: MarkedDict) -> list[Problem]:
    problems = []
    for key in ("personen", "organisaties", "documenten"):
        items = raw.get(key)
        if not isinstance(items, MarkedList):
            continue
        seen: dict[str, int] = {}
        for item in items:
            if (
                not isinstance(item, MarkedDict)
                or not isinstance(item.get("id"), str)
                or "id" not in item.marks
            ):
                continue
            mark = item.marks["id"]
            if item["id"] in seen and seen[item["id"]] != mark.line:
                problems.append(
                    Problem(
                        mark.file,
                        mark.line,
                        mark.key,
                        f"id '{item['id']}' komt twee keer voor in {key}",
                        "geef elk item een eigen id; een school vervangt een item van het bestuur met dezelfde id",
                    )
                )
            seen.setdefault(item["id"], mark.line)
    return problems


def _folder_of(raw: MarkedDict) -> Path:
    return Path(raw.mark.file).parent


def _template_dirs(
    school_raw: MarkedDict, board_raw: MarkedDict | None
) -> tuple[tuple[Path | None, Path | None], list[Problem]]:
    """The school's and the board's own template folders (or None), each inside the folder of its file."""
    found: list[Path | None] = []
    problems: list[Problem] = []
    for raw in (school_raw, board_raw):
        folder = None
        if raw is not None and isinstance(raw.get("sjablonen"), str):
            folder, wrong = _template_dir(raw)
            problems += wrong
        found.append(folder)
    return (found[0], found[1]), problems


# How many files and folders of one template folder are checked for links to elsewhere.
TEMPLATE_FOLDER_MAX_ENTRIES = 5_000


def _template_dir(raw: MarkedDict) -> tuple[Path | None, list[Problem]]:
    value = raw["sjablonen"]
    mark = raw.marks["sjablonen"]

    def problem(message: str, hint: str) -> list[Problem]:
        return [Problem(mark.file, mark.line, "sjablonen", message, hint)]

    try:
        folder = resolve_inside(_folder_of(raw), value)
    except OutsideFolder as error:
        return None, problem(
            f"deze sjablonenmap kan niet worden gebruikt: {error}",
            "zet de sjablonen in een map naast dit bestand, bijvoorbeeld sjablonen/<school>, "
            "en schrijf het pad vanaf dit bestand (zonder ../ en zonder / aan het begin)",
        )
    try:
        exists = folder.is_dir()
    except OSError:
        exists = False
    if not exists:
        return None, problem(f"de map '{value}' bestaat niet", "maak de map of pas het pad aan")
    outside = _links_out_of(folder)
    if outside is None:
        return None, problem(
            f"de sjablonenmap '{value}' bevat meer dan {TEMPLATE_FOLDER_MAX_ENTRIES} bestanden en mappen",
            "geef een map met alleen de eigen sjablonen van de school of het bestuur",
        )
    if outside:
        return None, problem(
            f"in de sjablonenmap verwijst '{outside[0]}' naar een plek buiten die map"
            + (f" (en nog {len(outside) - 1})" if len(outside) > 1 else ""),
            "zet het bestand zelf in de sjablonenmap, niet een (symbolische) link naar elders",
        )
    return folder, []


def _links_out_of(folder: Path) -> list[str] | None:
    """Names (relative to folder) of links that lead out of it; None when the folder is too big to check."""
    outside: list[str] = []
    count = 0
    for current, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            count += 1
            if count > TEMPLATE_FOLDER_MAX_ENTRIES:
                return None
            path = Path(current) / name
            if path.is_symlink() and not is_inside(path, folder):
                outside.append(path.relative_to(folder).as_posix())
    return sorted(outside)


def _catalogue(dirs: tuple[Path, ...]) -> Catalogue:
    # Lowest priority first: an entry of the school's own catalogue replaces the board's and the default.
    # Read on every load (a preview sees a catalogue file added or changed while it runs); the
    # loader and the catalogue keep each unchanged file's parse and validation, so this is cheap.
    return load_catalogue([folder / CATALOGUE_TEMPLATES for folder in reversed(template_search_path(dirs))])


def _logo(policy: Policy, raw: MarkedDict) -> tuple[Path | None, list[Problem]]:
    if policy.school.logo is None:
        return None, []
    mark = policy.school.mark_of("logo")
    try:
        path = resolve_inside(_folder_of(raw), policy.school.logo)
    except OutsideFolder as error:
        return None, [
            Problem(
                mark.file,
                mark.line,
                mark.key,
                f"dit logo kan niet worden gebruikt: {error}",
                "zet het logo in de map van dit bestand of een map daaronder, bijvoorbeeld logo/school.png",
            )
        ]
    if not path.is_file():
        return None, [
            Problem(
                mark.file,
                mark.line,
                mark.key,
                f"logo '{policy.school.logo}' bestaat niet",
                "controleer het pad vanaf dit bestand",
            )
        ]
    if path.suffix.lower() not in {".png", ".jpg", ".jpeg"} or not _looks_like_image(path):
        return None, [
            Problem(
                mark.file,
                mark.line,
                mark.key,
                "het logo moet een PNG- of JPG-bestand zijn",
                "exporteer het logo als PNG",
            )
        ]
    return path, []


def _looks_like_image(path: Path) -> bool:
    """A PNG or JPEG by its first bytes: a renamed text file would break every Word file with a letterhead."""
    with path.open("rb") as file:
        head = file.read(8)
    return head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"))


def named_board(school_raw: Mapping[str, Any]) -> Any:
    """What a school file names as its board (`school.bestuur`): an id, None, or a mistake validation reports."""
    school = school_raw.get("school")
    return school.get("bestuur") if isinstance(school, Mapping) else None


def board_id(board_raw: Mapping[str, Any]) -> str | None:
    """The id of a board file (`bestuur.id`), or None when it has none."""
    board = board_raw.get("bestuur")
    found = board.get("id") if isinstance(board, Mapping) else None
    return found if isinstance(found, str) else None


def _board_for(
    school_raw: MarkedDict, boards: Mapping[str, MarkedDict]
) -> tuple[MarkedDict | None, list[Problem]]:
    school = school_raw.get("school")
    wanted = named_board(school_raw)
    if wanted is not None and not isinstance(wanted, str):
        return None, []  # not an id: validation reports school.bestuur with its line
    if wanted is None:
        if "bestuur" in school_raw:
            return None, []
        mark = school_raw.marks.get("school", school_raw.mark)
        return None, [
            Problem(
                mark.file,
                mark.line,
                "school.bestuur",
                "de school noemt geen bestuur",
                "zet bestuur: <id> onder school en maak een bestuursbestand, of zet een blok bestuur: in dit bestand",
            )
        ]
    if wanted in boards:
        if "bestuur" in school_raw:
            mark = school_raw.marks["bestuur"]
            return boards[wanted], [
                Problem(
                    mark.file,
                    mark.line,
                    "bestuur",
                    f"de bestuursgegevens staan al in het bestuursbestand van '{wanted}'",
                    "haal dit blok weg; de school erft de gegevens van het bestuur",
                )
            ]
        return boards[wanted], []
    assert isinstance(school, MarkedDict)  # wanted came from it
    mark = school.marks["bestuur"]
    return None, [
        Problem(
            mark.file,
            mark.line,
            "school.bestuur",
            f'bestuur "{wanted}" bestaat niet in deze map',
            "; ".join(
                filter(None, [_suggest_board(wanted, boards), "maak een bestuursbestand met bestuur: id: …"])
            ),
        )
    ]


def _suggest_board(board_id: str, boards: Mapping[str, MarkedDict]) -> str:
    return suggest(str(board_id), boards) if boards else ""


def _validate_board(raw: MarkedDict) -> list[Problem]:
    """Check a board file's structure on its own, so its mistakes are reported once, at its lines.

    What only a concept may lack (the board's richting and address, a complaints committee) is checked
    per school, with that school's status: a board file used only by concept schools may lack them.
    A board file found valid is remembered by its values (validation reads nothing else), so loading
    the same board again does not validate it again; a file with mistakes is checked every time.
    """
    try:
        key: Hashable = _frozen(raw)
    except TypeError:
        key = None
    if key is not None and _VALID_BOARDS.get(key, False):
        return []
    try:
        BoardFile.model_validate(raw, context={"concept": True})
    except ValidationError as error:
        return problems_from(error, raw, BoardFile)
    if key is not None:
        _VALID_BOARDS.put(key, True)
    return []


_VALID_BOARDS: Kept[Hashable, bool] = Kept(8)


def _frozen(value: Any) -> Hashable:
    """Data (marked or plain, or a validation context) as one comparable value: every key and value,
    not where they were written (validation reads values, never the marks)."""
    if isinstance(value, dict):
        return ("{}", tuple((key, _frozen(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return ("[]", tuple(_frozen(item) for item in value))
    if isinstance(value, set | frozenset):
        return ("()", frozenset(value))
    if isinstance(value, bool):
        return ("bool", value)  # never equal to the 1 or 0 it equals in Python
    if value is None or isinstance(value, str | int):
        return value
    raise TypeError(f"no frozen form for {type(value).__name__}")


class _ValidatedPolicies:
    """The policies validated last in this process, by everything validation reads.

    Validation reads the merged values (not the marks that say where each was written), the
    validation context and today's date (monitoring results belong to a school year), nothing
    else. So a policy loaded again unchanged (a preview on every save, `controleer` then `bouw`,
    a letter after a build, a copied folder, the tests) is validated once; its line marks are
    attached anew from the data of each load, so they always name the files just read. A policy
    is frozen, so sharing it is safe; a failed validation is never kept, and only the last few
    policies are, so memory stays flat on a large board.
    """

    def __init__(self, limit: int = 32) -> None:
        self._kept: Kept[Hashable, Policy] = Kept(limit)

    def policy(self, merged: MarkedDict, context: dict[str, Any]) -> Policy:
        """The validated policy of merged data with its line marks; raises ValidationError as
        validation does."""
        try:
            key: Hashable = (_frozen(merged), _frozen(context), today())
            hash(key)
        except (TypeError, BuildFailed):  # data no validation has seen, or a wrong SOURCE_DATE_EPOCH
            key = None
        validated = self._kept.get(key, None) if key is not None else None
        if validated is None:
            validated = Policy.model_validate(merged, context=context)
            if key is not None:
                self._kept.put(key, validated)
        return attach_marks(validated, merged)  # a marked copy: the kept policy itself has no marks


_VALIDATED = _ValidatedPolicies()


def _school_model(
    school_raw: MarkedDict, board_raw: MarkedDict | None
) -> tuple[SchoolModel | None, list[Problem]]:
    (own, board_templates), problems = _template_dirs(school_raw, board_raw)
    dirs = tuple(folder for folder in (own, board_templates) if folder is not None)
    try:
        catalogue = _catalogue(dirs)
    except InvalidInput as error:
        return None, [*problems, *error.problems]
    merged = merge(board_raw, school_raw) if board_raw is not None else school_raw
    if board_raw is not None:
        problems += limit_problems(board_raw, school_raw)
    problems += _duplicate_ids(merged)
    try:
        policy = _VALIDATED.policy(merged, _validation_context(merged, catalogue))
    except ValidationError as error:
        return None, problems + problems_from(error, merged, Policy)
    logo, wrong = _logo(policy, school_raw)
    problems += wrong
    own_texts, own_lines, wrong = read_own_texts(policy.own_texts)
    problems += wrong
    policy = policy.model_copy(update={"board": resolve_board(policy)})  # publication settled, like others
    organisations = resolve_organisations(policy, catalogue)
    people = resolve_people(policy, organisations)
    roles, wrong = resolve_roles(policy, people, organisations)
    problems += wrong
    model = SchoolModel(
        policy=policy,
        catalogue=catalogue,
        source=Path(school_raw.mark.file),
        board_source=Path(board_raw.mark.file) if board_raw is not None else None,
        template_dirs=dirs,
        board_templates=board_templates,
        logo=logo,
        roles=roles,
        people=people,
        organisations=organisations,
        texts=(*written_texts(merged), *own_lines),
        own_texts=own_texts,
    )
    return model, problems


def _boards_by_id(files: PolicyFiles) -> tuple[dict[str, MarkedDict], list[Problem]]:
    boards: dict[str, MarkedDict] = {}
    problems: list[Problem] = []
    for raw in files.boards:
        problems += _validate_board(raw)
        found = board_id(raw)
        if found is None:
            continue
        if found in boards:
            mark = raw["bestuur"].marks["id"]
            problems.append(
                Problem(
                    mark.file,
                    mark.line,
                    "bestuur.id",
                    f"bestuur '{found}' staat in twee bestanden",
                    "geef elk bestuur één bestand",
                )
            )
        boards[found] = raw
    return boards, problems


def load_schools(folder: Path, only: str | None = None) -> list[SchoolModel]:
    """Every school in a policy folder, validated and resolved; raises InvalidInput with all problems.

    With `only` (a school id) just the school whose file gives that id, with the board file it
    names: `brief` writes one school's letter without validating its neighbours or their boards,
    and a mistake in another school's or board's file does not stop it. Every file of the folder
    is still read (a file that is not YAML is refused). When no file gives that id, every school
    is loaded, so that the caller can name the ids there are; when no board file gives the id the
    school names, every board file is kept, so that the problem can name the boards there are.
    """
    files = read_policy_folder(folder)
    if only is not None:
        chosen = tuple(raw for raw in files.schools if _school_id(raw) == only)
        if chosen:
            named = {
                name for raw in chosen if isinstance(name := named_board(raw), str)
            }  # else: validation says
            boards = tuple(raw for raw in files.boards if board_id(raw) in named)
            if named <= {board_id(raw) for raw in boards}:
                files = PolicyFiles(boards, chosen)
            else:
                files = dataclasses.replace(files, schools=chosen)
    return _models(files)


def _school_id(school_raw: Mapping[str, Any]) -> str | None:
    """The id a school file gives (`school.id`), or None when it gives none."""
    school = school_raw.get("school")
    found = school.get("id") if isinstance(school, Mapping) else None
    return found if isinstance(found, str) else None


def duplicate_id(mark: Mark, school_id: str, other_file: str) -> Problem:
    """Two school files with one id: said at the second file's `id`."""
    return Problem(
        mark.file,
        mark.line,
        "school.id",
        f"school-id '{school_id}' komt ook voor in {other_file}",
        "geef elke school een eigen id",
    )


def load_school(school_file: Path, board_files: Sequence[Path] = ()) -> SchoolModel:
    """One school from its file and the board files it may inherit from, as `load_schools` would load it.

    For one version of a school (`verschil`): the other files of its folder play no part.
    Raises InvalidInput with all problems, also when school_file is no school file.
    """
    files = read_policy_files([school_file, *board_files])
    if not any(raw.mark.file == str(school_file) for raw in files.schools):
        raise InvalidInput(
            [
                Problem(
                    str(school_file),
                    1,
                    "",
                    "dit is geen schoolbestand",
                    "vergelijk een bestand dat met 'school:' begint",
                )
            ]
        )
    return next(model for model in _models(files) if model.source == school_file)


def load_read_files(files: PolicyFiles) -> list[SchoolModel]:
    """The schools of files already read, as `load_schools` would load them: for a text that is
    checked before it is written (parsed with `load.parse_yaml` under the path it will have)."""
    return _models(files)


def _models(files: PolicyFiles) -> list[SchoolModel]:
    """The school models of the files read, each with its board; raises InvalidInput with all problems."""
    boards, problems = _boards_by_id(files)
    schools: list[SchoolModel] = []
    seen: dict[str, str] = {}
    for school_raw in files.schools:
        board_raw, wrong = _board_for(school_raw, boards)
        problems += wrong
        model, wrong = _school_model(school_raw, board_raw)
        problems += wrong
        if model is None:
            continue
        if model.id in seen:
            problems.append(duplicate_id(school_raw["school"].marks["id"], model.id, seen[model.id]))
        seen.setdefault(model.id, school_raw.mark.file)
        schools.append(model)
    if problems:
        raise InvalidInput(dict.fromkeys(problems))
    return schools
