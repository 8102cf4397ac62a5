"""Letter and form texts in the line format -> docxtpl Word templates, built in memory.

The wording of every letter and form is a text file a person edits (templates/brieven/<soort>.txt.j2,
templates/formulieren/<naam>.txt.j2 and the parts they take in); templates/README.md describes
the format for the people who edit it. One line is one paragraph:

    # Kop            a short heading               - tekst       a bullet
    > tekst          an address line               ~             an empty paragraph
    % opdracht       a docxtpl paragraph tag ({%p opdracht %}): the paragraph itself disappears
    **vet**          bold text within a line       // tekst      a note for the editor, left out
    | a | b |        a table row; |% opdracht is a docxtpl row tag ({%tr opdracht %})
    @ deel PAD       the lines of another text file (PAD from a template folder, along the search path)
    @ titel, @ koptekst PAD, @ voettekst, @ liggend, @ nieuwe pagina, @ tabel BREEDTES [klein]
    @ bij elkaar     the paragraphs after it, to the end of its file, stay on one page (a signature)

This module builds only the Word structure: styles, page, header, footer, paragraphs and tables.
The Jinja inside the lines is left as it is, for docxtpl to fill (docx_fill.py) in the sandbox;
here it is only parsed, so that a mistake is reported with the file and line it is on. A part
named in '@ deel' or '@ koptekst' is found like every template (paths.find_template): a school's
or board's own part replaces the default; '..', absolute paths and links out of a folder are refused.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..confine import SandboxEnvironment, path_problem
from ..errors import InvalidInput, Problem
from ..paths import DEFAULT_TEMPLATES, TEXT_TEMPLATE_SUFFIX, find_template
from .word import reproducible_docx

MAX_DEPTH = 8  # parts within parts; deeper is a mistake (or a loop)
# The template's own dates; the filler stamps every letter and form with its real date.
_TEMPLATE_DATE = datetime(2026, 1, 1, tzinfo=UTC)
_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DARK, _GREY = RGBColor(0x1F, 0x38, 0x64), RGBColor(0x59, 0x59, 0x59)
_PAGE_FIELDS = {"[pagina]": "PAGE", "[paginas]": "NUMPAGES"}
_REPEATED_ROW_HEIGHT = Cm(0.9)  # a row that repeats: room to write by hand
_DIRECTIVES = ("nieuwe pagina", "titel", "koptekst", "voettekst", "liggend", "tabel", "deel", "bij elkaar")
_FORMAT_HINT = "zie 'Brieven en formulieren' in templates/README.md"
_CELL_SEPARATOR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|\|")  # a Jinja tag, or a | outside one


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a line of a text template is: its file and line number."""

    file: Path
    line: int


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text template, with its origin."""

    text: str
    origin: Origin
    keep: bool = False  # after '@ bij elkaar' in its file: kept on one page with the next kept line


@dataclass(frozen=True, slots=True)
class JinjaPart:
    """The Jinja of one part of a compiled template (body, header, footer, title), one line per line."""

    source: str
    origins: tuple[Origin, ...]


@dataclass(frozen=True, slots=True)
class CompiledText:
    """A text template as a docxtpl Word template, and its Jinja with the origin of every line."""

    data: bytes
    parts: tuple[JinjaPart, ...]

    def locate(self, values: Mapping[str, Any]) -> Origin | None:
        """The line where filling in `values` fails, found by filling each part as plain text."""
        environment = SandboxEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
        plain = {**values, "logo": None}  # the image needs the Word file; a failing line never does
        for part in self.parts:
            try:
                environment.from_string(part.source).render(plain)
            except jinja2.TemplateSyntaxError as error:
                line: int | None = error.lineno
            except Exception as error:  # noqa: BLE001 - any failure points at a line
                line = _template_line(error.__traceback__)
            else:
                continue
            if line is not None and 0 < line <= len(part.origins):
                return part.origins[line - 1]
        return None


def _template_line(trace: TracebackType | None) -> int | None:
    line = None
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


def refuse(origin: Origin | Path, message: str, hint: str = _FORMAT_HINT) -> InvalidInput:
    """A mistake in a text template, with its file (and line)."""
    if isinstance(origin, Origin):
        return InvalidInput([Problem(str(origin.file), origin.line, "", message, hint)])
    return InvalidInput([Problem(str(origin), None, "", message, hint)])


# --- Reading: lines, with '@ deel' parts taken in -------------------------------------------------


def _directive(text: str) -> tuple[str, str] | None:
    """('deel', 'brieven/_gedeeld/x.txt.j2') for '@ deel brieven/_gedeeld/x.txt.j2'; None for other lines."""
    if not text.startswith("@ "):
        return None
    rest = text[2:].strip()
    for name in _DIRECTIVES:
        if rest == name or rest.startswith(f"{name} "):
            return name, rest[len(name) :].strip()
    return "?", rest


class _Reader:
    """Reads text templates along one search path; a part is found like every other template."""

    def __init__(self, own: Sequence[Path]) -> None:
        self.own = tuple(own)

    def lines(self, path: Path, stack: tuple[Path, ...] = ()) -> list[Line]:
        """The lines of a file, every '@ deel' replaced by the part's lines; notes and blank lines left out."""
        try:
            text = path.read_text(encoding="utf-8-sig")  # Notepad may start the file with a BOM
        except UnicodeDecodeError as error:
            raise refuse(
                path, "het sjabloon is geen tekst in UTF-8", "sla het bestand op als UTF-8"
            ) from error
        except OSError as error:
            raise refuse(
                path, "het sjabloon kan niet worden gelezen", "controleer of het bestand bestaat"
            ) from error
        found: list[Line] = []
        keep = False  # '@ bij elkaar' seen: the rest of this file stays together
        for number, raw in enumerate(text.splitlines(), start=1):
            line = Line(raw.rstrip(), Origin(path, number), keep)
            if not line.text.strip() or line.text.lstrip().startswith("//"):
                continue
            directive = _directive(line.text)
            if directive is not None and directive[0] == "deel":
                found += self.lines(self.part(directive[1], line.origin, stack + (path,)), stack + (path,))
            elif directive is not None and directive[0] == "bij elkaar":
                keep = True
            else:
                found.append(line)
        return found

    def part(self, name: str, origin: Origin, stack: tuple[Path, ...]) -> Path:
        """The file a '@ deel' or '@ koptekst' names, along the search path."""
        reason = path_problem(name)
        if reason is None and (name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", name)):
            reason = "het pad moet binnen een sjablonenmap blijven (geen '..' en niet beginnen met '/')"
        if reason is None and not name.endswith(TEXT_TEMPLATE_SUFFIX):
            reason = f"een deel is een tekstbestand dat eindigt op {TEXT_TEMPLATE_SUFFIX}"
        if reason is not None:
            raise refuse(origin, f"'{name}' kan geen deel zijn: {reason}")
        path = find_template(name, self.own)
        if not path.is_file():
            raise refuse(
                origin,
                f"het deel '{name}' bestaat niet",
                f"een deel staat in een sjablonenmap of in {DEFAULT_TEMPLATES.name}/; controleer de naam",
            )
        if path.resolve() in {item.resolve() for item in stack}:
            raise refuse(
                origin,
                f"het deel '{name}' neemt (via andere delen) zichzelf op",
                "een deel mag zichzelf niet opnemen; haal de '@ deel'-regel weg",
            )
        if len(stack) >= MAX_DEPTH:
            raise refuse(
                origin,
                f"delen binnen delen gaan hier meer dan {MAX_DEPTH} lagen diep",
                "maak het eenvoudiger",
            )
        return path


# --- The plan: what the Word template holds -------------------------------------------------------


@dataclass(slots=True)
class _Row:
    origin: Origin
    cells: tuple[str, ...] = ()
    tag: str | None = None  # a docxtpl row tag: {%tr tag %}


@dataclass(slots=True)
class _Table:
    origin: Origin
    widths: tuple[float, ...] = ()
    small: bool = False
    rows: list[_Row] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _PageBreak:
    origin: Origin


_Block = Line | _Table | _PageBreak


@dataclass(slots=True)
class _Plan:
    title: Line | None = None
    header: list[_Block] = field(default_factory=list)
    header_lines: list[Line] = field(default_factory=list)
    footer: Line | None = None
    landscape: bool = False
    body: list[_Block] = field(default_factory=list)


def _cells(line: Line) -> tuple[str, ...]:
    """'| a | {{ x | upper }} |' -> ('a', '{{ x | upper }}'): a '|' inside Jinja does not split."""
    text = line.text.strip()
    text = text[1:-1] if text.endswith("|") and len(text) > 1 else text[1:]
    cells, current, position = [], "", 0
    for match in _CELL_SEPARATOR.finditer(text):
        current += text[position : match.start()]
        if match[0] == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += match[0]
        position = match.end()
    cells.append((current + text[position:]).strip())
    return tuple(cells)


def _widths(argument: str, origin: Origin) -> tuple[tuple[float, ...], bool]:
    widths, small = [], False
    for word in argument.replace(";", " ").split():
        if word == "klein":
            small = True
        elif re.fullmatch(r"\d{1,2}(?:[,.]\d{1,2})?", word):
            widths.append(float(word.replace(",", ".")))
        elif word != "cm":
            raise refuse(
                origin,
                f"'@ tabel' kent '{word}' niet",
                "schrijf de breedte van elke kolom in cm (zoals '@ tabel 5,5 11,1'), eventueel met 'klein'",
            )
    return tuple(widths), small


class _Planner:
    """Turns the lines of a text template into a plan; every mistake names its file and line."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.plan = _Plan()

    def make(self, lines: list[Line]) -> _Plan:
        self.plan.body = self.blocks(lines, page=True)
        return self.plan

    def blocks(self, lines: list[Line], page: bool) -> list[_Block]:
        """Paragraphs, tables and page breaks; `page`: page settings (@ titel …) may be among the lines."""
        blocks: list[_Block] = []
        table: _Table | None = None
        settings: _Table | None = None  # from '@ tabel', for the table that must follow
        for index, line in enumerate(lines):
            if line.text.startswith("|"):
                if not page:
                    raise refuse(line.origin, "een tabel hoort niet in de koptekst")
                if table is None:
                    table, settings = settings or _Table(line.origin), None
                    blocks.append(table)
                table.rows.append(self.row(line))
                continue
            in_table = table is not None and line.text.startswith("% ") and _next_is_row(lines, index)
            self.close(table, settings, line if in_table else None)
            table, settings = None, self.line(line, blocks, page)
        self.close(table, settings, None)
        return blocks

    def line(self, line: Line, blocks: list[_Block], page: bool) -> _Table | None:
        """Add a line that is no table row; the settings of the next table when it is '@ tabel'."""
        directive = _directive(line.text)
        if directive is None:
            blocks.append(line)
        elif directive[0] == "tabel":
            return _Table(line.origin, *_widths(directive[1], line.origin))
        elif directive[0] == "nieuwe pagina" and page:
            blocks.append(_PageBreak(line.origin))
        elif page:
            self.page_setting(directive, line)
        else:
            raise refuse(line.origin, f"'@ {directive[0]}' hoort niet in de koptekst")
        return None

    def close(self, table: _Table | None, settings: _Table | None, tag_line: Line | None) -> None:
        """The end of a table (or of the place where one should have been)."""
        if tag_line is not None:
            raise refuse(tag_line.origin, "een %-regel in een tabel begint met |%, zoals '|% for r in rijen'")
        if table is not None:
            self.check_table(table)
        if settings is not None:
            raise refuse(settings.origin, "na '@ tabel' hoort direct een tabelregel (| … |)")

    def page_setting(self, directive: tuple[str, str], line: Line) -> None:
        name, argument = directive
        if name == "titel":
            self.plan.title = Line(argument, line.origin)
        elif name == "voettekst":
            self.plan.footer = Line(argument, line.origin)
        elif name == "liggend":
            self.plan.landscape = True
        elif name == "koptekst":
            path = self.reader.part(argument, line.origin, ())
            self.plan.header_lines = self.reader.lines(path, (line.origin.file,))
            self.plan.header = self.blocks(self.plan.header_lines, page=False)
        else:
            raise refuse(
                line.origin,
                f"onbekende opdracht '@ {argument if name == '?' else name}'",
                "een @-regel is een van: " + ", ".join(f"@ {item}" for item in _DIRECTIVES),
            )

    @staticmethod
    def row(line: Line) -> _Row:
        if line.text.startswith("|%"):
            return _Row(line.origin, tag=line.text[2:].strip())
        return _Row(line.origin, cells=_cells(line))

    @staticmethod
    def check_table(table: _Table) -> None:
        counts = {len(row.cells) for row in table.rows if row.tag is None}
        if not counts:
            raise refuse(table.origin, "een tabel heeft minstens één regel met cellen (| … |)")
        if len(counts) > 1:
            row = next(row for row in table.rows if row.tag is None and len(row.cells) != max(counts))
            raise refuse(row.origin, "de regels van deze tabel hebben niet evenveel cellen")
        if table.widths and len(table.widths) != counts.pop():
            raise refuse(table.origin, "'@ tabel' noemt niet voor elke kolom een breedte")


def _next_is_row(lines: list[Line], index: int) -> bool:
    return any(line.text.startswith("|") for line in lines[index + 1 : index + 2])


# --- Jinja: the check, with the origin of every line ----------------------------------------------


def _jinja_line(text: str) -> str:
    """What docxtpl sees of a line as Jinja: the tags and values, the markers of the format gone."""
    if text.startswith("|%"):
        return "{% " + text[2:].strip() + " %}"
    if text.startswith("% "):
        return "{% " + text[2:] + " %}"
    if text.startswith("|"):
        return " ".join(_cells(Line(text, Origin(Path(), 0))))
    directive = _directive(text)
    return "" if directive is not None else text


def _jinja_part(lines: Sequence[Line]) -> JinjaPart:
    return JinjaPart(
        "\n".join(_jinja_line(line.text) for line in lines), tuple(line.origin for line in lines)
    )


def _jinja_parts(plan: _Plan, body: list[Line]) -> tuple[JinjaPart, ...]:
    parts = [_jinja_part(body), _jinja_part(plan.header_lines)]
    parts += [JinjaPart(item.text, (item.origin,)) for item in (plan.footer, plan.title) if item is not None]
    return tuple(parts)


# --- Building the Word template -------------------------------------------------------------------


def _styles(document: DocxDocument) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    defaults = parse_xml(
        f"<w:docDefaults {_W_NS}><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
        '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault></w:docDefaults>"
    )
    old = styles.element.find(f"{_W}docDefaults")
    if old is not None:
        styles.element.remove(old)
    styles.element.insert(0, defaults)
    address = styles.add_style("Adresregel", WD_STYLE_TYPE.PARAGRAPH)
    address.base_style = normal
    address.paragraph_format.space_after = Pt(0)
    heading = styles.add_style("Kop brief", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = normal
    heading.font.bold = True
    heading.font.color.rgb = _DARK
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.space_after = Pt(2)
    heading.paragraph_format.keep_with_next = True
    head = styles.add_style("Briefhoofd", WD_STYLE_TYPE.PARAGRAPH)
    head.base_style = normal
    head.font.size = Pt(9)
    head.font.color.rgb = _GREY
    head.paragraph_format.space_after = Pt(0)
    small = styles.add_style("Klein", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = normal
    small.font.size = Pt(9)
    small.paragraph_format.space_after = Pt(0)
    title = styles["Title"]
    title.font.name = "Calibri"
    title.font.size = Pt(18)
    title.font.color.rgb = _DARK


def _runs(paragraph: Paragraph, text: str, plain: bool | None = False) -> None:
    """The text's runs; between ** bold. `plain`: what the other runs say about bold (None: nothing)."""
    for index, part in enumerate(text.split("**")):
        if not part:
            continue
        run = paragraph.add_run(part)
        if index % 2 == 1 or plain is not None:
            run.bold = index % 2 == 1


def _add_paragraph(container: Any, text: str, base: str) -> Paragraph:
    style, content = base, text
    if text.startswith("% "):
        content = "{%p " + text[2:] + " %}"
    elif text.startswith("# "):
        style, content = "Kop brief", text[2:]
    elif text.startswith("- "):
        style, content = "List Bullet", text[2:]
    elif text.startswith("> "):
        style, content = "Adresregel", text[2:]
    elif text.strip() == "~":
        content = ""
    paragraph: Paragraph = container.add_paragraph(style=style)
    _runs(paragraph, content)
    return paragraph


def _fill_cell(cell: Any, text: str) -> None:
    if text and set(text) == {"~"}:  # '~~~~': four empty paragraphs, room to write
        for _ in range(len(text) - 1):
            cell.add_paragraph()
    else:
        _runs(cell.paragraphs[0], text, plain=None)  # a cell's text follows the table's style


def _add_table(document: DocxDocument, plan: _Table) -> None:
    columns = len(next(row.cells for row in plan.rows if row.tag is None))
    table: Table = document.add_table(rows=len(plan.rows), cols=columns)
    table.style = document.styles["Table Grid"]
    depth = 0  # inside a '|% for': the row repeats
    header = _header_row(plan)
    for row_plan, row in zip(plan.rows, table.rows, strict=True):
        # A row never splits over two pages; a header row repeats at the top of every page.
        row_properties = row._tr.get_or_add_trPr()
        row_properties.append(parse_xml(f"<w:cantSplit {_W_NS}/>"))
        if row_plan is header:
            row_properties.append(parse_xml(f"<w:tblHeader {_W_NS}/>"))
        if row_plan.tag is not None:
            row.cells[0].paragraphs[0].add_run("{%tr " + row_plan.tag + " %}")
            depth += row_plan.tag.startswith("for ") - row_plan.tag.startswith("endfor")
            continue
        for text, cell in zip(row_plan.cells, row.cells, strict=True):
            _fill_cell(cell, text)
        if depth > 0:
            row.height = _REPEATED_ROW_HEIGHT
    if plan.widths:
        _set_widths(table, plan.widths)
    if plan.small:
        for cell in (cell for row in table.rows for cell in row.cells):
            for paragraph in cell.paragraphs:
                paragraph.style = document.styles["Klein"]


def _header_row(plan: _Table) -> _Row | None:
    """The table's first row when it is a header: every cell filled and bold, and rows follow it."""
    rows = [row for row in plan.rows if row.tag is None]
    first = rows[0] if rows else None
    if first is None or len(plan.rows) < 2 or first is plan.rows[-1]:
        return None
    bold = all(re.fullmatch(r"\*\*[^*].*\*\*", cell) for cell in first.cells)
    return first if bold else None


def _set_widths(table: Table, widths: tuple[float, ...]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _add_blocks(document: DocxDocument, container: Any, blocks: list[_Block], base: str = "Normal") -> None:
    break_before = False  # '@ nieuwe pagina' before a paragraph: that paragraph starts the new page
    for index, block in enumerate(blocks):
        if isinstance(block, _Table):
            if break_before:
                document.add_page_break()  # type: ignore[no-untyped-call]
                break_before = False
            _add_table(document, block)
        elif isinstance(block, _PageBreak):
            # A paragraph holding only the break could itself fall onto the next page when the page is full,
            # and leave that page empty; the break goes on the next paragraph instead.
            break_before = True
        else:
            paragraph = _add_paragraph(container, block.text, base)
            if break_before:
                paragraph.paragraph_format.page_break_before = True
                break_before = False
            if block.keep:  # '@ bij elkaar': on one page with the next kept paragraph
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                paragraph.paragraph_format.keep_together = True
                if isinstance(following, Line) and following.keep:
                    paragraph.paragraph_format.keep_with_next = True


def _footer(document: DocxDocument, text: str) -> None:
    """One right-aligned line; [pagina] and [paginas] become Word's page fields."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.style = document.styles["Briefhoofd"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for index, piece in enumerate(re.split(r"(\[pagina\]|\[paginas\])", text)):
        if piece in _PAGE_FIELDS:
            paragraph._p.append(
                parse_xml(
                    f'<w:fldSimple {_W_NS} w:instr=" {_PAGE_FIELDS[piece]} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                )
            )
        elif piece and index == 0:
            paragraph.add_run(piece)
        elif piece:
            paragraph._p.append(
                parse_xml(f'<w:r {_W_NS}><w:t xml:space="preserve">{_xml_text(piece)}</w:t></w:r>')
            )


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The empty document every letter and form starts from: the house styles, nl-NL and Word's current
# compatibility mode (made by tools/maak_basis.py).
BASE_DOCUMENT = DEFAULT_TEMPLATES / "word" / "basis.docx"


@functools.cache
def _base_document() -> bytes:
    return BASE_DOCUMENT.read_bytes()


def _build(plan: _Plan) -> bytes:
    document = Document(io.BytesIO(_base_document()))
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.8)
    if plan.header:
        header = section.header
        first = header.paragraphs[0]._p
        first.getparent().remove(first)
        _add_blocks(document, header, plan.header, base="Briefhoofd")
    if plan.footer is not None:
        _footer(document, plan.footer.text)
    if plan.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    _add_blocks(document, document, plan.body)
    core = document.core_properties
    core.title = plan.title.text if plan.title is not None else ""
    core.author = core.last_modified_by = "schoolveiligheid"
    core.language = "nl-NL"
    core.created = core.modified = _TEMPLATE_DATE.replace(tzinfo=None)
    core.revision = 1
    # Not document.save: that stamps every zip entry with the current time, so the same text
    # compiled two seconds apart gave other bytes.
    return reproducible_docx(document, _TEMPLATE_DATE)


@dataclass(frozen=True, slots=True)
class TextSource:
    """A text template read along a search path: its lines (parts taken in) and the plan made of them."""

    body: tuple[Line, ...]
    header: tuple[Line, ...]
    plan: _Plan

    @property
    def signature(self) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
        """Equal for two search paths that give the same lines from the same files: one Word template serves both."""
        return self.body, self.header


def read_text(path: Path, own: Sequence[Path]) -> TextSource:
    """Read a text template and the parts it names (along `own`, then the defaults); cheap, builds nothing.

    Raises InvalidInput, with file and line, for a mistake in the line format.
    """
    reader = _Reader(own)
    body = reader.lines(path)
    plan = _Planner(reader).make(body)
    return TextSource(tuple(body), tuple(plan.header_lines), plan)


def build_text(source: TextSource) -> CompiledText:
    """The Word template of a text template. Its Jinja is only carried along, for the filler to check."""
    return CompiledText(_build(source.plan), _jinja_parts(source.plan, list(source.body)))


def compile_text(path: Path, own: Sequence[Path]) -> CompiledText:
    """The text template at `path` as a Word template; its parts are found along `own`, then the defaults."""
    return build_text(read_text(path, own))


__all__ = [
    "CompiledText",
    "JinjaPart",
    "Origin",
    "TextSource",
    "build_text",
    "compile_text",
    "read_text",
    "refuse",
]
