"""A letter case: one YAML file per letter, naming the school, the kind of letter and its facts.

A case holds a pupil's personal data, so it never lives in the policy folder and
never reaches the website. The model checks each value on its own (dates, times,
references into the school's policy); `checks.py` then checks what only the
whole case can show: the keys each kind of letter needs, and the law.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, field_validator
from pydantic_core import PydanticCustomError

from ..model.base import Block, RoleId, field
from ..model.parts import Address
from ..model.values import Date, Id, invalid
from .values import (
    ApproachId,
    CaseLine,
    Group,
    Groups,
    OrganisationId,
    Participant,
    PersonId,
    Sentence,
    Story,
    Time,
    short_line,
)

CASE_SCHEMA_VERSION = "sociale-veiligheid-zaak/1"


@dataclass(frozen=True, slots=True)
class LetterKind:
    """What a kind of letter needs: which keys, to whom, and how careful its words must be."""

    id: str
    title: str  # Dutch, for messages
    to_group: bool  # to all parents of one or more groups: no pupil, no names
    formal: bool  # a decision of the bevoegd gezag: registered, copies, objection
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    careful: bool = False  # no 'dader', 'slachtoffer' or 'schorsen' in its words
    special_only: bool = False  # only for so/vso schools


# Keys every case may have, whatever its kind.
COMMON_KEYS = ("schema", "school", "brief", "datum_brief", "ondertekenaar")
_PERSONAL = ("leerling", "ontvangers")
_PERSONAL_OPTIONAL = ("aanhef", "groepsleerkracht")

KINDS: dict[str, LetterKind] = {
    kind.id: kind
    for kind in (
        LetterKind(
            "schorsing",
            "schorsing",
            to_group=False,
            formal=True,
            required=(*_PERSONAL, "periode", "redenen", "maatregelen"),
            optional=(*_PERSONAL_OPTIONAL, "gesprek_op", "uitnodiging"),
        ),
        LetterKind(
            "voornemen_verwijdering",
            "voornemen tot verwijdering",
            to_group=False,
            formal=True,
            required=(*_PERSONAL, "groepsleerkracht", "redenen", "hoorgesprek"),
            optional=("aanhef", "gehoord", "maatregelen", "gesprek_op"),
        ),
        LetterKind(
            "definitieve_verwijdering",
            "definitieve verwijdering",
            to_group=False,
            formal=True,
            required=(
                *_PERSONAL,
                *(
                    "groepsleerkracht",
                    "redenen",
                    "gehoord",
                    "andere_school",
                    "ingangsdatum",
                    "gerelateerd_aan",
                ),
            ),
            optional=("aanhef", "maatregelen"),
        ),
        LetterKind(
            "incident_eigen_groep",
            "ouderbrief ernstig incident (betrokken groep)",
            to_group=True,
            formal=False,
            required=("groep", "incident", "betrokken_leerlingen"),
            optional=("deskundigen", "contactpersoon"),
            careful=True,
        ),
        LetterKind(
            "incident_overige_groepen",
            "ouderbrief incident (overige groepen)",
            to_group=True,
            formal=False,
            required=("groep", "incident", "betrokken_leerlingen"),
            optional=("ontvangende_groepen", "deskundigen", "contactpersoon"),
            careful=True,
        ),
        LetterKind(
            "incident_jonge_kinderen",
            "ouderbrief grensoverschrijdend gedrag jonge kinderen",
            to_group=True,
            formal=False,
            required=("groep", "incident", "gesprek_in_groep", "betrokken_leerlingen"),
            optional=("deskundigen", "contactpersoon"),
            careful=True,
        ),
        LetterKind(
            "pesten_gepeste_leerling",
            "melding pestsituatie aan de ouders van het gepeste kind",
            to_group=False,
            formal=False,
            required=(*_PERSONAL, "aanpak", "acties"),
            optional=(*_PERSONAL_OPTIONAL, "incident", "uitnodiging", "contactpersoon"),
            careful=True,
        ),
        LetterKind(
            "pesten_pestende_leerling",
            "melding pestsituatie aan de ouders van het kind dat pest",
            to_group=False,
            formal=False,
            required=(*_PERSONAL, "aanpak", "acties"),
            optional=(*_PERSONAL_OPTIONAL, "incident", "uitnodiging", "contactpersoon"),
            careful=True,
        ),
        LetterKind(
            "uitnodiging_gesprek",
            "uitnodiging voor een (herstel)gesprek",
            to_group=False,
            formal=False,
            required=(*_PERSONAL, "uitnodiging", "aanleiding"),
            optional=(*_PERSONAL_OPTIONAL, "soort_gesprek"),
        ),
        LetterKind(
            "time_out",
            "bericht over een time-out",
            to_group=False,
            formal=False,
            required=(*_PERSONAL, "time_out", "aanleiding"),
            optional=(*_PERSONAL_OPTIONAL, "uitnodiging"),
        ),
    )
}

KindId = Literal[
    "definitieve_verwijdering",
    "incident_eigen_groep",
    "incident_jonge_kinderen",
    "incident_overige_groepen",
    "pesten_gepeste_leerling",
    "pesten_pestende_leerling",
    "schorsing",
    "time_out",
    "uitnodiging_gesprek",
    "voornemen_verwijdering",
]


def _none_as_empty(value: Any) -> Any:
    # A list key written without items is left out, like every other empty key; checks.py then
    # reports it as empty when the kind of letter needs it.
    return () if value is None else value


class Pupil(Block):
    """The pupil the letter is about."""

    first_name: CaseLine = field("voornaam", "voornaam van de leerling")
    last_name: CaseLine = field("achternaam", "achternaam van de leerling")
    group: Group = field("groep", "groep van de leerling, bijvoorbeeld 6")
    noun: Literal["zoon", "dochter", "kind"] = field(
        "aanduiding", "zoon, dochter of kind: hoe de brief over de leerling spreekt", "kind"
    )


class InvolvedPupil(Block):
    """A child a letter to other parents is about: named only so the check can keep the name out."""

    first_name: CaseLine = field("voornaam", "voornaam van het kind")
    last_name: CaseLine | None = field("achternaam", "achternaam van het kind", None)


class Recipient(Block):
    """One addressee: a letter goes to each address separately."""

    name: CaseLine = field("naam", "naam boven het adres, bijvoorbeeld De heer en mevrouw Voorbeeld")
    address: Address = field("adres", "postadres")

    @field_validator("address")
    @classmethod
    def _short_lines(cls, address: Address) -> Address:
        # Address belongs to the policy model; in a letter its lines must also be short and plain.
        for key, text in (("straat", address.street), ("postbus", address.po_box), ("plaats", address.place)):
            if text is not None:
                try:
                    short_line(text)
                except PydanticCustomError as error:
                    raise invalid(
                        error.type, error.message_template, sleutel=key, **(error.context or {})
                    ) from None
        return address


class Period(Block):
    """The days of a schorsing, both included."""

    first: Date = field("van", "eerste dag van de schorsing")
    last: Date = field("tot_en_met", "laatste dag van de schorsing")


class Meeting(Block):
    """A meeting the parents are invited to."""

    date: Date = field("datum", "datum van het gesprek")
    time: Time = field("tijd", "begintijd, bijvoorbeeld 15.00")
    place: CaseLine | None = field("plaats", "waar, bijvoorbeeld de kamer van de directeur", None)
    with_: Annotated[tuple[Participant, ...], BeforeValidator(_none_as_empty)] = field(
        "met", "wie er namens de school bij zijn (rollen of personen)", ()
    )


class Heard(Block):
    """When each party was heard before the removal decision."""

    teacher: Date | None = field("groepsleerkracht", "datum waarop de groepsleerkracht is gehoord", None)
    parents: Date | None = field("ouders", "datum waarop de ouders zijn gehoord", None)
    pupil: Date | None = field("leerling", "datum waarop de leerling is gehoord", None)
    committee: Date | None = field(
        "commissie_van_begeleiding",
        "datum waarop de commissie van begeleiding is gehoord (sbo, so en vso, als het beleid haar noemt)",
        None,
    )


class OtherSchool(Block):
    """The school that is willing to admit the pupil."""

    name: CaseLine = field("naam", "naam van de school")
    place: CaseLine | None = field("plaats", "plaats van de school", None)
    admitted_on: Date | None = field(
        "toegezegd_op", "datum waarop die school toezegde de leerling toe te laten", None
    )


class Incident(Block):
    """What happened, in words fit for parents."""

    date: Date = field("datum", "datum van het incident")
    time: Time | None = field("tijd", "tijd van het incident", None)
    description: Story = field("omschrijving", "wat er gebeurde, zonder namen en zonder etiketten")
    discussed: Story | None = field("besproken_in_groep", "hoe het in de groep besproken is", None)
    kept_home: bool = field(
        "thuis_gehouden",
        "true wordt geweigerd: een kind dat op verzoek van de school thuisblijft, is geschorst (brief schorsing)",
        False,
    )
    parents_ask_calm: bool = field("ouders_vragen_rust", "true: de betrokken ouders vragen om rust", False)
    reported_on: Date | None = field("gemeld_op", "wanneer ouders het de school vertelden", None)


class GroupTalk(Block):
    """A conversation with the group (letter about young children)."""

    date: Date = field("datum", "datum van het gesprek in de groep")
    by: PersonId = field("door", "id van de persoon die het gesprek voerde")
    discussed: Story = field("besproken", "wat met de kinderen besproken is")


class TimeOutFacts(Block):
    """A time-out: the so-time-out (so.time_out) or, without one, the measure outside the group (maatregelen.time_out)."""

    date: Date = field("datum", "datum van de time-out")
    start: Time = field("van", "begintijd")
    end: Time = field("tot", "eindtijd")
    room: CaseLine = field(
        "ruimte",
        "waar de leerling was: bij een so-time-out een ruimte uit so.ruimtes, anders bijvoorbeeld de groep ernaast",
    )
    phoned_at: Time | None = field("ouders_gebeld_om", "hoe laat de ouders gebeld zijn", None)
    preventive: bool = field(
        "preventief",
        "true: een preventieve so-time-out (de leerling ging al vóór het escaleren); alleen met so.time_out.preventief",
        False,
    )


class Case(Block):
    """One letter: the school, the kind and its facts. Which keys a kind needs: see KINDS."""

    schema_version: Literal["sociale-veiligheid-zaak/1"] | None = field(
        "schema", f"versie van het bestandsformaat: {CASE_SCHEMA_VERSION}", None
    )
    school: Id = field("school", "id van de school (school.id in het beleid)")
    kind: KindId = field("brief", "soort brief")
    letter_date: Date = field("datum_brief", "datum van de brief")
    signatory: RoleId | None = field(
        "ondertekenaar", "rol die ondertekent; standaard brieven.ondertekenaar", None
    )
    pupil: Pupil | None = field("leerling", "de leerling (niet bij brieven aan alle ouders)", None)
    involved: Annotated[tuple[InvolvedPupil, ...], BeforeValidator(_none_as_empty)] = field(
        "betrokken_leerlingen",
        "alleen bij brieven aan andere ouders: de kinderen om wie het gaat; hun namen komen niet in de brief, "
        "de controle weigert een tekst waarin ze toch staan",
        (),
    )
    recipients: Annotated[tuple[Recipient, ...], BeforeValidator(_none_as_empty)] = field(
        "ontvangers", "ouders of verzorgers met hun adres", ()
    )
    salutation: CaseLine | None = field("aanhef", "eigen aanhef, bijvoorbeeld Beste Anna en Pieter", None)
    teacher: PersonId | None = field("groepsleerkracht", "id van de groepsleerkracht uit personen", None)
    group: Group | None = field("groep", "groep waarin het incident gebeurde", None)
    receiving_groups: Groups | None = field(
        "ontvangende_groepen", "groepen die de brief krijgen; standaard alle andere groepen", None
    )
    period: Period | None = field("periode", "eerste en laatste dag van de schorsing", None)
    reasons: tuple[Sentence, ...] | None = field("redenen", "de redenen van het besluit", None)
    measures: tuple[Sentence, ...] | None = field(
        "maatregelen", "wat de school doet, bijvoorbeeld schoolwerk voor thuis", None
    )
    talked_on: Date | None = field("gesprek_op", "datum van het gesprek met de ouders", None)
    invitation: Meeting | None = field(
        "uitnodiging", "een gesprek waarvoor de ouders worden uitgenodigd", None
    )
    hearing: Meeting | None = field("hoorgesprek", "het gesprek waarin de ouders worden gehoord", None)
    heard: Heard | None = field(
        "gehoord", "wanneer groepsleerkracht, ouders (en leerling) gehoord zijn", None
    )
    other_school: OtherSchool | None = field("andere_school", "de school die de leerling toelaat", None)
    effective_on: Date | None = field("ingangsdatum", "datum waarop de verwijdering ingaat", None)
    earlier: CaseLine | None = field(
        "gerelateerd_aan", "zaakbestand van de brief over het voornemen (pad vanaf dit bestand)", None
    )
    incident: Incident | None = field("incident", "wat er gebeurde", None)
    group_talk: GroupTalk | None = field("gesprek_in_groep", "het gesprek met de groep", None)
    experts: Annotated[tuple[OrganisationId, ...], BeforeValidator(_none_as_empty)] = field(
        "deskundigen", "organisaties die met de school meedenken", ()
    )
    contact: RoleId | None = field("contactpersoon", "rol bij wie ouders met vragen terechtkunnen", None)
    approach: ApproachId | None = field("aanpak", "aanpak uit de catalogus, bijvoorbeeld opa", None)
    actions: tuple[Sentence, ...] | None = field("acties", "wat de school nu doet", None)
    occasion: Story | None = field("aanleiding", "waarom de school schrijft", None)
    talk_kind: Literal["gesprek", "herstelgesprek"] = field(
        "soort_gesprek", "gesprek of herstelgesprek", "gesprek"
    )
    time_out: TimeOutFacts | None = field("time_out", "de time-out", None)

    @property
    def letter_kind(self) -> LetterKind:
        """What this kind of letter needs."""
        return KINDS[self.kind]


__all__ = ["Case", "KINDS", "LetterKind", "CASE_SCHEMA_VERSION", "COMMON_KEYS"]
