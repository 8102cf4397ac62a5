"""Unfinished text: in the YAML at its line, in generated chapters by document and chapter."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_fixture import COMPLETE_SCHOOL, changed, findings, load, rules
from policies import line_of

from schoolveiligheid.build import findings_for, today
from schoolveiligheid.checks import check_rendered, check_school
from schoolveiligheid.documents import Chapter, DocumentMeta, RenderedDocument, SitePage
from schoolveiligheid.model import SchoolModel
from schoolveiligheid.render import RenderedSchool

RESIDUE = [
    (
        "tekst-invulplek",
        "Neem contact op met <naam>.",
        "Kijk op <https://www.testhoeve.example> of mail <info@testhoeve.example>.",
    ),
    (
        "tekst-invulplek",
        "Meld het bij <juf ….>",
        "Lees [de regeling](https://www.testhoeve.example/regeling).",
    ),
    (
        "tekst-puntjes",
        "Het pestprotocol ligt ter inzage bij .....",
        "We spelen buiten, lezen, rekenen enzovoort...",
    ),
    ("tekst-puntjes", "De partners zijn de GGD, de wijkagent, …", "De partners zijn de GGD en de wijkagent."),
    ("tekst-todo", "TODO: aanvullen na de teamvergadering.", "De kinderen maken een to-do-lijst."),
    ("tekst-todo", "Contactpersoon: XXX", "Contactpersoon: de leerkracht"),
    ("tekst-groep-x", "De lessen zijn in groep X.", "De lessen zijn in groep 7."),
    (
        "tekst-aanpassen",
        "We gebruiken de volgende media (per school aanpassen!).",
        "We gebruiken de schoolapp.",
    ),
    ("tekst-in-ontwikkeling", "Onze website is nog in ontwikkeling.", "Onze website is vernieuwd."),
    ("tekst-in-ontwikkeling", "Rots en Water (in ontwikkeling).", "Rots en Water voor groep 6 tot en met 8."),
    (
        "tekst-opmerking",
        "De contactpersonen zijn: Comment by Jan: navragen",
        "De contactpersonen staan op de website.",
    ),
    ("tekst-opmerking", "[image: plein.jpg] Het plein", "Op het plein zijn twee volwassenen."),
    ("tekst-vraag", "We monitoren ook in groep 6?", "Wat is pesten? Dat staat in het protocol."),
]


def _with_vision(text: str) -> str:
    return COMPLETE_SCHOOL + f"identiteit:\n  visie: |\n    Eerste regel van de visie.\n    {text}\n"


@pytest.mark.parametrize(
    ("rule", "failing", "passing"), RESIDUE, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(RESIDUE)]
)
def test_unfinished_text_in_the_yaml_is_found_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: str, failing: str, passing: str
) -> None:
    monkeypatch.chdir(tmp_path)
    school = _with_vision(failing)
    found = [finding for finding in findings(tmp_path, school) if finding.rule == rule]
    assert len(found) == 1, found
    assert found[0].severity == "fout"
    assert found[0].where == f"policy/school.yaml:{line_of(school, failing)}: identiteit.visie"
    assert rule not in rules(findings(tmp_path / "goed", _with_vision(passing)))


def test_one_line_values_and_lists_are_checked_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    school = changed(COMPLETE_SCHOOL, "    groepen: 1-8\n", "    groepen: 1-8\n    wanneer: in groep X\n")
    school += "regels:\n  omgangsnormen:\n    - We zijn aardig.\n    - Zeggen we sorry?\n"
    found = {finding.rule: finding.where for finding in findings(tmp_path, school)}
    assert (
        found["tekst-groep-x"]
        == f"policy/school.yaml:{line_of(school, 'wanneer: in groep X')}: methoden[0].wanneer"
    )
    assert (
        found["tekst-vraag"]
        == f"policy/school.yaml:{line_of(school, 'Zeggen we sorry?')}: regels.omgangsnormen[1]"
    )


def test_status_fields_titles_and_open_points_are_not_unfinished_text(tmp_path: Path) -> None:
    school = changed(COMPLETE_SCHOOL, "    groepen: 1-8\n", "    groepen: 1-8\n    status: in_ontwikkeling\n")
    school = changed(school, "    - titel: Gesprek\n", "    - titel: Wat doet de leerkracht?\n")
    school = changed(
        school,
        "  status: vastgesteld\n  mr_instemming_op: 2026-09-01\n  vastgesteld_op: 2026-09-08\n",
        "  status: concept\n  open_punten:\n    - Kiezen we KiVa of de Vreedzame School?\n",
    )
    assert rules(findings(tmp_path, school)) == {"concept", "open-punt"}


def _document(*chapters: tuple[str, str]) -> RenderedDocument:
    meta = DocumentMeta("testschool", "De Testhoeve", "Stichting", "2026-2027", "1.0", "vastgesteld", "", "")
    return RenderedDocument(
        "veiligheidsplan",
        "Sociaal veiligheidsplan",
        "sociaal-veiligheidsplan",
        meta,
        (
            *(Chapter(title.lower(), title, markdown) for title, markdown in chapters),
            # Every plan has this legal chapter (checks/chapters.py); it says nothing unfinished.
            Chapter(
                "meldplicht-zedendelicten", "Meldplicht", "# Meldplicht\n\nWe melden dit bij het bestuur.\n"
            ),
        ),
    )


@pytest.fixture
def school(tmp_path: Path) -> SchoolModel:
    return load(tmp_path)


@pytest.fixture
def unfinished_school(tmp_path: Path) -> SchoolModel:
    return load(tmp_path, _with_vision("Bel <naam> als er iets is."))


@pytest.mark.parametrize(
    ("rule", "markdown"),
    [
        ("tekst-invulplek", "# Monitoring\n\nDe monitor wordt afgenomen door &lt;naam&gt;.\n"),
        ("tekst-puntjes", "# Monitoring\n\nWe nemen de monitor af in groep ......\n"),
        ("tekst-puntjes", "# Monitoring\n\n- de GGD\n- …\n"),
        ("tekst-todo", "# Monitoring\n\nTODO monitor kiezen.\n"),
        ("tekst-groep-x", "# Monitoring\n\nDe lessen zijn in groep X.\n"),
        ("tekst-aanpassen", "# Monitoring\n\nDe regels (per school aanpassen) staan hieronder.\n"),
        ("tekst-in-ontwikkeling", "# Monitoring\n\nDit onderdeel is nog in ontwikkeling.\n"),
        ("tekst-vraag", "# Monitoring\n\nNemen we de monitor ook in groep 6 af?\n"),
    ],
)
def test_unfinished_generated_text_names_document_and_chapter(
    school: SchoolModel, rule: str, markdown: str
) -> None:
    found = check_rendered(
        school, [_document(("Inleiding", "# Inleiding\n\nWelkom.\n"), ("Monitoring", markdown))]
    )
    assert [(finding.rule, finding.where) for finding in found] == [
        (rule, "Sociaal veiligheidsplan, hoofdstuk Monitoring")
    ]
    assert "sjabloon" in found[0].hint


@pytest.mark.parametrize(
    "markdown",
    [
        "# Wat is pesten?\n\nPesten is iets anders dan plagen.\n",
        "# Aanpak\n\n## Rots en Water (in ontwikkeling)\n\n| Rots en Water (in ontwikkeling) | groep 6 t/m 8 |\n",
        "# Contact\n\nMail [info@testhoeve.example](mailto:info@testhoeve.example) of kijk op <https://www.testhoeve.example>.\n",
        '# Aanpak\n\n!!! note "Wat doet u als uw kind gepest wordt?"\n    Neem contact op met de leerkracht.\n',
        "# Tekst\n\nWe lezen, rekenen enzovoort...\n",
    ],
)
def test_headings_statuses_and_links_in_generated_text_pass(school: SchoolModel, markdown: str) -> None:
    assert check_rendered(school, [_document(("Tekst", markdown))]) == []


def test_residue_from_the_yaml_is_reported_once_at_its_line(unfinished_school: SchoolModel) -> None:
    rendered = _document(("Visie", "# Visie\n\nBel &lt;naam&gt; als er iets is.\n"))
    assert check_rendered(unfinished_school, [rendered]) == []
    assert [finding.rule for finding in check_school(unfinished_school, today())] == ["tekst-invulplek"]


def test_site_pages_are_checked(school: SchoolModel) -> None:
    (finding,) = check_rendered(school, [], [SitePage("contact", "Contact", "# Contact\n\nBel XXX.\n")])
    assert finding.where == "website, pagina Contact"


@pytest.mark.parametrize("school_id", ["vlinderboom", "kompasroos"])
def test_example_schools_have_no_findings_at_all(
    example_schools: dict[str, SchoolModel], example_rendered: dict[str, RenderedSchool], school_id: str
) -> None:
    assert findings_for(example_schools[school_id], example_rendered[school_id]) == []


def test_concept_example_only_reports_its_concept_status(
    example_schools: dict[str, SchoolModel], example_rendered: dict[str, RenderedSchool]
) -> None:
    found = findings_for(example_schools["zonnewijzer"], example_rendered["zonnewijzer"])
    assert [finding.rule for finding in found] == ["concept", "open-punt", "open-punt"]
    assert {finding.severity for finding in found} == {"waarschuwing"}


def test_generated_text_of_every_example_was_checked(example_rendered: dict[str, RenderedSchool]) -> None:
    # The example checks above only mean something if the documents have chapters to read.
    for rendered in example_rendered.values():
        assert sum(len(document.chapters) for document in rendered.documents) >= 10
        assert rendered.site_pages
