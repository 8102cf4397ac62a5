"""What a letter template sees: plain, read-only views with every derived fact already worked out.

Dates are Dutch text with their weekday; fields that do not apply to a kind of
letter are None or empty, and the templates test for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..context.letterhead import Letterhead, PersonLine


@dataclass(frozen=True, slots=True)
class PupilView:
    """The pupil, as the letter names him or her to the own parents."""

    first_name: str
    full_name: str
    child: str  # "uw zoon Sam", "uw dochter Noor", "uw kind Robin": only in letters to the own parents
    group: str  # "groep 6"


@dataclass(frozen=True, slots=True)
class MeetingView:
    """An invitation: when, where and with whom."""

    date: str
    time: str  # "15.00 uur"
    place: str | None
    participants: str | None


@dataclass(frozen=True, slots=True)
class SuspensionView:
    """The schorsing period and what follows from its length."""

    first_day: str
    last_day: str
    days: int
    days_text: str  # "drie schooldagen"
    back_on: str  # the first school day after the schorsing (law_calendar: no weekend, no holiday)
    inspectie: bool  # the law asks it: WPO 40c / WEC 40a
    leerplicht: bool  # practice, only when the policy says so (maatregelen.schorsing.leerplicht_informeren)


@dataclass(frozen=True, slots=True)
class IncidentView:
    """What happened, for parents."""

    date: str
    time: str | None
    paragraphs: tuple[str, ...]
    discussed: tuple[str, ...]
    kept_home: bool
    parents_ask_calm: bool
    reported_on: str | None


@dataclass(frozen=True, slots=True)
class GroupTalkView:
    """The conversation with a group of young children."""

    date: str
    by: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimeOutView:
    """A time-out in special education."""

    date: str
    start: str
    end: str
    room: str
    phoned_at: str | None


@dataclass(frozen=True, slots=True)
class LetterApproach:
    """The approach to bullying the school uses, from the catalogue."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LawView:
    """The legal sentences and deadlines a letter needs, from law.py, for this school's law and richting."""

    special: bool
    suspension_rule: str
    suspension_article: str | None
    suspension_objection_rule: str
    removal_rule: str
    decision_rule: str | None
    decision_article: str | None
    objection_rule: str
    objection_article: str | None
    objection_weeks: str  # "zes weken"
    decision_weeks: str  # "vier weken"
    objection_deadline: str
    decision_deadline: str | None  # a fixed date where the law counts from the end of the objection term
    court: str | None  # "de bestuursrechter"; None when it depends (samenwerkingsschool)
    court_rule: str
    dossier_rule: str
    disputes_rule: str


@dataclass(frozen=True, slots=True)
class Signature:
    """Who signs, and for whom."""

    name: str
    function: str
    board: str | None  # "College van Bestuur van Stichting …" for decisions of the bevoegd gezag


@dataclass(frozen=True, slots=True)
class LetterContext:
    """Everything one letter template may show. Fields that do not apply to a kind are None or empty."""

    kind: str
    head: Letterhead
    logo: Path | None
    date: str
    place_date: str
    registered: bool
    addressee: tuple[str, ...]
    salutation: str | None
    pupil: PupilView | None
    group: str | None
    teacher: PersonLine | None
    teacher_word: str
    reasons: tuple[str, ...]
    measures: tuple[str, ...]
    talked_on: str | None
    suspension: SuspensionView | None
    invitation: MeetingView | None
    hearing: MeetingView | None
    heard_teacher: str | None
    heard_parents: str | None
    heard_pupil: str | None
    other_school: str | None
    educational_report: bool
    effective_on: str | None
    earlier_date: str | None
    incident: IncidentView | None
    group_talk: GroupTalkView | None
    experts: str | None
    approach: LetterApproach | None
    actions: tuple[str, ...]
    follow_up: str | None
    contact: PersonLine
    occasion: tuple[str, ...]
    talk_kind: str
    time_out: TimeOutView | None
    check_in_minutes: int | None
    registration: str | None
    law: LawView
    objection_address: tuple[str, ...]
    copies: tuple[str, ...]
    signature: Signature


__all__ = ["LetterContext", "Letterhead", "PersonLine"]
