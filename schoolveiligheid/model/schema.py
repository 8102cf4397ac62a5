"""JSON Schema of the policy files, generated from the model (never written by hand).

Editors with the YAML language server read the schema named in the first line
of a policy file and then complete keys, show each key's Dutch description and
flag typos. Catalogue ids become choices, so an editor also knows which
programmes and partner kinds exist.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from ..paths import CATALOGUE_TEMPLATES, DEFAULT_TEMPLATES
from .catalogue import Catalogue, load_catalogue
from .policy import SCHEMA_VERSION, BoardFile, Policy

Kind = Literal["school", "bestuur"]
SCHEMA_FILES: dict[Kind, str] = {"school": "school.schema.json", "bestuur": "bestuur.schema.json"}


def _with_choices(node: Any, catalogue: Catalogue) -> None:
    """Add the catalogue's ids as choices wherever the schema describes a catalogue reference."""
    if isinstance(node, dict):
        kind = node.pop("x-catalogus", None)
        if kind is not None:
            node["enum"] = sorted(catalogue.ids(kind))
        for value in node.values():
            _with_choices(value, catalogue)
    elif isinstance(node, list):
        for item in node:
            _with_choices(item, catalogue)


def json_schema(kind: Kind, catalogue: Catalogue | None = None) -> dict[str, Any]:
    """The JSON Schema of a school file or a board file."""
    model = Policy if kind == "school" else BoardFile
    schema = model.model_json_schema(by_alias=True, mode="validation")
    if kind == "school":
        # A school under a board file inherits 'bestuur'; only a stand-alone school writes it.
        schema["required"] = [key for key in schema.get("required", []) if key != "bestuur"]
    for definition in schema.get("$defs", {}).values():
        # Class docstrings are English notes for developers; editors show the Dutch field texts.
        definition.pop("description", None)
        definition.pop("title", None)
    schema.pop("description", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{'Schoolbestand' if kind == 'school' else 'Bestuursbestand'} ({SCHEMA_VERSION})"
    _with_choices(schema, catalogue or load_catalogue([DEFAULT_TEMPLATES / CATALOGUE_TEMPLATES]))
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
