"""What a vacant role means: one rule, used by the documents, `controleer` and `brief`.

A role is vacant when the school has it but nobody holds it yet: written as
`rollen.<rol>: {label: …, vacature: true}` (or a role without people or
organisation). The rule:

- Documents and site name the role under the school's label and say plainly that
  the name follows ("de naam volgt"); a contact table gets a row for the role.
- `controleer` reports a vacant legal role (`LEGAL_ROLES`) as a `fout` for a
  vastgesteld school and a `waarschuwing` for a concept; a role that is good
  practice (`EXPECTED_ROLES`) and any other vacant role is a `waarschuwing`.
- A letter names a real person as its signer and contact. When that role is
  vacant (or not filled), `brief` refuses with `letter_role_problem`, and
  `controleer` warns with the same words about the school's default signer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import ROLES

if TYPE_CHECKING:
    from .school import SchoolModel

# Roles the law requires, with the law.py fact that requires them.
LEGAL_ROLES = {
    "coordinator_anti_pestbeleid": "wet_veiligheid_op_school",
    "aanspreekpunt_pesten": "wet_veiligheid_op_school",
}
# Roles every school is expected to have although no law requires them (issue 12), with the law.py fact
# that says where the expectation comes from: `controleer` warns when one is missing, never blocks.
EXPECTED_ROLES = {
    "aandachtsfunctionaris_meldcode": "aandachtsfunctionaris",
    "interne_vertrouwenspersoon": "klachten_vertrouwenspersonen",
    "externe_vertrouwenspersoon": "klachten_vertrouwenspersonen",
}


def vacant_roles(school: SchoolModel) -> tuple[str, ...]:
    """The ids of the school's roles that exist but have nobody yet, in the order of the model."""
    return tuple(role_id for role_id in ROLES if (role := school.role(role_id)) is not None and role.vacant)


def letter_role_problem(school: SchoolModel, role_id: str, what: str) -> tuple[str, str] | None:
    """Why a letter cannot name the holder of `role_id` as its `what` (message, tip), or None when it can.

    `what` is how the letter uses the role: "ondertekenaar" or "contactpersoon".
    """
    role = school.role(role_id)
    if role is None:
        return (
            f'de {what} "{role_id}" is geen ingevulde rol met een persoon in het beleid van de school',
            f"vul rollen.{role_id} in het beleid in, of noem een andere {what}",
        )
    if role.people:
        return None
    if role.vacant:
        return (
            f'de {what} "{role_id}" ({role.label}) is nog vacant: een brief noemt de naam van een persoon',
            f"noem eerst wie deze rol heeft onder rollen.{role_id}.personen, of kies een andere {what}",
        )
    return (
        f'de {what} "{role_id}" ({role.label}) is een organisatie: een brief noemt de naam van een persoon',
        f"kies een andere {what}",
    )


__all__ = ["EXPECTED_ROLES", "LEGAL_ROLES", "letter_role_problem", "vacant_roles"]
