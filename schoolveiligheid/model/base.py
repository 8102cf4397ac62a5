"""The base of every policy block, the shared vocabulary, and reference types.

Blocks are frozen pydantic models with Dutch aliases (the YAML keys) and
English attribute names (the code). Each field carries a Dutch description,
which becomes the JSON Schema that editors use for completion and hints.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, WithJsonSchema

from .values import Id, invalid, reference


class Block(BaseModel):
    """A part of the policy: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
        str_strip_whitespace=True,
    )


def field(alias: str, description: str, default: Any = ..., **extra: Any) -> Any:
    """A field with its YAML key and the description an editor shows."""
    return Field(default, alias=alias, description=description, **extra)


# Canonical roles: id -> (default label, legal term when the law names the task).
ROLES: dict[str, tuple[str, str | None]] = {
    "directeur": ("directeur", None),
    "adjunct_directeur": ("adjunct-directeur", None),
    "coordinator_anti_pestbeleid": ("coördinator anti-pestbeleid", "coördinator anti-pestbeleid"),
    "aanspreekpunt_pesten": ("aanspreekpunt pesten", "aanspreekpunt pesten"),
    "interne_vertrouwenspersoon": ("interne vertrouwenspersoon", None),
    "externe_vertrouwenspersoon": ("externe vertrouwenspersoon", None),
    "aandachtsfunctionaris_meldcode": (
        "aandachtsfunctionaris meldcode",
        "aandachtsfunctionaris huiselijk geweld en kindermishandeling",
    ),
    "intern_begeleider": ("intern begeleider", None),
    "gedragswetenschapper": ("gedragswetenschapper", None),
    "schoolmaatschappelijk_werker": ("schoolmaatschappelijk werker", None),
    "ict_coordinator": ("ICT-coördinator", None),
    "preventiemedewerker": ("preventiemedewerker", None),
    "time_out_medewerker": ("time-outmedewerker", None),
    "woordvoerder_media": ("woordvoerder", None),
    "functionaris_gegevensbescherming": (
        "functionaris gegevensbescherming",
        "functionaris gegevensbescherming",
    ),
}

# People who act in procedures without being a named role holder.
GENERIC_ACTORS: dict[str, str] = {
    "leerkracht": "leerkracht",
    "team": "team",
    "directie": "directie",
    "bevoegd_gezag": "bevoegd gezag",
    "zorgteam": "zorgteam",
}

RoleId = Literal[
    "directeur",
    "adjunct_directeur",
    "coordinator_anti_pestbeleid",
    "aanspreekpunt_pesten",
    "interne_vertrouwenspersoon",
    "externe_vertrouwenspersoon",
    "aandachtsfunctionaris_meldcode",
    "intern_begeleider",
    "gedragswetenschapper",
    "schoolmaatschappelijk_werker",
    "ict_coordinator",
    "preventiemedewerker",
    "time_out_medewerker",
    "woordvoerder_media",
    "functionaris_gegevensbescherming",
]

Audience = Literal["leerlingen", "ouders", "medewerkers"]
Status = Literal["actief", "in_ontwikkeling", "gepland"]


PersonRef = Annotated[
    str,
    AfterValidator(reference("personen", "persoon", "gebruik een id uit de lijst personen")),
    WithJsonSchema({"type": "string", "description": "id van een persoon uit personen"}),
]
OrgRef = Annotated[
    str,
    AfterValidator(reference("organisaties", "organisatie", "gebruik een id uit de lijst organisaties")),
    WithJsonSchema({"type": "string", "description": "id van een organisatie uit organisaties"}),
]
DocRef = Annotated[
    str,
    AfterValidator(reference("documenten", "document", "gebruik een id uit de lijst documenten")),
    WithJsonSchema({"type": "string", "description": "id van een document uit documenten"}),
]


def _actor(kind: str, hint: str) -> Any:
    check = reference(kind, "rol", hint)

    def validate(value: Any, info: ValidationInfo) -> str:
        filled = (info.context or {}).get(kind)
        if filled is not None and value in ROLES and value not in filled:
            raise invalid(
                "verwijzing",
                'de rol "{waarde}" is niet ingevuld',
                f"vul rollen.{value} in, of kies een rol die wel ingevuld is",
                waarde=value,
            )
        return check(value, info)

    return validate


Actor = Annotated[
    str,
    AfterValidator(
        _actor(
            "actoren",
            "gebruik een ingevulde rol uit rollen, of leerkracht, team, directie, bevoegd_gezag of zorgteam",
        )
    ),
    WithJsonSchema(
        {
            "type": "string",
            "description": "een ingevulde rol (bijvoorbeeld intern_begeleider) of leerkracht, team, directie, "
            "bevoegd_gezag, zorgteam",
        }
    ),
]
RouteStep = Annotated[
    str,
    AfterValidator(
        _actor("stappen", "noem een ingevulde rol, leerkracht, directie, bevoegd_gezag of een organisatie-id")
    ),
    WithJsonSchema(
        {
            "type": "string",
            "description": "een ingevulde rol, leerkracht, directie, bevoegd_gezag of organisatie-id",
        }
    ),
]


CATALOGUE_HINT = (
    "zie templates/catalogus/ voor de beschikbare id's, of gebruik eigen: true met titel en tekst"
)
ApproachRef = Annotated[
    str,
    AfterValidator(reference("catalogus_aanpak", "aanpak", CATALOGUE_HINT)),
    # The schema generator replaces the marker with the catalogue's ids as choices.
    WithJsonSchema({"type": "string", "x-catalogus": "aanpak"}),
]
PartnerKind = Annotated[
    str,
    AfterValidator(reference("catalogus_partner", "soort organisatie", CATALOGUE_HINT)),
    # The schema generator replaces the marker with the catalogue's ids as choices.
    WithJsonSchema({"type": "string", "x-catalogus": "partner"}),
]

__all__ = ["Id", "Block", "field"]
