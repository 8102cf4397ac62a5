"""The build of one school: render, check, Word files, forms, site. The unit every executor runs.

`build_school(job)` is a plain, picklable top-level function of a picklable job, so the same
unit runs in the build's own process, in a process pool (`bouw --werkers N`) and on a Dask
cluster (`bouw --dask ADRES`). The driver (build.py) validates the whole policy first, school
by school; each job names one school, which the unit loads again from its file, so no process
holds every school's model at once. The unit writes only into the staging paths the driver
gave it (or, with `ship`, into a private folder whose files it returns, for a worker on
another machine); the driver puts everything in place in one commit.

The unit never starts LibreOffice. With `pdf` it builds the site as it will be, its PDF downloads
held by empty stand-ins, and names the Word files still to convert; the driver converts every
school's files in one LibreOffice run and then calls `finish_pdfs` for each school, which puts the
PDFs and the Word files (whose table of contents the conversion filled in) in the site and packs
the archive.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .checks import Finding, check_rendered, check_school
from .clock import today
from .context import build_context
from .context.forms import forms_context
from .documents import PDF, SiteBundle
from .errors import BuildFailed, InvalidInput, Problem
from .model import SchoolModel, load_school
from .paths import BASE_CONFIG, FORMS_OUTPUT, MASTER_TEMPLATE, find_template
from .render import RenderedSchool, Renderer
from .writers import archive, site
from .writers.forms import FormWriter
from .writers.word import WordWriter, document_date


@dataclass(frozen=True, slots=True)
class SchoolJob:
    """One school to build, and where its outputs go (staging paths that do not exist yet)."""

    school_id: str
    source: Path  # the school's YAML file: the unit loads it again (a model per school, never all at once)
    boards: tuple[Path, ...]  # the board files of the policy folder
    documents: Path
    site: Path | None  # None: no website (--zonder-website)
    work: Path  # scratch folder for the site's Markdown sources
    sources: Path | None = None  # --bronnen: the school's exported site sources
    archive: Path | None = None  # --archief: the staged archief/<school>.zip of its site
    pdf: bool = False
    pdfa: bool = False
    ship: bool = False  # build in a private folder and return the files (a worker elsewhere)
    run: str = ""  # the build this job belongs to: a worker's renderer and writers serve one build only


@dataclass(frozen=True, slots=True)
class SchoolResult:
    """What the unit reports back: small, picklable, no rendered text."""

    school_id: str
    name: str
    concept: bool
    findings: tuple[Finding, ...]
    board_name: str = ""
    # What the build read besides the YAML: logo and own texts, and the template folders.
    input_files: tuple[Path, ...] = ()
    input_folders: tuple[Path, ...] = ()
    refused: bool = False
    downloads: tuple[str, ...] = ()  # the .docx/.pdf files of the documents folder
    # With `pdf`: the Word files (names in the documents folder) the driver still converts, and
    # the date the archive is packed with once the PDFs are in the site (finish_pdfs).
    to_convert: tuple[str, ...] = ()
    archive_date: datetime | None = None
    # With `ship`: every file written, as (output, relative path, bytes); output is
    # "documents", "site" or "sources".
    shipped: tuple[tuple[str, str, bytes], ...] = ()
    # A Dutch error raised in the unit, carried as data (InvalidInput's problems do not pickle
    # through its constructor): (message, hint) or the problems.
    failed: tuple[str, str] | None = None
    invalid: tuple[Problem, ...] = ()

    def raise_failure(self) -> None:
        """Raise the unit's error in the driver, as the in-process build would have."""
        if self.invalid:
            raise InvalidInput(self.invalid)
        if self.failed is not None:
            raise BuildFailed(*self.failed)


def master_for(school: SchoolModel) -> Path:
    """The master .docx: the school's or board's own when its template folder has one."""
    return find_template(MASTER_TEMPLATE, school.template_dirs)


def findings_for(school: SchoolModel, texts: RenderedSchool) -> list[Finding]:
    """What `controleer` reports and `bouw` acts on: the data and every generated text."""
    return check_school(school, today()) + check_rendered(school, texts.documents, texts.site_pages)


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


