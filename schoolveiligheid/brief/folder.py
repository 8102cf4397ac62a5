"""Where a letter may go: a folder git ignores, or one outside the project; never a published place.

Letters carry a pupil's personal data, so they only go to a folder git ignores
(brieven/ by default) or outside the project, never in, around or below a
website, a website export, the documents or the policy and template folders.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..documents import DOCUMENT_KINDS
from ..errors import InvalidInput, Problem, display_path
from ..paths import (
    DEFAULT_LETTERS,
    DEFAULT_TEMPLATES,
    DOCUMENTS_OUTPUT,
    FORMS_OUTPUT,
    LETTER_EXAMPLES,
    PRIVATE_FOLDERS,
    ROOT,
    SITE_OUTPUT,
)

DEFAULT_OUTPUT = DEFAULT_LETTERS
# How much of an existing output folder is looked through for a website or documents inside it.
SCAN_DEPTH = 4
SCAN_MAX_FOLDERS = 2_000
_DOCUMENT_FILES = frozenset(kind.docx_name for kind in DOCUMENT_KINDS)
_CHOOSE = "laat --uitvoer weg (dan: brieven/) of kies een eigen map voor brieven, buiten de website en de documenten"


def _refuse(out_dir: Path, message: str, hint: str = _CHOOSE) -> InvalidInput:
    return InvalidInput([Problem(str(out_dir), None, "--uitvoer", message, hint)])


def _looks_like_a_site(folder: Path) -> bool:
    return (folder / "sitemap.xml").is_file() or (folder / "search" / "search_index.json").is_file()


def _looks_like_a_site_export(folder: Path) -> bool:
    if folder == ROOT:  # the project's own base configuration; the project has its own rule below
        return False
    return (folder / "mkdocs.yml").is_file() or (folder / "zensical.toml").is_file()


def _looks_like_school_documents(folder: Path) -> bool:
    return (folder / FORMS_OUTPUT).is_dir() or any((folder / name).is_file() for name in _DOCUMENT_FILES)


def _looks_like_documents(folder: Path) -> bool:
    """documenten/ of a build, or one school's folder in it (a user's own Documenten folder is not)."""
    if _looks_like_school_documents(folder):
        return True
    if folder.name != DOCUMENTS_OUTPUT:
        return False
    if (folder.parent / SITE_OUTPUT).is_dir():
        return True
    try:
        return any(child.is_dir() and _looks_like_school_documents(child) for child in folder.iterdir())
    except OSError:
        return False


def _published(folder: Path) -> str | None:
    """Why a letter may not be in (or below) this folder, or None."""
    if folder.name == SITE_OUTPUT or _looks_like_a_site(folder):
        return "brieven horen nooit in een websitemap: alles daarin kan gepubliceerd worden"
    if _looks_like_a_site_export(folder):
        return (
            "brieven horen nooit in een export van de websitebronnen (mkdocs.yml, --bronnen): "
            "alles daarin kan gepubliceerd worden"
        )
    if _looks_like_documents(folder):
        return (
            "brieven horen niet bij de documenten (documenten/): die map wordt bij elke bouw vervangen "
            "en gedeeld"
        )
    return None


def _inside_published(target: Path) -> None:
    for folder in [target, *target.parents]:
        reason = _published(folder)
        if reason is not None:
            raise _refuse(target, reason)


def _contains_published(target: Path) -> None:
    """Refuse a folder with a website, an export or documents somewhere below it."""
    if not target.is_dir():
        return
    seen = 0
    for current, dirs, _files in os.walk(target):
        here = Path(current)
        depth = len(here.relative_to(target).parts)
        for name in dirs:
            seen += 1
            if seen > SCAN_MAX_FOLDERS:
                raise _refuse(
                    target,
                    "deze map bevat zo veel mappen dat niet na te gaan is of er een website of documenten in staan",
                )
            reason = _published(here / name)
            if reason is not None:
                raise _refuse(
                    target,
                    f"deze map bevat {display_path(here / name)}; {reason}",
                )
        if depth + 1 >= SCAN_DEPTH:
            dirs[:] = []


def _protected(target: Path, folders: Iterable[tuple[Path, str]]) -> None:
    for folder, what in folders:
        try:
            real = folder.resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        if target == real or real in target.parents:
            raise _refuse(target, f"brieven horen niet in {what}", "laat --uitvoer weg (dan: brieven/)")
        if target in real.parents:
            raise _refuse(
                target,
                f"deze map bevat {what} ({display_path(real)}); brieven horen in een eigen map",
                "laat --uitvoer weg (dan: brieven/)",
            )


def check_output_folder(out_dir: Path, policy_dir: Path, template_dirs: Iterable[Path] = ()) -> None:
    """Refuse a folder that could publish or commit a letter.

    Refused, with symlinks followed: a website (built, or its sources exported), the
    documents, the policy folder or a template folder; a folder inside one of those,
    or one that holds one; and a folder in the project that git does not ignore.
    """
    target = out_dir.resolve()
    _inside_published(target)
    _protected(target, [(policy_dir, "de beleidsmap")])
    chain = [target, *target.parents]
    if ROOT in chain and not any(ROOT / name in chain for name in PRIVATE_FOLDERS):
        raise _refuse(
            out_dir,
            "deze map ligt in het project, maar git negeert hem niet: de brief zou in git terecht kunnen komen",
            "laat --uitvoer weg (dan: brieven/), of kies een map buiten het project",
        )
    _protected(
        target,
        [
            (DEFAULT_TEMPLATES, "de sjablonenmap"),
            (LETTER_EXAMPLES, "de map met voorbeeldzaken"),
            *((folder, "een sjablonenmap van een school of bestuur") for folder in template_dirs),
        ],
    )
    _contains_published(target)


__all__ = ["DEFAULT_OUTPUT", "check_output_folder"]
