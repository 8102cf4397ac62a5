"""Generate templates/word/master.docx: styles, cover, header/footer and TOC of every document.

Run from the repository root: `.venv/bin/python tools/maak_master.py`. The output
is byte-identical on every run, so the committed file only changes when this
script does. A school may instead hand-edit a copy in Word; the writer needs the
style names in REQUIRED_STYLES and one paragraph that holds BODY_MARKER.

Font: Calibri. Word, Word for Mac, Office Online and Google Docs all have it, so
the people who edit these files see what we designed; LibreOffice substitutes the
metric-compatible Carlito (Debian: fonts-crosextra-carlito), so PDFs made in CI
break lines where Word does.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.shared import Twips

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from schoolveiligheid.writers.word import BODY_MARKER, reproducible_zip  # noqa: E402

OUTPUT = ROOT / "templates" / "word" / "master.docx"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 11906, 16838, 1417  # A4, 2.5 cm margins, in twips
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN

DARK, ACCENT, GREY, RED = "1F3864", "2E74B5", "595959", "C00000"
FONT = "Calibri"


def style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str = "",
    nxt: str = "",
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
) -> str:
    """One <w:style>; ppr/rpr/extra are raw XML in schema order."""
    parts = [f'<w:style w:type="{kind}" w:styleId="{style_id}">', f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if nxt:
        parts.append(f'<w:next w:val="{nxt}"/>')
    parts.append('<w:uiPriority w:val="9"/><w:qFormat/>' if kind == "paragraph" else "")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append(extra)
    parts.append("</w:style>")
    return "".join(parts)


def heading(level: int, size: int, color: str, before: int, after: int, italic: bool = False) -> str:
    return style(
        "paragraph",
        f"Heading{level}",
        f"heading {level}",
        based_on="Normal",
        nxt="Normal",
        ppr=f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}"/><w:outlineLvl w:val="{level - 1}"/>',
        rpr=f'<w:b/><w:bCs/>{"<w:i/>" if italic else ""}<w:color w:val="{color}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>',
    )


def list_style(style_id: str, name: str, num_id: int | None, level: int) -> str:
    numbering = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>' if num_id else ""
    indent = "" if num_id else f'<w:ind w:left="{360 * (level + 1)}"/>'
    return style(
        "paragraph",
        style_id,
        name,
        based_on="Normal",
        ppr=f'{numbering}<w:spacing w:after="60"/>{indent}',
    )


def toc_style(level: int) -> str:
    return style(
        "paragraph",
        f"TOC{level}",
        f"toc {level}",
        based_on="Normal",
        nxt="Normal",
        ppr=(
            f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/></w:tabs>'
            f'<w:spacing w:before="{120 if level == 1 else 0}" w:after="40"/><w:ind w:left="{220 * (level - 1)}"/>'
        ),
        rpr="<w:b/>" if level == 1 else "",
    )


def styles_xml() -> str:
    border = 'w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"'
    table_style = style(
        "table",
        "Beleidstabel",
        "Beleidstabel",
        based_on="TableNormal",
        ppr='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>',
        rpr='<w:sz w:val="20"/><w:szCs w:val="20"/>',
        extra=(
            "<w:tblPr>"
            f"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>"
            f"<w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
            '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>"
            '<w:tblStylePr w:type="firstRow">'
            f'<w:rPr><w:b/><w:bCs/><w:color w:val="{DARK}"/></w:rPr>'
            "<w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
            '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr>'
            "</w:tblStylePr>"
        ),
    )
    left_bar = f'<w:left w:val="single" w:sz="24" w:space="8" w:color="{ACCENT}"/>'
    shade = '<w:shd w:val="clear" w:color="auto" w:fill="EAF1FB"/>'
    indent = '<w:ind w:left="170" w:right="170"/>'
    # contextualSpacing: no space between the paragraphs of one box, space after the box.
    box = f'<w:pBdr>{left_bar}</w:pBdr>{shade}<w:spacing w:before="0" w:after="160"/>{indent}<w:contextualSpacing/>'
    # The title's own top line keeps two boxes in a row apart (Word joins equal borders).
    box_title = (
        f'<w:keepNext/><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{ACCENT}"/>{left_bar}</w:pBdr>'
        f'{shade}<w:spacing w:before="0" w:after="0"/>{indent}'
    )
    all_styles = [
        style("paragraph", "Normal", "Normal").replace(
            '<w:style w:type="paragraph"', '<w:style w:type="paragraph" w:default="1"', 1
        ),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/></w:style>',
        style(
            "paragraph",
            "Title",
            "Title",
            based_on="Normal",
            nxt="Normal",
            ppr='<w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/>',
            rpr=f'<w:b/><w:bCs/><w:color w:val="{DARK}"/><w:kern w:val="28"/><w:sz w:val="60"/><w:szCs w:val="60"/>',
        ),
        style(
            "paragraph",
            "Subtitle",
            "Subtitle",
            based_on="Normal",
            nxt="Normal",
            ppr='<w:spacing w:after="120"/>',
            rpr=f'<w:color w:val="{ACCENT}"/><w:sz w:val="32"/><w:szCs w:val="32"/>',
        ),
        style(
            "paragraph",
            "Voorbladschool",
            "Voorblad school",
            based_on="Subtitle",
            nxt="Title",
            ppr='<w:spacing w:before="3400" w:after="120"/>',
            rpr=f'<w:b/><w:bCs/><w:color w:val="{GREY}"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
        ),
        style(
            "paragraph",
            "Voorbladlogo",
            "Voorblad logo",
            based_on="Normal",
            ppr='<w:spacing w:before="0" w:after="240"/>',
        ),
        style(
            "paragraph",
            "Voorbladgegevens",
            "Voorblad gegevens",
            based_on="Normal",
            ppr='<w:spacing w:after="60"/>',
            rpr=f'<w:color w:val="{GREY}"/><w:sz w:val="24"/><w:szCs w:val="24"/>',
        ),
        style(
            "paragraph",
            "Conceptmarkering",
            "Conceptmarkering",
            based_on="Normal",
            ppr=(
                f'<w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="{RED}"/>'
                f'<w:bottom w:val="single" w:sz="12" w:space="4" w:color="{RED}"/></w:pBdr>'
                '<w:spacing w:after="0"/><w:jc w:val="center"/>'
            ),
            rpr=f'<w:b/><w:bCs/><w:caps/><w:color w:val="{RED}"/><w:spacing w:val="20"/><w:sz w:val="32"/><w:szCs w:val="32"/>',
        ),
        style(
            "paragraph",
            "Conceptkop",
            "Concept in koptekst",
            based_on="Normal",
            ppr='<w:spacing w:after="60"/><w:jc w:val="center"/>',
            rpr=f'<w:b/><w:bCs/><w:caps/><w:color w:val="{RED}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
        ),
        heading(1, 32, DARK, 360, 120),
        heading(2, 26, ACCENT, 240, 80),
        heading(3, 23, DARK, 200, 60),
        heading(4, 22, DARK, 160, 40, italic=True),
        list_style("ListBullet", "List Bullet", 1, 0),
        list_style("ListBullet2", "List Bullet 2", 1, 1),
        list_style("ListBullet3", "List Bullet 3", 1, 2),
        list_style("ListNumber", "List Number", 2, 0),
        list_style("ListNumber2", "List Number 2", 2, 1),
        list_style("ListNumber3", "List Number 3", 2, 2),
        list_style("ListContinue", "List Continue", None, 0),
        list_style("ListContinue2", "List Continue 2", None, 1),
        list_style("ListContinue3", "List Continue 3", None, 2),
        style(
            "paragraph",
            "Quote",
            "Quote",
            based_on="Normal",
            nxt="Normal",
            ppr='<w:ind w:left="567" w:right="567"/>',
            rpr=f'<w:i/><w:iCs/><w:color w:val="{GREY}"/>',
        ),
        style("paragraph", "Kader", "Kader", based_on="Normal", ppr=box),
        style(
            "paragraph",
            "Kadertitel",
            "Kadertitel",
            based_on="Kader",
            nxt="Kader",
            ppr=box_title,
            rpr=f'<w:b/><w:bCs/><w:color w:val="{DARK}"/>',
        ),
        style(
            "paragraph",
            "TOCHeading",
            "TOC Heading",
            based_on="Heading1",
            nxt="Normal",
            ppr='<w:outlineLvl w:val="9"/>',
        ),
        toc_style(1),
        toc_style(2),
        toc_style(3),
        style(
            "paragraph",
            "Header",
            "header",
            based_on="Normal",
            ppr=(
                f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="BFBFBF"/></w:pBdr>'
                f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
                '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            ),
            rpr=f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
        ),
        style(
            "paragraph",
            "Footer",
            "footer",
            based_on="Normal",
            ppr=(
                f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_WIDTH}"/></w:tabs>'
                '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            ),
            rpr=f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
        ),
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
        table_style,
    ]
    lang = '<w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>'
    fonts = f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    return (
        f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:sz w:val="22"/><w:szCs w:val="22"/>{lang}'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault>"
        f"</w:docDefaults>{''.join(all_styles)}</w:styles>"
    )


def numbering_xml() -> str:
    bullets = ["\u2022", "\u2013", "\u25e6"]
    numbers = [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3.")]

    def level(ilvl: int, fmt: str, text: str) -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (ilvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        )

    bullet_levels = "".join(level(i, "bullet", text) for i, text in enumerate(bullets))
    number_levels = "".join(level(i, fmt, text) for i, (fmt, text) in enumerate(numbers))
    return (
        f"<w:numbering {NS}>"
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{bullet_levels}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{number_levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )


def settings_xml() -> str:
    # updateFields makes Word refresh the TOC (and page count) when the file is opened.
    return (
        f'<w:settings {NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:updateFields w:val="true"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="nl-NL"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>'
    )


def font_table_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {NS}>'
        f'<w:font w:name="{FONT}"><w:altName w:val="Carlito"/><w:panose1 w:val="020F0502020204030204"/>'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    )


def app_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>schoolveiligheid</Application><DocSecurity>0</DocSecurity>"
        "<Company>{{ school_name }}</Company><LinksUpToDate>false</LinksUpToDate></Properties>"
    )


def paragraph(style_id: str, *runs: str, page_break_before: bool = False) -> str:
    ppr = (
        f'<w:pPr><w:pStyle w:val="{style_id}"/>{"<w:pageBreakBefore/>" if page_break_before else ""}</w:pPr>'
    )
    return f"<w:p {NS}>{ppr}{''.join(runs)}</w:p>"


def text(value: str) -> str:
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:r><w:t xml:space="preserve">{escaped}</w:t></w:r>'


def field(instruction: str, shown: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{text(shown)}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def tag(jinja: str) -> str:
    """A docxtpl paragraph tag ({%p ... %}): the paragraph itself disappears on render."""
    return paragraph("Normal", text(jinja))


CONCEPT = "CONCEPT \u2013 nog niet vastgesteld"
# The bundled example (voorbeeld: true) says on its cover and on every page that it is made up.
EXAMPLE = "VOORBEELD \u2013 verzonnen school, geen echt beleid"
# School year, version and adoption on every page (issue: every document is stamped).
STAMP = (
    "{% if example %}Voorbeeld \u00b7 {% endif %}"
    "Schooljaar {{ school_year }} \u00b7 versie {{ version }} \u00b7 "
    "{% if adopted_on %}vastgesteld {{ adopted_on }}{% else %}concept, nog niet vastgesteld{% endif %}"
)


def body_paragraphs() -> list[str]:
    toc_field = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + text("De inhoudsopgave wordt bijgewerkt als u het document opent.")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return [
        # The school's logo on the cover (docxtpl image; its alt text is set by the writer).
        tag("{%p if logo %}"),
        paragraph("Voorbladlogo", text("{{ logo }}")),
        tag("{%p endif %}"),
        tag("{%p if is_concept %}"),
        paragraph("Conceptmarkering", text(CONCEPT)),
        tag("{%p endif %}"),
        tag("{%p if example %}"),
        paragraph("Conceptmarkering", text(EXAMPLE)),
        tag("{%p endif %}"),
        paragraph("Voorbladschool", text("{{ school_name }}")),
        paragraph("Title", text("{{ title }}")),
        paragraph("Subtitle", text("Schooljaar {{ school_year }}")),
        paragraph("Voorbladgegevens", text("Versie {{ version }}")),
        paragraph(
            "Voorbladgegevens",
            text("Vastgesteld: {% if adopted_on %}{{ adopted_on }}{% else %}nog niet vastgesteld{% endif %}"),
        ),
        tag("{%p if consent_on %}"),
        paragraph("Voorbladgegevens", text("Instemming medezeggenschapsraad: {{ consent_on }}")),
        tag("{%p endif %}"),
        tag("{%p if board_name %}"),
        paragraph("Voorbladgegevens", text("Bevoegd gezag: {{ board_name }}")),
        tag("{%p endif %}"),
        tag("{%p if toc %}"),
        paragraph("TOCHeading", text("Inhoud"), page_break_before=True),
        paragraph("TOC1", toc_field),
        tag("{%p endif %}"),
        paragraph("Normal", text(BODY_MARKER), page_break_before=True),
    ]


def fill(story_element: object, paragraphs: list[str]) -> None:
    """Replace the content of a header or footer with raw paragraphs."""
    for child in list(story_element):  # type: ignore[call-overload]
        story_element.remove(child)  # type: ignore[attr-defined]
    for xml in paragraphs:
        story_element.append(parse_xml(xml))  # type: ignore[attr-defined]


def house_document(styles: str, settings: str) -> Any:
    """python-docx's empty document without its thumbnail and extra parts, with our styles,
    numbering, settings and fonts: the start of the master and of the letters' base document."""
    document = Document()
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)
    dropped = {
        RT.CUSTOM_XML,
        RT.WEB_SETTINGS,
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    }
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in dropped:
            document.part.rels.pop(rel_id)
    parts = {rel.reltype: rel.target_part for rel in document.part.rels.values()}
    parts[RT.STYLES]._element = parse_xml(styles)  # type: ignore[attr-defined]
    parts[RT.NUMBERING]._element = parse_xml(numbering_xml())  # type: ignore[attr-defined]
    parts[RT.SETTINGS]._element = parse_xml(settings)  # type: ignore[attr-defined]
    parts[RT.FONT_TABLE]._blob = font_table_xml().encode()  # type: ignore[attr-defined]
    return document


