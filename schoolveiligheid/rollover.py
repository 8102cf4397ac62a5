"""`nieuw-schooljaar`: a school's policy file, rolled to the next school year, as a concept again.

What changes, and only that, on its own lines (yaml_edit.py keeps comments, order and layout):

    document.schooljaar        one year on: 2026-2027 -> 2027-2028 (written as before, - or /)
    document.versie            a new main version: 2.1 -> 3.0, 0.9 -> 1.0, 4 -> 5 (a version that is
                               no number like these is refused: the school chooses one itself)
    document.status            concept: the new year's plan needs the MR's consent again
    document.mr_instemming_op  removed, as is document.vastgesteld_op: they belong to the old year
    document.evaluatie_voor    one year on (29 February becomes 28 February); absent stays absent
    document.open_punten       "De evaluatie van schooljaar 2026-2027 verwerken." added: the concept
                               says what is still to be done, and a plan with open points cannot be
                               vastgesteld until the school has done it and taken the point out

Everything else stays, monitoring results and other history included. A board file holds no school
year, version or adoption of its own (its `documenten` carry the dates of the board's regulations,
which do not change with the year), so it is never changed.

Refused, with nothing written: a school already in a year after the current one, a concept (unless
asked: the year before it was never adopted), a line the editor cannot change safely, and a result
that would not load. Every new text is loaded through the loader and the model, with the other
files of the folder, before anything is written. `plan` decides and checks; `write` writes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import InvalidInput, Problem
from .files import write_atomically
from .load import PolicyFiles, parse_yaml, read_policy_folder, read_text_file
from .model import SchoolModel, load_read_files
from .model.values import suggest
from .yaml_edit import TextEditor

DOCUMENT = "document"
SUMMARY_NAME = "{school}-wijzigingen-{year}.md"


def evaluation_point(old_year: str) -> str:
    """The open point every rolled plan gets."""
    return f"De evaluatie van schooljaar {old_year} verwerken."


@dataclass(frozen=True, slots=True)
class Rollover:
    """One school's roll to the next year: its file's old and new text and both models, checked."""

    source: Path
    old_text: str
    new_text: str
    old: SchoolModel
    new: SchoolModel
    summary: Path  # where the summary for the MR goes, beside the school file

    @property
    def school_id(self) -> str:
        """The school's id."""
        return self.old.id


def current_school_year(day: date) -> int:
    """The first calendar year of the school year `day` falls in (a school year starts on 1 August)."""
    return day.year if day >= date(day.year, 8, 1) else day.year - 1


def next_school_year(text: str) -> str:
    """'2026-2027' -> '2027-2028', keeping the separator and spaces as written."""
    return re.sub(r"\d{4}", lambda match: str(int(match[0]) + 1), text)


def next_version(text: str) -> str | None:
    """'2.1' -> '3.0', '0.9' -> '1.0', '4' -> '5'; None for a version that is not such a number."""
    match = re.fullmatch(r"(\d+)((?:\.\d+)*)", text.strip())
    if not match:
        return None
    return str(int(match[1]) + 1) + re.sub(r"\d+", "0", match[2])


def next_date(text: str) -> str:
    """A date one year on, written as before (2027-06-30 or 30-06-2027); 29 February becomes 28 February."""

    def later(year: str, month: str, day: str) -> tuple[str, str]:
        new_year = int(year) + 1
        if int(month) == 2 and int(day) == 29:
            day = day.replace("29", "28")
        return str(new_year), day

    iso = re.fullmatch(r"(\s*)(\d{4})-(\d{1,2})-(\d{1,2})(\s*)", text)
    if iso:
        year, day = later(iso[2], iso[3], iso[4])
        return f"{iso[1]}{year}-{iso[3]}-{day}{iso[5]}"
    dutch = re.fullmatch(r"(\s*)(\d{1,2})-(\d{1,2})-(\d{4})(\s*)", text)
    if dutch:
        year, day = later(dutch[4], dutch[3], dutch[2])
        return f"{dutch[1]}{day}-{dutch[3]}-{year}{dutch[5]}"
    return text  # not reached: the model accepted the date in one of these two forms


def _problem(school: SchoolModel, field: str, message: str, hint: str) -> Problem:
    mark = school.policy.document.mark_of(field)
    return Problem(mark.file, mark.line, mark.key, message, hint)


def _refusals(school: SchoolModel, today: date, include_concepts: bool) -> list[Problem]:
    document = school.policy.document
    year = document.school_year
    current = current_school_year(today)
    problems = []
    if int(year[:4]) > current:
        problems.append(
            _problem(
                school,
                "school_year",
                f"schooljaar {year} komt al na het huidige schooljaar ({current}-{current + 1}); "
                "deze school staat al in een nieuw schooljaar",
                "zet een school pas over als haar schooljaar bezig is of voorbij; controleer document.schooljaar",
            )
        )
    if document.status == "concept" and not include_concepts:
        problems.append(
            _problem(
                school,
                "status",
                f"het beleid voor {year} is nog een concept en is dus nooit vastgesteld",
                "stel het eerst vast (status: vastgesteld, met de datums), of zet het toch over met "
                "--ook-concept",
            )
        )
    if document.version is not None and next_version(document.version) is None:
        problems.append(
            _problem(
                school,
                "version",
                f"versie '{document.version}' is geen nummer als 2.1; het programma kan geen volgende versie kiezen",
                "zet zelf een versie als 2.1, of zet het schooljaar met de hand over",
            )
        )
    return problems


