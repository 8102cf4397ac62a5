"""Rendered documents -> .docx files, through the master template (templates/word/master.docx).

docxtpl fills the cover, header and footer placeholders of the master; the body
is built from the chapters' Markdown and put where the master has BODY_MARKER.
Compile once, render many: the master is read once per path and its Jinja
templates are compiled once per writer (one writer per run), however many
schools and documents follow.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zipfile
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

import jinja2
from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.shared import Length
from docxtpl import DocxTemplate  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from schoolveiligheid.clock import pinned_moment
from schoolveiligheid.confine import SANDBOX_HINT, SandboxEnvironment, SecurityError, sandbox_message
from schoolveiligheid.documents import DocumentMeta, RenderedDocument
from schoolveiligheid.errors import BuildFailed, InvalidInput, Problem, display_path
from schoolveiligheid.files import write_atomically
from schoolveiligheid.kept import Kept
from schoolveiligheid.writers.word_body import BodyBuilder
from schoolveiligheid.writers.word_fields import cover_logo, describe_images
from schoolveiligheid.writers.word_master import MasterStyles, fill_table_of_contents, wml_xpath

BODY_MARKER = "[[HOOFDSTUKKEN]]"

# Core properties whose text in the master is a Jinja template (see tools/maak_master.py).
PROPERTY_NAMES = (
    "author",
    "category",
    "comments",
    "content_status",
    "identifier",
    "keywords",
    "language",
    "last_modified_by",
    "subject",
    "title",
    "version",
)
APP_XML = "docProps/app.xml"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_MASTER_HINT = "maak het standaardsjabloon opnieuw met: python tools/maak_master.py"
# Dates of documents made without a school year (tests, tools): a fixed, recognisable day.
_NO_SCHOOL_YEAR = date(2000, 8, 1)


# Compiled Word templates for the whole process, shared by every writer and filler: a run that
# writes again (the tests, a preview on every save, letters after documents) compiles a master,
# form or letter once. Keyed by source and by the settings that change compiled code; the last 256
# are kept, so a long run over many own templates stays bounded.
_SHARED_COMPILED: Kept[tuple[str, object, object], jinja2.Template] = Kept(256)


class CompileOnceEnvironment(SandboxEnvironment):
    """A sandboxed Jinja environment whose from_string compiles each distinct source once per process.

    A sandbox because the master, letter and form templates may come from a school's
    or board's own template folder: data from others, never code that runs here.

    docxtpl calls from_string for the document, every header and footer and the
    properties on each render; the master's XML is the same every time, so the
    compiled template can be reused. Every environment of this class is made with the
    same settings (sandbox, StrictUndefined), so a template compiled by one serves all.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.compilations = 0  # compiled by this environment (a template another one compiled is reused)
        self.requests = 0

    def _settings(self) -> tuple[object, ...]:
        """What else a compiled template carries from its environment: one with other filters,
        globals or finalize never gets another's template."""
        return (type(self), self.undefined, self.finalize, tuple(self.filters), tuple(self.globals))

    def from_string(
        self,
        source: str | jinja2.nodes.Template,
        globals: MutableMapping[str, Any] | None = None,  # noqa: A002 - Jinja's own name
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        self.requests += 1
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        # docxtpl may flip autoescape, which is compiled into the template: never reuse across it.
        key = (source, self.autoescape, self._settings())
        template = _SHARED_COMPILED.get(key, None)
        if template is None:
            template = super().from_string(source)
            _SHARED_COMPILED.put(key, template)
            self.compilations += 1
        return template


@dataclass(frozen=True, slots=True)
class _Master:
    name: str
    data: bytes  # the master with its property templates taken out
    properties: Mapping[str, str]  # core property -> Jinja source
    app_xml: bytes
    styles: MasterStyles
    digest: bytes  # of the master file as read: everything above comes from it


# Word files written in this process, by everything their bytes depend on: the rendered document
# (its text, charts and cover data), the master file, the logo (its file name and contents) and the
# document date. A build that writes the same document again (a preview after a change to the
# website only, the tests, which build the example many times) gets the bytes it wrote before
# instead of filling the master again. Only the last few are kept (each about 100 kB).
_WRITTEN: Kept[tuple[RenderedDocument, bytes, tuple[str, bytes] | None, datetime], bytes] = Kept(24)


class WordWriter:
    """Writes .docx files; make one per run so compiled templates are shared by all schools."""

    def __init__(self) -> None:
        # Two environments, neither shared with the Markdown templates: XML needs escaping,
        # document properties are plain text that python-docx escapes itself.
        self._xml_env = CompileOnceEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
        self._text_env = CompileOnceEnvironment(undefined=jinja2.StrictUndefined, autoescape=False)
        self._masters: dict[Path, _Master] = {}

    @property
    def compilations(self) -> int:
        """How many Jinja templates this writer compiled so far."""
        return self._xml_env.compilations + self._text_env.compilations

    @property
    def template_requests(self) -> int:
        """How many templates docxtpl and the properties asked for (compiled or reused)."""
        return self._xml_env.requests + self._text_env.requests

    def write(
        self, documents: Sequence[RenderedDocument], out_dir: Path, master: Path, logo: Path | None = None
    ) -> list[Path]:
        """Write <out_dir>/<file_stem>.docx per document; nothing is written if one fails.

        `logo`: the school's logo, for the master's {{ logo }} (the cover).
        """
        stems = [document.file_stem for document in documents]
        doubles = sorted({stem for stem in stems if stems.count(stem) > 1})
        if doubles:
            raise BuildFailed(
                f"Twee documenten heten {', '.join(doubles)}.docx", "geef elk document een eigen file_stem"
            )
        loaded = self._master(master)
        rendered = [
            (out_dir / document.docx_name, self._render(document, loaded, logo)) for document in documents
        ]
        for path, data in rendered:
            write_atomically(path, data)
        return [path for path, _ in rendered]

    def _master(self, path: Path) -> _Master:
        key = path.resolve()
        cached = self._masters.get(key)
        if cached is None:
            cached = self._masters[key] = _load_master(path)
        return cached

    def _render(self, document: RenderedDocument, master: _Master, logo: Path | None = None) -> bytes:
        shown = _logo_key(logo)
        if logo is not None and shown is None:  # unreadable: filling the master says what is wrong
            return self._fill(document, master, logo)
        key = (document, master.digest, shown, document_date(document.meta))
        written = _WRITTEN.get(key, None)
        if written is None:
            written = self._fill(document, master, logo)
            if _logo_key(logo) == shown:  # not kept when the logo changed while the master was filled
                _WRITTEN.put(key, written)
        return written

    def _fill(self, document: RenderedDocument, master: _Master, logo: Path | None) -> bytes:
        context = template_context(document)
        template = FilledTemplate(io.BytesIO(master.data))
        if logo is not None:
            context["logo"] = cover_logo(template, logo)
        try:
            template.render(context, jinja_env=self._xml_env, autoescape=True)
            describe_images(template.docx, f"Logo van {document.meta.school_name}")
            properties = {
                name: self._text_env.from_string(source).render(context)
                for name, source in master.properties.items()
            }
            app_xml = _render_app_xml(master.app_xml, self._text_env, context)
        except SecurityError as exc:
            raise InvalidInput(
                [
                    Problem(
                        master.name,
                        None,
                        "",
                        f"Word-sjabloon geweigerd: {sandbox_message(exc)}",
                        SANDBOX_HINT,
                    )
                ]
            ) from None
        except jinja2.TemplateError as exc:
            raise BuildFailed(
                f"Het Word-sjabloon {master.name} kon niet worden ingevuld voor {document.docx_name}: {exc.message}",
                f"velden die het sjabloon mag gebruiken: {', '.join(sorted(context))}",
            ) from exc
        docx: DocxDocument = template.docx
        builder = BodyBuilder(docx.part, master.styles, document.charts)
        blocks = [block for chapter in document.chapters for block in builder.chapter(chapter)]
        body = docx.element.body
        marker = _find_marker(body, master.name)
        if not document.cover:
            _without_cover(body, marker)
        _replace_marker(marker, blocks)
        if document.toc:
            fill_table_of_contents(body, builder.headings, master.styles)
        when = document_date(document.meta)
        core = docx.core_properties
        for name, value in properties.items():
            setattr(core, name, _fitting_property(value))
        core.created = core.modified = when.replace(tzinfo=None)
        core.revision = 1
        return reproducible_docx(docx, when, {APP_XML: app_xml})


def _logo_key(logo: Path | None) -> tuple[str, bytes] | None:
    """What of the logo reaches the Word file: its file name (in the picture's properties) and a
    digest of its contents; None without a logo or when it cannot be read."""
    if logo is None:
        return None
    try:
        return logo.name, hashlib.sha256(logo.read_bytes()).digest()
    except OSError:
        return None


# python-docx refuses a document property longer than this; a long school name fills the keywords.
PROPERTY_MAX = 255


def _fitting_property(value: str) -> str:
    """The property as it is, or cut off with an ellipsis where python-docx would refuse it."""
    return value if len(value) <= PROPERTY_MAX else value[: PROPERTY_MAX - 1] + "…"


def template_context(document: RenderedDocument) -> dict[str, Any]:
    """The values the master's {{ placeholders }} may use."""
    meta = document.meta
    context: dict[str, Any] = {field.name: getattr(meta, field.name) for field in fields(meta)}
    context.update(
        is_concept=meta.is_concept,
        title=document.title,
        kind=document.kind,
        file_stem=document.file_stem,
        toc=document.toc,
        logo=None,  # the school's logo as an image, when the build has one (WordWriter.write)
    )
    return context


def _load_master(path: Path) -> _Master:
    name = display_path(path)
    try:
        data = path.read_bytes()
        docx = Document(io.BytesIO(data))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            app_xml = archive.read(APP_XML) if APP_XML in archive.namelist() else b""
    except FileNotFoundError:
        raise BuildFailed(f"Het Word-sjabloon {name} bestaat niet", _MASTER_HINT) from None
    except (
        OSError,
        ValueError,
        KeyError,
        zipfile.BadZipFile,
        etree.XMLSyntaxError,
        PackageNotFoundError,
    ) as exc:
        raise BuildFailed(
            f"Het Word-sjabloon {name} is geen geldig Word-bestand (.docx): {exc}", _MASTER_HINT
        ) from exc
    _find_marker(docx.element.body, name)
    section = docx.sections[-1]
    text_width = 9072  # A4 with 2.5 cm margins, in twips, if the master does not say
    if section.page_width and section.left_margin is not None and section.right_margin is not None:
        text_width = Length(section.page_width - section.left_margin - section.right_margin).twips
    styles = MasterStyles.read(docx.part, text_width, name)
    core = docx.core_properties
    properties = {prop: getattr(core, prop) for prop in PROPERTY_NAMES if getattr(core, prop)}
    for prop in properties:
        setattr(core, prop, "")  # docxtpl would render them with XML escaping; we render them as text
    buffer = io.BytesIO()
    docx.save(buffer)
    return _Master(
        name=name,
        data=buffer.getvalue(),
        properties=properties,
        app_xml=app_xml,
        styles=styles,
        digest=hashlib.sha256(data).digest(),
    )


def _render_app_xml(app_xml: bytes, env: jinja2.Environment, context: Mapping[str, Any]) -> bytes:
    if not app_xml:
        return app_xml
    root = etree.fromstring(app_xml)
    for element in root.iter(f"{{{_APP_NS}}}Company", f"{{{_APP_NS}}}Manager"):
        element.text = env.from_string(element.text or "").render(context)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _find_marker(body: Any, master_name: str) -> Any:
    found = [
        p
        for p in body.iterchildren(qn("w:p"))
        if "".join(wml_xpath(p, ".//w:t/text()")).strip() == BODY_MARKER
    ]
    if len(found) != 1:
        raise BuildFailed(
            f"Het Word-sjabloon {master_name} moet precies één alinea met {BODY_MARKER} hebben "
            f"(gevonden: {len(found)})",
            f"daar komen de hoofdstukken; {_MASTER_HINT}",
        )
    return found[0]


def _without_cover(body: Any, marker: Any) -> None:
    """A text to paste elsewhere (the schoolgids paragraph): it starts on page 1 with its own heading.

    Everything the master puts before the body marker (cover, contents) goes, and so does the page
    break before the marker; the first page gets the header and footer of every other page.
    """
    for element in list(marker.itersiblings(preceding=True)):
        if element.tag in (qn("w:p"), qn("w:tbl"), qn("w:sdt")):
            body.remove(element)
    for page_break in wml_xpath(marker, "./w:pPr/w:pageBreakBefore"):
        page_break.getparent().remove(page_break)
    for first_page in wml_xpath(body, "./w:sectPr/w:titlePg"):
        first_page.getparent().remove(first_page)


def _replace_marker(marker: Any, blocks: list[Any]) -> None:
    """Put the blocks where the marker is; a page break before the marker moves to the first block."""
    breaks = wml_xpath(marker, "./w:pPr/w:pageBreakBefore")
    if breaks and (not blocks or blocks[0].tag != qn("w:p")):
        for run in wml_xpath(marker, "./w:r"):
            marker.remove(run)
        blocks.insert(0, marker)  # keeps the break in an otherwise empty paragraph
    elif breaks:
        properties = blocks[0].find(qn("w:pPr"))
        if properties is None:
            properties = etree.SubElement(blocks[0], qn("w:pPr"))
            blocks[0].insert(0, properties)
        style = properties.find(qn("w:pStyle"))
        properties.insert(0 if style is None else 1, etree.Element(qn("w:pageBreakBefore")))
    for block in blocks:
        if block is not marker:
            marker.addprevious(block)
    if marker not in blocks:
        marker.getparent().remove(marker)


def document_date(meta: DocumentMeta) -> datetime:
    """Created/modified date: SOURCE_DATE_EPOCH, else the adoption date, else 1 August of the school year."""
    pinned = pinned_moment()
    if pinned is not None:
        return pinned
    if meta.adopted_date is not None:
        return datetime(meta.adopted_date.year, meta.adopted_date.month, meta.adopted_date.day, tzinfo=UTC)
    start = meta.school_year_start or _NO_SCHOOL_YEAR
    return datetime(start.year, start.month, start.day, tzinfo=UTC)


@functools.lru_cache(maxsize=64)
def _patched_xml(source: str) -> str:
    # docxtpl's patch_xml reads nothing of its template but the XML it is given.
    return str(DocxTemplate.patch_xml(None, source))


class FilledTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, with its clean-up of a part's XML before Jinja sees it done once per
    process for each template (every document of a master, every letter of a kind: the same XML)."""

    def patch_xml(self, src_xml: str) -> str:
        return _patched_xml(src_xml)


class _ReproducibleParts:
    """Where python-docx's package writer puts each part: straight into a zip with fixed timestamps
    and attributes, compressed once (saving first and rewriting the zip would compress twice)."""

    def __init__(self, target: zipfile.ZipFile, when: datetime, replace: Mapping[str, bytes]) -> None:
        self._target = target
        self._stamp = _zip_stamp(when)
        self._replace = replace

    def write(self, pack_uri: Any, blob: bytes) -> None:
        name = str(pack_uri.membername)
        self._target.writestr(_zip_entry(name, self._stamp), self._replace.get(name) or blob)


def reproducible_docx(
    docx: DocxDocument, when: datetime, replace: Mapping[str, bytes] | None = None
) -> bytes:
    """The document's .docx bytes with fixed timestamps and attributes, so equal input gives equal
    bytes: the same bytes as saving it and passing the file through `reproducible_zip`."""
    package = docx.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        # python-docx's own steps and order (PackageWriter.write), to our writer instead of its own:
        # the python-docx version is pinned, and tests/test_word.py compares the bytes with a save.
        parts = cast(PhysPkgWriter, _ReproducibleParts(target, when, replace or {}))
        PackageWriter._write_content_types_stream(parts, package.parts)  # type: ignore[no-untyped-call]
        PackageWriter._write_pkg_rels(parts, package.rels)  # type: ignore[no-untyped-call]
        PackageWriter._write_parts(parts, package.parts)
    return out.getvalue()


def _zip_stamp(when: datetime) -> tuple[int, int, int, int, int, int]:
    year, month, day, hour, minute, second = max(when.replace(tzinfo=None), datetime(1980, 1, 1)).timetuple()[
        :6
    ]
    return year, month, day, hour, minute, second


def _zip_entry(name: str, stamp: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=stamp)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 0
    entry.external_attr = 0
    return entry


def reproducible_zip(data: bytes, when: datetime, replace: Mapping[str, bytes] | None = None) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, so equal input gives equal bytes."""
    stamp = _zip_stamp(when)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(
                _zip_entry(info.filename, stamp),
                (replace or {}).get(info.filename) or source.read(info.filename),
            )
    return out.getvalue()
