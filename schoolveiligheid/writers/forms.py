"""Forms context -> blank Word forms, through the docxtpl templates in templates/formulieren/.

Written into the school's Word folder under formulieren/, never onto the website:
the bereikbaarheidslijst holds numbers that are not public.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from ..context.forms import FormsContext
from ..files import write_atomically
from .letters import DocxFiller, own_template

FORMS_FOLDER = "formulieren"
DEFAULT_FORMS = Path(__file__).resolve().parents[2] / "templates" / FORMS_FOLDER
# File stem -> title in the document properties.
FORMS = {
    "incidentregistratieformulier": "Incidentregistratieformulier",
    "logboek-signalen": "Logboek signalen",
    "sociale-kaart-en-bereikbaarheidslijst": "Sociale kaart en bereikbaarheidslijst",
}


def form_template(stem: str, template_dirs: Sequence[Path] = ()) -> Path:
    """templates/formulieren/<stem>.docx, unless a school or board template folder has its own."""
    for folder in template_dirs:
        own = folder / FORMS_FOLDER / f"{stem}.docx"
        if own.is_file():
            return own_template(own, folder)
    return DEFAULT_FORMS / f"{stem}.docx"


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
                    form_template(stem, template_dirs), values, context.logo, context.stamp, title
                ),
            )
            for stem, title in FORMS.items()
        ]
        for path, data in rendered:
            write_atomically(path, data, mode=0o600)  # the contact list holds staff's private numbers
        return [path for path, _ in rendered]


__all__ = ["FormWriter", "FORMS_FOLDER", "FORMS", "form_template"]
