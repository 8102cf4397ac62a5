"""Warnings that keep a policy usable: contact details, stale years, missing practical parts.

None of these is a legal requirement; each catches a mistake real plans made
(a complaints line that was another organisation's number, a teacher's
private mailbox, "mei 2018" in a plan for 2026-2027).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import SchoolModel
from ..model.parts import CONTACT_KEYS
from ..model.vacancy import EXPECTED_ROLES, LEGAL_ROLES, letter_role_problem, vacant_roles
from ..model.wording import PENDING
from .findings import Collector, practice
from .text import is_prose, key_of

_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")
_DATE_KEYS = {"schooljaar", "vastgesteld_op", "mr_instemming_op", "evaluatie_voor", "laatste_afname"}
STALE_YEARS = 2  # years before the school year that still count as current (V22)


def check_hygiene(school: SchoolModel, out: Collector) -> None:
    """Cheap warnings from DOMAIN.md §7.5 (V9, V10, V16, V18, V19, V22)."""
    _http(school, out)
    _stale_years(school, out)
    _shared_contact(school, out)
    _private_mail(school, out)
    _vacancies(school, out)
    _concept_gaps(school, out)
    if school.policy.incidents is None:
        out.warning(
            "incidentregistratie",
            "het beleid zegt niet waar en door wie incidenten worden vastgelegd",
            school.policy.mark_of("incidents"),
            practice("incidenten worden vastgelegd, zodat de school ze kan analyseren"),
            "vul incidentregistratie: in met systeem en verantwoordelijke",
        )
    director = school.role("directeur")
    if director is None or not director.people:
        out.warning(
            "directeur",
            "er is geen directeur genoemd; brieven en contactgegevens hebben die nodig",
            school.policy.roles.mark_of("directeur"),
            practice("brieven worden ondertekend door een genoemde persoon"),
            "noem de directeur onder rollen.directeur.personen",
        )


def _http(school: SchoolModel, out: Collector) -> None:
    for text, mark in school.texts:
        if "http://" in text:
            out.warning(
                "http-adres",
                "een webadres begint met http:// in plaats van https://",
                mark,
                practice("webadressen zijn beveiligd (https)"),
                "gebruik https://; controleer of de site zo bereikbaar is",
            )


def _stale_years(school: SchoolModel, out: Collector) -> None:
    first = school.policy.document.school_year.first_day.year
    for text, mark in school.texts:
        if key_of(mark) in _DATE_KEYS or not is_prose(mark):
            continue
        old = sorted({int(year) for year in _YEAR.findall(text) if int(year) < first - STALE_YEARS})
        if old:
            out.warning(
                "oud-jaartal",
                f"de tekst noemt {', '.join(map(str, old))}, jaren voor schooljaar {school.policy.document.school_year}",
                mark,
                practice("het beleid beschrijft de huidige situatie"),
                "controleer of dit nog klopt en werk de tekst bij",
            )


def _shared_contact(school: SchoolModel, out: Collector) -> None:
    by_value: dict[tuple[str, str], list[str]] = defaultdict(list)
    for organisation in school.organisations.values():
        if organisation.phone:
            by_value[("phone", organisation.phone.display)].append(organisation.id)
        if organisation.email:
            by_value[("email", str(organisation.email))].append(organisation.id)
    for (kind, shown), ids in by_value.items():
        if len(ids) < 2:
            continue
        names = " en ".join(school.organisations[item].name or item for item in ids)
        out.warning(
            "gedeeld-contact",
            f"{names} hebben hetzelfde {'telefoonnummer' if kind == 'phone' else 'e-mailadres'} ({shown})",
            school.organisations[ids[-1]].mark_of(kind),
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
                person.mark_of("email"),
                practice("ouders bereiken iemand met een rol via een adres van school"),
                "gebruik een e-mailadres van school; een privé-adres wordt niet gepubliceerd",
            )


def _vacancies(school: SchoolModel, out: Collector) -> None:
    """Vacant roles that are not legal ones (those are in legal.py), and what a vacancy means for letters."""
    for role_id in vacant_roles(school):
        role = school.roles[role_id]
        if role_id not in LEGAL_ROLES and role_id not in EXPECTED_ROLES:  # those two: legal.py
            out.warning(
                "vacature",
                f"de rol {role.label} is nog vacant; in de documenten staat 'de naam volgt'",
                school.policy.roles.mark_of(role_id),
                practice("elke rol in het beleid heeft een naam, of zegt dat die nog volgt"),
                f"noem onder rollen.{role_id}.personen wie deze rol krijgt en haal vacature: true weg",
            )
    signatory = school.policy.letters.signatory
    signer = school.role(signatory)
    problem = letter_role_problem(school, signatory, "ondertekenaar")
    if signer is not None and signer.vacant and problem is not None:
        message, hint = problem
        out.warning(
            "brief-ondertekenaar",
            f"brieven aan ouders kunnen nu niet gemaakt worden: {message}",
            school.policy.letters.mark_of("signatory"),
            practice("brieven worden ondertekend door een genoemde persoon"),
            hint,
        )


def _concept_gaps(school: SchoolModel, out: Collector) -> None:
    """What a concept still lacks that an adopted policy and every letter need (model/parts.py CONTACT_KEYS)."""
    policy = school.policy
    info = policy.school
    gaps = [
        (info.mark_of(name), key, what) for name, key, what in CONTACT_KEYS if getattr(info, name) is None
    ]
    if policy.document.version is None:
        gaps.append((policy.document.mark_of("version"), "versie", "het versienummer"))
    if policy.complaints is not None and policy.complaints.lacks_committee:
        gaps.append((policy.complaints.mark_of("committee"), "commissie", "de klachtencommissie"))
    board = policy.board
    if board.address is None:
        gaps.append((board.mark_of("address"), "adres", "het adres van het bestuur"))
    if board.richting is None:
        gaps.append((board.mark_of("richting"), "richting", "de richting van het bestuur"))
    for mark, key, what in gaps:
        out.warning(
            "concept-onvolledig",
            f"{what} ontbreekt nog; in de documenten staat {PENDING[key]}",
            mark,
            practice("een concept mag onvolledig zijn; vaststellen en brieven kan pas als het er staat"),
            f"vul {key}: in voordat het beleid wordt vastgesteld of een brief wordt gemaakt",
        )
