"""`verschil`: a summary for the MR of what changed between two versions of a school's policy."""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL, changed
from policies import line_of, policy_tree
from support import load_yaml, require_program, write_tree

from schoolveiligheid.cli import main
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.load import Mark, MarkedDict, MarkedList, PolicyFiles
from schoolveiligheid.model import SchoolModel, load_read_files, load_schools
from schoolveiligheid.model.schema import json_schema
from schoolveiligheid.verschil import Side, parse_version, summary

ROOT = Path(__file__).resolve().parents[1]

NEW = COMPLETE_SCHOOL
for old, new in (
    ('  versie: "1.0"\n', '  versie: "1.1"\n'),
    ("coordinator_anti_pestbeleid: {personen: [p-coord]}", "coordinator_anti_pestbeleid: {personen: [p-ib]}"),
    ("    email: dirk@testhoeve.example\n", "    email: directie@testhoeve.example\n"),
    (
        "  - id: vreedzame_school\n    groepen: 1-8\n",
        "  - id: vreedzame_school\n    groepen: 1-8\n  - id: kiva\n",
    ),
    ("    - titel: Gesprek\n", "    - titel: Gesprek met ouders\n      termijn: {weken: 2}\n"),
    ("      groepen: 5-8\n", "      groepen: 6-8\n"),
    ("laatste_afname: 2026-03-10", "laatste_afname: 2026-04-02"),
):
    NEW = changed(NEW, old, new)
NEW += "maatregelen:\n  schorsing: {max_schooldagen: 2}\nregels:\n  schoolregels: [We lopen rustig.]\n"


def _two_versions(tmp_path: Path) -> tuple[Path, Path]:
    old = policy_tree(tmp_path / "oud", COMPLETE_SCHOOL, COMPLETE_BOARD) / "school.yaml"
    new = policy_tree(tmp_path / "nieuw", NEW, COMPLETE_BOARD) / "school.yaml"
    return old, new


