"""Generate templates/word/basis.docx: the empty document every letter and form starts from.

Run from the repository root: `.venv/bin/python tools/maak_basis.py`. The output is
byte-identical on every run. It carries the house styles of the master (tools/maak_master.py:
Calibri, colours, headings, lists), Dutch (nl-NL) as the language of the text, and the current
Word compatibility mode (15), so Word opens a letter or form without 'compatibility mode' and
checks its spelling in Dutch. writers/docx_lines.py adds the letter styles (address lines,
letterhead, small print) and the page on top of it.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from maak_master import (  # noqa: E402
    FIXED_DATE,
    house_document,
    settings_xml,
    styles_xml,
)

from schoolveiligheid.writers.word import reproducible_zip  # noqa: E402

OUTPUT = ROOT / "templates" / "word" / "basis.docx"

# Letters and forms draw their tables with a plain grid; the first row repeats on every page.
TABLE_GRID = (
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:tblPr><w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders></w:tblPr></w:style>"
)


def basis_styles_xml() -> str:
    return styles_xml().replace("</w:styles>", f"{TABLE_GRID}</w:styles>")


def basis_settings_xml() -> str:
    # No w:updateFields: a letter has no table of contents, and Word updates page fields itself.
    return settings_xml().replace('<w:updateFields w:val="true"/>', "")


def build() -> bytes:
    document = house_document(basis_styles_xml(), basis_settings_xml())
    body = document.element.body
    for child in list(body):
        if child.tag != body.sectPr.tag:
            body.remove(child)
    properties = document.core_properties
    properties.title = properties.subject = properties.keywords = properties.comments = ""
    properties.author = properties.last_modified_by = "schoolveiligheid"
    properties.language = "nl-NL"
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
