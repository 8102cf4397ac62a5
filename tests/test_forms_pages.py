"""Issue 13, Layout: forms without near-empty pages.

Every form of every example school is converted to PDF with LibreOffice and split into pages (pdftotext, form
feed). A line that stands on more than one page (the letterhead, the footer with its page number, a repeated
table header row) is not content; every page but the last must hold at least MIN_LINES lines of content, so no
page in the middle of a form is nearly empty (the incident form once had one split row on its second page).
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from letters_support import EXAMPLE_POLICY
from support import require_program

from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.model import load_schools
from schoolveiligheid.writers.forms import FormWriter
from schoolveiligheid.writers.pdf import convert_pairs

MIN_LINES = 6


def _pages(pdftotext: str, pdf: Path) -> list[list[str]]:
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends the last page with a form feed too
    # Page numbers differ from page to page; compare lines without them.
    return [
        [re.sub(r"\d+", "#", line.strip()) for line in page.splitlines() if line.strip()] for page in pages
    ]


def _content(pages: list[list[str]]) -> list[int]:
    """Per page, the lines that stand on that page only."""
    seen = Counter(line for page in pages for line in set(page))
    return [sum(1 for line in page if seen[line] == 1) for page in pages]


@pytest.fixture(scope="module")
def form_pdfs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    require_program("soffice", "libreoffice")
    out = tmp_path_factory.mktemp("formulieren")
    pairs = []
    for school in load_schools(EXAMPLE_POLICY):
        for path in FormWriter().write(forms_context(school), out / school.id, school.template_dirs):
            pairs.append((path, out / f"{school.id}-{path.stem}.pdf"))
    return convert_pairs(pairs)


def test_every_example_school_has_its_forms_as_pdf(form_pdfs: list[Path]) -> None:
    schools = {pdf.name.split("-")[0] for pdf in form_pdfs}
    assert schools == {"vlinderboom", "zonnewijzer", "kompasroos"}
    assert len(form_pdfs) >= 3 * 6


def test_no_form_has_a_nearly_empty_page_before_its_last(form_pdfs: list[Path]) -> None:
    pdftotext = require_program("pdftotext")
    thin = {}
    for pdf in form_pdfs:
        pages = _pages(pdftotext, pdf)
        assert pages and all(pages), f"{pdf.name}: an empty page"
        counts = _content(pages)
        if any(count < MIN_LINES for count in counts[:-1]):
            thin[pdf.name] = counts
    assert not thin, f"pages with fewer than {MIN_LINES} lines of their own before the last page: {thin}"


def test_the_check_sees_a_nearly_empty_middle_page() -> None:
    header = ["OBS De Vlinderboom", "Fluitekruidlaan ##"]
    full = [*header, *(f"regel {word}" for word in "abcdefgh"), "pagina # van #"]
    thin = [*header, "Welke afspraken zijn gemaakt,", "en door wie?", "Gemeld aan", "pagina # van #"]
    last = [*header, "Overzicht incidenten", "pagina # van #"]
    counts = _content([full, thin, last])
    assert counts == [8, 3, 1]
    assert any(count < MIN_LINES for count in counts[:-1])
