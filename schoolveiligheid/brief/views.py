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
    noun: str  # "zoon", "dochter" or "kind": the letters to the own parents say "uw zoon Sam"
    group: str  # "groep 6"


@dataclass(frozen=True, slots=True)
class MeetingView:
    """An invitation: when, where and with whom."""

    date: str
    time: str  # "15.00", as the case gives it; the template writes "uur" after it
    place: str | None
    participants: str | None


@dataclass(frozen=True, slots=True)
class SuspensionView:
    """The schorsing period and what follows from its length."""

    first_day: str
    last_day: str
    days: int
    days_word: str  # "drie": the number of school days in words
    back_on: str  # the first school day after the schorsing (law_calendar: no weekend, no holiday)
    inspectie: bool  # the law asks it: WPO 40c / WEC 40a
    leerplicht: bool  # practice, only when the policy says so (maatregelen.schorsing.leerplicht_informeren)


@dataclass(frozen=True, slots=True)
class IncidentView:
    """What happened, for parents."""

    date: str
    time: str | None  # "15.00"
    paragraphs: tuple[str, ...]
    discussed: tuple[str, ...]
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
    """A time-out: the so-time-out, or (without one) the measure outside the group under the school's name."""

    date: str
    start: str  # "10.15"
    end: str
    room: str
    phoned_at: str | None
    so: bool = True  # False: the measure outside the group (maatregelen.time_out)
    continuous: bool = False  # so.time_out.toezicht: doorlopend
    preventive: bool = False  # a preventive so-time-out
    reactive_only: bool = False  # the policy records and reports only reactive so-time-outs
    measure_name: str | None = None  # without a so-time-out: "time-out" or the school's own name


@dataclass(frozen=True, slots=True)
class LetterApproach:
    """The approach to bullying the school uses: its own description, else the catalogue text."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LawView:
    """The legal sentences and deadlines a letter needs, from law.py, for this school's law and richting."""

    special: bool
    suspension_rule: str
    suspension_article: str | None
    objection_not_suspensive_rule: str  # the decision stands while the objection runs
    removal_rule: str
    decision_rule: str | None
    decision_article: str | None
    objection_rule: str
    objection_article: str | None
    objection_weeks_word: str  # "zes": the weeks to object, in words
    decision_weeks_word: str  # "vier": the weeks the board takes to decide, in words
    objection_deadline: str
    decision_deadline: str | None  # a fixed date where the law counts from the end of the objection term
    court: str | None  # "de bestuursrechter"; None when it depends (samenwerkingsschool)
    court_rule: str
    dossier_rule: str
    disputes_rule: str
    # Issue 12: the Geschillencommissie passend onderwijs (term, where, and that it holds up the decision on an
    # objection), when a removal takes effect, and who must hear of a definitive removal.
    disputes_weeks_word: str  # "zes"
    disputes_deadline: str
    disputes_website: str
    disputes_suspends_rule: str
    removal_effective_rule: str
    removal_inspectie_rule: str
    removal_leerplicht_rule: str
    intent_copies_rule: str | None  # set when the policy copies the letter of intent to leerplicht, inspectie


@dataclass(frozen=True, slots=True)
class Signature:
    """Who signs, and for whom."""

    name: str
    function: str
    for_board: bool  # a decision of the bevoegd gezag: signed on behalf of the board


@dataclass(frozen=True, slots=True)
class BoardView:
    """The bevoegd gezag, as a letter names it and where an objection goes."""

    governing_body: str  # "College van Bestuur"
    name: str  # "Stichting …"
    address: tuple[str, str]  # the postal address, else the visiting address (address_lines)


@dataclass(frozen=True, slots=True)
class LetterContext:
    """Everything one letter template may show. Fields that do not apply to a kind are None or empty."""

    kind: str
    head: Letterhead
    logo: Path | None
    date: str
    place: str  # where the school is, before the date of the letter
    registered: bool
    addressee: tuple[str, ...]  # the recipient's name and address; empty for a letter to a group's parents
    parents_of: str | None  # "groep 6", "groep 1 t/m 5": whose parents a letter to a group's parents goes to
    salutation: str | None
    # Who the letter greets, from the recipient's name: "heer en mevrouw Voorbeeld", "familie Verzonnen"
    # (after "Geachte"), and the same in the words of a personal letter: "meneer en mevrouw Voorbeeld"
    # (after "Beste"); None for a name without a title and for a letter to a group's parents.
    addressed_as: str | None
    greeted_as: str | None
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
    heard_committee: str | None  # the commissie van begeleiding (sbo, so, vso), when the policy hears it
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
    board: BoardView
    copies: tuple[str, ...]
    signature: Signature


__all__ = ["LetterContext", "Letterhead", "PersonLine"]
