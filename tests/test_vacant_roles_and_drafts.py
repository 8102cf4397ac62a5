"""Issue 11, items 1 and 2: vacant roles and incomplete concept drafts.

A role can exist before anyone holds it (`vacature: true`): every sentence, table and
site block that names it reads right for nobody, one person or several, and says the
name follows. A concept may lack the school's address, phone, e-mail and version: they
are findings, and the outputs say "[… volgt]"; an adopted policy and every letter still
need them. One rule (model/vacancy.py) decides what a vacant role means for a letter.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from support import dump_yaml, empty_headings, load_yaml

from schoolveiligheid.brief.checks import read_case
from schoolveiligheid.checks import check_school
from schoolveiligheid.context import build_context
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import SchoolModel, load_schools
from schoolveiligheid.model.vacancy import letter_role_problem, vacant_roles
from schoolveiligheid.render import RenderedSchool, Renderer

ROOT = Path(__file__).resolve().parents[1]
POLICY = ROOT / "policy"
TODAY = date(2026, 10, 1)

# Everything vlinderboom's documents and site would break on when a role has nobody.
BROKEN = (
    re.compile(r"\bbij ,"),
    re.compile(r"\(\s*\)"),
    re.compile(r" van \.\.\."),
    re.compile(r"^\s*(is|zijn) ", re.MULTILINE),
    re.compile(r"\bmet \("),
    re.compile(r"\bnaar \("),
    re.compile(r"\bbij \("),
    re.compile(r"\baan \("),
    re.compile(r"None"),
    re.compile(r"via de school"),  # nobody in these variants is reachable only via the school
)

VACANT_ROLES = {
    "coordinator_anti_pestbeleid": {"label": "coördinator sociale veiligheid", "vacature": True},
    "aanspreekpunt_pesten": {"vacature": True},
    "interne_vertrouwenspersoon": {"label": "contactpersoon", "vacature": True},
    "externe_vertrouwenspersoon": {"vacature": True},
    "aandachtsfunctionaris_meldcode": {"vacature": True},
    "intern_begeleider": {"vacature": True},
    "ict_coordinator": {"vacature": True},
}
SEVERAL_ROLES = {
    "coordinator_anti_pestbeleid": {
        "label": "coördinator sociale veiligheid",
        "personen": ["p-coordinator", "p-okafor"],
    },
    "aanspreekpunt_pesten": {"personen": ["p-coordinator", "p-ict"]},
}


def _policy_folder(tmp_path: Path, change: Any) -> Path:
    """vlinderboom with its board in a folder of its own, its data changed by `change(data)`."""
    folder = tmp_path / "policy"
    folder.mkdir(parents=True)
    shutil.copy(POLICY / "bestuur.yaml", folder / "bestuur.yaml")
    shutil.copytree(POLICY / "logo", folder / "logo")
    data = load_yaml((POLICY / "vlinderboom.yaml").read_text(encoding="utf-8"))
    change(data)
    (folder / "vlinderboom.yaml").write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
    return folder


def _school(tmp_path: Path, change: Any) -> SchoolModel:
    (school,) = [s for s in load_schools(_policy_folder(tmp_path, change)) if s.id == "vlinderboom"]
    return school


def _rendered(school: SchoolModel) -> RenderedSchool:
    return Renderer().render_school(build_context(school), school.template_dirs)


def _texts(rendered: RenderedSchool) -> dict[str, str]:
    texts = {f"site-{page.slug}": page.markdown for page in rendered.site_pages}
    texts.update({doc.kind: doc.markdown for doc in rendered.documents})
    return texts


def _plain(markdown: str) -> str:
    """Markdown without emphasis and escapes, so a sentence can be asserted as it reads."""
    return re.sub(r"\\(.)", r"\1", markdown.replace("**", "").replace("*", ""))


def _roles(roles: dict[str, Any]) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["rollen"].update(roles)

    return change


def _concept(data: dict[str, Any]) -> None:
    data["document"]["status"] = "concept"
    data["document"].pop("vastgesteld_op", None)
    data["document"].pop("mr_instemming_op", None)


# --- vacant roles: nobody yet ------------------------------------------------------------------------


@pytest.fixture
def vacant(tmp_path: Path) -> SchoolModel:
    return _school(tmp_path, _roles(VACANT_ROLES))


def test_a_declared_vacancy_loads_and_is_vacant(vacant: SchoolModel) -> None:
    assert set(vacant_roles(vacant)) == set(VACANT_ROLES)
    role = vacant.role("coordinator_anti_pestbeleid")
    assert role is not None and role.vacant and role.declared_vacant
    assert role.label == "coördinator sociale veiligheid"


def test_vacant_roles_never_break_a_sentence_in_any_output(vacant: SchoolModel) -> None:
    for name, markdown in _texts(_rendered(vacant)).items():
        for pattern in BROKEN:
            found = pattern.search(markdown)
            assert found is None, (
                f"{name}: {pattern.pattern!r} in …{markdown[max(0, found.start() - 80) : found.end() + 80]}…"
            )
        assert not empty_headings(markdown), name


def test_vacant_roles_say_the_name_follows_in_plan_protocol_schoolgids_and_site(vacant: SchoolModel) -> None:
    texts = {name: _plain(text) for name, text in _texts(_rendered(vacant)).items()}
    plan, protocol, guide = texts["veiligheidsplan"], texts["pestprotocol"], texts["schoolgids"]
    assert (
        "De Vlinderboom heeft een coördinator sociale veiligheid (coördinator anti-pestbeleid); de naam volgt."
        in plan
    )
    assert "De Vlinderboom heeft een aanspreekpunt pesten; de naam volgt." in plan
    assert "bij de leerkracht of bij het aanspreekpunt pesten (de naam volgt), ook als ze twijfelen" in plan
    assert "De naam van onze externe vertrouwenspersoon volgt." in plan
    assert "- Contactpersoon: de naam volgt." in plan
    assert "De Vlinderboom heeft een aandachtsfunctionaris" in plan
    assert "De Vlinderboom heeft een aanspreekpunt pesten; de naam volgt." in protocol
    assert "De ICT-coördinator (de naam volgt) helpt" in protocol or "(de naam volgt) helpt" in protocol
    assert "of bij het aanspreekpunt pesten (de naam volgt)." in guide
    assert "- Aanspreekpunt pesten: de naam volgt" in texts["site-index"]
    assert "- Externe vertrouwenspersoon: de naam volgt" in texts["site-index"]


def test_a_contact_table_has_a_row_for_each_vacant_role(vacant: SchoolModel) -> None:
    context = build_context(vacant)
    vacant_rows = [row for row in context.contact_rows if row.vacant]
    assert {row.roles for row in vacant_rows} >= {"Aanspreekpunt pesten", "Externe vertrouwenspersoon"}
    guide = _plain(next(doc.markdown for doc in _rendered(vacant).documents if doc.kind == "schoolgids"))
    assert "| Aanspreekpunt pesten | De naam volgt | contactgegevens volgen |" in guide
    table = [line for line in guide.splitlines() if line.startswith("|")]
    assert len(table) > 2, "a contact table with only its header row"


def test_a_vacant_legal_role_is_a_warning_in_a_concept_and_an_error_once_adopted(tmp_path: Path) -> None:
    adopted = _school(tmp_path / "vastgesteld", _roles(VACANT_ROLES))
    assert adopted.policy.document.status == "vastgesteld"
    findings = check_school(adopted, TODAY)
    by_rule = {(f.rule, f.severity) for f in findings if "vacant" in f.message}
    assert ("wvs-coordinator", "fout") in by_rule
    assert ("wvs-aanspreekpunt", "fout") in by_rule
    # Issue 12: no law requires these three roles, so even an adopted plan only gets a warning.
    assert ("meldcode-aandachtsfunctionaris", "waarschuwing") in by_rule
    assert ("klacht-contactpersoon", "waarschuwing") in by_rule
    assert ("klacht-evp", "waarschuwing") in by_rule
    assert ("vacature", "waarschuwing") in by_rule  # intern begeleider, ICT: not required by law
    coordinator = next(f for f in findings if f.rule == "wvs-coordinator")
    assert (
        "de naam volgt" in coordinator.message and "rollen.coordinator_anti_pestbeleid" in coordinator.where
    )

    def concept_vacant(data: dict[str, Any]) -> None:
        _roles(VACANT_ROLES)(data)
        _concept(data)

    concept = _school(tmp_path / "concept", concept_vacant)
    severities = {f.severity for f in check_school(concept, TODAY) if "vacant" in f.message}
    assert severities == {"waarschuwing"}


def test_vacature_with_people_is_refused_with_a_dutch_error(tmp_path: Path) -> None:
    change = _roles({"ict_coordinator": {"personen": ["p-ict"], "vacature": True}})
    with pytest.raises(InvalidInput) as error:
        _school(tmp_path, change)
    text = str(error.value)
    assert "rollen.ict_coordinator.vacature" in text
    assert "een rol met vacature: true heeft nog niemand" in text


def test_a_school_vacancy_replaces_the_board_holders(tmp_path: Path) -> None:
    school = _school(tmp_path, _roles({"externe_vertrouwenspersoon": {"vacature": True}}))
    role = school.role("externe_vertrouwenspersoon")
    assert role is not None and role.vacant and role.organisation is None


def test_a_board_asking_two_people_accepts_a_declared_vacancy(tmp_path: Path) -> None:
    change = _roles({"interne_vertrouwenspersoon": {"vacature": True}})
    school = _school(tmp_path, change)  # bestuur.yaml asks aantal: 2; the school has nobody yet
    role = school.role("interne_vertrouwenspersoon")
    assert role is not None and role.vacant and role.label == "contactpersoon"


# --- one person and several people --------------------------------------------------------------------


def test_one_holder_reads_as_before(example_rendered: dict[str, RenderedSchool]) -> None:
    texts = {name: _plain(text) for name, text in _texts(example_rendered["vlinderboom"]).items()}
    assert "de naam volgt" not in " ".join(texts.values())
    assert (
        "is coördinator sociale veiligheid (coördinator anti-pestbeleid) van De Vlinderboom"
        in (texts["veiligheidsplan"])
    )
    for name, markdown in texts.items():
        assert not re.search(r"\bbij ,|\(\s*\)", markdown), name


def test_several_holders_agree_in_number_everywhere(tmp_path: Path) -> None:
    school = _school(tmp_path, _roles(SEVERAL_ROLES))
    texts = {name: _plain(text) for name, text in _texts(_rendered(school)).items()}
    coordinator = school.role("coordinator_anti_pestbeleid")
    aanspreekpunt = school.role("aanspreekpunt_pesten")
    assert coordinator is not None and aanspreekpunt is not None
    both = " en ".join(person.name for person in coordinator.people)
    points = " en ".join(person.name for person in aanspreekpunt.people)
    assert (
        f"{both} zijn coördinator sociale veiligheid (coördinator anti-pestbeleid) van De Vlinderboom."
        in (texts["veiligheidsplan"])
    )
    assert f"{points} zijn aanspreekpunt pesten van De Vlinderboom." in texts["veiligheidsplan"]
    assert f"Op De Vlinderboom zijn {points} aanspreekpunt pesten." in texts["pestprotocol"]
    assert f"of bij {points} (aanspreekpunt pesten)." in texts["schoolgids"]
    for person in aanspreekpunt.people:
        assert f"- {person.name}, aanspreekpunt pesten:" in texts["site-index"]
    for name, markdown in texts.items():
        assert "de naam volgt" not in markdown, name
        assert not re.search(r"\bbij ,|\(\s*\)", markdown), name


# --- letters: one rule ---------------------------------------------------------------------------------


def test_letters_and_controleer_share_the_rule_for_a_vacant_signer(tmp_path: Path) -> None:
    school = _school(tmp_path, _roles({"directeur": {"vacature": True}}))
    problem = letter_role_problem(school, "directeur", "ondertekenaar")
    assert problem is not None
    message, hint = problem
    assert "nog vacant" in message and "rollen.directeur.personen" in hint
    warnings = [f for f in check_school(school, TODAY) if f.rule == "brief-ondertekenaar"]
    assert len(warnings) == 1 and message in warnings[0].message

    case = tmp_path / "zaak.yaml"
    example = (ROOT / "letters" / "voorbeelden" / "uitnodiging-gesprek.yaml").read_text(encoding="utf-8")
    case.write_text(example, encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        read_case(case, [school])
    assert message in str(error.value)


def test_a_letter_may_use_a_filled_role(example_schools: dict[str, SchoolModel]) -> None:
    assert letter_role_problem(example_schools["vlinderboom"], "directeur", "ondertekenaar") is None


# --- external confidant without contact details ----------------------------------------------------------


def test_an_external_confidant_without_details_is_not_reachable_via_the_school(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["personen"].append({"id": "p-evp-alleen-naam", "naam": "Noor Verbeek"})
        data["rollen"]["externe_vertrouwenspersoon"] = {"personen": ["p-evp-alleen-naam"]}

    texts = _texts(_rendered(_school(tmp_path, change)))
    for name, markdown in texts.items():
        for line in markdown.splitlines():
            if "Noor Verbeek" in line:
                assert "via de school" not in line, f"{name}: {line}"
    assert "Noor Verbeek**, externe vertrouwenspersoon: contactgegevens volgen" in texts["site-index"]


# --- concept drafts ------------------------------------------------------------------------------------


def _draft(data: dict[str, Any]) -> None:
    _concept(data)
    for key in ("adres", "telefoon", "email"):
        data["school"].pop(key)
    data["document"].pop("versie")


def test_a_concept_may_lack_address_phone_email_and_version(tmp_path: Path) -> None:
    school = _school(tmp_path, _draft)
    findings = [f for f in check_school(school, TODAY) if f.rule == "concept-onvolledig"]
    assert {f.severity for f in findings} == {"waarschuwing"}
    assert {f.where.rsplit(": ", 1)[-1] for f in findings} == {
        "school.adres",
        "school.telefoon",
        "school.email",
        "document.versie",
    }
    texts = {name: _plain(text) for name, text in _texts(_rendered(school)).items()}
    assert "- OBS De Vlinderboom, [adres volgt]" in texts["site-contact"]
    assert "- Telefoon: [telefoonnummer volgt]" in texts["site-contact"]
    assert "- E-mail: [e-mailadres volgt]" in texts["site-contact"]
    assert (
        "De school zelf is bereikbaar op [telefoonnummer volgt] en via [e-mailadres volgt]."
        in (texts["pestprotocol"])
    )
    assert "Dit is versie [versie volgt] van het plan" in texts["veiligheidsplan"]
    assert "- de school: [telefoonnummer volgt], [e-mailadres volgt]" in texts["site-index"]
    for name, markdown in texts.items():
        assert "None" not in markdown, name


def test_an_adopted_policy_still_needs_them(tmp_path: Path) -> None:
    def adopted_without(data: dict[str, Any]) -> None:
        data["school"].pop("telefoon")
        data["document"].pop("versie")

    with pytest.raises(InvalidInput) as error:
        _school(tmp_path, adopted_without)
    text = str(error.value)
    assert "school.telefoon: een vastgesteld beleid heeft het telefoonnummer van de school nodig" in text
    assert "document.versie: een vastgesteld beleid heeft een versienummer nodig" in text
    assert "zet document.status: concept" in text


def test_a_letter_refuses_a_school_without_contact_details(tmp_path: Path) -> None:
    school = _school(tmp_path, _draft)
    case = tmp_path / "zaak.yaml"
    example = (ROOT / "letters" / "voorbeelden" / "uitnodiging-gesprek.yaml").read_text(encoding="utf-8")
    case.write_text(example, encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        read_case(case, [school])
    text = str(error.value)
    for what in ("het adres", "het telefoonnummer", "het e-mailadres"):
        assert f"het beleid van de school noemt {what} nog niet" in text
