"""No paragraph repeated between the documents of one school (issue 13): where a later document would repeat
the plan, it refers to the other document instead. Checked for every school of the example policy and of
the reference folders: no paragraph of 25 words or more appears in two of its documents (plan, protocol,
schoolgids). Headings and table rows do not count; each list item counts on its own, so short items
(a rule, a step) may recur, a long one may not."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from texts_support import rendered_documents

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT / "policy", *sorted(p for p in (ROOT / "voorbeelden").glob("referentie-*") if p.is_dir()))
MIN_WORDS = 25
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s")


def paragraphs(markdown: str) -> set[str]:
    """The paragraphs and list items of 25 words or more, in plain text with one space between words."""
    found: set[str] = set()
    for block in re.split(r"\n\s*\n", markdown):
        units: list[str] = []
        for line in block.splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "|")):
                continue
            if LIST_ITEM.match(line) or not units:
                units.append(line)
            else:
                units[-1] += " " + line
        for unit in units:
            plain = re.sub(r"\s+", " ", unit.replace("\\", "").replace("*", "")).strip()
            if len(plain.split()) >= MIN_WORDS:
                found.add(plain)
    return found


documents = cache(rendered_documents)  # school id -> document kind -> Markdown, once per folder


def test_the_split_counts_long_paragraphs_and_long_list_items_only() -> None:
    long = " ".join(["woord"] * MIN_WORDS)
    text = f"# {long}\n\n| {long} |\n\n- kort item\n- {long}\n\n{long}\nnog een regel\n\nkort."
    assert paragraphs(text) == {f"- {long}", f"{long} nog een regel"}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda path: path.name)
def test_no_paragraph_appears_in_two_documents_of_a_school(folder: Path) -> None:
    repeated: list[str] = []
    for school_id, kinds in documents(folder).items():
        seen: dict[str, str] = {}
        for kind, markdown in kinds.items():
            for paragraph in paragraphs(markdown):
                if paragraph in seen:
                    repeated.append(f"{school_id}: {seen[paragraph]} en {kind}: {paragraph[:120]}…")
                seen.setdefault(paragraph, kind)
    assert not repeated, "\n".join(repeated)
