"""No input can hang, exhaust memory or crash the tool: every limit is a Dutch error with file, line and key.

An alias bomb, thousands of nested brackets, a group range of a hundred million, a
text of a megabyte: each is refused before any work that grows with it, fast and in
little memory, in every YAML the tool reads (policy, case, catalogue, an older version
for `verschil`). Malformed YAML gets Dutch words from the parser too, never English.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from letters_support import EXAMPLE_POLICY, example, write_case
from policies import SCHOOL, line_of, policy_tree

from schoolveiligheid import load
from schoolveiligheid.cli import main
from schoolveiligheid.errors import InvalidInput, Problem
from schoolveiligheid.load import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_ITEMS,
    MAX_KEY,
    MAX_TEXT,
    MAX_VALUES,
    parse_yaml,
)
from schoolveiligheid.model import load_schools

ROOT = Path(__file__).resolve().parents[1]


def billion_laughs(levels: int = 9, width: int = 10) -> str:
    """The classic alias bomb: width**levels values from a few hundred bytes."""
    lines = ['lol0: &lol0 ["lol"]']
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def _problems(text: str) -> tuple[Problem, ...]:
    with pytest.raises(InvalidInput) as caught:
        parse_yaml(text, "f.yaml")
    return caught.value.problems


@dataclass(frozen=True)
class Limit:
    name: str
    text: str
    line: int
    key: str
    message: str
    hint: str


LIMITS = [
    Limit(
        "alias bomb",
        billion_laughs(),
        5,
        "lol4[8]",
        f"door verwijzingen (*naam) wordt het bestand te groot (meer dan {MAX_VALUES} waarden)",
        "gebruik een verwijzing alleen voor een klein blok",
    ),
    Limit(
        "alias bomb through merge keys",
        "m0: &m0 {k: [a, b, c, d, e, f, g, h]}\n"
        + "".join(f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: [*m{i - 1}, *m{i - 1}]}}\n" for i in range(1, 30)),
        8,
        "m7.<<",
        "door verwijzingen (*naam) wordt het bestand te groot",
        "gebruik een verwijzing alleen",
    ),
    Limit(
        "alias chain deeper than the limit",
        "a0: &a0 [x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 60)),
        MAX_DEPTH,
        f"a{MAX_DEPTH - 1}[0]",
        f"door verwijzingen (*naam) worden de gegevens te diep genest (meer dan {MAX_DEPTH} niveaus)",
        "gebruik een verwijzing niet binnen een blok",
    ),
    Limit(
        "100,000 nested brackets",
        "school:\n  naam: " + "[" * 100_000 + "]" * 100_000 + "\n",
        2,
        "school.naam" + "[0]" * (MAX_DEPTH - 2),
        f"de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)",
        "sluit elke '[' met ']'",
    ),
    Limit(
        "100,000 unclosed braces",
        "a: " + "{b: " * 100_000 + "\n",
        1,
        "a" + ".b" * (MAX_DEPTH - 1),
        "te diep genest",
        "sluit elke '[' met ']' en elke '{' met '}'",
    ),
    Limit(
        "nested list items on one line",
        "a:\n" + "- " * 50_000 + "x\n",
        2,
        "a" + "[0]" * (MAX_DEPTH - 1),
        "te diep genest",
        "minder diep",
    ),
    Limit(
        "nested blocks by indentation",
        "".join(" " * depth + f"k{depth}:\n" for depth in range(200)),
        MAX_DEPTH + 1,
        ".".join(f"k{depth}" for depth in range(MAX_DEPTH)),
        "te diep genest",
        "minder diep",
    ),
    Limit(
        "a list that is too long",
        "a:\n" + "  - x\n" * (MAX_ITEMS + 5),
        MAX_ITEMS + 2,
        f"a[{MAX_ITEMS}]",
        f"deze lijst is te lang (meer dan {MAX_ITEMS} items)",
        "splits de lijst",
    ),
    Limit(
        "a block with too many keys",
        "".join(f"k{number}: x\n" for number in range(MAX_ITEMS + 5)),
        MAX_ITEMS + 1,
        f"k{MAX_ITEMS}",
        f"dit blok heeft te veel sleutels (meer dan {MAX_ITEMS})",
        "controleer of dit het goede bestand is",
    ),
    Limit(
        "a text that is too long",
        "a: b\nc: " + "x" * 500_000 + "\n",
        2,
        "c",
        f"deze tekst is te lang (500000 tekens, maximaal {MAX_TEXT})",
        "lange teksten horen in een apart document",
    ),
    Limit(
        "a key that is too long",
        "a:\n  " + "k" * 500 + ": x\n",
        2,
        "a." + "k" * 39 + "…",
        f"deze sleutel is te lang (500 tekens, maximaal {MAX_KEY})",
        "korte sleutel",
    ),
    Limit(
        "a file that is too big",
        "a: x\n" * (MAX_FILE_BYTES // 5 + 10),
        MAX_FILE_BYTES // 5 + 1,
        "",
        f"het bestand is te groot (meer dan {MAX_FILE_BYTES // 1000} kB)",
        "controleer of dit het goede bestand is",
    ),
    Limit(
        "an alias inside its own anchor",
        "a:\n  b: &x [1, *x]\n",
        2,
        "a.b[1]",
        "een alias verwijst naar het blok waar hij zelf in staat",
        "haal de alias",
    ),
    Limit(
        "an undefined alias",
        "a:\n  b: *nergens\n",
        2,
        "a.b",
        "onbekende verwijzing (*naam)",
        "definieer eerst een anker",
    ),
    Limit(
        "an anchor defined twice",
        "a: &x 1\nb: &x 2\n",
        2,
        "b",
        "het anker &x staat twee keer in het bestand (eerst op regel 1)",
        "geef elk anker een eigen naam",
    ),
    Limit(
        "a python tag",
        "a: 1\nb: !!python/object/apply:os.system [ls]\n",
        2,
        "b",
        "onbekend label '!!python/object/apply:os.system'",
        "haal het label weg",
    ),
    Limit(
        "a binary tag", "a: !!binary aGFsbG8=\n", 1, "a", "onbekend label '!!binary'", "haal het label weg"
    ),
    Limit("a set tag", "a: !!set {x, y}\n", 1, "a", "onbekend label '!!set'", "haal het label weg"),
    Limit("a local tag", "a:\n  - !mijn x\n", 2, "a[0]", "onbekend label '!mijn'", "haal het label weg"),
    Limit(
        "a list as a key",
        "a:\n  ? [b, c]\n  : d\n",
        2,
        "a",
        "een sleutel moet een woord of tekst zijn",
        "schrijf 'sleutel: waarde'",
    ),
    Limit(
        "a second document",
        "a: 1\n---\nb: 2\n",
        2,
        "",
        "het bestand bevat meer dan één document",
        "gebruik één document per bestand",
    ),
]


@pytest.mark.parametrize("limit", LIMITS, ids=[limit.name for limit in LIMITS])
def test_each_limit_is_a_dutch_error_with_line_key_and_hint(limit: Limit) -> None:
    problems = _problems(limit.text)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.file == "f.yaml"
    assert (problem.line, problem.key) == (limit.line, limit.key), str(problem)
    assert limit.message in problem.message
    assert limit.hint in problem.hint


def test_the_example_files_stay_well_within_the_limits() -> None:
    files = [
        *ROOT.glob("policy/*.yaml"),
        *ROOT.glob("templates/catalogus/*.yaml"),
        *ROOT.glob("letters/**/*.yaml"),
    ]
    assert len(files) > 10
    for path in files:
        assert path.stat().st_size < MAX_FILE_BYTES / 20, path
        if path.parent.name != "catalogus":
            assert load.read_yaml_file(path)
    assert load.read_catalogue_files([ROOT / "templates" / "catalogus"])


# Read in a child process, so that its peak memory is measured alone. Each must be refused within
# a second and the whole child, Python and the tool's imports included, must stay under 200 MB.
_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools
result = {}
for folder in sorted(Path(sys.argv[1]).iterdir()):
    start = time.perf_counter()
    try:
        load_schools(folder / "policy")
        outcome = "geladen"
    except InvalidInput as error:
        outcome = error.problems[0].message
    result[folder.name] = [time.perf_counter() - start, outcome]
result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""

HEAVY = {
    "bomb": (SCHOOL + billion_laughs(12), "door verwijzingen (*naam) wordt het bestand te groot"),
    "nesting": (SCHOOL + "extra: " + "[" * 100_000 + "\n", "te diep genest"),
    "range": (SCHOOL.replace("groepen: 1-8", "groepen: 1-99999999"), "zo veel groepen heeft geen school"),
    "range_in_range": (SCHOOL.replace("groepen: 1-8", "groepen: 1-9999"), 'groep "9" bestaat niet'),
    "huge_number": (SCHOOL.replace("groepen: 1-8", "groepen: 1-" + "9" * 5000), "zo veel groepen"),
    "big_file": (SCHOOL + "# " + "x" * (MAX_FILE_BYTES + 10) + "\n", "het bestand is te groot"),
    "long_text": (SCHOOL.replace("Basisschool De Testhoeve", "x" * 900_000), "deze tekst is te lang"),
    "long_list": (SCHOOL + "extra:\n" + "  - [a, b, c, d, e, f, g, h]\n" * 20_000, "deze lijst is te lang"),
    "many_values": (SCHOOL + "".join(f"extra{n}: [{'x, ' * 900}x]\n" for n in range(30)), "te veel waarden"),
}


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage bestaat niet op Windows")
def test_bombs_are_refused_within_a_second_and_under_200_mb(tmp_path: Path) -> None:
    for name, (school, _) in HEAVY.items():
        policy_tree(tmp_path / name, school=school)
    child = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(child.stdout)
    assert result.pop("maxrss_mb") < 200
    for name, (_, message) in HEAVY.items():
        seconds, outcome = result[name]
        assert message in outcome, (name, outcome)
        assert seconds < 1.0, (name, seconds)


# --- every YAML the tool reads: policy, case file, a school's own catalogue, a `verschil` version


def _bomb_school() -> str:
    return SCHOOL + billion_laughs()


def test_controleer_refuses_a_bomb_in_a_school_file_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = policy_tree(tmp_path, school=_bomb_school())
    assert main(["controleer", "--policy", str(folder)]) == 2
    err = capsys.readouterr().err
    line = line_of(_bomb_school(), "lol4:")
    assert f"school.yaml:{line}: lol4[8]: door verwijzingen (*naam) wordt het bestand te groot" in err
    assert "tip: gebruik een verwijzing alleen voor een klein blok" in err


def test_brief_refuses_a_bomb_in_a_case_file_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = write_case(tmp_path / "zaken", example("schorsing") + billion_laughs())
    out = tmp_path / "uit"
    assert main(["brief", str(case), "--policy", str(EXAMPLE_POLICY), "--uitvoer", str(out)]) == 2
    err = capsys.readouterr().err
    assert "zaak.yaml:" in err and "door verwijzingen (*naam) wordt het bestand te groot" in err
    assert not out.exists()


def test_brief_refuses_deep_nesting_in_a_case_file_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = write_case(tmp_path / "zaken", example("schorsing") + "extra: " + "[" * 1000 + "]" * 1000 + "\n")
    assert main(["brief", str(case), "--policy", str(EXAMPLE_POLICY), "--uitvoer", str(tmp_path / "u")]) == 2
    err = capsys.readouterr().err
    assert "te diep genest" in err and "Traceback" not in err and "RecursionError" not in err


def test_verschil_refuses_a_bomb_in_either_version_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "oud.yaml"
    good.write_text(SCHOOL, encoding="utf-8")
    bomb = tmp_path / "nieuw.yaml"
    bomb.write_text(_bomb_school(), encoding="utf-8")
    assert main(["verschil", str(good), str(bomb)]) == 2
    assert "door verwijzingen (*naam) wordt het bestand te groot" in capsys.readouterr().err
    assert main(["verschil", str(bomb), str(good)]) == 2
    assert "door verwijzingen (*naam) wordt het bestand te groot" in capsys.readouterr().err


def test_a_bomb_in_a_schools_own_catalogue_is_refused(tmp_path: Path) -> None:
    school = SCHOOL.replace("document:\n", "sjablonen: sjablonen\ndocument:\n", 1)
    folder = policy_tree(tmp_path, school=school, extra={"sjablonen/catalogus/eigen.yaml": "- " + "[" * 5000})
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    (problem,) = caught.value.problems
    assert Path(problem.file).name == "eigen.yaml"
    assert (problem.line, "te diep genest") == (1, "te diep genest") and "te diep genest" in problem.message


# --- invisible characters: a line, a key and the right tip


def test_a_raw_nul_byte_gets_its_line_its_key_and_a_utf8_tip(tmp_path: Path) -> None:
    school = SCHOOL.replace("naam: Dirk Directeur", "naam: Dirk\x00Directeur")
    folder = policy_tree(tmp_path, school=school)
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    (problem,) = caught.value.problems
    assert problem.line == line_of(school, "naam: Dirk")
    assert problem.key == "personen[0].naam"
    assert problem.message == "het bestand bevat een onzichtbaar stuurteken (code 0)"
    assert "sla het bestand op als UTF-8" in problem.hint
    assert "document" not in problem.hint


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        ("a: 1\nb: x\x07y\n", 2, "b", "het bestand bevat een onzichtbaar stuurteken (code 7)"),
        ("a: 1\n# opmerking\x1b\n", 2, "", "het bestand bevat een onzichtbaar stuurteken (code 27)"),
        (
            "a:\n  - x\ufeffy\n",
            2,
            "a[0]",
            "het bestand bevat een onzichtbaar teken dat geen tekst is (code 65279)",
        ),
        ('a: "x\\0y"\n', 1, "a", "de tekst bevat een onzichtbaar stuurteken (code 0)"),
        ('a: "x\\ay"\n', 1, "a", "de tekst bevat een onzichtbaar stuurteken (code 7)"),
        (
            "a:\n  b: Jan \u202eneslaaj\n",
            2,
            "a.b",
            "een onzichtbaar teken dat tekst verbergt of omdraait (U+202E)",
        ),
        ("a: \u2066x\u2069\n", 1, "a", "(U+2066)"),
        ("a: Jan\u200bsen\n", 1, "a", "(U+200B)"),
        ('a: "Jan\\u00adsen"\n', 1, "a", "(U+00AD)"),
        ("a\u202e: x\n", 1, "a\u202e", "(U+202E)"),
    ],
)
def test_invisible_characters_are_refused_with_line_and_key(
    text: str, line: int, key: str, message: str
) -> None:
    (problem,) = _problems(text)
    assert (problem.line, problem.key) == (line, key)
    assert message in problem.message
    assert "platte tekst" in problem.hint or "UTF-8" in problem.hint


def test_every_invisible_format_character_is_refused() -> None:
    """Every character Unicode calls a format control or a line/paragraph separator."""
    import unicodedata

    from schoolveiligheid.load import invisible_character

    hidden = [chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) in {"Cf", "Zl", "Zp"}]
    assert len(hidden) > 150
    assert [char for char in hidden if invisible_character(f"a{char}b") is None] == []
    assert invisible_character("Café Ünïcødé – “gewoon” 😀 ✓") is None


def test_a_leading_byte_order_mark_is_fine() -> None:
    assert parse_yaml("\ufeffa: 1\n", "f.yaml") == {"a": "1"}


def test_a_bidi_override_in_a_school_name_is_refused(tmp_path: Path) -> None:
    school = SCHOOL.replace("naam: Basisschool De Testhoeve", "naam: Basisschool \u202eevohtseT eD")
    folder = policy_tree(tmp_path, school=school)
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    (problem,) = caught.value.problems
    assert (problem.line, problem.key) == (line_of(school, "naam: Basisschool"), "school.naam")
    assert "U+202E" in problem.message


def test_a_nul_in_sjablonen_is_a_dutch_error(tmp_path: Path) -> None:
    school = SCHOOL.replace("document:\n", 'sjablonen: "eigen\\0map"\ndocument:\n', 1)
    folder = policy_tree(tmp_path, school=school)
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    assert [(p.key, p.message) for p in caught.value.problems] == [
        ("sjablonen", "de tekst bevat een onzichtbaar stuurteken (code 0)")
    ]


def test_the_model_refuses_what_the_loader_refuses() -> None:
    """The model's check of free text uses the loader's rule, for text that did not come from YAML."""
    from pydantic_core import PydanticCustomError

    from schoolveiligheid.model.values import no_control_characters

    assert no_control_characters("gewone tekst\tmet tab\nen regels") == "gewone tekst\tmet tab\nen regels"
    for text in ("a\x0cb", "a\u202eb", "a\u2069b", "a\u200bb"):
        with pytest.raises(PydanticCustomError):
            no_control_characters(text)


# --- numbers: ranges bounded before they are expanded


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ("1-99999999", 'groepen "1-99999999": zo veel groepen heeft geen school'),
        ("1-" + "9" * 5000, "zo veel groepen heeft geen school"),
        ("5 t/m 9999", 'groep "9" bestaat niet op deze school'),
        ("3-12", 'groep "9" bestaat niet op deze school'),
    ],
)
def test_a_huge_group_range_is_refused_before_it_is_expanded(
    tmp_path: Path, groups: str, message: str
) -> None:
    school = SCHOOL.replace("groepen: 1-8", f"groepen: {groups}")
    folder = policy_tree(tmp_path, school=school)
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    (problem,) = caught.value.problems
    assert (problem.line, problem.key) == (line_of(school, "groepen:"), "methoden[0].groepen")
    assert message in problem.message
    assert "groepen van deze school (school.groepen): 1, 2, 3, 4, 5, 6, 7, 8" in problem.hint


def test_a_range_within_the_schools_own_groups_still_works(tmp_path: Path) -> None:
    school = SCHOOL.replace("  type: po\n", "  type: po\n  groepen: ['1', '2', '3', '40', '41', '42']\n")
    school = school.replace("groepen: 1-8", "groepen: 40-42")
    assert load_schools(policy_tree(tmp_path, school=school))


def test_a_number_of_thousands_of_digits_is_a_short_dutch_error(tmp_path: Path) -> None:
    school = SCHOOL + "maatregelen:\n  schorsing: {max_schooldagen: " + "9" * 5000 + "}\n"
    folder = policy_tree(tmp_path, school=school)
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    (problem,) = caught.value.problems
    assert problem.key == "maatregelen.schorsing.max_schooldagen"
    assert problem.message.startswith('het getal "999') and problem.message.endswith('…" is veel te groot')
    assert len(problem.message) < 100


# --- names at the edge of what a line may hold


def test_a_250_character_school_name_builds_word_files(tmp_path: Path) -> None:
    name = "Basisschool " + "Testhoeve" * 26
    assert len(name) > 240
    school = SCHOOL.replace("naam: Basisschool De Testhoeve", f"naam: {name}")
    school = school.replace("status: vastgesteld", "status: concept")  # builds despite the test school's gaps
    out = tmp_path / "uit"
    assert (
        main(
            ["--policy", str(policy_tree(tmp_path, school=school)), "--uitvoer", str(out), "--zonder-website"]
        )
        == 0
    )
    assert list((out / "documenten" / "testschool").glob("*.docx"))


def test_a_301_character_school_name_is_a_dutch_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    school = SCHOOL.replace("naam: Basisschool De Testhoeve", "naam: " + "x" * 301)
    assert main(["controleer", "--policy", str(policy_tree(tmp_path, school=school))]) == 2
    assert "school.naam: tekst is te lang (301 tekens, maximaal 300)" in capsys.readouterr().err


# --- merge keys: a legitimate YAML feature, not a duplicate key


def test_a_merge_key_fills_in_keys_and_explicit_keys_win(tmp_path: Path) -> None:
    school = SCHOOL.replace(
        "  - id: p-coord\n    naam: Cora Coördinator\n    email: cora@testhoeve.example\n",
        "  - &collega\n"
        "    id: p-coord\n"
        "    naam: Cora Coördinator\n"
        "    email: cora@testhoeve.example\n"
        "    telefoon: 020 123 4569\n"
        "  - <<: *collega\n"
        "    id: p-mentor\n"
        "    naam: Mia Mentor\n",
    )
    schools = load_schools(policy_tree(tmp_path, school=school))
    people = {person.id: person for person in schools[0].policy.people}
    assert people["p-mentor"].name == "Mia Mentor"
    assert people["p-mentor"].email == "cora@testhoeve.example"
    assert str(people["p-mentor"].phone) == str(people["p-coord"].phone)


def test_merged_keys_keep_the_line_where_they_were_written() -> None:
    text = "standaard: &s\n  a: 1\n  b: 2\nblok:\n  <<: *s\n  b: 3\n  c: 4\n"
    data = parse_yaml(text, "f.yaml")
    block = data["blok"]
    assert block == {"a": "1", "b": "3", "c": "4"}
    assert {key: mark.line for key, mark in block.marks.items()} == {"a": 2, "b": 6, "c": 7}
    assert block.marks["a"].key == "blok.a"


def test_of_several_merged_blocks_the_first_wins() -> None:
    text = "x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nz:\n  <<: [*x, *y]\n  c: 3\n"
    assert parse_yaml(text, "f.yaml")["z"] == {"a": "1", "b": "1", "c": "3"}


def test_a_key_written_twice_is_still_reported_beside_a_merge() -> None:
    problems = _problems("x: &x {a: 1}\nz:\n  <<: *x\n  b: 1\n  b: 2\n")
    assert [(p.line, p.key) for p in problems] == [(5, "z.b")]
    assert "staat twee keer in dit blok (eerst op regel 4)" in problems[0].message


def test_a_merge_of_something_else_than_a_block_is_a_dutch_error() -> None:
    (problem,) = _problems("z:\n  <<: tekst\n")
    assert (problem.line, problem.key) == (2, "z.<<")
    assert "achter '<<:' hoort een verwijzing naar een blok" in problem.message


# --- the parser's own complaints, in Dutch


MALFORMED = {
    "open dubbel aanhalingsteken": 'a: "abc\nb: 1\n',
    "open enkel aanhalingsteken": "a: 'abc\nb: 1\n",
    "onbekende escape": 'a: "ab\\qc"\n',
    "foute hex-escape": 'a: "ab\\xZZ"\n',
    "foute unicode-escape": 'a: "\\uD800"\n',
    "escape buiten unicode": 'a: "\\U00110000"\n',
    "tab als inspringing": "a:\n\tb: 1\n",
    "tab in een lijst": "a: x\n\t- b\n",
    "verkeerde inspringing": "a:\n  b: 1\n c: 2\n",
    "lijst onder sleutels": "a: 1\n- b\n",
    "sleutel na lijst": "- a\nb: 1\n",
    "dubbele punt in tekst": "a: b: c\n",
    "ontbrekende dubbele punt": "a: 1\nb\nc: 2\n",
    "open [": "a: [1, 2\nb: 3\n",
    "open {": "a: {x: 1\nb: 3\n",
    "extra ]": "a: [1, 2]]\n",
    "dubbele komma": "a: {x: 1,, y}\n",
    "apenstaartje": "a: @x\n",
    "backtick": "a: `x\n",
    "procent": "a: %x\n",
    "tekst na |": "a: |x\n  b\n",
    "| met 0": "a: |0\n  b\n",
    "tekst na aanhalingsteken": 'a: "x" y\n',
    "leeg anker": "a: &\n",
    "lege verwijzing": "a: *\n",
    "open tag": "a: !<x y\n",
    "foute tag-uri": "a: !<%zz> x\n",
    "onbekende tag-handle": "a: !x!y z\n",
    "tag met een foute %-code": "a: !!%99 y\n",
    "sleutel met ? achter een sleutel": "a: ? c\n",
    "dubbele punt in een lijst": "[a :? b]\n",
    "YAML 2.0": "%YAML 2.0\n---\na: 1\n",
    "onbekende instructie": "%FOO bar\n---\na: 1\n",
    "dubbele YAML-instructie": "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "dubbele TAG-instructie": "%TAG ! tag:x,2000:\n%TAG ! tag:y,2000:\n---\na: 1\n",
    "twee documenten": "a: 1\n---\nb: 2\n",
    "leeg tweede document": "---\n...\n---\n",
    "tekst na einde": "a: 1\n... x\n",
    "--- in een tekst": "a: 'x\n---\n'\n",
    "BOM midden in het bestand": "a: 1\n\ufeffb: 2\n",
    "alleen een dubbele punt": ":\n",
    "sleutel van 2000 tekens": "a" * 2000 + ": 1\n",
    "NUL": "a: 1\nb: x\x00y\n",
    "ongedefinieerde verwijzing": "a: *x\n",
    "complexe sleutel": "? [a, b]\n: c\n",
    "merge van tekst": "e:\n  <<: 3\n",
    "merge van lijst met tekst": "e:\n  <<: [1]\n",
}
_ENGLISH = re.compile(
    r"\b(found|expected|could not|not allowed|while|scanning|parsing|character|mapping|"
    r"sequence|scalar|anchor|token|stream|indentation|directive)\b"
)


def _pure_python_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read with PyYAML's own parser, as on a computer without libyaml."""

    class PurePython(yaml.SafeLoader):
        def __init__(self, stream: str, file: str) -> None:
            super().__init__(stream)
            self.file = file
            self.problems: list[Problem] = []

    PurePython.yaml_constructors = dict(load._Loader.yaml_constructors)
    monkeypatch.setattr(load, "_Loader", PurePython)