class _Tools:
    """The renderer and writers of this process for one build, used for every school of it (as a
    build in one process always did); a new build, here or on a long-lived Dask worker, gets new ones."""

    run: str | None = None
    renderer: Renderer | None = None
    word: WordWriter | None = None
    forms: FormWriter | None = None

    @classmethod
    def get(cls, run: str) -> tuple[Renderer, WordWriter, FormWriter]:
        if cls.run != run or cls.renderer is None or cls.word is None or cls.forms is None:
            cls.run, cls.renderer, cls.word, cls.forms = run, Renderer(), WordWriter(), FormWriter()
        return cls.renderer, cls.word, cls.forms


# One school at a time per process: MkDocs, matplotlib and the writers' caches are not made for
# threads, and a Dask worker runs its tasks in threads (as many as it has cores, by default).
_ONE_AT_A_TIME = threading.Lock()


def build_school(job: SchoolJob) -> SchoolResult:
    """Render, check and write one school into the job's staging paths; see the module's text."""
    with _ONE_AT_A_TIME, _collected_after():
        return _build_school_safely(job)


@contextlib.contextmanager
def _collected_after() -> Iterator[None]:
    """Collect the garbage of one school's build when it ends, and only that.

    python-docx and docxtpl objects sit in reference cycles holding whole XML trees, which
    Python collects rarely: collecting after each school keeps memory flat. Everything alive
    before the school (modules, compiled templates, a test run's fixtures) is frozen first, so
    the collection walks this school's objects only instead of the whole process each time.
    """
    gc.freeze()
    try:
        yield
    finally:
        try:
            gc.collect()
        finally:
            gc.unfreeze()  # also when the collection is interrupted: never leave the heap frozen


def _build_school_safely(job: SchoolJob) -> SchoolResult:
    try:
        return _build_school(job)
    except InvalidInput as error:
        return _failure(job, invalid=error.problems)
    except BuildFailed as error:
        return _failure(job, failed=(error.message, error.hint))


def _failure(
    job: SchoolJob, *, failed: tuple[str, str] | None = None, invalid: tuple[Problem, ...] = ()
) -> SchoolResult:
    return SchoolResult(
        job.school_id,
        "",
        False,
        (),
        "",
        failed=failed,
        invalid=invalid,
    )


def _build_school(job: SchoolJob) -> SchoolResult:
    school = load_school(job.source, job.boards)
    renderer, word, forms = _Tools.get(job.run)
    texts = renderer.render_school(build_context(school, pdf=job.pdf), school.template_dirs)
    findings = tuple(findings_for(school, texts))
    result = SchoolResult(
        school.id,
        school.policy.school.name,
        school.policy.document.status == "concept",
        findings,
        texts.documents[0].meta.board_name if texts.documents else "",
        tuple(
            path.resolve()
            for path in ([school.logo] if school.logo else [])
            + [Path(text.file) for text in school.own_texts]
        ),
        tuple(folder.resolve() for folder in school.template_dirs),
    )
    if school.policy.document.status == "vastgesteld" and any(f.severity == "fout" for f in findings):
        return dataclasses.replace(result, refused=True)
    if job.pdf:
        result = dataclasses.replace(
            result, archive_date=document_date(texts.documents[0].meta) if job.archive is not None else None
        )
    if not job.ship:
        files = _write(
            job, school, texts, word, forms, job.documents, job.site, job.work, job.sources, job.archive
        )
        return _written(result, files, job.pdf)
    with tempfile.TemporaryDirectory(prefix="schoolveiligheid-") as private:
        own = Path(private)
        outputs = {
            "documents": own / "documents",
            "site": own / "site",
            "sources": own / "sources",
            "archive": own / "archive",
        }
        files = _write(
            job,
            school,
            texts,
            word,
            forms,
            outputs["documents"],
            outputs["site"] if job.site is not None else None,
            own / "work",
            outputs["sources"] if job.sources is not None else None,
            outputs["archive"] / job.archive.name if job.archive is not None else None,
        )
        shipped = tuple(
            (output, path.relative_to(folder).as_posix(), path.read_bytes())
            for output, folder in outputs.items()
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        )
    return dataclasses.replace(_written(result, files, job.pdf), shipped=shipped)


def _written(result: SchoolResult, files: list[Path], pdf: bool) -> SchoolResult:
    """The result with the school's downloads: its Word files and, with `pdf`, the PDFs to come."""
    if not pdf:
        return dataclasses.replace(result, downloads=tuple(path.name for path in files))
    return dataclasses.replace(
        result,
        downloads=tuple(path.name for path in [*files, *_pdfs_of(files)]),
        to_convert=tuple(path.name for path in files),
    )


