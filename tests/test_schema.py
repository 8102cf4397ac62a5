"""Editor support: the JSON Schema is generated from the model, kept in schema/, and named by the example."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Literal, get_args, get_origin

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from schoolveiligheid import model as model_package
from schoolveiligheid.model.schema import SCHEMA_FILES, json_schema, schema_text

ROOT = Path(__file__).resolve().parents[1]


def _literals(annotation: object) -> list[tuple[object, ...]]:
    """Every Literal[...] inside a type annotation, as its values in the order written."""
    if get_origin(annotation) is Literal:
        return [get_args(annotation)]
    return [found for inner in get_args(annotation) for found in _literals(inner)]


def test_one_order_for_each_set_of_choices() -> None:
    """Python holds Literal["a", "b"] and Literal["b", "a"] equal, so pydantic may print either order in
    the schema, depending on which it met first in the process: the schema would change with what the
    process did before (it did, after a test that loaded a school's own catalogue)."""
    models = [
        value
        for module in pkgutil.iter_modules(model_package.__path__)
        for value in vars(importlib.import_module(f"{model_package.__name__}.{module.name}")).values()
        if isinstance(value, type) and issubclass(value, BaseModel)
    ]
    orders: dict[frozenset[object], set[tuple[object, ...]]] = {}
    for model in models:
        for field in model.model_fields.values():
            for values in _literals(field.annotation):
                orders.setdefault(frozenset(values), set()).add(values)
    assert orders, "the model has choices"
    assert not [found for found in orders.values() if len(found) > 1]


class _Yaml12ishLoader(yaml.SafeLoader):
    """Read YAML the way the YAML language server does: dates stay text (YAML 1.2 core schema)."""


_Yaml12ishLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_committed_schema_is_the_generated_one(kind: str) -> None:
    committed = (ROOT / "schema" / SCHEMA_FILES[kind]).read_text(encoding="utf-8")  # type: ignore[index]
    assert committed == schema_text(kind), "schema/ is verouderd: draai python generate.py schema --schrijf"  # type: ignore[arg-type]


def _policy_files() -> list[Path]:
    return sorted((ROOT / "policy").glob("*.yaml"))


@pytest.mark.parametrize("path", _policy_files(), ids=lambda p: p.name)
def test_example_files_name_their_schema_and_validate_against_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    kind = "bestuur" if path.name == "bestuur.yaml" else "school"
    assert first == f"# yaml-language-server: $schema=../schema/{SCHEMA_FILES[kind]}"  # type: ignore[index]
    schema = json.loads((ROOT / "schema" / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))  # type: ignore[index]
    jsonschema.validate(yaml.load(text, Loader=_Yaml12ishLoader), schema)  # noqa: S506 - a SafeLoader subclass


def test_schema_flags_a_typo_and_knows_catalogue_choices() -> None:
    schema = json_schema("school")
    validator = jsonschema.Draft202012Validator(schema)
    errors = list(validator.iter_errors({"school": {}, "rolen": {}}))
    assert any("rolen" in error.message for error in errors)
    organisation = schema["$defs"]["Organisation"]["properties"]["soort"]
    # The standard kinds are the offered choices; a school's own catalogue may add more (the other branch).
    assert "veilig_thuis" in organisation["anyOf"][0]["enum"]
    assert schema["properties"]["personen"]["description"].startswith("mensen met een rol")
