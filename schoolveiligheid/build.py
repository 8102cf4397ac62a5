"""The build: policy folder in, Word files (and PDFs) and websites out. Gather first, write last.

Every school is loaded, checked and rendered in memory before anything is
written. Word files go to a staging folder, the websites are built and swapped
in, and only then the staged Word files replace the previous ones. Invalid input
or a failing writer therefore leaves every earlier output exactly as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import Finding, check_rendered, check_school
from .clock import today
from .context import build_context
from .context.forms import forms_context
from .documents import SchoolLink, SiteBundle
from .errors import BuildFailed, InvalidInput, Problem, display_path
from .files import WORK_FOLDER, Swap, os_hint, os_reason
from .model import SchoolModel, load_schools
from .paths import (
    BASE_CONFIG,
    DOCUMENTS_OUTPUT,
    FORMS_OUTPUT,
    LETTERS_OUTPUT,
    MASTER_TEMPLATE,
    PROTECTED_FOLDERS,
    ROOT,
    SITE_OUTPUT,
    find_template,
)
from .progress import Progress, no_progress
from .render import RenderedSchool, Renderer
from .writers import pdf, site
from .writers.forms import FormWriter
from .writers.word import WordWriter


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What to build, from where, to where."""

    policy: Path
    output_root: Path | None = None  # None: the project folder (documenten/ and site/ beside policy/)
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
    return find_template(MASTER_TEMPLATE, school.template_dirs)


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


def output_root(options: BuildOptions) -> Path:
    """The folder under which documenten/ and site/ are written."""
    return ROOT if options.output_root is None else options.output_root


def check_output_folders(options: BuildOptions) -> None:
    """Refuse output folders where replacing outputs could delete or publish something else.

    Refused: a drive's root, the home folder, the project folder itself (leave --uitvoer
    out to build there) or a folder that holds it, the policy folder (inside, or holding
    it), the project's own folders, and a non-empty folder the tool did not make.
    """
    problems: list[Problem] = []
    chosen = [("--uitvoer", options.output_root), ("--bronnen", options.sources)]
    for option, folder in chosen:
        if folder is not None:
            reason = _unsafe_output(folder.resolve(), options.policy.resolve(), option)
            if reason:
                problems.append(Problem("", None, option, f"{display_path(folder)}: {reason[0]}", reason[1]))
    if options.sources is not None:
        sources, root = options.sources.resolve(), output_root(options).resolve()
        for published in (root / SITE_OUTPUT, root / DOCUMENTS_OUTPUT):
            if _overlap(sources, published):
                problems.append(
                    Problem(
                        "",
                        None,
                        "--bronnen",
                        f"{display_path(options.sources)} valt samen met de uitvoer in {display_path(published)}",
                        "kies voor --bronnen een eigen, lege map buiten documenten/ en site/",
                    )
                )
    if problems:
        raise InvalidInput(problems)


def _overlap(first: Path, second: Path) -> bool:
    return first == second or first.is_relative_to(second) or second.is_relative_to(first)


def _unsafe_output(folder: Path, policy: Path, option: str) -> tuple[str, str] | None:
    new_folder = f"kies met {option} een nieuwe of lege map"
    if folder.parent == folder or folder == Path.home().resolve():
        return "dat is de hoofdmap van de schijf of je thuismap", new_folder
    if ROOT.is_relative_to(folder):
        return "dat is de projectmap (of een map erboven)", f"laat {option} weg om in de projectmap te bouwen"
    if _overlap(folder, policy):
        return "dat is (een map in of rond) de beleidsmap", new_folder + " buiten de beleidsmap"
    for name in PROTECTED_FOLDERS:
        if folder.is_relative_to(ROOT / name):
            return f"dat is een map van het project zelf ({name}/)", new_folder
    if folder.is_dir() and not _made_by_us(folder, option):
        return "die map is niet leeg en niet door schoolveiligheid gemaakt", new_folder
    return None


def _made_by_us(folder: Path, option: str) -> bool:
    """Empty, or holding only what this tool writes there (older versions left no work folder)."""
    entries = list(folder.iterdir())
    if any(entry.name == WORK_FOLDER for entry in entries):
        return True
    if option == "--bronnen":
        return all((entry / "mkdocs.yml").is_file() for entry in entries)
    return all(entry.name in (DOCUMENTS_OUTPUT, SITE_OUTPUT, LETTERS_OUTPUT) for entry in entries)


def build(options: BuildOptions, progress: Progress = no_progress) -> BuildReport:
    """Build every selected school; raises InvalidInput before anything is written."""
    check_output_folders(options)
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
        try:
            with Swap(output_root(options)) as swap:
                _write(rendered, everything, options, report, progress, swap)
        except OSError as error:
            raise BuildFailed(
                f"kan niet schrijven naar {display_path(error.filename or output_root(options))}: {os_reason(error)}",
                os_hint(
                    error,
                    "kies met --uitvoer een map waarin je mag schrijven; eerder gemaakte bestanden zijn ongewijzigd",
                ),
            ) from None
    return report


