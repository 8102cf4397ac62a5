"""What the school does: programmes, monitoring, rules, the anti-bullying approach, measures."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, GetJsonSchemaHandler, ValidationInfo, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from .base import Actor, ActorOrDescribed, ApproachRef, Block, DocRef, OrgRef, RouteStep, Status, field
from .values import Date, Groups, Id, Line, Note, Respondents, Text, Url, invalid, reference

Period = Literal["dag", "week", "twee_weken", "maand", "blok", "jaar", "twee_jaar"]
MONTH = Literal[
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


class Frequency(Block):
    """How often something happens: `{aantal: 2, per: jaar}`."""

    count: int = field("aantal", "hoe vaak", ge=1, le=100)
    per: Period = field("per", "per dag, week, twee_weken, maand, blok, jaar of twee_jaar")


class Term(Block):
    """A period of time; give exactly one unit: `{weken: 4}`."""

    hours: int | None = field("uren", "aantal uren", None, ge=1, le=720)
    days: int | None = field("dagen", "aantal kalenderdagen", None, ge=1, le=365)
    school_days: int | None = field("schooldagen", "aantal schooldagen", None, ge=1, le=200)
    weeks: int | None = field("weken", "aantal weken", None, ge=1, le=52)

    @model_validator(mode="after")
    def _one_unit(self) -> Term:
        given = [
            value for value in (self.hours, self.days, self.school_days, self.weeks) if value is not None
        ]
        if len(given) != 1:
            raise invalid(
                "termijn",
                "een termijn heeft precies één eenheid",
                "schrijf bijvoorbeeld {weken: 4} of {schooldagen: 2}",
            )
        return self


def _own_or_catalogue(kind: str, noun: str) -> Any:
    check = reference(
        f"catalogus_{kind}", noun, "zie templates/catalogus/, of zet eigen: true met titel en tekst"
    )

    def validate(value: Any, info: ValidationInfo) -> str:
        if info.data.get("own"):
            return str(value)
        return check(value, info)

    return validate


class MethodChoice(Block):
    """A programme or activity the school uses, by catalogue id or as its own (eigen)."""

    own: bool = field(
        "eigen", "true: niet uit de catalogus, met eigen titel en tekst (gekocht of zelf gemaakt)", False
    )
    self_developed: bool = field(
        "zelf_ontwikkeld",
        "true: de school heeft deze activiteit zelf ontwikkeld; alleen dan zeggen de documenten dat",
        False,
    )
    id: Annotated[Id, AfterValidator(_own_or_catalogue("programma", "programma"))] = field(
        "id",
        "id uit de catalogus (bijvoorbeeld vreedzame_school) of een eigen id",
        json_schema_extra={"x-catalogus": "programma"},  # the schema offers the catalogue's ids
    )
    title: Line | None = field(
        "titel", "titel (verplicht bij eigen; vervangt anders de catalogustitel)", None
    )
    text: Text | None = field(
        "tekst", "eigen tekst (verplicht bij eigen; vervangt anders de catalogustekst)", None
    )
    addition: Note | None = field("aanvulling", "extra tekst achter de catalogustekst", None)
    groups: Groups | None = field("groepen", "voor welke groepen, bijvoorbeeld 1-8", None)
    frequency: Frequency | None = field("frequentie", "hoe vaak, bijvoorbeeld {aantal: 1, per: week}", None)
    when: Line | None = field("wanneer", "wanneer, bijvoorbeeld de eerste zes schoolweken", None)
    status: Status = field("status", "actief, in_ontwikkeling of gepland", "actief")

    @model_validator(mode="after")
    def _own_needs_text(self) -> MethodChoice:
        if self.own and not self.title:
            raise invalid(
                "eigen", "een eigen activiteit heeft een titel nodig", "vul titel: in", sleutel="titel"
            )
        if self.own and not self.text:
            raise invalid(
                "eigen", "een eigen activiteit heeft een tekst nodig", "vul tekst: in", sleutel="tekst"
            )
        return self


class InstrumentChoice(Block):
    """A monitoring instrument and how the school uses it."""

    own: bool = field("eigen", "true: een eigen instrument met titel en tekst", False)
    instrument: Annotated[Id, AfterValidator(_own_or_catalogue("instrument", "instrument"))] = field(
        "instrument",
        "id uit de catalogus, bijvoorbeeld vensters of zien",
        json_schema_extra={"x-catalogus": "instrument"},  # the schema offers the catalogue's ids
    )
    title: Line | None = field("titel", "titel (verplicht bij eigen)", None)
    text: Note | None = field("tekst", "eigen tekst (verplicht bij eigen)", None)
    respondents: Respondents | None = field(
        "respondenten", "wie het invult; standaard uit de catalogus", None
    )
    groups: Groups | None = field("groepen", "in welke groepen, bijvoorbeeld 6-8", None)
    frequency: Frequency = field("frequentie", "hoe vaak, bijvoorbeeld {aantal: 1, per: jaar}")
    month: MONTH | None = field("maand", "in welke maand", None)
    last_taken: Date | None = field("laatste_afname", "datum van de laatste afname", None)

    @model_validator(mode="after")
    def _own_needs_text(self) -> InstrumentChoice:
        if self.own and not (self.title and self.text):
            raise invalid(
                "eigen",
                "een eigen instrument heeft titel en tekst nodig",
                "vul titel: en tekst: in",
                sleutel="titel",
            )
        return self


class Monitoring(Block):
    """The yearly monitoring of social safety (Wet veiligheid op school)."""

    instruments: tuple[InstrumentChoice, ...] = field("instrumenten", "gebruikte instrumenten", ())
    discussed_with: tuple[
        Literal["team", "mr", "gmr", "leerlingenraad", "bestuur", "ouders", "zorgteam", "directie"], ...
    ] = field("bespreking", "met wie de uitkomsten besproken worden", ())
    owner: Actor | None = field("verantwoordelijke", "wie de monitoring organiseert", None)
    results_url: Url | None = field("publicatie_url", "waar ouders de uitkomsten kunnen zien", None)
    note: Note | None = field("toelichting", "aanvulling", None)


class Analysis(Block):
    """One moment at which registered incidents are analysed: how often or when, with whom, and what."""

    what: Line | None = field(
        "wat", "wat er geanalyseerd wordt, bijvoorbeeld 'omvang en gevolgen van pesten'", None
    )
    frequency: Frequency | None = field("frequentie", "hoe vaak, bijvoorbeeld {aantal: 2, per: jaar}", None)
    moment: Line | None = field(
        "moment", "wanneer, in plaats van frequentie: bijvoorbeeld 'bij elke groepsbespreking'", None
    )
    with_: tuple[ActorOrDescribed, ...] = field(
        "met", "met wie: rol-id's of {omschrijving: ...} in eigen woorden", ()
    )

    @model_validator(mode="after")
    def _when(self) -> Analysis:
        if (self.frequency is None) == (self.moment is None):
            raise invalid(
                "analyse",
                "een analyse heeft een frequentie of een moment (precies één van beide)",
                "schrijf bijvoorbeeld frequentie: {aantal: 2, per: jaar} of moment: bij elke groepsbespreking",
                sleutel="frequentie",
            )
        return self


def _one_or_more(value: Any) -> Any:
    """One block is a list of one: `analyse: {…}` and `analyse: [{…}, {…}]` both work."""
    return [value] if isinstance(value, dict) else value


def _block_or_list(schema: dict[str, Any]) -> None:
    """The JSON Schema of a list that may also be written as a single block."""
    items = schema.get("items")
    if isinstance(items, dict):
        array = {"type": "array", "items": items}
        for key in ("type", "items"):
            schema.pop(key, None)
        schema["anyOf"] = [items, array]


class IncidentRegistration(Block):
    """Where and by whom incidents are recorded."""

    system: Line = field("systeem", "systeem, bijvoorbeeld ParnasSys")
    part: Line | None = field("onderdeel", "onderdeel van het systeem", None)
    responsible: Actor = field("verantwoordelijke", "wie zorgt dat incidenten vastgelegd worden")
    within_days: int | None = field(
        "vastleggen_binnen_dagen",
        "binnen hoeveel dagen na het voorval het incident vastgelegd is",
        None,
        ge=1,
        le=14,
    )
    analysis: Annotated[tuple[Analysis, ...], BeforeValidator(_one_or_more)] = field(
        "analyse",
        "wanneer de incidenten geanalyseerd worden: één blok, of een lijst als er meer momenten zijn",
        (),
        json_schema_extra=_block_or_list,
    )
    storage: Line | None = field("bewaren", "waar formulieren bewaard worden", None)


class Rule(Block):
    """A school rule, optionally with sub-rules (kapstokregel)."""

    text: Line = field("tekst", "de regel")
    sub_rules: tuple[Line, ...] = field("subregels", "onderliggende regels", ())

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return {"tekst": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # A rule may be written as plain text as well as a block with sub-rules.
        return {"anyOf": [{"type": "string", "description": "de regel"}, handler(schema)]}


class Principle(Block):
    """A stelregel: an agreement about how pupils, staff and parents act."""

    title: Line | None = field("titel", "korte titel", None)
    text: Note = field("tekst", "de afspraak")


class ClassRules(Block):
    """How each group makes its own rules."""

    when: Line = field("wanneer", "wanneer, bijvoorbeeld in de eerste schoolweek")
    by: Line = field("door", "door wie, bijvoorbeeld de leerkracht samen met de leerlingen")


class Rules(Block):
    """Norms and rules, from board norms to class rules."""

    conduct_norms: tuple[Line, ...] = field("omgangsnormen", "omgangsnormen (vaak van het bestuur)", ())
    school_rules: tuple[Rule, ...] = field("schoolregels", "schoolregels, eventueel met subregels", ())
    principles: tuple[Principle, ...] = field("stelregels", "afspraken over hoe iedereen handelt", ())
    class_rules: ClassRules | None = field("klassenregels", "hoe groepen eigen regels maken", None)
    devices: Note | None = field("apparaten", "afspraken over telefoons en apparaten", None)
    supervision: Note | None = field("toezicht", "toezicht in pauzes en op het plein", None)


class SupportGroup(Block):
    """Size of a support group (No Blame / steungroepaanpak)."""

    min: int = field("min", "minimaal aantal leerlingen", ge=3, le=10)
    max: int = field("max", "maximaal aantal leerlingen", ge=3, le=10)

    @model_validator(mode="after")
    def _ordered(self) -> SupportGroup:
        if self.min > self.max:
            raise invalid("steungroep", "min is groter dan max", "draai de getallen om", sleutel="min")
        return self


class ApproachDescription(Block):
    """The school's own description of a catalogue approach: replaces the catalogue text everywhere."""

    id: ApproachRef = field("id", "de aanpak uit methoden, bijvoorbeeld no_blame")
    title: Line | None = field("titel", "eigen titel (vervangt de catalogustitel)", None)
    text: Text = field("tekst", "de eigen beschrijving (vervangt de catalogustekst)")
    steps: tuple[Line, ...] = field("stappen", "eigen stappen (vervangen de stappen uit de catalogus)", ())


