"""Context for the chapters beyond the core duties (issue 12), built from the model once per school.

A chapter the board switched off (`hoofdstukken`) gets None, so its template renders nothing; the
meldplicht and citizenship sections always exist, because the law always applies.
"""

from __future__ import annotations

from ..law import FACTS
from ..model.wording import dutch_date
from .builder import ViewBuilder, markdown
from .chapter_views import (
    CitizenshipSection,
    CrisisMemberView,
    CrisisSection,
    GoalView,
    IntegritySection,
    MeldplichtSection,
    PrivacySection,
    RegistrationView,
    SexualDevelopmentSection,
    TrainingView,
)
from .views import ApproachView, Contact, Md, MethodView

# What each goal indicator measures, in the words of the plan.
INDICATORS = {
    "voelt_zich_veilig": "leerlingen die zich veilig voelen op school",
    "welbevinden": "leerlingen die het naar hun zin hebben op school",
    "niet_gepest": "leerlingen die zeggen dat ze niet gepest worden",
    "ouders_tevreden": "ouders die de school een veilige plek voor hun kind vinden",
    "medewerkers_veilig": "medewerkers die zich veilig voelen op het werk",
}


def _actor(b: ViewBuilder, actor: str | None) -> str | None:
    if actor is None:
        return None
    view = b.role_views.get(actor)
    if view is not None and view.holders:
        return f"{b.actor(actor)} ({view.holders})"
    return b.actor(actor)


def meldplicht(b: ViewBuilder) -> MeldplichtSection:
    board = b.board()
    inspector = b.model.catalogue.get("vertrouwensinspecteur")
    standard = inspector.standard if inspector else None
    return MeldplichtSection(
        rule=FACTS["meldplicht_zeden"].rule,
        report_rule=FACTS["aangifteplicht_zeden"].rule,
        confidentiality_rule=FACTS["meldplicht_vertrouwenspersoon"].rule,
        board_name=board.name,
        board_phone=board.phone,
        board_email=board.email,
        inspector_phone=Contact(standard.phone.display, standard.phone.uri)
        if standard and standard.phone
        else None,
        inspector_website=Contact(standard.website.display, str(standard.website))
        if standard and standard.website
        else None,
    )


def crisis(b: ViewBuilder) -> CrisisSection | None:
    if not b.policy.chapters.crisis:
        return None
    part = b.policy.crisis
    team = tuple(
        CrisisMemberView(role=b.role_views.get(member.role), who=b.actor(member.role), task=member.task)
        for member in part.team
    )
    return CrisisSection(
        team=team,
        coordinator=b.role_views.get("crisiscoordinator"),
        spokesperson=b.role_views.get("woordvoerder_media"),
        meets_within_hours=part.meets_within_hours,
        aftercare=b.organisation_views.get(part.aftercare) if part.aftercare else None,
        evaluation_weeks=part.evaluation_weeks,
        protocol=b.document(part.protocol) if part.protocol else None,
        addition=markdown(part.addition),
    )


def integrity(b: ViewBuilder) -> IntegritySection | None:
    if not b.policy.chapters.code_of_conduct:
        return None
    part = b.policy.integrity
    return IntegritySection(
        code=b.document(part.code) if part.code else None,
        photo_consent=part.photo_consent,
        contact_channel=part.contact_channel,
        rules=part.rules,
        integrity_contact=_actor(b, part.integrity_contact),
    )


def citizenship(b: ViewBuilder) -> CitizenshipSection:
    part = b.policy.citizenship
    fact = FACTS["burgerschap_wec" if b.model.law == "WEC" else "burgerschap_wpo"]
    return CitizenshipSection(
        rule=fact.rule,
        article=fact.article,
        vision=markdown(part.vision),
        activities=part.activities,
        discrimination_contact=_actor(b, part.discrimination_contact),
        antidiscrimination_service=b.organisation_views.get(part.antidiscrimination_service)
        if part.antidiscrimination_service
        else None,
    )


def sexual_development(b: ViewBuilder) -> SexualDevelopmentSection | None:
    if not b.policy.chapters.sexual_development:
        return None
    part = b.policy.sexual_development
    method = b.model.catalogue.get(part.method) if part.method else None
    approach = b.model.catalogue.get(part.approach) if part.approach else None
    return SexualDevelopmentSection(
        method=MethodView(
            id=method.id,
            title=method.title,
            text=markdown(method.text) or Md(""),
            addition=None,
            website=Contact(method.website.display, str(method.website)) if method.website else None,
            groups=None,
            frequency=None,
            when=None,
            status="actief",
            own=False,
            self_developed=False,
        )
        if method
        else None,
        approach=ApproachView(
            id=approach.id,
            title=approach.title,
            text=markdown(approach.text) or Md(""),
            steps=approach.steps,
            website=Contact(approach.website.display, str(approach.website)) if approach.website else None,
        )
        if approach
        else None,
        contact=_actor(b, part.contact),
        theme_week=part.theme_week,
    )


def training(b: ViewBuilder) -> tuple[TrainingView, ...] | None:
    if not b.policy.chapters.training:
        return None
    rows = []
    for item in b.policy.training:
        who = (
            b.model.people[item.person].name
            if item.person is not None
            else _actor(b, item.role) or item.group or ""
        )
        when = dutch_date(item.on) if item.on else (str(item.year) if item.year else None)
        rows.append(TrainingView(who=who, training=item.training, when=when, refresher=item.refresher))
    return tuple(rows)


def privacy(b: ViewBuilder) -> PrivacySection | None:
    if not b.policy.chapters.privacy:
        return None
    part = b.policy.privacy
    own = tuple(RegistrationView(r.what, r.where, r.access, r.retention) for r in part.registrations)
    incidents = b.policy.incidents
    return PrivacySection(
        registrations=own,
        standard=not own,
        incident_system=str(incidents.system) if incidents else None,
        regulation=b.document(part.regulation) if part.regulation else None,
        officer=b.role_views.get("functionaris_gegevensbescherming"),
    )


def goals(b: ViewBuilder) -> tuple[GoalView, ...]:
    return tuple(
        GoalView(
            indicator=goal.indicator,
            text=INDICATORS[goal.indicator],
            minimum=goal.minimum,
            instrument=_instrument_title(b, goal.instrument),
        )
        for goal in b.policy.goals
    )


def _instrument_title(b: ViewBuilder, instrument: str | None) -> str | None:
    if instrument is None:
        return None
    entry = b.model.catalogue.get(instrument)
    return entry.title if entry else instrument


__all__ = [
    "citizenship",
    "crisis",
    "goals",
    "integrity",
    "meldplicht",
    "privacy",
    "sexual_development",
    "training",
]
