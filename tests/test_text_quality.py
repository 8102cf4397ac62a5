"""The sentences issue 13 quoted are gone, and a test per class keeps them out (issue 13, "Text").

Each test reads every text a reader gets (texts_support: the documents and site pages of the example
schools and of the reference folders, the example letters and forms) and fails on the old wording.
"""

from __future__ import annotations

import functools
import re

import pytest
from texts_support import ROOT, Text, all_texts, folder_texts, plain

from schoolveiligheid import law
from schoolveiligheid.brief.context import addressed_as
from schoolveiligheid.model.wording import organisation_with_article


def _hits(pattern: str, kinds: tuple[str, ...] | None = None) -> list[str]:
    regex = re.compile(pattern)
    found = []
    for text in all_texts():
        if kinds and text.kind not in kinds:
            continue
        for match in regex.finditer(plain(text)):
            found.append(f"{text.where}: …{plain(text)[max(0, match.start() - 60) : match.end() + 40]}…")
    return found


def _letters(stem: str) -> list[Text]:
    return [text for text in all_texts() if text.kind == "brief" and f"-{stem}-" in text.where]


def test_names_in_running_text_are_introduced_not_listed_bare() -> None:
    """'dan werken we met Oplossingsgerichte Pestaanpak (OPA), Vijfsporenaanpak en Herstelgesprekken'."""
    assert not _hits(r"\b(?:werken|gebruiken) we met [A-Z]"), "\n".join(
        _hits(r"\b(?:werken|gebruiken) we met [A-Z]")
    )


ORGANISATION_WITHOUT_ARTICLE = (
    r"\b(?:aan|door|bij|via|naar|daarna) "
    r"(?:Landelijke|College|Klachtencommissie|Commissie|Geschillencommissie|Meldpunt|Vertrouwenspunt)\b"
)


def test_organisations_get_their_article() -> None:
    """'voorleggen aan Landelijke Klachtencommissie', 'door College van Bestuur'."""
    found = _hits(ORGANISATION_WITHOUT_ARTICLE)
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Landelijke Klachtencommissie Voorbeeldonderwijs",
            "de Landelijke Klachtencommissie Voorbeeldonderwijs",
        ),
        ("College van Bestuur", "het College van Bestuur"),
        ("Vertrouwenspunt Onderwijs Noord", "het Vertrouwenspunt Onderwijs Noord"),
        ("Meldpunt vertrouwensinspecteurs", "het Meldpunt vertrouwensinspecteurs"),
        ("Bureau Leerplicht Lindewaarde", "het Bureau Leerplicht Lindewaarde"),
        ("Geschillencommissie passend onderwijs", "de Geschillencommissie passend onderwijs"),
        ("Veilig Thuis", "Veilig Thuis"),  # a proper name without a head noun takes no article
        ("De Vreedzame School", "De Vreedzame School"),  # the article is part of the name
    ],
)
def test_the_article_rule_for_organisation_names(name: str, expected: str) -> None:
    assert organisation_with_article(name) == expected


def test_no_generic_filler() -> None:
    assert not _hits(r"verschilt per gemeente")


def test_named_people_are_not_called_hij_of_zij() -> None:
    """Within a sentence that names one of the school's people, no 'hij of zij' about them."""
    found = []
    for text in all_texts():
        value = plain(text)
        for sentence in re.split(r"(?<=[.!?])\s+", value):
            if "hij of zij" not in sentence and "zij of hij" not in sentence:
                continue
            people = {
                name
                for folder_key, names in _people().items()
                if folder_key == (text.where.split("/")[0], text.school)
                for name in names
            }
            named = [name for name in people if name in sentence.split("hij of zij")[0]]
            if named:
                found.append(f"{text.where}: {sentence[:160]}")
    assert not found, "\n".join(found[:10])


@functools.cache
def _people() -> dict[tuple[str, str], set[str]]:
    from texts_support import POLICY_FOLDERS

    from schoolveiligheid.model import load_schools

    found: dict[tuple[str, str], set[str]] = {}
    for folder in POLICY_FOLDERS:
        folder_texts(folder)
        for school in load_schools(folder):
            found[(folder.name, school.id)] = {
                person.name for person in school.people.values() if person.name
            }
    return found


def test_roles_held_by_several_people_take_the_plural() -> None:
    """'De contactpersoon (Eva de Lange en Mehmet Kaya) kan u…', 'Onze externe vertrouwenspersoon is A en B'."""
    found = _hits(r"persoon \([^()]* en [^()]*\) kan\b") + _hits(r"persoon is [A-Z][\w\s.'-]* en [A-Z]\w+")
    found += _hits(
        r"[A-Z][\w'-]* en [A-Z][^().]*\([^()]*\) kan\b"
    )  # 'Eva de Lange en Mehmet Kaya (contactpersoon) kan'
    assert not found, "\n".join(found[:10])


