"""Word files -> PDF through LibreOffice: one LibreOffice process for all files of a run.

LibreOffice starts in about a second and converts a document in a fraction of
that, so a run starts it once, with a private profile (so it never meets a
LibreOffice the user has open), hands all files to _uno_pdf.py, and always stops it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from schoolveiligheid.documents import PDF
from schoolveiligheid.errors import BuildFailed, ToolMissing, display_path
from schoolveiligheid.writers.word_fields import settle_table_of_contents

UNO_SCRIPT = Path(__file__).with_name("_uno_pdf.py")
SOFFICE_VARIABLE = "SCHOOLVEILIGHEID_SOFFICE"  # the program to use, when it is not in a standard place
# Where the official installers put the program, by platform (after the PATH and SCHOOLVEILIGHEID_SOFFICE).
STANDARD_PLACES = {
    "win32": (
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ),
    "darwin": ("/Applications/LibreOffice.app/Contents/MacOS/soffice",),
    "linux": ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"),
}
INSTALL_HINTS = {
    "win32": "installeer LibreOffice van libreoffice.org (standaard in C:\\Program Files\\LibreOffice); "
    f"staat het elders, geef dan --soffice PAD of zet {SOFFICE_VARIABLE}",
    "darwin": "installeer LibreOffice van libreoffice.org in Programma's (of: brew install --cask libreoffice); "
    f"staat het elders, geef dan --soffice PAD of zet {SOFFICE_VARIABLE}",
    "linux": "installeer LibreOffice op Debian/Ubuntu met: sudo apt install libreoffice-writer-nogui python3-uno; "
    f"staat het elders, geef dan --soffice PAD of zet {SOFFICE_VARIABLE}",
}
INSTALL_HINT = INSTALL_HINTS["linux"]
UNO_HINT = (
    "installeer de Python-koppeling van LibreOffice op Debian/Ubuntu met: sudo apt install python3-uno "
    "(die werkt met /usr/bin/python3, niet in een virtuele omgeving)"
)
START_SECONDS = 120  # LibreOffice's first start with a fresh profile
SECONDS_PER_FILE = 60
STOP_SECONDS = 15


def convert_to_pdf(docx_paths: Sequence[Path], out_dir: Path, *, pdfa: bool = False) -> list[Path]:
    """Write <out_dir>/<stem>.pdf for every .docx, in one LibreOffice process.

    All PDFs are written or none: a failure leaves earlier PDFs in out_dir untouched. The PDFs
    are tagged (PDF/UA); `pdfa`: also PDF/A-2b. Each .docx gets the page numbers of its table of
    contents and no longer asks Word to update fields (word_fields.py).
    """
    sources = [Path(path) for path in docx_paths]
    _check_unique_stems(sources)
    out_dir.mkdir(parents=True, exist_ok=True)
    return convert_pairs([(source, out_dir / f"{source.stem}{PDF}") for source in sources], pdfa=pdfa)


def convert_pairs(pairs: Sequence[tuple[Path, Path]], *, pdfa: bool = False) -> list[Path]:
    """Convert (docx, pdf) pairs in one LibreOffice process; all PDFs are written or none.

    `bouw --pdf` hands it every document of every school of the run at once (build._make_pdfs).
    """
    if not pairs:
        return []
    sources = [source for source, _ in pairs]
    _check_sources(sources)
    soffice = find_soffice()
    python = find_uno_python(soffice)
    common = Path(os.path.commonpath([str(target.parent.resolve()) for _, target in pairs]))
    staging = Path(tempfile.mkdtemp(prefix=".pdf-", dir=common))
    staged = [(source, staging / f"{number}.pdf") for number, (source, _) in enumerate(pairs)]
    try:
        results = _run_libreoffice(soffice, python, staged, staging, pdfa)
        failures = [f"{display_path(item['source'])}: {item['error']}" for item in results if "error" in item]
        missing = [source for source, stage in staged if not stage.is_file()]
        if failures or missing:
            details = failures or [display_path(source) for source in missing]
            raise BuildFailed(
                "LibreOffice kon niet alle Word-bestanden omzetten naar PDF:\n  " + "\n  ".join(details),
                "open het bestand in Word of LibreOffice om te zien wat eraan mankeert, of maak het opnieuw",
            )
        for (_, stage), (_, target) in zip(staged, pairs, strict=True):
            stage.replace(target)
        for item in results:
            if "toc" in item:
                settle_table_of_contents(Path(item["source"]), [(str(e), int(p)) for e, p in item["toc"]])
        return [target for _, target in pairs]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _platform() -> str:
    return "win32" if sys.platform == "win32" else "darwin" if sys.platform == "darwin" else "linux"


def install_hint() -> str:
    """How to install LibreOffice on this computer's system."""
    return INSTALL_HINTS[_platform()]


