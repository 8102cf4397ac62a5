"""One preview session: build one school into a private folder, again on every save, and keep the result.

The build is the real one (build.build: load, check, render, Word, site, all or
nothing), aimed at a temporary output folder of the session's own, so the
project's documenten/ and site/ are never touched. What the server needs is kept
in one immutable State that a rebuild replaces as a whole; a request reads it
once and so never sees half of one build and half of the next.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from schoolveiligheid import build as building
from schoolveiligheid.context import build_context
from schoolveiligheid.errors import BuildFailed, InvalidInput, Problem, ToolMissing, display_path
from schoolveiligheid.model import load_schools
from schoolveiligheid.paths import BASE_CONFIG, DEFAULT_TEMPLATES, SITE_OUTPUT
from schoolveiligheid.preview import pages
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers import charts


@dataclass(frozen=True, slots=True)
class State:
    """What the preview shows right now."""

    version: int  # goes up after every build, good or not; the pages reload when it changes
    built_at: str  # "14:03:12"
    problems: tuple[pages.Notice, ...] = ()  # not empty: every page shows these instead
    extra: Mapping[str, bytes] = field(default_factory=dict)  # the preview's own pages, by URL path

    @property
    def ok(self) -> bool:
        """True when the last build succeeded."""
        return not self.problems


class Session:
    """Builds `school_id` from `policy` into `output` and records what to show."""

    def __init__(self, policy: Path, school_id: str, output: Path, say: Callable[[str], None]) -> None:
        self.policy = policy
        self.school_id = school_id
        self.output = output
        self.say = say
        self.state = State(version=0, built_at="")
        self._template_dirs: tuple[Path, ...] = ()

    @property
    def site_root(self) -> Path:
        """The folder of the school's built site."""
        return self.output / SITE_OUTPUT / self.school_id

    def watched(self) -> tuple[Path, ...]:
        """Where a save means a rebuild: the policy folder, the school's and board's template folders
        (as found at the last good load) and the standard templates with the site's base configuration."""
        return (self.policy, *self._template_dirs, DEFAULT_TEMPLATES, BASE_CONFIG)

    def rebuild(self) -> State:
        """Build once; input errors and failing writers become the page's problems, never an exception."""
        started = time.perf_counter()
        try:
            problems, extra = self._build()
        except InvalidInput as error:
            problems, extra = tuple(_notice(problem) for problem in error.problems), {}
        except (BuildFailed, ToolMissing) as error:
            problems, extra = (pages.Notice("", *_message_and_hint(error)),), {}
        except Exception as error:  # noqa: BLE001 - a bug must not end the preview; show it instead
            problems = (
                pages.Notice(
                    "",
                    f"onverwachte fout: {type(error).__name__}: {error}",
                    "meld dit aan de beheerders van schoolveiligheid, met de tekst hieronder in de console",
                ),
            )
            extra = {}
            self.say(traceback.format_exc())
        self.state = State(
            version=self.state.version + 1,
            built_at=datetime.now().strftime("%H:%M:%S"),
            problems=problems,
            extra=extra if not problems else self.state.extra,
        )
        seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
        if problems:
            count = "1 fout" if len(problems) == 1 else f"{len(problems)} fouten"
            self.say(f"{self.state.built_at} niet bijgewerkt: {count}, zie de pagina of hieronder")
            for notice in problems:
                self.say("  " + ": ".join(part for part in (notice.place, notice.message) if part))
        else:
            self.say(f"{self.state.built_at} bijgewerkt in {seconds} s")
        return self.state

    def _build(self) -> tuple[tuple[pages.Notice, ...], dict[str, bytes]]:
        options = building.BuildOptions(policy=self.policy, output_root=self.output, only=(self.school_id,))
        report = building.build(options)
        errors = [finding for finding in report.findings if finding.severity == "fout"]
        if report.refused:
            return tuple(
                pages.Notice(
                    finding.where,
                    f"{finding.message} (vastgesteld beleid mag geen fouten hebben)",
                    finding.hint or "los de fout op, of zet de status terug op concept",
                )
                for finding in errors
            ), {}
        # The documents as preview pages, from the same Markdown as the Word files just written.
        school = building.select(load_schools(self.policy), [self.school_id])[0]
        self._template_dirs = school.template_dirs
        texts = Renderer().render_school(build_context(school), school.template_dirs)
        downloads = sorted(path.name for path in (self.site_root / "downloads").glob("*"))
        extra = {
            pages.DOCUMENTS_PATH: pages.documents_page(
                texts.documents, downloads, [str(finding) for finding in report.findings]
            ).encode("utf-8")
        }
        for document in texts.documents:
            extra[f"{pages.PREFIX}{document.file_stem}.html"] = pages.document_page(document).encode("utf-8")
            for chart in document.charts:
                extra[pages.PREFIX + chart.file_name] = charts.svg(chart).encode("utf-8")
        return (), extra


def _notice(problem: Problem) -> pages.Notice:
    place = display_path(problem.file) if problem.file else ""
    if problem.line is not None:
        place = f"{place}:{problem.line}"
    return pages.Notice(
        ": ".join(part for part in (place, problem.key) if part), problem.message, problem.hint
    )


def _message_and_hint(error: BuildFailed | ToolMissing) -> tuple[str, str]:
    if isinstance(error, BuildFailed):
        return error.message, error.hint
    return f"{error.tool} is niet gevonden", error.hint


__all__ = ["Session", "State"]