class Curative(Block):
    """The curative approach when bullying happens, with its parameters."""

    approaches: tuple[ApproachRef, ...] = field(
        "methoden", "aanpakken uit de catalogus, bijvoorbeeld opa, no_blame, vijfsporenaanpak", min_length=1
    )
    support_group: SupportGroup | None = field("steungroep", "grootte van de steungroep", None)
    follow_up_days: int | None = field(
        "vervolg_na_dagen", "na hoeveel dagen het vervolggesprek is", None, ge=1, le=21
    )
    group_meeting_within_hours: int | None = field(
        "steungroep_binnen_uren",
        "binnen hoeveel uur na het eerste gesprek de steungroep bijeenkomt",
        None,
        ge=1,
        le=72,
    )
    executors: tuple[ActorOrDescribed, ...] = field(
        "uitvoerders", "wie de aanpak uitvoert: rol-id's of {omschrijving: ...} in eigen woorden", ()
    )
    parents: Note | None = field("ouders_informeren", "hoe ouders geïnformeerd worden", None)
    descriptions: tuple[ApproachDescription, ...] = field(
        "beschrijvingen",
        "eigen beschrijving van een aanpak uit methoden; vervangt de catalogustekst in elk document",
        (),
    )

    @model_validator(mode="after")
    def _described_approaches_are_used(self) -> Curative:
        for description in self.descriptions:
            if description.id not in self.approaches:
                raise invalid(
                    "beschrijving",
                    "de aanpak '{aanpak}' heeft een beschrijving maar staat niet bij methoden",
                    "zet de aanpak ook bij methoden, of haal deze beschrijving weg",
                    sleutel="beschrijvingen",
                    aanpak=description.id,
                )
        return self


