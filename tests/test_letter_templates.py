"""Letter and form texts are text files: a school or board replaces a letter, a form or one shared part.

The texts in templates/brieven/ and templates/formulieren/ (the line format, writers/docx_lines.py)
become Word templates while the letters are written. They are found along the one template
search path, they run in the sandbox, and every mistake in them names the file and line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from letters_support import EXAMPLE_POLICY, EXAMPLES, docx_outline

from schoolveiligheid.brief import write_letter
from schoolveiligheid.brief.checks import read_case
from schoolveiligheid.brief.context import letter_contexts
from schoolveiligheid.brief.writer import Letter, LetterWriter
from schoolveiligheid.cli import main
from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.errors import InvalidInput, display_path
from schoolveiligheid.model import load_schools
from schoolveiligheid.paths import DEFAULT_TEMPLATES
from schoolveiligheid.writers.docx_lines import compile_text
from schoolveiligheid.writers.forms import FORMS, FormWriter

SCHORSING = DEFAULT_TEMPLATES / "brieven" / "schorsing.txt.j2"
QUESTIONS = DEFAULT_TEMPLATES / "brieven" / "_gedeeld" / "vragen.txt.j2"
SENTENCE = "In die tijd komt {{ pupil.first_name }} niet naar school."
QUESTION = "Hebt u vragen over deze brief?"


def _policy(
    tmp_path: Path, school: dict[str, str] | None = None, board: dict[str, str] | None = None
) -> Path:
    """A copy of the example policy; vlinderboom and the board get their own template folder with `files`."""
    policy = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, policy)
    for yaml_name, folder, files in (("vlinderboom", "vlinderboom", school), ("bestuur", "bestuur", board)):
        if files is None:
            continue
        path = policy / f"{yaml_name}.yaml"
        path.write_text(
            path.read_text(encoding="utf-8") + f"sjablonen: sjablonen/{folder}\n", encoding="utf-8"
        )
        for name, text in files.items():
            target = policy / "sjablonen" / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return policy


def _letter(policy: Path, out: Path, case: str = "schorsing") -> str:
    (path, *_) = write_letter(EXAMPLES / f"{case}.yaml", policy, out).paths
    return docx_outline(path)


def _changed(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    return text.replace(old, new)


def _line_with(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


@pytest.fixture(scope="module")
def standard(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The example letters as the standard texts make them."""
    out = tmp_path_factory.mktemp("standaard")
    return {case: _letter(EXAMPLE_POLICY, out / case, case) for case in ("schorsing", "time-out")}


# --- A school or board replaces one sentence -------------------------------------------------------


def test_a_schools_own_letter_text_changes_one_sentence_and_nothing_else(
    tmp_path: Path, standard: dict[str, str]
) -> None:
    own = _changed(SCHORSING, SENTENCE, "In die tijd blijft {{ pupil.first_name }} thuis.")
    policy = _policy(tmp_path, school={"brieven/schorsing.txt.j2": own})
    letter = _letter(policy, tmp_path / "uit")
    assert "In die tijd komt Sam niet naar school." in standard["schorsing"]
    assert letter == standard["schorsing"].replace(
        "In die tijd komt Sam niet naar school.", "In die tijd blijft Sam thuis."
    )
    # Another kind of letter of the same school keeps the standard text.
    assert _letter(policy, tmp_path / "uit2", "time-out") == standard["time-out"]


def test_a_boards_shared_part_changes_every_letter_of_its_schools_unless_the_school_has_its_own(
    tmp_path: Path, standard: dict[str, str]
) -> None:
    board_part = _changed(QUESTIONS, QUESTION, "Vragen? Wij horen het graag.")
    school_part = _changed(QUESTIONS, QUESTION, "Wilt u iets vragen?")
    policy = _policy(tmp_path, board={"brieven/_gedeeld/vragen.txt.j2": board_part})
    board_letter = _letter(policy, tmp_path / "a", "time-out")  # kompasroos, a school of the board
    assert board_letter == standard["time-out"].replace(QUESTION, "Vragen? Wij horen het graag.")
    policy = _policy(
        tmp_path / "2",
        school={"brieven/_gedeeld/vragen.txt.j2": school_part},
        board={"brieven/_gedeeld/vragen.txt.j2": board_part},
    )
    assert _letter(policy, tmp_path / "b") == standard["schorsing"].replace(QUESTION, "Wilt u iets vragen?")
    assert "Vragen? Wij horen het graag." in _letter(policy, tmp_path / "c", "time-out")


