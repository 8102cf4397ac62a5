"""Roles one person should not hold together: good practice, not law.

The law does not forbid any combination of roles, so these findings are always a
waarschuwing and their source says the rule is practice. A pair is listed only when
practice names the conflict and the reason.
"""

from __future__ import annotations

from ..model import SchoolModel
from .findings import Collector, practice

# (role, role, why the two do not go together): the reason is printed as the finding's source.
INCOMPATIBLE: tuple[tuple[str, str, str], ...] = (
    (
        "interne_vertrouwenspersoon",
        "aandachtsfunctionaris_meldcode",
        "wie leerlingen en ouders in vertrouwen spreekt, moet die band kunnen houden; wie een melding bij "
        "Veilig Thuis voorbereidt, zet haar onder druk. Gangbare praktijk legt de meldcode daarom bij "
        "iemand die verder van de ouders af staat, zoals de intern begeleider",
    ),
)


def check_roles(school: SchoolModel, out: Collector) -> None:
    """A waarschuwing for each person who holds two roles that practice keeps apart."""
    for first_id, second_id, why in INCOMPATIBLE:
        first, second = school.role(first_id), school.role(second_id)
        if first is None or second is None:
            continue
        second_people = {person.id for person in second.people}
        for person in first.people:
            if person.id not in second_people:
                continue
            out.warning(
                "rol-combinatie",
                f"{person.name} is zowel {first.label} als {second.label}; die twee rollen horen niet bij "
                "één persoon",
                school.policy.roles.mark_of(second_id),
                practice(why),
                f"geef rollen.{second_id} of rollen.{first_id} aan iemand anders",
            )


__all__ = ["INCOMPATIBLE", "check_roles"]