def test_summary_names_every_kind_of_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_versions(tmp_path)
    assert main(["verschil", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Wijzigingen in het veiligheidsbeleid van Basisschool De Testhoeve\n")
    expected = [
        "## Document",
        "- Versie: 1.0 → 1.1",
        "## Rollen en personen",
        "- Coördinator anti-pestbeleid: Cora Coördinator → Ilse Begeleider",
        "- Aanspreekpunt pesten: Cora Coördinator → Ilse Begeleider",
        "## Contactgegevens",
        "- Dirk Directeur, e-mail: dirk@testhoeve.example → directie@testhoeve.example",
        "## Methoden",
        "- Methode erbij: KiVa",
        "## Monitoring",
        "- Monitor Vensters",
        "groepen: groep 5 t/m 8 → groep 6 t/m 8",
        "laatste afname: 10 maart 2026 → 2 april 2026",
        "## Termijnen en stappen",
        "- Stap 1 (Gesprek met ouders), naam: Gesprek → Gesprek met ouders",
        "- Stap 1 (Gesprek met ouders), termijn: – → 2 weken",
        "- Schorsing, ten hoogste schooldagen: 3 → 2",
        "## Overige wijzigingen",
        "- regels.schoolregels[0].tekst: – → We lopen rustig.",
    ]
    for line in expected:
        assert line in out, line
    positions = [out.index(line) for line in expected if line.startswith("## ")]
    assert positions == sorted(positions), "sections come in a fixed order"


def test_removed_items_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_versions(tmp_path)
    assert main(["verschil", str(new), str(old)]) == 0
    out = capsys.readouterr().out
    assert "- Methode vervalt: KiVa" in out
    assert "- Schorsing, ten hoogste schooldagen: 2 → 3" in out


def test_equal_versions_have_no_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, _ = _two_versions(tmp_path)
    moved = policy_tree(
        tmp_path / "verplaatst", "# een opmerking verandert niets\n" + COMPLETE_SCHOOL, COMPLETE_BOARD
    )
    assert main(["verschil", str(old), str(moved / "school.yaml")]) == 0
    assert capsys.readouterr().out.rstrip().endswith("Geen inhoudelijke wijzigingen.")


def test_other_schools_in_the_folder_do_not_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _two_versions(tmp_path)
    (old.parent / "kapot.yaml").write_text("school: [niet: goed\n", encoding="utf-8")
    (old.parent / "ander.yaml").write_text(COMPLETE_SCHOOL, encoding="utf-8")  # same id, would clash
    assert main(["verschil", str(old), str(new)]) == 0
    assert "- Versie: 1.0 → 1.1" in capsys.readouterr().out


def test_summary_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _two_versions(tmp_path)
    target = tmp_path / "wijzigingen.md"
    assert main(["verschil", str(old), str(new), "--uitvoer", str(target)]) == 0
    assert "- Versie: 1.0 → 1.1" in target.read_text(encoding="utf-8")
    assert "geschreven:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "arguments",
    [
        ["verschil", "{old}"],
        ["verschil", "{old}", "{new}", "--rev", "HEAD"],
        ["verschil", "{old}", "{missing}"],
        ["verschil", "{old}", "{board}"],
        ["verschil", "{old}", "{invalid}"],
    ],
)
def test_invalid_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    old, new = _two_versions(tmp_path)
    invalid = policy_tree(
        tmp_path / "ongeldig", changed(COMPLETE_SCHOOL, "  type: po\n", "  type: mbo\n"), COMPLETE_BOARD
    )
    values = {
        "old": str(old),
        "new": str(new),
        "missing": str(tmp_path / "bestaat-niet.yaml"),
        "board": str(old.parent / "bestuur.yaml"),
        "invalid": str(invalid / "school.yaml"),
    }
    assert main([argument.format(**values) for argument in arguments]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: ")
    if "ongeldig" in arguments[-1].format(**values):
        assert "ongeldig/policy/school.yaml:" in err, "problems point at the file the user named"


def test_a_version_may_name_a_git_revision() -> None:
    assert parse_version("policy/x.yaml@HEAD~1") == (Path("policy/x.yaml"), "HEAD~1")
    assert parse_version("policy/x.yaml") == (Path("policy/x.yaml"), None)


def _git(repo: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *arguments],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    require_program("git")
    repo = tmp_path / "repo"
    policy = policy_tree(repo, COMPLETE_SCHOOL, COMPLETE_BOARD)
    _git(repo, "init", "--quiet")
    _git(repo, "add", ".")
    _git(repo, "commit", "--quiet", "-m", "versie 1.0")
    (policy / "school.yaml").write_text(NEW, encoding="utf-8")
    return repo


def test_compare_a_file_with_itself_at_a_git_revision(
    repository: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository)
    assert main(["verschil", "policy/school.yaml@HEAD", "policy/school.yaml"]) == 0
    out = capsys.readouterr().out
    assert "Oud: policy/school.yaml@HEAD (schooljaar 2026-2027, versie 1.0, vastgesteld)" in out
    assert "- Coördinator anti-pestbeleid: Cora Coördinator → Ilse Begeleider" in out
    assert main(["verschil", "policy/school.yaml", "--rev", "HEAD"]) == 0
    assert capsys.readouterr().out == out
    assert (repository / "policy" / "school.yaml").read_text(encoding="utf-8") == NEW, (
        "the working copy is untouched"
    )


def test_unknown_revision_exits_2(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    school = repository / "policy" / "school.yaml"
    assert main(["verschil", f"{school}@geen-revisie", str(school)]) == 2
    assert "git kent de revisie 'geen-revisie' niet" in capsys.readouterr().err
    assert main(["verschil", f"{school}@HEAD~5", str(school)]) == 2
    assert main(["verschil", f"{school}@--output=x.tar", str(school)]) == 2
    assert not (repository / "x.tar").exists()


def test_verschil_as_a_program(repository: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "generate.py"), "verschil", "policy/school.yaml", "--rev", "HEAD"],
        cwd=repository,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1790000000"},
    )
    assert result.returncode == 0, result.stderr
    assert "- Versie: 1.0 → 1.1" in result.stdout


def test_a_school_with_own_texts_is_compared_with_its_text_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The private copy of each version holds the Markdown files the school names under eigen_teksten."""
    policy = tmp_path / "beleid"
    shutil.copytree(ROOT / "policy", policy)
    school = policy / "kompasroos.yaml"
    assert "eigen_teksten:" in school.read_text(encoding="utf-8")
    newer = tmp_path / "nieuw" / "kompasroos.yaml"
    shutil.copytree(policy, newer.parent)
    text = school.read_text(encoding="utf-8")
    newer.write_text(re.sub(r"(?m)^(\s*versie:).*$", r'\1 "99.0"', text, count=1), encoding="utf-8")
    assert main(["verschil", str(school), str(newer)]) == 0, capsys.readouterr().err
    assert "→ 99.0" in capsys.readouterr().out


def test_help_explains_the_revision_syntax(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["verschil", "--help"])
    out = capsys.readouterr().out
    assert "BESTAND@REVISIE" in out and "--rev" in out and "HEAD~1" in out


# Every value of the example, changed one at a time, must show up in the summary, without private details.

EXAMPLE = ROOT / "policy"
EXAMPLE_SCHOOL = "vlinderboom.yaml"
KeyPath = tuple[str | int, ...]
_DELETE = object()


def _leaves(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    else:
        yield path, data


def _schema_choices(node: Any, key: str | None, found: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The allowed values of each key that has a fixed set (from the JSON Schema of the model)."""
    if isinstance(node, dict):
        if key and "enum" in node:
            found.setdefault(key, []).extend(value for value in node["enum"] if value not in found[key])
        for name, value in node.items():
            if name == "properties":
                for prop, sub in value.items():
                    _schema_choices(sub, prop, found)
            else:
                _schema_choices(value, key, found)
    elif isinstance(node, list):
        for item in node:
            _schema_choices(item, key, found)
    return found


def _references(files: dict[str, Any]) -> dict[str, list[str]]:
    """For each id (and role), the other ids of its list: a reference to it may point at those instead."""
    others: dict[str, list[str]] = {}
    for data in files.values():
        for key, value in data.items():
            if isinstance(value, list):
                ids = [item["id"] for item in value if isinstance(item, dict) and "id" in item]
                for item_id in ids:
                    others.setdefault(item_id, []).extend(other for other in ids if other != item_id)
            if key == "rollen" and isinstance(value, dict):
                for role in value:
                    others.setdefault(role, []).extend(other for other in value if other != role)
    return others


def _renamed(data: Any, old: str, new: str) -> Any:
    if isinstance(data, dict):
        return {key: _renamed(value, old, new) for key, value in data.items()}
    if isinstance(data, list):
        return [_renamed(value, old, new) for value in data]
    return new if data == old else data


def _replaced(data: Any, path: KeyPath, value: Any) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if value is _DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


def _numbers_changed(value: str) -> list[str]:
    """'2026-2027' -> '2026-2026', '2026-2028', '2027-2028': one of these usually still validates."""
    numbers = list(re.finditer(r"\d+", value))
    if not numbers:
        return []
    last = numbers[-1]
    found = [
        value[: last.start()] + str(int(last.group()) + step).zfill(len(last.group())) + value[last.end() :]
        for step in (-1, 1)
    ]
    return [*found, re.sub(r"\d+", lambda match: str(int(match.group()) + 1), value)]


@dataclass(frozen=True)
class _Example:
    """The example's files as data, with what every variant looks up in them (found once)."""

    files: dict[str, Any]
    choices: dict[str, list[Any]]
    references: dict[str, list[str]]
    ids: set[Any]
    leaves: list[tuple[KeyPath, Any]]  # of both files


def _example(files: dict[str, Any], choices: dict[str, list[Any]]) -> _Example:
    ids = {item for data in files.values() for p, item in _leaves(data) if p and p[-1] == "id"}
    leaves = [leaf for data in files.values() for leaf in _leaves(data)]
    return _Example(files, choices, _references(files), ids, leaves)


def _variants(example: _Example, name: str, path: KeyPath, value: Any) -> Iterator[dict[str, Any]]:
    """The files with this one value changed, the likeliest valid change first; removing it comes last."""
    files, choices, references, ids = example.files, example.choices, example.references, example.ids
    key = next((part for part in reversed(path) if isinstance(part, str)), "")

    def one(new: Any) -> dict[str, Any]:
        return {**files, name: _replaced(files[name], path, new)}

    if isinstance(value, bool):
        yield one(not value)
    elif isinstance(value, int):
        yield from (one(value - 1), one(value + 1))
    elif isinstance(value, date):
        yield one(value + timedelta(days=1))
    elif isinstance(value, str):
        if value in ids:  # an id and every reference to it
            yield {file: _renamed(data, value, f"{value}-nieuw") for file, data in files.items()}
        used = [item for p, item in example.leaves if key in p[-2:]]
        allowed = choices.get(key, [])  # the values the files use for this key are the likeliest fit
        yield from (
            one(choice)
            for choice in dict.fromkeys([*used, *allowed])
            if choice != value and choice in allowed
        )
        yield from (one(other) for other in references.get(value, []))
        yield from (one(changed_value) for changed_value in _numbers_changed(value))
        if "@" in value:
            yield one(f"nieuw.{value}")
        elif value.startswith("http"):
            yield one(value.rstrip("/") + "/nieuw")
        else:
            yield one(value.rstrip() + " nieuw")
    yield one(_DELETE)


def _private_values(school: SchoolModel) -> set[str]:
    """The e-mail addresses and phone numbers the model does not publish, in every form they are shown."""
    values: set[str] = set()
    for person in school.people.values():
        if person.email is not None and person.public_email is None:
            values.add(str(person.email))
        if person.phone is not None and person.public_phone is None:
            values |= {str(person.phone), person.phone.display}
    return values


def test_every_value_of_the_example_is_reported_when_it_changes() -> None:
    """Each value of the example school and its board, changed on its own, is in the summary.

    The changed files are handed to the loader as it reads them (blocks, lists and the text of
    each value), not written and parsed again: several hundred variants stay quick, and the
    first check below shows the hand-over gives the model that reading the files gives."""
    files = {
        name: load_yaml((EXAMPLE / name).read_text(encoding="utf-8"))
        for name in (EXAMPLE_SCHOOL, "bestuur.yaml")
    }
    (old,) = _load_as_read(files)
    (read,) = [school for school in load_schools(EXAMPLE) if school.source == EXAMPLE / EXAMPLE_SCHOOL]
    assert old.policy.model_dump() == read.policy.model_dump()
    choices = _schema_choices(json_schema("school"), None, {})
    _schema_choices(json_schema("bestuur"), None, choices)
    choices["instrument"] = sorted(old.catalogue.ids("instrument"))
    example = _example(files, choices)
    private_old = _private_values(old)
    old_policy = old.policy.model_dump()
    unchanged, reported = [], 0
    for name, data in files.items():
        for path, value in _leaves(data):
            if path == ("schema",):  # one valid value; the summary leaves it out on purpose
                continue
            for variant in _variants(example, name, path, value):
                try:
                    (new,) = _load_as_read(variant)
                except InvalidInput:
                    continue  # not a valid change of this value; try the next
                if new.policy.model_dump() == old_policy:
                    continue  # e.g. the school overrides this board value, or it was the default
                out = summary(Side("oud", old), Side("nieuw", new))
                assert not out.rstrip().endswith("Geen inhoudelijke wijzigingen."), (name, path)
                shown = {private for private in private_old | _private_values(new) if private in out}
                assert not shown, (name, path, shown)
                reported += 1
                break
            else:
                unchanged.append((name, path))
    school_data = files[EXAMPLE_SCHOOL]
    for name, path in unchanged:
        key = next(part for part in reversed(path) if isinstance(part, str))
        overridden = name == "bestuur.yaml" and _has_path(school_data, path)
        # A switch that needs other values with it (eigen: true needs a title), or a board value the
        # school sets itself, cannot change on its own; nothing else may stay unchanged.
        assert key in {"eigen", "standaard", "definitie"} or overridden, (name, path)
    assert reported > 250, "the example should have many values"


def _load_as_read(files: dict[str, Any]) -> list[SchoolModel]:
    """The school of these files (school and board, plain data) as the loader makes it from the files."""
    school, board = (
        _read_once(files[name], str(EXAMPLE / name)) for name in (EXAMPLE_SCHOOL, "bestuur.yaml")
    )
    return load_read_files(PolicyFiles(boards=(board,), schools=(school,)))


_READ: dict[str, tuple[Any, Any]] = {}  # file -> (the plain data last read, as read)


def _read_once(data: Any, file: str) -> Any:
    """_as_read, once for the unchanged file that every variant of the other one shares (the loader
    changes no data it is given)."""
    kept = _READ.get(file)
    if kept is None or kept[0] is not data:
        kept = _READ[file] = (data, _as_read(data, file))
    return kept[1]


def _as_read(data: Any, file: str, path: KeyPath = ()) -> Any:
    """Plain data as the loader reads it from a file: blocks and lists that carry marks, and each value
    as the text written (true, 12 and 2026-08-01 too); an empty value is None. The marks name the
    file (the logo and template folders are found beside it) and line 1."""
    if isinstance(data, dict):
        block = MarkedDict(Mark(file, 1, path))
        for key, value in data.items():
            block[str(key)] = _as_read(value, file, (*path, str(key)))
            block.marks[str(key)] = Mark(file, 1, (*path, str(key)))
        return block
    if isinstance(data, list):
        items = MarkedList(Mark(file, 1, path))
        for index, value in enumerate(data):
            items.append(_as_read(value, file, (*path, index)))
            items.marks.append(Mark(file, 1, (*path, index)))
        return items
    if data is None:
        return None
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, date):
        return data.isoformat()
    return str(data)


