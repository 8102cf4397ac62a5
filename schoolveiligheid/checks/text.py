"""Unfinished text: placeholders, dots, TODO's and open questions, in the YAML and in every document.

Real plans ship with "<naam>", "……", "groep X" and questions to colleagues
left in them. These checks read every string a school wrote (with its line)
and the rendered Markdown of every chapter and site page, so residue in a
template or catalogue text is found as well.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..documents import RenderedDocument, SitePage
from ..load import Mark, WrittenText
from .findings import Collector, practice

SOURCE = practice("een vastgesteld document bevat geen onafgemaakte tekst")

# Keys whose values are not prose: codes, choices, addresses, dates.
_NOT_PROSE = {
    "status",
    "schema",
    "sjablonen",
    "id",
    "email",
    "telefoon",
    "website",
    "url",
    "logo",
    "publicatie_url",
    "postcode",
    "postbus",
    "brin",
}
_TITLES = {"titel", "naam"}
_SKIPPED_LISTS = {"open_punten"}  # open points are unfinished by design; a concept lists them on purpose


@dataclass(frozen=True, slots=True)
class Residue:
    """One kind of unfinished text."""

    rule: str
    pattern: re.Pattern[str]
    message: str
    hint: str


_LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:|tel:)[^>\s]*>|<[^>\s@]+@[^>\s]+>")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]|#+\-.!>=(){}])")

RESIDUES: tuple[Residue, ...] = (
    Residue(
        "tekst-invulplek",
        re.compile(r"<[^<>\n]{1,40}>"),
        "invulplek {tekst} is niet ingevuld",
        "vervang de invulplek door de echte tekst",
    ),
    Residue(
        "tekst-puntjes",
        re.compile(r"…+|\.{4,}"),
        "puntjes ({tekst}) wijzen op tekst die nog ontbreekt",
        "vul de tekst aan of haal de puntjes weg",
    ),
    Residue(
        "tekst-todo",
        re.compile(r"\b(?:TODO|XXX+|FIXME)\b"),
        "werknotitie {tekst} staat nog in de tekst",
        "werk het punt uit en haal de notitie weg",
    ),
    Residue(
        "tekst-groep-x",
        re.compile(r"\bgroep(?:en)?\s+[xX]\b"),
        "'{tekst}' is niet ingevuld",
        "noem de echte groep(en), bijvoorbeeld groep 7 en 8",
    ),
    Residue(
        "tekst-aanpassen",
        re.compile(r"\(\s*per school aanpassen", re.IGNORECASE),
        "'{tekst}' staat nog in de tekst",
        "pas de tekst aan voor de school en haal de aanwijzing weg",
    ),
    Residue(
        "tekst-opmerking",
        re.compile(r"Comment by|\[(?:image|bookmark):", re.IGNORECASE),
        "achtergebleven opmerking of afbeeldingsverwijzing ({tekst})",
        "haal de opmerking of de verwijzing weg",
    ),
)
# Generated text shows a programme's status as "(in ontwikkeling)"; only the YAML's prose must not say it.
_DEVELOPING_RENDERED = Residue(
    "tekst-in-ontwikkeling",
    re.compile(r"\bnog in ontwikkeling\b", re.IGNORECASE),
    "'{tekst}': wat nog niet af is, hoort niet in de lopende tekst",
    "geef een programma status: in_ontwikkeling, of zet het bij document.open_punten",
)
_DEVELOPING_YAML = Residue(
    _DEVELOPING_RENDERED.rule,
    re.compile(r"\b(?:nog )?in ontwikkeling\b", re.IGNORECASE),
    _DEVELOPING_RENDERED.message,
    _DEVELOPING_RENDERED.hint,
)
_QUESTION = Residue(
    "tekst-vraag",
    re.compile(r"\?\s*$"),
    "de zin eindigt met een vraagteken: '{tekst}'",
    "beantwoord de vraag in het beleid of zet haar bij document.open_punten",
)


def key_of(mark: Mark) -> str:
    """The key a text was written under (for a list item, the list's key)."""
    return next((part for part in reversed(mark.path) if isinstance(part, str)), "")


def is_prose(mark: Mark) -> bool:
    """False for values that are codes, choices, contact details or open points."""
    return key_of(mark) not in _NOT_PROSE and not any(part in _SKIPPED_LISTS for part in mark.path)


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else "…" + text[-limit:]


def _line_of(mark: Mark, text: str, index: int) -> int:
    # Text with line breaks comes from a block scalar ('|'): its lines start below the key.
    return mark.line + 1 + index if "\n" in text else mark.line


def _matches(line: str, developing: Residue) -> Iterator[tuple[Residue, str, int, int]]:
    """Each residue in a line: its rule, the text to show, and where it is in the line."""
    for residue in (*RESIDUES, developing):
        for match in residue.pattern.finditer(line):
            yield residue, match.group(0), match.start(), match.end()
    question = _QUESTION.pattern.search(line)
    if question:
        yield _QUESTION, _shown(line.strip()), question.start(), question.start() + 1


def check_policy_text(texts: Sequence[WrittenText], out: Collector) -> None:
    """Unfinished text in every string the school (or its board) wrote."""
    for text, mark in texts:
        if not is_prose(mark):
            continue
        for index, line in enumerate(text.splitlines() or [text]):
            for residue, found, _, _ in _matches(_without_links(line), _DEVELOPING_YAML):
                if residue is _QUESTION and key_of(mark) in _TITLES:
                    continue  # a title may ask what its section answers, like a heading
                place = Mark(mark.file, _line_of(mark, text, index), mark.path)
                out.error(residue.rule, residue.message.format(tekst=found), place, SOURCE, residue.hint)


def _without_links(line: str) -> str:
    return _AUTOLINK.sub("", _LINK_TARGET.sub("]", line))


def plain_markdown_line(line: str) -> str:
    """A rendered Markdown line as a reader sees it: link targets gone, escapes and entities decoded."""
    return html.unescape(_MD_ESCAPE.sub(r"\1", _without_links(line)))


def _is_heading(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith("#") or stripped.startswith("!!!") or stripped.startswith("???")


def _written_by_school(line: str, start: int, end: int, school_text: str) -> bool:
    """Residue that comes from the YAML is reported there, at its line, not again per chapter.

    A long match is recognised on its own; a short one ("…", "?") only with the
    words around it, so a template's "…" is not hidden by a school's.
    """
    found = line[start:end].strip()
    if len(found) >= 4:
        return found in school_text
    before, after = line[max(0, start - 12) : end].strip(), line[start : end + 12].strip()
    return before in school_text or after in school_text


def check_rendered_text(
    documents: Sequence[RenderedDocument],
    pages: Sequence[SitePage],
    texts: Sequence[WrittenText],
    out: Collector,
) -> None:
    """Unfinished text in the generated chapters and site pages that did not come from the YAML."""
    strings = [written.text for written in texts]
    school_text = "\n".join(" ".join(text.split()) for text in strings)
    questions = {
        " ".join(line.split())
        for text in strings
        for line in text.splitlines()
        if line.rstrip().endswith("?")
    }
    places = [
        (f"{document.title}, hoofdstuk {chapter.title}", chapter.markdown)
        for document in documents
        for chapter in document.chapters
    ]
    places += [(f"website, pagina {page.title}", page.markdown) for page in pages]
    seen: set[tuple[str, str, str]] = set()
    for place, markdown in places:
        for line in markdown.splitlines():
            plain = " ".join(plain_markdown_line(line).split())
            for residue, found, start, end in _matches(plain, _DEVELOPING_RENDERED):
                if residue is _QUESTION and _is_heading(line):
                    continue  # a heading may ask what the section answers
                if residue is _QUESTION:
                    if any(plain.endswith(question) for question in questions):
                        continue
                elif _written_by_school(plain, start, end, school_text):
                    continue
                if (place, residue.rule, found) in seen:
                    continue
                seen.add((place, residue.rule, found))
                out.error(
                    residue.rule, residue.message.format(tekst=found), place, SOURCE, _template_hint(residue)
                )


def _template_hint(residue: Residue) -> str:
    return f"deze tekst komt uit een sjabloon of de catalogus (templates/); {residue.hint}"
