"""Outputs go only where they belong: refused output folders, foreign files, truthful messages.

Nothing outside the tool's own output folders is deleted or overwritten; a folder
that holds the project, the policy or someone else's files is refused before any
work; a commit that fails halfway puts the old outputs back and says so.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schoolveiligheid import files
from schoolveiligheid.build import BuildOptions, output_root
from schoolveiligheid.cli import main, parser
from schoolveiligheid.errors import BuildFailed
from schoolveiligheid.files import WORK_FOLDER, Swap

ROOT = Path(__file__).resolve().parents[1]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and WORK_FOLDER not in path.relative_to(folder).parts
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the example policy and its outputs, built once."""
    base = tmp_path_factory.mktemp("uitvoer-veilig")
    policy = base / "policy"
    shutil.copytree(ROOT / "policy", policy)
    out = base / "uit"
    assert main(["bouw", "--zonder-website", "--policy", str(policy), "--uitvoer", str(out)]) == 0
    return policy, out


def test_the_default_output_is_the_project_folder() -> None:
    args = parser().parse_args(["bouw"])
    assert output_root(BuildOptions(policy=args.policy, output_root=args.uitvoer)) == ROOT


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        (Path("/"), "de hoofdmap van de schijf"),
        (ROOT, "de projectmap"),
        (ROOT.parent, "de projectmap"),
        (ROOT / "policy", "de beleidsmap"),
        (ROOT / "policy" / "uit", "de beleidsmap"),
        (ROOT / "templates" / "uit", "een map van het project zelf (templates/)"),
        (ROOT / "schoolveiligheid", "een map van het project zelf"),
        (ROOT / "brieven", "een map van het project zelf (brieven/)"),
    ],
    ids=["root", "project", "above-project", "policy", "in-policy", "templates", "package", "letters"],
)
def test_unsafe_output_folders_are_refused_before_any_work(
    folder: Path, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["bouw", "--uitvoer", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "--uitvoer: " in err and expected in err
    assert "tip: " in err


def test_a_non_empty_folder_the_tool_did_not_make_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mijn-foto.jpg").write_bytes(b"\xff\xd8")
    assert main(["bouw", "--uitvoer", str(tmp_path)]) == 2
    assert "niet leeg en niet door schoolveiligheid gemaakt" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mijn-foto.jpg"]


def test_the_sources_export_may_not_overlap_the_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit"
    assert main(["bouw", "--uitvoer", str(out), "--bronnen", str(out / "site" / "bron")]) == 2
    assert "valt samen met de uitvoer" in capsys.readouterr().err
    assert not out.exists()


def test_a_foreign_file_among_the_documents_is_never_deleted(
    built: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    policy, out = built
    letter = out / "documenten" / "vlinderboom" / "brief-aan-ouders.docx"
    letter.write_bytes(b"een brief die iemand hier bewaarde")
    before = _snapshot(out)
    try:
        assert main(["bouw", "--zonder-website", "--policy", str(policy), "--uitvoer", str(out)]) == 1
        err = capsys.readouterr().err
        assert "niet heeft gemaakt" in err and "brief-aan-ouders.docx" in err
        assert "Er is niets veranderd" in err
        assert _snapshot(out) == before
    finally:
        letter.unlink()


def test_a_commit_that_fails_halfway_puts_the_old_outputs_back(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    policy, out = built
    before = _snapshot(out)
    original = files._put_in_place
    calls = []

    def fail_on_the_third(staged: Path, final: Path, spare: Path) -> None:
        calls.append(final)
        if len(calls) == 3:
            raise PermissionError(13, "geweigerd", str(final))
        original(staged, final, spare)

    monkeypatch.setattr(files, "_put_in_place", fail_on_the_third)
    # --opnieuw: the policy is unchanged, and an incremental rebuild would have nothing to commit
    assert (
        main(["bouw", "--zonder-website", "--opnieuw", "--policy", str(policy), "--uitvoer", str(out)]) == 1
    )
    err = capsys.readouterr().err
    assert "eerder gemaakte bestanden zijn ongewijzigd" in err
    assert _snapshot(out) == before
    assert not list((out / WORK_FOLDER).glob("bouw-*"))


def test_a_refused_school_keeps_its_last_name_on_the_board_index(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    shutil.copytree(ROOT / "policy", policy)
    out = tmp_path / "uit"
    assert main(["bouw", "--policy", str(policy), "--uitvoer", str(out)]) == 0
    index = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "OBS De Vlinderboom" in index
    school = policy / "vlinderboom.yaml"
    text = school.read_text(encoding="utf-8")
    text = text.replace("naam: OBS De Vlinderboom", "naam: OBS De Nieuwe Vlinderboom")
    text = text.replace(
        "laatste_afname: 2026-03-10", "laatste_afname: 2023-03-10"
    )  # a fout: monitoring too old
    school.write_text(text, encoding="utf-8")
    assert main(["bouw", "--policy", str(policy), "--uitvoer", str(out)]) == 1
    index = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "OBS De Nieuwe Vlinderboom" not in index, "the refused school's new name is not published"
    assert "OBS De Vlinderboom" in index


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("policy/vlinderboom.yaml", "een van de versies"),
        ("policy/samenvatting.md", "beleids- of sjabloonbestanden"),
        ("elders.yaml", "beleids- of sjabloonbestanden"),
        ("templates/wijzigingen.md", "een map van het project zelf"),
    ],
)
def test_the_change_summary_never_overwrites_an_input(
    target: str, expected: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    before = (ROOT / "policy" / "vlinderboom.yaml").read_bytes()
    arguments = ["verschil", "policy/vlinderboom.yaml", "policy/vlinderboom.yaml", "--uitvoer", target]
    assert main(arguments) == 2
    assert expected in capsys.readouterr().err
    assert (ROOT / "policy" / "vlinderboom.yaml").read_bytes() == before
    assert not (ROOT / target).exists() or target == "policy/vlinderboom.yaml"


def test_staging_is_never_inside_a_published_folder(tmp_path: Path) -> None:
    with Swap(tmp_path) as swap:
        staged = swap.stage(tmp_path / "site" / "school")
        assert not staged.is_relative_to(tmp_path / "site")
        assert staged.is_relative_to(tmp_path / WORK_FOLDER)
        with pytest.raises(ValueError, match="is not inside"):
            swap.stage(tmp_path.parent / "elders")


def test_a_folder_that_cannot_be_written_is_a_dutch_error(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    with pytest.raises(BuildFailed, match="kan niet schrijven naar"), Swap(blocker):
        pass