def _board(everything: list[SchoolModel], built: set[str], swap: Swap) -> list[SchoolLink]:
    """Every school for the board index, each as its site now stands: a school not built in
    this run (refused, or left out with --school) keeps the name and status of its last build."""
    earlier = swap.previous_state().get("schools", {})
    board = []
    for school in everything:
        link = SchoolLink(school.id, school.policy.school.name, school.policy.document.status == "concept")
        last = earlier.get(school.id)
        if school.id not in built and isinstance(last, dict):
            link = SchoolLink(school.id, str(last.get("naam", link.school_name)), bool(last.get("concept")))
        board.append(link)
    return board


def _write(
    rendered: list[tuple[SchoolModel, RenderedSchool]],
    everything: list[SchoolModel],
    options: BuildOptions,
    report: BuildReport,
    progress: Progress,
    swap: Swap,
) -> None:
    """Stage every output of the run in `swap`, then put them all in place in one commit."""
    documents_root = output_root(options) / DOCUMENTS_OUTPUT
    writer = WordWriter()
    forms = FormWriter()  # internal forms: in the Word folder, never among the site's downloads
    files: dict[str, list[Path]] = {}
    staged_documents: dict[str, Path] = {}
    for school, texts in progress(rendered, "Word-bestanden"):
        folder = staged_documents[school.id] = swap.stage(documents_root / school.id)
        files[school.id] = writer.write(texts.documents, folder, master_for(school))
        forms.write(forms_context(school), folder / FORMS_OUTPUT, school.template_dirs)
    if options.pdf:
        by_folder = {folder: school_id for school_id, folder in staged_documents.items()}
        for path in pdf.convert_beside([path for paths in files.values() for path in paths]):
            files[by_folder[path.parent]].append(path)
    built = {school.id for school, _ in rendered}
    bundles: list[SiteBundle] = []
    if options.website:
        bundles = [site_bundle(texts, files[school.id], school.template_dirs) for school, texts in rendered]
        report.sites = site.write(
            bundles,
            output_root(options) / SITE_OUTPUT,
            files,
            BASE_CONFIG,
            board_templates=_board_templates(rendered[0][0]),
            board_schools=_board(everything, built, swap),
            progress=progress,
            swap=swap,
        )
    _refuse_foreign_files(swap)
    earlier = swap.previous_state().get("schools", {})
    swap.record(
        {
            "schools": {
                **earlier,
                **{
                    school.id: {
                        "naam": school.policy.school.name,
                        "concept": school.policy.document.status == "concept",
                    }
                    for school, _ in rendered
                },
            }
        }
    )
    with contextlib.ExitStack() as later:
        sources = None
        if bundles and options.sources is not None:
            sources = later.enter_context(Swap(options.sources))
            _export_sources(bundles, options.sources, files, sources)
        swap.commit()
        report.built.extend(school.id for school, _ in rendered)
        if sources is not None:
            sources.commit()


def _refuse_foreign_files(swap: Swap) -> None:
    """Replacing an output folder would delete files the tool did not write there: refuse instead."""
    foreign = swap.foreign_files()
    if foreign:
        shown = [display_path(path) for path in foreign[:5]]
        more = f" en nog {len(foreign) - 5}" if len(foreign) > 5 else ""
        raise BuildFailed(
            "in de uitvoer staan bestanden die schoolveiligheid niet heeft gemaakt: "
            + ", ".join(shown)
            + more,
            "verplaats ze naar een eigen map; de uitvoermappen worden bij elke bouw helemaal vervangen. "
            "Er is niets veranderd",
        )


def _board_templates(school: SchoolModel) -> tuple[Path, ...]:
    """The board's own template folder, for the board's index page (which names that school's board)."""
    return (school.board_templates,) if school.board_templates is not None else ()


def site_bundle(texts: RenderedSchool, files: list[Path], template_dirs: tuple[Path, ...] = ()) -> SiteBundle:
    """What the site writer gets for one school: its rendered texts, the names of its downloads and
    its own template folders (for its stylesheet)."""
    first = texts.documents[0].meta
    return SiteBundle(
        school_id=texts.school_id,
        school_name=first.school_name,
        board_name=first.board_name,
        meta=first,
        pages=texts.site_pages,
        documents=texts.documents,
        downloads=tuple(path.name for path in files),
        template_dirs=template_dirs,
    )


def _export_sources(
    bundles: list[SiteBundle], folder: Path, files: dict[str, list[Path]], swap: Swap
) -> None:
    """Stage each school's docs tree and mkdocs.yml, for building with Zensical (no MkDocs-only
    theme fixes); the caller commits them right after the build's own outputs."""
    for bundle in bundles:
        site.write_sources(
            bundle,
            swap.stage(folder / bundle.school_id),
            files[bundle.school_id],
            BASE_CONFIG,
            mkdocs_theme_fix=False,
        )
    _refuse_foreign_files(swap)
    swap.record({})


__all__ = ["BuildOptions", "BuildReport", "build"]
