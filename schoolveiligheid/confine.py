"""Templates are data, not code; paths from YAML stay where the file that names them is.

A school or board may bring its own template folder (`sjablonen:`), logo and
catalogue. Those come from people who may not run code on the machine that
builds: every Jinja environment that can load such a template is a sandbox, and
every path a YAML file names must resolve, symlinks followed, inside the folder
of that file. A template file inside a template folder that is a symlink to a
place outside that folder is refused as well.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

# Longer than any sensible relative path; a longer value is a mistake (or an attack), never a folder.
PATH_MAX = 500
_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute '(.+?)' of '(.+?)' object is unsafe\.?")

SANDBOX_HINT = (
    "een sjabloon mag alleen waarden tonen; haal verwijzingen naar interne onderdelen "
    "(zoals __class__, __globals__, __init__ of namen die met _ beginnen) weg"
)


class SandboxEnvironment(ImmutableSandboxedEnvironment):
    """The Jinja environment for every template: no Python internals, no changing values."""


def sandbox_message(error: SecurityError) -> str:
    """The sandbox's refusal in Dutch."""
    match = _UNSAFE_ATTRIBUTE.fullmatch(str(error.message or error).strip())
    if match:
        return f"het sjabloon vraagt '{match[1]}' op van '{match[2]}'; dat mag niet in een sjabloon"
    return (
        "het sjabloon probeert iets wat een sjabloon niet mag (Python-code uitvoeren of waarden veranderen)"
    )


def path_problem(value: str) -> str | None:
    """Why a path from YAML cannot be used at all (before touching the disk), or None."""
    if "\x00" in value or any(ord(char) < 32 for char in value):
        return "het pad bevat een onzichtbaar teken (zoals een nul-byte of een regeleinde)"
    if len(value) > PATH_MAX:
        return f"het pad is {len(value)} tekens lang; hoogstens {PATH_MAX}"
    if not value.strip():
        return "het pad is leeg"
    return None


def is_inside(path: Path, folder: Path) -> bool:
    """True when path, symlinks followed, is folder or lies below it."""
    try:
        real, root = path.resolve(), folder.resolve()
    except (OSError, RuntimeError, ValueError):
        return False
    return real == root or root in real.parents


class OutsideFolder(Exception):  # noqa: N818 - reads as the reason in messages
    """A path from YAML, or a template file, lies outside the folder it must stay in."""


def resolve_inside(folder: Path, value: str) -> Path:
    """folder/value with symlinks followed; raises OutsideFolder (Dutch reason) when it is not inside folder."""
    reason = path_problem(value)
    if reason is not None:
        raise OutsideFolder(reason)
    try:
        root = folder.resolve()
        target = (root / value).resolve()
    except (OSError, RuntimeError, ValueError) as error:
        raise OutsideFolder("het pad kan niet worden gelezen") from error
    if target != root and root not in target.parents:
        raise OutsideFolder(f"'{value}' ligt buiten de map {root}")
    return target


class TemplateOutsideFolder(jinja2.TemplateError):
    """A template file in a school or board folder is a link to a place outside that folder."""

    def __init__(self, path: Path, folder: Path) -> None:
        super().__init__(f"{path} verwijst naar een bestand buiten de map {folder}")
        self.path = path
        self.folder = folder


class ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that never reads or lists anything outside its folders.

    Jinja already refuses '..' in template names; this also refuses a template file
    (or folder) that is a symlink to a place outside its search path, and lists
    templates without following symlinked folders out of it.
    """

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        path = Path(filename)
        for root in self.searchpath:
            folder = Path(root)
            if path.parent == folder or folder in path.parents:
                if not is_inside(path, folder):
                    raise TemplateOutsideFolder(path, folder)
                break
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for root in self.searchpath:
            for path in confined_files(Path(root)):
                found.add(path.relative_to(root).as_posix())
        return sorted(found)


def confined_files(folder: Path) -> Iterator[Path]:
    """Every file below folder, following no symlink (file or folder) that leads out of it."""
    try:
        real_root = folder.resolve()
    except (OSError, RuntimeError, ValueError):
        return
    if not real_root.is_dir():
        return
    seen: set[Path] = set()
    for current, dirs, files in os.walk(folder, followlinks=True):
        here = Path(current)
        real = here.resolve()
        if real in seen or not (real == real_root or real_root in real.parents):
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(name for name in dirs if is_inside(here / name, real_root))
        yield from (here / name for name in sorted(files))


__all__ = [
    "ConfinedLoader",
    "OutsideFolder",
    "PATH_MAX",
    "SANDBOX_HINT",
    "SandboxEnvironment",
    "SecurityError",
    "TemplateOutsideFolder",
    "confined_files",
    "is_inside",
    "path_problem",
    "resolve_inside",
]
