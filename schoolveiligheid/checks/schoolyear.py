"""The school year cycle: concept or adopted, MR consent, adoption and evaluation dates."""

from __future__ import annotations

from datetime import date

from ..model import SchoolModel
from ..model.values import dutch_date
from .findings import Collector, practice, source_of

_CYCLE = practice("het beleid geldt voor één schooljaar en wordt voor het einde ervan geëvalueerd")


def check_school_year(school: SchoolModel, today: date, out: Collector) -> None:
    """Concept status and the dates of one school year."""
    document = school.policy.document
    year = document.school_year
    if document.status == "concept":
        points = len(document.open_points)
        out.warning(
            "concept",
            "het beleid is nog een concept: elk document en elke pagina krijgt CONCEPT"
            + (f", met {points} open punt(en)" if points else ""),
            document.mark_of("status"),
            source_of("mr_instemming"),
            "zet status: vastgesteld met mr_instemming_op en vastgesteld_op zodra de MR heeft ingestemd",
        )
        for index, point in enumerate(document.open_points):
            out.warning(
                "open-punt",
                f"open punt: {point}",
                document.mark_of("open_points", index),
                practice("een concept noemt wat nog besloten moet worden"),
                "werk het punt uit in het beleid en haal het dan hier weg",
            )
    elif document.consent_on is None:
        out.error(
            "mr-instemming",
            "het beleid is vastgesteld, maar er staat niet wanneer de MR instemde",
            document.mark_of("consent_on"),
            source_of("mr_instemming"),
            "vul mr_instemming_op: in (JJJJ-MM-DD), of zet status: concept zolang de MR niet heeft ingestemd",
        )
    for name, rule, label, day in (
        ("consent_on", "jaar-instemming", "de instemming van de MR", document.consent_on),
        ("adopted_on", "jaar-vastgesteld", "de vaststelling", document.adopted_on),
    ):
        if day is not None and not year.first_day <= day <= year.last_day:
            out.error(
                rule,
                f"{label} ({dutch_date(day)}) valt buiten schooljaar {year} "
                f"({dutch_date(year.first_day)} tot en met {dutch_date(year.last_day)})",
                document.mark_of(name),
                source_of("schooljaar"),
                "controleer de datum en het schooljaar; bij een nieuw schooljaar hoort een nieuwe instemming en vaststelling",
            )
    if document.consent_on and document.adopted_on and document.consent_on > document.adopted_on:
        out.error(
            "jaar-volgorde",
            f"de MR stemde in op {dutch_date(document.consent_on)}, na de vaststelling op "
            f"{dutch_date(document.adopted_on)}",
            document.mark_of("consent_on"),
            source_of("mr_instemming"),
            "het beleid wordt pas vastgesteld nadat de MR heeft ingestemd; controleer beide datums",
        )
    _evaluation(school, today, out)
    if today > year.last_day:
        out.warning(
            "jaar-voorbij",
            f"schooljaar {year} is voorbij; het beleid is niet bijgewerkt voor dit schooljaar",
            document.mark_of("school_year"),
            source_of("schooljaar"),
            "werk het beleid bij, zet het nieuwe schooljaar en laat de MR opnieuw instemmen",
        )


def _evaluation(school: SchoolModel, today: date, out: Collector) -> None:
    document = school.policy.document
    evaluation = document.evaluation_before
    if evaluation is None:
        return
    place = document.mark_of("evaluation_before")
    if evaluation < today:
        out.warning(
            "jaar-evaluatie",
            f"de evaluatie had voor {dutch_date(evaluation)} moeten gebeuren",
            place,
            _CYCLE,
            "evalueer het beleid met team en MR en werk het bij, of zet een nieuwe datum bij evaluatie_voor",
        )
    elif evaluation > document.school_year.last_day or (
        document.adopted_on is not None and evaluation <= document.adopted_on
    ):
        out.warning(
            "jaar-evaluatie-datum",
            f"de evaluatiedatum ({dutch_date(evaluation)}) ligt niet tussen de vaststelling en het einde van "
            f"schooljaar {document.school_year}",
            place,
            _CYCLE,
            f"kies een datum na de vaststelling en uiterlijk {dutch_date(document.school_year.last_day)}",
        )
