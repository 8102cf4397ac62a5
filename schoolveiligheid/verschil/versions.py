"""One version of a school's policy: a file as it is now, or as it was at a git revision.

A version is loaded through the normal model path (`model.load_school`: one
school file and its board), from a private copy that holds what that school
needs: the YAML files of its folder, and the template folders and logo the
school and its board point at, each at the same place relative to the others.
Nothing else of the file's folder is copied (it may be a repository root with a
virtual environment), and the other files play no part. Which file is a board,
and which board a school names, the loader and the model decide
(`load.policy_file_kind`, `model.school.named_board`, `board_id`), as for `bouw`.
A git revision is read with `git ls-tree` and `git archive`; nothing in the
working copy changes.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import InvalidInput, Problem, ToolMissing, display_path
from ..load import YAML_SUFFIXES, policy_file_kind, read_yaml_file, yaml_files
from ..model import load_school
from ..model.school import board_id, named_board
from .summary import Side

GIT_HINT = "installeer git, of vergelijk twee bestanden zonder @revisie"
REVISION_HINT = "bijvoorbeeld HEAD~1, een commit-hash of een tag"


def parse_version(spec: str) -> tuple[Path, str | None]:
    """'policy/x.yaml@HEAD~1' -> (policy/x.yaml, 'HEAD~1'); a path that exists as typed has no revision."""
    if Path(spec).exists() or "@" not in spec:
        return Path(spec), None
    path, revision = spec.rsplit("@", 1)
    return Path(path), revision or None


class _Tree(Protocol):
    """Where a version's files come from; paths are relative to the tree's root."""

    def yaml_files(self, folder: Path) -> list[Path]:
        """The YAML files directly in folder."""

    def fetch(self, items: Sequence[Path], copy: Path) -> None:
        """Copy those files and folders that exist to the same place below copy."""

    def display(self, relative: Path) -> str:
        """How a problem names a file of this tree."""


@dataclass(frozen=True, slots=True)
class _WorkingTree:
    """The files as they are now; the root is the file system's, so '..' in a path still works."""

    root: Path

    def yaml_files(self, folder: Path) -> list[Path]:
        return [folder / path.name for path in yaml_files(self.root / folder)]

    def fetch(self, items: Sequence[Path], copy: Path) -> None:
        for item in items:
            source, target = self.root / item, copy / item
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, target, dirs_exist_ok=True)
            elif source.is_file():
                shutil.copy2(source, target)

    def display(self, relative: Path) -> str:
        return display_path(self.root / relative)


@dataclass(frozen=True, slots=True)
class _Revision:
    """The files of a git repository at one revision; the root is the repository's top folder."""

    root: Path
    revision: str

    def _listed(self, paths: Sequence[str]) -> list[tuple[str, str]]:
        listing = _git(["ls-tree", "-z", self.revision, "--", *paths], self.root).decode()
        entries = (entry.split("\t", 1) for entry in listing.split("\0") if entry)
        return [(meta.split()[1], name) for meta, name in entries]

    def yaml_files(self, folder: Path) -> list[Path]:
        pattern = [f"{folder.as_posix()}/"] if folder.parts else []
        return sorted(
            Path(name)
            for kind, name in self._listed(pattern)
            if kind == "blob" and Path(name).suffix in YAML_SUFFIXES
        )

    def fetch(self, items: Sequence[Path], copy: Path) -> None:
        present = [name for _, name in self._listed([item.as_posix() for item in items])]
        if not present:
            return
        archive = _git(["archive", "--format=tar", self.revision, "--", *present], self.root)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
                tar.extractall(copy, filter="data")
            else:  # older Python: the archive is git's copy of the user's own repository
                tar.extractall(copy)  # noqa: S202

    def display(self, relative: Path) -> str:
        return f"{display_path(self.root / relative)}@{self.revision}"


def load_version(spec: str) -> Side:
    """Load the school in a file, optionally at a git revision; InvalidInput when that is not possible."""
    path, revision = parse_version(spec)
    label = f"{display_path(path)}@{revision}" if revision else display_path(path)
    tree, school = _working_tree(path) if revision is None else _revision_tree(path, revision)
    with tempfile.TemporaryDirectory(prefix="schoolveiligheid-versie-") as work:
        copy = Path(work) / "beleid"
        try:
            boards = _materialise(tree, school, copy, label)
            model = load_school(copy / school, [copy / board for board in boards])
        except InvalidInput as error:
            raise InvalidInput(_relabel(problem, copy, tree) for problem in error.problems) from None
    return Side(label, model)


def _relabel(problem: Problem, copy: Path, tree: _Tree) -> Problem:
    """Point a problem in the private copy back at the file the user named (with its revision)."""
    for base in (copy, copy.resolve()):
        try:
            relative = Path(problem.file).relative_to(base)
        except ValueError:
            continue
        return Problem(tree.display(relative), problem.line, problem.key, problem.message, problem.hint)
    return problem


