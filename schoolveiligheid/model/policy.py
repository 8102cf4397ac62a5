"""The whole policy of one school (board values already merged in), and a board file."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Actor, Block, field
from .chapters import (
    ChapterSwitches,
    Citizenship,
    Crisis,
    Goal,
    Integrity,
    Privacy,
    SexualDevelopment,
    Training,
)
from .monitoring import MonitoringResult, duplicate_results
from .own_texts import OwnTextChoice
from .parts import Board, DocumentReference, Identity, Organisation, Person, Roles, SchoolInfo
from .practice import (
    Bullying,
    Communication,
    Complaints,
    IncidentRegistration,
    LetterSettings,
    Measures,
    Meldcode,
    MethodChoice,
    Monitoring,
    Rules,
)
from .special import SoPart
from .values import Date, Line, SchoolYear, invalid

SCHEMA_VERSION = "sociale-veiligheid/1"


class DocumentInfo(Block):
    """School year, version and adoption of this year's policy."""

    school_year: SchoolYear = field("schooljaar", "schooljaar, bijvoorbeeld 2026-2027")
    version: Line | None = field(
        "versie",
        "versienummer, bijvoorbeeld 1.0 (mag bij een concept nog ontbreken: dan staat er [versie volgt])",
        None,
    )
    status: Literal["concept", "vastgesteld"] = field(
        "status", "concept (nog in bespreking; alles krijgt CONCEPT) of vastgesteld"
    )
    consent_on: Date | None = field("mr_instemming_op", "datum waarop de MR instemde", None)
    adopted_on: Date | None = field("vastgesteld_op", "datum van vaststelling", None)
    adopted_by: Line | None = field(
        "vastgesteld_door", "wie vaststelde, bijvoorbeeld het College van Bestuur", None
    )
    evaluation_before: Date | None = field("evaluatie_voor", "uiterste datum van de evaluatie", None)
    owner: Actor | None = field("eigenaar", "wie het beleid bijhoudt", None)
    open_points: tuple[Line, ...] = field(
        "open_punten", "wat nog besloten moet worden (alleen bij concept)", ()
    )

    @model_validator(mode="after")
    def _adopted_has_date(self) -> DocumentInfo:
        if self.status == "vastgesteld" and self.adopted_on is None:
            raise invalid(
                "vastgesteld",
                "status vastgesteld vraagt om een datum van vaststelling",
                "vul vastgesteld_op: in, of zet status: concept",
                sleutel="vastgesteld_op",
            )
        if self.status == "vastgesteld" and self.version is None:
            raise invalid(
                "vastgesteld",
                "een vastgesteld beleid heeft een versienummer nodig",
                "vul versie: in, bijvoorbeeld 1.0, of zet status: concept",
                sleutel="versie",
            )
        if self.status == "vastgesteld" and self.open_points:
            raise invalid(
                "vastgesteld",
                "een vastgesteld beleid heeft geen open punten",
                "werk de open punten uit of zet status: concept",
                sleutel="open_punten",
            )
        return self


