"""Letters to parents: every kind renders, opens in LibreOffice, and says what the law and the case say."""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest
from letters_support import EXAMPLE_POLICY, EXAMPLES, ROOT, docx_text, example, write_case
from policies import BOARD, SCHOOL, policy_tree
from support import require_program

from schoolveiligheid.brief import LetterResult, write_letter
from schoolveiligheid.brief.case import KINDS
from schoolveiligheid.brief.writer import LetterWriter
from schoolveiligheid.cli import main
from schoolveiligheid.errors import InvalidInput, display_path
from schoolveiligheid.writers.forms import FORMS
from schoolveiligheid.writers.pdf import convert_pairs

# The fictional pupils and parents of the example cases: none may reach a group letter or the console.
PUPIL_NAMES = ("Voorbeeld", "Robin", "Fictief", "Noor", "Verzonnen", "Daan", "Bedacht", "Mika", "Gefingeerd")


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LetterResult]:
    """Every example case, written once."""
    out = tmp_path_factory.mktemp("brieven")
    return {path.stem: write_letter(path, EXAMPLE_POLICY, out) for path in sorted(EXAMPLES.glob("*.yaml"))}


def text_of(results: dict[str, LetterResult], name: str, number: int = 0) -> str:
    return docx_text(results[name].paths[number])


def test_there_is_one_example_per_kind_and_all_render(examples: dict[str, LetterResult]) -> None:
    assert sorted(result.kind for result in examples.values()) == sorted(KINDS)
    for result in examples.values():
        # A whole letter, not a near-empty file (the files are small: templates/word/basis.docx is lean).
        assert result.paths and all(len(docx_text(path)) > 800 for path in result.paths)


def test_every_letter_opens_in_libreoffice(examples: dict[str, LetterResult], tmp_path: Path) -> None:
    require_program("soffice", "libreoffice")
    pdftotext = require_program("pdftotext")
    sources = [path for result in examples.values() for path in result.paths]
    pdfs = convert_pairs([(path, tmp_path / f"{path.stem}.pdf") for path in sources])  # one LibreOffice run
    assert len(pdfs) == len(sources) == 12
    for source, pdf in zip(sources, pdfs, strict=True):
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Met vriendelijke groet" in text, source.name
        assert re.search(r"pagina 1 van \d", text), f"{source.name}: page numbers are filled"
    time_out = next(pdf for pdf in pdfs if "time-out" in pdf.name)
    assert (
        "SO De Kompasroos"
        in subprocess.run([pdftotext, str(time_out), "-"], capture_output=True, text=True).stdout
    )


def test_schorsing_applies_the_law_with_dutch_dates(examples: dict[str, LetterResult]) -> None:
    text = text_of(examples, "schorsing")
    assert "Lindewaarde, maandag 23 november 2026" in text
    assert "drie schooldagen: van dinsdag 24 november 2026 tot en met donderdag 26 november 2026" in text
    assert "Op vrijdag 27 november 2026 is Sam weer welkom in groep 7." in text
    assert "artikel 40c van de Wet op het primair onderwijs" in text
    assert "leerplichtambtenaar" in text
    # Bezwaar: six weeks after the letter date, to the board's postal address.
    assert "uiterlijk op maandag 4 januari 2027 binnen zijn" in text
    assert (
        "College van Bestuur van Stichting Openbaar Onderwijs Lindewaarde\nPostbus 210\n9490 AE Lindewaarde"
        in text
    )
    copies = text.split("Afschrift aan:")[1]
    assert "de leerplichtambtenaar (Bureau Leerplicht Lindewaarde)" in copies
    assert "de Inspectie van het Onderwijs" in copies
    assert "Aangetekend verzonden" in text
    assert "De heer en mevrouw Voorbeeld\nKievitstraat 12\n9491 AB Lindewaarde" in text


def test_letterhead_has_the_school_and_its_logo(examples: dict[str, LetterResult]) -> None:
    text = text_of(examples, "schorsing")
    assert text.startswith("OBS De Vlinderboom\nFluitekruidlaan 21 · 9491 KL Lindewaarde")
    with zipfile.ZipFile(examples["schorsing"].paths[0]) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist()), "vlinderboom has a logo"
    with zipfile.ZipFile(examples["time-out"].paths[0]) as archive:
        assert not any(name.startswith("word/media/") for name in archive.namelist()), "kompasroos has none"