def find_soffice(chosen: str | os.PathLike[str] | None = None) -> str:
    """The LibreOffice program: `chosen` (--soffice), else SCHOOLVEILIGHEID_SOFFICE, else the PATH,
    else the standard install location of this system; ToolMissing when there is none."""
    given = chosen or os.environ.get(SOFFICE_VARIABLE, "")
    if given:
        path = Path(given)
        if path.is_dir():  # the LibreOffice folder itself, or its program folder
            candidates = [path / "program" / _exe("soffice"), path / _exe("soffice"), path / "soffice"]
            path = next((candidate for candidate in candidates if candidate.is_file()), path)
        if path.is_file():
            return str(path)
        found = shutil.which(str(given))
        if found:
            return found
        source = "--soffice" if chosen else SOFFICE_VARIABLE
        raise ToolMissing(
            f"LibreOffice (soffice) op {display_path(str(given))}",
            f"{source} wijst niet naar het programma soffice; {install_hint()}",
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in STANDARD_PLACES[_platform()]:
        if Path(place).is_file():
            return place
    raise ToolMissing("LibreOffice (soffice)", install_hint())


def _exe(name: str) -> str:
    return f"{name}.exe" if _platform() == "win32" else name


@functools.cache
def find_uno_python(soffice: str) -> str:
    """A Python that can `import uno`: LibreOffice's own (official builds) or the system one (Debian)."""
    program = Path(soffice).resolve().parent
    candidates = [
        program / _exe("python"),  # official builds for Windows and Linux
        program.parent / "Resources" / "python",  # macOS: LibreOffice.app/Contents/Resources/python
        Path("/usr/bin/python3"),  # Debian's python3-uno
    ]
    which = shutil.which("python3")
    if which:
        candidates.append(Path(which))
    for candidate in candidates:
        if candidate.is_file():
            probe = subprocess.run(
                [str(candidate), "-c", "import uno"],
                capture_output=True,
                env=_clean_environment(),
                check=False,
            )
            if probe.returncode == 0:
                return str(candidate)
    raise ToolMissing("python3-uno", UNO_HINT)


def _check_unique_stems(sources: list[Path]) -> None:
    stems = [source.stem for source in sources]
    doubles = sorted({stem for stem in stems if stems.count(stem) > 1})
    if doubles:
        raise BuildFailed(
            f"Meer dan één Word-bestand heet {', '.join(doubles)}",
            "elk PDF-bestand krijgt de naam van zijn .docx",
        )


def _check_sources(sources: list[Path]) -> None:
    for source in sources:
        if not source.is_file():
            raise BuildFailed(
                f"Het Word-bestand {display_path(source)} bestaat niet", "maak eerst de Word-bestanden"
            )
        try:
            with zipfile.ZipFile(source) as archive:
                valid = "word/document.xml" in archive.namelist()
        except (zipfile.BadZipFile, OSError):
            valid = False
        if not valid:
            raise BuildFailed(
                f"{display_path(source)} is geen geldig Word-bestand (.docx) en kan niet naar PDF",
                "maak het Word-bestand opnieuw",
            )


def _run_libreoffice(
    soffice: str, python: str, pairs: list[tuple[Path, Path]], staging: Path, pdfa: bool = False
) -> list[dict[str, Any]]:
    environment = _clean_environment()
    pipe = f"schoolveiligheid-{os.getpid()}-{secrets.token_hex(6)}"
    # The profile lives in the run's own staging folder (not the system's temp folder), so
    # whatever a killed run leaves there is removed with the staging area by the next run.
    with tempfile.TemporaryDirectory(prefix="lo-", dir=staging) as work:
        log_path = Path(work) / "soffice.log"
        with log_path.open("wb") as log:
            office = subprocess.Popen(
                [
                    soffice,
                    f"-env:UserInstallation={(Path(work) / 'profiel').as_uri()}",
                    "--headless",
                    "--invisible",
                    "--nologo",
                    "--nodefault",
                    "--norestore",
                    "--nolockcheck",
                    f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=environment,
                start_new_session=True,  # its own process group, so stopping it stops its children too
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        patience = 0  # seconds to let LibreOffice quit by itself; none if the script never got to say so
        try:
            run = subprocess.run(
                [
                    python,
                    str(UNO_SCRIPT),
                    pipe,
                    *(["--pdfa"] if pdfa else []),
                ],
                input="".join(
                    json.dumps([str(source.resolve()), str(target.resolve())]) + "\n"
                    for source, target in pairs
                ),
                capture_output=True,
                text=True,
                env=environment,
                timeout=START_SECONDS + SECONDS_PER_FILE * len(pairs),
                check=False,
            )
            patience = STOP_SECONDS if run.returncode in (0, 1) else 0
        except subprocess.TimeoutExpired as exc:
            raise BuildFailed(
                f"LibreOffice was na {exc.timeout:.0f} seconden nog niet klaar met de PDF-bestanden",
                "probeer het opnieuw; blijft het hangen, maak dan de PDF's zonder --pdf",
            ) from exc
        finally:
            _stop(office, patience)
        output = log_path.read_text(encoding="utf-8", errors="replace")
    results = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    fatal = next((item["fatal"] for item in results if "fatal" in item), "")
    if run.returncode == 3:
        raise ToolMissing("python3-uno", UNO_HINT)
    if fatal or run.returncode not in (0, 1):
        last_lines = (run.stderr.strip() or output.strip() or f"afsluitcode {run.returncode}").splitlines()
        detail = fatal or last_lines[-1]
        raise BuildFailed(
            f"LibreOffice kon de PDF-bestanden niet maken: {detail}",
            "draait LibreOffice goed? Probeer: soffice --headless --version",
        )
    return results


def _die_with_parent() -> None:
    """In the child, before LibreOffice starts: end it when we end, even on kill -9 (Linux)."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _stop(office: subprocess.Popen[bytes], patience: float) -> None:
    """Wait for LibreOffice to quit after the script's terminate(); end its process group if it does not."""
    try:
        office.wait(timeout=patience)
        return
    except subprocess.TimeoutExpired:
        pass
    if sys.platform == "win32":  # no process groups or SIGKILL: end the process and its children by tree
        _stop_on_windows(office)
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(office.pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        try:
            office.wait(timeout=STOP_SECONDS)
            return
        except subprocess.TimeoutExpired:
            continue


def _stop_on_windows(office: subprocess.Popen[bytes]) -> None:
    """End LibreOffice and the processes it started: taskkill /T ends the tree; kill() if taskkill cannot."""
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(office.pid)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=STOP_SECONDS,
            check=False,
        )
    try:
        office.wait(timeout=STOP_SECONDS)
        return
    except subprocess.TimeoutExpired:
        pass
    try:
        office.kill()  # TerminateProcess: at least LibreOffice itself ends
    except OSError:
        return
    with contextlib.suppress(subprocess.TimeoutExpired):
        office.wait(timeout=STOP_SECONDS)


def _clean_environment() -> dict[str, str]:
    """The environment without our virtual environment's Python settings, which break the system Python."""
    dropped = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    return {key: value for key, value in os.environ.items() if key not in dropped}