def test_a_schools_own_form_text_replaces_the_standard_form(tmp_path: Path) -> None:
    form = DEFAULT_TEMPLATES / "formulieren" / "logboek-signalen.txt.j2"
    own = _changed(form, "# Logboek signalen", "# Logboek zorgsignalen")
    policy = _policy(tmp_path, school={"formulieren/logboek-signalen.txt.j2": own})
    schools = {school.id: school for school in load_schools(policy)}
    writer = FormWriter()
    for school_id, wanted in (("vlinderboom", "Logboek zorgsignalen"), ("kompasroos", "Logboek signalen")):
        school = schools[school_id]
        paths = writer.write(forms_context(school), tmp_path / school_id, school.template_dirs)
        text = docx_outline(next(path for path in paths if path.stem == "logboek-signalen"))
        assert f"[Kop brief] {wanted}\n" in text, school_id


def test_a_text_template_is_made_into_word_once_per_run(tmp_path: Path) -> None:
    loaded = read_case(EXAMPLES / "schorsing.yaml", load_schools(EXAMPLE_POLICY))
    (context,) = letter_contexts(loaded)
    writer = LetterWriter()
    letters = [Letter(context, f"{number}.docx", loaded.case.letter_date) for number in range(4)]
    writer.write(letters, tmp_path, loaded.school.template_dirs)
    writer.write(letters, tmp_path, loaded.school.template_dirs, overwrite=True)
    assert writer.filler.text_compilations == 1


def test_schools_whose_folders_give_the_same_text_share_one_word_template(tmp_path: Path) -> None:
    policy = _policy(tmp_path, school={"veiligheidsplan/.keep": ""}, board={"site/.keep": ""})
    writer = FormWriter()
    for school in load_schools(policy):  # three schools, three search paths, the same form texts
        assert school.template_dirs
        writer.write(forms_context(school), tmp_path / school.id, school.template_dirs)
    assert writer.filler.text_compilations == len(FORMS)  # once per form, not per school


# --- The sandbox: a school's letter text cannot reach Python ---------------------------------------

PAYLOADS = {
    "cycler-globals": "{{ cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "str-mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'].system('touch MARKER') }}",
    "format-string": "{{ '{0.__class__.__init__.__globals__}'.format(pupil) }}",
    "attr-filter": "{{ cycler | attr('__init__') | attr('__globals__') }}",
    "mutate-list": "{% set found = [] %}{{ found.append('x') }}",
    "paragraph-tag": "% for x in cycler.__init__.__globals__.os.system('touch MARKER')",
    "table-cell": "| {{ joiner.__init__.__globals__.os.popen('touch MARKER').read() }} |",
    "title": "@ titel {{ namespace.__init__.__globals__['sys'].modules['os'].system('touch MARKER') }}",
}


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
@pytest.mark.parametrize("where", ["brieven/schorsing.txt.j2", "brieven/_gedeeld/vragen.txt.j2"])
def test_a_schools_letter_text_cannot_reach_python(
    payload: str, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "gehackt"
    default = DEFAULT_TEMPLATES / where
    lines = default.read_text(encoding="utf-8").splitlines()
    index = min(3, len(lines))
    lines.insert(index, payload.replace("MARKER", str(marker)))
    if payload.startswith("% for"):
        lines.insert(index + 1, "% endfor")
    policy = _policy(tmp_path, school={where: "\n".join(lines) + "\n"})
    out = tmp_path / "brieven"
    assert (
        main(["brief", str(EXAMPLES / "schorsing.yaml"), "--policy", str(policy), "--uitvoer", str(out)]) == 2
    )
    err = capsys.readouterr().err
    assert "Traceback" not in err and not marker.exists(), err
    assert f"sjablonen/vlinderboom/{where}:{index + 1}: " in err, err
    assert re.search(r"sjabloon geweigerd: |onbekende waarde", err), err
    assert "tip: " in err
    assert not out.exists() or not any(out.iterdir())


def test_a_hostile_form_text_stops_the_build_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "gehackt"
    form = DEFAULT_TEMPLATES / "formulieren" / "logboek-signalen.txt.j2"
    hostile = (
        form.read_text(encoding="utf-8") + f"{{{{ lipsum.__globals__['os'].system('touch {marker}') }}}}\n"
    )
    policy = _policy(tmp_path, school={"formulieren/logboek-signalen.txt.j2": hostile})
    out = tmp_path / "uit"
    arguments = ["bouw", "--policy", str(policy), "--uitvoer", str(out), "--zonder-website"]
    assert main([*arguments, "--school", "vlinderboom"]) == 2
    err = capsys.readouterr().err
    line = len(hostile.splitlines())
    assert f"formulieren/logboek-signalen.txt.j2:{line}: sjabloon geweigerd: het sjabloon vraagt" in err, err
    assert "Traceback" not in err and not marker.exists()
    assert not (out / "documenten" / "vlinderboom").exists()


# --- Mistakes name the file and line, in Dutch -----------------------------------------------------


def _problem(tmp_path: Path, files: dict[str, str]) -> str:
    policy = _policy(tmp_path, school=files)
    with pytest.raises(InvalidInput) as caught:
        write_letter(EXAMPLES / "schorsing.yaml", policy, tmp_path / "uit")
    (problem,) = caught.value.problems
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())
    return str(problem)


