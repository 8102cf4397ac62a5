"""Site writer: a school's rendered pages and documents -> a static MkDocs site.

Per school the writer lays out a docs tree in a temporary folder (never below
the output folder, never near letters), writes a small mkdocs.yml that INHERITs
the project's base mkdocs.yml, and builds it in-process in strict mode, so a
broken link fails the build instead of shipping. All school sites are built
into hidden staging folders first and only then swapped in, so a failure leaves
the previous sites untouched.

Docs tree of one school (links in the Markdown must follow it):

    index.md                       the start page (SitePage slug "index")
    <slug>.md                      every other SitePage ("contact", "downloads")
    <file_stem>.md                 a document with one chapter
    <file_stem>/<chapter.slug>.md  a document with several chapters
    downloads/<file name>          the .docx/.pdf files of this school
    schoolveiligheid.css           the site's extra styles (site/schoolveiligheid.css along the
                                   school's template search path: its own, its board's, the default)

Navigation: start page, the other pages, then the documents, each in bundle
order; labels are the titles from the bundle as the reader sees them, escaped
for the theme (theme_text), and also each page's front-matter title. With
several schools the writer also renders a board index
(site/bestuur-index.html.j2: the board's own template folder first, then the
defaults) at <out_dir>/index.html that links to every school site.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import shutil
import sysconfig
import threading
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from schoolveiligheid.colours import HEX_COLOUR, WHITE, mixed
from schoolveiligheid.confine import ConfinedLoader, SandboxEnvironment
from schoolveiligheid.documents import (
    CHART_FOLDER,
    DOWNLOAD_SUFFIXES,
    DocumentMeta,
    RenderedDocument,
    SchoolLink,
    SiteBundle,
)
from schoolveiligheid.errors import BuildFailed
from schoolveiligheid.files import Swap
from schoolveiligheid.paths import DEFAULT_TEMPLATES, SITE_TEMPLATES, find_template, template_search_path
from schoolveiligheid.progress import Progress, no_progress
from schoolveiligheid.render import SharedCompiledTemplates
from schoolveiligheid.writers import charts
from schoolveiligheid.writers.markup import plain_text

BOARD_TEMPLATE = f"{SITE_TEMPLATES}/bestuur-index.html.j2"
# Extra CSS every site gets (mkdocs.yml names it in extra_css), copied into each docs tree.
SITE_CSS = f"{SITE_TEMPLATES}/schoolveiligheid.css"
# Material template fixes (a named search dialog, a Dutch 404 page); only for builds with
# MkDocs, because Zensical has its own templates (see write_sources).
MKDOCS_THEME_FIX = f"{SITE_TEMPLATES}/mkdocs-theme"
BOARD_INDEX = "index.html"
# The board template carries this tag, so a later run recognises (and may remove) its own file.
BOARD_MARKER = '<meta name="generator" content="schoolveiligheid">'

START_SLUG = "index"
DOWNLOADS = "downloads"
# Names the theme itself writes at the top of a site; a page or document there would clash.
RESERVED = frozenset({"404", "assets", "search", "sitemap"})
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SCHOOL_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")

# Shown in the header of every page of a school whose policy is not adopted yet.
CONCEPT_MARK = "CONCEPT"

NavEntry = dict[str, "str | list[NavEntry]"]


def write(
    bundles: Sequence[SiteBundle],
    out_dir: Path,
    downloads: Mapping[str, Sequence[Path]],
    base_config: Path,
    *,
    templates: Path = DEFAULT_TEMPLATES,
    board_templates: Sequence[Path] = (),
    board_schools: Sequence[SchoolLink] | None = None,
    progress: Progress = no_progress,
    swap: Swap | None = None,
) -> list[Path]:
    """Build one site per bundle into out_dir/<school_id>/ and, for a board, out_dir/index.html.

    `board_schools` lists every school of the board, also those not built in
    this run (`--school`, or refused); the index links each one whose site
    exists. Without it, the index lists the bundles of this run. The index's
    template is looked for in `board_templates` (the board's own template
    folder) before the defaults in `templates`; each school's stylesheet along
    its bundle's `template_dirs` before the defaults.

    `downloads` maps a school id to the .docx/.pdf files its pages offer for
    download. Every site is built into the staging area of `swap`, and put in
    place when the caller commits it with the rest of the run; without a swap
    the writer makes one beside out_dir and commits it itself. Returns the site
    folders (and the board index, if any). Raises BuildFailed (Dutch) when a
    site cannot be built; nothing in out_dir is replaced then.
    """
    if not bundles:
        return []
    if swap is None:
        with Swap(out_dir.parent) as own:
            folders = write(
                bundles,
                out_dir,
                downloads,
                base_config,
                templates=templates,
                board_templates=board_templates,
                board_schools=board_schools,
                progress=progress,
                swap=own,
            )
            own.commit()
        return folders
    _check_school_ids(bundles)
    base = base_config.resolve()
    if not base.is_file():
        raise BuildFailed(
            f"de basisconfiguratie van de website ontbreekt: {base_config}",
            "zet mkdocs.yml terug in de hoofdmap van het project",
        )
    if board_schools is None:
        board_schools = [SchoolLink(b.school_id, b.school_name, b.meta.is_concept) for b in bundles]
    built_now = {bundle.school_id for bundle in bundles}
    listed = [
        school
        for school in board_schools
        if school.school_id in built_now or (out_dir / school.school_id / f"{START_SLUG}.html").is_file()
    ]
    logos = {bundle.school_id: logo_name(bundle.meta.logo) for bundle in bundles if bundle.meta.logo}
    for school in listed:  # a school not built in this run keeps the logo its site already has
        if school.school_id not in built_now:
            logos.update(
                (school.school_id, found.name)
                for found in (out_dir / school.school_id).glob(f"{LOGO_STEM}.*")
            )
    board_page = (
        _render_board_index(
            bundles[0].board_name, listed, template_search_path(board_templates, templates), logos
        )
        if len(listed) > 1
        else None
    )

    written: list[Path] = []
    for bundle in progress(bundles, "Websites"):
        final = out_dir / bundle.school_id
        # The Markdown sources are worked on inside the staging area too: a killed run leaves
        # nothing in the system's temp folder, and the next run clears the area.
        write_school(
            bundle,
            swap.stage(final),
            swap.area / f"bron-{bundle.school_id}",
            downloads.get(bundle.school_id, ()),
            base,
            templates=templates,
        )
        written.append(final)
    index = out_dir / BOARD_INDEX
    if board_page is not None:
        swap.stage(index).write_bytes(board_page.encode("utf-8"))
        written.append(index)
    elif index.is_file() and BOARD_MARKER in index.read_text(encoding="utf-8", errors="replace"):
        swap.remove(index)  # a board index from an earlier run would list schools that are no longer built
    return written


def write_school(
    bundle: SiteBundle,
    stage: Path,
    work: Path,
    download_files: Sequence[Path],
    base_config: Path,
    *,
    templates: Path = DEFAULT_TEMPLATES,
) -> None:
    """Build one school's site into `stage` (a new folder), its Markdown sources laid out in `work`
    (removed afterwards). The unit of the build driver: one school, no board index."""
    _check_school_ids([bundle])
    stage.mkdir(parents=True)
    config = write_sources(bundle, work, download_files, base_config, site_dir=stage, templates=templates)
    key = _BUILT_SITES.key(config, stage, templates / MKDOCS_THEME_FIX)
    if not _BUILT_SITES.restore(key, stage):
        _build(config, bundle.school_name)
        _BUILT_SITES.keep(key, stage)
    shutil.rmtree(work, ignore_errors=True)
    _without_third_party_fallbacks(stage)


def board_index(
    out_dir: Path,
    board_name: str,
    board_schools: Sequence[SchoolLink],
    built_now: set[str],
    swap: Swap,
    *,
    templates: Path = DEFAULT_TEMPLATES,
    board_templates: Sequence[Path] = (),
) -> Path | None:
    """Stage the board's index (out_dir/index.html) listing every school whose site exists or is
    built in this run; with one school or none, remove an index an earlier run made. Returns the
    index when there is one."""
    listed = [
        school
        for school in board_schools
        if school.school_id in built_now or (out_dir / school.school_id / f"{START_SLUG}.html").is_file()
    ]
    index = out_dir / BOARD_INDEX
    if len(listed) > 1:
        logos: dict[str, str] = {}
        for school in listed:  # the logo each site has, staged in this run or built before
            final = out_dir / school.school_id
            try:
                folder = swap.staged(final) if school.school_id in built_now else final
            except KeyError:
                folder = final
            logos.update((school.school_id, found.name) for found in folder.glob(f"{LOGO_STEM}.*"))
        page = _render_board_index(
            board_name, listed, template_search_path(board_templates, templates), logos
        )
        swap.stage(index).write_bytes(page.encode("utf-8"))
        return index
    if index.is_file() and BOARD_MARKER in index.read_text(encoding="utf-8", errors="replace"):
        swap.remove(index)
    return None


def write_sources(
    bundle: SiteBundle,
    folder: Path,
    download_files: Sequence[Path],
    base_config: Path,
    *,
    site_dir: Path | None = None,
    templates: Path = DEFAULT_TEMPLATES,
    mkdocs_theme_fix: bool = True,
) -> Path:
    """Write the docs tree and the school's mkdocs.yml into folder; return the config file.

    The result builds as it is with `mkdocs build -f <config>`, which is also
    how the writer builds it. Without site_dir the site goes to folder/site.
    For Zensical leave site_dir out (it refuses a site_dir outside the config's
    folder) and pass mkdocs_theme_fix=False: the fixes replace Material
    templates that Zensical does differently.
    """
    docs = folder / "docs"
    docs.mkdir(parents=True)
    nav = _write_pages(bundle, docs)
    _copy_downloads(bundle, download_files, docs / DOWNLOADS)
    shutil.copyfile(
        find_template(SITE_CSS, bundle.template_dirs, templates / SITE_CSS), docs / Path(SITE_CSS).name
    )
    theme: dict[str, str] = {}
    if bundle.meta.logo is not None:
        theme["logo"] = logo_name(bundle.meta.logo)
        shutil.copyfile(bundle.meta.logo, docs / theme["logo"])
    config: dict[str, object] = {
        "INHERIT": str(base_config.resolve()),
        "site_name": theme_text(site_name(bundle)),
        "copyright": stamp(bundle),
        "docs_dir": "docs",
        "site_dir": str(site_dir.resolve()) if site_dir else "site",
        "nav": nav,
    }
    if mkdocs_theme_fix:
        theme["custom_dir"] = str((templates / MKDOCS_THEME_FIX).resolve())
    if theme:
        config["theme"] = theme
    extra: dict[str, object] = {}
    if bundle.meta.example:
        extra["voorbeeld"] = True  # a banner on every page (mkdocs-theme/main.html)
    colours = house_style(bundle.meta)
    if colours:
        extra["huisstijl"] = colours  # the school's colours as CSS variables (mkdocs-theme/main.html)
    if extra:
        config["extra"] = extra
    path = folder / "mkdocs.yml"
    # JSON is valid YAML: MkDocs and Zensical read it, and only the loader needs a YAML library.
    path.write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


# The school's logo in its site folder (header of every page, board index): schoollogo.png or .jpg.
LOGO_STEM = "schoollogo"


def logo_name(logo: Path) -> str:
    """The file name of a school's logo on its site: `schoollogo.png` or `schoollogo.jpg`."""
    return f"{LOGO_STEM}{logo.suffix.lower()}"


