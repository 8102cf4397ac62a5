"""The anti-pestprotocol, the schoolgids paragraph and the website-only pages, rendered from real policies.

Every expectation is read from the school's context where it can be, so the
tests follow the example policies instead of repeating them.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import docx
import pytest
from support import empty_headings, write_tree

from schoolveiligheid.context import SchoolContext, build_context
from schoolveiligheid.documents import RenderedDocument, SiteBundle
from schoolveiligheid.model import SchoolModel, load_schools
from schoolveiligheid.render import RenderedSchool, Renderer
from schoolveiligheid.writers import site
from schoolveiligheid.writers.markup import plain_text

ROOT = Path(__file__).resolve().parents[1]

PROTOCOL_TITLES = [
    "Inleiding",
    "Pesten, plagen en ruzie",
    "Vormen van pesten",
    "Pesten voorkomen",
    "Aanpak als er gepest wordt",
    "Stappen bij pesten en ongewenst gedrag",
    "Taken en verantwoordelijkheden",
    "Adviezen aan ouders",
    "Contact",
]
OPEN_POINTS_TITLE = "Openstaande punten"
FORBIDDEN = ("None", "{{", "{%", "{#", "…", "TODO", "....", "<naam>", "XXX", "groep X")

MINIMAL_BOARD = """
    schema: sociale-veiligheid/1
    bestuur:
      id: klein
      naam: Stichting Klein Onderwijs
      richting: bijzonder
      bestuursorgaan: bestuur
      adres: {straat: Dorpsstraat 1, postcode: 1234 AB, plaats: Ergens}
"""
MINIMAL_SCHOOL = """
    school:
      id: minimaal
      bestuur: klein
      naam: {name}
      type: po
      adres: {{straat: Dorpsstraat 2, postcode: 1234 AB, plaats: Ergens}}
      telefoon: 0123 456 789
      email: info@minimaal.example
    document:
      schooljaar: 2026-2027
      versie: "1.0"
      status: concept
"""


def document(rendered: RenderedSchool, kind: str) -> RenderedDocument:
    return next(doc for doc in rendered.documents if doc.kind == kind)


def page(rendered: RenderedSchool, slug: str) -> str:
    return next(p.markdown for p in rendered.site_pages if p.slug == slug)


def chapter(doc: RenderedDocument, title: str) -> str:
    return next(ch.markdown for ch in doc.chapters if ch.title == title)


def section(markdown: str, heading: str) -> str:
    """The text from a heading line up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = markdown.splitlines()
    start = lines.index(heading)
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(rf"#{{1,{level}}} ", lines[i])),
        len(lines),
    )
    return "\n".join(lines[start:end])


def own_texts(rendered: RenderedSchool) -> dict[str, str]:
    """Everything this part of the templates produces for one school, by name."""
    texts = {f"site-{p.slug}": p.markdown for p in rendered.site_pages}
    for kind in ("pestprotocol", "schoolgids"):
        texts[kind] = document(rendered, kind).markdown
    return texts


def render_tree(tmp_path: Path, files: dict[str, str | bytes]) -> tuple[SchoolContext, RenderedSchool]:
    write_tree(tmp_path, files)
    (school,) = load_schools(tmp_path)
    context = build_context(school)
    return context, Renderer().render_school(context, school.template_dirs)


def minimal_files(name: str = "Basisschool Minimaal", extra: str = "") -> dict[str, str | bytes]:
    school = textwrap.dedent(MINIMAL_SCHOOL).format(name=name) + textwrap.dedent(extra)
    return {"bestuur.yaml": MINIMAL_BOARD, "school.yaml": school}