def _has_path(data: Any, path: KeyPath) -> bool:
    try:
        for part in path:
            data = data[part]
    except (KeyError, IndexError, TypeError):
        return False
    return True


# Values no section describes in words are listed by key, with the old and the new value.

MORE_SCHOOL = changed(
    COMPLETE_SCHOOL,
    "monitoring:\n",
    "monitoring:\n  bespreking: [team, mr]\n  toelichting: De MR krijgt de cijfers.\n",
).replace("pestaanpak:\n", "pestaanpak:\n  cyberpesten: Afspraken over de klassenapp.\n")
MORE_BOARD = changed(
    COMPLETE_BOARD,
    "  - {id: meldcode, titel: Meldcode}\n",
    "  - {id: meldcode, titel: Meldcode}\n  - {id: regeling-2027, titel: Regeling 2027}\n"
    "  - {id: meldcode-2027, titel: Meldcode 2027}\n",
)


@pytest.mark.parametrize(
    ("in_board", "old", "new", "line"),
    [
        (
            False,
            "  naam: Basisschool De Testhoeve\n",
            "  naam: Basisschool De Testweide\n",
            "- school.naam: Basisschool De Testhoeve → Basisschool De Testweide",
        ),
        (False, "bespreking: [team, mr]", "bespreking: [team]", "- monitoring.bespreking: team, mr → team"),
        (
            False,
            "De MR krijgt de cijfers.",
            "De MR krijgt de cijfers in oktober.",
            "- monitoring.toelichting: De MR krijgt de cijfers. → De MR krijgt de cijfers in oktober.",
        ),
        (
            False,
            "cyberpesten: Afspraken over de klassenapp.",
            "cyberpesten: Afspraken over apps.",
            "- pestaanpak.cyberpesten: Afspraken over de klassenapp. → Afspraken over apps.",
        ),
        (
            True,
            "  regeling: klachtenregeling\n",
            "  regeling: regeling-2027\n",
            "- klachten.regeling: klachtenregeling → regeling-2027",
        ),
        (
            True,
            "  document: meldcode\n",
            "  document: meldcode-2027\n",
            "- meldcode.document: meldcode → meldcode-2027",
        ),
        (
            False,
            "cyberpesten: Afspraken over de klassenapp.",
            "cyberpesten: |\n    Afspraken over\n    apps.\n\n    En over de klassenapp.\n",
            "- pestaanpak.cyberpesten: Afspraken over de klassenapp. → Afspraken over apps. ¶ En over de klassenapp.",
        ),
        (True, "richting: openbaar", "richting: bijzonder", "- bestuur.richting: openbaar → bijzonder"),
        (
            False,
            "    telefoon: 020 123 4568\n",
            "    telefoon: 020 123 4568\n    publiceer: {telefoon: false}\n",
            "- personen[p-dir].publiceer.telefoon: – → nee",
        ),
    ],
)
def test_values_without_words_are_listed_by_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], in_board: bool, old: str, new: str, line: str
) -> None:
    school = MORE_SCHOOL if in_board else changed(MORE_SCHOOL, old, new)
    board = changed(MORE_BOARD, old, new) if in_board else MORE_BOARD
    before = policy_tree(tmp_path / "oud", MORE_SCHOOL, MORE_BOARD) / "school.yaml"
    after = policy_tree(tmp_path / "nieuw", school, board) / "school.yaml"
    assert main(["verschil", str(before), str(after)]) == 0
    out = capsys.readouterr().out
    assert "## Overige wijzigingen\n\n" + line + "\n" in out


