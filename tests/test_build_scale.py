"""Builds that scale: incremental rebuilds, schools built in parallel processes or on Dask.

A rebuild skips every school whose inputs and outputs are unchanged (nothing rewritten: same
inode, same modification time) and says so in Dutch; a changed school file, a changed default
template or a missing output file brings back exactly the schools it concerns; `--opnieuw`
builds everything. A build with 2 processes and one on a Dask LocalCluster write byte for
byte what a build in one process writes.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import local_cluster, nothing_kept

from schoolveiligheid import incremental
from schoolveiligheid.build import BuildOptions, BuildReport, build
from schoolveiligheid.cli import main
from schoolveiligheid.files import WORK_FOLDER

ROOT = Path(__file__).resolve().parents[1]
SCHOOLS = ["kompasroos", "vlinderboom", "zonnewijzer"]


def _stats(folder: Path) -> dict[str, tuple[int, int]]:
    """Inode and modification time of every output file (the work folder left out)."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and WORK_FOLDER not in path.relative_to(folder).parts
    }


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and WORK_FOLDER not in path.relative_to(folder).parts
    }


def _school_stats(stats: dict[str, tuple[int, int]], school_id: str) -> dict[str, tuple[int, int]]:
    return {
        name: stat
        for name, stat in stats.items()
        if name.startswith((f"documenten/{school_id}/", f"site/{school_id}/"))
    }


@pytest.fixture(scope="module")
def first_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example policy and its complete outputs (documents and sites), built once."""
    base = tmp_path_factory.mktemp("incrementeel")
    shutil.copytree(ROOT / "policy", base / "policy")
    report = build(BuildOptions(policy=base / "policy", output_root=base / "uit"))
    assert sorted(report.built) == SCHOOLS
    return base


@pytest.fixture
def built(first_build: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A fresh copy of the first build at the same place each time (the record names absolute paths)."""
    saved = tmp_path / "bewaard"
    first_build.rename(saved)  # the first build is kept aside whole, and the test works on a copy
    shutil.copytree(saved, first_build, copy_function=shutil.copy2)
    yield first_build / "policy", first_build / "uit"
    shutil.rmtree(first_build)
    saved.rename(first_build)


