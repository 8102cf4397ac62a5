"""A complete test policy for the checks: tests/policies.py plus what the law asks for.

COMPLETE_SCHOOL and COMPLETE_BOARD give no findings at all on the pinned test
date (conftest: SOURCE_DATE_EPOCH, 21 September 2026). A check test changes one
thing and expects exactly that rule to report.
"""

from __future__ import annotations

from pathlib import Path

from policies import BOARD, SCHOOL, policy_tree

from schoolveiligheid.checks import Finding, check_school
from schoolveiligheid.clock import today
from schoolveiligheid.model import SchoolModel, load_schools

COMPLETE_BOARD = BOARD.replace(
    "  commissie: org-klachten\n",
    "  commissie: org-klachten\n"
    "  routes:\n"
    "    - naam: Klachten over de school\n"
    "      stappen: [leerkracht, directie, org-klachten]\n",
).replace(  # staff report a possible sexual offence to the board at once (checks/chapters.py)
    "  adres: {straat: Bestuurslaan 1, postcode: 1234 AB, plaats: Teststad}\n",
    "  adres: {straat: Bestuurslaan 1, postcode: 1234 AB, plaats: Teststad}\n  email: bestuur@testonderwijs.example\n",
)

COMPLETE_SCHOOL = (
    SCHOOL.replace(
        "rollen:\n",
        "  - id: p-ib\n"
        "    naam: Ilse Begeleider\n"
        "    email: ib@testhoeve.example\n"
        "  - id: p-ivp\n"
        "    naam: Ivo Vertrouwen\n"
        "    email: ivo@testhoeve.example\n"
        "rollen:\n",
    ).replace(
        "  aanspreekpunt_pesten: {zelfde_als: coordinator_anti_pestbeleid}\n",
        "  aanspreekpunt_pesten: {zelfde_als: coordinator_anti_pestbeleid}\n"
        "  interne_vertrouwenspersoon: {personen: [p-ivp]}\n"
        "  aandachtsfunctionaris_meldcode: {personen: [p-ib]}\n"
        "  crisiscoordinator: {personen: [p-dir]}\n",
    )
    + "monitoring:\n"
    "  instrumenten:\n"
    "    - instrument: vensters\n"
    "      groepen: 5-8\n"
    "      frequentie: {aantal: 1, per: jaar}\n"
    "      laatste_afname: 2026-03-10\n"
    "incidentregistratie:\n"
    "  systeem: ParnasSys\n"
    "  verantwoordelijke: directeur\n"
    # The chapters of issue 12 (checks/chapters.py): citizenship, goals and training written down.
    "burgerschap:\n"
    "  activiteiten: [Een leerlingenraad voor de groepen 5 tot en met 8.]\n"
    "doelen:\n"
    "  - {indicator: voelt_zich_veilig, minimaal: 90}\n"
    "deskundigheid:\n"
    "  - {rol: team, training: Meldcode en meldplicht, jaar: 2026}\n"
)


def changed(text: str, old: str, new: str) -> str:
    """text with old replaced by new; fails loudly when old is not there (a stale fixture)."""
    assert old in text, f"{old!r} not in the fixture"
    return text.replace(old, new, 1)


def load(tmp_path: Path, school: str = COMPLETE_SCHOOL, board: str | None = COMPLETE_BOARD) -> SchoolModel:
    """The one school of a policy folder written from these texts."""
    (model,) = load_schools(policy_tree(tmp_path, school, board))
    return model


def findings(
    tmp_path: Path, school: str = COMPLETE_SCHOOL, board: str | None = COMPLETE_BOARD
) -> list[Finding]:
    """The data findings of that school on the pinned test date."""
    return check_school(load(tmp_path, school, board), today())


def rules(found: list[Finding]) -> set[str]:
    """The rule ids among findings."""
    return {finding.rule for finding in found}
