"""The built sites in real headless Chromium: what a parent on a phone sees and does.

Every request a page makes is recorded; a request to any host other than the
local test servers, a failed request, a console error or a script error fails
the test. Every built page is checked with axe-core at phone width (360 px).
Needs Debian's chromium and `npm ci` (axe-core in node_modules).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from site_fixture import (
    AANSPREEKPUNT_NUMMER,
    AANSPREEKPUNT_TEL,
    COORDINATOR_NUMMER,
    COORDINATOR_TEL,
    SITE_CASES,
    SiteCase,
    document_urls,
    tel_links,
)
from support import require_program

from schoolveiligheid.documents import SiteBundle
from schoolveiligheid.writers import site

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 740}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# What the fixture's numbers must read as on the page; a real bundle is checked for the link alone.
NUMBER_TEXT = {AANSPREEKPUNT_TEL: AANSPREEKPUNT_NUMMER, COORDINATOR_TEL: COORDINATOR_NUMMER}
LOCAL_SCHEMES = {"data", "blob", "about"}

HEADING_LEVELS = "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 3)
  }));
}"""


class Server:
    """A static file server on 127.0.0.1 at a free port, in a thread."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        host, port = self.httpd.server_address[:2]
        self.netloc = f"{host}:{port}"
        self.url = f"http://{self.netloc}/"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean; failures show up as failed requests instead."""


@dataclass
class BuiltSite:
    """A case built into out_dir, served whole, and each school also served from its own root."""

    case: SiteCase
    out_dir: Path
    server: Server
    school_servers: dict[str, Server]

    def url(self, bundle: SiteBundle, page: str) -> str:
        return f"{self.server.url}{bundle.school_id}/{page}"

    def netlocs(self) -> set[str]:
        return {self.server.netloc, *(server.netloc for server in self.school_servers.values())}

    def every_page(self) -> list[str]:
        """URLs of all built HTML files; a 404 page only works at the root of a web server."""
        urls = []
        for path in sorted(self.out_dir.rglob("*.html")):
            relative = path.relative_to(self.out_dir)
            if path.name == "404.html":
                urls.append(self.school_servers[relative.parts[0]].url + "404.html")
            else:
                urls.append(self.server.url + relative.as_posix())
        return urls


