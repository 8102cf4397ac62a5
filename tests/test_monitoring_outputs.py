"""The monitoring chart where people look: as PNG with `descr` in the plan's Word file, as SVG with alt
text and <title> on the website, and the numbers in a table next to it (issue 16)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import html

from schoolveiligheid.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example school below its goal (zonnewijzer), built once with Word files and website."""
    out = tmp_path_factory.mktemp("monitoring") / "uit"
    assert (
        main(["bouw", "--policy", str(ROOT / "policy"), "--school", "zonnewijzer", "--uitvoer", str(out)])
        == 0
    )
    return out


def test_the_word_plan_has_the_chart_as_png_with_its_text_alternative(built: Path) -> None:
    plan = built / "documenten" / "zonnewijzer" / "sociaal-veiligheidsplan.docx"
    with zipfile.ZipFile(plan) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        media = [name for name in docx.namelist() if name.startswith("word/media/")]
        pngs = [docx.read(name) for name in media if name.endswith(".png")]
    described = re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', body)
    assert any(
        text.startswith("Grafiek monitoring WMK") and "voelt zich veilig van 92% naar 87,9%" in text
        for text in described
    ), described
    assert any(png.startswith(b"\x89PNG") for png in pngs)
    # The numbers stand next to it, as a table in the same document.
    assert "87,9%" in re.sub(r"<[^>]+>", "", body)


def test_the_site_shows_the_chart_with_alt_text_and_the_table(built: Path) -> None:
    folder = built / "site" / "zonnewijzer" / "sociaal-veiligheidsplan"
    page = html.fromstring((folder / "monitoring.html").read_text(encoding="utf-8"))
    (image,) = page.xpath('//article//img[contains(@src, "grafieken/")]')
    assert image.get("src") == "grafieken/monitoring-wmk.svg"
    assert image.get("alt", "").startswith("Grafiek monitoring WMK")
    svg = (folder / "grafieken" / "monitoring-wmk.svg").read_text(encoding="utf-8")
    assert '<title id="monitoring-wmk-titel">' in svg
    assert f"<desc>{image.get('alt')}</desc>" in svg
    assert "<metadata" not in svg and not re.search(r'href="(?!#)', svg)  # nothing to fetch, no date
    cells = [" ".join(cell.text_content().split()) for cell in page.xpath("//article//td")]
    assert "87,9%" in cells and "16,7%" in cells
    text = " ".join(page.xpath("//article")[0].text_content().split())
    assert "In de bovenbouw komt er vanaf oktober extra toezicht op het plein" in text


def test_the_word_file_and_the_site_say_the_same_about_the_results(built: Path) -> None:
    page = html.fromstring(
        (built / "site" / "zonnewijzer" / "sociaal-veiligheidsplan" / "monitoring.html").read_text(
            encoding="utf-8"
        )
    )
    site_cells = {" ".join(cell.text_content().split()) for cell in page.xpath("//article//td")}
    with zipfile.ZipFile(built / "documenten" / "zonnewijzer" / "sociaal-veiligheidsplan.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    for figure in ("92%", "90,6%", "87,9%", "11,5%", "14,1%", "16,7%", "stamgroep 7 en 8"):
        assert figure in site_cells
        assert f">{figure}<" in body
