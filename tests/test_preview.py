"""`bekijk` without a browser: the debounce, the file watch, the server's confinement and pages, the CLI.

The full round trip (build, edit, reload in Chromium) is in test_preview_browser.py.
"""

from __future__ import annotations

import http.client
import json
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from schoolveiligheid.cli import main
from schoolveiligheid.preview import Preview, pages
from schoolveiligheid.preview.server import serve, site_file
from schoolveiligheid.preview.session import State
from schoolveiligheid.preview.watch import Debounce, fingerprint

# --- the debounce: one rebuild per burst of saves, only once the files are quiet


class Scans:
    """A scan that returns whatever the test set last."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[int, int]] = {"a.yaml": (1, 10)}

    def __call__(self) -> dict[str, tuple[int, int]]:
        return dict(self.files)


def test_debounce_waits_for_quiet_and_fires_once() -> None:
    scans = Scans()
    debounce = Debounce(scans, quiet=0.3)
    assert debounce.poll(0.0) is False  # the starting point
    assert debounce.poll(1.0) is False  # nothing changed
    scans.files["a.yaml"] = (2, 11)
    assert debounce.poll(1.1) is False  # changed: wait for quiet
    assert debounce.poll(1.2) is False
    scans.files["b.md"] = (3, 5)  # another save in the same burst restarts the wait
    assert debounce.poll(1.3) is False
    assert debounce.poll(1.5) is False  # 0.2 s quiet
    assert debounce.poll(1.65) is True  # 0.35 s quiet: rebuild
    assert debounce.poll(2.0) is False  # once
    assert debounce.poll(5.0) is False


def test_debounce_sees_a_removed_file() -> None:
    scans = Scans()
    debounce = Debounce(scans, quiet=0.1)
    debounce.poll(0.0)
    del scans.files["a.yaml"]
    assert debounce.poll(0.1) is False
    assert debounce.poll(0.3) is True


def test_fingerprint_sees_saves_and_skips_editor_leftovers(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    (policy / "teksten").mkdir(parents=True)
    school = policy / "school.yaml"
    school.write_text("a: 1\n", encoding="utf-8")
    (policy / "teksten" / "eigen.md").write_text("# Eigen\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    first = fingerprint([policy, config])
    assert set(first) == {str(school), str(policy / "teksten" / "eigen.md"), str(config)}

    for leftover in (".school.yaml.swp", "school.yaml~", "#school.yaml#", ".~lock.x#"):
        (policy / leftover).write_text("x", encoding="utf-8")
    assert fingerprint([policy, config]) == first

    school.write_text("a: 22\n", encoding="utf-8")  # a different size, whatever the clock's resolution
    assert fingerprint([policy, config])[str(school)] != first[str(school)]
    assert fingerprint([tmp_path / "weg"]) == {}


# --- the server: only the site's folder, reload script in every page, errors in the page


@dataclass
class FakeSession:
    """What the server reads of a session."""

    site_root: Path
    school_id: str
    state: State


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[FakeSession, int]]:
    root = tmp_path / "uitvoer" / "site" / "school"
    (root / "hoofdstuk").mkdir(parents=True)
    (root / "index.html").write_text("<html><body><h1>Start</h1></body></html>", encoding="utf-8")
    (root / "hoofdstuk" / "index.html").write_text("<p>H</p>", encoding="utf-8")
    (root / "stijl.css").write_text("body{}", encoding="utf-8")
    (root / ".verborgen").write_text("VERBORGEN-INHOUD", encoding="utf-8")
    (tmp_path / "geheim.txt").write_text("GEHEIM", encoding="utf-8")
    (root / "link.txt").symlink_to(tmp_path / "geheim.txt")
    (root / "map").symlink_to(tmp_path, target_is_directory=True)
    extra = {pages.DOCUMENTS_PATH: b"<html><body>documenten</body></html>"}
    session = FakeSession(root, "school", State(version=3, built_at="12:00:00", extra=extra))
    server, thread = serve(session, 0)  # type: ignore[arg-type]
    try:
        yield session, int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    """A GET with the path sent exactly as given (no client-side clean-up of '..')."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def test_site_file_stays_inside_the_folder(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "a").mkdir(parents=True)
    (root / "a" / "index.html").write_text("x", encoding="utf-8")
    (root / "b.html").write_text("x", encoding="utf-8")
    (tmp_path / "buiten.html").write_text("x", encoding="utf-8")
    (root / "link.html").symlink_to(tmp_path / "buiten.html")
    assert site_file(root, "/b.html") == root / "b.html"
    assert site_file(root, "/a/") == root / "a" / "index.html"
    assert site_file(root, "/a/?q=1#x") == root / "a" / "index.html"
    for url in (
        "/../buiten.html",
        "/a/../../buiten.html",
        "/%2e%2e/buiten.html",
        "/a/%2E%2E/%2e%2e/buiten.html",
        "/..%2fbuiten.html",
        "/..%5cbuiten.html",
        "/link.html",
        "/b.html%00.css",
        "/.verborgen",
        "/bestaat-niet.html",
    ):
        assert site_file(root, url) is None, url


