"""Fills docxtpl Word templates (forms and letters) with a context, compiling each template once per run.

A template is a text file in the line format (<naam>.txt.j2, made into a Word template in
memory by docx_lines.py, once per file and search path) or a Word file a school or board made
itself (<naam>.docx). docxtpl renders with its own Jinja environment: StrictUndefined (a
missing value is an error, never an empty space in a letter to parents or a form) and
autoescape (a '&' or '<' a user typed stays exactly as typed). It is never the Markdown
environment. Templates are rendered in Jinja's sandbox, like every template a school or board
may bring. A mistake in a text template is reported with its file and line.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jinja2
from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
from docx.image.image import Image
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import InlineImage  # type: ignore[import-untyped]
from markupsafe import Markup

from ..confine import SANDBOX_HINT, SecurityError, sandbox_message
from ..errors import BuildFailed, InvalidInput, Problem, display_path
from ..files import os_reason
from ..paths import TEXT_TEMPLATE_SUFFIX
from .docx_lines import CompiledText, JinjaPart, Origin, build_text, read_text
from .word import CompileOnceEnvironment, FilledTemplate, reproducible_docx, reproducible_zip
from .word_fields import describe_images

LOGO_HEIGHT = Mm(18)
_REMAKE = (
    "een brief of formulier komt uit een tekstbestand (.txt.j2) of uit een Word-bestand dat docxtpl kan "
    "vullen; zie templates/README.md"
)
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
    (re.compile(r"no filter named '([^']+)'\.?", re.IGNORECASE), "onbekend filter '{0}'"),
    (re.compile(r"no test named '([^']+)'\.?", re.IGNORECASE), "onbekende test '{0}'"),
)


_TYPE_NAMES = {"dict": "blok", "list": "lijst", "tuple": "lijst", "str": "tekst", "int": "getal"}


def _type_name(name: str) -> str:
    """'schoolveiligheid.context.letterhead.Letterhead' -> 'Letterhead'; Python's own types in Dutch."""
    short = name.rsplit(".", 1)[-1] if re.fullmatch(r"\w+(\.\w+)+", name) else name
    return _TYPE_NAMES.get(short, short)


def dutch_jinja(exc: jinja2.TemplateError) -> str:
    """Jinja's message in Dutch; a rare one is kept, after a Dutch lead, so nothing is lost."""
    original = (exc.message or str(exc) or type(exc).__name__).strip()
    for pattern, text in _JINJA_MESSAGES:
        match = pattern.fullmatch(original)
        if match:
            return text.format(*(_type_name(group) for group in match.groups()))
    return f"fout in de opbouw van het sjabloon (Jinja: {original})"


def _fields_hint(names: Sequence[str]) -> str:
    return f"velden die het sjabloon mag gebruiken: {', '.join(sorted(names))}"


def dutch_template_error(exc: jinja2.TemplateError, template: Path, names: Sequence[str]) -> BuildFailed:
    """A Jinja error from a Word letter or form template as a Dutch BuildFailed naming the template file."""
    message = f"{dutch_jinja(exc)} in sjabloon {display_path(template)}"
    nearby = [line.strip() for line in getattr(exc, "docx_context", None) or () if line.strip()]
    if isinstance(exc, jinja2.TemplateSyntaxError):
        hint = "controleer de {{ … }} en {% … %} in het sjabloon"
        if nearby:
            hint += f', rond deze tekst: "{" ".join(nearby)[:200]}"'
        return BuildFailed(message, hint)
    return BuildFailed(message, _fields_hint(names))


def text_template_problem(
    exc: jinja2.TemplateError, origin: Origin | None, template: Path, names: Sequence[str]
) -> Problem:
    """A Jinja error from a text template as a Dutch problem at the file and line it is on."""
    file, line = (str(origin.file), origin.line) if origin else (str(template), None)
    if isinstance(exc, SecurityError):
        return Problem(file, line, "", f"sjabloon geweigerd: {sandbox_message(exc)}", SANDBOX_HINT)
    hidden = re.search(r"'(_[^']*)'", exc.message or "") if isinstance(exc, jinja2.UndefinedError) else None
    if hidden:  # a hidden name (__globals__, _x) the sandbox kept back, for instance through |attr
        message = f"sjabloon geweigerd: het sjabloon vraagt '{hidden[1]}' op; dat mag niet in een sjabloon"
        return Problem(file, line, "", message, SANDBOX_HINT)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Problem(
            file,
            line,
            "",
            f"fout in sjabloon: {dutch_jinja(exc)}",
            "controleer de {{ … }} en {% … %} op deze regel",
        )
    return Problem(
        file, line, "", f"sjabloon kan niet worden ingevuld: {dutch_jinja(exc)}", _fields_hint(names)
    )


def check_jinja(parts: Sequence[JinjaPart], environment: jinja2.Environment, template: Path) -> None:
    """Parse the Jinja of every part of a text template; a mistake names the file and line it is on."""
    for part in parts:
        try:
            environment.parse(part.source)
        except jinja2.TemplateSyntaxError as exc:
            number = min(max(exc.lineno, 1), len(part.origins))
            if "end of template" in (exc.message or "").lower():
                number = _unclosed_block(part.source) or number
            origin = part.origins[number - 1] if part.origins else None
            raise InvalidInput([text_template_problem(exc, origin, template, ())]) from None


