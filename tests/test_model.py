"""The model: what YAML means once loaded, inherited and resolved."""

from __future__ import annotations

from pathlib import Path

import pytest
from policies import BOARD, SCHOOL, policy_tree

from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.load import parse_yaml
from schoolveiligheid.model import SchoolModel, load_schools
from schoolveiligheid.model.values import Phone


def _school(tmp_path: Path, school: str = SCHOOL, board: str | None = BOARD, **extra: str) -> SchoolModel:
    (model,) = load_schools(policy_tree(tmp_path, school, board, extra or None))
    return model


def test_loader_keeps_what_was_typed_and_where() -> None:
    data = parse_yaml("telefoon: 0201234567\nversie: 1.0\ndatum: 2026-09-01\nleeg:\nja: true\n", "x.yaml")
    assert data == {
        "telefoon": "0201234567",
        "versie": "1.0",
        "datum": "2026-09-01",
        "leeg": None,
        "ja": "true",
    }
    assert data.marks["datum"].line == 3
    assert data.marks["datum"].key == "datum"


@pytest.mark.parametrize(
    ("typed", "digits", "shown"),
    [
        ("020 123 4567", "0201234567", "020 123 4567"),
        ("0345-123456", "0345123456", "0345 123 456"),
        ("06 1234 5678", "0612345678", "06 1234 5678"),
        ("+31 20 123 4567", "0201234567", "020 123 4567"),
        ("088 - 308 3342", "0883083342", "088 308 3342"),
        ("0800-2000", "08002000", "0800 2000"),
        ("0900-111 3 111", "09001113111", "0900 111 3111"),
        ("(0900) 8844", "09008844", "0900 8844"),
    ],
)
def test_phone_numbers_are_normalised_and_shown_in_one_house_style(
    typed: str, digits: str, shown: str
) -> None:
    phone = Phone._validate(typed)
    assert phone == digits
    assert phone.display == shown
    assert phone.uri == "tel:+31" + digits[1:]


def test_school_inherits_from_board_and_overrides_by_id(tmp_path: Path) -> None:
    school = SCHOOL.replace(
        "personen:\n",
        "personen:\n  - id: p-evp\n    naam: Eigen Vertrouwenspersoon\n    email: eigen@testhoeve.example\n",
    )
    model = _school(tmp_path, school)
    evp = model.role("externe_vertrouwenspersoon")
    assert evp is not None
    assert [person.name for person in evp.people] == ["Eigen Vertrouwenspersoon"]
    assert model.policy.measures.suspension is not None
    assert model.policy.measures.suspension.max_school_days == 3  # from the board
    assert model.policy.complaints is not None
    assert model.policy.complaints.committee == "org-klachten"
    assert model.policy.board.name == "Stichting Testonderwijs"


def test_school_may_tighten_a_board_limit(tmp_path: Path) -> None:
    model = _school(tmp_path, SCHOOL + "maatregelen:\n  schorsing: {max_schooldagen: 2}\n")
    assert model.policy.measures.suspension is not None
    assert model.policy.measures.suspension.max_school_days == 2


def test_school_may_not_switch_off_inspectie_notification_of_the_board(tmp_path: Path) -> None:
    board = BOARD.replace("{max_schooldagen: 3}", "{max_schooldagen: 3, inspectie_melden: true}")
    with pytest.raises(InvalidInput) as caught:
        _school(tmp_path, SCHOOL + "maatregelen:\n  schorsing: {inspectie_melden: false}\n", board)
    assert "een school mag het niet uitzetten" in caught.value.report()


def test_stand_alone_school_carries_its_own_board(tmp_path: Path) -> None:
    board_part = BOARD.split("personen:")[0].replace("schema: sociale-veiligheid/1\n", "")
    school = SCHOOL.replace("  bestuur: testbestuur\n", "") + board_part
    model = _school(tmp_path, school, board=None)
    assert model.policy.board.richting == "openbaar"
    assert model.board_source is None