def _problem(path: Path | str, message: str, hint: str) -> InvalidInput:
    return InvalidInput([Problem(str(path), None, "", message, hint)])


def _working_tree(path: Path) -> tuple[_Tree, Path]:
    if not path.is_file():
        raise _problem(
            path,
            "dit bestand bestaat niet",
            "geef het pad van een schoolbestand, bijvoorbeeld policy/vlinderboom.yaml",
        )
    absolute = Path(os.path.normpath(path.absolute()))
    root = Path(absolute.anchor)
    return _WorkingTree(root), absolute.relative_to(root)


def _git(arguments: list[str], cwd: Path) -> bytes:
    try:
        result = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise ToolMissing("git", GIT_HINT) from None
    if result.returncode != 0:
        raise _GitError(result.stderr.decode("utf-8", errors="replace").strip())
    return result.stdout


class _GitError(Exception):
    """git ran but refused; the caller knows what that means for the user."""


def _revision_tree(path: Path, revision: str) -> tuple[_Tree, Path]:
    source = path.resolve().parent
    if not source.is_dir():
        raise _problem(path, "de map van dit bestand bestaat niet", "geef een pad binnen de git-repository")
    try:
        root = Path(_git(["rev-parse", "--show-toplevel"], source).decode().strip()).resolve()
    except _GitError:
        raise _problem(
            path, "dit bestand staat niet in een git-repository", "vergelijk twee bestanden zonder @revisie"
        ) from None
    if revision.startswith("-"):  # git would read it as an option
        raise _problem(path, f"'{revision}' is geen revisie", REVISION_HINT)
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
    except _GitError:
        raise _problem(path, f"git kent de revisie '{revision}' niet", REVISION_HINT) from None
    tree = _Revision(root, revision)
    school = source.relative_to(root) / path.name
    if school not in tree.yaml_files(school.parent):
        raise _problem(
            path,
            f"dit bestand bestaat niet in revisie '{revision}'",
            "kies een revisie waarin het bestand al bestond",
        )
    return tree, school


def _readable(path: Path) -> Any:
    """A YAML file's data, or None when it cannot be read: another file's mistakes are not our business."""
    try:
        return read_yaml_file(path)
    except InvalidInput:
        return None


def _materialise(tree: _Tree, school: Path, copy: Path, label: str) -> list[Path]:
    """Copy the YAML files beside the school and the folders and logo that the school and its board name.

    Returns the board file(s) the school needs, relative to copy.
    """
    names = tree.yaml_files(school.parent)
    if school not in names:
        raise _problem(label, "dit bestand bestaat niet", "geef het pad van een schoolbestand")
    tree.fetch(names, copy)
    data = read_yaml_file(copy / school)  # the school's own mistakes are reported
    if policy_file_kind(data) not in ("school", "case"):  # a case file: the loader says where it belongs
        raise _problem(label, "dit is geen schoolbestand", "vergelijk een bestand dat met 'school:' begint")
    others = {name: _readable(copy / name) for name in names if name != school}
    boards = _boards(data, others, copy)
    tree.fetch(
        [item for name in (school, *boards) for item in _named_paths(name, others.get(name, data))], copy
    )
    return boards


def _boards(school: Any, others: dict[Path, Any], copy: Path) -> list[Path]:
    """The board file the school names; when no board has its id, every board that might be meant.

    The loader then says what is wrong: an id that is misspelt (it suggests the right one), or a
    mistake in the board file itself, which cannot be read but does mention the id.
    """
    wanted = named_board(school)
    if not isinstance(wanted, str):
        return []  # the board is in the school file itself, or the loader reports what is missing
    boards = [name for name, raw in others.items() if policy_file_kind(raw) == "board"]
    named = [name for name in boards if board_id(others[name]) == wanted]
    if named:
        return named
    broken = [name for name, raw in others.items() if raw is None and _mentions(copy / name, wanted)]
    return [*boards, *broken]


def _mentions(file: Path, word: str) -> bool:
    return word in file.read_text(encoding="utf-8", errors="replace")


def _named_paths(name: Path, raw: Any) -> list[Path]:
    """The template folder, logo and own text files a policy file points at, when they lie inside the tree."""
    if not isinstance(raw, dict):
        return []
    wanted = [raw.get("sjablonen")]
    info = raw.get("school")
    if isinstance(info, dict):
        wanted.append(info.get("logo"))
    own_texts = raw.get("eigen_teksten")
    if isinstance(own_texts, list):
        wanted.extend(item.get("bestand") for item in own_texts if isinstance(item, dict))
    paths = []
    for value in wanted:
        if isinstance(value, str) and value and not Path(value).is_absolute():
            relative = Path(os.path.normpath(name.parent / value))
            if relative.parts and relative.parts[0] != "..":
                paths.append(relative)
    return paths
