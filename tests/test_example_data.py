"""Example data in a real policy: a copied example no longer passes (issue 14, point 2).

The names, numbers and addresses come from the bundled example itself; reserved test domains
(RFC 2606, RFC 6761) are found in any text. An adopted school gets a fout, a concept a
waarschuwing, and a policy that says `voorbeeld: true` gets neither.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from policies import BOARD, SCHOOL, line_of, policy_tree

from schoolveiligheid.checks import check_school
from schoolveiligheid.checks.example import example_data, example_values
from schoolveiligheid.clock import today
from schoolveiligheid.model import load_schools
from schoolveiligheid.paths import EXAMPLE_POLICY

REAL_BOARD = BOARD.replace("voorbeeld: true\n", "")


def _example_findings(folder: Path, school_id: str) -> list:
    (school,) = [model for model in load_schools(folder) if model.id == school_id]
    return [finding for finding in check_school(school, today()) if finding.rule == "voorbeeldgegevens"]


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example copied as a new school would copy it, without `voorbeeld: true`."""
    folder = tmp_path_factory.mktemp("kopie") / "policy"
    shutil.copytree(EXAMPLE_POLICY, folder)
    board = folder / "bestuur.yaml"
    text = board.read_text(encoding="utf-8")
    assert "\nvoorbeeld: true\n" in text
    board.write_text(text.replace("\nvoorbeeld: true\n", "\n"), encoding="utf-8")
    return folder


def test_a_copied_example_gets_fouten_naming_file_line_and_key(copied: Path) -> None:
    findings = _example_findings(copied, "vlinderboom")
    assert findings and all(finding.severity == "fout" for finding in findings)
    school = (copied / "vlinderboom.yaml").read_text(encoding="utf-8")
    where = {finding.where: finding.message for finding in findings}
    name_line = line_of(school, "naam: Hanneke Smit")
    assert (
        "Hanneke Smit (naam uit het voorbeeld)"
        in where[f"{copied}/vlinderboom.yaml:{name_line}: personen[0].naam"]
    )
    phone_line = line_of(school, "telefoon: 0123 456 710")
    assert (
        "0123 456 710 (nummer uit het voorbeeld)"
        in where[f"{copied}/vlinderboom.yaml:{phone_line}: school.telefoon"]
    )
    mail_line = line_of(school, "email: info@devlinderboom.example")
    assert "info@devlinderboom.example" in where[f"{copied}/vlinderboom.yaml:{mail_line}: school.email"]
    board = (copied / "bestuur.yaml").read_text(encoding="utf-8")
    confidant = line_of(board, "naam: Karin Mulder")
    assert "Karin Mulder" in where[f"{copied}/bestuur.yaml:{confidant}: personen[0].naam"]
    assert all("generate.py nieuw" in finding.hint for finding in findings)


def test_the_copy_cannot_be_built_as_an_adopted_plan(copied: Path, tmp_path: Path) -> None:
    from schoolveiligheid.build import BuildOptions, build

    report = build(BuildOptions(policy=copied, output_root=tmp_path, only=("vlinderboom",)))
    assert "vlinderboom" not in report.built
    assert not (tmp_path / "documenten" / "vlinderboom").exists()


def test_a_concept_gets_waarschuwingen(tmp_path: Path) -> None:
    school = SCHOOL.replace("  status: vastgesteld\n", "  status: concept\n")
    findings = _example_findings(policy_tree(tmp_path, school, REAL_BOARD), "testschool")
    assert findings and {finding.severity for finding in findings} == {"waarschuwing"}


def test_voorbeeld_true_suppresses_the_finding(tmp_path: Path) -> None:
    assert "voorbeeld: true" in BOARD
    assert _example_findings(policy_tree(tmp_path), "testschool") == []
    assert _example_findings(EXAMPLE_POLICY, "vlinderboom") == []


def test_an_adopted_test_school_with_test_domains_gets_fouten(tmp_path: Path) -> None:
    findings = _example_findings(policy_tree(tmp_path, SCHOOL, REAL_BOARD), "testschool")
    mail = line_of(SCHOOL, "email: info@testhoeve.example")
    assert any(
        finding.severity == "fout" and finding.where.endswith(f"school.yaml:{mail}: school.email")
        for finding in findings
    )


