"""Templates + context -> Markdown: the one text source for the Word files and the website.

One Jinja environment per template search path (school folder, board folder,
the defaults) and the contents of its files, kept for the process, so a board
with many schools (or a preview that renders on every save) loads each
template once. The environment is loud: a missing value fails the build with
the template's name and line, a value that is None cannot be printed, and
every user value is escaped for Markdown on the way out (`finalize`), so
"<naam> & Zn" arrives in Word and on the site exactly as typed. Every page is
then checked to hold only the elements of our Markdown dialect and links to
https:, http:, mailto: and tel: (`unsafe_markup`), whoever wrote its template.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from dataclasses import field as dataclass_field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
import markdown as markdown_html  # type: ignore[import-untyped, unused-ignore]
from jinja2.loaders import split_template_path
from markupsafe import Markup

from .confine import (
    SANDBOX_HINT,
    ConfinedLoader,
    SandboxEnvironment,
    SecurityError,
    TemplateOutsideFolder,
    confined_files,
    is_inside,
    sandbox_message,
)
from .context import SchoolContext
from .context.views import Contact, Md
from .documents import (
    CHART_FOLDER,
    DOCUMENT_KINDS,
    MARKDOWN_EXTENSIONS,
    Chapter,
    Chart,
    DocumentKind,
    DocumentMeta,
    OwnText,
    RenderedDocument,
    SitePage,
    section_id,
)
from .errors import InvalidInput, Problem
from .kept import Kept
from .markdown_text import escape_markdown
from .model.own_texts import headings
from .model.values import link_allowed
from .model.wording import dutch_date, join, organisation_with_article
from .paths import DEFAULT_TEMPLATES, SITE_TEMPLATES, template_search_path

SHARED_FOLDER = "_gedeeld"
OPEN_POINTS_TEMPLATE = f"{SHARED_FOLDER}/open-punten.md.j2"


class TemplateValueError(Exception):
    """A template printed a value that cannot be shown as text (None, a date, a list)."""


def _finalize(value: Any) -> Markup:
    # Jinja runs finalize before its escape step; returning Markup tells that step the text
    # is ready. Macro output and our filters' Markdown pass through; user text is escaped here.
    if isinstance(value, jinja2.Undefined):
        str(value)  # StrictUndefined raises its own error, naming the missing value
    if isinstance(value, Markup):
        return value
    if isinstance(value, Md):
        return Markup(value)
    if isinstance(value, str):
        return Markup(escape_markdown(value))
    if isinstance(value, bool) or value is None:
        raise TemplateValueError(
            f"de waarde is {'leeg' if value is None else value}; "
            "zet er {% if … %} omheen of gebruik een waarde die altijd bestaat"
        )
    if isinstance(value, int | float):
        return Markup(value)
    if isinstance(value, date):
        raise TemplateValueError(
            "een datum moet door het filter |datum, bijvoorbeeld {{ edition.adopted_on | datum }}"
        )
    if isinstance(value, Contact):
        raise TemplateValueError("een telefoonnummer, e-mailadres of website moet door het filter |link")
    raise TemplateValueError(f"deze waarde ({type(value).__name__}) kan niet als tekst getoond worden")


def _date(value: date | None, weekday: bool = False) -> str:
    if value is None:
        raise TemplateValueError("de datum is leeg; zet er {% if … %} omheen")
    return dutch_date(value, weekday)


# Characters that could end a Markdown link target early or carry markup: percent-encoded.
_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f<>\"'\\`()\[\]{}|^]")


def _link(value: Contact | None, text: str | None = None) -> Md:
    if value is None:
        raise TemplateValueError("de link is leeg; zet er {% if … %} omheen")
    if not value.uri:  # a value a concept does not have yet ("[telefoonnummer volgt]"): text, no link
        return Md(escape_markdown(value.text))
    if not link_allowed(value.uri, relative=True):
        raise TemplateValueError(
            f"een link naar '{value.uri}' kan niet; alleen https:, http:, mailto: en tel:"
        )
    label = escape_markdown(text if text is not None else value.text)
    target = _URL_UNSAFE.sub(lambda match: f"%{ord(match[0]):02X}", value.uri)
    return Md(f"[{label}]({target})")


def _join(values: Iterable[Any], last: str = "en") -> str:
    return join([str(value) for value in values], last)


def _capitalise(value: str) -> str:
    capitalised = value[:1].upper() + value[1:]
    return Md(capitalised) if isinstance(value, Md) else capitalised


def _cell(value: str) -> Md:
    """Text for one table cell: on one line, Markdown of trusted text kept, user text escaped."""
    text = str(value) if isinstance(value, Md | Markup) else escape_markdown(value)
    return Md(" ".join(text.split()))


# What a page may hold once Markdown has made HTML of it: the elements of our Markdown dialect,
# each with only its own attributes. Raw HTML in a template (a school's own included), or a
# value that slipped past escaping, shows up here instead of on the website.
_PAGE_ELEMENTS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            "br",
            "strong",
            "em",
            "code",
            "pre",
            "ul",
            "li",
            "table",
            "thead",
            "tbody",
            "tr",
            "blockquote",
            "hr",
        ),
        frozenset(),
    ),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), frozenset({"id"})),
    "a": frozenset({"href", "title"}),
    "ol": frozenset({"start"}),
    "div": frozenset({"class"}),
    "p": frozenset({"class"}),
    "th": frozenset({"style"}),
    "td": frozenset({"style"}),
    "img": frozenset({"src", "alt"}),  # only a chart of the document itself (CHART_FOLDER), see below
}
_MARKUP_START = re.compile(r"<(?=[A-Za-z/!?])")
_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*/?>')
_ATTRIBUTE = re.compile(r'\s+([a-z-]+)="([^"<>]*)"')
_ATTRIBUTE_VALUE = {
    "id": re.compile(r"[\w-]*"),
    "class": re.compile(r"[\w -]*"),
    "style": re.compile(r"text-align: (?:left|right|center);"),
    "start": re.compile(r"\d{1,6}"),
    "src": re.compile(rf"{CHART_FOLDER}/[a-z0-9-]+\.svg"),
}
_page_html = markdown_html.Markdown(extensions=list(MARKDOWN_EXTENSIONS))


# Verdicts of unsafe_markup kept per process, by the SHA-256 of the text: a chapter is checked once
# per run, however many builds render it. Only the digest is kept, never the text: on a large board
# every school's chapters differ, and keeping them kept about 20 KiB per school alive.
_checked_markup: Kept[bytes, str | None] = Kept(4096)
_UNCHECKED = object()


def unsafe_markup(text: str) -> str | None:
    """The first piece of HTML in the page made from this Markdown that may not be published, or None.

    Allowed: the elements and attributes of _PAGE_ELEMENTS, links only as LINK_SCHEMES or
    within the site. Everything else (a <script>, an onerror="…", javascript:) is returned.
    """
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    kept = _checked_markup.get(key, _UNCHECKED)
    if kept is not _UNCHECKED:
        return kept  # type: ignore[return-value]
    verdict = _unsafe_markup(text)
    _checked_markup.put(key, verdict)
    return verdict


def _unsafe_markup(text: str) -> str | None:
    html = _page_html.reset().convert(text)
    for start in _MARKUP_START.finditer(html):
        tag = _TAG.match(html, start.start())
        piece = tag[0] if tag else html[start.start() : start.start() + 40]
        allowed = _PAGE_ELEMENTS.get(tag[2]) if tag else None
        if tag is None or allowed is None or (tag[1] and tag[3]):
            return piece
        for name, value in _ATTRIBUTE.findall(tag[3]):
            pattern = _ATTRIBUTE_VALUE.get(name)
            if (
                name not in allowed
                or (pattern is not None and not pattern.fullmatch(value))
                or (name == "href" and not link_allowed(value, relative=True))
            ):
                return piece
    return None


class SharedCompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, shared by all environments of a run.

    Every school with its own template folder gets its own environment (its own
    search path), yet the default templates it shares with other schools are the
    same files: the cache key is the file's path and its source checksum, so each
    is compiled once per run however many schools use it.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> str:
        # Sandboxed code routes every attribute and call through the sandbox; code compiled by
        # a plain environment does not, so it must never be handed to a sandboxed one (or back).
        # The options that change what a source compiles to are part of the key as well, so
        # environments configured differently never share code. (A changed source is never
        # served stale: the bucket compares the source's checksum before using the code.)
        env = bucket.environment
        options = (
            env.block_start_string,
            env.variable_start_string,
            env.comment_start_string,
            env.line_statement_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.newline_sequence,
            env.optimized,
            bool(env.autoescape),
            tuple(sorted(env.extensions)),
        )
        return f"{type(env).__qualname__}:{env.sandboxed}:{options}:{bucket.key}"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = self._key(bucket)
        if key in self._store:
            bucket.bytecode_from_string(self._store[key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[self._key(bucket)] = bucket.bytecode_to_string()


# One store for the whole process: a run that builds several times (the tests, a preview that
# rebuilds on every save) compiles each template once, not once per build.
_COMPILED = SharedCompiledTemplates()


def _environment(
    search_path: tuple[Path, ...], compiled: jinja2.BytecodeCache, loader: ConfinedLoader | None = None
) -> jinja2.Environment:
    # A sandbox: school and board templates are data from others, never code that runs here.
    env = SandboxEnvironment(
        bytecode_cache=compiled,
        loader=loader or ConfinedLoader([str(path) for path in search_path]),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=True,  # only so that macro output counts as finished text; escaping is _finalize's job
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        datum=_date,
        link=_link,
        lijst=_join,
        hoofdletter=_capitalise,
        cel=_cell,
        lidwoord=organisation_with_article,  # "aan de Landelijke Klachtencommissie", "door het College van Bestuur"
    )
    return env


def _template_problem(error: BaseException, trace: TracebackType | None, name: str) -> Problem:
    """Point at the template file and line where rendering failed."""
    file, line = name, getattr(error, "lineno", None)
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        file = error.filename
    else:
        while trace is not None:
            code = trace.tb_frame.f_code
            if code.co_filename.endswith(".j2"):
                file, line = code.co_filename, trace.tb_lineno
            trace = trace.tb_next
    if isinstance(error, jinja2.UndefinedError) and re.search(r"'_[^']*'", error.message or ""):
        # A hidden name (__globals__, _x) the sandbox kept back, for instance through |attr.
        message, hint = f"sjabloon geweigerd: {dutch_jinja_message(error.message or '')}", SANDBOX_HINT
    elif isinstance(error, jinja2.UndefinedError):
        message = f"onbekende waarde in sjabloon: {dutch_jinja_message(error.message or '')}"
        hint = "controleer de naam (zie templates/README.md) of zet er {% if … is defined %} omheen"
    elif isinstance(error, jinja2.TemplateSyntaxError):
        message = f"fout in sjabloon: {dutch_jinja_message(error.message or '')}"
        hint = "controleer {% %}- en {{ }}-blokken op deze regel"
    elif isinstance(error, SecurityError):
        message, hint = f"sjabloon geweigerd: {sandbox_message(error)}", SANDBOX_HINT
    elif isinstance(error, TemplateOutsideFolder):
        file, line = str(error.path), None
        message = (
            f"sjabloon geweigerd: het bestand verwijst naar een plek buiten de sjablonenmap {error.folder}"
        )
        hint = "zet het sjabloon zelf in de map (geen snelkoppeling of symbolische link naar elders)"
    elif isinstance(error, TemplateValueError):
        message, hint = f"sjabloon kan niet worden ingevuld: {error}", "pas het sjabloon aan"
    else:
        message = f"een filter of bewerking in het sjabloon mislukt ({type(error).__name__}: {error})"
        hint = "controleer of het filter past bij de waarde, bijvoorbeeld |datum alleen bij een datum"
    return Problem(file, line, "", message, hint)


_JINJA_MESSAGES = (
    (r"'(.+)' is undefined", "'{0}' bestaat niet"),
    (r"'.+' has no attribute '(.+)'", "'{0}' bestaat hier niet"),
    (r"no filter named '(.+)'", "onbekend filter '{0}'"),
    (r"Encountered unknown tag '(.+?)'.*", "onbekende opdracht '{0}' (ontbreekt er een afsluitend blok?)"),
    (r"Unexpected end of template.*", "het sjabloon houdt op terwijl een blok nog open staat"),
    (r"expected token '(.+)', got '(.+)'", "hier hoort '{0}', maar er staat '{1}'"),
    (r"unexpected '(.+)'", "onverwacht '{0}'"),
    (r"unexpected char '(.+)'.*", "onverwacht teken {0}"),
)


def dutch_jinja_message(message: str) -> str:
    """Jinja's English message in Dutch for the common mistakes; otherwise as it is, marked as Jinja's."""
    for pattern, dutch in _JINJA_MESSAGES:
        match = re.fullmatch(pattern, message.strip(), re.DOTALL)
        if match:
            return dutch.format(*match.groups())
    return f"{message} (melding van Jinja)"


@dataclass(frozen=True, slots=True)
class RenderedSchool:
    """Every text of one school: its documents and its website-only pages."""

    school_id: str
    documents: tuple[RenderedDocument, ...]
    site_pages: tuple[SitePage, ...]
    # Per document kind, the places an own text may name (chapter and section ids, with their
    # titles), as the standard chapters have them: `generate.py plaatsen` lists these.
    places: Mapping[str, tuple[tuple[str, str], ...]] = dataclass_field(default_factory=dict)


def _slug(template_name: str) -> str:
    stem = Path(template_name).name.removesuffix(".md.j2")
    return re.sub(r"^\d+[a-z]?[-_]", "", stem)


def _title(markdown: str, template: str) -> str:
    first = markdown.lstrip().splitlines()[0]
    if not first.startswith("# "):
        raise InvalidInput(
            [
                Problem(
                    template,
                    1,
                    "",
                    "een hoofdstuk begint met een kop '# Titel'",
                    "zet de titel op de eerste regel",
                )
            ]
        )
    return first[2:].strip()


def meta_of(context: SchoolContext) -> DocumentMeta:
    """What a cover page, header and footer show, from the context."""
    edition = context.edition
    return DocumentMeta(
        school_id=context.school.id,
        school_name=context.school.name,
        board_name=context.board.name,
        school_year=edition.school_year,
        version=edition.version,
        status=edition.status,
        adopted_on=dutch_date(edition.adopted_on) if edition.adopted_on else "",
        consent_on=dutch_date(edition.consent_on) if edition.consent_on else "",
        open_points=edition.open_points,
        adopted_date=edition.adopted_on,
        school_year_start=edition.school_year_start,
        example=edition.example,
        logo=context.school.logo,
        colour=context.school.colour,
        accent_colour=context.school.accent_colour,
    )


# Template files (`.j2`) up to this size are read for an environment's key and served from what
# was read; any other file along the search path (a logo, a Word master, a large file) counts by
# its size and time, and is never read for the key.
_SNAPSHOT_SUFFIX = ".j2"
_SNAPSHOT_MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class _SearchPathState:
    """What a search path holds now: every name on it, a digest of every file, and the text of each
    template file as read for that digest (by name, the first along the path: as the loader finds it)."""

    names: tuple[str, ...]
    digest: str
    sources: Mapping[str, tuple[str, str]]  # name -> (file name, text)


def _search_path_state(search_path: tuple[Path, ...]) -> _SearchPathState:
    digest = hashlib.blake2b(digest_size=20)
    names: set[str] = set()
    sources: dict[str, tuple[str, str]] = {}
    for index, root in enumerate(search_path):
        for path in confined_files(root):
            name = path.relative_to(root).as_posix()
            digest.update(f"{index}\0{name}\0".encode())
            first = name not in names
            names.add(name)
            try:
                if path.is_symlink() and not is_inside(path, root):
                    digest.update(b"outside")  # the loader refuses it: never read here either
                    continue
                status = path.stat()
                if not stat.S_ISREG(status.st_mode) or status.st_size > _SNAPSHOT_MAX_BYTES:
                    digest.update(f"{status.st_mode}:{status.st_size}:{status.st_mtime_ns}".encode())
                    continue  # never read: a pipe would block, a large file costs every render
                if not name.endswith(_SNAPSHOT_SUFFIX):
                    digest.update(f"{status.st_size}:{status.st_mtime_ns}:{status.st_ino}".encode())
                    continue
                with path.open("rb") as stream:
                    content = stream.read(_SNAPSHOT_MAX_BYTES + 1)
            except OSError:
                digest.update(b"unreadable")
                continue
            digest.update(f"{len(content)}\0".encode())
            digest.update(content)
            if first:
                try:  # as the loader reads it: UTF-8, with universal newlines
                    text = content.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
                except UnicodeDecodeError:
                    continue  # left to the loader, which says what is wrong with it
                sources[name] = (os.path.normpath(path), text)
    return _SearchPathState(tuple(sorted(names)), digest.hexdigest(), sources)


class _SnapshotLoader(ConfinedLoader):
    """The confined loader, serving each template file as it was read for its environment's key: an
    environment never holds a text other than the one its key was made of, whatever changes later."""

    def __init__(self, searchpath: Sequence[str], sources: Mapping[str, tuple[str, str]]) -> None:
        super().__init__(list(searchpath))
        self._sources = sources

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        kept = self._sources.get("/".join(split_template_path(template)))
        if kept is None:
            return super().get_source(environment, template)
        filename, text = kept
        return text, filename, lambda: True


class _Environments:
    """Template environments shared by every render of the process, by search path and its contents.

    Setting up a loaded template costs far more than reading the template folders, and a
    process renders the same templates often: every school of a board with the same path,
    every rebuild of a preview, the tests. An environment is kept by its search path and a
    digest of every file along it, and serves the template texts that digest was made of, so a
    changed, added or removed template is always a new environment and nothing stale is
    rendered; only the last few are kept, so memory stays flat on a board whose schools each
    have their own templates.
    """

    def __init__(self, limit: int = 8) -> None:
        self._kept: Kept[tuple[tuple[Path, ...], str], jinja2.Environment] = Kept(limit)

    def get(self, search_path: tuple[Path, ...]) -> tuple[jinja2.Environment, tuple[str, ...]]:
        """The environment for a search path as its files are now, and every template name on it."""
        state = _search_path_state(search_path)
        key = (search_path, state.digest)
        env = self._kept.get(key, None)
        if env is None:
            loader = _SnapshotLoader([str(path) for path in search_path], state.sources)
            env = _environment(search_path, _COMPILED, loader)
            self._kept.put(key, env)
        return env, state.names


_ENVIRONMENTS = _Environments()


class Renderer:
    """Renders schools; environments (and so loaded templates) are shared across schools and renders."""

    def __init__(self, default_templates: Path = DEFAULT_TEMPLATES) -> None:
        self.default_templates = default_templates

    def environment(self, template_dirs: tuple[Path, ...]) -> jinja2.Environment:
        """The environment for a search path: school folder, board folder, defaults."""
        return _ENVIRONMENTS.get(template_search_path(template_dirs, self.default_templates))[0]

    def render_school(self, context: SchoolContext, template_dirs: tuple[Path, ...]) -> RenderedSchool:
        """All documents and site pages of one school; all template problems are raised together."""
        # One walk of the search path for all documents and pages.
        env, listed = _ENVIRONMENTS.get(template_search_path(template_dirs, self.default_templates))
        variables = {field.name: getattr(context, field.name) for field in fields(context)}
        problems: list[Problem] = []
        meta = meta_of(context)
        documents = []
        places: dict[str, tuple[tuple[str, str], ...]] = {}
        for kind in DOCUMENT_KINDS:
            chapters = self._chapters(
                env, listed, kind.kind, {**variables, "document": asdict(kind)}, problems
            )
            places[kind.kind] = chapter_places(chapters)
            chapters = place_own_texts(kind, chapters, context.own_texts, context.school.id, problems)
            if context.edition.concept and context.edition.open_points:
                chapters += self._chapters(
                    env, listed, None, {**variables, "document": asdict(kind)}, problems, OPEN_POINTS_TEMPLATE
                )
            documents.append(_document(kind, meta, chapters, _charts(context)))
        # Site pages link to where each document starts on the website, known only now.
        document_pages = {
            document.kind: Contact(document.title, document.page_path(0))
            for document in documents
            if document.chapters
        }
        pages = tuple(
            SitePage(chapter.slug, chapter.title, chapter.markdown)
            for chapter in self._chapters(
                env, listed, SITE_TEMPLATES, {**variables, "document_pages": document_pages}, problems
            )
        )
        if problems:
            raise InvalidInput(problems)
        return RenderedSchool(context.school.id, tuple(documents), pages, places)

    def _chapters(
        self,
        env: jinja2.Environment,
        listed: Sequence[str],
        folder: str | None,
        variables: Mapping[str, Any],
        problems: list[Problem],
        only: str | None = None,
    ) -> tuple[Chapter, ...]:
        names = (
            [only]
            if only
            else sorted(
                (name for name in listed if _in_folder(name, folder)),
                key=lambda n: Path(n).name,
            )
        )
        chapters = []
        for name in names:
            try:
                template = env.get_template(name)
                markdown = template.render(variables)
            except Exception as error:  # noqa: BLE001 - a filter can fail in any way; report it as the template's
                problems.append(_template_problem(error, sys.exc_info()[2], _template_path(env, name)))
                continue
            if not markdown.strip():
                continue  # an optional chapter whose data is absent
            unsafe = unsafe_markup(markdown)
            if unsafe is not None:
                problems.append(
                    Problem(
                        _template_path(env, name),
                        None,
                        "",
                        f"dit sjabloon maakt HTML die niet op de website mag: {unsafe}",
                        "schrijf gewone Markdown zonder HTML; een link gaat naar https:, http:, mailto: of tel:",
                    )
                )
                continue
            try:
                chapters.append(
                    Chapter(_slug(name), _title(markdown, _template_path(env, name)), markdown.strip() + "\n")
                )
            except InvalidInput as error:
                problems.extend(error.problems)
        return tuple(chapters)


def _in_folder(name: str, folder: str | None) -> bool:
    parts = name.split("/")
    return (
        len(parts) == 2
        and parts[0] == folder
        and parts[1].endswith(".md.j2")
        and not parts[1].startswith("_")
    )


def _template_path(env: jinja2.Environment, name: str) -> str:
    loader = env.loader
    if isinstance(loader, jinja2.FileSystemLoader):
        for root in loader.searchpath:
            candidate = Path(root) / name
            if candidate.is_file():
                return str(candidate)
    return name


def _document(
    kind: DocumentKind, meta: DocumentMeta, chapters: tuple[Chapter, ...], charts: tuple[Chart, ...] = ()
) -> RenderedDocument:
    return RenderedDocument(
        kind.kind, kind.title, kind.file_stem, meta, chapters, toc=kind.toc, cover=kind.cover, charts=charts
    )


def _charts(context: SchoolContext) -> tuple[Chart, ...]:
    """The charts a chapter may show: the monitoring trends (context/monitoring.py)."""
    results = context.monitoring_results
    return tuple(item.chart for item in results.instruments) if results else ()


# --- A school's own texts (eigen_teksten): placed as whole chapters, sections or appendices. ---

PLACES_COMMAND = "generate.py plaatsen"
_RENDERED_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")


def _sections(markdown: str) -> list[tuple[str, str, int, int]]:
    """The `##` sections of a chapter: (id, title, first line, line after the section)."""
    lines = markdown.splitlines()
    found: list[tuple[str, str, int]] = []
    seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        match = _RENDERED_HEADING.match(line)
        if match and len(match[1]) == 2:
            base = section_id(match[2]) or "sectie"
            seen[base] = seen.get(base, 0) + 1
            found.append((base if seen[base] == 1 else f"{base}-{seen[base]}", match[2], index))
    spans = []
    for identifier, title, start in found:
        end = next(
            (
                index
                for index in range(start + 1, len(lines))
                if (match := _RENDERED_HEADING.match(lines[index])) and len(match[1]) <= 2
            ),
            len(lines),
        )
        spans.append((identifier, title, start, end))
    return spans


def chapter_places(chapters: Iterable[Chapter]) -> tuple[tuple[str, str], ...]:
    """Every chapter id and section id (`chapter#section`) of a document, with its title."""
    places: list[tuple[str, str]] = []
    for chapter in chapters:
        places.append((chapter.slug, chapter.title))
        places += [
            (f"{chapter.slug}#{identifier}", title) for identifier, title, _, _ in _sections(chapter.markdown)
        ]
    return tuple(places)


def _shifted(text: OwnText, top: int, title: str | None) -> tuple[str, str] | Problem:
    """The own text with its first heading at level `top` and the rest below it: (title, Markdown).

    Without a heading on its first line, a replacement keeps the title it replaces (`title`);
    a text after a chapter or an appendix needs its own.
    """
    lines = text.markdown.splitlines()
    found = headings(text.markdown)
    if not found or found[0][0] != 0:
        if title is None:
            return Problem(
                text.file,
                1,
                "",
                "deze eigen tekst heeft een titel nodig: de eerste regel is een kop",
                "begin het bestand met een kop, bijvoorbeeld '# Onze steungroepaanpak'",
            )
        lines = [f"{'#' * top} {title}", "", *lines]
        first_level = top
    else:
        first_level = found[0][1]
        title = found[0][2]
    offset = 0 if found and found[0][0] == 0 else 2
    out = list(lines)
    for index, level, heading in found:
        new_level = top if index == 0 else min(6, max(top + 1, level - first_level + top))
        out[index + offset] = f"{'#' * new_level} {heading}"
    return title or "", "\n".join(out).strip() + "\n"


def _unknown_place(text: OwnText, kind: DocumentKind, known: Iterable[str], school_id: str) -> Problem:
    target = text.place.chapter or ""
    if text.place.section:
        target += f"#{text.place.section}"
    return Problem(
        text.named_in,
        text.line,
        text.key,
        f"onbekende plaats '{text.place.target}': {kind.title} heeft geen hoofdstuk of sectie '{target}'",
        "".join(
            f"bedoelde je '{close}'? " for close in difflib.get_close_matches(target, known, n=1, cutoff=0.6)
        )
        + f"de plaatsen van deze school toont: {PLACES_COMMAND} --school {school_id}",
    )


def place_own_texts(
    kind: DocumentKind,
    chapters: tuple[Chapter, ...],
    own_texts: Iterable[OwnText],
    school_id: str,
    problems: list[Problem],
) -> tuple[Chapter, ...]:
    """The document's chapters with the school's own texts in their places; wrong places go to problems."""
    mine = [text for text in own_texts if text.place.document == kind.kind]
    if not mine:
        return chapters
    known = [identifier for identifier, _ in chapter_places(chapters)]
    placed: dict[tuple[str, str], list[tuple[OwnText, str, str]]] = {}  # (how, target) -> texts
    titles = {identifier: title for identifier, title in chapter_places(chapters)}
    for text in mine:
        place = text.place
        target = (
            "" if place.chapter is None else place.chapter + (f"#{place.section}" if place.section else "")
        )
        if place.how != "bijlage" and target not in titles:
            problems.append(_unknown_place(text, kind, known, school_id))
            continue
        if place.how == "vervangt" and placed.get(("vervangt", target)):
            problems.append(
                Problem(
                    text.named_in,
                    text.line,
                    text.key,
                    f"twee eigen teksten vervangen '{place.target}'",
                    "geef elke plaats één vervangende tekst; zet een tweede tekst 'na' die plaats",
                )
            )
            continue
        top = 2 if place.section else 1
        shifted = _shifted(text, top, titles.get(target) if place.how == "vervangt" else None)
        if isinstance(shifted, Problem):
            problems.append(shifted)
            continue
        unsafe = unsafe_markup(shifted[1])
        if unsafe is not None:
            problems.append(
                Problem(
                    text.file,
                    None,
                    "",
                    f"deze eigen tekst maakt HTML die niet in de documenten mag: {unsafe}",
                    "schrijf gewone Markdown zonder HTML; een link gaat naar https:, http:, mailto: of tel:",
                )
            )
            continue
        placed.setdefault((place.how, target), []).append((text, *shifted))
    return _with_own_texts(chapters, placed)


def _with_own_texts(
    chapters: tuple[Chapter, ...], placed: Mapping[tuple[str, str], list[tuple[OwnText, str, str]]]
) -> tuple[Chapter, ...]:
    slugs = {chapter.slug for chapter in chapters}

    def new_slug(title: str) -> str:
        base = section_id(title) or "eigen-tekst"
        slug, number = base, 1
        while slug in slugs:
            number += 1
            slug = f"{base}-{number}"
        slugs.add(slug)
        return slug

    result: list[Chapter] = []
    for chapter in chapters:
        replacement = placed.get(("vervangt", chapter.slug))
        if replacement:
            _, title, markdown = replacement[0]
            chapter = Chapter(chapter.slug, title, markdown)
        else:
            chapter = Chapter(chapter.slug, chapter.title, _with_own_sections(chapter, placed))
        result.append(chapter)
        for _, title, markdown in placed.get(("na", chapter.slug), []):
            result.append(Chapter(new_slug(title), title, markdown))
    for number, (_, title, markdown) in enumerate(placed.get(("bijlage", ""), [])):
        letter = _appendix_letter(number)
        heading = f"Bijlage {letter} – {title}"
        body = markdown.split("\n", 1)[1] if "\n" in markdown else ""
        result.append(Chapter(new_slug(f"bijlage {letter} {title}"), heading, f"# {heading}\n{body}"))
    return tuple(result)


def _appendix_letter(number: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[number] if number < len(letters) else f"{letters[number // 26 - 1]}{letters[number % 26]}"


def _with_own_sections(
    chapter: Chapter, placed: Mapping[tuple[str, str], list[tuple[OwnText, str, str]]]
) -> str:
    lines = chapter.markdown.rstrip("\n").splitlines()
    edits: list[tuple[int, int, list[str]]] = []
    for identifier, _, start, end in _sections(chapter.markdown):
        target = f"{chapter.slug}#{identifier}"
        replacement = placed.get(("vervangt", target))
        after = [markdown for _, _, markdown in placed.get(("na", target), [])]
        if replacement:
            edits.append((start, end, [*replacement[0][2].splitlines(), ""]))
        if after:
            edits.append(
                (end, end, [line for markdown in after for line in ("", *markdown.splitlines(), "")])
            )
    for start, end, new in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        lines[start:end] = new
    return "\n".join(lines).strip() + "\n"
