"""A school's own texts: plain Markdown files beside the YAML, placed in the documents by `eigen_teksten`.

The YAML names a file and a place (`vervangt veiligheidsplan/visie`, `na pestprotocol/stappen`,
`bijlage schoolgids`). The file must lie inside the folder of the YAML file that names it (a
board's texts beside the board file), is read once here, bounded, and checked like any free
text: plain Markdown with links to https:, http:, mailto: and tel: only. It is never a Jinja
template: `{{ … }}` in it is printed as written. Whether the place exists is known only once the
documents are rendered (render.py); every line of the text joins the school's written texts, so
the unfinished-text checks point at the Markdown file and line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..confine import OutsideFolder, resolve_inside
from ..documents import DOCUMENT_KINDS, OwnText, parse_place
from ..errors import InvalidInput, Problem
from ..load import Mark, WrittenText, invisible_character, read_text_file
from .base import Block, field
from .values import Line, _only_plain_markdown, invalid, suggest

# An own text is a chapter or an appendix, not a book.
OWN_TEXT_MAX_CHARS = 60_000
OWN_TEXT_SUFFIXES = (".md", ".markdown")
PLACES_TIP = "de plaatsen van elk document staan in: generate.py plaatsen"
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")


def _place(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # the str type reports it
    try:
        place = parse_place(value)
    except ValueError as error:
        message, hint = error.args
        raise invalid("plaats", message.replace("{", "{{").replace("}", "}}"), hint) from None
    kinds = [kind.kind for kind in DOCUMENT_KINDS]
    if place.document not in kinds:
        raise invalid(
            "plaats",
            "onbekend document '{document}'",
            f"{suggest(place.document, kinds)}; {PLACES_TIP}",
            document=place.document,
        )
    return str(place)


PlaceText = Annotated[
    str,
    BeforeValidator(_place),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*(vervangt|na|bijlage)\s+\S",
            "description": "vervangt <document>/<hoofdstuk>[#<sectie>], na <document>/<hoofdstuk>[#<sectie>] "
            "of bijlage <document>",
        }
    ),
]


class OwnTextChoice(Block):
    """A text the school or board wrote itself, as a Markdown file, and where it goes in the documents."""

    file: Line = field(
        "bestand",
        "Markdown-bestand met de eigen tekst, vanaf dit bestand, bijvoorbeeld teksten/steungroep.md",
    )
    place: PlaceText = field(
        "plaats",
        "waar de tekst komt: 'vervangt <document>/<hoofdstuk>' (of '#<sectie>' erachter), "
        "'na <document>/<hoofdstuk>' of 'bijlage <document>'; de namen toont generate.py plaatsen",
    )


def headings(markdown: str) -> list[tuple[int, int, str]]:
    """The ATX headings of a Markdown text: (line index, level, text)."""
    found = []
    for index, line in enumerate(markdown.splitlines()):
        match = _HEADING.match(line)
        if match:
            found.append((index, len(match[1]), (match[2] or "").strip()))
    return found


def read_own_texts(
    choices: tuple[OwnTextChoice, ...],
) -> tuple[tuple[OwnText, ...], tuple[WrittenText, ...], list[Problem]]:
    """Read every own text: the texts, their lines for the text checks, and what is wrong with them."""
    texts: list[OwnText] = []
    written: list[WrittenText] = []
    problems: list[Problem] = []
    for index, choice in enumerate(choices):
        try:
            own, lines = _read(choice, index)
        except InvalidInput as error:
            problems += error.problems
            continue
        texts.append(own)
        written += lines
    return tuple(texts), tuple(written), problems


def _read(choice: OwnTextChoice, index: int) -> tuple[OwnText, list[WrittenText]]:
    mark = choice.mark_of("file")

    def refuse(message: str, hint: str) -> InvalidInput:
        return InvalidInput([Problem(mark.file, mark.line, mark.key, message, hint)])

    folder = Path(mark.file).parent
    try:
        path = resolve_inside(folder, choice.file)
    except OutsideFolder as error:
        raise refuse(
            f"deze eigen tekst kan niet worden gebruikt: {error}",
            "zet de tekst in de map van dit bestand of een map daaronder, bijvoorbeeld teksten/steungroep.md, "
            "en schrijf het pad vanaf dit bestand (zonder ../ en zonder / aan het begin)",
        ) from None
    shown = Path(os.path.normpath(folder / choice.file)).as_posix()
    if not path.is_file():
        raise refuse(f"het bestand '{choice.file}' bestaat niet", "controleer het pad vanaf dit bestand")
    if path.suffix.lower() not in OWN_TEXT_SUFFIXES:
        raise refuse(
            f"'{choice.file}' is geen Markdown-bestand",
            "schrijf de eigen tekst als gewone tekst in een bestand dat op .md eindigt",
        )
    text = read_text_file(path).strip("\n")
    if not text.strip():
        raise refuse(f"het bestand '{choice.file}' is leeg", "schrijf de tekst of haal deze eigen tekst weg")
    if len(text) > OWN_TEXT_MAX_CHARS:
        raise refuse(
            f"'{choice.file}' is te lang ({len(text)} tekens, hoogstens {OWN_TEXT_MAX_CHARS})",
            "verdeel de tekst over meer bestanden, of verwijs naar een document van het bestuur (documenten)",
        )
    lines = text.splitlines()
    _check_content(shown, lines)
    place_mark = choice.mark_of("place")
    own = OwnText(
        file=shown,
        markdown=text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        place=parse_place(choice.place),
        named_in=place_mark.file,
        line=place_mark.line,
        key=place_mark.key,
    )
    heading_lines = {line for line, _, _ in headings(text)}
    # A heading is marked as a title, so that, like a title in the YAML, it may ask what it answers.
    written = [
        WrittenText(
            line,
            Mark(
                shown, number + 1, ("eigen_teksten", index, "titel" if number in heading_lines else "tekst")
            ),
        )
        for number, line in enumerate(lines)
        if line.strip()
    ]
    return own, written


def _check_content(shown: str, lines: list[str]) -> None:
    """Plain Markdown only, as in any text of the policy; headings are allowed here."""
    problems = []
    for number, line in enumerate(lines, start=1):
        found = invisible_character(line)
        if found:
            problems.append(Problem(shown, number, "", *found))
    if problems:
        raise InvalidInput(problems)
    plain = [_without_heading_marker(line) for line in lines]
    try:
        _only_plain_markdown("\n".join(plain))
    except PydanticCustomError as error:
        raise InvalidInput(
            [
                Problem(
                    shown,
                    _failing_line(plain),
                    "",
                    error.message(),
                    str((error.context or {}).get("hint", "")),
                )
            ]
        ) from None


def _without_heading_marker(line: str) -> str:
    match = _HEADING.match(line)
    return (match[2] or "") if match else line


def _failing_line(lines: list[str]) -> int | None:
    for number, line in enumerate(lines, start=1):
        try:
            _only_plain_markdown(line)
        except PydanticCustomError:
            return number
    return None
