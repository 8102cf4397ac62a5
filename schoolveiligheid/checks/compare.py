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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import SchoolModel
from ..model.base import ROLES
from ..model.parts import Address, Organisation, Person
from ..model.practice import EscalationStep, Frequency, InstrumentChoice, MethodChoice, Term
from ..model.values import Phone
from ..model.wording import capitalised, dutch_date, frequency_text, groups_text, term_text

ARROW = " → "
# Top-level keys that change where files are, not what the policy says.
_IGNORED = {"schema", "sjablonen"}
# List items are named by the first of these keys that every item has, uniquely; else by position.
_ITEM_KEYS = ("id", "instrument", "naam")
# Never shown by value in "Overige wijzigingen": the contact section decides what is public.
_PRIVATE = re.compile(r"^personen\[[^\]]*\]\.(email|telefoon)$")


@dataclass(frozen=True, slots=True)
class Side:
    """One version: the model and how the user named it (a file, or file@revision)."""

    label: str
    school: SchoolModel


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the summary and the YAML key paths whose changes it reports ('[*]': any item)."""

    text: str
    covers: tuple[str, ...] = ()


def text(value: Any) -> str:
    """A value as the summary shows it; an empty value is a dash."""
    if value is None or (isinstance(value, str | tuple | list) and not value):
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return dutch_date(value)
    if isinstance(value, Phone):
        return value.display
    if isinstance(value, Frequency):
        return frequency_text(value)
    if isinstance(value, Term):
        return term_text(value)
    if isinstance(value, Address):
        return ", ".join(part for part in (value.street or value.po_box, value.postcode, value.place) if part)
    if isinstance(value, tuple | list):
        return ", ".join(text(item) for item in value)
    return str(value)


def _groups(school: SchoolModel, groups: Sequence[str] | None) -> str | None:
    return groups_text(groups, school.policy.school.group_labels, "groep") if groups else None


def _change(label: str, old: Any, new: Any, *covers: str) -> list[Line]:
    before, after = text(old), text(new)
    return [] if before == after else [Line(f"- {label}: {before}{ARROW}{after}", covers)]


Pair = tuple[str, Any, Any, str]  # field label, old value, new value, the key path it reports


def _changes(label: str, pairs: Iterable[Pair]) -> list[Line]:
    return [line for field, old, new, path in pairs for line in _change(f"{label}, {field}", old, new, path)]


def _by_id(items: Iterable[Any], key: Callable[[Any], str] = lambda item: item.id) -> dict[str, Any]:
    return {key(item): item for item in items}


def _added_removed(
    noun: str, old: Mapping[str, str], new: Mapping[str, str], path: Callable[[str], str]
) -> list[Line]:
    """Items by key, each mapped to the name the summary shows; an item's line reports all its values."""
    lines = [Line(f"- {noun} erbij: {new[key]}", (path(key),)) for key in new if key not in old]
    lines += [Line(f"- {noun} vervalt: {old[key]}", (path(key),)) for key in old if key not in new]
    return lines


def _document(old: SchoolModel, new: SchoolModel) -> list[Line]:
    a, b = old.policy.document, new.policy.document
    lines = _change("Schooljaar", a.school_year, b.school_year, "document.schooljaar")
    lines += _change("Versie", a.version, b.version, "document.versie")
    lines += _change("Status", a.status, b.status, "document.status")
    lines += _change("Instemming MR", a.consent_on, b.consent_on, "document.mr_instemming_op")
    lines += _change("Vastgesteld op", a.adopted_on, b.adopted_on, "document.vastgesteld_op")
    lines += _change("Evaluatie voor", a.evaluation_before, b.evaluation_before, "document.evaluatie_voor")
    points = ("document.open_punten",)
    lines += [Line(f"- Open punt erbij: {p}", points) for p in b.open_points if p not in a.open_points]
    lines += [Line(f"- Open punt afgehandeld: {p}", points) for p in a.open_points if p not in b.open_points]
    return lines