def test_a_change_described_in_words_is_not_repeated_by_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _two_versions(tmp_path)
    assert main(["verschil", str(old), str(new)]) == 0
    other = capsys.readouterr().out.split("## Overige wijzigingen\n")[1]
    assert other.strip() == "- regels.schoolregels[0].tekst: – → We lopen rustig.", (
        "version, roles, e-mail, method, monitor, step and suspension are described above"
    )


# The summary may be shared: a person's private e-mail address or phone number never appears in it.

PRIVATE_SCHOOL = changed(
    COMPLETE_SCHOOL,
    "    email: cora@testhoeve.example\n",
    "    email: cora@testhoeve.example\n    telefoon: 06 1111 2222\n"
    "  - id: p-ouder\n    naam: Olga Ouder\n    email: olga@gmail.com\n",
)


@pytest.mark.parametrize(
    ("old", "new", "line", "hidden"),
    [
        (
            "telefoon: 06 1111 2222",
            "telefoon: 06 3333 4444",
            "- Cora Coördinator: privételefoonnummer gewijzigd",
            ["06 1111 2222", "0611112222", "06 3333 4444", "0633334444"],
        ),
        (
            "olga@gmail.com",
            "olga.ouder@gmail.com",
            "- Olga Ouder: privé-e-mailadres gewijzigd",
            ["olga@gmail.com", "olga.ouder@gmail.com"],
        ),
        (
            "    email: olga@gmail.com\n",
            "",
            "- Olga Ouder: privé-e-mailadres verwijderd",
            ["olga@gmail.com"],
        ),
        (
            "    email: cora@testhoeve.example\n",
            "    email: cora@gmail.com\n",
            "- Cora Coördinator: privé-e-mailadres gewijzigd",
            ["cora@gmail.com"],
        ),
        (
            "telefoon: 020 123 4568",
            "telefoon: 020 123 4569",
            "- Dirk Directeur, telefoon: 020 123 4568 → 020 123 4569",
            [],
        ),
        (
            "telefoon: 06 1111 2222",
            "telefoon: 06 3333 4444\n    publiceer: {telefoon: true}",
            "- Cora Coördinator: privételefoonnummer gewijzigd",
            ["06 1111 2222", "0611112222"],
        ),
        (
            "  - id: p-ouder\n",
            "  - id: p-nieuw\n    naam: Nina Nieuw\n    telefoon: 06 5555 6666\n  - id: p-ouder\n",
            "- Persoon erbij: Nina Nieuw",
            ["06 5555 6666", "0655556666"],
        ),
    ],
)
def test_private_contact_details_are_never_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, line: str, hidden: list[str]
) -> None:
    before = policy_tree(tmp_path / "oud", PRIVATE_SCHOOL, COMPLETE_BOARD) / "school.yaml"
    after = policy_tree(tmp_path / "nieuw", changed(PRIVATE_SCHOOL, old, new), COMPLETE_BOARD) / "school.yaml"
    assert main(["verschil", str(before), str(after)]) == 0
    out = capsys.readouterr().out
    assert line + "\n" in out
    for value in hidden:
        assert value not in out


