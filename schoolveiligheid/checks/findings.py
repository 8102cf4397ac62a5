"""A finding, where it is, and where its rule comes from.

Every rule module returns `Finding` values. The location is the line a user
edits (`policy/school.yaml:14: rollen.aanspreekpunt_pesten`), or, for text
the toolkit generated, the document and chapter it is in. The source names the
legal fact in law.py that the rule enforces, so nobody has to take a check on
trust; rules that are good practice rather than law say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..errors import display_path
from ..law import FACTS
from ..load import KeyPath, Mark, MarkedDict, MarkedList, format_key_path

Severity = Literal["fout", "waarschuwing"]

# Rules that are not law: how the toolkit keeps documents usable and current.
PRACTICE = "afspraak van schoolveiligheid (geen wetsartikel): "


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a school should fix, where it is, and why (the rule's source)."""

    school_id: str
    severity: Severity
    rule: str  # short id of the rule, e.g. "wvs-coordinator"
    message: str
    where: str  # "policy/school.yaml:14: rollen.x" or "Sociaal veiligheidsplan, hoofdstuk Monitoring"
    source: str  # where the rule comes from (law.py facts, LAW.md)
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.severity}: {self.where}: {self.message}\n  bron: {self.source}"
        return f"{text}\n  tip: {self.hint}" if self.hint else text


def source_of(*fact_keys: str) -> str:
    """The sources of legal facts as one line: the article when verified, else the rule's sources."""
    parts: list[str] = []
    for key in fact_keys:
        fact = FACTS[key]
        titles = "; ".join(source.title for source in fact.sources)
        parts.append(f"{fact.article} ({titles})" if fact.article else titles)
    return " | ".join(dict.fromkeys(parts))


def practice(what: str) -> str:
    """The source line of a rule that is the toolkit's own agreement, not law."""
    return PRACTICE + what


def _child(node: Any, part: str | int) -> tuple[Any, Mark | None]:
    if isinstance(node, MarkedDict) and isinstance(part, str) and part in node:
        return node[part], node.marks.get(part)
    if isinstance(node, MarkedList) and isinstance(part, int) and 0 <= part < len(node):
        return node[part], node.marks[part]
    return None, None


def mark_of(raw: MarkedDict, path: KeyPath) -> tuple[Mark, KeyPath]:
    """The mark of the value at path, or of the deepest part that exists plus the parts that do not."""
    node: Any = raw
    found = raw.mark
    for depth, part in enumerate(path):
        node, mark = _child(node, part)
        if mark is None:
            return found, path[depth:]
        found = mark
    return found, ()


def format_where(mark: Mark, key: str = "") -> str:
    """'file:line: key' as users read it (the path relative to the working folder)."""
    place = f"{display_path(mark.file)}:{mark.line}"
    return f"{place}: {key}" if key else place


def where(raw: MarkedDict, *path: str | int) -> str:
    """Where to look for a value: its own line, or the closest line above it when it is missing.

    The key path is the one in the file that holds the line (a board's list
    index, not the index in the merged policy), so it matches what the user sees.
    """
    mark, missing = mark_of(raw, path)
    return format_where(mark, format_key_path((*mark.path, *missing)))


def item_index(raw: MarkedDict, key: str, item_id: str) -> int | None:
    """The position of the item with this id in a merged list (personen, organisaties, documenten)."""
    items = raw.get(key)
    if not isinstance(items, MarkedList):
        return None
    for index, item in enumerate(items):
        if isinstance(item, MarkedDict) and item.get("id") == item_id:
            return index
    return None


def where_item(raw: MarkedDict, key: str, item_id: str, *path: str) -> str:
    """Where a field of a listed person, organisation or document is written."""
    index = item_index(raw, key, item_id)
    return where(raw, key) if index is None else where(raw, key, index, *path)


class Collector:
    """Collects the findings of one school; rule modules add to it."""

    def __init__(self, school_id: str, raw: MarkedDict) -> None:
        self.school_id = school_id
        self.raw = raw
        self.findings: list[Finding] = []

    def add(
        self, severity: Severity, rule: str, message: str, where: str, source: str, hint: str = ""
    ) -> None:
        self.findings.append(Finding(self.school_id, severity, rule, message, where, source, hint))

    def error(self, rule: str, message: str, where: str, source: str, hint: str = "") -> None:
        self.add("fout", rule, message, where, source, hint)

    def warning(self, rule: str, message: str, where: str, source: str, hint: str = "") -> None:
        self.add("waarschuwing", rule, message, where, source, hint)


def by_severity(findings: Sequence[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for finding in findings if finding.severity == "fout")
    return errors, len(findings) - errors