class EscalationStep(Block):
    """One step of the escalation ladder; the order in the list is the step number."""

    title: Line = field("titel", "naam van de stap")
    description: Note | None = field("beschrijving", "wat er in deze stap gebeurt", None)
    actions: tuple[Line, ...] = field("acties", "concrete acties", ())
    term: Term | None = field("termijn", "hoe lang deze stap duurt, bijvoorbeeld {weken: 4}", None)
    responsible: tuple[ActorOrDescribed, ...] = field(
        "verantwoordelijk", "wie verantwoordelijk is: rol-id's of {omschrijving: ...} in eigen woorden", ()
    )
    parents: Literal["informeren", "gesprek", "gesprek_beide_partijen", "schriftelijk"] | None = field(
        "ouders", "wat er met ouders gebeurt", None
    )
    record: bool = field("vastleggen", "true: de stap wordt vastgelegd in het leerlingdossier", False)
    measure: Literal["time_out", "schorsing", "verwijdering"] | None = field(
        "maatregel", "de maatregel die bij deze stap hoort (uit maatregelen)", None
    )


class Bullying(Block):
    """The anti-bullying approach."""

    definition: Literal["standaard", "eigen"] = field(
        "definitie", "standaard of eigen definitie van pesten", "standaard"
    )
    definition_text: Text | None = field("definitie_tekst", "eigen definitie (bij definitie: eigen)", None)
    curative: Curative | None = field("curatief", "de curatieve aanpak", None)
    escalation: tuple[EscalationStep, ...] = field(
        "escalatie", "stappen bij aanhoudend pesten of ernstig gedrag", ()
    )
    consequences: tuple[Line, ...] = field("consequenties", "mogelijke consequenties", ())
    cyberbullying: Note | None = field("cyberpesten", "eigen afspraken over online pesten", None)

    @model_validator(mode="after")
    def _own_definition(self) -> Bullying:
        if self.definition == "eigen" and not self.definition_text:
            raise invalid(
                "definitie",
                "definitie: eigen vraagt om definitie_tekst",
                "vul definitie_tekst: in",
                sleutel="definitie_tekst",
            )
        return self


