"""Policy parts for the chapters a board and the Inspectie expect beyond the core duties (issue 12).

Crisis and serious incidents, the code of conduct with internet and social media, citizenship and
inclusion, sexual development, training (deskundigheid), privacy and measurable goals. Which optional
chapters a school shows is the board's choice (`hoofdstukken`), inherited like any other value; the
chapter on the meldplicht bij zedendelicten has no switch, because the law always applies.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, WithJsonSchema, model_validator

from .base import Actor, ApproachRef, Block, DocRef, OrgRef, PersonRef, field
from .values import Date, Id, Line, Note, invalid, reference

_CATALOGUE_HINT = "zie templates/catalogus/ voor de ids"

ProgrammeRef = Annotated[
    str,
    AfterValidator(reference("catalogus_programma", "programma", _CATALOGUE_HINT)),
    WithJsonSchema({"type": "string", "x-catalogus": "programma"}),
]


class ChapterSwitches(Block):
    """Which optional chapters the plan has; a board sets them for all its schools."""

    crisis: bool = field("crisis", "hoofdstuk over crisis en ernstige incidenten", True)
    code_of_conduct: bool = field(
        "gedragscode", "hoofdstuk over de gedragscode, internet en sociale media", True
    )
    sexual_development: bool = field(
        "seksuele_ontwikkeling", "hoofdstuk over seksuele ontwikkeling en grensoverschrijdend gedrag", False
    )
    training: bool = field("deskundigheid", "hoofdstuk over scholing en deskundigheid van het team", True)
    privacy: bool = field("privacy", "hoofdstuk over wat de school vastlegt en hoe lang", True)


class CrisisMember(Block):
    """A member of the crisis team: a role and the task it has in a crisis."""

    role: Actor = field("rol", "een ingevulde rol, bijvoorbeeld crisiscoordinator of woordvoerder_media")
    task: Line = field("taak", "wat deze persoon in een crisis doet")


class Crisis(Block):
    """How the school acts in a crisis or after a serious incident."""

    team: tuple[CrisisMember, ...] = field("team", "het crisisteam: rollen met hun taak", ())
    meets_within_hours: int | None = field(
        "bijeen_binnen_uren", "binnen hoeveel uur het crisisteam bijeenkomt", None, ge=1, le=72
    )
    aftercare: OrgRef | None = field(
        "nazorg_organisatie", "organisatie die helpt bij opvang en nazorg (id uit organisaties)", None
    )
    evaluation_weeks: int | None = field(
        "evaluatie_binnen_weken", "binnen hoeveel weken het team de aanpak evalueert", None, ge=1, le=26
    )
    protocol: DocRef | None = field("protocol", "het uitgebreide crisisprotocol (id uit documenten)", None)
    addition: Note | None = field("aanvulling", "eigen afspraken van de school", None)


class Integrity(Block):
    """The code of conduct for staff and the rules for internet, social media and photos."""

    code: DocRef | None = field("gedragscode", "de gedragscode van het bestuur (id uit documenten)", None)
    photo_consent: Literal["bij_inschrijving", "jaarlijks"] = field(
        "toestemming_fotos",
        "wanneer ouders toestemming geven voor foto's en video's: bij_inschrijving of jaarlijks",
        "jaarlijks",
    )
    contact_channel: Line | None = field(
        "contact_kanaal",
        "het kanaal waarlangs medewerkers online contact hebben met leerlingen en ouders",
        None,
    )
    rules: tuple[Line, ...] = field("afspraken", "eigen afspraken over internet en sociale media", ())
    integrity_contact: Actor | None = field(
        "meldpunt_integriteit", "bij wie medewerkers een vermoeden van een misstand melden (rol)", None
    )


class Citizenship(Block):
    """Citizenship, discrimination and inclusion."""

    vision: Note | None = field("visie", "hoe de school aan burgerschap werkt, in eigen woorden", None)
    activities: tuple[Line, ...] = field(
        "activiteiten", "activiteiten, bijvoorbeeld een leerlingenraad of lessen over de democratie", ()
    )
    discrimination_contact: Actor | None = field(
        "meldpunt_discriminatie", "bij wie leerlingen en ouders discriminatie melden (rol)", None
    )
    antidiscrimination_service: OrgRef | None = field(
        "antidiscriminatievoorziening",
        "de antidiscriminatievoorziening in de gemeente (id uit organisaties)",
        None,
    )


class SexualDevelopment(Block):
    """The optional module on sexual development and cross-border behaviour."""

    method: ProgrammeRef | None = field(
        "methode", "lesmethode over relaties en seksualiteit (id uit de catalogus)", None
    )
    approach: ApproachRef | None = field(
        "aanpak", "aanpak om seksueel gedrag te beoordelen (id uit de catalogus)", None
    )
    contact: Actor | None = field("aanspreekpunt", "wie collega's en ouders hierover helpt (rol)", None)
    theme_week: Line | None = field("themaweek", "wanneer de school er extra aandacht aan geeft", None)


class Training(Block):
    """One training: who follows it and when."""

    role: Actor | None = field("rol", "voor welke rol (een ingevulde rol, of team)", None)
    group: Line | None = field("groep", "of voor wie, in eigen woorden, bijvoorbeeld alle medewerkers", None)
    person: PersonRef | None = field("persoon", "of voor welke persoon (id uit personen)", None)
    training: Line = field("training", "naam of onderwerp van de training")
    on: Date | None = field("datum", "datum van de (laatste) training", None)
    year: int | None = field("jaar", "of alleen het jaar", None, ge=2000, le=2100)
    refresher: Line | None = field("herhaling", "hoe vaak de training herhaald wordt", None)

    @model_validator(mode="after")
    def _who(self) -> Training:
        if [self.role, self.person, self.group].count(None) != 2:
            raise invalid(
                "deskundigheid",
                "noem bij een training één van rol, persoon of groep",
                "vul rol:, persoon: of groep: in",
            )
        return self


class Registration(Block):
    """One place where the school records something about pupils."""

    what: Line = field("wat", "wat wordt vastgelegd, bijvoorbeeld incidenten")
    where: Line = field("waar", "waar, bijvoorbeeld het leerlingvolgsysteem")
    access: Line = field("inzage", "wie het mag inzien")
    retention: Line = field("bewaartermijn", "hoe lang het bewaard wordt (keuze van school of bestuur)")


class Privacy(Block):
    """What is recorded where, who may see it and how long it is kept."""

    registrations: tuple[Registration, ...] = field(
        "registraties", "wat de school vastlegt; zonder lijst staan er standaardregels in het plan", ()
    )
    regulation: DocRef | None = field("privacyreglement", "het privacyreglement (id uit documenten)", None)


Indicator = Literal[
    "voelt_zich_veilig", "welbevinden", "niet_gepest", "ouders_tevreden", "medewerkers_veilig"
]


class Goal(Block):
    """A measurable goal for the yearly monitoring."""

    indicator: Indicator = field(
        "indicator",
        "wat gemeten wordt: voelt_zich_veilig, welbevinden, niet_gepest, ouders_tevreden of medewerkers_veilig",
    )
    minimum: int = field("minimaal", "het percentage dat de school minstens wil halen", ge=0, le=100)
    instrument: Id | None = field("instrument", "het instrument waarmee dit gemeten wordt", None)


__all__ = [
    "ChapterSwitches",
    "Citizenship",
    "Crisis",
    "Goal",
    "Integrity",
    "Privacy",
    "SexualDevelopment",
    "Training",
]
