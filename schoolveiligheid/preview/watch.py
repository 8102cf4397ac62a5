"""Noticing saved files: a fingerprint of the watched folders, compared on each poll, and a debounce.

Polling with os.scandir keeps the install light (no file-watching library) and
works the same on every platform and file system, network drives included. The
folders watched are small (a policy folder and the template folders), so a poll
a few times a second costs next to nothing.

An editor often saves in steps (write a temporary file, rename, touch); the
debounce waits until the files have been quiet for a moment, so one save gives
one rebuild.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

Fingerprint = Mapping[str, tuple[int, int]]  # path -> (modification time in ns, size)

# Files an editor writes beside the one being edited; saving them is not a change to the policy.
_EDITOR_LEFTOVERS = ("~", ".swp", ".swx", ".tmp", ".part")


def _ignored(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(_EDITOR_LEFTOVERS)


def fingerprint(roots: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """Every watched file (below each folder, or the file itself) with its time and size.

    Hidden files and editor leftovers are skipped; so are symlinked folders (a
    template folder may not lead out of itself anyway). A file that vanishes
    while being looked at is simply absent.
    """
    found: dict[str, tuple[int, int]] = {}
    pending = [Path(root) for root in roots]
    while pending:
        path = pending.pop()
        try:
            if path.is_file():
                status = path.stat()
                found[str(path)] = (status.st_mtime_ns, status.st_size)
                continue
            with os.scandir(path) as entries:
                for entry in entries:
                    if _ignored(entry.name):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(Path(entry.path))
                    elif entry.is_file():
                        status = entry.stat()
                        found[entry.path] = (status.st_mtime_ns, status.st_size)
        except OSError:  # gone, or not readable: it counts as absent
            continue
    return found


class Debounce:
    """Says when to rebuild: after a change, once the files have been quiet for `quiet` seconds.

    `poll(now)` is called regularly with the current time; it scans and returns
    True once per burst of changes. The first poll only records the starting
    point (the caller builds once at the start anyway).
    """

    def __init__(self, scan: Callable[[], Fingerprint], quiet: float = 0.3) -> None:
        self._scan = scan
        self._quiet = quiet
        self._seen: Fingerprint | None = None
        self._changed_at: float | None = None

    def poll(self, now: float) -> bool:
        """Scan once; True when a change has settled and a rebuild is due."""
        current = self._scan()
        if self._seen is None:
            self._seen = current
            return False
        if current != self._seen:
            self._seen = current
            self._changed_at = now  # every further change starts the quiet period again
            return False
        if self._changed_at is not None and now - self._changed_at >= self._quiet:
            self._changed_at = None
            return True
        return False


__all__ = ["Debounce", "Fingerprint", "fingerprint"]