def test_group_labels_say_groep() -> None:
    """'Voor: 6, 7, 8' -> 'Voor: groep 6, 7 en 8'."""
    found = _hits(r"Voor: \d") + _hits(
        r"(?<!groep )(?<!groepen )(?<!, )(?<![\d-])\b\d{1,2}, \d{1,2}(?:, \d{1,2})* en \d{1,2}\b(?! (?:uur|minuten|dagen|weken))"
    )
    assert not found, "\n".join(found[:10])


def test_the_catalogue_does_not_name_the_bovenbouw() -> None:
    """The catalogue texts stand next to the school's own groups ('groep 5 t/m 8'); 'bovenbouw' is a word
    only the school itself may use, for the groups it means."""
    found = [
        f"{path.name}: {line.strip()}"
        for path in sorted((ROOT / "templates" / "catalogus").glob("*.yaml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if "bovenbouw" in line and not line.lstrip().startswith("#")
    ]
    assert not found, "\n".join(found)


def test_stelregels_are_defined_for_everyone_they_are_written_for() -> None:
    """The examples are for children and parents, so the definition may not say 'for adults'."""
    assert not _hits(r"[Ss]telregels zijn afspraken over hoe wij als volwassenen")
    assert _hits(r"Stelregels zijn vaste afspraken die voor iedereen in en om de school gelden")


def test_the_escalation_does_not_start_with_the_approach_that_just_failed() -> None:
    """The steps begin when the approach did not stop the bullying; step 1 may not apply it again."""
    found = _hits(r"(?i)(?:aanpak|steungroep|no blame|opa) (?:inzetten|starten|toepassen)", ("pestprotocol",))
    assert not found, "\n".join(found[:10])


def test_consequences_say_when_they_apply_next_to_a_no_blame_approach() -> None:
    found = []
    for text in all_texts():
        if text.kind != "pestprotocol" or "## Mogelijke consequenties" not in text.text:
            continue
        if not re.search(r"(?i)no blame|steungroep|zonder naar schuld", text.text):
            continue  # no no-blame method in this protocol
        section = text.text.split("## Mogelijke consequenties", 1)[1].split("\n#", 1)[0]
        if "straffen we niet" not in section or "pas aan de orde" not in section:
            found.append(text.where)
    assert not found, found


def test_the_letter_about_the_child_who_bullies_names_one_follow_up_moment() -> None:
    letters = _letters("pesten-pestende-leerling")
    assert letters
    for letter in letters:
        moments = re.findall(
            r"volgt een vervolggesprek|[Oo]ver (?:een|twee|drie|vier|\d+) weken|volgende week", letter.text
        )
        assert len(moments) <= 1, f"{letter.where}: {moments}"


def test_a_letter_greets_the_people_it_is_addressed_to() -> None:
    """'Geachte ouders of verzorgers van Sam' under 'De heer en mevrouw Voorbeeld'."""
    found = []
    for text in all_texts():
        if text.kind != "brief":
            continue
        titled = re.search(r"(?m)^(?:De heer|Mevrouw|Familie)\b", text.text)
        if titled and re.search(r"(?:Geachte|Beste) ouders of verzorgers van", text.text):
            found.append(text.where)
    assert not found, found


@pytest.mark.parametrize(
    ("name", "formal", "personal"),
    [
        ("De heer en mevrouw Voorbeeld", "heer en mevrouw Voorbeeld", "meneer en mevrouw Voorbeeld"),
        ("Mevrouw J. Fictief", "mevrouw Fictief", "mevrouw Fictief"),
        ("De heer K. Fictief", "heer Fictief", "meneer Fictief"),
        ("Familie Verzonnen", "familie Verzonnen", "familie Verzonnen"),
        ("Ouders van Sam", None, None),  # no title: the letter greets the parents of the child
    ],
)
def test_the_salutation_rule(name: str, formal: str | None, personal: str | None) -> None:
    assert addressed_as(name) == formal
    assert addressed_as(name, personal=True) == personal


def test_the_schorsing_letter_explains_the_law_in_plain_words_and_cites_it_once() -> None:
    letters = _letters("schorsing")
    assert letters
    for letter in letters:
        assert "met opgave van redenen" not in letter.text, letter.where
        assert "Ook tegen een besluit" not in letter.text, letter.where
        assert len(re.findall(r"\bartikel \d+\w*", letter.text)) == 1, letter.where


def test_the_schorsing_letter_says_the_measure_continues_during_an_objection() -> None:
    rule = law.FACTS["bezwaar_schorst_niet"].rule
    for letter in _letters("schorsing"):
        assert rule in letter.text and "De schorsing gaat dus door" in letter.text, letter.where


def test_a_time_out_letter_claims_no_supervision_the_case_does_not_state() -> None:
    """'een medewerker kwam elke 5 minuten kijken': what the policy prescribes, worded as the rule."""
    found = _hits(r"kwam elke \d+ minuten kijken|er was de hele tijd een medewerker", ("brief",))
    assert not found, found
