"""`verschil`: what changed between two versions of a school's policy, in words an MR reads.

Both versions are validated models, so the comparison is about meaning, not
text: a person who moved to another line of the file is not a change, a role
that passed to someone else is. Each line of the specific sections names the
YAML key paths it reports; every other changed value is listed by its key path
under "Overige wijzigingen", so no change goes unmentioned. The summary may be
shared, so a person's e-mail address or phone number is only shown when the
model says it is public.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..markdown_text import escape_markdown
from ..model import SchoolModel
from .sections import ARROW, SECTIONS, Line, text

# Top-level keys that change where files are, not what the policy says.
_IGNORED = {"schema", "sjablonen"}
# List items are named by the first of these keys that every item has, uniquely; else by position.
_ITEM_KEYS = ("id", "instrument", "naam")
# Never shown by value in "Overige wijzigingen": the contact section decides what is public.
_PRIVATE = re.compile(r"^personen\[[^\]]*\]\.(email|telefoon)$")
_ABSENT = object()  # a key path one version does not have


@dataclass(frozen=True, slots=True)
class Side:
    """One version: the model and how the user named it (a file, or file@revision)."""

    label: str
    school: SchoolModel


def _item_keys(items: Sequence[Any]) -> list[str]:
    for name in _ITEM_KEYS:
        keys = [item.get(name) if isinstance(item, dict) else None for item in items]
        named = [key for key in keys if isinstance(key, str)]
        if len(named) == len(keys) == len(set(named)):
            return named
    return [str(index) for index in range(len(items))]


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves by YAML key path: `personen[p-jansen].publiceer.email`; a list of plain values is one leaf."""
    flat: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list | tuple) and any(isinstance(item, dict | list | tuple) for item in value):
        for key, item in zip(_item_keys(value), value, strict=True):
            flat.update(_flatten(item, f"{prefix}[{key}]"))
    else:
        flat[prefix] = value
    return flat


def _covering(covers: Iterable[str]) -> re.Pattern[str]:
    """A pattern for key paths at or below any of the covered paths."""
    alternatives = [re.escape(cover).replace(r"\[\*\]", r"\[[^\]]*\]") for cover in dict.fromkeys(covers)]
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(rf"(?:{'|'.join(alternatives)})(?:$|[.\[])")


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (so `True` and `1`, which are equal, differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _other(old: SchoolModel, new: SchoolModel, covers: Iterable[str]) -> list[Line]:
    """Every changed value that no line above reports, by key path, in the order of the file."""
    # warnings=False: a union of a role id and {omschrijving: ...} dumps right but makes pydantic warn.
    flat_a = _flatten(old.policy.model_dump(by_alias=True, exclude_none=True, warnings=False))
    flat_b = _flatten(new.policy.model_dump(by_alias=True, exclude_none=True, warnings=False))
    covered = _covering(covers)
    lines = []
    for key in dict.fromkeys([*flat_b, *flat_a]):
        old_value, new_value = flat_a.get(key, _ABSENT), flat_b.get(key, _ABSENT)
        if _same(old_value, new_value):
            continue  # the same value shows the same text; most values of a policy are unchanged
        before, after = text(flat_a.get(key)), text(flat_b.get(key))
        if before == after or re.split(r"[.\[]", key)[0] in _IGNORED or covered.match(key):
            continue
        if _PRIVATE.match(key):  # the contact section reports these; never a value here
            lines.append(Line(f"- {key}: gewijzigd"))
        else:
            lines.append(Line(f"- {key}: {before}{ARROW}{after}"))
    return lines


OTHER = "Overige wijzigingen"


def _sections(a: SchoolModel, b: SchoolModel) -> list[tuple[str, list[Line]]]:
    found = [(heading, section(a, b)) for heading, section in SECTIONS]
    covers = [cover for _, lines in found for line in lines for cover in line.covers]
    found.append((OTHER, _other(a, b, covers)))
    return [(heading, lines) for heading, lines in found if lines]


def summary(old: Side, new: Side, *, markdown: bool = False) -> str:
    """The Dutch summary for the MR: one section per subject, only subjects that changed.

    As plain text for the terminal; with `markdown` every value from the policy files is escaped,
    so a file that is later shown as Markdown (on a wiki, a portal) shows names exactly as typed
    and never turns them into links, images or HTML.
    """
    value = escape_markdown if markdown else str
    a, b = old.school, new.school
    title = value(b.policy.school.name)
    lines = [
        f"# Wijzigingen in het veiligheidsbeleid van {title}",
        "",
        f"Oud: {value(old.label)} (schooljaar {a.policy.document.school_year}, versie {a.policy.document.version}, "
        f"{a.policy.document.status})",
        f"Nieuw: {value(new.label)} (schooljaar {b.policy.document.school_year}, versie {b.policy.document.version}, "
        f"{b.policy.document.status})",
    ]
    if a.id != b.id:
        lines.append(f"Let op: dit zijn twee verschillende scholen ({a.id} en {b.id}).")
    sections = _sections(a, b)
    for heading, changes in sections:
        # Every change line is "- " (ours) followed by a label and the policy's values.
        lines += ["", f"## {heading}", "", *(f"- {value(line.text[2:])}" for line in changes)]
    if not sections:
        lines += ["", "Geen inhoudelijke wijzigingen."]
    return "\n".join(lines) + "\n"


__all__ = ["OTHER", "Side", "summary"]
