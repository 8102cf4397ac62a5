"""The one Markdown dialect of the project, shared by the Word writer and the website.

The site's mkdocs.yml lists the same extensions, so a chapter reads the same in
Word and on the web. `plain_text` is what a reader sees of a chapter; tests
compare it with the text of the generated .docx.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import markdown  # type: ignore[import-untyped, unused-ignore]
from lxml import html as lxml_html  # type: ignore[import-untyped, unused-ignore]
from lxml.etree import _Element  # type: ignore[import-untyped, unused-ignore]

from schoolveiligheid.documents import MARKDOWN_EXTENSIONS

__all__ = ["MARKDOWN_EXTENSIONS", "to_html", "plain_text", "collapse_whitespace", "parse_html"]

# Elements that start a new line of text when shown; everything else is inline.
BLOCK_TAGS = frozenset(
    {
        "address",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

# HTML collapses these; a no-break space (U+00A0) is text and must survive.
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")

_converter = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), output_format="html")


# Converted texts kept per process: the same chapter is converted again when a run writes a
# school's documents more than once (a preview on every save, the tests, a board where schools
# share a chapter word for word). Bounded, so a large board's run stays flat in memory.
CACHED_HTML = 256


@functools.lru_cache(maxsize=CACHED_HTML)
def to_html(text: str) -> str:
    """Convert Markdown to HTML with the project's extensions."""
    # reset() clears the toc extension's slug memory, so ids do not depend on earlier calls.
    return str(_converter.reset().convert(text))


def parse_html(html: str) -> _Element:
    """Parse an HTML fragment into a tree under one <div>; entities come out decoded."""
    return lxml_html.fragment_fromstring(html or "", create_parent="div")


def collapse_whitespace(text: str) -> str:
    """Collapse runs of HTML whitespace into one space, as a browser shows them."""
    return _WHITESPACE.sub(" ", text)


def is_generated_toc(element: _Element) -> bool:
    """True for the `[TOC]` block of the toc extension; Word has its own TOC field."""
    return element.tag == "div" and "toc" in (element.get("class") or "").split()


def plain_text(text: str) -> str:
    """The visible text of Markdown, as one line with single spaces between words."""
    return collapse_whitespace("".join(_visible(parse_html(to_html(text))))).strip()


def _visible(element: _Element) -> Iterator[str]:
    if not isinstance(element.tag, str) or is_generated_toc(element):
        return  # comments, processing instructions, the generated TOC
    block = element.tag in BLOCK_TAGS or element.tag == "br"
    if block:
        yield " "
    yield element.text or ""
    for child in element:
        yield from _visible(child)
        yield child.tail or ""
    if block:
        yield " "
