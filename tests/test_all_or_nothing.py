"""All-or-nothing outputs: a build killed at any moment leaves every output complete, old or new.

The example board is built twice, before and after a change that reaches every
school (the board's name), into reference folders. Then builds of the new policy
over the old outputs are killed: at every step of the commit (deterministic: the
build ends its process with os._exit between two swaps) and at random moments
(kill -9 from outside). After each kill every output folder must equal its old or
its new reference byte for byte; after the next run has cleaned up, the whole
build must be new (the commit was journalled) or wholly old.

Each killed build runs in a child process forked from the test's own (Linux), which
has the package loaded and its templates compiled already: a real process that
really dies, without the second or so of starting Python and importing everything,
so the many kills take seconds instead of minutes. The kills at random moments let
MkDocs build every site, as a first build does, so a kill can land inside it.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import require_program

from schoolveiligheid import files
from schoolveiligheid.cli import main
from schoolveiligheid.files import WORK_FOLDER, Swap, _renameat2
from schoolveiligheid.writers import site

ROOT = Path(__file__).resolve().parents[1]
SCHOOLS = ("kompasroos", "vlinderboom", "zonnewijzer")
OLD_BOARD = "Stichting Openbaar Onderwijs Lindewaarde"
NEW_BOARD = "Stichting Openbaar Onderwijs Eikenrode"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "PYTHONPATH": str(ROOT)}


def _outputs(root: Path) -> dict[str, Path]:
    outputs = {f"documenten/{school}": root / "documenten" / school for school in SCHOOLS}
    outputs.update({f"site/{school}": root / "site" / school for school in SCHOOLS})
    outputs["site/index.html"] = root / "site" / "index.html"
    return outputs


def _digest(path: Path) -> str | None:
    """One hash of a file or a whole folder (names and contents); None when it is missing."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    if not path.is_dir():
        return None
    total = hashlib.sha256()
    for item in sorted(path.rglob("*")):
        if item.is_file():
            total.update(item.relative_to(path).as_posix().encode() + b"\0" + item.read_bytes())
    return total.hexdigest()


def _digests(root: Path) -> dict[str, str | None]:
    return {name: _digest(path) for name, path in _outputs(root).items()}


def _build(policy: Path, out: Path) -> None:
    """A clean build, in this process (the outputs are the same bytes as a new process's)."""
    assert main(["bouw", "--policy", str(policy), "--uitvoer", str(out)]) == 0


@dataclass(frozen=True, slots=True)
class _Child:
    """A build running in a forked child process; `report` gets its traceback if it fails."""

    pid: int
    report: Path


def _start_build(
    policy: Path, out: Path, stop_at: int | None = None, mode: str = "voor", *, mkdocs: bool = False
) -> _Child:
    """Start a build of `policy` into `out` in a child process forked from this one.

    With `stop_at` the child ends itself with os._exit at that swap of the commit: before it
    ("voor"), or between its two renames ("tussen": the fallback for systems without an atomic
    exchange, which the child is made to use). The child inherits this process's kept sites, so
    it copies an unchanged site instead of running MkDocs; with `mkdocs` MkDocs builds every site,
    so a kill can also land inside a site build. The child never returns into pytest."""
    if sys.platform != "linux":
        pytest.skip("a build is killed in a forked child process: only on Linux is fork safe here")
    report = out.with_name(f"{out.name}-fout.txt")
    with warnings.catch_warnings():  # Python 3.12 warns about fork in a process with threads
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid:
        return _Child(pid, report)
    code = 70
    try:
        quiet = os.open(os.devnull, os.O_WRONLY)  # not into the parent's captured output
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        sys.stdout = sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - ends with the child
        if mkdocs:
            site._BUILT_SITES = site._BuiltSites(limit=0)
        if stop_at is not None:
            calls = 0
            original = files._put_in_place

            def put_in_place(staged: Path, final: Path, spare: Path) -> None:
                nonlocal calls
                calls += 1
                if calls - 1 == stop_at:
                    if mode == "tussen" and final.exists():
                        final.rename(spare)
                    os._exit(9)
                original(staged, final, spare)

            files._put_in_place = put_in_place
            if mode == "tussen":
                files._renameat2 = lambda: None  # type: ignore[assignment]
        code = main(["bouw", "--policy", str(policy), "--uitvoer", str(out)])
    except BaseException:  # noqa: BLE001 - told to the parent through the report
        report.write_text(traceback.format_exc(), encoding="utf-8")
    finally:
        os._exit(code)


