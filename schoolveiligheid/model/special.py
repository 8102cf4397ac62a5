"""Special education (so, vso): time-out, physical intervention, crisis model, levels of care."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Actor, Block, field
from .practice import Frequency
from .values import Line, Note, invalid


class CareLevel(Block):
    """A level of care (zorgniveau) in an SO school."""

    level: int = field("niveau", "nummer van het niveau", ge=1, le=9)
    description: Note = field("omschrijving", "wat dit niveau inhoudt")
    managers: tuple[Actor, ...] = field("trajectbeheerder", "wie het traject beheert", ())


class CareTeam(Block):
    """A care team that meets regularly."""

    name: Line = field("naam", "naam van het zorgteam, bijvoorbeeld commissie van begeleiding")
    members: tuple[Actor, ...] = field("leden", "wie in het zorgteam zitten: rol-id's", min_length=1)
    chair: Actor | None = field("voorzitter", "wie het zorgteam voorzit: een rol-id", None)
    frequency: Frequency | None = field("frequentie", "hoe vaak het zorgteam bijeenkomt", None)


class Room(Block):
    """A room used to calm down."""

    name: Line = field("naam", "naam van de ruimte")
    kind: Literal["time_out", "prikkelarm", "bijruimte"] = field("soort", "soort ruimte")
    locations: tuple[Line, ...] = field(
        "locaties", "waar de ruimte is, bijvoorbeeld naast het kantoor van de IB'er", ()
    )


class TimeOutPhase(Block):
    """One phase of the SO time-out, in order: from the first signal back to the group."""

    name: Line = field("naam", "naam van de fase, bijvoorbeeld 'terugkeer'")
    description: Note = field("beschrijving", "wat er in deze fase gebeurt")
    who: tuple[Actor, ...] = field("wie", "wie in deze fase handelt", ())


class Restriction(Block):
    """A time-out limit that applies only to the pupils whose own plan names it."""

    rule: Line = field("regel", "de afspraak, bijvoorbeeld 'hoogstens twee time-outs per dagdeel'")
    recorded_in: Literal["opp", "handelingsplan"] = field(
        "vastgelegd_in",
        "waar de afspraak per leerling staat: opp (ontwikkelingsperspectiefplan) of handelingsplan",
    )
    set_by: Actor = field(
        "vastgesteld_door",
        "wie de afspraak voor een leerling vaststelt, bijvoorbeeld commissie_van_begeleiding",
    )


class SoTimeOut(Block):
    """Time-out arrangements in special education: minutes in a room, then back to the group."""

    supervision: Literal["doorlopend", "interval"] | None = field(
        "toezicht",
        "doorlopend (er is steeds een medewerker bij het kind) of interval (een medewerker kijkt om de "
        "check_in_minuten); zonder deze sleutel geldt interval als check_in_minuten er staat",
        None,
    )
    check_in_minutes: int | None = field(
        "check_in_minuten",
        "bij toezicht: interval, om de hoeveel minuten een medewerker kijkt",
        None,
        ge=1,
        le=30,
    )
    max_minutes: int | None = field(
        "max_minuten", "hoe lang een time-out hoogstens duurt voordat er overleg volgt", None, ge=1, le=120
    )
    max_per_part_of_day: int | None = field(
        "max_per_dagdeel",
        "hoogstens zoveel time-outs per dagdeel, voor elke leerling (een grens voor enkele leerlingen hoort in "
        "beperkingen)",
        None,
        ge=1,
        le=5,
    )
    preventive: bool = field(
        "preventief", "true: een leerling kan ook vóór het escaleren een time-out nemen of krijgen", False
    )
    parents: Literal["direct", "zelfde_dag"] = field(
        "ouders_informeren", "wanneer ouders het horen van een time-out na ernstig gedrag", "zelfde_dag"
    )
    parents_preventive: bool = field(
        "ouders_bij_preventief",
        "false: ouders horen niet van elke preventieve time-out (alleen met preventief: true)",
        True,
    )
    registration: Line = field("registratie", "waar time-outs vastgelegd worden")
    phases: tuple[TimeOutPhase, ...] = field(
        "fasen",
        "de fasen van de time-out in volgorde; zonder deze lijst komen de standaardfasen in het plan",
        (),
    )
    escorts: tuple[Actor, ...] = field(
        "begeleiding", "wie het kind tijdens de time-out begeleidt, bijvoorbeeld time_out_medewerker", ()
    )
    restrictions: tuple[Restriction, ...] = field(
        "beperkingen", "afspraken die alleen gelden voor leerlingen bij wie ze in het eigen plan staan", ()
    )

    @model_validator(mode="after")
    def _supervision(self) -> SoTimeOut:
        supervision = self.supervision or ("interval" if self.check_in_minutes else None)
        if supervision is None:
            raise invalid(
                "toezicht",
                "zeg hoe het toezicht tijdens een time-out geregeld is",
                "schrijf toezicht: doorlopend, of toezicht: interval met check_in_minuten: (het aantal dat de "
                "school zelf heeft afgesproken)",
                sleutel="toezicht",
            )
        if supervision == "interval" and not self.check_in_minutes:
            raise invalid(
                "toezicht",
                "bij toezicht: interval hoort check_in_minuten",
                "vul check_in_minuten: in met het aantal minuten dat de school heeft afgesproken",
                sleutel="check_in_minuten",
            )
        if supervision == "doorlopend" and self.check_in_minutes:
            raise invalid(
                "toezicht",
                "bij doorlopend toezicht past geen check_in_minuten",
                "laat check_in_minuten weg, of zet toezicht: interval",
                sleutel="check_in_minuten",
            )
        if not self.parents_preventive and not self.preventive:
            raise invalid(
                "preventief",
                "ouders_bij_preventief: false heeft alleen zin met preventief: true",
                "zet preventief: true, of laat ouders_bij_preventief weg",
                sleutel="ouders_bij_preventief",
            )
        return self

    @property
    def supervision_mode(self) -> Literal["doorlopend", "interval"]:
        """The supervision as written, or interval when only check_in_minuten is given."""
        return self.supervision or ("interval" if self.check_in_minutes else "doorlopend")


class PhysicalIntervention(Block):
    """Physical intervention: only trained staff, always recorded, reported and evaluated."""

    training: Line = field(
        "training", "naam van de training of methode, bijvoorbeeld Geweldloos weerbaar begrenzen"
    )
    within_months: int = field(
        "verplicht_binnen_maanden", "nieuwe medewerkers volgen de training binnen zoveel maanden", ge=1, le=24
    )
    refresher: Frequency = field("opfris", "hoe vaak een opfriscursus")
    internal_trainers: int | None = field("trainers_intern", "aantal eigen trainers", None, ge=0, le=50)
    trainers: tuple[Actor, ...] = field("trainers", "wie de training in de school geeft (rollen)", ())
    registration: Line | None = field(
        "registratie",
        "waar elk fysiek ingrijpen wordt vastgelegd; anders het systeem van de incidentregistratie",
        None,
    )
    parents: Literal["direct", "zelfde_dag"] = field(
        "ouders_informeren", "wanneer ouders het horen van fysiek ingrijpen", "zelfde_dag"
    )
    evaluated_by: tuple[Actor, ...] = field(
        "evaluatie_door", "wie elk fysiek ingrijpen met de betrokkenen nabespreekt", ()
    )
    aftercare: Note | None = field("nazorg", "eigen afspraken over opvang van leerling en medewerker", None)


class CrisisPhase(Block):
    """One phase of the crisis model: what staff see, what they do, who acts, what is not allowed."""

    name: Line = field("fase", "naam van de fase, bijvoorbeeld 'spanning'")
    signals: Note = field("signalen", "wat medewerkers aan het kind zien")
    actions: Note = field("aanpak", "wat medewerkers in deze fase doen")
    who: tuple[Actor, ...] = field("wie", "wie handelt", min_length=1)
    not_allowed: Note | None = field("niet_doen", "wat in deze fase niet mag of niet helpt", None)


class ClassIntervention(Block):
    """An intervention in the classroom before a pupil leaves the group."""

    name: Line = field("naam", "naam, bijvoorbeeld 'werkplek bij de deur'")
    description: Note = field("omschrijving", "wat het inhoudt")


class Runaway(Block):
    """What staff do when a pupil runs away from the group or from the school grounds."""

    police_after_minutes: int = field(
        "politie_na_minuten",
        "na hoeveel minuten zoeken zonder het kind te vinden de school de politie belt",
        ge=1,
        le=120,
    )
    arrangements: Note | None = field(
        "afspraken", "eigen afspraken, bijvoorbeeld over het inhalen van gemiste tijd", None
    )


class RiskMoment(Block):
    """A moment of the school day when things go wrong more often, and what the school does then."""

    moment: Line = field("moment", "het moment, bijvoorbeeld 'de pauze' of 'instappen in de taxi'")
    arrangement: Note = field("afspraak", "wat de school op dat moment extra doet")


class SoPart(Block):
    """The special-education part: time-out, physical intervention, crisis model, levels of care."""

    time_out: SoTimeOut | None = field(
        "time_out", "de so-time-out: een korte tijd in een rustige ruimte", None
    )
    physical_intervention: PhysicalIntervention | None = field(
        "fysiek_ingrijpen", "wanneer en hoe medewerkers fysiek ingrijpen, en hoe dat wordt vastgelegd", None
    )
    rooms: tuple[Room, ...] = field("ruimtes", "time-out- en prikkelarme ruimtes", ())
    class_interventions: tuple[ClassIntervention, ...] = field(
        "klasinterventies", "wat medewerkers in de groep doen voordat een time-out nodig is", ()
    )
    crisis_model: tuple[CrisisPhase, ...] = field(
        "crisismodel",
        "de fasen van het crisismodel in volgorde; zonder deze lijst komt het standaardmodel",
        (),
    )
    care_levels: tuple[CareLevel, ...] = field(
        "zorgniveaus", "de niveaus van zorg en begeleiding, van licht naar zwaar", ()
    )
    care_teams: tuple[CareTeam, ...] = field(
        "zorgteams", "teams die regelmatig over leerlingen overleggen", ()
    )
    runaway: Runaway | None = field("weglopen", "wat medewerkers doen als een leerling wegloopt", None)
    risk_moments: tuple[RiskMoment, ...] = field(
        "risicomomenten", "momenten van de dag waarop het vaker misgaat, met de extra afspraak", ()
    )


__all__ = ["SoPart"]
