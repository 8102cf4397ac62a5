"""Issue 12, the remaining legal points: removal and suspension say the law right, in plan, protocol and letters.

- the Geschillencommissie passend onderwijs route (term, where, and no fixed decision date when it is used);
- a samenwerkingsschool is not cited as a bijzondere school (no WPO 63 lid 3);
- the removal steps in the right order: another school before the decision takes effect;
- a measure that keeps a pupil out of school is a schorsing (controleer, plan, protocol, brief);
- a directeur decides on schorsing or verwijdering only with a mandate;
- copies of a letter go to leerplicht and inspectie only where the law or the policy gives a basis.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL, changed, findings
from letters_support import EXAMPLE_POLICY, docx_text, example, write_case
from policies import BOARD, SCHOOL, policy_tree

from schoolveiligheid import law
from schoolveiligheid.brief import write_letter
from schoolveiligheid.context import build_context
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import Renderer

SAMENWERKING = BOARD.replace("richting: openbaar", "richting: samenwerkingsschool")


def documents(policy: Path) -> dict[str, str]:
    """kind -> Markdown of the one school in the policy folder, with line breaks as spaces."""
    (school,) = load_schools(policy)
    rendered = Renderer().render_school(build_context(school), school.template_dirs)
    return {doc.kind: re.sub(r"\s+", " ", doc.markdown.replace("\\", "")) for doc in rendered.documents}


def removal_letters(tmp_path: Path, policy: Path) -> tuple[str, str]:
    """The letter of intent and the definitive letter of the example case, for the test school."""
    cases = tmp_path / "zaken"

    def case(name: str) -> str:
        return example(name).replace("vlinderboom", "testschool").replace("p-leerkracht-de-lange", "p-coord")

    intent = write_letter(
        write_case(cases, case("voornemen-verwijdering"), "voornemen-verwijdering.yaml"),
        policy,
        tmp_path / "a",
    )
    final = write_letter(
        write_case(cases, case("definitieve-verwijdering"), "definitief.yaml"), policy, tmp_path / "b"
    )
    return docx_text(intent.paths[0]), docx_text(final.paths[0])


# --- point 2: the Geschillencommissie passend onderwijs -------------------------------------------------


def test_definitive_removal_letter_states_the_commissie_route_with_term_and_address(tmp_path: Path) -> None:
    text = docx_text(
        write_letter(
            write_case(tmp_path, example("voornemen-verwijdering"), "voornemen-verwijdering.yaml"),
            EXAMPLE_POLICY,
            tmp_path / "a",
        ).paths[0]
    )
    assert "Geschillencommissie passend onderwijs" in text  # also announced in the letter of intent
    final = docx_text(
        write_letter(
            write_case(tmp_path, example("definitieve-verwijdering"), "definitief.yaml"),
            EXAMPLE_POLICY,
            tmp_path / "b",
        ).paths[0]
    )
    # Letter of 18-01-2027: six weeks is Monday 1 March 2027.
    assert "binnen zes weken na dit besluit, dus uiterlijk op maandag 1 maart 2027" in final
    assert law.DISPUTES_WEBSITE in final
    assert law.FACTS["geschillencommissie_opschorting"].rule in final
    # The fixed decision date holds only without the commissie: it is worded conditionally.
    assert re.search(
        r"beslist uiterlijk op dinsdag 30 maart 2027 op uw bezwaar, tenzij u het geschil ook aan de "
        r"Geschillencommissie passend onderwijs voorlegt",
        final,
    )
    assert "Een vaste datum voor de beslissing op uw bezwaar is er dan niet" in final


def test_the_plan_states_the_commissie_route_and_that_it_holds_up_the_decision(tmp_path: Path) -> None:
    plan = documents(policy_tree(tmp_path))["veiligheidsplan"]
    assert "Geschillencommissie passend onderwijs" in plan
    assert f"binnen {law.DISPUTES_WEEKS} weken na het besluit" in plan and law.DISPUTES_WEBSITE in plan
    assert law.FACTS["geschillencommissie_opschorting"].rule in plan


def test_commissie_facts_are_law_in_force_with_a_named_source() -> None:
    for key in ("geschillencommissie_termijn", "geschillencommissie_opschorting"):
        fact = law.FACTS[key]
        assert fact.status == "wet" and fact.article is None  # the article of the act was not read
        assert any("onderwijsgeschillen.nl" in source.url for source in fact.sources)


# --- point 3: samenwerkingsschool ----------------------------------------------------------------------


def test_samenwerkingsschool_has_its_own_unverified_route() -> None:
    for school_law in ("WPO", "WEC"):
        variant = law.variant(school_law, "samenwerkingsschool")  # type: ignore[arg-type]
        assert variant.objection.key == "bezwaar_samenwerkingsschool"
        assert not variant.objection.verified and variant.objection.article is None
    assert (
        law.variant("WPO", "bijzonder").objection.article
        == "artikel 63, derde lid, van de Wet op het primair onderwijs"
    )


def test_samenwerkingsschool_plan_and_letters_never_cite_article_63(tmp_path: Path) -> None:
    policy = policy_tree(tmp_path, board=SAMENWERKING)
    plan = documents(policy)["veiligheidsplan"]
    intent, final = removal_letters(tmp_path, policy)
    for text in (plan, intent, final):
        assert "artikel 63" not in text
    assert "hangt af van de rechtsvorm van het bestuur" in intent
    assert "beslist binnen vier weken nadat het uw bezwaarschrift heeft ontvangen" in final


# --- point 5: order of the removal steps ---------------------------------------------------------------


def test_the_plan_finds_another_school_before_the_decision_takes_effect(tmp_path: Path) -> None:
    plan = documents(policy_tree(tmp_path))["veiligheidsplan"]
    search = plan.index("**Een andere school zoeken.**")
    decide = plan.index("**Besluiten.**")
    assert search < decide, "another school is sought before the decision"
    assert "Het besluit gaat pas in als een andere school heeft toegezegd het kind toe te laten" in plan
    assert law.FACTS["verwijdering_ingang"].rule in plan
    assert "8 weken" not in plan and "acht weken" not in plan


def test_a_removal_taking_effect_before_the_other_school_agreed_is_refused(tmp_path: Path) -> None:
    write_case(tmp_path, example("voornemen-verwijdering"), "voornemen-verwijdering.yaml")
    case = example("definitieve-verwijdering").replace("toegezegd_op: 2027-01-12", "toegezegd_op: 2027-02-03")
    with pytest.raises(InvalidInput) as error:
        write_letter(write_case(tmp_path, case, "definitief.yaml"), EXAMPLE_POLICY, tmp_path / "uit")
    text = str(error.value)
    assert "ingangsdatum" in text and "vóór de toezegging van de andere school" in text


# --- point 7: a measure that keeps a pupil out of school is a schorsing -------------------------------


@pytest.mark.parametrize("where", ["buiten de school", "'thuis, met schoolwerk'"])
def test_a_time_out_outside_school_is_a_schorsing_everywhere(tmp_path: Path, where: str) -> None:
    measure = f"maatregelen:\n  time_out: {{waar: {where}, max_dagen: 5, besluit_door: directeur}}\n"
    found = [
        f
        for f in findings(tmp_path / "c", COMPLETE_SCHOOL + measure, COMPLETE_BOARD)
        if f.rule == "time-out-thuis"
    ]
    assert [f.severity for f in found] == ["fout"]
    assert "artikel 40c van de Wet op het primair onderwijs" in found[0].source
    # The example school's escalation has a time-out step, so its protocol describes the measure.
    policy = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, policy)
    school = policy / "vlinderboom.yaml"
    school.write_text(
        changed(
            school.read_text(encoding="utf-8"),
            "    waar: een andere groep, met eigen werk\n",
            f"    waar: {where}\n",
        ),
        encoding="utf-8",
    )
    (model,) = [item for item in load_schools(policy) if item.id == "vlinderboom"]
    rendered = Renderer().render_school(build_context(model), model.template_dirs)
    texts = {doc.kind: re.sub(r"\s+", " ", doc.markdown) for doc in rendered.documents}
    for kind in ("veiligheidsplan", "pestprotocol"):
        assert "geen schorsing" not in texts[kind], kind
    assert "Omdat het kind dan niet op school is, is deze maatregel een schorsing" in texts["veiligheidsplan"]
    assert "Daarom is deze maatregel een schorsing" in texts["pestprotocol"]


def test_a_time_out_inside_school_is_still_no_schorsing(tmp_path: Path) -> None:
    measure = "maatregelen:\n  time_out: {waar: een andere groep, max_dagen: 1, besluit_door: directeur}\n"
    texts = documents(policy_tree(tmp_path, SCHOOL + measure))
    assert "is geen schorsing" in texts["veiligheidsplan"]


def test_an_incident_letter_saying_the_pupil_stays_home_at_our_request_is_refused(tmp_path: Path) -> None:
    case = example("incident-eigen-groep").replace(
        "  ouders_vragen_rust: true\n", "  thuis_gehouden: true\n  ouders_vragen_rust: true\n"
    )
    with pytest.raises(InvalidInput) as error:
        write_letter(write_case(tmp_path, case), EXAMPLE_POLICY, tmp_path / "uit")
    text = str(error.value)
    assert "incident.thuis_gehouden" in text and "is geschorst" in text
    assert "artikel 40c van de Wet op het primair onderwijs" in text


# --- point 10: mandate ---------------------------------------------------------------------------------


def test_a_directeur_with_a_mandate_decides_on_behalf_of_the_board(tmp_path: Path) -> None:
    board = changed(
        BOARD,
        "  schorsing: {max_schooldagen: 3}\n",
        "  schorsing: {max_schooldagen: 3, besluit_door: directeur, mandaat: mandaatbesluit van 1 maart 2026}\n"
        "  verwijdering: {besluit_door: directeur, mandaat: mandaatbesluit van 1 maart 2026}\n",
    )
    plan = documents(policy_tree(tmp_path, board=board))["veiligheidsplan"]
    assert "De directeur besluit over de schorsing namens het bevoegd gezag (mandaat: mandaatbesluit" in plan
    assert "De directeur neemt het besluit namens het bevoegd gezag (mandaat: mandaatbesluit" in plan


def test_without_a_mandate_the_plan_says_the_board_decides(tmp_path: Path) -> None:
    board = changed(
        BOARD,
        "  schorsing: {max_schooldagen: 3}\n",
        "  schorsing: {max_schooldagen: 3, besluit_door: directeur}\n",
    )
    plan = documents(policy_tree(tmp_path, board=board))["veiligheidsplan"]
    assert "namens het bevoegd gezag" not in plan
    assert "besluit het bevoegd gezag zelf" in plan


# --- point 4: copies to third parties only with a basis ------------------------------------------------


def _copies(text: str) -> str:
    return text.split("Afschrift aan:")[-1] if "Afschrift aan:" in text else ""


def test_letter_of_intent_goes_to_leerplicht_and_inspectie_only_when_the_policy_says_so(
    tmp_path: Path,
) -> None:
    intent, final = removal_letters(tmp_path / "standaard", policy_tree(tmp_path / "standaard"))
    assert "leerplichtambtenaar" not in _copies(intent) and "Inspectie" not in _copies(intent)
    assert "Wie wij nog meer informeren" not in intent
    # A definitive removal: the law asks that inspectie and leerplicht hear of it.
    assert "leerplichtambtenaar" in _copies(final) and "Inspectie van het Onderwijs" in _copies(final)
    assert law.FACTS["verwijdering_inspectie"].rule in final
    assert law.FACTS["uitschrijving_leerplicht"].rule in final

    board = changed(
        BOARD,
        "  schorsing: {max_schooldagen: 3}\n",
        "  schorsing: {max_schooldagen: 3}\n  verwijdering: {voornemen_melden: true}\n",
    )
    intent, _ = removal_letters(tmp_path / "melden", policy_tree(tmp_path / "melden", board=board))
    assert "leerplichtambtenaar" in _copies(intent) and "Inspectie van het Onderwijs" in _copies(intent)
    assert law.FACTS["verwijdering_melden"].rule in intent


# --- the reference folder: grounds, hearing age, report, own term --------------------------------------


def test_removal_grounds_and_suspension_details_reach_the_plan(tmp_path: Path) -> None:
    board = changed(
        BOARD,
        "  schorsing: {max_schooldagen: 3}\n",
        "  schorsing: {max_schooldagen: 3, toetsen_op_school: true, verslag: true, beslistermijn_bezwaar_dagen: 14}\n"
        "  verwijdering:\n    horen: [groepsleerkracht, ouders, leerling]\n    leerling_horen_vanaf: 12\n"
        "    gronden: [ondersteuning, wangedrag, gedrag_ouders]\n",
    )
    plan = documents(policy_tree(tmp_path, board=board))["veiligheidsplan"]
    assert "de leerling (vanaf 12 jaar) gehoord" in plan
    assert "beslist het bevoegd gezag daarover binnen 14 dagen" in plan
    assert "De ouders tekenen het voor gezien" in plan
    assert "zoals de eindtoets, dan komt het kind daarvoor naar school" in plan
    assert "toelaatbaar is tot het speciaal onderwijs" in plan
    assert "Wat wij van ouders vragen, staat in de schoolgids" in plan
    assert "grondslag" not in plan


def test_a_hearing_age_without_hearing_the_pupil_is_refused(tmp_path: Path) -> None:
    board = changed(
        BOARD,
        "  schorsing: {max_schooldagen: 3}\n",
        "  schorsing: {max_schooldagen: 3}\n  verwijdering: {leerling_horen_vanaf: 12}\n",
    )
    with pytest.raises(InvalidInput) as error:
        load_schools(policy_tree(tmp_path, board=board))
    assert "leerling_horen_vanaf" in str(error.value)


# --- point 8: findings cite the verified article -------------------------------------------------------


def test_wet_veiligheid_findings_cite_article_4c_for_a_po_school(tmp_path: Path) -> None:
    methods = "methoden:\n  - id: vreedzame_school\n    groepen: 1-8\n"
    found = [
        f
        for f in findings(tmp_path, changed(COMPLETE_SCHOOL, methods, ""), COMPLETE_BOARD)
        if f.rule == "wvs-beleid"
    ]
    assert found and all(
        "artikel 4c, eerste lid, van de Wet op het primair onderwijs" in f.source for f in found
    )
    assert law.FACTS["zorgplicht_veiligheid_wpo"].verified


def test_roles_no_law_requires_are_warnings_that_name_their_source(tmp_path: Path) -> None:
    school = changed(COMPLETE_SCHOOL, "  aandachtsfunctionaris_meldcode: {personen: [p-ib]}\n", "")
    found = [
        f for f in findings(tmp_path, school, COMPLETE_BOARD) if f.rule == "meldcode-aandachtsfunctionaris"
    ]
    assert [f.severity for f in found] == ["waarschuwing"]
    assert law.FACTS["aandachtsfunctionaris"].status == "praktijk"
    assert all(source.title in found[0].source for source in law.FACTS["aandachtsfunctionaris"].sources)


def test_each_removal_step_is_its_own_list_item(tmp_path: Path) -> None:
    (school,) = load_schools(policy_tree(tmp_path))
    rendered = Renderer().render_school(build_context(school), school.template_dirs)
    plan = next(doc.markdown for doc in rendered.documents if doc.kind == "veiligheidsplan")
    steps = re.findall(r"^1\. \*\*([^*]+)\.\*\*", plan, re.MULTILINE)
    removal = steps[steps.index("Voorbereiden") : steps.index("Rechter") + 1]
    assert removal == [
        "Voorbereiden",
        "Horen",
        "Een andere school zoeken",
        "Besluiten",
        "Melden",
        "Bezwaar",
        "Geschillencommissie passend onderwijs",
        "Beslissing op bezwaar",
        "Rechter",
    ]


def test_a_time_out_letter_for_a_measure_outside_school_is_refused(tmp_path: Path) -> None:
    policy = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, policy)
    school = policy / "vlinderboom.yaml"
    school.write_text(
        changed(
            school.read_text(encoding="utf-8"),
            "    waar: een andere groep, met eigen werk\n",
            "    waar: thuis\n",
        ),
        encoding="utf-8",
    )
    case = (
        example("time-out")
        .replace("school: kompasroos", "school: vlinderboom")
        .replace("groep: SO-4", 'groep: "6"')
        .replace("ruimte: Stilteruimte", "ruimte: thuis")
    )
    with pytest.raises(InvalidInput) as error:
        write_letter(write_case(tmp_path / "zaken", case), policy, tmp_path / "uit")
    assert "houdt de leerling buiten school (thuis); dat is een schorsing" in str(error.value)