def _wait(child: _Child, timeout: float = 120) -> int:
    """The exit code of a build child (-9: killed); a child that hangs is killed and fails the test."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status = os.waitpid(child.pid, os.WNOHANG)
        if pid:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(child.pid, signal.SIGKILL)
            os.waitpid(child.pid, 0)
            pytest.fail(f"the build in child process {child.pid} did not end within {timeout:.0f} s")
        time.sleep(0.01)


def _ended(child: _Child, expected: int) -> None:
    code = _wait(child)
    told = child.report.read_text(encoding="utf-8") if child.report.is_file() else ""
    assert code == expected, f"the build ended with {code}, not {expected}\n{told}"


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The old and the new policy, and the digests of a clean build of each."""
    base = tmp_path_factory.mktemp("alles-of-niets")
    old_policy, new_policy = base / "oud", base / "nieuw"
    shutil.copytree(ROOT / "policy", old_policy)
    shutil.copytree(ROOT / "policy", new_policy)
    board = new_policy / "bestuur.yaml"
    board.write_text(board.read_text(encoding="utf-8").replace(OLD_BOARD, NEW_BOARD), encoding="utf-8")
    old_out, new_out = base / "ref-oud", base / "ref-nieuw"
    _build(old_policy, old_out)
    _build(new_policy, new_out)
    old, new = _digests(old_out), _digests(new_out)
    assert all(old.values()) and all(new.values())
    assert all(old[name] != new[name] for name in old), "the change must reach every output"
    return {"old_policy": old_policy, "new_policy": new_policy, "old_out": old_out, "old": old, "new": new}


def _fresh_old(states: dict[str, object], target: Path) -> Path:
    shutil.copytree(states["old_out"], target, symlinks=True)  # type: ignore[arg-type]
    return target


def _each_old_or_new(states: dict[str, object], root: Path) -> dict[str, str]:
    """Which state each output is in; fails when one is missing or mixed."""
    old, new = states["old"], states["new"]
    found = {}
    for name, digest in _digests(root).items():
        if digest == old[name]:  # type: ignore[index]
            found[name] = "oud"
        elif digest == new[name]:  # type: ignore[index]
            found[name] = "nieuw"
        else:
            pytest.fail(f"{name} is not complete: neither the old nor the new output ({digest})")
    return found


def _recover(root: Path) -> None:
    with Swap(root):  # entering finishes or clears what an interrupted run left
        pass


def _no_leftovers(root: Path) -> None:
    assert not list((root / WORK_FOLDER).glob("bouw-*")), "an interrupted run's staging area was left"
    hidden = [path for path in (root / "site").rglob(".*")] + [
        path for path in (root / "documenten").glob(".*")
    ]
    assert not hidden, f"hidden leftovers in the published folders: {hidden}"


def test_the_commit_can_swap_atomically_here() -> None:
    """The guarantee 'never missing, not even for a moment' rests on renameat2(RENAME_EXCHANGE)."""
    if sys.platform != "linux":
        pytest.skip("an atomic exchange of two paths exists only on Linux")
    assert _renameat2() is not None


@pytest.mark.slow  # 8 builds per mode, each killed in a process of its own
@pytest.mark.parametrize("mode", ["voor", "tussen"])
def test_killed_at_every_step_of_the_commit(states: dict[str, object], tmp_path: Path, mode: str) -> None:
    swaps = len(_outputs(tmp_path)) + 1  # every output and the state record
    for stop_at in range(swaps):
        root = _fresh_old(states, tmp_path / f"uit-{stop_at}")
        _ended(_start_build(states["new_policy"], root, stop_at, mode), 9)  # type: ignore[arg-type]
        if mode == "voor":
            seen = _each_old_or_new(states, root)
            assert list(seen.values()).count("nieuw") <= stop_at
        _recover(root)
        assert set(_each_old_or_new(states, root).values()) == {"nieuw"}, f"killed before swap {stop_at}"
        _no_leftovers(root)
    # After a recovered run the next build goes on as usual (its record of files is intact).
    _build(states["new_policy"], root)  # type: ignore[arg-type]
    assert set(_each_old_or_new(states, root).values()) == {"nieuw"}


