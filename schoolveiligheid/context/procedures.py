"""Context sections for procedures: measures, complaints, meldcode, communication, special education."""

from __future__ import annotations

from ..law import SUSPENSION_MAX_SCHOOL_DAYS
from ..model.wording import frequency_text, join
from .people import People, markdown
from .sections import (
    CommunicationSection,
    ComplaintsSection,
    MeasuresSection,
    MeldcodeSection,
    RemovalSection,
    SoSection,
    SuspensionSection,
    TimeOutSection,
)
from .views import CareLevelView, CareTeamView, ChannelView, Contact, Md, RoomView, RouteView

_HEARD = {"groepsleerkracht": "de groepsleerkracht", "ouders": "de ouders", "leerling": "de leerling"}
PROTOCOL_DOCUMENT_ID = "schorsing-verwijdering"


def measures(b: People) -> MeasuresSection:
    measures = b.policy.measures
    time_out = measures.time_out
    suspension = measures.suspension
    removal = measures.removal
    known = {doc.id for doc in b.policy.documents}
    return MeasuresSection(
        time_out=TimeOutSection(
            where=time_out.where,
            max_days=time_out.max_days,
            decided_by=b.actor(time_out.decided_by),
            parents=time_out.parents,
        )
        if time_out
        else None,
        suspension=SuspensionSection(
            max_school_days=suspension.max_school_days,
            decided_by=suspension.decided_by,
            mandate=suspension.mandate,
            notify_leerplicht=suspension.notify_leerplicht,
            meeting_after=suspension.meeting_after,
            stricter_than_law=suspension.max_school_days < SUSPENSION_MAX_SCHOOL_DAYS,
        )
        if suspension
        else None,
        removal=RemovalSection(
            hear=removal.hear,
            hear_text=join(_HEARD[who] for who in removal.hear),
            educational_report=removal.educational_report,
        ),
        protocol=b.document(PROTOCOL_DOCUMENT_ID) if PROTOCOL_DOCUMENT_ID in known else None,
    )


def complaints(b: People) -> ComplaintsSection | None:
    complaints = b.policy.complaints
    if complaints is None:
        return None
    return ComplaintsSection(
        regulation=b.document(complaints.regulation),
        committee=b.organisation_views[complaints.committee],
        routes=tuple(
            RouteView(name=route.name, scope=route.scope, steps=tuple(b.actor(step) for step in route.steps))
            for route in complaints.routes
        ),
    )


def meldcode(b: People) -> MeldcodeSection | None:
    meldcode = b.policy.meldcode
    if meldcode is None:
        return None
    return MeldcodeSection(
        document=b.document(meldcode.document),
        note=markdown(meldcode.note),
        officer=b.role_views.get("aandachtsfunctionaris_meldcode"),
    )


def communication(b: People) -> CommunicationSection:
    communication = b.policy.communication
    return CommunicationSection(
        channels=tuple(
            ChannelView(
                kind=channel.kind,
                name=channel.name,
                url=Contact(channel.url.display, str(channel.url)) if channel.url else None,
                frequency=b.frequency(channel.frequency),
            )
            for channel in communication.channels
        ),
        parent_involvement=markdown(communication.parent_involvement),
        pupil_voice=markdown(communication.pupil_voice),
        bullying_in_newsletter=b.frequency(communication.bullying_in_newsletter),
        protocol_at_registration=communication.protocol_at_registration,
    )


def special_education(b: People) -> SoSection | None:
    so = b.policy.so
    if so is None:
        return None
    time_out = so.time_out
    physical = so.physical_intervention
    return SoSection(
        time_out_check_in_minutes=time_out.check_in_minutes if time_out else None,
        time_out_max_per_part_of_day=time_out.max_per_part_of_day if time_out else None,
        time_out_parents=time_out.parents if time_out else None,
        time_out_registration=time_out.registration if time_out else None,
        training=physical.training if physical else None,
        training_within_months=physical.within_months if physical else None,
        training_refresher=frequency_text(physical.refresher) if physical else None,
        internal_trainers=physical.internal_trainers if physical else None,
        rooms=tuple(RoomView(room.name, room.kind, join(room.locations) or None) for room in so.rooms),
        care_levels=tuple(
            CareLevelView(level.level, markdown(level.description) or Md(""), b.actors(level.managers))
            for level in so.care_levels
        ),
        care_teams=tuple(
            CareTeamView(
                name=team.name,
                members=b.actors(team.members) or "",
                chair=b.actor(team.chair) if team.chair else None,
                frequency=b.frequency(team.frequency),
            )
            for team in so.care_teams
        ),
    )
