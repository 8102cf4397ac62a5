"""The build: policy folder in, Word files (and PDFs) and websites out. Stage everything, swap once.

The driver loads and validates the whole policy once, then hands each school to
the per-school unit (school_build.build_school: render, check, Word files, forms,
site), in this process, in a pool of processes (`--werkers`) or on a Dask cluster
(`--dask`). Every unit writes into the run's staging area and keeps nothing in
memory; the driver then puts all outputs in place in one commit (files.Swap).
With --pdf the driver converts the Word files of every school in one LibreOffice
run, after the schools are built and before the commit (_make_pdfs). Invalid
input, a failing school or a failing LibreOffice therefore leaves every earlier
output exactly as it was. A rebuild skips the schools whose inputs and outputs
are unchanged, decided from hashes before anything is loaded (incremental.py);
`--opnieuw` builds them all.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .clock import today
from .documents import SchoolLink
from .errors import BuildFailed, InvalidInput, Problem, display_path
from .files import WORK_FOLDER, Swap, os_hint, os_reason
from .paths import (
    ARCHIVE_OUTPUT,
    DOCUMENTS_OUTPUT,
    LETTERS_OUTPUT,
    PROTECTED_FOLDERS,
    ROOT,
    SITE_OUTPUT,
)
from .progress import Progress, no_progress

# Imported where used: a rebuild with nothing to do never loads the policy, Jinja, python-docx or MkDocs.
if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .checks import Finding
    from .documents import SiteBundle
    from .model import SchoolModel
    from .render import RenderedSchool
    from .school_build import SchoolJob, SchoolResult

__all__ = [
    "BuildOptions",
    "BuildReport",
    "build",
    "check_all",
    "findings_for",
    "master_for",
    "site_bundle",
    "today",
]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What to build, from where, to where."""

    policy: Path
    output_root: Path | None = None  # None: the project folder (documenten/ and site/ beside policy/)
    pdf: bool = False
    pdfa: bool = False  # the PDFs also as PDF/A-2b, for archiving
    website: bool = True
    only: tuple[str, ...] = ()  # school ids; empty means every school
    sources: Path | None = None  # also export each site's Markdown tree here (to build with Zensical)
    archive: bool = False  # also each school's site as archief/<school>.zip, ready to upload
    full: bool = False  # --opnieuw: build every school, also those unchanged since the last build
    workers: int = 1  # schools built at once, each in a process of its own; 1: in this process
    dask: str | None = None  # the address of a Dask scheduler whose workers build the schools


@dataclass(slots=True)
class BuildReport:
    """What a build produced and what it refused."""

    built: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # adopted schools with a finding "fout"
    skipped: list[str] = field(default_factory=list)  # unchanged since the last build: left as they are
    findings: list[Finding] = field(default_factory=list)
    sites: list[Path] = field(default_factory=list)
    pdf_documents: int = 0  # PDFs made in this run, all in one LibreOffice run
    pdf_seconds: float = 0.0  # how long that LibreOffice run took, start to stop

    @property
    def seconds_per_pdf(self) -> float:
        """The LibreOffice run's seconds per PDF (0 when none were made)."""
        return self.pdf_seconds / self.pdf_documents if self.pdf_documents else 0.0

    @property
    def ok(self) -> bool:
        """True when every school was built."""
        return not self.refused


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


S = TypeVar("S", bound=_HasId)


@dataclass(frozen=True, slots=True)
class SchoolRef:
    """What the driver keeps of a validated school: never its whole model (see validate_folder)."""

    id: str
    name: str
    concept: bool
    source: Path
    board_templates: Path | None


def validate_folder(policy: Path) -> tuple[list[SchoolRef], tuple[Path, ...]]:
    """Validate every school of the policy folder, one at a time, as `load_schools` would; return
    what the build keeps of each, and the board files. Raises InvalidInput with every problem.

    Only one school's model is in memory at a time: a board of 1,000 schools validates in the
    memory of one (the whole folder at once would hold about 0.45 MiB per school).
    """
    from .load import read_policy_files, read_policy_folder, yaml_files
    from .model import duplicate_id, load_school

    if not policy.is_dir():
        read_policy_folder(policy)  # raises the Dutch error for a missing folder
    school_files: list[Path] = []
    boards: list[Path] = []
    problems: dict[Problem, None] = {}
    for path in yaml_files(policy):
        try:
            files = read_policy_files([path])
        except InvalidInput as error:
            problems.update(dict.fromkeys(error.problems))
            continue
        (school_files if files.schools else boards).append(path)
    if problems:  # as load_schools: unreadable or wrong files first, on their own
        raise InvalidInput(problems)
    if not school_files:
        read_policy_folder(policy)  # raises: this folder holds no school file
    refs: list[SchoolRef] = []
    seen: dict[str, str] = {}
    for path in school_files:
        try:
            model = load_school(path, tuple(boards))
        except InvalidInput as error:
            problems.update(dict.fromkeys(error.problems))
            continue
        if model.id in seen:
            problems[duplicate_id(model.policy.school.mark_of("id"), model.id, seen[model.id])] = None
            continue
        seen[model.id] = str(path)
        refs.append(
            SchoolRef(
                model.id,
                model.policy.school.name,
                model.policy.document.status == "concept",
                path,
                model.board_templates,
            )
        )
        del model
    if problems:
        raise InvalidInput(problems)
    return refs, tuple(boards)


