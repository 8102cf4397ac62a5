"""Letter contexts -> .docx letters, through the docxtpl templates in letters/ (made by tools/maak_brieven.py).

docxtpl renders with its own Jinja environment: StrictUndefined (a missing value
is an error, never an empty space in a letter to parents) and autoescape (a '&'
or '<' a user typed stays exactly as typed). It is never the Markdown
environment. One writer per run compiles each template once, however many
letters or forms follow. Nothing is written until every file has rendered.

A letter holds a pupil's personal data: it is written readable for its owner
only (mode 0600), complete in a private work folder before it gets its name,
and an existing letter is never replaced unless the caller says so, because it
may already have been sent.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import struct
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jinja2
from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
from docx.image.image import Image
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage  # type: ignore[import-untyped]

from ..confine import SANDBOX_HINT, SecurityError, is_inside, sandbox_message
from ..context.letter import LetterContext
from ..errors import BuildFailed, InvalidInput, Problem, display_path
from ..files import os_reason
from .word import CompileOnceEnvironment, reproducible_zip

LETTERS_DIR = Path(__file__).resolve().parents[2] / "letters"
LOGO_HEIGHT = Mm(18)
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700
_REMAKE = "maak de sjablonen opnieuw met: python tools/maak_brieven.py"
_LOGO_HINT = (
    "exporteer het logo opnieuw als PNG of JPG en controleer dat het in een afbeeldingsprogramma opent"
)
# What python-docx raises on an image it cannot read: a wrong or cut-off header, or a size of zero pixels.
_BAD_IMAGE = (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
    ZeroDivisionError,
    struct.error,
    ValueError,
    IndexError,
)

# Jinja's messages -> Dutch; the groups are names from the template, shown as they are.
_JINJA_MESSAGES = (
    (re.compile(r"'([^']+)' is undefined"), "onbekende waarde '{0}'"),
    (
        re.compile(r"'None' has no attribute '([^']+)'"),
        "het sjabloon vraagt '{0}' op van een waarde die bij deze brief leeg is",
    ),
    (re.compile(r"'([^']+?)(?: object)?' has no attribute '([^']+)'"), "'{0}' heeft geen veld '{1}'"),
    (re.compile(r"'([^']+?)(?: object)?' has no element (.+)"), "'{0}' heeft geen element {1}"),
    (re.compile(r"Encountered unknown tag '([^']+)'.*", re.DOTALL), "onbekende opdracht '{0}'"),
    (
        re.compile(r"Unexpected end of template.*?'(end\w+)'.*", re.DOTALL),
        "het sjabloon houdt op voordat een blok is afgesloten (ontbrekend: '{0}')",
    ),
    (
        re.compile(r"unexpected end of template.*", re.DOTALL | re.IGNORECASE),
        "het sjabloon houdt te vroeg op",
    ),
    (re.compile(r"unexpected '(.+)'"), "onverwacht teken '{0}'"),
    (re.compile(r"expected token '(.+?)', got '(.+?)'"), "hier hoort '{0}', maar er staat '{1}'"),
    (re.compile(r"no filter named '([^']+)'"), "onbekend filter '{0}'"),
    (re.compile(r"no test named '([^']+)'"), "onbekende test '{0}'"),
)


_TYPE_NAMES = {"dict": "blok", "list": "lijst", "tuple": "lijst", "str": "tekst", "int": "getal"}


def _type_name(name: str) -> str:
    """'schoolveiligheid.context.letter_views.Letterhead' -> 'Letterhead'; Python's own types in Dutch."""
    short = name.rsplit(".", 1)[-1] if re.fullmatch(r"\w+(\.\w+)+", name) else name
    return _TYPE_NAMES.get(short, short)


def dutch_template_error(exc: jinja2.TemplateError, template: Path, names: Sequence[str]) -> BuildFailed:
    """A Jinja error from a letter or form template as a Dutch BuildFailed naming the template file."""
    original = (exc.message or str(exc) or type(exc).__name__).strip()
    dutch = None
    for pattern, text in _JINJA_MESSAGES:
        match = pattern.fullmatch(original)
        if match:
            dutch = text.format(*(_type_name(group) for group in match.groups()))
            break
    if dutch is None:  # a rare Jinja message: keep it, after a Dutch lead, so nothing is lost
        dutch = f"fout in de opbouw van het sjabloon (Jinja: {original})"
    message = f"{dutch} in sjabloon {display_path(template)}"
    nearby = [line.strip() for line in getattr(exc, "docx_context", None) or () if line.strip()]
    if isinstance(exc, jinja2.TemplateSyntaxError):
        hint = "controleer de {{ … }} en {% … %} in het sjabloon"
        if nearby:
            hint += f', rond deze tekst: "{" ".join(nearby)[:200]}"'
        return BuildFailed(message, hint)
    return BuildFailed(message, f"velden die het sjabloon mag gebruiken: {', '.join(sorted(names))}")