class TimeOut(Block):
    """A time-out: the pupil leaves the group for a while but stays at school."""

    name: Line | None = field(
        "naam",
        "de naam die de school gebruikt, bijvoorbeeld 'interne afkoeling' (standaard: time-out; op een "
        "so-school met een so-time-out: tijdelijk buiten de groep)",
        None,
    )
    where: Line = field("waar", "waar de leerling heen gaat, bijvoorbeeld een andere groep")
    max_days: int = field("max_dagen", "hoogstens zoveel schooldagen", ge=1, le=5)
    decided_by: Actor = field("besluit_door", "wie besluit")
    parents: Literal["direct", "zelfde_dag"] = field(
        "ouders_informeren", "wanneer ouders het horen", "zelfde_dag"
    )
    excluded_from: tuple[Line, ...] = field(
        "niet_meedoen_met",
        "waar de leerling tijdens deze maatregel van kan worden uitgesloten, bijvoorbeeld gym of vieringen",
        (),
    )

    @model_validator(mode="after")
    def _own_name_beside_so_time_out(self, info: ValidationInfo) -> TimeOut:
        # An SO school also has the so-time-out (minutes in a room); two "Time-out" sections would contradict.
        if self.name and (info.context or {}).get("so_time_out") and _is_time_out(self.name):
            raise invalid(
                "naam",
                'de naam "{waarde}" botst met de so-time-out (so.time_out)',
                "geef deze maatregel de naam die de school gebruikt, bijvoorbeeld 'interne afkoeling'",
                sleutel="naam",
                waarde=self.name,
            )
        return self

    @property
    def outside_school(self) -> bool:
        """True when `waar` sends the pupil home or out of the school: that is a schorsing (law.py: schorsing_begrip)."""
        return bool(_OUTSIDE_SCHOOL.search(self.where))


# A place that is not in the school: at home, or "buiten (de) school". A measure there keeps the pupil out.
_OUTSIDE_SCHOOL = re.compile(r"\b(thuis|naar huis|buiten (de |het )?(school|schoolgebouw))\b", re.IGNORECASE)


def _is_time_out(name: str) -> bool:
    return re.sub(r"[^a-z]", "", name.lower()) == "timeout"


MANDATE_DESCRIPTION = (
    "bij besluit_door: directeur: het besluit waarmee het bevoegd gezag de directeur mandaat gaf, met wie het gaf en "
    "de datum, bijvoorbeeld 'mandaatbesluit van het college van bestuur van 1 maart 2026'"
)
RemovalGround = Literal["ondersteuning", "wangedrag", "gedrag_ouders", "grondslag"]


