"""Every rule of `controleer` with a fixture that passes and one that fails, at the right line.

The complete test policy (checks_fixture) has no findings; each case changes
one thing. A passing variant sits just inside the rule's boundary, so a rule
that is too strict fails its test as well as one that is too lax.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL, changed, findings, rules
from policies import BOARD, line_of

import schoolveiligheid.checks
from schoolveiligheid import law
from schoolveiligheid.checks import Finding

PACKAGE = Path(schoolveiligheid.checks.__file__).parent

Edit = Callable[[str, str], tuple[str, str]]  # (school, board) -> (school, board)


def school(old: str, new: str) -> Edit:
    return lambda s, b: (changed(s, old, new), b)


def board(old: str, new: str) -> Edit:
    return lambda s, b: (s, changed(b, old, new))


def append(text: str) -> Edit:
    return lambda s, b: (s + text, b)


def both(*edits: Edit) -> Edit:
    def apply(s: str, b: str) -> tuple[str, str]:
        for edit in edits:
            s, b = edit(s, b)
        return s, b

    return apply


@dataclass(frozen=True)
class Case:
    rule: str
    severity: str
    failing: Edit
    passing: Edit


MONITOR = "    - instrument: vensters\n      groepen: 5-8\n      frequentie: {aantal: 1, per: jaar}\n"
CORA_MAIL = "    email: cora@testhoeve.example\n"
METHODS = "methoden:\n  - id: vreedzame_school\n    groepen: 1-8\n"
CURATIVE = "  curatief:\n    methoden: [opa]\n"
DATES = "  mr_instemming_op: 2026-09-01\n  vastgesteld_op: 2026-09-08\n"
SO_SCHOOL = both(
    school("  type: po\n", "  type: so\n  groepen: [SO-1, SO-2, SO-3]\n"),
    school("    groepen: 1-8\n", "    groepen: alle\n"),
)
EVP_ORGANISATION = both(
    board("    email: vera@vertrouwen.example\n", ""),
    board(
        "  externe_vertrouwenspersoon: {personen: [p-evp]}\n",
        "  externe_vertrouwenspersoon: {organisatie: org-evp}\n",
    ),
    board(
        "organisaties:\n",
        "organisaties:\n  - {id: org-evp, soort: externe_vertrouwenspersonen, naam: Vertrouwenspunt, "
        "telefoon: 030 123 4567}\n",
    ),
)
TWO_ORGANISATIONS = "organisaties:\n  - {{id: org-a, soort: ggd_jgz, naam: GGD Test, telefoon: {a}}}\n" + (
    "  - {{id: org-b, soort: wijkteam, naam: Wijkteam Test, telefoon: {b}}}\n"
)


CASES = [
    # Wet veiligheid op school: a policy, monitoring, coördinator and aanspreekpunt.
    Case("wvs-beleid", "fout", school(METHODS, ""), school(CURATIVE, "")),
    Case(
        "wvs-beleid",
        "fout",
        school(
            "pestaanpak:\n"
            + CURATIVE
            + "  escalatie:\n    - titel: Gesprek\n      verantwoordelijk: [leerkracht]\n",
            "",
        ),
        school(METHODS, METHODS + "  - id: gouden_weken\n"),
    ),
    Case(
        "wvs-monitor",
        "fout",
        school("instrument: vensters", "instrument: zien"),
        school("instrument: vensters", "instrument: kiva_monitor"),
    ),
    Case(
        "wvs-monitor",
        "fout",
        school(MONITOR, MONITOR + "      respondenten: ouders\n"),
        school(MONITOR, MONITOR + "      respondenten: leerlingen\n"),
    ),
    Case(
        "wvs-monitor",
        "fout",
        school("monitoring:\n  instrumenten:\n" + MONITOR + "      laatste_afname: 2026-03-10\n", ""),
        append(""),
    ),
    Case(
        "wvs-monitor-frequentie",
        "fout",
        school("{aantal: 1, per: jaar}", "{aantal: 1, per: twee_jaar}"),
        school("{aantal: 1, per: jaar}", "{aantal: 2, per: twee_jaar}"),
    ),
    Case(
        "wvs-monitor-groepen",
        "fout",
        school("groepen: 5-8", "groepen: 5-7"),
        school("groepen: 5-8", "groepen: 7 en 8"),
    ),
    Case(
        "wvs-monitor-groepen",
        "fout",
        school("      groepen: 5-8\n", ""),
        school("groepen: 5-8", "groepen: 1-8"),
    ),
    Case(
        "wvs-monitor-groepen",
        "fout",
        both(SO_SCHOOL, school("      groepen: 5-8\n", "")),
        both(SO_SCHOOL, school("groepen: 5-8", "groepen: SO-3")),
    ),
    Case(
        "wvs-monitor-afname",
        "fout",
        school("laatste_afname: 2026-03-10", "laatste_afname: 2025-09-20"),
        school("laatste_afname: 2026-03-10", "laatste_afname: 2025-09-21"),
    ),
    Case(
        "wvs-monitor-afname",
        "fout",
        school("laatste_afname: 2026-03-10", "laatste_afname: 2026-09-22"),
        school("laatste_afname: 2026-03-10", "laatste_afname: 2026-09-21"),
    ),
    Case("wvs-monitor-afname", "fout", school("      laatste_afname: 2026-03-10\n", ""), append("")),
    Case("wvs-coordinator", "fout", school(CORA_MAIL, ""), school(CORA_MAIL, "    telefoon: 020 123 4569\n")),
    Case(
        "wvs-coordinator",
        "fout",
        school(CORA_MAIL, "    telefoon: 06 1234 5678\n"),
        school(CORA_MAIL, "    telefoon: 06 1234 5678\n    publiceer: {telefoon: true}\n"),
    ),
    Case(
        "wvs-coordinator",
        "fout",
        school(
            "  coordinator_anti_pestbeleid: {personen: [p-coord]}\n"
            "  aanspreekpunt_pesten: {zelfde_als: coordinator_anti_pestbeleid}\n",
            "  aanspreekpunt_pesten: {personen: [p-coord]}\n",
        ),
        school(
            "  coordinator_anti_pestbeleid: {personen: [p-coord]}\n"
            "  aanspreekpunt_pesten: {zelfde_als: coordinator_anti_pestbeleid}\n",
            "  aanspreekpunt_pesten: {personen: [p-coord]}\n  coordinator_anti_pestbeleid: {personen: [p-dir]}\n",
        ),
    ),
    Case(
        "wvs-aanspreekpunt",
        "fout",
        school(
            "  aanspreekpunt_pesten: {zelfde_als: coordinator_anti_pestbeleid}\n",
            "  aanspreekpunt_pesten:\n    toewijzingen:\n      - {persoon: p-coord, doelgroep: [leerlingen]}\n",
        ),
        school(
            "  aanspreekpunt_pesten: {zelfde_als: coordinator_anti_pestbeleid}\n",
            "  aanspreekpunt_pesten:\n    toewijzingen:\n      - {persoon: p-coord, doelgroep: [leerlingen, ouders]}\n",
        ),
    ),
    # Meldcode.
    Case(  # issue 12: the meldcode decree does not require the role, so a warning
        "meldcode-aandachtsfunctionaris",
        "waarschuwing",
        school("  aandachtsfunctionaris_meldcode: {personen: [p-ib]}\n", ""),
        school("{personen: [p-ib]}", "{personen: [p-ib, p-dir]}"),
    ),
    Case("meldcode-document", "fout", board("meldcode:\n  document: meldcode\n", ""), append("")),
    # Klachtenregeling.
    Case(
        "klacht-regeling",
        "fout",
        lambda s, b: (s, b.split("klachten:\n")[0] + "meldcode:\n  document: meldcode\n"),
        append(""),
    ),
    Case("klacht-route", "fout", lambda s, b: (s, BOARD), append("")),
    Case(
        "klacht-pesten",
        "waarschuwing",
        board("      stappen: [leerkracht,", "      reikwijdte: [kwaliteit]\n      stappen: [leerkracht,"),
        board(
            "      stappen: [leerkracht,",
            "      reikwijdte: [kwaliteit, pesten]\n      stappen: [leerkracht,",
        ),
    ),
    Case(  # issue 12: good practice, no legal duty
        "klacht-contactpersoon",
        "waarschuwing",
        school("  interne_vertrouwenspersoon: {personen: [p-ivp]}\n", ""),
        school("{personen: [p-ivp]}", "{label: contactpersoon, personen: [p-ivp]}"),
    ),
    Case("klacht-evp", "waarschuwing", board("    email: vera@vertrouwen.example\n", ""), EVP_ORGANISATION),
    Case(
        "klacht-evp",
        "waarschuwing",
        board("rollen:\n  externe_vertrouwenspersoon: {personen: [p-evp]}\n", ""),
        board("    email: vera@vertrouwen.example\n", "    telefoon: 030 765 4321\n"),
    ),
    Case(
        "klacht-commissie",
        "fout",
        board("    postadres: {postbus: Postbus 1, postcode: 1000 AA, plaats: Teststad}\n", ""),
        board(
            "    postadres: {postbus: Postbus 1, postcode: 1000 AA, plaats: Teststad}\n",
            "    website: https://www.klachten.example\n",
        ),
    ),
    # Schorsing and verwijdering.
    Case(
        "schorsing-max",
        "fout",
        board("{max_schooldagen: 3}", "{max_schooldagen: 6}"),
        board("{max_schooldagen: 3}", "{max_schooldagen: 5}"),
    ),
    Case(
        "schorsing-inspectie",
        "fout",
        board("{max_schooldagen: 3}", "{max_schooldagen: 3, inspectie_melden: false}"),
        board("{max_schooldagen: 3}", "{max_schooldagen: 3, inspectie_melden: true}"),
    ),
    Case(  # issue 12: a measure that keeps the pupil out of school is a schorsing: an error, not a warning
        "time-out-thuis",
        "fout",
        append("maatregelen:\n  time_out: {waar: thuis, max_dagen: 1, besluit_door: directeur}\n"),
        append("maatregelen:\n  time_out: {waar: een andere groep, max_dagen: 1, besluit_door: directeur}\n"),
    ),
    Case(
        "time-out-thuis",
        "fout",
        append("maatregelen:\n  time_out: {waar: buiten de school, max_dagen: 5, besluit_door: directeur}\n"),
        append(
            "maatregelen:\n  time_out: {waar: de bibliotheek van de school, max_dagen: 5, besluit_door: directeur}\n"
        ),
    ),
    Case(
        "mandaat",
        "fout",
        board("{max_schooldagen: 3}", "{max_schooldagen: 3, besluit_door: directeur}"),
        board(
            "{max_schooldagen: 3}",
            "{max_schooldagen: 3, besluit_door: directeur, mandaat: mandaatbesluit van 1 maart 2026}",
        ),
    ),
    Case(
        "mandaat",
        "fout",
        append("maatregelen:\n  verwijdering: {besluit_door: directeur}\n"),
        append(
            "maatregelen:\n  verwijdering: {besluit_door: directeur, mandaat: mandaatbesluit van 1 maart 2026}\n"
        ),
    ),
    Case(
        "verwijdering-grondslag",
        "fout",
        append("maatregelen:\n  verwijdering: {gronden: [wangedrag, grondslag]}\n"),
        append("maatregelen:\n  verwijdering: {gronden: [wangedrag, gedrag_ouders]}\n"),
    ),
    Case(
        "verwijdering-horen",
        "fout",
        append("maatregelen:\n  verwijdering: {horen: [ouders]}\n"),
        append("maatregelen:\n  verwijdering: {horen: [groepsleerkracht, ouders, leerling]}\n"),
    ),
    # The school year.
    Case(
        "concept",
        "waarschuwing",
        school("  status: vastgesteld\n" + DATES, "  status: concept\n"),
        append(""),
    ),
    Case(
        "open-punt",
        "waarschuwing",
        school(
            "  status: vastgesteld\n" + DATES,
            "  status: concept\n  open_punten: [De MR bespreekt het plan in oktober.]\n",
        ),
        school("  status: vastgesteld\n" + DATES, "  status: concept\n"),
    ),
    Case("mr-instemming", "fout", school("  mr_instemming_op: 2026-09-01\n", ""), append("")),
    Case(
        "jaar-instemming",
        "fout",
        school("mr_instemming_op: 2026-09-01", "mr_instemming_op: 2026-07-31"),
        school("mr_instemming_op: 2026-09-01", "mr_instemming_op: 2026-08-01"),
    ),
    Case(
        "jaar-vastgesteld",
        "fout",
        school("vastgesteld_op: 2026-09-08", "vastgesteld_op: 2027-08-01"),
        school("vastgesteld_op: 2026-09-08", "vastgesteld_op: 2027-07-31"),
    ),
    Case(
        "jaar-volgorde",
        "fout",
        school("mr_instemming_op: 2026-09-01", "mr_instemming_op: 2026-09-10"),
        school("mr_instemming_op: 2026-09-01", "mr_instemming_op: 2026-09-08"),
    ),
    Case(
        "jaar-evaluatie",
        "waarschuwing",
        school(DATES, DATES + "  evaluatie_voor: 2026-09-20\n"),
        school(DATES, DATES + "  evaluatie_voor: 2026-09-21\n"),
    ),
    Case(
        "jaar-evaluatie-datum",
        "waarschuwing",
        school(DATES, DATES + "  evaluatie_voor: 2027-08-01\n"),
        school(DATES, DATES + "  evaluatie_voor: 2027-07-31\n"),
    ),
    Case(
        "jaar-voorbij",
        "waarschuwing",
        both(
            school("schooljaar: 2026-2027", "schooljaar: 2025-2026"),
            school(DATES, "  mr_instemming_op: 2025-09-01\n  vastgesteld_op: 2025-09-08\n"),
        ),
        append(""),
    ),
    # Warnings that keep the policy usable.
    Case(
        "http-adres",
        "waarschuwing",
        school(
            "  email: info@testhoeve.example\n",
            "  email: info@testhoeve.example\n  website: http://www.testhoeve.example\n",
        ),
        school(
            "  email: info@testhoeve.example\n",
            "  email: info@testhoeve.example\n  website: https://www.testhoeve.example\n",
        ),
    ),
    Case(
        "gedeeld-contact",
        "waarschuwing",
        append(TWO_ORGANISATIONS.format(a="020 555 0000", b="020 555 0000")),
        append(TWO_ORGANISATIONS.format(a="020 555 0000", b="020 555 0001")),
    ),
    Case(
        "prive-mail",
        "waarschuwing",
        school("cora@testhoeve.example", "cora@gmail.com"),
        school("rollen:\n", "  - id: p-ouder\n    naam: Olga Ouder\n    email: olga@gmail.com\nrollen:\n"),
    ),
    Case(
        "oud-jaartal",
        "waarschuwing",
        append("identiteit:\n  doelen: [In 2016-2017 deden alle groepen mee aan de monitor.]\n"),
        append("identiteit:\n  doelen: [In 2024-2025 deden alle groepen mee aan de monitor.]\n"),
    ),
    Case(
        "oud-jaartal",
        "waarschuwing",
        append("identiteit:\n  visie: Sinds 2018 werken we met de Vreedzame School.\n"),
        append("identiteit:\n  visie: Sinds 2024 werken we met de Vreedzame School.\n"),
    ),
    Case(
        "incidentregistratie",
        "waarschuwing",
        school("incidentregistratie:\n  systeem: ParnasSys\n  verantwoordelijke: directeur\n", ""),
        append(""),
    ),
    # Vacant roles and incomplete concepts (issue 11; model/vacancy.py).
    Case(
        "vacature",
        "waarschuwing",
        school(
            "  directeur: {personen: [p-dir]}\n",
            "  directeur: {personen: [p-dir]}\n  ict_coordinator: {vacature: true}\n",
        ),
        append(""),
    ),
    Case(
        "brief-ondertekenaar",
        "waarschuwing",
        school("  directeur: {personen: [p-dir]}\n", "  directeur: {vacature: true}\n"),
        append(""),
    ),
    Case(
        "concept-onvolledig",
        "waarschuwing",
        both(
            school("  status: vastgesteld\n" + DATES, "  status: concept\n"),
            school("  telefoon: 020 123 4567\n", ""),
        ),
        school("  status: vastgesteld\n" + DATES, "  status: concept\n"),
    ),
    Case(
        "directeur",
        "waarschuwing",
        both(
            school("  directeur: {personen: [p-dir]}\n", ""),
            school("verantwoordelijke: directeur", "verantwoordelijke: coordinator_anti_pestbeleid"),
        ),
        school("verantwoordelijke: directeur", "verantwoordelijke: coordinator_anti_pestbeleid"),
    ),
]
IDS = [f"{case.rule}-{index}" for index, case in enumerate(CASES)]


def _run(tmp_path: Path, edit: Edit) -> list[Finding]:
    school_text, board_text = edit(COMPLETE_SCHOOL, COMPLETE_BOARD)
    return findings(tmp_path, school_text, board_text)


def test_the_complete_policy_has_no_findings(tmp_path: Path) -> None:
    assert findings(tmp_path) == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_rule_fails(tmp_path: Path, case: Case) -> None:
    found = [finding for finding in _run(tmp_path, case.failing) if finding.rule == case.rule]
    assert found, f"{case.rule} should report"
    assert {finding.severity for finding in found} == {case.severity}
    for finding in found:
        assert finding.source and finding.message and finding.where
        assert finding.school_id == "testschool"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_rule_passes(tmp_path: Path, case: Case) -> None:
    assert case.rule not in rules(_run(tmp_path, case.passing))


def test_every_rule_has_a_case() -> None:
    source = "".join(
        (PACKAGE / f"{module}.py").read_text(encoding="utf-8")
        for module in ("legal", "schoolyear", "hygiene")
    )
    named = set(re.findall(r'"([a-z]+(?:-[a-z]+)+)"', source)) | {
        "concept",
        "directeur",
        "incidentregistratie",
        "mandaat",
        "vacature",
    }
    assert named == {case.rule for case in CASES}


def test_findings_point_at_the_line_to_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # locations are shown relative to the working folder
    text = changed(COMPLETE_SCHOOL, "groepen: 5-8", "groepen: 5-7")
    (finding,) = findings(tmp_path, text)
    assert (
        finding.where
        == f"policy/school.yaml:{line_of(text, 'groepen: 5-7')}: monitoring.instrumenten[0].groepen"
    )
    assert "groep 8" in finding.message
    assert "Inspectie van het Onderwijs" in finding.source


def test_a_board_value_is_reported_in_the_board_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # locations are shown relative to the working folder
    board_text = changed(COMPLETE_BOARD, "{max_schooldagen: 3}", "{max_schooldagen: 6}")
    (finding,) = findings(tmp_path, COMPLETE_SCHOOL, board_text)
    line = line_of(board_text, "max_schooldagen: 6")
    assert finding.where == f"policy/bestuur.yaml:{line}: maatregelen.schorsing.max_schooldagen"
    assert "artikel 40c van de Wet op het primair onderwijs" in finding.source
    assert str(finding).startswith(f"fout: policy/bestuur.yaml:{line}: ")


def test_a_missing_value_points_at_the_block_it_belongs_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # locations are shown relative to the working folder
    text = changed(COMPLETE_SCHOOL, "  interne_vertrouwenspersoon: {personen: [p-ivp]}\n", "")
    (finding,) = findings(tmp_path, text)
    assert (
        finding.where == f"policy/school.yaml:{line_of(text, 'rollen:')}: rollen.interne_vertrouwenspersoon"
    )


def test_special_education_uses_the_wec(tmp_path: Path) -> None:
    school_text, board_text = both(
        SO_SCHOOL,
        school("groepen: 5-8", "groepen: SO-3"),
        board("{max_schooldagen: 3}", "{max_schooldagen: 6}"),
    )(COMPLETE_SCHOOL, COMPLETE_BOARD)
    (finding,) = findings(tmp_path, school_text, board_text)
    assert "Wet op de expertisecentra" in finding.source


def test_a_second_instrument_may_cover_what_the_first_lacks(tmp_path: Path) -> None:
    second = (
        "    - instrument: kanvas\n      groepen: 7-8\n      frequentie: {aantal: 1, per: jaar}\n"
        "      laatste_afname: 2026-01-10\n"
    )
    text = changed(COMPLETE_SCHOOL, "groepen: 5-8", "groepen: 5-6")
    assert rules(findings(tmp_path / "een", text)) == {"wvs-monitor-groepen"}
    text = changed(text, "      laatste_afname: 2026-03-10\n", "      laatste_afname: 2026-03-10\n" + second)
    assert findings(tmp_path / "twee", text) == []


def test_the_legal_limits_in_messages_come_from_law_py(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A correction in law.py reaches the messages; no legal fact is repeated in the checks."""
    source = (PACKAGE / "legal.py").read_text(encoding="utf-8")
    for fact in ("één week", "langer dan één dag", '"groepsleerkracht"'):
        assert fact not in source, f"{fact} belongs in law.py"
    monkeypatch.setattr(law, "SUSPENSION_MAX_SCHOOL_DAYS", 2)
    monkeypatch.setattr(law, "INSPECTIE_NOTICE_AFTER_DAYS", 2)
    board_text = changed(
        COMPLETE_BOARD, "{max_schooldagen: 3}", "{max_schooldagen: 3, inspectie_melden: false}"
    )
    found = {finding.rule: finding for finding in findings(tmp_path, COMPLETE_SCHOOL, board_text)}
    assert (
        found["schorsing-max"].message == "een schorsing mag ten hoogste twee schooldagen duren, hier staat 3"
    )
    assert found["schorsing-max"].hint == "zet max_schooldagen: op 2 of minder"
    assert "langer dan twee dagen duurt" in found["schorsing-inspectie"].message


def test_who_is_heard_before_removal_comes_from_the_legal_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rules(findings(tmp_path / "nu")) == set()
    monkeypatch.setattr(law, "REMOVAL_HEARD", ("groepsleerkracht", "ouders", "leerling"))
    (finding,) = findings(tmp_path / "strenger")
    assert finding.rule == "verwijdering-horen"
    assert finding.message == (
        "voor een besluit tot verwijdering moeten de groepsleerkracht, de ouders en de leerling gehoord "
        "worden; hier ontbreekt: leerling"
    )
    assert finding.hint == "zet horen: [groepsleerkracht, ouders, leerling]"
