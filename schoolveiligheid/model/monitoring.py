"""The figures a school receives from its monitor, per instrument and school year (issue 16).

Only aggregate figures: the number of respondents and percentages, for the whole school and
optionally per group band. The comparison with the school's goals (`doelen`, model/chapters.py)
is answered here once, for the plan, `controleer` and the board report alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, model_validator

from ..clock import today
from .base import Block, field
from .chapters import Goal
from .values import Date, Groups, Id, Note, SchoolYear, invalid, reference

# A group band with fewer respondents is not shown anywhere: its figures could point at a few pupils.
MIN_BAND_RESPONDENTS = 10
# The first school year results may name: the Wet veiligheid op school dates from 1 August 2015.
FIRST_RESULT_YEAR = 2015
MAX_RESPONDENTS = 100_000

InstrumentRef = Annotated[
    Id,
    AfterValidator(
        reference(
            "monitoring_instrumenten",
            "instrument",
            "noem een instrument uit de catalogus of een eigen instrument uit monitoring.instrumenten",
        )
    ),
]


def _percentage(key: str, what: str, default: Any = ...) -> Any:
    return field(key, f"percentage {what} (0 tot en met 100)", default, ge=0, le=100)


class BandResult(Block):
    """The figures of one group band, for example groep 5-6."""

    groups: Groups = field("groepen", "welke groepen, bijvoorbeeld 5-6 of 7-8")
    respondents: int = field(
        "respondenten", "hoeveel leerlingen de vragenlijst invulden", ge=1, le=MAX_RESPONDENTS
    )
    feels_safe: float = _percentage("voelt_zich_veilig", "leerlingen dat zich veilig voelt")
    bullied: float = _percentage("wordt_gepest", "leerlingen dat zegt gepest te worden")
    wellbeing: float | None = _percentage("welbevinden", "leerlingen dat het naar de zin heeft", None)

    @property
    def shown(self) -> bool:
        """False for a band too small to show (fewer than MIN_BAND_RESPONDENTS respondents)."""
        return self.respondents >= MIN_BAND_RESPONDENTS


class MonitoringResult(Block):
    """What the monitor reported for one instrument and school year."""

    instrument: InstrumentRef = field(
        "instrument",
        "het instrument: id uit de catalogus of een eigen instrument uit monitoring.instrumenten",
    )
    school_year: SchoolYear = field("schooljaar", "het schooljaar van de meting, bijvoorbeeld 2025-2026")
    taken_on: Date | None = field("afgenomen_op", "datum van de afname", None)
    respondents: int = field(
        "respondenten", "hoeveel leerlingen de vragenlijst invulden", ge=1, le=MAX_RESPONDENTS
    )
    feels_safe: float = _percentage("voelt_zich_veilig", "leerlingen dat zich veilig voelt")
    bullied: float = _percentage("wordt_gepest", "leerlingen dat zegt gepest te worden")
    wellbeing: float | None = _percentage("welbevinden", "leerlingen dat het naar de zin heeft", None)
    bands: tuple[BandResult, ...] = field(
        "per_groep",
        "dezelfde cijfers per groepsband (alleen getoond vanaf 10 respondenten)",
        (),
        max_length=20,
    )
    action: Note | None = field(
        "geplande_actie",
        "wat de school gaat doen omdat een doel niet gehaald is; het plan noemt dit",
        None,
    )

    @model_validator(mode="after")
    def _sensible(self) -> MonitoringResult:
        first = int(self.school_year[:4])
        current = current_school_year(today())
        if first < FIRST_RESULT_YEAR:
            raise invalid(
                "schooljaar",
                'schooljaar "{waarde}" ligt te ver terug',
                f"noem resultaten vanaf {FIRST_RESULT_YEAR}-{FIRST_RESULT_YEAR + 1}",
                waarde=str(self.school_year),
                sleutel="schooljaar",
            )
        if first > int(current[:4]):
            raise invalid(
                "schooljaar",
                'schooljaar "{waarde}" ligt na het huidige schooljaar ({huidig})',
                "resultaten horen bij een meting die al gedaan is; controleer het jaartal",
                waarde=str(self.school_year),
                huidig=current,
                sleutel="schooljaar",
            )
        if self.taken_on is not None and not (
            self.school_year.first_day <= self.taken_on <= self.school_year.last_day
        ):
            raise invalid(
                "afgenomen_op",
                "de datum {datum} valt niet in schooljaar {jaar}",
                "een schooljaar loopt van 1 augustus tot en met 31 juli",
                datum=self.taken_on.isoformat(),
                jaar=str(self.school_year),
                sleutel="afgenomen_op",
            )
        if sum(band.respondents for band in self.bands) > self.respondents:
            raise invalid(
                "per_groep",
                "de groepsbanden hebben samen meer respondenten dan de hele school ({totaal})",
                "controleer de aantallen bij respondenten",
                totaal=self.respondents,
                sleutel="per_groep",
            )
        return self

    @property
    def shown_bands(self) -> tuple[BandResult, ...]:
        """The group bands large enough to show."""
        return tuple(band for band in self.bands if band.shown)

    @property
    def hidden_bands(self) -> tuple[BandResult, ...]:
        """The group bands left out because they have fewer than MIN_BAND_RESPONDENTS respondents."""
        return tuple(band for band in self.bands if not band.shown)


def current_school_year(day: date) -> str:
    """The school year a day falls in: from 1 August to 31 July."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def duplicate_results(results: tuple[MonitoringResult, ...]) -> list[tuple[int, MonitoringResult]]:
    """Results (with their index) that repeat an instrument and school year named earlier in the list."""
    seen: set[tuple[str, str]] = set()
    repeated = []
    for index, result in enumerate(results):
        key = (result.instrument, str(result.school_year))
        if key in seen:
            repeated.append((index, result))
        seen.add(key)
    return repeated


