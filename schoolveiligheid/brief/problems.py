"""Problems of one case file, each at the line of the key it is about."""

from __future__ import annotations

from ..errors import Problem
from ..load import KeyPath, Mark, MarkedDict, format_key_path, locate


class Found:
    """Collects problems at marks of one case file."""

    def __init__(self, raw: MarkedDict) -> None:
        self.raw = raw
        self.problems: list[Problem] = []

    def mark(self, *path: str | int) -> Mark:
        """The line of the deepest key of path that the file has."""
        return locate(self.raw, path)[0]

    def add(self, path: KeyPath, message: str, hint: str = "", at: KeyPath | None = None) -> None:
        """A problem about the key at path, shown at the line of `at` (default: path itself)."""
        mark = self.mark(*(path if at is None else at))
        self.problems.append(Problem(mark.file, mark.line, format_key_path(path), message, hint))


__all__ = ["Found"]
