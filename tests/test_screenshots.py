"""The README's screenshots: made by tools/schermafbeeldingen.py, present, small, and referenced.

The fast test checks the committed files; the slow one runs the script (LibreOffice, Chromium)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from PIL import Image
from support import require_program

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCRIPT = ROOT / "tools" / "schermafbeeldingen.py"


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("schermafbeeldingen", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_shows_every_screenshot_the_script_makes() -> None:
    script = tool()
    referenced = re.findall(r'<img src="(afbeeldingen/[^"]+\.png)" alt="([^"]+)"', README)
    assert sorted(path for path, _ in referenced) == sorted(
        f"afbeeldingen/{name}" for name in script.SCREENSHOTS
    )
    assert all(alt.strip() for _, alt in referenced), "every screenshot has a Dutch alt text"
    assert "tools/schermafbeeldingen.py" in README, "the README says how to refresh them"
    for path, _ in referenced:
        file = ROOT / path
        assert file.is_file(), f"{path} ontbreekt: draai .venv/bin/python tools/schermafbeeldingen.py"
        assert file.stat().st_size < script.MAX_BYTES
        with Image.open(file) as image:
            assert image.format == "PNG" and image.width <= 600


def test_the_script_remakes_the_screenshots(tmp_path: Path) -> None:
    require_program("soffice", "libreoffice")
    require_program("chromium", "/usr/bin/chromium")
    require_program("pdftoppm")
    copy = tmp_path / "afbeeldingen"
    shutil.copytree(ROOT / "afbeeldingen", copy)
    try:
        subprocess.run([sys.executable, str(SCRIPT)], cwd=ROOT, check=True, capture_output=True, timeout=600)
        script = tool()
        for name in script.SCREENSHOTS:
            made = ROOT / "afbeeldingen" / name
            assert 0 < made.stat().st_size < script.MAX_BYTES
        with Image.open(ROOT / "afbeeldingen" / "website-telefoon.png") as phone:
            assert phone.width == 360
    finally:
        shutil.rmtree(ROOT / "afbeeldingen")
        shutil.copytree(copy, ROOT / "afbeeldingen")