def _holders(school: SchoolModel, role_id: str) -> str:
    role = school.role(role_id)
    if role is None:
        return "–"
    names = [person.name for person in role.people]
    if role.organisation is not None:
        names.append(role.organisation.name or role.organisation.id)
    return ", ".join(names) or "–"


def _roles(old: SchoolModel, new: SchoolModel) -> list[Line]:
    lines = []
    for role_id, (default_label, _) in ROLES.items():
        a, b = old.role(role_id), new.role(role_id)
        if a is None and b is None:
            continue
        current = b if b is not None else a
        name = capitalised(current.label if current is not None else default_label)
        path = f"rollen.{role_id}"
        holders = tuple(
            f"{path}.{key}" for key in ("personen", "toewijzingen[*].persoon", "organisatie", "zelfde_als")
        )
        if a is None:
            lines.append(Line(f"- {name}: nieuwe rol, {_holders(new, role_id)}", (*holders, f"{path}.label")))
        elif b is None:
            lines.append(
                Line(f"- {name}: rol vervalt (was {_holders(old, role_id)})", (*holders, f"{path}.label"))
            )
        else:
            lines += _change(name, _holders(old, role_id), _holders(new, role_id), *holders)
            lines += _change(f"{name}, eigen naam van de rol", a.label, b.label, f"{path}.label")
    return lines


_PERSON_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("naam", "name", "naam"),
    ("functie", "function", "functie"),
    ("bereikbaarheid", "availability", "bereikbaarheid"),
)
_ORGANISATION_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("naam", "name", "naam"),
    ("telefoon", "phone", "telefoon"),
    ("e-mail", "email", "email"),
    ("website", "website", "website"),
    ("adres", "address", "adres"),
    ("postadres", "postal_address", "postadres"),
    ("bereikbaarheid", "availability", "bereikbaarheid"),
    ("spreekuur", "office_hours", "spreekuur"),
)


def _fields(old: Any, new: Any, fields: Sequence[tuple[str, str, str]], path: str) -> list[Pair]:
    return [(label, getattr(old, attr), getattr(new, attr), f"{path}.{key}") for label, attr, key in fields]


def _public_contact(person: Person) -> tuple[Any, Any]:
    """The e-mail address and phone number that may be shown, as the model decides publication."""
    return person.public_email, person.public_phone


def _contact_detail(
    name: str, label: str, private: str, old: tuple[Any, Any], new: tuple[Any, Any], path: str
) -> list[Line]:
    """A person's e-mail or phone: by value only when both versions may show it.

    old and new are (value, public value); the public value is None when the value is not public.
    """
    (before, public_before), (after, public_after) = old, new
    if text(before) == text(after):
        return []
    if before == public_before and after == public_after:
        return _change(f"{name}, {label}", before, after, path)
    what = "toegevoegd" if before is None else "verwijderd" if after is None else "gewijzigd"
    return [Line(f"- {name}: {private} {what}", (path,))]


def _person(old: Person, new: Person, path: str) -> list[Line]:
    lines = _changes(new.name, _fields(old, new, _PERSON_FIELDS, path))
    (email_a, phone_a), (email_b, phone_b) = _public_contact(old), _public_contact(new)
    lines += _contact_detail(
        new.name, "e-mail", "privé-e-mailadres", (old.email, email_a), (new.email, email_b), f"{path}.email"
    )
    lines += _contact_detail(
        new.name,
        "telefoon",
        "privételefoonnummer",
        (old.phone, phone_a),
        (new.phone, phone_b),
        f"{path}.telefoon",
    )
    return lines


