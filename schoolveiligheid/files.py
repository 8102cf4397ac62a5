"""Writing outputs safely: a file or folder is replaced in one step, or not at all.

A build that fails halfway, or a user who presses Ctrl-C, leaves the previous
documents, letters and sites exactly as they were.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

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


def os_reason(error: OSError) -> str:
    """The operating system's reason in Dutch, for the common cases."""
    return _REASONS.get(error.errno or 0, "het besturingssysteem weigert dit")


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


def replace_folder(stage: Path, final: Path) -> None:
    """Put a fully written folder in place of the old one; the old one is removed only afterwards."""
    old = final.with_name(f".{final.name}.oud")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    stage.rename(final)
    shutil.rmtree(old, ignore_errors=True)
