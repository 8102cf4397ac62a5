"""YAML in, plain data with line marks out. The only module that imports yaml.

Every scalar is kept as the text the user typed (only `null`/empty becomes None),
so "0201234567" stays a phone number instead of turning into an octal integer
and `versie: 1.0` stays "1.0". Typing is the model's job; positions are ours:
each mapping and list remembers, per key or item, the file, line and key path
where it was written, so any later stage can point the user at the right line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InvalidInput, Problem

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


# PyYAML's English problem texts, translated for the people who edit the files.
# The parsers' English problem texts (PyYAML's and libyaml's), translated for the people who edit the files.
_YAML_PROBLEMS = (
    (
        ("mapping values are not allowed",),
        "hier mag geen 'sleutel: waarde' staan",
        "controleer de inspringing; staat er een ':' in een tekst, zet de tekst dan tussen aanhalingstekens",
    ),
    (
        ("could not find expected ':'",),
        "er ontbreekt een ':' achter een sleutel",
        "schrijf elke regel als 'sleutel: waarde' of begin een lijstitem met '- '",
    ),
    (("found undefined alias",), "onbekende verwijzing (*naam)", "definieer eerst een anker &naam"),
    (
        (
            "expected <block end>, but found '-'",
            "did not find expected '-' indicator",
            "expected <block end>",
        ),
        "een regel staat op de verkeerde inspringing",
        "zet alle '- ' van één lijst precies onder elkaar en sleutels van één blok recht onder elkaar",
    ),
    (
        ("expected the node content", "did not find expected node content"),
        "hier ontbreekt een waarde",
        "sluit elke '[' met ']' en elke '{' met '}', of schrijf de lijst met '- ' op aparte regels",
    ),
    (
        ("found unexpected end of stream",),
        "het bestand houdt midden in een tekst op",
        "controleer of elk openend aanhalingsteken ook gesloten wordt",
    ),
)


def _translate_yaml_problem(problem: str, line_text: str) -> tuple[str, str]:
    if "\t" in line_text and ("cannot start any token" in problem or "tab character" in problem):
        return "er staat een tab in het bestand", "gebruik spaties om in te springen, geen tabs"
    for starts, message, hint in _YAML_PROBLEMS:
        if problem.startswith(starts):
            return message, hint
    return (
        f"ongeldige YAML ({problem})",
        "controleer inspringing (spaties), dubbele punten en aanhalingstekens op deze regel",
    )


# libyaml's parser when installed (several times faster); PyYAML's own otherwise.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type, misc, unused-ignore]
    """A local SafeLoader: never patch the global one."""

    def __init__(self, stream: str, file: str) -> None:
        super().__init__(stream)
        self.file = file
        self.problems: list[Problem] = []


def _construct_text(loader: _Loader, node: yaml.Node) -> str | None:
    value = loader.construct_scalar(node)  # type: ignore[arg-type, unused-ignore]
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return str(value)


for _tag in ("bool", "int", "float", "timestamp", "str", "null"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _construct_text)


def _build(loader: _Loader, node: yaml.Node, path: KeyPath, within: frozenset[int] = frozenset()) -> Any:
    """Construct plain data with marks, reporting duplicate keys instead of losing them."""
    mark = Mark(loader.file, node.start_mark.line + 1, path)
    if id(node) in within:  # an alias inside its own anchor (&a [*a]) would never end
        loader.problems.append(
            Problem(
                loader.file,
                mark.line,
                mark.key,
                "een alias verwijst naar het blok waar hij zelf in staat",
                "haal de alias (*naam) weg",
            )
        )
        return None
    within = within | {id(node)}
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        mapping = MarkedDict(mark)
        for key_node, value_node in node.value:
            key = _construct_text(loader, key_node)
            key_text = "" if key is None else key
            key_mark = Mark(loader.file, key_node.start_mark.line + 1, (*path, key_text))
            if key_text in mapping:
                first = mapping.marks[key_text].line
                loader.problems.append(
                    Problem(
                        loader.file,
                        key_mark.line,
                        key_mark.key,
                        f"sleutel '{key_text}' staat twee keer in dit blok (eerst op regel {first})",
                        "verwijder een van beide of voeg ze samen; YAML zou de eerste stilletjes negeren",
                    )
                )
                continue
            mapping[key_text] = _build(loader, value_node, (*path, key_text), within)
            mapping.marks[key_text] = key_mark
        return mapping
    if isinstance(node, yaml.SequenceNode):
        sequence = MarkedList(mark)
        for index, item_node in enumerate(node.value):
            sequence.append(_build(loader, item_node, (*path, index), within))
            sequence.marks.append(Mark(loader.file, item_node.start_mark.line + 1, (*path, index)))
        return sequence
    return loader.construct_object(node)


def _parse(text: str, file: str) -> Any:
    loader = _Loader(text, file)
    try:
        node = loader.get_single_node()
        data = None if node is None else _build(loader, node, ())
    except yaml.MarkedYAMLError as error:
        where = error.problem_mark or error.context_mark
        line = where.line + 1 if where is not None else None
        lines = text.splitlines()
        line_text = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
        message, hint = _translate_yaml_problem(str(error.problem or error.context or ""), line_text)
        raise InvalidInput([Problem(file, line, "", message, hint)]) from None
    except yaml.YAMLError as error:  # e.g. a second document in the same file
        raise InvalidInput(
            [Problem(file, None, "", f"ongeldige YAML ({error})", "gebruik één document per bestand")]
        ) from None
    finally:
        loader.dispose()
    if loader.problems:
        raise InvalidInput(loader.problems)
    return data


def parse_yaml(text: str, file: str) -> MarkedDict:
    """Parse one YAML document of keys into marked plain data; raise InvalidInput on any problem."""
    data = _parse(text, file)
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
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(
            [Problem(str(path), None, "", "het bestand is geen UTF-8-tekst", "sla het op als UTF-8")]
        ) from None
    except OSError as error:
        raise InvalidInput(
            [Problem(str(path), None, "", f"kan het bestand niet lezen ({error.strerror})", "")]
        ) from None


def read_yaml_file(path: Path) -> MarkedDict:
    """Read and parse one YAML file of keys (a policy or case file)."""
    return parse_yaml(_read_text(path), str(path))


@dataclass(frozen=True, slots=True)
class PolicyFiles:
    """The raw files of a policy folder: board files and school files."""

    folder: Path
    boards: tuple[MarkedDict, ...]
    schools: tuple[MarkedDict, ...]


def _yaml_files(folder: Path) -> Iterator[Path]:
    yield from sorted(p for p in folder.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())


def read_policy_folder(folder: Path) -> PolicyFiles:
    """Read every YAML file in a policy folder; report all unreadable files at once.

    A file with a top-level `school:` is a school; any other file with `bestuur:`
    is a board whose values its schools inherit.
    """
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
    problems: list[Problem] = []
    boards: list[MarkedDict] = []
    schools: list[MarkedDict] = []
    for path in _yaml_files(folder):
        try:
            data = read_yaml_file(path)
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        if "brief" in data:  # a letter case holds a pupil's data: never beside the policy
            problems.append(
                Problem(
                    str(path),
                    1,
                    "",
                    "dit is een zaakbestand voor een brief; dat hoort niet in de beleidsmap",
                    "zet zaakbestanden in zaken/ (git negeert die map) of buiten het project",
                )
            )
        elif "school" in data:
            schools.append(data)
        elif "bestuur" in data:
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
    if not schools:
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
    return PolicyFiles(folder, tuple(boards), tuple(schools))


def read_catalogue_files(folders: list[Path]) -> list[MarkedList]:
    """Read the catalogue files (each a list of entries) of each folder, in search-path order."""
    lists: list[MarkedList] = []
    problems: list[Problem] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in _yaml_files(folder):
            try:
                data = _parse(_read_text(path), str(path))
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
