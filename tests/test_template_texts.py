"""Every example letter and every form of the example schools says exactly what the golden texts say.

The golden texts (tests/data/brieven/<zaak>.txt, tests/data/formulieren/<school>-<formulier>.txt)
hold what a reader sees, in document order: header, paragraphs, table rows, footer, with styles
and bold text (letters_support.docx_outline). A change to a letter or form text, or to the way the
text templates become Word files, shows here line by line. After a deliberate change of wording,
write them anew with: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_template_texts.py
"""

from __future__ import annotations

import difflib
import os

import pytest
from letters_support import EXAMPLE_POLICY, EXAMPLES, ROOT, docx_outline

from schoolveiligheid.brief import write_letter
from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.model import SchoolModel
from schoolveiligheid.writers.forms import FormWriter

GOLDEN = ROOT / "tests" / "data"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, example_schools: dict[str, SchoolModel]) -> dict[str, str]:
    """golden file name (below tests/data) -> the outline of the letter or form made now."""
    out = tmp_path_factory.mktemp("teksten")
    found: dict[str, str] = {}
    for case in sorted(EXAMPLES.glob("*.yaml")):
        paths = write_letter(case, EXAMPLE_POLICY, out / "brieven" / case.stem).paths
        for number, path in enumerate(paths, start=1):
            name = case.stem if number == 1 else f"{case.stem}-{number}"
            found[f"brieven/{name}.txt"] = docx_outline(path)
    writer = FormWriter()
    for school_id, school in sorted(example_schools.items()):
        for path in writer.write(
            forms_context(school), out / "formulieren" / school_id, school.template_dirs
        ):
            found[f"formulieren/{school_id}-{path.stem}.txt"] = docx_outline(path)
    if UPDATE:
        for folder in ("brieven", "formulieren"):
            for stale in (GOLDEN / folder).glob("*.txt"):
                stale.unlink()
        for name, text in found.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    return found


def _golden_names() -> list[str]:
    return sorted(
        path.relative_to(GOLDEN).as_posix()
        for folder in ("brieven", "formulieren")
        for path in (GOLDEN / folder).glob("*.txt")
    )


def test_there_is_a_golden_text_for_every_letter_and_form_and_no_other(made: dict[str, str]) -> None:
    assert sorted(made) == _golden_names()
    assert len([name for name in made if name.startswith("brieven/")]) == 12
    assert len([name for name in made if name.startswith("formulieren/")]) == 18


@pytest.mark.parametrize("name", _golden_names())
def test_letter_or_form_text_is_unchanged(name: str, made: dict[str, str]) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    actual = made.get(name, "")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), "verwacht", "nu"
        )
    )
    assert actual == expected, f"{name} differs from the golden text:\n{diff}"