def house_style(meta: DocumentMeta) -> dict[str, str]:
    """The school's colours (huisstijl) as values of Material's CSS variables; empty without colours.

    mkdocs-theme/main.html writes them into every page, after the stylesheets, so the school's
    own schoolveiligheid.css can still set anything else. The model refused colours with too
    little contrast against white (colours.CONTRAST_MIN); anything that is no plain hex colour
    is left out here, because it goes into a <style> element as it is.
    """
    colour, accent = meta.colour, meta.accent_colour or meta.colour
    if colour is None or accent is None or not all(HEX_COLOUR.fullmatch(c) for c in (colour, accent)):
        return {}
    return {
        "primary": colour,
        "primary_light": mixed(colour, WHITE, 0.15),
        "primary_dark": mixed(colour, "#000000", 0.2),
        "accent": accent,
    }


def site_name(bundle: SiteBundle) -> str:
    """The name in the header of every page; a draft policy says so up front, where a
    phone's narrow header does not cut it off. Plain text: see theme_text."""
    return f"{CONCEPT_MARK} – {bundle.school_name}" if bundle.meta.is_concept else bundle.school_name


# An '&' that a browser could read as the start of an entity ('&lt;', '&#60;', '&amp').
_ENTITY_START = re.compile(r"&(?=[#A-Za-z0-9])")


