"""The board report (`controleer --rapport`, issue 16): every school at a glance, internal, self-contained."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL, changed
from lxml import html
from policies import policy_tree
from support import require_program

from schoolveiligheid.cli import main
from schoolveiligheid.files import WORK_FOLDER

ROOT = Path(__file__).resolve().parents[1]
POLICY = ROOT / "policy"
NAMES = {
    "kompasroos": "SO De Kompasroos",
    "vlinderboom": "OBS De Vlinderboom",
    "zonnewijzer": "Openbare Jenaplanschool De Zonnewijzer",
}


def _report(tmp_path: Path, name: str, policy: Path = POLICY, capsys: Any = None) -> Path:
    path = tmp_path / name
    code = main(["controleer", "--policy", str(policy), "--rapport", str(path)])
    assert code in (0, 1)  # 1: a school has a finding 'fout'; the report is written either way
    assert path.is_file()
    return path


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _report(tmp_path_factory.mktemp("rapport"), "bestuursrapport.html")


@pytest.fixture(scope="module")
def page(report_html: Path) -> Any:
    return html.fromstring(report_html.read_text(encoding="utf-8"))


def _row(page: Any, school_id: str) -> Any:
    (row,) = page.xpath(f'//tr[@id="school-{school_id}"]')
    return row


def test_every_school_is_in_the_report_with_status_version_and_dates(page: Any) -> None:
    for school_id, name in NAMES.items():
        text = " ".join(_row(page, school_id).text_content().split())
        assert name in text
        assert f"policy/{school_id}.yaml" in text
    vlinderboom = " ".join(_row(page, "vlinderboom").text_content().split())
    assert "vastgesteld 2.1" in vlinderboom
    assert "30 juni 2027" in vlinderboom  # evaluatie_voor
    assert "10 maart 2026" in vlinderboom  # the last monitoring
    zonnewijzer = " ".join(_row(page, "zonnewijzer").text_content().split())
    assert "concept 0.9" in zonnewijzer


def test_counts_expand_to_the_findings_with_file_and_line(page: Any, report_html: Path) -> None:
    row = _row(page, "zonnewijzer")
    (details,) = [d for d in row.xpath(".//details") if "waarschuwing" in d.xpath("string(./summary)")]
    assert " ".join(details.xpath("string(./summary)").split()) == "0 fouten, 3 waarschuwingen"
    wheres = [code.text_content() for code in details.xpath(".//li/code")]
    assert len(wheres) == 3
    assert all(re.fullmatch(r"policy/zonnewijzer\.yaml:\d+: .+", where) for where in wheres), wheres
    assert " ".join(_row(page, "vlinderboom").text_content().split()).count("0 fouten, 0 waarschuwingen") == 1


def test_overridden_templates_are_listed(page: Any) -> None:
    overrides = [code.text_content() for code in _row(page, "zonnewijzer").xpath(".//details//code")]
    assert "school: veiligheidsplan/02-visie.md.j2" in overrides
    assert "geen" in _row(page, "vlinderboom").xpath("string(./td[last()])")


def test_monitoring_results_and_the_schools_side_by_side(page: Any) -> None:
    text = " ".join(page.text_content().split())
    assert "Openbare Jenaplanschool De Zonnewijzer wmk 2026-2027 66 87,9% 16,7%" in text
    assert "voelt zich veilig 87,9% (doel 90%)" in text
    assert "(geplande actie staat in het plan)" in text
    assert "OBS De Vlinderboom vensters 2025-2026 112 94% 6%" in text
    (svg,) = page.xpath("//figure/*[local-name()='svg']")
    assert svg.get("role") == "img"
    description = svg.xpath("string(./*[local-name()='desc'])")
    for name in NAMES.values():
        assert name in description
    # Only aggregates: the Kompas band with 7 respondents is nowhere in the report.
    assert "85,7" not in text and "14,3" not in text


def test_the_page_is_self_contained(report_html: Path) -> None:
    text = report_html.read_text(encoding="utf-8")
    assert "<script" not in text
    assert not re.search(r'(?:src|href)="(?!data:|#)', text)  # nothing loaded from anywhere
    assert "@import" not in text and not re.search(r"url\((?!#)", text)  # only the chart's own clip paths


def test_the_csv_has_the_same_figures(tmp_path: Path) -> None:
    path = _report(tmp_path, "rapport.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [row["school"] for row in rows] == sorted(NAMES)
    zonnewijzer = next(row for row in rows if row["school"] == "zonnewijzer")
    assert zonnewijzer["status"] == "concept"
    assert zonnewijzer["waarschuwingen"] == "3"
    assert zonnewijzer["voelt zich veilig (%)"] == "87,9"
    assert zonnewijzer["eigen sjablonen"] == "school: veiligheidsplan/02-visie.md.j2"
    assert zonnewijzer["geplande actie"] == "ja"


def test_the_xlsx_has_schools_and_findings(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(_report(tmp_path, "rapport.xlsx"))
    assert book.sheetnames == ["Scholen", "Bevindingen"]
    schools = [row[0] for row in book["Scholen"].iter_rows(min_row=2, values_only=True)]
    assert schools == sorted(NAMES)
    findings = list(book["Bevindingen"].iter_rows(min_row=2, values_only=True))
    assert sum(1 for row in findings if row[0] == "zonnewijzer") == 3
    assert all(
        re.match(r"policy/\w+\.yaml:\d+", str(row[2])) or row[2].startswith("Sociaal") for row in findings
    )


HOSTILE = '=HYPERLINK("http://x.example")<script>alert(1)</script> & "De Boom"'


def test_user_text_is_escaped_and_never_a_formula(tmp_path: Path) -> None:
    school = changed(COMPLETE_SCHOOL, "  naam: Basisschool De Testhoeve\n", f"  naam: '{HOSTILE}'\n")
    policy = policy_tree(tmp_path, school, COMPLETE_BOARD)
    page = _report(tmp_path, "rapport.html", policy).read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;De Boom&#34;" in page or (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;De Boom&quot;" in page
    )
    rows = list(
        csv.reader(
            io.StringIO(_report(tmp_path, "rapport.csv", policy).read_text("utf-8-sig")), delimiter=";"
        )
    )
    assert rows[1][1] == "'" + HOSTILE

    from openpyxl import load_workbook

    book = load_workbook(_report(tmp_path, "rapport.xlsx", policy))
    cell = book["Scholen"]["B2"]
    assert cell.data_type == "s" and cell.value == "'" + HOSTILE


@pytest.mark.parametrize(
    "where",
    [
        "site/bestuursrapport.html",
        "documenten/vlinderboom/rapport.html",
        "policy/rapport.csv",
        "templates/rapport.html",
    ],
)
def test_a_report_inside_the_project_outputs_is_refused(
    where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = ROOT / where
    assert not target.exists()
    assert main(["controleer", "--rapport", str(target)]) == 2
    error = capsys.readouterr().err
    assert "--rapport" in error and "tip: het rapport is intern" in error
    assert not target.exists()


def test_a_report_inside_a_built_site_elsewhere_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / WORK_FOLDER).mkdir()
    (tmp_path / "site" / "vlinderboom").mkdir(parents=True)
    target = tmp_path / "site" / "vlinderboom" / "rapport.html"
    assert main(["controleer", "--rapport", str(target)]) == 2
    assert "uitvoermap van schoolveiligheid (site/)" in capsys.readouterr().err
    assert not target.exists()


def test_an_unknown_kind_of_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["controleer", "--rapport", str(tmp_path / "rapport.pdf")]) == 2
    assert "onbekende soort bestand '.pdf'" in capsys.readouterr().err


def test_the_report_replaces_an_older_one_in_one_step(tmp_path: Path) -> None:
    path = tmp_path / "rapport.html"
    path.write_text("oud", encoding="utf-8")
    _report(tmp_path, "rapport.html")
    assert path.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]  # no temporary file left


def test_the_report_in_chromium_from_disk(report_html: Path, tmp_path: Path) -> None:
    chromium = require_program("chromium", "/usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    problems: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "profiel"),
            executable_path=chromium,
            headless=True,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
            ],
            locale="nl-NL",
        )
        try:
            context.on("request", lambda request: requests.append(request.url))
            context.on("console", lambda message: message.type == "error" and problems.append(message.text))
            context.on("weberror", lambda error: problems.append(str(error.error)))
            page = context.new_page()
            page.goto(report_html.as_uri(), wait_until="load")
            row = page.locator("#school-zonnewijzer")
            finding = row.locator("details li").first
            assert not finding.is_visible()  # closed until asked
            row.locator("details summary").first.click()
            assert finding.is_visible()
            assert "policy/zonnewijzer.yaml:" in finding.inner_text()
            chart = page.locator("figure svg")
            assert chart.is_visible()
            assert chart.bounding_box()["height"] > 100  # type: ignore[index]
        finally:
            context.close()
    assert requests and all(urlsplit(url).scheme in {"file", "data"} for url in requests), requests
    assert problems == []