def test_server_refuses_everything_outside_the_site(served: tuple[FakeSession, int]) -> None:
    _, port = served
    for path in (
        "/../geheim.txt",
        "/../../geheim.txt",
        "/%2e%2e/geheim.txt",
        "/link.txt",
        "/map/geheim.txt",
        "/.verborgen",
        "/_voorbeeld/../../geheim.txt",
        "//etc/passwd",
    ):
        status, _, body = _get(port, path)
        assert status == 404, path
        assert b"GEHEIM" not in body and b"root:" not in body and b"VERBORGEN-INHOUD" not in body


def test_server_only_listens_on_this_computer(served: tuple[FakeSession, int]) -> None:
    session, port = served
    server, thread = serve(session, 0)  # type: ignore[arg-type]
    assert server.socket.getsockname()[0] == "127.0.0.1"
    server.shutdown()
    server.server_close()
    thread.join()
    addresses = {
        str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    } - {
        "127.0.0.1",
        "127.0.1.1",
    }
    for address in addresses:
        with pytest.raises(OSError), socket.create_connection((address, port), timeout=2):
            pass
    with socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_pages_get_the_reload_script_and_nothing_is_cached(served: tuple[FakeSession, int]) -> None:
    _, port = served
    status, headers, body = _get(port, "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Cache-Control"] == "no-store"
    assert body.index(b"<h1>Start</h1>") < body.index(pages.VERSION_PATH.encode()) < body.index(b"</body>")
    assert b"var shown = 3;" in body
    status, headers, body = _get(port, "/stijl.css")
    assert (status, body) == (200, b"body{}")  # only HTML gets the script
    status, headers, body = _get(port, pages.VERSION_PATH)
    assert json.loads(body) == {"versie": 3, "goed": True}
    status, _, body = _get(port, pages.DOCUMENTS_PATH)
    assert status == 200 and b"documenten" in body and b"var shown = 3;" in body
    status, _, body = _get(port, "/hoofdstuk/")
    assert status == 200 and body.startswith(b"<p>H</p>")


def test_errors_replace_every_page_escaped_and_the_page_returns(served: tuple[FakeSession, int]) -> None:
    session, port = served
    problem = pages.Notice(
        "policy/school.yaml:12: school.naam",
        "ongeldige naam <script>alert(1)</script>",
        "gebruik 'letters' & cijfers",
    )
    session.state = State(version=4, built_at="12:01:00", problems=(problem,), extra=session.state.extra)
    for path in ("/", "/hoofdstuk/", pages.DOCUMENTS_PATH, "/bestaat-niet.html"):
        status, _, body = _get(port, path)
        text = body.decode("utf-8")
        assert status == 200, path
        assert "policy/school.yaml:12: school.naam" in text
        assert "ongeldige naam &lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "<script>alert(1)" not in text
        assert "tip: gebruik &#x27;letters&#x27; &amp; cijfers" in text
        assert "var shown = 4;" in text  # it keeps polling, so the fix shows without a manual reload
    assert json.loads(_get(port, pages.VERSION_PATH)[2]) == {"versie": 4, "goed": False}
    assert _get(port, "/stijl.css")[2] == b"body{}"  # the last good build's styles stay

    session.state = State(version=5, built_at="12:02:00", extra=session.state.extra)
    status, _, body = _get(port, "/")
    assert status == 200 and b"<h1>Start</h1>" in body and b"school.naam" not in body


# --- the watch loop: a burst of saves gives one rebuild


def test_watch_rebuilds_once_per_burst_of_saves(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    policy.mkdir()
    school = policy / "school.yaml"
    school.write_text("a: 1\n", encoding="utf-8")
    preview = Preview(policy, "school", 0, say=lambda text: None)
    rebuilds: list[float] = []

    def rebuild() -> State:
        rebuilds.append(time.monotonic())
        return preview.session.state

    preview.session.rebuild = rebuild  # type: ignore[method-assign]
    watcher = threading.Thread(target=preview.watch)
    watcher.start()
    try:
        time.sleep(0.6)  # the first scan is the starting point, not a change
        assert rebuilds == []
        for size in range(2, 5):  # an editor saving in steps
            school.write_text("a: 1\n" * size, encoding="utf-8")
            time.sleep(0.05)
        deadline = time.monotonic() + 10
        while not rebuilds and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)
        assert len(rebuilds) == 1
    finally:
        preview.stop()
        watcher.join()
        preview.close()


# --- the command line


def test_bekijk_refuses_a_port_in_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["bekijk", "--policy", str(tmp_path), "--school", "x", "--poort", str(port)])
    assert code == 1
    error = capsys.readouterr().err
    assert f"fout: poort {port} op 127.0.0.1 is al in gebruik" in error
    assert f"tip: kies een andere poort, bijvoorbeeld --poort {port + 1}" in error


def test_bekijk_needs_a_school(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bekijk"]) == 2
    assert "deze argumenten ontbreken: --school" in capsys.readouterr().err


def test_bekijk_leaves_no_temporary_folder(tmp_path: Path) -> None:
    before = set(Path(tempfile.gettempdir()).glob("schoolveiligheid-bekijk-*"))
    preview = Preview(tmp_path, "x", 0, say=lambda text: None)
    preview.close()
    assert set(Path(tempfile.gettempdir()).glob("schoolveiligheid-bekijk-*")) == before
