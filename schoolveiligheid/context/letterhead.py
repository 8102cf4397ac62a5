"""The school on paper: the letterhead and contact lines that letters and forms share.

Letters (brief/) and forms (context/forms.py) both print the school's name,
address and contact details at the top of a page, and name people with their
function and how to reach them; both take these views from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import SchoolModel
from ..model.wording import PENDING, address_lines


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The school as it appears at the top of every page."""

    name: str
    street: str
    postcode_place: str
    phone: str
    email: str
    website: str | None


@dataclass(frozen=True, slots=True)
class PersonLine:
    """Someone of the school, with the contact details a letter or form may give."""

    name: str  # "mevrouw Eva de Lange"
    function: str
    phone: str
    email: str


def letterhead(model: SchoolModel) -> Letterhead:
    """The school's name, address and contact details for the top of a letter or form."""
    school = model.policy.school
    # A concept's blank forms may lack them ("[adres volgt]"); a letter is refused without them (brief/checks.py).
    street, postcode_place = address_lines(school.address) if school.address else (PENDING["adres"], "")
    return Letterhead(
        name=school.name,
        street=street,
        postcode_place=postcode_place,
        phone=school.phone.display if school.phone else PENDING["telefoon"],
        email=str(school.email) if school.email else PENDING["email"],
        website=school.website.display if school.website else None,
    )


__all__ = ["Letterhead", "PersonLine", "letterhead"]
