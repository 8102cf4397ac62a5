"""Remake the README's screenshots from the example: a plan page, a letter, the site on a phone.

    .venv/bin/python tools/schermafbeeldingen.py

Builds De Vlinderboom from policy/ with PDFs into a temporary folder, makes the schorsing letter
from letters/voorbeelden/, and writes small PNG files into afbeeldingen/ (each under MAX_BYTES):

    afbeeldingen/plan-pagina.png       a page of the sociaal veiligheidsplan (PDF page -> PNG)
    afbeeldingen/brief.png             the first page of the letter (Word -> PDF -> PNG)
    afbeeldingen/website-telefoon.png  the site's start page at 360 px wide, as on a phone

Needs LibreOffice (soffice), pdftoppm (poppler-utils), Debian's chromium with Playwright, and
Pillow (installed with python-docx's dependencies for the charts). Run it again when the look of
the documents or the site changes, and commit the PNG files.
"""

from __future__ import annotations

import functools
import http.server
import io
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "afbeeldingen"
SCHOOL = "vlinderboom"
LETTER = ROOT / "letters" / "voorbeelden" / "schorsing.yaml"
PLAN_PAGE = 4  # after the cover and the table of contents: the first chapter
MAX_BYTES = 150_000
PHONE = {"width": 360, "height": 740}
# The PNG files, as the README names them.
SCREENSHOTS = ("plan-pagina.png", "brief.png", "website-telefoon.png")


def main() -> int:
    for program in ("soffice", "pdftoppm", "chromium"):
        if shutil.which(program) is None:
            print(f"{program} ontbreekt; installeer het eerst", file=sys.stderr)
            return 1
    FOLDER.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="schermafbeeldingen-") as temp:
        work = Path(temp)
        generate = [sys.executable, str(ROOT / "generate.py")]
        run([*generate, "bouw", "--pdf", "--school", SCHOOL, "--uitvoer", str(work / "uit")])
        documents = work / "uit" / "documenten" / SCHOOL
        save(pdf_page(documents / "sociaal-veiligheidsplan.pdf", PLAN_PAGE, work), "plan-pagina.png")

        run([*generate, "brief", str(LETTER), "--uitvoer", str(work / "brieven")])
        letter = next((work / "brieven").rglob("*.docx"))
        run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work / "brief-pdf"), str(letter)]
        )
        save(pdf_page(next((work / "brief-pdf").glob("*.pdf")), 1, work), "brief.png")

        save(phone_screenshot(work / "uit" / "site" / SCHOOL), "website-telefoon.png")
    return 0


def run(command: list[str]) -> None:
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def pdf_page(pdf: Path, page: int, work: Path) -> Image.Image:
    """One page of a PDF as an image, 60 dots per inch: readable layout, small file."""
    stem = work / f"pagina-{pdf.stem}"
    run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", "60", "-png", "-singlefile", str(pdf), str(stem)]
    )
    with Image.open(stem.with_suffix(".png")) as image:
        return image.convert("RGB")


def phone_screenshot(site: Path) -> Image.Image:
    """The start page in Chromium at phone size, served by a local web server (search needs one)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport=PHONE, device_scale_factor=1, locale="nl-NL")
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html", wait_until="load")
            data = page.screenshot()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No request log in the terminal."""


def save(image: Image.Image, name: str) -> None:
    """As a palette PNG (few colours: small), shrunk further until it is under MAX_BYTES."""
    while True:
        buffer = io.BytesIO()
        image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG", optimize=True)
        if buffer.tell() <= MAX_BYTES:
            break
        image = image.resize((image.width * 9 // 10, image.height * 9 // 10), Image.Resampling.LANCZOS)
    (FOLDER / name).write_bytes(buffer.getvalue())
    print(f"{FOLDER.relative_to(ROOT) / name}: {image.width}×{image.height}, {buffer.tell() // 1000} kB")


if __name__ == "__main__":
    sys.exit(main())
