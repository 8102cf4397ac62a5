"""Careful words and no names: a letter to worried parents avoids labels, one to other parents names no child."""

from __future__ import annotations

import re
import unicodedata

from ..load import MarkedDict, written_texts
from .case import Case
from .problems import Found

# Words a letter to worried parents avoids: labels for children, and the formal measure.
_CAREFUL_WORDS = re.compile(r"\b(daders?|slachtoffers?|schors\w*|geschorst)\b", re.IGNORECASE)


def check_words(raw: MarkedDict, found: Found) -> None:
    """No labels for children and no formal measure in a letter to worried parents."""
    for text, mark in written_texts(raw):
        match = _CAREFUL_WORDS.search(text)
        if match:
            found.add(
                mark.path,
                f"vermijd het woord '{match.group(0)}' in een brief aan ouders",
                "beschrijf wat er gebeurde zonder etiket, bijvoorbeeld 'het kind dat pestte' of 'een kind "
                "blijft op ons verzoek enkele dagen thuis'",
            )


# Parts of a Dutch (or other) surname that are no name on their own: "de" in "de Vries".
_NAME_PARTICLE = re.compile(
    r"van|de|der|den|het|ter|ten|te|in|op|aan|bij|uit|'t|t|d'|la|le|les|du|da|dal|di|del|della|dos|das|von|zu"
    r"|el|al|bin|ben",
    re.IGNORECASE,
)
INVOLVED = "betrokken_leerlingen"


def _plain(text: str) -> str:
    """Lower case without accents, so 'Noë' and 'noe' are the same name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _name_words(case: Case) -> list[str]:
    """Every name of the involved children that may not appear: full names and their parts."""
    words: dict[str, None] = {}
    for pupil in case.involved:
        for name in (pupil.first_name, pupil.last_name):
            if not name:
                continue
            whole = " ".join(name.split())
            words[whole] = None
            for part in re.split(r"[\s\-]+", whole):
                if part and not _NAME_PARTICLE.fullmatch(part):
                    words[part] = None
    return [word for word in words if len(word) > 1]


def check_names(case: Case, raw: MarkedDict, found: Found) -> None:
    """A letter to other parents never names the children involved: every free text is checked."""
    names = [(word, re.compile(rf"(?<!\w){re.escape(_plain(word))}(?!\w)")) for word in _name_words(case)]
    if not names:
        return
    for text, mark in written_texts(raw):
        path = mark.path
        if path[:1] == (INVOLVED,):
            continue
        plain = _plain(text)
        for word, pattern in names:
            if pattern.search(plain) is None:
                continue
            found.add(
                path,
                f"hier staat '{word}', de naam van een betrokken leerling (betrokken_leerlingen); een brief "
                "aan andere ouders noemt geen kind",
                "schrijf 'een leerling', 'een kind' of 'een klasgenoot'. Ook als het hier een gewoon woord is "
                "(zoals roos of bas), kunnen ouders er het kind aan herkennen: kies dan een ander woord",
            )
            break


__all__ = ["INVOLVED", "check_names", "check_words"]