def theme_text(text: str) -> str:
    """Plain text made safe for the spots where the theme prints it without escaping.

    MkDocs and Zensical print site_name, nav titles and page titles as they are
    into the header, the navigation, aria-label="…" and <title> (neither theme
    autoescapes), so "<" must become "&lt;" and '"' "&quot;". A lone '&', '>' and
    "'" are harmless there and stay as typed: the few spots that do escape (the
    logo's tooltip, the footer's aria-label) would show an entity. MkDocs builds
    are told these values are HTML already (_as_html); a Zensical build of the
    exported sources shows such an entity only for a name with '<' or '"'.
    """
    return _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace('"', "&quot;")


def _nav_title(markdown_title: str) -> str:
    """A page title for the nav: the heading's text as the reader sees it (escapes undone), made safe."""
    return theme_text(plain_text(f"# {markdown_title}"))  # read as the heading it is: "1. Stap" stays


def stamp(bundle: SiteBundle) -> str:
    """School year, version and adoption, shown in the footer of every page (Material's copyright).

    MkDocs does not escape `copyright`, so the school's values are escaped here.
    """
    meta = bundle.meta
    adopted = f"vastgesteld {meta.adopted_on}" if meta.adopted_on else f"{CONCEPT_MARK}, nog niet vastgesteld"
    return html.escape(f"Schooljaar {meta.school_year} · versie {meta.version} · {adopted}")