@pytest.mark.parametrize(
    ("inserted", "message"),
    [
        (
            "{{ pupil.schoenmaat }}",
            "sjabloon kan niet worden ingevuld: 'PupilView' heeft geen veld 'schoenmaat'",
        ),
        ("{{ schoenmaat }}", "sjabloon kan niet worden ingevuld: onbekende waarde 'schoenmaat'"),
        ("Op {{ pupil.first_name }", "fout in sjabloon: onverwacht teken '}'"),
        ("% als reasons", "fout in sjabloon: onbekende opdracht 'als'"),
        (
            "% if reasons",
            "fout in sjabloon: het sjabloon houdt op voordat een blok is afgesloten (ontbrekend: 'endif')",
        ),
        ("{{ reasons | onbekend }}", "fout in sjabloon: onbekend filter 'onbekend'"),
    ],
    ids=["geen-veld", "onbekend", "haakje", "onbekende-opdracht", "niet-afgesloten", "filter"],
)
def test_a_mistake_in_a_letter_text_names_the_file_and_line_in_dutch(
    inserted: str, message: str, tmp_path: Path
) -> None:
    lines = SCHORSING.read_text(encoding="utf-8").splitlines()
    number = _line_with("\n".join(lines), SENTENCE[:20])
    lines.insert(number, inserted)
    problem = _problem(tmp_path, {"brieven/schorsing.txt.j2": "\n".join(lines) + "\n"})
    own = display_path(tmp_path / "beleid" / "sjablonen" / "vlinderboom" / "brieven" / "schorsing.txt.j2")
    assert problem.startswith(f"{own}:{number + 1}: "), problem  # an unclosed block: where it opens
    assert message in problem, problem
    assert "\n  tip: " in problem


def test_a_mistake_in_a_shared_part_names_the_part_and_its_line(tmp_path: Path) -> None:
    part = QUESTIONS.read_text(encoding="utf-8") + "Bel {{ contact.mobiel }}.\n"
    problem = _problem(tmp_path, {"brieven/_gedeeld/vragen.txt.j2": part})
    own = display_path(
        tmp_path / "beleid" / "sjablonen" / "vlinderboom" / "brieven" / "_gedeeld" / "vragen.txt.j2"
    )
    assert problem.startswith(f"{own}:{len(part.splitlines())}: sjabloon kan niet worden ingevuld: "), problem
    assert "'PersonLine' heeft geen veld 'mobiel'" in problem
    assert "velden die het sjabloon mag gebruiken: " in problem and "pupil" in problem


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("@ deel ../../../geheim.txt.j2", "kan geen deel zijn: het pad moet binnen een sjablonenmap blijven"),
        ("@ deel /etc/passwd", "kan geen deel zijn: het pad moet binnen een sjablonenmap blijven"),
        (
            "@ deel brieven/_gedeeld/bestaat-niet.txt.j2",
            "het deel 'brieven/_gedeeld/bestaat-niet.txt.j2' bestaat niet",
        ),
        ("@ deel word/master.docx", "een deel is een tekstbestand dat eindigt op .txt.j2"),
        ("@ deel brieven/schorsing.txt.j2", "neemt (via andere delen) zichzelf op"),
        ("@ briefhoofd", "onbekende opdracht '@ briefhoofd'"),
        ("@ tabel 3 vier", "'@ tabel' kent 'vier' niet"),
        ("@ tabel 3 4", "na '@ tabel' hoort direct een tabelregel"),
        ("| a | b |\n| c |", "de regels van deze tabel hebben niet evenveel cellen"),
        ("@ tabel 3\n| a | b |", "'@ tabel' noemt niet voor elke kolom een breedte"),
        ("| a |\n% for x in reasons\n| b |", "een %-regel in een tabel begint met |%"),
    ],
    ids=[
        "buiten-de-map",
        "absoluut",
        "bestaat-niet",
        "geen-tekst",
        "zichzelf",
        "onbekend",
        "breedte",
        "geen-tabel",
        "cellen",
        "kolommen",
        "tabelopdracht",
    ],
)
def test_a_mistake_in_the_line_format_names_the_file_and_line(
    line: str, message: str, tmp_path: Path
) -> None:
    text = SCHORSING.read_text(encoding="utf-8").splitlines()
    text.insert(6, line)
    problem = _problem(tmp_path, {"brieven/schorsing.txt.j2": "\n".join(text) + "\n"})
    own = display_path(tmp_path / "beleid" / "sjablonen" / "vlinderboom" / "brieven" / "schorsing.txt.j2")
    assert problem.startswith(f"{own}:"), problem
    number = int(problem.removeprefix(f"{own}:").split(":", 1)[0])
    assert 7 <= number <= 7 + line.count("\n"), problem
    assert message in problem, problem


