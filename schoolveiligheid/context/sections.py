"""The sections of a school's render context: one object per part of the policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..documents import OwnText
from .chapter_views import (
    CitizenshipSection,
    CrisisSection,
    GoalView,
    IntegritySection,
    MeldplichtSection,
    PrivacySection,
    SexualDevelopmentSection,
    TrainingView,
)
from .monitoring_views import ResultsSection
from .views import (
    AnalysisView,
    ApproachView,
    CareLevelView,
    CareTeamView,
    ChannelView,
    Contact,
    ContactRow,
    CrisisPhaseView,
    DocumentView,
    DownloadView,
    InstrumentView,
    InterventionView,
    Md,
    MethodView,
    OrganisationView,
    PhaseView,
    PrincipleView,
    RestrictionView,
    RoleView,
    RoomView,
    RouteView,
    RuleView,
    StepView,
)


@dataclass(frozen=True, slots=True)
class SchoolSection:
    """The school's identity and how it names things."""

    id: str
    name: str
    short_name: str
    type: str  # po, sbo, so, vso
    special: bool  # so or vso: the WEC applies
    concept: str
    group_word: str  # "groep" or the school's own word ("stamgroep")
    teacher_word: str  # "leerkracht" or the school's own word ("stamgroepleider")
    groups: tuple[str, ...]
    address: str
    phone: Contact
    email: Contact
    website: Contact | None
    brin: str | None
    # What every teacher does besides the standard tasks (rollen.leerkracht): a team role, never vacant.
    teacher_tasks: tuple[str, ...] = ()
    teacher_tasks_note: Md | None = None
    logo: Path | None = None  # the school's logo file (PNG or JPG), checked by the loader
    colour: str | None = None  # the website's main colour, "#rrggbb" (huisstijl.kleur), contrast checked
    accent_colour: str | None = None  # the website's link hover colour (huisstijl.accentkleur)


@dataclass(frozen=True, slots=True)
class BoardSection:
    """The bevoegd gezag."""

    name: str
    short_name: str
    richting: str  # openbaar, bijzonder or samenwerkingsschool; "" for a concept board without one
    denomination: str | None
    governing_body: str
    address: str
    objection_address: str  # where objections go: the postal address when there is one
    phone: Contact | None
    email: Contact | None
    website: Contact | None


@dataclass(frozen=True, slots=True)
class EditionSection:
    """This edition of the school's policy documents: school year, version, status and adoption."""

    school_year: str  # "2026-2027"
    school_year_start: date  # 1 August of its first year, for dates that need the school year as a date
    version: str
    status: str
    concept: bool
    consent_on: date | None
    adopted_on: date | None
    adopted_by: str | None
    evaluation_before: date | None
    owner: str | None
    open_points: tuple[str, ...]
    example: bool = False  # a made-up example (voorbeeld: true): documents and site say so


@dataclass(frozen=True, slots=True)
class IdentitySection:
    """Vision and values."""

    vision: Md | None
    values: tuple[str, ...]
    core_values: tuple[str, ...]
    slogan: str | None
    goals: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...]  # (text, source)


@dataclass(frozen=True, slots=True)
class MonitoringSection:
    """Yearly monitoring."""

    instruments: tuple[InstrumentView, ...]
    legal_monitors: tuple[InstrumentView, ...]  # pupil questionnaires that serve as the legal monitor
    discussed_with: str | None  # "het team, de MR en de leerlingenraad"
    owner: str | None
    results_url: Contact | None
    note: Md | None


@dataclass(frozen=True, slots=True)
class IncidentSection:
    """Incident registration."""

    system: str
    part: str | None
    responsible: str
    within_days: int | None
    record_term: str | None  # "binnen 3 dagen na het voorval": the one wording of vastleggen_binnen_dagen
    analysis: str | None  # every analysis in one line: "twee keer per jaar, met de directeur; bij elke …"
    analyses: tuple[AnalysisView, ...]  # each analysis moment, for a list when there are several
    storage: str | None


@dataclass(frozen=True, slots=True)
class RulesSection:
    """Norms and rules."""

    conduct_norms: tuple[str, ...]
    school_rules: tuple[RuleView, ...]
    principles: tuple[PrincipleView, ...]
    class_rules_when: str | None
    class_rules_by: str | None
    devices: Md | None
    supervision: Md | None


