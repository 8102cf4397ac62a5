"""YAML in, plain data with line marks out. The only module that imports yaml.

Every scalar is kept as the text the user typed (only `null`/empty becomes None),
so "0201234567" stays a phone number instead of turning into an octal integer
and `versie: 1.0` stays "1.0". Typing is the model's job; positions are ours:
each mapping and list remembers, per key or item, the file, line and key path
where it was written, so any later stage can point the user at the right line.

No file can make the reader work without bound: its size, nesting depth, number of
values (an alias counted as all it stands for), list lengths and text lengths are
checked on the parser's events before anything is built, and every text is refused
that holds an invisible control or format character (a bidi override, say).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple, NoReturn

import yaml

from .errors import InvalidInput, Problem
from .kept import Kept

KeyPath = tuple[str | int, ...]


def format_key_path(path: KeyPath) -> str:
    """Render a key path as users write it: `personen[2].telefoon`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a value was written: file, 1-based line, and its key path in that file."""

    file: str
    line: int
    path: KeyPath

    @property
    def key(self) -> str:
        """The key path as text."""
        return format_key_path(self.path)


class MarkedDict(dict[str, Any]):
    """A mapping that remembers where it and each of its keys were written."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.marks: dict[str, Mark] = {}


class MarkedList(list[Any]):
    """A list that remembers where it and each of its items were written."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.marks: list[Mark] = []


def locate(data: MarkedDict | MarkedList, path: KeyPath) -> tuple[Mark, KeyPath, Any]:
    """Follow a key path into marked data: the mark of the deepest part that exists, the parts that
    do not, and the value reached (None when the path ends early).

    The mark is the line of the key or list item itself (not of the value below it); with an empty
    path, the mark of the data.
    """
    node: Any = data
    mark = data.mark
    for depth, part in enumerate(path):
        in_block = isinstance(node, MarkedDict) and isinstance(part, str) and part in node
        in_list = isinstance(node, MarkedList) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_block or in_list):
            return mark, tuple(path[depth:]), None
        mark, node = node.marks[part], node[part]
    return mark, (), node


class WrittenText(NamedTuple):
    """A text as it was written (a block scalar keeps its line breaks) and the mark of its key or item."""

    text: str
    mark: Mark


def written_texts(node: Any, mark: Mark | None = None) -> list[WrittenText]:
    """Every text in marked data, in the order of the file, each with the mark of the line it is on."""
    found: list[WrittenText] = []
    if isinstance(node, str) and mark is not None:
        found.append(WrittenText(node, mark))
    elif isinstance(node, MarkedDict | MarkedList):
        _add_texts(node, found)
    return found


def _add_texts(node: MarkedDict | MarkedList, found: list[WrittenText]) -> None:
    # One list for the whole walk (every load walks every value of every school): no generators.
    pairs = (
        ((value, node.marks.get(key, node.mark)) for key, value in node.items())
        if isinstance(node, MarkedDict)
        else zip(node, node.marks, strict=True)
    )
    for value, value_mark in pairs:
        if isinstance(value, str):
            found.append(WrittenText(value, value_mark))
        elif isinstance(value, MarkedDict | MarkedList):
            _add_texts(value, found)


# Limits on what one file may hold, checked before any work that grows with them: a YAML
# "alias bomb" or a file of nested brackets is refused within a second, in little memory.
# The example's largest file has 601 values, 6 levels, lists of 30 and texts of 1,500 characters.
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 20  # nested blocks and lists, also through aliases
MAX_VALUES = 20_000  # keys, items and texts of one file, each alias counted as all it stands for
MAX_ITEMS = 1_000  # items of one list, keys of one block
MAX_TEXT = 10_000  # characters of one value
MAX_KEY = 100  # characters of one key
_TOO_MUCH_HINT = "een beleids- of zaakbestand is veel kleiner; controleer of dit het goede bestand is"

# Invisible characters that have no place in any text of the tool: control characters
# (tab and line breaks excepted) and the format characters that reorder or hide text
# (bidi overrides like U+202E, zero-width spaces and joiners, soft hyphens, line separators).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_SURROGATE = re.compile("[\ud800-\udfff\ufffe\uffff]")  # and the two noncharacters XML refuses
_INVISIBLE_HINT = "typ de tekst opnieuw of plak hem als platte tekst, zonder opmaak"


# All three at once: almost every text has none of them, and one search says so.
_ANY_INVISIBLE = re.compile(f"{_CONTROL.pattern}|{_SURROGATE.pattern}|{_FORMAT.pattern}")


def invisible_character(text: str) -> tuple[str, str] | None:
    """A Dutch message and hint if text holds an invisible control or format character, else None."""
    if _ANY_INVISIBLE.search(text) is None:
        return None
    control = _CONTROL.search(text)
    if control:
        return f"de tekst bevat een onzichtbaar stuurteken (code {ord(control.group(0))})", _INVISIBLE_HINT
    half = _SURROGATE.search(text)  # "\uD800" as PyYAML's own parser reads it: half a character
    if half:
        return f"de tekst bevat een teken dat geen tekst is (code {ord(half.group(0))})", _INVISIBLE_HINT
    hidden = _FORMAT.search(text)
    if hidden:
        return (
            f"de tekst bevat een onzichtbaar teken dat tekst verbergt of omdraait (U+{ord(hidden.group(0)):04X})",
            _INVISIBLE_HINT,
        )
    return None


# Characters a YAML parser refuses outright (it would name neither line nor cause).
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
_LINE_BREAK = re.compile("\r\n?|[\n\x85\u2028\u2029]")


def _line_at(text: str, position: int) -> int:
    return 1 + sum(1 for _ in _LINE_BREAK.finditer(text, 0, position))


def _first_line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 1


def _shown(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# The parsers' English problem texts (PyYAML's and libyaml's), translated for the people who edit the files.
_YAML_PROBLEMS = (
    (
        ("mapping values are not allowed",),
        "hier mag geen 'sleutel: waarde' staan",
        "controleer de inspringing; staat er een ':' in een tekst, zet de tekst dan tussen aanhalingstekens",
    ),
    (
        ("mapping keys are not allowed",),
        "hier mag geen sleutel met '?' staan",
        "controleer de inspringing; zet een tekst die met '?' begint tussen aanhalingstekens",
    ),
    (
        ("found unexpected ':'",),
        "hier staat een ':' waar die niet kan",
        "zet een tekst met een ':' erin tussen aanhalingstekens",
    ),
    (
        ("could not find expected ':'",),
        "er ontbreekt een ':' achter een sleutel",
        "schrijf elke regel als 'sleutel: waarde' of begin een lijstitem met '- '",
    ),
    (("found undefined alias",), "onbekende verwijzing (*naam)", "definieer eerst een anker &naam"),
    (
        ("expected <block end>", "did not find expected '-' indicator", "did not find expected key"),
        "een regel staat op de verkeerde inspringing",
        "zet alle '- ' van één lijst precies onder elkaar en sleutels van één blok recht onder elkaar",
    ),
    (
        ("expected the node content", "did not find expected node content"),
        "hier ontbreekt een waarde",
        "sluit elke '[' met ']' en elke '{' met '}', of schrijf de lijst met '- ' op aparte regels",
    ),
    (
        ("document separator", "document indicator"),
        "een regel '---' of '...' staat midden in een tekst",
        "controleer of elk openend aanhalingsteken ook gesloten wordt; '---' hoort alleen bovenaan",
    ),
    (
        ("found unexpected end of stream",),
        "het bestand houdt midden in een tekst op",
        "controleer of elk openend aanhalingsteken ook gesloten wordt",
    ),
    (
        ("sequence entries are not allowed",),
        "hier mag geen lijstitem ('- ') staan",
        "zet een lijst op de regels onder een sleutel met ':', iets verder ingesprongen",
    ),
    (
        ("expected ',' or ']'", "did not find expected ',' or ']'"),
        "een lijst tussen [ ] wordt niet goed gesloten",
        "sluit elke '[' met ']' en zet een komma tussen de items",
    ),
    (
        ("expected ',' or '}'", "did not find expected ',' or '}'"),
        "een blok tussen { } wordt niet goed gesloten",
        "sluit elke '{' met '}' en zet een komma tussen de sleutels",
    ),
    (
        ("escape character", "hexdecimal number", "hexadecimal numbers", "character escape code"),
        "ongeldige code met '\\' in een tekst tussen dubbele aanhalingstekens",
        "schrijf een '\\' als '\\\\', of zet de tekst tussen enkele aanhalingstekens",
    ),
    (
        ("another document",),
        "het bestand bevat meer dan één document (een tweede '---')",
        "gebruik één document per bestand: haal de '---' weg of zet het tweede deel in een eigen bestand",
    ),
    (
        ("<document start>",),
        "na het einde van het document ('...') staat nog tekst",
        "haal de regel '...' weg",
    ),
    (
        (
            "incompatible YAML document",
            "YAML directive",
            "TAG directive",
            "directive name",
            "non-alphabetical character",
            "duplicate tag handle",
            "digit or '.'",
            "expected a digit",
            "version number",
            "whitespace or line break",
            "expected ' ', but found",
        ),
        "een regel met '%' bovenaan is geen instructie die dit programma kent",
        "haal de regels die met '%' beginnen weg; die zijn niet nodig",
    ),
    (
        (
            "tag handle",
            "expected '!'",
            "expected '>'",
            "URI",
            "could not determine a constructor",
            "codec can't",
            "UTF-8 octet",
        ),
        "onbekend label (een woord dat met '!' begint)",
        "haal het label weg, of zet een tekst die met '!' begint tussen aanhalingstekens",
    ),
    (
        ("alphabetic or numeric character",),
        "een anker (&) of verwijzing (*) zonder geldige naam",
        "schrijf de naam (letters en cijfers) direct achter & of *, of zet de tekst tussen aanhalingstekens",
    ),
    (
        (
            "comment or line break",
            "comment or a line break",
            "chomping or indentation",
            "indentation indicator",
        ),
        "na '|' of '>', of na een tekst tussen aanhalingstekens, mag op deze regel niets meer staan",
        "zet de hele waarde tussen aanhalingstekens; begin een tekst na '|' of '>' op de volgende regel",
    ),
    (
        ("cannot start any token",),
        "deze waarde begint met een teken dat YAML niet toestaat (zoals @, ` of %)",
        "zet de waarde tussen aanhalingstekens",
    ),
    (
        ("duplicate anchor", "second occurrence"),
        "een anker (&naam) staat twee keer in het bestand",
        "geef elk anker een eigen naam",
    ),
    (
        ("expected a scalar node",),
        "een sleutel moet een woord of tekst zijn, geen lijst of blok",
        "schrijf 'sleutel: waarde'",
    ),
    (
        ("merging",),
        "achter '<<:' hoort een verwijzing naar een blok (*naam) of een lijst daarvan",
        "schrijf bijvoorbeeld '<<: *standaard'",
    ),
    (
        ("unacceptable character", "characters are not allowed", "UTF-8", "Unicode character"),
        "het bestand bevat een teken dat geen tekst is",
        "sla het bestand op als UTF-8-tekst en typ deze regel opnieuw",
    ),
)


def _translate_yaml_problem(problem: str, line_text: str) -> tuple[str, str]:
    if "tab character" in problem or ("\t" in line_text and "cannot start any token" in problem):
        return "er staat een tab in het bestand", "gebruik spaties om in te springen, geen tabs"
    for parts, message, hint in _YAML_PROBLEMS:
        if any(part in problem for part in parts):
            return message, hint
    return (
        f"ongeldige YAML ({problem})",
        "controleer inspringing (spaties), dubbele punten en aanhalingstekens op deze regel",
    )


# libyaml's parser when installed (several times faster); PyYAML's own otherwise.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})  # YAML's own resolver's null, exactly
_NULL_TAG = "tag:yaml.org,2002:null"
# Scalar tags whose value is the text as written (true, 12 and 2026-08-01 are text here too).
_TEXT_TAGS = frozenset(
    f"tag:yaml.org,2002:{tag}" for tag in ("bool", "int", "float", "timestamp", "str", "value")
)


class _Loader(_BaseLoader):  # type: ignore[valid-type, misc, unused-ignore]
    """A local SafeLoader: never patch the global one."""

    def __init__(self, stream: str, file: str) -> None:
        super().__init__(stream)
        self.file = file
        self.problems: list[Problem] = []

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        """The tag of an untagged value: as YAML's resolver says for null and `<<`; any other plain
        value is text, since every scalar tag is read as the text written (true, 12 and 2026-08-01
        too). One call per value, from the parser: a set lookup instead of a row of patterns."""
        if kind is yaml.ScalarNode and implicit[0]:
            if value in _NULL_WORDS:
                return _NULL_TAG
            if value == "<<":
                return _MERGE_TAG
            if value != "=":  # `=` is YAML's value tag: left to the resolver, read as text all the same
                return "tag:yaml.org,2002:str"
        return str(super().resolve(kind, value, implicit))


def _construct_text(loader: _Loader, node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag in _TEXT_TAGS:
        return str(node.value)  # what construct_scalar gives a scalar, without its checks: once per value
    value = loader.construct_scalar(node)  # type: ignore[arg-type, unused-ignore]
    if node.tag == _NULL_TAG:
        return None
    return str(value)


# Plain `=` and `<<` resolve to the value and merge tags; as values they are just text.
for _tag in (*_TEXT_TAGS, _NULL_TAG, "tag:yaml.org,2002:merge"):
    _Loader.add_constructor(_tag, _construct_text)

# Tags a user may write: the standard ones for text, numbers and blocks; never !!python/…, !!binary or !!set.
_ALLOWED_TAGS = frozenset(
    {None, "!"}
    | {
        f"tag:yaml.org,2002:{name}"
        for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
    }
)
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(slots=True)
class _Open:
    """A block or list the scan is inside: where it is, what comes next in it and how big it has grown."""

    path: KeyPath
    is_mapping: bool
    anchor: str | None
    values_before: int
    expect_key: bool = True
    key: str = ""
    items: int = 0
    height: int = 1


@dataclass
class _Scan:
    """One pass over the parser's events that enforces the limits before anything is built.

    Events come one by one and the scan keeps only a stack of open blocks and the size of
    each anchor, so a nesting or alias bomb is refused at its first excess, in constant memory.
    """

    file: str
    wanted_lines: frozenset[int] = frozenset()  # lines whose key path the caller wants to know
    found_keys: dict[int, KeyPath] = field(default_factory=dict)
    stack: list[_Open] = field(default_factory=list)
    anchors: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # values, height, line
    open_anchors: dict[str, int] = field(default_factory=dict)  # line
    values: int = 0
    documents: int = 0

    def run(self, loader: _Loader) -> None:
        while loader.check_event():
            self._event(loader.get_event())

    def _refuse(self, event: yaml.Event, path: KeyPath, message: str, hint: str) -> NoReturn:
        raise InvalidInput([Problem(self.file, _first_line(event), format_key_path(path), message, hint)])

    def _event(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.NodeEvent):  # the most frequent first: this runs for every value
            self._node(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            self._close()
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._refuse(event, (), *_translate_yaml_problem("another document", ""))

    def _place(self, event: yaml.NodeEvent) -> tuple[KeyPath, bool]:
        """The key path of the node this event starts, and whether it is a key."""
        if not self.stack:
            return (), False
        top = self.stack[-1]
        if not top.is_mapping:
            top.items += 1
            if top.items > MAX_ITEMS:
                self._refuse(
                    event,
                    (*top.path, top.items - 1),
                    f"deze lijst is te lang (meer dan {MAX_ITEMS} items)",
                    "splits de lijst of haal items weg; " + _TOO_MUCH_HINT,
                )
            return (*top.path, top.items - 1), False
        if not top.expect_key:
            top.expect_key = True
            return (*top.path, top.key), False
        if not isinstance(event, yaml.ScalarEvent):
            self._refuse(
                event,
                top.path,
                "een sleutel moet een woord of tekst zijn, geen lijst, blok of verwijzing (*naam)",
                "schrijf 'sleutel: waarde'; haal '?' en haakjes rond de sleutel weg",
            )
        key = str(event.value)
        top.items += 1
        if top.items > MAX_ITEMS:
            self._refuse(
                event,
                (*top.path, _shown(key)),
                f"dit blok heeft te veel sleutels (meer dan {MAX_ITEMS})",
                _TOO_MUCH_HINT,
            )
        if len(key) > MAX_KEY:
            self._refuse(
                event,
                (*top.path, _shown(key)),
                f"deze sleutel is te lang ({len(key)} tekens, maximaal {MAX_KEY})",
                "schrijf 'sleutel: waarde' met een korte sleutel; staat er een ':' in een tekst, "
                "zet de tekst dan tussen aanhalingstekens",
            )
        top.key, top.expect_key = key, False
        return (*top.path, key), True

    def _node(self, event: yaml.NodeEvent) -> None:
        path, _ = self._place(event)
        if self.wanted_lines and isinstance(event, yaml.ScalarEvent):
            last = event.end_mark.line + 1 if event.end_mark is not None else _first_line(event)
            for line in range(_first_line(event), last + 1):
                if line in self.wanted_lines:
                    self.found_keys.setdefault(line, path)
        if isinstance(event, yaml.AliasEvent):
            self._alias(event, path)
            return
        if event.anchor is not None or getattr(event, "tag", None) not in _ALLOWED_TAGS:
            self._check_tag_and_anchor(event, path)
        if self.values < MAX_VALUES:
            self.values += 1
        else:
            self._count(event, path, 1)
        if isinstance(event, yaml.ScalarEvent):
            if len(event.value) > MAX_TEXT:
                self._refuse(
                    event,
                    path,
                    f"deze tekst is te lang ({len(event.value)} tekens, maximaal {MAX_TEXT})",
                    "lange teksten horen in een apart document; " + _TOO_MUCH_HINT,
                )
            if event.anchor is not None:
                self.anchors[event.anchor] = (1, 0, _first_line(event))
            return
        if len(self.stack) + 1 > MAX_DEPTH:
            self._refuse(
                event,
                path,
                f"de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)",
                "sluit elke '[' met ']' en elke '{' met '}'; zet blokken en lijsten minder diep in elkaar",
            )
        if event.anchor is not None:
            self.open_anchors[event.anchor] = _first_line(event)
        self.stack.append(
            _Open(path, isinstance(event, yaml.MappingStartEvent), event.anchor, self.values - 1)
        )

    def _check_tag_and_anchor(self, event: yaml.NodeEvent, path: KeyPath) -> None:
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            shown = _shown(str(tag).replace("tag:yaml.org,2002:", "!!"))
            self._refuse(
                event,
                path,
                f"onbekend label '{shown}' (een woord dat met '!' begint)",
                "haal het label weg; gewone tekst, lijsten en blokken hebben geen label nodig",
            )
        if event.anchor is None:
            return
        first = self.anchors[event.anchor][2] if event.anchor in self.anchors else None
        first = first or self.open_anchors.get(event.anchor)
        if first:
            self._refuse(
                event,
                path,
                f"het anker &{_shown(event.anchor)} staat twee keer in het bestand (eerst op regel {first})",
                "geef elk anker een eigen naam",
            )

    def _alias(self, event: yaml.AliasEvent, path: KeyPath) -> None:
        name = str(event.anchor)
        if name in self.open_anchors:  # an alias inside its own anchor (&a [*a]) would never end
            self._refuse(
                event,
                path,
                "een alias verwijst naar het blok waar hij zelf in staat",
                "haal de alias (*naam) weg",
            )
        if name not in self.anchors:
            self._refuse(event, path, *_translate_yaml_problem("found undefined alias", ""))
        values, height, _ = self.anchors[name]
        if len(self.stack) + height > MAX_DEPTH:
            self._refuse(
                event,
                path,
                f"door verwijzingen (*naam) worden de gegevens te diep genest (meer dan {MAX_DEPTH} niveaus)",
                "gebruik een verwijzing niet binnen een blok dat zelf uit verwijzingen bestaat",
            )
        self._count(event, path, values)
        if self.stack:
            top = self.stack[-1]
            top.height = max(top.height, 1 + height)

    def _count(self, event: yaml.NodeEvent, path: KeyPath, values: int) -> None:
        self.values += values
        if self.values <= MAX_VALUES:
            return
        if isinstance(event, yaml.AliasEvent):
            self._refuse(
                event,
                path,
                f"door verwijzingen (*naam) wordt het bestand te groot (meer dan {MAX_VALUES} waarden)",
                "gebruik een verwijzing alleen voor een klein blok dat een paar keer terugkomt",
            )
        self._refuse(
            event, path, f"het bestand bevat te veel waarden (meer dan {MAX_VALUES})", _TOO_MUCH_HINT
        )

    def _close(self) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            line = self.open_anchors.pop(done.anchor)
            self.anchors[done.anchor] = (self.values - done.values_before, done.height, line)
        if self.stack:
            top = self.stack[-1]
            top.height = max(top.height, 1 + done.height)


def _unreadable(text: str, file: str) -> list[Problem]:
    """Characters no YAML parser reads (a NUL byte, say), with their line and, where it can be found, key."""
    found: dict[int, int] = {}
    for match in _UNREADABLE.finditer(text, 1 if text.startswith("\ufeff") else 0):  # a leading BOM is fine
        found.setdefault(_line_at(text, match.start()), ord(match.group(0)))
        if len(found) >= 10:
            break
    if not found:
        return []
    scan = _Scan(file, frozenset(found))
    loader = _Loader(_UNREADABLE.sub("\ufffd", text), file)
    try:
        scan.run(loader)
    except (yaml.YAMLError, InvalidInput):
        pass  # the keys found so far will do; the user fixes the characters first
    finally:
        loader.dispose()
    problems = []
    for line, code in found.items():
        what = "een onzichtbaar stuurteken" if code < 0xA0 else "een onzichtbaar teken dat geen tekst is"
        hint = _INVISIBLE_HINT
        if code == 0:
            hint = "sla het bestand op als UTF-8 (niet als UTF-16) en typ deze regel opnieuw, zonder het nulteken"
        key = format_key_path(scan.found_keys.get(line, ())).replace("\ufffd", "")
        problems.append(Problem(file, line, key, f"het bestand bevat {what} (code {code})", hint))
    return problems


def _key_text(loader: _Loader, key_node: yaml.Node, path: KeyPath) -> str:
    key = _construct_text(loader, key_node)
    text = "" if key is None else key
    _check_text(loader, text, key_node, (*path, text))
    return text


def _check_text(loader: _Loader, text: str, node: yaml.Node, path: KeyPath) -> None:
    found = invisible_character(text)
    if found:
        loader.problems.append(Problem(loader.file, node.start_mark.line + 1, format_key_path(path), *found))


Entry = tuple[str, yaml.Node, yaml.Node]


def _entries(loader: _Loader, node: yaml.MappingNode, path: KeyPath) -> list[Entry]:
    """The keys of a block in order, each once; a key written here wins over one merged in with `<<: *naam`.

    Merged keys keep the line where they were written; of several merged blocks the first wins (as YAML says).
    """
    keys: list[str | None] = []
    written: dict[str, yaml.Node] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:
            keys.append(None)
            continue
        key = _key_text(loader, key_node, path)
        keys.append(key)
        if key in written:
            first = written[key].start_mark.line + 1
            loader.problems.append(
                Problem(
                    loader.file,
                    key_node.start_mark.line + 1,
                    format_key_path((*path, key)),
                    f"sleutel '{key}' staat twee keer in dit blok (eerst op regel {first})",
                    "verwijder een van beide of voeg ze samen; YAML zou de eerste stilletjes negeren",
                )
            )
            continue
        written[key] = key_node
    entries: list[Entry] = []
    seen: set[str] = set()
    for maybe_key, (key_node, value_node) in zip(keys, node.value, strict=True):
        if maybe_key is None:
            for merged in _merged(loader, value_node, path):
                if merged[0] not in written and merged[0] not in seen:
                    seen.add(merged[0])
                    entries.append(merged)
        elif written[maybe_key] is key_node:
            seen.add(maybe_key)
            entries.append((maybe_key, key_node, value_node))
    return entries


def _merged(loader: _Loader, value_node: yaml.Node, path: KeyPath) -> list[Entry]:
    sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
    entries: list[Entry] = []
    for source in sources:
        if not isinstance(source, yaml.MappingNode):
            loader.problems.append(
                Problem(
                    loader.file,
                    source.start_mark.line + 1,
                    format_key_path((*path, "<<")),
                    *_translate_yaml_problem("merging", ""),
                )
            )
            continue
        entries.extend(_entries(loader, source, path))
    return entries


def _build(loader: _Loader, node: yaml.Node, path: KeyPath) -> Any:
    """Construct plain data with marks, reporting duplicate keys instead of losing them."""
    if isinstance(node, yaml.MappingNode):
        mapping = MarkedDict(Mark(loader.file, node.start_mark.line + 1, path))
        for key, key_node, value_node in _entries(loader, node, path):
            key_path = (*path, key)
            mapping[key] = _build(loader, value_node, key_path)
            mapping.marks[key] = Mark(loader.file, key_node.start_mark.line + 1, key_path)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        sequence = MarkedList(Mark(loader.file, node.start_mark.line + 1, path))
        for index, item_node in enumerate(node.value):
            item_path = (*path, index)
            sequence.append(_build(loader, item_node, item_path))
            sequence.marks.append(Mark(loader.file, item_node.start_mark.line + 1, item_path))
        return sequence
    if isinstance(node, yaml.ScalarNode) and (node.tag in _TEXT_TAGS or node.tag == _NULL_TAG):
        value: Any = _construct_text(loader, node)  # what construct_object would call, called directly
    else:
        value = loader.construct_object(node)
    if isinstance(value, str):
        _check_text(loader, value, node, path)
    return value


def _too_big(file: str, line: int) -> InvalidInput:
    return InvalidInput(
        [
            Problem(
                file,
                line,
                "",
                f"het bestand is te groot (meer dan {MAX_FILE_BYTES // 1000} kB); deze regel valt erbuiten",
                _TOO_MUCH_HINT,
            )
        ]
    )


def _parse(text: str, file: str) -> Any:
    if len(text) > MAX_FILE_BYTES:
        raise _too_big(file, _line_at(text, MAX_FILE_BYTES))
    unreadable = _unreadable(text, file)
    if unreadable:
        raise InvalidInput(unreadable)
    scanner = _Loader(text, file)
    loader = _Loader(text, file)
    try:
        _Scan(file).run(scanner)  # the limits, before anything that grows with them
        node = loader.get_single_node()
        data = None if node is None else _build(loader, node, ())
    except yaml.MarkedYAMLError as error:
        where = error.problem_mark or error.context_mark
        line = where.line + 1 if where is not None else None
        lines = text.splitlines()
        line_text = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
        message, hint = _translate_yaml_problem(str(error.problem or error.context or ""), line_text)
        raise InvalidInput([Problem(file, line, "", message, hint)]) from None
    except yaml.YAMLError as error:  # not expected after the checks above; still Dutch, still a line
        position = getattr(error, "position", None)
        line = _line_at(text, position) if isinstance(position, int) else None
        raise InvalidInput([Problem(file, line, "", *_translate_yaml_problem(str(error), ""))]) from None
    except ValueError:  # PyYAML's own parser on "\U00110000": a character code beyond Unicode
        raise InvalidInput(
            [Problem(file, None, "", *_translate_yaml_problem("character escape code", ""))]
        ) from None
    finally:
        scanner.dispose()
        loader.dispose()
    if loader.problems:
        once = {(problem.line, problem.message): problem for problem in reversed(loader.problems)}
        raise InvalidInput(once.values())
    return data


# Files parsed in this process, by file name and text: a run that loads the same folder again (a
# preview on every save, `controleer` then `bouw`, the tests) parses an unchanged file once, and every
# school reads the same catalogue files. A changed text is a new key; a file with a problem raises and
# is never kept (lru_cache keeps no exceptions). Only small files, and only a few: memory stays bounded.
_PARSED_MAX_CHARS = 200_000


@functools.lru_cache(maxsize=128)
def _parse_kept(text: str, file: str) -> Any:
    earlier = _PARSED_TEXTS.get(text, None)
    if earlier is not None:  # the same text in another file (a copied folder): the same data, its marks moved
        return _copy(earlier, file)
    data = _parse(text, file)
    _PARSED_TEXTS.put(text, data)
    return data


# The last texts parsed, whatever their file: what a text parses to does not depend on the file's
# name, only its marks do (errors name the file too, but a text with an error is never kept).
_PARSED_TEXTS: Kept[str, Any] = Kept(32)


def _copy(node: Any, file: str | None = None) -> Any:
    """A fresh copy of parsed data: new mappings and lists with their marks; scalars are immutable.

    With `file`, every mark of the copy names that file instead (the same text read from another file).
    """
    if isinstance(node, MarkedDict):
        mapping = MarkedDict(_moved(node.mark, file))
        for key, value in node.items():
            mapping[key] = _copy(value, file)
        mapping.marks = (
            dict(node.marks)
            if file is None
            else {key: _moved(mark, file) for key, mark in node.marks.items()}
        )
        return mapping
    if isinstance(node, MarkedList):
        sequence = MarkedList(_moved(node.mark, file))
        sequence.extend(_copy(item, file) for item in node)
        sequence.marks = list(node.marks) if file is None else [_moved(mark, file) for mark in node.marks]
        return sequence
    return node


def _moved(mark: Mark, file: str | None) -> Mark:
    return mark if file is None or mark.file == file else Mark(file, mark.line, mark.path)


def _parse_shared(text: str, file: str) -> Any:
    """Parsed data, kept and shared when the file is small: whoever changes it must copy it first."""
    return _parse_kept(text, file) if len(text) <= _PARSED_MAX_CHARS else _parse(text, file)


def _parse_once(text: str, file: str) -> Any:
    """Parsed data of a policy or case file, as a copy: callers may change it."""
    return _copy(_parse_shared(text, file))


def parse_yaml(text: str, file: str) -> MarkedDict:
    """Parse one YAML document of keys into marked plain data; raise InvalidInput on any problem."""
    data = _parse_once(text, file)
    if data is None:
        return MarkedDict(Mark(file, 1, ()))
    if not isinstance(data, MarkedDict):
        raise InvalidInput(
            [
                Problem(
                    file,
                    1,
                    "",
                    "het bestand moet met sleutels beginnen (bijvoorbeeld 'school:'), niet met een lijst of tekst",
                    "kijk in policy/ van het voorbeeld hoe een bestand begint",
                )
            ]
        )
    return data


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # never more: the size is checked before anything else
    except OSError as error:
        raise InvalidInput(
            [Problem(str(path), None, "", f"kan het bestand niet lezen ({error.strerror})", "")]
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(str(path), data.count(b"\n", 0, MAX_FILE_BYTES) + 1)
    try:
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text does
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InvalidInput(
            [Problem(str(path), line, "", "het bestand is geen UTF-8-tekst", "sla het op als UTF-8")]
        ) from None


def read_text_file(path: Path) -> str:
    """Read a text file a policy names (a school's own Markdown), with the limits of a YAML file."""
    return _read_text(path)


def read_yaml_file(path: Path) -> MarkedDict:
    """Read and parse one YAML file of keys (a policy or case file)."""
    return parse_yaml(_read_text(path), str(path))


@dataclass(frozen=True, slots=True)
class PolicyFiles:
    """The raw files of a policy folder: board files and school files."""

    boards: tuple[MarkedDict, ...]
    schools: tuple[MarkedDict, ...]


YAML_SUFFIXES = (".yaml", ".yml")


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files directly in folder, sorted by name: the files of a policy or catalogue folder."""
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


FileKind = Literal["school", "board", "case"]


def policy_file_kind(data: Any) -> FileKind | None:
    """What a YAML file is by its top-level keys: a letter case (`brief:`), a school, a board, or none of these.

    A case also names its school, so `brief:` decides first; a file with `school:` is a
    school; any other file with `bestuur:` is a board whose values its schools inherit.
    """
    if not isinstance(data, dict):
        return None
    if "brief" in data:
        return "case"
    if "school" in data:
        return "school"
    if "bestuur" in data:
        return "board"
    return None


def read_policy_files(paths: Iterable[Path]) -> PolicyFiles:
    """Read policy files (schools and boards) and sort them; report all unreadable or wrong files at once."""
    problems: list[Problem] = []
    boards: list[MarkedDict] = []
    schools: list[MarkedDict] = []
    for path in paths:
        try:
            data = read_yaml_file(path)
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        kind = policy_file_kind(data)
        if kind == "case":  # a letter case holds a pupil's data: never beside the policy
            problems.append(
                Problem(
                    str(path),
                    1,
                    "",
                    "dit is een zaakbestand voor een brief; dat hoort niet in de beleidsmap",
                    "zet zaakbestanden in zaken/ (git negeert die map) of buiten het project",
                )
            )
        elif kind == "school":
            schools.append(data)
        elif kind == "board":
            boards.append(data)
        else:
            problems.append(
                Problem(
                    str(path),
                    1,
                    "",
                    "dit bestand is geen school- en geen bestuursbestand",
                    "begin een schoolbestand met 'school:' en een bestuursbestand met 'bestuur:'",
                )
            )
    if problems:
        raise InvalidInput(problems)
    return PolicyFiles(tuple(boards), tuple(schools))


def read_policy_folder(folder: Path) -> PolicyFiles:
    """Read every YAML file in a policy folder (see read_policy_files); report all unreadable files at once."""
    if not folder.is_dir():
        raise InvalidInput(
            [
                Problem(
                    str(folder),
                    None,
                    "",
                    "deze beleidsmap bestaat niet",
                    "geef met --policy een map met de YAML-bestanden van je school",
                )
            ]
        )
    files = read_policy_files(yaml_files(folder))
    if not files.schools:
        raise InvalidInput(
            [
                Problem(
                    str(folder),
                    None,
                    "",
                    "deze map bevat geen schoolbestand",
                    "maak een bestand <school>.yaml dat begint met 'school:'; kijk naar het voorbeeld in policy/",
                )
            ]
        )
    return files


def read_catalogue_files(folders: list[Path]) -> list[MarkedList]:
    """Read the catalogue files (each a list of entries) of each folder, in search-path order."""
    lists: list[MarkedList] = []
    problems: list[Problem] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in yaml_files(folder):
            try:
                # the kept parse itself, not a copy: the catalogue only reads it (and validates
                # each kept list once, model/catalogue.py)
                data = _parse_shared(_read_text(path), str(path))
            except InvalidInput as error:
                problems.extend(error.problems)
                continue
            if data is None:
                continue
            if not isinstance(data, MarkedList):
                problems.append(
                    Problem(
                        str(path),
                        1,
                        "",
                        "een catalogusbestand is een lijst van items",
                        "begin elk item met '- id: …'",
                    )
                )
                continue
            lists.append(data)
    if problems:
        raise InvalidInput(problems)
    return lists
