"""The sociaal veiligheidsplan, rendered from the example policies and from small inline policies.

Expectations are read from each school's context where possible, so the tests
follow the example data instead of repeating it; the chapter titles and the
legal variants are spelled out because those are what a reader relies on.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from support import empty_headings, write_tree

from schoolveiligheid.context import SchoolContext, build_context
from schoolveiligheid.documents import RenderedDocument
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import RenderedSchool, Renderer
from schoolveiligheid.writers.markup import plain_text

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates" / "veiligheidsplan"

CHAPTERS = [
    ("inleiding", "Inleiding"),
    ("visie", "Visie en waarden"),
    ("schoolbrede-aanpak", "Schoolbrede aanpak"),
    ("regels", "Normen en regels"),
    ("taken-en-verantwoordelijkheden", "Taken en verantwoordelijkheden"),
    ("preventie-en-signalering", "Preventie en signalering"),
    ("monitoring", "Monitoring"),
    ("aanpak-incidenten-en-pesten", "Aanpak bij incidenten en pesten"),
    ("schorsing-en-verwijdering", "Time-out, schorsing en verwijdering"),
    ("meldcode", "Meldcode huiselijk geweld en kindermishandeling"),
    # Issue 12: the chapters a board and the Inspectie expect (tests/test_hoofdstukken_bestuur.py).
    ("meldplicht-zedendelicten", "Meld- en aangifteplicht bij zedendelicten"),
    ("klachten-en-vertrouwenspersonen", "Klachten en vertrouwenspersonen"),
    ("crisis-en-ernstige-incidenten", "Crisis en ernstige incidenten"),
    ("samenwerking-met-ouders", "Samenwerking met ouders"),
    ("externe-partners", "Externe partners"),
    ("gedragscode-en-sociale-media", "Gedragscode, internet en sociale media"),
    ("burgerschap-en-inclusie", "Burgerschap, discriminatie en inclusie"),
    ("seksuele-ontwikkeling", "Seksuele ontwikkeling en grensoverschrijdend gedrag"),
    ("deskundigheid", "Deskundigheid"),
    ("privacy", "Privacy: wat we vastleggen"),
    ("borging-en-evaluatie", "Borging en evaluatie"),
]
SO_CHAPTER = ("speciaal-onderwijs", "Speciaal onderwijs: time-out, fysiek ingrijpen en zorg")
NO_TIME_OUT = ("schorsing-en-verwijdering", "Schorsing en verwijdering")
OPEN_POINTS = ("open-punten", "Openstaande punten")
FORBIDDEN = ("None", "{{", "{%", "{#", "…", "TODO", "....", "<naam>", "XXX", "groep X")
SCHOOLS = ["vlinderboom", "zonnewijzer", "kompasroos"]

BOARD = """
    schema: sociale-veiligheid/1
    bestuur:
      id: klein
      naam: Stichting Klein Onderwijs
      richting: {richting}
      adres: {{straat: Dorpsstraat 1, postcode: 1234 AB, plaats: Ergens}}
"""
SCHOOL = """
    school:
      id: minimaal
      bestuur: klein
      naam: '{name}'
      type: {type}
      adres: {{straat: Dorpsstraat 2, postcode: 1234 AB, plaats: Ergens}}
      telefoon: 0123 456 789
      email: info@minimaal.example
    document:
      schooljaar: 2026-2027
      versie: "1.0"
      status: concept
