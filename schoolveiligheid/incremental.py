"""Incremental builds: which schools a rebuild may skip, decided from hashes before anything is loaded.

A school is skipped when every input of its last build is unchanged (its YAML file, every other
YAML file of the policy folder (the board's), every file of its template folders and of the
default templates, its logo and own texts, the sites' base configuration, the tool itself and
the build's options) and every output file its last build recorded is still there unchanged.
The record lives in the output's state.json (files.py), written with the outputs in the same
commit, so it always describes the outputs that are actually in place.

Only the standard library is imported here: a rebuild with nothing to do never loads the
policy, Jinja, python-docx or MkDocs.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import WORK_FOLDER
from .paths import BASE_CONFIG, DEFAULT_TEMPLATES, DOCUMENTS_OUTPUT, PACKAGE, SITE_OUTPUT

STATE_FILE = "state.json"
_YAML_SUFFIXES = (".yaml", ".yml")  # as load.YAML_SUFFIXES (not imported: that module loads YAML)
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class SchoolInputs:
    """What a school's build read: the files and folders whose contents decide its outputs."""

    source: Path  # the school's YAML file
    files: tuple[Path, ...]  # logo, own texts (the board's YAML files are added by the folder)
    folders: tuple[Path, ...]  # its own and its board's template folders


@dataclass(frozen=True, slots=True)
class Plan:
    """The decision for a rebuild: the schools to skip, and whether anything is left to do."""

    skip: frozenset[str]
    nothing_to_do: bool
    wanted: tuple[str, ...] = ()  # the schools asked for (all of the last build's, without --school)


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes; "-" when it is missing or unreadable."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return "-"
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    """One SHA-256 over every file below `folder`: relative names and contents (a new, removed
    or renamed file changes it too)."""
    digest = hashlib.sha256()
    if not folder.is_dir():
        return "-"
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = Path(root, name)
            digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0")
            digest.update(file_digest(path).encode("ascii") + b"\0")
    return digest.hexdigest()


@functools.cache
def tool_digest() -> str:
    """The tool itself: its version and the source of its package (a changed writer is a changed build)."""
    from . import __version__

    digest = hashlib.sha256(__version__.encode("utf-8"))
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(file_digest(path).encode("ascii"))
    return digest.hexdigest()


class _Digests:
    """Digests computed once per plan: the default templates are an input of every school."""

    def __init__(self) -> None:
        self.files: dict[Path, str] = {}
        self.folders: dict[Path, str] = {}

    def file(self, path: Path) -> str:
        if path not in self.files:
            self.files[path] = file_digest(path)
        return self.files[path]

    def folder(self, path: Path) -> str:
        if path not in self.folders:
            self.folders[path] = folder_digest(path)
        return self.folders[path]


def policy_yaml(policy: Path) -> list[Path]:
    """The YAML files directly in the policy folder (as the loader finds them), resolved."""
    try:
        return sorted(
            path.resolve() for path in policy.iterdir() if path.suffix in _YAML_SUFFIXES and path.is_file()
        )
    except OSError:
        return []


def options_key(options: Mapping[str, Any]) -> str:
    """The build options that change a school's outputs, as one text."""
    return json.dumps(dict(options), sort_keys=True, default=str)


