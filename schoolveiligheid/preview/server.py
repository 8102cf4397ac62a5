"""The preview's web server: the school's built site at /, the preview's own pages under /_voorbeeld/.

Standard library only (http.server): it listens on 127.0.0.1 alone, so no other
machine can reach it, and serves nothing outside the built site's folder: the
path is decoded, '..' and hidden names are refused, and the file must lie
inside the folder with symlinks followed. Every HTML page gets the reload
script; while the input has errors, every page is the error page instead.
Nothing is cached by the browser, so a reload always shows the latest build.
"""

from __future__ import annotations

import functools
import http.server
import json
import mimetypes
import os
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from schoolveiligheid.confine import is_inside
from schoolveiligheid.preview import pages
from schoolveiligheid.preview.session import Session, State

HOST = "127.0.0.1"
_TYPES = {".html": "text/html; charset=utf-8", ".svg": "image/svg+xml", ".js": "text/javascript"}


def site_file(root: Path, url: str) -> Path | None:
    """The file below root that url names, or None: never anything outside root or hidden."""
    path = unquote(urlsplit(url).path)
    if "\x00" in path or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part]
    if any(part in (".", "..") or part.startswith(".") for part in parts):
        return None
    target = root.joinpath(*parts)
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file() or not is_inside(target, root):
        return None
    return target


def _content_type(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return _TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


class _Handler(http.server.BaseHTTPRequestHandler):
    session: Session  # set on the subclass that serve() makes

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self._answer(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        state = self.session.state  # read once: one build's view for the whole request
        path = unquote(urlsplit(self.path).path)
        if path == pages.VERSION_PATH:
            data = json.dumps({"versie": state.version, "goed": state.ok}).encode("utf-8")
            self._send(200, "application/json", data, body)
            return
        snippet = pages.reload_snippet(state.version, state.built_at)
        own = state.extra.get(path)
        if own is not None:
            kind = _content_type(path if path != pages.DOCUMENTS_PATH else "index.html")
            self._send(200, kind, self._shown(own, kind, state, snippet), body)
            return
        found = None if path.startswith(pages.PREFIX) else site_file(self.session.site_root, self.path)
        if found is None:
            if not state.ok:
                self._send(200, _TYPES[".html"], self._shown(b"", _TYPES[".html"], state, snippet), body)
                return
            page = pages.not_found_page(path).encode("utf-8")
            self._send(404, _TYPES[".html"], pages.inject(page, snippet), body)
            return
        kind = _content_type(found.name)
        try:
            data = found.read_bytes()
        except OSError:  # replaced by a rebuild this very moment: the reload that follows shows it
            self._send(503, "text/plain; charset=utf-8", b"even geduld: wordt bijgewerkt", body)
            return
        self._send(200, kind, self._shown(data, kind, state, snippet), body)

    def _shown(self, data: bytes, kind: str, state: State, snippet: str) -> bytes:
        if not kind.startswith("text/html"):
            return data
        if not state.ok:
            data = pages.error_page(state.problems, self.session.school_id).encode("utf-8")
        return pages.inject(data, snippet)

    def _send(self, status: int, kind: str, data: bytes, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the console shows the rebuilds, not every request."""


class PreviewServer(http.server.ThreadingHTTPServer):
    """Threads per request, so a long download never holds up the reload check."""

    daemon_threads = True
    # Restart at once after Ctrl+C on Linux and macOS; on Windows the option would let two servers share a port.
    allow_reuse_address = os.name != "nt"


def serve(session: Session, port: int) -> tuple[PreviewServer, threading.Thread]:
    """Start serving the session on 127.0.0.1:port (0: any free port) in a thread; OSError if taken."""
    handler = type("Handler", (_Handler,), {"session": session})
    server = PreviewServer((HOST, port), handler)
    # A short poll interval: Ctrl+C (shutdown) stops the server at once instead of within half a second.
    thread = threading.Thread(
        target=functools.partial(server.serve_forever, poll_interval=0.05),
        name="voorbeeld-server",
        daemon=True,
    )
    thread.start()
    return server, thread


__all__ = ["HOST", "PreviewServer", "serve", "site_file"]