# Only what the school needs is copied: a policy file may sit in a project folder full of other things.


def _project(root: Path, school: str) -> Path:
    """A school file at the top of a project, beside unrelated YAML, a large folder and a shared board."""
    logo = (EXAMPLE / "logo" / "vlinderboom.png").read_bytes()
    with_extras = changed(
        school,
        "  email: info@testhoeve.example\n",
        "  email: info@testhoeve.example\n  logo: beeld/logo.png\n",
    )
    files: dict[str, str | bytes] = {
        "project/school.yaml": "sjablonen: gedeeld/sjablonen\n" + with_extras,
        "project/bestuur.yaml": COMPLETE_BOARD,
        "project/ander-bestuur.yaml": "bestuur: {id: ander}\n",  # another board, invalid on its own
        "project/kapot.yaml": "school: [niet: goed\n",
        "project/mkdocs.yml": "site_name: Iets anders\nnav: [index.md]\n",
        "project/beeld/logo.png": logo,
        "project/.venv/lib/groot.bin": b"\0" * 4096,
        "project/gedeeld/sjablonen/notitie.txt": "eigen sjablonen\n",  # inside the file's folder (issue 9)
    }
    write_tree(root, files)
    (root / "project" / ".venv" / "lib" / "weg").symlink_to(root / "bestaat-niet")  # copying it would fail
    return root / "project" / "school.yaml"


