"""The command as a director uses it: build everything, see Dutch messages, never lose earlier output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from policies import SCHOOL, policy_tree

from schoolveiligheid.cli import main, parser

ROOT = Path(__file__).resolve().parents[1]
# The small test policy lacks what the law asks (monitoring, ...): as a concept it still builds.
DRAFT = SCHOOL.replace("status: vastgesteld", "status: concept")


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example, built once into a temporary output root."""
    out = tmp_path_factory.mktemp("uitvoer")
    assert main(["--uitvoer", str(out)]) == 0
    return out


def test_without_arguments_generate_builds_the_example_into_the_project() -> None:
    args = parser().parse_args(["bouw"])
    assert args.policy == ROOT / "policy"
    assert args.uitvoer is None  # the build then writes into the project folder (test_output_safety)


def test_build_writes_word_files_and_a_site_per_school(example_build: Path) -> None:
    for school in ("vlinderboom", "zonnewijzer", "kompasroos"):
        folder = example_build / "documenten" / school
        names = sorted(path.name for path in folder.glob("*.docx"))
        assert names == [
            "anti-pestprotocol.docx",
            "schoolgids-sociale-veiligheid.docx",
            "sociaal-veiligheidsplan.docx",
        ]
        assert (example_build / "site" / school / "index.html").is_file()
    assert (example_build / "site" / "index.html").is_file()  # the board's index of schools
    plan = docx.Document(str(example_build / "documenten" / "vlinderboom" / "sociaal-veiligheidsplan.docx"))
    assert plan.core_properties.title == "Sociaal veiligheidsplan"


def test_progress_is_shown_for_several_schools_but_not_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--uitvoer", str(tmp_path / "a"), "--zonder-website"]) == 0
    err = capsys.readouterr().err
    assert "Teksten en controles" in err and "Word-bestanden" in err
    assert main(["--uitvoer", str(tmp_path / "b"), "--zonder-website", "--school", "vlinderboom"]) == 0
    assert "Word-bestanden" not in capsys.readouterr().err


def test_invalid_input_exits_2_and_leaves_earlier_output_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = policy_tree(tmp_path, DRAFT)
    out = tmp_path / "uitvoer"
    assert main(["--policy", str(folder), "--uitvoer", str(out)]) == 0
    before = _snapshot(out)
    (folder / "school.yaml").write_text(DRAFT.replace("type: po", "type: basisschool"), encoding="utf-8")
    capsys.readouterr()
    assert main(["--policy", str(folder), "--uitvoer", str(out)]) == 2
    err = capsys.readouterr().err
    assert 'school.yaml:6: school.type: ongeldige waarde "basisschool"' in err
    assert "er is niets aangemaakt of overschreven" in err
    assert _snapshot(out) == before


def test_a_broken_template_exits_2_and_names_template_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = policy_tree(
        tmp_path,
        "sjablonen: eigen\n" + DRAFT,
        extra={"eigen/pestprotocol/01-inleiding.md.j2": "# Inleiding\n\n{{ school.bestaat_niet }}\n"},
    )
    assert main(["--policy", str(folder), "--uitvoer", str(tmp_path / "uit")]) == 2
    err = capsys.readouterr().err
    assert "eigen/pestprotocol/01-inleiding.md.j2:3" in err
    assert "onbekende waarde in sjabloon" in err
    assert not (tmp_path / "uit" / "documenten" / "testschool").exists()


def test_a_school_master_docx_replaces_the_default(tmp_path: Path) -> None:
    own = tmp_path / "policy" / "eigen" / "word"
    own.mkdir(parents=True)
    master = docx.Document(str(ROOT / "templates" / "word" / "master.docx"))
    master.styles["Heading 1"].font.size = docx.shared.Pt(31)
    master.save(str(own / "master.docx"))
    folder = policy_tree(tmp_path, "sjablonen: eigen\n" + DRAFT)
    assert main(["--policy", str(folder), "--uitvoer", str(tmp_path / "uit"), "--zonder-website"]) == 0
    built = docx.Document(str(tmp_path / "uit" / "documenten" / "testschool" / "anti-pestprotocol.docx"))
    assert built.styles["Heading 1"].font.size == docx.shared.Pt(31)


def test_usage_errors_are_dutch_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bouw", "--onzin"]) == 2
    assert "onbekende argumenten: --onzin" in capsys.readouterr().err
    assert main(["bouw", "--school", "bestaatniet", "--zonder-website"]) == 2
    assert "--school: onbekende school 'bestaatniet'" in capsys.readouterr().err


def test_schema_command_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "school" in schema["properties"]
    assert main(["schema", "--soort", "bestuur"]) == 0
    assert "bestuur" in json.loads(capsys.readouterr().out)["required"]


def test_generate_py_runs_as_a_program_with_dutch_help(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "generate.py"), "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: generate.py")
    assert "opdrachten:" in result.stdout
    copy = tmp_path / "policy"
    shutil.copytree(ROOT / "policy", copy)
    (copy / "vlinderboom.yaml").write_text("school: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "generate.py"), "controleer", "--policy", str(copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "vlinderboom.yaml:2" in result.stderr


def test_building_one_school_keeps_every_school_on_the_board_index(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    assert main(["--uitvoer", str(out)]) == 0
    assert main(["--uitvoer", str(out), "--school", "vlinderboom"]) == 0
    index = (out / "site" / "index.html").read_text(encoding="utf-8")
    for school in ("vlinderboom", "zonnewijzer", "kompasroos"):
        assert f'href="{school}/index.html"' in index


def test_an_output_folder_that_is_a_file_gives_a_dutch_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    assert main(["--uitvoer", str(blocker), "--school", "vlinderboom", "--zonder-website"]) == 1
    err = capsys.readouterr().err
    assert "kan niet schrijven naar" in err and "dat is een bestand, geen map" in err
    assert blocker.read_text(encoding="utf-8") == "geen map"


def test_sources_export_replaces_its_own_export_but_not_other_folders(tmp_path: Path) -> None:
    sources = tmp_path / "bron"
    args = ["--uitvoer", str(tmp_path / "uit"), "--school", "vlinderboom", "--bronnen", str(sources)]
    assert main(args) == 0
    assert main(args) == 0  # a second export replaces the first
    assert (sources / "vlinderboom" / "mkdocs.yml").is_file()
    other = tmp_path / "ander"
    (other / "vlinderboom").mkdir(parents=True)
    (other / "vlinderboom" / "belangrijk.txt").write_text("blijft", encoding="utf-8")
    assert main([*args[:-1], str(other)]) == 2  # a folder the tool did not make is refused as input
    assert (other / "vlinderboom" / "belangrijk.txt").read_text(encoding="utf-8") == "blijft"
