"""The package's public Python surface: named in one place, every name there, imported on first use."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import schoolveiligheid

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves() -> None:
    for name in schoolveiligheid.__all__:
        assert getattr(schoolveiligheid, name) is not None, name


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        schoolveiligheid.bestaat_niet  # noqa: B018
    except AttributeError as error:
        assert "bestaat_niet" in str(error)
    else:
        raise AssertionError("an unknown name must not resolve")


def test_the_version_is_the_package_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert schoolveiligheid.__version__ == project["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{project['version']}]" in changelog, "CHANGELOG.md has a section for this version"


def test_importing_one_stage_does_not_import_the_build() -> None:
    probe = "import sys, schoolveiligheid.errors; print('schoolveiligheid.build' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_public_functions_work_together(tmp_path: Path) -> None:
    schools = schoolveiligheid.load_schools(ROOT / "policy")
    assert {school.id for school in schools} >= {"vlinderboom", "kompasroos"}
    findings = schoolveiligheid.check_all(schools[:1])
    assert all(isinstance(finding, schoolveiligheid.Finding) for finding in findings)


def test_a_stage_module_is_still_a_module() -> None:
    from schoolveiligheid import build

    assert hasattr(build, "BuildOptions"), "`from schoolveiligheid import build` is the module"
    assert schoolveiligheid.build_outputs is build.build


def test_the_public_list_and_the_lazy_table_agree() -> None:
    assert set(schoolveiligheid.__all__) == {"__version__", *schoolveiligheid._PUBLIC}
