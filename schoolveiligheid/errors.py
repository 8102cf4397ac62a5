"""The one error type users see: file, line, key path, what is wrong, and a hint.

Every stage reports problems as `Problem` values and raises them together as
`InvalidInput`, so a user fixes all mistakes in one round instead of one per run.
The CLI turns `InvalidInput` into exit code 2; nothing else decides exit codes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def display_path(path: str | Path) -> str:
    """Show a path relative to the working directory when it lies below it."""
    text = str(path)
    if not text:
        return text
    try:
        relative = os.path.relpath(text)
    except ValueError:  # another drive on Windows
        return text
    return text if relative.startswith("..") else relative


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the input, in Dutch, pointing at where it is."""

    file: str
    line: int | None
    key: str
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[str, int, str]:
        """Order problems by file, then line, then key path."""
        return (self.file, self.line or 0, self.key)

    def __str__(self) -> str:
        place = display_path(self.file) if self.file else ""
        if self.line is not None:
            place = f"{place}:{self.line}"
        head = ": ".join(part for part in (place, self.key, self.message) if part)
        return f"{head}\n  tip: {self.hint}" if self.hint else head


class InvalidInput(Exception):  # noqa: N818 - the name says what the user did, not that it failed
    """Raised with every problem found in the input; the CLI exits with code 2."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=Problem.sort_key))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems as Dutch text, one block per problem, with a count at the end."""
        count = len(self.problems)
        summary = "1 fout gevonden" if count == 1 else f"{count} fouten gevonden"
        blocks = [f"fout: {problem}" for problem in self.problems]
        return "\n".join([*blocks, f"{summary}; er is niets aangemaakt of overschreven."])


class ToolMissing(Exception):  # noqa: N818 - a state of the machine, not a failure of ours
    """A program the build needs (LibreOffice) is not installed."""

    def __init__(self, tool: str, hint: str) -> None:
        self.tool = tool
        self.hint = hint
        super().__init__(f"{tool} is niet gevonden\n  tip: {hint}")


class BuildFailed(Exception):  # noqa: N818 - reads as a sentence in the CLI handler
    """A writer could not produce its output; earlier outputs are left untouched."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message}\n  tip: {hint}" if hint else message)
