"""The board report (`controleer --rapport`): where every school stands, on one internal page.

One self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched, works from
disk), or the same figures as CSV or XLSX for the board's own spreadsheets. Per school: status,
version, adoption and evaluation dates, the last monitoring, the findings of `controleer`, the
templates its own folders override, and its monitoring results; and the schools side by side
in a chart. Never part of a website: `check_report_path` refuses every output folder.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import jinja2
from markupsafe import Markup

from schoolveiligheid.checks import Finding, by_severity
from schoolveiligheid.confine import SandboxEnvironment
from schoolveiligheid.documents import Chart, ChartSeries
from schoolveiligheid.errors import InvalidInput, Problem, display_path
from schoolveiligheid.files import WORK_FOLDER, write_atomically
from schoolveiligheid.model import SchoolModel
from schoolveiligheid.model.monitoring import goal_for, latest_results, measured, percent_text, shortfalls
from schoolveiligheid.model.wording import dutch_date
from schoolveiligheid.paths import DEFAULT_TEMPLATES, DOCUMENTS_OUTPUT, PROTECTED_FOLDERS, ROOT, SITE_OUTPUT
from schoolveiligheid.writers import charts

REPORT_TEMPLATE = "rapport/bestuursrapport.html.j2"
SUFFIXES = (".html", ".htm", ".csv", ".xlsx")
# An evaluation date this close (or passed) is marked in the report.
EVALUATION_SOON_DAYS = 60


@dataclass(frozen=True, slots=True)
class ResultLine:
    """One instrument's latest result at a school, against its goals."""

    instrument: str
    school_year: str
    respondents: int
    feels_safe: float
    bullied: float
    goals: str  # "minimaal 90% voelt zich veilig, minimaal 85% wordt niet gepest"
    missed: str  # "" when every goal is reached
    action: bool  # the school wrote a planned action (geplande_actie)


@dataclass(frozen=True, slots=True)
class SchoolLine:
    """One school in the report."""

    school_id: str
    name: str
    source: str  # the school's policy file, as messages show it
    status: str
    version: str
    adopted_on: date | None
    evaluation_before: date | None
    evaluation_due: bool  # the evaluation date has passed or is near
    last_monitoring: date | None
    errors: int
    warnings: int
    findings: tuple[Finding, ...]
    overrides: tuple[str, ...]  # "school: veiligheidsplan/02-visie.md.j2"
    results: tuple[ResultLine, ...]


@dataclass(frozen=True, slots=True)
class BoardReport:
    """Everything the report shows, gathered before anything is written."""

    title: str
    made_on: date
    schools: tuple[SchoolLine, ...]
    chart: Chart | None  # the schools side by side; None when no school has results


def check_report_path(path: Path) -> None:
    """Refuse a report file that would be published or would land among the project's own files."""
    problems = []
    if path.suffix.lower() not in SUFFIXES:
        problems.append(
            Problem(
                "",
                None,
                "--rapport",
                f"{display_path(path)}: onbekende soort bestand '{path.suffix or '(geen)'}'",
                "kies een naam op .html, .csv of .xlsx, bijvoorbeeld bestuursrapport.html",
            )
        )
    reason = _published_or_protected(path.resolve())
    if reason:
        problems.append(
            Problem(
                "",
                None,
                "--rapport",
                f"{display_path(path)}: {reason}",
                "het rapport is intern: zet het buiten de uitvoermappen, bijvoorbeeld in je thuismap",
            )
        )
    if path.is_dir():
        problems.append(
            Problem("", None, "--rapport", f"{display_path(path)} is een map", "geef een bestandsnaam")
        )
    if problems:
        raise InvalidInput(problems)


def _published_or_protected(path: Path) -> str:
    project = ROOT.resolve()
    for folder in path.parents:
        if folder.parent == project and folder.name in (SITE_OUTPUT, DOCUMENTS_OUTPUT):
            return f"dit is een uitvoermap van schoolveiligheid ({folder.name}/); wat daar staat kan op de website komen"
        if folder.parent == project and folder.name in PROTECTED_FOLDERS:
            return f"in {folder.name}/ staan bestanden van het project zelf"
        if folder.name in (SITE_OUTPUT, DOCUMENTS_OUTPUT) and (folder.parent / WORK_FOLDER).exists():
            return f"dit is een uitvoermap van schoolveiligheid ({folder.name}/); wat daar staat kan op de website komen"
        if (folder / "search" / "search_index.json").is_file() or (folder / "sitemap.xml").is_file():
            return "deze map hoort bij een website"
    return ""