class DocxFiller:
    """Fills docxtpl templates; one per run, so each template's Jinja is compiled once."""

    def __init__(self) -> None:
        self.environment = CompileOnceEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
        self._sources: dict[Path, bytes] = {}
        self._good_logos: set[Path] = set()

    def _source(self, template: Path) -> bytes:
        key = template.resolve()
        if key not in self._sources:
            try:
                self._sources[key] = template.read_bytes()
            except OSError as exc:
                raise BuildFailed(f"het sjabloon {display_path(template)} ontbreekt", _REMAKE) from exc
        return self._sources[key]

    def check_logo(self, logo: Path) -> None:
        """Read the logo as Word will, once per run: a broken image is a Dutch error, not a crash mid-render."""
        if logo in self._good_logos:
            return
        try:
            Image.from_file(str(logo)).scaled_dimensions(None, LOGO_HEIGHT)
        except OSError as exc:
            raise BuildFailed(
                f"het logo {display_path(logo)} kan niet worden gelezen: {os_reason(exc)}",
                "controleer school.logo in het beleid",
            ) from exc
        except _BAD_IMAGE as exc:
            raise BuildFailed(
                f"het logo {display_path(logo)} is geen afbeelding die Word kan tonen", _LOGO_HINT
            ) from exc
        self._good_logos.add(logo)

    def fill(
        self,
        template: Path,
        context: Mapping[str, Any],
        logo: Path | None,
        when: date,
        title: str,
        identifier: str = "",
    ) -> bytes:
        """The filled template as reproducible .docx bytes; `logo` becomes an image in the letterhead."""
        if logo is not None:
            self.check_logo(logo)
        try:
            document = DocxTemplate(io.BytesIO(self._source(template)))
            values = dict(context)
            values["logo"] = InlineImage(document, str(logo), height=LOGO_HEIGHT) if logo else None
            document.render(values, jinja_env=self.environment, autoescape=True)
        except SecurityError as exc:
            raise InvalidInput(
                [
                    Problem(
                        str(template), None, "", f"sjabloon geweigerd: {sandbox_message(exc)}", SANDBOX_HINT
                    )
                ]
            ) from None
        except jinja2.TemplateError as exc:
            raise dutch_template_error(exc, template, list(context)) from exc
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise BuildFailed(
                f"het sjabloon {display_path(template)} is geen geldig Word-bestand", _REMAKE
            ) from exc
        stamp = datetime(when.year, when.month, when.day, tzinfo=UTC)
        core = document.docx.core_properties
        core.title = title
        if identifier:
            core.identifier = identifier
        core.created = core.modified = stamp.replace(tzinfo=None)
        core.revision = 1
        buffer = io.BytesIO()
        document.save(buffer)
        return reproducible_zip(buffer.getvalue(), stamp)


@dataclass(frozen=True, slots=True)
class Letter:
    """One letter to write: its context and its file name."""

    context: LetterContext
    file_name: str
    letter_date: date
    case_id: str = ""  # kept in the document properties, so a later run recognises its own letter


def template_for(kind: str, template_dirs: Sequence[Path] = ()) -> Path:
    """letters/<kind>.docx, unless a school or board template folder has brieven/<kind>.docx."""
    for folder in template_dirs:
        own = folder / "brieven" / f"{kind}.docx"
        if own.is_file():
            return own_template(own, folder)
    return LETTERS_DIR / f"{kind}.docx"


def own_template(path: Path, folder: Path) -> Path:
    """A template from a school's or board's folder; refused when it is a link to a place outside it."""
    if not is_inside(path, folder):
        raise InvalidInput(
            [
                Problem(
                    str(path),
                    None,
                    "",
                    f"sjabloon geweigerd: het bestand verwijst naar een plek buiten de sjablonenmap {folder}",
                    "zet het sjabloon zelf in de map (geen snelkoppeling of symbolische link naar elders)",
                )
            ]
        )
    return path


def context_values(context: LetterContext) -> dict[str, Any]:
    """The top-level names a letter template uses."""
    return {item.name: getattr(context, item.name) for item in fields(context)}


def _already_there(paths: Sequence[Path]) -> InvalidInput:
    return InvalidInput(
        Problem(
            str(path),
            None,
            "",
            "deze brief bestaat al; misschien is hij al verstuurd",
            "verplaats of hernoem de oude brief eerst, of geef --overschrijven mee om hem te vervangen",
        )
        for path in paths
    )


def _cannot_write(path: Path, exc: OSError) -> BuildFailed:
    return BuildFailed(
        f"kan {display_path(path)} niet schrijven: {os_reason(exc)}",
        "is de brief geopend in Word, of is de map alleen-lezen? Sluit het bestand of kies een andere map",
    )


