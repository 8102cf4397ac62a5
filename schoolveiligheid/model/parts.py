"""Who and where: board, school, people, organisations, documents and roles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, ValidationInfo, WithJsonSchema, model_validator

from schoolveiligheid.colours import CONTRAST_MIN, HEX_COLOUR, WHITE, contrast, normalised

from .base import Audience, Block, DocRef, OrgRef, PartnerKind, PersonRef, RoleId, field
from .values import Date, Email, Id, Line, Note, Phone, Postcode, Url, Vision, invalid


class Address(Block):
    """A street or postal address."""

    street: Line | None = field("straat", "straat en huisnummer", None)
    po_box: Line | None = field("postbus", "postbus, bijvoorbeeld 'Postbus 123' (in plaats van straat)", None)
    postcode: Postcode = field("postcode", "postcode, bijvoorbeeld 1234 AB")
    place: Line = field("plaats", "plaatsnaam")

    @model_validator(mode="after")
    def _street_or_box(self) -> Address:
        if not self.street and not self.po_box:
            raise invalid(
                "adres",
                "een adres heeft een straat of een postbus nodig",
                "vul straat: of postbus: in",
                sleutel="straat",
            )
        return self


def default_groups() -> tuple[str, ...]:
    """Groups 1 to 8, the usual groups of a primary school."""
    return tuple(str(number) for number in range(1, 9))


class Publication(Block):
    """Which contact details of a person or organisation may be published (site and documents)."""

    email: bool | None = field("email", "e-mailadres publiceren (standaard ja, behalve privé-adressen)", None)
    phone: bool | None = field(
        "telefoon", "telefoonnummer publiceren (standaard ja, behalve 06-nummers)", None
    )


class _PublicContact:
    """public_email / public_phone for a block with email, phone and a settled `publish`.

    `publiceer` in the policy decides; without it the resolver (model/resolve.py) settles
    the default: no 06 numbers, no address outside the holder's own domain. Unsettled
    (a model straight from validation), only 06 numbers and private mailboxes are held back.
    """

    if TYPE_CHECKING:  # the fields of the block that uses this; not fields of their own
        email: Email | None
        phone: Phone | None
        publish: Publication

    @property
    def public_email(self) -> Email | None:
        """The e-mail address when it may be published."""
        if self.email is None:
            return None
        allowed = self.publish.email if self.publish.email is not None else not self.email.is_free_mail
        return self.email if allowed else None

    @property
    def public_phone(self) -> Phone | None:
        """The phone number when it may be published (mobile numbers only on request)."""
        if self.phone is None:
            return None
        allowed = self.publish.phone if self.publish.phone is not None else not self.phone.is_mobile
        return self.phone if allowed else None


class Board(_PublicContact, Block):
    """The bevoegd gezag: the legal body that runs the school(s)."""

    id: Id = field("id", "korte code van het bestuur, bijvoorbeeld 'kindwijs'")
    name: Line = field("naam", "volledige naam, bijvoorbeeld Stichting Kindwijs")
    short_name: Line | None = field("korte_naam", "afkorting die in teksten gebruikt mag worden", None)
    richting: Literal["openbaar", "bijzonder", "samenwerkingsschool"] | None = field(
        "richting",
        "openbaar, bijzonder of samenwerkingsschool; bepaalt onder meer de rechtsgang bij verwijdering "
        "(mag alleen voor concepten nog ontbreken: dan staat er [rechtsgang volgt])",
        None,
    )
    denomination: Line | None = field(
        "denominatie", "levensbeschouwing, bijvoorbeeld protestants-christelijk", None
    )
    governing_body: Line = field("bestuursorgaan", "naam van het bestuursorgaan", "College van Bestuur")
    address: Address | None = field(
        "adres",
        "bezoekadres; ook het adres voor bezwaarschriften als er geen postadres is (mag alleen voor "
        "concepten nog ontbreken: dan staat er [adres volgt])",
        None,
    )
    postal_address: Address | None = field(
        "postadres", "postadres voor bezwaarschriften, als dat anders is", None
    )
    phone: Phone | None = field("telefoon", "algemeen telefoonnummer", None)
    email: Email | None = field("email", "algemeen e-mailadres", None)
    website: Url | None = field("website", "website van het bestuur", None)
    publish: Publication = field(
        "publiceer",
        "welke contactgegevens openbaar zijn (06-nummers en privé-adressen alleen met true)",
        Publication(),
    )

    @model_validator(mode="after")
    def _address_and_richting_unless_concept(self, info: ValidationInfo) -> Board:
        # A board file read for a concept school may still lack them (findings, see checks/hygiene.py);
        # for a vastgesteld school they are required. A letter refuses a school without them.
        if (info.context or {}).get("concept"):
            return self
        for value, key, what in (
            (self.richting, "richting", "de richting"),
            (self.address, "adres", "het adres"),
        ):
            if value is None:
                raise invalid(
                    "vastgesteld",
                    f"een vastgesteld beleid heeft {what} van het bestuur nodig",
                    f"vul bestuur.{key} in, of zet document.status: concept in het schoolbestand zolang het "
                    "nog niet bekend is",
                    sleutel=key,
                )
        return self


class Terminology(Block):
    """The school's own words for common terms (jenaplan: stamgroep, stamgroepleider)."""

    group: Line = field("groep", "woord voor een klas", "groep")
    teacher: Line = field("leerkracht", "woord voor de leraar van een groep", "leerkracht")


