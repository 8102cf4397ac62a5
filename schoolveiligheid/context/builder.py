"""The views and sections of one school's render context, built from its model: every derived fact, once.

`ViewBuilder` turns the model's people, roles, organisations and documents into
the views templates show (only what may be published); `practice.py` and
`procedures.py` build the remaining sections with it, and `build_context`
(`context/__init__.py`) puts them together.
"""

from __future__ import annotations

import re

from ..model import SchoolModel
from ..model.base import GENERIC_ACTORS, ROLES, Described
from ..model.parts import Address, Board, Organisation, Person, Publication
from ..model.practice import Frequency
from ..model.resolve import ResolvedRole, organisation_domains, settled_publication
from ..model.wording import (
    PENDING,
    address_text,
    frequency_text,
    groups_text,
    join,
    organisation_with_article,
    with_article,
)
from .sections import (
    BoardSection,
    EditionSection,
    IdentitySection,
    SchoolSection,
)
from .views import (
    Contact,
    DocumentView,
    Md,
    OrganisationView,
    PersonView,
    RoleView,
    SecretariatView,
)

# Roles held by someone from outside the school: never "via de school" when their details are missing.
EXTERNAL_ROLES = frozenset({"externe_vertrouwenspersoon"})


def markdown(text: str | None) -> Md | None:
    """Trusted Markdown from a user or the catalogue, with raw HTML neutralised."""
    if text is None:
        return None
    return Md(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def _phone(holder: Person | Organisation | Board) -> Contact | None:
    """The phone number if it may be published (model/resolve.py settled that for everyone)."""
    phone = holder.public_phone
    return Contact(phone.display, phone.uri) if phone else None


def _email(holder: Person | Organisation | Board) -> Contact | None:
    """The e-mail address if it may be published."""
    email = holder.public_email
    return Contact(str(email), email.uri) if email else None


def _address(address: Address | None) -> str | None:
    return address_text(address) if address is not None else None


class ViewBuilder:
    """Builds the context's views of one school (people, roles, organisations, identity), each once."""

    def __init__(self, school: SchoolModel) -> None:
        self.model = school
        self.policy = school.policy
        self.organisation_views = {org.id: self._organisation(org) for org in school.organisations.values()}
        self.role_views = {role_id: self._role(role) for role_id, role in school.roles.items()}

    @staticmethod
    def all_role_ids() -> tuple[str, ...]:
        """Every canonical role id, filled or not."""
        return tuple(ROLES)

    def actor(self, actor_id: str | Described) -> str:
        """'de coördinator sociale veiligheid', 'de leerkracht', 'het team', 'het Meldpunt
        vertrouwensinspecteurs' (organisation_with_article); a description as written."""
        if isinstance(actor_id, Described):
            return actor_id.text
        if actor_id in self.model.roles:
            return with_article(self.model.roles[actor_id].label)
        if actor_id == "leerkracht":
            return f"de {self.policy.school.terminology.teacher}"
        if actor_id in GENERIC_ACTORS:
            return with_article(GENERIC_ACTORS[actor_id])
        if actor_id in self.organisation_views:
            return organisation_with_article(self.organisation_views[actor_id].name)
        return with_article(ROLES[actor_id][0]) if actor_id in ROLES else actor_id

    def actors(self, actor_ids: tuple[str | Described, ...]) -> str | None:
        return join(self.actor(actor) for actor in actor_ids) or None

    def groups(self, groups: tuple[str, ...] | None) -> str | None:
        if not groups:
            return None
        school = self.policy.school
        return groups_text(groups, school.group_labels, school.terminology.group)

    def person(self, person: Person, audience: tuple[str, ...] = (), external: bool = False) -> PersonView:
        return PersonView(
            name=person.name,
            function=person.function,
            phone=_phone(person),
            email=_email(person),
            availability=person.availability,
            audience=join(audience) or None,
            via_school=not external and person.organisation is None,
        )

    def _organisation(self, org: Organisation) -> OrganisationView:
        entry = self.model.catalogue.get(org.kind)
        contact = org.contact
        return OrganisationView(
            id=org.id,
            kind=org.kind,
            kind_title=entry.title if entry else org.kind,
            name=org.name or (entry.title if entry else org.id),
            department=org.department,
            contact_name=contact.name if contact else None,
            contact_function=contact.function if contact else None,
            phone=_phone(org),
            email=_email(org),
            website=Contact(org.website.display, str(org.website)) if org.website else None,
            address=_address(org.address),
            postal_address=_address(org.postal_address),
            availability=org.availability,
            office_hours=org.office_hours,
            description=markdown(org.description) or markdown(entry.text if entry else "") or Md(""),
            secretariat=self._secretariat(org),
        )

    @staticmethod
    def _secretariat(org: Organisation) -> SecretariatView | None:
        """A committee's secretariat; its address public by the organisation rule (its own domain, no 06)."""
        person = org.secretariat
        if person is None:
            return None
        domains = organisation_domains(org.email, org.website, set())
        publish = settled_publication(person.email, person.phone, Publication(), domains)
        return SecretariatView(
            name=person.name,
            function=person.function,
            phone=Contact(person.phone.display, person.phone.uri) if person.phone and publish.phone else None,
            email=Contact(str(person.email), person.email.uri) if person.email and publish.email else None,
            postal_address=_address(person.postal_address),
        )

    def _role(self, role: ResolvedRole) -> RoleView:
        external = role.id in EXTERNAL_ROLES
        people = tuple(
            self.person(person, role.audiences.get(person.id, ()), external) for person in role.people
        )
        return RoleView(
            id=role.id,
            label=role.label,
            name=role.name_with_legal_term,
            legal_term=role.legal_term,
            people=people,
            organisation=self.organisation_views.get(role.organisation.id) if role.organisation else None,
            tasks_note=markdown(role.tasks_note),
            holders=join(person.name for person in people),
            vacant=role.vacant,
            the_label=with_article(role.label),
        )

    def document(self, doc_id: str) -> DocumentView:
        doc = next(d for d in self.policy.documents if d.id == doc_id)
        return DocumentView(
            id=doc.id,
            title=doc.title,
            reference=doc.reference,
            url=Contact(doc.url.display, str(doc.url)) if doc.url else None,
            adopted_on=doc.adopted_on,
            # the place only, so the sentence reads 'verkrijgbaar bij …' also when the value starts with 'bij'
            available_at=re.sub(r"^bij\s+", "", doc.available_at, flags=re.IGNORECASE)
            if doc.available_at
            else None,
        )

    def frequency(self, frequency: Frequency | None) -> str | None:
        return frequency_text(frequency) if frequency else None

    def school(self) -> SchoolSection:
        school = self.policy.school
        teacher = self.policy.roles.teacher
        return SchoolSection(
            id=school.id,
            name=school.name,
            short_name=school.short_name or school.name,
            type=school.type,
            special=school.type in {"so", "vso"},
            concept=school.concept,
            group_word=school.terminology.group,
            teacher_word=school.terminology.teacher,
            groups=school.group_labels,
            # A concept may lack them: then the text says so ("[adres volgt]", shown without a link).
            address=_address(school.address) or PENDING["adres"],
            phone=Contact(school.phone.display, school.phone.uri)
            if school.phone
            else Contact(PENDING["telefoon"], ""),
            email=Contact(str(school.email), school.email.uri)
            if school.email
            else Contact(PENDING["email"], ""),
            website=Contact(school.website.display, str(school.website)) if school.website else None,
            brin=school.brin,
            teacher_tasks=tuple(task.rstrip(" .;") for task in teacher.tasks) if teacher else (),
            teacher_tasks_note=markdown(teacher.tasks_note) if teacher else None,
            logo=self.model.logo,
            colour=school.house_style.colour if school.house_style else None,
            accent_colour=school.house_style.accent if school.house_style else None,
        )

    def board(self) -> BoardSection:
        board = self.policy.board
        return BoardSection(
            name=board.name,
            short_name=board.short_name or board.name,
            richting=board.richting or "",  # a concept board may lack it: law.route_known is then False
            denomination=board.denomination,
            governing_body=board.governing_body,
            # A board file used only by concept schools may lack it: then the text says "[adres volgt]".
            address=_address(board.address) or PENDING["adres"],
            objection_address=_address(board.postal_address or board.address) or PENDING["adres"],
            phone=_phone(board),
            email=_email(board),
            website=Contact(board.website.display, str(board.website)) if board.website else None,
        )

    def edition(self) -> EditionSection:
        doc = self.policy.document
        return EditionSection(
            school_year=str(doc.school_year),
            school_year_start=doc.school_year.first_day,
            version=doc.version or PENDING["versie"],
            status=doc.status,
            concept=doc.status == "concept",
            consent_on=doc.consent_on,
            adopted_on=doc.adopted_on,
            adopted_by=doc.adopted_by,
            evaluation_before=doc.evaluation_before,
            owner=self.actor(doc.owner) if doc.owner else None,
            open_points=doc.open_points,
            example=self.policy.example,
        )

    def identity(self) -> IdentitySection:
        identity = self.policy.identity
        return IdentitySection(
            vision=markdown(identity.vision),
            values=identity.values,
            core_values=identity.core_values,
            slogan=identity.slogan,
            goals=identity.goals,
            quotes=tuple((quote.text, quote.source) for quote in identity.quotes),
        )