class Suspension(Block):
    """Schorsing: parameters the school sets within the law."""

    max_school_days: int = field(
        "max_schooldagen", "hoogstens zoveel schooldagen (de wet staat ten hoogste één week toe)", ge=1, le=20
    )
    decided_by: Literal["bevoegd_gezag", "directeur"] = field(
        "besluit_door", "het bevoegd gezag, of de directeur met mandaat", "bevoegd_gezag"
    )
    mandate: Line | None = field("mandaat", MANDATE_DESCRIPTION, None)
    notify_inspectie: bool = field(
        "inspectie_melden", "de inspectie krijgt bericht bij schorsing langer dan één dag (verplicht)", True
    )
    notify_leerplicht: bool = field("leerplicht_informeren", "de leerplichtambtenaar krijgt bericht", True)
    meeting_after: bool = field(
        "herstelgesprek_na_afloop", "na afloop een gesprek met leerling en ouders", True
    )
    tests_at_school: bool = field(
        "toetsen_op_school",
        "een toets die in de schorsing valt (zoals de eindtoets), maakt de leerling op school",
        False,
    )
    report: bool = field(
        "verslag",
        "van de schorsing en het gesprek komt een verslag dat de ouders voor gezien tekenen en dat in het dossier gaat",
        False,
    )
    objection_decision_days: int | None = field(
        "beslistermijn_bezwaar_dagen",
        "het bevoegd gezag beslist over een bezwaar tegen een schorsing binnen zoveel dagen (korter dan de wet "
        "vraagt; leeg: de wettelijke termijn)",
        None,
        ge=1,
        le=28,
    )


class Removal(Block):
    """Verwijdering: how the school prepares a removal decision."""

    hear: tuple[Literal["groepsleerkracht", "ouders", "leerling", "commissie_van_begeleiding"], ...] = field(
        "horen",
        "wie gehoord wordt voor het besluit (commissie_van_begeleiding alleen bij sbo, so en vso)",
        ("groepsleerkracht", "ouders"),
    )
    educational_report: bool = field("onderwijskundig_rapport", "er komt een onderwijskundig rapport", True)
    pupil_from_age: int | None = field(
        "leerling_horen_vanaf",
        "de leerling wordt gehoord vanaf deze leeftijd (alleen met leerling bij horen)",
        None,
        ge=4,
        le=20,
    )
    decided_by: Literal["bevoegd_gezag", "directeur"] = field(
        "besluit_door", "het bevoegd gezag, of de directeur met mandaat", "bevoegd_gezag"
    )
    mandate: Line | None = field("mandaat", MANDATE_DESCRIPTION, None)
    notify_intent: bool = field(
        "voornemen_melden",
        "de leerplichtambtenaar en de inspectie krijgen al een afschrift van de brief over het voornemen (goed "
        "gebruik, geen wettelijke plicht)",
        False,
    )
    grounds: tuple[RemovalGround, ...] = field(
        "gronden",
        "de redenen waarom de school een leerling kan verwijderen: ondersteuning, wangedrag, gedrag_ouders, "
        "grondslag (alleen bij een bijzondere school)",
        (),
    )

    @model_validator(mode="after")
    def _age_only_when_the_pupil_is_heard(self) -> Removal:
        if self.pupil_from_age is not None and "leerling" not in self.hear:
            raise invalid(
                "leerling_horen_vanaf",
                "leerling_horen_vanaf staat er, maar de leerling staat niet bij horen",
                "zet leerling bij horen, of haal leerling_horen_vanaf weg",
                sleutel="leerling_horen_vanaf",
            )
        return self

    @model_validator(mode="after")
    def _committee_only_where_it_exists(self, info: ValidationInfo) -> Removal:
        school_type = (info.context or {}).get("school_type")
        if "commissie_van_begeleiding" in self.hear and school_type == "po":
            raise invalid(
                "horen",
                "een basisschool (type po) heeft geen commissie van begeleiding",
                "haal commissie_van_begeleiding weg uit horen; die hoort bij sbo, so en vso",
                sleutel="horen",
            )
        return self


class Measures(Block):
    """Time-out, schorsing and verwijdering."""

    time_out: TimeOut | None = field("time_out", "time-out binnen de school", None)
    suspension: Suspension | None = field(
        "schorsing", "schorsing: wie besluit en hoeveel schooldagen ten hoogste", None
    )
    removal: Removal = field("verwijdering", "verwijdering: wie besluit en hoe", Removal())


ComplaintScope = Literal["pesten", "machtsmisbruik", "kwaliteit", "algemeen"]


