"""Resolve references once: role holders, and national data of standard organisations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

from ..errors import Problem
from ..load import Mark
from .base import ROLES
from .catalogue import Catalogue
from .parts import Board, Organisation, Person, Publication, RoleAssignment, Roles
from .policy import Policy
from .values import Email, Phone, Url


@dataclass(frozen=True, slots=True)
class ResolvedRole:
    """A role with its holders looked up: the one answer to 'who is the aanspreekpunt?'."""

    id: str
    label: str
    legal_term: str | None
    people: tuple[Person, ...]
    audiences: Mapping[str, tuple[str, ...]]
    organisation: Organisation | None
    tasks_note: str | None
    declared_vacant: bool = False  # `vacature: true`: the school says nobody holds the role yet

    @property
    def vacant(self) -> bool:
        """The role exists but nobody holds it yet (`vacature: true`, or no people and no organisation).

        Documents then say the name follows; `vacancy.py` says what that means for checks and letters.
        """
        return not self.people and self.organisation is None

    @property
    def name_with_legal_term(self) -> str:
        """The school's label, with the legal (or standard) name in brackets when it differs."""
        standard = self.legal_term or ROLES[self.id][0]
        if self.label.lower() == standard.lower():
            return self.label
        return f"{self.label} ({standard})"


def _domain(address: str | None) -> str | None:
    if not address:
        return None
    host = address.rsplit("@", 1)[-1] if "@" in address else urlparse(address).netloc
    return host.lower().removeprefix("www.") or None


def _own_domain(email: Email | None) -> str | None:
    """The domain of an organisation's own address; never a public mailbox (gmail, hotmail, …)."""
    return None if email is None or email.is_free_mail else _domain(email)


def _work_domains(policy: Policy) -> set[str]:
    """The school's and the board's domains: their websites, and their addresses unless private mailboxes."""
    school, board = policy.school, policy.board
    found = {
        _domain(school.website),
        _domain(board.website),
        _own_domain(school.email),
        _own_domain(board.email),
    }
    return {domain for domain in found if domain}


def _on_domain(email: Email, domains: set[str]) -> bool:
    """True when the address is on one of the domains or a subdomain of one (jgz@regio.ggd.nl, ggd.nl)."""
    host = _domain(email) or ""
    return any(host == domain or host.endswith(f".{domain}") for domain in domains)


def settled_publication(
    email: Email | None, phone: Phone | None, publish: Publication, domains: set[str]
) -> Publication:
    """What may be published when `publiceer` does not say: no 06 number, no address off the domains."""
    public_email = publish.email
    if public_email is None:
        public_email = email is not None and not email.is_free_mail and _on_domain(email, domains)
    public_phone = publish.phone
    if public_phone is None:
        public_phone = phone is not None and not phone.is_mobile
    return publish.model_copy(update={"email": public_email, "phone": public_phone})  # keeps its marks


def organisation_domains(email: Email | None, website: Url | None, work: set[str]) -> set[str]:
    """An organisation's own domains: its website's; without a website, its own address's (not a gmail)."""
    own = {_domain(website)} if website is not None else {_own_domain(email)}
    return {domain for domain in own if domain} | work


def resolve_board(policy: Policy) -> Board:
    """The board with publication settled, by the same rule as organisations."""
    board = policy.board
    domains = organisation_domains(board.email, board.website, _work_domains(policy))
    publish = settled_publication(board.email, board.phone, board.publish, domains)
    return board.model_copy(update={"publish": publish})


def resolve_people(policy: Policy, organisations: Mapping[str, Organisation]) -> dict[str, Person]:
    """People by id, with publication settled once: work addresses are public, private ones are not.

    An e-mail address is public by default when its domain is the school's, the board's or
    that of the person's own organisation, and it is no private mailbox (gmail, hotmail, …);
    a phone number unless it is a mobile number. `publiceer` in the policy overrides both.
    """
    work = _work_domains(policy)
    result = {}
    for person in policy.people:
        domains = set(work)
        organisation = organisations.get(person.organisation) if person.organisation else None
        if organisation is not None:
            domains |= {d for d in (_own_domain(organisation.email), _domain(organisation.website)) if d}
        email = person.publish.email
        if email is None:
            email = (
                person.email is not None
                and not person.email.is_free_mail
                and _domain(person.email) in domains
            )
        phone = person.publish.phone
        if phone is None:
            phone = person.phone is not None and not person.phone.is_mobile
        publish = person.publish.model_copy(update={"email": email, "phone": phone})
        result[person.id] = person.model_copy(update={"publish": publish})
    return result


