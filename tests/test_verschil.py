"""`verschil`: a summary for the MR of what changed between two versions of a school's policy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL, changed
from policies import policy_tree
from support import require_program

from schoolveiligheid.checks.versions import parse_version
from schoolveiligheid.cli import main

ROOT = Path(__file__).resolve().parents[1]

NEW = COMPLETE_SCHOOL
for old, new in (
    ('  versie: "1.0"\n', '  versie: "1.1"\n'),
    ("coordinator_anti_pestbeleid: {personen: [p-coord]}", "coordinator_anti_pestbeleid: {personen: [p-ib]}"),
    ("    email: dirk@testhoeve.example\n", "    email: directie@testhoeve.example\n"),
    (
        "  - id: vreedzame_school\n    groepen: 1-8\n",
        "  - id: vreedzame_school\n    groepen: 1-8\n  - id: kiva\n",
    ),
    ("    - titel: Gesprek\n", "    - titel: Gesprek met ouders\n      termijn: {weken: 2}\n"),
    ("      groepen: 5-8\n", "      groepen: 6-8\n"),
    ("laatste_afname: 2026-03-10", "laatste_afname: 2026-04-02"),
):
    NEW = changed(NEW, old, new)
NEW += "maatregelen:\n  schorsing: {max_schooldagen: 2}\nregels:\n  schoolregels: [We lopen rustig.]\n"


def _two_versions(tmp_path: Path) -> tuple[Path, Path]:
    old = policy_tree(tmp_path / "oud", COMPLETE_SCHOOL, COMPLETE_BOARD) / "school.yaml"
    new = policy_tree(tmp_path / "nieuw", NEW, COMPLETE_BOARD) / "school.yaml"
    return old, new


def test_summary_names_every_kind_of_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_versions(tmp_path)
    assert main(["verschil", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Wijzigingen in het veiligheidsbeleid van Basisschool De Testhoeve\n")
    expected = [
        "## Document",
        "- Versie: 1.0 → 1.1",
        "## Rollen en personen",
        "- Coördinator anti-pestbeleid: Cora Coördinator → Ilse Begeleider",
        "- Aanspreekpunt pesten: Cora Coördinator → Ilse Begeleider",
        "## Contactgegevens",
        "- Dirk Directeur, e-mail: dirk@testhoeve.example → directie@testhoeve.example",
        "## Methoden",
        "- Methode erbij: KiVa",
        "## Monitoring",
        "- Monitor Vensters",
        "groepen: groep 5 t/m 8 → groep 6 t/m 8",
        "laatste afname: 10 maart 2026 → 2 april 2026",
        "## Termijnen en stappen",
        "- Stap 1 (Gesprek met ouders), naam: Gesprek → Gesprek met ouders",
        "- Stap 1 (Gesprek met ouders), termijn: – → 2 weken",
        "- Schorsing, ten hoogste schooldagen: 3 → 2",
        "## Overige wijzigingen",
        "- regels.schoolregels[0].tekst: – → We lopen rustig.",
    ]
    for line in expected:
        assert line in out, line
    positions = [out.index(line) for line in expected if line.startswith("## ")]
    assert positions == sorted(positions), "sections come in a fixed order"


def test_removed_items_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_versions(tmp_path)
    assert main(["verschil", str(new), str(old)]) == 0
    out = capsys.readouterr().out
    assert "- Methode vervalt: KiVa" in out
    assert "- Schorsing, ten hoogste schooldagen: 2 → 3" in out


def test_equal_versions_have_no_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, _ = _two_versions(tmp_path)
    moved = policy_tree(
        tmp_path / "verplaatst", "# een opmerking verandert niets\n" + COMPLETE_SCHOOL, COMPLETE_BOARD
    )
    assert main(["verschil", str(old), str(moved / "school.yaml")]) == 0
    assert capsys.readouterr().out.rstrip().endswith("Geen inhoudelijke wijzigingen.")


def test_other_schools_in_the_folder_do_not_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _two_versions(tmp_path)
    (old.parent / "kapot.yaml").write_text("school: [niet: goed\n", encoding="utf-8")
    (old.parent / "ander.yaml").write_text(COMPLETE_SCHOOL, encoding="utf-8")  # same id, would clash
    assert main(["verschil", str(old), str(new)]) == 0
    assert "- Versie: 1.0 → 1.1" in capsys.readouterr().out


def test_summary_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_versions(tmp_path)
    target = tmp_path / "wijzigingen.md"
    assert main(["verschil", str(old), str(new), "--uitvoer", str(target)]) == 0
    assert "- Versie: 1.0 → 1.1" in target.read_text(encoding="utf-8")
    assert "geschreven:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "arguments",
    [
        ["verschil", "{old}"],
        ["verschil", "{old}", "{new}", "--rev", "HEAD"],
        ["verschil", "{old}", "{missing}"],
        ["verschil", "{old}", "{board}"],
        ["verschil", "{old}", "{invalid}"],
    ],
)
def test_invalid_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    old, new = _two_versions(tmp_path)
    invalid = policy_tree(
        tmp_path / "ongeldig", changed(COMPLETE_SCHOOL, "  type: po\n", "  type: mbo\n"), COMPLETE_BOARD
    )
    values = {
        "old": str(old),
        "new": str(new),
        "missing": str(tmp_path / "bestaat-niet.yaml"),
        "board": str(old.parent / "bestuur.yaml"),
        "invalid": str(invalid / "school.yaml"),
    }
    assert main([argument.format(**values) for argument in arguments]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: ")
    if "ongeldig" in arguments[-1].format(**values):
        assert "ongeldig/policy/school.yaml:" in err, "problems point at the file the user named"


def test_a_version_may_name_a_git_revision() -> None:
    assert parse_version("policy/x.yaml@HEAD~1") == (Path("policy/x.yaml"), "HEAD~1")
    assert parse_version("policy/x.yaml") == (Path("policy/x.yaml"), None)


def _git(repo: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *arguments],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    require_program("git")
    repo = tmp_path / "repo"
    policy = policy_tree(repo, COMPLETE_SCHOOL, COMPLETE_BOARD)
    _git(repo, "init", "--quiet")
    _git(repo, "add", ".")
    _git(repo, "commit", "--quiet", "-m", "versie 1.0")
    (policy / "school.yaml").write_text(NEW, encoding="utf-8")
    return repo


def test_compare_a_file_with_itself_at_a_git_revision(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository)
    assert main(["verschil", "policy/school.yaml@HEAD", "policy/school.yaml"]) == 0
    out = capsys.readouterr().out
    assert "Oud: policy/school.yaml@HEAD (schooljaar 2026-2027, versie 1.0, vastgesteld)" in out
    assert "- Coördinator anti-pestbeleid: Cora Coördinator → Ilse Begeleider" in out
    assert main(["verschil", "policy/school.yaml", "--rev", "HEAD"]) == 0
    assert capsys.readouterr().out == out
    assert (repository / "policy" / "school.yaml").read_text(encoding="utf-8") == NEW, (
        "the working copy is untouched"
    )


def test_unknown_revision_exits_2(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    school = repository / "policy" / "school.yaml"
    assert main(["verschil", f"{school}@geen-revisie", str(school)]) == 2
    assert "git kent de revisie 'geen-revisie' niet" in capsys.readouterr().err
    assert main(["verschil", f"{school}@HEAD~5", str(school)]) == 2
    assert main(["verschil", f"{school}@--output=x.tar", str(school)]) == 2
    assert not (repository / "x.tar").exists()


def test_verschil_as_a_program(repository: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "generate.py"), "verschil", "policy/school.yaml", "--rev", "HEAD"],
        cwd=repository,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1790000000"},
    )
    assert result.returncode == 0, result.stderr
    assert "- Versie: 1.0 → 1.1" in result.stdout


def test_help_explains_the_revision_syntax(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["verschil", "--help"])
    out = capsys.readouterr().out
    assert "BESTAND@REVISIE" in out and "--rev" in out and "HEAD~1" in out
