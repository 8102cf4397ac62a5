"""The chapters a board and the Inspectie expect (issue 12): meldplicht, crisis, gedragscode, burgerschap,
seksuele ontwikkeling, deskundigheid, privacy and goals; the confidentiality limit and the nude-image
exception to the cyberbullying advice; the checks on the new duties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL, changed, findings, load
from test_templates_veiligheidsplan import chapter, plan, render_inline

from schoolveiligheid.checks import check_rendered
from schoolveiligheid.context import build_context
from schoolveiligheid.law import FACTS
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import RenderedSchool, Renderer

ROOT = Path(__file__).resolve().parents[1]
NEW = [
    "meldplicht-zedendelicten",
    "crisis-en-ernstige-incidenten",
    "gedragscode-en-sociale-media",
    "burgerschap-en-inclusie",
    "seksuele-ontwikkeling",
    "deskundigheid",
    "privacy",
]
SWITCHED = {
    "crisis": "crisis-en-ernstige-incidenten",
    "gedragscode": "gedragscode-en-sociale-media",
    "seksuele_ontwikkeling": "seksuele-ontwikkeling",
    "deskundigheid": "deskundigheid",
    "privacy": "privacy",
}
ALL_OFF = "hoofdstukken: {crisis: false, gedragscode: false, deskundigheid: false, privacy: false}\n"


@pytest.fixture(scope="module")
def examples() -> dict[str, RenderedSchool]:
    renderer = Renderer()
    return {
        model.id: renderer.render_school(build_context(model), model.template_dirs)
        for model in load_schools(ROOT / "policy")
    }


def slugs(rendered: RenderedSchool) -> list[str]:
    return [ch.slug for ch in plan(rendered).chapters]


def document(rendered: RenderedSchool, kind: str) -> str:
    return next(doc.markdown for doc in rendered.documents if doc.kind == kind)


# --- chapters, order, switches --------------------------------------------------------------------


def test_every_new_chapter_is_in_the_example_plan_in_reading_order(
    examples: dict[str, RenderedSchool],
) -> None:
    order = slugs(examples["vlinderboom"])
    assert set(NEW) <= set(order)
    assert order.index("meldcode") + 1 == order.index("meldplicht-zedendelicten")
    assert order.index("klachten-en-vertrouwenspersonen") + 1 == order.index("crisis-en-ernstige-incidenten")
    assert order[-1] == "borging-en-evaluatie"
    so = slugs(examples["kompasroos"])
    assert so.index("privacy") < so.index("speciaal-onderwijs") < so.index("borging-en-evaluatie")


def test_a_school_switches_off_a_module_its_board_switched_on(examples: dict[str, RenderedSchool]) -> None:
    assert "seksuele-ontwikkeling" in slugs(examples["vlinderboom"])  # board: on
    assert "seksuele-ontwikkeling" not in slugs(examples["zonnewijzer"])  # school: off


def test_switches_default_and_meldplicht_and_burgerschap_always_stay(tmp_path: Path) -> None:
    _, default = render_inline(tmp_path / "standaard")
    assert set(NEW) - {"seksuele-ontwikkeling"} <= set(slugs(default))
    assert "seksuele-ontwikkeling" not in slugs(default)  # optional module: off unless chosen
    _, off = render_inline(tmp_path / "uit", extra=ALL_OFF)
    present = slugs(off)
    assert not set(SWITCHED.values()) & set(present)
    assert {"meldplicht-zedendelicten", "burgerschap-en-inclusie"} <= set(present)
    _, on = render_inline(tmp_path / "aan", extra="hoofdstukken: {seksuele_ontwikkeling: true}\n")
    assert "seksuele-ontwikkeling" in slugs(on)


def test_site_pages_exist_for_the_new_chapters(examples: dict[str, RenderedSchool]) -> None:
    veiligheidsplan = plan(examples["vlinderboom"])
    paths = {veiligheidsplan.page_path(i) for i in range(len(veiligheidsplan.chapters))}
    for slug in NEW:
        assert f"{veiligheidsplan.file_stem}/{slug}.md" in paths


# --- the school's and board's data in the chapters -----------------------------------------------


def test_the_chapters_show_the_school_and_board_data(examples: dict[str, RenderedSchool]) -> None:
    rendered = examples["vlinderboom"]
    meld = chapter(rendered, "meldplicht-zedendelicten")
    assert "Stichting Openbaar Onderwijs Lindewaarde" in meld and "0123 456 700" in meld
    assert "0900 111 3111" in meld  # the vertrouwensinspecteur, from the sourced catalogue entry
    crisis = chapter(rendered, "crisis-en-ernstige-incidenten")
    assert "Sanne Pijnacker (crisiscoördinator)" in crisis
    assert "Hanneke Smit (woordvoerder)" in crisis
    assert "binnen 2 uur" in crisis and "Binnen 6 weken" in crisis and "GGD Waterland-Noord" in crisis
    for letter in ("incident_eigen_groep", "incident_overige_groepen", "incident_jonge_kinderen"):
        assert letter in crisis
    code = chapter(rendered, "gedragscode-en-sociale-media")
    assert "Gedragscode medewerkers SOOL" in code and "de schoolapp" in code
    citizenship = chapter(rendered, "burgerschap-en-inclusie")
    assert FACTS["burgerschap_wpo"].article in citizenship
    assert "Antidiscriminatievoorziening Lindewaarde" in citizenship and "gemeentehuis" in citizenship
    sexual = chapter(rendered, "seksuele-ontwikkeling")
    assert "Kriebels in je buik" in sexual and "Vlaggensysteem" in sexual and "Ruben Okafor" in sexual
    training = chapter(rendered, "deskundigheid")
    assert "| Sanne Pijnacker | Coördinator sociale veiligheid | 2024 |" in training
    assert "| Alle medewerkers en vaste invallers | Werken met de meldcode" in training
    assert "8 oktober 2025" in training
    privacy = chapter(rendered, "privacy")
    assert "keuze van het bestuur" in privacy and "Dirk Zwaan" in privacy
    monitoring = chapter(rendered, "monitoring")
    assert "| Leerlingen die zich veilig voelen op school | 92% | Vensters" in monitoring


def test_the_goals_are_in_the_context(examples: dict[str, RenderedSchool]) -> None:
    (model,) = [m for m in load_schools(ROOT / "policy") if m.id == "vlinderboom"]
    goals = build_context(model).goals
    assert [(goal.indicator, goal.minimum) for goal in goals][0] == ("voelt_zich_veilig", 92)


def test_a_vacant_crisis_coordinator_reads_right(tmp_path: Path) -> None:
    _, rendered = render_inline(tmp_path, extra="rollen:\n  crisiscoordinator: {vacature: true}\n")
    crisis = chapter(rendered, "crisis-en-ernstige-incidenten")
    assert "de crisiscoördinator (de naam volgt)" in crisis
    assert "heeft een crisiscoördinator; de naam volgt" in crisis


def test_privacy_without_own_rows_states_choices_not_law(tmp_path: Path) -> None:
    _, rendered = render_inline(tmp_path)
    privacy = chapter(rendered, "privacy")
    assert "geen wettelijke termijnen" in privacy
    assert "incidenten en ongevallen" in privacy.lower()


# --- confidentiality and cyberbullying corrections -----------------------------------------------


def test_confidentiality_texts_name_the_legal_limit(examples: dict[str, RenderedSchool]) -> None:
    for rendered in examples.values():
        for doc in rendered.documents:
            for ch in doc.chapters:
                for paragraph in ch.markdown.split("\n\n"):
                    if re.search(r"niets verder zonder toestemming|vertrouwelijk om met wat", paragraph):
                        assert "zedendelict" in paragraph, f"{doc.kind}/{ch.slug}: {paragraph[:120]}"
    taken = chapter(examples["vlinderboom"], "taken-en-verantwoordelijkheden")
    assert "meldplicht" in taken
    assert "zedendelict" in document(examples["vlinderboom"], "schoolgids")


def test_the_screenshot_advice_excludes_nude_images(examples: dict[str, RenderedSchool]) -> None:
    protocol = document(examples["vlinderboom"], "pestprotocol")
    advices = [
        line for line in protocol.splitlines() if "schermafbeelding" in line and "bewaar" in line.lower()
    ]
    assert advices
    for line in advices:
        assert "naaktbeelden" in line and re.search(
            r"(geen|nooit) (een )?schermafbeelding|schermafbeelding van maken is", line
        )
    assert "Helpwanted" in protocol


# --- checks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "old", "new"),
    [
        (
            "burgerschap",
            "burgerschap:\n  activiteiten: [Een leerlingenraad voor de groepen 5 tot en met 8.]\n",
            "",
        ),
        ("monitoring-doelen", "doelen:\n  - {indicator: voelt_zich_veilig, minimaal: 90}\n", ""),
        (
            "deskundigheid",
            "deskundigheid:\n  - {rol: team, training: Meldcode en meldplicht, jaar: 2026}\n",
            "",
        ),
        ("crisis-coordinator", "  crisiscoordinator: {personen: [p-dir]}\n", ""),
    ],
)
def test_missing_practice_is_a_warning_with_its_source(tmp_path: Path, rule: str, old: str, new: str) -> None:
    found = [f for f in findings(tmp_path, changed(COMPLETE_SCHOOL, old, new)) if f.rule == rule]
    assert [f.severity for f in found] == ["waarschuwing"]
    assert found[0].source
    if rule == "burgerschap":
        assert "artikel 8, derde lid" in found[0].source


def test_a_board_without_contact_details_is_warned_about_for_the_meldplicht(tmp_path: Path) -> None:
    board = changed(COMPLETE_BOARD, "  email: bestuur@testonderwijs.example\n", "")
    found = [f for f in findings(tmp_path, board=board) if f.rule == "meldplicht-bestuur"]
    assert [f.severity for f in found] == ["waarschuwing"]


def test_a_plan_without_the_meldplicht_chapter_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "met"
    model = load(folder)
    rendered = Renderer().render_school(build_context(model), model.template_dirs)
    assert not [f for f in check_rendered(model, rendered.documents) if f.rule == "meldplicht-hoofdstuk"]
    own = tmp_path / "zonder"
    replaced = own / "policy" / "eigen" / "veiligheidsplan" / "10b-meldplicht-zedendelicten.md.j2"
    replaced.parent.mkdir(parents=True)
    replaced.write_text("{# removed by the school #}\n", encoding="utf-8")
    model = load(own, "sjablonen: eigen\n" + COMPLETE_SCHOOL)
    rendered = Renderer().render_school(build_context(model), model.template_dirs)
    found = [f for f in check_rendered(model, rendered.documents) if f.rule == "meldplicht-hoofdstuk"]
    assert [f.severity for f in found] == ["fout"]
    assert "Zedenmisdrijven" in found[0].source