def own_templates(school: SchoolModel) -> tuple[str, ...]:
    """Every file in the school's and board's own template folders, as the search path finds it first."""
    found: dict[str, str] = {}
    for folder in school.template_dirs:
        owner = "bestuur" if folder == school.board_templates else "school"
        for current, _, files in os.walk(folder):
            for name in files:
                relative = (Path(current) / name).relative_to(folder).as_posix()
                found.setdefault(relative, owner)
    return tuple(f"{owner}: {relative}" for relative, owner in sorted(found.items()))


def _last_monitoring(school: SchoolModel) -> date | None:
    policy = school.policy
    dates = [result.taken_on for result in policy.results if result.taken_on is not None]
    if policy.monitoring is not None:
        dates += [choice.last_taken for choice in policy.monitoring.instruments if choice.last_taken]
    return max(dates, default=None)


def _results(school: SchoolModel) -> tuple[ResultLine, ...]:
    policy = school.policy
    lines = []
    for result in latest_results(policy.results):
        goals = [
            (indicator, goal)
            for indicator in ("voelt_zich_veilig", "niet_gepest", "welbevinden")
            if (goal := goal_for(policy.goals, indicator, result.instrument)) is not None
            and measured(result, indicator) is not None
        ]
        missed = shortfalls((result,), policy.goals)
        lines.append(
            ResultLine(
                instrument=result.instrument,
                school_year=str(result.school_year),
                respondents=result.respondents,
                feels_safe=result.feels_safe,
                bullied=result.bullied,
                goals=", ".join(f"minimaal {goal.minimum}% {_WORDS[indicator]}" for indicator, goal in goals),
                missed=", ".join(
                    f"{_WORDS[item.goal.indicator]} {percent_text(item.value)} (doel {item.goal.minimum}%)"
                    for item in missed
                ),
                action=result.action is not None,
            )
        )
    return tuple(lines)


_WORDS = {
    "voelt_zich_veilig": "voelt zich veilig",
    "niet_gepest": "wordt niet gepest",
    "welbevinden": "welbevinden",
}


def gather(schools: Sequence[SchoolModel], findings: Iterable[Finding], today: date) -> BoardReport:
    """The report's content for these schools and the findings `controleer` gave them."""
    by_school: dict[str, list[Finding]] = {}
    for finding in findings:
        by_school.setdefault(finding.school_id, []).append(finding)
    lines = []
    for school in schools:
        policy = school.policy
        own = tuple(by_school.get(school.id, ()))
        errors, warnings = by_severity(own)
        evaluation = policy.document.evaluation_before
        lines.append(
            SchoolLine(
                school_id=school.id,
                name=policy.school.name,
                source=display_path(school.source),
                status=policy.document.status,
                version=policy.document.version or "",
                adopted_on=policy.document.adopted_on,
                evaluation_before=evaluation,
                evaluation_due=evaluation is not None and (evaluation - today).days <= EVALUATION_SOON_DAYS,
                last_monitoring=_last_monitoring(school),
                errors=errors,
                warnings=warnings,
                findings=own,
                overrides=own_templates(school),
                results=_results(school),
            )
        )
    boards = sorted({school.policy.board.name for school in schools})
    title = f"Bestuursrapport sociale veiligheid: {', '.join(boards)}" if boards else "Bestuursrapport"
    return BoardReport(title, today, tuple(lines), _side_by_side(lines))


def _side_by_side(lines: Sequence[SchoolLine]) -> Chart | None:
    shown = [line for line in lines if line.results]
    if not shown:
        return None
    labels = tuple(line.name for line in shown)
    first = [line.results[0] for line in shown]
    panels = (
        ChartSeries("voelt zich veilig", tuple(result.feels_safe for result in first)),
        ChartSeries("wordt gepest", tuple(result.bullied for result in first)),
    )
    description = "Staafdiagram van de laatste monitoring per school: " + "; ".join(
        f"{line.name} ({result.instrument} {result.school_year}): voelt zich veilig "
        f"{percent_text(result.feels_safe)}, wordt gepest {percent_text(result.bullied)}"
        for line, result in zip(shown, first, strict=True)
    )
    return Chart(
        name="scholen-naast-elkaar",
        title="de scholen naast elkaar",
        description=description + ". De cijfers staan ook in de tabel.",
        labels=labels,
        panels=panels,
        kind="vergelijking",
    )


