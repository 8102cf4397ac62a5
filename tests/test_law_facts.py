"""Deadlines follow the Algemene termijnenwet, and every legal fact says what kind of rule it is.

Issue 12: a term ending on a weekend or holiday runs to the next working day, return dates are school
days, a letter dated on a day the school is closed is refused, only law in force stands under
"Wat de wet zegt", and the leerplichtambtenaar gets no copy when the policy says no.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from letters_support import EXAMPLE_POLICY, EXAMPLES, docx_outline, docx_text, example, write_case

from schoolveiligheid import law
from schoolveiligheid.brief import write_letter
from schoolveiligheid.context import build_context
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.law_calendar import (
    easter_sunday,
    holiday_name,
    is_school_day,
    kings_day,
    next_school_day,
    recognised_holidays,
    term_end,
)
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import Renderer

# --- the calendar ---------------------------------------------------------------------------------

# Year: (Easter Sunday, Koningsdag, Hemelvaartsdag, Tweede Pinksterdag)
MOVING_FEASTS = {
    2025: (date(2025, 4, 20), date(2025, 4, 26), date(2025, 5, 29), date(2025, 6, 9)),
    2026: (date(2026, 4, 5), date(2026, 4, 27), date(2026, 5, 14), date(2026, 5, 25)),
    2027: (date(2027, 3, 28), date(2027, 4, 27), date(2027, 5, 6), date(2027, 5, 17)),
    2028: (date(2028, 4, 16), date(2028, 4, 27), date(2028, 5, 25), date(2028, 6, 5)),
    2029: (date(2029, 4, 1), date(2029, 4, 27), date(2029, 5, 10), date(2029, 5, 21)),
    2030: (date(2030, 4, 21), date(2030, 4, 27), date(2030, 5, 30), date(2030, 6, 10)),
}


@pytest.mark.parametrize("year", sorted(MOVING_FEASTS))
def test_holidays_are_computed_for_each_year(year: int) -> None:
    easter, koningsdag, ascension, whit_monday = MOVING_FEASTS[year]
    assert easter_sunday(year) == easter
    assert kings_day(year) == koningsdag
    holidays = recognised_holidays(year)
    assert holidays[easter + timedelta(days=1)] == "Tweede Paasdag"
    assert holidays[koningsdag] == "Koningsdag"
    assert holidays[ascension] == "Hemelvaartsdag"
    assert holidays[whit_monday] == "Tweede Pinksterdag"
    assert holidays[date(year, 5, 5)] == "Bevrijdingsdag"  # every year, not only every fifth
    assert {holidays[date(year, 1, 1)], holidays[date(year, 12, 25)], holidays[date(year, 12, 26)]} == {
        "Nieuwjaarsdag",
        "Eerste Kerstdag",
        "Tweede Kerstdag",
    }
    assert len(holidays) == 8


def test_koningsdag_moves_to_saturday_when_27_april_is_a_sunday() -> None:
    assert date(2025, 4, 27).weekday() == 6
    assert kings_day(2025) == date(2025, 4, 26)
    assert holiday_name(date(2025, 4, 27)) is None


def test_goede_vrijdag_counts_for_terms_but_is_a_school_day() -> None:
    good_friday = date(2027, 3, 26)
    assert holiday_name(good_friday) is None and is_school_day(good_friday)
    assert holiday_name(good_friday, for_terms=True) == "Goede Vrijdag"  # Atw art. 3 lid 2
    assert term_end(good_friday) == date(2027, 3, 30)  # past Easter Monday


def test_a_term_ending_on_a_weekend_or_holiday_runs_to_the_next_working_day() -> None:
    assert term_end(date(2026, 11, 28)) == date(2026, 11, 30)  # Saturday -> Monday
    assert term_end(date(2026, 11, 27)) == date(2026, 11, 27)  # a Friday stays
    assert term_end(date(2026, 12, 25)) == date(2026, 12, 28)  # Christmas, then the weekend
    assert term_end(date(2027, 3, 29)) == date(2027, 3, 30)  # Tweede Paasdag
    assert term_end(date(2027, 5, 6)) == date(2027, 5, 7)  # Hemelvaartsdag
    assert term_end(date(2026, 12, 31)) == date(2026, 12, 31)
    assert term_end(date(2027, 1, 1)) == date(2027, 1, 4)  # Nieuwjaarsdag on a Friday


def test_objection_deadline_of_a_letter_of_13_november_2026_is_not_christmas() -> None:
    assert date(2026, 11, 13) + timedelta(weeks=6) == date(2026, 12, 25)  # Eerste Kerstdag
    assert law.objection_deadline(date(2026, 11, 13)) == date(2026, 12, 28)
    assert law.objection_deadline(date(2026, 11, 14)) == date(2026, 12, 28)  # Saturday letter date


def test_school_days_skip_weekends_and_holidays() -> None:
    assert law.school_days(date(2026, 4, 24), date(2026, 4, 28)) == 2  # Friday, (Koningsdag Monday), Tuesday
    assert law.nth_school_day(date(2026, 4, 24), 2) == date(2026, 4, 28)
    assert law.nth_school_day(date(2026, 4, 27), 1) == date(2026, 4, 28)
    assert next_school_day(date(2026, 12, 24)) == date(2026, 12, 24)
    assert next_school_day(date(2026, 12, 25)) == date(2026, 12, 28)


# --- the letters ----------------------------------------------------------------------------------


def _all_examples(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder


def test_definitive_removal_decision_date_is_not_tweede_paasdag(tmp_path: Path) -> None:
    result = write_letter(EXAMPLES / "definitieve-verwijdering.yaml", EXAMPLE_POLICY, tmp_path)
    text = docx_text(result.paths[0])
    assert "maandag 29 maart 2027" not in text  # Tweede Paasdag 2027
    assert "beslist uiterlijk op dinsdag 30 maart 2027 op uw bezwaar" in text


def _schorsing(tmp_path: Path, **replace: str) -> Path:
    text = example("schorsing")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return write_case(tmp_path / "zaken", text)


def test_letter_of_13_november_2026_gives_the_monday_after_christmas(tmp_path: Path) -> None:
    case = _schorsing(
        tmp_path,
        **{
            "datum_brief: 2026-11-23": "datum_brief: 2026-11-13",
            "gesprek_op: 2026-11-20": "gesprek_op: 2026-11-12",
        },
    )
    text = docx_text(write_letter(case, EXAMPLE_POLICY, tmp_path / "uit").paths[0])
    assert "vrijdag 25 december 2026" not in text
    assert "uiterlijk op maandag 28 december 2026 binnen zijn" in text


@pytest.mark.parametrize(
    ("letter_date", "reason"),
    [("2026-11-21", "een zaterdag"), ("2026-11-22", "een zondag"), ("2026-12-25", "Eerste Kerstdag")],
)
def test_a_letter_dated_when_the_school_is_closed_is_refused(
    tmp_path: Path, letter_date: str, reason: str
) -> None:
    case = _schorsing(
        tmp_path,
        **{
            "datum_brief: 2026-11-23": f"datum_brief: {letter_date}",
            "gesprek_op: 2026-11-20": "gesprek_op: 2026-11-19",
        },
    )
    with pytest.raises(InvalidInput) as caught:
        write_letter(case, EXAMPLE_POLICY, tmp_path / "uit")
    found = [problem for problem in caught.value.problems if problem.key == "datum_brief"]
    assert found, caught.value.report()
    assert f"is {reason}; een brief van de school draagt de datum van een schooldag" in found[0].message
    assert "termijnen zoals die voor bezwaar worden vanaf die datum gerekend" in found[0].message
    assert "dateer de brief op de schooldag" in found[0].hint
    assert not (tmp_path / "uit").exists()


def test_return_date_after_a_schorsing_is_not_koningsdag(tmp_path: Path) -> None:
    case = _schorsing(
        tmp_path,
        **{
            "datum_brief: 2026-11-23": "datum_brief: 2026-04-21",
            "gesprek_op: 2026-11-20": "gesprek_op: 2026-04-20",
            "van: 2026-11-24": "van: 2026-04-22",
            "tot_en_met: 2026-11-26": "tot_en_met: 2026-04-24",
            "datum: 2026-11-27": "datum: 2026-04-28",
        },
    )
    text = docx_text(write_letter(case, EXAMPLE_POLICY, tmp_path / "uit").paths[0])
    assert "maandag 27 april 2026" not in text
    assert "Op dinsdag 28 april 2026 is Sam weer welkom in groep 7." in text


def test_a_schorsing_may_not_start_on_a_holiday(tmp_path: Path) -> None:
    case = _schorsing(
        tmp_path,
        **{
            "datum_brief: 2026-11-23": "datum_brief: 2026-04-24",
            "gesprek_op: 2026-11-20": "gesprek_op: 2026-04-23",
            "van: 2026-11-24": "van: 2026-04-27",
            "tot_en_met: 2026-11-26": "tot_en_met: 2026-04-28",
            "datum: 2026-11-27": "datum: 2026-04-29",
        },
    )
    with pytest.raises(InvalidInput) as caught:
        write_letter(case, EXAMPLE_POLICY, tmp_path / "uit")
    assert "27 april 2026 is Koningsdag, geen schooldag" in caught.value.report()


def test_leerplichtambtenaar_gets_nothing_when_the_policy_says_no(tmp_path: Path) -> None:
    policy = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, policy)
    school = policy / "vlinderboom.yaml"
    text = school.read_text(encoding="utf-8")
    old = "  schorsing:\n    max_schooldagen: 3\n"
    assert old in text
    school.write_text(text.replace(old, old + "    leerplicht_informeren: false\n"), encoding="utf-8")
    case = write_case(tmp_path / "zaken", example("schorsing"))
    letter = docx_text(write_letter(case, policy, tmp_path / "uit").paths[0])
    assert "leerplicht" not in letter.lower()
    assert "de Inspectie van het Onderwijs" in letter.split("Afschrift aan:")[1]
    default = docx_text(write_letter(case, EXAMPLE_POLICY, tmp_path / "uit2").paths[0])
    assert "de leerplichtambtenaar (Bureau Leerplicht Lindewaarde)" in default.split("Afschrift aan:")[1]
    assert "Dat is een afspraak in het beleid van onze school." in default


# --- the facts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fact", list(law.FACTS.values()), ids=list(law.FACTS))
def test_every_fact_says_what_kind_of_rule_it_is(fact: law.Fact) -> None:
    assert fact.status in ("wet", "wetsvoorstel", "praktijk"), f"{fact.key}: set status"
    assert fact.sources and all(source.title and source.url.startswith("http") for source in fact.sources)
    if fact.article:
        assert fact.verified and fact.status == "wet"
    if fact.status == "wetsvoorstel":
        assert fact.kamerstuk and re.fullmatch(r"\d{2} \d{3}", fact.kamerstuk) and fact.stand
    else:
        assert fact.kamerstuk is None and fact.stand is None
    if fact.status == "praktijk":
        assert "de wet" not in fact.rule.lower() and "wettelijk" not in fact.rule.lower()


def test_the_practice_that_was_presented_as_law_is_practice() -> None:
    for key in ("schorsing_leerplicht", "verwijdering_melden", "schorsing_onderwijs"):
        assert law.FACTS[key].status == "praktijk", key
    assert "leerplicht" not in law.FACTS["verwijdering_andere_school"].rule
    assert law.FACTS["schorsing_wpo"].status == "wet" and "inspectie" in law.FACTS["schorsing_wpo"].rule


_MARK = re.compile(r"⟦([a-z_\\]+)⟧")  # Markdown escapes the underscores
_LAW_HEADING = "Wat de wet zegt"
_HEADING_STYLES = ("[Kop", "[Heading")  # a letter's heading paragraphs in docx_outline


@pytest.fixture
def marked_facts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fact's rule replaced by its key in brackets, so a rendered text shows which fact stands where."""
    for key, fact in list(law.FACTS.items()):
        monkeypatch.setitem(law.FACTS, key, dataclasses.replace(fact, rule=f"⟦{key}⟧"))


