"""Rendered documents: the one text source that every writer consumes.

The render stage turns a school's model into these plain values; the Word
writer, the PDF converter and the site writer take nothing else. Keeping them
free of model types is what guarantees that the website cannot say something
the Word file does not, and that no writer re-derives policy data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# The project's Markdown dialect: the Word writer, the model's text checks and mkdocs.yml use these.
MARKDOWN_EXTENSIONS = ("tables", "sane_lists", "admonition", "toc")

# A document is written as <file_stem>.docx and, with --pdf, <file_stem>.pdf beside it; the website
# offers exactly these files for download.
DOCX = ".docx"
PDF = ".pdf"
DOWNLOAD_SUFFIXES = (DOCX, PDF)


@dataclass(frozen=True, slots=True)
class Chapter:
    """One chapter of a document, as Markdown that starts with its own `# Title`."""

    slug: str
    title: str
    markdown: str


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a cover page, header, footer and document properties show."""

    school_id: str
    school_name: str
    board_name: str
    school_year: str
    version: str
    status: str  # "concept" or "vastgesteld"
    adopted_on: str  # Dutch date ("15 september 2026"), or "" while concept
    consent_on: str  # MR-instemming, Dutch date or ""
    open_points: tuple[str, ...] = ()
    language: str = "nl-NL"
    adopted_date: date | None = None  # the same adoption date, for file properties
    school_year_start: date | None = None  # 1 August of the school year, for file properties of a concept
    example: bool = False  # a made-up example (voorbeeld: true): cover, footer and site say so
    logo: Path | None = None  # the school's logo (PNG or JPG): website header and board index
    colour: str | None = None  # the website's main colour "#rrggbb" (huisstijl), None: the theme's
    accent_colour: str | None = None  # the website's accent colour "#rrggbb", None: the main colour

    @property
    def is_concept(self) -> bool:
        """True while the policy has not been adopted."""
        return self.status == "concept"


# Charts live in a document's Markdown as `![alt](grafieken/<name>.svg)`; the site writer puts the SVG
# beside the page, the Word writer a PNG in the paragraph (writers/charts.py draws both).
CHART_FOLDER = "grafieken"


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """One line or row of bars in a chart panel, with an optional goal line."""

    label: str
    values: tuple[float | None, ...]  # one per label of the chart; None: not measured
    goal: float | None = None
    goal_label: str = ""


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart as plain data: aggregate figures only, drawn by writers/charts.py."""

    name: str  # file stem: grafieken/<name>.svg
    title: str
    description: str  # the text alternative (alt, <title>, Word's descr)
    labels: tuple[str, ...]  # school years (kind "trend") or school names (kind "vergelijking")
    panels: tuple[ChartSeries, ...]  # one panel per indicator
    kind: str = "trend"  # "trend": lines over the years; "vergelijking": bars side by side

    @property
    def file_name(self) -> str:
        """`grafieken/<name>.svg`, as the Markdown names it."""
        return f"{CHART_FOLDER}/{self.name}.svg"


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """A whole document: its chapters in order plus the data for its cover."""

    kind: str  # "veiligheidsplan", "schoolgids" or "pestprotocol"
    title: str  # "Sociaal veiligheidsplan"
    file_stem: str  # "sociaal-veiligheidsplan" -> sociaal-veiligheidsplan.docx
    meta: DocumentMeta
    chapters: tuple[Chapter, ...]
    toc: bool = True  # short documents (schoolgids) go without a table of contents
    cover: bool = True  # the schoolgids text is pasted into the schoolgids: no cover page in Word and PDF
    charts: tuple[Chart, ...] = ()  # the charts its Markdown may show (CHART_FOLDER)

    @property
    def docx_name(self) -> str:
        """The Word file's name: `<file_stem>.docx`."""
        return f"{self.file_stem}{DOCX}"

    @property
    def markdown(self) -> str:
        """The whole document as one Markdown text."""
        return "\n\n".join(chapter.markdown.strip() for chapter in self.chapters) + "\n"

    def page_path(self, index: int) -> str:
        """Where a chapter lives on the website: `<file_stem>.md` alone, or `<file_stem>/<slug>.md`."""
        if len(self.chapters) == 1:
            return f"{self.file_stem}.md"
        return f"{self.file_stem}/{self.chapters[index].slug}.md"


@dataclass(frozen=True, slots=True)
class SitePage:
    """A page that exists only on the website (start page, contact page)."""

    slug: str
    title: str
    markdown: str


