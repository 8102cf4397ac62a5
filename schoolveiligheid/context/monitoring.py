"""Context for the monitoring results in the plan (issue 16): tables, the trend chart and the goals.

Only aggregate figures reach the context, and a group band with fewer than
MIN_BAND_RESPONDENTS respondents only by name, so the plan can say it is left out.
"""

from __future__ import annotations

import re

from ..documents import Chart, ChartSeries
from ..model.chapters import Goal
from ..model.monitoring import (
    MIN_BAND_RESPONDENTS,
    MonitoringResult,
    goal_for,
    percent_text,
    shortfalls,
)
from .builder import ViewBuilder, markdown
from .monitoring_views import InstrumentResults, ResultRow, ResultsSection

# The indicators of a result as the plan names them.
FEELS_SAFE = "voelt zich veilig"
BULLIED = "wordt gepest"
WELLBEING = "welbevinden"
_GOAL_WORDS = {"voelt_zich_veilig": FEELS_SAFE, "niet_gepest": "wordt niet gepest", "welbevinden": WELLBEING}


def chart_name(instrument: str) -> str:
    """A file name for an instrument's chart: lower case letters, digits and '-'."""
    return "monitoring-" + "-".join(re.findall(r"[a-z0-9]+", instrument.lower()))


def _bullied_goal(goals: tuple[Goal, ...], instrument: str) -> float | None:
    goal = goal_for(goals, "niet_gepest", instrument)
    return None if goal is None else 100 - goal.minimum


def trend_chart(
    name: str, title: str, results: tuple[MonitoringResult, ...], goals: tuple[Goal, ...]
) -> Chart:
    """Both indicators over the years against the goal, with a text alternative that tells the trend."""
    instrument = results[0].instrument
    safe_goal = goal_for(goals, "voelt_zich_veilig", instrument)
    bullied_goal = _bullied_goal(goals, instrument)
    panels = (
        ChartSeries(
            FEELS_SAFE,
            tuple(result.feels_safe for result in results),
            None if safe_goal is None else float(safe_goal.minimum),
            "" if safe_goal is None else f"doel: minimaal {safe_goal.minimum}%",
        ),
        ChartSeries(
            BULLIED,
            tuple(result.bullied for result in results),
            bullied_goal,
            "" if bullied_goal is None else f"doel: hoogstens {percent_text(bullied_goal)}",
        ),
    )
    years = tuple(str(result.school_year) for result in results)
    return Chart(
        name=name,
        title=title,
        description=_description(title, years, panels),
        labels=years,
        panels=panels,
    )


def _description(title: str, years: tuple[str, ...], panels: tuple[ChartSeries, ...]) -> str:
    span = years[0] if len(years) == 1 else f"{years[0]} tot en met {years[-1]}"
    parts = []
    for panel in panels:
        shown = [percent_text(value) for value in panel.values if value is not None]
        trend = shown[0] if len(shown) == 1 else f"van {shown[0]} naar {shown[-1]}"
        parts.append(f"{panel.label} {trend}" + (f" ({panel.goal_label})" if panel.goal_label else ""))
    return f"Grafiek {title}, {span}: {'; '.join(parts)}. De cijfers staan ook in de tabel."


def _row(result: MonitoringResult, below: bool) -> ResultRow:
    return ResultRow(
        school_year=str(result.school_year),
        taken_on=result.taken_on,
        groups=None,
        respondents=result.respondents,
        feels_safe=percent_text(result.feels_safe),
        bullied=percent_text(result.bullied),
        wellbeing=None if result.wellbeing is None else percent_text(result.wellbeing),
        below_goal=below,
    )


def _goal_lines(goals: tuple[Goal, ...], instrument: str) -> tuple[str, ...]:
    lines = []
    for indicator, words in _GOAL_WORDS.items():
        goal = goal_for(goals, indicator, instrument)
        if goal is not None:
            lines.append(f"minimaal {goal.minimum}% {words}")
    return tuple(lines)


def _instrument_title(b: ViewBuilder, instrument: str) -> str:
    """The school's own title for the instrument, else the catalogue's."""
    choices = b.policy.monitoring.instruments if b.policy.monitoring else ()
    for choice in choices:
        if choice.instrument == instrument and choice.title:
            return choice.title
    entry = b.model.catalogue.get(instrument)
    return entry.title if entry else instrument


def results(b: ViewBuilder) -> ResultsSection | None:
    """The results section of the monitoring chapter, or None when the school has no results."""
    policy = b.policy
    if not policy.results:
        return None
    goals = policy.goals
    instruments = []
    for instrument in dict.fromkeys(result.instrument for result in policy.results):
        own = tuple(
            sorted(
                (result for result in policy.results if result.instrument == instrument),
                key=lambda result: str(result.school_year),
            )
        )
        missing = shortfalls(own, goals)
        below = {id(item.result) for item in missing}
        title = _instrument_title(b, instrument)
        band_rows, hidden = [], []
        for result in own:
            for band in result.bands:
                groups = b.groups(band.groups) or ""
                if not band.shown:
                    hidden.append(f"{groups} in {result.school_year}")
                    continue
                band_rows.append(
                    ResultRow(
                        school_year=str(result.school_year),
                        taken_on=None,
                        groups=groups,
                        respondents=band.respondents,
                        feels_safe=percent_text(band.feels_safe),
                        bullied=percent_text(band.bullied),
                        wellbeing=None if band.wellbeing is None else percent_text(band.wellbeing),
                        below_goal=False,
                    )
                )
        last = own[-1]
        instruments.append(
            InstrumentResults(
                instrument=title,
                rows=tuple(_row(result, id(result) in below) for result in own),
                band_rows=tuple(band_rows),
                hidden_bands=tuple(hidden),
                goals=_goal_lines(goals, instrument),
                has_wellbeing=any(result.wellbeing is not None for result in own),
                latest_year=str(last.school_year),
                missed=tuple(
                    f"{_GOAL_WORDS[item.goal.indicator]} ({percent_text(item.value)}; doel {item.goal.minimum}%)"
                    for item in missing
                ),
                action=markdown(last.action),
                chart=trend_chart(chart_name(instrument), f"monitoring {title}", own, goals),
            )
        )
    return ResultsSection(tuple(instruments), MIN_BAND_RESPONDENTS)


__all__ = ["InstrumentResults", "ResultRow", "ResultsSection", "chart_name", "results", "trend_chart"]
