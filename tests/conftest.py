"""Shared fixtures: the bundled example policy, loaded once, and its rendered texts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a clean checkout without installing the package
os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")  # reproducible document dates in tests

from schoolveiligheid.context import SchoolContext, build_context  # noqa: E402
from schoolveiligheid.model import SchoolModel, load_schools  # noqa: E402
from schoolveiligheid.render import RenderedSchool, Renderer  # noqa: E402

EXAMPLE_POLICY = ROOT / "policy"


@pytest.fixture(scope="session")
def example_schools() -> dict[str, SchoolModel]:
    """The example schools by id (vlinderboom: po, zonnewijzer: jenaplan concept, kompasroos: so)."""
    return {school.id: school for school in load_schools(EXAMPLE_POLICY)}


@pytest.fixture(scope="session")
def example_contexts(example_schools: dict[str, SchoolModel]) -> dict[str, SchoolContext]:
    """The render context of each example school."""
    return {school_id: build_context(school) for school_id, school in example_schools.items()}


@pytest.fixture(scope="session")
def example_rendered(example_schools: dict[str, SchoolModel]) -> dict[str, RenderedSchool]:
    """All documents and site pages of each example school, as Markdown."""
    renderer = Renderer()
    return {
        school_id: renderer.render_school(build_context(school), school.template_dirs)
        for school_id, school in example_schools.items()
    }