class ComplaintRoute(Block):
    """A route for complaints of one kind, step by step, ending at its own committee."""

    name: Line = field("naam", "naam van de route, bijvoorbeeld 'klachten over de school'")
    scope: tuple[ComplaintScope, ...] = field(
        "reikwijdte",
        "waarover: pesten, machtsmisbruik (ongewenst gedrag), kwaliteit (de gang van zaken) of algemeen",
        (),
    )
    steps: tuple[RouteStep, ...] = field("stappen", "rollen en organisaties in volgorde", min_length=1)
    committee: OrgRef | None = field(
        "commissie",
        "id van de klachtencommissie van deze route in organisaties (met postadres en secretariaat); "
        "zonder: klachten.commissie",
        None,
    )


class Complaints(Block):
    """The complaint procedure."""

    regulation: DocRef = field("regeling", "id van de klachtenregeling in documenten")
    committee: OrgRef | None = field(
        "commissie",
        "id van de klachtencommissie in organisaties, voor elke route zonder eigen commissie "
        "(mag bij een concept nog ontbreken: dan staat er [klachtencommissie volgt])",
        None,
    )
    routes: tuple[ComplaintRoute, ...] = field("routes", "klachtroutes", ())

    @model_validator(mode="after")
    def _committee_for_every_route(self, info: ValidationInfo) -> Complaints:
        # A concept may not know its committee yet: `controleer` reports it and a letter is refused.
        if self.lacks_committee and not (info.context or {}).get("concept"):
            raise invalid(
                "commissie",
                "niet elke klachtroute heeft een klachtencommissie",
                "vul klachten.commissie in, of commissie: bij elke route (alleen een concept mag die nog missen)",
                sleutel="commissie",
            )
        return self

    @property
    def lacks_committee(self) -> bool:
        """True when a route (or, without routes, the procedure) has no committee yet: only in a concept."""
        return self.committee is None and (not self.routes or any(r.committee is None for r in self.routes))

    def committee_of(self, route: ComplaintRoute) -> str | None:
        """The id of the committee a route ends at: its own, else the procedure's; None in a concept without."""
        return route.committee or self.committee

    def route_for(self, scope: ComplaintScope) -> ComplaintRoute | None:
        """The route whose scope covers `scope`; else the first route for everything (algemeen, or no scope)."""
        return next((r for r in self.routes if scope in r.scope), None) or next(
            (r for r in self.routes if "algemeen" in r.scope or not r.scope), None
        )


class Meldcode(Block):
    """The meldcode huiselijk geweld en kindermishandeling the school follows."""

    document: DocRef = field("document", "id van de meldcode in documenten")
    note: Note | None = field("toelichting", "aanvulling", None)


ChannelKind = Literal[
    "website", "nieuwsbrief", "ouderapp", "email", "ouderavond", "schoolgids", "sociale_media", "spreekuur"
]


class Channel(Block):
    """A communication channel to parents."""

    kind: ChannelKind = field("soort", "soort kanaal")
    name: Line | None = field("naam", "naam, bijvoorbeeld de naam van de app", None)
    url: Url | None = field("url", "webadres", None)
    frequency: Frequency | None = field("frequentie", "hoe vaak", None)


class Communication(Block):
    """How the school keeps parents and pupils involved."""

    channels: tuple[Channel, ...] = field("kanalen", "communicatiekanalen", ())
    parent_involvement: Text | None = field("ouderbetrokkenheid", "hoe ouders betrokken zijn", None)
    pupil_voice: Note | None = field("leerlingstem", "hoe leerlingen meepraten", None)
    bullying_in_newsletter: Frequency | None = field(
        "pesten_in_nieuwsbrief", "hoe vaak pesten in de nieuwsbrief staat", None
    )
    protocol_at_registration: bool = field(
        "protocol_bij_aanmelding", "ouders krijgen het protocol bij aanmelding", False
    )


class LetterSettings(Block):
    """Defaults for letters to parents."""

    signatory: Actor = field("ondertekenaar", "wie brieven ondertekent", "directeur")
    registered: bool = field("aangetekend", "formele besluiten aangetekend versturen", True)


__all__ = [
    "Frequency",
    "Term",
    "MethodChoice",
    "InstrumentChoice",
    "Monitoring",
    "IncidentRegistration",
    "Rules",
]
__all__ += ["Bullying", "Measures", "Complaints", "Meldcode", "Communication", "LetterSettings"]
__all__ += ["Id"]