def _check_school_ids(bundles: Sequence[SiteBundle]) -> None:
    seen: set[str] = set()
    for bundle in bundles:
        if not SCHOOL_ID.fullmatch(bundle.school_id):
            raise BuildFailed(
                f"de school-id '{bundle.school_id}' kan geen mapnaam van de website zijn",
                "gebruik kleine letters, cijfers en streepjes, zoals 'de-testhoeve'",
            )
        if bundle.school_id in seen:
            raise BuildFailed(
                f"de school-id '{bundle.school_id}' komt twee keer voor",
                "geef elke school een eigen id",
            )
        seen.add(bundle.school_id)


def _write_pages(bundle: SiteBundle, docs: Path) -> list[NavEntry]:
    """Write every page and chapter as Markdown; return the nav in reading order."""
    start = [page for page in bundle.pages if page.slug == START_SLUG]
    if not start:
        raise BuildFailed(
            f"de website van {bundle.school_name} heeft geen startpagina",
            f"de render-stap moet een pagina met slug '{START_SLUG}' leveren",
        )
    used: set[str] = set()
    nav: list[NavEntry] = []
    for page in (*start, *(page for page in bundle.pages if page.slug != START_SLUG)):
        _claim(page.slug, used, bundle.school_name, "")
        title = _nav_title(page.title)
        _write_markdown(docs / f"{page.slug}.md", page.markdown, title)
        nav.append({title: f"{page.slug}.md"})
    for document in bundle.documents:
        _claim(document.file_stem, used, bundle.school_name, DOWNLOADS)
        nav.append({theme_text(document.title): _write_document(document, docs, bundle.school_name)})
    return nav