def _colour(value: Any) -> str:
    if not isinstance(value, str) or not HEX_COLOUR.fullmatch(value.strip()):
        raise invalid(
            "kleur",
            "'{waarde}' is geen kleur",
            'schrijf een kleur als #RRGGBB tussen aanhalingstekens, bijvoorbeeld "#1f5f8b"',
            waarde=str(value),
        )
    colour = normalised(value)
    ratio = contrast(colour, WHITE)
    if ratio < CONTRAST_MIN:
        raise invalid(
            "contrast",
            "kleur {kleur} heeft te weinig contrast met wit: {verhouding} : 1, minstens {minimum} : 1 nodig",
            "kies een donkerdere tint: witte tekst op deze kleur en links in deze kleur moeten goed "
            "leesbaar zijn (WCAG AA)",
            kleur=colour,
            verhouding=f"{int(ratio * 100) / 100:.2f}".replace(".", ","),  # never rounded up to the minimum
            minimum=f"{CONTRAST_MIN:.1f}".replace(".", ","),
        )
    return colour


Colour = Annotated[
    str,
    BeforeValidator(_colour),
    WithJsonSchema({"type": "string", "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"}),
]


class HouseStyle(Block):
    """The colours of the school's website (without them the theme's own colours)."""

    colour: Colour = field(
        "kleur", 'hoofdkleur als "#RRGGBB", voor de kopbalk en de links; witte tekst moet erop leesbaar zijn'
    )
    accent: Colour | None = field(
        "accentkleur",
        'kleur als "#RRGGBB" van een link onder de muis of met focus; standaard de hoofdkleur',
        None,
    )

    @model_validator(mode="before")
    @classmethod
    def _quoted(cls, data: Any) -> Any:
        # `kleur: #1f5f8b` without quotes is a YAML comment: the key is there, its value empty.
        if isinstance(data, dict):
            for key in ("kleur", "accentkleur"):
                if key in data and data[key] is None:
                    raise invalid(
                        "kleur",
                        "{sleutel} is leeg",
                        'zet de kleur tussen aanhalingstekens, bijvoorbeeld {sleutel}: "#1f5f8b"; '
                        "zonder aanhalingstekens leest YAML het als commentaar",
                        sleutel=key,
                    )
        return data


# The school's contact details a concept may still lack: (attribute, YAML key, Dutch description).
CONTACT_KEYS = (
    ("address", "adres", "het adres"),
    ("phone", "telefoon", "het telefoonnummer"),
    ("email", "email", "het e-mailadres"),
)