def test_the_header_holds_only_lines(tmp_path: Path) -> None:
    header = (DEFAULT_TEMPLATES / "_gedeeld" / "briefhoofd.txt.j2").read_text(encoding="utf-8")
    problem = _problem(tmp_path, {"_gedeeld/briefhoofd.txt.j2": header + "| a | b |\n"})
    own = display_path(tmp_path / "beleid" / "sjablonen" / "vlinderboom" / "_gedeeld" / "briefhoofd.txt.j2")
    assert problem.startswith(f"{own}:{len(header.splitlines()) + 1}: een tabel hoort niet in de koptekst")


def test_a_text_saved_with_a_byte_order_mark_reads_as_the_standard(
    tmp_path: Path, standard: dict[str, str]
) -> None:
    text = SCHORSING.read_text(encoding="utf-8").replace("\n", "\r\n")
    policy = _policy(tmp_path, school={"brieven/.keep": ""})
    (policy / "sjablonen" / "vlinderboom" / "brieven" / "schorsing.txt.j2").write_bytes(
        b"\xef\xbb\xbf" + text.encode("utf-8")
    )
    assert _letter(policy, tmp_path / "uit") == standard["schorsing"]


def test_a_shared_part_that_becomes_a_link_out_of_the_school_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt.j2"
    secret.write_text("geheim-0123\n", encoding="utf-8")
    policy = _policy(tmp_path, school={"brieven/_gedeeld/.keep": ""})
    loaded = read_case(EXAMPLES / "schorsing.yaml", load_schools(policy))
    (context,) = letter_contexts(loaded)
    part = policy / "sjablonen" / "vlinderboom" / "brieven" / "_gedeeld" / "vragen.txt.j2"
    part.symlink_to(secret)  # swapped in after the policy was loaded
    with pytest.raises(InvalidInput) as caught:
        LetterWriter().write(
            [Letter(context, "brief.docx", loaded.case.letter_date)],
            tmp_path / "uit",
            loaded.school.template_dirs,
        )
    (problem,) = caught.value.problems
    assert problem.file.endswith("brieven/_gedeeld/vragen.txt.j2")
    assert "sjabloon geweigerd: het bestand verwijst naar een plek buiten de sjablonenmap" in problem.message
    assert not (tmp_path / "uit").exists()


# --- The line format -------------------------------------------------------------------------------


def test_the_line_format_makes_paragraphs_tables_header_and_footer(tmp_path: Path) -> None:
    text = tmp_path / "proef.txt.j2"
    text.write_text(
        "// an editor's note; not in the document\n"
        "@ titel Proef\n"
        "@ koptekst _gedeeld/briefhoofd.txt.j2\n"
        "@ voettekst Proef · pagina [pagina] van [paginas]\n"
        "# Kop\n"
        "Een **vette** zin met {{ a | lower }}.\n"
        "- opsomming\n"
        "> adresregel\n"
        "~\n"
        "@ tabel 3 4,5 klein\n"
        "| **Naam** | **Uitleg** |\n"
        "|% for r in rows\n"
        "| {{ r | upper }} | ~~~ |\n"
        "|% endfor\n"
        "@ nieuwe pagina\n"
        "Einde\n",
        encoding="utf-8",
    )
    word = tmp_path / "proef.docx"
    word.write_bytes(compile_text(text, ()).data)
    assert docx_outline(word).split("== tekst ==\n")[1] == (
        "[Kop brief] Kop\n"
        "Een **vette** zin met {{ a | lower }}.\n"
        "[List Bullet] opsomming\n"
        "[Adresregel] adresregel\n"
        "\n"
        "[tabel]\n"
        "| [Klein] **Naam** | [Klein] **Uitleg** |\n"
        "| [Klein] {%tr for r in rows %} | [Klein]  |\n"
        "| [Klein] {{ r | upper }} | [Klein]  / [Klein]  / [Klein]  |\n"
        "| [Klein] {%tr endfor %} | [Klein]  |\n"
        "[einde tabel]\n"
        "[nieuwe pagina]\n"
        "Einde\n"
        "== sectie 1 · voettekst ==\n"
        "[Briefhoofd] Proef · pagina 1 van 1\n"  # the fields' text until Word counts the pages
    )
