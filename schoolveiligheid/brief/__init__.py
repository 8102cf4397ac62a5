"""`brief`: one letter from a case file; read and check everything, then write into a private folder.

The case is checked against the school's policy and the law before anything is
written; invalid input leaves every earlier letter as it was. File names and the
lines the command prints never contain a pupil's name or the case file's name.

The package, in the order of the flow:

    case.py, values.py   the case file's model (one YAML file per letter)
    checks.py            read a case and check it: its kind, the school's policy, the law
    dates.py, names.py   the checks of dates and periods, and of names and careful words
    views.py, context.py what a letter template shows, every derived fact worked out once
    writer.py            context -> .docx through templates/brieven/<kind>.txt.j2 (or the school's own)
    private.py           written readable for its owner only, all or none
    folder.py            where a letter may go (never near a website or the documents)

It uses the shared loader and model (`model.load_schools`), the template search
path (`paths.find_template`) and the Word filler (`writers.docx_fill`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import display_path
from ..model import load_schools
from .checks import LoadedCase, case_school, read_case
from .context import letter_contexts
from .folder import DEFAULT_OUTPUT, check_output_folder
from .views import LetterContext
from .writer import Letter, LetterWriter, read_identifier

CASE_NUMBER = "zaak"  # <datum>-<soort>-zaak<n>.docx


@dataclass(frozen=True, slots=True)
class LetterResult:
    """What `brief` wrote, and what the sender still has to do (without any names)."""

    paths: tuple[Path, ...]
    kind: str
    reminders: tuple[str, ...]


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
    schools = load_schools(policy_dir, only=case_school(case_path))  # the other schools' files play no part
    # Every template folder lies inside the policy folder (the loader refuses any other), which the
    # first check covered; this one names the school's own folders in its message.
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