def _write_document(document: RenderedDocument, docs: Path, school_name: str) -> str | list[NavEntry]:
    if not document.chapters:
        raise BuildFailed(
            f"het document '{document.title}' van {school_name} heeft geen hoofdstukken",
            "controleer de templates van dit document",
        )
    if len(document.chapters) == 1:
        _write_markdown(
            docs / document.page_path(0), document.chapters[0].markdown, theme_text(document.title)
        )
        _write_charts(document, document.chapters[0].markdown, (docs / document.page_path(0)).parent)
        return document.page_path(0)
    chapters: list[NavEntry] = []
    used: set[str] = set()
    for index, chapter in enumerate(document.chapters):
        _claim(chapter.slug, used, school_name, "")
        relative = document.page_path(index)
        title = _nav_title(chapter.title)
        _write_markdown(docs / relative, chapter.markdown, title)
        _write_charts(document, chapter.markdown, (docs / relative).parent)
        chapters.append({title: relative})
    return chapters


def _write_charts(document: RenderedDocument, markdown: str, folder: Path) -> None:
    """The SVG of every chart a page shows, beside the page (`grafieken/<naam>.svg`)."""
    known = {chart.file_name: chart for chart in document.charts}
    for name in dict.fromkeys(re.findall(rf"\]\(({CHART_FOLDER}/[a-z0-9-]+\.svg)\)", markdown)):
        chart = known.get(name)
        if chart is None:
            raise BuildFailed(
                f"een pagina van '{document.title}' toont een grafiek die er niet is: {name}",
                "een hoofdstuk kan alleen de grafieken van de monitoring tonen",
            )
        (folder / CHART_FOLDER).mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(charts.svg(chart), encoding="utf-8")


def _claim(name: str, used: set[str], school_name: str, also_reserved: str) -> None:
    """Refuse names that are no safe file name or that would overwrite another page."""
    if not SLUG.fullmatch(name) or name in RESERVED or name == also_reserved:
        raise BuildFailed(
            f"de website van {school_name} kan geen pagina '{name}' maken",
            "gebruik kleine letters, cijfers en streepjes, en niet: "
            + ", ".join(sorted({*RESERVED, DOWNLOADS})),
        )
    if name in used:
        raise BuildFailed(
            f"de website van {school_name} heeft twee pagina's met de naam '{name}'",
            "geef elke pagina en elk hoofdstuk een eigen slug",
        )
    used.add(name)