def test_removal_letters_follow_the_law_and_each_other(examples: dict[str, LetterResult]) -> None:
    intent = text_of(examples, "voornemen-verwijdering")
    assert "op woensdag 18 november 2026 om 15.30 uur" in intent, "parents are invited to be heard"
    assert "Een leerling wordt pas definitief verwijderd als een andere school bereid is" in intent
    final = text_of(examples, "definitieve-verwijdering")
    assert "In onze brief van maandag 9 november 2026" in final
    assert "met ingang van maandag 1 februari 2027" in final
    assert "mevrouw Eva de Lange, leerkracht van Robin, op donderdag 5 november 2026" in final
    assert "u, als ouders of verzorgers, op woensdag 18 november 2026" in final
    assert "Basisschool Het Verzonnen Pad in Lindewaarde is bereid Robin toe te laten" in final
    assert "uiterlijk op maandag 1 maart 2027 binnen zijn" in final
    # Openbare school: four weeks from the day after the objection term ends, then the administrative court.
    assert "beslist uiterlijk op dinsdag 30 maart 2027 op uw bezwaar" in final  # not Tweede Paasdag (Atw)
    assert "de bestuursrechter" in final and "civiele rechter" not in final
    assert "Geschillencommissie passend onderwijs" in final
    assert "8 weken" not in final and "acht weken" not in final, "no 8-week clause in PO"
    assert len(examples["definitieve-verwijdering"].paths) == 2, "one letter per address"
    second = text_of(examples, "definitieve-verwijdering", 1)
    assert "De heer K. Fictief\nHavenkade 40" in second


def test_bijzondere_school_cites_article_63_and_the_civil_court(tmp_path: Path) -> None:
    board = BOARD.replace("richting: openbaar", "richting: bijzonder")
    policy = policy_tree(tmp_path, board=board)
    cases = tmp_path / "zaken"
    intent = example("voornemen-verwijdering").replace("vlinderboom", "testschool")
    intent = intent.replace("p-leerkracht-de-lange", "p-coord").replace(
        "met: [directeur]", "met: [directeur]"
    )
    write_case(cases, intent, "voornemen-verwijdering.yaml")
    final = example("definitieve-verwijdering").replace("vlinderboom", "testschool")
    final = final.replace("p-leerkracht-de-lange", "p-coord")
    result = write_letter(write_case(cases, final, "definitief.yaml"), policy, tmp_path / "uit")
    text = docx_text(result.paths[0])
    assert "artikel 63, tweede lid, van de Wet op het primair onderwijs" in text
    assert "artikel 63, derde lid, van de Wet op het primair onderwijs" in text
    assert "beslist binnen vier weken nadat het uw bezwaarschrift heeft ontvangen" in text
    assert "de civiele rechter" in text and "bestuursrechter" not in text
    assert "Bestuurslaan 1\n1234 AB Teststad" in text, "without a postal address the visiting address"
    assert "de leerplichtambtenaar\n" in text + "\n", "no leerplicht organisation: the role, unnamed"


def test_samenwerkingsschool_states_the_court_rule_instead_of_a_court(tmp_path: Path) -> None:
    policy = policy_tree(tmp_path, board=BOARD.replace("richting: openbaar", "richting: samenwerkingsschool"))
    cases = tmp_path / "zaken"
    write_case(
        cases,
        example("voornemen-verwijdering")
        .replace("vlinderboom", "testschool")
        .replace("p-leerkracht-de-lange", "p-coord"),
        "voornemen-verwijdering.yaml",
    )
    final = (
        example("definitieve-verwijdering")
        .replace("vlinderboom", "testschool")
        .replace("p-leerkracht-de-lange", "p-coord")
    )
    text = docx_text(
        write_letter(write_case(cases, final, "definitief.yaml"), policy, tmp_path / "uit").paths[0]
    )
    assert "hangt af van de rechtsvorm van het bestuur" in text
    assert "bestuursrechter" not in text.replace("de bestuursrechter of de civiele rechter", "")


def test_letters_give_parents_only_public_numbers(tmp_path: Path) -> None:
    school = SCHOOL.replace("    telefoon: 020 123 4568", "    telefoon: 06 1234 5678")
    policy = policy_tree(tmp_path, school=school)
    case = example("uitnodiging-gesprek").replace("vlinderboom", "testschool")
    case = case.replace("met: [p-leerkracht-de-lange, coordinator_anti_pestbeleid]", "met: [directeur]")
    text = docx_text(write_letter(write_case(tmp_path / "zaken", case), policy, tmp_path / "uit").paths[0])
    assert "Dirk Directeur, directeur, via 020 123 4567 of dirk@testhoeve.example" in text
    assert "06 1234 5678" not in text