@dataclass(frozen=True, slots=True)
class BullyingSection:
    """The anti-bullying approach."""

    own_definition: Md | None
    approaches: tuple[ApproachView, ...]
    support_group_min: int | None
    support_group_max: int | None
    support_group_size: str | None  # "7 kinderen", "5 tot 8 kinderen": one wording in plan and protocol
    follow_up_days: int | None
    group_meeting_within_hours: int | None
    group_meeting_term: str | None  # "binnen 24 uur na het eerste gesprek met het gepeste kind"
    executors: str | None
    parents: Md | None
    escalation: tuple[StepView, ...]
    consequences: tuple[str, ...]
    cyberbullying: Md | None


@dataclass(frozen=True, slots=True)
class TimeOutSection:
    """Time-out within the school: the pupil spends a while outside the own group (a measure, not the SO time-out)."""

    name: str  # the school's own name ("interne afkoeling"); "time-out" by default
    where: str
    max_days: int
    decided_by: str
    parents: str  # direct, zelfde_dag
    outside_school: bool = False  # `waar` is at home or outside the school: then it is a schorsing (issue 12)
    excluded_from: str | None = None  # "gym, vieringen en het overblijven": what the pupil may miss meanwhile


@dataclass(frozen=True, slots=True)
class SuspensionSection:
    """Schorsing as the school applies it."""

    max_school_days: int
    decided_by: str  # bevoegd_gezag or directeur
    mandate: str | None
    notify_leerplicht: bool
    meeting_after: bool
    stricter_than_law: bool = False  # the school's maximum is below the legal maximum
    tests_at_school: bool = False  # a test in the schorsing period (the eindtoets) is made at school
    report: bool = False  # a report of the schorsing and the talk, signed as seen by the parents
    objection_decision_days: int | None = None  # the board's own, shorter term for deciding on an objection


@dataclass(frozen=True, slots=True)
class RemovalSection:
    """Verwijdering."""

    hear: tuple[str, ...]
    hear_text: str  # "de groepsleerkracht en de ouders"
    educational_report: bool
    decided_by: str = "bevoegd_gezag"  # or directeur (with a mandate)
    mandate: str | None = None
    grounds: tuple[str, ...] = ()  # ondersteuning, wangedrag, gedrag_ouders, grondslag


@dataclass(frozen=True, slots=True)
class MeasuresSection:
    """Time-out, schorsing and verwijdering."""

    time_out: TimeOutSection | None
    suspension: SuspensionSection | None
    removal: RemovalSection
    protocol: DocumentView | None  # the board's protocol document, when listed as 'schorsing-verwijdering'


@dataclass(frozen=True, slots=True)
class ComplaintsSection:
    """The complaint procedure: its routes, each ending at its own committee."""

    regulation: DocumentView
    committee: OrganisationView | None  # klachten.commissie: the committee of every route without its own
    routes: tuple[RouteView, ...]
    committees: tuple[OrganisationView, ...]  # every committee once, in the order of the routes
    bullying_route: RouteView | None  # the route whose scope covers pesten (else algemeen)
    abuse_route: RouteView | None  # the route whose scope covers machtsmisbruik (else algemeen)
    bullying_committee: OrganisationView | None  # where a complaint about pesten ends: its route's committee


@dataclass(frozen=True, slots=True)
class MeldcodeSection:
    """The meldcode."""

    document: DocumentView
    note: Md | None
    officer: RoleView | None


@dataclass(frozen=True, slots=True)
class CommunicationSection:
    """Communication with parents and pupils."""

    channels: tuple[ChannelView, ...]
    parent_involvement: Md | None
    pupil_voice: Md | None
    bullying_in_newsletter: str | None
    protocol_at_registration: bool


@dataclass(frozen=True, slots=True)
class SoTimeOutSection:
    """The SO time-out: minutes in a quiet room, then back to the group."""

    supervision: str  # doorlopend or interval
    check_in_minutes: int | None  # only with interval
    max_minutes: int | None
    max_per_part_of_day: int | None  # for every pupil
    preventive: bool
    parents: str  # direct or zelfde_dag
    parents_preventive: bool  # False: parents do not hear of every preventive time-out
    registration: str
    phases: tuple[PhaseView, ...]  # empty: the template shows the standard phases
    escorts: str | None
    restrictions: tuple[RestrictionView, ...]  # only for the pupils whose own plan names them


@dataclass(frozen=True, slots=True)
class PhysicalSection:
    """Physical intervention: the legal rule and the school's training, registration and evaluation."""

    rule: str  # law.py: fysiek_ingrijpen (not verified: no article)
    basis_rule: str  # law.py: fysiek_ingrijpen_noodrecht
    training: str
    within_months: int
    refresher: str
    internal_trainers: int | None
    trainers: str | None
    registration: str | None  # its own, else the incident registration system
    parents: str  # direct or zelfde_dag
    evaluated_by: str | None
    aftercare: Md | None


