"""`nieuw-schooljaar`: a school (or a whole board) rolled to the next year, line by line, with a summary."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from schoolveiligheid import rollover as rolling
from schoolveiligheid.cli import main
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.load import parse_yaml
from schoolveiligheid.model import load_schools
from schoolveiligheid.yaml_edit import TextEditor

ROOT = Path(__file__).resolve().parents[1]
# conftest pins the clock at 21 September 2026: school year 2026-2027, the example's own.


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    copy = tmp_path / "policy"
    shutil.copytree(ROOT / "policy", copy)
    return copy


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_a_school_rolls_to_the_next_year_and_only_its_year_lines_change(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(policy)
    old_text = (policy / "vlinderboom.yaml").read_text(encoding="utf-8")

    assert main(["nieuw-schooljaar", "--policy", str(policy), "--school", "vlinderboom"]) == 0

    new_text = (policy / "vlinderboom.yaml").read_text(encoding="utf-8")
    removed, added = _changed_lines(old_text, new_text)
    assert removed == [
        "  schooljaar: 2026-2027",
        '  versie: "2.1"',
        "  status: vastgesteld",
        "  mr_instemming_op: 2026-09-14",
        "  vastgesteld_op: 2026-09-21",
        "  evaluatie_voor: 2027-06-30",
    ]
    assert added == [
        "  schooljaar: 2027-2028",
        '  versie: "3.0"',  # quoted as it was
        "  status: concept",
        "  evaluatie_voor: 2028-06-30",
        "  open_punten:",
        "    - De evaluatie van schooljaar 2026-2027 verwerken.",
    ]
    # Comments, and the order of every other line, are as they were.
    comments = [line for line in old_text.splitlines() if line.lstrip().startswith("#")]
    assert comments and comments == [line for line in new_text.splitlines() if line.lstrip().startswith("#")]
    kept = [line for line in old_text.splitlines() if line not in removed]
    assert kept == [line for line in new_text.splitlines() if line not in added]

    # The new file loads, with the values of the new year; the history stays.
    schools = {school.id: school for school in load_schools(policy)}
    document = schools["vlinderboom"].policy.document
    assert (document.school_year, document.version, document.status) == ("2027-2028", "3.0", "concept")
    assert document.consent_on is None and document.adopted_on is None
    assert str(document.evaluation_before) == "2028-06-30"
    assert document.open_points == ("De evaluatie van schooljaar 2026-2027 verwerken.",)
    assert len(schools["vlinderboom"].policy.results) == 2

    summary = (policy / "vlinderboom-wijzigingen-2027-2028.md").read_text(encoding="utf-8")
    for change in (
        "Schooljaar: 2026-2027 → 2027-2028",
        "Versie: 2.1 → 3.0",
        "Status: vastgesteld → concept",
        "Instemming MR: 14 september 2026 → –",
        "Vastgesteld op: 21 september 2026 → –",
        "Evaluatie voor: 30 juni 2027 → 30 juni 2028",
        "Open punt erbij: De evaluatie van schooljaar 2026-2027 verwerken.",
    ):
        assert change in summary
    assert summary.startswith("# Wijzigingen in het veiligheidsbeleid van OBS De Vlinderboom")

    after = _snapshot(policy)
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {"vlinderboom.yaml", "vlinderboom-wijzigingen-2027-2028.md"}
    out = capsys.readouterr().out
    assert "vlinderboom: schooljaar 2026-2027 wordt 2027-2028, versie 2.1 wordt 3.0" in out


def test_a_concept_is_refused_unless_asked_and_nothing_is_written(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(policy)
    assert main(["nieuw-schooljaar", "--policy", str(policy), "--school", "zonnewijzer"]) == 2
    error = capsys.readouterr().err
    assert "zonnewijzer.yaml:28: document.status: het beleid voor 2026-2027 is nog een concept" in error
    assert "--ook-concept" in error
    assert _snapshot(policy) == before

    # Without --school the whole board is refused for the one concept: all or nothing.
    assert main(["nieuw-schooljaar", "--policy", str(policy)]) == 2
    assert _snapshot(policy) == before

    argv = ["nieuw-schooljaar", "--policy", str(policy), "--school", "zonnewijzer", "--ook-concept"]
    assert main(argv) == 0
    removed, added = _changed_lines(
        before["zonnewijzer.yaml"].decode(), (policy / "zonnewijzer.yaml").read_text()
    )
    assert removed == ["  schooljaar: 2026-2027", '  versie: "0.9"', "  evaluatie_voor: 2027-06-30"]
    assert added == [
        "  schooljaar: 2027-2028",
        '  versie: "1.0"',
        "  evaluatie_voor: 2028-06-30",
        "    - De evaluatie van schooljaar 2026-2027 verwerken.",  # after the two open points it had
    ]


def test_a_school_a_year_ahead_is_refused(policy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nieuw-schooljaar", "--policy", str(policy), "--school", "kompasroos"]) == 0
    capsys.readouterr()
    before = _snapshot(policy)
    again = ["nieuw-schooljaar", "--policy", str(policy), "--school", "kompasroos", "--ook-concept"]
    assert main(again) == 2  # --ook-concept: the new year is a concept, which is not the refusal here
    error = capsys.readouterr().err
    assert "schooljaar 2027-2028 komt al na het huidige schooljaar (2026-2027)" in error
    assert "1 fout gevonden" in error  # only the year: the summary of that roll does not exist
    assert _snapshot(policy) == before

    # Also when no summary shows it: the year in the file decides.
    (policy / "kompasroos-wijzigingen-2027-2028.md").unlink()
    before = _snapshot(policy)
    assert main(again) == 2
    assert "komt al na het huidige schooljaar" in capsys.readouterr().err
    assert _snapshot(policy) == before


def test_an_existing_summary_is_never_overwritten(policy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (policy / "vlinderboom-wijzigingen-2027-2028.md").write_text("notities van de MR\n", encoding="utf-8")
    before = _snapshot(policy)
    assert main(["nieuw-schooljaar", "--policy", str(policy), "--school", "vlinderboom"]) == 2
    assert "deze samenvatting voor de MR bestaat al" in capsys.readouterr().err
    assert _snapshot(policy) == before


def test_the_whole_board_rolls_and_the_board_file_stays(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = (policy / "bestuur.yaml").read_bytes()
    assert main(["nieuw-schooljaar", "--policy", str(policy), "--ook-concept"]) == 0
    assert (policy / "bestuur.yaml").read_bytes() == board
    schools = load_schools(policy)
    assert {school.id: school.policy.document.school_year for school in schools} == {
        "kompasroos": "2027-2028",
        "vlinderboom": "2027-2028",
        "zonnewijzer": "2027-2028",
    }
    assert {school.policy.document.version for school in schools} == {"4.0", "3.0", "1.0"}
    assert all(school.policy.document.status == "concept" for school in schools)
    for school_id in ("kompasroos", "vlinderboom", "zonnewijzer"):
        assert (policy / f"{school_id}-wijzigingen-2027-2028.md").is_file()
    assert "tip:" in capsys.readouterr().out


def test_an_unknown_school_is_a_dutch_error(policy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nieuw-schooljaar", "--policy", str(policy), "--school", "vlinderbom"]) == 2
    assert "onbekende school 'vlinderbom'" in capsys.readouterr().err


def test_a_result_that_would_not_load_is_refused(
    policy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(rolling, "evaluation_point", lambda year: "Evaluatie \u202everwerken")
    before = _snapshot(policy)
    lines = (policy / "vlinderboom.yaml").read_text(encoding="utf-8").splitlines()
    # Two adoption dates go and the new list follows the block's last key, so its item lands on that key's line.
    item_line = lines.index(next(line for line in lines if line.startswith("  eigenaar:"))) + 1
    assert main(["nieuw-schooljaar", "--policy", str(policy), "--school", "vlinderboom"]) == 2
    error = capsys.readouterr().err
    assert (
        f"vlinderboom.yaml:{item_line}: document.open_punten[0]: na de overgang naar het nieuwe schooljaar:"
        in error
    )
    assert _snapshot(policy) == before


def test_a_line_the_editor_cannot_change_is_refused_with_its_line(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = policy / "vlinderboom.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  vastgesteld_op: 2026-09-21\n", "  vastgesteld_op:\n    2026-09-21\n"),
        encoding="utf-8",
    )
    before = _snapshot(policy)
    key_line = path.read_text(encoding="utf-8").splitlines().index("  vastgesteld_op:") + 1
    assert main(["nieuw-schooljaar", "--policy", str(policy), "--school", "vlinderboom"]) == 2
    error = capsys.readouterr().err
    assert (
        f"vlinderboom.yaml:{key_line}: document.vastgesteld_op: deze waarde staat niet op één regel" in error
    )
    assert _snapshot(policy) == before


# --- the rules and the line editor on their own ---------------------------------------------------


def test_versions_years_and_dates_move_on() -> None:
    assert [rolling.next_version(v) for v in ("2.1", "0.9", "4", "1.2.3", "v2", "2026a")] == [
        "3.0",
        "1.0",
        "5",
        "2.0.0",
        None,
        None,
    ]
    assert rolling.next_school_year("2026-2027") == "2027-2028"
    assert rolling.next_school_year("2026 / 2027") == "2027 / 2028"
    assert rolling.next_date("2027-06-30") == "2028-06-30"
    assert rolling.next_date("30-06-2027") == "30-06-2028"
    assert rolling.next_date("2028-02-29") == "2029-02-28"
    assert rolling.next_date("29-2-2028") == "28-2-2029"


def test_the_editor_keeps_comments_quotes_and_line_ends_of_the_lines_it_changes() -> None:
    text = (
        "document:  # het jaar\n"
        "  schooljaar: '2026-2027'   # met de hand\n"
        "  versie: 2.1\n"
        "  mr_instemming_op: 2026-09-14\n"
        "  # de MR stemde in op de vergadering\n"
        "  eigenaar: directeur\n"
        "  open_punten: []  # niets\n"
        "rest: ja\n"
    )
    editor = TextEditor(text, "x.yaml")
    editor.replace_value(("document", "schooljaar"), "2027-2028")
    editor.replace_value(("document", "versie"), "3.0")
    editor.remove_key(("document", "mr_instemming_op"))
    editor.append_item(("document", "open_punten"), "Iets: met een dubbele punt")
    assert editor.text() == (
        "document:  # het jaar\n"
        "  schooljaar: '2027-2028'   # met de hand\n"
        "  versie: 3.0\n"
        "  # de MR stemde in op de vergadering\n"
        "  eigenaar: directeur\n"
        "  open_punten:  # niets\n"
        '    - "Iets: met een dubbele punt"\n'
        "rest: ja\n"
    )
    assert parse_yaml(editor.text(), "x.yaml")["document"]["open_punten"] == ["Iets: met een dubbele punt"]


def test_the_editor_adds_a_missing_list_after_the_last_key_and_its_lines() -> None:
    text = "document:\n  status: vastgesteld\n  extra:\n    - a\n    - b\n\n# volgende blok\nschool: x\n"
    editor = TextEditor(text, "x.yaml")
    editor.append_item(("document", "open_punten"), "Nieuw punt")
    assert editor.text() == (
        "document:\n  status: vastgesteld\n  extra:\n    - a\n    - b\n  open_punten:\n    - Nieuw punt\n"
        "\n# volgende blok\nschool: x\n"
    )


def test_the_editor_refuses_a_flow_block_with_its_line() -> None:
    editor = TextEditor("school: x\ndocument: {schooljaar: 2026-2027, status: vastgesteld}\n", "x.yaml")
    editor.replace_value(("document", "schooljaar"), "2027-2028")
    with pytest.raises(InvalidInput) as raised:
        editor.text()
    (problem,) = raised.value.problems
    assert (problem.line, problem.key) == (2, "document.schooljaar")
    assert "eigen regel" in problem.message


def test_a_file_with_windows_line_ends_keeps_them(policy: Path) -> None:
    path = policy / "vlinderboom.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["nieuw-schooljaar", "--policy", str(policy), "--school", "vlinderboom"]) == 0
    data = path.read_bytes()
    assert b"schooljaar: 2027-2028\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")
