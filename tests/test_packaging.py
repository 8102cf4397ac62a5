"""A real package: the wheel carries every file the tool needs, and the installed program works
from any folder, as `schoolveiligheid` and as `python -m schoolveiligheid`, like generate.py.

Offline: the wheel is built with the hatchling of the project's own environment, and each fresh
environment reaches the dependencies through a .pth file that points at that environment's
site-packages, so nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from schoolveiligheid import __version__

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow  # builds a wheel, two environments and the example's documents and sites

ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "PIP_NO_INDEX": "1"}
for _name in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"):
    ENVIRONMENT.pop(_name, None)


def _pip(*arguments: str | Path, cwd: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *map(str, arguments)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=ENVIRONMENT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _fresh_environment(folder: Path) -> Path:
    """A new virtual environment without our package; the dependencies come from the project's own."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    scripts = folder / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    own = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(own) / "_project_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def _run(program: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in program], cwd=cwd, capture_output=True, text=True, env=ENVIRONMENT, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wiel")
    _pip("wheel", "--no-build-isolation", "--no-deps", "-w", folder, ROOT, cwd=folder)
    (built,) = folder.glob("schoolveiligheid-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a fresh environment with the wheel installed (not editable)."""
    python = _fresh_environment(tmp_path_factory.mktemp("omgeving") / "venv")
    _pip("--python", python, "install", "--no-deps", wheel, cwd=wheel.parent)
    return python


def test_the_wheel_carries_templates_catalogue_letters_schema_and_site_theme(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "schoolveiligheid/_data/"
    for source in ("templates", "schema", "letters/voorbeelden", "policy"):
        for path in (ROOT / source).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                name = data + path.relative_to(ROOT).as_posix()
                assert name in names, f"{name} ontbreekt in het wiel"
    for needed in (
        "templates/catalogus/programmas.yaml",
        "templates/word/master.docx",
        "templates/brieven/schorsing.txt.j2",
        "templates/formulieren/logboek-signalen.txt.j2",
        "templates/site/mkdocs-theme/partials/search.html",
        "schema/school.schema.json",
        "mkdocs.yml",
    ):
        assert data + needed in names
    assert "schoolveiligheid/writers/_uno_pdf.py" in names
    assert "schoolveiligheid/__main__.py" in names
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert (
        "schoolveiligheid = schoolveiligheid.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
    )


def test_the_installed_program_uses_its_bundled_files(installed: Path, tmp_path: Path) -> None:
    probe = _run(
        [installed, "-c", "import schoolveiligheid.paths as p; print(p.IN_CHECKOUT, p.DEFAULT_TEMPLATES)"],
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    in_checkout, templates = probe.stdout.split(maxsplit=1)
    assert in_checkout == "False"
    assert Path(templates.strip()).is_relative_to(installed.parents[1]), (
        "templates from the installed package"
    )


def test_installed_program_builds_the_example_from_another_folder(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "werkmap"
    shutil.copytree(ROOT / "policy", work / "beleid")
    elsewhere = tmp_path / "ergens"
    elsewhere.mkdir()
    script = installed.with_name("schoolveiligheid.exe" if os.name == "nt" else "schoolveiligheid")

    version = _run([script, "--version"], cwd=elsewhere)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"schoolveiligheid {__version__}"

    built = _run([installed, "-m", "schoolveiligheid", "bouw", "--policy", "beleid"], cwd=work)
    assert built.returncode == 0, built.stdout + built.stderr
    for school in ("vlinderboom", "zonnewijzer", "kompasroos"):
        assert (work / "documenten" / school / "sociaal-veiligheidsplan.docx").is_file()
        assert (work / "documenten" / school / "formulieren").is_dir()
        assert "Vlinderboom" in (work / "site" / "vlinderboom" / "index.html").read_text(encoding="utf-8")
    assert (work / "site" / "vlinderboom" / "schoolveiligheid.css").is_file(), "the site's own stylesheet"
    assert not (elsewhere / "documenten").exists()
    # The closing tip is the command as it was run, with the same policy folder.
    assert " -m schoolveiligheid controleer --policy beleid" in built.stdout

    checked = _run([script, "controleer", "--policy", work / "beleid"], cwd=elsewhere)
    assert "3 scholen gecontroleerd" in checked.stdout, checked.stdout + checked.stderr


def test_pip_install_from_the_source_folder_is_not_editable_and_works(tmp_path: Path) -> None:
    python = _fresh_environment(tmp_path / "venv")
    _pip("--python", python, "install", "--no-deps", "--no-build-isolation", ROOT, cwd=tmp_path)
    result = _run([python, "-m", "schoolveiligheid", "schema", "--soort", "bestuur"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"bestuur"' in result.stdout
    located = _run([python, "-c", "import schoolveiligheid; print(schoolveiligheid.__file__)"], cwd=tmp_path)
    assert Path(located.stdout.strip()).is_relative_to(tmp_path / "venv"), "a copy, not the checkout"
