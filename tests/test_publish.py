"""Publishing: `bouw --archief` makes one ready-to-upload zip per school, and a built site works
opened from disk (file://) as the README says: every page, link and stylesheet, no network, no search.

The example board is built once (two schools, so there is a board index) with a pinned
SOURCE_DATE_EPOCH; the other tests build single schools into their own folders.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from support import nothing_kept, require_program

from schoolveiligheid.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHOOLS = ("kompasroos", "vlinderboom")
EPOCH = 1790000000
LETTER = b"brief aan ouders: persoonsgegevens"


def _build(root: Path, *extra: str, epoch: int = EPOCH) -> int:
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return main(["bouw", "--policy", str(ROOT / "policy"), "--uitvoer", str(root), *extra])


@pytest.fixture(autouse=True)
def _restore_epoch() -> Any:
    before = os.environ.get("SOURCE_DATE_EPOCH")
    yield
    if before is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = before


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two schools built with --archief, with a letter waiting in brieven/ beside the outputs."""
    root = tmp_path_factory.mktemp("bestuur")
    (root / "brieven").mkdir()
    (root / "brieven" / "schorsing.docx").write_bytes(LETTER)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        assert _build(root, "--archief", *[word for school in SCHOOLS for word in ("--school", school)]) == 0
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    return root


def _site_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_archive_holds_exactly_the_site_files(board: Path) -> None:
    assert sorted(path.name for path in (board / "archief").iterdir()) == [f"{s}.zip" for s in SCHOOLS]
    board_index = (board / "site" / "index.html").read_bytes()
    moment = datetime.fromtimestamp(EPOCH, tz=UTC).timetuple()[:6]
    for school in SCHOOLS:
        expected = _site_files(board / "site" / school)
        with zipfile.ZipFile(board / "archief" / f"{school}.zip") as archive:
            entries = archive.infolist()
            names = [entry.filename for entry in entries]
            assert names == sorted(expected), "niet precies de bestanden van de site, of niet gesorteerd"
            for entry in entries:
                assert archive.read(entry) == expected[entry.filename], entry.filename
                assert entry.date_time == moment
                assert entry.external_attr >> 16 == 0o100644
            assert archive.read("index.html") != board_index  # the school's start page, not the board's
            contents = [archive.read(name) for name in names]
        assert "index.html" in names and "contact.html" in names
        assert not any(name.startswith(("formulieren/", "brieven/", "documenten/")) for name in names)
        assert LETTER not in contents
        forms = [path.read_bytes() for path in (board / "documenten" / school / "formulieren").iterdir()]
        assert forms and not any(form in contents for form in forms)


