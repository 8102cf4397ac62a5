"""The sections of a school's render context: one object per part of the policy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .views import (
    ApproachView,
    CareLevelView,
    CareTeamView,
    ChannelView,
    Contact,
    ContactRow,
    DocumentView,
    DownloadView,
    InstrumentView,
    Md,
    MethodView,
    OrganisationView,
    PrincipleView,
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


@dataclass(frozen=True, slots=True)
class BoardSection:
    """The bevoegd gezag."""

    name: str
    short_name: str
    richting: str
    denomination: str | None
    governing_body: str
    address: str
    objection_address: str  # where objections go: the postal address when there is one
    phone: Contact | None
    email: Contact | None
    website: Contact | None


@dataclass(frozen=True, slots=True)
class DocumentSection:
    """School year, version and adoption."""

    school_year: str
    version: str
    status: str
    concept: bool
    consent_on: date | None
    adopted_on: date | None
    adopted_by: str | None
    evaluation_before: date | None
    owner: str | None
    open_points: tuple[str, ...]


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
    analysis: str | None  # "twee keer per jaar, met de directeur en de intern begeleider"
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
    follow_up_days: int | None
    group_meeting_within_hours: int | None
    executors: str | None
    parents: Md | None
    escalation: tuple[StepView, ...]
    consequences: tuple[str, ...]
    cyberbullying: Md | None


@dataclass(frozen=True, slots=True)
class TimeOutSection:
    """Time-out within the school."""

    where: str
    max_days: int
    decided_by: str
    parents: str  # direct, zelfde_dag


@dataclass(frozen=True, slots=True)
class SuspensionSection:
    """Schorsing as the school applies it."""

    max_school_days: int
    decided_by: str  # bevoegd_gezag or directeur
    mandate: str | None
    notify_leerplicht: bool
    meeting_after: bool
    stricter_than_law: bool = False  # the school's maximum is below the legal maximum


@dataclass(frozen=True, slots=True)
class RemovalSection:
    """Verwijdering."""

    hear: tuple[str, ...]
    hear_text: str  # "de groepsleerkracht en de ouders"
    educational_report: bool


@dataclass(frozen=True, slots=True)
class MeasuresSection:
    """Time-out, schorsing and verwijdering."""

    time_out: TimeOutSection | None
    suspension: SuspensionSection | None
    removal: RemovalSection
    protocol: DocumentView | None  # the board's protocol document, when listed as 'schorsing-verwijdering'


@dataclass(frozen=True, slots=True)
class ComplaintsSection:
    """The complaint procedure."""

    regulation: DocumentView
    committee: OrganisationView
    routes: tuple[RouteView, ...]


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
class SoSection:
    """Special education: time-out, physical intervention, levels of care."""

    time_out_check_in_minutes: int | None
    time_out_max_per_part_of_day: int | None
    time_out_parents: str | None
    time_out_registration: str | None
    training: str | None
    training_within_months: int | None
    training_refresher: str | None
    internal_trainers: int | None
    rooms: tuple[RoomView, ...]
    care_levels: tuple[CareLevelView, ...]
    care_teams: tuple[CareTeamView, ...]


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
    wet_veiligheid_rule: str
    monitoring_rule: str
    meldcode_rule: str


@dataclass(frozen=True, slots=True)
class SchoolContext:
    """Everything a template may show about one school; built once per school."""

    school: SchoolSection
    board: BoardSection
    doc: DocumentSection
    identity: IdentitySection
    roles: Mapping[str, RoleView | None]  # every canonical role id; None when not filled
    contacts: tuple[RoleView, ...]  # the roles parents need, in the order to show them
    organisations: tuple[OrganisationView, ...]
    documents: Mapping[str, DocumentView]
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
