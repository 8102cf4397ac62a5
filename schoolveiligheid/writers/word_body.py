"""Chapters in Markdown -> WordprocessingML paragraphs and tables, in the master's styles.

The Markdown goes through markup.to_html and the HTML tree is walked: every
element either maps onto a named style of the master (headings, lists, tables,
admonitions) or fails loudly. Literal Markdown cannot leak, because only text
nodes of the HTML become Word text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.numbering import CT_Numbering
from docx.parts.document import DocumentPart
from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

from schoolveiligheid.documents import Chapter, Chart
from schoolveiligheid.errors import BuildFailed
from schoolveiligheid.writers import charts as drawing
from schoolveiligheid.writers.markup import (
    BLOCK_TAGS,
    collapse_whitespace,
    is_generated_toc,
    parse_html,
    to_html,
)
from schoolveiligheid.writers.word_master import MasterStyles, sub_element

LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
MAX_LIST_LEVEL = 2  # three levels; deeper Markdown lists share the third


@dataclass(frozen=True, slots=True)
class _Format:
    bold: bool = False
    italic: bool = False
    strike: bool = False
    underline: bool = False
    vertical: str = ""  # "superscript" or "subscript"
    link: str = ""  # relationship id of a hyperlink


_INLINE_FORMATS: Mapping[str, Mapping[str, object]] = {
    "strong": {"bold": True},
    "b": {"bold": True},
    "em": {"italic": True},
    "i": {"italic": True},
    "del": {"strike": True},
    "s": {"strike": True},
    "u": {"underline": True},
    "ins": {"underline": True},
    "sup": {"vertical": "superscript"},
    "sub": {"vertical": "subscript"},
    # Shown as plain text: inline code, keys, abbreviations and the like carry no extra meaning on paper.
    "code": {},
    "kbd": {},
    "span": {},
    "abbr": {},
    "mark": {},
    "small": {},
}

_LINE_BREAK = None  # marks a <br> among the text pieces


@dataclass(slots=True)
class _Inline:
    """Text pieces of one paragraph before whitespace is settled."""

    pieces: list[tuple[str, _Format] | None] = field(default_factory=list)

    def add(self, text: str | None, fmt: _Format) -> None:
        if text:
            self.pieces.append((collapse_whitespace(text), fmt))

    def line_break(self) -> None:
        self.pieces.append(_LINE_BREAK)

    def settle(self) -> list[tuple[str, _Format] | None]:
        """Collapse spaces as a browser does: none at line starts and ends, never two in a row."""
        settled: list[tuple[str, _Format] | None] = []
        at_start = True
        for piece in self.pieces:
            if piece is _LINE_BREAK:
                _strip_end(settled)
                settled.append(_LINE_BREAK)
                at_start = True
                continue
            text, fmt = piece
            if at_start or _ends_with_space(settled):
                text = text.lstrip(" ")
            if text:
                settled.append((text, fmt))
                at_start = False
        _strip_end(settled)
        while settled and settled[-1] is _LINE_BREAK:
            settled.pop()
        return settled


def _ends_with_space(pieces: list[tuple[str, _Format] | None]) -> bool:
    last = pieces[-1] if pieces else None
    return last is not None and last[0].endswith(" ")


def _strip_end(pieces: list[tuple[str, _Format] | None]) -> None:
    while pieces:
        last = pieces[-1]
        if last is None:
            return
        text = last[0].rstrip(" ")
        if text:
            pieces[-1] = (text, last[1])
            return
        pieces.pop()


@dataclass(frozen=True, slots=True)
class _Place:
    """Where paragraphs go: their style, and list numbering for the first one."""

    style: str = ""
    numbering: tuple[str, int] | None = None  # (numId, level) for the first paragraph
    then_style: str = ""  # style for later paragraphs of the same list item
    depth: int = 0  # list nesting of lists found here
    list_num: str | None = None  # numId of the numbered list we are in, for nested numbered lists
    align: str = ""


class BodyBuilder:
    """Builds the body of one document; keeps its headings for the table of contents."""

    def __init__(self, part: DocumentPart, styles: MasterStyles, charts: Sequence[Chart] = ()) -> None:
        self._part = part
        self._styles = styles
        self._charts = {chart.file_name: chart for chart in charts}  # what an <img> may show
        self._numbering: CT_Numbering = part.numbering_part.element
        self._chapter = ""
        self.headings: list[tuple[int, str]] = []

    def chapter(self, chapter: Chapter) -> list[_Element]:
        """The block elements of one chapter, in order."""
        self._chapter = chapter.title
        blocks: list[_Element] = []
        self._flow(parse_html(to_html(chapter.markdown)), blocks, [_Place()])
        return blocks

    # -- blocks ---------------------------------------------------------------------------------

    def _flow(self, element: _Element, out: list[_Element], place: list[_Place]) -> None:
        """Lay out mixed inline and block content; `place` is a one-item cell the list items advance."""
        inline = _Inline()
        inline.add(element.text, _Format())
        for child in element:
            if isinstance(child.tag, str) and (child.tag in BLOCK_TAGS):
                self._emit(inline, out, place)
                inline = _Inline()
                self._block(child, out, place)
            elif isinstance(child.tag, str):
                self._inline(child, inline, _Format())
            inline.add(child.tail, _Format())
        self._emit(inline, out, place)

    def _block(self, element: _Element, out: list[_Element], place: list[_Place]) -> None:
        tag = str(element.tag)
        classes = (element.get("class") or "").split()
        if tag == "p" and "admonition-title" in classes:
            title = replace(place[0], style=self._styles.ids["box_title"], numbering=None, then_style="")
            self._flow(element, out, [title])
        elif tag == "p" and _only_image(element):
            out.append(self._picture(element[0]))
        elif tag == "p":
            self._flow(element, out, place)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = min(int(tag[1]), 4)
            inline = _Inline()
            self._inline_content(element, inline, _Format())
            text = "".join(piece[0] if piece else " " for piece in inline.settle())
            if text:
                self.headings.append((level, text))
            self._emit(inline, out, [_Place(style=self._styles.ids[f"h{level}"])])
        elif tag in ("ul", "ol"):
            self._list(element, out, place[0])
        elif tag == "table":
            out.append(self._table(element))
        elif tag == "div" and "admonition" in classes:
            self._flow(element, out, [_Place(style=self._styles.ids["box"])])
        elif tag == "blockquote":
            self._flow(element, out, [_Place(style=self._styles.ids["quote"])])
        elif tag == "hr" or is_generated_toc(element):
            return  # a rule or a web-only table of contents has no place in the document
        elif tag == "pre":
            raise BuildFailed(
                f"Hoofdstuk '{self._chapter}' bevat een codeblok",
                "regels die met vier spaties of een tab beginnen worden in Markdown een codeblok; "
                "haal die inspringing weg in het sjabloon",
            )
        else:
            raise BuildFailed(
                f"Hoofdstuk '{self._chapter}' bevat opmaak die het Word-document niet kent: <{tag}>",
                "gebruik gewone Markdown (kopjes, lijsten, tabellen, !!! kaders)",
            )

    def _picture(self, image: _Element) -> _Element:
        """A paragraph with a chart of the document as PNG, its text alternative in Word's `descr`."""
        source = image.get("src") or ""
        chart = self._charts.get(source)
        if chart is None:
            raise BuildFailed(
                f"Hoofdstuk '{self._chapter}' toont een afbeelding die er niet is: {source}",
                "een hoofdstuk kan alleen de grafieken van de monitoring tonen (grafieken/<naam>.svg)",
            )
        width = min(self._styles.text_width * EMU_PER_TWIP, int(drawing.WIDTH_INCHES * EMU_PER_INCH))
        height = int(width * drawing.HEIGHT_INCHES / drawing.WIDTH_INCHES)
        inline = self._part.new_pic_inline(io.BytesIO(drawing.png(chart)), width, height)
        inline.docPr.set("descr", image.get("alt") or chart.description)
        inline.docPr.set("title", chart.title)
        paragraph = OxmlElement("w:p")
        sub_element(sub_element(paragraph, "w:r"), "w:drawing").append(inline)
        return paragraph

    def _list(self, element: _Element, out: list[_Element], outer: _Place) -> None:
        level = min(outer.depth, MAX_LIST_LEVEL)
        ordered = element.tag == "ol"
        num_id: str | None = None
        if ordered:
            # Inside a numbered list the master's next level restarts by itself; any other
            # numbered list gets its own w:num, or Word would continue the previous list.
            num_id = (
                outer.list_num if outer.list_num is not None else self._new_list(level, element.get("start"))
            )
        kind = "number" if ordered else "bullet"
        for item in element.iterchildren("li"):
            place = _Place(
                style=self._styles.ids[f"{kind}{level}"],
                numbering=(num_id, level) if num_id is not None else None,
                then_style=self._styles.ids[f"continue{level}"],
                depth=outer.depth + 1,
                list_num=num_id,
            )
            self._flow(item, out, [place])

    def _new_list(self, level: int, start: str | None) -> str:
        num = self._numbering.add_num(self._styles.number_abstract_id)  # type: ignore[no-untyped-call]
        num.add_lvlOverride(ilvl=level).add_startOverride(int(start) if start and start.isdigit() else 1)
        return str(num.numId)

    def _emit(self, inline: _Inline, out: list[_Element], place: list[_Place]) -> None:
        pieces = inline.settle()
        if not pieces:
            return  # blank lines in Markdown never become empty paragraphs
        here = place[0]
        paragraph = OxmlElement("w:p")
        properties = sub_element(paragraph, "w:pPr")
        if here.style:
            sub_element(properties, "w:pStyle", {"w:val": here.style})
        if here.numbering is not None:
            numbering = sub_element(properties, "w:numPr")
            sub_element(numbering, "w:ilvl", {"w:val": str(here.numbering[1])})
            sub_element(numbering, "w:numId", {"w:val": here.numbering[0]})
        if here.align:
            sub_element(properties, "w:jc", {"w:val": here.align})
        if not len(properties):
            paragraph.remove(properties)
        self._runs(paragraph, pieces)
        out.append(paragraph)
        if here.then_style:
            place[0] = replace(here, style=here.then_style, numbering=None)

    # -- tables ---------------------------------------------------------------------------------

    def _table(self, element: _Element) -> _Element:
        rows = element.xpath("./thead/tr | ./tbody/tr | ./tfoot/tr | ./tr")
        columns = max((len(row.xpath("./th | ./td")) for row in rows), default=1)
        width = self._styles.text_width // max(columns, 1)
        table = OxmlElement("w:tbl")
        properties = sub_element(table, "w:tblPr")
        sub_element(properties, "w:tblStyle", {"w:val": self._styles.ids["table"]})
        sub_element(properties, "w:tblW", {"w:w": "5000", "w:type": "pct"})
        sub_element(
            properties,
            "w:tblLook",
            {
                "w:val": "0620",
                "w:firstRow": "1",
                "w:lastRow": "0",
                "w:firstColumn": "0",
                "w:lastColumn": "0",
                "w:noHBand": "1",
                "w:noVBand": "1",
            },
        )
        grid = sub_element(table, "w:tblGrid")
        for _ in range(columns):
            sub_element(grid, "w:gridCol", {"w:w": str(width)})
        for index, row in enumerate(rows):
            table_row = sub_element(table, "w:tr")
            row_properties = sub_element(table_row, "w:trPr")
            sub_element(row_properties, "w:cantSplit")
            if index == 0:
                sub_element(row_properties, "w:tblHeader")  # repeated at the top of every page
            cells = row.xpath("./th | ./td")
            for cell in [*cells, *([None] * (columns - len(cells)))]:
                self._cell(table_row, cell, width)
        return table

    def _cell(self, row: _Element, cell: _Element | None, width: int) -> None:
        table_cell = sub_element(row, "w:tc")
        sub_element(sub_element(table_cell, "w:tcPr"), "w:tcW", {"w:w": str(width), "w:type": "dxa"})
        blocks: list[_Element] = []
        if cell is not None:
            align = _ALIGNMENTS.get(_text_align(cell.get("style") or ""), "")
            self._flow(cell, blocks, [_Place(align=align)])
        for block in blocks or [OxmlElement("w:p")]:  # a cell must end with a paragraph
            table_cell.append(block)
        if blocks and blocks[-1].tag != qn("w:p"):
            table_cell.append(OxmlElement("w:p"))

    # -- inline ---------------------------------------------------------------------------------

    def _inline(self, element: _Element, inline: _Inline, fmt: _Format) -> None:
        tag = str(element.tag)
        if tag == "br":
            inline.line_break()
            return
        if tag == "a":
            fmt = self._link(element, fmt)
        elif tag in _INLINE_FORMATS:
            fmt = replace(fmt, **_INLINE_FORMATS[tag])  # type: ignore[arg-type]
        else:
            raise BuildFailed(
                f"Hoofdstuk '{self._chapter}' bevat opmaak die het Word-document niet kent: <{tag}>",
                "staat er een < of > in een tekst? Schrijf die als &lt; en &gt;, of gebruik gewone Markdown",
            )
        self._inline_content(element, inline, fmt)

    def _inline_content(self, element: _Element, inline: _Inline, fmt: _Format) -> None:
        inline.add(element.text, fmt)
        for child in element:
            if isinstance(child.tag, str):
                if child.tag in BLOCK_TAGS:
                    raise BuildFailed(
                        f"Hoofdstuk '{self._chapter}' heeft een <{child.tag}> binnen een regel tekst",
                        "zet lijsten, tabellen en kaders op een eigen regel, met een lege regel ervoor",
                    )
                self._inline(child, inline, fmt)
            inline.add(child.tail, fmt)

    def _link(self, element: _Element, fmt: _Format) -> _Format:
        target = (element.get("href") or "").strip()
        if not target.lower().startswith(LINK_SCHEMES):
            return fmt  # a link inside the website has no target in a Word file: keep the text
        return replace(fmt, link=self._part.relate_to(target, RT.HYPERLINK, is_external=True))

    def _runs(self, paragraph: _Element, pieces: list[tuple[str, _Format] | None]) -> None:
        hyperlink: _Element | None = None
        for piece in _merged(pieces):
            fmt = piece[1] if piece else _Format()
            if fmt.link and (hyperlink is None or hyperlink.get(qn("r:id")) != fmt.link):
                hyperlink = sub_element(paragraph, "w:hyperlink", {"r:id": fmt.link, "w:history": "1"})
            elif not fmt.link:
                hyperlink = None
            run = sub_element(hyperlink if hyperlink is not None else paragraph, "w:r")
            _run_properties(run, fmt, self._styles.ids["link"])
            if piece is None:
                sub_element(run, "w:br")
            else:
                text = sub_element(run, "w:t")
                text.text = piece[0]
                if piece[0] != piece[0].strip():
                    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _run_properties(run: _Element, fmt: _Format, link_style: str) -> None:
    if fmt == _Format():
        return
    properties = sub_element(run, "w:rPr")  # children in schema order
    if fmt.link:
        sub_element(properties, "w:rStyle", {"w:val": link_style})
    if fmt.bold:
        sub_element(properties, "w:b")
    if fmt.italic:
        sub_element(properties, "w:i")
    if fmt.strike:
        sub_element(properties, "w:strike")
    if fmt.underline:
        sub_element(properties, "w:u", {"w:val": "single"})
    if fmt.vertical:
        sub_element(properties, "w:vertAlign", {"w:val": fmt.vertical})
    if not len(properties):
        run.remove(properties)


def _merged(pieces: list[tuple[str, _Format] | None]) -> Iterator[tuple[str, _Format] | None]:
    """Join neighbouring pieces of the same format, so a sentence is one run."""
    pending: tuple[str, _Format] | None = None
    for piece in pieces:
        if piece is not None and pending is not None and piece[1] == pending[1]:
            pending = (pending[0] + piece[0], pending[1])
            continue
        if pending is not None:
            yield pending
        pending = None
        if piece is None:
            yield None
        else:
            pending = piece
    if pending is not None:
        yield pending


_ALIGNMENTS = {"left": "left", "center": "center", "right": "right"}
EMU_PER_TWIP = 635
EMU_PER_INCH = 914_400


def _only_image(paragraph: _Element) -> bool:
    """A paragraph that holds one image and no text: Markdown's `![alt](src)` on a line of its own."""
    children = [child for child in paragraph if isinstance(child.tag, str)]
    return (
        len(children) == 1
        and children[0].tag == "img"
        and not (paragraph.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def _text_align(css: str) -> str:
    match = re.search(r"text-align:\s*(\w+)", css)
    return match.group(1) if match else ""
