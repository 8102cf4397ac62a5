"""Special education done properly (issue 11, item 5): the SO time-out, the measure under the school's own
name, physical intervention, the crisis model, zorgniveaus and verwijdering, and nothing of it for a po school."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from policies import SCHOOL, line_of, policy_tree

from schoolveiligheid.context import build_context
from schoolveiligheid.errors import InvalidInput, Problem
from schoolveiligheid.law import FACTS
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import RenderedDocument, RenderedSchool, Renderer

SO_SCHOOL = SCHOOL.replace("type: po", "type: so")
SO_PART = """\
so:
  time_out:
{time_out}
"""


def _plan(rendered: RenderedSchool) -> RenderedDocument:
    return next(doc for doc in rendered.documents if doc.kind == "veiligheidsplan")


def _chapter(rendered: RenderedSchool, slug: str) -> str:
    return next(ch.markdown for ch in _plan(rendered).chapters if ch.slug == slug)


def _render(tmp_path: Path, school: str) -> RenderedSchool:
    (model,) = load_schools(policy_tree(tmp_path, school=school))
    return Renderer().render_school(build_context(model), model.template_dirs)


def _problems(tmp_path: Path, school: str) -> tuple[Problem, ...]:
    with pytest.raises(InvalidInput) as caught:
        load_schools(policy_tree(tmp_path, school=school))
    return caught.value.problems


def _headings(markdown: str, deepest: int = 3) -> list[str]:
    pattern = rf"(?m)^(#{{1,{deepest}}}) (.+)$"
    return [m.group(2).strip() for m in re.finditer(pattern, markdown)]


def _so_school(time_out: str, extra: str = "") -> str:
    lines = "\n".join("    " + line for line in time_out.strip().splitlines())
    return SO_SCHOOL + SO_PART.format(time_out=lines) + extra


# --- the example SO school ---------------------------------------------------------------------------------


def test_kompasroos_plan_has_every_part_of_a_real_so_protocol(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    text = _chapter(example_rendered["kompasroos"], "speciaal-onderwijs")
    headings = _headings(text)
    for heading in (
        "Zorgniveaus en zorgteams",
        "Als de spanning oploopt",
        "Crisismodel",
        "Time-out",
        "Zo verloopt een time-out",
        "Toezicht en duur",
        "Afspraken voor enkele leerlingen",
        "Ouders en registratie",
        "Fysiek ingrijpen",
        "Wat de wet zegt",
        "Training",
        "Vastleggen, melden en evalueren",
        "Na een incident",
    ):
        assert heading in headings, heading
    assert len(text.split()) >= 3 * 480, "several times the ~480 SO words of before"
    # crisis model: a table with the four asked-for columns and the school's own phases
    assert "| Fase | Wat we zien | Wat we doen | Wie | Wat niet |" in text
    assert (
        "| 4. Ontlading |" in text and "De leerling opsluiten." not in text
    )  # cells keep the school's words
    assert "Alleen ingrijpen, pijn doen, de leerling opsluiten." in text
    # preventive and reactive time-out; preventive ones are not reported to parents at kompasroos
    assert "**Preventief.**" in text and "**Reactief.**" in text
    assert "Een preventieve time-out melden we niet apart aan de ouders" in text
    # physical intervention: criteria, legal basis from law.py (not verified: no article), school parameters
    criteria = (
        "Noodzakelijk",
        "Geen lichter middel",
        "In verhouding",
        "Zo kort mogelijk",
        "Zo min mogelijk beperkend",
    )
    for criterion in criteria:
        assert f"**{criterion}.**" in text, criterion
    assert FACTS["fysiek_ingrijpen"].rule in text and FACTS["fysiek_ingrijpen_noodrecht"].rule in text
    assert not FACTS["fysiek_ingrijpen"].verified and "artikel" not in text
    assert "Geweldloos weerbaar begrenzen" in text
    assert "De training in de school geven: de gedragswetenschapper en de time-outmedewerker" in text
    assert "vastgelegd in SWIS Suite, onderdeel fysiek ingrijpen" in text
    assert "Het bevoegd gezag krijgt van elk fysiek ingrijpen bericht." in text
    assert "nabesproken door de gedragswetenschapper en de directeur" in text
    assert "nooit alleen in een afgesloten ruimte" in text
    # zorgniveaus as a table from the YAML
    assert "| 3 | Het zorgteam stelt een individueel plan op. | het zorgteam |" in text


def test_kompasroos_so_chapter_comes_before_borging(example_rendered: dict[str, RenderedSchool]) -> None:
    slugs = [ch.slug for ch in _plan(example_rendered["kompasroos"]).chapters]
    assert slugs.index("speciaal-onderwijs") == slugs.index("borging-en-evaluatie") - 1


def test_kompasroos_measure_outside_the_group_has_its_own_name(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    rendered = example_rendered["kompasroos"]
    measures = _chapter(rendered, "schorsing-en-verwijdering")
    assert measures.startswith("# Interne afkoeling, schorsing en verwijdering\n")
    assert "## Interne afkoeling\n" in measures
    assert "Time-out" not in _headings(measures)


def test_kompasroos_hears_the_commissie_van_begeleiding_before_removal(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    measures = _chapter(example_rendered["kompasroos"], "schorsing-en-verwijdering")
    assert (
        "worden de groepsleerkracht, de ouders, de leerling en de commissie van begeleiding gehoord."
        in measures
    )


@pytest.mark.parametrize("school_id", ["vlinderboom", "zonnewijzer", "kompasroos"])
def test_no_document_lists_two_time_out_sections(
    example_rendered: dict[str, RenderedSchool], school_id: str
) -> None:
    for document in example_rendered[school_id].documents:
        # A chapter title such as "Time-out, schorsing en verwijdering" belongs to its own section below it.
        time_outs = [h for h in _headings(document.markdown) if h.lower() == "time-out"]
        assert len(time_outs) <= 1, (document.kind, time_outs)


# --- wording follows the data --------------------------------------------------------------------------------


def test_restriction_is_worded_for_named_pupils_only(tmp_path: Path) -> None:
    school = _so_school(
        """