@pytest.mark.parametrize("parser", ["libyaml", "pyyaml"])
@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_yaml_gets_a_dutch_message_with_a_line_and_a_hint(
    name: str, parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if parser == "pyyaml":
        _pure_python_loader(monkeypatch)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("libyaml is niet geïnstalleerd")
    if parser == "pyyaml" and name == "onbekende instructie":  # PyYAML ignores it, as YAML allows
        assert parse_yaml(MALFORMED[name], "f.yaml") == {"a": "1"}
        return
    for problem in _problems(MALFORMED[name]):
        assert problem.file == "f.yaml"
        assert not problem.message.startswith("ongeldige YAML"), problem
        assert not _ENGLISH.search(problem.message), problem
        assert problem.hint and not _ENGLISH.search(problem.hint), problem
        if name != "escape buiten unicode" or parser == "libyaml":  # PyYAML raises a bare ValueError there
            assert problem.line is not None, problem


def test_the_existing_tab_and_colon_messages_are_kept() -> None:
    (tab,) = _problems("a:\n\tb: 1\n")
    assert (tab.line, tab.message) == (2, "er staat een tab in het bestand")
    (colon,) = _problems("a: 1\nb\nc: 2\n")
    assert colon.message == "er ontbreekt een ':' achter een sleutel"


# --- fuzz: any text is data or Dutch problems, never a traceback

_PIECES = st.sampled_from(
    [
        "a",
        "b: ",
        "- ",
        "  ",
        "\n",
        "\t",
        ":",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&x ",
        "*x",
        "<<: ",
        "!",
        "!!str ",
        "!!python/object ",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        '"',
        "'",
        "\\",
        "|",
        ">",
        "#",
        "?",
        "@",
        "\x00",
        "\x85",
        "\u202e",
        "\ufeff",
        "\u2028",
        "é",
        "9" * 30,
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_is_data_or_dutch_problems(text: str) -> None:
    try:
        parse_yaml(text, "f.yaml")
    except InvalidInput as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "f.yaml" and problem.hint
            assert not problem.message.startswith("ongeldige YAML"), (text, problem)


@pytest.mark.parametrize("escape", ["\\uFFFE", "\\uFFFF"])
def test_a_noncharacter_written_as_an_escape_is_refused(escape: str, tmp_path: Path) -> None:
    """XML cannot hold U+FFFE or U+FFFF: they would crash the Word writer after validation."""
    school = SCHOOL.replace("naam: Basisschool De Testhoeve", f'naam: "Basisschool De {escape} Testhoeve"')
    folder = policy_tree(tmp_path, school=school)
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    (problem,) = caught.value.problems
    assert (problem.line, problem.key) == (line_of(school, 'naam: "Basisschool'), "school.naam")
    assert "geen tekst" in problem.message
