"""Value types of a letter case: plain letter text, times, a school's groups, references into its policy.

Each checks what a user typed against the school the case belongs to (the ids
arrive as validation context) and explains in Dutch what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ValidationInfo, WithJsonSchema

from ..model.values import Line, bounded_text, invalid, no_control_characters, reference, suggest

# Left-over blanks of a fill-in-the-blanks letter: they must never reach a parent.
_RESIDUE = re.compile(r"\.{3,}|…|<[^<>\s](?:[^<>\n]{0,38}[^<>\s])?>|\b[Xx]{2,}\b|\bgroep X\b")


# Control characters: docxtpl turns some into page or paragraph breaks, others make the Word file invalid.


def _plain_text(max_length: int) -> Callable[[Any], str]:
    """Plain text for a letter: paragraphs separated by a blank line, no blanks left to fill."""

    def check(value: Any) -> str:
        text = bounded_text(
            value,
            max_length,
            "gebruik '|' en schrijf de tekst ingesprongen eronder",
            "houd een brief kort; details horen in het dossier",
        )
        residue = _RESIDUE.search(text)
        if residue:
            raise invalid(
                "invulplek",
                'hier staat nog een invulplek: "{plek}"',
                "vul de echte gegevens in; een brief mag geen puntjes of <...> bevatten",
                plek=residue.group(0),
            )
        return text

    return check


Sentence = Annotated[
    str,
    BeforeValidator(_plain_text(400)),
    WithJsonSchema({"type": "string", "maxLength": 400, "description": "gewone tekst"}),
]
Story = Annotated[
    str,
    BeforeValidator(_plain_text(1500)),
    WithJsonSchema(
        {"type": "string", "maxLength": 1500, "description": "gewone tekst, alinea's met een witregel"}
    ),
]

# One line in a letter: a name, an address line, a place. Longer text belongs in the case's stories.
LINE_MAX = 150


def short_line(text: str) -> str:
    """A line of a letter: short, without control characters."""
    no_control_characters(text)
    if len(text) > LINE_MAX:
        raise invalid(
            "te_lang",
            "deze regel is te lang ({lengte} tekens, maximaal {maximum})",
            "een regel in een brief is kort: een naam, een adres of een plaats",
            lengte=len(text),
            maximum=LINE_MAX,
        )
    return text


CaseLine = Annotated[
    Line,
    AfterValidator(short_line),
    WithJsonSchema({"type": "string", "maxLength": LINE_MAX, "description": "één regel tekst"}),
]


def _one_value(value: Any, what: str, example: str) -> str:
    """A scalar as text; a list or block where one value belongs gets its own message, not its repr."""
    if isinstance(value, (list, dict)):
        raise invalid("een_waarde", f"verwacht {what}, geen lijst of blok", f"schrijf bijvoorbeeld {example}")
    return str(value).strip() if value is not None else ""


_TIME = re.compile(r"(\d{1,2})[.:](\d{2})(?:\s*uur)?")


def _time(value: Any) -> str:
    text = _one_value(value, "een tijd", '"15.00"')
    match = _TIME.fullmatch(text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise invalid(
            "tijd", 'ongeldige tijd "{waarde}"', "schrijf een tijd als 15.00 (uren.minuten)", waarde=text
        )
    return f"{int(match[1])}.{match[2]}"


Time = Annotated[
    str,
    BeforeValidator(_time),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\d{1,2}[.:]\d{2}$", "description": "tijd, bijvoorbeeld 15.00"}
    ),
]


def _group(value: Any, info: ValidationInfo) -> str:
    text = _one_value(value, "één groep", 'groep: "6"')
    label = re.sub(r"^(groep|stamgroep|klas)\s+", "", text, flags=re.IGNORECASE)
    known: list[str] = list((info.context or {}).get("groepen", []))
    if known and label not in known:
        raise invalid(
            "groepen",
            'groep "{waarde}" bestaat niet op deze school',
            f"groepen van deze school (school.groepen): {', '.join(known)}",
            waarde=text,
        )
    return label


Group = Annotated[
    str,
    BeforeValidator(_group),
    WithJsonSchema({"type": "string", "description": "een groep van de school, bijvoorbeeld 6"}),
]


def _groups(value: Any, info: ValidationInfo) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise invalid("groepen", "verwacht een lijst van groepen", "schrijf bijvoorbeeld ['5', '6']")
    return tuple(dict.fromkeys(_group(item, info) for item in value))


Groups = Annotated[
    tuple[str, ...],
    BeforeValidator(_groups),
    WithJsonSchema({"type": "array", "items": {"type": "string"}, "description": "groepen van de school"}),
]

PersonId = Annotated[
    str,
    AfterValidator(
        reference("personen", "persoon", "gebruik een id uit personen in het beleid van de school")
    ),
    WithJsonSchema({"type": "string", "description": "id van een persoon uit het beleid van de school"}),
]
OrganisationId = Annotated[
    str,
    AfterValidator(
        reference(
            "organisaties", "organisatie", "gebruik een id uit organisaties in het beleid van de school"
        )
    ),
    WithJsonSchema({"type": "string", "description": "id van een organisatie uit het beleid van de school"}),
]
ApproachId = Annotated[
    str,
    AfterValidator(reference("catalogus_aanpak", "aanpak", "zie templates/catalogus/aanpakken.yaml")),
    WithJsonSchema(
        # The schema generator offers the catalogue's approaches as choices (model/schema.py).
        {
            "type": "string",
            "description": "id van een aanpak uit de catalogus, bijvoorbeeld opa",
            "x-catalogus": "aanpak",
        }
    ),
]


def _participant(value: Any, info: ValidationInfo) -> str:
    """A filled role or a person of the school: who takes part in a meeting."""
    text = _one_value(value, "een rol of persoon", "directeur")
    context = info.context or {}
    people: set[str] = context.get("personen", set())
    roles: set[str] = context.get("rollen", set())
    if context and text not in people and text not in roles:
        raise invalid(
            "verwijzing",
            '"{waarde}" is geen ingevulde rol en geen persoon van de school',
            suggest(text, people | roles),
            waarde=text,
        )
    return text


Participant = Annotated[
    str,
    BeforeValidator(_participant),
    WithJsonSchema({"type": "string", "description": "een ingevulde rol (directeur) of een persoon-id"}),
]


__all__ = [
    "CaseLine",
    "LINE_MAX",
    "short_line",
    "Sentence",
    "Story",
    "Time",
    "Group",
    "Groups",
    "PersonId",
    "OrganisationId",
    "ApproachId",
    "Participant",
]
