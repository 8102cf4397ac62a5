"""Blank forms come with the Word files, pre-filled; neither they nor any letter reach the website.

One build of two example schools, after writing every example letter under the
same output root, serves all tests here: the forms must be in the Word folders,
and nothing from a case file or the internal bereikbaarheidslijst may be on the site.
"""

from __future__ import annotations

import dataclasses
import io
import re
import struct
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from letters_support import EXAMPLE_POLICY, EXAMPLES, docx_text
from policies import SCHOOL, policy_tree
from support import require_program

from schoolveiligheid.brief import write_letter
from schoolveiligheid.brief.checks import read_case
from schoolveiligheid.brief.context import letter_contexts
from schoolveiligheid.brief.writer import Letter, LetterWriter
from schoolveiligheid.build import BuildOptions, build
from schoolveiligheid.cli import main
from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.errors import BuildFailed, display_path
from schoolveiligheid.model import SchoolModel
from schoolveiligheid.writers.docx_fill import DocxFiller
from schoolveiligheid.writers.forms import FORMS, FormWriter
from schoolveiligheid.writers.pdf import convert_pairs

# Data that exists only in the example case files.
CASE_DATA = (
    "Kievitstraat",
    "Dotterbloemweg",
    "Havenkade",
    "Wilgenhof",
    "Polderweg",
    "Lindelaan 8",
    "Robin",
    "Mika",
    "Gefingeerd",
    "Fictief",
    "Verzonnen Pad",
    "Sam Voorbeeld",
)


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("uitvoer")
    for case in sorted(EXAMPLES.glob("*.yaml")):
        write_letter(case, EXAMPLE_POLICY, root / "brieven")
    report = build(BuildOptions(policy=EXAMPLE_POLICY, output_root=root, only=("vlinderboom", "kompasroos")))
    assert report.built == ["kompasroos", "vlinderboom"] or sorted(report.built) == [
        "kompasroos",
        "vlinderboom",
    ]
    return root


def form(output: Path, school: str, stem: str) -> str:
    return docx_text(output / "documenten" / school / "formulieren" / f"{stem}.docx")


def test_every_school_gets_the_three_forms_beside_its_documents(output: Path) -> None:
    for school in ("vlinderboom", "kompasroos"):
        folder = output / "documenten" / school / "formulieren"
        assert sorted(path.name for path in folder.iterdir()) == sorted(f"{stem}.docx" for stem in FORMS)


def test_incident_form_is_pre_filled_from_the_policy(output: Path) -> None:
    text = form(output, "vlinderboom", "incidentregistratieformulier")
    assert "OBS De Vlinderboom" in text
    assert (
        "Leg het incident vast in ParnasSys (logboek sociale veiligheid) binnen 2 dagen na het voorval."
        in text
    )
    assert (
        "Verantwoordelijk voor de registratie: de coördinator sociale veiligheid (Sanne Pijnacker)." in text
    )
    assert re.search(r"Analyse van de incidenten: twee keer per jaar, met de .+\.", text)
    assert "Overzicht incidenten 2026-2027" in text
    assert "Fysiek ingrijpen" not in text and "Bewaren:" not in text
    special = form(output, "kompasroos", "incidentregistratieformulier")
    assert "SWIS Suite binnen 3 dagen na het voorval" in special
    assert "de training Geweldloos weerbaar begrenzen" in special
    assert "Bewaren: in het leerlingdossier" in special


def test_register_has_empty_rows_to_write_in(output: Path) -> None:
    from docx import Document

    document = Document(
        str(output / "documenten" / "vlinderboom" / "formulieren" / "incidentregistratieformulier.docx")
    )
    register = document.tables[-1]
    assert [cell.text for cell in register.rows[0].cells] == [
        "Datum",
        "Plek",
        "Wat gebeurde er",
        "Melder en betrokkenen",
        "Bijlage",
    ]
    assert len(register.rows) == 13 and all(not cell.text for row in register.rows[1:] for cell in row.cells)


def test_signal_log_names_the_meldcode_contact(output: Path) -> None:
    text = form(output, "vlinderboom", "logboek-signalen")
    assert "Bespreek uw zorgen altijd met Ruben Okafor (aandachtsfunctionaris meldcode): 0123 456 710" in text
    assert "r.okafor@devlinderboom.example" in text


