"""Speed and scale (issue 15): every goal of the issue's table against its baseline, in one run.

Run from the repository root:

    .venv/bin/python benchmarks/bench_scale.py [--scholen 200] [--herhalingen 3] [--groot] [--snel]

The benchmark makes its own board in a temporary folder: the example's board file
and copies of the example schools (De Vlinderboom, De Zonnewijzer, De Kompasroos in
turn) with new ids and names. Every measurement is a whole process (a `bouw`, a
`mkdocs build`, or this script in a helper role that times one stage of a build),
baseline and candidate alternate, and the table shows medians of `--herhalingen`
repeats with the spread (lowest-highest) and the ratio against the issue's target:

    P1  one school, everything, cold process     vs a bare `mkdocs build` of its exported sources
    P2  Word stage, N schools                    vs a fresh DocxTemplate + Jinja environment per document
    P2b Word stage, N schools                    vs pandoc md->docx, one process per document (if installed)
    P3  N school sites                           vs one `mkdocs build` process per school
    P4  rebuild with nothing changed             vs the full build
    P5  peak memory (RSS of the build process)   at 10 / 50 / 200 schools (and 1,000 with --groot)
    PDF seconds per document with `bouw --pdf`, and LibreOffice started once (with --pdf)

For P1, P2 and P3 the table also prints the bound that sharing work can reach at all: the same
stage a second time in one process, for a copy of the board with every school renamed, with
everything that can be done once already done (templates compiled, theme listed, master document
loaded, charts of the same data drawn) and only each document's or site's own work left; MkDocs
builds every site anew then. For P1, a cold process, the bound adds the time a
process takes to import what a build imports (measured by importing exactly those modules). A
target beyond its bound cannot be met by doing work once, only by doing less of the work itself.

`--snel` runs everything with tiny sizes, once: a smoke test that every row is
printed, not a measurement. The machine is shared by whatever else runs on it;
alternating and medians take the edge off, not all of it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "generate.py"
EXAMPLE_SCHOOLS = ("vlinderboom", "zonnewijzer", "kompasroos")
MIB = 1024 * 1024


# ---------------------------------------------------------------------------- the synthetic board


def make_board(folder: Path, count: int) -> Path:
    """folder/policy with the example's board file and `count` copies of the example schools."""
    policy = folder / "policy"
    shutil.copytree(ROOT / "policy", policy)
    sources = {name: (policy / f"{name}.yaml").read_text(encoding="utf-8") for name in EXAMPLE_SCHOOLS}
    for name in EXAMPLE_SCHOOLS:
        (policy / f"{name}.yaml").unlink()
    for number in range(count):
        name = EXAMPLE_SCHOOLS[number % len(EXAMPLE_SCHOOLS)]
        school_id = f"school-{number:04d}"
        text = sources[name].replace(f"  id: {name}\n", f"  id: {school_id}\n", 1)
        text = text.replace("  naam: ", f"  naam: School {number:04d} ", 1)
        (policy / f"{school_id}.yaml").write_text(text, encoding="utf-8")
    return policy


# ---------------------------------------------------------------------------- running processes


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_rss: int  # bytes: the largest resident set of the process (and the children it waited for)
    output: str


