"""The validated model carries the line marks of the files: every block knows where it was written."""

from __future__ import annotations

from pathlib import Path

import pytest
from policies import BOARD, SCHOOL, line_of, policy_tree

from schoolveiligheid.load import Mark
from schoolveiligheid.model import SchoolModel, load_schools
from schoolveiligheid.model.base import Block
from schoolveiligheid.model.parts import Person


def _load(tmp_path: Path, school: str = SCHOOL, board: str = BOARD) -> SchoolModel:
    (model,) = load_schools(policy_tree(tmp_path, school, board))
    return model


def _blocks(block: Block) -> list[Block]:
    """The block and every block inside it."""
    found = [block]
    for name in type(block).model_fields:
        value = getattr(block, name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Block):
                found += _blocks(item)
    return found


def _at(mark: Mark) -> tuple[str, int, str]:
    return Path(mark.file).name, mark.line, mark.key


def test_every_block_of_a_loaded_school_has_marks(tmp_path: Path) -> None:
    school = _load(tmp_path)
    blocks = _blocks(school.policy) + list(school.people.values()) + list(school.organisations.values())
    assert all(isinstance(block.mark, Mark) for block in blocks)


def test_a_written_value_points_at_its_own_line(tmp_path: Path) -> None:
    document = _load(tmp_path).policy.document
    assert _at(document.mark_of("consent_on")) == (
        "school.yaml",
        line_of(SCHOOL, "mr_instemming_op"),
        "document.mr_instemming_op",
    )
    assert _at(document.mark) == ("school.yaml", line_of(SCHOOL, "document:"), "document")


def test_an_inherited_value_points_at_the_board_file(tmp_path: Path) -> None:
    school = _load(tmp_path)
    suspension = school.policy.measures.suspension
    assert suspension is not None
    assert _at(suspension.mark_of("max_school_days")) == (
        "bestuur.yaml",
        line_of(BOARD, "schorsing"),
        "maatregelen.schorsing.max_schooldagen",
    )
    # A listed item keeps its index in the file that holds it, not in the merged list.
    assert _at(school.people["p-evp"].mark) == ("bestuur.yaml", line_of(BOARD, "- id: p-evp"), "personen[0]")
    assert _at(school.people["p-dir"].mark_of("email")) == (
        "school.yaml",
        line_of(SCHOOL, "dirk@"),
        "personen[0].email",
    )


def test_a_left_out_value_points_at_the_line_above_where_it_belongs(tmp_path: Path) -> None:
    policy = _load(tmp_path).policy
    assert _at(policy.mark_of("incidents")) == ("school.yaml", 1, "incidentregistratie")
    # maatregelen is written in the board file, verwijdering is not: the line of maatregelen.
    assert _at(policy.measures.removal.mark_of("hear")) == (
        "bestuur.yaml",
        line_of(BOARD, "maatregelen:"),
        "maatregelen.verwijdering.horen",
    )
    assert _at(policy.roles.mark_of("intern_begeleider")) == (
        "school.yaml",
        line_of(SCHOOL, "rollen:"),
        "rollen.intern_begeleider",
    )


def test_list_items_have_their_own_lines(tmp_path: Path) -> None:
    school = SCHOOL.replace(
        "  status: vastgesteld\n  mr_instemming_op: 2026-09-01\n  vastgesteld_op: 2026-09-08\n",
        "  status: concept\n  open_punten:\n    - eerste\n    - tweede\n",
    )
    document = _load(tmp_path, school).policy.document
    assert _at(document.mark_of("open_points", 1)) == (
        "school.yaml",
        line_of(school, "- tweede"),
        "document.open_punten[1]",
    )
    assert _at(document.mark_of("open_points", 5)) == (
        "school.yaml",
        line_of(school, "open_punten:"),
        "document.open_punten[5]",
    )


def test_marks_do_not_change_what_a_block_is(tmp_path: Path) -> None:
    loaded = _load(tmp_path).people["p-coord"]
    built = Person.model_validate(
        {"id": "p-coord", "naam": "Cora Coördinator", "email": "cora@testhoeve.example"}, context={}
    ).model_copy(update={"publish": loaded.publish})
    assert loaded == built
    assert hash(loaded) == hash(built)
    with pytest.raises(ValueError, match="no line marks"):
        built.mark_of("email")


def test_a_copied_folder_has_marks_in_its_own_files(tmp_path: Path) -> None:
    """The same text in another file is parsed once per process; its marks name the other file."""
    first = _load(tmp_path / "eerst")
    copy = _load(tmp_path / "kopie")
    marks = [mark for block in _blocks(copy.policy) for mark in (block.mark, *block._written().keys.values())]
    files = {mark.file for mark in marks}
    assert files <= {str(tmp_path / "kopie" / "policy" / name) for name in ("school.yaml", "bestuur.yaml")}
    assert len(files) == 2
    assert copy.policy.model_dump() == first.policy.model_dump()
    assert [(mark.line, mark.path) for mark in marks] == [
        (mark.line, mark.path)
        for block in _blocks(first.policy)
        for mark in (block.mark, *block._written().keys.values())
    ]
    assert {text.mark.file for text in copy.texts} == files
