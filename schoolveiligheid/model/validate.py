"""Turn pydantic's validation errors into Dutch problems that point at file, line and key.

Validation runs on plain data; only when it fails do we look up where the
offending value was written (the marks the loader recorded), translate the
error into Dutch and add a hint: a close key for a typo, the allowed values
for an unknown choice, the field's description for a missing key.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from ..load import MarkedDict, MarkedList, format_key_path, locate
from .values import suggest

Loc = tuple[str | int, ...]


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Annotated/tuple/list annotations."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType, tuple, list):
        found: list[Any] = []
        for argument in typing.get_args(annotation):
            if argument is not Ellipsis and argument is not type(None):
                found.extend(_unwrap(argument))
        return found
    return [annotation]


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return info
    return None


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The block type found by following loc from the root model."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        info = _field_by_key(current, part)
        if info is None:
            return None
        models = [t for t in _unwrap(info.annotation) if isinstance(t, type) and issubclass(t, BaseModel)]
        current = models[0] if models else None
    return current


def _allowed_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _choices(expected: str) -> list[str]:
    return re.findall(r"'([^']*)'", expected)


def _message(error: Mapping[str, Any], key: str, model: type[BaseModel] | None) -> tuple[str, str]:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if "hint" in ctx:  # our own value types already speak Dutch
        return error["msg"], str(ctx["hint"])
    if kind == "missing":
        info = _field_by_key(model, key) if model else None
        about = f" ({info.description})" if info is not None and info.description else ""
        return f"verplichte sleutel '{key}' ontbreekt", f"voeg '{key}: …' toe{about}"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model)
        return f"onbekende sleutel '{key}'", suggest(key, allowed) or "verwijder deze sleutel"
    if value is None:
        return "de waarde is leeg", "vul een waarde in achter de dubbele punt, of laat de sleutel weg"
    shown = value if isinstance(value, str) else "…"
    if len(shown) > 60:  # a value of thousands of characters is not repeated back in full
        shown = shown[:59] + "…"
    if kind in {"literal_error", "enum"}:
        return f'ongeldige waarde "{shown}"', suggest(str(value), _choices(str(ctx.get("expected", ""))))
    return _generic_message(kind, ctx, shown)


_GENERIC: dict[str, tuple[str, str]] = {
    "int_parsing": ('verwacht een geheel getal, niet "{shown}"', "schrijf alleen cijfers, bijvoorbeeld 5"),
    "int_parsing_size": ('het getal "{shown}" is veel te groot', "kies een kleinere waarde"),
    "int_type": ('verwacht een geheel getal, niet "{shown}"', "schrijf alleen cijfers, bijvoorbeeld 5"),
    "int_from_float": ('verwacht een geheel getal, niet "{shown}"', "schrijf een getal zonder komma"),
    "bool_parsing": ('verwacht true of false, niet "{shown}"', "schrijf true (ja) of false (nee)"),
    "bool_type": ('verwacht true of false, niet "{shown}"', "schrijf true (ja) of false (nee)"),
    "string_type": (
        "verwacht tekst, geen lijst of blok",
        "schrijf de tekst op dezelfde regel als de sleutel",
    ),
    "model_type": ("verwacht een blok met sleutels", "schrijf de sleutels ingesprongen op de regels eronder"),
    "model_attributes_type": (
        "verwacht een blok met sleutels",
        "schrijf de sleutels ingesprongen op de regels eronder",
    ),
    "dict_type": ("verwacht een blok met sleutels", "schrijf de sleutels ingesprongen op de regels eronder"),
    "tuple_type": ("verwacht een lijst", "begin elk item op een nieuwe regel met '- '"),
    "list_type": ("verwacht een lijst", "begin elk item op een nieuwe regel met '- '"),
}


def _generic_message(kind: str, ctx: dict[str, Any], shown: Any) -> tuple[str, str]:
    if kind in _GENERIC:
        message, hint = _GENERIC[kind]
        return message.format(shown=shown), hint
    if kind in {"greater_than_equal", "greater_than"}:
        bound = ctx.get("ge", ctx.get("gt"))
        return f"{shown} is te klein: de waarde moet minstens {bound} zijn", "kies een grotere waarde"
    if kind in {"less_than_equal", "less_than"}:
        bound = ctx.get("le", ctx.get("lt"))
        return f"{shown} is te groot: de waarde mag hoogstens {bound} zijn", "kies een kleinere waarde"
    if kind == "too_short":
        return f"noem er minstens {ctx.get('min_length', 1)}", "voeg items toe, elk op een regel met '- '"
    if kind == "too_long":
        return f"noem er hoogstens {ctx.get('max_length')}", "haal items weg"
    return f"ongeldige waarde ({kind})", "controleer deze waarde met het voorbeeld in policy/"


def problems_from(
    error: ValidationError, data: MarkedDict | MarkedList, model: type[BaseModel], prefix: Loc = ()
) -> list[Problem]:
    """Every validation error as a Dutch problem with the file, line and key path where it was written."""
    problems = []
    for item in error.errors(include_url=False):
        loc: Loc = (*prefix, *item["loc"])
        extra = (item.get("ctx") or {}).get("sleutel")
        mark, rest, node = locate(data, loc)
        if extra and not rest and isinstance(node, MarkedDict) and extra in node:
            mark = node.marks[extra]
        elif extra:
            rest = (*rest, extra)
        key_path = (*mark.path, *rest)
        key = str(key_path[-1]) if key_path else ""
        model_loc = tuple(item["loc"])[: -1 if item["type"] in {"missing", "extra_forbidden"} else None]
        if extra:
            model_loc = tuple(item["loc"])
        message, hint = _message(item, key, _model_at(model, model_loc))
        problems.append(Problem(mark.file, mark.line, format_key_path(key_path), message, hint))
    return problems


__all__ = ["problems_from", "Literal"]