_BLOCK_TAG = re.compile(r"\{%[-+]?\s*(end)?(if|for|with|macro|call|filter|block|raw|autoescape)\b")


def _unclosed_block(source: str) -> int | None:
    """The line of the block that is still open when the template ends (Jinja names only the end)."""
    opened: list[int] = []
    for number, line in enumerate(source.splitlines(), start=1):
        for match in _BLOCK_TAG.finditer(line):
            if match[1]:
                if opened:
                    opened.pop()
            else:
                opened.append(number)
    return opened[-1] if opened else None


# Word templates made from text templates, by the lines read, for the whole process: a run that
# writes letters or forms several times (the tests, a preview) builds each distinct text once.
# The oldest go first beyond the limit, so a long run over many own texts stays bounded.
_BUILT: dict[object, CompiledText] = {}
_BUILT_LIMIT = 256


class DocxFiller:
    """Fills docxtpl templates; one per run, so each template's Jinja is compiled once."""

    def __init__(self) -> None:
        self.environment = CompileOnceEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
        self._sources: dict[Path, bytes] = {}
        self._texts: dict[tuple[Path, tuple[Path, ...]], CompiledText] = {}
        self._used: set[object] = set()  # the distinct texts (by the lines read) this filler needed
        self._good_logos: set[Path] = set()

    @property
    def text_compilations(self) -> int:
        """How many distinct Word templates this filler's texts needed: schools that share lines share one."""
        return len(self._used)

    def _text(self, template: Path, own: Sequence[Path]) -> CompiledText:
        """A text template as a Word template: read once per search path, built once per distinct text."""
        key = (template.resolve(), tuple(own))
        if key not in self._texts:
            source = read_text(template, own)
            compiled = _BUILT.get(source.signature)
            if compiled is None:
                compiled = build_text(source)
                check_jinja(compiled.parts, self.environment, template)
                if len(_BUILT) >= _BUILT_LIMIT:
                    _BUILT.pop(next(iter(_BUILT)))
                _BUILT[source.signature] = compiled
            self._used.add(source.signature)
            self._texts[key] = compiled
        return self._texts[key]

    def _source(self, template: Path, own: Sequence[Path]) -> tuple[bytes, CompiledText | None]:
        if template.name.endswith(TEXT_TEMPLATE_SUFFIX):
            text = self._text(template, own)
            return text.data, text
        key = template.resolve()
        if key not in self._sources:
            try:
                self._sources[key] = template.read_bytes()
            except OSError as exc:
                raise BuildFailed(f"het sjabloon {display_path(template)} ontbreekt", _REMAKE) from exc
        return self._sources[key], None

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
        title: str | None = None,
        identifier: str = "",
        own: Sequence[Path] = (),
    ) -> bytes:
        """The filled template as reproducible .docx bytes; `logo` becomes an image in the letterhead.

        `own` is the school's and board's template folders, where a text template's parts are
        looked for first. The document's title is `title`, or else the template's own ('@ titel').
        """
        if logo is not None:
            self.check_logo(logo)
        data, text = self._source(template, own)
        values = dict(context)
        try:
            document = FilledTemplate(io.BytesIO(data))
            values["logo"] = InlineImage(document, str(logo), height=LOGO_HEIGHT) if logo else None
            document.render(values, jinja_env=self.environment, autoescape=True)
            head = values.get("head")
            head = head.get("name", "") if isinstance(head, Mapping) else getattr(head, "name", "")
            describe_images(document.docx, f"Logo van {head}" if head else "Logo van de school")
        except jinja2.TemplateError as exc:
            if text is not None:
                problem = text_template_problem(exc, text.locate(values), template, list(context))
                raise InvalidInput([problem]) from None
            if isinstance(exc, SecurityError):
                message = f"sjabloon geweigerd: {sandbox_message(exc)}"
                raise InvalidInput([Problem(str(template), None, "", message, SANDBOX_HINT)]) from None
            raise dutch_template_error(exc, template, list(context)) from exc
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise BuildFailed(
                f"het sjabloon {display_path(template)} is geen geldig Word-bestand", _REMAKE
            ) from exc
        stamp = datetime(when.year, when.month, when.day, tzinfo=UTC)
        core = document.docx.core_properties
        # docxtpl filled the template's title with autoescape on; the properties hold plain text.
        core.title = title if title is not None else Markup(core.title).unescape()
        if identifier:
            core.identifier = identifier
        core.created = core.modified = stamp.replace(tzinfo=None)
        core.revision = 1
        if (
            document.pics_to_replace
            or document.crc_to_new_media
            or document.crc_to_new_embedded
            or document.zipname_to_replace
        ):
            buffer = io.BytesIO()  # docxtpl's replacements happen in its own save; we use none of them
            document.save(buffer)
            return reproducible_zip(buffer.getvalue(), stamp)
        return reproducible_docx(document.docx, stamp)


__all__ = [
    "DocxFiller",
    "LOGO_HEIGHT",
    "check_jinja",
    "dutch_jinja",
    "dutch_template_error",
    "text_template_problem",
]