def _write_markdown(path: Path, markdown: str, title: str) -> None:
    """Write a page with its (theme_text) title as front matter.

    Both themes print `page.meta.title` as it is in <title>; without it they print
    `page.title | striptags`, and striptags turns "&lt;/title&gt;" back into markup.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    front_matter = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"
    path.write_text(front_matter + markdown.strip() + "\n", encoding="utf-8")


def _copy_downloads(bundle: SiteBundle, files: Sequence[Path], target: Path) -> None:
    names: set[str] = set()
    for source in files:
        if source.suffix.lower() not in DOWNLOAD_SUFFIXES:
            raise BuildFailed(
                f"'{source.name}' kan niet als download op de website van {bundle.school_name}",
                "alleen .docx- en .pdf-bestanden horen op de website",
            )
        if not source.is_file():
            raise BuildFailed(
                f"het downloadbestand {source} bestaat niet",
                "maak eerst de Word- en pdf-bestanden, daarna de website",
            )
        if source.name in names:
            raise BuildFailed(
                f"twee downloads van {bundle.school_name} heten '{source.name}'",
                "geef elk bestand een eigen naam",
            )
        names.add(source.name)
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / source.name)
    missing = sorted(set(bundle.downloads) - names)
    if missing:
        raise BuildFailed(
            f"de website van {bundle.school_name} biedt downloads aan die niet zijn gemaakt: {', '.join(missing)}",
            "maak eerst de Word- en pdf-bestanden, daarna de website",
        )


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings for the error message instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _quiet_mkdocs() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    propagate = logger.propagate
    logger.addHandler(collect)
    logger.propagate = False
    try:
        yield collect
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate


def _build(config_file: Path, school_name: str) -> None:
    # Imported here: MkDocs and its theme load slowly and only this stage needs them.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _quiet_mkdocs() as collect:
        try:
            config = load_config(config_file=str(config_file), strict=True)
            _as_html(config)
            _compile_theme_once(config)
            build(config)
            _drop_unused_assets(Path(config["site_dir"]), _search_languages(config))
        except MkDocsException as error:  # Abort is also a SystemExit: catch it by name
            details = "\n".join(f"  - {message}" for message in collect.messages) or f"  - {error}"
            raise BuildFailed(
                f"de website van {school_name} kon niet worden gebouwd:\n{details}",
                "een link wijst naar een pagina, kopje of download die niet bestaat;"
                " controleer de teksten en templates van deze school",
            ) from None


# Theme files MkDocs copies into every site that no visitor's browser loads: the source maps of
# Material's scripts and stylesheets (only a browser's developer tools ask for them) and the
# search's word stemmers for the languages the site does not search in. Without them a site is
# about 1.8 MB instead of 3.9 MB: less for a school to upload, to pack into its archive and for a
# build to copy and compare. Which stemmers the search loads follows Material's search worker
# (assets/javascripts/workers/search.*.js): lunr/min/lunr.stemmer.support.min.js always,
# lunr/min/lunr.<language>.min.js per language but English, lunr/min/lunr.multi.min.js for more than
# one, lunr/tinyseg.js for Japanese and lunr/wordcut.js for Hindi and Thai. The search in a real
# browser (tests/test_site_browser.py) fails when one it loads is missing.
_LUNR = "assets/javascripts/lunr"


def _search_languages(config: Any) -> tuple[str, ...]:
    """The languages the site's search plugin indexes in (none: the site has no search)."""
    return tuple(
        language
        for name, plugin in config["plugins"].items()
        if name.endswith("search")
        for language in getattr(plugin.config, "lang", None) or ()
    )


def _search_scripts(languages: Sequence[str]) -> set[str]:
    """The stemmer scripts Material's search worker loads for these languages."""
    needed = {f"{_LUNR}/min/lunr.stemmer.support.min.js"}
    needed |= {f"{_LUNR}/min/lunr.{language}.min.js" for language in languages if language != "en"}
    if len(languages) > 1:
        needed.add(f"{_LUNR}/min/lunr.multi.min.js")
    if "ja" in languages:
        needed.add(f"{_LUNR}/tinyseg.js")
    if {"hi", "th"} & set(languages):
        needed.add(f"{_LUNR}/wordcut.js")
    return needed


def _drop_unused_assets(site_dir: Path, languages: Sequence[str]) -> None:
    """Remove the theme's source maps and the search scripts no language of the site needs."""
    assets = site_dir / "assets"
    for path in assets.rglob("*.map") if assets.is_dir() else ():
        path.unlink()
    lunr = site_dir / _LUNR
    needed = _search_scripts(languages)
    for path in lunr.rglob("*.js") if lunr.is_dir() else ():
        if path.relative_to(site_dir).as_posix() not in needed:
            path.unlink()


