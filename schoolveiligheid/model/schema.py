"""JSON Schema of the policy files, generated from the model (never written by hand).

Editors with the YAML language server read the schema named in the first line
of a policy file and then complete keys, show each key's Dutch description and
flag typos. Catalogue ids become choices with their titles, so an editor also
knows which programmes, approaches, instruments and partner kinds exist.

The schema accepts what the tool accepts, read the way an editor reads YAML 1.2:
the loader keeps every value as text, so `versie: 2.1`, `telefoon: 0201234567`
and `naam: 12` are text to the tool but numbers to an editor, and a quoted
`"3"` is a number to the tool. Every format has a Dutch message
(`patternErrorMessage`, `errorMessage`: the yaml-language-server keywords).
A school's or board's own catalogue may add ids, so a catalogue reference is
one of the standard ids (offered with their titles) or any other well-formed
id; whether such an id exists is for `controleer` to say.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from ..paths import CATALOGUE_TEMPLATES, DEFAULT_TEMPLATES, SCHEMA_FILES
from .catalogue import Catalogue, load_catalogue
from .patterns import BOOLEAN_TEXT, INTEGER_TEXT, NUMBER_TEXT
from .policy import SCHEMA_VERSION, BoardFile, Policy
from .values import ID_ERROR

Kind = Literal["school", "bestuur"]


_CATALOGUE_NOUNS = {
    "programma": "programma",
    "aanpak": "aanpak",
    "instrument": "instrument",
    "partner": "soort organisatie",
}
# What describes a value rather than constrains it: stays on the outside when a value gets alternatives.
_ANNOTATIONS = ("title", "description", "default", "examples")
_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")


def _choices(kind: str, catalogue: Catalogue) -> list[dict[str, Any]]:
    """A catalogue reference: a standard id (offered with its title) or another id of the school's own."""
    ids = sorted(catalogue.ids(kind))
    noun = _CATALOGUE_NOUNS[kind]
    return [
        {
            "type": "string",
            "enum": ids,
            "enumDescriptions": [str(catalogue[entry].title) for entry in ids],
            "errorMessage": f"onbekende {noun}: kies een id uit de catalogus",
        },
        {
            "type": "string",
            "pattern": r"^[a-z0-9][a-z0-9_-]*$",
            "patternErrorMessage": ID_ERROR,
            "description": f"een {noun} uit de eigen catalogus van de school of het bestuur",
        },
    ]


def _with_choices(node: Any, catalogue: Catalogue) -> None:
    """Add the catalogue's ids as choices wherever the schema describes a catalogue reference."""
    if isinstance(node, dict):
        kind = node.pop("x-catalogus", None)
        if kind is not None:
            kept = {key: node[key] for key in _ANNOTATIONS if key in node}
            node.clear()
            node.update(kept, anyOf=_choices(kind, catalogue))
        for value in node.values():
            _with_choices(value, catalogue)
    elif isinstance(node, list):
        for item in node:
            _with_choices(item, catalogue)


def _alternatives(node: dict[str, Any], branches: list[dict[str, Any]], message: str) -> None:
    """Replace a value by alternatives; each carries the message, as an editor reports the closest one."""
    kept = {key: node[key] for key in _ANNOTATIONS if key in node}
    node.clear()
    for branch in branches:
        branch["errorMessage"] = message
        if "pattern" in branch:
            branch["patternErrorMessage"] = message
    node.update(kept, anyOf=branches)


def _as_the_tool_reads(node: dict[str, Any]) -> None:
    """Widen a value to what the tool accepts (see the module's docstring), with a Dutch message."""
    kind = node.get("type")
    if node.pop("x-als-tekst", False):
        return  # a number that stands for text (an id, a phone number): already what the tool reads
    if kind == "boolean":
        _alternatives(
            node,
            [{"type": "boolean"}, {"type": "string", "pattern": BOOLEAN_TEXT}],
            "schrijf true (ja) of false (nee)",
        )
    elif kind in ("integer", "number"):
        bounds = {key: node[key] for key in _BOUNDS if key in node}
        whole = kind == "integer"
        text = {"type": "string", "pattern": INTEGER_TEXT if whole else NUMBER_TEXT}
        shown = [
            f"{'minstens' if 'min' in key.lower() else 'hoogstens'} {value}" for key, value in bounds.items()
        ]
        noun = "een geheel getal" if whole else "een getal (met een punt, bijvoorbeeld 87.5)"
        _alternatives(
            node, [{"type": kind, **bounds}, text], f"verwacht {noun}{' ' if shown else ''}{', '.join(shown)}"
        )
    elif kind == "string" and "enum" in node:
        node.setdefault("errorMessage", "kies een van: " + ", ".join(str(value) for value in node["enum"]))
    elif kind == "string" and not {"pattern", "format", "const"} & set(node):
        node["type"] = ["string", "number", "boolean"]  # 'naam: 12' and 'naam: ja' are text to the tool


def _editor_ready(node: Any) -> None:
    """Walk the schema: widen values as the tool reads them, and let each key's own description show.

    An editor's hover joins the descriptions of every alternative of a value ('één regel tekst ||
    ...'); the key's own description says it better, so alternatives and list items keep none.
    """
    if isinstance(node, list):
        for item in node:
            _editor_ready(item)
        return
    if not isinstance(node, dict):
        return
    for key, value in list(node.items()):
        if key in ("properties", "$defs"):
            for child in value.values():
                _editor_ready(child)
        elif key not in ("enum", "enumDescriptions", "required", "default", "examples"):
            _editor_ready(value)
    node.pop(
        "title", None
    )  # pydantic's titles are the keys again ('Mr Instemming Op'); the description says it
    if "description" in node:
        for branch in [*node.get("anyOf", []), node.get("items")]:
            if isinstance(branch, dict) and "properties" not in branch:
                branch.pop("description", None)
                branch.pop("title", None)
    _as_the_tool_reads(node)


def editor_schema(model: type[BaseModel], title: str, catalogue: Catalogue | None = None) -> dict[str, Any]:
    """The JSON Schema of a model for editors: Dutch descriptions, values as the tool reads them, choices."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    for definition in schema.get("$defs", {}).values():
        # Class docstrings are English notes for developers; editors show the Dutch field texts.
        definition.pop("description", None)
        definition.pop("title", None)
    schema.pop("description", None)
    _editor_ready(schema)
    _with_choices(schema, catalogue or load_catalogue([DEFAULT_TEMPLATES / CATALOGUE_TEMPLATES]))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}


def json_schema(kind: Kind, catalogue: Catalogue | None = None) -> dict[str, Any]:
    """The JSON Schema of a school file or a board file."""
    model = Policy if kind == "school" else BoardFile
    title = f"{'Schoolbestand' if kind == 'school' else 'Bestuursbestand'} ({SCHEMA_VERSION})"
    schema = editor_schema(model, title, catalogue)
    if kind == "school":
        # A school under a board file inherits 'bestuur'; only a stand-alone school writes it.
        schema["required"] = [key for key in schema.get("required", []) if key != "bestuur"]
    return schema


def schema_text(kind: Kind) -> str:
    """The schema as the text kept in schema/ (stable key order, trailing newline)."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write both schema files into folder (the repository's schema/)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, name in SCHEMA_FILES.items():
        path = folder / name
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written
