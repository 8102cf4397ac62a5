"""What the Word writer needs from a master .docx: its style ids, its list numbering, its TOC field.

A school may bring its own master made in Word; it works as long as it has the
styles in REQUIRED_STYLES and one paragraph holding the body marker.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart
from lxml import etree  # type: ignore[import-untyped, unused-ignore]
from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

from schoolveiligheid.errors import BuildFailed

# Role -> the Word style name the master must define. Names as Word shows them.
REQUIRED_STYLES: Mapping[str, str] = {
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "h4": "Heading 4",
    "bullet0": "List Bullet",
    "bullet1": "List Bullet 2",
    "bullet2": "List Bullet 3",
    "number0": "List Number",
    "number1": "List Number 2",
    "number2": "List Number 3",
    "continue0": "List Continue",
    "continue1": "List Continue 2",
    "continue2": "List Continue 3",
    "quote": "Quote",
    "box": "Kader",
    "box_title": "Kadertitel",
    "link": "Hyperlink",
    "table": "Beleidstabel",
    "toc1": "toc 1",
    "toc2": "toc 2",
    "toc3": "toc 3",
}

_NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


@functools.cache
def _compiled(expression: str) -> etree.XPath:
    return etree.XPath(expression, namespaces=_NAMESPACES)


def wml_xpath(element: _Element, expression: str) -> list[Any]:
    """XPath with the w: and r: prefixes, on python-docx and plain lxml elements alike.

    docxtpl re-parses the body with a plain lxml parser, so python-docx's own
    element.xpath (which knows the prefixes) is not available after rendering.
    """
    result = _compiled(expression)(element)
    return list(result) if isinstance(result, list) else [result]


def sub_element(parent: _Element, tag: str, attrs: Mapping[str, str] | None = None) -> _Element:
    return etree.SubElement(parent, qn(tag), {qn(key): value for key, value in (attrs or {}).items()})


@dataclass(frozen=True, slots=True)
class MasterStyles:
    """Style ids and list numbering of one master, looked up once per master."""

    ids: Mapping[str, str]
    number_abstract_id: str
    text_width: int  # twips between the margins

    @classmethod
    def read(cls, part: DocumentPart, text_width: int, master_name: str) -> MasterStyles:
        by_name = {
            name.lower(): style.get(qn("w:styleId"))
            for style in part.styles.element.iterchildren(qn("w:style"))
            for name in wml_xpath(style, "./w:name/@w:val")
        }
        missing = [name for name in REQUIRED_STYLES.values() if name.lower() not in by_name]
        if missing:
            raise BuildFailed(
                f"Het Word-sjabloon {master_name} mist de stijl(en): {', '.join(missing)}",
                "maak het sjabloon opnieuw met tools/maak_master.py, of voeg de stijlen in Word toe",
            )
        ids = {role: str(by_name[name.lower()]) for role, name in REQUIRED_STYLES.items()}
        numbering = part.numbering_part.element
        style_num = wml_xpath(
            part.styles.element, f'./w:style[@w:styleId="{ids["number0"]}"]//w:numId/@w:val'
        )
        abstract = (
            wml_xpath(numbering, f'./w:num[@w:numId="{style_num[0]}"]/w:abstractNumId/@w:val')
            if style_num
            else []
        )
        if not abstract:
            raise BuildFailed(
                f"In het Word-sjabloon {master_name} heeft de stijl 'List Number' geen nummering",
                "maak het sjabloon opnieuw met tools/maak_master.py",
            )
        return cls(ids=ids, number_abstract_id=str(abstract[0]), text_width=text_width)


# Height of a table of contents entry in the master's styles (tools/maak_master.py), in twips:
# an 11 pt line at 1.15 spacing, plus the space around it.
TOC_ENTRY_HEIGHT = {1: 413, 2: 293}
# One A4 page between 2.5 cm margins (14004 twips) less the heading 'Inhoud' and some slack.
TOC_PAGE_HEIGHT = 12_500


def toc_depth(headings: list[tuple[int, str]], deepest: int) -> int:
    """The most heading levels (up to `deepest`) whose entries still fit on one page; at least 1."""
    depth = deepest
    while depth > 1:
        height = sum(
            TOC_ENTRY_HEIGHT.get(level, TOC_ENTRY_HEIGHT[2]) for level, _ in headings if level <= depth
        )
        if height <= TOC_PAGE_HEIGHT:
            break
        depth -= 1
    return depth


def fill_table_of_contents(
    body: BaseOxmlElement, headings: list[tuple[int, str]], styles: MasterStyles
) -> None:
    """Put the headings into the cached result of the TOC field, without page numbers.

    Word (w:updateFields) and the UNO PDF export refresh the field anyway; this makes
    the contents readable in programs that never update fields, and keeps the page
    count the same when LibreOffice fills in the page numbers.
    """
    instructions = wml_xpath(body, ".//w:instrText[starts-with(normalize-space(.), 'TOC')]")
    # The levels the field lists (\o "1-2"), fewer when they would not fit on one page; the
    # instruction says so, so LibreOffice and Word make the same entries.
    levels = re.search(r'\\o\s*"(\d+)-(\d+)"', instructions[0].text or "") if instructions else None
    deepest = max(int(levels[1]), toc_depth(headings, int(levels[2]))) if levels else 3
    if levels:
        instructions[0].text = instructions[0].text.replace(levels[0], f'\\o "{levels[1]}-{deepest}"')
    entries = [(level, text) for level, text in headings if level <= deepest]
    if not entries or not instructions:
        return
    first = instructions[0].getparent().getparent()
    runs = list(first.iterchildren(qn("w:r")))
    separate = next(
        i for i, run in enumerate(runs) if wml_xpath(run, "./w:fldChar[@w:fldCharType='separate']")
    )
    end = next(i for i, run in enumerate(runs) if wml_xpath(run, "./w:fldChar[@w:fldCharType='end']"))
    for run in runs[separate + 1 : end + 1]:
        first.remove(run)
    paragraph = first
    for index, (level, text) in enumerate(entries):
        if index:
            following = OxmlElement("w:p")
            paragraph.addnext(following)
            paragraph = following
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            properties = sub_element(paragraph, "w:pPr")
            paragraph.insert(0, properties)
        for style in properties.findall(qn("w:pStyle")):
            properties.remove(style)
        properties.insert(0, etree.Element(qn("w:pStyle"), {qn("w:val"): styles.ids[f"toc{level}"]}))
        sub_element(sub_element(paragraph, "w:r"), "w:t").text = text
    sub_element(sub_element(paragraph, "w:r"), "w:fldChar", {"w:fldCharType": "end"})
