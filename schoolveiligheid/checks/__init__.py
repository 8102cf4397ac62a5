"""Checks: is a valid policy also complete and lawful? Each finding names its rule's source.

Validation (the model) makes a policy well-formed; checks judge it. Findings
never stop the command by themselves: `controleer` reports them, and the build
refuses documents only for an adopted (vastgesteld) school with a finding of
severity "fout".

Two entry points, because generated text only exists after the render stage:
`check_school` judges the data, `check_rendered` the Markdown of every chapter
and site page. `controleer` and `bouw` run both.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..documents import RenderedDocument, SitePage
from ..model import SchoolModel
from .chapters import check_chapters, check_rendered_chapters
from .example import check_example_data
from .findings import Collector, Finding, Severity, by_severity
from .hygiene import check_hygiene
from .legal import check_legal
from .monitoring import check_monitoring_results
from .roles import check_roles
from .schoolyear import check_school_year
from .templates import check_template_drift
from .text import check_policy_text, check_rendered_text

__all__ = ["Finding", "Severity", "by_severity", "check_rendered", "check_school"]


def check_school(school: SchoolModel, today: date) -> list[Finding]:
    """All findings for one school's policy data; `today` comes from clock.today()."""
    out = Collector(school.id)
    check_legal(school, today, out)
    check_school_year(school, today, out)
    check_policy_text(school.texts, out)
    check_hygiene(school, out)
    check_chapters(school, out)
    check_monitoring_results(school, out)
    check_roles(school, out)
    check_example_data(school, out)
    check_template_drift(school, out)
    return out.findings


def check_rendered(
    school: SchoolModel, documents: Sequence[RenderedDocument], pages: Sequence[SitePage] = ()
) -> list[Finding]:
    """Unfinished text in the school's generated documents and site pages."""
    out = Collector(school.id)
    check_rendered_text(documents, pages, school.texts, out)
    check_rendered_chapters(documents, out)
    return out.findings
