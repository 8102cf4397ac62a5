"""JSON Schema of a case file (letters/voorbeelden/*.yaml), generated from the case model.

Like the policy schema (model/schema.py, whose generator it uses): Dutch
descriptions, values as the tool reads them, approaches from the catalogue as
choices; and per kind of letter (`brief:`) the keys that kind needs, so an
editor marks a missing `periode:` in a schorsing before `brief` does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model.schema import editor_schema
from .case import CASE_SCHEMA_VERSION, KINDS, Case

CASE_SCHEMA_FILE = "zaak.schema.json"


def case_schema() -> dict[str, Any]:
    """The JSON Schema of a case file."""
    schema = editor_schema(Case, f"Zaakbestand voor een brief ({CASE_SCHEMA_VERSION})")
    schema["allOf"] = [
        {
            "if": {"properties": {"brief": {"const": kind.id}}, "required": ["brief"]},
            "then": {
                "required": list(kind.required),
                "errorMessage": f"een brief over {kind.title} vraagt om: {', '.join(kind.required)}",
            },
        }
        for kind in KINDS.values()
        if kind.required
    ]
    return schema


def case_schema_text() -> str:
    """The schema as the text kept in schema/ (stable key order, trailing newline)."""
    return json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n"


def write_case_schema(folder: Path) -> Path:
    """Write the case schema into folder (the repository's schema/)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CASE_SCHEMA_FILE
    path.write_text(case_schema_text(), encoding="utf-8")
    return path
