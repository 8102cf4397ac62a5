"""The dates of a case: nothing described happens after the letter, nothing announced before it,
and a schorsing fits within the law and the school's own limit.
"""

from __future__ import annotations

from datetime import date

from ..law import SUSPENSION_MAX_SCHOOL_DAYS, nth_school_day, school_days, variant
from ..law_calendar import closed_reason, next_school_day
from ..load import KeyPath
from ..model import SchoolModel
from ..model.wording import dutch_date
from .case import Case
from .problems import Found


def _not_after_letter(case: Case, found: Found, path: KeyPath, day: date | None, what: str) -> None:
    if day is not None and day > case.letter_date:
        found.add(
            path,
            f"{what} ({dutch_date(day)}) ligt na de datum van de brief ({dutch_date(case.letter_date)})",
            "controleer de datums; de brief beschrijft wat al gebeurd is",
        )


def _not_before_letter(case: Case, found: Found, path: KeyPath, day: date | None, what: str) -> None:
    if day is not None and day < case.letter_date:
        found.add(
            path,
            f"{what} ({dutch_date(day)}) ligt vóór de datum van de brief ({dutch_date(case.letter_date)})",
            "ouders moeten de brief eerst kunnen ontvangen; kies een latere datum",
        )


def _letter_on_a_school_day(case: Case, found: Found) -> None:
    # Refused, not warned: the letter date is the day of notice from which the objection term runs,
    # and a school letter dated on a day the school is closed is almost always a typing error.
    reason = closed_reason(case.letter_date)
    if reason is not None:
        found.add(
            ("datum_brief",),
            f"{dutch_date(case.letter_date)} is {reason}; een brief van de school draagt de datum van een "
            "schooldag, want termijnen zoals die voor bezwaar worden vanaf die datum gerekend",
            f"dateer de brief op de schooldag waarop u hem verstuurt of meegeeft, bijvoorbeeld "
            f"{dutch_date(next_school_day(case.letter_date), weekday=True)}",
        )


def check_dates(case: Case, school: SchoolModel, found: Found) -> None:
    _letter_on_a_school_day(case, found)
    _not_after_letter(case, found, ("gesprek_op",), case.talked_on, "het gesprek")
    _not_before_letter(
        case,
        found,
        ("uitnodiging", "datum"),
        case.invitation.date if case.invitation else None,
        "het gesprek",
    )
    _not_before_letter(
        case, found, ("hoorgesprek", "datum"), case.hearing.date if case.hearing else None, "het hoorgesprek"
    )
    _not_before_letter(case, found, ("ingangsdatum",), case.effective_on, "de ingangsdatum")
    if case.heard is not None:
        for key, day in (
            ("groepsleerkracht", case.heard.teacher),
            ("ouders", case.heard.parents),
            ("leerling", case.heard.pupil),
        ):
            _not_after_letter(case, found, ("gehoord", key), day, "dit gesprek")
    if case.other_school is not None:
        _not_after_letter(
            case, found, ("andere_school", "toegezegd_op"), case.other_school.admitted_on, "de toezegging"
        )
    if case.incident is not None:
        _not_after_letter(case, found, ("incident", "datum"), case.incident.date, "het incident")
        _not_after_letter(case, found, ("incident", "gemeld_op"), case.incident.reported_on, "de melding")
    if case.group_talk is not None:
        _not_after_letter(
            case, found, ("gesprek_in_groep", "datum"), case.group_talk.date, "het gesprek in de groep"
        )
    if case.time_out is not None:
        _not_after_letter(case, found, ("time_out", "datum"), case.time_out.date, "de time-out")
        start, end = (
            tuple(int(part) for part in time.split(".")) for time in (case.time_out.start, case.time_out.end)
        )
        if end <= start:
            found.add(
                ("time_out", "tot"),
                f"de time-out eindigt ({case.time_out.end}) niet na het begin ({case.time_out.start})",
                "controleer van en tot",
            )
    if case.period is not None:
        _check_period(case, school, found)


def _check_period(case: Case, school: SchoolModel, found: Found) -> None:
    assert case.period is not None
    first, last = case.period.first, case.period.last
    if last < first:
        found.add(
            ("periode", "tot_en_met"),
            f"de schorsing eindigt op {dutch_date(last, weekday=True)}, vóór de eerste dag ({dutch_date(first, weekday=True)})",
            "controleer van en tot_en_met: tot_en_met is de laatste dag van de schorsing",
        )
        return
    for key, day in (("van", first), ("tot_en_met", last)):
        reason = closed_reason(day)
        if reason is not None:
            found.add(
                ("periode", key),
                f"{dutch_date(day)} is {reason}, geen schooldag",
                "een schorsing begint en eindigt op een schooldag",
            )
    _not_before_letter(case, found, ("periode", "van"), first, "de eerste dag van de schorsing")
    days = school_days(first, last)
    rule = variant(school.law, school.policy.board.richting).suspension
    if days > SUSPENSION_MAX_SCHOOL_DAYS:
        cited = f" ({rule.article})" if rule.article else ""
        found.add(
            ("periode", "tot_en_met"),
            f"de schorsing duurt {days} schooldagen; de wet staat hoogstens {SUSPENSION_MAX_SCHOOL_DAYS} "
            f"schooldagen toe{cited}",
            f"kies als laatste dag uiterlijk {dutch_date(nth_school_day(first, SUSPENSION_MAX_SCHOOL_DAYS), weekday=True)}",
        )
        return
    own = school.policy.measures.suspension
    if own is not None and days > own.max_school_days:
        found.add(
            ("periode", "tot_en_met"),
            f"de schorsing duurt {days} schooldagen; het beleid van de school staat hoogstens "
            f"{own.max_school_days} schooldagen toe",
            f"kies als laatste dag uiterlijk {dutch_date(nth_school_day(first, own.max_school_days), weekday=True)}"
            " (maatregelen.schorsing.max_schooldagen)",
        )


__all__ = ["check_dates"]