def select(schools: list[S], only: Iterable[str]) -> list[S]:
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
    from .school_build import master_for as master

    return master(school)


def findings_for(school: SchoolModel, texts: RenderedSchool) -> list[Finding]:
    """What `controleer` reports and `bouw` acts on: the data and every generated text."""
    from .school_build import findings_for as findings

    return findings(school, texts)


def site_bundle(texts: RenderedSchool, files: list[Path], template_dirs: tuple[Path, ...] = ()) -> SiteBundle:
    """What the site writer gets for one school (see school_build.site_bundle)."""
    from .school_build import site_bundle as bundle

    return bundle(texts, files, template_dirs)


def check_all(schools: Iterable[SchoolModel]) -> list[Finding]:
    """Findings of every school; renders each school in memory, writes nothing."""
    from .context import build_context
    from .render import Renderer

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
    if options.archive and not options.website:
        problems.append(
            Problem(
                "", None, "--archief", "--archief maakt een zip van de website", "laat --zonder-website weg"
            )
        )
    if options.sources is not None:
        sources, root = options.sources.resolve(), output_root(options).resolve()
        for published in (root / SITE_OUTPUT, root / DOCUMENTS_OUTPUT, root / ARCHIVE_OUTPUT):
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
    return all(
        entry.name in (DOCUMENTS_OUTPUT, SITE_OUTPUT, LETTERS_OUTPUT, ARCHIVE_OUTPUT) for entry in entries
    )


def build(options: BuildOptions, progress: Progress = no_progress) -> BuildReport:
    """Build every selected school; raises InvalidInput before anything is written.

    Unless `options.full`, a school whose inputs and outputs are unchanged since the last
    build is skipped (report.skipped), decided from hashes before the policy is loaded.
    """
    check_output_folders(options)
    root = output_root(options)
    report = BuildReport()
    skip: frozenset[str] = frozenset()
    if not options.full and options.sources is None:  # an export elsewhere is always made whole
        from . import incremental

        plan = incremental.plan(
            options.policy, root, _option_values(options), options.only, website=options.website
        )
        if plan.nothing_to_do:
            report.skipped = list(plan.wanted)
            return report
        skip = plan.skip
    everything, boards = validate_folder(options.policy)
    schools = select(everything, options.only)
    report.skipped = [school.id for school in schools if school.id in skip]
    to_build = [school for school in schools if school.id not in skip]
    if options.pdf and to_build:
        _find_libreoffice()  # a missing LibreOffice is said before the schools are built, not after
    try:
        # The workers start before the lock is taken, so none of them holds it after a kill -9.
        with (
            _executor(options, len(to_build)) as executor,
            Swap(root) as swap,
            contextlib.ExitStack() as later,
        ):
            sources = None
            if options.sources is not None:
                sources = later.enter_context(Swap(options.sources))
            run = uuid.uuid4().hex  # this build, for the workers' renderer and writers
            jobs = [_job(school, boards, options, swap, sources, run) for school in to_build]
            _refuse_foreign_files(swap)
            if sources is not None:
                _refuse_foreign_files(sources)
            results = _run(jobs, executor, options, progress)
            if all(result.refused for result in results) and (jobs or not options.website):
                # nothing built (every school refused): nothing is replaced
                report.refused.extend(result.school_id for result in results)
                report.findings.extend(finding for result in results for finding in result.findings)
                return report
            if options.pdf:
                _make_pdfs(jobs, results, options, report)
            _finish(results, jobs, everything, boards, options, report, swap)
            swap.commit()
            report.built.extend(result.school_id for result in results if not result.refused)
            if sources is not None:
                sources.record({})
                sources.commit()
    except OSError as error:
        raise BuildFailed(
            f"kan niet schrijven naar {display_path(error.filename or root)}: {os_reason(error)}",
            os_hint(
                error,
                "kies met --uitvoer een map waarin je mag schrijven; eerder gemaakte bestanden zijn ongewijzigd",
            ),
        ) from None
    return report