def resolve_organisations(policy: Policy, catalogue: Catalogue) -> dict[str, Organisation]:
    """Organisations by id, publication settled; standard ones get their national data from the catalogue.

    Like people: a 06 number is published only with `publiceer: {telefoon: true}`, an e-mail
    address only when it is on the organisation's own domain (its website's, or without a
    website its own non-private domain), the school's or the board's; else `publiceer: {email: true}`.
    """
    work = _work_domains(policy)
    result = {}
    for organisation in policy.organisations:
        entry = catalogue.get(organisation.kind)
        if organisation.standard and entry is not None:
            national = entry.standard
            organisation = organisation.model_copy(
                update={
                    "name": organisation.name or entry.title,
                    "phone": organisation.phone or (national.phone if national else None),
                    "website": organisation.website or (national.website if national else None),
                }
            )
        domains = organisation_domains(organisation.email, organisation.website, work)
        publish = settled_publication(organisation.email, organisation.phone, organisation.publish, domains)
        result[organisation.id] = organisation.model_copy(update={"publish": publish})
    return result


def _role_mark(roles: Roles, role_id: str, key: str) -> Mark:
    """The line of a role's key, else of the role itself."""
    role = getattr(roles, role_id)
    if isinstance(role, RoleAssignment) and role.is_written(key):
        return role.mark_of(key)
    return roles.mark_of(role_id)


def _holder(
    assigned: Mapping[str, RoleAssignment], role_id: str, roles: Roles
) -> tuple[RoleAssignment, list[Problem]]:
    """Follow zelfde_als to the role that really names people; a cycle is an error."""
    seen = [role_id]
    current = assigned[role_id]
    while current.same_as is not None:
        target = current.same_as
        if target in seen:
            mark = _role_mark(roles, role_id, "same_as")
            chain = " → ".join([*seen, target])
            return current, [
                Problem(
                    mark.file,
                    mark.line,
                    mark.key,
                    f"zelfde_als verwijst in een kring: {chain}",
                    "laat één rol zelf personen noemen",
                )
            ]
        if target not in assigned:
            mark = _role_mark(roles, seen[-1], "same_as")
            return current, [
                Problem(
                    mark.file,
                    mark.line,
                    mark.key,
                    f'de rol "{target}" is niet ingevuld',
                    f"vul rollen.{target} in",
                )
            ]
        seen.append(target)
        current = assigned[target]
    return current, []


def resolve_roles(
    policy: Policy, people: Mapping[str, Person], organisations: Mapping[str, Organisation]
) -> tuple[dict[str, ResolvedRole], list[Problem]]:
    """Every filled role with its holders; board 'functie + aantal' demands are checked here."""
    assigned = policy.roles.assigned()
    resolved: dict[str, ResolvedRole] = {}
    problems: list[Problem] = []
    for role_id, own in assigned.items():
        holder, wrong = _holder(assigned, role_id, policy.roles)
        problems.extend(wrong)
        ids = holder.people or tuple(item.person for item in holder.assignments)
        audiences = {item.person: item.audience for item in holder.assignments}
        count = own.count or holder.count
        if count and len(ids) < count and not holder.vacant:
            mark = _role_mark(policy.roles, role_id, "people")
            function = f" ({own.function or holder.function})" if (own.function or holder.function) else ""
            problems.append(
                Problem(
                    mark.file,
                    mark.line,
                    mark.key,
                    f"het bestuur vraagt {count} personen voor deze rol{function}, er zijn er {len(ids)}",
                    f"noem de personen onder rollen.{role_id}.personen",
                )
            )
        default_label, legal = ROLES[role_id]
        resolved[role_id] = ResolvedRole(
            id=role_id,
            label=own.label or default_label,
            legal_term=legal,
            people=tuple(people[person] for person in ids if person in people),
            audiences=audiences,
            organisation=organisations.get(holder.organisation) if holder.organisation else None,
            tasks_note=own.tasks_note,
            declared_vacant=holder.vacant,
        )
    return resolved, problems