def test_bereikbaarheidslijst_has_all_contact_data_including_mobile_numbers(
    output: Path, example_schools: dict[str, SchoolModel]
) -> None:
    text = form(output, "vlinderboom", "sociale-kaart-en-bereikbaarheidslijst")
    school = example_schools["vlinderboom"]
    private = [p for p in school.people.values() if p.phone and p.phone.is_mobile and p.public_phone is None]
    assert private, "the example has a mobile number that is not public"
    for person in private:
        assert f"{person.name}\n{person.phone.display}" in text, "internal list: mobile numbers too"  # type: ignore[union-attr]
    assert (
        "coördinator sociale veiligheid (coördinator anti-pestbeleid)\nSanne Pijnacker\n0123 456 711" in text
    )
    smw = school.organisations["org-smw"]
    assert "Welzijn & Jeugd Lindewaarde" in text and f"spreekuur {smw.office_hours}" in text
    assert "Veilig Thuis" in text and "Klachtencommissie" in text
    assert "Postbus 85, 3500 AB Utrecht" in text
    assert "Politie, basisteam Lindewaarde\nTom Vredevoogd, wijkagent\n0900 8844" in text


def _site_texts(site: Path) -> dict[str, str]:
    """Every file of the built site as text, the files inside .docx downloads included."""
    texts = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                texts[str(path)] = " ".join(
                    re.sub(r"<[^>]+>", "", archive.read(name).decode("utf-8", "replace"))
                    for name in archive.namelist()
                )
        else:
            texts[str(path)] = path.read_bytes().decode("utf-8", "replace")
    return texts


def test_nothing_from_a_case_file_reaches_the_website_or_the_documents(output: Path) -> None:
    assert len(list((output / "brieven").glob("*.docx"))) == 12, "the letters are there, beside the build"
    assert "Kievitstraat" in docx_text(next((output / "brieven").glob("*-schorsing-*.docx")))
    site = _site_texts(output / "site")
    assert len(site) > 20 and any(name.endswith(".html") for name in site)
    documents = {str(p): docx_text(p) for p in (output / "documenten").rglob("*.docx")}
    for where, text in {**site, **documents}.items():
        for secret in CASE_DATA:
            assert not re.search(rf"\b{re.escape(secret)}\b", text), f"{secret!r} in {where}"


def test_forms_and_internal_numbers_stay_off_the_website(
    output: Path, example_schools: dict[str, SchoolModel]
) -> None:
    names = [path.name for path in (output / "site").rglob("*")]
    assert not any(stem in name for stem in FORMS for name in names)
    private = [
        person.phone.display
        for school in ("vlinderboom", "kompasroos")
        for person in example_schools[school].people.values()
        if person.phone and person.public_phone is None
    ]
    assert private
    for where, text in _site_texts(output / "site").items():
        for secret in private:
            assert secret not in text, f"{secret!r} in {where}"


def test_forms_open_in_libreoffice(output: Path, tmp_path: Path) -> None:
    require_program("soffice", "libreoffice")
    pdftotext = require_program("pdftotext")
    sources = sorted((output / "documenten").glob("*/formulieren/*.docx"))
    pdfs = convert_pairs(
        [(path, tmp_path / f"{path.parent.parent.name}-{path.stem}.pdf") for path in sources]
    )
    assert len(pdfs) == 2 * len(FORMS)  # two schools built, every form of each
    for pdf in pdfs:
        text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "pagina 1 van" in text, pdf.name
    kaart = next(pdf for pdf in pdfs if pdf.name == "vlinderboom-sociale-kaart-en-bereikbaarheidslijst.pdf")
    assert (
        "06 2000 3344" in subprocess.run([pdftotext, str(kaart), "-"], capture_output=True, text=True).stdout
    )


def _png(width: int, height: int, rest: bytes = b"") -> bytes:
    """The start of a PNG: signature and an IHDR chunk header with the given size."""
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", width, height) + rest


BROKEN_LOGOS = {
    "leeg": b"",
    "tekst": b"dit is geen afbeelding",
    "afgebroken": _png(200, 80)[:20],
    "nul pixels": _png(0, 0, b"\x08\x02\x00\x00\x00" + b"\x00" * 4),
}


