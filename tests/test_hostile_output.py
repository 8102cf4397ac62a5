"""Hostile input reaches every output as inert text: no markup, no script, no live link, no broken file.

A school file may come from anyone at a school. Whatever it says, the website
shows it exactly as typed (header, navigation, <title>, search, board index,
404 page; built with MkDocs and with Zensical), a link in free text leads only
to https:, http:, mailto: or tel:, and the Word files keep '<', '&' and quotes
as typed in their text and properties. The browser test at the end loads the
hostile site in real Chromium and checks that no script ran.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from letters_support import docx_text, example, write_case
from lxml import etree
from lxml import html as lxml_html
from policies import SCHOOL, line_of, policy_tree
from site_fixture import de_testhoeve_bundle, make_docx
from support import require_program, zensical_site
from test_site_browser import CHROMIUM_ARGS, PHONE, Server
from word_fixture import documents, meta

from schoolveiligheid.brief import write_letter
from schoolveiligheid.cli import main
from schoolveiligheid.context import build_context
from schoolveiligheid.context.views import Contact
from schoolveiligheid.documents import Chapter, SiteBundle, SitePage
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools
from schoolveiligheid.model.values import link_allowed
from schoolveiligheid.render import Renderer, TemplateValueError, escape_markdown, unsafe_markup
from schoolveiligheid.writers import site
from schoolveiligheid.writers.markup import plain_text, to_html
from schoolveiligheid.writers.word import PROPERTY_MAX, WordWriter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_POLICY = ROOT / "policy"
MASTER = ROOT / "templates" / "word" / "master.docx"

# What the hostile policy says. Every script, if it ever ran, would call alert() with its label.
SCHOOL_NAME = "OBS <img src=x onerror=alert('schoolnaam')> & \"De Vlinderboom\""
SHORT_NAME = "De Kleine & Grote <School>"
TITLE_SCHOOL = "Jenaplanschool </title><script>alert('titel')</script> Zonnewijzer"
TITLE_SHORT = "De Zonnewijzer </title><script>alert('korte naam')</script>"
BOARD_NAME = "Stichting <svg onload=alert('bestuur')> & \"Lindewaarde\""
PERSON = "Sanne <img src=x onerror=alert('persoon')> Pijnacker"
ORGANISATION = "Welzijn & Jeugd <iframe srcdoc=\"<script>alert('org')</script>\">"
VISION = (
    "Lees <script>alert('visie')</script> en <javascript:alert('autolink')>"
    " of jav&#x61;script:alert('entiteit'), en [onze uitleg](https://www.devlinderboom.example/uitleg)."
)
VISION_SHOWN = (
    "Lees <script>alert('visie')</script> en <javascript:alert('autolink')>"
    " of jav&#x61;script:alert('entiteit'), en onze uitleg."
)


def yaml_quoted(text: str) -> str:
    """A YAML single-quoted scalar, trailing spaces and all."""
    return "'" + text.replace("'", "''") + "'"


def hostile_policy(folder: Path) -> Path:
    """The example policy with hostile names and texts; every school a concept, so nothing is refused."""
    policy = folder / "policy"
    shutil.copytree(EXAMPLE_POLICY, policy)
    edits = {
        "vlinderboom.yaml": [
            ("  naam: OBS De Vlinderboom", f"  naam: {yaml_quoted(SCHOOL_NAME + '   ')}"),
            ("  korte_naam: De Vlinderboom", f"  korte_naam: {yaml_quoted(SHORT_NAME)}"),
            ("    naam: Sanne Pijnacker", f"    naam: {yaml_quoted(PERSON)}"),
            ("    naam: Welzijn & Jeugd Lindewaarde", f"    naam: {yaml_quoted(ORGANISATION)}"),
            (
                "    en horen graag wat zij thuis merken.\n",
                f"    en horen graag wat zij thuis merken.\n\n    {VISION}\n",
            ),
        ],
        "zonnewijzer.yaml": [
            ("  korte_naam: De Zonnewijzer", f"  korte_naam: {yaml_quoted(TITLE_SHORT)}"),
            ("  naam: Openbare Jenaplanschool De Zonnewijzer", f"  naam: {yaml_quoted(TITLE_SCHOOL)}"),
        ],
        "bestuur.yaml": [
            ("  naam: Stichting Openbaar Onderwijs Lindewaarde", f"  naam: {yaml_quoted(BOARD_NAME)}")
        ],
        "kompasroos.yaml": [],
    }
    for name, changes in edits.items():
        path = policy / name
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, f"{old!r} staat niet (meer) in {name}"
            text = text.replace(old, new, 1)
        path.write_text(text.replace("  status: vastgesteld", "  status: concept"), encoding="utf-8")
    return policy


@dataclass(frozen=True)
class HostileBuild:
    policy: Path
    site: Path  # <uitvoer>/site
    documents: Path  # <uitvoer>/documenten
    sources: Path  # --bronnen


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileBuild:
    folder = tmp_path_factory.mktemp("vijandig")
    policy = hostile_policy(folder)
    out, sources = folder / "uit", folder / "bronnen"
    assert main(["bouw", "--policy", str(policy), "--uitvoer", str(out), "--bronnen", str(sources)]) == 0
    return HostileBuild(policy, out / "site", out / "documenten", sources)


# --- What a page may contain ------------------------------------------------------------------------

BAD_SCHEMES = re.compile(r"\s*(?:javascript|data|vbscript|file):", re.IGNORECASE)


def live_markup(page: str) -> list[str]:
    """Elements or attributes in an HTML page that a hostile text could have made live."""
    tree = lxml_html.document_fromstring(page)
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in {"iframe", "object", "embed", "frame"} or element.get("src") == "x":
            found.append(f"<{element.tag}>")
        if element.tag == "script" and "alert(" in (element.text or ""):
            found.append(f"<script>{element.text}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag in {"a", "area"} and BAD_SCHEMES.match(element.get("href", "")):
            found.append(f"<{element.tag} href={element.get('href')!r}>")
    return found


def visible(page: str, selector: str) -> list[str]:
    """The text of every element matching a CSS-like XPath, with whitespace collapsed."""
    tree = lxml_html.document_fromstring(page)
    return [" ".join(element.text_content().split()) for element in tree.xpath(selector)]


# --- Markdown: every user value is plain text --------------------------------------------------------

HOSTILE_LINES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "[uitleg](javascript:alert(1))",
    "![plaatje](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<https://example.org>",
    "[a][1] [1]: javascript:alert(1)",
    "jav&#x61;script:alert(1) &lt;b&gt; &amp;",
    "*nadruk* __vet__ `code` | a | b |",
    "# geen kop",
    "1. geen lijst",
    "- geen opsomming",
    "===",
    "> geen citaat",
    '!!! danger "geen kader"',
    "{{ 7*7 }} {% raw %}",
    "De Kleine & Grote <School>",
    "School # 3 #",
]


@pytest.mark.parametrize("text", HOSTILE_LINES)
def test_escaped_user_text_becomes_one_paragraph_of_exactly_that_text(text: str) -> None:
    html = to_html(escape_markdown(text))
    assert re.findall(r"<(/?[a-z0-9]+)", html) == ["p", "/p"], html
    assert plain_text(escape_markdown(text)) == text
    heading = to_html(f"# {escape_markdown(text)}")  # a heading reads inline Markdown and drops a closing "#"
    assert re.findall(r"<(/?[a-z0-9]+)", heading) == ["h1", "/h1"], heading
    assert plain_text(f"# {escape_markdown(text)}") == text


def test_link_filter_encodes_the_target_and_refuses_other_schemes() -> None:
    link = Renderer().environment(()).filters["link"]
    markdown = link(Contact('a "b" <c>', 'https://www.school.example/a b(c)<d>"e'))
    html = to_html(markdown)
    assert 'href="https://www.school.example/a%20b%28c%29%3Cd%3E%22e"' in html
    assert plain_text(markdown) == 'a "b" <c>'
    assert unsafe_markup(markdown) is None
    for target in (
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        " vbscript:x",
        "//elders.example",
    ):
        with pytest.raises(TemplateValueError, match="alleen https:, http:, mailto: en tel:"):
            link(Contact("klik", target))


@pytest.mark.parametrize(
    ("href", "in_text", "in_site"),
    [
        ("https://www.school.example/pesten", True, True),
        ("http://www.school.example", True, True),
        ("mailto:info@school.example", True, True),
        ("tel:+31201234567", True, True),
        ("MAILTO:info@school.example", True, True),
        ("contact.md#klachten", False, True),
        ("../downloads/plan.docx", False, True),
        ("javascript:alert(1)", False, False),
        ("  JaVaScRiPt:alert(1)", False, False),
        ("java\nscript:alert(1)", False, False),
        ("java\tscript:alert(1)", False, False),
        ("\x01javascript:alert(1)", False, False),
        ("jav&#x61;script:alert(1)", False, False),
        ("&#106;avascript:alert(1)", False, False),
        ("data:text/html;base64,PHNjcmlwdD4=", False, False),
        ("vbscript:msgbox(1)", False, False),
        ("file:///etc/passwd", False, False),
        ("//elders.example/pagina", False, False),
        ("\\\\elders.example\\pagina", False, False),
        ("https:elders", False, False),
        ("http://", False, False),
    ],
)
def test_link_targets_are_read_as_a_browser_reads_them(href: str, in_text: bool, in_site: bool) -> None:
    assert link_allowed(href) is in_text
    assert link_allowed(href, relative=True) is in_site


@pytest.mark.parametrize(
    ("markdown", "unsafe"),
    [
        ("# Kop\n\nTekst met [contact](contact.md), **vet** en een [site](https://x.example).", None),
        ('!!! warning "Let op"\n    Bel [112](tel:112).\n\n| a | b |\n|:--|--:|\n| 1 | 2 |', None),
        ("# Kop\n\n<script>alert(1)</script>", "<script>"),
        ("Tekst <img src=x onerror=alert(1)> meer", "<img src=x onerror=alert(1)>"),
        ("Tekst <b onmouseover=alert(1)>vet</b>", "<b onmouseover=alert(1)>"),
        ('<p onclick="alert(1)">a</p>', '<p onclick="alert(1)">'),
        ("[a](javascript:alert(1))", '<a href="javascript:alert(1)">'),
        ("[a][1]\n\n[1]: data:text/html,x", '<a href="data:text/html,x">'),
        ("<!-- verborgen -->", "<!-- verborgen -->"),
        ('<div style="background:url(javascript:x)">a</div>', '<div style="background:url(javascript:x)">'),
    ],
)
def test_published_markdown_may_hold_only_our_own_elements(markdown: str, unsafe: str | None) -> None:
    found = unsafe_markup(markdown)
    if unsafe is None:
        assert found is None
    else:
        assert found is not None and found.startswith(unsafe), found


def test_a_school_template_with_raw_html_is_refused_with_its_file(tmp_path: Path) -> None:
    own = tmp_path / "policy" / "sjablonen" / "testschool" / "schoolgids" / "01-sociale-veiligheid.md.j2"
    own.parent.mkdir(parents=True)
    own.write_text(
        "# Sociale veiligheid\n\nWelkom op {{ school.name }}.<script>alert(1)</script>\n", encoding="utf-8"
    )
    folder = policy_tree(tmp_path, school="sjablonen: sjablonen/testschool\n" + SCHOOL)
    (school,) = load_schools(folder)
    with pytest.raises(InvalidInput) as caught:
        Renderer().render_school(build_context(school), school.template_dirs)
    (problem,) = caught.value.problems
    assert Path(problem.file).resolve() == own.resolve()
    assert problem.message == "dit sjabloon maakt HTML die niet op de website mag: <script>"
    assert "gewone Markdown zonder HTML" in problem.hint


# --- Links in free text: only https:, http:, mailto:, tel: -----------------------------------------


@dataclass(frozen=True)
class LinkCase:
    name: str
    vision: str  # YAML for identiteit.visie, on the lines after 'visie:'
    target: str  # the target as the message shows it


LINK_CASES = [
    LinkCase("javascript", "Lees [uitleg](javascript:alert(1)).", "javascript:alert(1)"),
    LinkCase("hoofdletters", "Lees [uitleg](JavaScript:alert(1)).", "JavaScript:alert(1)"),
    LinkCase("data", "Zie [dit](data:text/html;base64,PHNjcmlwdD4=).", "data:text/html;base64,PHNjcmlwdD4="),
    LinkCase("vbscript", "Zie [dit](vbscript:msgbox(1)).", "vbscript:msgbox(1)"),
    LinkCase("bestand", "Zie [dit](file:///etc/passwd).", "file:///etc/passwd"),
    LinkCase("verwijzing", "|\n    Lees [uitleg][1].\n\n    [1]: javascript:alert(1)", "javascript:alert(1)"),
    LinkCase("entiteit", '"Lees [uitleg](jav&#x61;script:alert(1))."', "jav&#x61;script:alert(1)"),
    LinkCase("regelovergang", "|\n    Lees [uitleg](java\n    script:alert(1)).", "java\nscript:alert(1)"),
    LinkCase("tab", '"Lees [uitleg](java\\tscript:alert(1))."', "java  script:alert(1)"),
    LinkCase("pagina", "Lees [contact](contact.md).", "contact.md"),
    LinkCase("andere site zonder schema", "Lees [dit](//elders.example/x).", "//elders.example/x"),
]


@pytest.mark.parametrize("case", LINK_CASES, ids=[case.name for case in LINK_CASES])
def test_link_in_free_text_is_a_dutch_input_error(case: LinkCase, tmp_path: Path) -> None:
    school = SCHOOL.replace("pestaanpak:", f"identiteit:\n  visie: {case.vision}\npestaanpak:", 1)
    with pytest.raises(InvalidInput) as caught:
        load_schools(policy_tree(tmp_path, school=school))
    (problem,) = caught.value.problems
    assert Path(problem.file).name == "school.yaml"
    assert problem.line == line_of(school, "visie:")
    assert problem.key == "identiteit.visie"
    assert problem.message == (
        f'deze tekst bevat een link naar "{case.target}", en zo\'n link kan niet in de documenten of op de website'
    )
    assert "https://" in problem.hint and "mailto:" in problem.hint and "tel:" in problem.hint


def test_cli_refuses_a_javascript_link_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    school = SCHOOL.replace(
        "pestaanpak:", "identiteit:\n  visie: Zie [dit](javascript:alert(1)).\npestaanpak:", 1
    )
    folder = policy_tree(tmp_path, school=school)
    out = tmp_path / "uit"
    assert main(["bouw", "--policy", str(folder), "--uitvoer", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"school.yaml:{line_of(school, 'visie:')}: identiteit.visie: deze tekst bevat een link naar" in err
    assert "\n  tip: een link gaat naar een volledig webadres (https://…)" in err
    assert not (out / "site").exists()


def test_allowed_links_and_inert_markup_in_free_text_are_published_as_typed(tmp_path: Path) -> None:
    vision = (
        "|\n    Bel [ons](tel:+31201234567), mail [ons](mailto:info@testhoeve.example) of lees"
        " [meer](https://www.testhoeve.example/pesten).\n\n    <img src=x onerror=alert(1)> <javascript:alert(1)>"
        " [a]\\(javascript:alert(1)) jav&#x61;script:x"
    )
    school = SCHOOL.replace("pestaanpak:", f"identiteit:\n  visie: {vision}\npestaanpak:", 1)
    (model,) = load_schools(policy_tree(tmp_path, school=school))
    rendered = Renderer().render_school(build_context(model), model.template_dirs)
    markdown = next(c.markdown for d in rendered.documents for c in d.chapters if "Bel [ons]" in c.markdown)
    html = to_html(markdown)
    assert unsafe_markup(markdown) is None
    assert re.findall(r'href="([^"]+)"', re.findall(r"<p>Bel .*?</p>", html, re.DOTALL)[0]) == [
        "tel:+31201234567",
        "mailto:info@testhoeve.example",
        "https://www.testhoeve.example/pesten",
    ]
    assert "<img" not in html
    assert (
        "&lt;img src=x onerror=alert(1)&gt; &lt;javascript:alert(1)&gt; [a](javascript:alert(1)) jav&amp;#x61;script:x"
        in html
    )


# --- The website: names and titles exactly as typed, never markup --------------------------------

TRICKY_TITLE = "1. Afspraken & \"regels\" <groep *7*> </title><script>alert('kop')</script> #"


def hostile_bundle(status: str) -> SiteBundle:
    """The fictional site with a hostile school, board and chapter title."""
    bundle = de_testhoeve_bundle(status)
    info = dataclasses.replace(bundle.meta, school_name=SCHOOL_NAME, board_name=BOARD_NAME, version="1.0 <b>")
    plan = bundle.documents[0]
    chapters = (
        plan.chapters[0],
        Chapter("afspraken", escape_markdown(TRICKY_TITLE), f"# {escape_markdown(TRICKY_TITLE)}\n\nTekst.\n"),
        plan.chapters[2],
    )
    rest = bundle.pages[0].markdown.lstrip().split("\n", 1)[1]  # the fixture's start page without its heading
    start = SitePage("index", escape_markdown(SHORT_NAME), f"# {escape_markdown(SHORT_NAME)}\n{rest}")
    return dataclasses.replace(
        bundle,
        school_name=SCHOOL_NAME,
        board_name=BOARD_NAME,
        meta=info,
        pages=(start, *bundle.pages[1:]),
        documents=(dataclasses.replace(plan, chapters=chapters, meta=info), bundle.documents[1]),
    )


def test_theme_text_escapes_what_a_theme_would_read_as_markup() -> None:
    assert site.theme_text(SHORT_NAME) == "De Kleine & Grote &lt;School>"
    assert (
        site.theme_text("a \"b\" &lt; &#60; &amp c & d 'e'")
        == "a &quot;b&quot; &amp;lt; &amp;#60; &amp;amp c & d 'e'"
    )


def test_site_sources_carry_names_and_titles_as_escaped_text(tmp_path: Path) -> None:
    bundle = hostile_bundle("concept")
    downloads = [make_docx(tmp_path / "dl" / name, name) for name in bundle.downloads]
    config_file = site.write_sources(
        bundle, tmp_path / "bron", downloads, ROOT / "mkdocs.yml", mkdocs_theme_fix=False
    )
    config = json.loads(config_file.read_text(encoding="utf-8"))
    assert (
        config["site_name"]
        == "CONCEPT – OBS &lt;img src=x onerror=alert('schoolnaam')> & &quot;De Vlinderboom&quot;"
    )
    titles = json.dumps(config["nav"], ensure_ascii=False)
    assert "De Kleine & Grote &lt;School>" in titles
    assert "1. Afspraken & &quot;regels&quot; &lt;groep *7*>" in titles  # no Markdown backslashes
    assert "<" not in titles and "\\\\" not in titles
    assert "&lt;b&gt;" in config["copyright"]
    page = (tmp_path / "bron" / "docs" / "sociaal-veiligheidsplan" / "afspraken.md").read_text(
        encoding="utf-8"
    )
    front_matter = (
        "1. Afspraken & &quot;regels&quot; &lt;groep *7*> &lt;/title>&lt;script>alert('kop')&lt;/script> #"
    )
    assert page.startswith(f'---\ntitle: "{front_matter}"\n---\n\n# ')


@pytest.fixture(scope="module")
def hostile_mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two hostile schools of one board, built with MkDocs as `bouw` does."""
    folder = tmp_path_factory.mktemp("vijandige-site")
    concept = hostile_bundle("concept")
    adopted = hostile_bundle("vastgesteld")
    second_meta = dataclasses.replace(adopted.meta, school_id="de-proeftuin", school_name=TITLE_SCHOOL)
    second = dataclasses.replace(
        adopted, school_id="de-proeftuin", school_name=TITLE_SCHOOL, meta=second_meta
    )
    files = [make_docx(folder / "dl" / name, name) for name in concept.downloads]
    site.write(
        (concept, second),
        folder / "site",
        {"de-testhoeve": files, "de-proeftuin": files},
        ROOT / "mkdocs.yml",
    )
    return folder / "site"


