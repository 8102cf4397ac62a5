"""Context sections for what the school does: programmes, monitoring, rules, bullying approach."""

from __future__ import annotations

from ..model.wording import (
    frequency_text,
    join,
    recorded_within,
    support_group_meets_within,
    support_group_size,
    term_text,
)
from .builder import ViewBuilder, markdown
from .sections import BullyingSection, IncidentSection, MonitoringSection, RulesSection
from .views import (
    AnalysisView,
    ApproachView,
    Contact,
    InstrumentView,
    Md,
    MethodView,
    PrincipleView,
    RuleView,
    StepView,
)

_DISCUSSED = {
    "team": "het team",
    "mr": "de MR",
    "gmr": "de GMR",
    "leerlingenraad": "de leerlingenraad",
    "bestuur": "het bestuur",
    "ouders": "de ouders",
    "zorgteam": "het zorgteam",
    "directie": "de directie",
}


def methods(b: ViewBuilder) -> tuple[MethodView, ...]:
    views = []
    for method in b.policy.methods:
        entry = None if method.own else b.model.catalogue[method.id]
        views.append(
            MethodView(
                id=method.id,
                title=method.title or (entry.title if entry else method.id),
                text=markdown(method.text) or markdown(entry.text if entry else "") or Md(""),
                addition=markdown(method.addition),
                website=Contact(entry.website.display, str(entry.website))
                if entry and entry.website
                else None,
                groups=b.groups(method.groups),
                frequency=b.frequency(method.frequency),
                when=method.when,
                status=method.status,
                own=method.own,
                self_developed=method.self_developed,
            )
        )
    return tuple(views)


def monitoring(b: ViewBuilder) -> MonitoringSection | None:
    monitoring = b.policy.monitoring
    if monitoring is None:
        return None
    instruments = []
    for choice in monitoring.instruments:
        entry = None if choice.own else b.model.catalogue[choice.instrument]
        instruments.append(
            InstrumentView(
                id=choice.instrument,
                title=choice.title or (entry.title if entry else choice.instrument),
                text=markdown(choice.text) or markdown(entry.text if entry else "") or Md(""),
                respondents=choice.respondents
                or (entry.respondents if entry and entry.respondents else "leerlingen"),
                form=entry.form if entry else None,
                legal_monitor=bool(entry and entry.legal_monitor),
                groups=b.groups(choice.groups),
                frequency=frequency_text(choice.frequency),
                month=choice.month,
                last_taken=choice.last_taken,
            )
        )
    return MonitoringSection(
        instruments=tuple(instruments),
        legal_monitors=tuple(i for i in instruments if i.legal_monitor and i.respondents == "leerlingen"),
        discussed_with=join(_DISCUSSED[who] for who in monitoring.discussed_with) or None,
        owner=b.actor(monitoring.owner) if monitoring.owner else None,
        results_url=Contact(monitoring.results_url.display, str(monitoring.results_url))
        if monitoring.results_url
        else None,
        note=markdown(monitoring.note),
    )


def incidents(b: ViewBuilder) -> IncidentSection | None:
    incidents = b.policy.incidents
    if incidents is None:
        return None
    analyses = []
    for item in incidents.analysis:
        when = frequency_text(item.frequency) if item.frequency else item.moment or ""
        participants = b.actors(item.with_)
        text = f"{when}, met {participants}" if participants else when
        analyses.append(
            AnalysisView(
                when=when,
                participants=participants,
                what=item.what,
                text=f"{text} ({item.what})" if item.what else text,
            )
        )
    return IncidentSection(
        system=incidents.system,
        part=incidents.part,
        responsible=b.actor(incidents.responsible),
        within_days=incidents.within_days,
        record_term=recorded_within(incidents.within_days) if incidents.within_days else None,
        analysis="; ".join(view.text for view in analyses) or None,
        analyses=tuple(analyses),
        storage=incidents.storage,
    )


def rules(b: ViewBuilder) -> RulesSection:
    rules = b.policy.rules
    return RulesSection(
        conduct_norms=rules.conduct_norms,
        school_rules=tuple(RuleView(rule.text, rule.sub_rules) for rule in rules.school_rules),
        principles=tuple(PrincipleView(p.title, markdown(p.text) or Md("")) for p in rules.principles),
        class_rules_when=rules.class_rules.when if rules.class_rules else None,
        class_rules_by=rules.class_rules.by if rules.class_rules else None,
        devices=markdown(rules.devices),
        supervision=markdown(rules.supervision),
    )


def bullying(b: ViewBuilder) -> BullyingSection | None:
    bullying = b.policy.bullying
    if bullying is None:
        return None
    curative = bullying.curative
    approaches = []
    own = {description.id: description for description in curative.descriptions} if curative else {}
    for approach_id in curative.approaches if curative else ():
        entry = b.model.catalogue[approach_id]
        described = own.get(approach_id)
        approaches.append(
            ApproachView(
                id=entry.id,
                title=(described.title or entry.title) if described else entry.title,
                text=markdown(described.text if described else entry.text) or Md(""),
                steps=(described.steps or entry.steps) if described else entry.steps,
                website=Contact(entry.website.display, str(entry.website)) if entry.website else None,
            )
        )
    steps = tuple(
        StepView(
            number=number,
            title=step.title,
            description=markdown(step.description),
            actions=step.actions,
            term=term_text(step.term) if step.term else None,
            responsible=b.actors(step.responsible),
            parents=step.parents,
            record=step.record,
            measure=step.measure,
        )
        for number, step in enumerate(bullying.escalation, start=1)
    )
    group = curative.support_group if curative else None
    return BullyingSection(
        own_definition=markdown(bullying.definition_text) if bullying.definition == "eigen" else None,
        approaches=tuple(approaches),
        support_group_min=group.min if group else None,
        support_group_max=group.max if group else None,
        support_group_size=support_group_size(group.min, group.max) if group else None,
        follow_up_days=curative.follow_up_days if curative else None,
        group_meeting_within_hours=curative.group_meeting_within_hours if curative else None,
        group_meeting_term=support_group_meets_within(curative.group_meeting_within_hours)
        if curative and curative.group_meeting_within_hours
        else None,
        executors=b.actors(curative.executors) if curative else None,
        parents=markdown(curative.parents) if curative else None,
        escalation=steps,
        consequences=bullying.consequences,
        cyberbullying=markdown(bullying.cyberbullying),
    )