def test_two_builds_give_identical_archives(
    board: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nothing_kept(monkeypatch)  # the second build makes its sites and Word files anew
    again = tmp_path / "opnieuw"
    assert _build(again, "--archief", *[word for school in SCHOOLS for word in ("--school", school)]) == 0
    for school in SCHOOLS:
        first = (board / "archief" / f"{school}.zip").read_bytes()
        assert (again / "archief" / f"{school}.zip").read_bytes() == first, school


def test_failed_build_keeps_the_old_archive_and_no_archive_without_the_option(tmp_path: Path) -> None:
    root = tmp_path / "uit"
    zip_file = root / "archief" / "vlinderboom.zip"
    assert _build(root, "--school", "vlinderboom") == 0
    assert not (root / "archief").exists()

    assert _build(root, "--archief", "--school", "vlinderboom") == 0
    old = zip_file.read_bytes()

    # A later full rebuild that fails (a foreign file in the site folder: the build refuses to
    # replace it) changes nothing; its own zip would have had a new date.
    stray = root / "site" / "vlinderboom" / "brief.docx"
    stray.write_bytes(LETTER)
    assert _build(root, "--archief", "--opnieuw", "--school", "vlinderboom", epoch=EPOCH + 86400) == 1
    assert zip_file.read_bytes() == old
    assert not any((root / "archief").glob(".*")), "een halve zip naast de oude"
    stray.unlink()

    # A build without --archief replaces the site, so the old zip (which no longer matches) goes.
    assert _build(root, "--school", "vlinderboom", epoch=EPOCH + 86400) == 0
    assert (root / "site" / "vlinderboom" / "index.html").is_file()
    assert not zip_file.exists()


def test_archive_needs_the_website(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "uit"
    assert _build(root, "--archief", "--zonder-website") == 2
    assert "--archief" in capsys.readouterr().err
    assert not root.exists()


# --- The site opened from disk, in Chromium -------------------------------------------------

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
LOCAL_SCHEMES = {"file", "data", "blob", "about"}
# Material looks for its search index as a script when the page comes from file:// (only its
# `offline` plugin writes one); this site has none, so the search stays hidden.
SEARCH_SCRIPT = "search/search_index.js"


def _on_disk(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def _check_page(page: Any, site: Path) -> None:
    """Every stylesheet loaded and applied; every link to the site points at a file that exists."""
    sheets = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].map(l => [l.href, l.sheet !== null])"
    )
    assert sheets and all(loaded for _, loaded in sheets), sheets
    assert any(href.endswith("/schoolveiligheid.css") for href, _ in sheets)
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.locator("h1").first.is_visible()
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    local = [href for href in hrefs if href.startswith("file://")]
    assert local
    for href in local:
        target = _on_disk(href.split("#")[0])
        assert target.is_file(), f"{page.url}: link naar {href} wijst niet naar een bestand"
        assert target.resolve().is_relative_to(site.resolve()), f"{href} wijst buiten de site"


def test_site_opened_from_disk(board: Path) -> None:
    chromium = require_program("chromium", "/usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    site = board / "site" / "vlinderboom"
    requests: list[str] = []
    problems: list[str] = []
    with sync_playwright() as running, tempfile.TemporaryDirectory() as profile:
        context = running.chromium.launch_persistent_context(
            user_data_dir=profile,
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 800},  # wide: the navigation is in the sidebar
            locale="nl-NL",
            service_workers="block",
        )
        context.on("request", lambda request: requests.append(request.url))
        context.on("requestfailed", lambda request: problems.append(f"mislukt: {request.url}"))
        context.on("weberror", lambda error: problems.append(f"scriptfout: {error.error}"))
        try:
            page = context.new_page()
            page.goto((site / "index.html").as_uri(), wait_until="load")
            _check_page(page, site)

            # A document page, through the start page's link, one folder down (its links go up with ../).
            page.locator('article a[href="sociaal-veiligheidsplan/inleiding.html"]').first.click()
            page.wait_for_url((site / "sociaal-veiligheidsplan" / "inleiding.html").as_uri())
            _check_page(page, site)

            page.locator('a[href="../contact.html"] >> visible=true').first.click()
            page.wait_for_url((site / "contact.html").as_uri())
            _check_page(page, site)
            assert page.locator('a[href^="tel:"]').count() > 0

            # Search from disk: no search field or magnifier; the index script it asks for is not there.
            page.wait_for_timeout(500)
            assert page.locator(".md-search").evaluate("element => element.hidden")
            assert not page.locator('label.md-header__button[for="__search"]').is_visible()
        finally:
            context.close()

    assert requests
    assert [url for url in requests if urlsplit(url).scheme not in LOCAL_SCHEMES] == [], (
        "verzoek buiten file://"
    )
    assert [url for url in requests if url.endswith("search_index.json")] == []
    assert not (site / SEARCH_SCRIPT).exists()
    searched = {url for url in requests if url.endswith(SEARCH_SCRIPT)}
    assert searched == {(site / SEARCH_SCRIPT).as_uri()}
    search_problems = {
        f"mislukt: {(site / SEARCH_SCRIPT).as_uri()}",
        f"scriptfout: Invalid script: {(site / SEARCH_SCRIPT).as_uri()}",
    }
    assert set(problems) == search_problems, "andere fouten dan de ontbrekende zoekindex"

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "geen zoekveld" in readme and SEARCH_SCRIPT in readme