def test_a_school_file_beside_other_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _project(tmp_path / "oud", COMPLETE_SCHOOL)
    new = _project(tmp_path / "nieuw", NEW)
    assert main(["verschil", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "- Versie: 1.0 → 1.1" in out
    assert "sjablonen" not in out and "logo" not in out


def test_a_school_file_beside_other_files_at_a_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    require_program("git")
    school = _project(tmp_path, COMPLETE_SCHOOL)
    _git(tmp_path, "init", "--quiet")
    _git(tmp_path, "add", "project/school.yaml", "project/bestuur.yaml", "project/ander-bestuur.yaml")
    _git(tmp_path, "add", "project/kapot.yaml", "project/mkdocs.yml", "project/beeld", "project/gedeeld")
    _git(tmp_path, "commit", "--quiet", "-m", "versie 1.0")
    school.write_text(
        school.read_text(encoding="utf-8").replace('versie: "1.0"', 'versie: "1.1"'), encoding="utf-8"
    )
    monkeypatch.chdir(school.parent)
    assert main(["verschil", "school.yaml", "--rev", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "Oud: school.yaml@HEAD (schooljaar 2026-2027, versie 1.0, vastgesteld)" in out
    assert "- Versie: 1.0 → 1.1" in out


def test_a_board_that_is_not_there_is_reported_at_the_users_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    school = _project(tmp_path, changed(COMPLETE_SCHOOL, "bestuur: testbestuur", "bestuur: testbestuu"))
    monkeypatch.chdir(tmp_path)
    assert main(["verschil", str(school), str(school)]) == 2
    err = capsys.readouterr().err
    line = line_of(school.read_text(encoding="utf-8"), "bestuur: testbestuu")
    assert f'project/school.yaml:{line}: school.bestuur: bestuur "testbestuu" bestaat niet in deze map' in err
    assert "testbestuur" in err, "the loader still sees the other boards, so it can suggest the right one"
    assert "kapot.yaml" not in err, "a broken file that is not about this board is left out"


def test_a_broken_board_file_is_reported_as_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    school = _project(tmp_path, COMPLETE_SCHOOL)
    board = school.parent / "bestuur.yaml"
    board.write_text(
        changed(COMPLETE_BOARD, "  naam: Stichting Testonderwijs\n", "  naam: [Stichting\n"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["verschil", str(school), str(school)]) == 2
    err = capsys.readouterr().err
    assert "project/bestuur.yaml:5: een lijst tussen [ ] wordt niet goed gesloten" in err
    assert "kapot.yaml" not in err


HOSTILE_RULE = "Zie [uitleg](javascript:alert(1)) <img src=x onerror=alert(1)> & *nadruk*"


def test_the_summary_file_is_markdown_that_shows_every_value_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On the terminal the values stand as typed; in the Markdown file they cannot become markup."""
    from schoolveiligheid.writers.markup import plain_text, to_html

    old = policy_tree(tmp_path / "oud", COMPLETE_SCHOOL, COMPLETE_BOARD) / "school.yaml"
    hostile = COMPLETE_SCHOOL + f"regels:\n  schoolregels: ['{HOSTILE_RULE}']\n"
    new = policy_tree(tmp_path / "nieuw", hostile, COMPLETE_BOARD) / "school.yaml"
    assert main(["verschil", str(old), str(new)]) == 0
    assert HOSTILE_RULE in capsys.readouterr().out
    target = tmp_path / "wijzigingen.md"
    assert main(["verschil", str(old), str(new), "--uitvoer", str(target)]) == 0
    html = to_html(target.read_text(encoding="utf-8"))
    assert "<a " not in html and "<img" not in html and "<em>" not in html
    assert HOSTILE_RULE in plain_text(target.read_text(encoding="utf-8"))