class PolicySections(Block):
    """The sections a board may set for all its schools and a school may override."""

    schema_version: Literal["sociale-veiligheid/1"] | None = field(
        "schema", f"versie van het bestandsformaat: {SCHEMA_VERSION}", None
    )
    example: bool = field(
        "voorbeeld",
        "true: dit is een verzonnen voorbeeld, geen echt beleid; documenten en website zeggen dat, en "
        "controleer meldt de namen, nummers en adressen uit het voorbeeld dan niet (meestal in het "
        "bestuursbestand; een echte school laat dit weg)",
        False,
    )
    templates: Line | None = field(
        "sjablonen",
        "map met eigen sjablonen (vanaf dit bestand); bestanden daarin vervangen de standaard",
        None,
    )
    identity: Identity = field("identiteit", "visie en waarden", Identity())
    people: tuple[Person, ...] = field("personen", "mensen met een rol, met contactgegevens", ())
    roles: Roles = field("rollen", "wie welke rol heeft", Roles())
    organisations: tuple[Organisation, ...] = field("organisaties", "externe partners (sociale kaart)", ())
    documents: tuple[DocumentReference, ...] = field("documenten", "documenten waarnaar verwezen wordt", ())
    methods: tuple[MethodChoice, ...] = field("methoden", "programma's en activiteiten", ())
    monitoring: Monitoring | None = field(
        "monitoring", "jaarlijkse monitoring van de sociale veiligheid", None
    )
    incidents: IncidentRegistration | None = field("incidentregistratie", "registratie van incidenten", None)
    rules: Rules = field("regels", "omgangsnormen en regels", Rules())
    bullying: Bullying | None = field("pestaanpak", "de aanpak van pesten", None)
    measures: Measures = field("maatregelen", "time-out, schorsing en verwijdering", Measures())
    complaints: Complaints | None = field("klachten", "de klachtenregeling", None)
    meldcode: Meldcode | None = field("meldcode", "de meldcode huiselijk geweld en kindermishandeling", None)
    communication: Communication = field(
        "communicatie", "communicatie met ouders en leerlingen", Communication()
    )
    letters: LetterSettings = field("brieven", "instellingen voor brieven aan ouders", LetterSettings())
    so: SoPart | None = field("so", "deel voor speciaal onderwijs (alleen bij type so of vso)", None)
    chapters: ChapterSwitches = field(
        "hoofdstukken",
        "welke keuzehoofdstukken het plan heeft (meestal door het bestuur gekozen)",
        ChapterSwitches(),
    )
    crisis: Crisis = field("crisis", "crisis en ernstige incidenten: crisisteam, nazorg, evaluatie", Crisis())
    integrity: Integrity = field(
        "integriteit", "gedragscode voor medewerkers, internet, sociale media en foto's", Integrity()
    )
    citizenship: Citizenship = field("burgerschap", "burgerschap, discriminatie en inclusie", Citizenship())
    sexual_development: SexualDevelopment = field(
        "seksuele_ontwikkeling", "seksuele ontwikkeling en grensoverschrijdend gedrag", SexualDevelopment()
    )
    training: tuple[Training, ...] = field("deskundigheid", "wie welke training volgt en wanneer", ())
    privacy: Privacy = field("privacy", "wat de school vastlegt, wie het inziet en hoe lang", Privacy())
    goals: tuple[Goal, ...] = field("doelen", "meetbare doelen voor de jaarlijkse monitoring", ())
    own_texts: tuple[OwnTextChoice, ...] = field(
        "eigen_teksten",
        "eigen teksten als Markdown-bestand: vervangen een hoofdstuk of sectie, komen na een hoofdstuk "
        "of als bijlage bij een document",
        (),
        max_length=100,
    )


class BoardFile(PolicySections):
    """A board file: the board itself plus values every school inherits."""

    board: Board = field("bestuur", "het bevoegd gezag")


class Policy(PolicySections):
    """One school's complete policy, with its board's values merged in."""

    board: Board = field("bestuur", "het bevoegd gezag (uit het bestuursbestand of in dit bestand)")
    school: SchoolInfo = field("school", "de school")
    document: DocumentInfo = field("document", "schooljaar, versie en vaststelling")
    results: tuple[MonitoringResult, ...] = field(
        "monitoring_resultaten",
        "de cijfers van de monitor per instrument en schooljaar (alleen totalen, nooit antwoorden van één leerling)",
        (),
        max_length=200,
    )

    @model_validator(mode="after")
    def _one_result_per_instrument_and_year(self) -> Policy:
        for index, result in duplicate_results(self.results):
            raise invalid(
                "monitoring_resultaten",
                "resultaat {nummer} noemt {instrument} in {jaar} opnieuw",
                "geef elk instrument één resultaat per schooljaar",
                nummer=index + 1,
                instrument=result.instrument,
                jaar=str(result.school_year),
                sleutel="monitoring_resultaten",
            )
        return self

    @model_validator(mode="after")
    def _so_part_only_for_special_education(self) -> Policy:
        if self.so is not None and self.school.type not in {"so", "vso"}:
            raise invalid(
                "so",
                "het so-deel hoort alleen bij een school van type so of vso",
                "verwijder so: of zet school.type op so",
                sleutel="so",
            )
        return self
