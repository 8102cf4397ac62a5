"""The catalogue: standard texts for programmes, approaches, instruments and partner kinds.

Entries live as YAML in templates/catalogus/ (our own neutral words). A school
picks them by id; a school's or board's template folder may replace an entry
by giving one with the same id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from ..errors import InvalidInput, Problem
from ..kept import Kept
from ..load import MarkedList, read_catalogue_files
from .base import Block, field
from .validate import problems_from
from .values import Id, Line, LongText, Phone, Respondents, Url

Kind = Literal["programma", "aanpak", "instrument", "partner"]


class StandardContact(Block):
    """National contact details that are the same for every school, with their source."""

    phone: Phone | None = field("telefoon", "landelijk telefoonnummer", None)
    website: Url | None = field("website", "website van de landelijke organisatie", None)
    source: Url = field("bron", "waar deze gegevens vandaan komen")


class CatalogueEntry(Block):
    """One standard text."""

    id: Id = field("id", "vaste id waarmee een school kiest")
    kind: Kind = field("soort", "programma, aanpak, instrument of partner")
    title: Line = field("titel", "titel")
    website: Url | None = field("website", "website van de aanbieder", None)
    audience: Literal["po", "so", "alle"] = field("doelgroep", "voor welk onderwijs", "alle")
    text: LongText = field("tekst", "neutrale beschrijving in onze eigen woorden")
    steps: tuple[Line, ...] = field("stappen", "stappen van een aanpak", ())
    respondents: Respondents | None = field("respondenten", "wie een instrument invult", None)
    form: Literal["vragenlijst", "observatie", "sociogram"] | None = field(
        "vorm", "vorm van een instrument", None
    )
    legal_monitor: bool = field(
        "wettelijke_monitor",
        "geschikt als de jaarlijkse monitor die de wet vraagt (leerlingvragenlijst)",
        False,
    )
    standard: StandardContact | None = field("standaard", "landelijke contactgegevens", None)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """All entries by id, after school and board folders replaced default entries."""

    entries: Mapping[str, CatalogueEntry]

    def ids(self, kind: str) -> set[str]:
        """The ids of one kind, for validating a school's choices."""
        return {entry.id for entry in self.entries.values() if entry.kind == kind}

    def __getitem__(self, entry_id: str) -> CatalogueEntry:
        return self.entries[entry_id]

    def get(self, entry_id: str) -> CatalogueEntry | None:
        """The entry, or None for a school's own (eigen) item."""
        return self.entries.get(entry_id)


# The loader hands out the same parsed list for an unchanged catalogue file, so its entries are
# validated once per process (the last 64 lists, from any thread); the list itself is kept beside
# them, so its id is never reused while it is kept.
_VALIDATED: Kept[int, tuple[MarkedList, list[CatalogueEntry], list[Problem]]] = Kept(64)


def _entries(listing: MarkedList) -> tuple[list[CatalogueEntry], list[Problem]]:
    known = _VALIDATED.get(id(listing), None)
    if known is not None and known[0] is listing:
        return list(known[1]), list(known[2])
    entries, problems = _validate(listing)
    _VALIDATED.put(id(listing), (listing, entries, problems))
    return list(entries), list(problems)


def _validate(listing: MarkedList) -> tuple[list[CatalogueEntry], list[Problem]]:
    entries: list[CatalogueEntry] = []
    problems: list[Problem] = []
    for index, raw in enumerate(listing):
        try:
            entries.append(CatalogueEntry.model_validate(raw))
        except ValidationError as error:
            problems.extend(problems_from(error, listing, CatalogueEntry, prefix=(index,)))
    return entries, problems


def load_catalogue(folders: list[Path]) -> Catalogue:
    """Load catalogue folders, most specific last; a later entry with the same id wins."""
    entries: dict[str, CatalogueEntry] = {}
    problems: list[Problem] = []
    for listing in read_catalogue_files(folders):
        found, wrong = _entries(listing)
        problems.extend(wrong)
        for entry in found:
            entries[entry.id] = entry
    if problems:
        raise InvalidInput(problems)
    return Catalogue(entries)
