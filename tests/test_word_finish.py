"""Word and PDF as a school gets them (issue 13): base document, layout, cover logo, filled contents, tagged PDF.

The fast tests read the XML of one build of two example schools and of one example letter;
the slow test builds one school with PDFs (LibreOffice) and reads the PDFs back.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from letters_support import EXAMPLE_POLICY, EXAMPLES, ROOT
from lxml import etree
from support import require_program
from word_fixture import MASTER, documents

from schoolveiligheid.brief import write_letter
from schoolveiligheid.build import BuildOptions, build
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers.word import WordWriter
from schoolveiligheid.writers.word_fields import settle_table_of_contents, with_page_numbers
from schoolveiligheid.writers.word_master import toc_depth

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
LOGO_DESCRIPTION = "Logo van OBS De Vlinderboom"


def xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("uitvoer")
    build(
        BuildOptions(
            policy=EXAMPLE_POLICY, output_root=root, website=False, only=("vlinderboom", "kompasroos")
        )
    )
    return root / "documenten"


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = write_letter(EXAMPLES / "schorsing.yaml", EXAMPLE_POLICY, tmp_path_factory.mktemp("brieven"))
    return result.paths[0]


def paragraphs_with_text(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    for paragraph in root.iterfind(".//w:body/w:p", NS):
        yield paragraph, "".join(paragraph.itertext()).strip()


# --- 2. Letters and forms start from the project's own base document ----------------------------


def test_the_base_documents_are_made_by_their_tools_byte_for_byte() -> None:
    assert tool("maak_basis").build() == (ROOT / "templates" / "word" / "basis.docx").read_bytes()
    assert tool("maak_master").build() == MASTER.read_bytes()


def test_a_letter_is_dutch_in_current_word_mode_with_the_house_font(letter: Path, built: Path) -> None:
    for path in (letter, built / "vlinderboom" / "formulieren" / "incidentregistratieformulier.docx"):
        settings = xml(path, "word/settings.xml")
        modes = settings.xpath(
            ".//w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces=NS
        )
        assert modes == ["15"], "Word opens it without 'compatibility mode'"
        assert settings.xpath("./w:themeFontLang/@w:val", namespaces=NS) == ["nl-NL"]
        assert not settings.xpath("./w:updateFields", namespaces=NS), "a letter has no contents to update"
        styles = xml(path, "word/styles.xml")
        assert styles.xpath("./w:docDefaults//w:lang/@w:val", namespaces=NS) == ["nl-NL"]
        languages = set(styles.xpath(".//w:lang/@w:val", namespaces=NS))
        assert languages == {"nl-NL"}, f"no English left in the styles: {languages}"
        fonts = styles.xpath("./w:docDefaults//w:rFonts/@w:ascii", namespaces=NS)
        assert fonts == ["Calibri"]
        assert styles.xpath("./w:style[@w:styleId='Heading1']//w:keepNext", namespaces=NS), (
            "the master's headings"
        )


# --- 4. Layout ----------------------------------------------------------------------------------


def test_the_signature_block_stays_together_on_one_page(letter: Path) -> None:
    body = list(paragraphs_with_text(xml(letter, "word/document.xml")))
    start = next(index for index, (_, text) in enumerate(body) if text == "Met vriendelijke groet,")
    block = body[start:]
    end = next(
        index for index, (_, text) in enumerate(block) if text.startswith("Directeur") or ", OBS" in text
    )
    block = block[: end + 1]
    assert len(block) >= 4, [text for _, text in block]
    for number, (paragraph, text) in enumerate(block):
        assert paragraph.find("w:pPr/w:keepLines", NS) is not None, text
        if number < len(block) - 1:
            assert paragraph.find("w:pPr/w:keepNext", NS) is not None, f"'{text}' stays with the next line"
    closing = body[start - 1][0]
    assert closing.find("w:pPr/w:keepNext", NS) is None, "only the block itself is kept together"


def test_headings_keep_with_their_next_paragraph(letter: Path) -> None:
    for name in ("Heading1", "Heading2", "Heading3"):
        assert xml(MASTER, "word/styles.xml").xpath(
            f"./w:style[@w:styleId='{name}']/w:pPr/w:keepNext", namespaces=NS
        ), name
    letter_styles = xml(letter, "word/styles.xml")
    assert letter_styles.xpath("./w:style[w:name/@w:val='Kop brief']/w:pPr/w:keepNext", namespaces=NS)


def test_table_header_rows_repeat_and_rows_do_not_split(built: Path) -> None:
    plan = xml(built / "vlinderboom" / "sociaal-veiligheidsplan.docx", "word/document.xml")
    tables = plan.findall(".//w:tbl", NS)
    assert tables
    for table in tables:
        rows = table.findall("w:tr", NS)
        assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    checked = 0
    for form in sorted((built / "vlinderboom" / "formulieren").glob("*.docx")):
        for table in xml(form, "word/document.xml").iterfind(".//w:tbl", NS):
            rows = table.findall("w:tr", NS)
            assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in rows), form.name
            first = "".join(rows[0].itertext())
            cells = rows[0].findall("w:tc", NS)
            headed = all(
                cell.xpath(".//w:b", namespaces=NS) and "".join(cell.itertext()).strip() for cell in cells
            )
            has_header = rows[0].find("w:trPr/w:tblHeader", NS) is not None
            assert has_header == bool(headed and len(rows) > 1), f"{form.name}: {first}"
            checked += has_header
    assert checked >= 3, "the overview tables of the forms have a header row"


def test_the_contents_list_at_most_two_levels_and_fit_on_one_page(built: Path) -> None:
    for school in ("vlinderboom", "kompasroos"):
        for name in ("sociaal-veiligheidsplan.docx", "anti-pestprotocol.docx"):
            body = xml(built / school / name, "word/document.xml")
            (instruction,) = body.xpath(".//w:instrText[contains(., 'TOC')]/text()", namespaces=NS)
            levels = re.search(r'\\o "1-(\d)"', instruction)
            assert levels and int(levels[1]) <= 2, instruction
            entries = body.xpath(
                ".//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'TOC') and @w:val != 'TOCHeading']]", namespaces=NS
            )
            styles = {entry.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") for entry in entries}
            assert styles <= {"TOC1", "TOC2"}
            height = sum(
                413 if style == "TOC1" else 293
                for style in (e.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") for e in entries)
            )
            assert height <= 12_500, f"{school}/{name}: {len(entries)} entries do not fit on one page"
    headings = [(1, "a"), (2, "b")] * 10
    assert toc_depth(headings, 2) == 2, "two levels while they fit on one page"
    assert toc_depth(headings * 5, 2) == 1, "only the chapters when the sections would not"


def test_chapters_come_in_the_order_a_reader_expects() -> None:
    from schoolveiligheid.context import build_context
    from schoolveiligheid.model import load_schools

    (school,) = [item for item in load_schools(EXAMPLE_POLICY) if item.id == "kompasroos"]
    rendered = Renderer().render_school(build_context(school), school.template_dirs)
    plan = next(document for document in rendered.documents if document.kind == "veiligheidsplan")
    titles = [chapter.title for chapter in plan.chapters]
    assert titles[0] == "Inleiding" and titles[-1] == "Borging en evaluatie"
    special = next(index for index, title in enumerate(titles) if title.startswith("Speciaal onderwijs"))
    assert special < titles.index("Borging en evaluatie")


# --- 5. The cover carries the logo, with alt text -----------------------------------------------


def test_the_cover_and_the_letterhead_carry_the_logo_with_alt_text(built: Path, letter: Path) -> None:
    body = xml(built / "vlinderboom" / "sociaal-veiligheidsplan.docx", "word/document.xml")
    texts = list(paragraphs_with_text(body))
    logo = next(
        index for index, (paragraph, _) in enumerate(texts) if paragraph.find(".//wp:docPr", NS) is not None
    )
    title = next(index for index, (_, text) in enumerate(texts) if text == "Sociaal veiligheidsplan")
    assert logo < title, "the logo is on the cover, above the title"
    assert texts[logo][0].find(".//wp:docPr", NS).get("descr") == LOGO_DESCRIPTION
    with zipfile.ZipFile(letter) as archive:
        headers = [archive.read(name) for name in archive.namelist() if name.startswith("word/header")]
    descriptions = {d.get("descr") for h in headers for d in etree.fromstring(h).iterfind(".//wp:docPr", NS)}
    assert descriptions == {"Logo van OBS De Vlinderboom"}


# --- 1. The contents with page numbers, and no update prompt --------------------------------------


def test_page_numbers_go_into_the_contents_only_when_the_entries_match(tmp_path: Path) -> None:
    (path,) = WordWriter().write(documents()[:1], tmp_path, MASTER)
    with zipfile.ZipFile(path) as archive:
        document = archive.read("word/document.xml")
    assert with_page_numbers(document, [("Inleiding", 3)]) is None, "a mismatch leaves the document alone"
    before = path.read_bytes()
    assert not settle_table_of_contents(path, [("Iets anders", 3)]) and path.read_bytes() == before
    body = etree.fromstring(document)
    entries = [
        "".join(p.xpath(".//w:t/text()", namespaces=NS))
        for p in body.xpath(
            ".//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'TOC') and @w:val != 'TOCHeading']]", namespaces=NS
        )
    ]
    assert settle_table_of_contents(path, [(entry, 3 + n) for n, entry in enumerate(entries)])
    settings = xml(path, "word/settings.xml")
    assert not settings.xpath("./w:updateFields", namespaces=NS)
    body = xml(path, "word/document.xml")
    numbered = body.xpath(
        ".//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'TOC') and @w:val != 'TOCHeading']]", namespaces=NS
    )
    assert [p.xpath("string(./w:r[w:tab]/following-sibling::w:r[1])", namespaces=NS) for p in numbered] == [
        str(3 + n) for n in range(len(entries))
    ]
    assert not body.xpath(".//w:fldChar[@w:dirty]", namespaces=NS)


# --- 1 and 3, with LibreOffice: filled contents, tagged PDF, PDF/A ------------------------------


@pytest.mark.slow
def test_a_pdf_build_fills_the_contents_and_makes_tagged_pdfa(tmp_path: Path) -> None:
    require_program("soffice", "libreoffice")
    pdfinfo = require_program("pdfinfo")
    pdftotext = require_program("pdftotext")
    only = ("vlinderboom",)
    build(BuildOptions(EXAMPLE_POLICY, tmp_path, pdf=True, pdfa=True, website=False, only=only))
    folder = tmp_path / "documenten" / "vlinderboom"
    plan = folder / "sociaal-veiligheidsplan.docx"
    for name in ("sociaal-veiligheidsplan", "anti-pestprotocol"):
        docx = folder / f"{name}.docx"
        assert not xml(docx, "word/settings.xml").xpath("./w:updateFields", namespaces=NS), (
            "no prompt in Word"
        )
        entries = xml(docx, "word/document.xml").xpath(
            ".//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'TOC') and @w:val != 'TOCHeading']]", namespaces=NS
        )
        pages = [
            int(p.xpath("string(./w:r[w:tab]/following-sibling::w:r[1])", namespaces=NS)) for p in entries
        ]
        assert len(pages) == len(entries) > 5 and pages == sorted(pages)
        assert pages[0] == 3, "cover on page 1, the whole contents on page 2, the first chapter on page 3"
    contents = subprocess.run(
        [pdftotext, "-f", "2", "-l", "2", str(folder / "sociaal-veiligheidsplan.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Inhoud" in contents and "Borging en evaluatie" in contents, (
        "every chapter on the one contents page"
    )
    info = subprocess.run(
        [pdfinfo, str(folder / "sociaal-veiligheidsplan.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    assert re.search(r"^Title:\s+Sociaal veiligheidsplan$", info, re.M), info
    meta = subprocess.run(
        [pdfinfo, "-meta", str(folder / "sociaal-veiligheidsplan.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", meta), "PDF/A-2"
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>", meta), "PDF/UA-1"
    data = (folder / "sociaal-veiligheidsplan.pdf").read_bytes()
    assert b"/Lang(nl-NL)" in data
    alt = "FEFF" + LOGO_DESCRIPTION.encode("utf-16-be").hex().upper()  # a PDF text string in UTF-16
    assert f"/Alt<{alt}>".encode() in data, "the logo's alt text is in the PDF"
    assert plan.is_file()
