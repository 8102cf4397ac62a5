"""Example data left in a real policy: the bundled example's people, numbers and addresses, and test domains.

A school made by copying policy/vlinderboom.yaml validates and looks complete,
while it still names fictional people and `.example` addresses. The names,
phone numbers and e-mail addresses are read from the example policy itself
(paths.EXAMPLE_POLICY, through the loader and the model), so the check follows
the example when it changes. Domains that can never be real (RFC 2606 and
RFC 6761: .example, example.com/.net/.org, .test, .invalid, .localhost) are
found in any text.

The finding is a fout for an adopted policy and a waarschuwing for a concept. A
policy that is an example on purpose says `voorbeeld: true` (in its board file):
then nothing is reported, and its documents and site carry a visible mark.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput
from ..load import Mark
from ..model import SchoolModel, load_schools
from ..model.parts import ContactPerson
from ..model.values import Phone
from ..paths import EXAMPLE_POLICY
from .findings import Collector, practice

RULE = "voorbeeldgegevens"
SOURCE = practice(
    "een echt beleid noemt echte mensen, nummers en adressen; .example, .test, .invalid en .localhost "
    "bestaan nergens (RFC 2606 en RFC 6761)"
)
HINT = (
    "vul de gegevens van je eigen school in; begin een nieuwe school met 'generate.py nieuw' in plaats "
    "van het voorbeeld te kopiëren (is dit bewust een voorbeeld, zet dan voorbeeld: true in het "
    "bestuursbestand)"
)

# National service numbers (police, Veilig Thuis, ...) are real: the example may use them, and so may a school.
_SERVICE_PREFIXES = ("08", "09", "112", "14")

_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
# A host in a reserved domain, optionally as the domain of an e-mail address or a web address. The
# names .test, .invalid and .localhost count only in an address: "bijv.test" is a typo, not a host.
_RESERVED = re.compile(
    rf"(?<![\w.@/-])(?P<before>[\w.+-]+@|https?://|www\.)?"
    rf"(?P<host>(?:{_LABEL}\.)*(?:example\.(?:com|net|org)|{_LABEL}\.example|"
    rf"(?P<address_only>(?:{_LABEL}\.)?(?:test|invalid|localhost)|localhost)))"
    r"(?![\w-]|\.[a-z0-9])",
    re.IGNORECASE,
)
_SEPARATORS = r"[\s\-().]*"


@dataclass(frozen=True, slots=True)
class ExampleData:
    """What marks a value as copied from the bundled example: (what it is, pattern) pairs."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]


def _phone_pattern(digits: str) -> str:
    """A phone number however it is written: with or without spaces and dashes, with +31 or 0031."""
    rest = _SEPARATORS.join(digits[1:])
    return rf"(?<![\d+])(?:0|\+31{_SEPARATORS}(?:\(0\))?|0031){_SEPARATORS}{rest}(?!\d)"


def _contacts(school: SchoolModel) -> Iterator[tuple[str | None, Phone | None, object]]:
    """(name, phone, e-mail) of every person, contact, organisation, the school and its board, as written."""
    policy = school.policy
    for person in policy.people:
        yield person.name, person.phone, person.email
    for organisation in policy.organisations:
        yield None, organisation.phone, organisation.email
        for contact in (organisation.contact, organisation.secretariat):
            if isinstance(contact, ContactPerson):
                yield contact.name, contact.phone, contact.email
    yield None, policy.school.phone, policy.school.email
    yield None, policy.board.phone, policy.board.email


def example_data_of(folder: Path) -> ExampleData:
    """The people's names, phone numbers and e-mail addresses of the example policy in `folder`."""
    try:
        schools = load_schools(folder)
    except InvalidInput:  # an example being edited; the test domains are still found
        schools = []
    names: set[str] = set()
    phones: set[str] = set()
    emails: set[str] = set()
    for school in schools:
        for name, phone, email in _contacts(school):
            if name and " " in name.strip():  # a full name; one word ("Zorgteam") is not a person
                names.add(" ".join(name.split()))
            if phone is not None and not str(phone).startswith(_SERVICE_PREFIXES):
                phones.add(str(phone))
            if email is not None:
                emails.add(str(email).lower())
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for name in sorted(names, key=lambda item: (-len(item), item)):
        words = r"\s+".join(re.escape(word) for word in name.split())
        patterns.append(("naam uit het voorbeeld", re.compile(rf"(?<!\w){words}(?!\w)")))
    for digits in sorted(phones):
        patterns.append(("nummer uit het voorbeeld", re.compile(_phone_pattern(digits))))
    for email in sorted(emails):
        patterns.append(
            ("adres uit het voorbeeld", re.compile(rf"(?<![\w.+-]){re.escape(email)}(?![\w-])", re.I))
        )
    return ExampleData(tuple(patterns))


@functools.cache
def example_data() -> ExampleData:
    """The bundled example's data, read once per run."""
    return example_data_of(EXAMPLE_POLICY)


def example_values(text: str, data: ExampleData) -> list[str]:
    """What in `text` comes from the example or a reserved domain, each as '<value> (<why>)', in order."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for why, pattern in data.patterns:
        for match in pattern.finditer(text):
            found.append((match.start(), f"{match.group(0)} ({why})"))
            taken.append(match.span())
    for match in _RESERVED.finditer(text):
        if match.group("address_only") and not match.group("before"):
            continue
        if any(start <= match.start() < end or start < match.end() <= end for start, end in taken):
            continue  # an example address says enough
        tld = match.group("host").rsplit(".", 1)[-1].lower()
        domain = match.group("host").lower() if tld in {"com", "net", "org"} else f".{tld}"
        found.append((match.start(), f"{match.group(0)} (testdomein {domain})"))
    return [value for _, value in sorted(found)]


def _lines(text: str, mark: Mark) -> Iterator[tuple[str, Mark]]:
    """The text line by line with the line each is on (a block scalar's lines start below its key)."""
    if "\n" not in text:
        yield text, mark
        return
    for index, line in enumerate(text.split("\n")):
        yield line, Mark(mark.file, mark.line + 1 + index, mark.path)


def check_example_data(school: SchoolModel, out: Collector) -> None:
    """Report the example's names, numbers and addresses, and test domains, unless the policy is an example."""
    if school.policy.example:
        return
    data = example_data()
    report = out.warning if school.policy.document.status == "concept" else out.error
    for text, mark in school.texts:
        for line, where in _lines(text, mark):
            values = example_values(line, data)
            if values:
                report(
                    RULE,
                    f"gegevens uit een voorbeeld, niet van een echte school: {', '.join(values)}",
                    where,
                    SOURCE,
                    HINT,
                )