class SchoolInfo(Block):
    """The school's identity."""

    id: Id = field("id", "korte code van de school; ook de mapnaam van de uitvoer")
    board: Id | None = field("bestuur", "id van het bestuur uit het bestuursbestand in dezelfde map", None)
    name: Line = field("naam", "volledige naam van de school")
    short_name: Line | None = field("korte_naam", "korte naam in lopende tekst", None)
    type: Literal["po", "sbo", "so", "vso"] = field(
        "type", "po (basisschool), sbo, so of vso; bepaalt welke wet (WPO of WEC) geldt"
    )
    brin: Line | None = field("brin", "BRIN- of instellingscode", None)
    concept: Literal["regulier", "jenaplan", "montessori", "dalton", "vrijeschool", "kindcentrum"] = field(
        "onderwijsconcept", "onderwijsconcept van de school", "regulier"
    )
    terminology: Terminology = field("terminologie", "eigen woorden voor groep en leerkracht", Terminology())
    groups: tuple[Line, ...] = field("groepen", "namen van de groepen; standaard 1 tot en met 8", ())
    address: Address | None = field(
        "adres",
        "bezoekadres van de school (mag bij een concept nog ontbreken: dan staat er [adres volgt])",
        None,
    )
    phone: Phone | None = field(
        "telefoon", "telefoonnummer van de school (mag bij een concept nog ontbreken)", None
    )
    email: Email | None = field(
        "email", "algemeen e-mailadres van de school (mag bij een concept nog ontbreken)", None
    )
    website: Url | None = field("website", "website van de school", None)
    logo: Line | None = field(
        "logo",
        "pad naar een PNG- of JPG-logo voor het briefhoofd en de website (vanaf dit bestand)",
        None,
    )
    house_style: HouseStyle | None = field(
        "huisstijl", "kleuren van de website; zonder deze sleutel de standaardkleuren", None
    )

    @model_validator(mode="after")
    def _contact_details_unless_concept(self, info: ValidationInfo) -> SchoolInfo:
        # Only a concept may leave them out (the loader puts its status in the context); see CONTACT_KEYS.
        if (info.context or {}).get("concept"):
            return self
        for name, key, what in CONTACT_KEYS:
            if getattr(self, name) is None:
                raise invalid(
                    "vastgesteld",
                    f"een vastgesteld beleid heeft {what} van de school nodig",
                    f"vul {key}: in, of zet document.status: concept zolang het nog niet bekend is",
                    sleutel=key,
                )
        return self

    @model_validator(mode="after")
    def _groups_named(self) -> SchoolInfo:
        if not self.groups and self.type == "vso":
            raise invalid(
                "groepen",
                "een vso-school moet haar groepen of klassen noemen",
                "vul groepen: in",
                sleutel="groepen",
            )
        return self

    @property
    def group_labels(self) -> tuple[str, ...]:
        """The school's groups; 1 to 8 unless the school names its own."""
        return self.groups or default_groups()


class Person(_PublicContact, Block):
    """Someone who holds a role, with contact details."""

    id: Id = field("id", "korte code, bijvoorbeeld p-jansen; rollen verwijzen ernaar")
    name: Line = field("naam", "naam zoals die in documenten staat")
    salutation: Literal["mevrouw", "de heer"] | None = field(
        "aanhef", "mevrouw of de heer, voor brieven", None
    )
    function: Line | None = field("functie", "functie, bijvoorbeeld leerkracht groep 6", None)
    email: Email | None = field("email", "e-mailadres", None)
    phone: Phone | None = field("telefoon", "telefoonnummer", None)
    availability: Line | None = field(
        "bereikbaarheid", "wanneer bereikbaar, bijvoorbeeld maandag t/m donderdag", None
    )
    organisation: OrgRef | None = field("organisatie", "id van de organisatie waar deze persoon werkt", None)
    publish: Publication = field("publiceer", "welke contactgegevens openbaar zijn", Publication())


class ContactPerson(Block):
    """A named contact at an organisation."""

    name: Line = field("naam", "naam van de contactpersoon, zoals die in documenten staat")
    function: Line | None = field("functie", "functie bij de organisatie, bijvoorbeeld secretaris", None)
    phone: Phone | None = field("telefoon", "telefoonnummer", None)
    email: Email | None = field("email", "e-mailadres", None)
    postal_address: Address | None = field(
        "postadres", "postadres, als dat anders is dan dat van de organisatie (secretariaat)", None
    )


class Organisation(_PublicContact, Block):
    """An external partner (sociale kaart), complaint body or national service."""

    id: Id = field("id", "korte code, bijvoorbeeld org-ggd")
    kind: PartnerKind = field(
        "soort", "soort organisatie uit de catalogus, bijvoorbeeld ggd_jgz of veilig_thuis"
    )
    standard: bool = field(
        "standaard", "true: landelijke gegevens (naam, telefoon, website) komen uit de catalogus", False
    )
    name: Line | None = field("naam", "naam van de organisatie (niet nodig bij standaard: true)", None)
    department: Line | None = field("afdeling", "afdeling of team", None)
    contact: ContactPerson | None = field("contactpersoon", "vaste contactpersoon", None)
    phone: Phone | None = field("telefoon", "telefoonnummer", None)
    email: Email | None = field("email", "e-mailadres", None)
    website: Url | None = field("website", "website van de organisatie, beginnend met https://", None)
    address: Address | None = field("adres", "bezoekadres", None)
    postal_address: Address | None = field("postadres", "postadres (klachtencommissie)", None)
    availability: Line | None = field(
        "bereikbaarheid", "bereikbaarheid, bijvoorbeeld werkdagen 8.30-17.00 uur", None
    )
    office_hours: Line | None = field(
        "spreekuur", "spreekuur, bijvoorbeeld dinsdag 8.30-9.30 uur op school", None
    )
    description: Note | None = field("beschrijving", "waarvoor ouders of school hier terechtkunnen", None)
    scope: tuple[Literal["kwaliteit", "machtsmisbruik", "passend_onderwijs"], ...] = field(
        "reikwijdte", "waarover klachten gaan (klachtencommissie)", ()
    )
    secretariat: ContactPerson | None = field("secretariaat", "secretariaat of ambtelijk secretaris", None)
    publish: Publication = field(
        "publiceer",
        "welke contactgegevens openbaar zijn (06-nummers en adressen buiten het eigen domein alleen met true)",
        Publication(),
    )

    @model_validator(mode="after")
    def _named(self) -> Organisation:
        if not self.standard and not self.name:
            raise invalid(
                "naam",
                "een organisatie heeft een naam nodig",
                "vul naam: in, of zet standaard: true",
                sleutel="naam",
            )
        return self