def _contacts(old: SchoolModel, new: SchoolModel) -> list[Line]:
    a, b = old.policy, new.policy
    lines = _changes(
        "School",
        [
            ("telefoon", a.school.phone, b.school.phone, "school.telefoon"),
            ("e-mail", a.school.email, b.school.email, "school.email"),
            ("website", a.school.website, b.school.website, "school.website"),
            ("adres", a.school.address, b.school.address, "school.adres"),
        ],
    )
    lines += _changes(
        "Bestuur",
        [
            ("naam", a.board.name, b.board.name, "bestuur.naam"),
            ("adres", a.board.address, b.board.address, "bestuur.adres"),
            ("postadres", a.board.postal_address, b.board.postal_address, "bestuur.postadres"),
            ("telefoon", a.board.phone, b.board.phone, "bestuur.telefoon"),
            ("e-mail", a.board.email, b.board.email, "bestuur.email"),
        ],
    )
    people_a, people_b = dict(old.people), dict(new.people)
    for person_id in people_a.keys() & people_b.keys():
        lines += _person(people_a[person_id], people_b[person_id], f"personen[{person_id}]")
    lines += _added_removed(
        "Persoon",
        {k: p.name for k, p in people_a.items()},
        {k: p.name for k, p in people_b.items()},
        lambda key: f"personen[{key}]",
    )
    orgs_a, orgs_b = dict(old.organisations), dict(new.organisations)
    for org_id in orgs_a.keys() & orgs_b.keys():
        organisation: Organisation = orgs_b[org_id]
        path = f"organisaties[{org_id}]"
        pairs = _fields(orgs_a[org_id], organisation, _ORGANISATION_FIELDS, path)
        pairs.append(
            (
                "contactpersoon",
                _contact_name(orgs_a[org_id]),
                _contact_name(organisation),
                f"{path}.contactpersoon.naam",
            )
        )
        lines += _changes(organisation.name or org_id, pairs)
    lines += _added_removed(
        "Organisatie",
        {k: o.name or k for k, o in orgs_a.items()},
        {k: o.name or k for k, o in orgs_b.items()},
        lambda key: f"organisaties[{key}]",
    )
    return sorted(lines, key=lambda line: line.text.split(":")[0])


def _contact_name(organisation: Organisation) -> str | None:
    return organisation.contact.name if organisation.contact else None


def _method_name(school: SchoolModel, method: MethodChoice | InstrumentChoice) -> str:
    key = method.id if isinstance(method, MethodChoice) else method.instrument
    entry = None if method.own else school.catalogue.get(key)
    return method.title or (entry.title if entry else key)


def _methods(old: SchoolModel, new: SchoolModel) -> list[Line]:
    a = _by_id(old.policy.methods)
    b = _by_id(new.policy.methods)
    lines = _added_removed(
        "Methode",
        {key: _method_name(old, method) for key, method in a.items()},
        {key: _method_name(new, method) for key, method in b.items()},
        lambda key: f"methoden[{key}]",
    )
    for key in a.keys() & b.keys():
        path = f"methoden[{key}]"
        lines += _changes(
            _method_name(new, b[key]),
            [
                ("groepen", _groups(old, a[key].groups), _groups(new, b[key].groups), f"{path}.groepen"),
                ("frequentie", a[key].frequency, b[key].frequency, f"{path}.frequentie"),
                ("wanneer", a[key].when, b[key].when, f"{path}.wanneer"),
                ("status", a[key].status, b[key].status, f"{path}.status"),
            ],
        )
    return lines


def _monitoring(old: SchoolModel, new: SchoolModel) -> list[Line]:
    def instruments(school: SchoolModel) -> dict[str, InstrumentChoice]:
        monitoring = school.policy.monitoring
        return _by_id(monitoring.instruments if monitoring else (), lambda choice: choice.instrument)

    a, b = instruments(old), instruments(new)
    lines = _added_removed(
        "Monitor",
        {key: _method_name(old, choice) for key, choice in a.items()},
        {key: _method_name(new, choice) for key, choice in b.items()},
        lambda key: f"monitoring.instrumenten[{key}]",
    )
    for key in a.keys() & b.keys():
        path = f"monitoring.instrumenten[{key}]"
        lines += _changes(
            f"Monitor {_method_name(new, b[key])}",
            [
                ("groepen", _groups(old, a[key].groups), _groups(new, b[key].groups), f"{path}.groepen"),
                ("frequentie", a[key].frequency, b[key].frequency, f"{path}.frequentie"),
                ("maand", a[key].month, b[key].month, f"{path}.maand"),
                ("laatste afname", a[key].last_taken, b[key].last_taken, f"{path}.laatste_afname"),
                ("respondenten", a[key].respondents, b[key].respondents, f"{path}.respondenten"),
            ],
        )
    return lines


