"""A board with many schools: the texts of N schools, one renderer for the run versus one per school.

Run from the repository root: `.venv/bin/python benchmarks/bench_board.py [N]`.
The board of the example (policy/) gets N copies of De Vlinderboom; every
other copy has its own template folder, so schools do not all share one search
path. The baseline makes a fresh Renderer (fresh Jinja environments, every
template compiled again) for each school, as a naive loop would. Both are
measured in the same run, best of three, after a warm-up. A full `bouw`
without PDFs is timed once at the end, per school.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from schoolveiligheid.cli import main  # noqa: E402
from schoolveiligheid.context import build_context  # noqa: E402
from schoolveiligheid.model import SchoolModel, load_schools  # noqa: E402
from schoolveiligheid.render import Renderer  # noqa: E402


def make_board(folder: Path, count: int) -> Path:
    """policy/ with `count` schools: the example board and copies of one school."""
    policy = folder / "policy"
    shutil.copytree(ROOT / "policy", policy)
    for path in policy.glob("*.yaml"):
        if path.name != "bestuur.yaml":
            path.unlink()
    source = (ROOT / "policy" / "vlinderboom.yaml").read_text(encoding="utf-8")
    for number in range(count):
        text = source.replace("id: vlinderboom", f"id: school-{number}")
        if number % 2:
            text = f"sjablonen: sjablonen/school-{number}\n" + text
            own = policy / "sjablonen" / f"school-{number}" / "pestprotocol"
            own.mkdir(parents=True)
            (own / "01-inleiding.md.j2").write_text(f"# Inleiding van school {number}\n", encoding="utf-8")
        (policy / f"school-{number}.yaml").write_text(text, encoding="utf-8")
    return policy


def render_all(schools: list[SchoolModel], shared: bool) -> None:
    renderer = Renderer()
    for school in schools:
        if not shared:
            renderer = Renderer()
        renderer.render_school(build_context(school), school.template_dirs)


def best_of(runs: int, schools: list[SchoolModel], shared: bool) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_all(schools, shared)
        times.append(time.perf_counter() - start)
    return min(times)


def main_benchmark(count: int) -> None:
    with tempfile.TemporaryDirectory() as work:
        policy = make_board(Path(work), count)
        schools = load_schools(policy)
        render_all(schools[:2], shared=True)  # warm-up: imports, catalogue, first compilations
        shared = best_of(3, schools, shared=True)
        naive = best_of(3, schools, shared=False)
        print(f"{count} scholen, teksten van 3 documenten en 3 webpagina's per school")
        print(f"  één renderer per run    : {shared * 1000 / count:7.1f} ms per school")
        print(f"  nieuwe renderer per school: {naive * 1000 / count:7.1f} ms per school")
        print(f"  verhouding (naïef / gedeeld): {naive / shared:.2f}x")
        start = time.perf_counter()
        code = main(["bouw", "--policy", str(policy), "--uitvoer", str(Path(work) / "uit")])
        total = time.perf_counter() - start
        print(
            f"  volledige bouw (Word, formulieren, websites), afsluitcode {code}: {total / count * 1000:.0f} ms per school"
        )


if __name__ == "__main__":
    main_benchmark(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
