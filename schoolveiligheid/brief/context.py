"""A validated case and its school -> what a letter template shows: every derived fact, worked out once.

Dates are written in Dutch with their weekday, deadlines are computed from the
letter date, and the legal sentences come from law.py. The letter context may
use contact data that is not public (a letter is private); it is never handed
to the site writer, which takes SiteBundles only.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..context.letterhead import PersonLine, letterhead
from ..law import (
    COURT_TERMS,
    DECISION_WEEKS,
    DISPUTES_WEBSITE,
    DISPUTES_WEEKS,
    FACTS,
    INSPECTIE_NOTICE_AFTER_DAYS,
    OBJECTION_WEEKS,
    decision_deadline,
    disputes_deadline,
    objection_deadline,
    removal_decision_fact,
    school_days,
    variant,
)
from ..law_calendar import next_school_day
from ..model import SchoolModel
from ..model.parts import Person
from ..model.wording import address_lines, dutch_date, groups_text, join, number_word
from .case import Case, Meeting, Recipient, TimeOutFacts
from .checks import LoadedCase
from .views import (
    BoardView,
    GroupTalkView,
    IncidentView,
    LawView,
    LetterApproach,
    LetterContext,
    MeetingView,
    PupilView,
    Signature,
    SuspensionView,
    TimeOutView,
)


def day_text(day: date) -> str:
    """'maandag 23 november 2026': every date in a letter carries its weekday."""
    return dutch_date(day, weekday=True)


def paragraphs(text: str | None) -> tuple[str, ...]:
    """Plain text split at blank lines; lines within a paragraph joined with a space."""
    if not text:
        return ()
    blocks = [
        " ".join(line.strip() for line in block.splitlines() if line.strip()) for block in text.split("\n\n")
    ]
    return tuple(block for block in blocks if block)


def _optional(day: date | None) -> str | None:
    return day_text(day) if day is not None else None


class _Builder:
    """Derives the facts of one letter from a loaded case."""

    def __init__(self, loaded: LoadedCase) -> None:
        self.case: Case = loaded.case
        self.school: SchoolModel = loaded.school
        self.earlier = loaded.earlier
        self.policy = loaded.school.policy

    def person(self, person: Person, function: str | None = None) -> PersonLine:
        # Parents get the numbers staff agreed to publish; a private mobile number becomes the school's.
        school = self.policy.school
        phone, email = person.public_phone or school.phone, person.public_email or school.email
        assert phone is not None and email is not None  # brief/checks.py refuses a school without them
        return PersonLine(
            name=f"{person.salutation} {person.name}" if person.salutation else person.name,
            function=function or person.function or "",
            phone=phone.display,
            email=str(email),
        )

    def role(self, role_id: str) -> PersonLine:
        role = self.school.roles[role_id]
        return self.person(role.people[0], role.label)

    def participant(self, participant: str) -> str:
        if participant in self.school.people:
            line = self.person(self.school.people[participant])
        else:
            line = self.role(participant)
        return f"{line.name} ({line.function})" if line.function else line.name

    def meeting(self, meeting: Meeting | None) -> MeetingView | None:
        if meeting is None:
            return None
        return MeetingView(
            date=day_text(meeting.date),
            time=meeting.time,
            place=meeting.place,
            participants=join(self.participant(item) for item in meeting.with_) or None,
        )

    def group_label(self, label: str) -> str:
        return f"{self.policy.school.terminology.group} {label}"

    def law(self) -> LawView:
        facts = variant(self.school.law, self.policy.board.richting)
        deadline = objection_deadline(self.case.letter_date)  # Atw: never on a weekend or holiday
        decision = removal_decision_fact(self.school.law, self.policy.board.richting)
        return LawView(
            special=self.school.law == "WEC",
            suspension_rule=facts.suspension.rule,
            suspension_article=facts.suspension.article,
            objection_not_suspensive_rule=FACTS["bezwaar_schorst_niet"].rule,
            removal_rule=facts.removal.rule,
            decision_rule=decision.rule if decision else None,
            decision_article=decision.article if decision else None,
            objection_rule=facts.objection.rule,
            objection_article=facts.objection.article,
            objection_weeks_word=number_word(OBJECTION_WEEKS),
            decision_weeks_word=number_word(DECISION_WEEKS),
            objection_deadline=day_text(deadline),
            decision_deadline=None
            if facts.decision_counted_from_receipt
            else day_text(decision_deadline(deadline)),
            court=COURT_TERMS.get(facts.court.key),
            court_rule=facts.court.rule,
            dossier_rule=FACTS["inzage_dossier"].rule,
            disputes_rule=FACTS["geschillencommissie_verwijdering"].rule,
            disputes_weeks_word=number_word(DISPUTES_WEEKS),
            disputes_deadline=day_text(disputes_deadline(self.case.letter_date)),
            disputes_website=DISPUTES_WEBSITE,
            disputes_suspends_rule=FACTS["geschillencommissie_opschorting"].rule,
            removal_effective_rule=FACTS["verwijdering_ingang"].rule,
            removal_inspectie_rule=FACTS["verwijdering_inspectie"].rule,
            removal_leerplicht_rule=FACTS["uitschrijving_leerplicht"].rule,
            intent_copies_rule=FACTS["verwijdering_melden"].rule
            if self.policy.measures.removal.notify_intent
            else None,
        )

    def suspension(self) -> SuspensionView | None:
        period = self.case.period
        if period is None:
            return None
        days = school_days(period.first, period.last)
        return SuspensionView(
            first_day=day_text(period.first),
            last_day=day_text(period.last),
            days=days,
            days_word=number_word(days),
            back_on=day_text(next_school_day(period.last + timedelta(days=1))),
            inspectie=days > INSPECTIE_NOTICE_AFTER_DAYS,
            leerplicht=self._informs_leerplicht(),
        )

    def _informs_leerplicht(self) -> bool:
        # Practice, not law (law.py: schorsing_leerplicht): pupil data goes to the leerplichtambtenaar only
        # when the policy says so; without a schorsing block the model's default applies.
        own = self.policy.measures.suspension
        return own.notify_leerplicht if own is not None else True

    def copies(self, suspension: SuspensionView | None) -> tuple[str, ...]:
        if not self.case.letter_kind.formal:
            return ()
        board = self.policy.board
        leerplicht = next(
            (org for org in self.school.organisations.values() if org.kind == "leerplicht"), None
        )
        copies = [f"{board.governing_body} van {board.name}"]
        # Pupil data goes to a third party only on a basis (issue 12): a schorsing of more than one day to the
        # inspectie (law), to leerplicht when the policy says so; a definitive removal to both (law:
        # verwijdering_inspectie, uitschrijving_leerplicht); a letter of intent only when the policy says so.
        if self.case.kind == "schorsing":
            assert suspension is not None  # a schorsing case has its period (brief/case.py)
            to_leerplicht, to_inspectie = suspension.leerplicht, suspension.inspectie
        elif self.case.kind == "definitieve_verwijdering":
            to_leerplicht = to_inspectie = True
        else:
            to_leerplicht = to_inspectie = self.policy.measures.removal.notify_intent
        if to_leerplicht:
            copies.append(
                f"de leerplichtambtenaar ({leerplicht.name})"
                if leerplicht and leerplicht.name
                else "de leerplichtambtenaar"
            )
        if to_inspectie:
            copies.append("de Inspectie van het Onderwijs")
        return tuple(copies)

    def addressee(self, recipient: Recipient | None) -> tuple[str, ...]:
        """The recipient's name and address; empty for a letter to a group's parents (see parents_of)."""
        return (recipient.name, *address_lines(recipient.address)) if recipient is not None else ()

    def receiving_groups(self) -> str:
        school = self.policy.school
        if self.case.kind != "incident_overige_groepen":
            return self.group_label(self.case.group or "")
        others = self.case.receiving_groups or tuple(g for g in school.group_labels if g != self.case.group)
        return groups_text(others, school.group_labels, school.terminology.group)

    def contact(self) -> PersonLine:
        wanted = self.case.contact
        if wanted is None and self.case.kind.startswith("pesten_"):
            wanted = next(
                (r for r in ("aanspreekpunt_pesten", "coordinator_anti_pestbeleid") if self._filled(r)), None
            )
        return self.role(wanted or self._signatory())

    def _filled(self, role_id: str) -> bool:
        role = self.school.role(role_id)
        return role is not None and bool(role.people)

    def _signatory(self) -> str:
        return self.case.signatory or self.policy.letters.signatory

    def signature(self) -> Signature:
        role = self.school.roles[self._signatory()]
        return Signature(role.people[0].name, role.label, self.case.letter_kind.formal)

    def board(self) -> BoardView:
        board = self.policy.board
        address = board.postal_address or board.address
        if address is None:  # only a concept board lacks it, and brief/checks.py refuses its letters first
            raise ValueError("a letter for a board without an address passed the checks")
        return BoardView(board.governing_body, board.name, address_lines(address))


def _incident(builder: _Builder) -> IncidentView | None:
    incident = builder.case.incident
    if incident is None:
        return None
    return IncidentView(
        date=day_text(incident.date),
        time=incident.time,
        paragraphs=paragraphs(incident.description),
        discussed=paragraphs(incident.discussed),
        parents_ask_calm=incident.parents_ask_calm,
        reported_on=_optional(incident.reported_on),
    )


def _details(builder: _Builder) -> dict[str, object]:
    """The facts of the kind-specific keys."""
    case, school = builder.case, builder.school
    talk = case.group_talk
    entry = school.catalogue.get(case.approach) if case.approach else None
    curative = school.policy.bullying.curative if school.policy.bullying else None
    # The school's own description of the approach replaces the catalogue text, as in the documents.
    own = (
        next((item for item in curative.descriptions if item.id == case.approach), None) if curative else None
    )
    follow_days = curative.follow_up_days if curative else None
    other = case.other_school
    so_time_out = school.policy.so.time_out if school.policy.so else None
    return {
        "educational_report": school.policy.measures.removal.educational_report,
        "check_in_minutes": so_time_out.check_in_minutes if so_time_out else None,
        "registration": so_time_out.registration if so_time_out else None,
        "incident": _incident(builder),
        "group_talk": GroupTalkView(
            day_text(talk.date), builder.person(school.people[talk.by]).name, paragraphs(talk.discussed)
        )
        if talk
        else None,
        "experts": join(school.organisations[org].name or org for org in case.experts) or None,
        "approach": LetterApproach(own.title or entry.title, paragraphs(own.text))
        if own and entry
        else LetterApproach(entry.title, paragraphs(entry.text))
        if entry
        else None,
        "follow_up": day_text(next_school_day(case.letter_date + timedelta(days=follow_days)))
        if follow_days and case.kind.startswith("pesten_")
        else None,
        "other_school": join(filter(None, [other.name, other.place]), "in") if other else None,
        "time_out": _time_out(school, case.time_out) if case.time_out else None,
    }


def _time_out(school: SchoolModel, facts: TimeOutFacts) -> TimeOutView:
    """The time-out with what the policy says: the so-time-out's supervision, or the measure's own name."""
    so_time_out = school.policy.so.time_out if school.policy.so else None
    view = TimeOutView(day_text(facts.date), facts.start, facts.end, facts.room, facts.phoned_at)
    if so_time_out is None:
        measure = school.policy.measures.time_out
        return replace(view, so=False, measure_name=(measure.name if measure else None) or "time-out")
    return replace(
        view,
        continuous=so_time_out.supervision_mode == "doorlopend",
        preventive=facts.preventive,
        # With ouders_bij_preventief: false the plan records (and reports) only reactive time-outs.
        reactive_only=so_time_out.preventive and not so_time_out.parents_preventive,
    )


def letter_contexts(loaded: LoadedCase) -> list[LetterContext]:
    """One context per addressee (a letter to all parents of a group has one)."""
    builder = _Builder(loaded)
    case, policy = builder.case, builder.policy
    school = policy.school
    suspension = builder.suspension()
    pupil = case.pupil
    heard = case.heard
    common = {
        "kind": case.kind,
        "head": letterhead(loaded.school),
        "logo": loaded.school.logo,
        "date": day_text(case.letter_date),
        "place": school.address.place if school.address else "",
        "parents_of": None if case.recipients else builder.receiving_groups(),
        "registered": case.letter_kind.formal and policy.letters.registered,
        "salutation": case.salutation,
        "pupil": PupilView(
            pupil.first_name,
            f"{pupil.first_name} {pupil.last_name}",
            pupil.noun,
            builder.group_label(pupil.group),
        )
        if pupil
        else None,
        "group": builder.group_label(case.group) if case.group else None,
        "teacher": builder.person(loaded.school.people[case.teacher]) if case.teacher else None,
        "teacher_word": school.terminology.teacher,
        "reasons": case.reasons or (),
        "measures": case.measures or (),
        "talked_on": _optional(case.talked_on),
        "suspension": suspension,
        "invitation": builder.meeting(case.invitation),
        "hearing": builder.meeting(case.hearing),
        "heard_teacher": _optional(heard.teacher) if heard else None,
        "heard_parents": _optional(heard.parents) if heard else None,
        "heard_pupil": _optional(heard.pupil) if heard else None,
        "heard_committee": _optional(heard.committee) if heard else None,
        "effective_on": _optional(case.effective_on),
        "earlier_date": day_text(loaded.earlier.letter_date) if loaded.earlier else None,
        "actions": case.actions or (),
        "contact": builder.contact(),
        "occasion": paragraphs(case.occasion),
        "talk_kind": case.talk_kind,
        "law": builder.law(),
        "board": builder.board(),
        "copies": builder.copies(suspension),
        "signature": builder.signature(),
        **_details(builder),
    }
    recipients: tuple[Recipient | None, ...] = case.recipients or (None,)
    return [
        LetterContext(
            addressee=builder.addressee(recipient),
            addressed_as=addressed_as(recipient.name) if recipient else None,
            greeted_as=addressed_as(recipient.name, personal=True) if recipient else None,
            **common,  # type: ignore[arg-type]
        )
        for recipient in recipients
    ]


_TITLE = re.compile(
    r"(?:de\s+)?((?:heer|mevrouw)(?:\s+en\s+(?:heer|mevrouw))?|familie)\s+(.+)", re.IGNORECASE
)
_INITIALS = re.compile(r"(?:\b\w{1,3}\.\s*)+")


def addressed_as(name: str, *, personal: bool = False) -> str | None:
    """How a letter greets the people on its address line, without initials.

    "De heer en mevrouw Voorbeeld" -> "heer en mevrouw Voorbeeld", "Mevrouw J. Fictief" -> "mevrouw
    Fictief", "Familie Verzonnen" -> "familie Verzonnen" (personal: "meneer" for "heer"); None for a name without such a title, so the
    letter falls back to the parents of the child.
    """
    match = _TITLE.fullmatch(" ".join(name.split()))
    if not match:
        return None
    surname = _INITIALS.sub("", match.group(2)).strip()
    title = match.group(1).lower()
    if personal:  # "Beste meneer Fictief": a personal letter says meneer, a formal one heer
        title = re.sub(r"\bheer\b", "meneer", title)
    return f"{title} {surname}" if surname else None


__all__ = ["LetterContext", "letter_contexts", "day_text", "paragraphs"]
