"""The bundled example, built end to end with PDFs: what a director takes to the MR.

Reads the real Word files with python-docx, the PDFs (made by LibreOffice in one
run) with pdftotext, and the website's HTML: same text everywhere, key facts
present, and nothing that may not be published.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from support import require_program
from test_word import chapters_of, text_of

from schoolveiligheid.cli import main
from schoolveiligheid.render import RenderedSchool
from schoolveiligheid.writers.markup import plain_text

SCHOOLS = ("vlinderboom", "zonnewijzer", "kompasroos")
DOCUMENTS = ("sociaal-veiligheidsplan", "anti-pestprotocol", "schoolgids-sociale-veiligheid")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python generate.py --pdf` for the example, into a temporary root."""
    require_program("soffice", "libreoffice")
    out = tmp_path_factory.mktemp("voorbeeld")
    assert main(["bouw", "--pdf", "--uitvoer", str(out)]) == 0
    return out


def _docx(built: Path, school: str, stem: str) -> docx.document.Document:
    return docx.Document(str(built / "documenten" / school / f"{stem}.docx"))


def _pdf_text(path: Path) -> str:
    pdftotext = require_program("pdftotext")
    return subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("school", SCHOOLS)
def test_every_chapter_in_word_says_what_its_markdown_says(
    built: Path, example_rendered: dict[str, RenderedSchool], school: str
) -> None:
    for document in example_rendered[school].documents:
        word = _docx(built, school, document.file_stem)
        groups = chapters_of(word)
        assert len(groups) == len(document.chapters)
        for group, chapter in zip(groups, document.chapters, strict=True):
            assert text_of(group) == plain_text(chapter.markdown), f"{document.title}: {chapter.title}"


@pytest.mark.parametrize("school", SCHOOLS)
def test_headings_are_the_chapter_titles_in_order(
    built: Path, example_rendered: dict[str, RenderedSchool], school: str
) -> None:
    for document in example_rendered[school].documents:
        word = _docx(built, school, document.file_stem)
        titles = [p.text for p in word.paragraphs if p.style is not None and p.style.name == "Heading 1"]
        assert titles == [chapter.title for chapter in document.chapters]


def test_plan_has_contact_and_sociale_kaart_tables_with_key_facts(built: Path) -> None:
    plan = _docx(built, "vlinderboom", "sociaal-veiligheidsplan")
    tables = ["\n".join(cell.text for row in table.rows for cell in row.cells) for table in plan.tables]
    contact = next(text for text in tables if "Sanne Pijnacker" in text)
    assert "0123 456 711" in contact
    assert any("GGD Waterland-Noord" in text and "0800 2000" in text for text in tables)  # sociale kaart
    body = "\n".join(p.text for p in plan.paragraphs)
    assert "artikel 40c van de Wet op het primair onderwijs" in body
    assert "De Vreedzame School" in body


def test_special_school_cites_the_wec(built: Path) -> None:
    plan = _docx(built, "kompasroos", "sociaal-veiligheidsplan")
    body = "\n".join(p.text for p in plan.paragraphs)
    assert "artikel 40a van de Wet op de expertisecentra" in body
    assert "Wet op het primair onderwijs" not in body


@pytest.mark.parametrize("school", SCHOOLS)
def test_pdfs_exist_and_show_the_coordinator_and_a_filled_table_of_contents(built: Path, school: str) -> None:
    coordinator = {
        "vlinderboom": ("Sanne Pijnacker", "0123 456 711"),
        "zonnewijzer": ("Bas Terpstra", None),
        "kompasroos": ("Anke Westra", "0123 456 731"),
    }[school]
    for stem in DOCUMENTS:
        text = _pdf_text(built / "documenten" / school / f"{stem}.pdf")
        name, phone = coordinator
        assert name in text
        if phone and stem != "schoolgids-sociale-veiligheid":
            assert phone in text
    plan = _pdf_text(built / "documenten" / school / "sociaal-veiligheidsplan.pdf")
    toc_page = plan.split("\f")[1]
    assert "Inhoud" in toc_page
    assert re.search(r"Inleiding\s*\.*\s*\d+\s*$", toc_page, re.MULTILINE), (
        "inhoudsopgave zonder paginanummers"
    )


def test_concept_is_marked_on_cover_and_every_page(built: Path) -> None:
    pdf = _pdf_text(built / "documenten" / "zonnewijzer" / "anti-pestprotocol.pdf")
    pages = [page for page in pdf.split("\f") if page.strip()]
    assert all("CONCEPT" in page for page in pages)
    assert "Openstaande punten" in pdf
    adopted = _pdf_text(built / "documenten" / "vlinderboom" / "anti-pestprotocol.pdf")
    assert "CONCEPT" not in adopted


def _all_output_text(built: Path, school: str) -> str:
    parts = [_pdf_text(path) for path in (built / "documenten" / school).glob("*.pdf")]
    parts += [path.read_text(encoding="utf-8") for path in (built / "site" / school).rglob("*.html")]
    return "\n".join(parts)


def test_only_public_contact_details_are_published(built: Path) -> None:
    text = _all_output_text(built, "vlinderboom")
    assert "06 2000 3344" not in text and "0620003344" not in text  # a staff mobile without publiceer
    assert "06 4000 1122" in text  # the external confidant's mobile, marked publiceer: {telefoon: true}
