"""`bouw --pdf` starts LibreOffice once per run, for every document of every school (issue 15).

The schools are built first (in this process, in worker processes or on Dask) without
LibreOffice; the driver then converts all their Word files in one LibreOffice run, puts the
PDFs and the Word files (whose table of contents the run filled in) in each site and archive,
and prints the seconds per document. A failing LibreOffice changes nothing.

The first test runs the real LibreOffice through a wrapper that logs each start; the others
put a stand-in for the conversion, so they need no LibreOffice.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import stat
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import local_cluster, require_program

from schoolveiligheid import build as building
from schoolveiligheid import school_build
from schoolveiligheid.build import BuildOptions, build
from schoolveiligheid.cli import main
from schoolveiligheid.errors import BuildFailed, ToolMissing
from schoolveiligheid.files import WORK_FOLDER
from schoolveiligheid.kept import Kept
from schoolveiligheid.writers import pdf, site, word

ROOT = Path(__file__).resolve().parents[1]
SCHOOLS = ("kompasroos", "vlinderboom", "zonnewijzer")
DOCUMENTS = ("anti-pestprotocol", "schoolgids-sociale-veiligheid", "sociaal-veiligheidsplan")
TIMING = re.compile(r"^PDF: 9 documenten in \d+,\d s \(\d+,\d s per document\)$", re.MULTILINE)


def _digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and WORK_FOLDER not in path.relative_to(folder).parts
    }


def _assert_pdfs_everywhere(out: Path, schools: Sequence[str] = SCHOOLS, *, archive: bool = True) -> None:
    """Each document's PDF beside its Word file, and the same bytes (PDF and Word file) in the
    school's site downloads and its archive."""
    for school in schools:
        documents = out / "documenten" / school
        downloads = out / "site" / school / "downloads"
        assert sorted(path.name for path in downloads.iterdir()) == sorted(
            f"{stem}{suffix}" for stem in DOCUMENTS for suffix in (".docx", ".pdf")
        )
        packed = zipfile.ZipFile(out / "archief" / f"{school}.zip") if archive else None
        for stem in DOCUMENTS:
            for name in (f"{stem}.pdf", f"{stem}.docx"):
                made = (documents / name).read_bytes()
                assert (downloads / name).read_bytes() == made, f"{school}: site/downloads/{name}"
                if packed is not None:
                    assert packed.read(f"downloads/{name}") == made, f"{school}.zip: downloads/{name}"
            assert (documents / f"{stem}.pdf").read_bytes().startswith(b"%PDF-")


def test_a_pdf_build_of_three_schools_starts_libreoffice_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    soffice = require_program("soffice", "libreoffice")
    log = tmp_path / "starts.log"
    wrapper = tmp_path / "lo" / "soffice"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho start >> "{log}"\nexec "{soffice}" "$@"\n', encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(pdf.SOFFICE_VARIABLE, "")  # --soffice sets it: removed again after the test
    out = tmp_path / "uit"

    argv = ["bouw", "--pdf", "--archief", "--werkers", "2", "--soffice", str(wrapper), "--uitvoer", str(out)]
    assert main(argv) == 0

    assert log.read_text(encoding="utf-8").splitlines() == ["start"], "one LibreOffice for the whole run"
    _assert_pdfs_everywhere(out)
    assert TIMING.search(capsys.readouterr().out)


