"""PDF through LibreOffice: every generated .docx converts, with a filled table of contents."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from support import require_program
from word_fixture import MASTER, SCHOOL, documents, meta

from schoolveiligheid.errors import BuildFailed, ToolMissing
from schoolveiligheid.writers import pdf as pdf_writer
from schoolveiligheid.writers.pdf import convert_to_pdf
from schoolveiligheid.writers.word import WordWriter


def pdf_text(pdftotext: str, pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    run = subprocess.run(
        [pdftotext, "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return run.stdout


def test_every_generated_docx_converts_with_a_filled_table_of_contents(tmp_path: Path) -> None:
    require_program("soffice", "libreoffice")
    pdftotext = require_program("pdftotext")
    writer = WordWriter()
    docx_files = writer.write(documents(), tmp_path / "word", MASTER)
    docx_files += writer.write(
        documents(meta(school_name="Basisschool Het Baken", status="concept", adopted_on=""))[:1],
        tmp_path / "word-concept",
        MASTER,
    )
    renamed = docx_files[-1].with_name("concept-plan.docx")
    docx_files[-1].rename(renamed)
    docx_files[-1] = renamed

    pdfs = convert_to_pdf(docx_files, tmp_path / "pdf")

    assert [pdf.name for pdf in pdfs] == [f"{path.stem}.pdf" for path in docx_files]
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF-")
    plan = pdf_text(pdftotext, pdfs[0])
    assert SCHOOL in plan and "Sociaal veiligheidsplan" in plan
    assert "De leerkracht spreekt met de betrokken leerlingen." in plan
    assert re.search(r"pagina 2 van \d+", plan), "PAGE and NUMPAGES are filled in the footer"
    contents = pdf_text(pdftotext, pdfs[0], page=2)
    assert "Inhoud" in contents
    # Two levels (issue 13): 'Bereikbaarheid' is a third-level heading and no longer listed.
    for title in ("Inleiding", "Melden en aanpak", "Afspraken en rollen", "Stappen bij een melding"):
        assert re.search(rf"^\s*{title}[ .…]*\d+\s*$", contents, re.MULTILINE), f"no page number for {title}"
    assert "wordt bijgewerkt" not in contents
    assert not re.search(r"^\s*Bereikbaarheid[ .…]*\d+\s*$", contents, re.MULTILINE)
    numbers = [
        int(n)
        for n in re.findall(
            r"^\s*(?:Inleiding|Melden en aanpak|Afspraken en rollen)[ .…]*(\d+)\s*$", contents, re.M
        )
    ]
    assert numbers == sorted(numbers) and numbers[0] >= 3, "chapters start after the cover and the contents"
    gids = pdf_text(pdftotext, pdfs[2])
    assert "Inhoud" not in gids and "We lossen ruzies samen op." in gids
    concept = pdf_text(pdftotext, pdfs[3])
    assert concept.upper().count("CONCEPT") >= 3, "the marking on the cover and in the header of every page"
    assert "Basisschool Het Baken" in concept


def test_a_broken_docx_fails_with_a_dutch_message(tmp_path: Path) -> None:
    require_program("soffice", "libreoffice")
    (good,) = WordWriter().write(documents()[2:], tmp_path, MASTER)
    broken = tmp_path / "kapot.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[: len(data) // 2] if name == "word/document.xml" else data)
    out = tmp_path / "pdf"
    with pytest.raises(
        BuildFailed, match="LibreOffice kon niet alle Word-bestanden omzetten naar PDF"
    ) as caught:
        convert_to_pdf([good, broken], out)
    assert "kapot.docx" in caught.value.message
    assert not list(out.glob("*.pdf")), "all PDFs or none"


def test_a_file_that_is_no_docx_is_refused_before_libreoffice_starts(tmp_path: Path) -> None:
    text = tmp_path / "notitie.docx"
    text.write_text("dit is geen Word-bestand", encoding="utf-8")
    with pytest.raises(BuildFailed, match="geen geldig Word-bestand"):
        convert_to_pdf([text], tmp_path / "pdf")
    with pytest.raises(BuildFailed, match="bestaat niet"):
        convert_to_pdf([tmp_path / "weg.docx"], tmp_path / "pdf")
    assert convert_to_pdf([], tmp_path / "pdf") == []


def test_missing_libreoffice_is_reported_with_an_install_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (docx_file,) = WordWriter().write(documents()[2:], tmp_path, MASTER)
    # A computer without LibreOffice: not on the PATH, not in any standard install location.
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    monkeypatch.delenv("SCHOOLVEILIGHEID_SOFFICE", raising=False)
    monkeypatch.setattr(pdf_writer, "STANDARD_PLACES", {system: () for system in pdf_writer.STANDARD_PLACES})
    with pytest.raises(ToolMissing) as caught:
        convert_to_pdf([docx_file], tmp_path / "pdf")
    assert "apt install libreoffice-writer-nogui python3-uno" in caught.value.hint
