"""Charts as SVG (website, board report) and PNG (Word), drawn with matplotlib, byte for byte reproducible.

The Agg renderer (no display), DejaVu Sans, text drawn as outlines (no font is loaded by a
viewer, nothing is fetched), a fixed hash salt for the SVG ids and no dates in the metadata:
the same figures give the same files. The SVG carries its text alternative as <title> and
<desc>, so a screen reader has it also where the SVG stands inline.

A build needs most charts twice, as PNG for Word and as SVG for the site: a drawn figure is
kept for a while, so both files are saved from one drawing (the bytes are those of two).
"""

from __future__ import annotations

import functools
import io
import re
import textwrap
import threading
from html import escape
from typing import TYPE_CHECKING, Any

from schoolveiligheid.documents import Chart, ChartSeries

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_INCHES = 7.0
HEIGHT_INCHES = 3.0
PNG_DPI = 150
# Colours with enough contrast on white (WCAG 3:1 for graphics), told apart by line style too.
COLOURS = ("#1f5f8b", "#b3541e", "#3d7d3a", "#6b4c9a")
GOAL_COLOUR = "#444444"

_STYLE: Any = {  # Any: matplotlib types rcParams keys as one long Literal
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "schoolveiligheid",
    "text.parse_math": False,  # a "$" in a school name is text, not a formula
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
}


# matplotlib is not thread-safe (rcParams are global): one chart at a time is drawn or saved,
# also when a Dask worker builds schools in threads or the preview rebuilds.
_LOCK = threading.Lock()
# Drawn figures waiting for their other format, oldest first; a figure saved in both is dropped.
# A build writes a school's Word files (PNG) before its site (SVG); without a site (or for the
# board report) the second format never comes, so a few are kept, each about 1 MiB.
_WAITING: dict[Chart, tuple[Figure, frozenset[str]]] = {}
KEPT_FIGURES = 8
_FORMATS = frozenset(("svg", "png"))


def _draw(chart: Chart) -> Figure:
    """The chart drawn, not yet saved. A plain Figure (no pyplot): once dropped, it is freed."""
    import matplotlib  # noqa: PLC0415 - loaded only when a chart is drawn: it takes a while
    from matplotlib.figure import Figure  # noqa: PLC0415

    with matplotlib.rc_context(_STYLE):
        bars = chart.kind == "vergelijking"
        height = max(HEIGHT_INCHES, 1.2 + 0.45 * len(chart.labels)) if bars else HEIGHT_INCHES
        figure = Figure(figsize=(WIDTH_INCHES, height))
        axes = figure.subplots(1, len(chart.panels), squeeze=False, sharey=bars)
        for panel, ax in zip(chart.panels, axes[0], strict=True):
            if bars:
                _bars(ax, chart.labels, panel)
            else:
                _lines(ax, chart.labels, panel)
        figure.tight_layout()
    return figure


def _saved(chart: Chart, file_format: str, **options: Any) -> bytes:
    """The chart in one file format; a figure drawn for the other format is saved again, not redrawn
    (the bytes are the same as from a drawing of its own)."""
    import matplotlib  # noqa: PLC0415 - see _draw

    buffer = io.BytesIO()
    with _LOCK:
        waiting = _WAITING.pop(chart, None)
        figure, saved = waiting if waiting is not None else (_draw(chart), frozenset[str]())
        with matplotlib.rc_context(_STYLE):  # the SVG options are read while saving
            figure.savefig(buffer, format=file_format, **options)
        saved |= {file_format}
        if saved != _FORMATS:
            _WAITING[chart] = (figure, saved)
            while len(_WAITING) > KEPT_FIGURES:
                del _WAITING[next(iter(_WAITING))]
    return buffer.getvalue()


def _lines(ax: Axes, labels: tuple[str, ...], panel: ChartSeries) -> None:
    points = [(index, value) for index, value in enumerate(panel.values) if value is not None]
    ax.plot(
        [index for index, _ in points],
        [value for _, value in points],
        marker="o",
        color=COLOURS[0],
        linewidth=2,
    )
    for index, value in points:
        ax.annotate(_percent(value), (index, value), textcoords="offset points", xytext=(0, 6), ha="center")
    _goal(ax, panel)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_xlim(-0.5, len(labels) - 0.5)
    _percent_axis(ax, panel)


def _bars(ax: Axes, labels: tuple[str, ...], panel: ChartSeries) -> None:
    """Horizontal bars, one per label (a school), so long names stay readable."""
    shown = [value if value is not None else 0.0 for value in panel.values]
    bars = ax.barh(range(len(labels)), shown, color=COLOURS[0])
    for bar, value in zip(bars, panel.values, strict=True):
        text = "geen cijfers" if value is None else _percent(value)
        ax.annotate(
            text,
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            textcoords="offset points",
            xytext=(3, 0),
            va="center",
        )
    ax.set_yticks(range(len(labels)), [textwrap.fill(label, 28) for label in labels])
    if not ax.yaxis_inverted():  # the panels share this axis: turn it once
        ax.invert_yaxis()  # the first school on top, as in the table
    ax.set_title(panel.label.capitalize())
    ax.set_xlim(0, 115)
    ax.xaxis.set_major_formatter(lambda value, _: f"{value:.0f}%")


def _goal(ax: Axes, panel: ChartSeries) -> None:
    if panel.goal is not None:
        ax.axhline(panel.goal, color=GOAL_COLOUR, linestyle="--", linewidth=1.2, label=panel.goal_label)
        ax.legend(loc="best", fontsize=8, frameon=False)


def _percent_axis(ax: Axes, panel: ChartSeries) -> None:
    ax.set_title(panel.label.capitalize())
    ax.set_ylim(0, 105)
    ax.set_ylabel("procent")
    ax.yaxis.set_major_formatter(lambda value, _: f"{value:.0f}%")


def _percent(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0").replace(".", ",") + "%"


# Drawn charts kept per process by their data: the same chart (a board's schools often share
# a comparison, a preview redraws on every save) is drawn once. The bytes depend on the data only.
CACHED_CHARTS = 64


@functools.lru_cache(maxsize=CACHED_CHARTS)
def svg(chart: Chart) -> str:
    """The chart as an SVG document with <title> and <desc> (the text alternative)."""
    # No RDF block: no date, no version, no links to vocabularies.
    text = _saved(chart, "svg", metadata=dict.fromkeys(("Creator", "Date", "Format", "Type"))).decode("utf-8")
    label = f'<title id="{chart.name}-titel">{escape(chart.title)}</title><desc>{escape(chart.description)}</desc>'
    opening = re.search(r"<svg\b[^>]*>", text)
    if opening is None:  # matplotlib always writes one; a changed backend must fail loudly here
        raise ValueError("matplotlib schreef geen <svg>-element")
    tag = opening[0].replace("<svg", f'<svg role="img" aria-labelledby="{chart.name}-titel"', 1)
    return text[: opening.start()] + tag + label + text[opening.end() :]


def inline_svg(chart: Chart) -> str:
    """The SVG without its XML declaration and doctype, to stand inside an HTML page."""
    text = svg(chart)
    return text[text.index("<svg") :]


@functools.lru_cache(maxsize=CACHED_CHARTS)
def png(chart: Chart) -> bytes:
    """The chart as a PNG without dates or software versions in it."""
    return _saved(chart, "png", dpi=PNG_DPI, metadata={"Software": None})


__all__ = ["HEIGHT_INCHES", "WIDTH_INCHES", "inline_svg", "png", "svg"]
