"""Warnings that keep a policy usable: contact details, stale years, missing practical parts.

None of these is a legal requirement; each catches a mistake real plans made
(a complaints line that was another organisation's number, a teacher's
private mailbox, "mei 2018" in a plan for 2026-2027).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import SchoolModel
from .findings import Collector, practice, where, where_item
from .text import is_prose, iter_strings

_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_DATE_KEYS = {"schooljaar", "vastgesteld_op", "mr_instemming_op", "evaluatie_voor", "laatste_afname"}
STALE_YEARS = 2  # years before the school year that still count as current (V22)


def check_hygiene(school: SchoolModel, out: Collector) -> None:
    """Cheap warnings from DOMAIN.md §7.5 (V9, V10, V16, V18, V19, V22)."""
    _http(out)
    _stale_years(school, out)
    _shared_contact(school, out)
    _private_mail(school, out)
    if school.policy.incidents is None:
        out.warning(
            "incidentregistratie",
            "het beleid zegt niet waar en door wie incidenten worden vastgelegd",
            where(out.raw, "incidentregistratie"),
            practice("incidenten worden vastgelegd, zodat de school ze kan analyseren"),
            "vul incidentregistratie: in met systeem en verantwoordelijke",
        )
    director = school.role("directeur")
    if director is None or not director.people:
        out.warning(
            "directeur",
            "er is geen directeur genoemd; brieven en contactgegevens hebben die nodig",
            where(out.raw, "rollen", "directeur"),
            practice("brieven worden ondertekend door een genoemde persoon"),
            "noem de directeur onder rollen.directeur.personen",
        )


def _http(out: Collector) -> None:
    for text, _, path in iter_strings(out.raw):
        if "http://" in text:
            out.warning(
                "http-adres",
                "een webadres begint met http:// in plaats van https://",
                where(out.raw, *path),
                practice("webadressen zijn beveiligd (https)"),
                "gebruik https://; controleer of de site zo bereikbaar is",
            )


def _stale_years(school: SchoolModel, out: Collector) -> None:
    first = int(school.policy.document.school_year[:4])
    for text, _, path in iter_strings(out.raw):
        key = next((part for part in reversed(path) if isinstance(part, str)), "")
        if key in _DATE_KEYS or not is_prose(path):
            continue
        old = sorted({int(year) for year in _YEAR.findall(text) if int(year) < first - STALE_YEARS})
        if old:
            out.warning(
                "oud-jaartal",
                f"de tekst noemt {', '.join(map(str, old))}, jaren voor schooljaar {school.policy.document.school_year}",
                where(out.raw, *path),
                practice("het beleid beschrijft de huidige situatie"),
                "controleer of dit nog klopt en werk de tekst bij",
            )


def _shared_contact(school: SchoolModel, out: Collector) -> None:
    by_value: dict[tuple[str, str], list[str]] = defaultdict(list)
    for organisation in school.organisations.values():
        if organisation.phone:
            by_value[("telefoon", organisation.phone.display)].append(organisation.id)
        if organisation.email:
            by_value[("email", str(organisation.email))].append(organisation.id)
    for (kind, shown), ids in by_value.items():
        if len(ids) < 2:
            continue
        names = " en ".join(school.organisations[item].name or item for item in ids)
        out.warning(
            "gedeeld-contact",
            f"{names} hebben hetzelfde {'telefoonnummer' if kind == 'telefoon' else 'e-mailadres'} ({shown})",
            where_item(out.raw, "organisaties", ids[-1], kind),
            practice("elke organisatie op de sociale kaart heeft haar eigen contactgegevens"),
            "controleer bij de organisatie welk nummer of adres klopt",
        )


def _private_mail(school: SchoolModel, out: Collector) -> None:
    holders = {person.id: person for role in school.roles.values() for person in role.people}
    for person in holders.values():
        if person.email is not None and person.email.is_free_mail:
            out.warning(
                "prive-mail",
                f"{person.name} heeft een rol, maar een privé-e-mailadres ({person.email})",
                where_item(out.raw, "personen", person.id, "email"),
                practice("ouders bereiken iemand met een rol via een adres van school"),
                "gebruik een e-mailadres van school; een privé-adres wordt niet gepubliceerd",
            )
