"""How long stages report their progress: a callable the CLI fills in (a bar) and code can leave out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")


class Progress(Protocol):
    """Wraps the items of one stage ("Websites", ...) to show how far it is."""

    def __call__(self, items: Sequence[T], label: str) -> Iterable[T]: ...


def no_progress(items: Sequence[T], label: str) -> Iterable[T]:
    """Show nothing: the default outside the command line."""
    del label
    return items