class DocumentReference(Block):
    """A board or school document the policy refers to instead of repeating it."""

    id: Id = field("id", "korte code, bijvoorbeeld klachtenregeling")
    title: Line = field("titel", "titel van het document")
    reference: Line | None = field("kenmerk", "kenmerk of nummer, bijvoorbeeld Handboek 306", None)
    url: Url | None = field("url", "waar het document te lezen is", None)
    adopted_on: Date | None = field("vastgesteld_op", "datum van vaststelling", None)
    available_at: Line | None = field(
        "beschikbaar_bij",
        "waar een exemplaar verkrijgbaar is, alleen de plek: bijvoorbeeld het secretariaat van de school",
        None,
    )


class Assignment(Block):
    """A person holding a role for a specific audience (e.g. only for parents)."""

    person: PersonRef = field("persoon", "id van de persoon")
    audience: tuple[Audience, ...] = field("doelgroep", "voor wie: leerlingen, ouders, medewerkers", ())


class RoleAssignment(Block):
    """Who holds a role, under the school's own name for it."""

    label: Line | None = field("label", "eigen naam van de school voor deze rol", None)
    people: tuple[PersonRef, ...] = field("personen", "id's van de personen met deze rol", ())
    assignments: tuple[Assignment, ...] = field("toewijzingen", "personen per doelgroep", ())
    organisation: OrgRef | None = field(
        "organisatie", "organisatie die deze rol vervult (externe vertrouwenspersoon)", None
    )
    same_as: RoleId | None = field(
        "zelfde_als", "deze rol ligt bij dezelfde personen als een andere rol", None
    )
    function: Line | None = field(
        "functie", "alleen bestuur: welke functie elke school hiervoor aanwijst", None
    )
    count: int | None = field(
        "aantal", "alleen bestuur: hoeveel personen elke school aanwijst", None, ge=1, le=10
    )
    tasks_note: Note | None = field("taken_aanvulling", "aanvulling op de standaardtaken van deze rol", None)
    vacant: bool = field(
        "vacature",
        "true: de school heeft deze rol, maar nog niemand is aangewezen; overal staat dan 'de naam volgt' "
        "(noem geen personen, toewijzingen, organisatie of zelfde_als)",
        False,
    )

    @model_validator(mode="after")
    def _one_mode(self) -> RoleAssignment:
        if self.vacant and (self.people or self.assignments or self.organisation or self.same_as):
            raise invalid(
                "rol",
                "een rol met vacature: true heeft nog niemand",
                "haal vacature: true weg nu de rol is ingevuld, of laat personen, toewijzingen, organisatie "
                "en zelfde_als weg",
                sleutel="vacature",
            )
        if self.people and self.assignments:
            raise invalid(
                "rol",
                "gebruik personen of toewijzingen, niet allebei",
                "zet iedereen onder toewijzingen",
                sleutel="toewijzingen",
            )
        if self.same_as and (self.people or self.assignments or self.organisation):
            raise invalid(
                "rol",
                "zelfde_als gaat niet samen met eigen personen",
                "laat zelfde_als of personen weg",
                sleutel="zelfde_als",
            )
        return self


class TeacherRole(Block):
    """What every teacher does: a role of the whole team, so it has tasks but never names people."""

    tasks: tuple[Line, ...] = field(
        "taken",
        "eigen taken van elke leerkracht, elk als zinsdeel na 'De leerkracht …', bijvoorbeeld "
        "'registreert zorgen in het leerlingvolgsysteem'; ze komen na de standaardtaken",
        (),
    )
    tasks_note: Note | None = field(
        "taken_aanvulling", "aanvulling op de taken van de leerkracht (Markdown, zonder koppen)", None
    )


