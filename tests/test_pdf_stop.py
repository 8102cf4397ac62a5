"""Stopping a hung LibreOffice works on Windows too (issue 14): taskkill /T, then kill(), never killpg.

The platform is simulated; no process is started.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from schoolveiligheid.writers import pdf


class FakeOffice:
    """A LibreOffice that does not quit by itself and ends only when it is stopped the way it is told to."""

    pid = 4242

    def __init__(self, ends_after: int) -> None:
        self.ends_after = ends_after  # how many stop attempts it takes before wait() returns
        self.waits = 0
        self.killed = False

    def wait(self, timeout: float | None = None) -> int:
        self.waits += 1
        if self.waits > self.ends_after:
            return 1
        raise subprocess.TimeoutExpired("soffice", timeout or 0)

    def kill(self) -> None:
        self.killed = True


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Simulated Windows: taskkill calls are recorded, process groups must not be used."""
    calls: list[list[str]] = []

    def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        calls.append(command)
        return subprocess.CompletedProcess(command, 0)

    def no_killpg(*args: object) -> None:
        raise AssertionError("os.killpg does not exist on Windows")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(pdf.subprocess, "run", run)
    monkeypatch.setattr(os, "killpg", no_killpg, raising=False)
    monkeypatch.setattr(pdf, "STOP_SECONDS", 0.01)
    return calls


def test_a_hung_libreoffice_on_windows_is_ended_with_its_children(windows: list[list[str]]) -> None:
    office = FakeOffice(ends_after=1)  # the patient wait times out; taskkill ends it
    pdf._stop(office, patience=0.01)  # type: ignore[arg-type]
    assert windows == [["taskkill", "/F", "/T", "/PID", "4242"]]
    assert not office.killed


def test_when_taskkill_cannot_end_it_the_process_is_killed(windows: list[list[str]]) -> None:
    office = FakeOffice(ends_after=2)
    pdf._stop(office, patience=0.01)  # type: ignore[arg-type]
    assert windows == [["taskkill", "/F", "/T", "/PID", "4242"]]
    assert office.killed and office.waits == 3


def test_a_missing_taskkill_still_ends_libreoffice(
    windows: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(command: list[str], **kwargs: Any) -> None:
        raise FileNotFoundError("taskkill")

    monkeypatch.setattr(pdf.subprocess, "run", missing)
    office = FakeOffice(ends_after=2)
    pdf._stop(office, patience=0.01)  # type: ignore[arg-type]
    assert office.killed


def test_a_libreoffice_that_quits_is_left_alone(windows: list[list[str]]) -> None:
    office = FakeOffice(ends_after=0)
    pdf._stop(office, patience=0.01)  # type: ignore[arg-type]
    assert windows == [] and not office.killed


def test_elsewhere_the_process_group_is_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(os, "killpg", lambda pid, sig: sent.append((pid, sig)))
    monkeypatch.setattr(pdf, "STOP_SECONDS", 0.01)
    office = FakeOffice(ends_after=2)
    pdf._stop(office, patience=0.01)  # type: ignore[arg-type]
    assert sent == [(4242, pdf.signal.SIGTERM), (4242, pdf.signal.SIGKILL)]
