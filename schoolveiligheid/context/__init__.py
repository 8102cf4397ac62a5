"""Model to render context: every derived fact a template shows, computed once per school.

The context holds only what may be published: people's private numbers are
already left out, and no letter or case data can enter it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..documents import DOCUMENT_KINDS
from ..law import (
    DECISION_WEEKS,
    DISPUTES_WEBSITE,
    DISPUTES_WEEKS,
    FACTS,
    INSPECTIE_NOTICE_AFTER_DAYS,
    OBJECTION_WEEKS,
    SUSPENSION_MAX_SCHOOL_DAYS,
    variant,
)
from ..model import SchoolModel
from ..model.wording import NAME_PENDING, PENDING, capitalised, join
from . import chapters, monitoring, practice, procedures
from .builder import ViewBuilder
from .sections import LawSection, SchoolContext
from .views import ContactRow, DownloadView, OrganisationView, PersonView, RoleView

__all__ = ["SchoolContext", "build_context", "CONTACT_ROLES"]

# The roles parents need, in the order the contact overviews show them.
CONTACT_ROLES = (
    "aanspreekpunt_pesten",
    "coordinator_anti_pestbeleid",
    "interne_vertrouwenspersoon",
    "externe_vertrouwenspersoon",
    "intern_begeleider",
    "directeur",
)


def _law(school: SchoolModel) -> LawSection:
    facts = variant(school.law, school.policy.board.richting)
    return LawSection(
        law=facts.law,
        act=facts.act,
        suspension_rule=facts.suspension.rule,
        suspension_article=facts.suspension.article,
        suspension_max_school_days=SUSPENSION_MAX_SCHOOL_DAYS,
        inspectie_after_days=INSPECTIE_NOTICE_AFTER_DAYS,
        removal_rule=facts.removal.rule,
        objection_rule=facts.objection.rule,
        objection_article=facts.objection.article,
        objection_weeks=OBJECTION_WEEKS,
        decision_weeks=DECISION_WEEKS,
        decision_counted_from_receipt=facts.decision_counted_from_receipt,
        court_rule=facts.court.rule,
        suspension_concept_rule=FACTS["schorsing_begrip"].rule,
        removal_effective_rule=FACTS["verwijdering_ingang"].rule,
        removal_inspectie_rule=FACTS["verwijdering_inspectie"].rule,
        removal_leerplicht_rule=FACTS["uitschrijving_leerplicht"].rule,
        disputes_rule=FACTS["geschillencommissie_termijn"].rule,
        disputes_suspends_rule=FACTS["geschillencommissie_opschorting"].rule,
        disputes_weeks=DISPUTES_WEEKS,
        disputes_website=DISPUTES_WEBSITE,
        wet_veiligheid_rule=FACTS["wet_veiligheid_op_school"].rule,
        monitoring_rule=FACTS["monitoring"].rule,
        meldcode_rule=FACTS["meldcode"].rule,
        route_known=facts.route_known,
        route_pending="" if facts.route_known else PENDING["richting"],
    )


def _same_holders(first: RoleView | None, second: RoleView | None) -> bool:
    """True when both roles are filled by the same people, so the documents can say so once."""
    if first is None or second is None or not first.people:
        return False
    return [person.name for person in first.people] == [person.name for person in second.people]


def contact_rows(roles: Iterable[RoleView]) -> tuple[ContactRow, ...]:
    """Rows for a contact table: one per person, listing all of that person's roles in the table."""
    rows: dict[tuple[str, str | None, str | None], tuple[list[str], PersonView | OrganisationView]] = {}
    vacant: list[str] = []
    for role in roles:
        if role.vacant:  # a row of its own that says the name follows, never a table with only a header
            vacant.append(role.label)
            continue
        holders: list[PersonView | OrganisationView] = list(role.people) or (
            [role.organisation] if role.organisation else []
        )
        for holder in holders:
            audience = getattr(holder, "audience", None)
            label = f"{role.label} (voor {audience})" if audience else role.label
            key = (
                holder.name,
                holder.phone.uri if holder.phone else None,
                holder.email.uri if holder.email else None,
            )
            rows.setdefault(key, ([], holder))[0].append(label)
    return tuple(
        ContactRow(
            roles=capitalised(join(labels)),
            name=holder.name,
            phone=holder.phone,
            email=holder.email,
            availability=holder.availability,
            via_school=holder.via_school,
            secretariat=holder.secretariat if isinstance(holder, OrganisationView) else None,
        )
        for labels, holder in rows.values()
    ) + tuple(
        ContactRow(
            roles=capitalised(label),
            name=capitalised(NAME_PENDING),
            phone=None,
            email=None,
            availability=None,
            via_school=False,
            vacant=True,
        )
        for label in vacant
    )


def _downloads(pdf: bool) -> tuple[DownloadView, ...]:
    return tuple(
        DownloadView(kind.title, kind.docx_name, kind.pdf_name if pdf else None) for kind in DOCUMENT_KINDS
    )


def build_context(school: SchoolModel, pdf: bool = False) -> SchoolContext:
    """The render context of one school; `pdf` says whether PDF downloads will exist."""
    builder = ViewBuilder(school)
    roles = {role_id: builder.role_views.get(role_id) for role_id in builder.all_role_ids()}
    contacts = tuple(view for role_id in CONTACT_ROLES if (view := roles.get(role_id)) is not None)
    other_roles = tuple(
        view for role_id, view in roles.items() if view is not None and role_id not in CONTACT_ROLES
    )
    return SchoolContext(
        school=builder.school(),
        board=builder.board(),
        edition=builder.edition(),
        identity=builder.identity(),
        roles=roles,
        contacts=contacts,
        organisations=tuple(builder.organisation_views.values()),
        referenced_documents={doc.id: builder.document(doc.id) for doc in school.policy.documents},
        methods=practice.methods(builder),
        monitoring=practice.monitoring(builder),
        incidents=practice.incidents(builder),
        rules=practice.rules(builder),
        bullying=practice.bullying(builder),
        measures=procedures.measures(builder),
        complaints=procedures.complaints(builder),
        meldcode=procedures.meldcode(builder),
        communication=procedures.communication(builder),
        so=procedures.special_education(builder),
        law=_law(school),
        downloads=_downloads(pdf),
        other_roles=other_roles,
        bullying_roles_combined=_same_holders(
            roles.get("coordinator_anti_pestbeleid"), roles.get("aanspreekpunt_pesten")
        ),
        document_titles={kind.kind: kind.title for kind in DOCUMENT_KINDS},
        contact_rows=contact_rows(contacts),
        other_role_rows=contact_rows(other_roles),
        own_texts=school.own_texts,
        meldplicht=chapters.meldplicht(builder),
        crisis=chapters.crisis(builder),
        integrity=chapters.integrity(builder),
        citizenship=chapters.citizenship(builder),
        sexual_development=chapters.sexual_development(builder),
        training=chapters.training(builder),
        privacy=chapters.privacy(builder),
        goals=chapters.goals(builder),
        monitoring_results=monitoring.results(builder),
    )
