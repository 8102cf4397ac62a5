"""`bekijk`: a live preview of one school's site and documents while its policy is edited.

    session.py  build the school into a private temporary folder; keep what to show
    watch.py    notice saved files (polling, with a debounce)
    server.py   serve the site and the preview pages on 127.0.0.1, with the reload script
    pages.py    the preview's own HTML: reload bar, error page, documents as pages

The project's documenten/ and site/ are never touched: the build goes to a
temporary folder that is removed when the preview stops.
"""

from __future__ import annotations

import errno
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from schoolveiligheid.errors import BuildFailed
from schoolveiligheid.preview.server import HOST, PreviewServer, serve
from schoolveiligheid.preview.session import Session, State
from schoolveiligheid.preview.watch import Debounce, fingerprint

POLL_SECONDS = 0.25


class Preview:
    """One running preview: start() builds and serves, watch() rebuilds on save until stopped, close()."""

    def __init__(
        self, policy: Path, school_id: str, port: int, say: Callable[[str], None] | None = None
    ) -> None:
        self.port = port
        self.stopped = threading.Event()
        self._folder = Path(tempfile.mkdtemp(prefix="schoolveiligheid-bekijk-"))
        self.session = Session(policy, school_id, self._folder / "uitvoer", say or _say)
        self._server: PreviewServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Where the preview is served."""
        if self._server is None:
            raise RuntimeError("start() first")
        return f"http://{HOST}:{self._server.server_address[1]}/"

    def start(self) -> State:
        """Build once (errors go to the page) and start serving; BuildFailed when the port is taken."""
        try:
            self._server, self._thread = serve(self.session, self.port)
        except OSError as error:
            self.close()
            taken = error.errno == errno.EADDRINUSE or getattr(error, "winerror", None) == 10048
            raise BuildFailed(
                f"poort {self.port} op {HOST} is {'al in gebruik' if taken else 'niet te gebruiken'}",
                f"kies een andere poort, bijvoorbeeld --poort {self.port + 1 if self.port else 8001}",
            ) from None
        return self.session.rebuild()

    def watch(self, clock: Callable[[], float] = time.monotonic) -> None:
        """Rebuild after every save, until stopped (stop(), or Ctrl+C in the caller's thread)."""
        debounce = Debounce(lambda: fingerprint(self.session.watched()))
        debounce.poll(clock())
        while not self.stopped.wait(POLL_SECONDS):
            if debounce.poll(clock()):
                self.session.rebuild()

    def stop(self) -> None:
        """Make watch() return (from another thread)."""
        self.stopped.set()

    def close(self) -> None:
        """Stop serving and remove the temporary folder."""
        self.stopped.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        shutil.rmtree(self._folder, ignore_errors=True)


def _say(text: str) -> None:
    print(text, flush=True)  # at once, also when the output goes to a pipe or a log


__all__ = ["Preview", "State"]
