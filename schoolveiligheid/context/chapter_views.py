"""Context sections of the chapters beyond the core duties (issue 12): meldplicht, crisis, integrity,
citizenship, sexual development, training, privacy and goals. Built in `context/chapters.py`."""

from __future__ import annotations

from dataclasses import dataclass

from .views import ApproachView, Contact, DocumentView, Md, MethodView, OrganisationView, RoleView


@dataclass(frozen=True, slots=True)
class MeldplichtSection:
    """Meld- en aangifteplicht bij zedenmisdrijven: always in the plan."""

    rule: str  # law.py: meldplicht_zeden
    report_rule: str  # law.py: aangifteplicht_zeden
    confidentiality_rule: str  # law.py: meldplicht_vertrouwenspersoon
    board_name: str
    board_phone: Contact | None
    board_email: Contact | None
    inspector_phone: Contact | None  # the vertrouwensinspecteur (catalogue, with its source)
    inspector_website: Contact | None


@dataclass(frozen=True, slots=True)
class CrisisMemberView:
    """A member of the crisis team."""

    role: RoleView | None  # None for a generic actor (team, directie)
    who: str  # "de directeur" or the generic actor
    task: str


@dataclass(frozen=True, slots=True)
class CrisisSection:
    """Crisis and serious incidents."""

    team: tuple[CrisisMemberView, ...]
    coordinator: RoleView | None
    spokesperson: RoleView | None
    meets_within_hours: int | None
    aftercare: OrganisationView | None
    evaluation_weeks: int | None
    protocol: DocumentView | None
    addition: Md | None


@dataclass(frozen=True, slots=True)
class IntegritySection:
    """Code of conduct for staff; internet, social media and photos."""

    code: DocumentView | None
    photo_consent: str  # "bij_inschrijving" or "jaarlijks", worded by feit.fototoestemming
    contact_channel: str | None
    rules: tuple[str, ...]
    integrity_contact: str | None


@dataclass(frozen=True, slots=True)
class CitizenshipSection:
    """Citizenship, discrimination and inclusion."""

    rule: str  # law.py: burgerschap_wpo or burgerschap_wec
    article: str | None
    vision: Md | None
    activities: tuple[str, ...]
    discrimination_contact: str | None
    antidiscrimination_service: OrganisationView | None


@dataclass(frozen=True, slots=True)
class SexualDevelopmentSection:
    """The optional module on sexual development and cross-border behaviour."""

    method: MethodView | None
    approach: ApproachView | None
    contact: str | None
    theme_week: str | None


@dataclass(frozen=True, slots=True)
class TrainingView:
    """One training row: who, what, when."""

    who: str
    training: str
    when: str | None  # "12 maart 2026" or "2025"
    refresher: str | None


@dataclass(frozen=True, slots=True)
class RegistrationView:
    """What is recorded where, who may see it, how long it is kept."""

    what: str
    where: str
    access: str
    retention: str


@dataclass(frozen=True, slots=True)
class PrivacySection:
    """Privacy: the school's registrations, or (standard) the plan's standard rows, worded in the template."""

    registrations: tuple[RegistrationView, ...]  # empty when standard
    standard: bool  # True: the school wrote none; the template shows the plan's standard choices
    incident_system: str | None  # incidentregistratie.systeem, named in the standard rows
    regulation: DocumentView | None
    officer: RoleView | None  # functionaris gegevensbescherming


@dataclass(frozen=True, slots=True)
class GoalView:
    """A measurable goal for the monitoring (results: monitoring_results)."""

    indicator: str  # the YAML id, e.g. voelt_zich_veilig
    text: str  # "leerlingen die zich veilig voelen op school"
    minimum: int
    instrument: str | None
