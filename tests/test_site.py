"""The site writer: real MkDocs builds of inline bundles, checked as files (no browser)."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_fixture import (
    AANSPREEKPUNT_TEL,
    BOARD,
    COORDINATOR_TEL,
    SITE_CASES,
    SiteCase,
    de_testhoeve_bundle,
    de_testhoeve_case,
    document_urls,
    tel_links,
)

from schoolveiligheid.build import BuildOptions
from schoolveiligheid.build import build as build_policy
from schoolveiligheid.documents import SitePage
from schoolveiligheid.errors import BuildFailed, InvalidInput
from schoolveiligheid.writers import site

ROOT = Path(__file__).resolve().parents[1]
BASE_CONFIG = ROOT / "mkdocs.yml"


def build(case: SiteCase, out_dir: Path) -> list[Path]:
    return site.write(case.bundles, out_dir, case.downloads, BASE_CONFIG)


def files_below(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def html_pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


@pytest.fixture(scope="module", params=sorted(SITE_CASES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteCase, Path]:
    folder = tmp_path_factory.mktemp(f"site-{request.param}")
    case = SITE_CASES[request.param](folder / "downloads")
    out_dir = folder / "site"
    build(case, out_dir)
    return case, out_dir


class Assets(HTMLParser):
    """Collects what a browser would fetch on its own: src/href of scripts, styles, images, frames."""

    FETCHING = {"script", "link", "img", "iframe", "source", "video", "audio", "embed", "object", "track"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.classes: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        self.classes.extend(values.get("class", "").split())
        if tag in self.FETCHING:
            for name in ("src", "href", "data", "poster"):
                if name in values:
                    self.urls.append(values[name])
            for candidate in values.get("srcset", "").split(","):
                if candidate.strip():
                    self.urls.append(candidate.split()[0])


def parse(page: Path) -> Assets:
    parser = Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_school_page_is_dutch(built: tuple[SiteCase, Path]) -> None:
    case, out_dir = built
    for bundle in case.bundles:
        pages = html_pages(out_dir / bundle.school_id)
        assert len(pages) >= 2
        for page in pages:
            assert parse(page).lang == "nl", page


def test_search_index_is_dutch_and_holds_every_page(built: tuple[SiteCase, Path]) -> None:
    case, out_dir = built
    for bundle in case.bundles:
        index = json.loads((out_dir / bundle.school_id / "search" / "search_index.json").read_text("utf-8"))
        assert index["config"]["lang"] == ["nl"]
        locations = {entry["location"].split("#")[0] for entry in index["docs"]}
        assert set(document_urls(bundle, "pestprotocol")) <= locations
        assert {"index.html", "contact.html"} <= locations


def test_a_site_holds_no_source_maps_and_only_the_dutch_search_scripts(built: tuple[SiteCase, Path]) -> None:
    """What no browser of a visitor loads is left out; the browser test searches with what is left."""
    case, out_dir = built
    for bundle in case.bundles:
        assets = out_dir / bundle.school_id / "assets"
        assert not list(assets.rglob("*.map"))
        assert list(assets.rglob("*.min.js")), "the theme's own scripts are there"
        assert sorted(
            path.relative_to(assets).as_posix() for path in (assets / "javascripts" / "lunr").rglob("*")
        ) == [
            "javascripts/lunr/min",
            "javascripts/lunr/min/lunr.nl.min.js",
            "javascripts/lunr/min/lunr.stemmer.support.min.js",
        ]


@pytest.mark.parametrize(
    ("languages", "extra"),
    [
        ((), set()),
        (("en",), set()),
        (("nl", "en"), {"min/lunr.nl.min.js", "min/lunr.multi.min.js"}),
        (("ja",), {"min/lunr.ja.min.js", "tinyseg.js"}),
        (("th",), {"min/lunr.th.min.js", "wordcut.js"}),
    ],
)
def test_the_search_keeps_the_scripts_its_worker_loads_per_language(
    languages: tuple[str, ...], extra: set[str]
) -> None:
    needed = {f"assets/javascripts/lunr/{name}" for name in {"min/lunr.stemmer.support.min.js", *extra}}
    assert site._search_scripts(languages) == needed


def test_the_installed_search_worker_loads_the_scripts_the_writer_keeps() -> None:
    """The rule in site._search_scripts is read from Material's search worker: still the same there?"""
    import material

    (worker,) = (Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers").glob(
        "search.*.min.js"
    )
    code = worker.read_text(encoding="utf-8")
    for loaded in (
        "/min/lunr.stemmer.support.min.js",
        "/min/lunr.${n}.min.js",
        "/min/lunr.multi.min.js",
        "/tinyseg.js",
        "/wordcut.js",
        'case"ja"',
        'case"th"',
        'n!=="en"',
        "t.lang.length>1",
    ):
        assert loaded in code, loaded


