"""Template drift: an own copy of a standard template records its base; `controleer` and `sjabloon lijst` tell
when the standard changed since. The standard is changed only in a temporary copy of templates/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL
from policies import policy_tree

from schoolveiligheid import overrides, paths
from schoolveiligheid.cli import main
from schoolveiligheid.context import build_context
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers.docx_lines import compile_text

CHAPTER = "veiligheidsplan/09-schorsing-en-verwijdering.md.j2"
LETTER = "brieven/schorsing.txt.j2"
SCHOOL_FOLDER = "policy/sjablonen/testschool"
BOARD_FOLDER = "policy/sjablonen/bestuur"


@pytest.fixture
def standard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the standard templates the test may change, used as templates/; the working folder is tmp."""
    copy = tmp_path / "standaard"
    shutil.copytree(paths.DEFAULT_TEMPLATES, copy)
    monkeypatch.setattr(paths, "DEFAULT_TEMPLATES", copy)
    monkeypatch.chdir(tmp_path)
    policy_tree(
        tmp_path,
        COMPLETE_SCHOOL + "sjablonen: sjablonen/testschool\n",
        COMPLETE_BOARD + "sjablonen: sjablonen/bestuur\n",
    )
    (tmp_path / SCHOOL_FOLDER).mkdir(parents=True)
    (tmp_path / BOARD_FOLDER).mkdir(parents=True)
    return copy


def _run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main(list(words))
    out, err = capsys.readouterr()
    return code, out, err


def _copy(capsys: pytest.CaptureFixture[str], name: str, *where: str) -> Path:
    code, out, err = _run(
        capsys, "sjabloon", "kopieer", name, "--policy", "policy", *(where or ("--school", "testschool"))
    )
    assert code == 0, err
    assert out.startswith("gekopieerd: ")
    return Path(SCHOOL_FOLDER if "--bestuur" not in where else BOARD_FOLDER) / name


def _files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