@pytest.mark.slow  # 11 builds, each in a process of its own
def test_killed_at_random_moments(states: dict[str, object], tmp_path: Path) -> None:
    measured = _fresh_old(states, tmp_path / "maat")
    started = time.monotonic()
    _ended(_start_build(states["new_policy"], measured, mkdocs=True), 0)  # type: ignore[arg-type]
    duration = time.monotonic() - started
    chance = random.Random(20261201)
    outcomes = {"oud": 0, "nieuw": 0, "gemengd": 0}
    for attempt in range(10):
        root = _fresh_old(states, tmp_path / f"uit-{attempt}")
        child = _start_build(states["new_policy"], root, mkdocs=True)  # type: ignore[arg-type]
        time.sleep(chance.uniform(0.3, 1.1) * duration)
        os.kill(child.pid, signal.SIGKILL)
        _wait(child)
        seen = set(_each_old_or_new(states, root).values())
        outcomes["gemengd" if len(seen) > 1 else seen.pop()] += 1
        _recover(root)
        after = set(_each_old_or_new(states, root).values())
        assert len(after) == 1, f"after recovery the build is mixed: {after}"
        _no_leftovers(root)
    print(f"random kills: {outcomes}")
    assert sum(outcomes.values()) == 10


@pytest.mark.slow
def test_killed_pdf_build_leaves_no_office_behind(states: dict[str, object], tmp_path: Path) -> None:
    require_program("soffice", "libreoffice")
    root = _fresh_old(states, tmp_path / "uit")
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "generate.py"), "bouw", "--pdf", "--policy", str(states["new_policy"])]
        + ["--uitvoer", str(root)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:  # the build never outlives the test, also when the test fails before the kill
        profile = None
        deadline = time.monotonic() + 120
        while profile is None and time.monotonic() < deadline and process.poll() is None:
            profile = _office_profile(root / WORK_FOLDER)
            time.sleep(0.05)
        assert profile is not None, "LibreOffice did not start inside the run's staging area"
        time.sleep(1.0)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    deadline = time.monotonic() + 20
    while _office_running(profile) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _office_running(profile), "LibreOffice outlived the killed build"
    assert set(_each_old_or_new(states, root).values()) == {"oud"}
    _recover(root)
    assert not profile.exists()
    _no_leftovers(root)


def _office_profile(work: Path) -> Path | None:
    """LibreOffice's profile folder (lo-*) in a build's staging area, once there is one. The build
    removes its work folders while this looks (a glob then fails on a vanished folder): os.walk
    skips a folder that is gone."""
    for folder, names, _ in os.walk(work):
        found = next((name for name in names if name.startswith("lo-")), None)
        if found is not None:
            return Path(folder) / found
    return None


def _office_running(profile: Path) -> bool:
    """True while any process has the profile folder on its command line (read from /proc, Linux)."""
    marker = str(profile).encode()
    for command_line in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker in command_line.read_bytes():
                return True
        except OSError:  # the process ended while we looked
            continue
    return False


def test_an_interrupted_run_is_finished_by_the_next(tmp_path: Path) -> None:
    """The journal is what makes the roll forward safe: without it nothing is swapped. (An output
    of one file and one folder stands in for a build: what is swapped is the same to Swap.)"""
    root = tmp_path / "uit"
    index = root / "site" / "index.html"
    documents = root / "documenten" / "vlinderboom"
    documents.mkdir(parents=True)
    index.parent.mkdir()
    index.write_text("oud", encoding="utf-8")
    (documents / "plan.docx").write_bytes(b"oud")
    before = _published(root)
    with Swap(root) as swap:
        swap.stage(index).write_text("nieuw", encoding="utf-8")
        staged = swap.stage(documents)
        staged.mkdir(parents=True, exist_ok=True)
        (staged / "plan.docx").write_bytes(b"nieuw")
        area = swap.area
        assert area.exists()
        # no commit: leaving the block clears the staging area
    assert not area.exists()
    _recover(root)  # the next run finds no journal, so it swaps nothing in
    assert _published(root) == before
    _no_leftovers(root)


def _published(root: Path) -> dict[str, bytes]:
    """Every output file by its path, outside the tool's own work folder."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and WORK_FOLDER not in path.relative_to(root).parts
    }


def test_a_concurrent_run_is_refused(tmp_path: Path) -> None:
    from schoolveiligheid.errors import BuildFailed

    with Swap(tmp_path), pytest.raises(BuildFailed, match="er loopt al een andere opdracht"), Swap(tmp_path):
        pass
