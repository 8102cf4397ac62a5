"""Flat memory on a large board (issue 15, P5): what a build keeps per school is small.

A build of 1,000 schools held every school's chapters in the markup check's cache (about
20 KiB per school), and wrote its record of every output file through one big string (about
70 MiB at the end of such a build). These tests hold the fixes: the check keeps a digest, not
the text; the record is written piece by piece with the same bytes; and the names and digests
that the schools' output records share are kept once.
"""

from __future__ import annotations

import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from schoolveiligheid import incremental, render
from schoolveiligheid.files import WORK_FOLDER, Swap


def test_the_markup_check_keeps_no_text_and_checks_a_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "# Een hoofdstuk\n\n" + "".join(f"Regel {number} van een unieke tekst.\n" for number in range(500))
    checked: list[int] = []  # the lengths of the texts checked (not the texts: a reference counts)
    check = render._unsafe_markup
    monkeypatch.setattr(
        render, "_unsafe_markup", lambda markdown: checked.append(len(markdown)) or check(markdown)
    )
    references = sys.getrefcount(text)
    assert render.unsafe_markup(text) is None
    assert sys.getrefcount(text) == references  # nothing holds the text after the check
    assert render.unsafe_markup(text) is None
    assert checked == [len(text)]  # the verdict was kept
    assert render.unsafe_markup(text + "<script>x</script>\n") == "<script>"


def test_the_markup_checks_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render._checked_markup, "limit", 3)
    for number in range(10):
        render.unsafe_markup(f"Tekst {number}\n")
    assert len(render._checked_markup) <= 3


def _state(schools: int, files: int) -> dict[str, object]:
    digest = "0" * 64
    return {
        "schools": {
            f"school-{school:04d}": {
                "uitvoer": {f"pagina-{number}/index.html": [1234, 5678, digest] for number in range(files)}
            }
            for school in range(schools)
        }
    }


def test_the_build_record_is_written_piece_by_piece_with_the_same_bytes(tmp_path: Path) -> None:
    state = _state(50, 100)
    expected = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True)
    with Swap(tmp_path / "uit") as swap:
        tracemalloc.start()
        try:
            swap.record(state)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        swap.commit()
    written = (tmp_path / "uit" / WORK_FOLDER / "state.json").read_text(encoding="utf-8")
    assert written == expected.replace('{\n "schools"', '{\n "outputs": {},\n "schools"', 1)
    # The whole text at once (json.dumps) costs several times its length; piece by piece, a fraction.
    assert peak < len(expected) / 4, (peak, len(expected))


def test_the_output_records_of_two_schools_share_their_names_and_digests(tmp_path: Path) -> None:
    records = []
    for school in ("een", "twee"):
        folder = tmp_path / school / "assets"
        folder.mkdir(parents=True)
        (folder / "thema.css").write_text("body { margin: 0 }\n", encoding="utf-8")
        records.append(incremental.output_record(tmp_path / school))
    (first_name, first), (second_name, second) = (next(iter(record.items())) for record in records)
    assert first_name == second_name == "assets/thema.css"
    assert first_name is second_name
    assert first[2] == second[2] and first[2] is second[2]
