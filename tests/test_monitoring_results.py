"""Monitoring results in the policy (issue 16): validation, the plan's tables and chart, the findings.

The pinned test date is 21 September 2026 (conftest), so the current school year is 2026-2027.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL, changed, findings, load, rules
from policies import line_of, policy_tree

from schoolveiligheid.cli import main
from schoolveiligheid.context import build_context
from schoolveiligheid.documents import Chart
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools
from schoolveiligheid.model.monitoring import current_school_year
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers import charts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

RESULTS = """\
monitoring_resultaten:
  - instrument: vensters
    schooljaar: 2024-2025
    afgenomen_op: 2025-03-11
    respondenten: 96
    voelt_zich_veilig: 93.5
    wordt_gepest: 8
  - instrument: vensters
    schooljaar: 2025-2026
    afgenomen_op: 2026-03-10
    respondenten: 101
    voelt_zich_veilig: 91.2
    wordt_gepest: 9.9
    per_groep:
      - {groepen: 5-6, respondenten: 52, voelt_zich_veilig: 92.3, wordt_gepest: 7.7}
      - {groepen: 7-8, respondenten: 9, voelt_zich_veilig: 77.8, wordt_gepest: 22.2}
"""
WITH_RESULTS = COMPLETE_SCHOOL + RESULTS
# The goal of the complete school is voelt_zich_veilig: minimaal 90; this one is missed in 2025-2026.
BELOW_GOAL = changed(WITH_RESULTS, "    voelt_zich_veilig: 91.2\n", "    voelt_zich_veilig: 87.4\n")
ACTION = "    geplande_actie: Extra toezicht op het plein van groep 7 en 8, vanaf oktober.\n"


def _monitoring_chapter(tmp_path: Path, school: str) -> str:
    model = load(tmp_path, school)
    rendered = Renderer().render_school(build_context(model), model.template_dirs)
    plan = next(document for document in rendered.documents if document.kind == "veiligheidsplan")
    return next(chapter.markdown for chapter in plan.chapters if chapter.slug == "monitoring")


def test_a_complete_school_with_results_has_no_findings(tmp_path: Path) -> None:
    assert findings(tmp_path, WITH_RESULTS) == []


def test_the_current_school_year_starts_on_1_august() -> None:
    from datetime import date

    assert current_school_year(date(2026, 7, 31)) == "2025-2026"
    assert current_school_year(date(2026, 8, 1)) == "2026-2027"


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        (
            "    voelt_zich_veilig: 93.5\n",
            "    voelt_zich_veilig: 103\n",
            "voelt_zich_veilig",
            "103 is te groot",
        ),
        ("    wordt_gepest: 8\n", "    wordt_gepest: -1\n", "wordt_gepest", "-1 is te klein"),
        ("    respondenten: 96\n", "    respondenten: 0\n", "respondenten", "0 is te klein"),
        (
            "    schooljaar: 2024-2025\n",
            "    schooljaar: 2027-2028\n",
            "schooljaar",
            'schooljaar "2027-2028" ligt na het huidige schooljaar (2026-2027)',
        ),
        ("    schooljaar: 2024-2025\n", "    schooljaar: 2009-2010\n", "schooljaar", "ligt te ver terug"),
        (
            "    afgenomen_op: 2025-03-11\n",
            "    afgenomen_op: 2023-03-11\n",
            "afgenomen_op",
            "de datum 2023-03-11 valt niet in schooljaar 2024-2025",
        ),
        (
            "  - instrument: vensters\n    schooljaar: 2024-2025\n",
            "  - instrument: venster\n    schooljaar: 2024-2025\n",
            "instrument",
            'instrument "venster" bestaat niet',
        ),
    ],
)
def test_a_wrong_figure_is_a_dutch_error_with_file_line_and_key(
    tmp_path: Path, old: str, new: str, key: str, message: str
) -> None:
    school = changed(WITH_RESULTS, old, new)
    with pytest.raises(InvalidInput) as caught:
        load(tmp_path, school)
    (problem,) = caught.value.problems
    assert problem.file.endswith("school.yaml")
    assert problem.line == school.splitlines().index(new.splitlines()[0]) + 1
    assert problem.key == f"monitoring_resultaten[0].{key}"
    assert message in problem.message
    assert problem.hint


def test_a_band_error_names_the_band(tmp_path: Path) -> None:
    school = changed(
        WITH_RESULTS,
        "respondenten: 52, voelt_zich_veilig: 92.3",
        "respondenten: 52, voelt_zich_veilig: 192.3",
    )
    with pytest.raises(InvalidInput) as caught:
        load(tmp_path, school)
    (problem,) = caught.value.problems
    assert problem.key == "monitoring_resultaten[1].per_groep[0].voelt_zich_veilig"
    assert problem.line == line_of(school, "192.3")


def test_bands_cannot_have_more_respondents_than_the_school(tmp_path: Path) -> None:
    school = changed(WITH_RESULTS, "respondenten: 52,", "respondenten: 99,")
    with pytest.raises(InvalidInput) as caught:
        load(tmp_path, school)
    assert "meer respondenten dan de hele school (101)" in str(caught.value)


def test_one_result_per_instrument_and_year(tmp_path: Path) -> None:
    school = changed(WITH_RESULTS, "    schooljaar: 2025-2026\n", "    schooljaar: 2024-2025\n")
    school = changed(school, "    afgenomen_op: 2026-03-10\n", "")
    with pytest.raises(InvalidInput) as caught:
        load(tmp_path, school)
    (problem,) = caught.value.problems
    assert problem.key == "monitoring_resultaten"
    assert "resultaat 2 noemt vensters in 2024-2025 opnieuw" in problem.message


def test_results_belong_to_the_school_not_the_board(tmp_path: Path) -> None:
    board = COMPLETE_BOARD + RESULTS
    with pytest.raises(InvalidInput) as caught:
        load_schools(policy_tree(tmp_path, COMPLETE_SCHOOL, board))
    assert any(
        problem.file.endswith("bestuur.yaml")
        and "onbekende sleutel 'monitoring_resultaten'" in problem.message
        for problem in caught.value.problems
    )


def test_controleer_exits_2_with_the_dutch_error_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    school = changed(WITH_RESULTS, "    wordt_gepest: 8\n", "    wordt_gepest: 108\n")
    folder = policy_tree(tmp_path, school, COMPLETE_BOARD)
    report = tmp_path / "rapport.html"
    assert main(["controleer", "--policy", str(folder), "--rapport", str(report)]) == 2
    error = capsys.readouterr().err
    assert (
        f"school.yaml:{line_of(school, '108')}: monitoring_resultaten[0].wordt_gepest: 108 is te groot"
        in error
    )
    assert "tip:" in error
    assert not report.exists()


def test_below_goal_without_action_asks_for_the_planned_action(tmp_path: Path) -> None:
    found = [
        finding
        for finding in findings(tmp_path, BELOW_GOAL)
        if finding.rule == "monitoring-doel-niet-gehaald"
    ]
    (finding,) = found
    assert finding.severity == "waarschuwing"
    assert (
        "vensters 2025-2026: 'voelt zich veilig' is 87,4%, onder het doel van minimaal 90%" in finding.message
    )
    # It points at the result (the second item of the list), where the action belongs.
    assert finding.where.endswith(
        f"school.yaml:{line_of(BELOW_GOAL, 'schooljaar: 2025-2026') - 1}: monitoring_resultaten[1]"
    )
    assert "geplande_actie" in finding.hint


def test_an_older_year_below_goal_is_history_not_a_finding(tmp_path: Path) -> None:
    school = changed(WITH_RESULTS, "    voelt_zich_veilig: 93.5\n", "    voelt_zich_veilig: 80\n")
    assert "monitoring-doel-niet-gehaald" not in rules(findings(tmp_path, school))


def test_the_plan_states_the_planned_action(tmp_path: Path) -> None:
    school = BELOW_GOAL + ACTION
    assert "monitoring-doel-niet-gehaald" not in rules(findings(tmp_path, school))
    chapter = _monitoring_chapter(tmp_path, school)
    assert "In 2025-2026 haalden we niet al onze doelen: voelt zich veilig (87,4%; doel 90%)" in chapter
    assert "Extra toezicht op het plein van groep 7 en 8, vanaf oktober." in chapter
    assert "| 2025-2026 (doel niet gehaald) | 101 | 87,4% | 9,9% |" in chapter


def test_the_plan_shows_the_trend_chart_and_the_numbers(tmp_path: Path) -> None:
    chapter = _monitoring_chapter(tmp_path, WITH_RESULTS)
    image = re.search(r"!\[([^\]]*)\]\((grafieken/[a-z0-9-]+\.svg)\)", chapter)
    assert image is not None
    assert image[2] == "grafieken/monitoring-vensters.svg"
    assert (
        "2024-2025 tot en met 2025-2026: voelt zich veilig van 93,5% naar 91,2% (doel: minimaal 90%)"
        in image[1]
    )
    assert "| 2024-2025 | 96 | 93,5% | 8% |" in chapter
    assert "| 2025-2026 | 101 | 91,2% | 9,9% |" in chapter


def test_a_group_band_under_ten_respondents_is_not_shown_and_the_plan_says_so(tmp_path: Path) -> None:
    chapter = _monitoring_chapter(tmp_path, WITH_RESULTS)
    assert "| 2025-2026 | groep 5 en 6 | 52 | 92,3% | 7,7% |" in chapter
    assert "77,8" not in chapter and "22,2" not in chapter  # the small band's figures appear nowhere
    assert (
        "Van groep 7 en 8 in 2025-2026 tonen we geen cijfers: daar vulden minder dan 10 leerlingen" in chapter
    )


def test_the_small_band_is_not_in_the_chart_either(tmp_path: Path) -> None:
    model = load(tmp_path, WITH_RESULTS)
    section = build_context(model).monitoring_results
    assert section is not None
    chart = section.instruments[0].chart
    assert [panel.values for panel in chart.panels] == [(93.5, 91.2), (8.0, 9.9)]
    assert "77,8" not in chart.description


def test_the_chart_is_reproducible_and_carries_its_text_alternative(tmp_path: Path) -> None:
    model = load(tmp_path, WITH_RESULTS)
    section = build_context(model).monitoring_results
    assert section is not None
    chart = section.instruments[0].chart
    drawn = charts.svg(chart)
    assert drawn == charts.svg(chart)
    assert charts.png(chart) == charts.png(chart)
    assert f"<desc>{chart.description}</desc>" in drawn
    assert '<svg role="img" aria-labelledby="monitoring-vensters-titel"' in drawn
    assert "<dc:date>" not in drawn
    assert charts.png(chart).startswith(b"\x89PNG")


def test_a_chart_drawn_once_is_saved_as_png_and_svg_with_the_bytes_of_two_drawings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build needs a chart as PNG (Word) and as SVG (site): one drawing, saved in both formats."""
    model = load(tmp_path, WITH_RESULTS)
    section = build_context(model).monitoring_results
    assert section is not None
    chart = section.instruments[0].chart
    charts._WAITING.clear()
    alone_svg = charts.svg.__wrapped__(chart)
    charts._WAITING.clear()  # the PNG from a drawing of its own
    alone_png = charts.png.__wrapped__(chart)
    charts._WAITING.clear()
    drawings = []
    draw = charts._draw

    def counted(drawn: Chart) -> Figure:
        drawings.append(drawn)
        return draw(drawn)

    monkeypatch.setattr(charts, "_draw", counted)
    assert charts.png.__wrapped__(chart) == alone_png
    assert charts.svg.__wrapped__(chart) == alone_svg
    assert drawings == [chart]
    assert chart not in charts._WAITING  # saved in both formats: the figure is let go


def test_hostile_text_in_a_chart_stays_text() -> None:
    from schoolveiligheid.documents import Chart, ChartSeries

    hostile = 'De <b>"Schoolboom"</b> --><script>alert(1)</script> & $x^2$'
    chart = Chart(
        "vergelijking",
        hostile,
        hostile,
        (hostile, "Andere school"),
        (ChartSeries("voelt zich veilig", (90.0, None)),),
        kind="vergelijking",
    )
    drawn = charts.svg(chart)
    assert "<script" not in drawn and "<b>" not in drawn
    assert "&lt;script&gt;" in drawn
