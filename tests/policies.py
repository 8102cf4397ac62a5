"""Small, complete policy files for tests: a board and a school that validate as they are.

Tests change one line at a time to see that exactly that line is reported.
Line numbers matter: keep the layout stable or update the tests that count on it.
"""

from __future__ import annotations

from pathlib import Path

from support import write_tree

BOARD = """\
schema: sociale-veiligheid/1
bestuur:
  id: testbestuur
  naam: Stichting Testonderwijs
  richting: openbaar
  adres: {straat: Bestuurslaan 1, postcode: 1234 AB, plaats: Teststad}
personen:
  - id: p-evp
    naam: Vera Extern
    email: vera@vertrouwen.example
    publiceer: {email: true}
organisaties:
  - id: org-klachten
    soort: klachtencommissie
    naam: Klachtencommissie Test
    postadres: {postbus: Postbus 1, postcode: 1000 AA, plaats: Teststad}
documenten:
  - {id: klachtenregeling, titel: Klachtenregeling}
  - {id: meldcode, titel: Meldcode}
rollen:
  externe_vertrouwenspersoon: {personen: [p-evp]}
maatregelen:
  schorsing: {max_schooldagen: 3}
klachten:
  regeling: klachtenregeling
  commissie: org-klachten
meldcode:
  document: meldcode
# Made-up test data (.example addresses): the board says so, as the bundled example does.
voorbeeld: true
"""

SCHOOL = """\
schema: sociale-veiligheid/1
school:
  id: testschool
  bestuur: testbestuur
  naam: Basisschool De Testhoeve
  type: po
  adres: {straat: Schoolstraat 2, postcode: 1234 AC, plaats: Teststad}
  telefoon: 020 123 4567
  email: info@testhoeve.example
document:
  schooljaar: 2026-2027
  versie: "1.0"
  status: vastgesteld
  mr_instemming_op: 2026-09-01
  vastgesteld_op: 2026-09-08
personen:
  - id: p-dir
    naam: Dirk Directeur
    email: dirk@testhoeve.example
    telefoon: 020 123 4568
  - id: p-coord
    naam: Cora Coördinator
    email: cora@testhoeve.example
rollen:
  directeur: {personen: [p-dir]}
  coordinator_anti_pestbeleid: {personen: [p-coord]}
  aanspreekpunt_pesten: {zelfde_als: coordinator_anti_pestbeleid}
methoden:
  - id: vreedzame_school
    groepen: 1-8
pestaanpak:
  curatief:
    methoden: [opa]
  escalatie:
    - titel: Gesprek
      verantwoordelijk: [leerkracht]
"""


def policy_tree(
    root: Path, school: str = SCHOOL, board: str | None = BOARD, extra: dict[str, str] | None = None
) -> Path:
    """Write a policy folder with the test board and school (optionally changed) and return it."""
    files = {"school.yaml": school, **(extra or {})}
    if board is not None:
        files["bestuur.yaml"] = board
    folder = root / "policy"
    write_tree(folder, files)
    return folder


def line_of(text: str, fragment: str) -> int:
    """The 1-based line on which fragment first occurs."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in text")
