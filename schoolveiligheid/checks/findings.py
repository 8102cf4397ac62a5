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
from typing import Literal

from ..errors import display_path
from ..law import FACTS
from ..load import Mark

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


def format_where(place: Mark | str) -> str:
    """A mark as users read it, 'file:line: key' (the file relative to the working folder, the key path
    in the file that holds the line); a place in generated text stays as it is."""
    if not isinstance(place, Mark):
        return place
    line = f"{display_path(place.file)}:{place.line}"
    return f"{line}: {place.key}" if place.key else line


class Collector:
    """Collects the findings of one school; rule modules add to it."""

    def __init__(self, school_id: str) -> None:
        self.school_id = school_id
        self.findings: list[Finding] = []

    def add(
        self, severity: Severity, rule: str, message: str, where: Mark | str, source: str, hint: str = ""
    ) -> None:
        """A finding at a mark of the model (a line of a file), or at a place in generated text."""
        self.findings.append(
            Finding(self.school_id, severity, rule, message, format_where(where), source, hint)
        )

    def error(self, rule: str, message: str, where: Mark | str, source: str, hint: str = "") -> None:
        self.add("fout", rule, message, where, source, hint)

    def warning(self, rule: str, message: str, where: Mark | str, source: str, hint: str = "") -> None:
        self.add("waarschuwing", rule, message, where, source, hint)


def by_severity(findings: Sequence[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for finding in findings if finding.severity == "fout")
    return errors, len(findings) - errors
