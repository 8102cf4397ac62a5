"""The time-out letter follows the policy (issue 11, points 5 and 3): continuous or interval supervision, no letter
for a preventive time-out the policy keeps from parents, a po school's letter about its own measure; and the
bullying letters use the school's own description of its approach instead of the catalogue text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from letters_support import EXAMPLE_POLICY, docx_text, example, write_case

from schoolveiligheid.brief import write_letter
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools


def _letter(tmp_path: Path, case: str, policy: Path = EXAMPLE_POLICY) -> str:
    path = write_case(tmp_path / "zaken", case)
    return " ".join(docx_text(write_letter(path, policy, tmp_path / "uit").paths[0]).split())


def _policy_copy(tmp_path: Path, school: str, old: str, new: str) -> Path:
    folder = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, folder)
    path = folder / f"{school}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


PO_CASE = (
    example("time-out")
    .replace("school: kompasroos", "school: vlinderboom")
    .replace("groep: SO-4", 'groep: "5"')
    .replace("ruimte: Stilteruimte", "ruimte: groep 6")
)


def test_continuous_supervision_is_said_and_no_interval_is_invented(tmp_path: Path) -> None:
    text = _letter(tmp_path, example("time-out"))
    # the school's rule, not a claim about this time-out the case does not make (issue 13)
    assert (
        "Volgens onze afspraken is er tijdens een time-out de hele tijd een medewerker bij de leerling"
        in text
    )
    assert "er was de hele tijd" not in text and "minuten" not in text and "elke 5" not in text
    assert "zoals bij elke reactieve time-out" in text  # kompasroos records only reactive time-outs


def test_interval_supervision_names_the_policy_minutes(tmp_path: Path) -> None:
    policy = _policy_copy(
        tmp_path,
        "kompasroos",
        "    toezicht: doorlopend\n",
        "    toezicht: interval\n    check_in_minuten: 7\n",
    )
    text = _letter(tmp_path, example("time-out"), policy)
    assert (
        "Volgens onze afspraken kijkt een medewerker tijdens een time-out elke 7 minuten bij de leerling"
        in text
    )
    assert "kwam elke 7 minuten kijken" not in text
    assert "de hele tijd" not in text


def test_no_letter_for_a_preventive_time_out_the_policy_keeps_from_parents(tmp_path: Path) -> None:
    case = example("time-out").replace("  ouders_gebeld_om:", "  preventief: true\n  ouders_gebeld_om:")
    with pytest.raises(InvalidInput) as caught:
        _letter(tmp_path / "a", case)
    (problem,) = caught.value.problems
    assert problem.key == "time_out.preventief"
    assert "ouders_bij_preventief: false" in problem.message
    assert "geen brief" in problem.hint
    # with ouders_bij_preventief: true the letter says it was preventive
    policy = _policy_copy(tmp_path / "b", "kompasroos", "    ouders_bij_preventief: false\n", "")
    text = _letter(tmp_path / "b", case, policy)
    assert "Het was een preventieve time-out" in text
    assert "zoals bij elke time-out" in text and "reactieve" not in text


def test_po_school_sends_a_time_out_letter_about_its_own_measure(tmp_path: Path) -> None:
    text = _letter(tmp_path / "a", PO_CASE)
    assert "niet in groep 5 gewerkt, maar in groep 6. Bij ons heet dat time-out." in text
    assert "het is geen schorsing" in text
    assert "Wij leggen deze maatregel vast" in text
    assert "medewerker" not in text.split("Wat eraan voorafging")[0].split("Betreft")[1], (
        "no SO supervision claim"
    )
    # the school's own name for the measure
    policy = _policy_copy(
        tmp_path / "b", "vlinderboom", "  time_out:\n    waar:", "  time_out:\n    naam: rustdag\n    waar:"
    )
    assert "Bij ons heet dat rustdag." in _letter(tmp_path / "b", PO_CASE, policy)


def test_school_without_any_time_out_gets_a_dutch_error(tmp_path: Path) -> None:
    case = PO_CASE.replace("school: vlinderboom", "school: zonnewijzer")
    with pytest.raises(InvalidInput) as caught:
        _letter(tmp_path, case)
    messages = [p.message for p in caught.value.problems if p.key == "brief"]
    assert any("beschrijft geen time-out" in message for message in messages), caught.value.problems


OWN = """    beschrijvingen:
      - id: opa
        titel: Ons groepsgesprek
        tekst: |
          Wij nodigen een kleine groep kinderen uit die samen bedenken hoe het kind weer plezier krijgt in de pauze.
"""


@pytest.mark.parametrize("case_name", ["pesten-gepeste-leerling", "pesten-pestende-leerling"])
def test_bullying_letters_use_the_schools_own_description(tmp_path: Path, case_name: str) -> None:
    catalogue_text = " ".join(
        next(s for s in load_schools(EXAMPLE_POLICY) if s.id == "vlinderboom").catalogue["opa"].text.split()
    )
    before = _letter(tmp_path / "a", example(case_name))
    assert catalogue_text[:60] in before, "without an own description the catalogue text is used"
    policy = _policy_copy(
        tmp_path / "b",
        "vlinderboom",
        "    methoden: [opa, vijfsporenaanpak, herstelgesprekken]\n",
        "    methoden: [opa, vijfsporenaanpak, herstelgesprekken]\n" + OWN,
    )
    text = _letter(tmp_path / "b", example(case_name), policy)
    assert "Wij gebruiken hiervoor deze aanpak: Ons groepsgesprek." in text
    assert "samen bedenken hoe het kind weer plezier krijgt in de pauze" in text
    assert catalogue_text[:60] not in text, "never the catalogue text beside the school's own"
