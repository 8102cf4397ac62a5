"""Small edits to a YAML text by line, found through the loader's marks: comments, order and layout stay.

The loader (load.py) says on which line each key and list item was written; this module changes
only those lines and leaves every other character of the file as the user typed it. It never
serialises data (no YAML dumper round trip), so a comment, a blank line, a key order or a quoting
style the user chose survives. It handles the plain block layout the tool's own files use
(`sleutel: waarde` on one line, list items as `- tekst`); anything else it cannot change safely
(a flow block `{ … }`, a value on the next line) is refused with a Dutch problem at its line, so
the caller can tell the user to change that line by hand.

Edits are collected and applied together (`text()`), so the marks of the text that was parsed stay
valid while they are planned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import InvalidInput, Problem
from .load import KeyPath, MarkedDict, MarkedList, format_key_path, locate, parse_yaml

_BY_HAND = "zet 'sleutel: waarde' op één regel (zonder {{ }} of [ ]) of pas de regel zelf aan"
# A key line: indent, an optional list dash, the key, the colon, the value and an optional comment.
_KEY_LINE = re.compile(
    r"^(?P<indent>[ ]*(?:-[ ]+)?)(?P<key>[^\s:#'\"][^:#]*?|'[^']*'|\"[^\"]*\")[ ]*:(?P<rest>.*)$"
)
_PLAIN_SAFE = re.compile(r"[A-Za-z0-9À-ž][^:#\"'\n]*")
_NOT_TEXT = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"}  # plain, these are no text


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _split_value(rest: str) -> tuple[str, str, str] | None:
    """' "2.1"   # note' -> (' ', '"2.1"', '   # note'); None when the value is not one scalar on this line."""
    lead = rest[: len(rest) - len(rest.lstrip(" "))]
    body = rest[len(lead) :]
    if not body or body.startswith("#"):
        return lead, "", body
    if body[0] in "\"'":
        quote = body[0]
        index = 1
        while index < len(body):
            if quote == '"' and body[index] == "\\":
                index += 2
                continue
            if body[index] == quote:
                if quote == "'" and body[index + 1 : index + 2] == "'":
                    index += 2
                    continue
                break
            index += 1
        else:
            return None  # the text goes on on the next line
        value, tail = body[: index + 1], body[index + 1 :]
        if tail.strip() and not tail.lstrip().startswith("#"):
            return None
        return lead, value, tail
    empty = re.match(r"(\[\]|\{\})([ ]*(?:#.*)?)$", body)
    if empty:
        return lead, empty[1], empty[2]
    if body[0] in "{[|>&*!":
        return None
    comment = re.search(r"[ ]+#", body)
    value = body[: comment.start()] if comment else body
    tail = body[len(value) :]
    stripped = value.rstrip(" ")
    return lead, stripped, value[len(stripped) :] + tail


def scalar_text(text: str, like: str = "") -> str:
    """A text as a YAML scalar, quoted as the value `like` was; plain only when it reads back as the same text."""
    if like.startswith("'"):
        return "'" + text.replace("'", "''") + "'"
    plain = _PLAIN_SAFE.fullmatch(text) and text == text.strip() and text.lower() not in _NOT_TEXT
    if plain and not like.startswith('"'):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class TextEditor:
    """Planned line edits to one YAML text; `text()` applies them, bottom-up."""

    original: str
    file: str
    data: MarkedDict = field(init=False)
    lines: list[str] = field(init=False)
    problems: list[Problem] = field(default_factory=list)
    _edits: list[tuple[int, int, list[str]]] = field(default_factory=list)  # (start index, count, new lines)

    def __post_init__(self) -> None:
        self.data = parse_yaml(self.original, self.file)
        self.lines = self.original.split("\n")

    def _refuse(self, line: int, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(self.file, line, format_key_path(path), message, _BY_HAND))

    def _key_line(self, path: KeyPath) -> tuple[int, re.Match[str], tuple[str, str, str]] | None:
        """The 0-based index of the line of key `path`, its parts and its value, if it is one scalar there."""
        mark, missing, _ = locate(self.data, path)
        if missing:
            return None
        index = mark.line - 1
        match = _KEY_LINE.match(self.lines[index]) if 0 <= index < len(self.lines) else None
        key = path[-1]
        if match is None or match["key"].strip("'\"") != key:
            self._refuse(
                mark.line,
                path,
                "deze sleutel staat niet op een eigen regel; het programma kan hem niet aanpassen",
            )
            return None
        value = _split_value(match["rest"])
        column = len(match["indent"])
        following = next((line for line in self.lines[index + 1 :] if _content(line)), None)
        if value is None or (following is not None and _indent(following) > column):
            self._refuse(
                mark.line, path, "deze waarde staat niet op één regel; het programma kan haar niet aanpassen"
            )
            return None
        return index, match, value

    def replace_value(self, path: KeyPath, new: str) -> None:
        """Give the key at `path` a new one-line text, quoted as the old value was; the comment stays."""
        found = self._key_line(path)
        if found is None:
            return
        index, match, (lead, old, tail) = found
        line = f"{match['indent']}{match['key']}:{lead or ' '}{scalar_text(new, old)}{tail}"
        self._edits.append((index, 1, [line]))

    def remove_key(self, path: KeyPath) -> None:
        """Take the line of the key at `path` out (a one-line value); a comment line above it stays."""
        found = self._key_line(path)
        if found is None:
            return
        index, match, _ = found
        if "-" in match["indent"]:
            self._refuse(index + 1, path, "de eerste sleutel van een lijstitem kan niet weg")
            return
        self._edits.append((index, 1, []))

    def _end_of(self, index: int, column: int) -> int:
        """The index of the last line of what starts at line `index` (deeper lines belong to it)."""
        end = index
        for position in range(index + 1, len(self.lines)):
            line = self.lines[position]
            if not _content(line):
                continue
            if _indent(line) <= column:
                break
            end = position
        return end

    def append_item(self, path: KeyPath, text: str) -> None:
        """Add a text as the last item of the list at `path`; a missing or empty list is made."""
        mark, missing, value = locate(self.data, path)
        if len(missing) > 1:
            self._refuse(mark.line, path, "het blok hierboven ontbreekt")
            return
        if missing:
            self._add_key(path, [scalar_text(text)])
            return
        if isinstance(value, MarkedList) and value:
            last = value.marks[-1].line - 1
            line = self.lines[last]
            dash = re.match(r"^([ ]*)-[ ]+", line)
            if dash is None:
                self._refuse(mark.line, path, "deze lijst staat niet als '- ' regels onder elkaar")
                return
            end = self._end_of(last, len(dash[1]))
            self._edits.append((end + 1, 0, [f"{dash[0]}{scalar_text(text)}"]))
            return
        found = self._key_line(path)
        if found is None:
            return
        index, match, (_, old, tail) = found
        if old not in ("", "[]", "null", "~"):
            self._refuse(mark.line, path, "deze waarde is geen lijst")
            return
        column = len(match["indent"])
        self._edits.append((index, 1, [f"{match['indent']}{match['key']}:{tail}"]))
        self._edits.append((index + 1, 0, [f"{' ' * (column + 2)}- {scalar_text(text)}"]))

    def _add_key(self, path: KeyPath, items: list[str]) -> None:
        """A new key with a list of items, after the last key of its block."""
        block, _, parent = locate(self.data, path[:-1])
        if not isinstance(parent, MarkedDict) or not parent.marks:
            self._refuse(block.line, path, "het blok hierboven is leeg")
            return
        name, last = list(parent.marks.items())[-1]
        index = last.line - 1
        match = _KEY_LINE.match(self.lines[index])
        if match is None or "-" in match["indent"] or match["key"].strip("'\"") != name:
            self._refuse(last.line, path, "het blok staat niet als 'sleutel: waarde' regels onder elkaar")
            return
        column = len(match["indent"])
        end = self._end_of(index, column)
        new = [f"{' ' * column}{path[-1]}:", *(f"{' ' * (column + 2)}- {item}" for item in items)]
        self._edits.append((end + 1, 0, new))

    def text(self) -> str:
        """The edited text; InvalidInput with every line that could not be changed."""
        if self.problems:
            raise InvalidInput(self.problems)
        lines = list(self.lines)
        # Bottom-up, so earlier indexes stay valid; at one index a replacement goes before an insertion.
        for start, count, new in sorted(self._edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
            lines[start : start + count] = new
        return "\n".join(lines)


__all__ = ["TextEditor", "scalar_text"]