def test_roles_resolve_same_as_and_labels(tmp_path: Path) -> None:
    school = SCHOOL.replace(
        "coordinator_anti_pestbeleid: {personen: [p-coord]}",
        "coordinator_anti_pestbeleid: {label: anti-pestcoördinator, personen: [p-coord]}",
    )
    model = _school(tmp_path, school)
    point = model.role("aanspreekpunt_pesten")
    coordinator = model.role("coordinator_anti_pestbeleid")
    assert point is not None and coordinator is not None
    assert [p.id for p in point.people] == [p.id for p in coordinator.people] == ["p-coord"]
    assert coordinator.name_with_legal_term == "anti-pestcoördinator (coördinator anti-pestbeleid)"
    assert point.name_with_legal_term == "aanspreekpunt pesten"


def test_mobile_numbers_and_private_mail_are_not_public_unless_marked(tmp_path: Path) -> None:
    school = SCHOOL.replace(
        "    email: cora@testhoeve.example\n",
        "    email: cora1980@gmail.com\n    telefoon: 06 1111 2222\n",
    ).replace("    telefoon: 020 123 4568\n", "    telefoon: 06 3333 4444\n    publiceer: {telefoon: true}\n")
    model = _school(tmp_path, school)
    coordinator = model.people["p-coord"]
    director = model.people["p-dir"]
    assert coordinator.public_phone is None and coordinator.public_email is None
    assert director.public_phone == "0633334444"
    assert director.public_email == "dirk@testhoeve.example"


def test_standard_organisation_gets_national_data_from_the_catalogue(tmp_path: Path) -> None:
    school = SCHOOL + "organisaties:\n  - {id: org-vt, soort: veilig_thuis, standaard: true}\n"
    model = _school(tmp_path, school)
    veilig_thuis = model.organisations["org-vt"]
    assert veilig_thuis.name == "Veilig Thuis"
    assert veilig_thuis.phone is not None and veilig_thuis.phone.display == "0800 2000"


def test_school_groups_allow_labels_and_ranges(tmp_path: Path) -> None:
    school = SCHOOL.replace("  type: po\n", "  type: so\n  groepen: [1-2, SO-3, Kompas]\n").replace(
        "    groepen: 1-8", "    groepen: 1-2 en Kompas"
    )
    model = _school(tmp_path, school)
    assert model.policy.methods[0].groups == ("1-2", "Kompas")
    assert model.law == "WEC"


def test_example_policy_loads_three_schools_of_one_board(example_schools: dict[str, SchoolModel]) -> None:
    assert sorted(example_schools) == ["kompasroos", "vlinderboom", "zonnewijzer"]
    assert {school.policy.board.id for school in example_schools.values()} == {"lindewaarde"}
    assert example_schools["kompasroos"].policy.so is not None
    assert example_schools["zonnewijzer"].policy.school.terminology.group == "stamgroep"
    assert example_schools["zonnewijzer"].policy.document.status == "concept"


def test_only_work_addresses_are_public_by_default(tmp_path: Path) -> None:
    school = SCHOOL.replace("    email: cora@testhoeve.example\n", "    email: cora@eigen-domein.example\n")
    school += (
        "organisaties:\n"
        "  - {id: org-smw, soort: schoolmaatschappelijk_werk, naam: Welzijn, email: info@welzijn.example}\n"
    )
    school = school.replace(
        "personen:\n",
        "personen:\n  - id: p-smw\n    naam: Sam Werker\n    organisatie: org-smw\n    email: sam@welzijn.example\n",
    )
    model = _school(tmp_path, school)
    assert model.people["p-coord"].public_email is None  # another domain: only with publiceer
    assert model.people["p-smw"].public_email == "sam@welzijn.example"  # the own organisation's domain
    assert model.people["p-dir"].public_email == "dirk@testhoeve.example"  # the school's domain
    assert model.people["p-evp"].public_email == "vera@vertrouwen.example"  # marked publiceer in the board
