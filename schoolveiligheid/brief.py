"""One letter from a case file: read and check everything, then write into a private folder.

The case is checked against the school's policy and the law before anything is
written; invalid input leaves every earlier letter as it was. Letters carry a
pupil's personal data, so they only go to a folder git ignores (brieven/ by
default) or outside the project, never below a website folder. File names and
the reminders the command prints never contain a pupil's name.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .context.letter import LetterContext, letter_contexts
from .errors import InvalidInput, Problem, display_path
from .model import load_schools
from .model.case_checks import LoadedCase, read_case
from .writers.letters import Letter, LetterWriter

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "brieven"
# Folders inside the project that git ignores (see .gitignore): the only places in it a letter may go.
PRIVATE_FOLDERS = ("brieven", "zaken")
SITE_FOLDER = "site"
STEM_MAX = 60  # characters of the case file's name kept in the letter's file name
CODE_LENGTH = 8


@dataclass(frozen=True, slots=True)
class LetterResult:
    """What `brief` wrote, and what the sender still has to do (without any names)."""

    paths: tuple[Path, ...]
    kind: str
    reminders: tuple[str, ...]


def _refuse(out_dir: Path, message: str, hint: str) -> InvalidInput:
    return InvalidInput([Problem(str(out_dir), None, "--uitvoer", message, hint)])


def _looks_like_a_site(folder: Path) -> bool:
    return (folder / "sitemap.xml").is_file() or (folder / "search" / "search_index.json").is_file()


def check_output_folder(out_dir: Path, policy_dir: Path) -> None:
    """Refuse a folder that could publish or commit a letter: a website, the project outside brieven/."""
    target = out_dir.resolve()
    chain = [target, *target.parents]
    if any(folder.name == SITE_FOLDER or _looks_like_a_site(folder) for folder in chain):
        raise _refuse(
            out_dir,
            "brieven horen nooit in een websitemap: alles daarin kan gepubliceerd worden",
            "laat --uitvoer weg (dan: brieven/) of kies een map buiten de website",
        )
    policy = policy_dir.resolve()
    if target == policy or policy in target.parents:
        raise _refuse(out_dir, "brieven horen niet in de beleidsmap", "laat --uitvoer weg (dan: brieven/)")
    if ROOT in chain and not any(ROOT / name in chain for name in PRIVATE_FOLDERS):
        raise _refuse(
            out_dir,
            "deze map ligt in het project, maar git negeert hem niet: de brief zou in git terecht kunnen komen",
            "laat --uitvoer weg (dan: brieven/), of kies een map buiten het project",
        )


def file_stem(loaded: LoadedCase) -> str:
    """<datum>-<soort>-<zaak>-<code>: the case file's name (unless it holds the pupil's name) and a code.

    The code is a short hash of the case file's full path, so two cases with the same
    file name in different folders never share a letter file; the name itself is
    left out when it contains the pupil's first or last name.
    """
    case = loaded.case
    stem = loaded.source.stem.removesuffix(".zaak")[:STEM_MAX]
    code = hashlib.sha256(str(loaded.source.resolve()).encode()).hexdigest()[:CODE_LENGTH]
    names = [case.pupil.first_name, case.pupil.last_name] if case.pupil else []
    if any(len(name) > 1 and name.lower() in stem.lower() for name in names):
        stem = "zaak"
    return f"{case.letter_date.isoformat()}-{case.kind.replace('_', '-')}-{stem}-{code}"


def reminders(loaded: LoadedCase, context: LetterContext) -> tuple[str, ...]:
    """What the sender must still do by hand; these lines are printed, so they hold no names."""
    notes = []
    if context.registered:
        notes.append("verstuur deze brief aangetekend (brieven.aangetekend in het beleid)")
    suspension = context.suspension
    if suspension is not None and suspension.inspectie:
        notes.append(
            f"let op: deze schorsing duurt {suspension.days} schooldagen; meld haar schriftelijk en met de "
            "redenen bij de Inspectie van het Onderwijs"
        )
    if context.copies:
        notes.append("stuur een afschrift aan: " + "; ".join(context.copies))
    if loaded.case.letter_kind.to_group:
        notes.append(
            "lees de brief na voor verzending: staat er niets in waaraan ouders een kind kunnen herkennen?"
        )
    return tuple(notes)


def write_letter(
    case_path: Path, policy_dir: Path, out_dir: Path = DEFAULT_OUTPUT, *, overwrite: bool = False
) -> LetterResult:
    """Check the case and write one letter per addressee into out_dir; raises InvalidInput before writing.

    An existing letter file is refused (InvalidInput) unless overwrite is true: it may
    already have been sent, and the new one could differ from what the parents have.
    """
    check_output_folder(out_dir, policy_dir)
    loaded = read_case(case_path, load_schools(policy_dir))
    contexts = letter_contexts(loaded)
    stem = file_stem(loaded)
    letters = [
        Letter(context, f"{stem}.docx" if number == 1 else f"{stem}-{number}.docx", loaded.case.letter_date)
        for number, context in enumerate(contexts, start=1)
    ]
    paths = LetterWriter().write(letters, out_dir, loaded.school.template_dirs, overwrite=overwrite)
    return LetterResult(tuple(paths), loaded.case.kind, reminders(loaded, contexts[0]))


def describe(result: LetterResult) -> list[str]:
    """The lines the command prints: where the letters are and what to do next."""
    lines = [f"brief: {display_path(path)}" for path in result.paths]
    lines += [f"  - {note}" for note in result.reminders]
    return lines


__all__ = ["LetterResult", "write_letter", "check_output_folder", "describe", "DEFAULT_OUTPUT"]
