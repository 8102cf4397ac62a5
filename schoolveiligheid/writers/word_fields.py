"""Finishing a .docx: the school's logo with its alt text, and a table of contents with page numbers.

Every image gets a description (wp:docPr/@descr): Word reads it aloud and LibreOffice's tagged
PDF carries it as the image's alternative text.

A built .docx whose table of contents LibreOffice has laid out: page numbers in, Word's prompt out.

The Word writer fills the table of contents with the headings but cannot know their pages, so
the master asks Word to update fields on opening (w:updateFields), and Word asks the reader
first. When the build makes PDFs, LibreOffice lays out every document anyway and reports the
page of each entry (_uno_pdf.py); `settle_table_of_contents` writes those pages into the
document and drops the update request, so the file opens without a question. When the entries
LibreOffice reports do not match the document's, the document is left as it is (the prompt stays).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.image.image import Image
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from schoolveiligheid.errors import BuildFailed, display_path
from schoolveiligheid.files import write_atomically

COVER_LOGO_HEIGHT = Mm(25)
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
DOCUMENT_XML = "word/document.xml"
SETTINGS_XML = "word/settings.xml"


def cover_logo(template: DocxTemplate, logo: Path) -> InlineImage:
    """The logo as docxtpl's image for the master's {{ logo }}; a Dutch error when Word could not show it."""
    try:
        Image.from_file(str(logo))
    except Exception as exc:  # noqa: BLE001 - python-docx fails in many ways on a broken image
        raise BuildFailed(
            f"het logo {display_path(logo)} is geen afbeelding die Word kan tonen",
            "exporteer het logo opnieuw als PNG of JPG en controleer school.logo in het beleid",
        ) from exc
    return InlineImage(template, str(logo), height=COVER_LOGO_HEIGHT)


def describe_images(document: DocxDocument, description: str) -> None:
    """Give every image in the document, its headers and footers without a description this one."""
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is None:
            continue
        for properties in element.iter(f"{{{WP}}}docPr"):
            if not properties.get("descr"):
                properties.set("descr", description)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _toc_paragraphs(body: etree._Element) -> list[etree._Element] | None:
    """The paragraphs of the TOC field's result (from the one holding 'begin' to the one holding 'end')."""
    instructions = body.xpath(".//w:instrText[starts-with(normalize-space(.), 'TOC')]", namespaces=_NS)
    if not instructions:
        return None
    first = instructions[0].getparent().getparent()
    paragraphs = [first]
    current = first
    while not current.xpath("./w:r/w:fldChar[@w:fldCharType='end']", namespaces=_NS):
        current = current.getnext()
        if current is None or current.tag != _w("p"):
            return None
        paragraphs.append(current)
    return paragraphs


def with_page_numbers(document_xml: bytes, entries: Sequence[tuple[str, int]]) -> bytes | None:
    """document.xml with a page number after every TOC entry; None when the entries do not match."""
    root = etree.fromstring(document_xml)
    paragraphs = _toc_paragraphs(root)
    if paragraphs is None:
        return document_xml if not entries else None
    texts = []
    for paragraph in paragraphs:
        runs = [run for run in paragraph.iterchildren(_w("r")) if run.find(_w("t")) is not None]
        texts.append((paragraph, runs, _plain("".join(run.findtext(_w("t")) or "" for run in runs))))
    shown = [item for item in texts if item[2]]
    if len(shown) != len(entries) or any(
        text != _plain(entry) for (_, _, text), (entry, _) in zip(shown, entries, strict=True)
    ):
        return None
    for (paragraph, runs, _), (_, page) in zip(shown, entries, strict=True):
        if paragraph.xpath("./w:r/w:tab", namespaces=_NS):
            continue  # numbered already
        last = runs[-1]
        tab = etree.Element(_w("r"))
        etree.SubElement(tab, _w("tab"))
        number = etree.Element(_w("r"))
        etree.SubElement(number, _w("t")).text = str(page)
        last.addnext(tab)
        tab.addnext(number)
    for begin in root.xpath(".//w:fldChar[@w:fldCharType='begin'][@w:dirty]", namespaces=_NS):
        del begin.attrib[_w("dirty")]
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def without_update_fields(settings_xml: bytes) -> bytes:
    root = etree.fromstring(settings_xml)
    for element in root.findall(_w("updateFields")):
        root.remove(element)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def settle_table_of_contents(path: Path, entries: Sequence[tuple[str, int]]) -> bool:
    """Write the pages into the .docx at `path` and drop w:updateFields; False (untouched) on a mismatch."""
    data = path.read_bytes()
    with zipfile.ZipFile(BytesIO(data)) as source:
        names = source.namelist()
        if DOCUMENT_XML not in names:
            return False
        document = with_page_numbers(source.read(DOCUMENT_XML), entries)
        if document is None:
            return False
        replaced = {DOCUMENT_XML: document}
        if SETTINGS_XML in names:
            replaced[SETTINGS_XML] = without_update_fields(source.read(SETTINGS_XML))
        out = BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():  # same names, order and dates: the build stays reproducible
                target.writestr(info, replaced.get(info.filename) or source.read(info.filename))
    write_atomically(path, out.getvalue())
    return True
