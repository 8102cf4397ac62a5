"""Issue 11, items 4 and 6: several complaint routes with their own committee, people in the school's own words,
several analysis moments; and one wording for each fact that several documents state."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from policies import BOARD, SCHOOL, policy_tree

from schoolveiligheid.context import SchoolContext, build_context
from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import SchoolModel, load_schools
from schoolveiligheid.render import RenderedSchool, Renderer

# A board with a route for quality complaints and one for ongewenst gedrag, each with its own committee;
# the second committee has a secretariat with its own postal address.
TWO_COMMITTEES = """\
  - id: org-mm
    soort: klachtencommissie
    naam: Commissie Ongewenst Gedrag Test
    postadres: {postbus: Postbus 77, postcode: 2000 BB, plaats: Teststad}
    secretariaat:
      naam: Saskia Secretaris
      functie: ambtelijk secretaris
      postadres: {postbus: Postbus 78, postcode: 2000 BC, plaats: Teststad}
documenten:
"""
ROUTES = """\
  commissie: org-klachten
  routes:
    - naam: Klachten over de gang van zaken
      reikwijdte: [kwaliteit{quality}]
      stappen: [leerkracht, directie, org-klachten]
    - naam: Klachten over ongewenst gedrag
      reikwijdte: [machtsmisbruik{abuse}]
      stappen: [externe_vertrouwenspersoon, org-mm]
      commissie: {committee}
"""


def board(pesten_with: str = "quality", committee: str = "org-mm") -> str:
    routes = ROUTES.format(
        quality=", pesten" if pesten_with == "quality" else "",
        abuse=", pesten" if pesten_with == "abuse" else "",
        committee=committee,
    )
    return BOARD.replace("documenten:\n", TWO_COMMITTEES, 1).replace("  commissie: org-klachten\n", routes, 1)


def school_model(tmp_path: Path, board_text: str, school_text: str = SCHOOL) -> SchoolModel:
    (school,) = load_schools(policy_tree(tmp_path, school_text, board_text))
    return school


def render(school: SchoolModel) -> RenderedSchool:
    return Renderer().render_school(build_context(school), school.template_dirs)


def texts(rendered: RenderedSchool) -> dict[str, str]:
    """Every document and site page as Markdown, by name."""
    found = {doc.kind: "\n".join(ch.markdown for ch in doc.chapters) for doc in rendered.documents}
    found |= {f"site/{page.slug}": page.markdown for page in rendered.site_pages}
    return found


def complaints_part(text: str) -> str:
    """From the '## Klachten' heading to the next heading of that level."""
    start = text.index("## Klachten\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


# Item 4: complaint routes, each with its own committee.


def test_a_complaint_about_pesten_goes_to_the_committee_of_the_route_that_covers_it(tmp_path: Path) -> None:
    for pesten_with, right, wrong in (
        ("quality", "Klachtencommissie Test", "Commissie Ongewenst Gedrag Test"),
        ("abuse", "Commissie Ongewenst Gedrag Test", "Klachtencommissie Test"),
    ):
        school = school_model(tmp_path / pesten_with, board(pesten_with))
        found = texts(render(school))
        sentence = f"Een klacht over pesten die u niet met de school of het bestuur kunt oplossen, legt u voor aan de {right}"  # with its article (issue 13)
        for name in ("pestprotocol", "schoolgids", "site/contact"):
            part = complaints_part(found[name])
            pesten = next(
                p for p in part.split("\n\n") if p.startswith("Gaat uw klacht over de aanpak van pesten")
            )
            assert sentence in pesten, name
            assert wrong not in pesten, name


def test_ongewenst_gedrag_has_its_own_route_and_committee_where_parents_read_about_complaints(
    tmp_path: Path,
) -> None:
    found = texts(render(school_model(tmp_path, board())))
    for name in ("pestprotocol", "schoolgids", "site/contact"):
        part = complaints_part(found[name])
        assert (
            "Een klacht over ongewenst gedrag, zoals intimidatie, discriminatie of geweld, volgt de route "
            "*Klachten over ongewenst gedrag*: de externe vertrouwenspersoon, daarna de Commissie Ongewenst Gedrag Test."
            in part
        ), name
        assert (
            "legt u de klacht voor aan de Commissie Ongewenst Gedrag Test, Postbus 77, 2000 BB Teststad."
            in part
        )


def test_the_plan_and_the_site_name_each_committee_with_its_secretariat_and_postal_address(
    tmp_path: Path,
) -> None:
    found = texts(render(school_model(tmp_path, board())))
    plan = found["veiligheidsplan"]
    assert "## Klachtencommissies" in plan
    assert "De klachtencommissie van deze route is Commissie Ongewenst Gedrag Test." in plan
    assert "Voor: Klachten over ongewenst gedrag." in plan
    assert "Voor: Klachten over de gang van zaken." in plan
    for name in ("veiligheidsplan", "site/contact"):
        text = found[name]
        assert "- Postadres: Postbus 77, 2000 BB Teststad" in text, name
        assert (
            "- Secretariaat: Saskia Secretaris, ambtelijk secretaris; post voor het secretariaat: "
            "Postbus 78, 2000 BC Teststad" in text
        ), name
        assert "- Postadres: Postbus 1, 1000 AA Teststad" in text, name


def test_one_committee_keeps_the_singular_chapter(tmp_path: Path) -> None:
    plan = texts(render(school_model(tmp_path, board(committee="org-klachten"))))["veiligheidsplan"]
    assert "## Klachtencommissie\n" in plan and "## Klachtencommissies" not in plan
    assert "De klachtencommissie van deze route is" not in plan


@pytest.mark.parametrize(
    ("old", "new", "key", "hint"),
    [
        (
            "      commissie: org-mm\n",
            "      commissie: org-m\n",
            "klachten.routes[1].commissie",
            "bedoelde je 'org-mm'?",
        ),
        (
            "      stappen: [externe_vertrouwenspersoon, org-mm]\n",
            "      stappen: [externe_vertrouwenspersoon, org-mmm]\n",
            "klachten.routes[1].stappen[1]",
            "bedoelde je 'org-mm'?",
        ),
    ],
)
def test_a_route_naming_an_unknown_organisation_is_a_dutch_error(
    tmp_path: Path, old: str, new: str, key: str, hint: str
) -> None:
    text = board().replace(old, new, 1)
    with pytest.raises(InvalidInput) as raised:
        school_model(tmp_path, text)
    (problem,) = raised.value.problems
    assert problem.file.endswith("bestuur.yaml")
    assert problem.key == key
    assert problem.line == text.splitlines().index(new.rstrip("\n")) + 1
    assert "bestaat niet" in problem.message
    assert problem.hint == hint


def test_a_route_without_any_committee_is_an_error(tmp_path: Path) -> None:
    text = board().replace("  commissie: org-klachten\n  routes:", "  routes:", 1)
    with pytest.raises(InvalidInput) as raised:
        school_model(tmp_path, text)
    (problem,) = raised.value.problems
    assert problem.key == "klachten.commissie"
    assert problem.message == "niet elke klachtroute heeft een klachtencommissie"


# Item 4: people in the school's own words, and several analysis moments.

DESCRIBED = "twee getrainde collega's, van wie één gecertificeerd"
OWN_SCHOOL = SCHOOL.split("pestaanpak:\n")[0]
PRACTICE = f"""\
incidentregistratie:
  systeem: ParnasSys
  verantwoordelijke: directeur
  analyse:
    - {{met: [directeur], frequentie: {{aantal: 1, per: maand}}}}
    - {{wat: omvang van pesten, met: [leerkracht, {{omschrijving: de intern begeleider van de bouw}}], moment: bij elke groepsbespreking}}