@dataclass(frozen=True, slots=True)
class RunawaySection:
    """What staff do when a pupil runs away (special education)."""

    police_after_minutes: int
    arrangements: Md | None


@dataclass(frozen=True, slots=True)
class SoSection:
    """Special education: time-out, physical intervention, crisis model, levels of care."""

    time_out: SoTimeOutSection | None
    physical: PhysicalSection | None
    rooms: tuple[RoomView, ...]
    class_interventions: tuple[InterventionView, ...]
    crisis_model: tuple[CrisisPhaseView, ...]  # empty: the template shows the standard model
    care_levels: tuple[CareLevelView, ...]
    care_teams: tuple[CareTeamView, ...]
    runaway: RunawaySection | None = None
    risk_moments: tuple[InterventionView, ...] = ()  # name: the moment, description: the arrangement


@dataclass(frozen=True, slots=True)
class LawSection:
    """The legal facts for this school (WPO or WEC; openbaar or bijzonder)."""

    law: str  # WPO or WEC
    act: str
    suspension_rule: str
    suspension_article: str | None
    suspension_max_school_days: int
    inspectie_after_days: int
    removal_rule: str
    objection_rule: str
    objection_article: str | None
    objection_weeks: int
    decision_weeks: int
    decision_counted_from_receipt: bool
    court_rule: str
    suspension_concept_rule: str  # any measure that keeps a pupil out of school is a schorsing
    removal_effective_rule: str  # the removal takes effect only once another school admits the pupil
    removal_inspectie_rule: str
    removal_leerplicht_rule: str
    disputes_rule: str  # the Geschillencommissie passend onderwijs: term and where to submit
    disputes_suspends_rule: str  # the board decides on the objection only after the commissie's opinion
    disputes_weeks: int
    disputes_website: str
    wet_veiligheid_rule: str
    monitoring_rule: str
    meldcode_rule: str
    # False for a concept board without richting: objection_rule and court_rule then say the route depends
    # on it, and route_pending is the one pending wording ("[rechtsgang volgt]").
    route_known: bool = True
    route_pending: str = ""


@dataclass(frozen=True, slots=True)
class SchoolContext:
    """Everything a template may show about one school; built once per school."""

    school: SchoolSection
    board: BoardSection
    edition: EditionSection
    identity: IdentitySection
    roles: Mapping[str, RoleView | None]  # every canonical role id; None when not filled
    contacts: tuple[RoleView, ...]  # the roles parents need, in the order to show them
    organisations: tuple[OrganisationView, ...]
    referenced_documents: Mapping[str, DocumentView]  # by id: the board's and school's own regulations
    methods: tuple[MethodView, ...]
    monitoring: MonitoringSection | None
    incidents: IncidentSection | None
    rules: RulesSection
    bullying: BullyingSection | None
    measures: MeasuresSection
    complaints: ComplaintsSection | None
    meldcode: MeldcodeSection | None
    communication: CommunicationSection
    so: SoSection | None
    law: LawSection
    downloads: tuple[DownloadView, ...]
    other_roles: tuple[RoleView, ...]  # filled roles that are not in contacts, in canonical order
    bullying_roles_combined: bool  # the same people are coördinator anti-pestbeleid and aanspreekpunt pesten
    document_titles: Mapping[str, str]  # kind -> title: "pestprotocol" -> "Anti-pestprotocol"
    contact_rows: tuple[ContactRow, ...]  # `contacts` as table rows, one per person
    other_role_rows: tuple[ContactRow, ...]  # `other_roles` as table rows, one per person
    own_texts: tuple[OwnText, ...]  # the school's own Markdown texts; render.py puts them in their place
    # The chapters beyond the core duties (issue 12, context/chapters.py); None: switched off (hoofdstukken).
    meldplicht: MeldplichtSection  # always: the law always applies
    crisis: CrisisSection | None
    integrity: IntegritySection | None
    citizenship: CitizenshipSection  # always: WPO art. 8 lid 3
    sexual_development: SexualDevelopmentSection | None
    training: tuple[TrainingView, ...] | None
    privacy: PrivacySection | None
    goals: tuple[GoalView, ...]  # measurable goals for the monitoring
    monitoring_results: ResultsSection | None = None  # the monitor's figures per year (context/monitoring.py)
