"""`verschil`: what changed between two versions of a school's policy, for the MR.

    versions.py   a version: a school file as it is now, or at a git revision, loaded as a model
    sections.py   one section of the summary per subject (roles, contacts, methods, terms, ...)
    summary.py    the summary in Markdown, with every other changed value by key path

It judges nothing (that is `controleer`, in checks/): it compares two validated
models, loaded by the shared loader and model like every other command.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import BuildFailed, InvalidInput, Problem, display_path
from ..paths import PROTECTED_FOLDERS, ROOT
from .summary import Side, summary
from .versions import load_version, parse_version

# A summary never goes where it could replace a policy file, a template or code.
_SOURCE_SUFFIXES = (".yaml", ".yml", ".py", ".j2", ".docx")


def compare(old: str, new: str, *, markdown: bool = False) -> str:
    """The Dutch summary of what changed from version `old` to version `new` (file or file@revision);
    with `markdown`, escaped for a Markdown file."""
    return summary(load_version(old), load_version(new), markdown=markdown)


def check_summary_target(target: Path, specs: Sequence[str]) -> None:
    """The summary never overwrites a policy file, a template or anything else the project holds."""
    resolved = target.resolve()
    inputs = {Path(spec.rpartition("@")[0] if "@" in spec else spec).resolve() for spec in specs}
    folders = {path.parent for path in inputs}
    reason = ""
    if resolved in inputs:
        reason = "dat is een van de versies die je vergelijkt"
    elif resolved.suffix.lower() in _SOURCE_SUFFIXES or resolved.parent in folders:
        reason = "daar staan beleids- of sjabloonbestanden"
    elif any(resolved.is_relative_to(ROOT / name) for name in PROTECTED_FOLDERS):
        reason = "dat is een map van het project zelf"
    elif resolved.is_dir():
        reason = "dat is een map"
    if reason:
        raise InvalidInput(
            [
                Problem(
                    "",
                    None,
                    "--uitvoer",
                    f"{display_path(target)}: {reason}",
                    "kies een nieuw bestand, bijvoorbeeld wijzigingen.md",
                )
            ]
        )


def write_summary(text: str, target: Path) -> None:
    """Write the summary to target (checked first with check_summary_target)."""
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise BuildFailed(
            f"kan {display_path(target)} niet schrijven: {error.strerror}", "kies een andere plek"
        ) from None


__all__ = [
    "Side",
    "check_summary_target",
    "compare",
    "load_version",
    "parse_version",
    "summary",
    "write_summary",
]
