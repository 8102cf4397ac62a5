"""Windows and macOS, simulated: LibreOffice at its standard places or where the user says, console
output that never crashes on an old code page, the command as the user ran it, and a Dutch tip for a
file that Word holds open."""

from __future__ import annotations

import errno
import io
import ntpath
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from schoolveiligheid import cli, console
from schoolveiligheid.errors import ToolMissing
from schoolveiligheid.files import in_use, os_hint, os_reason
from schoolveiligheid.writers import pdf

ROOT = Path(__file__).resolve().parents[1]
WINDOWS_SOFFICE = r"C:\Program Files\LibreOffice\program\soffice.exe"
MAC_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def _only(existing: set[str]):  # type: ignore[no-untyped-def]
    def is_file(path: Path) -> bool:
        return str(path) in existing

    return is_file


@pytest.fixture
def no_libreoffice_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    monkeypatch.delenv(pdf.SOFFICE_VARIABLE, raising=False)


@pytest.mark.parametrize(
    ("platform", "program"), [("win32", WINDOWS_SOFFICE), ("darwin", MAC_SOFFICE)], ids=["windows", "macos"]
)
def test_libreoffice_is_found_at_its_standard_place(
    platform: str, program: str, monkeypatch: pytest.MonkeyPatch, no_libreoffice_on_path: None
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "is_file", _only({program}))
    assert pdf.find_soffice() == program


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_missing_libreoffice_gets_an_install_hint_for_the_system(
    platform: str, monkeypatch: pytest.MonkeyPatch, no_libreoffice_on_path: None
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "is_file", _only(set()))
    with pytest.raises(ToolMissing) as missing:
        pdf.find_soffice()
    hint = missing.value.hint
    assert "--soffice" in hint and pdf.SOFFICE_VARIABLE in hint
    expected = {
        "win32": r"C:\Program Files\LibreOffice",
        "darwin": "libreoffice.org",
        "linux": "sudo apt install",
    }
    assert expected[platform] in hint
    if platform != "linux":
        assert "apt" not in hint, "no Debian command on Windows or macOS"


def test_the_variable_and_the_option_choose_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_libreoffice_on_path: None
) -> None:
    program = tmp_path / "LibreOffice" / "program" / "soffice"
    program.parent.mkdir(parents=True)
    program.write_text("")
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(program))
    assert pdf.find_soffice() == str(program)
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, str(tmp_path / "LibreOffice"))  # the install folder will do
    assert pdf.find_soffice() == str(program)
    monkeypatch.delenv(pdf.SOFFICE_VARIABLE)
    assert pdf.find_soffice(program) == str(program)
    with pytest.raises(ToolMissing) as wrong:
        pdf.find_soffice(tmp_path / "elders" / "soffice")
    assert "--soffice wijst niet naar het programma soffice" in wrong.value.hint


def test_bouw_soffice_option_reaches_the_pdf_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_libreoffice_on_path: None
) -> None:
    monkeypatch.setattr(pdf, "convert_pairs", lambda pairs: pytest.fail("no PDF without a policy"))
    # The option sets the variable for this process: have monkeypatch remove it again afterwards,
    # so later tests in this process look for LibreOffice as usual.
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, "")
    missing = tmp_path / "geen-beleid"
    assert cli.main(["bouw", "--pdf", "--soffice", str(tmp_path / "soffice"), "--policy", str(missing)]) == 2
    assert os.environ[pdf.SOFFICE_VARIABLE] == str(tmp_path / "soffice")


def test_output_never_crashes_on_a_cp1252_console() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    console.safe_console([stream])
    stream.write("vlinderboom.yaml: rollen.directeur → Dirk Zwaan … “klaar” ✓ 漢\n")
    stream.flush()
    assert (
        raw.getvalue().decode("cp1252") == "vlinderboom.yaml: rollen.directeur -> Dirk Zwaan … “klaar” v ?\n"
    )


def test_verschil_to_a_cp1252_file_does_not_crash(tmp_path: Path) -> None:
    """`verschil OLD NEW > file` on Windows: stdout is a file in the ANSI code page."""
    environment = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    old = tmp_path / "oud"
    shutil.copytree(ROOT / "policy", old)
    school = old / "vlinderboom.yaml"
    text = school.read_text(encoding="utf-8")
    school.write_text(text.replace("status: vastgesteld", "status: concept", 1), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "generate.py"),
            "verschil",
            str(school),
            str(ROOT / "policy" / "vlinderboom.yaml"),
        ],
        capture_output=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("cp1252")
    assert "Status: concept -> vastgesteld" in result.stdout.decode("cp1252"), "the arrow, in plain form"


def test_windows_paths_in_the_closing_tip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "_on_windows", lambda: True)
    monkeypatch.setattr(console, "_path", ntpath)
    monkeypatch.setattr(console, "display_path", lambda path: ntpath.relpath(str(path), "C:\\school"))
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    python = "C:\\school\\.venv\\Scripts\\python.exe"
    assert (
        console.command_prefix("C:\\school\\generate.py", python) == ".venv\\Scripts\\python.exe generate.py"
    )
    assert (
        console.command(["controleer", "--policy", "mijn beleid"], "C:\\school\\generate.py", python)
        == '.venv\\Scripts\\python.exe generate.py controleer --policy "mijn beleid"'
    )


def test_the_tip_is_the_command_as_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    monkeypatch.chdir(ROOT)
    python = str(ROOT / ".venv" / "bin" / "python")
    assert (
        console.command(["controleer"], str(ROOT / "generate.py"), python)
        == ".venv/bin/python generate.py controleer"
    )
    main = str(ROOT / "schoolveiligheid" / "__main__.py")
    assert console.command_prefix(main, python) == ".venv/bin/python -m schoolveiligheid"
    assert console.program_name(main) == "python -m schoolveiligheid"
    script = str(tmp_path / "bin" / "schoolveiligheid")
    monkeypatch.setattr(
        shutil, "which", lambda name, *args, **kwargs: script if name == "schoolveiligheid" else None
    )
    assert console.command_prefix(script, python) == "schoolveiligheid"
    assert console.command_prefix("/elders/pytest", python) == "python generate.py", "called from other code"


def _windows_error(winerror: int) -> OSError:
    error = PermissionError(errno.EACCES, "Het proces heeft geen toegang tot het bestand", "plan.docx")
    error.winerror = winerror  # type: ignore[attr-defined]
    return error


def test_a_file_open_in_word_gets_a_tip_to_close_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    shared = _windows_error(32)
    assert in_use(shared)
    assert os_reason(shared) == "het bestand is geopend in een ander programma"
    assert os_hint(shared, "er is niets veranderd").startswith("sluit het bestand (in Word")
    denied = _windows_error(5)  # a folder with an open file in it cannot be moved
    assert "geopend in een ander programma" in os_reason(denied)
    assert "geen toestemming" not in os_reason(denied)


def test_elsewhere_access_denied_stays_a_permission_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    denied = PermissionError(errno.EACCES, "Permission denied", "plan.docx")
    assert not in_use(denied)
    assert os_reason(denied) == "geen toestemming"
    assert os_hint(denied, "kies een andere map") == "kies een andere map"
