"""Figures for the build driver (issue 15): no-op rebuild, peak memory, workers, Dask.

Prints figures; asserts nothing. Every build is a whole `generate.py bouw` process on a
synthetic board (copies of the example schools with new ids), in fresh folders under a
temporary directory:

    .venv/bin/python benchmarks/bench_driver.py noop [--scholen 3]
    .venv/bin/python benchmarks/bench_driver.py geheugen [--scholen 10 50 200]
    .venv/bin/python benchmarks/bench_driver.py werkers [--scholen 50]
    .venv/bin/python benchmarks/bench_driver.py dask [--scholen 20]

`noop_share(policy, out)` is the function a benchmark command can call: the seconds of a
full build and of a rebuild with nothing changed, both as whole processes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATE = ROOT / "generate.py"
EXAMPLE = ("vlinderboom", "zonnewijzer", "kompasroos")
MIB = 1024 * 1024


def make_board(folder: Path, count: int) -> Path:
    """folder/policy: the example's board file and `count` copies of the example schools, new ids."""
    policy = folder / "policy"
    shutil.copytree(ROOT / "policy", policy)
    sources = {name: (policy / f"{name}.yaml").read_text(encoding="utf-8") for name in EXAMPLE}
    if count == len(EXAMPLE):
        return policy
    for name in EXAMPLE:
        (policy / f"{name}.yaml").unlink()
    for number in range(count):
        name = EXAMPLE[number % len(EXAMPLE)]
        text = sources[name].replace(f"  id: {name}\n", f"  id: school-{number:04d}\n", 1)
        text = text.replace("  naam: ", f"  naam: School {number:04d} ", 1)
        (policy / f"school-{number:04d}.yaml").write_text(text, encoding="utf-8")
    return policy


def bouw(policy: Path, out: Path, *extra: str) -> tuple[float, int, float]:
    """One whole build process: wall seconds, its own peak RSS in bytes, CPU seconds (with children)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(GENERATE), "bouw", "--policy", str(policy), "--uitvoer", str(out), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(output.decode("utf-8", "replace")[-3000:])
    return seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


def noop_share(policy: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Seconds of a full build into `out` (made anew) and of the rebuild right after it."""
    shutil.rmtree(out, ignore_errors=True)
    full = bouw(policy, out, *extra)[0]
    again = bouw(policy, out, *extra)[0]
    return full, again


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("meting", choices=["noop", "geheugen", "werkers", "dask"])
    parser.add_argument("--scholen", type=int, nargs="+")
    parser.add_argument("--herhalingen", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-driver-") as temporary:
        work = Path(temporary)
        if args.meting == "noop":
            for count in args.scholen or [3]:
                policy = make_board(work / f"noop-{count}", count)
                pairs = [noop_share(policy, work / "uit", "--werkers", "1") for _ in range(args.herhalingen)]
                for full, again in pairs:
                    print(
                        f"{count} scholen: volledig {full:.2f} s, zonder wijziging {again:.2f} s ({again / full:.1%})"
                    )
        elif args.meting == "geheugen":
            for count in args.scholen or [10, 50, 200]:
                policy = make_board(work / f"mem-{count}", count)
                seconds, peak, _ = bouw(policy, work / f"uit-{count}", "--werkers", "1")
                print(
                    f"{count} scholen, 1 werker: piek {peak / MIB:.0f} MiB, {seconds:.0f} s ({seconds / count:.2f} s/school)"
                )
                shutil.rmtree(work / f"uit-{count}", ignore_errors=True)
        elif args.meting == "werkers":
            for count in args.scholen or [50]:
                policy = make_board(work / f"par-{count}", count)
                for _ in range(args.herhalingen):
                    one = bouw(policy, work / "een", "--werkers", "1", "--opnieuw")[0]
                    two = bouw(policy, work / "twee", "--werkers", "2", "--opnieuw")[0]
                    print(
                        f"{count} scholen: 1 werker {one:.1f} s, 2 werkers {two:.1f} s: {one / two:.2f}× sneller"
                    )
        else:
            from distributed import LocalCluster

            for count in args.scholen or [20]:
                policy = make_board(work / f"dask-{count}", count)
                with LocalCluster(
                    n_workers=2,
                    threads_per_worker=1,
                    dashboard_address=None,
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},  # not port 8787, maybe taken
                ) as cluster:
                    seconds = bouw(policy, work / "dask", "--dask", cluster.scheduler_address)[0]
                local = bouw(policy, work / "lokaal", "--werkers", "2")[0]
                print(f"{count} scholen: Dask (2 werkers) {seconds:.1f} s, lokaal 2 werkers {local:.1f} s")


if __name__ == "__main__":
    main()
