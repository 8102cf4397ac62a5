"""Letter contexts -> .docx letters, through the letter texts in templates/brieven/ (or a school's own).

A letter's text is templates/brieven/<soort>.txt.j2 and the parts it takes in, found along the
template search path: a school's or board's own brieven/<soort>.txt.j2 (or a Word template
brieven/<soort>.docx), or only one of the parts, replaces the default. One writer per run makes
each text into a Word template once and compiles its Jinja once (writers/docx_fill.py),
however many letters follow. Nothing is written until every letter has
rendered; then all are written privately (private.py), all or none.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from ..paths import LETTER_TEMPLATES, find_letter_or_form
from ..writers.docx_fill import DocxFiller
from .private import already_there, write_private_files
from .views import LetterContext


@dataclass(frozen=True, slots=True)
class Letter:
    """One letter to write: its context and its file name."""

    context: LetterContext
    file_name: str
    letter_date: date
    case_id: str = ""  # kept in the document properties, so a later run recognises its own letter


def template_for(kind: str, template_dirs: Sequence[Path] = ()) -> Path:
    """templates/brieven/<kind>.txt.j2, unless a school or board template folder has its own letter."""
    return find_letter_or_form(f"{LETTER_TEMPLATES}/{kind}", template_dirs)


def context_values(context: LetterContext) -> dict[str, Any]:
    """The top-level names a letter template uses."""
    return {item.name: getattr(context, item.name) for item in fields(context)}


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
            raise already_there(existing)
        rendered = [
            self.filler.fill(
                template_for(letter.context.kind, template_dirs),
                context_values(letter.context),
                letter.context.logo,
                letter.letter_date,
                identifier=letter.case_id,
                own=template_dirs,
            )
            for letter in letters
        ]
        write_private_files(list(zip(targets, rendered, strict=True)), overwrite)
        return targets


__all__ = ["Letter", "LetterWriter", "context_values", "read_identifier", "template_for"]
