"""A school's or board's own copies of standard templates: which standard each was made from, and drift.

`copy_standard` puts a standard template (templates/<name>) into a school's or board's template folder
and records its base: a first-line marker with the standard's name and the sha256 of its bytes, in the
file's own comment syntax, so the marker renders nothing:

    {# standaard: veiligheidsplan/09-schorsing-en-verwijdering.md.j2 sha256:… #}   Jinja (Markdown, HTML)
    // standaard: brieven/schorsing.txt.j2 sha256:…                               letters and forms
    /* standaard: site/schoolveiligheid.css sha256:… */                           CSS
    # standaard: catalogus/programmas.yaml sha256:…                               catalogue YAML

A file without comments (word/master.docx) gets a sidecar `<file>.standaard` with the same line. The
standard's text as it was is kept in the folder's hidden `.standaard/<name>`, so the difference between
the standard then and now needs no git. `overrides` lists every override of a folder with its status:
actueel (the standard is unchanged), verouderd (it changed, or is gone) or onbekend (no record).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import paths
from .errors import InvalidInput, Problem, display_path
from .files import write_atomically

Status = Literal["actueel", "verouderd", "onbekend"]

BASE_FOLDER = ".standaard"  # in an own template folder: the standard texts as they were when copied
SIDECAR_SUFFIX = ".standaard"  # beside a file that cannot hold a comment (a Word file)
# The bundled templates no school or board can replace (templates/README.md).
NOT_REPLACEABLE = ("rapport/", "site/mkdocs-theme/")
_RECORD = re.compile(r"standaard:\s*(?P<name>\S+)\s+sha256:(?P<digest>[0-9a-f]{64})")
_MARKER = re.compile(r"^\s*(?:\{#-?|//|/\*|#)\s*" + _RECORD.pattern + r"\s*(?:-?#\}|\*/)?\s*$")
MAX_WALK = 5_000  # files looked at in one folder (the loader refuses bigger folders anyway)


@dataclass(frozen=True, slots=True)
class Base:
    """The standard an override was made from: its name below templates/ and the sha256 it had."""

    name: str
    digest: str


@dataclass(frozen=True, slots=True)
class Override:
    """One file of an own template folder that replaces a standard template."""

    path: Path
    folder: Path  # the own template folder it is in
    name: str  # its name below that folder, with '/'
    base: Base | None
    standard: str  # the standard it replaces: the base's name, or the standard of the same name
    standard_path: Path | None  # that standard now; None when it no longer exists
    status: Status

    @property
    def saved_base(self) -> Path:
        """Where the standard text as it was is kept."""
        return self.folder / BASE_FOLDER / (self.base.name if self.base else self.standard)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def marker(name: str, digest: str, target: str) -> str | None:
    """The first line that records `name` as the base of `target`; None when `target` takes a sidecar."""
    record = f"standaard: {name} sha256:{digest}"
    if target.endswith(paths.TEXT_TEMPLATE_SUFFIX):
        return f"// {record}"  # a note for the editor in the line format (writers/docx_lines.py)
    if target.endswith(".j2"):
        return f"{{# {record} #}}"  # a Jinja comment; with trim_blocks its line break goes too
    if target.endswith(".css"):
        return f"/* {record} */"
    if target.endswith((".yaml", ".yml")):
        return f"# {record}"
    return None


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_base(path: Path) -> Base | None:
    """The recorded base of an own template: its first-line marker, or its sidecar."""
    record = sidecar(path)
    if marker("x", "0" * 64, path.name) is None:
        found = _RECORD.search(_first_line(record)) if record.is_file() else None
    else:
        found = _MARKER.match(_first_line(path))
    return Base(found["name"], found["digest"]) if found else None


def _first_line(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            head = stream.readline(4096)
    except OSError:
        return ""
    return head.decode("utf-8-sig", errors="replace").strip()


def standard_for(name: str, defaults: Path) -> str | None:
    """The standard template an own file of this name replaces, if any.

    A Word letter or form (brieven/schorsing.docx) replaces the standard text (brieven/schorsing.txt.j2).
    """
    if (defaults / name).is_file():
        return name
    folder = name.split("/")[0]
    if name.endswith(paths.WORD_TEMPLATE_SUFFIX) and folder in (paths.LETTER_TEMPLATES, paths.FORM_TEMPLATES):
        text = name.removesuffix(paths.WORD_TEMPLATE_SUFFIX) + paths.TEXT_TEMPLATE_SUFFIX
        if (defaults / text).is_file():
            return text
    return None


def _own_files(folder: Path) -> Iterator[str]:
    """The names of the files of an own template folder, hidden files and folders and sidecars left out."""
    seen = 0
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if file.startswith(".") or file.endswith(SIDECAR_SUFFIX):
                continue
            seen += 1
            if seen > MAX_WALK:
                return
            yield (Path(current) / file).relative_to(folder).as_posix()


def overrides(folder: Path, defaults: Path | None = None) -> list[Override]:
    """Every file of an own template folder that replaces a standard one (or says it was made from one)."""
    defaults = paths.DEFAULT_TEMPLATES if defaults is None else defaults
    found = []
    for name in _own_files(folder):
        path = folder / name
        base = read_base(path)
        standard = base.name if base else standard_for(name, defaults)
        if standard is None:
            continue  # a template of its own (a new chapter), not a copy of a standard
        current = defaults / standard
        standard_path = current if _valid_name(standard) and current.is_file() else None
        if base is None:
            status: Status = "onbekend"
        elif standard_path is not None and sha256(standard_path) == base.digest:
            status = "actueel"
        else:
            status = "verouderd"
        found.append(Override(path, folder, name, base, standard, standard_path, status))
    return found


def _valid_name(name: str) -> bool:
    parts = name.split("/")
    return not name.startswith("/") and "\\" not in name and all(p and not p.startswith(".") for p in parts)


def _text(data: bytes) -> list[str] | None:
    try:
        return data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return None


def difference(override: Override) -> tuple[str, list[str]]:
    """What changed in the standard of an outdated override: (what is compared, unified diff lines).

    The standard as it was (kept in .standaard/) against the standard now; without that copy, the
    standard now against the override itself. No lines for a Word file or a standard that is gone.
    """
    if override.standard_path is None:
        return "de standaard bestaat niet meer", []
    now = _text(override.standard_path.read_bytes())
    saved = override.saved_base
    if override.base is not None and saved.is_file() and sha256(saved) == override.base.digest:
        then = _text(saved.read_bytes())
        what, labels, old = "de standaard toen tegenover nu", ("standaard toen", "standaard nu"), then
    else:
        own = _text(override.path.read_bytes())
        if own and override.base is not None and _MARKER.match(own[0].lstrip("\ufeff")):
            own = own[1:]
        what, labels, old = "de standaard nu tegenover jouw sjabloon", ("jouw sjabloon", "standaard nu"), own
    if now is None or old is None:
        return "een Word-bestand; open beide bestanden in Word om ze te vergelijken", []
    lines = difflib.unified_diff(
        old, now, f"{labels[0]}: {override.standard}", f"{labels[1]}: {override.standard}", lineterm=""
    )
    return what, list(lines)


def _refuse(name: str, message: str, hint: str) -> InvalidInput:
    return InvalidInput([Problem("", None, f"sjabloon {name}", message, hint)])


def standard_name(name: str, defaults: Path | None = None) -> str:
    """A standard template's name as a user typed it, checked: a file below templates/, nothing else."""
    defaults = paths.DEFAULT_TEMPLATES if defaults is None else defaults
    cleaned = name.strip().removeprefix("templates/")
    if not _valid_name(cleaned) or ".." in cleaned.split("/") or ":" in cleaned:
        raise _refuse(
            name,
            "dit is geen naam van een standaardsjabloon",
            "schrijf het pad vanaf de map templates/, zonder ../, zonder / of \\ aan het begin en zonder "
            "verborgen mappen, bijvoorbeeld veiligheidsplan/02-visie.md.j2",
        )
    if cleaned.startswith(NOT_REPLACEABLE):
        raise _refuse(
            name, "dit sjabloon kan een school of bestuur niet vervangen", "zie templates/README.md"
        )
    path = defaults / cleaned
    if not path.is_file() or not path.resolve().is_relative_to(defaults.resolve()):
        known = [
            p.relative_to(defaults).as_posix()
            for p in defaults.rglob("*")
            if p.is_file() and _valid_name(p.relative_to(defaults).as_posix())
        ]
        close = difflib.get_close_matches(cleaned, known, n=3, cutoff=0.5)
        hint = (
            f"bedoel je: {', '.join(close)}?"
            if close
            else "kijk in de map templates/ welke sjablonen er zijn"
        )
        raise _refuse(name, "dit standaardsjabloon bestaat niet", hint)
    return cleaned


