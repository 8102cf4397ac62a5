"""The days the law and the school calendar skip: weekends and generally recognised holidays.

Algemene termijnenwet (Atw), read in the texts quoted by staatsrechtpraktijk.nl and wvhl.nl:

- art. 1 lid 1: a term set by law that ends on a Saturday, Sunday or generally recognised
  holiday runs to the next day that is none of these (`term_end`);
- art. 3 lid 1: the generally recognised holidays are Nieuwjaarsdag, tweede Paasdag, tweede
  Pinksterdag, both Christmas days, Hemelvaartsdag, the day the King's birthday is celebrated
  (Koningsdag) and 5 May (Bevrijdingsdag, every year);
- art. 3 lid 2: for this act Goede Vrijdag counts as such a holiday too. The brief for this work
  said it does not; the quoted text says it does, so terms skip it.
- art. 3 lid 3: the Crown may equate further days (bridge days, published for a few years at a
  time in the Staatscourant). Those are not computed here; a term could then end one day earlier
  than the law allows, never later.

Koningsdag: 27 April, or 26 April when 27 April is a Sunday (koninklijkhuis.nl, "Koningsdag"). This
holds since 2014 and for as long as King Willem-Alexander reigns; before 2014 Koninginnedag was
30 April (29 April when that was a Sunday).

School days are Monday to Friday without the art. 3 lid 1 holidays. Goede Vrijdag is only equated
"for this act", and many schools are open then, so it stays a school day. The model knows no school
vacations: a period across a vacation is counted as if the school were open (so a count is never
too low), and a return date in a vacation is not detected.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache


def easter_sunday(year: int) -> date:
    """Western Easter Sunday by the Gregorian computus (the anonymous Meeus/Jones/Butcher method)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    """The day the monarch's birthday is celebrated; never a Sunday."""
    day = date(year, 4, 27) if year >= 2014 else date(year, 4, 30)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@cache
def recognised_holidays(year: int) -> Mapping[date, str]:
    """Atw art. 3 lid 1: the generally recognised holidays of a year, by date."""
    easter = easter_sunday(year)
    return {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter + timedelta(days=1): "Tweede Paasdag",
        kings_day(year): "Koningsdag",
        date(year, 5, 5): "Bevrijdingsdag",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }


@cache
def term_holidays(year: int) -> Mapping[date, str]:
    """The days a legal term skips (Atw art. 3 lid 1 and 2): the recognised holidays and Goede Vrijdag."""
    return {easter_sunday(year) - timedelta(days=2): "Goede Vrijdag", **recognised_holidays(year)}


def holiday_name(day: date, *, for_terms: bool = False) -> str | None:
    """The holiday on day, or None; for_terms includes Goede Vrijdag (Atw art. 3 lid 2)."""
    return (term_holidays if for_terms else recognised_holidays)(day.year).get(day)


def is_school_day(day: date) -> bool:
    """Monday to Friday and not a recognised holiday (school vacations are not known)."""
    return day.weekday() < 5 and holiday_name(day) is None


def term_end(day: date) -> date:
    """Atw art. 1 lid 1: a term ending on a Saturday, Sunday or holiday runs to the next working day."""
    while day.weekday() >= 5 or holiday_name(day, for_terms=True) is not None:
        day += timedelta(days=1)
    return day


def next_school_day(day: date) -> date:
    """day itself when it is a school day, else the first school day after it."""
    while not is_school_day(day):
        day += timedelta(days=1)
    return day


def closed_reason(day: date) -> str | None:
    """Why the school is closed on day, in Dutch ('een zaterdag', 'Koningsdag'), or None on a school day."""
    if day.weekday() == 5:
        return "een zaterdag"
    if day.weekday() == 6:
        return "een zondag"
    return holiday_name(day)


__all__ = [
    "easter_sunday",
    "kings_day",
    "recognised_holidays",
    "term_holidays",
    "holiday_name",
    "is_school_day",
    "term_end",
    "next_school_day",
    "closed_reason",
]
