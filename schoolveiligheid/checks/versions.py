"""One version of a school's policy: a file as it is now, or as it was at a git revision.

A version is loaded through the normal model path, from a private copy of the
file's folder that holds only that school file and the folder's board files
(plus logos and template folders), so the board still resolves and other
schools' files cannot get in the way. A git revision is taken from the
repository with `git archive`; nothing in the working copy changes.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..errors import InvalidInput, Problem, ToolMissing, display_path
from ..load import read_yaml_file
from ..model import load_schools
from .compare import Side

GIT_HINT = "installeer git, of vergelijk twee bestanden zonder @revisie"


def parse_version(spec: str) -> tuple[Path, str | None]:
    """'policy/x.yaml@HEAD~1' -> (policy/x.yaml, 'HEAD~1'); a path that exists as typed has no revision."""
    if Path(spec).exists() or "@" not in spec:
        return Path(spec), None
    path, revision = spec.rsplit("@", 1)
    return Path(path), revision or None


def load_version(spec: str) -> Side:
    """Load the school in a file, optionally at a git revision; InvalidInput when that is not possible."""
    path, revision = parse_version(spec)
    label = f"{display_path(path)}@{revision}" if revision else display_path(path)
    with tempfile.TemporaryDirectory(prefix="schoolveiligheid-versie-") as work:
        folder = Path(work) / "beleid"
        if revision is None:
            _copy_working_folder(path, folder)
        else:
            _copy_revision(path, revision, folder)
        target = folder / path.name
        try:
            _keep_only(target, label)
            schools = load_schools(folder)
        except InvalidInput as error:
            raise InvalidInput(
                _relabel(problem, folder, path, revision) for problem in error.problems
            ) from None
    return Side(label, schools[0])


def _relabel(problem: Problem, folder: Path, path: Path, revision: str | None) -> Problem:
    """Point a problem in the private copy back at the file the user named (with its revision)."""
    try:
        relative = Path(problem.file).relative_to(folder)
    except ValueError:
        return problem
    original = path.parent / relative
    file = f"{display_path(original)}@{revision}" if revision else str(original)
    return Problem(file, problem.line, problem.key, problem.message, problem.hint)


def _problem(path: Path | str, message: str, hint: str) -> InvalidInput:
    return InvalidInput([Problem(str(path), None, "", message, hint)])


def _copy_working_folder(path: Path, folder: Path) -> None:
    if not path.is_file():
        raise _problem(
            path,
            "dit bestand bestaat niet",
            "geef het pad van een schoolbestand, bijvoorbeeld policy/vlinderboom.yaml",
        )
    shutil.copytree(path.resolve().parent, folder, ignore=shutil.ignore_patterns(".git"))


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


def _copy_revision(path: Path, revision: str, folder: Path) -> None:
    source = path.resolve().parent
    if not source.is_dir():
        raise _problem(path, "de map van dit bestand bestaat niet", "geef een pad binnen de git-repository")
    try:
        root = Path(_git(["rev-parse", "--show-toplevel"], source).decode().strip())
    except _GitError:
        raise _problem(
            path, "dit bestand staat niet in een git-repository", "vergelijk twee bestanden zonder @revisie"
        ) from None
    relative = source.relative_to(root.resolve())
    if revision.startswith("-"):  # git would read it as an option
        raise _problem(
            path, f"'{revision}' is geen revisie", "bijvoorbeeld HEAD~1, een commit-hash of een tag"
        )
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
    except _GitError:
        raise _problem(
            path, f"git kent de revisie '{revision}' niet", "bijvoorbeeld HEAD~1, een commit-hash of een tag"
        ) from None
    try:
        archive = _git(["archive", "--format=tar", revision, "--", relative.as_posix() or "."], root)
    except _GitError:
        raise _problem(
            path,
            f"de map {relative.as_posix()} bestaat niet in revisie '{revision}'",
            "kies een oudere of nieuwere revisie",
        ) from None
    extracted = folder.parent / "git"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(extracted, filter="data")
        else:  # older Python: the archive is git's copy of the user's own repository
            tar.extractall(extracted)  # noqa: S202
    (extracted / relative).rename(folder)
    if not (folder / path.name).is_file():
        raise _problem(
            path,
            f"dit bestand bestaat niet in revisie '{revision}'",
            "kies een revisie waarin het bestand al bestond",
        )


def _keep_only(target: Path, label: str) -> None:
    """Remove the other schools' files, so only this school (and the boards) is loaded."""
    if not target.is_file():
        raise _problem(label, "dit bestand bestaat niet", "geef het pad van een schoolbestand")
    for other in target.parent.iterdir():
        if other == target or other.suffix not in {".yaml", ".yml"} or not other.is_file():
            continue
        try:
            data = read_yaml_file(other)
        except InvalidInput:
            other.unlink()  # another file's mistakes are not this comparison's business
            continue
        if "school" in data:
            other.unlink()
    if "school" not in read_yaml_file(target):
        raise _problem(label, "dit is geen schoolbestand", "vergelijk een bestand dat met 'school:' begint")
