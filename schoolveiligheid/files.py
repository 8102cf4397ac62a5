"""Writing outputs safely: a file or folder is replaced in one step, or not at all.

`write_atomically` replaces one file. `Swap` replaces everything a run makes
(every school's documents and site, the board index) as one commit: a build
that fails halfway, a user who presses Ctrl-C, or a kill -9 at any moment
leaves each output complete, old or new, and the next run finishes or clears
what an interrupted one left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import BuildFailed, display_path

_REASONS = {
    errno.ENOTDIR: "dat is een bestand, geen map",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EEXIST: "er staat al iets met die naam",
    errno.EBUSY: "het bestand is in gebruik",
}


_IN_USE_WINERRORS = (32, 33)  # Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (a file open elsewhere)
IN_USE_HINT = "sluit het bestand (in Word, een PDF-lezer of de Verkenner) en probeer het opnieuw"


def in_use(error: OSError) -> bool:
    """True when another program (Word, a PDF reader) probably holds the file open.

    Windows refuses to replace or move a file that is open elsewhere, and a folder with such a file
    in it, with "access denied"; elsewhere an open file does not stop a replacement.
    """
    if getattr(error, "winerror", None) in _IN_USE_WINERRORS:
        return True
    return sys.platform == "win32" and error.errno in (errno.EACCES, errno.EBUSY)


def os_reason(error: OSError) -> str:
    """The operating system's reason in Dutch, for the common cases."""
    if getattr(error, "winerror", None) in _IN_USE_WINERRORS:
        return "het bestand is geopend in een ander programma"
    if in_use(error):
        return "geen toegang: een bestand is geopend in een ander programma (bijvoorbeeld Word), of je mag hier niet schrijven"
    return _REASONS.get(error.errno or 0, "het besturingssysteem weigert dit")


def os_hint(error: OSError, otherwise: str) -> str:
    """The tip for a failed write: close the file when another program holds it, else `otherwise`."""
    return f"{IN_USE_HINT}; {otherwise}" if in_use(error) else otherwise


