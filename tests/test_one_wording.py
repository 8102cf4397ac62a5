"""One fact, one wording (issue 11, point 6): a fact that several documents state is phrased once, so the plan,
the protocol, the schoolgids, the site and the letters cannot disagree. For each named fact: the one wording
appears wherever the fact is stated, and the old second wordings appear nowhere."""

from __future__ import annotations

import re

import pytest
from letters_support import EXAMPLE_POLICY, EXAMPLES, docx_text

from schoolveiligheid.brief import write_letter
from schoolveiligheid.context import SchoolContext
from schoolveiligheid.render import RenderedSchool

SCHOOLS = ("vlinderboom", "zonnewijzer", "kompasroos")


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\", "").replace("*", ""))


@pytest.fixture(scope="module")
def texts(
    example_rendered: dict[str, RenderedSchool], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, str]]:
    """school -> document kind (site, brief:<case>) -> plain text."""
    found: dict[str, dict[str, str]] = {}
    for school_id, rendered in example_rendered.items():
        kinds = {doc.kind: _plain(doc.markdown) for doc in rendered.documents}
        kinds["site"] = _plain("\n".join(page.markdown for page in rendered.site_pages))
        found[school_id] = kinds
    out = tmp_path_factory.mktemp("brieven")
    for case in sorted(EXAMPLES.glob("*.yaml")):
        school = re.search(r"(?m)^school: (\w+)", case.read_text(encoding="utf-8"))
        assert school
        paths = write_letter(case, EXAMPLE_POLICY, out / case.stem).paths
        found[school.group(1)][f"brief:{case.stem}"] = _plain("\n".join(docx_text(p) for p in paths))
    return found


def _all(texts: dict[str, dict[str, str]]) -> list[tuple[str, str, str]]:
    return [(school, kind, text) for school, kinds in texts.items() for kind, text in kinds.items()]


FOLLOW_UP = "volgt een vervolggesprek om te horen of het pesten is gestopt"
OLD_FOLLOW_UP = (
    "vervolggesprek om te horen hoe het gaat",
    "gaan we na of het pesten is gestopt",
    "volgen de vervolggesprekken",
    "over hoe het gaat. Daarna hoort u van ons",
)


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_follow_up_after_a_bullying_report_has_one_wording(
    texts: dict[str, dict[str, str]], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    bullying = example_contexts[school_id].bullying
    assert bullying is not None and bullying.follow_up_days
    days = bullying.follow_up_days
    kinds = texts[school_id]
    for kind in ("veiligheidsplan", "pestprotocol", "schoolgids"):
        assert f"a {days} dagen {FOLLOW_UP}" in kinds[kind], kind  # "Na 7 dagen" / "na 7 dagen"
    for kind, text in kinds.items():
        if kind.startswith("brief:pesten"):
            assert re.search(rf"Rond \w+ \d+ \w+ \d{{4}} {FOLLOW_UP}\.", text), kind


def test_no_second_wording_of_the_follow_up_anywhere(texts: dict[str, dict[str, str]]) -> None:
    for school, kind, text in _all(texts):
        for old in OLD_FOLLOW_UP:
            assert old not in text, (school, kind, old)


def test_parents_at_a_ladder_step_have_one_wording(texts: dict[str, dict[str, str]]) -> None:
    # vlinderboom's ladder has a step with ouders: schriftelijk (the time-out); plan and protocol both state it.
    for kind in ("veiligheidsplan", "pestprotocol"):
        assert "De ouders krijgen schriftelijk bericht." in texts["vlinderboom"][kind], kind
        assert "De ouders worden uitgenodigd voor een gesprek." in texts["vlinderboom"][kind], kind
        assert "De ouders worden op de hoogte gebracht." in texts["vlinderboom"][kind], kind
    for school, kind, text in _all(texts):
        for old in (
            "bericht per brief",
            "de ouders worden geïnformeerd",
            "met de ouders van het gepeste kind en met de ouders van het kind dat pest volgt een gesprek",
        ):
            assert old not in text, (school, kind, old)


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_support_group_timing_and_record_term_have_one_wording(
    texts: dict[str, dict[str, str]], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    context = example_contexts[school_id]
    for kind, text in texts[school_id].items():
        # every sentence about when the support group meets uses the one term from the context
        for found in re.findall(r"de steungroep komt ([^.]*?) bij elkaar", text, flags=re.IGNORECASE):
            assert context.bullying is not None and found == context.bullying.group_meeting_term, (
                kind,
                found,
            )
        assert "schooldagen na het voorval" not in text, kind
    incidents = context.incidents
    if incidents is not None and incidents.record_term:
        assert incidents.record_term in texts[school_id]["veiligheidsplan"]


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_photo_consent_has_one_wording(
    texts: dict[str, dict[str, str]], example_contexts: dict[str, SchoolContext], school_id: str
) -> None:
    moments = {"bij_inschrijving": "bij de inschrijving", "jaarlijks": "aan het begin van elk schooljaar"}
    key = example_contexts[school_id].integrity.photo_consent  # type: ignore[attr-defined]
    consent = f"{moments[key]}, en ouders kunnen die keuze altijd veranderen"
    kinds = texts[school_id]
    for kind in ("veiligheidsplan", "schoolgids"):
        assert re.search(rf"toestemming vragen we {consent}|Die vragen we {consent}", kinds[kind]), kind
    (other,) = (moment for name, moment in moments.items() if name != key)
    for kind, text in kinds.items():
        assert f"vragen we {other}" not in text, kind
