"""Issue 13, Letters: the removal letters explain the law to parents in plain words and name each legal
reference once, instead of pasting law text under a heading "Wat de wet zegt".

Every legal fact still comes from law.py through the letter context; these tests only check the form: no
paragraph that is nothing but rules from law.py (with at most their article), and no article cited twice.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from letters_support import EXAMPLE_POLICY, docx_text, example, write_case
from policies import BOARD, policy_tree

from schoolveiligheid import law
from schoolveiligheid.brief import write_letter
from schoolveiligheid.errors import InvalidInput

RULES = sorted({fact.rule for fact in law.FACTS.values()}, key=len, reverse=True)
ARTICLES = sorted({fact.article for fact in law.FACTS.values() if fact.article}, key=len, reverse=True)
ARTICLE_REFERENCE = re.compile(r"\bartikel \d+\w*(?:, \w+ lid)?(?:,? van de [A-Z][\w ]+?(?=[.,;]|$))?")


def _paragraphs(path: Path) -> list[str]:
    return [p.text.strip() for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _for_testschool(name: str) -> str:
    return example(name).replace("vlinderboom", "testschool").replace("p-leerkracht-de-lange", "p-coord")


def _for_kompasroos(name: str) -> str:
    text = example(name).replace("vlinderboom", "kompasroos").replace('groep: "6"', "groep: SO-4")
    # kompasroos hears the pupil and the commissie van begeleiding before a removal
    text = text.replace(
        "  ouders: 2026-11-18\n",
        "  ouders: 2026-11-18\n  leerling: 2026-11-19\n  commissie_van_begeleiding: 2026-11-20\n",
    )
    return text.replace("p-leerkracht-de-lange", "p-aanspreekpunt")


def _letters(tmp_path: Path, variant: str) -> dict[str, list[str]]:
    """letter kind -> the body paragraphs of the first letter, for one school variant."""
    if variant == "openbaar":
        policy, case = EXAMPLE_POLICY, example
    elif variant == "kompasroos":
        policy, case = EXAMPLE_POLICY, _for_kompasroos
    else:
        policy = policy_tree(
            tmp_path / "beleid", board=BOARD.replace("richting: openbaar", f"richting: {variant}")
        )
        case = _for_testschool
    cases = tmp_path / "zaken"
    write_case(cases, case("voornemen-verwijdering"), "voornemen-verwijdering.yaml")
    found = {}
    for name in ("voornemen-verwijdering", "definitieve-verwijdering"):
        path = write_case(
            cases, case(name), f"{name}.yaml" if name.startswith("voornemen") else "definitief.yaml"
        )
        found[name] = _paragraphs(write_letter(path, policy, tmp_path / name).paths[0])
    return found


def _only_law(paragraph: str) -> bool:
    """True for a paragraph that is law text and nothing else: rules from law.py, at most with their article."""
    rest, quoted = paragraph, False
    for rule in RULES:
        if rule in rest:
            rest, quoted = rest.replace(rule, " "), True
    for article in ARTICLES:
        rest = rest.replace(f"Dit staat in {article}.", " ").replace(f"Dat is geregeld in {article}.", " ")
    return quoted and not re.sub(r"[\W_]+", "", rest)


@pytest.mark.parametrize("variant", ["openbaar", "bijzonder", "samenwerkingsschool", "kompasroos"])
def test_removal_letters_explain_the_law_in_plain_words_and_cite_each_article_once(
    tmp_path: Path, variant: str
) -> None:
    for name, paragraphs in _letters(tmp_path, variant).items():
        where = f"{variant}: {name}"
        assert "Wat de wet zegt" not in paragraphs, where
        pasted = [p for p in paragraphs if _only_law(p)]
        assert not pasted, f"{where}: law text pasted as a paragraph of its own: {pasted}"
        text = "\n".join(paragraphs)
        cited = Counter(ARTICLE_REFERENCE.findall(text))
        assert all(count == 1 for count in cited.values()), f"{where}: {cited}"
        for article in ARTICLES:
            assert text.count(article) <= 1, f"{where}: {article}"


def test_the_old_wording_fails_the_check() -> None:
    """The check itself: the paragraphs of the old letters are caught."""
    facts = law.FACTS
    old_intent = f"{facts['verwijdering_andere_school'].rule} {facts['verwijdering_ingang'].rule}"
    old_decision = f"{facts['verwijdering_besluit_bijzonder'].rule} Dit staat in {facts['verwijdering_besluit_bijzonder'].article}."
    assert _only_law(old_intent) and _only_law(old_decision)
    assert not _only_law(
        f"Volgens de wet moet dat eerst gebeuren. {facts['verwijdering_andere_school'].rule}"
    )


def test_a_school_that_hears_the_committee_names_it_in_the_letter_and_requires_its_date(
    tmp_path: Path,
) -> None:
    """An SO school whose policy hears the commissie van begeleiding: the date is in the case and the letter."""
    cases = tmp_path / "zaken"
    write_case(cases, _for_kompasroos("voornemen-verwijdering"), "voornemen-verwijdering.yaml")
    path = write_case(cases, _for_kompasroos("definitieve-verwijdering"), "definitief.yaml")
    text = docx_text(write_letter(path, EXAMPLE_POLICY, tmp_path / "brief").paths[0])
    assert "de commissie van begeleiding, op vrijdag 20 november 2026." in text
    without = _for_kompasroos("definitieve-verwijdering").replace(
        "  commissie_van_begeleiding: 2026-11-20\n", ""
    )
    path = write_case(cases, without, "zonder.yaml")
    with pytest.raises(InvalidInput) as caught:
        write_letter(path, EXAMPLE_POLICY, tmp_path / "zonder")
    messages = [problem.message for problem in caught.value.problems]
    assert "er staat niet wanneer de commissie van begeleiding is gehoord" in messages, messages