toezicht: doorlopend
registratie: ParnasSys
beperkingen:
  - regel: Hoogstens drie time-outs per dag.
    vastgelegd_in: handelingsplan
    vastgesteld_door: commissie_van_begeleiding
"""
    )
    text = _chapter(_render(tmp_path, school), "speciaal-onderwijs")
    assert (
        "- Hoogstens drie time-outs per dag. Dit geldt alleen voor de leerlingen bij wie het in het handelingsplan "
        "staat; de commissie van begeleiding stelt dit per leerling vast."
    ) in text
    assert (
        "ten hoogste" not in text.split("### Afspraken voor enkele leerlingen")[0].split("## Time-out")[1]
    ), "no school-wide limit was set"


@pytest.mark.parametrize(
    ("time_out", "expected", "absent"),
    [
        ("toezicht: doorlopend", "zonder onderbreking in het oog", "elke"),
        ("toezicht: interval\ncheck_in_minuten: 7", "ten minste elke 7 minuten", "zonder onderbreking"),
        ("check_in_minuten: 1", "ten minste elke 1 minuut", "zonder onderbreking"),
    ],
)
def test_supervision_wording_follows_the_data(
    tmp_path: Path, time_out: str, expected: str, absent: str
) -> None:
    text = _chapter(
        _render(tmp_path, _so_school(time_out + "\nregistratie: ParnasSys")), "speciaal-onderwijs"
    )
    supervision = text.split("### Toezicht en duur")[1].split("###")[0]
    assert expected in supervision
    assert absent not in supervision
    assert "5 minuten" not in text, "never an invented interval"


def test_parents_hear_of_every_time_out_unless_the_school_excludes_preventive_ones(tmp_path: Path) -> None:
    every = _chapter(
        _render(tmp_path / "a", _so_school("toezicht: doorlopend\npreventief: true\nregistratie: X")),
        "speciaal-onderwijs",
    )
    assert "De ouders horen nog dezelfde dag van elke time-out, ook van een preventieve." in every
    reactive_only = _chapter(
        _render(
            tmp_path / "b",
            _so_school(
                "toezicht: doorlopend\npreventief: true\nouders_bij_preventief: false\nregistratie: X"
            ),
        ),
        "speciaal-onderwijs",
    )
    assert "Na een reactieve time-out horen de ouders het nog dezelfde dag." in reactive_only
    assert "elke time-out" not in reactive_only


def test_standard_phases_and_crisis_model_when_the_school_gives_none(tmp_path: Path) -> None:
    text = _chapter(
        _render(tmp_path, _so_school("toezicht: doorlopend\nregistratie: X")), "speciaal-onderwijs"
    )
    for phase in ("**Signaal.**", "**Time-out.**", "**Terugkeer.**", "**Nagesprek.**"):
        assert phase in text
    assert "| 1. Rust |" in text and "| 6. Terugkeer |" in text
    assert "Fysiek ingrijpen" not in _headings(text), "no physical-intervention data: no such section"


def test_so_school_without_own_name_gets_a_measure_name_that_is_not_time_out(tmp_path: Path) -> None:
    school = _so_school(
        "toezicht: doorlopend\nregistratie: X",
        "maatregelen:\n  time_out: {waar: de groep ernaast, max_dagen: 1, besluit_door: directie}\n",
    )
    rendered = _render(tmp_path, school)
    measures = _chapter(rendered, "schorsing-en-verwijdering")
    assert measures.startswith("# Tijdelijk buiten de groep, schorsing en verwijdering\n")
    headings = [h for doc in rendered.documents for h in _headings(doc.markdown)]
    assert headings.count("Time-out") == 1


# --- a regular school shows none of it -----------------------------------------------------------------------


def test_regular_school_shows_nothing_of_special_education(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    rendered = example_rendered["vlinderboom"]
    markdown = "\n".join(doc.markdown for doc in rendered.documents)
    for absent in (
        "Fysiek ingrijpen",
        "Crisismodel",
        "Zorgniveaus",
        "commissie van begeleiding",
        "Preventief",
    ):
        assert absent not in markdown, absent
    measures = _chapter(rendered, "schorsing-en-verwijdering")
    assert measures.startswith("# Time-out, schorsing en verwijdering\n"), "a po school keeps the plain name"


# --- errors for bad values ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("time_out", "key", "message", "hint"),
    [
        ("registratie: X", "so.time_out.toezicht", "zeg hoe het toezicht", "toezicht: doorlopend"),
        (
            "toezicht: interval\nregistratie: X",
            "so.time_out.check_in_minuten",
            "hoort check_in_minuten",
            "minuten",
        ),
        (
            "toezicht: doorlopend\ncheck_in_minuten: 5\nregistratie: X",
            "so.time_out.check_in_minuten",
            "bij doorlopend toezicht past geen check_in_minuten",
            "laat check_in_minuten weg",
        ),
        (
            "toezicht: doorlopend\nouders_bij_preventief: false\nregistratie: X",
            "so.time_out.ouders_bij_preventief",
            "heeft alleen zin met preventief: true",
            "zet preventief: true",
        ),
        (
            "toezicht: altijd\nregistratie: X",
            "so.time_out.toezicht",
            'ongeldige waarde "altijd"',
            "doorlopend",
        ),
        (
            "toezicht: doorlopend\nregistratie: X\nbeperkingen:\n  - {regel: Kort, vastgelegd_in: dossier, "
            "vastgesteld_door: directeur}",
            "so.time_out.beperkingen[0].vastgelegd_in",
            'ongeldige waarde "dossier"',
            "opp",
        ),
    ],
)
def test_bad_time_out_values_are_reported_in_dutch(
    tmp_path: Path, time_out: str, key: str, message: str, hint: str
) -> None:
    school = _so_school(time_out)
    problems = [p for p in _problems(tmp_path, school) if p.key == key]
    assert problems, f"no problem at {key}"
    (problem,) = problems
    assert message in problem.message
    assert hint in problem.hint
    assert problem.file.endswith("school.yaml") and problem.line is not None


def test_measure_named_time_out_beside_the_so_time_out_is_an_error(tmp_path: Path) -> None:
    school = _so_school(
        "toezicht: doorlopend\nregistratie: X",
        "maatregelen:\n  time_out: {naam: Time out, waar: de groep ernaast, max_dagen: 1, besluit_door: directie}\n",
    )
    (problem,) = _problems(tmp_path, school)
    assert problem.key == "maatregelen.time_out.naam"
    assert problem.line == line_of(school, "naam: Time out")
    assert "botst met de so-time-out" in problem.message
    assert "interne afkoeling" in problem.hint


def test_commissie_van_begeleiding_is_not_heard_at_a_po_school(tmp_path: Path) -> None:
    school = (
        SCHOOL
        + "maatregelen:\n  verwijdering:\n    horen: [groepsleerkracht, ouders, commissie_van_begeleiding]\n"
    )
    (problem,) = _problems(tmp_path, school)
    assert problem.key == "maatregelen.verwijdering.horen"
    assert "geen commissie van begeleiding" in problem.message
    assert "sbo, so en vso" in problem.hint


def test_crisis_phase_needs_who(tmp_path: Path) -> None:
    school = SO_SCHOOL + "so:\n  crisismodel:\n    - {fase: Rust, signalen: Kalm., aanpak: Routine.}\n"
    (problem,) = _problems(tmp_path, school)
    assert problem.key == "so.crisismodel[0].wie"
    assert "ontbreekt" in problem.message


# --- depth: what a real SO safety protocol covers (issue 11, point 5) ------------------------------------------


def test_kompasroos_covers_the_topics_of_a_real_so_protocol(
    example_rendered: dict[str, RenderedSchool],
) -> None:
    text = _chapter(example_rendered["kompasroos"], "speciaal-onderwijs")
    assert len(text.split()) >= 2700, len(text.split())
    headings = _headings(text)
    for heading in (
        "Wat we onder agressie verstaan",
        "Wat we van medewerkers verwachten",
        "Momenten met meer risico",
        "Weglopen",
        "Samen met de ouders",
        "Schorsing en verwijdering in het speciaal onderwijs",
    ):
        assert heading in headings, heading
    # all criteria for physical intervention, also being trained and keeping the skill
    for criterion in ("Op het moment zelf", "Vooraf bekend", "Getraind", "Vaardigheid bijgehouden"):
        assert f"**{criterion}.**" in text, criterion
    # school parameters reach the text
    assert (
        "Vinden we het kind niet binnen 15 minuten, of is het kind in gevaar, dan bellen we de politie."
        in text
    )
    assert "| Halen en brengen met de taxi |" in text
    assert "| 7. Nabespreking |" in text
    # SO specifics of schorsing and verwijdering: the act, the measure's own name, the commissie van begeleiding
    assert "de regels van de Wet op de expertisecentra" in text
    assert "De eerste stap is interne afkoeling" in text
    assert "hoort het ook de commissie van begeleiding" in text
    assert "aangifte doen bij de politie" in text


def test_runaway_and_risk_moments_only_when_the_school_describes_them(tmp_path: Path) -> None:
    text = _chapter(
        _render(tmp_path, _so_school("toezicht: doorlopend\nregistratie: X")), "speciaal-onderwijs"
    )
    headings = _headings(text)
    assert "Weglopen" not in headings and "Momenten met meer risico" not in headings
    assert "Wat we onder agressie verstaan" in headings, "the standard text is always there"
    assert "commissie van begeleiding" not in text


def test_runaway_needs_a_sensible_number_of_minutes(tmp_path: Path) -> None:
    school = _so_school("toezicht: doorlopend\nregistratie: X", "  weglopen: {politie_na_minuten: 0}\n")
    problems = [p for p in _problems(tmp_path, school) if p.key == "so.weglopen.politie_na_minuten"]
    assert problems, "no problem at so.weglopen.politie_na_minuten"
    assert problems[0].line == line_of(school, "politie_na_minuten: 0")
