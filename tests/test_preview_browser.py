"""`bekijk` in real headless Chromium: edit the YAML, and the open page follows without a manual reload.

A copy of the example school is previewed on a free port; the test edits the
school's name, breaks the YAML, and fixes it again, and each time waits for the
page in the browser to show the result by itself. Every request the browser
makes must go to the preview server.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support import require_program
from test_site_browser import CHROMIUM_ARGS

from schoolveiligheid.preview import Preview, pages

ROOT = Path(__file__).resolve().parents[1]
OLD_NAME = "  naam: OBS De Vlinderboom\n"
NEW_NAME = "OBS De Regenboogvlinder"
WAIT_MS = 120_000  # a rebuild is a few seconds; the machine may be busy with other tests


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Preview, Path, list[str]]]:
    require_program("chromium", "/usr/bin/chromium")
    policy = tmp_path / "policy"
    policy.mkdir()
    for name in ("bestuur.yaml", "vlinderboom.yaml"):
        shutil.copyfile(ROOT / "policy" / name, policy / name)
    shutil.copytree(ROOT / "policy" / "logo", policy / "logo")
    assert (policy / "vlinderboom.yaml").read_text(encoding="utf-8").count(OLD_NAME) == 1
    said: list[str] = []
    running = Preview(policy, "vlinderboom", 0, say=said.append)
    state = running.start()
    assert state.ok, state.problems
    watcher = threading.Thread(target=running.watch, name="voorbeeld-watch")
    watcher.start()
    try:
        yield running, policy / "vlinderboom.yaml", said
    finally:
        running.stop()
        watcher.join()
        running.close()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_page_follows_edits_errors_and_fixes(
    preview: tuple[Preview, Path, list[str]], tmp_path: Path
) -> None:
    running, school_file, said = preview
    from playwright.sync_api import expect, sync_playwright

    own = urlsplit(running.url).netloc
    requests: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "profiel"),
            executable_path=require_program("chromium", "/usr/bin/chromium"),
            headless=True,
            args=CHROMIUM_ARGS,
            locale="nl-NL",
            service_workers="block",
        )
        try:
            context.on("request", lambda request: requests.append(request.url))
            page = context.new_page()
            loads: list[str] = []
            page.on("load", lambda _: loads.append(page.url))
            page.goto(running.url + "contact.html", wait_until="load")
            header = page.locator(".md-header__topic").first
            expect(header).to_contain_text("OBS De Vlinderboom")
            expect(page.locator("#schoolveiligheid-voorbeeld")).to_contain_text("Voorbeeld, bijgewerkt")

            # A new name in the YAML: the open page shows it, reloaded by the preview itself.
            _replace(school_file, OLD_NAME, f"  naam: {NEW_NAME}\n")
            expect(header).to_contain_text(NEW_NAME, timeout=WAIT_MS)
            assert page.url == running.url + "contact.html"
            assert len(loads) >= 1

            # Broken YAML: the Dutch problem with file, line and tip takes the page's place.
            _replace(school_file, f"  naam: {NEW_NAME}\n", f"  naam: [{NEW_NAME}\n")
            problems = page.locator("#fouten")
            expect(problems).to_contain_text("vlinderboom.yaml:12", timeout=WAIT_MS)
            expect(problems).to_contain_text("een lijst tussen [ ] wordt niet goed gesloten")
            expect(problems).to_contain_text("tip: sluit elke '[' met ']'")
            expect(page.locator("h1")).to_contain_text("kan niet worden bijgewerkt")

            # Fixed: the page comes back, with the name as now written.
            _replace(school_file, f"  naam: [{NEW_NAME}\n", f"  naam: {NEW_NAME} \n")
            expect(header).to_contain_text(NEW_NAME, timeout=WAIT_MS)
            expect(page.locator("#fouten")).to_have_count(0)

            # The documents, as pages from the same Markdown as the Word files.
            page.goto(running.url.rstrip("/") + pages.DOCUMENTS_PATH, wait_until="load")
            page.get_by_role("link", name="Sociaal veiligheidsplan").first.click()
            expect(page.locator("body")).to_contain_text(NEW_NAME)
            expect(page.locator("h1").first).to_be_visible()
            assert page.url.startswith(running.url.rstrip("/") + pages.PREFIX)
        finally:
            context.close()

    foreign = [
        url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own
    ]
    assert foreign == [], "verzoeken naar een andere server"
    assert any("bijgewerkt" in line for line in said[1:]), said
    assert any("niet bijgewerkt: 1 fout" in line for line in said), said
    # The project's own outputs were not touched: the new name exists only in the preview's folder.
    for published in (ROOT / "site" / "vlinderboom", ROOT / "documenten" / "vlinderboom"):
        for path in published.rglob("*.html") if published.is_dir() else ():
            assert NEW_NAME not in path.read_text(encoding="utf-8", errors="replace"), path