def _law_sections_markdown(markdown: str) -> list[str]:
    """The text under each 'Wat de wet zegt' heading, or in a paragraph that starts with it in bold."""
    sections: list[str] = []
    lines = markdown.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("#") and _LAW_HEADING in line:
            body = []
            for following in lines[number + 1 :]:
                if following.startswith("#"):
                    break
                body.append(following)
            sections.append("\n".join(body))
        elif line.startswith(f"**{_LAW_HEADING}"):
            sections.append(line)
    return sections


def _law_sections_docx(outline: str) -> list[str]:
    sections: list[str] = []
    lines = outline.splitlines()
    for number, line in enumerate(lines):
        if line.startswith(_HEADING_STYLES) and _LAW_HEADING in line:
            body = []
            for following in lines[number + 1 :]:
                if following.startswith((*_HEADING_STYLES, "==")):
                    break
                body.append(following)
            sections.append("\n".join(body))
    return sections


def _assert_only_law(sections: list[str], where: str) -> set[str]:
    shown = {key.replace("\\", "") for section in sections for key in _MARK.findall(section)}
    wrong = {key: law.FACTS[key].status for key in shown if law.FACTS[key].status != "wet"}
    assert not wrong, f"{where}: under '{_LAW_HEADING}' only law in force may stand: {wrong}"
    return shown


@pytest.mark.usefixtures("marked_facts")
def test_only_law_in_force_stands_under_wat_de_wet_zegt_in_the_documents() -> None:
    shown: set[str] = set()
    for school in load_schools(EXAMPLE_POLICY):
        rendered = Renderer().render_school(build_context(school), school.template_dirs)
        for document in rendered.documents:
            shown |= _assert_only_law(
                _law_sections_markdown(document.markdown), f"{school.id}/{document.kind}"
            )
    assert {"schorsing_wpo", "schorsing_wec", "verwijdering_andere_school"} <= shown  # the check sees them


@pytest.mark.usefixtures("marked_facts")
def test_only_law_in_force_stands_under_wat_de_wet_zegt_in_the_letters(tmp_path: Path) -> None:
    cases = _all_examples(tmp_path / "zaken")
    shown: set[str] = set()
    for case in sorted(cases.glob("*.yaml")):
        for path in write_letter(case, EXAMPLE_POLICY, tmp_path / "uit").paths:
            shown |= _assert_only_law(_law_sections_docx(docx_outline(path)), path.name)
    # Issue 13: only the schorsing letter keeps the heading; the removal letters explain the law in running
    # text (tests/test_removal_letters_plain.py).
    assert {"schorsing_wpo"} <= shown