def test_special_school_uses_the_wec(tmp_path: Path) -> None:
    case = example("schorsing").replace("vlinderboom", "kompasroos").replace('groep: "7"', "groep: SO-4")
    case = case.replace("groepsleerkracht: p-leerkracht-de-lange\n", "").replace(
        "p-leerkracht-de-lange", "p-aanspreekpunt"
    )
    text = docx_text(write_letter(write_case(tmp_path, case), EXAMPLE_POLICY, tmp_path / "uit").paths[0])
    assert "artikel 40a van de Wet op de expertisecentra" in text
    assert "Wet op het primair onderwijs" not in text
    assert "SO De Kompasroos" in text and "groep SO-4" in text
    intent = (
        example("voornemen-verwijdering")
        .replace("vlinderboom", "kompasroos")
        .replace('groep: "6"', "groep: SO-4")
    )
    intent = intent.replace("p-leerkracht-de-lange", "p-aanspreekpunt")
    text = docx_text(
        write_letter(write_case(tmp_path, intent, "v.yaml"), EXAMPLE_POLICY, tmp_path / "uit").paths[0]
    )
    assert "in het speciaal onderwijs of daarbuiten" in text
    assert "de heer Jasper Noordhuis, leerkracht van Robin" in text


def test_school_days_are_counted_monday_to_friday() -> None:
    from datetime import date

    from schoolveiligheid.law import nth_school_day, school_days

    assert school_days(date(2026, 11, 27), date(2026, 11, 30)) == 2  # Friday to Monday
    assert school_days(date(2026, 11, 23), date(2026, 12, 2)) == 8
    assert school_days(date(2026, 11, 28), date(2026, 11, 29)) == 0  # a weekend
    assert school_days(date(2026, 11, 26), date(2026, 11, 25)) == 0
    assert nth_school_day(date(2026, 11, 24), 5) == date(2026, 11, 30)
    assert nth_school_day(date(2026, 11, 28), 1) == date(2026, 11, 30)


