"""A school's website as one ready-to-upload zip file, the same bytes for the same site.

The zip holds exactly the files of the site folder (the start page `index.html` at its top, no
enclosing folder), in sorted order, each with the same timestamp (the build's fixed date) and the
same permissions (rw-r--r--). It is made from the staged site folder, so it is swapped in with the
rest of the run's outputs: a failed build leaves the previous zip as it was. Letters, documents
and forms that are not on the site never get in, because only the site folder is read.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

ARCHIVE_SUFFIX = ".zip"
_EARLIEST = datetime(1980, 1, 1)  # a zip file cannot record an earlier time
_FILE_MODE = 0o100644  # a regular file, rw-r--r--
_UNIX = 3  # "made on Unix": unpackers then apply the permissions above


def site_files(site_folder: Path) -> list[tuple[str, Path]]:
    """Every file of the site, as (name inside the zip, path), sorted by name."""
    found = [
        (path.relative_to(site_folder).as_posix(), path)
        for path in site_folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    ]
    return sorted(found)


def write(site_folder: Path, target: Path, when: datetime) -> None:
    """Pack the files of `site_folder` into the zip `target` with the fixed timestamp `when`."""
    stamp = max(when.replace(tzinfo=None), _EARLIEST).timetuple()[:6]
    with zipfile.ZipFile(target, "w") as archive:
        for name, path in site_files(site_folder):
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = _UNIX
            entry.external_attr = _FILE_MODE << 16
            archive.writestr(entry, path.read_bytes(), compresslevel=9)
    target.chmod(0o644)


__all__ = ["ARCHIVE_SUFFIX", "site_files", "write"]
