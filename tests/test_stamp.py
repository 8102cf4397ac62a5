"""Every page says which version it is; a concept says CONCEPT on every page and lists its open points.

One real build of the example policy (Word files and websites) is inspected:
the .docx XML of every header and footer, and every built HTML page.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from schoolveiligheid.build import BuildOptions, build
from schoolveiligheid.documents import DOCUMENT_KINDS
from schoolveiligheid.writers.site import stamp

ROOT = Path(__file__).resolve().parents[1]
ADOPTED_STAMP = "Schooljaar 2026-2027 · versie 2.1 · vastgesteld 21 september 2026"
CONCEPT_STAMP = "Schooljaar 2026-2027 · versie 0.9 · concept, nog niet vastgesteld"
CONCEPT_MARK = "CONCEPT – nog niet vastgesteld"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("uitvoer")
    report = build(BuildOptions(policy=ROOT / "policy", output_root=out))
    assert sorted(report.built) == ["kompasroos", "vlinderboom", "zonnewijzer"]
    return out


def _docx(built: Path, school: str) -> list[Path]:
    files = sorted((built / "documenten" / school).glob("*.docx"))
    assert len(files) == 3
    return files


def _text(xml: bytes) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml.decode("utf-8")))


def _has_cover(path: Path) -> bool:
    """Whether the document kind has a cover page (the schoolgids text has none: it is pasted)."""
    return next(kind.cover for kind in DOCUMENT_KINDS if kind.docx_name == path.name)


def _footers_and_headers(path: Path) -> list[tuple[str, str, str]]:
    """(kind, type, text) of every header and footer each section of the document uses."""
    document = docx.Document(str(path))
    cover = _has_cover(path)
    used = []
    for section in document.sections:
        assert section.different_first_page_header_footer == cover, (
            "only a cover has its own header and footer"
        )
        parts = [("footer", "default", section.footer), ("header", "default", section.header)]
        if cover:
            parts += [
                ("footer", "first", section.first_page_footer),
                ("header", "first", section.first_page_header),
            ]
        for kind, which, part in parts:
            used.append((kind, which, "".join(paragraph.text for paragraph in part.paragraphs)))
    return used


@pytest.mark.parametrize(
    ("school", "expected"), [("vlinderboom", ADOPTED_STAMP), ("zonnewijzer", CONCEPT_STAMP)]
)
def test_every_word_page_is_stamped_in_its_footer(built: Path, school: str, expected: str) -> None:
    for path in _docx(built, school):
        footers = [text for kind, _, text in _footers_and_headers(path) if kind == "footer"]
        assert footers and all(expected in text for text in footers), (path.name, footers)
        with zipfile.ZipFile(path) as archive:
            parts = [name for name in archive.namelist() if re.fullmatch(r"word/footer\d+\.xml", name)]
            assert parts and all(expected in _text(archive.read(name)) for name in parts)


def test_a_concept_says_so_on_the_cover_and_in_the_header_of_every_page(built: Path) -> None:
    for path in _docx(built, "zonnewijzer"):
        with zipfile.ZipFile(path) as archive:
            body = _text(archive.read("word/document.xml"))
        if _has_cover(path):
            assert body.index(CONCEPT_MARK) < body.index("Openbare Jenaplanschool De Zonnewijzer"), (
                "cover first"
            )
        headers = [
            (kind, text)
            for kind, which, text in _footers_and_headers(path)
            if kind == "header" and which == "default"
        ]
        assert headers and all(CONCEPT_MARK in text for _, text in headers)


def test_an_adopted_document_carries_no_concept_mark(built: Path) -> None:
    for path in _docx(built, "vlinderboom"):
        with zipfile.ZipFile(path) as archive:
            text = "".join(
                _text(archive.read(name))
                for name in archive.namelist()
                if name.startswith("word/") and name.endswith(".xml")
            )
        assert "CONCEPT" not in text


def test_a_concept_lists_its_open_points(built: Path) -> None:
    for path in _docx(built, "zonnewijzer"):
        text = "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)
        assert "Openstaande punten" in text
        assert "De MR bespreekt het plan op 8 december 2026." in text
    page = (built / "site" / "zonnewijzer" / "sociaal-veiligheidsplan" / "open-punten.html").read_text(
        encoding="utf-8"
    )
    assert "De MR bespreekt het plan op 8 december 2026." in page


def _pages(built: Path, school: str) -> list[Path]:
    pages = sorted((built / "site" / school).rglob("*.html"))
    assert len(pages) >= 10
    return pages


def _copyright(page: Path) -> str:
    match = re.search(
        r'<div class="md-copyright__highlight">\s*(.*?)\s*</div>', page.read_text(encoding="utf-8"), re.S
    )
    assert match, f"{page} has no footer stamp"
    return match.group(1)


def test_every_concept_site_page_says_concept_and_carries_the_stamp(built: Path) -> None:
    for page in _pages(built, "zonnewijzer"):
        html = page.read_text(encoding="utf-8")
        assert "CONCEPT – Openbare Jenaplanschool De Zonnewijzer" in html, page
        assert _copyright(page) == "Schooljaar 2026-2027 · versie 0.9 · CONCEPT, nog niet vastgesteld"


def test_every_adopted_site_page_carries_the_stamp(built: Path) -> None:
    for page in _pages(built, "vlinderboom"):
        assert _copyright(page) == ADOPTED_STAMP
        assert "CONCEPT" not in page.read_text(encoding="utf-8")


def test_site_stamp_is_escaped_html() -> None:
    from dataclasses import replace

    from word_fixture import documents, meta

    from schoolveiligheid.documents import SiteBundle

    data = meta(version="1.0 <b>", status="concept", adopted_on="")
    bundle = SiteBundle("kiekendief", "De Kiekendief", "Stichting", data, (), tuple(documents(data)))
    assert stamp(bundle) == "Schooljaar 2026-2027 · versie 1.0 &lt;b&gt; · CONCEPT, nog niet vastgesteld"
    adopted = replace(bundle, meta=meta())
    assert stamp(adopted) == "Schooljaar 2026-2027 · versie 1.2 · vastgesteld 15 september 2026"
