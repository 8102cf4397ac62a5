"""Helpers shared by the tests: real external programs, and inline policy trees."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_program(name: str, *candidates: str) -> str:
    """Return the path of an external program, or skip (fail in CI) when it is absent.

    On a laptop without LibreOffice or Chromium the test is skipped with the
    reason; in CI (CI=true) a missing program is a failed test, never a skip.
    """
    for candidate in (name, *candidates):
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    message = f"{name} is niet geïnstalleerd (nodig voor deze test)"
    if IN_CI:
        pytest.fail(f"{message}; in CI moet .ci/run het installeren")
    pytest.skip(message)
    raise AssertionError("unreachable")


def local_cluster(distributed: Any) -> Any:
    """A Dask LocalCluster in this process with one worker, its scheduler's HTTP server on a free port
    of the loopback address: with `dashboard_address=None` alone it still takes port 8787, which a Dask
    test in another pytest worker may hold at that moment (a warning, so an error here)."""
    return distributed.LocalCluster(
        n_workers=1,
        processes=False,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )


def load_yaml(text: str) -> Any:
    """Plain data of a YAML text (yaml.safe_load), through libyaml when it is there: the same data, faster."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - CSafeLoader is the safe loader


def dump_yaml(data: object, *, sort_keys: bool = False) -> str:
    """YAML text of `data`, through libyaml when it is there (tests that write hundreds of variants)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=sort_keys)


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create files below root; text is dedented so trees read naturally inline."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


def empty_headings(markdown: str) -> list[str]:
    """Headings followed directly by a heading of the same or a higher level, or by nothing."""
    lines = [line for line in markdown.splitlines() if line.strip()]
    found = []
    for index, line in enumerate(lines):
        match = re.match(r"(#+) ", line)
        if not match:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        next_heading = re.match(r"(#+) ", following) if following else None
        if following is None or (next_heading and len(next_heading[1]) <= len(match[1])):
            found.append(line)
    return found


def zensical_site(sources: Path, school: str) -> Path:
    """Build a school's exported sources (`bouw --bronnen`) with Zensical in strict mode, once,
    and return the site folder; a failed build fails the test with Zensical's own output."""
    folder = sources / school
    if not (folder / "site" / "index.html").is_file():
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml", "--strict"],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def nothing_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs builds every site and every Word document is filled anew, in this process and in the
    workers it forks or runs in threads: an equivalence test compares two real builds, not an output
    with the copy kept of an earlier one."""
    from schoolveiligheid.kept import Kept
    from schoolveiligheid.writers import site, word

    monkeypatch.setattr(site, "_BUILT_SITES", site._BuiltSites(limit=0))
    monkeypatch.setattr(word, "_WRITTEN", Kept(0))