class _BuiltSites:
    """The last few sites MkDocs built in this process, by everything it read to build them.

    A site whose sources are the same as one built before in this process (a preview that
    rebuilds after a change to a Word-only text, `controleer` and `bouw` in one session, the
    tests) is written from the kept files instead of being built again: MkDocs gives the same
    bytes for the same sources. The key covers every file of the docs tree, the school's config
    (without where the site goes), the base config, our theme fixes and SOURCE_DATE_EPOCH; the
    installed MkDocs and theme do not change while a process runs. File contents are kept once
    by their digest (the theme's assets are the same on every site), and only the last few
    sites, so memory stays flat on a large board, where no two sites are alike. The base config
    is hashed as a file: it must not pull in other files (no INHERIT, hooks or !ENV), which
    tests/test_shared_work.py checks.
    """

    def __init__(self, limit: int = 4) -> None:
        self.limit = limit  # 0: keep nothing, MkDocs builds every site
        self.restored = 0  # sites written from the kept files (for the tests)
        self._sites: dict[str, tuple[tuple[str, str], ...]] = {}  # key -> (relative path, digest)
        self._contents: dict[str, bytes] = {}  # digest -> bytes
        self._lock = threading.Lock()  # a preview or a Dask worker may build from another thread

    @staticmethod
    def key(config: Path, site_dir: Path, theme_fix: Path) -> str:
        digest = hashlib.sha256()

        def add(label: str, data: bytes) -> None:
            digest.update(f"{label}\0{len(data)}\0".encode())
            digest.update(data)

        settings = json.loads(config.read_text(encoding="utf-8"))
        settings.pop("site_dir", None)  # where the site goes is no part of what it is
        add("config", json.dumps(settings, sort_keys=True).encode())
        add("base", Path(settings["INHERIT"]).read_bytes())
        # Without SOURCE_DATE_EPOCH MkDocs dates the sitemap with today: a site of yesterday differs.
        epoch = os.environ.get("SOURCE_DATE_EPOCH") or datetime.now(UTC).date().isoformat()
        add("epoch", epoch.encode())
        docs = config.parent / str(settings["docs_dir"])
        for folder, label in ((docs, "docs"), (theme_fix, "theme")):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if path.is_file():
                    add(f"{label}/{path.relative_to(folder).as_posix()}", path.read_bytes())
        return digest.hexdigest()

    def restore(self, key: str, stage: Path) -> bool:
        with self._lock:
            return self._restore(key, stage)

    def keep(self, key: str, stage: Path) -> None:
        with self._lock:
            self._keep(key, stage)

    def _restore(self, key: str, stage: Path) -> bool:
        files = self._sites.get(key)
        if files is None:
            return False
        self._sites[key] = self._sites.pop(key)  # used last: kept longest
        for relative, digest in files:
            target = stage / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self._contents[digest])
        self.restored += 1
        return True

    def _keep(self, key: str, stage: Path) -> None:
        if not self.limit:
            return
        files = []
        for path in sorted(stage.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                digest = hashlib.sha256(data).hexdigest()
                self._contents.setdefault(digest, data)
                files.append((path.relative_to(stage).as_posix(), digest))
        self._sites[key] = tuple(files)
        while len(self._sites) > self.limit:
            self._sites.pop(next(iter(self._sites)))
        used = {digest for site in self._sites.values() for _, digest in site}
        for digest in [digest for digest in self._contents if digest not in used]:
            del self._contents[digest]


_BUILT_SITES = _BuiltSites()


# The theme's templates compiled once per process and shared by every school's site: a board's
# run (or a preview that rebuilds on each save) compiles Material's templates once, not per site.
# The store checks each template's source before using its code, so nothing stale is served.
_THEME_COMPILED = SharedCompiledTemplates()


def _compile_theme_once(config: MutableMapping[str, Any]) -> None:
    """Give the theme's Jinja environment, made anew by every MkDocs build, the shared compiled templates."""
    theme = config["theme"]
    make_environment = theme.get_env

    def environment() -> jinja2.Environment:
        env: jinja2.Environment = make_environment()
        env.bytecode_cache = _THEME_COMPILED
        _list_theme_files_once(env, theme)
        return env

    theme.get_env = environment


# The theme's static files (MkDocs walks about 14,500 files of Material, mostly icons, and
# filters them by name for every site) listed once per process for the installed theme folders
# and shared by every school's site. Folders outside the installed packages (our own theme
# fixes) are walked on every build, so a preview sees a file added there.
_THEME_FILES: dict[tuple[str, bool, frozenset[str]], tuple[str, ...]] = {}
# The one caller whose listing is shared: the filter MkDocs uses to pick the theme's static files.
_MKDOCS_THEME_FILTER = "Files.add_files_from_theme.<locals>.filter"


def _list_theme_files_once(env: jinja2.Environment, theme: Any) -> None:
    """Answer MkDocs' listing of the theme's static files from the per-process store; the same
    names, in the same (sorted) order, as the theme's FileSystemLoader and that filter give."""
    loader = env.loader
    if not isinstance(loader, jinja2.FileSystemLoader):
        return
    list_everything = env.list_templates

    def list_templates(extensions: Any = None, filter_func: Callable[[str], bool] | None = None) -> list[str]:
        if extensions is not None or getattr(filter_func, "__qualname__", "") != _MKDOCS_THEME_FILTER:
            return list_everything(extensions, filter_func)
        assert filter_func is not None
        statics = frozenset(theme.static_templates)
        found: set[str] = set()
        for folder in loader.searchpath:
            found.update(_theme_files(folder, loader.followlinks, statics, filter_func))
        return sorted(found)

    env.list_templates = list_templates  # type: ignore[method-assign]


def _theme_files(
    folder: str, followlinks: bool, statics: frozenset[str], keep: Callable[[str], bool]
) -> tuple[str, ...]:
    key = (folder, followlinks, statics)
    names = _THEME_FILES.get(key)
    if names is None:
        everything = jinja2.FileSystemLoader([folder], followlinks=followlinks).list_templates()
        names = tuple(name for name in everything if keep(name))
        if _installed(Path(folder)):
            _THEME_FILES[key] = names
    return names


def _installed(folder: Path) -> bool:
    """A folder of an installed package (the theme's own files, which do not change during a run)."""
    resolved = folder.resolve()
    return any(
        resolved.is_relative_to(Path(place).resolve())
        for place in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    )


def _as_html(config: MutableMapping[str, Any]) -> None:
    """Mark site_name and the nav titles as the HTML they are (theme_text) for MkDocs' Jinja.

    Where the theme prints them as they are nothing changes; where it escapes them
    (`| e` in the logo's tooltip and the footer's aria-label), escaping HTML that is
    marked as such is a no-op, so those spots show the text as typed too.
    """
    config["site_name"] = Markup(config["site_name"])
    config["nav"] = _marked_nav(config["nav"])


def _marked_nav(entries: Any) -> Any:
    if isinstance(entries, list):
        return [_marked_nav(entry) for entry in entries]
    if isinstance(entries, dict):
        return {Markup(title): _marked_nav(target) for title, target in entries.items()}
    return entries


# Addresses the theme's scripts may load from a CDN in rare cases: a polyfill for browsers
# without ResizeObserver (Safari before 13.1) and Mermaid for diagrams we never write. A
# request there would tell a third party who reads the site, so the address is removed;
# such an old browser then simply goes without the polyfill.
THIRD_PARTY_FALLBACKS = (
    "https://unpkg.com/resize-observer-polyfill",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
)


def _without_third_party_fallbacks(site_dir: Path) -> None:
    for script in (site_dir / "assets" / "javascripts").glob("*.js"):
        text = script.read_text(encoding="utf-8")
        cleaned = text
        for address in THIRD_PARTY_FALLBACKS:
            cleaned = cleaned.replace(address, "data:text/javascript,")
        if cleaned != text:
            script.write_text(cleaned, encoding="utf-8")


def _render_board_index(
    board_name: str, listed: Sequence[SchoolLink], search_path: Sequence[Path], logos: Mapping[str, str]
) -> str:
    loader = ConfinedLoader([str(folder) for folder in search_path])
    environment = SandboxEnvironment(  # a sandbox, like every environment that may load a template
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    schools = [
        {
            "name": school.school_name,
            "href": f"{school.school_id}/{START_SLUG}.html",
            "concept": school.concept,
            "logo": f"{school.school_id}/{logos[school.school_id]}" if school.school_id in logos else None,
        }
        for school in sorted(listed, key=lambda school: school.school_name.casefold())
    ]
    try:
        return environment.get_template(BOARD_TEMPLATE).render(board_name=board_name, schools=schools)
    except jinja2.TemplateError as error:
        used = next(
            (folder / BOARD_TEMPLATE for folder in search_path if (folder / BOARD_TEMPLATE).is_file()), None
        )
        raise BuildFailed(
            f"de overzichtspagina van het bestuur kon niet worden gemaakt: {error}",
            f"controleer {used or BOARD_TEMPLATE}",
        ) from None