class Roles(Block):
    """Canonical roles; each may carry the school's own label."""

    directeur: RoleAssignment | None = field("directeur", "de directeur van de school", None)
    adjunct_directeur: RoleAssignment | None = field("adjunct_directeur", "adjunct-directeur", None)
    coordinator_anti_pestbeleid: RoleAssignment | None = field(
        "coordinator_anti_pestbeleid", "coördinator anti-pestbeleid (wettelijk verplicht)", None
    )
    aanspreekpunt_pesten: RoleAssignment | None = field(
        "aanspreekpunt_pesten", "aanspreekpunt pesten voor ouders en leerlingen (wettelijk verplicht)", None
    )
    interne_vertrouwenspersoon: RoleAssignment | None = field(
        "interne_vertrouwenspersoon", "interne vertrouwenspersoon of contactpersoon klachtenregeling", None
    )
    externe_vertrouwenspersoon: RoleAssignment | None = field(
        "externe_vertrouwenspersoon",
        "externe vertrouwenspersoon: van buiten de school, voor klachten over ongewenst gedrag",
        None,
    )
    aandachtsfunctionaris_meldcode: RoleAssignment | None = field(
        "aandachtsfunctionaris_meldcode", "aandachtsfunctionaris huiselijk geweld en kindermishandeling", None
    )
    intern_begeleider: RoleAssignment | None = field(
        "intern_begeleider", "intern begeleider: coördineert de zorg voor leerlingen", None
    )
    gedragswetenschapper: RoleAssignment | None = field(
        "gedragswetenschapper", "gedragswetenschapper (orthopedagoog of psycholoog)", None
    )
    schoolmaatschappelijk_werker: RoleAssignment | None = field(
        "schoolmaatschappelijk_werker", "schoolmaatschappelijk werker: ondersteunt leerlingen en ouders", None
    )
    ict_coordinator: RoleAssignment | None = field(
        "ict_coordinator", "ICT-coördinator (bij cyberpesten)", None
    )
    preventiemedewerker: RoleAssignment | None = field(
        "preventiemedewerker", "preventiemedewerker: veiligheid en arbo op school", None
    )
    time_out_medewerker: RoleAssignment | None = field("time_out_medewerker", "time-outmedewerker (so)", None)
    woordvoerder_media: RoleAssignment | None = field(
        "woordvoerder_media", "woordvoerder richting pers", None
    )
    crisiscoordinator: RoleAssignment | None = field(
        "crisiscoordinator", "crisiscoördinator: leidt het crisisteam bij een ernstig incident", None
    )
    functionaris_gegevensbescherming: RoleAssignment | None = field(
        "functionaris_gegevensbescherming",
        "functionaris gegevensbescherming (FG): houdt toezicht op de omgang met persoonsgegevens",
        None,
    )

    teacher: TeacherRole | None = field(
        "leerkracht",
        "taken van elke leerkracht: een rol van het hele team, dus zonder namen, niet in contactoverzichten "
        "en nooit vacant",
        None,
    )

    def assigned(self) -> dict[str, RoleAssignment]:
        """The roles with holders that are filled in, by canonical id (not the team role `leerkracht`)."""
        return {
            name: value
            for name in type(self).model_fields
            if isinstance(value := getattr(self, name), RoleAssignment)
        }


class Quote(Block):
    """A quotation with its source."""

    text: Line = field("tekst", "het citaat")
    source: Line = field("bron", "auteur en jaar")


class Identity(Block):
    """Vision and values, written by the school."""

    vision: Vision | None = field("visie", "visie op een veilige school (Markdown, zonder koppen)", None)
    values: tuple[Line, ...] = field(
        "waarden", "pedagogische waarden, bijvoorbeeld 'we luisteren naar elkaar'", ()
    )
    core_values: tuple[Line, ...] = field("kernwaarden", "kernwaarden, bijvoorbeeld respect", ())
    slogan: Line | None = field("slogan", "motto of slogan", None)
    goals: tuple[Line, ...] = field("doelen", "waar de school naar streeft", ())
    quotes: tuple[Quote, ...] = field("citaten", "citaten met bron", ())


__all__ = [
    "Address",
    "Board",
    "SchoolInfo",
    "Person",
    "Organisation",
    "DocumentReference",
    "Roles",
    "Identity",
]
__all__ += ["RoleAssignment", "Assignment", "ContactPerson", "Terminology", "Publication", "Quote", "DocRef"]
__all__ += ["TeacherRole"]
