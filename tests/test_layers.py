"""The package's stages import only earlier stages, and only the loader reads YAML.

law_calendar  ->  errors, documents, law, colours  ->  load, paths, files  ->  yaml_edit, incremental
    ->  model  ->  overrides  ->  checks, context, verschil  ->  render  ->  writers  ->  school_build
    ->  build, brief, nieuw, rollover  ->  preview  ->  cli  ->  __main__

The commands beside the build each have one package or module: `verschil` (compares two models, after
the model), `brief` (letters, after the writers, whose Word filler it uses), `nieuw` (a new school file),
`rollover` (`nieuw-schooljaar`, with the line editor `yaml_edit` beside the loader), `overrides`
(`sjabloon`: own copies of standard templates and their drift) and `preview` (`bekijk`, which runs the
build and serves it).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "schoolveiligheid"
STAGES = {
    "errors": 0,
    "kept": 0,  # the bounded store behind every per-process cache
    "confine": 0,
    "markdown_text": 0,
    "colours": 0,  # hex colours and their contrast: used by the model's checks and the site writer
    "clock": 1,
    "files": 1,
    "progress": 1,
    "documents": 0,
    "law": 0,
    "law_calendar": -1,  # holidays and terms, beneath the legal table that uses them
    "load": 1,
    "paths": 1,
    "yaml_edit": 1.5,  # line edits by the loader's marks, beside the loader
    "model": 2,
    "overrides": 2.5,  # own copies of standard templates and their drift: read by checks and the CLI
    "checks": 3,
    "context": 3,
    "verschil": 3,
    "render": 4,
    "writers": 5,
    "school_build": 5.5,  # one school rendered and written: the unit the build driver hands out
    "incremental": 1.5,  # the build's skip decision from hashes, before anything is loaded
    "build": 6,
    "brief": 6,
    "console": 6,
    "nieuw": 6,
    "rollover": 6,  # `nieuw-schooljaar`; cli adds the `verschil` summary
    "preview": 6.5,  # `bekijk`: runs the build (and serves it), so after it
    "cli": 7,
    "__main__": 8,
}


def _stage_name(module: str) -> str:
    return module.split(".")[0]


def _imports(path: Path) -> list[tuple[str, int]]:
    """Package-internal imports of a file as top-level stage names, with line numbers."""
    relative = path.relative_to(PACKAGE).with_suffix("")
    package_parts = list(relative.parts[:-1]) if relative.name != "__init__" else list(relative.parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = (
                    package_parts[: len(package_parts) - (node.level - 1)]
                    if node.level > 1
                    else package_parts
                )
                target = [*base, *(node.module.split(".") if node.module else [])]
                if not target:  # "from . import x" at the top of the package
                    target = [alias.name for alias in node.names][:1]
            elif node.module and node.module.startswith("schoolveiligheid"):
                target = node.module.split(".")[1:]
            else:
                continue
            if target:
                found.append((target[0], node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "schoolveiligheid" and len(parts) > 1:
                    found.append((parts[1], node.lineno))
    return found


def _stage_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def test_every_module_belongs_to_a_stage() -> None:
    for path in PACKAGE.rglob("*.py"):
        stage = _stage_of(path)
        if stage == "__init__":
            continue
        assert stage in STAGES, f"{path.relative_to(PACKAGE)} hoort bij geen fase; voeg die toe aan STAGES"


def test_no_module_imports_a_later_stage() -> None:
    backward = []
    for path in PACKAGE.rglob("*.py"):
        own = _stage_of(path)
        if own == "__init__":
            continue
        for target, line in _imports(path):
            if target in STAGES and STAGES[target] > STAGES[own]:
                backward.append(f"{path.relative_to(PACKAGE)}:{line} importeert {target}")
            if target in STAGES and STAGES[target] == STAGES[own] and target != own:
                backward.append(f"{path.relative_to(PACKAGE)}:{line} importeert zusterfase {target}")
    assert not backward, "\n".join(backward)


# Each command beside the build has one package, which only the command line reaches.
COMMANDS = ("brief", "verschil", "preview")


def test_each_command_package_is_reached_only_through_the_cli() -> None:
    reached = []
    for path in PACKAGE.rglob("*.py"):
        own = _stage_of(path)
        for target, line in _imports(path):
            # cli runs them; the package's __init__ names them in the public surface, imported on use.
            if target in COMMANDS and own not in (target, "cli", "__init__"):
                reached.append(f"{path.relative_to(PACKAGE)}:{line} importeert {target}")
    assert not reached, "\n".join(reached)
    for command in COMMANDS:
        assert (PACKAGE / command / "__init__.py").is_file(), f"{command} is geen eigen pakket"


def test_only_the_loader_imports_yaml() -> None:
    readers = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "yaml" or name.startswith("yaml.") for name in names):
                readers.append(str(path.relative_to(PACKAGE)))
    assert readers == ["load.py"], readers


def test_generate_py_is_thin() -> None:
    code = (PACKAGE.parent / "generate.py").read_text(encoding="utf-8")
    statements = [line for line in code.splitlines() if line.strip() and not line.startswith((" ", '"', "#"))]
    assert len(code.splitlines()) <= 15
    assert "from schoolveiligheid.cli import main" in statements
