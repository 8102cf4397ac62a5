"""The sections of a `verschil` summary: one function per subject, each a list of lines in words.

Each line names the YAML key paths whose changes it reports (`Line.covers`), so
the summary can list every other changed value by key path (summary.py). A
person's e-mail address or phone number is only shown when the model says it
is public.
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
from ..model.practice import Frequency, InstrumentChoice, MethodChoice, Term
from ..model.values import Phone
from ..model.wording import address_text, capitalised, dutch_date, frequency_text, groups_text, term_text

ARROW = " → "


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
        return address_text(value)
    if isinstance(value, tuple | list):
        return ", ".join(text(item) for item in value)
    # One line per value keeps the Markdown list intact; a paragraph break still shows as ¶.
    paragraphs = re.split(r"\n\s*\n", str(value).strip())
    return " ¶ ".join(" ".join(paragraph.split()) for paragraph in paragraphs)


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
    return ", ".join(names) or ("vacature (de naam volgt)" if role.vacant else "–")


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


Field = tuple[str, str, str]  # label in the summary, model attribute, YAML key
_SCHOOL: tuple[Field, ...] = (
    ("telefoon", "phone", "telefoon"),
    ("e-mail", "email", "email"),
    ("website", "website", "website"),
    ("adres", "address", "adres"),
)
_BOARD: tuple[Field, ...] = (
    ("naam", "name", "naam"),
    ("adres", "address", "adres"),
    ("postadres", "postal_address", "postadres"),
    ("telefoon", "phone", "telefoon"),
    ("e-mail", "email", "email"),
)
_PERSON: tuple[Field, ...] = (
    ("naam", "name", "naam"),
    ("functie", "function", "functie"),
    ("bereikbaarheid", "availability", "bereikbaarheid"),
)
_ORGANISATION: tuple[Field, ...] = (
    *_BOARD,
    ("website", "website", "website"),
    ("bereikbaarheid", "availability", "bereikbaarheid"),
    ("spreekuur", "office_hours", "spreekuur"),
)
_METHOD: tuple[Field, ...] = (
    ("frequentie", "frequency", "frequentie"),
    ("wanneer", "when", "wanneer"),
    ("status", "status", "status"),
)
_INSTRUMENT: tuple[Field, ...] = (
    ("frequentie", "frequency", "frequentie"),
    ("maand", "month", "maand"),
    ("laatste afname", "last_taken", "laatste_afname"),
    ("respondenten", "respondents", "respondenten"),
)
_STEP: tuple[Field, ...] = (
    ("naam", "title", "titel"),
    ("termijn", "term", "termijn"),
    ("verantwoordelijk", "responsible", "verantwoordelijk"),
    ("ouders", "parents", "ouders"),
    ("maatregel", "measure", "maatregel"),
    ("acties", "actions", "acties"),
)
_CURATIVE: tuple[Field, ...] = (
    ("methoden", "approaches", "methoden"),
    ("vervolggesprek na dagen", "follow_up_days", "vervolg_na_dagen"),
)
_SUSPENSION: tuple[Field, ...] = (
    ("ten hoogste schooldagen", "max_school_days", "max_schooldagen"),
    ("besluit door", "decided_by", "besluit_door"),
    ("inspectie melden", "notify_inspectie", "inspectie_melden"),
)
_TIME_OUT: tuple[Field, ...] = (("ten hoogste dagen", "max_days", "max_dagen"), ("waar", "where", "waar"))
_INCIDENTS: tuple[Field, ...] = (
    ("systeem", "system", "systeem"),
    ("vastleggen binnen dagen", "within_days", "vastleggen_binnen_dagen"),
)


def _fields(old: Any, new: Any, fields: Sequence[Field], path: str) -> list[Pair]:
    """Pairs of the same fields of two versions of a part; a part that is absent has no values."""
    return [
        (
            label,
            None if old is None else getattr(old, attr),
            None if new is None else getattr(new, attr),
            f"{path}.{key}",
        )
        for label, attr, key in fields
    ]


def _public_contact(person: Person) -> tuple[Any, Any]:
    """The e-mail address and phone number that may be shown (SchoolModel.people has publication settled)."""
    return person.public_email, person.public_phone


def _contact_detail(name: str, label: str, private: str, old: Any, new: Any, path: str) -> list[Line]:
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
    lines = _changes(new.name, _fields(old, new, _PERSON, path))
    (email_a, phone_a), (email_b, phone_b) = _public_contact(old), _public_contact(new)
    email = f"{path}.email"
    lines += _contact_detail(
        new.name, "e-mail", "privé-e-mailadres", (old.email, email_a), (new.email, email_b), email
    )
    phone = f"{path}.telefoon"
    lines += _contact_detail(
        new.name, "telefoon", "privételefoonnummer", (old.phone, phone_a), (new.phone, phone_b), phone
    )
    return lines


def _contacts(old: SchoolModel, new: SchoolModel) -> list[Line]:
    a, b = old.policy, new.policy
    lines = _changes("School", _fields(a.school, b.school, _SCHOOL, "school"))
    lines += _changes("Bestuur", _fields(a.board, b.board, _BOARD, "bestuur"))
    people_a, people_b = dict(old.people), dict(new.people)
    for person_id in people_a.keys() & people_b.keys():
        lines += _person(people_a[person_id], people_b[person_id], f"personen[{person_id}]")
    names = {k: p.name for k, p in people_a.items()}, {k: p.name for k, p in people_b.items()}
    lines += _added_removed("Persoon", *names, lambda key: f"personen[{key}]")
    orgs_a, orgs_b = dict(old.organisations), dict(new.organisations)
    for org_id in orgs_a.keys() & orgs_b.keys():
        organisation: Organisation = orgs_b[org_id]
        path = f"organisaties[{org_id}]"
        pairs = _fields(orgs_a[org_id], organisation, _ORGANISATION, path)
        pairs += _fields(
            orgs_a[org_id].contact,
            organisation.contact,
            [("contactpersoon", "name", "naam")],
            f"{path}.contactpersoon",
        )
        lines += _changes(organisation.name or org_id, pairs)
    names = {k: o.name or k for k, o in orgs_a.items()}, {k: o.name or k for k, o in orgs_b.items()}
    lines += _added_removed("Organisatie", *names, lambda key: f"organisaties[{key}]")
    return sorted(lines, key=lambda line: line.text.split(":")[0])


def _method_name(school: SchoolModel, method: MethodChoice | InstrumentChoice) -> str:
    key = method.id if isinstance(method, MethodChoice) else method.instrument
    entry = None if method.own else school.catalogue.get(key)
    return method.title or (entry.title if entry else key)


def _choices(
    noun: str,
    old: SchoolModel,
    new: SchoolModel,
    a: Mapping[str, Any],
    b: Mapping[str, Any],
    path: str,
    fields: Sequence[Field],
) -> list[Line]:
    """Methods or monitoring instruments by id: added, removed, and what changed in each."""
    lines = _added_removed(
        noun,
        {key: _method_name(old, choice) for key, choice in a.items()},
        {key: _method_name(new, choice) for key, choice in b.items()},
        lambda key: f"{path}[{key}]",
    )
    for key in a.keys() & b.keys():
        where = f"{path}[{key}]"
        groups = ("groepen", _groups(old, a[key].groups), _groups(new, b[key].groups), f"{where}.groepen")
        label = _method_name(new, b[key])
        lines += _changes(
            label if noun == "Methode" else f"{noun} {label}",
            [groups, *_fields(a[key], b[key], fields, where)],
        )
    return lines


def _methods(old: SchoolModel, new: SchoolModel) -> list[Line]:
    a, b = _by_id(old.policy.methods), _by_id(new.policy.methods)
    return _choices("Methode", old, new, a, b, "methoden", _METHOD)


def _monitoring(old: SchoolModel, new: SchoolModel) -> list[Line]:
    def instruments(school: SchoolModel) -> dict[str, InstrumentChoice]:
        monitoring = school.policy.monitoring
        return _by_id(monitoring.instruments if monitoring else (), lambda choice: choice.instrument)

    return _choices(
        "Monitor", old, new, instruments(old), instruments(new), "monitoring.instrumenten", _INSTRUMENT
    )


def _support_group(curative: Any) -> str | None:
    group = curative.support_group if curative is not None else None
    return f"{group.min}-{group.max}" if group is not None else None


def _bullying(old: SchoolModel, new: SchoolModel) -> list[Line]:
    bullying_a, bullying_b = old.policy.bullying, new.policy.bullying
    steps_a = bullying_a.escalation if bullying_a else ()
    steps_b = bullying_b.escalation if bullying_b else ()
    lines = _change("Aantal stappen bij aanhoudend pesten", len(steps_a), len(steps_b))
    for index, (step_a, step_b) in enumerate(zip(steps_a, steps_b, strict=False)):
        path = f"pestaanpak.escalatie[{index}]"
        lines += _changes(f"Stap {index + 1} ({step_b.title})", _fields(step_a, step_b, _STEP, path))
    for index, step in enumerate(steps_b[len(steps_a) :], start=len(steps_a)):
        lines.append(Line(f"- Stap {index + 1} erbij: {step.title}", (f"pestaanpak.escalatie[{index}]",)))
    for index, step in enumerate(steps_a[len(steps_b) :], start=len(steps_b)):
        lines.append(Line(f"- Stap {index + 1} vervalt: {step.title}", (f"pestaanpak.escalatie[{index}]",)))
    cur_a = bullying_a.curative if bullying_a else None
    cur_b = bullying_b.curative if bullying_b else None
    path = "pestaanpak.curatief"
    pairs = _fields(cur_a, cur_b, _CURATIVE, path)
    pairs.append(("steungroep", _support_group(cur_a), _support_group(cur_b), f"{path}.steungroep"))
    return lines + _changes("Curatieve aanpak", pairs)


def _terms(old: SchoolModel, new: SchoolModel) -> list[Line]:
    a, b = old.policy, new.policy
    lines = _bullying(old, new)
    path = "maatregelen.schorsing"
    lines += _changes("Schorsing", _fields(a.measures.suspension, b.measures.suspension, _SUSPENSION, path))
    lines += _changes(
        "Time-out", _fields(a.measures.time_out, b.measures.time_out, _TIME_OUT, "maatregelen.time_out")
    )
    lines += _change(
        "Verwijdering, wie gehoord worden",
        a.measures.removal.hear,
        b.measures.removal.hear,
        "maatregelen.verwijdering.horen",
    )
    lines += _changes(
        "Incidentregistratie", _fields(a.incidents, b.incidents, _INCIDENTS, "incidentregistratie")
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


SECTIONS: tuple[tuple[str, Callable[[SchoolModel, SchoolModel], list[Line]]], ...] = (
    ("Document", _document),
    ("Rollen en personen", _roles),
    ("Contactgegevens", _contacts),
    ("Methoden", _methods),
    ("Monitoring", _monitoring),
    ("Termijnen en stappen", _terms),
)


__all__ = ["ARROW", "SECTIONS", "Line", "text"]
