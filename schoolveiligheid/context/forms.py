"""A school's model -> what its blank forms show: the registration system, the meldcode contact, the sociale kaart.

Forms are for staff only, so the bereikbaarheidslijst carries every phone number
the policy holds, mobile numbers included. That is why forms are written next to
the Word documents and never onto the website (the site writer takes SiteBundles only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import SchoolModel
from ..model.base import ROLES
from ..model.parts import ContactPerson, Organisation, Person
from ..model.values import Email, Phone
from ..model.wording import NAME_PENDING, PENDING, address_text, capitalised, join
from .builder import ViewBuilder
from .letterhead import Letterhead, PersonLine, letterhead
from .practice import incidents

BLANK_ROWS = 12  # empty lines in each register
EXTRA_ROWS = 3  # empty lines under each list, for additions by hand


@dataclass(frozen=True, slots=True)
class IncidentForm:
    """How the school records incidents."""

    system: str | None
    within_days: int | None
    record_term: str | None  # "binnen 3 dagen na het voorval", worded as in the plan and the protocol
    responsible: str | None
    analysis: str | None
    storage: str | None


@dataclass(frozen=True, slots=True)
class FormSecretariat:
    """An organisation's secretariat as a form shows it; the template words it ("secretariaat: …")."""

    name: str
    function: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class FormContactRow:
    """One line of the bereikbaarheidslijst."""

    role: str = ""
    name: str = ""
    phone: str = ""
    email: str = ""
    availability: str = ""
    secretariat: FormSecretariat | None = None  # of an organisation that holds the role


@dataclass(frozen=True, slots=True)
class OrganisationRow:
    """One line of the sociale kaart."""

    name: str = ""
    contact: str = ""  # the contact person: name and function
    secretariat: FormSecretariat | None = None
    phone: str = ""
    online: str = ""
    availability: str = ""
    office_hours: str = ""  # the template writes "spreekuur" before it
    address: str = ""


@dataclass(frozen=True, slots=True)
class FormsContext:
    """Everything the form templates may show."""

    head: Letterhead
    logo: Path | None
    school_year: str
    stamp: date
    incidents: IncidentForm
    meldcode: PersonLine | None
    physical: str | None
    roles: tuple[FormContactRow, ...]
    organisations: tuple[OrganisationRow, ...]
    blank_rows: tuple[int, ...]


def _person_row(label: str, person: Person) -> FormContactRow:
    return FormContactRow(
        role=label,
        name=person.name,
        phone=person.phone.display if person.phone else "",
        email=str(person.email) if person.email else "",
        availability=person.availability or "",
    )


def _roles(school: SchoolModel) -> tuple[FormContactRow, ...]:
    rows: list[FormContactRow] = []
    for role_id in ROLES:
        role = school.role(role_id)
        if role is None:
            continue
        rows.extend(_person_row(role.name_with_legal_term, person) for person in role.people)
        if role.vacant:  # the role exists, nobody holds it yet (model/vacancy.py)
            rows.append(FormContactRow(role.name_with_legal_term, capitalised(NAME_PENDING), "", "", ""))
        if not role.people and role.organisation is not None:
            org = role.organisation
            rows.append(
                FormContactRow(
                    role.name_with_legal_term,
                    org.name or org.id,
                    org.phone.display if org.phone else "",
                    str(org.email or ""),
                    org.availability or "",
                    _secretariat(org.secretariat),
                )
            )
    return (*rows, *(FormContactRow() for _ in range(EXTRA_ROWS)))


def _secretariat(person: ContactPerson | None) -> FormSecretariat | None:
    """The values of a secretariat; the form template words them."""
    if person is None:
        return None
    return FormSecretariat(
        name=person.name,
        function=person.function or "",
        phone=person.phone.display if person.phone else "",
        email=str(person.email) if person.email else "",
    )


def _organisation_row(org: Organisation) -> OrganisationRow:
    contact = org.contact
    phone = org.phone or (contact.phone if contact else None)
    email = org.email or (contact.email if contact else None)
    return OrganisationRow(
        name=", ".join(filter(None, [org.name or org.id, org.department])),
        contact=", ".join(filter(None, [contact.name, contact.function])) if contact else "",
        secretariat=_secretariat(org.secretariat),
        phone=phone.display if phone else "",
        online=" · ".join(
            filter(None, [str(email) if email else None, org.website.display if org.website else None])
        ),
        availability=org.availability or "",
        office_hours=org.office_hours or "",
        address=address_text(address) if (address := org.address or org.postal_address) else "",
    )


def _or_pending(value: Phone | Email | None, key: str) -> str:
    """A phone number or e-mail address as a form shows it; a concept may not have it yet."""
    if value is None:
        return PENDING[key]
    return value.display if isinstance(value, Phone) else str(value)


def forms_context(school: SchoolModel) -> FormsContext:
    """The forms of one school, pre-filled with what its policy knows."""
    section = incidents(ViewBuilder(school))
    registration = school.policy.incidents
    responsible = None
    if section is not None and registration is not None:
        holder = school.role(registration.responsible)
        names = join(person.name for person in holder.people) if holder else ""
        responsible = f"{section.responsible} ({names})" if names else section.responsible
    meldcode_role = school.role("aandachtsfunctionaris_meldcode")
    meldcode = None
    if meldcode_role is not None and meldcode_role.people:
        person = meldcode_role.people[0]
        meldcode = PersonLine(
            name=person.name,
            function=meldcode_role.label,
            phone=_or_pending(person.phone or school.policy.school.phone, "telefoon"),
            email=_or_pending(person.email or school.policy.school.email, "email"),
        )
    so = school.policy.so
    document = school.policy.document
    return FormsContext(
        head=letterhead(school),
        logo=school.logo,
        school_year=str(document.school_year),
        stamp=document.adopted_on or document.school_year.first_day,
        incidents=IncidentForm(
            system=" ".join(filter(None, [section.system, f"({section.part})" if section.part else None]))
            if section
            else None,
            within_days=section.within_days if section else None,
            record_term=section.record_term if section else None,
            responsible=responsible,
            analysis=section.analysis if section else None,
            storage=section.storage if section else None,
        ),
        meldcode=meldcode,
        physical=so.physical_intervention.training if so and so.physical_intervention else None,
        roles=_roles(school),
        organisations=(
            *(_organisation_row(org) for org in school.organisations.values()),
            *(OrganisationRow() for _ in range(EXTRA_ROWS)),
        ),
        blank_rows=tuple(range(BLANK_ROWS)),
    )


__all__ = ["FormsContext", "forms_context"]
