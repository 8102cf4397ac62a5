"""The base of every policy block, the shared vocabulary, and reference types.

Blocks are frozen pydantic models with Dutch aliases (the YAML keys) and
English attribute names (the code). Each field carries a Dutch description,
which becomes the JSON Schema that editors use for completion and hints.

A loaded block also knows where it was written: `attach_marks` walks the
validated model and the loader's marked data together, once, and gives every
block the marks of its keys and list items. Later stages ask a block
(`block.mark_of("phone")`) instead of spelling out YAML keys again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from ..load import Mark, MarkedDict, MarkedList
from .values import Id, invalid, reference

# The words the tool reads as yes and no. pydantic would also take yes, on, 1 (and their opposites),
# but an editor reading YAML 1.2 sees those as text, and 'ja'/'nee' not at all: only true and false
# mean the same everywhere (the JSON Schema says so too, model/patterns.py).
_TRUTH = {"true": True, "false": False}


@dataclass(frozen=True, slots=True)
class Marks:
    """Where a block was written (its key or list item), and each of its keys and list items."""

    at: Mark
    keys: Mapping[str, Mark]  # YAML key -> the line of that key
    items: Mapping[str, tuple[Mark, ...]]  # YAML key of a list -> the line of each item


def _below(mark: Mark, part: str | int) -> Mark:
    """Where a value that was left out belongs: the line above it, with the key path it would have."""
    return Mark(mark.file, mark.line, (*mark.path, part))


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
    _marks: Marks | None = PrivateAttr(default=None)

    @field_validator("*", mode="before")
    @classmethod
    def _true_or_false(cls, value: Any, info: ValidationInfo) -> Any:
        """A yes/no key takes true or false only; 'yes', 'ja', 'on' or '1' is an error with a hint."""
        if isinstance(value, str) and info.field_name in _flags(cls):
            word = value.strip().lower()
            if word not in _TRUTH:
                raise invalid(
                    "bool_parsing",
                    'verwacht true of false, niet "{waarde}"',
                    "schrijf true (ja) of false (nee)",
                    waarde=value if len(value) <= 40 else value[:39] + "…",
                )
            return _TRUTH[word]
        return value

    def __eq__(self, other: object) -> bool:
        """Blocks with the same values are equal, wherever they were written."""
        if not isinstance(other, BaseModel):
            return NotImplemented
        return type(self) is type(other) and all(
            getattr(self, name) == getattr(other, name) for name in type(self).model_fields
        )

    def _written(self) -> Marks:
        if self._marks is None:
            raise ValueError(f"{type(self).__name__} is not loaded from a file and has no line marks")
        return self._marks

    @property
    def mark(self) -> Mark:
        """Where this block was written; for a block the file leaves out, the line above where it belongs."""
        return self._written().at

    def is_written(self, name: str) -> bool:
        """Whether the file (or the board's) has the key of field `name`, even with an empty value."""
        return _key(type(self), name) in self._written().keys

    def mark_of(self, name: str, index: int | None = None) -> Mark:
        """Where field `name` (its attribute name), or item `index` of that list, was written.

        A value that is not written points at the closest line above it with the key path where
        it belongs, so a finding about a missing value says where to add it.
        """
        marks = self._written()
        key = _key(type(self), name)
        mark = marks.keys.get(key) or _below(marks.at, key)
        if index is None:
            return mark
        items = marks.items.get(key, ())
        return items[index] if 0 <= index < len(items) else _below(mark, index)


_FLAGS: dict[type[BaseModel], frozenset[str]] = {}


def _flags(model: type[BaseModel]) -> frozenset[str]:
    """The names of a block's yes/no fields (bool, or bool or nothing)."""
    known = _FLAGS.get(model)
    if known is None:
        known = frozenset(
            name
            for name, info in model.model_fields.items()
            if info.annotation is bool or info.annotation == bool | None  # noqa: E721 - a type, compared as one
        )
        _FLAGS[model] = known
    return known


def _key(model: type[BaseModel], name: str) -> str:
    """The YAML key of a field, by its attribute name; an unknown name is a programming error."""
    return _keys(model)[name]


B = TypeVar("B", bound=Block)


def attach_marks(block: B, data: MarkedDict) -> B:
    """The validated block again, with every block in it carrying the marks of where it was written.

    The one walk over the loader's marked data after validation. Inherited values keep the
    marks of the file they came from (the board's), because the merge kept them.
    """
    return _marked(block, data, data.mark)


_KEYS: dict[type[BaseModel], dict[str, str]] = {}


def _keys(model: type[BaseModel]) -> dict[str, str]:
    """Attribute name -> YAML key of every field of a block type."""
    known = _KEYS.get(model)
    if known is None:
        known = _KEYS[model] = {name: info.alias or name for name, info in model.model_fields.items()}
    return known


def _marked(block: B, data: Any, at: Mark) -> B:
    written = data if isinstance(data, MarkedDict) else MarkedDict(at)
    items = {key: tuple(value.marks) for key, value in written.items() if isinstance(value, MarkedList)}
    keys = _keys(type(block))
    values = dict(block.__dict__)  # the fields' values, as model_copy would copy them
    for name, value in block.__dict__.items():
        if isinstance(value, Block):
            key = keys[name]
            values[name] = _marked(value, written.get(key), written.marks.get(key) or _below(at, key))
        elif isinstance(value, tuple) and any(isinstance(item, Block) for item in value):
            key = keys[name]
            values[name] = _marked_items(value, written.get(key), written.marks.get(key) or _below(at, key))
    # A copy (a default block is shared by every model), made as pydantic's model_copy makes one,
    # without its per-call overhead: this walk copies every block of every school that is loaded.
    cls = type(block)
    copy = cls.__new__(cls)
    object.__setattr__(copy, "__dict__", values)
    object.__setattr__(copy, "__pydantic_fields_set__", set(block.__pydantic_fields_set__))
    object.__setattr__(copy, "__pydantic_extra__", None)  # extra="forbid": a block has no extra keys
    object.__setattr__(copy, "__pydantic_private__", {"_marks": Marks(at, dict(written.marks), items)})
    return copy


def _marked_items(values: tuple[Any, ...], data: Any, place: Mark) -> tuple[Any, ...]:
    listed = data if isinstance(data, MarkedList) and len(data) == len(values) else None
    marked = []
    for index, value in enumerate(values):
        if isinstance(value, Block) and listed is not None:
            value = _marked(value, listed[index], listed.marks[index])
        elif isinstance(value, Block):
            value = _marked(value, None, _below(place, index))
        marked.append(value)
    return tuple(marked)


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
    "crisiscoordinator": ("crisiscoördinator", None),
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
    "commissie_van_begeleiding": "commissie van begeleiding",  # sbo, so and vso
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
    "crisiscoordinator",
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


class Described(Block):
    """People named in the school's own words instead of a role id: `{omschrijving: twee collega's}`."""

    text: str = field(
        "omschrijving",
        "wie, in eigen woorden; staat letterlijk in de tekst en wordt nooit als contact gebruikt",
        min_length=1,
        max_length=300,
    )

    def __str__(self) -> str:
        return self.text


_DESCRIBED_HINT = (
    "schrijf een rol-id (bijvoorbeeld intern_begeleider) of {omschrijving: twee getrainde collega's}"
)
_check_actor = _actor(
    "actoren",
    "gebruik een ingevulde rol uit rollen, leerkracht, team, directie, bevoegd_gezag of zorgteam, "
    "of schrijf {omschrijving: ...} voor mensen in eigen woorden",
)


def _actor_or_described(value: Any, info: ValidationInfo) -> str | Described:
    """A role id (checked like Actor), or `{omschrijving: ...}` for people the school describes in words."""
    if isinstance(value, Described):
        return value
    if isinstance(value, Mapping):
        text = value.get("omschrijving")
        if (
            set(value) != {"omschrijving"}
            or not isinstance(text, str)
            or not text.strip()
            or "\n" in text.strip()
        ):
            raise invalid(
                "omschrijving", "hier hoort een rol-id of een omschrijving op één regel", _DESCRIBED_HINT
            )
        return Described.model_validate({"omschrijving": text.strip()})
    if not isinstance(value, str):
        raise invalid("rol", "hier hoort een rol-id of een omschrijving", _DESCRIBED_HINT)
    return str(_check_actor(value.strip(), info))


ActorOrDescribed = Annotated[
    str | Described,
    PlainValidator(_actor_or_described),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "description": "een ingevulde rol (bijvoorbeeld intern_begeleider) of leerkracht, team, "
                    "directie, bevoegd_gezag, zorgteam",
                },
                {
                    "type": "object",
                    "description": "mensen in eigen woorden, bijvoorbeeld {omschrijving: twee getrainde collega's}",
                    "properties": {
                        "omschrijving": {"type": "string", "description": "wie, in eigen woorden"}
                    },
                    "required": ["omschrijving"],
                    "additionalProperties": False,
                },
            ]
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

__all__ = ["Id", "Block", "Marks", "attach_marks", "field"]