def _option_values(options: BuildOptions) -> dict[str, Any]:
    """The options that change a school's outputs (part of its input key)."""
    return {"pdf": options.pdf, "pdfa": options.pdfa, "website": options.website, "archive": options.archive}


def _job(
    school: SchoolRef,
    boards: tuple[Path, ...],
    options: BuildOptions,
    swap: Swap,
    sources: Swap | None,
    run: str,
) -> SchoolJob:
    from .school_build import SchoolJob

    root = output_root(options)
    return SchoolJob(
        school_id=school.id,
        source=school.source,
        boards=boards,
        documents=swap.stage(root / DOCUMENTS_OUTPUT / school.id),
        site=swap.stage(root / SITE_OUTPUT / school.id) if options.website else None,
        work=swap.area / f"bron-{school.id}",
        sources=sources.stage(options.sources / school.id) if sources and options.sources else None,
        archive=swap.stage(root / ARCHIVE_OUTPUT / f"{school.id}.zip")
        if options.archive and options.website
        else None,
        pdf=options.pdf,
        pdfa=options.pdfa,
        ship=options.dask is not None,
        run=run,
    )


def default_workers() -> int:
    """`--werkers` when not given: the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _run(
    jobs: list[SchoolJob], executor: Executor | None, options: BuildOptions, progress: Progress
) -> list[SchoolResult]:
    """Run the per-school unit for every job on the chosen executor; results in job order.

    Each result is small (findings, file names); a worker elsewhere (Dask) ships its files,
    which are written into the staging area at once and dropped, so memory stays flat.
    """
    from .school_build import build_school, remove_partial, unpack

    futures: list[Any] = [None] * len(jobs)
    if executor is not None:
        futures = [executor.submit(build_school, job) for job in jobs]
    results: list[SchoolResult] = []
    try:
        label = "Teksten en controles, Word-bestanden" + (" en websites" if options.website else "")
        for number in progress(range(len(jobs)), label):
            job = jobs[number]
            result = build_school(job) if executor is None else futures[number].result()
            futures[number] = None  # release the result (and shipped files) as soon as it is used
            result.raise_failure()
            if result.refused:
                remove_partial(job)
            elif result.shipped:
                unpack(result, _targets(job))
                result = _without_files(result)
            results.append(result)
    except BaseException:
        for future in futures:
            if future is not None:
                future.cancel()
        if executor is not None:  # let running schools end before the staging area is cleared
            executor.shutdown(wait=True)
        raise
    return results


def _find_libreoffice() -> None:
    """Raise ToolMissing, with the install hint, when there is no LibreOffice or no Python with uno."""
    from .writers import pdf

    pdf.find_uno_python(pdf.find_soffice())


def _make_pdfs(
    jobs: list[SchoolJob], results: list[SchoolResult], options: BuildOptions, report: BuildReport
) -> None:
    """Every built school's Word files to PDF in one LibreOffice run, into the staging area; then each
    school's site gets its PDFs (and the Word files whose table of contents the run filled in) and
    its archive. All or nothing: a failure raises before the commit."""
    from .school_build import finish_pdfs, pdf_pairs
    from .writers import pdf

    built = [(job, result) for job, result in zip(jobs, results, strict=True) if not result.refused]
    pairs = [pair for job, result in built for pair in pdf_pairs(job, result)]
    started = time.perf_counter()
    pdf.convert_pairs(pairs, pdfa=options.pdfa)
    report.pdf_seconds = time.perf_counter() - started
    report.pdf_documents = len(pairs)
    for job, result in built:
        finish_pdfs(job, result)


def _targets(job: SchoolJob) -> dict[str, Path | None]:
    return {
        "documents": job.documents,
        "site": job.site,
        "sources": job.sources,
        "archive": job.archive.parent if job.archive is not None else None,
    }


def _without_files(result: SchoolResult) -> SchoolResult:
    import dataclasses

    return dataclasses.replace(result, shipped=())


@contextlib.contextmanager
def _executor(options: BuildOptions, count: int) -> Iterator[Executor | None]:
    """None: build in this process. Else a process pool or a Dask cluster's executor."""
    if options.dask is not None:
        with _dask_executor(options.dask) as executor:
            yield executor
        return
    workers = min(options.workers, count)
    if workers <= 1:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork (Linux): the workers start at once with everything this process has loaded already.
    method = "fork" if sys.platform == "linux" else None
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context(method), initializer=_worker_start
    )
    try:
        pool.submit(int).result()  # start the workers now (fork starts all of them at the first task)
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_start() -> None:
    """In each worker process: end with the build, even on kill -9 (Linux), so no worker writes
    on in a staging area that the next run clears; a Ctrl-C is the build's to handle."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)


# How long to keep trying to reach a Dask scheduler before giving up with a Dutch error.
DASK_CONNECT_SECONDS = 10


@contextlib.contextmanager
def _dask_executor(address: str) -> Iterator[Executor]:
    try:
        from distributed import Client  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise BuildFailed(
            "--dask heeft het pakket 'distributed' nodig en dat is niet geïnstalleerd",
            "installeer het met: pip install 'schoolveiligheid[dask]'",
        ) from None
    try:
        client = Client(address, timeout=DASK_CONNECT_SECONDS, set_as_default=False)  # type: ignore[no-untyped-call, unused-ignore]
    except (OSError, TimeoutError, ValueError) as error:
        raise BuildFailed(
            f"kan de Dask-scheduler op {address} niet bereiken ({type(error).__name__})",
            "controleer het adres (bijvoorbeeld tcp://192.168.1.10:8786) en of de scheduler draait",
        ) from None
    try:
        yield client.get_executor()  # type: ignore[no-untyped-call, unused-ignore]
    finally:
        client.close()  # type: ignore[no-untyped-call, unused-ignore]


def _finish(
    results: list[SchoolResult],
    jobs: list[SchoolJob],
    everything: list[SchoolRef],
    board_files: tuple[Path, ...],
    options: BuildOptions,
    report: BuildReport,
    swap: Swap,
) -> None:
    """After every school: the board index, removed archives, and the record of this run."""
    from . import incremental

    root = output_root(options)
    report.findings.extend(finding for result in results for finding in result.findings)
    report.refused.extend(result.school_id for result in results if result.refused)
    built = {result.school_id for result in results if not result.refused}
    earlier = swap.previous_state()
    beleid = earlier.get("beleid", {}) if isinstance(earlier.get("beleid"), dict) else {}
    board_name = next((r.board_name for r in results if not r.refused), str(beleid.get("bestuur", "")))
    index = None
    if options.website:
        from .writers import site

        report.sites = [root / SITE_OUTPUT / school_id for school_id in sorted(built)]
        index = site.board_index(
            root / SITE_OUTPUT,
            board_name,
            _board(everything, built, swap),
            built,
            swap,
            board_templates=_board_templates(everything[0]),
        )
        if index is not None:
            report.sites.append(index)
    if not options.archive:
        for school_id in built:  # an earlier zip would no longer match the site this run replaces
            old = root / ARCHIVE_OUTPUT / f"{school_id}.zip"
            if old.is_file():
                swap.remove(old)
    boards = [path.resolve() for path in board_files]
    values = _option_values(options)
    schools = dict(earlier.get("schools", {}))
    for job, result in zip(jobs, results, strict=True):
        if result.refused:
            continue
        inputs = incremental.SchoolInputs(job.source.resolve(), result.input_files, result.input_folders)
        outputs = {DOCUMENTS_OUTPUT: incremental.output_record(job.documents)}
        if job.site is not None:
            outputs[SITE_OUTPUT] = incremental.output_record(job.site)
        schools[job.school_id] = {
            "naam": result.name,
            "concept": result.concept,
            "invoer": incremental.record_inputs(inputs),
            "sleutel": incremental.input_key(inputs, boards, values),
            "uitvoer": outputs,
        }
    staged_index = swap.staged(index) if index is not None else None
    swap.record(
        {
            "schools": schools,
            "beleid": {
                "map": str(options.policy.resolve()),
                "yaml": [str(path) for path in incremental.policy_yaml(options.policy)],
                "bronnen": [str(school.source.resolve()) for school in everything],
                "scholen": [school.id for school in everything],
                "bestuur": board_name,
                "index": incremental.file_record(staged_index) if staged_index is not None else None,
            },
        }
    )


def _board(everything: list[SchoolRef], built: set[str], swap: Swap) -> list[SchoolLink]:
    """Every school for the board index, each as its site now stands: a school not built in
    this run (refused, or left out with --school) keeps the name and status of its last build."""
    earlier = swap.previous_state().get("schools", {})
    board = []
    for school in everything:
        link = SchoolLink(school.id, school.name, school.concept)
        last = earlier.get(school.id)
        if school.id not in built and isinstance(last, dict):
            link = SchoolLink(school.id, str(last.get("naam", link.school_name)), bool(last.get("concept")))
        board.append(link)
    return board


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


def _board_templates(school: SchoolRef) -> tuple[Path, ...]:
    """The board's own template folder, for the board's index page (which names that school's board)."""
    return (school.board_templates,) if school.board_templates is not None else ()
