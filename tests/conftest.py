"""Shared fixtures: the bundled example policy, loaded once, and its rendered texts."""

from __future__ import annotations

import functools
import gc
import inspect
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a clean checkout without installing the package
os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")  # reproducible document dates in tests
# Builds run in the test's own process (warm compiled templates, no process start per build); the
# pool of workers and the Dask executor have their own tests in test_build_scale.py.
os.environ.setdefault("SCHOOLVEILIGHEID_WERKERS", "1")
# Fewer garbage collections in the test processes: the tests make and drop very many small objects
# (policies, models, templates, documents), and with Python's default (a collection for every 700
# new container objects) the fast lane spent about a tenth of its time collecting. What pytest and
# the plugins loaded so far is moved out of the collector's way (gc.freeze), until the first build
# in the process: it collects after each school and unfreezes everything (school_build). Only the
# test processes: generate.py, and the builds the tests start as programs, keep Python's default.
gc.collect()
gc.freeze()
gc.set_threshold(20_000, 20, 20)
# Python's bytecode cache stays on for the test run, also where the environment turns it off
# (PYTHONDONTWRITEBYTECODE, as in some sandboxes and containers): without it pytest rewrites the
# asserts of every test module again on every run, seconds per worker, and every `generate.py` the
# tests start compiles the package again. The caches are __pycache__ folders, which git ignores.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

if TYPE_CHECKING:  # imported in the fixtures: pytest's main process, which runs no test, never needs them
    from schoolveiligheid.context import SchoolContext
    from schoolveiligheid.model import SchoolModel
    from schoolveiligheid.render import RenderedSchool

EXAMPLE_POLICY = ROOT / "policy"


@pytest.fixture(scope="session")
def example_schools() -> dict[str, SchoolModel]:
    """The example schools by id (vlinderboom: po, zonnewijzer: jenaplan concept, kompasroos: so)."""
    from schoolveiligheid.model import load_schools

    return {school.id: school for school in load_schools(EXAMPLE_POLICY)}


@pytest.fixture(scope="session")
def example_contexts(example_schools: dict[str, SchoolModel]) -> dict[str, SchoolContext]:
    """The render context of each example school."""
    from schoolveiligheid.context import build_context

    return {school_id: build_context(school) for school_id, school in example_schools.items()}


@pytest.fixture(scope="session")
def example_rendered(example_schools: dict[str, SchoolModel]) -> dict[str, RenderedSchool]:
    """All documents and site pages of each example school, as Markdown."""
    from schoolveiligheid.context import build_context
    from schoolveiligheid.render import Renderer

    renderer = Renderer()
    return {
        school_id: renderer.render_school(build_context(school), school.template_dirs)
        for school_id, school in example_schools.items()
    }


# The fast lane (`pytest -m "not slow" -n auto --dist loadscope`, in the README): every test that needs
# no LibreOffice, Chromium or Zensical.
# A test is slow when it, or a fixture it uses, starts one of them; found from the source, so a new
# test that does is put in the slow lane without anyone having to remember the mark.
_SLOW_SIGNS = ('require_program("soffice"', 'require_program("chromium"', '"zensical"', "zensical_site(")


@functools.cache
def _starts_a_program(function: object) -> bool:
    """Whether the source of this test or fixture starts one of the slow programs (once per function)."""
    try:
        source = inspect.getsource(function)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return False
    return any(sign in source for sign in _SLOW_SIGNS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") or not isinstance(item, pytest.Function):
            continue
        functions = [item.function]
        for definitions in item._fixtureinfo.name2fixturedefs.values():
            functions.extend(definition.func for definition in definitions)
        if any(_starts_a_program(function) for function in functions):
            item.add_marker(pytest.mark.slow)