# --- the anti-pestprotocol -------------------------------------------------------------------------


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_protocol_has_its_chapters_in_order(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    titles = [ch.title for ch in document(example_rendered[school_id], "pestprotocol").chapters]
    expected = (
        PROTOCOL_TITLES
        + (["Bijlage A – De praatkaart"] if school_id == "kompasroos" else [])  # its own text (eigen_teksten)
        + ([OPEN_POINTS_TITLE] if example_contexts[school_id].edition.open_points else [])
    )
    assert titles == expected


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_protocol_names_the_coordinator_and_aanspreekpunt_with_public_contacts(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    text = chapter(document(example_rendered[school_id], "pestprotocol"), "Taken en verantwoordelijkheden")
    for role_id in ("coordinator_anti_pestbeleid", "aanspreekpunt_pesten"):
        role = example_contexts[school_id].roles[role_id]
        assert role is not None
        assert f"## {role.label[:1].upper()}{role.label[1:]}" in text
        for person in role.people:
            assert person.name in text
            if person.phone:
                assert f"]({person.phone.uri})" in text
    # the legal term in brackets, once, where the role is introduced
    coordinator = example_contexts[school_id].roles["coordinator_anti_pestbeleid"]
    assert coordinator is not None and text.count(coordinator.name) == 1


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_protocol_lists_the_chosen_methods_and_every_escalation_step_with_its_term(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    context = example_contexts[school_id]
    protocol = document(example_rendered[school_id], "pestprotocol")
    prevention = chapter(protocol, "Pesten voorkomen")
    for method in context.methods:  # a row of the table; what it is, the plan says (no repeated paragraphs)
        assert f"| {method.title}" in prevention
    steps = chapter(protocol, "Stappen bij pesten en ongewenst gedrag")
    assert context.bullying is not None and context.bullying.escalation
    for step in context.bullying.escalation:
        text = section(steps, f"## Stap {step.number}: {step.title}")
        if step.term:
            assert f"**Termijn:** {step.term}" in text
        if step.responsible:
            assert f"**Verantwoordelijk:** {step.responsible}" in text


@pytest.mark.parametrize(("school_id", "law"), [("vlinderboom", "WPO"), ("kompasroos", "WEC")])
def test_suspension_step_cites_the_article_of_the_schools_own_law(
    example_rendered: dict[str, RenderedSchool],
    example_contexts: dict[str, SchoolContext],
    school_id: str,
    law: str,
) -> None:
    context = example_contexts[school_id]
    assert context.law.law == law
    steps = chapter(
        document(example_rendered[school_id], "pestprotocol"), "Stappen bij pesten en ongewenst gedrag"
    )
    other = "Wet op de expertisecentra" if law == "WPO" else "Wet op het primair onderwijs"
    assert context.law.suspension_article and context.law.suspension_article in steps
    assert other not in steps
    assert context.measures.suspension is not None
    assert f"ten hoogste {context.measures.suspension.max_school_days} schooldagen" in steps


def test_zonnewijzer_no_blame_states_support_group_size_and_first_meeting(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    text = chapter(document(example_rendered["zonnewijzer"], "pestprotocol"), "Aanpak als er gepest wordt")
    assert "## No Blame (steungroepaanpak)" in text
    assert "6 tot 8 kinderen" in text
    assert "binnen 24 uur" in text
    assert "na 7 dagen" in text


def test_vlinderboom_lists_the_steps_of_opa_and_the_vijfsporenaanpak(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    text = chapter(document(example_rendered["vlinderboom"], "pestprotocol"), "Aanpak als er gepest wordt")
    bullying = example_contexts["vlinderboom"].bullying
    assert bullying is not None
    approaches = {approach.id: approach for approach in bullying.approaches}
    for approach_id in ("opa", "vijfsporenaanpak"):
        approach = approaches[approach_id]
        block = section(text, f"## {approach.title}")
        assert len(approach.steps) >= 3
        assert [line[3:] for line in block.splitlines() if line.startswith("1. ")] == list(approach.steps)


def test_ict_coordinator_appears_only_where_the_school_has_one(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    ict = example_contexts["vlinderboom"].roles["ict_coordinator"]
    assert ict is not None
    assert ict.holders in document(example_rendered["vlinderboom"], "pestprotocol").markdown
    assert example_contexts["zonnewijzer"].roles["ict_coordinator"] is None
    assert "ICT" not in document(example_rendered["zonnewijzer"], "pestprotocol").markdown


def test_jenaplan_school_reads_its_own_words(example_rendered: dict[str, RenderedSchool]) -> None:
    protocol = document(example_rendered["zonnewijzer"], "pestprotocol")
    assert "## De stamgroepleider" in chapter(protocol, "Taken en verantwoordelijkheden")
    for title in ("Adviezen aan ouders", "Taken en verantwoordelijkheden", "Inleiding"):
        assert "leerkracht" not in chapter(protocol, title)
    assert "de stamgroepleider" in chapter(protocol, "Adviezen aan ouders")


def test_protocol_without_curative_approach_has_no_empty_chapter(tmp_path: Path) -> None:
    extra = """
        pestaanpak:
          escalatie:
            - titel: Gesprek met de ouders
              termijn: {weken: 2}
              verantwoordelijk: [directie]
              ouders: gesprek
    """
    _, rendered = render_tree(tmp_path, minimal_files(extra=extra))
    protocol = document(rendered, "pestprotocol")
    titles = [ch.title for ch in protocol.chapters]
    assert "Aanpak als er gepest wordt" not in titles
    assert "Stappen bij pesten en ongewenst gedrag" in titles
    assert "## Stap 1: Gesprek met de ouders" in protocol.markdown
    assert "**Termijn:** 2 weken" in protocol.markdown
    assert empty_headings(protocol.markdown) == []


def test_own_definition_replaces_the_standard_one(tmp_path: Path) -> None:
    extra = """
        pestaanpak:
          definitie: eigen
          definitie_tekst: Bij ons is pesten elk gedrag waardoor een kind zich herhaaldelijk klein gemaakt voelt.
    """
    _, rendered = render_tree(tmp_path, minimal_files(extra=extra))
    text = chapter(document(rendered, "pestprotocol"), "Pesten, plagen en ruzie")
    assert "Bij ons is pesten elk gedrag waardoor een kind zich herhaaldelijk klein gemaakt voelt." in text
    assert "**Ongelijke macht.**" not in text


# --- the schoolgids paragraph -------------------------------------------------------------------


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_schoolgids_is_one_short_chapter_with_contacts_complaints_and_monitoring(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    context = example_contexts[school_id]
    gids = document(example_rendered[school_id], "schoolgids")
    assert gids.chapters[0].title == "Sociale veiligheid"
    assert [ch.title for ch in gids.chapters[1:]] == (
        [OPEN_POINTS_TITLE] if context.edition.open_points else []
    )
    text = gids.chapters[0].markdown
    words = len(plain_text(text).split())
    assert words <= 900, f"{school_id}: {words} woorden"
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "Ons beleid in het kort",
        "Bij wie kunt u terecht",
        "Als uw kind gepest wordt",
        "Klachten",
        "Hoe we de veiligheid meten",
        # Issue 12: a short paragraph with a reference to the plan's new chapters.
        "Foto's en sociale media",
        "Wat we vastleggen",
        "Meer lezen",
    ]
    for role in context.contacts:
        for person in role.people:
            assert person.name in text
    assert context.complaints is not None and context.complaints.regulation.title in text
    assert context.monitoring is not None
    for instrument in context.monitoring.instruments:
        assert instrument.title in text
    for download in context.downloads:  # the other documents; the schoolgids text does not list itself
        if download.title == gids.title:
            assert f"- {download.title}" not in text
        else:
            assert f"- {download.title}" in text


# --- the website pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_start_page_answers_whom_to_call_first(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    context = example_contexts[school_id]
    start = page(example_rendered[school_id], "index")
    aanspreekpunt = context.roles["aanspreekpunt_pesten"]
    assert aanspreekpunt is not None
    answer = section(start, "## Als uw kind gepest wordt")
    for person in aanspreekpunt.people:
        assert f"**{person.name}**" in answer
        if person.phone:
            assert f"]({person.phone.uri})" in answer
        if person.email:
            assert f"]({person.email.uri})" in answer
    for role_id in ("interne_vertrouwenspersoon", "externe_vertrouwenspersoon"):
        role = context.roles[role_id]
        assert role is not None
        for person in role.people:
            assert f"**{person.name}**" in answer
    assert "[112](tel:112)" in start
    assert "(tel:+318002000)" in start  # Veilig Thuis is on every example sociale kaart
    # the answer comes first: the first lines below the title already name the aanspreekpunt
    assert start.index(aanspreekpunt.people[0].name) < 600


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_start_page_links_point_at_pages_the_site_writer_creates(
    example_rendered: dict[str, RenderedSchool], school_id: str
) -> None:
    rendered = example_rendered[school_id]
    pages = {f"{p.slug}.md" for p in rendered.site_pages}
    for doc in rendered.documents:
        if len(doc.chapters) == 1:
            pages.add(f"{doc.file_stem}.md")
        else:
            pages |= {f"{doc.file_stem}/{ch.slug}.md" for ch in doc.chapters}
    links = re.findall(r"\]\(([^)#:]+\.md)\)", page(rendered, "index"))
    assert len(links) == 5
    assert set(links) <= pages
    for doc in rendered.documents:
        first = (
            f"{doc.file_stem}.md" if len(doc.chapters) == 1 else f"{doc.file_stem}/{doc.chapters[0].slug}.md"
        )
        assert first in links


def test_concept_schoolgids_moves_into_a_folder_and_the_start_page_follows(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    # zonnewijzer is a concept with open points: its schoolgids gets a second chapter
    def start_page(school_id: str) -> str:
        return next(page.markdown for page in example_rendered[school_id].site_pages if page.slug == "index")

    assert "(schoolgids-sociale-veiligheid/sociale-veiligheid.md)" in start_page("zonnewijzer")
    assert "(schoolgids-sociale-veiligheid.md)" in start_page("vlinderboom")


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_contact_page_has_school_board_sociale_kaart_and_complaints(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    context = example_contexts[school_id]
    text = page(example_rendered[school_id], "contact")
    assert f"]({context.school.phone.uri})" in text
    assert context.board.name in text
    for org in context.organisations:
        if org.phone:
            assert f"]({org.phone.uri})" in text
    assert context.complaints is not None
    for route in context.complaints.routes:
        assert f"**{route.name}:**" in text


def test_downloads_page_offers_word_and_pdf_and_says_what_was_adopted(
    example_schools: dict[str, SchoolModel],
) -> None:
    renderer = Renderer()
    adopted = example_schools["vlinderboom"]
    context = build_context(adopted, pdf=True)
    text = page(renderer.render_school(context, adopted.template_dirs), "downloads")
    for download in context.downloads:
        assert f"](downloads/{download.docx})" in text
        assert download.pdf and f"](downloads/{download.pdf})" in text
    assert context.edition.adopted_on is not None
    assert "21 september 2026" in text and "concept" not in text
    draft = example_schools["zonnewijzer"]
    text = page(renderer.render_school(build_context(draft), draft.template_dirs), "downloads")
    assert "concept" in text and "pdf" not in text


def test_real_sites_build_in_strict_mode(example_rendered: dict[str, RenderedSchool], tmp_path: Path) -> None:
    """MkDocs fails on any link of these pages that points nowhere."""
    bundles, downloads = [], {}
    for school_id, rendered in example_rendered.items():
        files = []
        for doc in rendered.documents:
            word = docx.Document()
            word.add_paragraph(doc.title)
            path = tmp_path / "bestanden" / school_id / f"{doc.file_stem}.docx"
            path.parent.mkdir(parents=True, exist_ok=True)
            word.save(str(path))
            files.append(path)
        downloads[school_id] = files
        meta = rendered.documents[0].meta
        bundles.append(
            SiteBundle(
                school_id=school_id,
                school_name=meta.school_name,
                board_name=meta.board_name,
                meta=meta,
                pages=rendered.site_pages,
                documents=rendered.documents,
                downloads=tuple(path.name for path in files),
            )
        )
    written = site.write(bundles, tmp_path / "site", downloads, ROOT / "mkdocs.yml")
    for school_id in example_rendered:
        assert (tmp_path / "site" / school_id / "index.html").is_file()
    assert len(written) == len(bundles) + 1  # and the board index


# --- what every text of this part must never contain --------------------------------------------


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_no_residue_or_empty_headings(example_rendered: dict[str, RenderedSchool], school_id: str) -> None:
    for name, text in own_texts(example_rendered[school_id]).items():
        for residue in FORBIDDEN:
            assert residue not in text, f"{school_id} {name}: {residue!r}"
        assert empty_headings(text) == [], f"{school_id} {name}"
        # a heading glued to the line above means a template swallowed a line break
        assert not re.search(r"\n[^\n]+\n#", text), f"{school_id} {name}"
        questions = [line for line in text.splitlines() if line.rstrip().endswith("?")]
        assert questions == [], f"{school_id} {name}"


def test_minimal_policy_renders_without_empty_headings(tmp_path: Path) -> None:
    context, rendered = render_tree(tmp_path, minimal_files())
    assert context.bullying is None and not context.contacts and context.complaints is None
    texts = own_texts(rendered)
    for name, text in texts.items():
        for residue in FORBIDDEN:
            assert residue not in text, f"{name}: {residue!r}"
        assert empty_headings(text) == [], name
    titles = [ch.title for ch in document(rendered, "pestprotocol").chapters]
    assert "Aanpak als er gepest wordt" not in titles
    assert "Stappen bij pesten en ongewenst gedrag" not in titles
    assert "Klachten" not in texts["site-contact"]


def test_school_name_with_markup_characters_arrives_as_typed(tmp_path: Path) -> None:
    name = "De \"Klimop\" & <Zn> 'Oost' 🌱"
    quoted = "'" + name.replace("'", "''") + "'"
    _, rendered = render_tree(tmp_path, minimal_files(name=quoted))
    assert name in plain_text(page(rendered, "index"))
    assert name in plain_text(page(rendered, "contact"))
    assert name in plain_text(document(rendered, "schoolgids").markdown)
    assert name in plain_text(document(rendered, "pestprotocol").markdown)