def _step_pairs(old: EscalationStep, new: EscalationStep, path: str) -> list[Pair]:
    return [
        ("naam", old.title, new.title, f"{path}.titel"),
        ("termijn", old.term, new.term, f"{path}.termijn"),
        ("verantwoordelijk", old.responsible, new.responsible, f"{path}.verantwoordelijk"),
        ("ouders", old.parents, new.parents, f"{path}.ouders"),
        ("maatregel", old.measure, new.measure, f"{path}.maatregel"),
        ("acties", old.actions, new.actions, f"{path}.acties"),
    ]


def _steps(old: SchoolModel, new: SchoolModel) -> list[Line]:
    steps_a = old.policy.bullying.escalation if old.policy.bullying else ()
    steps_b = new.policy.bullying.escalation if new.policy.bullying else ()
    lines = _change("Aantal stappen bij aanhoudend pesten", len(steps_a), len(steps_b))
    for index, (step_a, step_b) in enumerate(zip(steps_a, steps_b, strict=False)):
        path = f"pestaanpak.escalatie[{index}]"
        lines += _changes(f"Stap {index + 1} ({step_b.title})", _step_pairs(step_a, step_b, path))
    for index, step in enumerate(steps_b[len(steps_a) :], start=len(steps_a)):
        lines.append(Line(f"- Stap {index + 1} erbij: {step.title}", (f"pestaanpak.escalatie[{index}]",)))
    for index, step in enumerate(steps_a[len(steps_b) :], start=len(steps_b)):
        lines.append(Line(f"- Stap {index + 1} vervalt: {step.title}", (f"pestaanpak.escalatie[{index}]",)))
    cur_a = old.policy.bullying.curative if old.policy.bullying else None
    cur_b = new.policy.bullying.curative if new.policy.bullying else None
    lines += _changes(
        "Curatieve aanpak",
        [
            (
                "methoden",
                cur_a.approaches if cur_a else None,
                cur_b.approaches if cur_b else None,
                "pestaanpak.curatief.methoden",
            ),
            (
                "vervolggesprek na dagen",
                cur_a.follow_up_days if cur_a else None,
                cur_b.follow_up_days if cur_b else None,
                "pestaanpak.curatief.vervolg_na_dagen",
            ),
            (
                "steungroep",
                f"{cur_a.support_group.min}-{cur_a.support_group.max}"
                if cur_a and cur_a.support_group
                else None,
                f"{cur_b.support_group.min}-{cur_b.support_group.max}"
                if cur_b and cur_b.support_group
                else None,
                "pestaanpak.curatief.steungroep",
            ),
        ],
    )
    return lines


def _terms(old: SchoolModel, new: SchoolModel) -> list[Line]:
    a, b = old.policy, new.policy
    lines = _steps(old, new)
    sus_a, sus_b = a.measures.suspension, b.measures.suspension
    lines += _changes(
        "Schorsing",
        [
            (
                "ten hoogste schooldagen",
                sus_a.max_school_days if sus_a else None,
                sus_b.max_school_days if sus_b else None,
                "maatregelen.schorsing.max_schooldagen",
            ),
            (
                "besluit door",
                sus_a.decided_by if sus_a else None,
                sus_b.decided_by if sus_b else None,
                "maatregelen.schorsing.besluit_door",
            ),
            (
                "inspectie melden",
                sus_a.notify_inspectie if sus_a else None,
                sus_b.notify_inspectie if sus_b else None,
                "maatregelen.schorsing.inspectie_melden",
            ),
        ],
    )
    to_a, to_b = a.measures.time_out, b.measures.time_out
    lines += _changes(
        "Time-out",
        [
            (
                "ten hoogste dagen",
                to_a.max_days if to_a else None,
                to_b.max_days if to_b else None,
                "maatregelen.time_out.max_dagen",
            ),
            ("waar", to_a.where if to_a else None, to_b.where if to_b else None, "maatregelen.time_out.waar"),
        ],
    )
    lines += _change(
        "Verwijdering, wie gehoord worden",
        a.measures.removal.hear,
        b.measures.removal.hear,
        "maatregelen.verwijdering.horen",
    )
    inc_a, inc_b = a.incidents, b.incidents
    lines += _changes(
        "Incidentregistratie",
        [
            (
                "systeem",
                inc_a.system if inc_a else None,
                inc_b.system if inc_b else None,
                "incidentregistratie.systeem",
            ),
            (
                "vastleggen binnen dagen",
                inc_a.within_days if inc_a else None,
                inc_b.within_days if inc_b else None,
                "incidentregistratie.vastleggen_binnen_dagen",
            ),
        ],
    )
    routes_a = {route.name: route.steps for route in (a.complaints.routes if a.complaints else ())}
    routes_b = {route.name: route.steps for route in (b.complaints.routes if b.complaints else ())}
    for name in sorted(routes_a.keys() | routes_b.keys()):
        path = f"klachten.routes[{name}]"
        both = name in routes_a and name in routes_b
        lines += _change(
            f"Klachtroute '{name}'",
            routes_a.get(name),
            routes_b.get(name),
            f"{path}.stappen" if both else path,
        )
    return lines


