"""Where things are: the project's folders, the output folder names, and the one template search path.

Every renderer and writer finds a template the same way: first the school's own
template folder, then its board's, then the defaults in templates/. A file found in a school's or board's folder must lie inside it,
symlinks followed (see confine.py); the loader already refused folders with
links out of them, and this keeps a file swapped in later from escaping.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from .errors import InvalidInput, Problem

PACKAGE = Path(__file__).resolve().parent
BUNDLED = PACKAGE / "_data"
"""Where an installed package keeps its files: pyproject.toml maps the checkout's top-level templates/,
schema/, letters/voorbeelden/, mkdocs.yml and the example policy/ here when it builds the wheel."""


def _checkout(folder: Path) -> bool:
    """True when `folder` is a source checkout (a clone, or an editable install) of this project."""
    return (folder / "generate.py").is_file() and (folder / "templates" / "catalogus").is_dir()


IN_CHECKOUT = _checkout(PACKAGE.parent)
"""Run from a checkout: its own folders are used. Installed (pip install . or a wheel): the bundled ones."""

ROOT = PACKAGE.parent if IN_CHECKOUT else Path.cwd()
"""The project folder: the checkout, or (installed) the working directory when the program started.
The default policy/ and the default outputs (documenten/, site/, brieven/) live here."""

DATA = PACKAGE.parent if IN_CHECKOUT else BUNDLED
"""The tool's own files: templates/, schema/, letters/voorbeelden/, mkdocs.yml and the example policy/."""

DEFAULT_TEMPLATES = DATA / "templates"
LETTER_EXAMPLES = DATA / "letters"  # letters/voorbeelden/: an example case file for every kind of letter
DEFAULT_POLICY = ROOT / "policy"
EXAMPLE_POLICY = DATA / "policy"  # the bundled example schools (the board file says `voorbeeld: true`)
SCHEMA_FOLDER = DATA / "schema"
# The JSON Schema of each kind of policy file in SCHEMA_FOLDER (written by model/schema.py).
SCHEMA_FILES: dict[Literal["school", "bestuur"], str] = {
    "school": "school.schema.json",
    "bestuur": "bestuur.schema.json",
}
BASE_CONFIG = DATA / "mkdocs.yml"  # the sites' base configuration; each school's mkdocs.yml INHERITs it

# Template folders below a template root (the defaults, or a school's or board's own folder).
CATALOGUE_TEMPLATES = "catalogus"
FORM_TEMPLATES = "formulieren"  # formulieren/<naam>.txt.j2 (or a Word template of one's own: <naam>.docx)
LETTER_TEMPLATES = "brieven"  # brieven/<soort>.txt.j2 (or <soort>.docx), and their parts in brieven/_gedeeld/
# A letter or form template: text in the line format (writers/docx_lines.py), or a Word template.
TEXT_TEMPLATE_SUFFIX = ".txt.j2"
WORD_TEMPLATE_SUFFIX = ".docx"
SITE_TEMPLATES = "site"
MASTER_TEMPLATE = "word/master.docx"

# Output folders below the output root (the project folder unless --uitvoer says otherwise).
DOCUMENTS_OUTPUT = "documenten"
SITE_OUTPUT = "site"
LETTERS_OUTPUT = "brieven"  # written by `brief`; a build never touches it
DEFAULT_LETTERS = ROOT / LETTERS_OUTPUT  # `brief` writes here unless --uitvoer says otherwise
ARCHIVE_OUTPUT = "archief"  # `bouw --archief`: site/<school>/ as <school>.zip, ready to upload
FORMS_OUTPUT = "formulieren"  # below each school's documents folder, never on the website
# Folders of the project that git ignores (see .gitignore): the only places in it a letter may go.
PRIVATE_FOLDERS = (LETTERS_OUTPUT, "zaken")
# Folders of the project that hold what people edit or the tool itself: never an output.
PROTECTED_FOLDERS = (
    "policy",
    "templates",
    "schoolveiligheid",
    "schema",
    "letters",
    LETTERS_OUTPUT,
    "tests",
    ".git",
)


def template_search_path(own: Sequence[Path], defaults: Path = DEFAULT_TEMPLATES) -> tuple[Path, ...]:
    """The ordered search path: the school's folder, the board's folder (`own`, in that order), the defaults."""
    return (*own, defaults)


def find_template(name: str, own: Sequence[Path], default: Path | None = None) -> Path:
    """The first `name` along the search path; `default` (else templates/<name>) when no own folder has it.

    A file in an own folder that is a link to a place outside that folder is refused
    (InvalidInput), like every template an own folder holds.
    """
    for folder in own:
        candidate = folder / name
        if candidate.is_file():
            return confined(candidate, folder)
    return default if default is not None else DEFAULT_TEMPLATES / name


def find_letter_or_form(stem: str, own: Sequence[Path]) -> Path:
    """The template of a letter or form ('brieven/schorsing'), along the search path.

    In each own folder a Word template (<stem>.docx) comes before a text template
    (<stem>.txt.j2); the default is the text in templates/.
    """
    for folder in own:
        for suffix in (WORD_TEMPLATE_SUFFIX, TEXT_TEMPLATE_SUFFIX):
            candidate = folder / f"{stem}{suffix}"
            if candidate.is_file():
                return confined(candidate, folder)
    return DEFAULT_TEMPLATES / f"{stem}{TEXT_TEMPLATE_SUFFIX}"


def confined(path: Path, folder: Path) -> Path:
    """A template from a school's or board's folder; refused when it is a link to a place outside it."""
    from .confine import is_inside  # noqa: PLC0415 - confine loads Jinja, which a no-op build never needs

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


__all__ = [
    "ARCHIVE_OUTPUT",
    "BASE_CONFIG",
    "BUNDLED",
    "CATALOGUE_TEMPLATES",
    "DATA",
    "DEFAULT_LETTERS",
    "DEFAULT_POLICY",
    "DEFAULT_TEMPLATES",
    "DOCUMENTS_OUTPUT",
    "EXAMPLE_POLICY",
    "FORMS_OUTPUT",
    "FORM_TEMPLATES",
    "IN_CHECKOUT",
    "LETTERS_OUTPUT",
    "LETTER_EXAMPLES",
    "LETTER_TEMPLATES",
    "MASTER_TEMPLATE",
    "PACKAGE",
    "PRIVATE_FOLDERS",
    "PROTECTED_FOLDERS",
    "ROOT",
    "SCHEMA_FILES",
    "SCHEMA_FOLDER",
    "SITE_OUTPUT",
    "SITE_TEMPLATES",
    "TEXT_TEMPLATE_SUFFIX",
    "WORD_TEMPLATE_SUFFIX",
    "confined",
    "find_letter_or_form",
    "find_template",
    "template_search_path",
]
