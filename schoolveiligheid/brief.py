"""One letter from a case file: read and check everything, then write into a private folder.

The case is checked against the school's policy and the law before anything is
written; invalid input leaves every earlier letter as it was. Letters carry a
pupil's personal data, so they only go to a folder git ignores (brieven/ by
default) or outside the project, never in, around or below a website, a website
export, the documents or the policy and template folders. File names and the
lines the command prints never contain a pupil's name or the case file's name.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .context.letter import LetterContext, letter_contexts
from .documents import DOCUMENT_KINDS
from .errors import InvalidInput, Problem, display_path
from .model import load_schools
from .model.case_checks import LoadedCase, read_case
from .model.school import DEFAULT_TEMPLATES
from .writers.forms import FORMS_FOLDER
from .writers.letters import LETTERS_DIR, Letter, LetterWriter, read_identifier

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "brieven"
# Folders inside the project that git ignores (see .gitignore): the only places in it a letter may go.
PRIVATE_FOLDERS = ("brieven", "zaken")
SITE_FOLDER = "site"
DOCUMENTS_FOLDER = "documenten"
CASE_NUMBER = "zaak"  # <datum>-<soort>-zaak<n>.docx
# How much of an existing output folder is looked through for a website or documents inside it.
SCAN_DEPTH = 4
SCAN_MAX_FOLDERS = 2_000
_DOCUMENT_FILES = frozenset(f"{kind.file_stem}.docx" for kind in DOCUMENT_KINDS)
_CHOOSE = "laat --uitvoer weg (dan: brieven/) of kies een eigen map voor brieven, buiten de website en de documenten"


@dataclass(frozen=True, slots=True)
class LetterResult:
    """What `brief` wrote, and what the sender still has to do (without any names)."""

    paths: tuple[Path, ...]
    kind: str
    reminders: tuple[str, ...]


def _refuse(out_dir: Path, message: str, hint: str = _CHOOSE) -> InvalidInput:
    return InvalidInput([Problem(str(out_dir), None, "--uitvoer", message, hint)])


def _looks_like_a_site(folder: Path) -> bool:
    return (folder / "sitemap.xml").is_file() or (folder / "search" / "search_index.json").is_file()


def _looks_like_a_site_export(folder: Path) -> bool:
    if folder == ROOT:  # the project's own base configuration; the project has its own rule below
        return False
    return (folder / "mkdocs.yml").is_file() or (folder / "zensical.toml").is_file()


def _looks_like_school_documents(folder: Path) -> bool:
    return (folder / FORMS_FOLDER).is_dir() or any((folder / name).is_file() for name in _DOCUMENT_FILES)


def _looks_like_documents(folder: Path) -> bool:
    """documenten/ of a build, or one school's folder in it (a user's own Documenten folder is not)."""
    if _looks_like_school_documents(folder):
        return True
    if folder.name != DOCUMENTS_FOLDER:
        return False
    if (folder.parent / SITE_FOLDER).is_dir():
        return True
    try:
        return any(child.is_dir() and _looks_like_school_documents(child) for child in folder.iterdir())
    except OSError:
        return False


def _published(folder: Path) -> str | None:
    """Why a letter may not be in (or below) this folder, or None."""
    if folder.name == SITE_FOLDER or _looks_like_a_site(folder):
        return "brieven horen nooit in een websitemap: alles daarin kan gepubliceerd worden"
    if _looks_like_a_site_export(folder):
        return (
            "brieven horen nooit in een export van de websitebronnen (mkdocs.yml, --bronnen): "
            "alles daarin kan gepubliceerd worden"
        )
    if _looks_like_documents(folder):
        return (
            "brieven horen niet bij de documenten (documenten/): die map wordt bij elke bouw vervangen "
            "en gedeeld"
        )
    return None


def _inside_published(target: Path) -> None:
    for folder in [target, *target.parents]:
        reason = _published(folder)
        if reason is not None:
            raise _refuse(target, reason)


def _contains_published(target: Path) -> None:
    """Refuse a folder with a website, an export or documents somewhere below it."""
    if not target.is_dir():
        return
    seen = 0
    for current, dirs, _files in os.walk(target):
        here = Path(current)
        depth = len(here.relative_to(target).parts)
        for name in dirs:
            seen += 1
            if seen > SCAN_MAX_FOLDERS:
                raise _refuse(
                    target,
                    "deze map bevat zo veel mappen dat niet na te gaan is of er een website of documenten in staan",
                )
            reason = _published(here / name)
            if reason is not None:
                raise _refuse(
                    target,
                    f"deze map bevat {display_path(here / name)}; {reason}",
                )
        if depth + 1 >= SCAN_DEPTH:
            dirs[:] = []


def _protected(target: Path, folders: Iterable[tuple[Path, str]]) -> None:
    for folder, what in folders:
        try:
            real = folder.resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        if target == real or real in target.parents:
            raise _refuse(target, f"brieven horen niet in {what}", "laat --uitvoer weg (dan: brieven/)")
        if target in real.parents:
            raise _refuse(
                target,
                f"deze map bevat {what} ({display_path(real)}); brieven horen in een eigen map",
                "laat --uitvoer weg (dan: brieven/)",
            )


def check_output_folder(out_dir: Path, policy_dir: Path, template_dirs: Iterable[Path] = ()) -> None:
    """Refuse a folder that could publish or commit a letter.

    Refused, with symlinks followed: a website (built, or its sources exported), the
    documents, the policy folder or a template folder; a folder inside one of those,
    or one that holds one; and a folder in the project that git does not ignore.
    """
    target = out_dir.resolve()
    _inside_published(target)
    _protected(target, [(policy_dir, "de beleidsmap")])
    chain = [target, *target.parents]
    if ROOT in chain and not any(ROOT / name in chain for name in PRIVATE_FOLDERS):
        raise _refuse(
            out_dir,
            "deze map ligt in het project, maar git negeert hem niet: de brief zou in git terecht kunnen komen",
            "laat --uitvoer weg (dan: brieven/), of kies een map buiten het project",
        )
    _protected(
        target,
        [
            (DEFAULT_TEMPLATES, "de sjablonenmap"),
            (LETTERS_DIR, "de map met briefsjablonen"),
            *((folder, "een sjablonenmap van een school of bestuur") for folder in template_dirs),
        ],
    )
    _contains_published(target)


def case_id(case_path: Path) -> str:
    """An id for the case that tells nothing about it, kept only inside its (private) letters.

    A hash of the case file's full path and of its folder's identity on disk, so a
    later run recognises the letters of the same case without the file's name (which
    may be the pupil's) ever appearing in a file name or on screen.
    """
    real = case_path.resolve()
    try:
        status = real.parent.stat()
        salt = f"{status.st_dev}:{status.st_ino}"
    except OSError:
        salt = ""
    return "zaak-" + hashlib.sha256(f"{salt}\0{real}".encode()).hexdigest()[:24]


def file_stem(loaded: LoadedCase, out_dir: Path, identity: str) -> str:
    """<datum>-<soort>-zaak<n>: nothing from the case file's name, nothing about the pupil.

    n numbers the cases of that kind and date in out_dir; the letters of this same case
    (recognised by the id inside them) keep their number, so a second run meets them.
    """
    case = loaded.case
    prefix = f"{case.letter_date.isoformat()}-{case.kind.replace('_', '-')}-{CASE_NUMBER}"
    pattern = re.compile(rf"{re.escape(prefix)}(\d+)(?:-\d+)?\.docx")
    numbers = [0]
    candidates = sorted(out_dir.glob(f"{prefix}*.docx")) if out_dir.is_dir() else []
    for path in candidates:
        match = pattern.fullmatch(path.name)
        if match is None:
            continue
        if read_identifier(path) == identity:
            return f"{prefix}{int(match[1])}"
        numbers.append(int(match[1]))
    return f"{prefix}{max(numbers) + 1}"


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
    schools = load_schools(policy_dir)
    check_output_folder(
        out_dir, policy_dir, [folder for school in schools for folder in school.template_dirs]
    )
    loaded = read_case(case_path, schools)
    contexts = letter_contexts(loaded)
    identity = case_id(case_path)
    stem = file_stem(loaded, out_dir, identity)
    letters = [
        Letter(
            context,
            f"{stem}.docx" if number == 1 else f"{stem}-{number}.docx",
            loaded.case.letter_date,
            identity,
        )
        for number, context in enumerate(contexts, start=1)
    ]
    paths = LetterWriter().write(letters, out_dir, loaded.school.template_dirs, overwrite=overwrite)
    return LetterResult(tuple(paths), loaded.case.kind, reminders(loaded, contexts[0]))


def describe(result: LetterResult) -> list[str]:
    """The lines the command prints: where the letters are and what to do next."""
    lines = [f"brief: {display_path(path)}" for path in result.paths]
    lines += [f"  - {note}" for note in result.reminders]
    return lines


__all__ = ["LetterResult", "write_letter", "check_output_folder", "describe", "DEFAULT_OUTPUT", "case_id"]
