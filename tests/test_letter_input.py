"""A wrong case file gets a Dutch error naming file, line and key, with a hint; nothing is written.

Each case changes one thing in an example case file (letters/voorbeelden/) and states
exactly what the user must see. The message text is the contract.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from letters_support import EXAMPLE_POLICY, EXAMPLES, ROOT, blank_key, example, key_paths, set_at
from policies import line_of, policy_tree
from support import dump_yaml, load_yaml

from schoolveiligheid.brief import check_output_folder, write_letter
from schoolveiligheid.brief.case import KINDS
from schoolveiligheid.brief.checks import read_case
from schoolveiligheid.brief.context import letter_contexts
from schoolveiligheid.brief.writer import context_values, template_for
from schoolveiligheid.cli import main
from schoolveiligheid.errors import InvalidInput, Problem
from schoolveiligheid.model import SchoolModel, load_schools
from schoolveiligheid.writers.docx_fill import DocxFiller


@dataclass(frozen=True)
class Case:
    name: str
    base: str  # example case file stem
    old: str
    new: str
    line_text: str  # text on the reported line, after the change
    key: str
    message: str
    hint: str = ""
    also: tuple[tuple[str, str], ...] = ()  # further replacements the change needs


LAW_MAX = "de wet staat hoogstens 5 schooldagen toe (artikel 40c van de Wet op het primair onderwijs)"
REASONS = """redenen:
  - Sam heeft op vrijdag 20 november in de pauze een klasgenoot geschopt en daarbij letsel veroorzaakt.
  - Eerder dit schooljaar zijn met Sam en met u afspraken gemaakt over het stoppen bij een conflict; die afspraken zijn niet nagekomen.
"""
OTHER_SCHOOL = """andere_school:
  naam: Basisschool Het Verzonnen Pad
  plaats: Lindewaarde
  toegezegd_op: 2027-01-12