def test_nothing_is_fetched_from_another_host(built: tuple[SiteCase, Path]) -> None:
    """Only local files in src/href of fetching tags and in CSS url(); outbound <a> links are fine.

    The theme's JavaScript holds third-party URLs that it uses only when a site
    asks for them (a repository link queries GitHub, a mermaid diagram loads from
    unpkg); the markup that triggers them must be absent. The browser test
    watches the real requests.
    """
    _, out_dir = built
    external = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
    for page in html_pages(out_dir):
        parsed = parse(page)
        assert [url for url in parsed.urls if external.match(url)] == [], page
        assert not {"mermaid", "md-source"} & set(parsed.classes), page
    stylesheets = list(out_dir.rglob("*.css"))
    assert stylesheets
    for stylesheet in stylesheets:
        text = stylesheet.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        assert [url for url in urls if external.match(url.strip())] == [], stylesheet


def test_theme_scripts_hold_no_cdn_fallback(built: tuple[SiteCase, Path]) -> None:
    """Material's bundle would load a polyfill from unpkg on old Safari; the writer removes such addresses."""
    _, out_dir = built
    scripts = list(out_dir.rglob("assets/javascripts/*.js"))
    assert scripts
    for script in scripts:
        assert "unpkg.com" not in script.read_text(encoding="utf-8"), script


def test_start_and_contact_pages_link_phone_numbers(built: tuple[SiteCase, Path]) -> None:
    case, out_dir = built
    for bundle in case.bundles:
        for slug in ("index", "contact"):
            links = tel_links(bundle, slug)
            assert links, f"{slug}: geen tel:-link in de bundel"
            html = (out_dir / bundle.school_id / f"{slug}.html").read_text("utf-8")
            for link in links:
                assert f'href="{link}"' in html


def test_documents_become_pages_in_the_navigation(built: tuple[SiteCase, Path]) -> None:
    case, out_dir = built
    for bundle in case.bundles:
        school = out_dir / bundle.school_id
        start = (school / "index.html").read_text("utf-8")
        for document in bundle.documents:
            assert document.title in start  # section or page label in the navigation
            if len(document.chapters) == 1:
                assert (school / f"{document.file_stem}.html").is_file()
                continue
            for chapter in document.chapters:
                assert (school / document.file_stem / f"{chapter.slug}.html").is_file()
                assert chapter.title in start


def test_fixture_layout() -> None:
    """The fictional school has the shapes the other tests rely on."""
    bundle = de_testhoeve_bundle()
    assert AANSPREEKPUNT_TEL in tel_links(bundle, "index")
    assert COORDINATOR_TEL in tel_links(bundle, "contact")
    assert sorted(len(document.chapters) for document in bundle.documents) == [1, 3]
    assert "pesten" in " ".join(
        chapter.markdown
        for document in bundle.documents
        if document.kind == "pestprotocol"
        for chapter in document.chapters
    )


def test_downloads_are_copied_unchanged(built: tuple[SiteCase, Path]) -> None:
    case, out_dir = built
    for bundle in case.bundles:
        sources = case.downloads.get(bundle.school_id, [])
        assert {source.name for source in sources} >= set(bundle.downloads)
        for source in sources:
            copy = out_dir / bundle.school_id / "downloads" / source.name
            assert copy.read_bytes() == source.read_bytes()


def test_out_dir_holds_only_the_sites(built: tuple[SiteCase, Path]) -> None:
    """The docs tree and config are built elsewhere; no staging folders stay behind."""
    case, out_dir = built
    expected = {bundle.school_id for bundle in case.bundles}
    if len(case.bundles) > 1:
        expected.add("index.html")
    assert {path.name for path in out_dir.iterdir()} == expected
    assert not list(out_dir.rglob("*.md"))
    assert not list(out_dir.rglob("mkdocs.yml"))


