"""The built sites in headless Chromium at phone width: contact data that stays whole, and a
404 page that works when a site lives in a sub-folder of a web server.

Needs Debian's chromium (Playwright drives it, as in test_site_browser.py).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from site_fixture import SITE_CASES, SiteCase
from support import require_program

from schoolveiligheid.writers import site

ROOT = Path(__file__).resolve().parents[1]
PHONE = {"width": 360, "height": 740}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]
# Where the test server puts the site folder, as a school's web host might: /scholen/<school>/.
PREFIX = "/scholen/"

# Every word in the cells of a table with phone numbers or e-mail addresses, and every phone link
# anywhere, with the places where its text goes to the next line (per-character client rects).
# A word may only continue on the next line right after a hyphen ("8.30-" / "17.00"), and an
# e-mail address or web address only when it is wider than its cell.
BROKEN_WORDS = """() => {
  const tops = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter(rect => rect.width > 0).map(rect => Math.round(rect.top));
  };
  const broken = [];
  const check = (node, start, word, cell, nowrap) => {
    let previous = null;
    let width = 0;
    const breaks = [];
    for (let i = 0; i < word.length; i++) {
      const top = tops(node, start + i, start + i + 1);
      if (!top.length) continue;
      if (previous !== null && top[0] > previous + 2) breaks.push(i);
      previous = top[0];
      const range = document.createRange();
      range.setStart(node, start + i);
      range.setEnd(node, start + i + 1);
      width += range.getBoundingClientRect().width;
    }
    const address = word.includes('@') || /^(https?:|www\\.)/.test(word);
    for (const at of breaks) {
      if (!nowrap && word[at - 1] === '-') continue;
      if (!nowrap && address && width > cell.clientWidth) continue;
      broken.push(word);
      break;
    }
  };
  const tables = [...document.querySelectorAll('.md-typeset table')]
    .filter(table => table.querySelector('a[href^="tel:"], a[href^="mailto:"]'));
  for (const cell of tables.flatMap(table => [...table.querySelectorAll('td')])) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) check(node, match.index, match[0], cell, false);
    }
  }
  for (const link of document.querySelectorAll('.md-typeset a[href^="tel:"]')) {
    const text = link.textContent;
    const lines = new Set(tops(link.firstChild, 0, text.length));
    if (lines.size > 1) broken.push(text);
  }
  return {broken, tables: tables.length, width: document.documentElement.scrollWidth};
}"""


class _SubFolderHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder below PREFIX; a missing page of a school gets that school's 404.html,
    as a web server does with `ErrorDocument 404 /scholen/<school>/404.html`."""

    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "niet-hier")
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        school = self.path.removeprefix(PREFIX).split("/", 1)[0]
        page = Path(self.directory) / school / "404.html"
        if code != 404 or not school or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet; failed requests show up in the browser instead."""


@pytest.fixture(scope="module", params=["testhoeve", "voorbeeld"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[SiteCase, str]]:
    folder = tmp_path_factory.mktemp(f"telefoon-{request.param}")
    case = SITE_CASES[request.param](folder / "downloads")
    out_dir = folder / "site"
    site.write(case.bundles, out_dir, case.downloads, ROOT / "mkdocs.yml")
    handler = functools.partial(_SubFolderHandler, directory=str(out_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    try:
        yield case, f"http://{host}:{port}{PREFIX}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="module")
def phone() -> Iterator[Any]:
    chromium = require_program("chromium", "/usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        browser = running.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport=PHONE, locale="nl-NL", service_workers="block")
        try:
            yield context
        finally:
            context.close()
            browser.close()


def test_contact_tables_keep_names_and_numbers_whole_on_a_phone(
    served: tuple[SiteCase, str], phone: Any
) -> None:
    case, base = served
    page = phone.new_page()
    problems = []
    for bundle in case.bundles:
        for slug in ("contact", "index"):
            page.goto(f"{base}{bundle.school_id}/{slug}.html", wait_until="load")
            result = page.evaluate(BROKEN_WORDS)
            if slug == "contact":
                assert result["tables"] >= 1, f"{bundle.school_id}: geen tabel met telefoonnummers"
            if result["broken"]:
                problems.append(f"{bundle.school_id}/{slug}: afgebroken: {result['broken']}")
            if result["width"] > PHONE["width"]:
                problems.append(f"{bundle.school_id}/{slug}: {result['width']}px breed")
    assert problems == [], "\n".join(problems)


def test_the_check_sees_a_word_broken_in_a_narrow_column(served: tuple[SiteCase, str], phone: Any) -> None:
    """Without the card layout the old narrow columns break words: the measurement must see that."""
    case, base = served
    page = phone.new_page()
    page.goto(f"{base}{case.bundles[0].school_id}/contact.html", wait_until="load")
    page.add_style_tag(
        content=".md-typeset table:not([class]) { display: table !important; width: 100%; }"
        " .md-typeset table:not([class]) :is(thead) { position: static !important; }"
        " .md-typeset table:not([class]) tr { display: table-row !important; }"
        " .md-typeset table:not([class]) :is(td, th) { display: table-cell !important;"
        " overflow-wrap: anywhere !important; width: 4em; }"
        " .md-typeset a[href^='tel:'] { white-space: normal !important; }"
    )
    assert page.evaluate(BROKEN_WORDS)["broken"]


def test_404_page_works_in_a_sub_folder(served: tuple[SiteCase, str], phone: Any) -> None:
    case, base = served
    page = phone.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    for bundle in case.bundles:
        missing = f"{base}{bundle.school_id}/bestaat-niet.html"
        response = page.goto(missing, wait_until="load")
        assert response is not None and response.status == 404
        failed.remove(missing)
        assert page.locator("h1").first.inner_text() == "Pagina niet gevonden"
        # Material's stylesheet is applied: its header is fixed to the top, not a plain block.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.evaluate(
            "[...document.styleSheets].some(sheet => sheet.href && sheet.href.endsWith('schoolveiligheid.css'))"
        )
        hrefs: list[str] = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        local = sorted({href.split("#")[0] for href in hrefs if href.startswith(base)})
        assert f"{base}{bundle.school_id}/index.html" in local
        for href in local:
            assert page.request.get(href).status == 200, f"dode link op de 404-pagina: {href}"
    assert failed == [], failed


def test_the_schools_colour_and_logo_are_in_the_header_on_a_phone(
    served: tuple[SiteCase, str], phone: Any
) -> None:
    case, base = served
    page = phone.new_page()
    for bundle in case.bundles:
        page.goto(f"{base}{bundle.school_id}/index.html", wait_until="load")
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        logo = page.locator(".md-header .md-logo img")
        if bundle.meta.colour is None:
            assert header == "rgb(64, 81, 181)", "the theme's own indigo"
        else:
            digits = bundle.meta.colour.removeprefix("#")
            assert header == "rgb({}, {}, {})".format(*(int(digits[i : i + 2], 16) for i in (0, 2, 4)))
        if bundle.meta.logo is None:
            assert logo.count() == 0
            continue
        assert logo.is_visible()
        box = logo.bounding_box()
        assert box is not None and box["width"] > 10 and box["x"] + box["width"] <= PHONE["width"]
        assert page.evaluate("document.querySelector('.md-header .md-logo img').naturalWidth") > 0
    if len(case.bundles) > 1:
        page.goto(base + "index.html", wait_until="load")
        for bundle in case.bundles:
            images = page.locator(f'a[href="{bundle.school_id}/index.html"] img')
            assert images.count() == (1 if bundle.meta.logo else 0)
            if bundle.meta.logo:
                assert (
                    page.evaluate(
                        f"document.querySelector('a[href=\"{bundle.school_id}/index.html\"] img').naturalWidth"
                    )
                    > 0
                )