def _with_marker(data: bytes, line: str) -> bytes:
    """The text with `line` as its first line, in place of an earlier marker."""
    lines = data.decode("utf-8-sig").splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and _MARKER.match(lines[0].strip()):
        lines = lines[1:]
    return (line + newline + "".join(lines)).encode("utf-8")


def _record(target: Path, name: str, standard: Path, data: bytes, folder: Path) -> None:
    """Write the override (`data` with its marker, or a sidecar) and keep the standard as it is now."""
    digest = sha256(standard)
    line = marker(name, digest, target.name)
    write_atomically(folder / BASE_FOLDER / name, standard.read_bytes())
    if line is None:
        write_atomically(target, data)
        write_atomically(sidecar(target), f"{SIDECAR_SUFFIX.lstrip('.')}: {name} sha256:{digest}\n".encode())
    else:
        write_atomically(target, _with_marker(data, line))


def copy_standard(name: str, folder: Path, defaults: Path | None = None) -> Path:
    """Copy templates/<name> into an own template folder with its base recorded; never overwrites."""
    defaults = paths.DEFAULT_TEMPLATES if defaults is None else defaults
    name = standard_name(name, defaults)
    target = folder / name
    if target.exists() or target.is_symlink():
        raise _refuse(
            name,
            f"{display_path(target)} bestaat al; er is niets overschreven",
            "pas dat bestand aan, of geef met 'sjabloon bevestig' aan dat het de standaard van nu volgt",
        )
    standard = defaults / name
    _record(target, name, standard, standard.read_bytes(), folder)
    return target


