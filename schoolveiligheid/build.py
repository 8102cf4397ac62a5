"""The build: policy folder in, Word files (and PDFs) and websites out. Gather first, write last.

Every school is loaded, checked and rendered in memory before anything is
written. Word files go to a staging folder, the websites are built and swapped
in, and only then the staged Word files replace the previous ones. Invalid input
or a failing writer therefore leaves every earlier output exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import Finding, check_rendered, check_school
from .clock import today
from .context import build_context
from .context.forms import forms_context
from .documents import SchoolLink, SiteBundle
from .errors import BuildFailed, InvalidInput, Problem, display_path
from .files import os_reason, replace_folder
from .model import SchoolModel, load_schools
from .model.school import DEFAULT_TEMPLATES
from .progress import Progress, no_progress
from .render import RenderedSchool, Renderer
from .writers import pdf, site
from .writers.forms import FORMS_FOLDER, FormWriter
from .writers.word import WordWriter

ROOT = Path(__file__).resolve().parents[1]
BASE_CONFIG = ROOT / "mkdocs.yml"
DOCUMENTS_FOLDER = "documenten"
SITE_FOLDER = "site"
MASTER = Path("word") / "master.docx"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What to build, from where, to where."""

    policy: Path
    output_root: Path
    pdf: bool = False
    website: bool = True
    only: tuple[str, ...] = ()  # school ids; empty means every school
    sources: Path | None = None  # also export each site's Markdown tree here (to build with Zensical)


@dataclass(slots=True)
class BuildReport:
    """What a build produced and what it refused."""

    built: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # adopted schools with a finding "fout"
    findings: list[Finding] = field(default_factory=list)
    sites: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every school was built."""
        return not self.refused


def select(schools: list[SchoolModel], only: Iterable[str]) -> list[SchoolModel]:
    """The schools asked for; an unknown id is a usage error for the CLI to report."""
    wanted = list(only)
    if not wanted:
        return schools
    known = {school.id for school in schools}
    unknown = [school_id for school_id in wanted if school_id not in known]
    if unknown:
        raise InvalidInput(
            Problem(
                "",
                None,
                "--school",
                f"onbekende school '{school_id}'",
                f"kies uit: {', '.join(sorted(known))}",
            )
            for school_id in unknown
        )
    return [school for school in schools if school.id in wanted]


def master_for(school: SchoolModel) -> Path:
    """The master .docx: the school's or board's own when its template folder has one."""
    for folder in (*school.template_dirs, DEFAULT_TEMPLATES):
        if (folder / MASTER).is_file():
            return folder / MASTER
    return DEFAULT_TEMPLATES / MASTER


def findings_for(school: SchoolModel, texts: RenderedSchool) -> list[Finding]:
    """What `controleer` reports and `bouw` acts on: the data and every generated text."""
    return check_school(school, today()) + check_rendered(school, texts.documents, texts.site_pages)


def check_all(schools: Iterable[SchoolModel]) -> list[Finding]:
    """Findings of every school; renders each school in memory, writes nothing."""
    renderer = Renderer()
    return [
        finding
        for school in schools
        for finding in findings_for(
            school, renderer.render_school(build_context(school), school.template_dirs)
        )
    ]


def build(options: BuildOptions, progress: Progress = no_progress) -> BuildReport:
    """Build every selected school; raises InvalidInput before anything is written."""
    everything = load_schools(options.policy)
    schools = select(everything, options.only)
    report = BuildReport()
    renderer = Renderer()
    rendered: list[tuple[SchoolModel, RenderedSchool]] = []
    for school in progress(schools, "Teksten en controles"):
        texts = renderer.render_school(build_context(school, pdf=options.pdf), school.template_dirs)
        findings = findings_for(school, texts)
        report.findings.extend(findings)
        if school.policy.document.status == "vastgesteld" and any(f.severity == "fout" for f in findings):
            report.refused.append(school.id)
            continue
        rendered.append((school, texts))
    if rendered:
        board = [
            SchoolLink(s.id, s.policy.school.name, s.policy.document.status == "concept") for s in everything
        ]
        try:
            _write(rendered, options, report, progress, board)
        except OSError as error:
            raise BuildFailed(
                f"kan niet schrijven naar {display_path(error.filename or options.output_root)}: {os_reason(error)}",
                "kies met --uitvoer een map waarin je mag schrijven; eerder gemaakte bestanden zijn ongewijzigd",
            ) from None
    return report


def _write(
    rendered: list[tuple[SchoolModel, RenderedSchool]],
    options: BuildOptions,
    report: BuildReport,
    progress: Progress,
    board: list[SchoolLink],
) -> None:
    documents_root = options.output_root / DOCUMENTS_FOLDER
    documents_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=documents_root))
    try:
        writer = WordWriter()
        forms = FormWriter()  # internal forms: in the Word folder, never among the site's downloads
        files: dict[str, list[Path]] = {}
        by_id = {school.id: (school, texts) for school, texts in rendered}
        for school in progress([school for school, _ in rendered], "Word-bestanden"):
            texts = by_id[school.id][1]
            files[school.id] = writer.write(texts.documents, staging / school.id, master_for(school))
            forms.write(forms_context(school), staging / school.id / FORMS_FOLDER, school.template_dirs)
        if options.pdf:
            pdfs = pdf.convert_beside([path for paths in files.values() for path in paths])
            for path in pdfs:
                files[path.parent.name].append(path)
        if options.website:
            bundles = [site_bundle(texts, files[school.id]) for school, texts in rendered]
            report.sites = site.write(
                bundles,
                options.output_root / SITE_FOLDER,
                files,
                BASE_CONFIG,
                board_schools=board,
                progress=progress,
            )
            if options.sources is not None:
                _export_sources(bundles, options.sources, files)
        for school, _ in rendered:
            final = documents_root / school.id
            replace_folder(staging / school.id, final)
            report.built.append(school.id)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def site_bundle(texts: RenderedSchool, files: list[Path]) -> SiteBundle:
    """What the site writer gets for one school: its rendered texts and the names of its downloads."""
    first = texts.documents[0].meta
    return SiteBundle(
        school_id=texts.school_id,
        school_name=first.school_name,
        board_name=first.board_name,
        meta=first,
        pages=texts.site_pages,
        documents=texts.documents,
        downloads=tuple(path.name for path in files),
    )


def _export_sources(bundles: list[SiteBundle], folder: Path, files: dict[str, list[Path]]) -> None:
    """Each school's docs tree and mkdocs.yml, for building with Zensical (no MkDocs-only theme fixes).

    An earlier export of the same school is replaced; any other folder in the way is left alone.
    """
    for bundle in bundles:
        target = folder / bundle.school_id
        if target.exists() and not (target / "mkdocs.yml").is_file():
            raise BuildFailed(
                f"{display_path(target)} bestaat al en is geen eerdere export van de websitebronnen",
                "kies met --bronnen een lege map",
            )
        folder.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{bundle.school_id}-", dir=folder))
        try:
            site.write_sources(
                bundle, stage / "bron", files[bundle.school_id], BASE_CONFIG, mkdocs_theme_fix=False
            )
            replace_folder(stage / "bron", target)
        finally:
            shutil.rmtree(stage, ignore_errors=True)


__all__ = ["BuildOptions", "BuildReport", "build"]
