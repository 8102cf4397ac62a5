"""Context sections for procedures: measures, complaints, meldcode, communication, special education."""

from __future__ import annotations

from ..law import FACTS, SUSPENSION_MAX_SCHOOL_DAYS
from ..model.special import PhysicalIntervention, SoTimeOut
from ..model.wording import PENDING, frequency_text, join
from .builder import ViewBuilder, markdown
from .sections import (
    CommunicationSection,
    ComplaintsSection,
    MeasuresSection,
    MeldcodeSection,
    PhysicalSection,
    RemovalSection,
    RunawaySection,
    SoSection,
    SoTimeOutSection,
    SuspensionSection,
    TimeOutSection,
)
from .views import (
    CareLevelView,
    CareTeamView,
    ChannelView,
    Contact,
    CrisisPhaseView,
    InterventionView,
    Md,
    OrganisationView,
    PhaseView,
    RestrictionView,
    RoomView,
    RouteView,
)

_HEARD = {
    "groepsleerkracht": "de groepsleerkracht",
    "ouders": "de ouders",
    "leerling": "de leerling",
    "commissie_van_begeleiding": "de commissie van begeleiding",
}
# The measure outside the group has the school's own name; beside an SO time-out it never is "time-out".
MEASURE_NAME = "time-out"
MEASURE_NAME_BESIDE_SO_TIME_OUT = "tijdelijk buiten de groep"
PROTOCOL_DOCUMENT_ID = "schorsing-verwijdering"


def measures(b: ViewBuilder) -> MeasuresSection:
    measures = b.policy.measures
    time_out = measures.time_out
    suspension = measures.suspension
    removal = measures.removal
    so_time_out = b.policy.so is not None and b.policy.so.time_out is not None
    known = {doc.id for doc in b.policy.documents}
    return MeasuresSection(
        time_out=TimeOutSection(
            name=time_out.name or (MEASURE_NAME_BESIDE_SO_TIME_OUT if so_time_out else MEASURE_NAME),
            where=time_out.where,
            max_days=time_out.max_days,
            decided_by=b.actor(time_out.decided_by),
            parents=time_out.parents,
            outside_school=time_out.outside_school,
            excluded_from=join(time_out.excluded_from) or None,
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
            tests_at_school=suspension.tests_at_school,
            report=suspension.report,
            objection_decision_days=suspension.objection_decision_days,
        )
        if suspension
        else None,
        removal=RemovalSection(
            hear=removal.hear,
            hear_text=join(
                f"{_HEARD[who]} (vanaf {removal.pupil_from_age} jaar)"
                if who == "leerling" and removal.pupil_from_age
                else _HEARD[who]
                for who in removal.hear
            ),
            educational_report=removal.educational_report,
            decided_by=removal.decided_by,
            mandate=removal.mandate,
            grounds=removal.grounds,
        ),
        protocol=b.document(PROTOCOL_DOCUMENT_ID) if PROTOCOL_DOCUMENT_ID in known else None,
    )


def _pending_committee() -> OrganisationView:
    """The committee of a concept that has none yet: only its name, the one pending wording."""
    return OrganisationView(
        id="",
        kind="klachtencommissie",
        kind_title="klachtencommissie",
        name=PENDING["commissie"],
        department=None,
        contact_name=None,
        contact_function=None,
        phone=None,
        email=None,
        website=None,
        address=None,
        postal_address=None,
        availability=None,
        office_hours=None,
        description=Md(""),
        secretariat=None,
    )


