"""Monitoring results against the school's goals (issue 16): a goal not reached asks for a planned action."""

from __future__ import annotations

from ..model import SchoolModel
from ..model.monitoring import percent_text, shortfalls
from .findings import Collector, practice

# The goal indicators as a finding names them.
_INDICATOR_WORDS = {
    "voelt_zich_veilig": "voelt zich veilig",
    "niet_gepest": "wordt niet gepest",
    "welbevinden": "welbevinden",
}


def check_monitoring_results(school: SchoolModel, out: Collector) -> None:
    """Each instrument's latest result below a goal needs `geplande_actie`, which the plan then states."""
    policy = school.policy
    for shortfall in shortfalls(policy.results, policy.goals):
        result = shortfall.result
        if result.action is not None:
            continue
        index = policy.results.index(result)
        out.warning(
            "monitoring-doel-niet-gehaald",
            f"{result.instrument} {result.school_year}: '{_INDICATOR_WORDS[shortfall.goal.indicator]}' is "
            f"{percent_text(shortfall.value)}, onder het doel van minimaal {shortfall.goal.minimum}%; "
            "het plan noemt niet wat de school daaraan gaat doen",
            policy.mark_of("results", index),
            practice("wie een doel van de monitoring niet haalt, legt vast welke actie de school plant"),
            "beschrijf bij dit resultaat onder geplande_actie: wat de school gaat doen, wie en wanneer",
        )
