"""Forms context -> blank Word forms, through the form texts in templates/formulieren/.

Written into the school's Word folder under formulieren/ (paths.FORMS_OUTPUT), never
onto the website: the bereikbaarheidslijst holds numbers that are not public. The
templates are found along the search path (paths.find_letter_or_form): a school's or
board's own formulieren/<naam>.txt.j2 (or Word template <naam>.docx) first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from ..context.forms import FormsContext
from ..files import write_atomically
from ..paths import FORM_TEMPLATES, find_letter_or_form
from .docx_fill import DocxFiller

# The forms every school gets: file stems of their templates and of the files written.
FORMS = (
    "incidentregistratieformulier",
    "logboek-signalen",
    "sociale-kaart-en-bereikbaarheidslijst",
    "rapportage-meldcode",
    "afweging-risico-en-bescherming",
    "contacten-met-ouders",
)


def form_template(stem: str, template_dirs: Sequence[Path] = ()) -> Path:
    """templates/formulieren/<stem>.txt.j2, unless a school or board template folder has its own."""
    return find_letter_or_form(f"{FORM_TEMPLATES}/{stem}", template_dirs)


class FormWriter:
    """Writes a school's forms; one per run, so each template is compiled once for all schools."""

    def __init__(self, filler: DocxFiller | None = None) -> None:
        self.filler = filler or DocxFiller()

    def write(self, context: FormsContext, out_dir: Path, template_dirs: Sequence[Path] = ()) -> list[Path]:
        """Write every form into out_dir; all are rendered before the first is written."""
        values = {item.name: getattr(context, item.name) for item in fields(context)}
        rendered = [
            (
                out_dir / f"{stem}.docx",
                self.filler.fill(
                    form_template(stem, template_dirs), values, context.logo, context.stamp, own=template_dirs
                ),
            )
            for stem in FORMS
        ]
        for path, data in rendered:
            write_atomically(path, data, mode=0o600)  # the contact list holds staff's private numbers
        return [path for path, _ in rendered]


__all__ = ["FormWriter", "FORMS", "form_template"]
