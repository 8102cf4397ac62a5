"""The monitoring results as a template sees them (built in context/monitoring.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..documents import Chart
from .views import Md


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One school year of one instrument (or one group band of it)."""

    school_year: str
    taken_on: date | None
    groups: str | None  # the group band, None for the whole school
    respondents: int
    feels_safe: str  # "94,1%"
    bullied: str
    wellbeing: str | None
    below_goal: bool  # the whole-school figures miss a goal (trend rows only)


@dataclass(frozen=True, slots=True)
class InstrumentResults:
    """The results of one instrument over the years, with its goals and chart."""

    instrument: str  # the instrument's title
    rows: tuple[ResultRow, ...]  # whole school, oldest year first
    band_rows: tuple[ResultRow, ...]  # group bands with enough respondents
    hidden_bands: tuple[str, ...]  # "groep Kompas in 2025-2026": too few respondents to show
    goals: tuple[str, ...]  # "minimaal 92% voelt zich veilig"
    has_wellbeing: bool
    latest_year: str
    missed: tuple[str, ...]  # goals the latest year did not reach: "voelt zich veilig (87,9%; doel 90%)"
    action: Md | None  # the planned action for the latest year (geplande_actie)
    chart: Chart


@dataclass(frozen=True, slots=True)
class ResultsSection:
    """Every instrument with results, and the smallest group band the plan shows."""

    instruments: tuple[InstrumentResults, ...]
    min_band_respondents: int
