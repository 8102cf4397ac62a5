"""schoolveiligheid: a school's social-safety policy, written once in YAML, as every document it publishes.

The public Python surface, for scripts and other tools (the command line is `generate.py`):

    load_schools(folder)             policy folder -> validated SchoolModel per school (InvalidInput on bad input)
    check_all(schools)               the findings `controleer` reports (law, completeness, unfinished text)
    build_outputs(BuildOptions(...)) Word files, forms, PDFs and sites, replaced all-or-nothing -> BuildReport
    write_letter(case, policy, out)  one letter to parents from a case file -> LetterResult
    compare(old, new)                the Dutch change summary for the MR of two versions of a school file

Errors a caller may meet: InvalidInput (the input is wrong; every problem with file, line, key and a
hint), BuildFailed (a writer could not produce its output; earlier outputs are unchanged) and
ToolMissing (LibreOffice is needed and absent). Names are imported on first use, so importing one
stage (say `schoolveiligheid.load`) stays as light as that stage.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

# Public name -> (module, name there). `build_outputs` is `build.build`: the public name may not be
# `build`, or `from schoolveiligheid import build` would hand out the function instead of the module.
_PUBLIC = {
    "load_schools": ("schoolveiligheid.model", "load_schools"),
    "SchoolModel": ("schoolveiligheid.model", "SchoolModel"),
    "check_all": ("schoolveiligheid.build", "check_all"),
    "build_outputs": ("schoolveiligheid.build", "build"),
    "BuildOptions": ("schoolveiligheid.build", "BuildOptions"),
    "BuildReport": ("schoolveiligheid.build", "BuildReport"),
    "write_letter": ("schoolveiligheid.brief", "write_letter"),
    "LetterResult": ("schoolveiligheid.brief", "LetterResult"),
    "compare": ("schoolveiligheid.verschil", "compare"),
    "Finding": ("schoolveiligheid.checks", "Finding"),
    "InvalidInput": ("schoolveiligheid.errors", "InvalidInput"),
    "BuildFailed": ("schoolveiligheid.errors", "BuildFailed"),
    "ToolMissing": ("schoolveiligheid.errors", "ToolMissing"),
    "Problem": ("schoolveiligheid.errors", "Problem"),
}

__all__ = [
    "__version__",
    "load_schools",
    "SchoolModel",
    "check_all",
    "build_outputs",
    "BuildOptions",
    "BuildReport",
    "write_letter",
    "LetterResult",
    "compare",
    "Finding",
    "InvalidInput",
    "BuildFailed",
    "ToolMissing",
    "Problem",
]

if TYPE_CHECKING:
    from .brief import LetterResult, write_letter
    from .build import BuildOptions, BuildReport, check_all
    from .build import build as build_outputs
    from .checks import Finding
    from .errors import BuildFailed, InvalidInput, Problem, ToolMissing
    from .model import SchoolModel, load_schools
    from .verschil import compare


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'schoolveiligheid' has no attribute {name!r}")
    module, attribute = _PUBLIC[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value
