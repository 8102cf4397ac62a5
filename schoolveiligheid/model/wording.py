"""Dutch wording of values: dates, addresses, lists, frequencies, terms and group ranges.

These are vocabulary, not prose: they turn a structured value into the few
words every document uses for it, so "twee keer per jaar" is written the same
way in the plan, the protocol, the website and the letters. One formatter per
kind of value: a date is `dutch_date`, an address `address_lines`/`address_text`,
a phone number `Phone.display`, a school year `str(SchoolYear)` with its
`first_day` and `last_day`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .parts import Address
from .practice import Frequency, Term
from .values import dutch_date

__all__ = [
    "address_lines",
    "address_text",
    "capitalised",
    "dutch_date",
    "frequency_text",
    "groups_text",
    "join",
    "number_word",
    "term_text",
]
__all__ += ["recorded_within", "support_group_meets_within", "support_group_size"]
__all__ += [
    "with_article",
    "organisation_with_article",
    "pending",
    "PENDING",
    "NAME_PENDING",
    "DETAILS_PENDING",
]

# How every output says that a value of a concept (or a vacant role's name) still has to be filled in:
# one wording, so a reader sees at once what is missing and nothing is invented.
NAME_PENDING = "de naam volgt"
DETAILS_PENDING = "contactgegevens volgen"


def pending(what: str) -> str:
    """'[adres volgt]': a value a concept does not have yet, in the same words in every output."""
    return f"[{what} volgt]"


# What the outputs show for each value a concept may still lack, by its YAML key.
PENDING = {
    "adres": pending("adres"),
    "telefoon": pending("telefoonnummer"),
    "email": pending("e-mailadres"),
    "versie": pending("versie"),
    "commissie": pending("klachtencommissie"),  # klachten.commissie
    "richting": pending("rechtsgang"),  # bestuur.richting: the objection and court route depend on it
}


_NUMBERS = {
    1: "één",
    2: "twee",
    3: "drie",
    4: "vier",
    5: "vijf",
    6: "zes",
    7: "zeven",
    8: "acht",
    9: "negen",
    10: "tien",
}
_PER = {
    "dag": "per dag",
    "week": "per week",
    "twee_weken": "per twee weken",
    "maand": "per maand",
    "blok": "per blok",
    "jaar": "per jaar",
    "twee_jaar": "per twee jaar",
}


def address_lines(address: Address) -> tuple[str, str]:
    """('Schoolstraat 1' or 'Postbus 12', '1234 AB Plaats'): an address as it stands on an envelope."""
    return (address.street or address.po_box or "", f"{address.postcode} {address.place}")


def address_text(address: Address) -> str:
    """'Schoolstraat 1, 1234 AB Plaats': an address on one line."""
    return ", ".join(address_lines(address))


def capitalised(text: str) -> str:
    """The text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def number_word(number: int) -> str:
    """'twee' for 2; digits from 11 on, as Dutch style guides advise."""
    return _NUMBERS.get(number, str(number))


def join(items: Iterable[str], last: str = "en") -> str:
    """'a, b en c'."""
    words = [item for item in items if item]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def frequency_text(frequency: Frequency) -> str:
    """'één keer per week', 'twee keer per jaar', 'eens per twee jaar'."""
    if frequency.count == 1 and frequency.per == "twee_jaar":
        return "eens per twee jaar"
    return f"{number_word(frequency.count)} keer {_PER[frequency.per]}"


def recorded_within(days: int) -> str:
    """'binnen 3 dagen na het voorval': the one wording of incidentregistratie.vastleggen_binnen_dagen."""
    return f"binnen {days} {'dag' if days == 1 else 'dagen'} na het voorval"


def support_group_size(minimum: int, maximum: int) -> str:
    """'7 kinderen' or '5 tot 8 kinderen': the one wording of pestaanpak.curatief.steungroep."""
    return f"{minimum} kinderen" if minimum == maximum else f"{minimum} tot {maximum} kinderen"


def support_group_meets_within(hours: int) -> str:
    """'binnen 24 uur na het eerste gesprek met het gepeste kind': the one wording of steungroep_binnen_uren."""
    return f"binnen {hours} uur na het eerste gesprek met het gepeste kind"


def term_text(term: Term) -> str:
    """'4 weken', '1 schooldag', '24 uur'."""
    for value, one, many in (
        (term.hours, "uur", "uur"),
        (term.days, "dag", "dagen"),
        (term.school_days, "schooldag", "schooldagen"),
        (term.weeks, "week", "weken"),
    ):
        if value is not None:
            return f"{value} {one if value == 1 else many}"
    raise ValueError("a term without a unit passed validation")


def groups_text(groups: Sequence[str], all_groups: Sequence[str], word: str) -> str:
    """'groep 1 t/m 8', 'groep 7 en 8', 'alle groepen', or labels as they are."""
    if tuple(groups) == tuple(all_groups) and len(all_groups) > 1:
        return f"alle {word}en"
    if all(group.isdigit() for group in groups):
        numbers = [int(group) for group in groups]
        if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"{word} {numbers[0]} t/m {numbers[-1]}"
        return f"{word} {join(groups)}"
    return join(groups)


# Head nouns of role and body names that take "het" rather than "de".
_NEUTER = {"aanspreekpunt", "team", "zorgteam", "bestuur", "bevoegd", "meldpunt", "wijkteam", "college"}


def with_article(name: str) -> str:
    """'de intern begeleider', 'het aanspreekpunt pesten', 'het bevoegd gezag'."""
    first = name.split()[0].lower() if name.split() else ""
    return f"{'het' if first in _NEUTER else 'de'} {name}"


# The head noun of an organisation's name decides its article, also at the end of a compound
# ("Klachtencommissie" -> de, "Vertrouwenspunt" -> het). A name without such a noun is a proper name
# that takes no article ("Veilig Thuis", "Halt").
_ORGANISATION_HEADS = (
    ("het", ("college", "bestuur", "punt", "centrum", "team", "verband", "bureau", "loket", "instituut")),
    ("de", ("commissie", "raad", "dienst", "inspectie", "stichting", "vereniging", "organisatie", "ggd")),
)
_ARTICLES = {"de", "het", "'t", "een"}


def organisation_with_article(name: str) -> str:
    """'de Landelijke Klachtencommissie X', 'het College van Bestuur', 'het Vertrouwenspunt X', 'Veilig
    Thuis'; a name that starts with an article stays as it is."""
    words = name.split()
    if not words or words[0].lower() in _ARTICLES:
        return name
    for word in words[:3]:
        for article, heads in _ORGANISATION_HEADS:
            if word.lower().endswith(heads):
                return f"{article} {name}"
        if word[:1].islower():  # "van", "voor": the head noun came before this point or not at all
            break
    return name