def test_a_line_of_a_block_text_is_named(tmp_path: Path) -> None:
    school = SCHOOL.replace(
        "document:\n",
        "identiteit:\n  visie: |\n    Eerste regel.\n    Mail ons op hallo@school.test als u vragen heeft.\ndocument:\n",
    )
    findings = _example_findings(policy_tree(tmp_path, school, REAL_BOARD), "testschool")
    line = line_of(school, "hallo@school.test")
    assert any(
        finding.where.endswith(f"school.yaml:{line}: identiteit.visie")
        and "hallo@school.test" in finding.message
        for finding in findings
    )


@pytest.mark.parametrize(
    "text",
    [
        "info@school.example",
        "https://www.school.example/contact",
        "mail naar iemand@example.org",
        "zie www.example.com",
        "https://example.net",
        "info@school.test",
        "http://intranet.invalid/pad",
        "http://localhost:8000",
        "post@school.localhost",
    ],
)
def test_reserved_domains_are_detected(text: str) -> None:
    assert example_values(text, example_data()), text


@pytest.mark.parametrize(
    "text",
    [
        "info@school.nl",
        "https://www.example-school.nl",
        "een test op school",
        "bijv.test",  # not an address
        "https://www.test.nl",
        "de schooltest.nl",
        "Bel de politie: 0900 8844",  # a real service number in the example is no example data
        "Karin Mulders",
    ],
)
def test_real_text_is_not_example_data(text: str) -> None:
    assert example_values(text, example_data()) == [], text


def test_the_example_values_come_from_the_example_policy() -> None:
    found = example_values(
        "Hanneke Smit, 0123-456710 of +31 123 456 710, H.Smit@devlinderboom.example", example_data()
    )
    assert found == [
        "Hanneke Smit (naam uit het voorbeeld)",
        "0123-456710 (nummer uit het voorbeeld)",
        "+31 123 456 710 (nummer uit het voorbeeld)",
        "H.Smit@devlinderboom.example (adres uit het voorbeeld)",
    ]


def _marks(out: Path, school: str) -> tuple[str, str, str, str]:
    """(cover text, footer text, a site page, the start page) of a built school."""
    import zipfile

    with zipfile.ZipFile(out / "documenten" / school / "sociaal-veiligheidsplan.docx") as archive:
        cover = archive.read("word/document.xml").decode("utf-8")
        footers = "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/footer")
        )
    site = out / "site" / school
    return (
        cover,
        footers,
        (site / "contact.html").read_text("utf-8"),
        (site / "index.html").read_text("utf-8"),
    )


def test_an_example_says_so_on_its_cover_footer_and_site(tmp_path: Path) -> None:
    from schoolveiligheid.build import BuildOptions, build

    build(BuildOptions(policy=EXAMPLE_POLICY, output_root=tmp_path / "voorbeeld", only=("vlinderboom",)))
    cover, footers, page, start = _marks(tmp_path / "voorbeeld", "vlinderboom")
    assert "VOORBEELD – verzonnen school, geen echt beleid" in cover
    assert "Voorbeeld · Schooljaar 2026-2027" in footers
    assert 'class="md-banner' in page and "<strong>Voorbeeld</strong>: een verzonnen school" in page
    assert "de telefoonnummers en de adressen op deze website zijn verzonnen" in start

    from checks_fixture import COMPLETE_BOARD, COMPLETE_SCHOOL

    real_board = COMPLETE_BOARD.replace("voorbeeld: true\n", "").replace(".example", ".nl")
    folder = policy_tree(tmp_path, COMPLETE_SCHOOL.replace(".example", ".nl"), real_board)
    assert build(BuildOptions(policy=folder, output_root=tmp_path / "echt")).built == ["testschool"]
    cover, footers, page, start = _marks(tmp_path / "echt", "testschool")
    assert "VOORBEELD" not in cover and "Voorbeeld" not in footers
    assert "md-banner" not in page and "verzonnen" not in start