@dataclass
class Traffic:
    """Everything the browser asked for, and everything that went wrong, across all pages."""

    allowed: set[str]
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def attach(self, context: Any) -> None:
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", self._failed)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"scriptfout: {error.error}"))

    def _failed(self, request: Any) -> None:
        reason = request.failure or ""
        if "ERR_ABORTED" not in reason:  # a navigation cancels what the old page still loaded
            self.problems.append(f"mislukt: {request.url} ({reason})")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text} ({message.location.get('url', '')})")

    def foreign(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc not in self.allowed
        ]

    def assert_clean(self) -> None:
        assert self.requests, "geen enkel verzoek gezien: de opname werkt niet"
        assert self.foreign() == [], "verzoeken naar een andere server"
        assert self.problems == [], "\n".join(self.problems)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    require_program("chromium", "/usr/bin/chromium")
    if not AXE.is_file():
        pytest.fail(f"{AXE} ontbreekt: draai `npm ci` in {ROOT}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="module", params=sorted(SITE_CASES))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    folder = tmp_path_factory.mktemp(f"browser-{request.param}")
    case = SITE_CASES[request.param](folder / "downloads")
    out_dir = folder / "site"
    site.write(case.bundles, out_dir, case.downloads, ROOT / "mkdocs.yml")
    servers = {bundle.school_id: Server(out_dir / bundle.school_id) for bundle in case.bundles}
    server = Server(out_dir)
    try:
        yield BuiltSite(case, out_dir, server, servers)
    finally:
        for running in (server, *servers.values()):
            running.close()


@dataclass
class Browser:
    context: Any
    traffic: Traffic

    def open(self, url: str) -> Any:
        page = self.context.new_page()
        page.goto(url, wait_until="load")
        return page


@pytest.fixture
def browser(playwright: Any, built: BuiltSite, tmp_path: Path) -> Iterator[Browser]:
    """A fresh Chromium profile per test, phone-sized, with every request recorded."""
    context = playwright.chromium.launch_persistent_context(
        user_data_dir=str(tmp_path / "profiel"),
        executable_path=require_program("chromium", "/usr/bin/chromium"),
        headless=True,
        args=CHROMIUM_ARGS,
        viewport=PHONE,
        locale="nl-NL",
        service_workers="block",
    )
    traffic = Traffic(built.netlocs())
    traffic.attach(context)
    try:
        yield Browser(context, traffic)
    finally:
        context.close()


def assert_on_screen(page: Any, tel: str) -> None:
    """The phone link is there, visible, within the phone's width, and reads as the number."""
    link = page.locator(f'a[href="{tel}"]').first
    assert link.is_visible(), tel
    box = link.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"], f"{tel} valt buiten het scherm"
    text = " ".join(link.inner_text().split())
    assert any(character.isdigit() for character in text)
    if tel in NUMBER_TEXT:
        assert text == NUMBER_TEXT[tel]


def test_start_page_shows_whom_to_call(built: BuiltSite, browser: Browser) -> None:
    for bundle in built.case.bundles:
        page = browser.open(built.url(bundle, "index.html"))
        links = tel_links(bundle, "index")
        assert links
        for tel in links:
            assert_on_screen(page, tel)
    browser.traffic.assert_clean()


def test_contact_page_shows_the_coordinators_phone(built: BuiltSite, browser: Browser) -> None:
    for bundle in built.case.bundles:
        page = browser.open(built.url(bundle, "contact.html"))
        links = tel_links(bundle, "contact")
        assert links
        for tel in links:
            assert_on_screen(page, tel)
    browser.traffic.assert_clean()


def test_search_finds_the_pestprotocol(built: BuiltSite, browser: Browser) -> None:
    for bundle in built.case.bundles:
        targets = {built.url(bundle, url) for url in document_urls(bundle, "pestprotocol")}
        assert targets
        page = browser.open(built.url(bundle, "index.html"))
        page.locator('label.md-header__button[for="__search"]').click()  # the magnifier on a phone
        page.locator("input.md-search__input").press_sequentially("pesten", delay=20)
        results = page.locator("a.md-search-result__link")
        results.first.wait_for(state="visible")
        hrefs = _settled_results(page)
        hits = [href for href in hrefs if href.split("?")[0].split("#")[0] in targets]
        assert hits, f"geen zoekresultaat naar het pestprotocol in {hrefs}"

        results.nth(hrefs.index(hits[0])).click()
        page.wait_for_url(hits[0].split("?")[0].split("#")[0] + "*")
        assert page.locator("h1").first.is_visible()
        assert "pest" in page.locator("article").inner_text().lower()
        assert any(url.endswith("/search/search_index.json") for url in browser.traffic.requests), (
            "de zoekindex is niet als verzoek gezien: verzoeken van de zoek-worker worden niet opgenomen"
        )
    browser.traffic.assert_clean()


def _settled_results(page: Any) -> list[str]:
    """The result links once the list stops changing: results are refreshed on every keystroke."""
    previous: list[str] = []
    for _ in range(50):
        hrefs: list[str] = page.eval_on_selector_all(
            "a.md-search-result__link", "links => links.map(a => a.href)"
        )
        if hrefs and hrefs == previous:
            return hrefs
        previous = hrefs
        page.wait_for_timeout(200)
    raise AssertionError(f"de zoekresultaten bleven veranderen: {previous}")


def test_every_page_is_accessible_and_fits_a_phone(built: BuiltSite, browser: Browser) -> None:
    """axe-core (serious and critical), lang="nl", heading order, and no sideways scrolling at 360 px."""
    axe = AXE.read_text(encoding="utf-8")
    urls = built.every_page()
    assert len(urls) >= 2 * len(built.case.bundles)
    problems: list[str] = []
    page = browser.context.new_page()
    for url in urls:
        page.goto(url, wait_until="load")
        if page.evaluate("document.documentElement.lang") != "nl":
            problems.append(f"{url}: <html lang> is niet 'nl'")
        problems.extend(f"{url}: {problem}" for problem in heading_problems(page.evaluate(HEADING_LEVELS)))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            problems.append(f"{url}: {width}px breed, het scherm is {PHONE['width']}px")
        page.add_script_tag(content=axe)
        for violation in page.evaluate(AXE_RUN):
            if violation["impact"] in {"serious", "critical"}:
                problems.append(
                    f"{url}: axe {violation['id']} ({violation['impact']}) {violation['targets']}"
                )
    assert problems == [], "\n".join(problems)
    browser.traffic.assert_clean()


def heading_problems(levels: list[int]) -> list[str]:
    """One h1, first; no level skipped on the way down."""
    problems = []
    if levels.count(1) != 1 or levels[:1] != [1]:
        problems.append(f"koppen {levels}: er hoort precies één h1 te zijn, als eerste")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"koppen {levels}: van h{before} naar h{after} slaat een niveau over")
    return problems


def test_heading_check_catches_mistakes() -> None:
    assert heading_problems([1, 2, 3, 2, 2]) == []
    assert heading_problems([1, 3])
    assert heading_problems([2, 1])
    assert heading_problems([1, 2, 1])