def test_mkdocs_pages_show_names_and_titles_exactly_and_make_no_markup(hostile_mkdocs_site: Path) -> None:
    pages = sorted(hostile_mkdocs_site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        assert live_markup(path.read_text(encoding="utf-8")) == [], path

    site_name = f"CONCEPT – {SCHOOL_NAME}"
    start = (hostile_mkdocs_site / "de-testhoeve" / "index.html").read_text(encoding="utf-8")
    assert visible(start, "//title") == [f"{SHORT_NAME} - {site_name}"]
    assert visible(start, "(//*[contains(@class, 'md-header__topic')])[1]") == [site_name]
    assert visible(start, "//article//h1") == [SHORT_NAME]
    tree = lxml_html.document_fromstring(start)
    logos = tree.xpath("//a[contains(@class, 'md-logo')]")
    assert logos and all(a.get("title") == site_name and a.get("aria-label") == site_name for a in logos)

    chapter = (hostile_mkdocs_site / "de-testhoeve" / "sociaal-veiligheidsplan" / "afspraken.html").read_text(
        encoding="utf-8"
    )
    assert visible(chapter, "//title") == [f"{TRICKY_TITLE} - {site_name}"]
    assert TRICKY_TITLE in visible(chapter, "//nav[contains(@class, 'md-nav--primary')]//a")
    following = lxml_html.document_fromstring(
        (hostile_mkdocs_site / "de-testhoeve" / "sociaal-veiligheidsplan" / "inleiding.html").read_text(
            encoding="utf-8"
        )
    ).xpath("//a[contains(@class, 'md-footer__link--next')]")
    assert [a.get("aria-label") for a in following] == [f"Volgende: {TRICKY_TITLE}"]
    assert (
        "Schooljaar 2026-2027 · versie 1.0 <b>"
        in visible(chapter, "//*[contains(@class, 'md-copyright')]")[0]
    )

    adopted = (hostile_mkdocs_site / "de-proeftuin" / "contact.html").read_text(encoding="utf-8")
    assert visible(adopted, "//title") == [f"Contact - {TITLE_SCHOOL}"]
    missing = (hostile_mkdocs_site / "de-proeftuin" / "404.html").read_text(encoding="utf-8")
    assert visible(missing, "//title") == [TITLE_SCHOOL]


def test_search_index_titles_read_as_the_text_typed(hostile_mkdocs_site: Path) -> None:
    index = json.loads(
        (hostile_mkdocs_site / "de-testhoeve" / "search" / "search_index.json").read_text("utf-8")
    )
    titles = {entry["location"]: entry["title"] for entry in index["docs"]}
    expected = {"index.html": SHORT_NAME, "sociaal-veiligheidsplan/afspraken.html": TRICKY_TITLE}
    # The theme shows titles as HTML: parsed, they must give the text and no element.
    for location, title in expected.items():
        fragment = lxml_html.fragment_fromstring(titles[location], create_parent="div")
        assert len(fragment) == 0, titles[location]
        assert fragment.text_content() == title


def test_board_index_shows_board_and_school_names_as_text(hostile_mkdocs_site: Path) -> None:
    page = (hostile_mkdocs_site / "index.html").read_text(encoding="utf-8")
    assert live_markup(page) == []
    assert visible(page, "//title") == [f"{BOARD_NAME}: sociale veiligheid op onze scholen"]
    assert visible(page, "//header") == [BOARD_NAME]
    # Each school's name is the text of its own span in the link; a concept school adds its badge.
    assert sorted(visible(page, "//li/a/span[not(@class)]")) == sorted([SCHOOL_NAME, TITLE_SCHOOL])
    assert visible(page, "//li/a/span[@class='concept']") == ["CONCEPT"]


# --- The hostile example policy, built by `bouw`, with MkDocs and with Zensical --------------------


def test_hostile_policy_builds_a_site_without_live_markup(hostile: HostileBuild) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        assert live_markup(path.read_text(encoding="utf-8")) == [], path
    start = (hostile.site / "vlinderboom" / "index.html").read_text(encoding="utf-8")
    assert visible(start, "//title") == [f"Sociale veiligheid op {SHORT_NAME} - CONCEPT – {SCHOOL_NAME}"]
    assert any(PERSON in text for text in visible(start, "//article//li"))
    contact = (hostile.site / "vlinderboom" / "contact.html").read_text(encoding="utf-8")
    assert BOARD_NAME in " ".join(visible(contact, "//article"))
    assert ORGANISATION in " ".join(visible(contact, "//article"))
    other = (hostile.site / "zonnewijzer" / "index.html").read_text(encoding="utf-8")
    assert visible(other, "//title") == [f"Sociale veiligheid op {TITLE_SHORT} - CONCEPT – {TITLE_SCHOOL}"]


def test_hostile_sources_build_with_zensical_without_live_markup(hostile: HostileBuild) -> None:
    for school in ("vlinderboom", "zonnewijzer"):
        pages = sorted(zensical_site(hostile.sources, school).rglob("*.html"))
        assert len(pages) > 20
        for path in pages:
            assert live_markup(path.read_text(encoding="utf-8")) == [], path
    other = (hostile.sources / "zonnewijzer" / "site" / "index.html").read_text(encoding="utf-8")
    assert visible(other, "//title") == [f"Sociale veiligheid op {TITLE_SHORT} - CONCEPT – {TITLE_SCHOOL}"]
    folder = hostile.sources / "vlinderboom"
    site_name = f"CONCEPT – {SCHOOL_NAME}"
    start = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert visible(start, "//title") == [f"Sociale veiligheid op {SHORT_NAME} - {site_name}"]
    assert visible(start, "(//*[contains(@class, 'md-header__topic')])[1]") == [site_name]
    assert f"Sociale veiligheid op {SHORT_NAME}" in visible(
        start, "//nav[contains(@class, 'md-nav--primary')]//a"
    )
    vision = (folder / "site" / "sociaal-veiligheidsplan" / "visie.html").read_text(encoding="utf-8")
    assert VISION_SHOWN in " ".join(visible(vision, "//article//p"))
    search = json.loads((folder / "site" / "search.json").read_text(encoding="utf-8"))
    for item in search["items"]:
        for text in (item["title"], *item.get("path", [])):
            assert len(lxml_html.fragment_fromstring(text or " ", create_parent="div")) == 0, text


# --- Word: text and document properties exactly as typed -----------------------------------------


def test_word_files_keep_hostile_text_and_properties_as_typed(hostile: HostileBuild) -> None:
    folder = hostile.documents / "vlinderboom"
    files = sorted(folder.rglob("*.docx"))
    assert len(files) >= 6  # three documents and three forms
    for path in files:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(archive.read(name))  # every part stays well-formed XML
    plan = folder / "sociaal-veiligheidsplan.docx"
    core = docx.Document(str(plan)).core_properties
    assert core.title == "Sociaal veiligheidsplan"
    assert core.author == SCHOOL_NAME
    assert core.subject == f"Sociaal veiligheidsplan van {SCHOOL_NAME}, schooljaar 2026-2027"
    assert core.keywords == f"sociale veiligheid; Sociaal veiligheidsplan; {SCHOOL_NAME}; 2026-2027"
    text = docx_text(plan)
    assert SCHOOL_NAME in text and PERSON in text and VISION_SHOWN in text
    forms = folder / "formulieren"
    assert SCHOOL_NAME in docx_text(forms / "sociale-kaart-en-bereikbaarheidslijst.docx")
    assert "Welzijn & Jeugd <iframe" in docx_text(forms / "sociale-kaart-en-bereikbaarheidslijst.docx")


def test_a_long_school_name_fits_the_word_properties(tmp_path: Path) -> None:
    name = "Basisschool" + " & <Heel> Lang" * 21  # 305 characters: longer than Word's properties hold
    (document, *_) = documents(meta(school_name=name))
    (path,) = WordWriter().write([document], tmp_path, MASTER)
    core = docx.Document(str(path)).core_properties
    assert core.keywords == f"sociale veiligheid; {document.title}; {name}"[: PROPERTY_MAX - 1] + "…"
    assert core.author == name[: PROPERTY_MAX - 1] + "…"
    assert name in docx_text(path)


def test_a_letter_keeps_markup_and_template_syntax_as_typed(hostile: HostileBuild, tmp_path: Path) -> None:
    typed = "Zie {{ 7*7 }} {% if true %}ja{% endif %} ]]> &amp; &lt; 5 > 2 en 3 < 4 \"quotes\" 'ook'"
    case = example("uitnodiging-gesprek").replace(
        "  Sam en de klasgenoot willen het graag weer goedmaken, en wij helpen daarbij.",
        f"  {typed}",
    )
    (letter,) = write_letter(write_case(tmp_path / "zaken", case), hostile.policy, tmp_path / "brieven").paths
    text = docx_text(letter)
    assert typed in text and "Zie 49" not in text
    assert SCHOOL_NAME in text


# --- In a real browser: no script runs, the text reads as typed ------------------------------------

TRAP = """
window.__scripts = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = (...args) => { window.__scripts.push(name + ':' + args.join(' ')); };
}
"""


@dataclass
class Chromium:
    context: Any
    dialogs: list[str]
    errors: list[str]
    requests: list[str]

    def open(self, url: str) -> Any:
        page = self.context.new_page()
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # let onerror/onload handlers of anything injected fire
        return page

    def assert_no_script_ran(self, page: Any) -> None:
        assert page.evaluate("window.__scripts") == []
        assert self.dialogs == []
        assert page.locator("img[src='x'], iframe, object, embed").count() == 0
        assert (
            page.evaluate(
                "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
            )
            == 0
        )


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[Chromium]:
    executable = require_program("chromium", "/usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        context = running.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "profiel"),
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=PHONE,
            locale="nl-NL",
            service_workers="block",
        )
        context.add_init_script(TRAP)
        browser = Chromium(context, [], [], [])
        context.on("weberror", lambda error: browser.errors.append(str(error.error)))
        context.on("request", lambda request: browser.requests.append(request.url))
        try:
            yield browser
        finally:
            context.close()


def test_hostile_site_runs_no_script_in_chromium(hostile: HostileBuild, chromium: Chromium) -> None:
    zensical = zensical_site(hostile.sources, "vlinderboom")
    servers = [Server(hostile.site), Server(hostile.site / "vlinderboom"), Server(zensical)]
    whole, school, other = servers
    site_name = f"CONCEPT – {SCHOOL_NAME}"
    try:
        page = chromium.open(f"{whole.url}vlinderboom/index.html")
        chromium.assert_no_script_ran(page)
        assert page.title() == f"Sociale veiligheid op {SHORT_NAME} - {site_name}"
        assert page.locator(".md-header__topic").first.inner_text().strip() == site_name
        assert page.locator("article h1").inner_text() == f"Sociale veiligheid op {SHORT_NAME}"
        assert PERSON in page.locator("article").inner_text()

        page = chromium.open(f"{whole.url}vlinderboom/sociaal-veiligheidsplan/visie.html")
        chromium.assert_no_script_ran(page)
        assert VISION_SHOWN in " ".join(page.locator("article").inner_text().split())
        assert page.locator("article a[href^='https://www.devlinderboom.example/uitleg']").count() == 1

        page = chromium.open(f"{whole.url}vlinderboom/contact.html")
        chromium.assert_no_script_ran(page)
        article = page.locator("article").inner_text()
        assert BOARD_NAME in article and ORGANISATION in article

        page.locator('label.md-header__button[for="__search"]').click()
        page.locator("input.md-search__input").press_sequentially("Kleine", delay=20)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="visible")
        page.wait_for_timeout(500)
        shown = " ".join(page.locator(".md-search-result").inner_text().split())
        assert f"Sociale veiligheid op {SHORT_NAME}" in shown
        chromium.assert_no_script_ran(page)

        page = chromium.open(f"{school.url}404.html")
        chromium.assert_no_script_ran(page)
        assert page.title() == site_name

        page = chromium.open(f"{whole.url}index.html")
        chromium.assert_no_script_ran(page)
        assert page.title() == f"{BOARD_NAME}: sociale veiligheid op onze scholen"
        assert page.locator("header").inner_text().strip() == BOARD_NAME
        # each link shows the school's name as text in its own span (a concept adds a CONCEPT badge)
        names = [name.strip() for name in page.locator("li a span:not([class])").all_inner_texts()]
        assert SCHOOL_NAME in names and f"{TITLE_SCHOOL}" in names

        page = chromium.open(f"{whole.url}zonnewijzer/index.html")
        chromium.assert_no_script_ran(page)
        assert page.title() == f"Sociale veiligheid op {TITLE_SHORT} - CONCEPT – {TITLE_SCHOOL}"

        page = chromium.open(f"{other.url}index.html")  # the same sources, built by Zensical
        chromium.assert_no_script_ran(page)
        assert page.title() == f"Sociale veiligheid op {SHORT_NAME} - {site_name}"
        assert page.locator(".md-header__topic").first.inner_text().strip() == site_name
    finally:
        for server in servers:
            server.close()
    assert not [url for url in chromium.requests if url.endswith("/x")], "een <img src=x> is geladen"
    assert [error for error in chromium.errors if "alert" in error] == []