def _pdfs_of(files: list[Path]) -> list[Path]:
    """The PDF of each Word file: <stem>.pdf beside it."""
    return [path.with_suffix(PDF) for path in files]


def _write(
    job: SchoolJob,
    school: SchoolModel,
    texts: RenderedSchool,
    word: WordWriter,
    forms: FormWriter,
    documents: Path,
    site_stage: Path | None,
    work: Path,
    sources: Path | None,
    archive_stage: Path | None,
) -> list[Path]:
    """Write the school's Word files and forms, and its site; return the Word files. With `job.pdf`
    the site offers the PDFs the driver makes later, as empty stand-ins until finish_pdfs."""
    documents.mkdir(parents=True)
    files = word.write(texts.documents, documents, master_for(school), school.logo)
    forms.write(forms_context(school), documents / FORMS_OUTPUT, school.template_dirs)
    if site_stage is None and sources is None:
        return files
    with _stand_ins(files if job.pdf else [], work.parent) as pdfs:
        downloads = [*files, *pdfs]
        bundle = site_bundle(texts, downloads, school.template_dirs)
        if site_stage is not None:
            site.write_school(bundle, site_stage, work, downloads, BASE_CONFIG)
            if archive_stage is not None and not job.pdf:  # with PDFs: packed by finish_pdfs
                archive_stage.parent.mkdir(parents=True, exist_ok=True)
                archive.write(site_stage, archive_stage, document_date(texts.documents[0].meta))
        if sources is not None:
            site.write_sources(bundle, sources, downloads, BASE_CONFIG, mkdocs_theme_fix=False)
    return files


@contextlib.contextmanager
def _stand_ins(files: list[Path], scratch: Path) -> Iterator[list[Path]]:
    """An empty file named like the PDF of each Word file, in a folder of its own that is removed
    afterwards: what the site's download links point to until finish_pdfs puts the real PDFs there."""
    if not files:
        yield []
        return
    with tempfile.TemporaryDirectory(prefix="pdf-", dir=scratch) as folder:
        stand_ins = [Path(folder) / path.name for path in _pdfs_of(files)]
        for stand_in in stand_ins:
            stand_in.touch()
        yield stand_ins


def pdf_pairs(job: SchoolJob, result: SchoolResult) -> list[tuple[Path, Path]]:
    """The (Word file, PDF) pairs the driver converts for a school: the PDF beside its Word file."""
    return [(job.documents / name, (job.documents / name).with_suffix(PDF)) for name in result.to_convert]


def finish_pdfs(job: SchoolJob, result: SchoolResult) -> None:
    """After the driver's conversion: the PDFs and the Word files (the conversion filled in their
    table of contents) replace their stand-ins and first copies in the site and the exported
    sources, byte for byte the files of the documents folder; then the archive is packed."""
    names = [*result.to_convert, *(Path(name).with_suffix(PDF).name for name in result.to_convert)]
    folders = []
    if job.site is not None:
        folders.append(job.site / site.DOWNLOADS)
    if job.sources is not None:
        folders.append(job.sources / "docs" / site.DOWNLOADS)
    for folder in folders:
        for name in names:
            target = folder / name
            if not target.is_file():  # the site offers every download it was given: a bug if not
                raise BuildFailed(f"de website mist het downloadbestand {name}", "bouw opnieuw met --opnieuw")
            shutil.copyfile(job.documents / name, target)
    if job.archive is not None and job.site is not None and result.archive_date is not None:
        job.archive.parent.mkdir(parents=True, exist_ok=True)
        archive.write(job.site, job.archive, result.archive_date)


def unpack(result: SchoolResult, targets: dict[str, Path | None]) -> None:
    """Write the files a worker elsewhere shipped into the driver's staging paths."""
    for output, relative, data in result.shipped:
        folder = targets.get(output)
        if folder is None:
            continue
        path = folder / relative
        if not path.resolve().is_relative_to(folder.resolve()):
            raise BuildFailed(f"een werker stuurde een onverwacht bestand: {relative}", "bouw opnieuw")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        path.chmod(0o644)


def remove_partial(job: SchoolJob) -> None:
    """Clear what a failed or refused school left in its staging paths."""
    for folder in (job.documents, job.site, job.work, job.sources):
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    if job.archive is not None:
        job.archive.unlink(missing_ok=True)