def test_an_unchanged_rebuild_rewrites_nothing_and_says_so(
    built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    policy, out = built
    before = _stats(out)
    assert main(["bouw", "--policy", str(policy), "--uitvoer", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "ongewijzigd sinds de vorige bouw, overgeslagen: kompasroos, vlinderboom, zonnewijzer" in printed
    assert "--opnieuw" in printed
    assert _stats(out) == before  # same inodes, same times: not one file written


def test_a_changed_school_file_rebuilds_only_that_school(built: tuple[Path, Path]) -> None:
    policy, out = built
    before = _stats(out)
    school = policy / "vlinderboom.yaml"
    school.write_text(school.read_text(encoding="utf-8") + "\n# een kleine wijziging\n", encoding="utf-8")
    report = build(BuildOptions(policy=policy, output_root=out))
    assert report.built == ["vlinderboom"]
    assert report.skipped == ["kompasroos", "zonnewijzer"]
    after = _stats(out)
    for school_id in ("kompasroos", "zonnewijzer"):
        assert _school_stats(after, school_id) == _school_stats(before, school_id)
    assert _school_stats(after, "vlinderboom") != _school_stats(before, "vlinderboom")
    assert "site/index.html" in after  # the board index still lists every school
    index = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert all(f"{school_id}/index.html" in index for school_id in SCHOOLS)


def test_a_changed_default_template_rebuilds_every_school(
    built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key covers every file of the default templates: here a copy stands in for them, so the
    test can change one without touching the project's own."""
    policy, out = built
    defaults = tmp_path / "templates"
    shutil.copytree(incremental.DEFAULT_TEMPLATES, defaults)
    monkeypatch.setattr(incremental, "DEFAULT_TEMPLATES", defaults)
    build(BuildOptions(policy=policy, output_root=out))  # the record now names the stand-in
    assert build(BuildOptions(policy=policy, output_root=out)).skipped == SCHOOLS
    chapter = next(defaults.rglob("*.md.j2"))
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = build(BuildOptions(policy=policy, output_root=out))
    assert sorted(report.built) == SCHOOLS and report.skipped == []


def test_a_deleted_output_file_rebuilds_that_school(built: tuple[Path, Path]) -> None:
    policy, out = built
    (out / "site" / "zonnewijzer" / "contact.html").unlink()
    edited = sorted((out / "documenten" / "kompasroos").glob("*.docx"))[0]
    report = build(BuildOptions(policy=policy, output_root=out))
    assert report.built == ["zonnewijzer"]
    assert (out / "site" / "zonnewijzer" / "contact.html").is_file()
    edited.write_bytes(edited.read_bytes() + b"\0")  # same file, other bytes
    assert build(BuildOptions(policy=policy, output_root=out)).built == ["kompasroos"]


def test_opnieuw_builds_every_school(built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    policy, out = built
    before = _stats(out)
    argv = ["bouw", "--policy", str(policy), "--uitvoer", str(out), "--zonder-website", "--opnieuw"]
    assert main([*argv, "--werkers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "overgeslagen" not in printed
    assert all(f"{school_id}: " in printed for school_id in SCHOOLS)
    after = _stats(out)
    for school_id in SCHOOLS:
        documents = {k: v for k, v in _school_stats(after, school_id).items() if k.startswith("documenten/")}
        assert documents and all(before[name] != stat for name, stat in documents.items())


def test_the_no_op_decision_loads_nothing(built: tuple[Path, Path]) -> None:
    """Decided from hashes alone: the record's plan says there is nothing to do."""
    policy, out = built
    options = {"pdf": False, "pdfa": False, "website": True, "archive": False}
    plan = incremental.plan(policy, out, options)
    assert plan.nothing_to_do and plan.skip == frozenset(SCHOOLS)
    assert not incremental.plan(policy, out, {**options, "pdf": True}).skip  # other options, other outputs


# Runs generate.py as `python generate.py ARGS` would and then prints every module it loaded.
_MODULES_OF_A_RUN = """
import runpy, sys
sys.argv = ["generate.py", *sys.argv[1:]]
try:
    runpy.run_path("generate.py", run_name="__main__")
except SystemExit as end:
    print("exit", end.code)
print("modules", *sorted(sys.modules))
"""
# What the build loads once it has work to do; a rebuild with nothing to do loads none of it.
NOT_FOR_A_NO_OP = (
    "yaml",
    "pydantic",
    "jinja2",
    "docx",
    "mkdocs",
    "matplotlib",
    "markdown",
    "tqdm",
    "schoolveiligheid.model",
    "schoolveiligheid.brief",
    "schoolveiligheid.render",
    "schoolveiligheid.writers",
    "schoolveiligheid.school_build",
)


def test_a_no_op_generate_py_bouw_imports_no_model_template_or_writer(built: tuple[Path, Path]) -> None:
    """Start-up counts in a rebuild with nothing to do: the command line imports each command's
    modules when it runs, and the build its own only once the plan says there is work."""
    policy, out = built
    result = subprocess.run(
        [sys.executable, "-c", _MODULES_OF_A_RUN, "bouw", "--policy", str(policy), "--uitvoer", str(out)],
        cwd=ROOT,  # `-c` puts the working directory first on the path: this checkout's package
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        "ongewijzigd sinds de vorige bouw, overgeslagen: kompasroos, vlinderboom, zonnewijzer"
        in result.stdout
    )
    assert "exit 0" in result.stdout.splitlines()
    modules = result.stdout.splitlines()[-1].split()[1:]
    assert "schoolveiligheid.incremental" in modules  # the plan was made, by this checkout's package
    loaded = [
        heavy
        for heavy in NOT_FOR_A_NO_OP
        if any(name == heavy or name.startswith(f"{heavy}.") for name in modules)
    ]
    assert not loaded, f"geladen bij een bouw zonder werk: {', '.join(loaded)}"


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildReport, Path]:
    """The example built in this process, the reference for the other executors."""
    out = tmp_path_factory.mktemp("een")
    return build(BuildOptions(policy=ROOT / "policy", output_root=out, workers=1)), out


@pytest.fixture
def no_kept_outputs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every site and Word document of the test is made anew (in this process, its threads and the
    workers it forks), so an equivalence test compares two real builds, not an output with its kept copy."""
    nothing_kept(monkeypatch)


def test_two_workers_write_the_same_bytes_as_one(
    one_worker: tuple[BuildReport, Path], tmp_path: Path, no_kept_outputs: None
) -> None:
    one, one_out = one_worker
    two = build(BuildOptions(policy=ROOT / "policy", output_root=tmp_path / "twee", workers=2))
    assert sorted(one.built) == sorted(two.built) == SCHOOLS
    first, second = _digests(one_out), _digests(tmp_path / "twee")
    assert first and first == second
    assert [str(f) for f in one.findings] == [str(f) for f in two.findings]


def test_a_dask_cluster_writes_the_same_bytes_as_a_local_build(
    one_worker: tuple[BuildReport, Path], tmp_path: Path, no_kept_outputs: None
) -> None:
    distributed = pytest.importorskip("distributed", reason="de extra 'dask' is niet geïnstalleerd")
    local, local_out = one_worker
    with local_cluster(distributed) as cluster:
        remote = build(
            BuildOptions(
                policy=ROOT / "policy", output_root=tmp_path / "dask", dask=cluster.scheduler_address
            )
        )
    assert sorted(remote.built) == sorted(local.built) == SCHOOLS
    first, second = _digests(local_out), _digests(tmp_path / "dask")
    assert first and first == second


def test_an_unreachable_dask_scheduler_is_a_dutch_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed", reason="de extra 'dask' is niet geïnstalleerd")
    from schoolveiligheid import build as building

    monkeypatch.setattr(building, "DASK_CONNECT_SECONDS", 0.2)  # nothing listens there: no need to wait 10 s
    argv = ["bouw", "--uitvoer", str(tmp_path / "uit"), "--zonder-website", "--opnieuw"]
    assert main([*argv, "--dask", "tcp://127.0.0.1:1"]) != 0
    err = capsys.readouterr().err
    assert "kan de Dask-scheduler op tcp://127.0.0.1:1 niet bereiken" in err
    assert not (tmp_path / "uit" / "documenten").exists()


def test_the_computers_default_for_werkers_comes_from_its_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SCHOOLVEILIGHEID_WERKERS sets the default of --werkers (checked like the option); unset: the cores."""
    from schoolveiligheid import cli

    monkeypatch.setenv(cli.WORKERS_VARIABLE, "3")
    assert cli.parser().parse_args(["bouw"]).werkers == 3
    assert cli.parser().parse_args(["bouw", "--werkers", "2"]).werkers == 2
    monkeypatch.delenv(cli.WORKERS_VARIABLE)
    assert cli.parser().parse_args(["bouw"]).werkers is None  # then build.default_workers(): the cores
    monkeypatch.setenv(cli.WORKERS_VARIABLE, "nul")
    assert main(["bouw", "--uitvoer", str(tmp_path / "uit")]) == 2
    assert "'nul' is geen geheel getal van 1 of meer" in capsys.readouterr().err
    assert not (tmp_path / "uit").exists()
