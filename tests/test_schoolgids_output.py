"""The schoolgids text is a paragraph to paste into the school's own schoolgids: its Word file has no
cover page and starts with its heading, and it does not list itself among the documents to read."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from schoolveiligheid.build import master_for
from schoolveiligheid.context import build_context
from schoolveiligheid.documents import DOCUMENT_KINDS, RenderedDocument
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers.word import WordWriter

POLICY = Path(__file__).resolve().parents[1] / "policy"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def vlinderboom(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[RenderedDocument, Path]]:
    school = next(school for school in load_schools(POLICY) if school.id == "vlinderboom")
    texts = Renderer().render_school(build_context(school), school.template_dirs)
    files = WordWriter().write(texts.documents, tmp_path_factory.mktemp("gids"), master_for(school))
    return {document.kind: (document, path) for document, path in zip(texts.documents, files, strict=True)}


def body_paragraphs(path: Path) -> list[docx.text.paragraph.Paragraph]:
    return list(docx.Document(io.BytesIO(path.read_bytes())).paragraphs)


def test_only_the_schoolgids_goes_without_cover() -> None:
    assert {kind.kind for kind in DOCUMENT_KINDS if not kind.cover} == {"schoolgids"}


def test_the_schoolgids_word_file_starts_with_its_heading(
    vlinderboom: dict[str, tuple[RenderedDocument, Path]],
) -> None:
    document, path = vlinderboom["schoolgids"]
    paragraphs = [p for p in body_paragraphs(path) if p.text.strip()]
    first = paragraphs[0]
    assert first.text == document.chapters[0].title == "Sociale veiligheid"
    assert first.style is not None and first.style.name == "Heading 1"
    assert first._p.find(f"{W}pPr/{W}pageBreakBefore") is None, "no empty first page"
    texts = [p.text for p in paragraphs]
    assert document.meta.school_name not in texts, "no cover line with the school's name"
    assert document.title not in texts, "no cover title"
    assert not any(text.startswith(("Versie ", "Vastgesteld:")) for text in texts)
    section = docx.Document(io.BytesIO(path.read_bytes())).sections[0]
    assert not section.different_first_page_header_footer, "page 1 has the header of every page"


def test_the_plan_keeps_its_cover(vlinderboom: dict[str, tuple[RenderedDocument, Path]]) -> None:
    document, path = vlinderboom["veiligheidsplan"]
    texts = [p.text for p in body_paragraphs(path) if p.text.strip()]
    assert document.title in texts[:4] and document.meta.school_name in texts[:4]


def test_the_schoolgids_does_not_list_itself_under_more_reading(
    vlinderboom: dict[str, tuple[RenderedDocument, Path]],
) -> None:
    document, _ = vlinderboom["schoolgids"]
    more = document.markdown.split("## Meer lezen", 1)[1]
    listed = [line.removeprefix("- ").strip() for line in more.splitlines() if line.startswith("- ")]
    titles = {kind.kind: kind.title for kind in DOCUMENT_KINDS}
    assert listed == [titles["veiligheidsplan"], titles["pestprotocol"]]
