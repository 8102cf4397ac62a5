"""Whatever a user writes under any key, the answer is the policy or a Dutch error with a line: never a crash.

Every key of the test board and school is replaced in turn by a list, a block,
an empty value, an empty text and a very long text, and the result is loaded,
checked and rendered the way `bouw` and `controleer` do.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from policies import BOARD, SCHOOL, policy_tree
from support import dump_yaml, load_yaml

from schoolveiligheid.build import check_all
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools

REPLACEMENTS: list[Any] = [["x", "y"], {"a": "b"}, None, "", "lang " * 600]


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*path, index)
            yield from _paths(value, (*path, index))


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(copy[path[0]], path[1:], value)  # type: ignore[index]
    return copy


def _cases() -> Iterator[tuple[str, tuple[Any, ...], int]]:
    for file, text in (("school.yaml", SCHOOL), ("bestuur.yaml", BOARD)):
        for path in _paths(load_yaml(text)):
            for number in range(len(REPLACEMENTS)):
                yield file, path, number


CASES = list(_cases())


@pytest.mark.parametrize(
    ("file", "path", "number"), CASES, ids=[f"{f}:{'.'.join(map(str, p))}:{n}" for f, p, n in CASES]
)
def test_any_value_under_any_key_gives_policy_or_dutch_error(
    tmp_path: Path, file: str, path: tuple[Any, ...], number: int
) -> None:
    texts = {"school.yaml": SCHOOL, "bestuur.yaml": BOARD}
    changed = _replaced(load_yaml(texts[file]), path, REPLACEMENTS[number])
    texts[file] = dump_yaml(changed)
    folder = policy_tree(tmp_path, school=texts["school.yaml"], board=texts["bestuur.yaml"])
    try:
        schools = load_schools(folder)
    except InvalidInput as error:
        assert error.problems
        assert all(problem.file for problem in error.problems)
        return
    check_all(schools)  # checks and renders every document and page