@pytest.mark.parametrize("content", BROKEN_LOGOS.values(), ids=BROKEN_LOGOS.keys())
def test_a_broken_logo_is_a_dutch_error_for_forms_and_letters(
    content: bytes, tmp_path: Path, example_schools: dict[str, SchoolModel]
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(content)
    school = dataclasses.replace(example_schools["vlinderboom"], logo=logo)
    expected = f"het logo {display_path(logo)} is geen afbeelding die Word kan tonen"
    with pytest.raises(BuildFailed) as caught:
        FormWriter().write(forms_context(school), tmp_path / "formulieren")
    assert caught.value.message == expected and "PNG" in caught.value.hint
    loaded = read_case(EXAMPLES / "schorsing.yaml", list(example_schools.values()))
    loaded = dataclasses.replace(loaded, school=school)
    (context,) = letter_contexts(loaded)
    assert context.logo == logo
    with pytest.raises(BuildFailed) as caught:
        LetterWriter().write([Letter(context, "brief.docx", date(2026, 11, 23))], tmp_path / "brieven")
    assert caught.value.message == expected
    assert not (tmp_path / "formulieren").exists() and not (tmp_path / "brieven").exists()


def test_bouw_with_a_logo_word_cannot_read_stops_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    school = SCHOOL.replace(
        "  email: info@testhoeve.example\n", "  email: info@testhoeve.example\n  logo: logo.png\n"
    )
    # A concept is built despite findings, so the build reaches the forms.
    school = school.replace("  status: vastgesteld\n", "  status: concept\n")
    assert "logo: logo.png" in school and "status: concept" in school
    policy = policy_tree(tmp_path, school=school)
    (policy / "logo.png").write_bytes(_png(200, 80)[:20])  # a PNG signature, then nothing
    code = main(["bouw", "--zonder-website", "--policy", str(policy), "--uitvoer", str(tmp_path / "uit")])
    err = capsys.readouterr().err
    # 1: the forms writer refuses it; 2: the model refuses it at load time. Either way: Dutch, with the file.
    assert code in (1, 2), err
    assert "logo" in err and "logo.png" in err and "Error" not in err
    assert not (tmp_path / "uit" / "documenten" / "testschool").exists()


def _template(tmp_path: Path, *paragraphs: str) -> Path:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "sjabloon.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("paragraphs", "message", "hint"),
    [
        (
            ["{{ onbekend }}"],
            "onbekende waarde 'onbekend' in sjabloon",
            "velden die het sjabloon mag gebruiken: head",
        ),
        (
            ["{{ leeg.naam }}"],
            "het sjabloon vraagt 'naam' op van een waarde die bij deze brief leeg is in sjabloon",
            "velden die het sjabloon mag gebruiken",
        ),
        (["{{ head.straatnaam }}"], "'Letterhead' heeft geen veld 'straatnaam' in sjabloon", "velden"),
        (
            ["{%p for regel in head %}", "{{ regel }}"],
            "het sjabloon houdt op voordat een blok is afgesloten (ontbrekend: 'endfor') in sjabloon",
            "controleer de {{ … }} en {% … %} in het sjabloon",
        ),
        (["{{ head.name }"], "onverwacht teken '}' in sjabloon", "rond deze tekst"),
        (["{% als head %}x{% endif %}"], "onbekende opdracht 'als' in sjabloon", "{% … %}"),
    ],
    ids=["onbekend", "leeg", "geen-veld", "niet-afgesloten", "haakje", "onbekende-opdracht"],
)
def test_template_errors_reach_the_user_in_dutch_with_the_file(
    paragraphs: list[str], message: str, hint: str, tmp_path: Path, example_schools: dict[str, SchoolModel]
) -> None:
    template = _template(tmp_path, *paragraphs)
    head = forms_context(example_schools["kompasroos"]).head
    with pytest.raises(BuildFailed) as caught:
        DocxFiller().fill(template, {"head": head, "leeg": None}, None, date(2026, 1, 1), "t")
    assert caught.value.message.startswith(message), caught.value.message
    assert caught.value.message.endswith(f"in sjabloon {display_path(template)}")
    assert hint in caught.value.hint


def test_a_template_that_is_no_word_file_is_a_dutch_error(tmp_path: Path) -> None:
    template = tmp_path / "kapot.docx"
    template.write_bytes(b"geen zip")
    with pytest.raises(BuildFailed, match=r"is geen geldig Word-bestand"):
        DocxFiller().fill(template, {}, None, date(2026, 1, 1), "t")
    template.write_bytes(io.BytesIO(b"PK\x03\x04 kapot").getvalue())
    with pytest.raises(BuildFailed, match=r"is geen geldig Word-bestand"):
        DocxFiller().fill(template, {}, None, date(2026, 1, 1), "t")
