"""Generate the letter templates (letters/<soort>.docx) and the blank forms (templates/formulieren/*.docx).

Run from the repository root: `.venv/bin/python tools/maak_brieven.py`. The output is
byte-identical on every run, so the committed files only change when this script or
the texts in tools/brieven_tekst.py and tools/formulieren_tekst.py change.

The texts use a small line format, one paragraph per line:
    # Kop            a short heading in the letter
    - tekst          a bullet
    > tekst          an address line (no space after it)
    % if x           a docxtpl paragraph tag: {%p if x %}; the paragraph itself disappears
    ~                an empty paragraph (room for a signature)
    **vet**          bold text within a line
Everything else is an ordinary paragraph. Jinja tags inside a line stay within one
run, so docxtpl sees them whole. Font: Calibri (LibreOffice substitutes Carlito).
"""

from __future__ import annotations

import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from brieven_tekst import LETTERS  # noqa: E402
from formulieren_tekst import FORMS  # noqa: E402

from schoolveiligheid.writers.word import reproducible_zip  # noqa: E402

LETTERS_DIR = ROOT / "letters"
FORMS_DIR = ROOT / "templates" / "formulieren"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DARK, GREY = RGBColor(0x1F, 0x38, 0x64), RGBColor(0x59, 0x59, 0x59)

LETTERHEAD = """\
% if logo
{{ logo }}
% endif
**{{ head.name }}**
{{ head.street }} · {{ head.postcode_place }}
{{ head.phone }} · {{ head.email }}{% if head.website %} · {{ head.website }}{% endif %}
"""


def _styles(document: DocxDocument) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    defaults = document.styles.element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults"
    )
    if defaults is not None:
        run_defaults = defaults.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPrDefault"
        )
        if run_defaults is not None:
            run_defaults.getparent().remove(run_defaults)
    defaults = parse_xml(
        f"<w:docDefaults {W_NS}><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
        '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault></w:docDefaults>"
    )
    old = styles.element.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults")
    if old is not None:
        styles.element.remove(old)
    styles.element.insert(0, defaults)
    address = styles.add_style("Adresregel", WD_STYLE_TYPE.PARAGRAPH)
    address.base_style = normal
    address.paragraph_format.space_after = Pt(0)
    heading = styles.add_style("Kop brief", WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = normal
    heading.font.bold = True
    heading.font.color.rgb = DARK
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.space_after = Pt(2)
    heading.paragraph_format.keep_with_next = True
    head = styles.add_style("Briefhoofd", WD_STYLE_TYPE.PARAGRAPH)
    head.base_style = normal
    head.font.size = Pt(9)
    head.font.color.rgb = GREY
    head.paragraph_format.space_after = Pt(0)
    small = styles.add_style("Klein", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = normal
    small.font.size = Pt(9)
    small.paragraph_format.space_after = Pt(0)
    title = styles["Title"]
    title.font.name = "Calibri"
    title.font.size = Pt(18)
    title.font.color.rgb = DARK


def _runs(paragraph: Paragraph, text: str) -> None:
    for index, part in enumerate(re.split(r"\*\*", text)):
        if part:
            paragraph.add_run(part).bold = index % 2 == 1


def add_lines(container: object, text: str, base: str = "Normal") -> None:
    """Append the paragraphs of the line format to a document, header, footer or table cell."""
    for line in text.splitlines():
        if not line.strip():
            continue
        style, content = base, line
        if line.startswith("% "):
            content = "{%p " + line[2:] + " %}"
        elif line.startswith("# "):
            style, content = "Kop brief", line[2:]
        elif line.startswith("- "):
            style, content = "List Bullet", line[2:]
        elif line.startswith("> "):
            style, content = "Adresregel", line[2:]
        elif line.strip() == "~":
            content = ""
        paragraph = container.add_paragraph(style=style)  # type: ignore[attr-defined]
        _runs(paragraph, content)


def _page_footer(document: DocxDocument, label: str) -> None:
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles["Briefhoofd"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(f"{label} · pagina ")
    for field in ("PAGE", "NUMPAGES"):
        paragraph._p.append(
            parse_xml(f'<w:fldSimple {W_NS} w:instr=" {field} "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        )
        if field == "PAGE":
            paragraph._p.append(parse_xml(f'<w:r {W_NS}><w:t xml:space="preserve"> van </w:t></w:r>'))


def new_document(footer_label: str) -> DocxDocument:
    """An A4 document with our styles and the school's letterhead in the header."""
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.8)
    header = section.header
    header.paragraphs[0]._p.getparent().remove(header.paragraphs[0]._p)
    add_lines(header, LETTERHEAD, base="Briefhoofd")
    header.add_paragraph(style="Briefhoofd")
    _page_footer(document, footer_label)
    return document


def save(document: DocxDocument, title: str) -> bytes:
    """The document as reproducible bytes."""
    core = document.core_properties
    core.title = title
    core.author = core.last_modified_by = "schoolveiligheid"
    core.language = "nl-NL"
    core.created = core.modified = FIXED_DATE.replace(tzinfo=None)
    core.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), FIXED_DATE)


def build_letter(kind: str, text: str) -> bytes:
    document = new_document("{{ head.name }}")
    add_lines(document, text)
    return save(document, f"Brief: {kind}")


def main() -> None:
    LETTERS_DIR.mkdir(exist_ok=True)
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    for kind, text in LETTERS.items():
        (LETTERS_DIR / f"{kind}.docx").write_bytes(build_letter(kind, text))
        print(f"geschreven: letters/{kind}.docx")
    for name, build in FORMS.items():
        (FORMS_DIR / f"{name}.docx").write_bytes(build(new_document, add_lines, save))
        print(f"geschreven: templates/formulieren/{name}.docx")


if __name__ == "__main__":
    main()
