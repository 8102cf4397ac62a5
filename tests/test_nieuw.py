"""`nieuw`: a concept school file (and board file) for a real school, from options or questions."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from schoolveiligheid.cli import main

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = [
    "--naam",
    "Basisschool De Linde",
    "--school",
    "delinde",
    "--straat",
    "Kerkpad 3",
    "--postcode",
    "1234 AB",
    "--plaats",
    "Ergensdorp",
    "--telefoon",
    "020 555 0101",
    "--email",
    "info@delinde.nl",
    "--directeur",
    "Anouk Bakker",
    "--bestuur",
    "kindwijs",
    "--bestuursnaam",
    "Stichting Kindwijs",
    "--schooljaar",
    "2026-2027",
]
EXAMPLE_TRACES = ("Vlinderboom", "Lindewaarde", "SOOL", ".example", "Mulder", "0123 ")


def _new(policy: Path, *extra: str) -> int:
    return main(["nieuw", "--policy", str(policy), "--geen-vragen", *OPTIONS, *extra])


def test_options_make_a_concept_school_and_its_board(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "beleid"
    assert _new(policy) == 0
    school = (policy / "delinde.yaml").read_text(encoding="utf-8")
    board = (policy / "bestuur.yaml").read_text(encoding="utf-8")
    assert school.startswith("# yaml-language-server: $schema=")
    assert (policy / school.split("$schema=", 1)[1].split("\n", 1)[0]).resolve() == (
        ROOT / "schema" / "school.schema.json"
    )
    assert (
        board.startswith("# yaml-language-server: $schema=")
        and "bestuur.schema.json" in board.splitlines()[0]
    )
    assert "status: concept" in school and "bestuur: kindwijs" in school
    assert 'naam: "Stichting Kindwijs"' in board
    for trace in EXAMPLE_TRACES:
        assert trace not in school + board, f"{trace} comes from the example"
    out = capsys.readouterr().out
    assert "controleer --policy" in out and "--school delinde" in out


def test_the_new_school_is_checked_with_findings_and_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "beleid"
    assert _new(policy) == 0
    capsys.readouterr()
    assert main(["controleer", "--policy", str(policy)]) == 1  # findings, no input errors (that is 2)
    report = capsys.readouterr().out
    assert "== Basisschool De Linde (delinde):" in report
    assert "coördinator anti-pestbeleid" in report.lower() or "rollen" in report
    out = tmp_path / "uit"
    assert main(["bouw", "--zonder-website", "--policy", str(policy), "--uitvoer", str(out)]) == 0
    assert (out / "documenten" / "delinde" / "sociaal-veiligheidsplan.docx").is_file()


def test_a_board_already_in_the_folder_is_used(tmp_path: Path) -> None:
    policy = tmp_path / "beleid"
    assert _new(policy) == 0
    before = (policy / "bestuur.yaml").read_bytes()
    second = {"--naam": "Basisschool De Es", "--school": "dees", "--email": "info@dees.nl"}
    options = [
        second.get(OPTIONS[index - 1], word) if index % 2 else word for index, word in enumerate(OPTIONS)
    ]
    without_board = [
        word
        for word in options
        if word not in ("--bestuur", "kindwijs", "--bestuursnaam", "Stichting Kindwijs")
    ]
    assert main(["nieuw", "--policy", str(policy), "--geen-vragen", *without_board]) == 0
    assert (policy / "bestuur.yaml").read_bytes() == before
    assert "bestuur: kindwijs" in (policy / "dees.yaml").read_text(encoding="utf-8")
    assert sorted(path.name for path in policy.glob("*.yaml")) == [
        "bestuur.yaml",
        "dees.yaml",
        "delinde.yaml",
    ]
    assert main(["controleer", "--policy", str(policy)]) == 1, "both schools load (findings only)"


def test_nothing_is_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "beleid"
    assert _new(policy) == 0
    (policy / "delinde.yaml").write_text("# eigen werk\n", encoding="utf-8")
    assert _new(policy) == 2
    assert "dit bestand bestaat al en wordt niet overschreven" in capsys.readouterr().err
    assert (policy / "delinde.yaml").read_text(encoding="utf-8") == "# eigen werk\n"


def test_missing_options_are_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "beleid"
    assert main(["nieuw", "--policy", str(policy), "--geen-vragen", "--naam", "De Es"]) == 2
    err = capsys.readouterr().err
    for flag in ("--straat", "--postcode", "--plaats", "--telefoon", "--email", "--bestuur", "--school"):
        assert f"fout: {flag}: ontbreekt" in err
    assert not list(policy.glob("*.yaml")) if policy.exists() else True


def test_a_wrong_answer_is_reported_at_the_file_it_would_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "beleid"
    assert _new(policy, "--telefoon", "06-123") == 2
    err = capsys.readouterr().err
    assert "delinde.yaml:" in err and "telefoon" in err
    assert not (policy / "delinde.yaml").exists() and not (policy / "bestuur.yaml").exists()


def test_questions_in_dutch_when_run_by_a_person(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = [
        "Basisschool De Es",
        "",  # the suggested code: dees
        "",  # po
        "Esweg 1",
        "2345 CD",
        "Ergensdorp",
        "020 555 0202",
        "info@dees.nl",
        "Ruben de Wit",
        "kindwijs",
        "Stichting Kindwijs",
        "",  # openbaar
        "",  # this school year
    ]
    stdin = io.StringIO("\n".join(answers) + "\n")
    monkeypatch.setattr(stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys, "stdin", stdin)
    policy = tmp_path / "beleid"
    assert main(["nieuw", "--policy", str(policy)]) == 0
    out = capsys.readouterr().out
    assert "Naam van de school" in out and "Korte code van de school" in out and "[dees]" in out
    text = (policy / "dees.yaml").read_text(encoding="utf-8")
    assert "type: po" in text and 'straat: "Esweg 1"' in text
    assert "richting: openbaar" in (policy / "bestuur.yaml").read_text(encoding="utf-8")
