"""`verschil`: what changed between two versions of a school's policy, in words an MR reads.

Both versions are validated models, so the comparison is about meaning, not
text: a person who moved to another line of the file is not a change, a role
that passed to someone else is. Whatever the specific sections below do not
describe is still listed by key under "Overige wijzigingen", so no change goes
unmentioned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..model import SchoolModel
from ..model.base import ROLES
from ..model.parts import Address, Organisation, Person
from ..model.practice import EscalationStep, Frequency, InstrumentChoice, MethodChoice, Term
from ..model.values import Phone, dutch_date

ARROW = " → "
_PER = {
    "dag": "per dag",
    "week": "per week",
    "twee_weken": "per twee weken",
    "maand": "per maand",
    "blok": "per blok",
    "jaar": "per jaar",
    "twee_jaar": "per twee jaar",
}
# Sections described in words below; changes elsewhere are listed by key.
_DESCRIBED = {
    "document",
    "rollen",
    "personen",
    "organisaties",
    "methoden",
    "monitoring",
    "pestaanpak",
    "maatregelen",
    "klachten",
    "meldcode",
    "incidentregistratie",
    "school",
    "bestuur",
}
_IGNORED = {"schema", "sjablonen"}


@dataclass(frozen=True, slots=True)
class Side:
    """One version: the model and how the user named it (a file, or file@revision)."""

    label: str
    school: SchoolModel


def text(value: Any) -> str:
    """A value as the summary shows it; an empty value is a dash."""
    if value is None or value == () or value == "":
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return dutch_date(value)
    if isinstance(value, Phone):
        return value.display
    if isinstance(value, Frequency):
        return f"{value.count} keer {_PER[value.per]}"
    if isinstance(value, Term):
        for amount, unit in (
            (value.hours, "uur"),
            (value.days, "dagen"),
            (value.school_days, "schooldagen"),
            (value.weeks, "weken"),
        ):
            if amount is not None:
                return f"{amount} {unit}"
    if isinstance(value, Address):
        return ", ".join(part for part in (value.street or value.po_box, value.postcode, value.place) if part)
    if isinstance(value, tuple | list):
        return ", ".join(text(item) for item in value)
    return str(value)


def _groups(groups: Sequence[str] | None) -> str | None:
    """'groep 5 t/m 8', 'groep 7 en 8', or the labels of a special school."""
    if not groups:
        return None
    if all(group.isdigit() for group in groups):
        numbers = [int(group) for group in groups]
        if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"groep {numbers[0]} t/m {numbers[-1]}"
        return "groep " + (" en ".join(groups) if len(groups) == 2 else ", ".join(groups))
    return ", ".join(groups)


def _change(label: str, old: Any, new: Any) -> list[str]:
    before, after = text(old), text(new)
    return [] if before == after else [f"- {label}: {before}{ARROW}{after}"]


def _changes(label: str, pairs: Iterable[tuple[str, Any, Any]]) -> list[str]:
    lines = []
    for field, old, new in pairs:
        before, after = text(old), text(new)
        if before != after:
            lines.append(f"- {label}, {field}: {before}{ARROW}{after}")
    return lines


def _by_id(items: Iterable[Any], key: Callable[[Any], str] = lambda item: item.id) -> dict[str, Any]:
    return {key(item): item for item in items}


def _added_removed(noun: str, old: Mapping[str, str], new: Mapping[str, str]) -> list[str]:
    """Items by id, each mapped to the name the summary shows."""
    lines = [f"- {noun} erbij: {new[key]}" for key in new if key not in old]
    lines += [f"- {noun} vervalt: {old[key]}" for key in old if key not in new]
    return lines


def _document(old: SchoolModel, new: SchoolModel) -> list[str]:
    a, b = old.policy.document, new.policy.document
    lines = _change("Schooljaar", a.school_year, b.school_year)
    lines += _change("Versie", a.version, b.version)
    lines += _change("Status", a.status, b.status)
    lines += _change("Instemming MR", a.consent_on, b.consent_on)
    lines += _change("Vastgesteld op", a.adopted_on, b.adopted_on)
    lines += _change("Evaluatie voor", a.evaluation_before, b.evaluation_before)
    lines += [f"- Open punt erbij: {point}" for point in b.open_points if point not in a.open_points]
    lines += [f"- Open punt afgehandeld: {point}" for point in a.open_points if point not in b.open_points]
    return lines


def _holders(school: SchoolModel, role_id: str) -> str:
    role = school.role(role_id)
    if role is None:
        return "–"
    names = [person.name for person in role.people]
    if role.organisation is not None:
        names.append(role.organisation.name or role.organisation.id)
    return ", ".join(names) or "–"


def _roles(old: SchoolModel, new: SchoolModel) -> list[str]:
    lines = []
    for role_id, (default_label, _) in ROLES.items():
        a, b = old.role(role_id), new.role(role_id)
        if a is None and b is None:
            continue
        current = b if b is not None else a
        label = current.label if current is not None else default_label
        name = label[:1].upper() + label[1:]
        if a is None:
            lines.append(f"- {name}: nieuwe rol, {_holders(new, role_id)}")
        elif b is None:
            lines.append(f"- {name}: rol vervalt (was {_holders(old, role_id)})")
        else:
            lines += _change(name, _holders(old, role_id), _holders(new, role_id))
            lines += _change(f"{name}, eigen naam van de rol", a.label, b.label)
    return lines


_PERSON_FIELDS: tuple[tuple[str, str], ...] = (
    ("naam", "name"),
    ("functie", "function"),
    ("e-mail", "email"),
    ("telefoon", "phone"),
    ("bereikbaarheid", "availability"),
)
_ORGANISATION_FIELDS: tuple[tuple[str, str], ...] = (
    ("naam", "name"),
    ("telefoon", "phone"),
    ("e-mail", "email"),
    ("website", "website"),
    ("adres", "address"),
    ("postadres", "postal_address"),
    ("bereikbaarheid", "availability"),
    ("spreekuur", "office_hours"),
)


def _fields(old: Any, new: Any, fields: Sequence[tuple[str, str]]) -> list[tuple[str, Any, Any]]:
    return [(label, getattr(old, attr), getattr(new, attr)) for label, attr in fields]


def _contacts(old: SchoolModel, new: SchoolModel) -> list[str]:
    a, b = old.policy, new.policy
    lines = _changes(
        "School",
        [
            ("telefoon", a.school.phone, b.school.phone),
            ("e-mail", a.school.email, b.school.email),
            ("website", a.school.website, b.school.website),
            ("adres", a.school.address, b.school.address),
        ],
    )
    lines += _changes(
        "Bestuur",
        [
            ("naam", a.board.name, b.board.name),
            ("adres", a.board.address, b.board.address),
            ("postadres", a.board.postal_address, b.board.postal_address),
            ("telefoon", a.board.phone, b.board.phone),
            ("e-mail", a.board.email, b.board.email),
        ],
    )
    people_a, people_b = dict(old.people), dict(new.people)
    for person_id in people_a.keys() & people_b.keys():
        person: Person = people_b[person_id]
        lines += _changes(person.name, _fields(people_a[person_id], person, _PERSON_FIELDS))
    lines += _added_removed(
        "Persoon", {k: p.name for k, p in people_a.items()}, {k: p.name for k, p in people_b.items()}
    )
    orgs_a, orgs_b = dict(old.organisations), dict(new.organisations)
    for org_id in orgs_a.keys() & orgs_b.keys():
        organisation: Organisation = orgs_b[org_id]
        pairs = _fields(orgs_a[org_id], organisation, _ORGANISATION_FIELDS)
        pairs.append(("contactpersoon", _contact_name(orgs_a[org_id]), _contact_name(organisation)))
        lines += _changes(organisation.name or org_id, pairs)
    lines += _added_removed(
        "Organisatie",
        {k: o.name or k for k, o in orgs_a.items()},
        {k: o.name or k for k, o in orgs_b.items()},
    )
    return sorted(lines, key=lambda line: line.split(":")[0]) if lines else []


def _contact_name(organisation: Organisation) -> str | None:
    return organisation.contact.name if organisation.contact else None


def _method_name(school: SchoolModel, method: MethodChoice | InstrumentChoice) -> str:
    key = method.id if isinstance(method, MethodChoice) else method.instrument
    entry = None if method.own else school.catalogue.get(key)
    return method.title or (entry.title if entry else key)


def _methods(old: SchoolModel, new: SchoolModel) -> list[str]:
    a = _by_id(old.policy.methods)
    b = _by_id(new.policy.methods)
    lines = _added_removed(
        "Methode",
        {key: _method_name(old, method) for key, method in a.items()},
        {key: _method_name(new, method) for key, method in b.items()},
    )
    for key in a.keys() & b.keys():
        lines += _changes(
            _method_name(new, b[key]),
            [
                ("groepen", _groups(a[key].groups), _groups(b[key].groups)),
                ("frequentie", a[key].frequency, b[key].frequency),
                ("wanneer", a[key].when, b[key].when),
                ("status", a[key].status, b[key].status),
            ],
        )
    return lines


def _monitoring(old: SchoolModel, new: SchoolModel) -> list[str]:
    def instruments(school: SchoolModel) -> dict[str, InstrumentChoice]:
        monitoring = school.policy.monitoring
        return _by_id(monitoring.instruments if monitoring else (), lambda choice: choice.instrument)

    a, b = instruments(old), instruments(new)
    lines = _added_removed(
        "Monitor",
        {key: _method_name(old, choice) for key, choice in a.items()},
        {key: _method_name(new, choice) for key, choice in b.items()},
    )
    for key in a.keys() & b.keys():
        lines += _changes(
            f"Monitor {_method_name(new, b[key])}",
            [
                ("groepen", _groups(a[key].groups), _groups(b[key].groups)),
                ("frequentie", a[key].frequency, b[key].frequency),
                ("maand", a[key].month, b[key].month),
                ("laatste afname", a[key].last_taken, b[key].last_taken),
                ("respondenten", a[key].respondents, b[key].respondents),
            ],
        )
    return lines


def _step_pairs(old: EscalationStep, new: EscalationStep) -> list[tuple[str, Any, Any]]:
    return [
        ("naam", old.title, new.title),
        ("termijn", old.term, new.term),
        ("verantwoordelijk", old.responsible, new.responsible),
        ("ouders", old.parents, new.parents),
        ("maatregel", old.measure, new.measure),
        ("acties", old.actions, new.actions),
    ]


def _terms(old: SchoolModel, new: SchoolModel) -> list[str]:
    a, b = old.policy, new.policy
    steps_a = a.bullying.escalation if a.bullying else ()
    steps_b = b.bullying.escalation if b.bullying else ()
    lines = _change("Aantal stappen bij aanhoudend pesten", len(steps_a), len(steps_b))
    for number, (step_a, step_b) in enumerate(zip(steps_a, steps_b, strict=False), start=1):
        lines += _changes(f"Stap {number} ({step_b.title})", _step_pairs(step_a, step_b))
    lines += [f"- Stap {n} erbij: {step.title}" for n, step in enumerate(steps_b, 1) if n > len(steps_a)]
    lines += [f"- Stap {n} vervalt: {step.title}" for n, step in enumerate(steps_a, 1) if n > len(steps_b)]
    cur_a = a.bullying.curative if a.bullying else None
    cur_b = b.bullying.curative if b.bullying else None
    lines += _changes(
        "Curatieve aanpak",
        [
            ("methoden", cur_a.approaches if cur_a else None, cur_b.approaches if cur_b else None),
            (
                "vervolggesprek na dagen",
                cur_a.follow_up_days if cur_a else None,
                cur_b.follow_up_days if cur_b else None,
            ),
            (
                "steungroep",
                f"{cur_a.support_group.min}-{cur_a.support_group.max}"
                if cur_a and cur_a.support_group
                else None,
                f"{cur_b.support_group.min}-{cur_b.support_group.max}"
                if cur_b and cur_b.support_group
                else None,
            ),
        ],
    )
    sus_a, sus_b = a.measures.suspension, b.measures.suspension
    lines += _changes(
        "Schorsing",
        [
            (
                "ten hoogste schooldagen",
                sus_a.max_school_days if sus_a else None,
                sus_b.max_school_days if sus_b else None,
            ),
            ("besluit door", sus_a.decided_by if sus_a else None, sus_b.decided_by if sus_b else None),
            (
                "inspectie melden",
                sus_a.notify_inspectie if sus_a else None,
                sus_b.notify_inspectie if sus_b else None,
            ),
        ],
    )
    to_a, to_b = a.measures.time_out, b.measures.time_out
    lines += _changes(
        "Time-out",
        [
            ("ten hoogste dagen", to_a.max_days if to_a else None, to_b.max_days if to_b else None),
            ("waar", to_a.where if to_a else None, to_b.where if to_b else None),
        ],
    )
    lines += _changes(
        "Verwijdering", [("wie gehoord worden", a.measures.removal.hear, b.measures.removal.hear)]
    )
    inc_a, inc_b = a.incidents, b.incidents
    lines += _changes(
        "Incidentregistratie",
        [
            ("systeem", inc_a.system if inc_a else None, inc_b.system if inc_b else None),
            (
                "vastleggen binnen dagen",
                inc_a.within_days if inc_a else None,
                inc_b.within_days if inc_b else None,
            ),
        ],
    )
    routes_a = {route.name: route.steps for route in (a.complaints.routes if a.complaints else ())}
    routes_b = {route.name: route.steps for route in (b.complaints.routes if b.complaints else ())}
    for name in routes_a.keys() | routes_b.keys():
        lines += _change(f"Klachtroute '{name}'", routes_a.get(name), routes_b.get(name))
    return lines


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(value, list | tuple):
        flat = {}
        for index, item in enumerate(value):
            flat.update(_flatten(item, f"{prefix}[{index}]"))
        return flat
    return {prefix: value}


def _other(old: SchoolModel, new: SchoolModel) -> list[str]:
    flat_a = _flatten(old.policy.model_dump(by_alias=True, exclude_none=True))
    flat_b = _flatten(new.policy.model_dump(by_alias=True, exclude_none=True))
    changed = sorted(
        key
        for key in flat_a.keys() | flat_b.keys()
        if flat_a.get(key) != flat_b.get(key) and key.split(".")[0].split("[")[0] not in _DESCRIBED | _IGNORED
    )
    return [f"- {key}: {text(flat_a.get(key))}{ARROW}{text(flat_b.get(key))}" for key in changed]


SECTIONS: tuple[tuple[str, Callable[[SchoolModel, SchoolModel], list[str]]], ...] = (
    ("Document", _document),
    ("Rollen en personen", _roles),
    ("Contactgegevens", _contacts),
    ("Methoden", _methods),
    ("Monitoring", _monitoring),
    ("Termijnen en stappen", _terms),
    ("Overige wijzigingen", _other),
)


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
    found = False
    for heading, section in SECTIONS:
        changes = section(a, b)
        if changes:
            found = True
            lines += ["", f"## {heading}", "", *changes]
    if not found:
        lines += ["", "Geen inhoudelijke wijzigingen."]
    return "\n".join(lines) + "\n"