def _rolled_text(school: SchoolModel, text: str) -> str:
    """The school file's text in the next year; InvalidInput for a line the editor cannot change."""
    editor = TextEditor(text, str(school.source))
    document = editor.data[DOCUMENT]
    year = school.policy.document.school_year
    editor.replace_value((DOCUMENT, "schooljaar"), next_school_year(str(document["schooljaar"])))
    version = school.policy.document.version
    if version is not None:
        editor.replace_value((DOCUMENT, "versie"), next_version(version) or version)
    editor.replace_value((DOCUMENT, "status"), "concept")
    for key in ("mr_instemming_op", "vastgesteld_op"):
        if key in document:
            editor.remove_key((DOCUMENT, key))
    if document.get("evaluatie_voor") is not None:
        editor.replace_value((DOCUMENT, "evaluatie_voor"), next_date(str(document["evaluatie_voor"])))
    point = evaluation_point(year)
    if point not in school.policy.document.open_points:
        editor.append_item((DOCUMENT, "open_punten"), point)
    return editor.text()


def _select(schools: list[SchoolModel], only: Sequence[str]) -> list[SchoolModel]:
    known = {school.id: school for school in schools}
    unknown = [school_id for school_id in only if school_id not in known]
    if unknown:
        raise InvalidInput(
            Problem("", None, "--school", f"onbekende school '{school_id}'", suggest(school_id, known))
            for school_id in unknown
        )
    return [school for school in schools if not only or school.id in only]


def _after(problem: Problem) -> Problem:
    """A problem of the new text: said to be one, since the file on disk does not have it (yet)."""
    return Problem(
        problem.file,
        problem.line,
        problem.key,
        f"na de overgang naar het nieuwe schooljaar: {problem.message}",
        problem.hint,
    )


def plan(policy: Path, only: Sequence[str], today: date, *, include_concepts: bool = False) -> list[Rollover]:
    """Every chosen school (all when `only` is empty), rolled and checked; InvalidInput when any is refused.

    Nothing is written: the new texts are loaded with the folder's other files as they will be.
    """
    files = read_policy_folder(policy)
    old_models = load_read_files(files)
    chosen = _select(old_models, only)
    problems: list[Problem] = []
    texts: dict[Path, tuple[str, str]] = {}
    summaries: dict[Path, Path] = {}
    for school in chosen:
        refused = _refusals(school, today, include_concepts)
        new_year = next_school_year(school.policy.document.school_year)
        summary = summaries[school.source] = school.source.parent / SUMMARY_NAME.format(
            school=school.id, year=new_year
        )
        if summary.exists():
            refused.append(
                Problem(
                    str(summary),
                    None,
                    "",
                    "deze samenvatting voor de MR bestaat al: de school is al eens overgezet",
                    "controleer document.schooljaar; haal de samenvatting weg als je opnieuw wilt overzetten",
                )
            )
        problems += refused
        if refused:
            continue
        text = read_text_file(school.source)
        try:
            texts[school.source] = (text, _rolled_text(school, text))
        except InvalidInput as error:
            problems += error.problems
    if problems:
        raise InvalidInput(problems)
    new_models = {model.source: model for model in _reload(files, texts)}
    return [
        Rollover(
            source=school.source,
            old_text=texts[school.source][0],
            new_text=texts[school.source][1],
            old=school,
            new=new_models[school.source],
            summary=summaries[school.source],
        )
        for school in chosen
    ]


def _reload(files: PolicyFiles, texts: dict[Path, tuple[str, str]]) -> list[SchoolModel]:
    try:
        schools = tuple(
            parse_yaml(texts[Path(raw.mark.file)][1], raw.mark.file) if Path(raw.mark.file) in texts else raw
            for raw in files.schools
        )
        return load_read_files(PolicyFiles(files.boards, schools))
    except InvalidInput as error:
        raise InvalidInput(_after(problem) for problem in error.problems) from None


def _encoded(text: str, like: Path) -> bytes:
    """The text with the line ends the file had (the loader reads them all as \\n)."""
    crlf = b"\r\n" in like.read_bytes()
    return (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")


def write(rollover: Rollover, summary_text: str) -> None:
    """Write the school's new text and the summary for the MR, each in one step."""
    mode = rollover.source.stat().st_mode & 0o777  # the policy file keeps who may read it
    write_atomically(rollover.source, _encoded(rollover.new_text, rollover.source), mode)
    write_atomically(rollover.summary, summary_text.encode("utf-8"), mode)


__all__ = [
    "Rollover",
    "current_school_year",
    "evaluation_point",
    "next_date",
    "next_school_year",
    "next_version",
    "plan",
    "write",
]
