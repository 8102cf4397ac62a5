"""Wording the reference policies (voorbeelden/referentie-002 and -004) brought to light, fixed once for all schools.

Each fact below is worded in one place (the context or _gedeeld/feiten.md.j2), so the plan and the protocol
say it the same way: a steungroep of 7 is "7 kinderen" (never "7 tot 7 kinderen"), the newsletter sentence,
how a teacher steps in, and where a document is verkrijgbaar.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from texts_support import rendered_documents

from schoolveiligheid.model.wording import support_group_size

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = {
    "wilgenkring": ROOT / "voorbeelden" / "referentie-002",
    "dehazelaar": ROOT / "voorbeelden" / "referentie-004",
}


_documents = rendered_documents


@cache
def documents(school_id: str) -> dict[str, str]:
    return _documents(REFERENCE[school_id])[school_id]


def test_a_support_group_of_one_size_is_not_a_range() -> None:
    assert support_group_size(7, 7) == "7 kinderen"
    assert support_group_size(5, 8) == "5 tot 8 kinderen"


@pytest.mark.parametrize(
    ("school_id", "size"), [("wilgenkring", "7 kinderen"), ("dehazelaar", "5 tot 8 kinderen")]
)
def test_plan_and_protocol_state_the_support_group_size_in_one_wording(school_id: str, size: str) -> None:
    found = documents(school_id)
    assert f"- Een steungroep bestaat uit {size}.\n" in found["veiligheidsplan"]
    assert f"- **De steungroep:** {size}, onder wie" in found["pestprotocol"]
    for text in found.values():
        assert not [pair for pair in re.findall(r"\b(\d+) tot (\d+) kinderen", text) if pair[0] == pair[1]]


@pytest.mark.parametrize("school_id", sorted(REFERENCE))
def test_plan_and_protocol_say_the_same_about_stepping_in(school_id: str) -> None:
    found = documents(school_id)
    for kind in ("veiligheidsplan", "pestprotocol"):
        assert "grijpt meteen in bij pesten en ander ongewenst gedrag" in found[kind], kind
        assert "grijpt direct in" not in found[kind], kind


def test_plan_and_protocol_say_the_same_about_the_newsletter() -> None:
    found = documents("dehazelaar")
    sentence = "In de nieuwsbrief schrijven we één keer per jaar over pesten en sociale veiligheid, "
    assert sentence in found["veiligheidsplan"]
    assert sentence in found["pestprotocol"]
    for text in found.values():
        assert "In de nieuwsbrief staat" not in text
        assert "We schrijven één keer per jaar in de nieuwsbrief" not in text


@pytest.mark.parametrize("value", ["het secretariaat van de school", "bij het secretariaat van de school"])
def test_where_a_document_is_available_reads_well_with_or_without_bij(tmp_path: Path, value: str) -> None:
    folder = tmp_path / "map"
    shutil.copytree(REFERENCE["wilgenkring"], folder)
    board = folder / "bestuur.yaml"
    text = board.read_text(encoding="utf-8")
    assert "beschikbaar_bij: het secretariaat van de school" in text
    board.write_text(
        text.replace("beschikbaar_bij: het secretariaat van de school", f"beschikbaar_bij: {value}")
    )
    plan = _documents(folder)["wilgenkring"]["veiligheidsplan"]
    assert "Een exemplaar is ook verkrijgbaar bij het secretariaat van de school." in plan
    assert "te krijgen het" not in plan and "bij bij" not in plan


@pytest.mark.parametrize("school_id", sorted(REFERENCE))
def test_someone_without_contact_details_is_never_reachable_via_a_placeholder(school_id: str) -> None:
    """A person or organisation whose details follow is not "bereikbaar via contactgegevens volgen"."""
    for kind, text in documents(school_id).items():
        assert "via contactgegevens volgen" not in text, kind
        assert "bereikbaar via ;" not in text and "bereikbaar via ." not in text, kind
    plan = documents(school_id)["veiligheidsplan"]
    assert "; de contactgegevens volgen." in plan or "bereikbaar via" in plan
