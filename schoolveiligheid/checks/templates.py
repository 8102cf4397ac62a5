"""Template drift: a school's or board's own copy of a standard template whose standard changed since."""

from __future__ import annotations

from pathlib import Path

from .. import overrides as own_templates
from .. import paths
from ..errors import display_path
from ..model import SchoolModel
from .findings import Collector, practice

MAX_DIFF_LINES = 60  # more is for `sjabloon lijst --verschil`
SOURCE = practice(
    "een eigen sjabloon volgt de standaard waarop het gemaakt is, ook na een verbetering daarvan"
)


def check_template_drift(school: SchoolModel, out: Collector) -> None:
    """A warning per override (school's or board's folder) whose standard changed since it was made.

    An override without a record (onbekend) is not judged here; `sjabloon lijst` shows it.
    """
    for folder in school.template_dirs:
        for override in own_templates.overrides(folder, paths.DEFAULT_TEMPLATES):
            if override.status != "verouderd":
                continue
            what, lines = own_templates.difference(override)
            shown = lines[:MAX_DIFF_LINES]
            if len(lines) > len(shown):
                shown.append(f"… nog {len(lines) - len(shown)} regels: sjabloon lijst --verschil toont alles")
            diff = "".join(f"\n    {line}" for line in shown)
            board = folder == school.board_templates and folder not in _school_folders(school)
            out.warning(
                "sjabloon-verouderd",
                f"het standaardsjabloon {override.standard} is veranderd sinds dit eigen sjabloon ervan "
                f"gemaakt is ({what}){':' if shown else ''}{diff}",
                display_path(override.path),
                SOURCE,
                "neem over wat voor jouw school geldt en noteer daarna dat het sjabloon bij is: "
                f"generate.py sjabloon bevestig {override.name} --school {school.id}"
                + (" --bestuur" if board else ""),
            )


def _school_folders(school: SchoolModel) -> list[Path]:
    """The school's own template folder (not its board's), as a list of at most one."""
    return [folder for folder in school.template_dirs if folder != school.board_templates][:1]