def run(command: Sequence[str | Path]) -> Run:
    """Run a whole process; its wall time and its own peak memory (wait4, not the running maximum)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(part) for part in command],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"mislukt ({process.returncode}): {' '.join(map(str, command))}\n{output[-3000:]}")
    return Run(seconds, usage.ru_maxrss * 1024, output)


def bouw(policy: Path, out: Path, *extra: str | Path) -> Run:
    return run([sys.executable, GENERATE, "bouw", "--policy", policy, "--uitvoer", out, *extra])


def stage(role: str, policy: Path, out: Path, *extra: str | Path) -> float:
    """This script as a helper process that builds `policy` and times one stage; its seconds."""
    result = run([sys.executable, __file__, "--rol", role, "--policy", policy, "--uitvoer", out, *extra])
    return float(json.loads(result.output.strip().splitlines()[-1])["seconden"])


class Fresh:
    """New, empty folders under one root: every full build gets its own (an incremental build
    would otherwise skip it)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def __call__(self, name: str) -> Path:
        self.count += 1
        return self.root / f"{name}-{self.count}"

    def once(self, name: str, measure: Callable[[Path], float]) -> float:
        """Measure into a fresh folder and remove it afterwards (200 sites fill a disk quickly)."""
        folder = self(name)
        try:
            return measure(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def alternate(
    repeats: int, baseline: Callable[[], float], candidate: Callable[[], float]
) -> tuple[list[float], list[float]]:
    """Baseline and candidate in turn, `repeats` times each."""
    base, cand = [], []
    for _ in range(repeats):
        base.append(baseline())
        cand.append(candidate())
    return base, cand


# ---------------------------------------------------------------------------- helper roles


def _rendered(policy: Path) -> list[tuple[object, object]]:
    from schoolveiligheid.context import build_context
    from schoolveiligheid.model import load_schools
    from schoolveiligheid.render import Renderer

    renderer = Renderer()
    return [
        (school, renderer.render_school(build_context(school), school.template_dirs))
        for school in load_schools(policy)
    ]


def _write_word(
    rendered: list[tuple[object, object]], out: Path, naive: bool, writer: object = None
) -> dict[str, list[Path]]:
    from schoolveiligheid.paths import MASTER_TEMPLATE, find_template
    from schoolveiligheid.writers.word import WordWriter

    files: dict[str, list[Path]] = {}
    writer = writer or WordWriter()
    for school, texts in rendered:
        folder = out / school.id  # type: ignore[attr-defined]
        master = find_template(MASTER_TEMPLATE, school.template_dirs)  # type: ignore[attr-defined]
        if naive:  # a fresh DocxTemplate and Jinja environment for every document
            files[school.id] = [  # type: ignore[attr-defined]
                path
                for document in texts.documents  # type: ignore[attr-defined]
                for path in WordWriter().write([document], folder, master)
            ]
        else:
            files[school.id] = writer.write(texts.documents, folder, master)  # type: ignore[attr-defined]
    return files


def _renamed(policy: Path, folder: Path) -> Path:
    """A copy of the board with every school renamed: the same templates but other texts, so that
    nothing kept by content (parsed YAML, validated policies, converted Markdown) serves a second
    pass, only what is shared by right (compiled templates, the theme, the master document)."""
    copy = folder / "policy"
    shutil.copytree(policy, copy)
    for path in copy.glob("school-*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("  naam: School ", "  naam: Andere school ", 1), encoding="utf-8")
    return copy


def _pandoc(rendered: list[tuple[object, object]], out: Path) -> None:
    for school, texts in rendered:
        folder = out / school.id  # type: ignore[attr-defined]
        folder.mkdir(parents=True)
        for document in texts.documents:  # type: ignore[attr-defined]
            markdown = "\n\n".join(chapter.markdown for chapter in document.chapters)
            subprocess.run(
                ["pandoc", "-f", "markdown", "-o", str(folder / f"{document.file_stem}.docx")],
                input=markdown.encode("utf-8"),
                check=True,
            )


def _write_sites(rendered: list[tuple[object, object]], files: dict[str, list[Path]], out: Path) -> None:
    from schoolveiligheid.documents import SiteBundle
    from schoolveiligheid.paths import BASE_CONFIG
    from schoolveiligheid.writers import site

    bundles = []
    for school, texts in rendered:  # what the build driver hands the site writer (its internals may move)
        meta = texts.documents[0].meta  # type: ignore[attr-defined]
        bundles.append(
            SiteBundle(
                school_id=texts.school_id,  # type: ignore[attr-defined]
                school_name=meta.school_name,
                board_name=meta.board_name,
                meta=meta,
                pages=texts.site_pages,  # type: ignore[attr-defined]
                documents=texts.documents,  # type: ignore[attr-defined]
                downloads=tuple(path.name for path in files[school.id]),  # type: ignore[attr-defined]
                template_dirs=school.template_dirs,  # type: ignore[attr-defined]
            )
        )
    site.write(bundles, out / "site", files, BASE_CONFIG)


def _second_build(policy: Path, out: Path, modules: Path | None) -> float:
    """A whole `bouw` of `policy` in this process, then the seconds of a second one of its renamed
    copy. With `modules`, the names of the modules the build imported go there, in import order."""
    before = set(sys.modules)
    from schoolveiligheid.cli import main
    from schoolveiligheid.writers import site

    for board, folder in ((policy, out / "eerst"), (_renamed(policy, out / "andere"), out / "tweede")):
        site._BUILT_SITES = site._BuiltSites(limit=0)  # MkDocs builds the site every time
        start = time.perf_counter()
        if main(["bouw", "--policy", str(board), "--uitvoer", str(folder)]) != 0:
            raise SystemExit("de bouw in het hulpproces mislukte")
    seconds = time.perf_counter() - start
    if modules is not None:
        modules.write_text(json.dumps([name for name in sys.modules if name not in before]), encoding="utf-8")
    return seconds


def _import_all(modules: Path) -> None:
    """Import what a build imports, in its order: a cold process cannot start building before this."""
    import importlib

    for name in json.loads(modules.read_text(encoding="utf-8")):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 - a private alias that cannot be imported by name
            continue


def helper(role: str, policy: Path, out: Path, modules: Path | None = None) -> None:
    """Load and render untimed, then time one stage; print {"seconden": ...} as the last line.

    The roles ending in "-vol" run their stage once untimed first and time a second run, of the
    board with every school renamed, in the same process: the bound that doing work once can reach
    (see the module's docstring)."""
    sys.path.insert(0, str(ROOT))
    if role == "bouw-vol":
        print(json.dumps({"seconden": _second_build(policy, out, modules)}))
        return
    if role == "importeren":
        assert modules is not None
        _import_all(modules)
        return
    from schoolveiligheid.writers.word import WordWriter

    writer = WordWriter()  # one writer for both passes, as one build has
    rendered = _rendered(policy)
    if role == "word-vol":
        _write_word(rendered, out / "eerst", naive=False, writer=writer)
    elif role == "website-vol":
        from schoolveiligheid.writers import site

        site._BUILT_SITES = site._BuiltSites(limit=0)  # MkDocs builds every site again
        _write_sites(
            rendered, _write_word(rendered, out / "eerst", naive=False, writer=writer), out / "eerst"
        )
    if role.endswith("-vol"):
        rendered = _rendered(_renamed(policy, out / "andere"))
    start = time.perf_counter()
    if role in ("word", "word-vol"):
        _write_word(rendered, out / "documenten", naive=False, writer=writer)
    elif role == "word-naief":
        _write_word(rendered, out / "documenten", naive=True)
    elif role == "pandoc":
        _pandoc(rendered, out / "documenten")
    elif role in ("website", "website-vol"):
        files = _write_word(rendered, out / "documenten", naive=False, writer=writer)
        start = time.perf_counter()  # the site stage only; mkdocs is imported inside it
        _write_sites(rendered, files, out)
    else:
        raise SystemExit(f"onbekende rol {role}")
    print(json.dumps({"seconden": time.perf_counter() - start}))


# ---------------------------------------------------------------------------- the table


@dataclass(slots=True)
class Row:
    goal: str
    baseline: str
    figure: str
    target: str
    met: bool | None
    bound: str = "—"  # what doing work once can reach at best (P1, P2, P3)


def spread(values: Sequence[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}" if len(values) > 1 else f"{values[0]:.2f}"


def faster(
    goal: str,
    baseline: str,
    base: list[float],
    cand: list[float],
    target: float,
    floor: list[float] | None = None,
) -> Row:
    """A row for 'the candidate is at least `target` times faster than the baseline'; with `floor`
    (the stage's seconds with all shared work done already) also the most that sharing can give."""
    ratios = [b / c for b, c in zip(base, cand, strict=True)]
    ratio = statistics.median(base) / statistics.median(cand)
    figure = (
        f"{ratio:.2f}× sneller ({spread(ratios)}); {statistics.median(cand):.2f} s tegen "
        f"{statistics.median(base):.2f} s"
    )
    row = Row(goal, baseline, figure, f"≥ {target:g}× sneller", ratio >= target)
    if floor:
        best = statistics.median(base) / statistics.median(floor)
        row.bound = f"hoogstens {best:.2f}× ({statistics.median(floor):.2f} s)"
    return row


def p1(work: Path, fresh: Fresh, repeats: int) -> Row:
    policy = make_board(work / "p1", 1)
    sources = fresh("p1-bronnen")
    bouw(policy, fresh("p1-uit"), "--bronnen", sources)
    config = next(sources.glob("*/mkdocs.yml"))
    mkdocs = Path(sys.executable).with_name("mkdocs")
    base, cand = alternate(
        repeats,
        lambda: fresh.once(
            "p1-mkdocs", lambda out: run([mkdocs, "build", "-q", "-f", config, "-d", out]).seconds
        ),
        lambda: fresh.once("p1-uit", lambda out: bouw(policy, out).seconds),
    )
    # The bound: a cold process imports what the build needs, then does the school's own work: a
    # second whole build in one process (nothing left to compile, draw or list).
    modules = work / "p1-modules.json"
    floor = [
        fresh.once("p1-vol", lambda out: stage("bouw-vol", policy, out, "--modules", modules))
        for _ in range(repeats)
    ]
    imports = [
        run([sys.executable, __file__, "--rol", "importeren", "--modules", modules]).seconds
        for _ in range(repeats)
    ]
    ratios = [c / b for b, c in zip(base, cand, strict=True)]
    ratio = statistics.median(cand) / statistics.median(base)
    least = statistics.median(imports) + statistics.median(floor)
    return Row(
        "P1 één school, alles, koud proces",
        "kale `mkdocs build` van de bronnen (`bouw --bronnen`)",
        f"{ratio:.2f}× ({spread(ratios)}); {statistics.median(cand):.2f} s tegen {statistics.median(base):.2f} s",
        "≤ 1,3×",
        ratio <= 1.3,
        f"minstens {least / statistics.median(base):.2f}× (importeren {statistics.median(imports):.2f} s"
        f" + het werk zelf {statistics.median(floor):.2f} s)",
    )


def p2(policy: Path, fresh: Fresh, repeats: int, count: int) -> list[Row]:
    base, cand = alternate(
        repeats,
        lambda: fresh.once("p2-naief", lambda out: stage("word-naief", policy, out)),
        lambda: fresh.once("p2-word", lambda out: stage("word", policy, out)),
    )
    floor = [fresh.once("p2-vol", lambda out: stage("word-vol", policy, out)) for _ in range(repeats)]
    rows = [
        faster(
            f"P2 Word-fase, {count} scholen", "nieuwe DocxTemplate + Jinja per document", base, cand, 5, floor
        )
    ]
    goal, baseline = f"P2b Word-fase, {count} scholen", "pandoc md→docx, één proces per document"
    if shutil.which("pandoc") is None:
        rows.append(Row(goal, baseline, "niet gemeten: pandoc is niet geïnstalleerd", "≥ 5× sneller", None))
    else:
        base, cand = alternate(
            repeats,
            lambda: fresh.once("p2-pandoc", lambda out: stage("pandoc", policy, out)),
            lambda: fresh.once("p2-word", lambda out: stage("word", policy, out)),
        )
        rows.append(faster(goal, baseline, base, cand, 5, floor))
    return rows


def p3(policy: Path, fresh: Fresh, repeats: int, count: int) -> Row:
    sources = fresh("p3-bronnen")
    bouw(policy, fresh("p3-uit"), "--bronnen", sources)
    configs = sorted(sources.glob("*/mkdocs.yml"))
    mkdocs = Path(sys.executable).with_name("mkdocs")

    def one(config: Path) -> float:
        return fresh.once(
            "p3-mkdocs", lambda out: run([mkdocs, "build", "-q", "-f", config, "-d", out]).seconds
        )

    def per_school() -> float:
        return sum(one(config) for config in configs)

    base, cand = alternate(
        repeats, per_school, lambda: fresh.once("p3-site", lambda out: stage("website", policy, out))
    )
    floor = [fresh.once("p3-vol", lambda out: stage("website-vol", policy, out)) for _ in range(repeats)]
    return faster(f"P3 {count} websites", "één `mkdocs build`-proces per school", base, cand, 4, floor)


def p4(policy: Path, fresh: Fresh, repeats: int, count: int) -> Row:
    kept = fresh("p4-uit")
    bouw(policy, kept)
    base, cand = alternate(
        repeats,
        lambda: fresh.once("p4-vol", lambda out: bouw(policy, out).seconds),
        lambda: bouw(policy, kept).seconds,
    )
    shares = [c / b for b, c in zip(base, cand, strict=True)]
    share = statistics.median(cand) / statistics.median(base)
    return Row(
        f"P4 opnieuw bouwen zonder wijziging, {count} scholen",
        "de volledige bouw",
        f"{share:.0%} ervan ({min(shares):.0%}–{max(shares):.0%}); {statistics.median(cand):.2f} s tegen "
        f"{statistics.median(base):.2f} s",
        "≤ 10 %",
        share <= 0.10,
    )


def p5(work: Path, fresh: Fresh, sizes: Sequence[int]) -> Row:
    peaks, seconds = [], []
    for size in sizes:
        board = make_board(work / f"p5-{size}", size)
        result = bouw(board, fresh("p5-uit"))
        shutil.rmtree(fresh.root, ignore_errors=True)
        shutil.rmtree(board.parent, ignore_errors=True)
        peaks.append(result.peak_rss)
        seconds.append(result.seconds)
    figure = " / ".join(f"{peak / MIB:.0f}" for peak in peaks) + " MiB bij " + " / ".join(map(str, sizes))
    figure += " scholen (" + " / ".join(f"{s:.0f}" for s in seconds) + " s)"
    return Row("P5 piekgeheugen van de bouw", "—", figure, "vlak: < 250 MB", peaks[-1] < 250 * 1000 * 1000)


def pdf_row(policy: Path, fresh: Fresh, count: int, wanted: bool) -> Row:
    """`bouw --pdf` against `bouw`: the extra seconds per PDF, the build's own figure (its line
    "PDF: … s per document") and how often LibreOffice started, counted by a wrapper that logs
    each start and runs the real program (the goal: once per run, whatever the number of schools)."""
    goal = f"PDF: `bouw --pdf`, {count} scholen"
    if not wanted:
        return Row(goal, "`bouw` zonder --pdf", "niet gemeten: geef --pdf", "één LibreOffice", None)
    soffice = os.environ.get("SCHOOLVEILIGHEID_SOFFICE") or shutil.which("soffice")
    if not soffice:
        return Row(
            goal, "`bouw` zonder --pdf", "niet gemeten: LibreOffice ontbreekt", "één LibreOffice", None
        )
    counter = fresh.root.parent / "soffice-teller"
    counter.mkdir(parents=True, exist_ok=True)
    starts_log = counter / "starts.log"
    wrapper = counter / "soffice"
    wrapper.write_text(f'#!/bin/sh\necho start >> "{starts_log}"\nexec "{soffice}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    plain = fresh.once("pdf-zonder", lambda out: bouw(policy, out).seconds)
    out = fresh("pdf-met")
    starts_log.unlink(missing_ok=True)
    result = bouw(policy, out, "--pdf", "--soffice", wrapper)
    starts = len(starts_log.read_text(encoding="utf-8").splitlines())
    documents = len(list((out / "documenten").glob("*/*.pdf")))
    shutil.rmtree(out, ignore_errors=True)
    own = next((line for line in result.output.splitlines() if line.startswith("PDF: ")), "geen PDF-regel")
    per = (result.seconds - plain) / max(documents, 1)
    return Row(
        goal,
        "`bouw` zonder --pdf",
        f"{per:.2f} s extra per document ({documents} PDF's, {result.seconds:.1f} s tegen {plain:.1f} s; "
        f"LibreOffice {starts}× gestart; de bouw meldt: {own})",
        "één LibreOffice per run",
        starts == 1,
    )


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| Doel | Basislijn | Gemeten (mediaan, spreiding) | Doel | Gehaald | Grens bij alles gedeeld |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        met = "—" if row.met is None else ("ja" if row.met else "nee")
        lines.append(f"| {row.goal} | {row.baseline} | {row.figure} | {row.target} | {met} | {row.bound} |")
    lines.append(
        "\nGrens bij alles gedeeld: dezelfde stap een tweede keer in één proces, voor een kopie van het"
        " bestuur met andere schoolnamen, met alles wat één keer kan (sjablonen vertaald, thema gelezen,"
        " basisdocument geladen, grafieken van dezelfde gegevens getekend) al gedaan en alleen het eigen"
        " werk van elk document en elke website over; bij P1 (een koud proces) komt het importeren van"
        " wat een bouw importeert erbij. Verder dan die grens komt geen gedeeld werk; een doel erbuiten"
        " vraagt minder werk per document of website."
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Snelheid en schaal (issue 15): alle doelen in één run.")
    parser.add_argument("--scholen", type=int, default=200, help="scholen voor P2, P3 en P4 (standaard 200)")
    parser.add_argument("--herhalingen", type=int, default=3, help="herhalingen per meting (standaard 3)")
    parser.add_argument("--groot", action="store_true", help="P5 ook bij 1.000 scholen")
    parser.add_argument(
        "--geheugen",
        help="aantallen scholen voor P5, met komma's (standaard 10,50,200; met --groot ook 1000)",
    )
    parser.add_argument("--pdf", action="store_true", help="ook `bouw --pdf` meten (LibreOffice nodig)")
    parser.add_argument("--snel", action="store_true", help="rooktest: piepkleine maten, één keer")
    parser.add_argument("--rol", help=argparse.SUPPRESS)
    parser.add_argument("--policy", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--uitvoer", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--modules", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.rol:
        helper(options.rol, options.policy, options.uitvoer, options.modules)
        return
    count, repeats = (2, 1) if options.snel else (options.scholen, options.herhalingen)
    sizes = (1, 2) if options.snel else ((10, 50, 200, 1000) if options.groot else (10, 50, 200))
    if options.geheugen:
        sizes = tuple(int(size) for size in options.geheugen.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        work = Path(folder)
        fresh = Fresh(work / "uit")
        board = make_board(work / "bestuur", count)
        print(f"{count} scholen, {repeats}× herhaald, afwisselend basislijn en kandidaat", flush=True)
        rows = [p1(work, fresh, repeats)]
        rows += p2(board, fresh, repeats, count)
        rows.append(p3(board, fresh, repeats, count))
        rows.append(p4(board, fresh, repeats, count))
        rows.append(p5(work, fresh, sizes))
        rows.append(pdf_row(board, fresh, count, options.pdf))
    print(table(rows))


if __name__ == "__main__":
    main()