def _item_keys(items: Sequence[Any]) -> list[str]:
    for name in _ITEM_KEYS:
        keys = [item.get(name) if isinstance(item, dict) else None for item in items]
        if all(isinstance(key, str) for key in keys) and len(set(keys)) == len(keys):
            return keys
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


def _other(old: SchoolModel, new: SchoolModel, covers: Iterable[str]) -> list[Line]:
    """Every changed value that no line above reports, by key path, in the order of the file."""
    flat_a = _flatten(old.policy.model_dump(by_alias=True, exclude_none=True))
    flat_b = _flatten(new.policy.model_dump(by_alias=True, exclude_none=True))
    covered = _covering(covers)
    lines = []
    for key in dict.fromkeys([*flat_b, *flat_a]):
        before, after = text(flat_a.get(key)), text(flat_b.get(key))
        if before == after or re.split(r"[.\[]", key)[0] in _IGNORED or covered.match(key):
            continue
        if _PRIVATE.match(key):  # the contact section reports these; never a value here
            lines.append(Line(f"- {key}: gewijzigd"))
        else:
            lines.append(Line(f"- {key}: {before}{ARROW}{after}"))
    return lines


SECTIONS: tuple[tuple[str, Callable[[SchoolModel, SchoolModel], list[Line]]], ...] = (
    ("Document", _document),
    ("Rollen en personen", _roles),
    ("Contactgegevens", _contacts),
    ("Methoden", _methods),
    ("Monitoring", _monitoring),
    ("Termijnen en stappen", _terms),
)
OTHER = "Overige wijzigingen"


def _sections(a: SchoolModel, b: SchoolModel) -> list[tuple[str, list[Line]]]:
    found = [(heading, section(a, b)) for heading, section in SECTIONS]
    covers = [cover for _, lines in found for line in lines for cover in line.covers]
    found.append((OTHER, _other(a, b, covers)))
    return [(heading, lines) for heading, lines in found if lines]


def summary(old: Side, new: Side) -> str:
    """The Dutch summary for the MR: one section per subject, only subjects that changed."""
    a, b = old.school, new.school
    title = b.policy.school.name
    lines = [
        f"# Wijzigingen in het veiligheidsbeleid van {title}",
        "",
        f"Oud: {old.label} (schooljaar {a.policy.document.school_year}, versie {a.policy.document.version}, "
        f"{a.policy.document.status})",
        f"Nieuw: {new.label} (schooljaar {b.policy.document.school_year}, versie {b.policy.document.version}, "
        f"{b.policy.document.status})",
    ]
    if a.id != b.id:
        lines.append(f"Let op: dit zijn twee verschillende scholen ({a.id} en {b.id}).")
    sections = _sections(a, b)
    for heading, changes in sections:
        lines += ["", f"## {heading}", "", *(line.text for line in changes)]
    if not sections:
        lines += ["", "Geen inhoudelijke wijzigingen."]
    return "\n".join(lines) + "\n"