"""


def plan(rendered: RenderedSchool) -> RenderedDocument:
    return next(doc for doc in rendered.documents if doc.kind == "veiligheidsplan")


def chapter(rendered: RenderedSchool, slug: str) -> str:
    return next(ch.markdown for ch in plan(rendered).chapters if ch.slug == slug)


def render_inline(
    tmp_path: Path,
    richting: str = "openbaar",
    school_type: str = "po",
    name: str = "Basisschool Minimaal",
    extra: str = "",
) -> tuple[SchoolContext, RenderedSchool]:
    """Render a policy with only the required keys (plus `extra`) and an inline board."""
    school = textwrap.dedent(SCHOOL).format(name=name.replace("'", "''"), type=school_type)
    files = {
        "bestuur.yaml": textwrap.dedent(BOARD).format(richting=richting),
        "school.yaml": school + textwrap.dedent(extra),
    }
    write_tree(tmp_path, files)
    (model,) = load_schools(tmp_path)
    context = build_context(model)
    return context, Renderer().render_school(context, model.template_dirs)


def dangling_introductions(markdown: str) -> list[str]:
    """Lines ending in a colon that are not followed by a list or a table."""
    lines = [line for line in markdown.splitlines() if line.strip()]
    return [
        line
        for index, line in enumerate(lines)
        if line.rstrip().endswith(":")
        and not re.match(r"\s*(-|\d+\.|\|)", lines[index + 1] if index + 1 < len(lines) else "")
    ]


def chapter_references(markdown: str) -> set[str]:
    return set(re.findall(r"hoofdstuk \*([^*]+)\*", markdown))


# --- structure --------------------------------------------------------------------------------------


def test_vlinderboom_has_fourteen_chapters_in_order(example_rendered: dict[str, RenderedSchool]) -> None:
    chapters = plan(example_rendered["vlinderboom"]).chapters
    assert [(ch.slug, ch.title) for ch in chapters] == CHAPTERS


def test_kompasroos_has_fifteen_chapters_with_special_education_before_borging(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    # kompasroos names its measure outside the group "interne afkoeling" (issue 11: no second "Time-out").
    own_measure = ("schorsing-en-verwijdering", "Interne afkoeling, schorsing en verwijdering")
    expected = [own_measure if slug == own_measure[0] else (slug, title) for slug, title in CHAPTERS]
    chapters = plan(example_rendered["kompasroos"]).chapters
    assert [(ch.slug, ch.title) for ch in chapters] == [*expected[:-1], SO_CHAPTER, expected[-1]]


def test_zonnewijzer_concept_ends_with_its_open_points(example_rendered: dict[str, RenderedSchool]) -> None:
    # zonnewijzer replaces the vision chapter with its own (policy/sjablonen/zonnewijzer/)
    own_vision = ("visie", "Visie: de stamgroep als leefgemeenschap")
    expected = [
        own_vision if slug == "visie" else NO_TIME_OUT if slug == NO_TIME_OUT[0] else (slug, title)
        for slug, title in CHAPTERS
        if slug != "seksuele-ontwikkeling"  # the school switches off what its board switched on
    ]
    chapters = plan(example_rendered["zonnewijzer"]).chapters
    assert [(ch.slug, ch.title) for ch in chapters] == [*expected, OPEN_POINTS]


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_every_chapter_starts_with_its_title_and_has_one(
    example_rendered: dict[str, RenderedSchool], school_id: str
) -> None:
    for ch in plan(example_rendered[school_id]).chapters:
        lines = ch.markdown.splitlines()
        assert lines[0] == f"# {ch.title}"
        assert [line for line in lines if line.startswith("# ")] == [lines[0]]


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_no_residue_empty_headings_or_dangling_colons(
    example_rendered: dict[str, RenderedSchool], school_id: str
) -> None:
    markdown = plan(example_rendered[school_id]).markdown
    for word in FORBIDDEN:
        assert word not in markdown, word
    assert empty_headings(markdown) == []
    assert dangling_introductions(markdown) == []
    assert not re.search(r"\?\s*$", markdown, re.MULTILINE), "a statement ends with a question mark"


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_chapter_references_point_to_chapters_that_exist(
    example_rendered: dict[str, RenderedSchool], school_id: str
) -> None:
    doc = plan(example_rendered[school_id])
    assert chapter_references(doc.markdown) <= {ch.title for ch in doc.chapters}


# --- the school's data --------------------------------------------------------------------------------


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_roles_chapter_names_every_filled_role_with_public_contacts(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    context = example_contexts[school_id]
    text = chapter(example_rendered[school_id], "taken-en-verantwoordelijkheden")
    coordinator = context.roles["coordinator_anti_pestbeleid"]
    assert coordinator is not None
    assert coordinator.name in text, "the legal term is given where the role is introduced"
    for role in (*context.contacts, *context.other_roles):
        for person in role.people:
            assert person.name in text
            if person.phone:
                assert person.phone.text in text
            if person.email:
                assert person.email.text in text


def test_roles_chapter_says_when_coordinator_and_aanspreekpunt_are_one_person(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    assert example_contexts["vlinderboom"].bullying_roles_combined
    assert not example_contexts["kompasroos"].bullying_roles_combined
    combined = chapter(example_rendered["vlinderboom"], "taken-en-verantwoordelijkheden")
    separate = chapter(example_rendered["kompasroos"], "taken-en-verantwoordelijkheden")
    assert "## Coördinator sociale veiligheid en aanspreekpunt pesten" in combined
    assert "bij dezelfde persoon" in combined
    assert "## Coördinator veiligheid" in separate and "## Aanspreekpunt pesten" in separate
    assert "bij dezelfde persoon" not in separate


def test_roles_chapter_appends_the_schools_own_task_note(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    note = example_contexts["vlinderboom"].roles["coordinator_anti_pestbeleid"].tasks_note
    assert note and note in chapter(example_rendered["vlinderboom"], "taken-en-verantwoordelijkheden")


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_every_chosen_method_appears_with_its_honest_status(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    text = chapter(example_rendered[school_id], "schoolbrede-aanpak")
    for method in example_contexts[school_id].methods:
        suffix = {"actief": "", "in_ontwikkeling": " (in ontwikkeling)", "gepland": " (gepland)"}[
            method.status
        ]
        assert f"## {method.title}{suffix}\n" in text
        if method.groups:
            assert method.groups in text


def test_method_in_development_is_not_presented_as_running(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    text = chapter(example_rendered["vlinderboom"], "schoolbrede-aanpak")
    section = text.split("## Rots en Water (in ontwikkeling)")[1].split("\n## ")[0]
    assert "nog niet volledig ingevoerd" in section
    assert "Twee leerkrachten volgen dit schooljaar de opleiding tot trainer." in section


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_escalation_steps_appear_in_order_with_terms_and_responsible(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    bullying = example_contexts[school_id].bullying
    assert bullying is not None
    text = chapter(example_rendered[school_id], "aanpak-incidenten-en-pesten")
    positions = [text.index(f"{step.number}. **{step.title}**") for step in bullying.escalation]
    assert positions == sorted(positions)
    for step in bullying.escalation:
        item = text[text.index(f"{step.number}. **{step.title}**") :].split(f"\n{step.number + 1}. ")[0]
        if step.term:
            assert f"Termijn: {step.term}." in item
        if step.responsible:
            assert f"Verantwoordelijk: {step.responsible}." in item


def test_incidents_chapter_points_to_the_anti_pestprotocol_by_title(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    title = example_contexts["vlinderboom"].document_titles["pestprotocol"]
    assert f"*{title}*" in chapter(example_rendered["vlinderboom"], "aanpak-incidenten-en-pesten")


def test_monitoring_names_the_legal_monitor_and_where_parents_see_results(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    monitoring = example_contexts["vlinderboom"].monitoring
    assert monitoring is not None and monitoring.results_url is not None
    text = chapter(example_rendered["vlinderboom"], "monitoring")
    assert example_contexts["vlinderboom"].law.monitoring_rule in text
    assert f"Als wettelijke monitor gebruiken we {monitoring.legal_monitors[0].title}." in text
    assert monitoring.results_url.uri in text
    assert f"De uitkomsten bespreken we met {monitoring.discussed_with}." in text


# --- the law: WPO or WEC, openbaar or bijzonder ---------------------------------------------------------


def test_suspension_cites_the_wpo_for_a_primary_school_and_the_wec_for_special_education(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    wpo = example_contexts["vlinderboom"].law.suspension_article
    wec = example_contexts["kompasroos"].law.suspension_article
    assert wpo and wec and wpo != wec
    vlinderboom = plan(example_rendered["vlinderboom"]).markdown
    kompasroos = plan(example_rendered["kompasroos"]).markdown
    assert wpo in vlinderboom and wec not in vlinderboom
    assert wec in kompasroos and wpo not in kompasroos


def test_suspension_shows_the_schools_stricter_maximum_next_to_the_legal_one(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    text = chapter(example_rendered["vlinderboom"], "schorsing-en-verwijdering")
    assert "ten hoogste 3 schooldagen; dat is korter dan de 5 schooldagen die de wet toestaat" in text
    assert "langer dan 1 dag, dan krijgt de inspectie" in text
    equal = chapter(example_rendered["kompasroos"], "schorsing-en-verwijdering")
    assert "ten hoogste 5 schooldagen." in equal and "korter dan" not in equal


def test_public_school_goes_to_the_administrative_court_without_an_unverified_article(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    law = example_contexts["vlinderboom"].law
    text = chapter(example_rendered["vlinderboom"], "schorsing-en-verwijdering")
    assert law.court_rule in text and "bestuursrechter" in text
    assert law.objection_article is None and "artikel 63" not in text
    assert f"binnen {law.objection_weeks} weken na de bekendmaking" in text
    assert (
        f"binnen {law.decision_weeks} weken, gerekend vanaf de dag na het einde van de bezwaartermijn" in text
    )
    assert example_contexts["vlinderboom"].board.objection_address in text


def test_bijzonder_board_goes_to_the_civil_court_with_the_verified_article(tmp_path: Path) -> None:
    context, rendered = render_inline(tmp_path, richting="bijzonder")
    text = chapter(rendered, "schorsing-en-verwijdering")
    assert context.law.objection_article
    assert context.law.objection_article in text
    assert "civiele rechter" in text and "bestuursrechter" not in text
    assert f"binnen {context.law.decision_weeks} weken na ontvangst van het bezwaarschrift" in text


def test_bijzonder_special_school_states_the_rule_without_an_unverified_article(tmp_path: Path) -> None:
    context, rendered = render_inline(tmp_path, richting="bijzonder", school_type="so")
    text = chapter(rendered, "schorsing-en-verwijdering")
    assert context.law.objection_article is None
    assert "artikel 63" not in text and "civiele rechter" in text
    assert context.law.suspension_article and context.law.suspension_article in text


def test_templates_type_no_article_numbers_terms_or_courts() -> None:
    typed = re.compile(
        r"artikel \d|\b\d+ (weken|dagen|schooldagen)\b|bestuursrechter|civiele rechter|één week"
    )
    for path in sorted(TEMPLATES.glob("*.md.j2")):
        assert not typed.search(path.read_text(encoding="utf-8")), path.name


# --- special education ------------------------------------------------------------------------------------


def test_special_education_chapter_shows_the_schools_arrangements(
    example_rendered: dict[str, RenderedSchool], example_contexts: dict[str, SchoolContext]
) -> None:
    so = example_contexts["kompasroos"].so
    assert so is not None
    text = chapter(example_rendered["kompasroos"], "speciaal-onderwijs")
    assert so.time_out and so.physical
    assert "zonder onderbreking in het oog" in text, "kompasroos supervises continuously"
    assert "per dagdeel" in text and "alleen voor de leerlingen bij wie" in text, (
        "the limit is for named pupils"
    )
    assert f"binnen {so.physical.within_months} maanden" in text
    assert so.physical.training in text
    for room in so.rooms:
        assert f"| {room.name} |" in text
    for level in so.care_levels:
        assert f"| {level.level} | {level.description} |" in text
    assert "**Noodzakelijk.**" in text and "laatste middel" in text


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer"])
def test_regular_schools_have_no_special_education_chapter(
    example_rendered: dict[str, RenderedSchool], school_id: str
) -> None:
    assert SO_CHAPTER[0] not in [ch.slug for ch in plan(example_rendered[school_id]).chapters]


def test_jenaplan_school_uses_its_own_words(example_rendered: dict[str, RenderedSchool]) -> None:
    markdown = plan(example_rendered["zonnewijzer"]).markdown
    assert "Elke stamgroepleider:" in markdown
    assert "in de eigen stamgroep" in markdown
    assert "leerkracht" not in chapter(example_rendered["zonnewijzer"], "taken-en-verantwoordelijkheden")


# --- minimal and unusual policies ---------------------------------------------------------------------------


def test_minimal_policy_renders_without_empty_headings_or_none(tmp_path: Path) -> None:
    _, rendered = render_inline(tmp_path)
    doc = plan(rendered)
    markdown = doc.markdown
    for word in FORBIDDEN:
        assert word not in markdown, word
    assert empty_headings(markdown) == []
    assert dangling_introductions(markdown) == []
    assert chapter_references(markdown) <= {ch.title for ch in doc.chapters}
    slugs = [ch.slug for ch in doc.chapters]
    for absent in ("visie", "schoolbrede-aanpak", "regels", "monitoring", "aanpak-incidenten-en-pesten"):
        assert absent not in slugs
    for absent in ("klachten-en-vertrouwenspersonen", "externe-partners", "speciaal-onderwijs"):
        assert absent not in slugs
    assert "nog niet vastgelegd" in chapter(rendered, "inleiding"), "missing legal duties are named honestly"


def test_school_name_with_markup_characters_and_emoji_reads_exactly_as_typed(tmp_path: Path) -> None:
    name = 'Basisschool "De Ster" & <Maan> \'t Zonnetje \U0001f31e'
    _, rendered = render_inline(tmp_path, name=name)
    text = plain_text(chapter(rendered, "inleiding"))
    assert f"hoe {name} daarvoor zorgt" in text


def test_bijzonder_time_out_and_roles_render_from_a_small_policy(tmp_path: Path) -> None:
    extra = """
    personen:
      - {id: p-a, naam: Ans Alleen, email: ans@minimaal.example}
      - {id: p-b, naam: Bart Beide, email: bart@minimaal.example}
    rollen:
      coordinator_anti_pestbeleid: {personen: [p-a]}
      aanspreekpunt_pesten: {personen: [p-b]}
      interne_vertrouwenspersoon: {personen: [p-a, p-b]}
    maatregelen:
      time_out: {waar: de groep ernaast, max_dagen: 2, besluit_door: directie, ouders_informeren: direct}
    """
    context, rendered = render_inline(tmp_path, richting="bijzonder", extra=extra)
    assert not context.bullying_roles_combined
    roles = chapter(rendered, "taken-en-verantwoordelijkheden")
    assert "Ans Alleen en Bart Beide zijn interne vertrouwenspersoon van" in roles
    assert "## Interne vertrouwenspersoon\n" in roles, (
        "no external one: the heading names only the internal one"
    )
    measures = chapter(rendered, "schorsing-en-verwijdering")
    assert measures.startswith("# Time-out, schorsing en verwijdering\n")
    assert "ten hoogste 2 schooldagen. De directie besluit erover, en de ouders horen het meteen." in measures