"""

# fmt: off
CASES = [
    Case("schorsing van acht dagen", "schorsing", "tot_en_met: 2026-11-26", "tot_en_met: 2026-12-03", "tot_en_met:", "periode.tot_en_met", f"de schorsing duurt 8 schooldagen; {LAW_MAX}", "kies als laatste dag uiterlijk maandag 30 november 2026"),
    Case("langer dan de school toestaat", "schorsing", "tot_en_met: 2026-11-26", "tot_en_met: 2026-11-27", "tot_en_met:", "periode.tot_en_met", "de schorsing duurt 4 schooldagen; het beleid van de school staat hoogstens 3 schooldagen toe", "uiterlijk donderdag 26 november 2026 (maatregelen.schorsing.max_schooldagen)"),
    Case("einde voor begin", "schorsing", "tot_en_met: 2026-11-26", "tot_en_met: 2026-11-20", "tot_en_met:", "periode.tot_en_met", "de schorsing eindigt op vrijdag 20 november 2026, vóór de eerste dag (dinsdag 24 november 2026)", "tot_en_met is de laatste dag"),
    Case("reden ontbreekt", "schorsing", REASONS, "", "brief: schorsing", "redenen", "verplichte sleutel 'redenen' ontbreekt voor een brief 'schorsing'", "met de redenen op papier"),
    Case("lege lijst redenen", "schorsing", REASONS, "redenen: []\n", "redenen: []", "redenen", "deze lijst is leeg", "minstens één"),
    Case("naam in een groepsbrief", "incident-eigen-groep", 'groep: "7"\n', 'groep: "7"\nleerling: {voornaam: Sam, achternaam: Voorbeeld, groep: "7"}\n', "leerling: {voornaam", "leerling", "een brief aan andere ouders mag de naam van de leerling niet bevatten", "haal leerling: weg"),
    Case("ontvangers in een groepsbrief", "incident-overige-groepen", 'groep: "7"\n', 'groep: "7"\nontvangers: []\n', "ontvangers:", "ontvangers", "een brief aan de ouders van een hele groep heeft geen persoonlijke ontvangers of namen", "haal ontvangers: weg"),
    Case("definitief zonder eerdere brief", "definitieve-verwijdering", "gerelateerd_aan: voornemen-verwijdering.yaml\n", "", "brief: definitieve_verwijdering", "gerelateerd_aan", "verplichte sleutel 'gerelateerd_aan' ontbreekt voor een brief 'definitieve_verwijdering'", "brief over het voornemen"),
    Case("eerdere brief is een schorsing", "definitieve-verwijdering", "gerelateerd_aan: voornemen-verwijdering.yaml", "gerelateerd_aan: schorsing.yaml", "gerelateerd_aan:", "gerelateerd_aan", "'schorsing.yaml' is een brief 'schorsing', geen voornemen_verwijdering", "volgt op de brief over het voornemen"),
    Case("eerdere brief is niet eerder", "definitieve-verwijdering", "datum_brief: 2027-01-18", "datum_brief: 2026-11-09", "gerelateerd_aan:", "gerelateerd_aan", "de brief over het voornemen (9 november 2026) is niet eerder dan deze brief (9 november 2026)", "datum_brief"),
    Case("eerdere brief bestaat niet", "definitieve-verwijdering", "gerelateerd_aan: voornemen-verwijdering.yaml", "gerelateerd_aan: weg.yaml", "gerelateerd_aan:", "gerelateerd_aan", "het zaakbestand 'weg.yaml' bestaat niet", "voornemen tot verwijdering"),
    Case("ouders niet gehoord", "definitieve-verwijdering", "  ouders: 2026-11-18\n", "", "gehoord:", "gehoord.ouders", "er staat niet wanneer de ouders zijn gehoord", "groepsleerkracht en de ouders gehoord"),
    Case("geen andere school", "definitieve-verwijdering", OTHER_SCHOOL, "", "brief: definitieve_verwijdering", "andere_school", "verplichte sleutel 'andere_school' ontbreekt voor een brief 'definitieve_verwijdering'", "bereid is de leerling toe te laten"),
    Case("ingang voor de brief", "definitieve-verwijdering", "ingangsdatum: 2027-02-01", "ingangsdatum: 2027-01-11", "ingangsdatum:", "ingangsdatum", "de ingangsdatum (11 januari 2027) ligt vóór de datum van de brief (18 januari 2027)", "kies een latere datum"),
    Case("dader in een incidentbrief", "incident-eigen-groep", "door een ander kind hard geduwd", "door de dader hard geduwd", "omschrijving:", "incident.omschrijving", "vermijd het woord 'dader' in een brief aan ouders", "zonder etiket"),
    Case("geschorst in een incidentbrief", "incident-overige-groepen", "  ouders_vragen_rust: true", "  besproken_in_groep: Het kind is geschorst.\n  ouders_vragen_rust: true", "besproken_in_groep:", "incident.besproken_in_groep", "vermijd het woord 'geschorst' in een brief aan ouders", "enkele dagen thuis"),
    Case("slachtoffer in een pestbrief", "pesten-gepeste-leerling", "  - De leerkracht heeft met Noor gepraat", "  - Noor is geen slachtoffer; de leerkracht heeft met Noor gepraat", "Noor is geen slachtoffer", "acties[0]", "vermijd het woord 'slachtoffer' in een brief aan ouders"),
    Case("time-out op een school zonder time-out", "time-out", "school: kompasroos", "school: zonnewijzer", "brief: time_out", "brief", "het beleid van de school beschrijft geen time-out (so.time_out of maatregelen.time_out)", "beschrijf eerst de time-out in het beleid", (("groep: SO-4", 'groep: "4"'), ("ruimte: Stilteruimte", "ruimte: groep 5"))),
    Case("onbekende school", "schorsing", "school: vlinderboom", "school: vlinderbom", "school: vlinderbom", "school", 'school "vlinderbom" bestaat niet in de beleidsmap', "bedoelde je 'vlinderboom'?"),
    Case("onbekende soort brief", "schorsing", "brief: schorsing", "brief: schorsen", "brief: schorsen", "brief", 'ongeldige waarde "schorsen"', "bedoelde je 'schorsing'?"),
    Case("groep bestaat niet", "schorsing", 'groep: "7"', 'groep: "9"', 'groep: "9"', "leerling.groep", 'groep "9" bestaat niet op deze school', "1, 2, 3, 4, 5, 6, 7, 8"),
    Case("onbekende leerkracht", "schorsing", "groepsleerkracht: p-leerkracht-de-lange", "groepsleerkracht: p-de-lange", "groepsleerkracht:", "groepsleerkracht", 'persoon "p-de-lange" bestaat niet', "bedoelde je 'p-leerkracht-de-lange'?"),
    Case("sleutel hoort niet bij de soort", "uitnodiging-gesprek", "soort_gesprek: herstelgesprek", "soort_gesprek: herstelgesprek\nperiode: {van: 2026-12-01, tot_en_met: 2026-12-01}", "periode:", "periode", "sleutel 'periode' hoort niet bij een brief 'uitnodiging_gesprek'"),
    Case("typfout in een sleutel", "schorsing", "redenen:", "reden:", "reden:", "reden", "onbekende sleutel 'reden'", "bedoelde je 'redenen'?"),
    Case("invulplek blijven staan", "schorsing", "een klasgenoot geschopt", "......... geschopt", "......... geschopt", "redenen[0]", 'hier staat nog een invulplek: "........."', "geen puntjes"),
    Case("schorsing op zaterdag", "schorsing", "van: 2026-11-24", "van: 2026-11-28", "van: 2026-11-28", "periode.van", "28 november 2026 is een zaterdag, geen schooldag", "schooldag", (("tot_en_met: 2026-11-26", "tot_en_met: 2026-11-30"),)),
    Case("schorsing begint voor de brief", "schorsing", "van: 2026-11-24", "van: 2026-11-20", "van: 2026-11-20", "periode.van", "de eerste dag van de schorsing (20 november 2026) ligt vóór de datum van de brief (23 november 2026)"),
    Case("gesprek voor de brief", "schorsing", "datum: 2026-11-27", "datum: 2026-11-20", "datum: 2026-11-20", "uitnodiging.datum", "het gesprek (20 november 2026) ligt vóór de datum van de brief (23 november 2026)"),
    Case("ondertekenaar zonder persoon", "schorsing", "brief: schorsing", "brief: schorsing\nondertekenaar: adjunct_directeur", "ondertekenaar:", "ondertekenaar", 'de ondertekenaar "adjunct_directeur" is geen ingevulde rol met een persoon in het beleid van de school', "rollen.adjunct_directeur"),
    Case("naam te lang", "schorsing", "voornaam: Sam", "voornaam: " + "S" * 200, "voornaam: SSS", "leerling.voornaam", "deze regel is te lang (200 tekens, maximaal 150)", "een naam, een adres of een plaats"),
    Case("straat te lang", "schorsing", "straat: Kievitstraat 12", "straat: " + "K" * 160, "straat: KKK", "ontvangers[0].adres.straat", "deze regel is te lang (160 tekens, maximaal 150)", "een naam, een adres of een plaats"),
    Case("stuurteken in een tekst", "schorsing", "  - U kunt tijdens schooltijd met vragen", '  - "U kunt\\ftijdens schooltijd" \n  - U kunt met vragen', "U kunt\\ftijdens", "maatregelen[1]", "de tekst bevat een onzichtbaar stuurteken (code 12)", "platte tekst"),
    Case("tijd als lijst", "schorsing", 'tijd: "8.30"', "tijd: [8, 30]", "tijd:", "uitnodiging.tijd", "verwacht een tijd, geen lijst of blok", '"15.00"'),
    Case("school als lijst", "schorsing", "school: vlinderboom", "school: [vlinderboom]", "school:", "school", "verwacht de id van één school, geen lijst of blok", "school.id in het beleid"),
    Case("ongeldige tijd", "schorsing", 'tijd: "8.30"', 'tijd: "8.70"', "tijd:", "uitnodiging.tijd", 'ongeldige tijd "8.70"', "15.00"),
    Case("ruimte bestaat niet", "time-out", "ruimte: Stilteruimte", "ruimte: Stilteruimtee", "ruimte:", "time_out.ruimte", 'ruimte "Stilteruimtee" staat niet in so.ruimtes van het beleid', "bedoelde je 'Stilteruimte'?"),
    Case("time-out eindigt voor begin", "time-out", 'tot: "10.45"', 'tot: "10.05"', "tot:", "time_out.tot", "de time-out eindigt (10.05) niet na het begin (10.20)"),
    Case("onbekende deskundige", "incident-eigen-groep", "deskundigen: [org-ggd, org-smw]", "deskundigen: [org-gdd, org-smw]", "deskundigen:", "deskundigen[0]", 'organisatie "org-gdd" bestaat niet', "bedoelde je 'org-ggd'?"),
    Case("onbekende aanpak", "pesten-pestende-leerling", "aanpak: opa", "aanpak: opaa", "aanpak: opaa", "aanpak", 'aanpak "opaa" bestaat niet', "bedoelde je 'opa'?"),
    Case("aanpak die de school niet gebruikt", "pesten-gepeste-leerling", "aanpak: opa", "aanpak: no_blame", "aanpak: no_blame", "aanpak", 'de aanpak "no_blame" staat niet in pestaanpak.curatief.methoden van de school', "kies uit: "),
    Case("ontvangende groep is de betrokken groep", "incident-overige-groepen", 'groep: "7"\n', 'groep: "7"\nontvangende_groepen: ["6", "7"]\n', "ontvangende_groepen:", "ontvangende_groepen", "groep 7 is de betrokken groep; die krijgt de brief incident_eigen_groep"),
]
# fmt: on


def _write_cases(folder: Path, case: Case) -> tuple[Path, str]:
    """All examples in one folder (definitive letters point at their siblings), one of them changed."""
    folder.mkdir(parents=True)
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    text = example(case.base)
    assert case.old in text, f"{case.name}: {case.old!r} not in {case.base}.yaml"
    text = text.replace(case.old, case.new, 1)
    for old, new in case.also:
        assert old in text, f"{case.name}: {old!r}"
        text = text.replace(old, new, 1)
    target = folder / f"{case.base}.yaml"
    target.write_text(text, encoding="utf-8")
    return target, text


def _problems(path: Path, out: Path) -> tuple[Problem, ...]:
    with pytest.raises(InvalidInput) as caught:
        write_letter(path, EXAMPLE_POLICY, out)
    return caught.value.problems


def test_at_least_thirty_distinct_refusals() -> None:
    assert len({case.message for case in CASES}) >= 30


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_refused_with_file_line_key_message_and_hint(case: Case, tmp_path: Path) -> None:
    path, text = _write_cases(tmp_path / "zaken", case)
    problems = _problems(path, tmp_path / "uit")
    matching = [p for p in problems if p.message == case.message]
    assert matching, f"expected {case.message!r}, got:\n" + "\n".join(map(str, problems))
    problem = matching[0]
    assert Path(problem.file) == path
    assert problem.line == line_of(text, case.line_text), str(problem)
    assert problem.key == case.key
    assert case.hint in problem.hint
    assert not (tmp_path / "uit").exists(), "nothing is written for invalid input"


def test_all_problems_are_reported_at_once_sorted_by_line(tmp_path: Path) -> None:
    case = Case("drie fouten", "schorsing", "tot_en_met: 2026-11-26", "tot_en_met: 2026-12-03", "", "", "")
    path, text = _write_cases(tmp_path / "zaken", case)
    text = text.replace("  - U kunt tijdens", "  - U kunt .... tijdens").replace("ondertekenaar", "x")
    text = text.replace("brief: schorsing", "brief: schorsing\nondertekenaar: adjunct_directeur")
    path.write_text(text, encoding="utf-8")
    problems = _problems(path, tmp_path / "uit")
    assert [p.key for p in problems] == ["maatregelen[1]"], (
        "a value error stops the checks that need whole values"
    )
    path.write_text(text.replace("U kunt .... tijdens", "U kunt tijdens"), encoding="utf-8")
    problems = _problems(path, tmp_path / "uit")
    assert [p.key for p in problems] == ["ondertekenaar", "periode.tot_en_met"]
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)


def test_command_exits_2_and_leaves_the_earlier_letter_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit"
    case = tmp_path / "zaak.yaml"
    case.write_text(example("schorsing"), encoding="utf-8")
    assert main(["brief", str(case), "--uitvoer", str(out)]) == 0
    (letter,) = out.iterdir()
    before = letter.read_bytes()
    case.write_text(
        example("schorsing").replace("tot_en_met: 2026-11-26", "tot_en_met: 2026-12-03"), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["brief", str(case), "--uitvoer", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        f"zaak.yaml:{line_of(case.read_text(), 'tot_en_met:')}: periode.tot_en_met: de schorsing duurt 8 schooldagen"
        in err
    )
    assert "  tip: kies als laatste dag uiterlijk maandag 30 november 2026" in err
    assert err.rstrip().endswith("1 fout gevonden; er is niets aangemaakt of overschreven.")
    assert letter.read_bytes() == before and list(out.iterdir()) == [letter]


@pytest.mark.parametrize(
    "folder",
    [lambda tmp: tmp / "site" / "brieven", lambda tmp: tmp / "uitvoer" / "site" / "vlinderboom"],
    ids=["site", "site-onder-uitvoer"],
)
def test_output_under_a_website_is_refused(
    tmp_path: Path, folder: object, capsys: pytest.CaptureFixture[str]
) -> None:
    target = folder(tmp_path)  # type: ignore[operator]
    assert main(["brief", str(EXAMPLES / "schorsing.yaml"), "--uitvoer", str(target)]) == 2
    assert "brieven horen nooit in een websitemap" in capsys.readouterr().err
    assert not target.exists()


def test_output_inside_a_built_site_or_the_project_is_refused(tmp_path: Path) -> None:
    built = tmp_path / "publiek"
    (built / "search").mkdir(parents=True)
    (built / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InvalidInput, match="websitemap"):
        check_output_folder(built / "brieven", EXAMPLE_POLICY)
    with pytest.raises(InvalidInput, match="git negeert hem niet"):
        check_output_folder(ROOT / "letters" / "uit", EXAMPLE_POLICY)
    with pytest.raises(InvalidInput, match="beleidsmap"):
        check_output_folder(EXAMPLE_POLICY / "brieven", EXAMPLE_POLICY)
    check_output_folder(ROOT / "brieven", EXAMPLE_POLICY)  # the default: ignored by git
    check_output_folder(ROOT / "zaken" / "2026", EXAMPLE_POLICY)
    check_output_folder(tmp_path / "elders", EXAMPLE_POLICY)


def test_a_case_file_in_the_policy_folder_is_refused(tmp_path: Path) -> None:
    policy = policy_tree(
        tmp_path, extra={"zaak.yaml": example("schorsing").replace("vlinderboom", "testschool")}
    )
    with pytest.raises(InvalidInput) as caught:
        load_schools(policy)
    (problem,) = caught.value.problems
    assert Path(problem.file).name == "zaak.yaml"
    assert problem.message == "dit is een zaakbestand voor een brief; dat hoort niet in de beleidsmap"


REQUIRED = [(kind.id, key) for kind in KINDS.values() for key in kind.required]


@pytest.mark.parametrize(("kind", "key"), REQUIRED, ids=[f"{kind}-{key}" for kind, key in REQUIRED])
def test_a_required_key_left_empty_is_refused(kind: str, key: str, tmp_path: Path) -> None:
    folder = tmp_path / "zaken"
    shutil.copytree(EXAMPLES, folder)
    path = folder / f"{kind.replace('_', '-')}.yaml"
    text = blank_key(path.read_text(encoding="utf-8"), key)
    path.write_text(text, encoding="utf-8")
    problems = _problems(path, tmp_path / "uit")
    message = f"verplichte sleutel '{key}' is leeg voor een brief '{kind}'"
    matching = [p for p in problems if p.message == message]
    assert matching, f"expected {message!r}, got:\n" + "\n".join(map(str, problems))
    (problem,) = matching
    assert Path(problem.file) == path and problem.key == key and problem.hint
    assert problem.line == next(
        n for n, line in enumerate(text.splitlines(), 1) if line.startswith(f"{key}:")
    )
    assert not (tmp_path / "uit").exists()


def test_empty_keys_get_the_legal_hint_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "zaak.yaml"
    path.write_text(blank_key(blank_key(example("schorsing"), "redenen"), "leerling"), encoding="utf-8")
    assert main(["brief", str(path), "--uitvoer", str(tmp_path / "uit")]) == 2
    err = capsys.readouterr().err
    assert "zaak.yaml:7: leerling: verplichte sleutel 'leerling' is leeg voor een brief 'schorsing'" in err
    assert "redenen: verplichte sleutel 'redenen' is leeg voor een brief 'schorsing'" in err
    assert "mag een leerling voor ten hoogste één week schorsen" in err, "the rule from law.py"
    assert "has no attribute" not in err and not (tmp_path / "uit").exists()


# Values a user might put where another kind of value belongs.
WRONG_VALUES = {
    "lijst": ["een", "twee"],
    "blok": {"sleutel": "waarde"},
    "null": None,
    "leeg": "",
    "lang": "x" * 5000,
    "stuurteken": "a\x07b\x0cc",
}
_ENGLISH = ("Input should", "Field required", "Value error", "has no attribute", "is undefined", "object")


def _fuzzed_cases(folder: Path) -> list[tuple[str, Path, object]]:
    """(label, example file, changed data) for every key path of every example and every wrong value."""
    shutil.copytree(EXAMPLES, folder)
    found = []
    for path in sorted(folder.glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8"))
        for keys in key_paths(data):
            for label, value in WRONG_VALUES.items():
                changed = copy.deepcopy(data)
                set_at(changed, keys, copy.deepcopy(value))
                found.append((f"{path.stem} {'.'.join(map(str, keys))}={label}", path, changed))
    return found


def test_every_wrong_value_in_every_example_gives_a_letter_or_a_dutch_error(
    tmp_path: Path, example_schools: dict[str, SchoolModel]
) -> None:
    """The loader never crashes: any value in any key is a letter, or problems with file and line."""
    schools = list(example_schools.values())
    filler = DocxFiller()
    wrong: list[str] = []
    outcomes = {"brief": 0, "fout": 0}
    cases = _fuzzed_cases(tmp_path / "zaken")
    for label, source, data in cases:
        target = source.with_name(f"fuzz-{source.name}")
        target.write_text(dump_yaml(data, sort_keys=True), encoding="utf-8")
        try:
            loaded = read_case(target, schools)
            for context in letter_contexts(loaded):
                data_out = filler.fill(
                    template_for(context.kind), context_values(context), context.logo, date(2026, 1, 1), "t"
                )
                assert data_out.startswith(b"PK")
            outcomes["brief"] += 1
        except InvalidInput as error:
            outcomes["fout"] += 1
            for problem in error.problems:
                if Path(problem.file).parent != target.parent or not problem.line or not problem.message:
                    wrong.append(f"{label}: without file or line: {problem}")
                if any(word in f"{problem.message} {problem.hint}" for word in _ENGLISH):
                    wrong.append(f"{label}: not Dutch: {problem}")
        except Exception as error:  # noqa: BLE001 - the point of the test: report any other exception
            wrong.append(f"{label}: {type(error).__name__}: {str(error)[:200]}")
    assert not wrong, f"{len(wrong)} of {len(cases)}:\n" + "\n".join(wrong[:30])
    assert len(cases) > 1000 and outcomes["fout"] > 1000 and outcomes["brief"] > 10, outcomes


def test_a_mistake_in_another_schools_file_does_not_stop_a_letter(tmp_path: Path) -> None:
    """`brief` loads the case's school (and its board) only: a neighbour's mistake is not its concern."""
    policy = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, policy)
    neighbour = policy / "kompasroos.yaml"
    neighbour.write_text(
        neighbour.read_text(encoding="utf-8").replace(
            "  naam: SO De Kompasroos", "  naam: [SO, De Kompasroos]", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as caught:
        load_schools(policy)
    assert {Path(problem.file).name for problem in caught.value.problems} == {"kompasroos.yaml"}
    with pytest.raises(InvalidInput):
        load_schools(policy, only="kompasroos")
    assert [school.id for school in load_schools(policy, only="vlinderboom")] == ["vlinderboom"]
    other_board = policy / "ander-bestuur.yaml"  # a board no school of the letter uses, with a mistake
    other_board.write_text("bestuur:\n  id: ander-bestuur\n  kleur_x: rood\n", encoding="utf-8")
    result = write_letter(EXAMPLES / "schorsing.yaml", policy, tmp_path / "uit")
    assert len(result.paths) == 1 and result.paths[0].is_file()


@pytest.mark.parametrize("written", ["[lindewaarde]", "{id: lindewaarde}", '""'])
def test_a_board_named_with_a_list_or_block_is_the_same_problem_for_one_school(
    tmp_path: Path, written: str
) -> None:
    policy = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, policy)
    school = policy / "vlinderboom.yaml"
    text = school.read_text(encoding="utf-8")
    assert "  bestuur: lindewaarde\n" in text
    school.write_text(
        text.replace("  bestuur: lindewaarde\n", f"  bestuur: {written}\n", 1), encoding="utf-8"
    )
    with pytest.raises(InvalidInput) as every_school:
        load_schools(policy)
    with pytest.raises(InvalidInput) as one_school:
        load_schools(policy, only="vlinderboom")
    assert one_school.value.problems == every_school.value.problems


def test_a_school_naming_a_board_that_is_not_there_hears_which_boards_there_are(tmp_path: Path) -> None:
    policy = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, policy)
    school = policy / "vlinderboom.yaml"
    text = school.read_text(encoding="utf-8")
    board = load_yaml((policy / "bestuur.yaml").read_text(encoding="utf-8"))["bestuur"]["id"]
    assert f"bestuur: {board}" in text
    school.write_text(text.replace(f"bestuur: {board}", f"bestuur: {board}x", 1), encoding="utf-8")
    with pytest.raises(InvalidInput) as every_school:
        load_schools(policy)
    with pytest.raises(InvalidInput) as one_school:
        load_schools(policy, only="vlinderboom")
    assert one_school.value.problems == every_school.value.problems  # the same words, the same boards
    (problem,) = [problem for problem in one_school.value.problems if problem.key == "school.bestuur"]
    assert f"bedoelde je '{board}'?" in problem.hint, problem


def test_an_unknown_school_loads_every_school_to_name_them(tmp_path: Path) -> None:
    assert sorted(school.id for school in load_schools(EXAMPLE_POLICY, only="vlinderbom")) == [
        "kompasroos",
        "vlinderboom",
        "zonnewijzer",
    ]


def test_an_earlier_letter_of_another_school_is_named_as_such(tmp_path: Path) -> None:
    folder = tmp_path / "zaken"
    folder.mkdir()
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    intent = folder / "voornemen-verwijdering.yaml"
    intent.write_text(
        intent.read_text(encoding="utf-8").replace("school: vlinderboom", "school: kompasroos", 1),
        encoding="utf-8",
    )
    decision = folder / "definitieve-verwijdering.yaml"
    problems = _problems(decision, tmp_path / "uit")
    assert [(problem.key, problem.message) for problem in problems] == [
        ("gerelateerd_aan", "de brief over het voornemen is van een andere school")
    ]
    assert problems[0].line == line_of(decision.read_text(encoding="utf-8"), "gerelateerd_aan:")
    assert not (tmp_path / "uit").exists()