def write_atomically(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a file through a temporary file beside it, then rename; `mode` 0o600 keeps it private."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            Path(temporary).chmod(mode)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        hint = "is het bestand geopend in Word? Sluit het en probeer het opnieuw"
        if error.errno not in (errno.EACCES, errno.EBUSY, errno.EPERM):
            hint = "kies een map waarin je mag schrijven"
        raise BuildFailed(f"kan {display_path(path)} niet schrijven: {os_reason(error)}", hint) from error


# --- All-or-nothing replacement of a run's outputs -------------------------------------------

# Hidden work folder beside the outputs (never inside a published site): staging, journal, lock, state.
WORK_FOLDER = ".schoolveiligheid"
_AREA_PREFIX = "bouw-"
_JOURNAL = "journal.json"
_STATE = "state.json"
_LOCK = "lock"
_RENAME_EXCHANGE = 2  # Linux renameat2() flag: swap two paths in one step


def _identity(path: Path) -> list[int]:
    status = path.lstat()
    return [status.st_dev, status.st_ino]


def _same(path: Path, identity: Sequence[int]) -> bool:
    try:
        return _identity(path) == list(identity)
    except OSError:
        return False


@functools.cache
def _renameat2() -> Callable[[Path, Path], bool] | None:
    """Linux's atomic exchange of two paths, or None where the system has none."""
    if sys.platform != "linux":
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    at_cwd = -100

    def exchange(first: Path, second: Path) -> bool:
        result = function(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE)
        if result == 0:
            return True
        code = ctypes.get_errno()
        if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            return False  # this file system cannot exchange; the caller renames twice
        raise OSError(code, os.strerror(code), str(second))

    return exchange


def _put_in_place(staged: Path, final: Path, spare: Path) -> None:
    """Make `staged` appear at `final`; what was at `final` ends up at `staged` (or `spare`).

    Where the system can exchange two paths in one step (Linux), `final` is never
    missing, not even for a moment. Elsewhere the old one is moved aside first;
    a run killed between the two renames is finished by the next run (`recover`).
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    if not final.exists() and not final.is_symlink():
        staged.rename(final)
        return
    exchange = _renameat2()
    if exchange is not None and exchange(staged, final):
        return
    final.rename(spare)
    staged.rename(final)


@contextlib.contextmanager
def _locked(work: Path) -> Iterator[None]:
    """One run at a time per output folder; the lock ends with the process, also on kill -9."""
    work.mkdir(parents=True, exist_ok=True)
    with (work / _LOCK).open("a+b") as handle:
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BuildFailed(
                f"er loopt al een andere opdracht die naar {display_path(work.parent)} schrijft",
                "wacht tot die klaar is en probeer het dan opnieuw",
            ) from None
        yield


def recover(work: Path) -> list[Path]:
    """Finish or clear what an interrupted run left in the work folder; returns the outputs it completed.

    A run that was stopped after it wrote its journal had every new output complete
    in its staging area: its swaps are finished (roll forward). A run stopped
    earlier had replaced nothing: its staging area is simply removed.
    Call only while holding the lock.
    """
    completed: list[Path] = []
    if not work.is_dir():
        return completed
    for area in sorted(work.glob(f"{_AREA_PREFIX}*")):
        journal = area / _JOURNAL
        if journal.is_file():
            try:
                entries = json.loads(journal.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                entries = {}
            completed.extend(_roll_forward(area, entries))
        shutil.rmtree(area, ignore_errors=True)
    return completed


def _roll_forward(area: Path, entries: dict[str, Any]) -> list[Path]:
    done: list[Path] = []
    for number, (staged_text, final_text, identity) in enumerate(entries.get("swaps", [])):
        staged, final = Path(staged_text), Path(final_text)
        if _same(final, identity):
            continue  # this swap was done before the run stopped
        if _same(staged, identity):
            _put_in_place(staged, final, area / f"oud-{number}")
            done.append(final)
    for number, (final_text, identity) in enumerate(entries.get("removals", [])):
        final = Path(final_text)
        if _same(final, identity):
            final.rename(area / f"weg-{number}")
            done.append(final)
    return done


class Swap:
    """Stage every output of a run, then put them all in place at once.

    `stage(final)` hands out a path in a hidden staging area beside the outputs;
    writers fill it. `commit()` writes a journal and puts every staged file or
    folder in place of its final path. A failure before the commit changes
    nothing; an OSError during it undoes the swaps already made; a kill -9 at any
    moment leaves each output complete, old or new, and the next run on the same
    folder finishes the interrupted commit before it starts (so the whole run's
    outputs end up new together). Nothing outside `root` is touched.
    """

    def __init__(self, root: Path) -> None:
        self.root = root.absolute()
        self.work = self.root / WORK_FOLDER
        self._lock = contextlib.ExitStack()
        self._swaps: list[tuple[Path, Path]] = []
        self._removals: list[Path] = []
        self.recovered: list[Path] = []
        self.area = Path()

    def __enter__(self) -> Swap:
        try:
            self._lock.enter_context(_locked(self.work))
            self.recovered = recover(self.work)
            self.area = Path(tempfile.mkdtemp(prefix=_AREA_PREFIX, dir=self.work))
        except OSError as error:
            self._lock.close()
            raise BuildFailed(
                f"kan niet schrijven naar {display_path(self.root)}: {os_reason(error)}",
                "kies een map waarin je mag schrijven; er is niets veranderd",
            ) from None
        except BaseException:
            self._lock.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.area.name:
                shutil.rmtree(self.area, ignore_errors=True)
        finally:
            self._lock.close()

    def stage(self, final: Path) -> Path:
        """Where to write what will replace `final` (a file or a folder); the path does not exist yet."""
        final = final.absolute()
        if not final.is_relative_to(self.root) or final == self.root:
            raise ValueError(f"{final} is not inside {self.root}")
        staged = self.area / f"{len(self._swaps)}-{final.name}"
        self._swaps.append((staged, final))
        return staged

    def remove(self, final: Path) -> None:
        """Remove `final` (a file the tool made earlier) as part of the commit."""
        self._removals.append(final.absolute())

    def staged(self, final: Path) -> Path:
        """Where this run staged `final` (KeyError when it did not stage it)."""
        final = final.absolute()
        for staged, target in self._swaps:
            if target == final:
                return staged
        raise KeyError(final)

    @property
    def finals(self) -> list[Path]:
        """Every path this run replaces or creates."""
        return [final for _, final in self._swaps]

    def commit(self) -> None:
        """Put every staged output in place; raises BuildFailed (truthful about what changed) on failure."""
        swaps = [(staged, final) for staged, final in self._swaps if staged.exists()]
        removals = [final for final in self._removals if final.exists()]
        journal = {
            "swaps": [[str(staged), str(final), _identity(staged)] for staged, final in swaps],
            "removals": [[str(final), _identity(final)] for final in removals],
        }
        write_atomically(self.area / _JOURNAL, json.dumps(journal).encode("utf-8"), mode=0o600)
        done: list[tuple[Path, Path, Path]] = []
        try:
            for number, (staged, final) in enumerate(swaps):
                spare = self.area / f"oud-{number}"
                _put_in_place(staged, final, spare)
                done.append((staged, final, spare))
            for number, final in enumerate(removals):
                final.rename(self.area / f"weg-{number}")
        except OSError as error:
            undone = self._undo(done)
            (self.area / _JOURNAL).unlink(missing_ok=True)
            changed = [final for _, final, _ in done] if not undone else []
            raise BuildFailed(
                f"kan {display_path(error.filename or self.root)} niet vervangen: {os_reason(error)}",
                os_hint(
                    error,
                    "eerder gemaakte bestanden zijn ongewijzigd"
                    if not changed
                    else "deze zijn al vervangen, de rest is ongewijzigd: "
                    + ", ".join(display_path(path) for path in changed),
                ),
            ) from None
        (self.area / _JOURNAL).unlink(missing_ok=True)

    def _undo(self, done: list[tuple[Path, Path, Path]]) -> bool:
        """Put the old outputs back after a failed commit; True when that worked for all."""
        try:
            for staged, final, spare in reversed(done):
                old = spare if spare.exists() else staged
                if old.exists():
                    _put_in_place(old, final, self.area / f"nieuw-{final.name}")
                else:  # there was nothing before: remove the new output again
                    final.rename(self.area / f"nieuw-{final.name}")
        except OSError:
            return False
        return True

    # What earlier runs wrote: the files of each output folder, and what the caller records with them.

    def previous_state(self) -> dict[str, Any]:
        """The record of the last completed run (empty when there is none)."""
        try:
            state = json.loads((self.work / _STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) else {}

    def foreign_files(self) -> list[Path]:
        """Files inside an output folder this run replaces that no earlier run of the tool wrote there.

        Replacing the folder would delete them (a letter saved among the documents,
        say), so the caller refuses instead. Folders without a record are not judged.
        """
        outputs = self.previous_state().get("outputs", {})
        foreign: list[Path] = []
        for _, final in self._swaps:
            listed = outputs.get(final.relative_to(self.root).as_posix())
            if not isinstance(listed, list) or not final.is_dir():
                continue
            known = set(listed)
            foreign.extend(
                path for path in _files_below(final) if path.relative_to(final).as_posix() not in known
            )
        return sorted(foreign)

    def record(self, extra: dict[str, Any]) -> None:
        """Stage the new record (with `extra`, e.g. the schools built): it is swapped in with the outputs."""
        state = self.previous_state()
        outputs = dict(state.get("outputs", {}))
        for staged, final in self._swaps:
            if staged.is_dir():
                files = [sys.intern(path.relative_to(staged).as_posix()) for path in _files_below(staged)]
                outputs[final.relative_to(self.root).as_posix()] = sorted(files)
        for final in self._removals:
            outputs.pop(final.relative_to(self.root).as_posix(), None)
        state.update(extra, outputs=outputs)
        staged_state = self.area / f"{len(self._swaps)}-{_STATE}"
        # Written piece by piece: json.dumps with indent builds the whole text as a list of small
        # pieces first, about 70 MiB for a board of 1,000 schools. The bytes are the same.
        with staged_state.open("w", encoding="utf-8") as stream:
            json.dump(state, stream, ensure_ascii=False, indent=1, sort_keys=True)
        self._swaps.append((staged_state, self.work / _STATE))


def _files_below(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() or path.is_symlink()]
