"""What the site's download page offers: the PDF whenever the build made one, the Word file always,
each labelled with its kind. The PDF path needs LibreOffice and runs in the slow lane."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import require_program

from schoolveiligheid.build import BuildOptions
from schoolveiligheid.build import build as build_policy
from schoolveiligheid.context import build_context
from schoolveiligheid.documents import DOCUMENT_KINDS
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import Renderer

ROOT = Path(__file__).resolve().parents[1]
POLICY = ROOT / "policy"
LINK = re.compile(r"\[([^\]]+)\]\(downloads/([^)]+)\)")


def downloads_markdown(pdf: bool) -> str:
    school = next(school for school in load_schools(POLICY) if school.id == "vlinderboom")
    texts = Renderer().render_school(build_context(school, pdf=pdf), school.template_dirs)
    return next(page.markdown for page in texts.site_pages if page.slug == "downloads")


def test_without_pdfs_every_document_is_offered_as_a_labelled_word_file() -> None:
    links = LINK.findall(downloads_markdown(pdf=False))
    assert links == [("Word-bestand", kind.docx_name) for kind in DOCUMENT_KINDS]
    assert ".pdf" not in downloads_markdown(pdf=False)


def test_with_pdfs_the_pdf_comes_first_and_the_word_file_stays() -> None:
    links = LINK.findall(downloads_markdown(pdf=True))
    expected = [
        link
        for kind in DOCUMENT_KINDS
        for link in (("pdf-bestand", kind.pdf_name), ("Word-bestand", kind.docx_name))
    ]
    assert links == expected


def test_a_pdf_build_offers_the_pdfs_it_made(tmp_path: Path) -> None:
    require_program("soffice", "libreoffice")
    build_policy(BuildOptions(policy=POLICY, output_root=tmp_path, pdf=True, only=("vlinderboom",)))
    site = tmp_path / "site" / "vlinderboom"
    page = (site / "downloads.html").read_text(encoding="utf-8")
    for kind in DOCUMENT_KINDS:
        pdf = site / "downloads" / kind.pdf_name
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf
        assert f'href="downloads/{kind.pdf_name}">pdf-bestand</a>' in page
        assert f'href="downloads/{kind.docx_name}">Word-bestand</a>' in page


@pytest.mark.parametrize("pdf", [False, True])
def test_the_labels_name_the_file_kind(pdf: bool) -> None:
    for label, name in LINK.findall(downloads_markdown(pdf)):
        assert label == ("pdf-bestand" if name.endswith(".pdf") else "Word-bestand")