@dataclass(frozen=True, slots=True)
class SiteBundle:
    """Everything the site writer needs for one school, and nothing private."""

    school_id: str
    school_name: str
    board_name: str
    meta: DocumentMeta
    pages: tuple[SitePage, ...]
    documents: tuple[RenderedDocument, ...]
    downloads: tuple[str, ...] = field(default=())  # file names of .docx/.pdf beside the site
    template_dirs: tuple[Path, ...] = ()  # the school's and board's own template folders (site stylesheet)


@dataclass(frozen=True, slots=True)
class SchoolLink:
    """A school on the board's index page of the website."""

    school_id: str
    school_name: str
    concept: bool


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """A document the toolkit produces: its template folder, title and file name."""

    kind: str  # also the template folder below templates/
    title: str
    file_stem: str
    toc: bool
    cover: bool = True  # False: a text to paste into another document (schoolgids), no cover page

    @property
    def docx_name(self) -> str:
        """The Word file's name: `<file_stem>.docx`."""
        return f"{self.file_stem}{DOCX}"

    @property
    def pdf_name(self) -> str:
        """The PDF's name (with --pdf): `<file_stem>.pdf`, beside the Word file."""
        return f"{self.file_stem}{PDF}"


DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("veiligheidsplan", "Sociaal veiligheidsplan", "sociaal-veiligheidsplan", toc=True),
    DocumentKind("pestprotocol", "Anti-pestprotocol", "anti-pestprotocol", toc=True),
    DocumentKind(
        "schoolgids",
        "Sociale veiligheid in de schoolgids",
        "schoolgids-sociale-veiligheid",
        toc=False,
        cover=False,
    ),
)


# A school's own Markdown text and where it goes: `vervangt`, `na` or `bijlage` (model/own_texts.py).
PLACE_FORMS = ("vervangt", "na", "bijlage")


@dataclass(frozen=True, slots=True)
class Place:
    """Where an own text goes: replacing or after a chapter (or a section of it), or as an appendix."""

    how: str  # one of PLACE_FORMS
    document: str  # a DocumentKind.kind
    chapter: str | None = None  # a chapter id (Chapter.slug); None for `bijlage`
    section: str | None = None  # a section id within the chapter (section_id of its `##` heading)

    @property
    def target(self) -> str:
        """The place as written after the form: `veiligheidsplan/visie#kernwaarden`."""
        text = self.document if self.chapter is None else f"{self.document}/{self.chapter}"
        return text if self.section is None else f"{text}#{self.section}"

    def __str__(self) -> str:
        return f"{self.how} {self.target}"


def parse_place(value: str) -> Place:
    """`vervangt <document>/<hoofdstuk>[#<sectie>]`, `na <document>/<hoofdstuk>[#<sectie>]` or
    `bijlage <document>`; raises ValueError with (message, hint) in Dutch when the form is wrong."""
    how, _, target = " ".join(value.split()).partition(" ")
    if how not in PLACE_FORMS or not target:
        raise ValueError(
            f"'{value}' is geen plaats",
            "schrijf 'vervangt <document>/<hoofdstuk>', 'vervangt <document>/<hoofdstuk>#<sectie>', "
            "'na <document>/<hoofdstuk>' of 'bijlage <document>'",
        )
    document, _, rest = target.partition("/")
    chapter, _, section = rest.partition("#")
    if how == "bijlage" and rest:
        raise ValueError(
            f"een bijlage hoort bij een heel document, niet bij '{rest}'",
            f"schrijf 'bijlage {document}'",
        )
    if how != "bijlage" and not chapter:
        raise ValueError(
            f"bij '{how}' hoort een hoofdstuk: '{how} {document}/<hoofdstuk>'",
            "de hoofdstukken en secties van elk document staan in: generate.py plaatsen",
        )
    chapter = re.sub(r"^\d+[a-z]?[-_]", "", chapter) if chapter else ""  # "08-aanpak-…" as the file is named
    return Place(how, document, chapter or None, section or None)


def section_id(heading: str) -> str:
    """The id of a section from its heading text: lower case, letters and digits, words joined by '-'."""
    text = unicodedata.normalize("NFKD", re.sub(r"\\(.)", r"\1", heading))
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", text))


@dataclass(frozen=True, slots=True)
class OwnText:
    """A school's (or board's) own Markdown text, read and checked, with where it goes."""

    file: str  # the Markdown file, as messages show it
    markdown: str  # the text as written, with raw HTML made inert (& < > as entities)
    place: Place
    named_in: str  # the YAML file that names it
    line: int  # the line of `plaats` in that file
    key: str  # `eigen_teksten[0].plaats`
