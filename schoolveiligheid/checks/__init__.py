"""Checks: is a valid policy also complete and lawful? Each finding names its rule's source.

Validation (the model) makes a policy well-formed; checks judge it. Findings
never stop the command by themselves: `controleer` reports them, and the build
refuses documents only for an adopted (vastgesteld) school with a finding of
severity "fout".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..model import SchoolModel

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a school should fix, where it is, and why (the rule's source)."""

    school_id: str
    severity: Severity
    rule: str  # short id of the rule, e.g. "wvs-coordinator"
    message: str
    where: str  # "policy/school.yaml:14" or "Sociaal veiligheidsplan, hoofdstuk Monitoring"
    source: str  # where the rule comes from (law, LAW.md)
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.severity}: {self.where}: {self.message}\n  bron: {self.source}"
        return f"{text}\n  tip: {self.hint}" if self.hint else text


def check_school(school: SchoolModel, today: date) -> list[Finding]:
    """All findings for one school's policy data."""
    del school, today
    return []