def confirm(name: str, folder: Path, defaults: Path | None = None) -> Override:
    """Record that an override follows the standard as it is now (after taking over its changes)."""
    defaults = paths.DEFAULT_TEMPLATES if defaults is None else defaults
    cleaned = name.strip()
    if not _valid_name(cleaned) or ".." in cleaned.split("/") or ":" in cleaned:
        raise _refuse(name, "dit is geen naam van een sjabloon", "schrijf het pad vanaf de sjablonenmap")
    found = {override.name: override for override in overrides(folder, defaults)}
    override = found.get(cleaned)
    if override is None or override.standard_path is None:
        raise _refuse(
            name,
            f"{display_path(folder / cleaned)} is geen eigen versie van een standaardsjabloon",
            f"kies uit: {', '.join(sorted(found))}" if found else "kopieer eerst een standaardsjabloon",
        )
    try:
        _record(override.path, override.standard, override.standard_path, override.path.read_bytes(), folder)
    except UnicodeDecodeError:
        raise _refuse(name, "het sjabloon is geen tekst in UTF-8", "sla het bestand op als UTF-8") from None
    return next(o for o in overrides(folder, defaults) if o.name == cleaned)


__all__ = [
    "BASE_FOLDER",
    "Base",
    "Override",
    "Status",
    "confirm",
    "copy_standard",
    "difference",
    "marker",
    "overrides",
    "read_base",
    "standard_name",
    "standard_for",
]
