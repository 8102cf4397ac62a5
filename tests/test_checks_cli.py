"""`controleer` and `bouw` with findings: what is printed, the exit codes, and what a refused build keeps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL, changed
from policies import line_of, policy_tree

from schoolveiligheid.cli import main

ROOT = Path(__file__).resolve().parents[1]
BROKEN = changed(COMPLETE_SCHOOL, "laatste_afname: 2026-03-10", "laatste_afname: 2024-03-10")


def _policy(tmp_path: Path, school: str = COMPLETE_SCHOOL) -> Path:
    return policy_tree(tmp_path, school, COMPLETE_BOARD)


def test_controleer_reports_per_school_and_exits_0_without_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["controleer", "--policy", str(_policy(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "== Basisschool De Testhoeve (testschool): 0 fouten, 0 waarschuwingen" in out
    assert out.rstrip().endswith("1 school gecontroleerd: 0 fouten, 0 waarschuwingen")


def test_controleer_exits_0_with_only_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    school = changed(
        COMPLETE_SCHOOL, "incidentregistratie:\n  systeem: ParnasSys\n  verantwoordelijke: directeur\n", ""
    )
    assert main(["controleer", "--policy", str(_policy(tmp_path, school))]) == 0
    assert "waarschuwing: " in capsys.readouterr().out


def test_controleer_exits_1_on_an_error_and_says_where_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # locations are shown relative to the working folder
    _policy(tmp_path, BROKEN)
    assert main(["controleer", "--policy", "policy"]) == 1
    out = capsys.readouterr().out
    line = line_of(BROKEN, "laatste_afname: 2024-03-10")
    assert f"fout: policy/school.yaml:{line}: monitoring.instrumenten[0].laatste_afname: " in out
    assert "  bron: Inspectie van het Onderwijs, Toezicht op monitoring sociale veiligheid" in out
    assert "  tip: " in out
    assert "1 fout, 0 waarschuwingen" in out


def test_controleer_exits_2_on_invalid_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    school = changed(COMPLETE_SCHOOL, "  telefoon: 020 123 4567\n", "  telefoon: 06-123\n")
    assert main(["controleer", "--policy", str(_policy(tmp_path, school))]) == 2
    assert "ongeldig telefoonnummer" in capsys.readouterr().err
    assert main(["controleer", "--policy", str(tmp_path / "bestaat-niet")]) == 2


def test_controleer_as_a_program(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000"}
    command = [sys.executable, str(ROOT / "generate.py"), "controleer", "--policy"]
    good = subprocess.run(
        [*command, str(_policy(tmp_path / "goed"))], capture_output=True, text=True, env=env
    )
    assert good.returncode == 0, good.stderr
    bad = subprocess.run(
        [*command, str(_policy(tmp_path / "fout", BROKEN))], capture_output=True, text=True, env=env
    )
    assert bad.returncode == 1
    assert "wvs-monitor" not in bad.stdout and "fout: " in bad.stdout  # Dutch text, not rule ids


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_an_adopted_school_with_an_error_gets_no_new_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path)
    out = tmp_path / "uit"
    assert main(["bouw", "--policy", str(policy), "--uitvoer", str(out)]) == 0
    before = _files(out)
    assert "documenten/testschool/sociaal-veiligheidsplan.docx" in before
    assert "site/testschool/index.html" in before

    broken = changed(
        BROKEN, "  naam: Basisschool De Testhoeve\n", "  naam: Basisschool De Nieuwe Testhoeve\n"
    )
    (policy / "school.yaml").write_text(broken, encoding="utf-8")
    capsys.readouterr()
    assert main(["bouw", "--policy", str(policy), "--uitvoer", str(out)]) == 1
    err = capsys.readouterr().err
    assert "testschool is vastgesteld maar heeft 1 fout; er zijn geen documenten gemaakt" in err
    assert _files(out) == before, "the previous documents and site stay exactly as they were"


def test_a_concept_school_with_an_error_is_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    school = changed(
        BROKEN,
        "  status: vastgesteld\n  mr_instemming_op: 2026-09-01\n  vastgesteld_op: 2026-09-08\n",
        "  status: concept\n",
    )
    out = tmp_path / "uit"
    assert (
        main(["bouw", "--zonder-website", "--policy", str(_policy(tmp_path, school)), "--uitvoer", str(out)])
        == 0
    )
    assert (out / "documenten" / "testschool" / "sociaal-veiligheidsplan.docx").is_file()
    assert "2 bevindingen; zie: python generate.py controleer" in capsys.readouterr().out


def test_bouw_exits_2_on_invalid_input_and_writes_nothing(tmp_path: Path) -> None:
    school = changed(COMPLETE_SCHOOL, "  telefoon: 020 123 4567\n", "  telefoon: 06-123\n")
    out = tmp_path / "uit"
    assert main(["bouw", "--policy", str(_policy(tmp_path, school)), "--uitvoer", str(out)]) == 2
    assert not out.exists()


def test_bouw_as_a_program_refuses_an_adopted_school_with_errors(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000"}
    out = tmp_path / "uit"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "generate.py"),
            "bouw",
            "--zonder-website",
            "--policy",
            str(_policy(tmp_path, BROKEN)),
            "--uitvoer",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert "er zijn geen documenten gemaakt" in result.stderr
    assert not (out / "documenten" / "testschool").exists()