class FakeConversion:
    """Stands in for convert_pairs: counts its calls, writes a small 'PDF' per pair and, as the
    real one does, changes each Word file after the conversion (its table of contents)."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[Path, Path]]] = []

    def __call__(self, pairs: Sequence[tuple[Path, Path]], *, pdfa: bool = False) -> list[Path]:
        self.calls.append(list(pairs))
        for source, target in pairs:
            target.write_bytes(b"%PDF-1.7 " + source.name.encode())
            with zipfile.ZipFile(source, "a") as word:
                word.writestr(zipfile.ZipInfo("customXml/ingevuld.xml", (2026, 1, 1, 0, 0, 0)), "<inhoud/>")
        return [target for _, target in pairs]


def _fake_libreoffice(monkeypatch: pytest.MonkeyPatch) -> FakeConversion:
    fake = FakeConversion()
    monkeypatch.setattr(pdf, "convert_pairs", fake)
    monkeypatch.setattr(pdf, "find_soffice", lambda chosen=None: "soffice")
    monkeypatch.setattr(pdf, "find_uno_python", lambda soffice: "python3")
    return fake


@pytest.fixture
def conversion(monkeypatch: pytest.MonkeyPatch) -> FakeConversion:
    return _fake_libreoffice(monkeypatch)


@dataclass(frozen=True)
class PdfBuild:
    out: Path
    calls: list[list[tuple[Path, Path]]]
    printed: str


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory: pytest.TempPathFactory) -> PdfBuild:
    """`bouw --pdf --archief` of the example with the stand-in conversion, made once for the tests
    that only read it (a test that builds again works on a copy)."""
    out = tmp_path_factory.mktemp("pdf") / "uit"
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as monkeypatch, contextlib.redirect_stdout(printed):
        fake = _fake_libreoffice(monkeypatch)
        assert main(["bouw", "--pdf", "--archief", "--uitvoer", str(out)]) == 0
    return PdfBuild(out, fake.calls, printed.getvalue())


def test_every_document_of_every_school_goes_to_one_conversion(pdf_build: PdfBuild) -> None:
    out = pdf_build.out
    assert len(pdf_build.calls) == 1
    staged = sorted((source.parent.name.partition("-")[2], source.name) for source, _ in pdf_build.calls[0])
    assert staged == [(school, f"{stem}.docx") for school in SCHOOLS for stem in DOCUMENTS], (
        "every school's documents (not its forms), in their staged folders"
    )
    assert all(target == source.with_suffix(".pdf") for source, target in pdf_build.calls[0])
    _assert_pdfs_everywhere(out)
    for school in SCHOOLS:  # the Word files in the site are the ones the conversion finished
        assert (
            "customXml/ingevuld.xml"
            in zipfile.ZipFile(out / "site" / school / "downloads" / f"{DOCUMENTS[0]}.docx").namelist()
        )
    assert TIMING.search(pdf_build.printed)


def test_the_exported_sources_get_the_pdfs_too(tmp_path: Path, conversion: FakeConversion) -> None:
    report = build(
        BuildOptions(
            policy=ROOT / "policy",
            output_root=tmp_path / "uit",
            pdf=True,
            sources=tmp_path / "bronnen",
            only=("vlinderboom",),
        )
    )
    assert report.built == ["vlinderboom"] and report.pdf_documents == 3 and len(conversion.calls) == 1
    downloads = tmp_path / "bronnen" / "vlinderboom" / "docs" / "downloads"
    for name in (f"{stem}{suffix}" for stem in DOCUMENTS for suffix in (".pdf", ".docx")):
        assert (downloads / name).read_bytes() == (
            tmp_path / "uit" / "documenten" / "vlinderboom" / name
        ).read_bytes()


def test_schools_built_on_dask_are_converted_once_by_the_driver(
    pdf_build: PdfBuild, tmp_path: Path, conversion: FakeConversion, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed", reason="de extra 'dask' is niet geïnstalleerd")
    kept = site._BuiltSites(limit=0)  # MkDocs builds the sites on the cluster: two real builds compared
    monkeypatch.setattr(site, "_BUILT_SITES", kept)
    monkeypatch.setattr(word, "_WRITTEN", Kept(0))  # and every Word document is filled there anew
    with local_cluster(distributed) as cluster:
        remote = build(
            BuildOptions(
                policy=ROOT / "policy",
                output_root=tmp_path / "dask",
                pdf=True,
                archive=True,
                dask=cluster.scheduler_address,
            )
        )
    assert len(conversion.calls) == 1, "one conversion per build"
    assert remote.pdf_documents == 9
    _assert_pdfs_everywhere(tmp_path / "dask")
    assert kept.restored == 0
    assert _digests(tmp_path / "dask") == _digests(pdf_build.out), "the same bytes as a local build"


def test_a_failing_libreoffice_leaves_every_earlier_output(
    pdf_build: PdfBuild,
    tmp_path: Path,
    conversion: FakeConversion,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "uit"
    shutil.copytree(pdf_build.out, out)  # a complete earlier --pdf build
    argv = ["bouw", "--pdf", "--archief", "--uitvoer", str(out)]
    before = _digests(out)

    def failing(pairs: Sequence[tuple[Path, Path]], *, pdfa: bool = False) -> list[Path]:
        raise BuildFailed("LibreOffice kon de PDF-bestanden niet maken: kapot", "draait LibreOffice goed?")

    monkeypatch.setattr(pdf, "convert_pairs", failing)
    assert main([*argv, "--opnieuw"]) == 1
    assert "fout: LibreOffice kon de PDF-bestanden niet maken: kapot" in capsys.readouterr().err
    assert _digests(out) == before
    assert not list((out / WORK_FOLDER).glob("bouw-*")), "the staging area is cleared"


def test_a_missing_libreoffice_is_said_before_any_school_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(chosen: object = None) -> str:
        raise ToolMissing("LibreOffice (soffice)", pdf.install_hint())

    def never(job: object) -> object:
        raise AssertionError("a school was built although the PDFs cannot be made")

    monkeypatch.setattr(pdf, "find_soffice", missing)
    monkeypatch.setattr(school_build, "build_school", never)
    assert main(["bouw", "--pdf", "--uitvoer", str(tmp_path / "uit")]) == 1
    assert "LibreOffice (soffice) is niet gevonden" in capsys.readouterr().err
    assert not (tmp_path / "uit" / "documenten").exists()


def test_the_report_carries_the_seconds_per_pdf() -> None:
    report = building.BuildReport()
    assert report.pdf_documents == 0 and report.seconds_per_pdf == 0.0
    report.pdf_documents, report.pdf_seconds = 4, 6.0
    assert report.seconds_per_pdf == 1.5