def complaints(b: ViewBuilder) -> ComplaintsSection | None:
    complaints = b.policy.complaints
    if complaints is None:
        return None
    # A concept may not know its committee yet: every output then names it "[klachtencommissie volgt]".
    pending = _pending_committee()  # one view, shared by every route without a committee

    def committee(committee_id: str | None) -> OrganisationView:
        return b.organisation_views[committee_id] if committee_id else pending

    views = {
        id(route): RouteView(
            name=route.name,
            scope=route.scope,
            steps=tuple(b.actor(step) for step in route.steps),
            committee=committee(complaints.committee_of(route)),
        )
        for route in complaints.routes
    }
    has_default = complaints.committee is not None or complaints.lacks_committee
    default = committee(complaints.committee) if has_default else None
    committees = {view.committee.id: view.committee for view in views.values()}
    if default is not None and not views:
        committees[default.id] = default
    bullying_route = complaints.route_for("pesten")
    abuse_route = complaints.route_for("machtsmisbruik")
    bullying = views[id(bullying_route)] if bullying_route else None
    return ComplaintsSection(
        regulation=b.document(complaints.regulation),
        committee=default,
        routes=tuple(views.values()),
        committees=tuple(committees.values()),
        bullying_route=bullying,
        abuse_route=views[id(abuse_route)] if abuse_route else None,
        bullying_committee=bullying.committee if bullying else default,
    )


def meldcode(b: ViewBuilder) -> MeldcodeSection | None:
    meldcode = b.policy.meldcode
    if meldcode is None:
        return None
    return MeldcodeSection(
        document=b.document(meldcode.document),
        note=markdown(meldcode.note),
        officer=b.role_views.get("aandachtsfunctionaris_meldcode"),
    )


def communication(b: ViewBuilder) -> CommunicationSection:
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


def special_education(b: ViewBuilder) -> SoSection | None:
    so = b.policy.so
    if so is None:
        return None
    return SoSection(
        time_out=_so_time_out(b, so.time_out) if so.time_out else None,
        physical=_physical(b, so.physical_intervention) if so.physical_intervention else None,
        rooms=tuple(RoomView(room.name, room.kind, join(room.locations) or None) for room in so.rooms),
        class_interventions=tuple(
            InterventionView(item.name, markdown(item.description) or Md(""))
            for item in so.class_interventions
        ),
        crisis_model=tuple(
            CrisisPhaseView(
                name=phase.name,
                signals=markdown(phase.signals) or Md(""),
                actions=markdown(phase.actions) or Md(""),
                who=b.actors(phase.who) or "",
                not_allowed=markdown(phase.not_allowed),
            )
            for phase in so.crisis_model
        ),
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
        runaway=RunawaySection(so.runaway.police_after_minutes, markdown(so.runaway.arrangements))
        if so.runaway
        else None,
        risk_moments=tuple(
            InterventionView(item.moment, markdown(item.arrangement) or Md("")) for item in so.risk_moments
        ),
    )


def _so_time_out(b: ViewBuilder, time_out: SoTimeOut) -> SoTimeOutSection:
    return SoTimeOutSection(
        supervision=time_out.supervision_mode,
        check_in_minutes=time_out.check_in_minutes,
        max_minutes=time_out.max_minutes,
        max_per_part_of_day=time_out.max_per_part_of_day,
        preventive=time_out.preventive,
        parents=time_out.parents,
        parents_preventive=time_out.parents_preventive,
        registration=time_out.registration,
        phases=tuple(
            PhaseView(phase.name, markdown(phase.description) or Md(""), b.actors(phase.who))
            for phase in time_out.phases
        ),
        escorts=b.actors(time_out.escorts),
        restrictions=tuple(
            RestrictionView(item.rule, item.recorded_in, b.actor(item.set_by))
            for item in time_out.restrictions
        ),
    )


def _physical(b: ViewBuilder, physical: PhysicalIntervention) -> PhysicalSection:
    incidents = b.policy.incidents
    return PhysicalSection(
        rule=FACTS["fysiek_ingrijpen"].rule,
        basis_rule=FACTS["fysiek_ingrijpen_noodrecht"].rule,
        training=physical.training,
        within_months=physical.within_months,
        refresher=frequency_text(physical.refresher),
        internal_trainers=physical.internal_trainers,
        trainers=b.actors(physical.trainers),
        registration=physical.registration or (incidents.system if incidents else None),
        parents=physical.parents,
        evaluated_by=b.actors(physical.evaluated_by),
        aftercare=markdown(physical.aftercare),
    )
