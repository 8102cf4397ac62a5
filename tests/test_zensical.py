"""Future-proof: the same Markdown tree and mkdocs.yml also build with Zensical, Material's successor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import zensical_site

from schoolveiligheid.cli import main


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`bouw --bronnen` for the example: each school's docs tree and mkdocs.yml."""
    root = tmp_path_factory.mktemp("zensical")
    assert main(["bouw", "--uitvoer", str(root / "uit"), "--bronnen", str(root / "bron")]) == 0
    return root / "bron"


@pytest.mark.parametrize("school", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_each_school_builds_with_zensical_in_strict_mode(sources: Path, school: str) -> None:
    site = zensical_site(sources, school)
    start = (site / "index.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in start
    assert "tel:" in start
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fetched = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="((?:https?:)?//[^"]+)"', html)
        assert fetched == [], f"{page.name} haalt iets van een andere server: {fetched}"