def input_key(
    inputs: SchoolInputs,
    boards: Sequence[Path],
    options: Mapping[str, Any],
    digests: _Digests | None = None,
) -> str:
    """One SHA-256 over everything a school's build depends on (see the module's text)."""
    digests = digests or _Digests()
    parts: list[str] = [tool_digest(), options_key(options), digests.file(BASE_CONFIG.resolve())]
    parts.append(f"school {inputs.source} {digests.file(inputs.source)}")
    parts.extend(f"bestuur {path} {digests.file(path)}" for path in boards)
    parts.extend(f"bestand {path} {digests.file(path)}" for path in inputs.files)
    for folder in (*inputs.folders, DEFAULT_TEMPLATES.resolve()):
        parts.append(f"map {folder} {digests.folder(folder)}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def record_inputs(inputs: SchoolInputs) -> dict[str, Any]:
    """The inputs as state.json keeps them, to recompute the key before the next load."""
    return {
        "bron": str(inputs.source),
        "bestanden": [str(path) for path in inputs.files],
        "mappen": [str(path) for path in inputs.folders],
    }


def _inputs_from(entry: Mapping[str, Any]) -> SchoolInputs | None:
    try:
        return SchoolInputs(
            Path(entry["bron"]),
            tuple(Path(text) for text in entry["bestanden"]),
            tuple(Path(text) for text in entry["mappen"]),
        )
    except (KeyError, TypeError):
        return None


def output_record(folder: Path) -> dict[str, list[Any]]:
    """Every file below `folder` with its size, modification time and SHA-256.

    The build holds every school's record until its end; names and digests are interned, as the
    sites of a board share most of them (the theme's files): a third less memory per school.
    """
    records = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            size, modified, digest = file_record(path)
            records[sys.intern(path.relative_to(folder).as_posix())] = [size, modified, sys.intern(digest)]
    return records


def outputs_intact(folder: Path, record: Any) -> bool:
    """True when `folder` holds exactly the recorded files, each with the recorded bytes (a file
    whose size and time still match is taken as unchanged, as make and git do; else its hash
    decides). A file added there makes it not intact too: the build then deals with it."""
    if not isinstance(record, dict) or not folder.is_dir():
        return False
    present = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if not path.is_dir()}
    if present != set(record):
        return False
    return all(file_intact(folder / name, entry) for name, entry in record.items())


def file_record(path: Path) -> list[Any]:
    """A file's size, modification time and SHA-256, as state.json keeps them."""
    status = path.stat()
    return [status.st_size, status.st_mtime_ns, file_digest(path)]


def file_intact(path: Path, entry: Any) -> bool:
    """True when the file has the recorded bytes (see outputs_intact)."""
    try:
        size, mtime, digest = entry
        status = path.stat()
    except (OSError, TypeError, ValueError):
        return False
    return bool(status.st_size == size and (status.st_mtime_ns == mtime or file_digest(path) == digest))


def read_state(root: Path) -> dict[str, Any]:
    """The record of the last completed build in `root` (empty when there is none)."""
    try:
        state = json.loads((root / WORK_FOLDER / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def plan(
    policy: Path,
    root: Path,
    options: Mapping[str, Any],
    only: Iterable[str] = (),
    *,
    website: bool = True,
) -> Plan:
    """Which schools the rebuild may skip, from the last build's record and the files as they are now.

    `nothing_to_do` is True when the policy folder holds the same YAML files as at the last
    build and every school asked for can be skipped: then nothing needs loading at all.
    """
    state = read_state(root)
    schools = state.get("schools", {})
    last = state.get("beleid", {})
    if not isinstance(schools, dict) or not isinstance(last, dict):
        return Plan(frozenset(), False)
    yaml_now = policy_yaml(policy)
    school_sources = set(last.get("bronnen", []))
    boards = [path for path in yaml_now if str(path) not in school_sources]
    digests = _Digests()
    skip: set[str] = set()
    for school_id, entry in schools.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("invoer"), dict):
            continue
        inputs = _inputs_from(entry["invoer"])
        if inputs is None or entry.get("sleutel") != input_key(inputs, boards, options, digests):
            continue
        outputs = entry.get("uitvoer", {})
        if not isinstance(outputs, dict):
            continue
        if not outputs_intact(root / DOCUMENTS_OUTPUT / school_id, outputs.get(DOCUMENTS_OUTPUT)):
            continue
        if website and not outputs_intact(root / SITE_OUTPUT / school_id, outputs.get(SITE_OUTPUT)):
            continue
        skip.add(school_id)
    wanted = set(only) or set(last.get("scholen", []))
    same_folder = last.get("map") == str(policy.resolve()) and last.get("yaml") == [str(p) for p in yaml_now]
    index = last.get("index")
    board_intact = file_intact(root / SITE_OUTPUT / "index.html", index) if index else True
    nothing = bool(wanted) and same_folder and wanted <= skip and (board_intact or not website)
    return Plan(frozenset(skip), nothing, tuple(sorted(wanted)))


def boards_of(policy: Path, school_sources: Iterable[Path]) -> list[Path]:
    """The YAML files of the policy folder that are not school files: the board's."""
    sources = {path.resolve() for path in school_sources}
    return [path for path in policy_yaml(policy) if path not in sources]