def test_one_day_schorsing_is_not_reported_to_the_inspectie(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = example("schorsing").replace("tot_en_met: 2026-11-26", "tot_en_met: 2026-11-24")
    path = write_case(tmp_path, case)
    assert main(["brief", str(path), "--uitvoer", str(tmp_path / "uit")]) == 0
    text = docx_text(next((tmp_path / "uit").iterdir()))
    assert "één schooldag: op dinsdag 24 november 2026" in text
    assert "Inspectie" not in text
    assert "Inspectie" not in capsys.readouterr().out
    assert "de leerplichtambtenaar (Bureau Leerplicht Lindewaarde)" in text


def test_command_prints_path_and_inspectie_reminder_but_no_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = write_case(tmp_path, example("schorsing"), "sam-voorbeeld.zaak.yaml")
    assert main(["brief", str(case), "--uitvoer", str(tmp_path / "uit")]) == 0
    out = capsys.readouterr().out
    written = list((tmp_path / "uit").iterdir())
    assert len(written) == 1 and written[0].name == "2026-11-23-schorsing-zaak1.docx"
    assert "sam" not in written[0].name.lower() and "voorbeeld" not in written[0].name.lower()
    assert out.splitlines()[0] == f"brief: {display_path(written[0])}"
    assert (
        "deze schorsing duurt 3 schooldagen; meld haar schriftelijk en met de redenen bij de Inspectie" in out
    )
    assert "verstuur deze brief aangetekend" in out
    assert not any(re.search(rf"\b{name}\b", out, re.IGNORECASE) for name in ("Sam", *PUPIL_NAMES))


def test_letters_to_other_parents_never_name_a_child(examples: dict[str, LetterResult]) -> None:
    for name in ("incident-eigen-groep", "incident-overige-groepen", "incident-jonge-kinderen"):
        text = text_of(examples, name)
        assert text.count("Aan de ouders en verzorgers van de leerlingen van groep") == 1
        assert not any(re.search(rf"\b{pupil}\b", text) for pupil in PUPIL_NAMES), name
    other = text_of(examples, "incident-overige-groepen")
    assert (
        "groep 1, 2, 3, 4, 5, 6 en 8" in other
        and "De ouders van groep 7 hebben hierover een eigen brief" in other
    )


def test_careful_letters_avoid_labels_and_the_word_schorsen(examples: dict[str, LetterResult]) -> None:
    careful = [name for name, result in examples.items() if KINDS[result.kind].careful]
    assert len(careful) == 5
    for name in careful:
        text = text_of(examples, name).lower()
        assert not re.search(r"dader|slachtoffer|schors", text), name


def test_no_editorial_hints_blanks_or_template_residue(examples: dict[str, LetterResult]) -> None:
    for name, result in examples.items():
        for path in result.paths:
            # The footer's page number is a field python-docx does not read; leave that line out.
            text = "\n".join(line for line in docx_text(path).splitlines() if "· pagina" not in line)
            for residue in (
                "None",
                "{{",
                "{%",
                "}}",
                "%}",
                "…",
                "....",
                "(evt",
                "(eventueel",
                "groep X",
                "TODO",
                "  ",
            ):
                assert residue not in text, f"{name}: {residue!r}"


def test_user_text_is_escaped_and_survives_as_typed(tmp_path: Path) -> None:
    case = example("schorsing").replace(
        "  - U kunt tijdens schooltijd met vragen over het werk bellen naar de school.",
        "  - \"Werk & rust: 3 < 4 en 5 > 2 voor de 'groep'.\"",
    )
    text = docx_text(write_letter(write_case(tmp_path, case), EXAMPLE_POLICY, tmp_path / "uit").paths[0])
    assert "Werk & rust: 3 < 4 en 5 > 2 voor de 'groep'." in text


def test_templates_compile_once_for_many_letters(tmp_path: Path) -> None:
    from schoolveiligheid.brief.checks import read_case
    from schoolveiligheid.brief.context import letter_contexts
    from schoolveiligheid.brief.writer import Letter
    from schoolveiligheid.model import load_schools

    loaded = read_case(EXAMPLES / "schorsing.yaml", load_schools(EXAMPLE_POLICY))
    context = letter_contexts(loaded)[0]
    writer = LetterWriter()
    writer.write([Letter(context, "a.docx", loaded.case.letter_date)], tmp_path)
    first = writer.filler.environment.compilations
    writer.write([Letter(context, f"{n}.docx", loaded.case.letter_date) for n in range(5)], tmp_path)
    assert writer.filler.environment.compilations == first
    assert writer.filler.environment.requests > first


def test_same_case_gives_byte_identical_letters(tmp_path: Path) -> None:
    first = write_letter(EXAMPLES / "schorsing.yaml", EXAMPLE_POLICY, tmp_path / "a").paths[0].read_bytes()
    second = write_letter(EXAMPLES / "schorsing.yaml", EXAMPLE_POLICY, tmp_path / "b").paths[0].read_bytes()
    assert first == second


def test_letter_and_form_texts_are_text_and_become_the_same_word_template_every_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from schoolveiligheid.writers.docx_lines import compile_text

    texts = sorted((ROOT / "templates" / "brieven").glob("*.txt.j2"))
    texts += sorted((ROOT / "templates" / "formulieren").glob("*.txt.j2"))
    assert [path.stem.removesuffix(".txt") for path in texts[: len(KINDS)]] == sorted(KINDS)
    assert len(texts) == len(KINDS) + len(FORMS), "one text per letter kind and per form, and no other"
    first = {path: compile_text(path, ()).data for path in texts}
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 3601)  # an hour and a second later: the same bytes
    for path in texts:
        assert compile_text(path, ()).data == first[path], path.name
    committed = [*(ROOT / "letters").rglob("*.docx"), *(ROOT / "templates").glob("[bf]*/**/*.docx")]
    assert not committed, "the texts are the source; no generated Word template is kept"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_letters_are_readable_for_their_owner_only(tmp_path: Path) -> None:
    result = write_letter(EXAMPLES / "definitieve-verwijdering.yaml", EXAMPLE_POLICY, tmp_path / "uit")
    assert len(result.paths) == 2
    assert [_mode(path) for path in result.paths] == [0o600, 0o600]
    assert _mode(tmp_path / "uit") == 0o700, "a folder the command creates is private too"
    assert not [path for path in (tmp_path / "uit").iterdir() if path.name.startswith(".")], "no temp files"


