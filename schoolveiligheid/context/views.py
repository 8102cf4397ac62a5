"""What templates see: plain, read-only views with every derived fact already worked out.

Templates display these values; they never look anything up or compute. All
text fields hold what the user typed: the render stage escapes them for
Markdown. Fields typed `Md` are Markdown on purpose (a school's vision, a
catalogue text) and are only stripped of raw HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class Md(str):
    """Markdown that may be printed as it is (HTML already neutralised)."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Contact:
    """Something to click: a phone number, e-mail address or website."""

    text: str
    uri: str


@dataclass(frozen=True, slots=True)
class PersonView:
    """A person with only the contact details that may be published."""

    name: str
    function: str | None
    phone: Contact | None
    email: Contact | None
    availability: str | None
    audience: str | None  # "leerlingen en ouders" when the role holder serves specific groups
    # Without public phone or e-mail: staff are reachable via the school; someone from outside the school
    # (an external vertrouwenspersoon, a person of an organisation) is not, so the text says the details follow.
    via_school: bool = True


@dataclass(frozen=True, slots=True)
class SecretariatView:
    """An organisation's secretariat (a committee's, or e.g. a GGD's): who answers, and where post goes."""

    name: str
    function: str | None
    phone: Contact | None
    email: Contact | None
    postal_address: str | None


@dataclass(frozen=True, slots=True)
class OrganisationView:
    """An organisation on the sociale kaart."""

    id: str
    kind: str
    kind_title: str
    name: str
    department: str | None
    contact_name: str | None
    contact_function: str | None
    phone: Contact | None
    email: Contact | None
    website: Contact | None
    address: str | None
    postal_address: str | None
    availability: str | None
    office_hours: str | None
    description: Md
    secretariat: SecretariatView | None
    # Never "via de school": an organisation without phone or e-mail gets "contactgegevens volgen".
    via_school: bool = False


@dataclass(frozen=True, slots=True)
class RoleView:
    """A role as the school names it, with its holders."""

    id: str
    label: str
    name: str  # the label with the legal term in brackets when they differ
    legal_term: str | None
    people: tuple[PersonView, ...]
    organisation: OrganisationView | None
    tasks_note: Md | None
    holders: str  # "Sanne Pijnacker" or "Eva de Lange en Mehmet Kaya"; "" when vacant
    # The role exists but nobody holds it yet (model/vacancy.py): texts name the role and say the name follows.
    vacant: bool = False
    the_label: str = ""  # the label with its article: "het aanspreekpunt pesten", "de intern begeleider"


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A board or school document the policy refers to."""

    id: str
    title: str
    reference: str | None
    url: Contact | None
    adopted_on: date | None
    available_at: str | None  # the place only: "het secretariaat van de school"


@dataclass(frozen=True, slots=True)
class MethodView:
    """A programme or the school's own activity."""

    id: str
    title: str
    text: Md
    addition: Md | None
    website: Contact | None
    groups: str | None
    frequency: str | None
    when: str | None
    status: str  # actief, in_ontwikkeling, gepland
    own: bool
    self_developed: bool  # only then do the documents say the school developed it


@dataclass(frozen=True, slots=True)
class InstrumentView:
    """A monitoring instrument as the school uses it."""

    id: str
    title: str
    text: Md
    respondents: str
    form: str | None
    legal_monitor: bool
    groups: str | None
    frequency: str
    month: str | None
    last_taken: date | None


@dataclass(frozen=True, slots=True)
class ApproachView:
    """A curative approach from the catalogue."""

    id: str
    title: str
    text: Md
    steps: tuple[str, ...]
    website: Contact | None


@dataclass(frozen=True, slots=True)
class StepView:
    """One step of the escalation ladder."""

    number: int
    title: str
    description: Md | None
    actions: tuple[str, ...]
    term: str | None
    responsible: str | None
    parents: str | None  # informeren, gesprek, gesprek_beide_partijen, schriftelijk
    record: bool
    measure: str | None  # time_out, schorsing, verwijdering


@dataclass(frozen=True, slots=True)
class RuleView:
    """A school rule with its sub-rules."""

    text: str
    sub_rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrincipleView:
    """A stelregel."""

    title: str | None
    text: Md


@dataclass(frozen=True, slots=True)
class AnalysisView:
    """One moment at which the registered incidents are analysed."""

    when: str  # "twee keer per jaar" or the school's moment: "bij elke groepsbespreking"
    participants: str | None  # "de directeur en de intern begeleider"
    what: str | None  # what is analysed, in the school's words
    text: str  # all of it in one phrase: "twee keer per jaar, met de directeur (omvang van pesten)"


@dataclass(frozen=True, slots=True)
class RouteView:
    """A complaint route: who to go to, in order, and the committee it ends at."""

    name: str
    scope: tuple[str, ...]
    steps: tuple[str, ...]
    committee: OrganisationView


@dataclass(frozen=True, slots=True)
class ChannelView:
    """A communication channel."""

    kind: str
    name: str | None
    url: Contact | None
    frequency: str | None


@dataclass(frozen=True, slots=True)
class CareLevelView:
    """A zorgniveau (special education)."""

    level: int
    description: Md
    managers: str | None


@dataclass(frozen=True, slots=True)
class CareTeamView:
    """A zorgteam (special education)."""

    name: str
    members: str
    chair: str | None
    frequency: str | None


@dataclass(frozen=True, slots=True)
class RoomView:
    """A time-out or low-stimulus room."""

    name: str
    kind: str
    locations: str | None


@dataclass(frozen=True, slots=True)
class PhaseView:
    """A phase of the SO time-out (special education)."""

    name: str
    description: Md
    who: str | None


@dataclass(frozen=True, slots=True)
class RestrictionView:
    """A time-out limit for the pupils whose own plan names it (special education)."""

    rule: str
    recorded_in: str  # opp or handelingsplan
    set_by: str


@dataclass(frozen=True, slots=True)
class CrisisPhaseView:
    """A phase of the crisis model (special education)."""

    name: str
    signals: Md
    actions: Md
    who: str
    not_allowed: Md | None


@dataclass(frozen=True, slots=True)
class InterventionView:
    """An intervention in the classroom (special education)."""

    name: str
    description: Md


@dataclass(frozen=True, slots=True)
class DownloadView:
    """A document as a download on the website."""

    title: str
    docx: str
    pdf: str | None


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One person (or organisation) in a contact table, with every role they hold there."""

    roles: str  # "Aanspreekpunt pesten en coördinator sociale veiligheid"
    name: str
    phone: Contact | None
    email: Contact | None
    availability: str | None
    via_school: bool = True  # see PersonView
    vacant: bool = False  # a row for a vacant role: the name and the contact details follow
    secretariat: SecretariatView | None = None  # an organisation's secretariat, shown with it everywhere