def _link_new(temporary: Path, path: Path) -> None:
    """Give the written file its name only if that name is free, even if it was taken after the first check."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (some network shares): check, then rename
        if path.exists():
            raise FileExistsError(path) from None
        temporary.replace(path)


# A private work folder (mode 0700) inside the letters folder: `.brief-<pid>-<random>`. A letter is
# complete there before it gets its name; the folder is removed when the command ends, and a folder
# left by a killed run is removed by the next one.
PRIVATE_WORK_PREFIX = ".brief-"
_STALE_WITHOUT_PID_CHECK = 3600  # seconds; where a process cannot be looked up (Windows)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows has no safe probe: the age decides there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _remove_stale_work_folders(out_dir: Path) -> None:
    """Remove work folders (with any letter in them) that a killed run left behind."""
    for folder in out_dir.glob(f"{PRIVATE_WORK_PREFIX}*"):
        match = re.fullmatch(rf"{re.escape(PRIVATE_WORK_PREFIX)}(\d+)-\w+", folder.name)
        if match is None or folder.is_symlink() or not folder.is_dir():
            continue
        try:
            old = time.time() - folder.stat().st_mtime > _STALE_WITHOUT_PID_CHECK
        except OSError:
            continue
        if not _process_alive(int(match[1])) or (os.name == "nt" and old):
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _stopped_cleanly() -> Iterator[None]:
    """Turn a polite kill (SIGTERM, SIGHUP) into an exception, so the work folder is removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {number: signal.signal(number, stop) for number in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)  # None: set outside Python


def _write_in(folder: Path, name: str, data: bytes) -> Path:
    temporary = folder / name
    # O_EXCL with mode 0600: there is no moment at which anyone else may read the letter.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(temporary, flags, PRIVATE_FILE_MODE), "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    temporary.chmod(PRIVATE_FILE_MODE)  # stated rather than assumed
    return temporary


def write_private_files(files: Sequence[tuple[Path, bytes]], overwrite: bool = False) -> None:
    """Write files into their (one) folder, readable for the owner only; all or none of the new ones.

    Each file is written completely in a private work folder (mode 0700) inside the
    target folder and only then given its name, so no one sees half a letter and a
    killed run leaves no letter under a hidden name beside the others: the work
    folder goes on failure, on Ctrl-C or SIGTERM, and otherwise with the next run.
    Without overwrite an existing file is never replaced.
    """
    if not files:
        return
    out_dir = files[0][0].parent
    try:
        out_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
        _remove_stale_work_folders(out_dir)
        work = Path(tempfile.mkdtemp(prefix=f"{PRIVATE_WORK_PREFIX}{os.getpid()}-", dir=out_dir))
    except OSError as exc:
        raise _cannot_write(out_dir, exc) from exc
    created: list[Path] = []
    current = files[0][0]
    try:
        with _stopped_cleanly():
            work.chmod(PRIVATE_FOLDER_MODE)
            staged = [(_write_in(work, f"{n}.docx", data), path) for n, (path, data) in enumerate(files)]
            for temporary, path in staged:
                current = path
                if overwrite:
                    temporary.replace(path)
                else:
                    _link_new(temporary, path)
                    created.append(path)
    except FileExistsError:
        _remove(created)
        raise _already_there([current]) from None
    except OSError as exc:
        _remove(created)
        raise _cannot_write(current, exc) from exc
    except BaseException:
        _remove(created)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        with suppress(OSError):
            path.unlink()


def write_private(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write data to path atomically, readable for the owner only; without overwrite, never replace a file."""
    write_private_files([(path, data)], overwrite)


def read_identifier(path: Path) -> str | None:
    """The identifier a letter carries in its document properties (see Letter.case_id), or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return None
    match = re.search(r"<dc:identifier>([^<]*)</dc:identifier>", core)
    return match[1] if match else None


class LetterWriter:
    """Writes letters; all are rendered in memory first, then written privately, all or none."""

    def __init__(self, filler: DocxFiller | None = None) -> None:
        self.filler = filler or DocxFiller()

    def write(
        self,
        letters: Sequence[Letter],
        out_dir: Path,
        template_dirs: Sequence[Path] = (),
        overwrite: bool = False,
    ) -> list[Path]:
        """Render every letter, then write them; refuses (InvalidInput) when one exists and not overwrite."""
        targets = [out_dir / letter.file_name for letter in letters]
        existing = [path for path in targets if path.exists()]
        if existing and not overwrite:
            raise _already_there(existing)
        rendered = [
            self.filler.fill(
                template_for(letter.context.kind, template_dirs),
                context_values(letter.context),
                letter.context.logo,
                letter.letter_date,
                f"Brief {letter.context.head.name}",
                identifier=letter.case_id,
            )
            for letter in letters
        ]
        write_private_files(list(zip(targets, rendered, strict=True)), overwrite)
        return targets


__all__ = [
    "DocxFiller",
    "Letter",
    "LetterWriter",
    "template_for",
    "own_template",
    "write_private",
    "write_private_files",
    "read_identifier",
    "dutch_template_error",
    "LETTERS_DIR",
]
