"""Our texts are our own: nothing in the project repeats the reference documents word for word."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support import IN_CI

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT.parent / "shared" / "tools" / "copied-prose"


def test_no_passage_repeats_reference_prose() -> None:
    if not TOOL.is_file():
        if IN_CI:
            pytest.fail(f"{TOOL} ontbreekt: CI draait met ../shared naast het project")
        pytest.skip(f"{TOOL} niet gevonden (alleen beschikbaar naast de gedeelde referenties)")
    result = subprocess.run([str(TOOL), str(ROOT)], capture_output=True, text=True, timeout=120, check=False)
    hits = [
        line
        for line in result.stdout.splitlines()
        if line.strip() and not line.startswith("no reference prose")
    ]
    assert hits == [], "\n".join(hits)
