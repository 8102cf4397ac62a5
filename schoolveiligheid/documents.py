"""Rendered documents: the one text source that every writer consumes.

The render stage turns a school's model into these plain values; the Word
writer, the PDF converter and the site writer take nothing else. Keeping them
free of model types is what guarantees that the website cannot say something
the Word file does not, and that no writer re-derives policy data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# The project's Markdown dialect: the Word writer, the model's text checks and mkdocs.yml use these.
MARKDOWN_EXTENSIONS = ("tables", "sane_lists", "admonition", "toc")


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

    @property
    def is_concept(self) -> bool:
        """True while the policy has not been adopted."""
        return self.status == "concept"


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """A whole document: its chapters in order plus the data for its cover."""

    kind: str  # "veiligheidsplan", "schoolgids" or "pestprotocol"
    title: str  # "Sociaal veiligheidsplan"
    file_stem: str  # "sociaal-veiligheidsplan" -> sociaal-veiligheidsplan.docx
    meta: DocumentMeta
    chapters: tuple[Chapter, ...]
    toc: bool = True  # short documents (schoolgids) go without a table of contents

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


DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind("veiligheidsplan", "Sociaal veiligheidsplan", "sociaal-veiligheidsplan", toc=True),
    DocumentKind("pestprotocol", "Anti-pestprotocol", "anti-pestprotocol", toc=True),
    DocumentKind(
        "schoolgids", "Sociale veiligheid in de schoolgids", "schoolgids-sociale-veiligheid", toc=False
    ),
)
