"""Private files: a letter is written readable for its owner only, complete before it gets its name.

A letter holds a pupil's personal data: it is written with mode 0600, complete in
a private work folder (mode 0700) before it gets its name, and an existing letter
is never replaced unless the caller says so, because it may already have been sent.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import BuildFailed, InvalidInput, Problem, display_path
from ..files import os_reason

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def already_there(paths: Sequence[Path]) -> InvalidInput:
    """The refusal for letters that exist already (they may have been sent)."""
    return InvalidInput(
        Problem(
            str(path),
            None,
            "",
            "deze brief bestaat al; misschien is hij al verstuurd",
            "verplaats of hernoem de oude brief eerst, of geef --overschrijven mee om hem te vervangen",
        )
        for path in paths
    )


def _cannot_write(path: Path, exc: OSError) -> BuildFailed:
    return BuildFailed(
        f"kan {display_path(path)} niet schrijven: {os_reason(exc)}",
        "is de brief geopend in Word, of is de map alleen-lezen? Sluit het bestand of kies een andere map",
    )


def _link_new(temporary: Path, path: Path) -> None:
    """Give the written file its name only if that name is free, even if it was taken after the first check."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (some network shares): check, then rename
        if path.exists():
            raise FileExistsError(path) from None
        temporary.replace(path)


# A private work folder (mode 0700) inside the letters folder: `.brief-<pid>-<random>`. A letter is
# complete there before it gets its name; the folder is removed when the command ends, and a folder
# left by a killed run is removed by the next one.
PRIVATE_WORK_PREFIX = ".brief-"
_STALE_WITHOUT_PID_CHECK = 3600  # seconds; where a process cannot be looked up (Windows)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows has no safe probe: the age decides there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _remove_stale_work_folders(out_dir: Path) -> None:
    """Remove work folders (with any letter in them) that a killed run left behind."""
    for folder in out_dir.glob(f"{PRIVATE_WORK_PREFIX}*"):
        match = re.fullmatch(rf"{re.escape(PRIVATE_WORK_PREFIX)}(\d+)-\w+", folder.name)
        if match is None or folder.is_symlink() or not folder.is_dir():
            continue
        try:
            old = time.time() - folder.stat().st_mtime > _STALE_WITHOUT_PID_CHECK
        except OSError:
            continue
        if not _process_alive(int(match[1])) or (os.name == "nt" and old):
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _stopped_cleanly() -> Iterator[None]:
    """Turn a polite kill (SIGTERM, SIGHUP) into an exception, so the work folder is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {number: signal.signal(number, stop) for number in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)  # None: set outside Python


def _write_in(folder: Path, name: str, data: bytes) -> Path:
    temporary = folder / name
    # O_EXCL with mode 0600: there is no moment at which anyone else may read the letter.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(temporary, flags, PRIVATE_FILE_MODE), "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    temporary.chmod(PRIVATE_FILE_MODE)  # stated rather than assumed
    return temporary


def write_private_files(files: Sequence[tuple[Path, bytes]], overwrite: bool = False) -> None:
    """Write files into their (one) folder, readable for the owner only; all or none of the new ones.

    Each file is written completely in a private work folder (mode 0700) inside the
    target folder and only then given its name, so no one sees half a letter and a
    killed run leaves no letter under a hidden name beside the others: the work
    folder goes on failure, on Ctrl-C or SIGTERM, and otherwise with the next run.
    Without overwrite an existing file is never replaced.
    """
    if not files:
        return
    out_dir = files[0][0].parent
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
        _remove_stale_work_folders(out_dir)
        work = Path(tempfile.mkdtemp(prefix=f"{PRIVATE_WORK_PREFIX}{os.getpid()}-", dir=out_dir))
    except OSError as exc:
        raise _cannot_write(out_dir, exc) from exc
    created: list[Path] = []
    current = files[0][0]
    try:
        with _stopped_cleanly():
            work.chmod(PRIVATE_FOLDER_MODE)
            staged = [(_write_in(work, f"{n}.docx", data), path) for n, (path, data) in enumerate(files)]
            for temporary, path in staged:
                current = path
                if overwrite:
                    temporary.replace(path)
                else:
                    _link_new(temporary, path)
                    created.append(path)
    except FileExistsError:
        _remove(created)
        raise already_there([current]) from None
    except OSError as exc:
        _remove(created)
        raise _cannot_write(current, exc) from exc
    except BaseException:
        _remove(created)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        with suppress(OSError):
            path.unlink()


def write_private(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write data to path atomically, readable for the owner only; without overwrite, never replace a file."""
    write_private_files([(path, data)], overwrite)


__all__ = ["PRIVATE_WORK_PREFIX", "already_there", "write_private", "write_private_files"]
