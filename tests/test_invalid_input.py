"""Bad input gets a Dutch error naming the file, the line and the key, with a hint.

Each case changes one thing in a valid policy and states exactly which file,
line, key path and message the user must see. The message text is the contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from policies import BOARD, SCHOOL, line_of, policy_tree

from schoolveiligheid.errors import InvalidInput, Problem
from schoolveiligheid.model import load_schools


@dataclass(frozen=True)
class Case:
    name: str
    file: str  # "school.yaml" or "bestuur.yaml"
    old: str
    new: str
    line_text: str  # text on the line that must be reported (after the change)
    key: str
    message: str
    hint: str = ""


CASES = [
    Case(
        "tab",
        "school.yaml",
        "  naam: Basisschool",
        "\tnaam: Basisschool",
        "\tnaam: Basisschool",
        "",
        "er staat een tab in het bestand",
        "gebruik spaties",
    ),
    Case(
        "dubbele sleutel",
        "school.yaml",
        "  type: po\n",
        "  type: po\n  type: so\n",
        "  type: so",
        "school.type",
        "staat twee keer in dit blok (eerst op regel 6)",
    ),
    Case(
        "ontbrekende dubbele punt",
        "school.yaml",
        "  type: po",
        "  type po\n  x",
        "  x",
        "",
        "er ontbreekt een ':' achter een sleutel",
    ),
    Case(
        "typfout bovenaan",
        "school.yaml",
        "rollen:",
        "rolen:",
        "rolen:",
        "rolen",
        "onbekende sleutel 'rolen'",
        "bedoelde je 'rollen'?",
    ),
    Case(
        "typfout genest",
        "school.yaml",
        "    telefoon: 020 123 4568",
        "    telefon: 020 123 4568",
        "telefon:",
        "personen[0].telefon",
        "onbekende sleutel 'telefon'",
        "bedoelde je 'telefoon'?",
    ),
    Case(
        "verplichte sleutel ontbreekt",
        "school.yaml",
        "  naam: Basisschool De Testhoeve\n",
        "",
        "school:",
        "school.naam",
        "verplichte sleutel 'naam' ontbreekt",
        "volledige naam van de school",
    ),
    Case(
        "ongeldig schooltype",
        "school.yaml",
        "  type: po",
        "  type: basisschool",
        "type: basisschool",
        "school.type",
        'ongeldige waarde "basisschool"',
        "kies uit: po, sbo, so, vso",
    ),
    Case(
        "ongeldig telefoonnummer",
        "school.yaml",
        "  telefoon: 020 123 4567",
        "  telefoon: 06-123",
        "telefoon: 06-123",
        "school.telefoon",
        'ongeldig telefoonnummer "06-123"',
        "10 cijfers",
    ),
    Case(
        "ongeldig e-mailadres",
        "school.yaml",
        "info@testhoeve.example",
        "info@testhoeve",
        "email: info@testhoeve",
        "school.email",
        'ongeldig e-mailadres "info@testhoeve"',
        "naam@school.nl",
    ),
    Case(
        "ongeldige postcode",
        "school.yaml",
        "postcode: 1234 AC",
        "postcode: 123 AC",
        "Schoolstraat",
        "school.adres.postcode",
        'ongeldige postcode "123 AC"',
        "vier cijfers en twee letters",
    ),
    Case(
        "datumformaat",
        "school.yaml",
        "vastgesteld_op: 2026-09-08",
        "vastgesteld_op: 8 september",
        "vastgesteld_op",
        "document.vastgesteld_op",
        'ongeldige datum "8 september"',
        "JJJJ-MM-DD",
    ),
    Case(
        "datum bestaat niet",
        "school.yaml",
        "mr_instemming_op: 2026-09-01",
        "mr_instemming_op: 2026-02-30",
        "mr_instemming_op",
        "document.mr_instemming_op",
        'de datum "2026-02-30" bestaat niet',
        "dag en maand",
    ),
    Case(
        "schooljaar niet aaneengesloten",
        "school.yaml",
        "schooljaar: 2026-2027",
        "schooljaar: 2026-2028",
        "schooljaar",
        "document.schooljaar",
        "moet twee opeenvolgende jaren noemen",
        "bedoelde je 2026-2027?",
    ),
    Case(
        "schooljaar vorm",
        "school.yaml",
        "schooljaar: 2026-2027",
        "schooljaar: dit jaar",
        "schooljaar",
        "document.schooljaar",
        'ongeldig schooljaar "dit jaar"',
        "2026-2027",
    ),
    Case(
        "onbekende persoon in rol",
        "school.yaml",
        "directeur: {personen: [p-dir]}",
        "directeur: {personen: [p-dirr]}",
        "directeur:",
        "rollen.directeur.personen[0]",
        'persoon "p-dirr" bestaat niet',
        "bedoelde je 'p-dir'?",
    ),
    Case(
        "zelfde_als naar lege rol",
        "school.yaml",
        "{zelfde_als: coordinator_anti_pestbeleid}",
        "{zelfde_als: intern_begeleider}",
        "aanspreekpunt_pesten",
        "rollen.aanspreekpunt_pesten.zelfde_als",
        'de rol "intern_begeleider" is niet ingevuld',
        "vul rollen.intern_begeleider in",
    ),
    Case(
        "zelfde_als in een kring",
        "school.yaml",
        "coordinator_anti_pestbeleid: {personen: [p-coord]}",
        "coordinator_anti_pestbeleid: {zelfde_als: aanspreekpunt_pesten}",
        "coordinator_anti_pestbeleid:",
        "rollen.coordinator_anti_pestbeleid.zelfde_als",
        "zelfde_als verwijst in een kring",
        "laat één rol zelf personen noemen",
    ),
    Case(
        "lege rol in escalatie",
        "school.yaml",
        "verantwoordelijk: [leerkracht]",
        "verantwoordelijk: [intern_begeleider]",
        "verantwoordelijk:",
        "pestaanpak.escalatie[0].verantwoordelijk[0]",
        'de rol "intern_begeleider" is niet ingevuld',
        "vul rollen.intern_begeleider in",
    ),
    Case(
        "onbekende methode",
        "school.yaml",
        "  - id: vreedzame_school",
        "  - id: vreedzame_schol",
        "vreedzame_schol",
        "methoden[0].id",
        'programma "vreedzame_schol" bestaat niet',
        "bedoelde je 'vreedzame_school'?",
    ),
    Case(
        "onbekende aanpak",
        "school.yaml",
        "methoden: [opa]",
        "methoden: [opaa]",
        "methoden: [opaa]",
        "pestaanpak.curatief.methoden[0]",
        'aanpak "opaa" bestaat niet',
        "bedoelde je 'opa'?",
    ),
    Case(
        "eigen activiteit zonder titel",
        "school.yaml",
        "  - id: vreedzame_school\n",
        "  - id: kinderbrievenbus\n    eigen: true\n    tekst: Een brievenbus voor zorgen.\n",
        "- id: kinderbrievenbus",
        "methoden[0].titel",
        "een eigen activiteit heeft een titel nodig",
        "vul titel: in",
    ),
    Case(
        "groep bestaat niet",
        "school.yaml",
        "    groepen: 1-8",
        "    groepen: 1-9",
        "groepen: 1-9",
        "methoden[0].groepen",
        'groep "9" bestaat niet op deze school',
        "1, 2, 3, 4, 5, 6, 7, 8",
    ),
    Case(
        "vastgesteld zonder datum",
        "school.yaml",
        "  vastgesteld_op: 2026-09-08\n",
        "",
        "document:",
        "document.vastgesteld_op",
        "status vastgesteld vraagt om een datum van vaststelling",
        "status: concept",
    ),
    Case(
        "grens van bestuur verruimd",
        "school.yaml",
        "verantwoordelijk: [leerkracht]\n",
        "verantwoordelijk: [leerkracht]\nmaatregelen:\n  schorsing: {max_schooldagen: 4}\n",
        "schorsing: {max_schooldagen: 4}",
        "maatregelen.schorsing.max_schooldagen",
        "4 is ruimer dan de grens van het bestuur (3)",
        "kies 3 of minder",
    ),
    Case(
        "onbekend bestuur",
        "school.yaml",
        "  bestuur: testbestuur",
        "  bestuur: testbestur",
        "bestuur: testbestur",
        "school.bestuur",
        'bestuur "testbestur" bestaat niet in deze map',
        "bedoelde je 'testbestuur'?",
    ),
    Case(
        "so-deel bij basisschool",
        "school.yaml",
        "pestaanpak:",
        "so:\n  ruimtes: []\npestaanpak:",
        "so:",
        "so",
        "het so-deel hoort alleen bij een school van type so of vso",
        "verwijder so:",
    ),
    Case(
        "tekst in plaats van getal",
        "bestuur.yaml",
        "{max_schooldagen: 3}",
        "{max_schooldagen: drie}",
        "max_schooldagen: drie",
        "maatregelen.schorsing.max_schooldagen",
        'verwacht een geheel getal, niet "drie"',
        "alleen cijfers",
    ),
    Case(
        "termijn met twee eenheden",
        "school.yaml",
        "      verantwoordelijk: [leerkracht]",
        "      verantwoordelijk: [leerkracht]\n      termijn: {weken: 2, dagen: 3}",
        "termijn:",
        "pestaanpak.escalatie[0].termijn",
        "een termijn heeft precies één eenheid",
        "{weken: 4}",
    ),
    Case(
        "dubbele persoon-id",
        "school.yaml",
        "  - id: p-coord",
        "  - id: p-dir # tweede keer",
        "p-dir # tweede",
        "personen[1].id",
        "id 'p-dir' komt twee keer voor in personen",
        "eigen id",
    ),
    Case(
        "lijst verwacht",
        "school.yaml",
        "    groepen: 1-8",
        "    groepen: 1-8\n    status: [actief]",
        "status: [actief]",
        "methoden[0].status",
        "ongeldige waarde",
        "",
    ),
    Case(
        "kop in visie",
        "school.yaml",
        "pestaanpak:",
        "identiteit:\n  visie: |\n    # Onze visie\n    Wij zijn een school.\npestaanpak:",
        "visie:",
        "identiteit.visie",
        "koppen (#) zijn hier niet toegestaan",
        "gewone alinea's",
    ),
    Case(
        "organisatie zonder naam",
        "bestuur.yaml",
        "    naam: Klachtencommissie Test\n",
        "",
        "- id: org-klachten",
        "organisaties[0].naam",
        "een organisatie heeft een naam nodig",
        "standaard: true",
    ),
    Case(
        "onbekende commissie",
        "bestuur.yaml",
        "  commissie: org-klachten",
        "  commissie: org-klacht",
        "commissie: org-klacht",
        "klachten.commissie",
        'organisatie "org-klacht" bestaat niet',
        "bedoelde je 'org-klachten'?",
    ),
    Case(
        "te weinig personen voor bestuursrol",
        "bestuur.yaml",
        "  externe_vertrouwenspersoon: {personen: [p-evp]}",
        "  externe_vertrouwenspersoon: {personen: [p-evp]}\n  interne_vertrouwenspersoon: {functie: leerkracht, aantal: 2}",
        "interne_vertrouwenspersoon",
        "rollen.interne_vertrouwenspersoon",
        "het bestuur vraagt 2 personen voor deze rol (leerkracht), er zijn er 0",
        "rollen.interne_vertrouwenspersoon.personen",
    ),
    Case(
        "steungroep omgekeerd",
        "school.yaml",
        "    methoden: [opa]",
        "    methoden: [opa]\n    steungroep: {min: 8, max: 5}",
        "steungroep:",
        "pestaanpak.curatief.steungroep.min",
        "min is groter dan max",
        "draai de getallen om",
    ),
    Case(
        "afbeelding in tekst",
        "school.yaml",
        "pestaanpak:",
        "identiteit:\n  visie: Kijk ![foto](x.png) maar\npestaanpak:",
        "visie:",
        "identiteit.visie",
        "deze tekst bevat een afbeelding",
        "gewone alinea's",
    ),
    Case(
        "codeblok in tekst",
        "school.yaml",
        "pestaanpak:",
        "identiteit:\n  visie: |\n    Eerst.\n\n        ingesprongen\npestaanpak:",
        "visie:",
        "identiteit.visie",
        "een codeblok",
        "vier spaties",
    ),
    Case(
        "bestuur als lijst",
        "school.yaml",
        "  bestuur: testbestuur",
        "  bestuur: [testbestuur]",
        "bestuur: [testbestuur]",
        "school.bestuur",
        "ongeldige id",
        "kleine letters",
    ),
    Case(
        "id als lijst",
        "school.yaml",
        "  - id: p-coord",
        "  - id: [p-coord]",
        "id: [p-coord]",
        "personen[1].id",
        "ongeldige id",
        "kleine letters",
    ),
    Case(
        "alias in zichzelf",
        "school.yaml",
        "  curatief:\n    methoden: [opa]",
        "  curatief:\n    methoden: &m [opa, *m]",
        "methoden: &m",
        "pestaanpak.curatief.methoden[1]",
        "een alias verwijst naar het blok waar hij zelf in staat",
        "haal de alias",
    ),
    Case(
        "te lange regel",
        "school.yaml",
        "  naam: Basisschool De Testhoeve",
        "  naam: " + "Lang " * 70,
        "  naam: Lang",
        "school.naam",
        "tekst is te lang (349 tekens, maximaal 300)",
        "houd dit kort",
    ),
    Case(
        "stuurteken",
        "school.yaml",
        "  naam: Basisschool De Testhoeve",
        '  naam: "De Test\\fhoeve"',
        '  naam: "De Test',
        "school.naam",
        "de tekst bevat een onzichtbaar stuurteken (code 12)",
        "typ de tekst opnieuw",
    ),
    Case(
        "lege waarde",
        "school.yaml",
        "  naam: Basisschool De Testhoeve",
        "  naam:",
        "  naam:",
        "school.naam",
        "deze tekst is leeg",
        "vul de tekst in",
    ),
]


def _apply(case: Case) -> dict[str, str]:
    texts = {"school.yaml": SCHOOL, "bestuur.yaml": BOARD}
    assert case.old in texts[case.file], f"{case.name}: {case.old!r} not in {case.file}"
    texts[case.file] = texts[case.file].replace(case.old, case.new, 1)
    return texts


def _problems(tmp_path: Path, texts: dict[str, str]) -> tuple[Problem, ...]:
    folder = policy_tree(tmp_path, school=texts["school.yaml"], board=texts["bestuur.yaml"])
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    return caught.value.problems


def test_there_are_at_least_25_distinct_cases() -> None:
    assert len({case.message for case in CASES}) >= 25


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_problem_names_file_line_key_and_hint(case: Case, tmp_path: Path) -> None:
    texts = _apply(case)
    problems = _problems(tmp_path, texts)
    matching = [p for p in problems if case.message in p.message]
    assert matching, f"expected {case.message!r}, got:\n" + "\n".join(map(str, problems))
    problem = matching[0]
    assert Path(problem.file).name == case.file
    assert problem.line == line_of(texts[case.file], case.line_text), str(problem)
    assert problem.key == case.key
    assert case.hint in problem.hint


def test_all_problems_are_reported_at_once_sorted_by_line(tmp_path: Path) -> None:
    school = (
        SCHOOL.replace("telefoon: 020 123 4567", "telefoon: 12")
        .replace("type: po", "type: pp")
        .replace("p-coord]}", "p-cord]}")
    )
    problems = _problems(tmp_path, {"school.yaml": school, "bestuur.yaml": BOARD})
    keys = [p.key for p in problems]
    assert keys == ["school.type", "school.telefoon", "rollen.coordinator_anti_pestbeleid.personen[0]"]
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_board_problem_points_at_the_board_file_once(tmp_path: Path) -> None:
    second_school = SCHOOL.replace("id: testschool", "id: tweedeschool")
    folder = policy_tree(
        tmp_path,
        board=BOARD.replace("postcode: 1000 AA", "postcode: 1000"),
        extra={"tweede.yaml": second_school},
    )
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    board_problems = [p for p in caught.value.problems if Path(p.file).name == "bestuur.yaml"]
    assert len(board_problems) == 1
    assert board_problems[0].key == "organisaties[0].postadres.postcode"


def test_report_is_dutch_with_count_and_promise(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path, {"school.yaml": SCHOOL.replace("type: po", "type: pp"), "bestuur.yaml": BOARD}
    )
    report = InvalidInput(problems).report()
    assert report.splitlines()[0].endswith('school.yaml:6: school.type: ongeldige waarde "pp"')
    assert report.splitlines()[1] == "  tip: kies uit: po, sbo, so, vso"
    assert report.endswith("1 fout gevonden; er is niets aangemaakt of overschreven.")