def test_a_copy_records_its_standard_and_is_current(
    standard: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copied = _copy(capsys, CHAPTER)
    digest = overrides.sha256(standard / CHAPTER)
    lines = copied.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"{{# standaard: {CHAPTER} sha256:{digest} #}}"
    assert lines[1:] == (standard / CHAPTER).read_text(encoding="utf-8").splitlines()
    assert (Path(SCHOOL_FOLDER) / ".standaard" / CHAPTER).read_bytes() == (standard / CHAPTER).read_bytes()
    [found] = overrides.overrides(Path(SCHOOL_FOLDER))
    assert (found.name, found.status, found.base) == (CHAPTER, "actueel", overrides.Base(CHAPTER, digest))
    code, out, _ = _run(capsys, "controleer", "--policy", "policy")
    assert code == 0
    assert "0 fouten, 0 waarschuwingen" in out


def test_the_marker_changes_nothing_in_a_chapter_or_a_letter(
    standard: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    [school] = load_schools(Path("policy"))
    renderer = Renderer(default_templates=standard)
    before = renderer.render_school(build_context(school), school.template_dirs)
    letter_before = compile_text(standard / LETTER, school.template_dirs)
    _copy(capsys, CHAPTER)
    copied_letter = _copy(capsys, LETTER)
    assert copied_letter.read_text(encoding="utf-8").startswith(
        "// standaard: brieven/schorsing.txt.j2 sha256:"
    )
    after = Renderer(default_templates=standard).render_school(build_context(school), school.template_dirs)
    assert [c.markdown for d in after.documents for c in d.chapters] == [
        c.markdown for d in before.documents for c in d.chapters
    ]
    assert compile_text(copied_letter, school.template_dirs).data == letter_before.data


def test_a_changed_standard_gives_a_warning_with_the_difference(
    standard: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copied = _copy(capsys, CHAPTER)
    copied.write_text(copied.read_text(encoding="utf-8") + "\nOnze eigen zin.\n", encoding="utf-8")
    text = (standard / CHAPTER).read_text(encoding="utf-8")
    (standard / CHAPTER).write_text(text + "\nEen wettelijke correctie.\n", encoding="utf-8")
    code, out, _ = _run(capsys, "controleer", "--policy", "policy")
    assert code == 0  # a warning, not an error
    assert (
        f"waarschuwing: {SCHOOL_FOLDER}/{CHAPTER}: het standaardsjabloon {CHAPTER} is veranderd sinds dit "
        "eigen sjabloon ervan gemaakt is (de standaard toen tegenover nu):" in out
    )
    assert f"    --- standaard toen: {CHAPTER}" in out
    assert f"    +++ standaard nu: {CHAPTER}" in out
    assert "    +Een wettelijke correctie." in out
    assert "Onze eigen zin." not in out  # the school's own change is not the standard's
    assert (
        f"tip: neem over wat voor jouw school geldt en noteer daarna dat het sjabloon bij is: generate.py sjabloon bevestig {CHAPTER} --school testschool"
        in out
    )
    assert "0 fouten, 1 waarschuwing" in out

    code, out, _ = _run(
        capsys, "sjabloon", "bevestig", CHAPTER, "--policy", "policy", "--school", "testschool"
    )
    assert code == 0
    assert out == f"bijgewerkt: {SCHOOL_FOLDER}/{CHAPTER} volgt nu de standaard {CHAPTER} zoals die nu is\n"
    lines = copied.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"{{# standaard: {CHAPTER} sha256:{overrides.sha256(standard / CHAPTER)} #}}"
    assert lines[-1] == "Onze eigen zin." and sum(line.startswith("{# standaard:") for line in lines) == 1
    assert (Path(SCHOOL_FOLDER) / ".standaard" / CHAPTER).read_bytes() == (standard / CHAPTER).read_bytes()
    code, out, _ = _run(capsys, "controleer", "--policy", "policy")
    assert "0 fouten, 0 waarschuwingen" in out


def test_without_the_kept_standard_the_difference_is_with_the_override(
    standard: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copied = _copy(capsys, LETTER)
    shutil.rmtree(Path(SCHOOL_FOLDER) / ".standaard")
    (standard / LETTER).write_text(
        (standard / LETTER).read_text(encoding="utf-8") + "Nieuwe alinea.\n", encoding="utf-8"
    )
    [found] = overrides.overrides(Path(SCHOOL_FOLDER))
    assert found.status == "verouderd"
    what, lines = overrides.difference(found)
    assert what == "de standaard nu tegenover jouw sjabloon"
    assert [
        line for line in lines if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ] == ["+Nieuwe alinea."]  # the marker line is not counted as a difference
    assert copied.is_file()


def test_an_override_without_a_record_is_unknown_and_not_a_warning(
    standard: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = Path(SCHOOL_FOLDER) / CHAPTER
    own.parent.mkdir(parents=True)
    shutil.copy(standard / CHAPTER, own)
    (Path(SCHOOL_FOLDER) / "veiligheidsplan" / "20-eigen.md.j2").write_text("# Eigen\n", encoding="utf-8")
    (standard / CHAPTER).write_text("# Anders\n", encoding="utf-8")
    [found] = overrides.overrides(Path(SCHOOL_FOLDER))  # a chapter of its own is no override
    assert (found.name, found.status, found.base) == (CHAPTER, "onbekend", None)
    code, out, _ = _run(capsys, "controleer", "--policy", "policy")
    assert "sjabloon-verouderd" not in out and "is veranderd sinds" not in out


def test_the_list_shows_every_override_once_with_its_status(
    standard: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _copy(capsys, CHAPTER)
    _copy(capsys, LETTER)
    _copy(capsys, "site/schoolveiligheid.css", "--bestuur")
    _copy(capsys, paths.MASTER_TEMPLATE, "--bestuur", "--school", "testschool")
    unknown = Path(SCHOOL_FOLDER) / "pestprotocol" / "01-inleiding.md.j2"
    unknown.parent.mkdir()
    shutil.copy(standard / "pestprotocol" / "01-inleiding.md.j2", unknown)
    (standard / LETTER).write_text("# Nieuwe brief\n", encoding="utf-8")
    (standard / paths.MASTER_TEMPLATE).write_bytes(b"PK other bytes")
    code, out, _ = _run(capsys, "sjabloon", "lijst", "--policy", "policy")
    assert code == 0
    assert out.splitlines()[:9] == [
        f"== Basisschool De Testhoeve (testschool): {SCHOOL_FOLDER}",
        f"  verouderd  {LETTER}  (gemaakt van {LETTER}, die sindsdien veranderd is)",
        "  onbekend   pestprotocol/01-inleiding.md.j2  (niet vastgelegd van welke versie van "
        "pestprotocol/01-inleiding.md.j2 het gemaakt is)",
        f"  actueel    {CHAPTER}",
        f"== het bestuur (policy/bestuur.yaml): {BOARD_FOLDER}",
        "  actueel    site/schoolveiligheid.css",
        "  verouderd  word/master.docx  (gemaakt van word/master.docx, die sindsdien veranderd is)",
        "2 actueel, 2 verouderd, 1 onbekend",
        out.splitlines()[8],
    ]
    assert "sjabloon lijst --policy policy --verschil" in out.splitlines()[8]
    assert (
        (Path(BOARD_FOLDER) / "word" / "master.docx.standaard")
        .read_text(encoding="utf-8")
        .startswith("standaard: word/master.docx sha256:")
    )
    code, out, _ = _run(capsys, "sjabloon", "lijst", "--policy", "policy", "--verschil")
    assert "      de standaard toen tegenover nu:" in out and "      +# Nieuwe brief" in out
    assert "      een Word-bestand; open beide bestanden in Word om ze te vergelijken" in out


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "veiligheidsplan/../../../policy/school.yaml",
        "veiligheidsplan\\..\\..\\x.md.j2",
        ".standaard/veiligheidsplan/02-visie.md.j2",
        "C:/Windows/win.ini",
        "rapport/bestuursrapport.html.j2",
        "site/mkdocs-theme",
        "veiligheidsplan",
        "veiligheidsplan/99-bestaat-niet.md.j2",
        "",
    ],
)
def test_a_hostile_or_wrong_name_is_refused_and_nothing_is_written(
    standard: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    before = _files(Path("policy"))
    code, _, err = _run(capsys, "sjabloon", "kopieer", name, "--policy", "policy", "--school", "testschool")
    assert code == 2
    assert err.startswith(f"fout: sjabloon {name}: ")
    assert err.rstrip().endswith("er is niets aangemaakt of overschreven.")
    code, _, err = _run(capsys, "sjabloon", "bevestig", name, "--policy", "policy", "--school", "testschool")
    assert code == 2 and err.startswith("fout: sjabloon ")
    assert _files(Path("policy")) == before


def test_a_copy_never_overwrites_and_needs_a_folder(
    standard: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copied = _copy(capsys, CHAPTER)
    copied.write_text("mijn eigen tekst\n", encoding="utf-8")
    code, _, err = _run(
        capsys, "sjabloon", "kopieer", CHAPTER, "--policy", "policy", "--school", "testschool"
    )
    assert code == 2 and "bestaat al; er is niets overschreven" in err
    assert copied.read_text(encoding="utf-8") == "mijn eigen tekst\n"
    code, _, err = _run(capsys, "sjabloon", "kopieer", CHAPTER, "--policy", "policy")
    assert code == 2 and err == "fout: zeg in welke sjablonenmap: --school ID of --bestuur\n"
    school = Path("policy/school.yaml")
    school.write_text(
        school.read_text(encoding="utf-8").replace("sjablonen: sjablonen/testschool\n", ""), encoding="utf-8"
    )
    code, _, err = _run(
        capsys, "sjabloon", "kopieer", CHAPTER, "--policy", "policy", "--school", "testschool"
    )
    assert code == 2
    assert err.startswith("fout: policy/school.yaml: sjablonen: deze school heeft geen eigen sjablonenmap\n")


def test_a_marker_naming_a_place_outside_the_templates_reads_nothing(
    standard: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = Path(SCHOOL_FOLDER) / CHAPTER
    own.parent.mkdir(parents=True)
    own.write_text(
        "{# standaard: ../../policy/school.yaml sha256:" + "0" * 64 + " #}\n# Titel\n", encoding="utf-8"
    )
    [found] = overrides.overrides(Path(SCHOOL_FOLDER))
    assert (found.status, found.standard_path) == ("verouderd", None)
    assert overrides.difference(found) == ("de standaard bestaat niet meer", [])