# --- Results against goals: one answer for the plan, controleer and the board report. ---

GOAL_INDICATORS = ("voelt_zich_veilig", "niet_gepest", "welbevinden")


def measured(result: MonitoringResult | BandResult, indicator: str) -> float | None:
    """The figure a goal indicator is compared with; 'niet gepest' is 100 minus 'wordt gepest'."""
    if indicator == "voelt_zich_veilig":
        return result.feels_safe
    if indicator == "niet_gepest":
        return round(100 - result.bullied, 1)
    if indicator == "welbevinden":
        return result.wellbeing
    return None  # ouders_tevreden and medewerkers_veilig come from other questionnaires


def goal_for(goals: tuple[Goal, ...], indicator: str, instrument: str) -> Goal | None:
    """The goal for an indicator measured with an instrument: one naming the instrument, else a general one."""
    named = [goal for goal in goals if goal.indicator == indicator and goal.instrument == instrument]
    general = [goal for goal in goals if goal.indicator == indicator and goal.instrument is None]
    found = named or general
    return found[0] if found else None


def latest_results(results: tuple[MonitoringResult, ...]) -> tuple[MonitoringResult, ...]:
    """Per instrument the result of the latest school year, in the order the instruments first appear."""
    latest: dict[str, MonitoringResult] = {}
    for result in results:
        known = latest.get(result.instrument)
        if known is None or str(result.school_year) > str(known.school_year):
            latest[result.instrument] = result
    return tuple(latest.values())


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A latest result below one of the school's goals."""

    result: MonitoringResult
    goal: Goal
    value: float  # what was measured for the goal's indicator


def shortfalls(results: tuple[MonitoringResult, ...], goals: tuple[Goal, ...]) -> tuple[Shortfall, ...]:
    """The goals each instrument's latest result does not reach."""
    found = []
    for result in latest_results(results):
        for indicator in GOAL_INDICATORS:
            goal = goal_for(goals, indicator, result.instrument)
            value = measured(result, indicator)
            if goal is not None and value is not None and value < goal.minimum:
                found.append(Shortfall(result, goal, value))
    return tuple(found)


__all__ = [
    "MIN_BAND_RESPONDENTS",
    "BandResult",
    "MonitoringResult",
    "Shortfall",
    "current_school_year",
    "goal_for",
    "latest_results",
    "measured",
    "percent_text",
    "shortfalls",
]


def percent_text(value: float) -> str:
    """A percentage as Dutch text: 94,1% or 90%."""
    return f"{value:.1f}".removesuffix(".0").replace(".", ",") + "%"
