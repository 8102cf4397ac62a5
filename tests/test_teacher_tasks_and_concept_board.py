"""Issue 11, the last reference elements: the teacher's tasks, and concepts without committee or board details.

- `rollen.leerkracht` is a role of the whole team: its tasks reach the plan and the pestprotocol, but it
  names nobody, is never vacant and has no row in a contact table.
- A concept may lack its complaints committee, and a board file used only by concept schools may lack its
  address and richting: findings, and every output says the value still follows ("[… volgt]"); the plan
  states no objection or court route without a richting. A vastgesteld school still needs them, and a
  letter is refused without them.
- The sociale kaart form words a secretariat in its template; Python passes only the values.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support import dump_yaml, load_yaml

from schoolveiligheid.brief.checks import read_case
from schoolveiligheid.checks import check_school
from schoolveiligheid.context import build_context
from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import SchoolModel, load_schools
from schoolveiligheid.model.vacancy import vacant_roles
from schoolveiligheid.render import Renderer

ROOT = Path(__file__).resolve().parents[1]
POLICY = ROOT / "policy"
TODAY = date(2026, 10, 1)
LETTER_EXAMPLE = ROOT / "letters" / "voorbeelden" / "uitnodiging-gesprek.yaml"

TEACHER = {
    "taken": [
        "registreert zorgen in het leerlingvolgsysteem",
        "meldt niet zelf bij Veilig Thuis; dat doet de directie met de aandachtsfunctionaris <b>samen</b>.",
    ],
    "taken_aanvulling": "Nieuwe leerkrachten krijgen in hun eerste jaar een maatje.",
}


def _school(tmp_path: Path, school: Any = None, board: Any = None) -> SchoolModel:
    """vlinderboom and its board in a folder of their own, changed by `school(data)` and `board(data)`."""
    folder = tmp_path / "policy"
    folder.mkdir(parents=True)
    shutil.copytree(POLICY / "logo", folder / "logo")
    for name, change in (("bestuur.yaml", board), ("vlinderboom.yaml", school)):
        data = load_yaml((POLICY / name).read_text(encoding="utf-8"))
        if change is not None:
            change(data)
        (folder / name).write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    (found,) = [model for model in load_schools(folder) if model.id == "vlinderboom"]
    return found


def _texts(school: SchoolModel) -> dict[str, str]:
    rendered = Renderer().render_school(build_context(school), school.template_dirs)
    texts = {f"site-{page.slug}": page.markdown for page in rendered.site_pages}
    texts.update({doc.kind: doc.markdown for doc in rendered.documents})
    return {
        name: re.sub(r"\\(.)", r"\1", text.replace("**", "").replace("*", "")) for name, text in texts.items()
    }


def _concept(data: dict[str, Any]) -> None:
    data["document"]["status"] = "concept"
    data["document"].pop("vastgesteld_op", None)
    data["document"].pop("mr_instemming_op", None)


def _without_committee(data: dict[str, Any]) -> None:
    data["klachten"].pop("commissie")


def _without_address_and_richting(data: dict[str, Any]) -> None:
    data["bestuur"].pop("adres")
    data["bestuur"].pop("richting")
    data["bestuur"].pop("postadres", None)


def _refused_letter(tmp_path: Path, school: SchoolModel) -> str:
    case = tmp_path / "zaak.yaml"
    case.write_text(LETTER_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        read_case(case, [school])
    return str(error.value)


def _concept_findings(school: SchoolModel) -> dict[str, str]:
    return {
        finding.where.rsplit(": ", 1)[-1]: finding.message
        for finding in check_school(school, TODAY)
        if finding.rule == "concept-onvolledig"
    }


# --- the teacher: a role of the whole team -------------------------------------------------------------


def test_the_teachers_tasks_reach_the_plan_and_the_protocol_refers_to_them(tmp_path: Path) -> None:
    school = _school(tmp_path, board=lambda data: data["rollen"].update(leerkracht=TEACHER))
    texts = _texts(school)
    text = texts["veiligheidsplan"]
    assert "- registreert zorgen in het leerlingvolgsysteem;" in text
    # the last task closes the list, whatever the user wrote at its end; user text is escaped
    assert "de directie met de aandachtsfunctionaris &lt;b&gt;samen&lt;/b&gt;.\n" in text
    assert "<b>" not in text
    assert "Nieuwe leerkrachten krijgen in hun eerste jaar een maatje." in text
    # The protocol does not repeat them (issue 13: no repeated paragraphs); it points to the plan's chapter.
    protocol = texts["pestprotocol"]
    assert (
        "verder doet, staat in het sociaal veiligheidsplan, in het hoofdstuk Taken en verantwoordelijkheden."
        in (protocol)
    )
    assert "registreert zorgen in het leerlingvolgsysteem" not in protocol
    assert "- is voor ouders het eerste aanspreekpunt over hun kind;" in texts["veiligheidsplan"]


def test_the_teacher_role_is_never_vacant_and_never_in_a_contact_table(tmp_path: Path) -> None:
    tasks = {"taken": ["registreert zorgen in het leerlingvolgsysteem"]}
    school = _school(tmp_path, board=lambda data: data["rollen"].update(leerkracht=tasks))
    assert "leerkracht" not in school.roles
    assert "leerkracht" not in vacant_roles(school)
    context = build_context(school)
    rows = [*context.contact_rows, *context.other_role_rows]
    assert not [row for row in rows if "leerkracht" in row.roles.lower()]
    assert "leerkracht" not in context.roles
    assert not [f for f in check_school(school, TODAY) if "rollen.leerkracht" in f.where]


def test_the_teacher_role_names_nobody(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as error:
        _school(tmp_path, board=lambda data: data["rollen"].update(leerkracht={"personen": ["p-fg"]}))
    assert "rollen.leerkracht.personen" in str(error.value)


def test_without_teacher_tasks_the_standard_list_ends_as_before(tmp_path: Path) -> None:
    texts = _texts(_school(tmp_path))
    assert "- is voor ouders het eerste aanspreekpunt over hun kind.\n" in texts["veiligheidsplan"]


# --- a concept without a complaints committee ----------------------------------------------------------


def test_a_concept_without_a_committee_is_a_finding_and_says_it_follows(tmp_path: Path) -> None:
    school = _school(tmp_path, school=_concept, board=_without_committee)
    findings = _concept_findings(school)
    assert findings["klachten.commissie"] == (
        "de klachtencommissie ontbreekt nog; in de documenten staat [klachtencommissie volgt]"
    )
    texts = _texts(school)
    for kind in ("veiligheidsplan", "pestprotocol", "schoolgids", "site-contact"):
        assert "[klachtencommissie volgt]" in texts[kind], kind
    assert "aangesloten bij een klachtencommissie: [klachtencommissie volgt]." in texts["veiligheidsplan"]
    assert "voor aan de [klachtencommissie volgt]." in texts["pestprotocol"]


def test_a_vastgesteld_school_still_needs_its_committee(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as error:
        _school(tmp_path, board=_without_committee)
    assert "klachten.commissie: niet elke klachtroute heeft een klachtencommissie" in str(error.value)


def test_a_letter_refuses_a_concept_without_a_committee(tmp_path: Path) -> None:
    school = _school(tmp_path, school=_concept, board=_without_committee)
    assert "het beleid noemt de klachtencommissie nog niet" in _refused_letter(tmp_path, school)


# --- a concept board without address and richting ------------------------------------------------------


def test_a_concept_board_may_lack_address_and_richting(tmp_path: Path) -> None:
    school = _school(tmp_path, school=_concept, board=_without_address_and_richting)
    findings = _concept_findings(school)
    assert (
        findings["bestuur.adres"]
        == "het adres van het bestuur ontbreekt nog; in de documenten staat [adres volgt]"
    )
    assert findings["bestuur.richting"] == (
        "de richting van het bestuur ontbreekt nog; in de documenten staat [rechtsgang volgt]"
    )
    texts = _texts(school)
    plan = texts["veiligheidsplan"]
    assert "Het bezwaarschrift gaat naar het bevoegd gezag: " in plan
    assert "Stichting Openbaar Onderwijs Lindewaarde, [adres volgt]." in plan
    assert plan.count("[rechtsgang volgt]") == 2  # the decision on the objection, and the court
    assert "- Adres: [adres volgt]" in texts["site-contact"]


def test_without_richting_no_route_is_stated(tmp_path: Path) -> None:
    school = _school(tmp_path, school=_concept, board=_without_address_and_richting)
    for kind, text in _texts(school).items():
        for route in (
            "bestuursrechter",
            "civiele rechter",
            "artikel 63",
            "na ontvangst van het bezwaarschrift",
        ):
            assert route not in text, f"{kind}: {route}"
        assert "gerekend vanaf de dag na het einde van de bezwaartermijn" not in text, kind
        assert "None" not in text, kind


def test_a_vastgesteld_school_still_needs_its_boards_address_and_richting(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as error:
        _school(tmp_path, board=_without_address_and_richting)
    text = str(error.value)
    assert "bestuur.yaml" in text
    assert "een vastgesteld beleid heeft de richting van het bestuur nodig" in text
    assert "zet document.status: concept" in text


def test_a_letter_refuses_a_school_whose_board_lacks_richting_and_address(tmp_path: Path) -> None:
    school = _school(tmp_path, school=_concept, board=_without_address_and_richting)
    text = _refused_letter(tmp_path, school)
    assert "het beleid noemt de richting van het bestuur nog niet" in text
    assert "het beleid noemt het adres van het bestuur nog niet" in text
    assert "bestuur.yaml" in text


# --- the sociale kaart form: values from Python, words in the template -----------------------------------


def test_the_form_context_holds_the_secretariat_as_values(example_schools: dict[str, SchoolModel]) -> None:
    rows = forms_context(example_schools["vlinderboom"]).organisations
    (committee,) = [row for row in rows if row.secretariat is not None]
    assert "secretariaat" not in committee.contact
    assert (committee.secretariat.name, committee.secretariat.function) == (
        "Petra Oosting",
        "ambtelijk secretaris",
    )
    template = (
        ROOT / "templates" / "formulieren" / "sociale-kaart-en-bereikbaarheidslijst.txt.j2"
    ).read_text(encoding="utf-8")
    assert "'secretariaat: '" in template
    source = (ROOT / "schoolveiligheid" / "context" / "forms.py").read_text(encoding="utf-8")
    assert 'f"secretariaat: {' not in source  # the words were built in Python before