pestaanpak:
  curatief:
    methoden: [no_blame]
    uitvoerders: [leerkracht, {{omschrijving: "{DESCRIBED}"}}]
  escalatie:
    - titel: Gesprek
      verantwoordelijk: [{{omschrijving: de bouwcoördinator}}]
"""


def test_people_written_in_words_and_several_analysis_moments_read_naturally(tmp_path: Path) -> None:
    found = texts(render(school_model(tmp_path, BOARD, OWN_SCHOOL + PRACTICE)))
    plan, protocol = found["veiligheidsplan"], found["pestprotocol"]
    assert f"De gesprekken worden gevoerd door de leerkracht en {DESCRIBED}." in plan
    assert f"- **Wie de aanpak uitvoert:** de leerkracht en {DESCRIBED}." in protocol
    assert "Verantwoordelijk: de bouwcoördinator." in plan
    assert "- **Verantwoordelijk:** de bouwcoördinator" in protocol
    assert "We analyseren ze op deze momenten:\n\n- één keer per maand, met de directeur;\n" in plan
    assert (
        "- omvang van pesten: bij elke groepsbespreking, met de leerkracht en de intern begeleider van de bouw.\n"
        in plan
    )


def test_a_single_analysis_block_still_reads_as_one_sentence(tmp_path: Path) -> None:
    single = PRACTICE.replace("    - {met: [directeur], frequentie: {aantal: 1, per: maand}}\n", "").replace(
        "  analyse:\n    - {wat: omvang van pesten,", "  analyse: {wat: omvang van pesten,"
    )
    plan = texts(render(school_model(tmp_path, BOARD, OWN_SCHOOL + single)))["veiligheidsplan"]
    assert (
        "We analyseren ze bij elke groepsbespreking, met de leerkracht en de intern begeleider van de bouw "
        "(omvang van pesten)." in plan
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            f'uitvoerders: [leerkracht, {{omschrijving: "{DESCRIBED}"}}]',
            "uitvoerders: [leerkracht, {naam: iemand}]",
            "hier hoort een rol-id of een omschrijving op één regel",
        ),
        (
            "moment: bij elke groepsbespreking}",
            "frequentie: {aantal: 1, per: jaar}, moment: bij elke groepsbespreking}",
            "een analyse heeft een frequentie of een moment (precies één van beide)",
        ),
        ("uitvoerders: [leerkracht,", "uitvoerders: [leerkrach,", 'rol "leerkrach" bestaat niet'),
    ],
)
def test_wrong_people_or_analysis_moments_are_dutch_errors(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = OWN_SCHOOL + PRACTICE.replace(old, new, 1)
    with pytest.raises(InvalidInput) as raised:
        school_model(tmp_path, BOARD, text)
    (problem,) = raised.value.problems
    assert problem.message == message
    assert problem.file.endswith("school.yaml") and problem.line > 0 and problem.hint


# Item 6: one fact, one wording, in every document, site page and the incident form.

LADDER = (
    "De stappen beginnen bij het eerste voorval en worden steeds zwaarder. Komt het gedrag terug, of helpt een "
    "stap niet binnen de afgesproken termijn, dan volgt de volgende stap. Bij ernstig gedrag kan de school meteen "
    "een latere stap zetten."
)
# Wordings the documents used before, which contradict the facts above.
CONFLICTING = (
    "Stappen als het pesten niet stopt",
    "Stopt het pesten niet",
    "Stopt het niet",
    "na de melding bij elkaar",
    "na het signaal",
)


def all_texts(school: SchoolModel, rendered: RenderedSchool) -> dict[str, str]:
    found = texts(rendered)
    form = forms_context(school).incidents
    found["formulier"] = ". ".join(str(value) for value in (form.record_term, form.analysis) if value)
    return found


@pytest.fixture(scope="module")
def example_texts(
    example_schools: dict[str, SchoolModel], example_rendered: dict[str, RenderedSchool]
) -> dict[str, dict[str, str]]:
    return {sid: all_texts(school, example_rendered[sid]) for sid, school in example_schools.items()}


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_each_fact_has_one_wording_everywhere(
    school_id: str, example_texts: dict[str, dict[str, str]], example_contexts: dict[str, SchoolContext]
) -> None:
    found, context = example_texts[school_id], example_contexts[school_id]
    for name, text in found.items():
        for variant in CONFLICTING:
            assert variant not in text, (name, variant)
    incidents, bullying = context.incidents, context.bullying
    if incidents is not None and incidents.record_term:
        # Every 'binnen N (school)dagen na …' is the one wording, in the plan, the protocol and the form.
        for name, text in found.items():
            for match in re.findall(r"binnen \d+ (?:school)?dag(?:en)? na [^.,;)]+", text):
                assert match == incidents.record_term, (name, match)
        for name in ("veiligheidsplan", "pestprotocol", "formulier"):
            assert incidents.record_term in found[name], name
        assert "schooldag" not in found["formulier"]
    if bullying is not None and bullying.group_meeting_term:
        sentences = [
            sentence
            for text in found.values()
            for sentence in re.findall(r"[Dd]e steungroep komt [^.]+\.", text)
        ]
        assert sentences, "the steungroep term is stated somewhere"
        assert {sentence[1:] for sentence in sentences} == {
            f"e steungroep komt {bullying.group_meeting_term} bij elkaar."
        }
    if bullying is not None and bullying.escalation:
        for name in ("veiligheidsplan", "pestprotocol"):
            assert LADDER in found[name], name
            assert "Stappen bij pesten en ongewenst gedrag" in found[name], name
        assert (
            "Welke stappen we zetten, van het eerste voorval tot de zwaarste maatregel" in found["schoolgids"]
        )
    if context.complaints is not None:
        paragraphs = {
            name: next(
                p for p in complaints_part(found[name]).split("\n\n") if p.startswith("Gaat uw klacht")
            )
            for name in ("pestprotocol", "schoolgids", "site/contact")
        }
        # The protocol adds who can show the way; the sentence about where the complaint goes is the same.
        first = paragraphs["schoolgids"]
        assert paragraphs["site/contact"] == first
        assert paragraphs["pestprotocol"].startswith(first)
