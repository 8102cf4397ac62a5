"""Letter contexts -> .docx letters, through the docxtpl templates in letters/ (made by tools/maak_brieven.py).

docxtpl renders with its own Jinja environment: StrictUndefined (a missing value
is an error, never an empty space in a letter to parents) and autoescape (a '&'
or '<' a user typed stays exactly as typed). It is never the Markdown
environment. One writer per run compiles each template once, however many
letters or forms follow. Nothing is written until every file has rendered.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage  # type: ignore[import-untyped]

from ..context.letter import LetterContext
from ..errors import BuildFailed, display_path
from .word import CompileOnceEnvironment, _write_atomically, reproducible_zip

LETTERS_DIR = Path(__file__).resolve().parents[2] / "letters"
LOGO_HEIGHT = Mm(18)
_REMAKE = "maak de sjablonen opnieuw met: python tools/maak_brieven.py"


class DocxFiller:
    """Fills docxtpl templates; one per run, so each template's Jinja is compiled once."""

    def __init__(self) -> None:
        self.environment = CompileOnceEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
        self._sources: dict[Path, bytes] = {}

    def _source(self, template: Path) -> bytes:
        key = template.resolve()
        if key not in self._sources:
            try:
                self._sources[key] = template.read_bytes()
            except OSError as exc:
                raise BuildFailed(f"het sjabloon {display_path(template)} ontbreekt", _REMAKE) from exc
        return self._sources[key]

    def fill(
        self, template: Path, context: Mapping[str, Any], logo: Path | None, when: date, title: str
    ) -> bytes:
        """The filled template as reproducible .docx bytes; `logo` becomes an image in the letterhead."""
        try:
            document = DocxTemplate(io.BytesIO(self._source(template)))
            values = dict(context)
            values["logo"] = InlineImage(document, str(logo), height=LOGO_HEIGHT) if logo else None
            document.render(values, jinja_env=self.environment, autoescape=True)
        except jinja2.TemplateError as exc:
            raise BuildFailed(
                f"het sjabloon {display_path(template)} kon niet worden ingevuld: {exc.message}",
                f"velden die het sjabloon mag gebruiken: {', '.join(sorted(context))}",
            ) from exc
        except (PackageNotFoundError, KeyError, ValueError) as exc:
            raise BuildFailed(
                f"het sjabloon {display_path(template)} is geen geldig Word-bestand: {exc}", _REMAKE
            ) from exc
        stamp = datetime(when.year, when.month, when.day, tzinfo=UTC)
        core = document.docx.core_properties
        core.title = title
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


def template_for(kind: str, template_dirs: Sequence[Path] = ()) -> Path:
    """letters/<kind>.docx, unless a school or board template folder has brieven/<kind>.docx."""
    for folder in template_dirs:
        own = folder / "brieven" / f"{kind}.docx"
        if own.is_file():
            return own
    return LETTERS_DIR / f"{kind}.docx"


def context_values(context: LetterContext) -> dict[str, Any]:
    """The top-level names a letter template uses."""
    return {item.name: getattr(context, item.name) for item in fields(context)}


class LetterWriter:
    """Writes letters; all are rendered in memory first, then each file is replaced atomically."""

    def __init__(self, filler: DocxFiller | None = None) -> None:
        self.filler = filler or DocxFiller()

    def write(
        self, letters: Sequence[Letter], out_dir: Path, template_dirs: Sequence[Path] = ()
    ) -> list[Path]:
        rendered = [
            (
                out_dir / letter.file_name,
                self.filler.fill(
                    template_for(letter.context.kind, template_dirs),
                    context_values(letter.context),
                    letter.context.logo,
                    letter.letter_date,
                    f"Brief {letter.context.head.name}",
                ),
            )
            for letter in letters
        ]
        for path, data in rendered:
            _write_atomically(path, data)
        return [path for path, _ in rendered]


__all__ = ["DocxFiller", "Letter", "LetterWriter", "template_for", "LETTERS_DIR"]
