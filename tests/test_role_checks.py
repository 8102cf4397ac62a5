"""`controleer` warns when one person holds two roles that practice keeps apart (checks/roles.py)."""

from __future__ import annotations

from pathlib import Path

from checks_fixture import COMPLETE_SCHOOL, changed, findings

from schoolveiligheid.checks.findings import PRACTICE

SAME_PERSON = changed(
    COMPLETE_SCHOOL,
    "  aandachtsfunctionaris_meldcode: {personen: [p-ib]}\n",
    "  aandachtsfunctionaris_meldcode: {personen: [p-ivp]}\n",
)


def test_a_confidant_who_also_runs_the_meldcode_is_a_warning_from_practice(tmp_path: Path) -> None:
    (found,) = [finding for finding in findings(tmp_path, SAME_PERSON) if finding.rule == "rol-combinatie"]
    assert found.severity == "waarschuwing"
    assert "Ivo Vertrouwen is zowel interne vertrouwenspersoon als" in found.message
    assert found.source.startswith(PRACTICE) and "Veilig Thuis" in found.source
    assert "rollen.aandachtsfunctionaris_meldcode" in found.where
    line = int(found.where.split(":")[1])
    assert SAME_PERSON.splitlines()[line - 1].startswith("  aandachtsfunctionaris_meldcode:")


def test_the_same_person_through_zelfde_als_is_found_too(tmp_path: Path) -> None:
    school = changed(
        COMPLETE_SCHOOL,
        "  aandachtsfunctionaris_meldcode: {personen: [p-ib]}\n",
        "  aandachtsfunctionaris_meldcode: {zelfde_als: interne_vertrouwenspersoon}\n",
    )
    assert "rol-combinatie" in {finding.rule for finding in findings(tmp_path, school)}


def test_different_people_in_the_two_roles_give_no_warning(tmp_path: Path) -> None:
    assert "rol-combinatie" not in {finding.rule for finding in findings(tmp_path)}
