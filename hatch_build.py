"""Build hook: put the tool's own files from the top-level folders into the wheel as package data.

The checkout keeps templates/, schema/, letters/voorbeelden/, policy/ (the example) and mkdocs.yml at
the top, where people edit them; a wheel carries them in schoolveiligheid/_data/, where
schoolveiligheid/paths.py looks when the package is installed. An editable install (pip install -e .)
gets none of them: it runs from the checkout and uses the checkout's own folders.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLED = {
    "templates": "schoolveiligheid/_data/templates",
    "schema": "schoolveiligheid/_data/schema",
    "letters/voorbeelden": "schoolveiligheid/_data/letters/voorbeelden",
    "policy": "schoolveiligheid/_data/policy",
    "mkdocs.yml": "schoolveiligheid/_data/mkdocs.yml",
}


class CustomBuildHook(BuildHookInterface):
    """Adds BUNDLED to a standard (not editable) wheel."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "standard":
            build_data["force_include"].update(BUNDLED)