def build() -> bytes:
    document = house_document(styles_xml(), settings_xml())
    package_rels = document.part.package.rels
    package_rels.part_with_reltype(RT.EXTENDED_PROPERTIES)._blob = app_xml().encode()  # type: ignore[attr-defined]

    body = document.element.body
    for child in list(body):
        if child.tag != f"{{{W}}}sectPr":
            body.remove(child)
    section_properties = body.sectPr
    for xml in body_paragraphs():
        section_properties.addprevious(parse_xml(xml))

    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.left_margin = section.right_margin = Twips(MARGIN)
    section.top_margin = section.bottom_margin = Twips(MARGIN)
    section.header_distance = section.footer_distance = Twips(709)
    section.different_first_page_header_footer = True
    fill(
        section.header._element,
        [
            tag("{%p if is_concept %}"),
            paragraph("Conceptkop", text(CONCEPT)),
            tag("{%p endif %}"),
            paragraph("Header", text("{{ school_name }}"), "<w:r><w:tab/></w:r>", text("{{ title }}")),
        ],
    )
    fill(
        section.footer._element,
        [
            paragraph(
                "Footer",
                text(STAMP),
                "<w:r><w:tab/></w:r>",
                text("pagina "),
                field("PAGE", "1"),
                text(" van "),
                field("NUMPAGES", "1"),
            )
        ],
    )
    # The cover shows the concept marking in its body, so its header stays empty; its footer
    # carries the same stamp as every other page, so even a printed cover says which version it is.
    fill(section.first_page_header._element, [paragraph("Normal", "")])
    fill(section.first_page_footer._element, [paragraph("Footer", text(STAMP))])

    # Jinja in the properties is rendered by the writer; see WordWriter.
    properties = document.core_properties
    properties.title = "{{ title }}"
    properties.subject = "{{ title }} van {{ school_name }}, schooljaar {{ school_year }}"
    properties.author = "{{ school_name }}"
    properties.last_modified_by = "{{ school_name }}"
    properties.keywords = "sociale veiligheid; {{ title }}; {{ school_name }}; {{ school_year }}"
    properties.comments = "Versie {{ version }} ({{ status }})"
    properties.category = "Beleid sociale veiligheid"
    properties.content_status = "{{ status }}"
    properties.language = "{{ language }}"
    properties.version = "{{ version }}"
    properties.revision = 1
    properties.created = properties.modified = FIXED_DATE.replace(tzinfo=None)

    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), FIXED_DATE)


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(build())
    print(f"geschreven: {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