def test_concept_site_says_so_on_every_page(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    build(case, tmp_path / "concept")
    pages = html_pages(tmp_path / "concept" / "de-testhoeve")
    for page in pages:
        assert re.search(r'class="md-header__topic".*?CONCEPT', page.read_text("utf-8"), re.DOTALL), page

    adopted = dataclasses.replace(case, bundles=(de_testhoeve_bundle("vastgesteld"),))
    build(adopted, tmp_path / "vastgesteld")
    for page in html_pages(tmp_path / "vastgesteld" / "de-testhoeve"):
        assert "CONCEPT" not in page.read_text("utf-8"), page


def test_building_twice_gives_the_same_files(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    out_dir = tmp_path / "site"
    build(case, out_dir)
    first = files_below(out_dir)
    build(case, out_dir)
    assert files_below(out_dir) == first


def test_build_prints_nothing(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    build(case, tmp_path / "site")
    with pytest.raises(BuildFailed):
        build(with_start_text(case, "Zie [kapot](bestaat-niet.md)."), tmp_path / "site")
    assert capfd.readouterr() == ("", "")


def with_start_text(case: SiteCase, extra: str) -> SiteCase:
    bundle = case.bundles[0]
    pages = tuple(
        SitePage(page.slug, page.title, page.markdown + "\n\n" + extra) if page.slug == "index" else page
        for page in bundle.pages
    )
    return dataclasses.replace(case, bundles=(dataclasses.replace(bundle, pages=pages),))


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        ("Zie [kapot](bestaat-niet.md).", "bestaat-niet.md"),
        ("Zie [kopje](contact.md#bestaat-niet).", "bestaat-niet"),
        ("Zie [bestand](downloads/bestaat-niet.pdf).", "bestaat-niet.pdf"),
    ],
)
def test_broken_link_fails_and_keeps_the_old_site(tmp_path: Path, extra: str, named: str) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    out_dir = tmp_path / "site"
    build(case, out_dir)
    before = files_below(out_dir)
    start = (out_dir / "de-testhoeve" / "index.html").read_bytes()

    with pytest.raises(BuildFailed) as failure:
        build(with_start_text(case, extra), out_dir)

    assert "kon niet worden gebouwd" in failure.value.message
    assert named in failure.value.message
    assert failure.value.hint
    assert files_below(out_dir) == before
    assert (out_dir / "de-testhoeve" / "index.html").read_bytes() == start


def test_missing_download_fails(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    short = dataclasses.replace(case, downloads={"de-testhoeve": case.downloads["de-testhoeve"][:1]})
    with pytest.raises(BuildFailed, match="anti-pestprotocol.docx"):
        build(short, tmp_path / "site")
    assert not (tmp_path / "site").exists(), "a failed build creates nothing"


def test_only_word_and_pdf_files_are_offered(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    private = tmp_path / "brieven" / "schorsing.yaml"
    private.parent.mkdir()
    private.write_text("leerling: X\n", encoding="utf-8")
    leaky = dataclasses.replace(case, downloads={"de-testhoeve": [*case.downloads["de-testhoeve"], private]})
    with pytest.raises(BuildFailed, match=r"\.docx- en \.pdf"):
        build(leaky, tmp_path / "site")


@pytest.mark.parametrize("slug", ["../buiten", "Contact", "assets", "index"])
def test_unsafe_or_clashing_page_names_are_refused(tmp_path: Path, slug: str) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    bundle = case.bundles[0]
    extra = dataclasses.replace(bundle, pages=(*bundle.pages, SitePage(slug, "Extra", "# Extra\n")))
    with pytest.raises(BuildFailed, match=re.escape(slug)):
        build(dataclasses.replace(case, bundles=(extra,)), tmp_path / "site")


def test_board_index_lists_every_school(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    second = dataclasses.replace(
        de_testhoeve_bundle("vastgesteld"),
        school_id="proeftuin",
        school_name="Kindcentrum <De> Proeftuin & Co",
    )
    downloads = {**case.downloads, "proeftuin": case.downloads["de-testhoeve"]}
    out_dir = tmp_path / "site"
    written = site.write([*case.bundles, second], out_dir, downloads, BASE_CONFIG)

    index = out_dir / "index.html"
    assert written == [out_dir / "de-testhoeve", out_dir / "proeftuin", index]
    html = index.read_text("utf-8")
    parsed = parse(index)
    assert parsed.lang == "nl"
    assert f"<title>{BOARD}" in html
    assert "Kindcentrum &lt;De&gt; Proeftuin &amp; Co" in html
    for school_id in ("de-testhoeve", "proeftuin"):
        assert f'href="{school_id}/index.html"' in html
        assert (out_dir / school_id / "index.html").is_file()
    assert html.count("CONCEPT") == 1  # only the school whose policy is a draft
    assert not [url for url in parsed.urls if "//" in url]

    # Built again for one school, the board page of the earlier run goes.
    site.write(case.bundles, out_dir, case.downloads, BASE_CONFIG)
    assert not index.exists()


OWN_CSS = "/* eigen huisstijl van de school */\n.md-header { background: #006400; }\n"
OWN_INDEX = """<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="generator" content="schoolveiligheid">
<title>Eigen overzicht van {{ board_name }}</title></head>
<body><ul>{% for school in schools %}<li><a href="{{ school.href }}">{{ school.name }}</a></li>{% endfor %}</ul></body>
</html>
"""


def test_a_schools_own_stylesheet_is_used_in_its_site(tmp_path: Path) -> None:
    own = tmp_path / "sjablonen" / "de-testhoeve"
    write_file(own / "site" / "schoolveiligheid.css", OWN_CSS)
    case = de_testhoeve_case(tmp_path / "downloads")
    bundle = dataclasses.replace(case.bundles[0], template_dirs=(own,))
    other = dataclasses.replace(de_testhoeve_bundle("vastgesteld"), school_id="proeftuin")
    downloads = {**case.downloads, "proeftuin": case.downloads["de-testhoeve"]}
    out_dir = tmp_path / "site"
    site.write([bundle, other], out_dir, downloads, BASE_CONFIG)

    assert (out_dir / "de-testhoeve" / "schoolveiligheid.css").read_text("utf-8") == OWN_CSS
    assert 'href="schoolveiligheid.css"' in (out_dir / "de-testhoeve" / "index.html").read_text("utf-8")
    default = (ROOT / "templates" / "site" / "schoolveiligheid.css").read_text("utf-8")
    assert (out_dir / "proeftuin" / "schoolveiligheid.css").read_text("utf-8") == default


def test_a_boards_own_index_template_is_used(tmp_path: Path) -> None:
    board = tmp_path / "sjablonen" / "bestuur"
    write_file(board / "site" / "bestuur-index.html.j2", OWN_INDEX)
    case = de_testhoeve_case(tmp_path / "downloads")
    second = dataclasses.replace(
        de_testhoeve_bundle("vastgesteld"), school_id="proeftuin", school_name="<Proeftuin>"
    )
    downloads = {**case.downloads, "proeftuin": case.downloads["de-testhoeve"]}
    out_dir = tmp_path / "site"
    site.write([*case.bundles, second], out_dir, downloads, BASE_CONFIG, board_templates=[board])

    html = (out_dir / "index.html").read_text("utf-8")
    assert f"<title>Eigen overzicht van {BOARD}</title>" in html
    assert '<a href="proeftuin/index.html">&lt;Proeftuin&gt;</a>' in html, "escaped like the default"
    # Built again for one school, the board's own index goes like the default one.
    site.write(case.bundles, out_dir, case.downloads, BASE_CONFIG, board_templates=[board])
    assert not (out_dir / "index.html").exists()


def test_an_own_site_template_may_not_lead_out_of_its_folder(tmp_path: Path) -> None:
    outside = tmp_path / "elders"
    write_file(outside / "geheim.css", "/* niet van de school */\n")
    write_file(outside / "index.html.j2", "{{ board_name }}\n")
    own = tmp_path / "sjablonen" / "de-testhoeve"
    (own / "site").mkdir(parents=True)
    (own / "site" / "schoolveiligheid.css").symlink_to(outside / "geheim.css")
    (own / "site" / "bestuur-index.html.j2").symlink_to(outside / "index.html.j2")
    case = de_testhoeve_case(tmp_path / "downloads")
    bundle = dataclasses.replace(case.bundles[0], template_dirs=(own,))
    with pytest.raises(InvalidInput, match="buiten de sjablonenmap"):
        site.write([bundle], tmp_path / "site", case.downloads, BASE_CONFIG)
    second = dataclasses.replace(de_testhoeve_bundle("vastgesteld"), school_id="proeftuin")
    downloads = {**case.downloads, "proeftuin": case.downloads["de-testhoeve"]}
    with pytest.raises(BuildFailed, match="buiten de map"):
        site.write([*case.bundles, second], tmp_path / "site", downloads, BASE_CONFIG, board_templates=[own])
    assert not (tmp_path / "site").exists(), "nothing is written"


def test_a_build_uses_the_schools_stylesheet_and_the_boards_index(tmp_path: Path) -> None:
    """The build hands the site writer each school's own folders and the board's folder."""
    policy = tmp_path / "beleid"
    shutil.copytree(ROOT / "policy", policy)
    for name, folder in (
        ("vlinderboom.yaml", "sjablonen/vlinderboom"),
        ("bestuur.yaml", "sjablonen/bestuur"),
    ):
        path = policy / name
        path.write_text(path.read_text("utf-8") + f"sjablonen: {folder}\n", encoding="utf-8")
    write_file(policy / "sjablonen" / "vlinderboom" / "site" / "schoolveiligheid.css", OWN_CSS)
    write_file(policy / "sjablonen" / "bestuur" / "site" / "bestuur-index.html.j2", OWN_INDEX)
    report = build_policy(BuildOptions(policy=policy, output_root=tmp_path / "uit"))

    sites = tmp_path / "uit" / "site"
    assert report.ok and len(report.built) == 3
    assert (sites / "vlinderboom" / "schoolveiligheid.css").read_text("utf-8") == OWN_CSS
    default = (ROOT / "templates" / "site" / "schoolveiligheid.css").read_text("utf-8")
    assert (sites / "zonnewijzer" / "schoolveiligheid.css").read_text("utf-8") == default
    assert "<title>Eigen overzicht van " in (sites / "index.html").read_text("utf-8")


def write_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_duplicate_school_ids_are_refused(tmp_path: Path) -> None:
    case = de_testhoeve_case(tmp_path / "downloads")
    with pytest.raises(BuildFailed, match="twee keer"):
        site.write([*case.bundles, *case.bundles], tmp_path / "site", case.downloads, BASE_CONFIG)


def test_school_config_keeps_visitors_private(tmp_path: Path) -> None:
    """The base config as a school site sees it, through INHERIT."""
    from mkdocs.config import load_config

    case = de_testhoeve_case(tmp_path / "downloads")
    bundle = case.bundles[0]
    path = site.write_sources(bundle, tmp_path / "bron", case.downloads[bundle.school_id], BASE_CONFIG)
    config = load_config(config_file=str(path), strict=True)
    assert config.site_name == "CONCEPT – Basisschool De Testhoeve"
    assert config.theme["language"] == "nl"
    assert config.theme["font"] is False
    assert config.use_directory_urls is False
    assert list(config.plugins) == ["material/search"]
    assert config.plugins["material/search"].config.lang == ["nl"]
    # MkDocs always adds fenced_code; the rest is ours.
    assert config.markdown_extensions == ["toc", "tables", "fenced_code", "sane_lists", "admonition"]
    assert config.mdx_configs["toc"] == {"permalink": False}
    assert config.repo_url is None
    assert config.extra.get("analytics") is None
    assert config.extra.get("generator") is False
    assert config.extra_javascript == []


def test_search_dialog_has_a_name(built: tuple[SiteCase, Path]) -> None:
    case, out_dir = built
    html = (out_dir / case.bundles[0].school_id / "index.html").read_text("utf-8")
    assert 'data-md-component="search" role="dialog" aria-label="Zoeken"' in html


def test_written_sources_build_without_the_writer(tmp_path: Path) -> None:
    """The exported tree is a plain MkDocs project (the Zensical route uses the same tree)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    case = de_testhoeve_case(tmp_path / "downloads")
    bundle = case.bundles[0]
    config = site.write_sources(
        bundle, tmp_path / "bron", case.downloads[bundle.school_id], BASE_CONFIG, mkdocs_theme_fix=False
    )
    mkdocs_build(load_config(config_file=str(config), strict=True))
    html = (tmp_path / "bron" / "site" / "contact.html").read_text("utf-8")
    assert 'data-md-component="search" role="dialog">' in html  # Material's own template