# --- Writing ---------------------------------------------------------------------------------


def write(report: BoardReport, path: Path) -> Path:
    """Write the report as the file's suffix says (.html, .csv or .xlsx), atomically."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        data = html(report).encode("utf-8")
    elif suffix == ".csv":
        data = csv_text(report).encode("utf-8-sig")  # the BOM makes Excel read UTF-8
    else:
        data = xlsx(report)
    write_atomically(path, data)
    return path


def html(report: BoardReport) -> str:
    """The report as one self-contained HTML page."""
    env = SandboxEnvironment(
        loader=jinja2.FileSystemLoader(str(DEFAULT_TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(datum=_date, procent=percent_text)
    chart = Markup(charts.inline_svg(report.chart)) if report.chart else None  # noqa: S704 - our own drawing
    return env.get_template(REPORT_TEMPLATE).render(report=report, chart=chart)


def _date(value: date | None) -> str:
    return dutch_date(value) if value else "-"


_HEADER = (
    "school",
    "naam",
    "status",
    "versie",
    "vastgesteld op",
    "evaluatie voor",
    "laatste monitoring",
    "fouten",
    "waarschuwingen",
    "eigen sjablonen",
    "monitor",
    "schooljaar monitor",
    "respondenten",
    "voelt zich veilig (%)",
    "wordt gepest (%)",
    "doelen",
    "doel niet gehaald",
    "geplande actie",
)


def _rows(report: BoardReport) -> list[list[object]]:
    rows: list[list[object]] = []
    for line in report.schools:
        base: list[object] = [
            line.school_id,
            line.name,
            line.status,
            line.version,
            line.adopted_on,
            line.evaluation_before,
            line.last_monitoring,
            line.errors,
            line.warnings,
            "; ".join(line.overrides),
        ]
        for result in line.results or (None,):
            if result is None:
                rows.append(base + [""] * 8)
                continue
            rows.append(
                base
                + [
                    result.instrument,
                    result.school_year,
                    result.respondents,
                    result.feels_safe,
                    result.bullied,
                    result.goals,
                    result.missed,
                    "ja" if result.action else ("nee" if result.missed else ""),
                ]
            )
    return rows


def _finding_rows(report: BoardReport) -> list[list[object]]:
    return [
        [line.school_id, finding.severity, finding.where, finding.message, finding.source, finding.hint]
        for line in report.schools
        for finding in line.findings
    ]


def _inert(value: object) -> object:
    """Text a spreadsheet must not read as a formula (=, +, -, @ at the start) gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_value(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")  # a Dutch spreadsheet reads a decimal comma
    return _inert(value)


def csv_text(report: BoardReport) -> str:
    """One row per school and instrument, separated by ';' as Dutch spreadsheets expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_HEADER)
    for row in _rows(report):
        writer.writerow([_csv_value(value) for value in row])
    return buffer.getvalue()


def xlsx(report: BoardReport) -> bytes:
    """A workbook with the sheets Scholen and Bevindingen."""
    from openpyxl import Workbook  # type: ignore[import-untyped]  # noqa: PLC0415 - only for .xlsx

    book = Workbook()
    sheets = (
        (book.active, "Scholen", _HEADER, _rows(report)),
        (
            book.create_sheet(),
            "Bevindingen",
            ("school", "ernst", "waar", "melding", "bron", "tip"),
            _finding_rows(report),
        ),
    )
    for sheet, title, header, rows in sheets:
        sheet.title = title
        sheet.append(list(header))
        for row in rows:
            sheet.append([_inert(value) for value in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
    made = _moment(report.made_on)
    book.properties.created = book.properties.modified = made
    book.properties.creator = "schoolveiligheid"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


__all__ = ["BoardReport", "check_report_path", "gather", "write"]
