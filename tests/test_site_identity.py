"""The school's identity on its website: its logo in the header, its colours (huisstijl) with enough
contrast, and the board index with each school's logo and name. Files only, no browser."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError
from site_fixture import de_testhoeve_bundle, de_testhoeve_case

from schoolveiligheid.colours import contrast, normalised
from schoolveiligheid.model.parts import HouseStyle
from schoolveiligheid.writers import site

ROOT = Path(__file__).resolve().parents[1]
BASE_CONFIG = ROOT / "mkdocs.yml"
LOGO = ROOT / "policy" / "logo" / "vlinderboom.png"


def test_contrast_follows_wcag() -> None:
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes AA
    assert normalised("#1F5") == "#11ff55"


def test_a_colour_is_read_and_normalised() -> None:
    style = HouseStyle.model_validate({"kleur": "#2E7D6E", "accentkleur": "#a14"})
    assert (style.colour, style.accent) == ("#2e7d6e", "#aa1144")
    assert HouseStyle.model_validate({"kleur": "#2e7d6e"}).accent is None


@pytest.mark.parametrize(
    ("data", "message", "hint"),
    [
        ({"kleur": "groen"}, "'groen' is geen kleur", "#RRGGBB"),
        ({"kleur": 123}, "'123' is geen kleur", "aanhalingstekens"),
        ({"kleur": None}, "kleur is leeg", "commentaar"),
        ({"kleur": "#2e7d6e", "accentkleur": None}, "accentkleur is leeg", "aanhalingstekens"),
        ({"kleur": "#f2a93b"}, "te weinig contrast met wit: 1,99 : 1, minstens 4,5 : 1", "donkerdere tint"),
        (
            {"kleur": "#2e7d6e", "accentkleur": "#777"},
            "#777777 heeft te weinig contrast met wit: 4,47 : 1",
            "WCAG",
        ),
    ],
)
def test_a_wrong_colour_is_a_dutch_error_with_a_hint(
    data: dict[str, object], message: str, hint: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        HouseStyle.model_validate(data)
    error = raised.value.errors()[0]
    assert message in error["msg"]
    assert hint in error["ctx"]["hint"]


def branded(
    colour: str | None = "#2e7d6e", accent: str | None = None, logo: Path | None = LOGO
) -> site.SiteBundle:
    bundle = de_testhoeve_bundle("vastgesteld")
    meta = dataclasses.replace(bundle.meta, logo=logo, colour=colour, accent_colour=accent)
    return dataclasses.replace(bundle, meta=meta)


def test_sources_carry_the_logo_and_the_colours(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    bundle = branded(accent="#a14a0b")
    config_file = site.write_sources(bundle, tmp_path / "bron", case.downloads[bundle.school_id], BASE_CONFIG)
    config = json.loads(config_file.read_text(encoding="utf-8"))
    assert config["theme"]["logo"] == "schoollogo.png"
    docs = tmp_path / "bron" / "docs"
    assert (docs / "schoollogo.png").read_bytes() == LOGO.read_bytes()
    colours = config["extra"]["huisstijl"]
    assert (colours["primary"], colours["accent"]) == ("#2e7d6e", "#a14a0b")
    # The lighter tint is still dark enough for white text (the header in Material's light variant).
    assert contrast(colours["primary_light"], "#fff") >= 3
    assert contrast(colours["primary_dark"], "#fff") > contrast("#2e7d6e", "#fff")


def test_a_colour_that_is_no_hex_colour_never_reaches_the_page() -> None:
    assert site.house_style(branded(colour="red;}</style><script>").meta) == {}
    assert site.house_style(branded(colour=None).meta) == {}


def test_without_house_style_the_theme_keeps_its_colours(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    bundle = branded(colour=None, logo=None)
    config_file = site.write_sources(bundle, tmp_path / "bron", case.downloads[bundle.school_id], BASE_CONFIG)
    config = json.loads(config_file.read_text(encoding="utf-8"))
    assert "logo" not in config["theme"]
    assert "huisstijl" not in config.get("extra", {})
    assert not list((tmp_path / "bron" / "docs").glob("schoollogo.*"))


def test_the_header_shows_the_logo_without_english_alt_text(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    out_dir = tmp_path / "site"
    site.write((branded(),), out_dir, case.downloads, BASE_CONFIG)
    page = (out_dir / "de-testhoeve" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'class="md-header__button md-logo"[^>]*aria-label="[^"]+"[^>]*>\s*<img src="schoollogo.png" alt="">',
        page,
    )
    assert 'alt="logo"' not in page
    assert "--md-primary-fg-color: #2e7d6e;" in page and "--md-accent-fg-color: #2e7d6e;" in page
    # After the theme's stylesheet, so the variables win over its defaults; before the school's
    # own schoolveiligheid.css, which may still change anything.
    colours = page.index("--md-primary-fg-color: #2e7d6e")
    assert page.index("assets/stylesheets/main.") < colours < page.index("schoolveiligheid.css")


def test_the_board_index_shows_each_school_with_its_logo(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    with_logo = branded()
    without = dataclasses.replace(
        branded(colour=None, logo=None), school_id="proeftuin", school_name="Kindcentrum De Proeftuin"
    )
    downloads = {**case.downloads, "proeftuin": case.downloads["de-testhoeve"]}
    out_dir = tmp_path / "site"
    site.write((with_logo, without), out_dir, downloads, BASE_CONFIG)
    index = (out_dir / "index.html").read_text(encoding="utf-8")
    assert '<img src="de-testhoeve/schoollogo.png" alt="">' in index
    assert (out_dir / "de-testhoeve" / "schoollogo.png").is_file()
    assert index.count("<img") == 1
    assert "Kindcentrum De Proeftuin" in index and with_logo.school_name in index

    # Built again for the other school only: the index still shows the logo the first site has.
    site.write(
        (without,),
        out_dir,
        downloads,
        BASE_CONFIG,
        board_schools=[
            site.SchoolLink("de-testhoeve", with_logo.school_name, False),
            site.SchoolLink("proeftuin", without.school_name, False),
        ],
    )
    assert '<img src="de-testhoeve/schoollogo.png" alt="">' in (out_dir / "index.html").read_text(
        encoding="utf-8"
    )
