"""Board to school inheritance: one deep merge, done once, that keeps every line mark.

A school file is laid over its board file: mappings merge key by key, lists of
people, organisations and documents merge by id, any other value of the school
replaces the board's. For a role, a school that names its own holders replaces
the board's holders. Board limits (a shorter maximum suspension, say) may only
be tightened by a school; loosening one is an error at the school's line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import Problem
from ..load import KeyPath, MarkedDict, MarkedList, locate

_MERGED_BY_ID = {("personen",), ("organisaties",), ("documenten",)}
_ROLE_HOLDER_KEYS = {"personen", "toewijzingen", "organisatie", "zelfde_als", "vacature"}
_NOT_INHERITED = {"sjablonen"}  # each file's template folder is resolved from its own location


def merge(board: MarkedDict, school: MarkedDict) -> MarkedDict:
    """The school's data laid over the board's, with the marks of whichever file gave each value."""
    return _merge_dicts(board, school, ())


def _merge_dicts(base: MarkedDict, over: MarkedDict, path: KeyPath) -> MarkedDict:
    result = MarkedDict(over.mark)
    if len(path) == 2 and path[0] == "rollen" and _ROLE_HOLDER_KEYS & set(over):
        base = _without(base, _ROLE_HOLDER_KEYS)
    for key, value in base.items():
        if path == () and key in _NOT_INHERITED:
            continue
        if key in over:
            result[key] = _merge_values(value, over[key], (*path, key))
            result.marks[key] = over.marks[key]
        else:
            result[key] = value
            result.marks[key] = base.marks[key]
    for key, value in over.items():
        if key not in base or (path == () and key in _NOT_INHERITED):
            result[key] = value
            result.marks[key] = over.marks[key]
    return result


def _without(mapping: MarkedDict, keys: set[str]) -> MarkedDict:
    result = MarkedDict(mapping.mark)
    for key, value in mapping.items():
        if key not in keys:
            result[key] = value
            result.marks[key] = mapping.marks[key]
    return result


def _merge_values(base: Any, over: Any, path: KeyPath) -> Any:
    if isinstance(base, MarkedDict) and isinstance(over, MarkedDict):
        return _merge_dicts(base, over, path)
    if path in _MERGED_BY_ID and isinstance(base, MarkedList) and isinstance(over, MarkedList):
        return _merge_by_id(base, over)
    if path == ("eigen_teksten",) and isinstance(base, MarkedList) and isinstance(over, MarkedList):
        return _merge_by_id(base, over, _own_text_key)
    return over


def _item_id(item: Any) -> str | None:
    identifier = item.get("id") if isinstance(item, MarkedDict) else None
    return identifier if isinstance(identifier, str) else None  # anything else: validation reports it


def _own_text_key(item: Any) -> str | None:
    """An own text replaces the board's at the same place (`na` and `bijlage`: with the same file name)."""
    place = item.get("plaats") if isinstance(item, MarkedDict) else None
    file = item.get("bestand") if isinstance(item, MarkedDict) else None
    if not isinstance(place, str) or not isinstance(file, str):
        return None  # validation reports it
    place = " ".join(place.split())
    return (
        place if place.startswith("vervangt ") else f"{place} {file.replace(chr(92), '/').rsplit('/', 1)[-1]}"
    )


def _merge_by_id(
    base: MarkedList, over: MarkedList, key: Callable[[Any], str | None] = _item_id
) -> MarkedList:
    """Board items first, except those the school redefines; then the school's own items."""
    replaced = {key(item) for item in over} - {None}
    result = MarkedList(over.mark)
    for item, mark in zip(base, base.marks, strict=True):
        if key(item) not in replaced:
            result.append(item)
            result.marks.append(mark)
    for item, mark in zip(over, over.marks, strict=True):
        result.append(item)
        result.marks.append(mark)
    return result


# (key path, kind): "max" = the school may only lower it, "keep_true" = may not switch off,
# "superset" = the school's list must contain the board's items.
BOARD_LIMITS: tuple[tuple[KeyPath, str], ...] = (
    (("maatregelen", "schorsing", "max_schooldagen"), "max"),
    (("maatregelen", "time_out", "max_dagen"), "max"),
    (("maatregelen", "schorsing", "inspectie_melden"), "keep_true"),
    (("maatregelen", "schorsing", "leerplicht_informeren"), "keep_true"),
    (("maatregelen", "verwijdering", "horen"), "superset"),
)

_FALSE = {"false", "no", "n", "off", "0", "nee"}


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _violation(kind: str, board_value: Any, school_value: Any) -> tuple[str, str] | None:
    if kind == "max":
        board_number, school_number = _as_int(board_value), _as_int(school_value)
        if board_number is not None and school_number is not None and school_number > board_number:
            return (
                f"{school_number} is ruimer dan de grens van het bestuur ({board_number})",
                f"een school mag de grens van het bestuur alleen strenger maken: kies {board_number} of minder",
            )
    if kind == "keep_true" and str(board_value).lower() not in _FALSE and str(school_value).lower() in _FALSE:
        return (
            "het bestuur heeft dit verplicht; een school mag het niet uitzetten",
            "laat deze sleutel weg, dan geldt de regel van het bestuur",
        )
    if kind == "superset" and isinstance(board_value, list) and isinstance(school_value, list):
        missing = [str(item) for item in board_value if item not in school_value]
        if missing:
            return (
                f"het bestuur vraagt ook: {', '.join(missing)}",
                "een school mag aanvullen, maar niets weglaten van wat het bestuur vraagt",
            )
    return None


def limit_problems(board: MarkedDict, school: MarkedDict) -> list[Problem]:
    """Board limits that a school loosens, reported at the school's line."""
    problems = []
    for path, kind in BOARD_LIMITS:
        _, _, board_value = locate(board, path)
        mark, _, school_value = locate(school, path)
        if board_value is None or school_value is None:
            continue
        found = _violation(kind, board_value, school_value)
        if found:
            problems.append(Problem(mark.file, mark.line, mark.key, *found))
    return problems