def test_an_existing_letter_is_not_overwritten_without_asking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit"
    case = write_case(tmp_path / "zaken", example("schorsing"))
    (letter,) = write_letter(case, EXAMPLE_POLICY, out).paths
    sent = _edited_in_word(letter)
    letter.chmod(0o644)
    with pytest.raises(InvalidInput) as caught:
        write_letter(case, EXAMPLE_POLICY, out)
    (problem,) = caught.value.problems
    assert Path(problem.file) == letter
    assert problem.message == "deze brief bestaat al; misschien is hij al verstuurd"
    assert "--overschrijven" in problem.hint
    assert letter.read_bytes() == sent
    assert main(["brief", str(case), "--uitvoer", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"fout: {display_path(letter)}: deze brief bestaat al" in err
    assert letter.read_bytes() == sent and sorted(out.iterdir()) == [letter]
    (again,) = write_letter(case, EXAMPLE_POLICY, out, overwrite=True).paths
    assert again == letter and letter.read_bytes().startswith(b"PK") and _mode(letter) == 0o600


def _edited_in_word(letter: Path) -> bytes:
    """Change a letter the way a sender does before sending it; the document properties stay."""
    document = docx.Document(str(letter))
    document.add_paragraph("Nagekeken en verstuurd.")
    document.save(str(letter))
    return letter.read_bytes()


def test_one_existing_letter_of_two_stops_both(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    case = write_case(tmp_path / "zaken", example("voornemen-verwijdering"))
    first, second = write_letter(case, EXAMPLE_POLICY, out).paths
    first.unlink()
    with pytest.raises(InvalidInput, match="bestaat al"):
        write_letter(case, EXAMPLE_POLICY, out)
    assert not first.exists(), "nothing is written when one letter of the case exists"


def test_same_file_name_in_two_folders_gives_two_letters(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    first = write_case(tmp_path / "klas-a", example("schorsing"), "schorsing.yaml")
    other = example("schorsing").replace("voornaam: Sam", "voornaam: Kim").replace("Sam ", "Kim ")
    second = write_case(tmp_path / "klas-b", other, "schorsing.yaml")
    (letter_a,) = write_letter(first, EXAMPLE_POLICY, out).paths
    (letter_b,) = write_letter(second, EXAMPLE_POLICY, out).paths
    assert letter_a != letter_b
    # Numbered per kind and date; nothing of the case file's name (here: the kind) is used.
    assert (letter_a.name, letter_b.name) == (
        "2026-11-23-schorsing-zaak1.docx",
        "2026-11-23-schorsing-zaak2.docx",
    )
    assert "Sam Voorbeeld" in docx_text(letter_a) and "Kim Voorbeeld" in docx_text(letter_b)
    moved = shutil.copy(first, tmp_path / "klas-a" / "kopie.yaml")
    assert write_letter(Path(moved), EXAMPLE_POLICY, out).paths[0].name == "2026-11-23-schorsing-zaak3.docx"


def test_letters_to_the_own_parents_name_son_or_daughter(examples: dict[str, LetterResult]) -> None:
    assert "heeft besloten uw zoon Sam te schorsen" in text_of(examples, "schorsing")
    assert "hoorden wij dat uw dochter Noor gepest wordt" in text_of(examples, "pesten-gepeste-leerling")
    assert "omdat uw zoon Daan betrokken is bij het pesten" in text_of(examples, "pesten-pestende-leerling")
    assert "van plan is uw kind Robin van school te verwijderen" in text_of(
        examples, "voornemen-verwijdering"
    )
    for name in ("incident-eigen-groep", "incident-overige-groepen", "incident-jonge-kinderen"):
        assert not re.search(r"uw (zoon|dochter)", text_of(examples, name)), name


def test_every_field_of_the_letter_context_is_used_by_a_template() -> None:
    import dataclasses

    from schoolveiligheid.brief import views as letter_views

    letter_texts = [
        *(ROOT / "templates" / "brieven").rglob("*.txt.j2"),
        ROOT / "templates" / "_gedeeld" / "briefhoofd.txt.j2",
    ]
    source = "\n".join(path.read_text(encoding="utf-8") for path in letter_texts)
    # Names inside Jinja only: {{ … }}, {% … %} and the '% …' lines; the Dutch words around them do not count.
    code = " ".join(re.findall(r"\{\{.*?\}\}|\{%.*?%\}|^% .*$", source, re.MULTILINE))
    names = set(re.findall(r"[a-z_]+", code))
    used_by_writer = {"kind"}  # picks the template
    unused = [
        f"{view.__name__}.{item.name}"
        for view in vars(letter_views).values()
        if dataclasses.is_dataclass(view) and isinstance(view, type)
        for item in dataclasses.fields(view)
        if item.name not in names | used_by_writer
    ]
    assert not unused, f"fields no letter template uses: {unused}"


def test_brief_refuses_to_overwrite_unless_asked_and_keeps_letters_private(tmp_path: Path) -> None:
    from schoolveiligheid.cli import main

    case = ROOT / "letters" / "voorbeelden" / "schorsing.yaml"
    out = tmp_path / "brieven"
    assert main(["brief", str(case), "--uitvoer", str(out)]) == 0
    (written,) = list(out.glob("*.docx"))
    before = written.read_bytes()
    sent = _edited_in_word(written)
    assert main(["brief", str(case), "--uitvoer", str(out)]) == 2
    assert written.read_bytes() == sent
    assert main(["brief", str(case), "--uitvoer", str(out), "--overschrijven"]) == 0
    assert written.read_bytes() == before
    assert written.stat().st_mode & 0o777 == 0o600
