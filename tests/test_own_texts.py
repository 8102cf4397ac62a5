"""A school's own texts (eigen_teksten): Markdown files placed in the documents, on the site and in the checks.

Also the school's own description of a catalogue approach, and the rule that only a school that
says it developed an activity (`zelf_ontwikkeld`) gets that claim in its plan.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from policies import BOARD, SCHOOL, line_of, policy_tree

from schoolveiligheid.build import BuildOptions, build, findings_for
from schoolveiligheid.cli import main
from schoolveiligheid.context import build_context
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools
from schoolveiligheid.model.school import SchoolModel
from schoolveiligheid.render import RenderedSchool, Renderer

STEUNGROEP = """\
## Onze eigen steungroep

Wij werken met een steungroep van zes kinderen.

### Wat ouders horen

Ouders horen het na het eerste gesprek.
"""
PRAATKAART = """\
# De praatkaart

Vier vragen op een kaart, voor elke groep.

## Wie de kaart gebruikt

Alle leerkrachten.
"""
KRING = """\
# Kringgesprek op maandag

Elke maandag begint met een kring.
"""


def _own(entries: str) -> str:
    return SCHOOL + "eigen_teksten:\n" + entries


THREE_PLACES = _own(
    "  - bestand: teksten/steungroep.md\n"
    "    plaats: vervangt pestprotocol/curatieve-aanpak#onze-afspraken-bij-de-aanpak\n"
    "  - bestand: teksten/kring.md\n"
    "    plaats: na veiligheidsplan/inleiding\n"
    "  - bestand: teksten/praatkaart.md\n"
    "    plaats: bijlage veiligheidsplan\n"
)
TEXTS = {"teksten/steungroep.md": STEUNGROEP, "teksten/praatkaart.md": PRAATKAART, "teksten/kring.md": KRING}


def _load(
    tmp_path: Path, school: str, extra: dict[str, str] | None = None, board: str = BOARD
) -> SchoolModel:
    return load_schools(policy_tree(tmp_path, school, board, extra=extra))[0]


def _render(school: SchoolModel) -> RenderedSchool:
    return Renderer().render_school(build_context(school), school.template_dirs)


def _document(rendered: RenderedSchool, kind: str) -> list[tuple[str, str]]:
    document = next(document for document in rendered.documents if document.kind == kind)
    return [(chapter.title, chapter.markdown) for chapter in document.chapters]


def _problems(tmp_path: Path, school: str, extra: dict[str, str], render: bool = False) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        model = _load(tmp_path, school, extra)
        if render:
            _render(model)
    return [str(problem) for problem in caught.value.problems]


def test_the_three_placements_reach_the_rendered_documents(tmp_path: Path) -> None:
    rendered = _render(_load(tmp_path, THREE_PLACES, TEXTS))
    protocol = dict(_document(rendered, "pestprotocol"))
    curative = protocol["Aanpak als er gepest wordt"]
    assert "## Onze eigen steungroep" in curative and "### Wat ouders horen" in curative
    assert "Onze afspraken bij de aanpak" not in curative  # the replaced section is gone
    plan = _document(rendered, "veiligheidsplan")
    titles = [title for title, _ in plan]
    assert titles[titles.index("Kringgesprek op maandag") - 1] == "Inleiding"
    assert titles[-1] == "Bijlage A – De praatkaart"
    assert plan[-1][1].startswith("# Bijlage A – De praatkaart\n")
    assert "## Wie de kaart gebruikt" in plan[-1][1]


def test_headings_are_shifted_under_the_place(tmp_path: Path) -> None:
    deep = "# Onze werkwijze\n\nTekst.\n\n## Stap een\n\nMeer.\n"
    school = _own(
        "  - bestand: teksten/werkwijze.md\n    plaats: vervangt veiligheidsplan/inleiding#voor-wie-dit-plan-is\n"
    )
    plan = dict(
        _document(_render(_load(tmp_path, school, {"teksten/werkwijze.md": deep})), "veiligheidsplan")
    )
    vision = plan["Inleiding"]
    assert "\n## Onze werkwijze\n" in vision and "\n### Stap een\n" in vision


def test_a_replacement_without_heading_keeps_the_standard_title(tmp_path: Path) -> None:
    school = _own("  - bestand: teksten/visie.md\n    plaats: vervangt veiligheidsplan/inleiding\n")
    plan = _document(
        _render(_load(tmp_path, school, {"teksten/visie.md": "Wij zijn een school.\n"})), "veiligheidsplan"
    )
    vision = next((title, text) for title, text in plan if "Wij zijn een school." in text)
    assert vision[0] == "Inleiding" and vision[1].startswith("# Inleiding\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("eigen")
    concept = THREE_PLACES.replace(
        "status: vastgesteld", "status: concept"
    )  # the test school is not complete
    report = build(BuildOptions(policy=policy_tree(root, concept, extra=TEXTS), output_root=root / "uit"))
    assert report.built == ["testschool"]
    return root / "uit"


def test_own_texts_are_headings_in_word_and_in_its_table_of_contents(built: Path) -> None:
    folder = built / "documenten" / "testschool"
    with zipfile.ZipFile(folder / "sociaal-veiligheidsplan.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", body, re.DOTALL)

    def styles_of(text: str) -> set[str]:
        found = [p for p in paragraphs if text == "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)).strip()]
        return {match[1] for p in found if (match := re.search(r'<w:pStyle w:val="([^"]+)"', p))}

    # A real heading, and an entry in the table of contents (filled in, and updated by Word).
    assert {"Heading1", "TOC1"} <= styles_of("Bijlage A – De praatkaart")
    assert {"Heading1", "TOC1"} <= styles_of("Kringgesprek op maandag")
    assert "Heading2" in styles_of("Wie de kaart gebruikt")
    with zipfile.ZipFile(folder / "anti-pestprotocol.docx") as docx:
        protocol = docx.read("word/document.xml").decode("utf-8")
    assert "Onze eigen steungroep" in protocol and "Onze afspraken bij de aanpak" not in protocol


def test_own_texts_are_site_pages_in_the_navigation_and_the_search(built: Path) -> None:
    site = built / "site" / "testschool"
    appendix = site / "sociaal-veiligheidsplan" / "bijlage-a-de-praatkaart.html"
    assert "Vier vragen op een kaart" in appendix.read_text("utf-8")
    start = (site / "index.html").read_text("utf-8")
    assert "Bijlage A – De praatkaart" in start and "Kringgesprek op maandag" in start  # the navigation
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(entry["text"] + " " + entry["title"] for entry in index["docs"])
    assert "Vier vragen op een kaart" in text and "Elke maandag begint met een kring" in text
    assert "Wij werken met een steungroep van zes kinderen" in text


def test_unfinished_text_in_an_own_text_is_reported_at_its_file_and_line(tmp_path: Path) -> None:
    school = _own("  - bestand: teksten/kring.md\n    plaats: na veiligheidsplan/inleiding\n")
    text = "# Kring\n\nEerste regel.\n\nTODO: tijden invullen.\n"
    model = _load(tmp_path, school, {"teksten/kring.md": text})
    findings = [f for f in findings_for(model, _render(model)) if f.rule == "tekst-todo"]
    assert len(findings) == 1, findings
    shown = str(findings[0])
    assert "teksten/kring.md:5" in shown and "eigen_teksten" in shown


def test_hostile_content_is_refused_or_shown_literally(tmp_path: Path) -> None:
    school = _own("  - bestand: teksten/kring.md\n    plaats: na veiligheidsplan/inleiding\n")
    literal = (
        "# Kring\n\nDe som {{ 7*7 }} en {% if x %} blijven staan.\n\nEen <script>alert(1)</script> ook.\n"
    )
    plan = dict(_document(_render(_load(tmp_path, school, {"teksten/kring.md": literal})), "veiligheidsplan"))
    assert "{{ 7*7 }}" in plan["Kring"] and "{% if x %}" in plan["Kring"] and "49" not in plan["Kring"]
    assert "&lt;script&gt;" in plan["Kring"] and "<script>" not in plan["Kring"]
    link = "# Kring\n\nKlik [hier](javascript:alert(1)).\n"
    problems = _problems(tmp_path / "link", school, {"teksten/kring.md": link})
    assert any("teksten/kring.md:3" in problem and "javascript:alert(1)" in problem for problem in problems)
    code = "# Kring\n\n    ingesprongen code\n"
    problems = _problems(tmp_path / "code", school, {"teksten/kring.md": code})
    assert any("teksten/kring.md" in problem and "codeblok" in problem for problem in problems)


def test_an_unknown_place_is_a_dutch_error_with_a_suggestion(tmp_path: Path) -> None:
    school = _own("  - bestand: teksten/kring.md\n    plaats: na veiligheidsplan/inleidnig\n")
    problems = _problems(tmp_path, school, {"teksten/kring.md": KRING}, render=True)
    assert len(problems) == 1
    line = line_of(school, "plaats: na veiligheidsplan/inleidnig")
    assert f"school.yaml:{line}: eigen_teksten[0].plaats" in problems[0]
    assert "onbekende plaats" in problems[0] and "bedoelde je 'inleiding'?" in problems[0]
    assert "generate.py plaatsen --school testschool" in problems[0]


def test_a_wrong_form_or_document_is_reported_at_load(tmp_path: Path) -> None:
    school = _own("  - bestand: teksten/kring.md\n    plaats: bijlage pestprotocl\n")
    problems = _problems(tmp_path, school, {"teksten/kring.md": KRING})
    assert any(
        "onbekend document 'pestprotocl'" in p and "bedoelde je 'pestprotocol'?" in p for p in problems
    )
    school = _own("  - bestand: teksten/kring.md\n    plaats: achter veiligheidsplan/visie\n")
    problems = _problems(tmp_path / "vorm", school, {"teksten/kring.md": KRING})
    assert any("is geen plaats" in p and "vervangt <document>/<hoofdstuk>" in p for p in problems)


@pytest.mark.parametrize("path", ["../buiten.md", "/etc/passwd", "teksten/link.md"])
def test_a_path_outside_the_folder_is_refused(tmp_path: Path, path: str) -> None:
    outside = tmp_path / "buiten.md"
    outside.write_text("# Buiten\n", encoding="utf-8")
    school = _own(f"  - bestand: {path}\n    plaats: bijlage veiligheidsplan\n")
    folder = policy_tree(tmp_path, school)
    (folder / "teksten").mkdir()
    (folder / "teksten" / "link.md").symlink_to(outside)
    with pytest.raises(InvalidInput) as caught:
        load_schools(folder)
    shown = str(caught.value.problems[0])
    assert "eigen_teksten[0].bestand" in shown and "kan niet worden gebruikt" in shown


def test_a_boards_own_text_applies_unless_the_school_replaces_it(tmp_path: Path) -> None:
    board = (
        BOARD
        + "eigen_teksten:\n  - bestand: bestuur/visie.md\n    plaats: vervangt veiligheidsplan/inleiding\n"
    )
    files = {"bestuur/visie.md": "# Visie van het bestuur\n\nSamen veilig.\n"}
    plan = [
        title for title, _ in _document(_render(_load(tmp_path, SCHOOL, files, board)), "veiligheidsplan")
    ]
    assert "Visie van het bestuur" in plan
    school = _own("  - bestand: eigen/visie.md\n    plaats: vervangt veiligheidsplan/inleiding\n")
    files["eigen/visie.md"] = "# Visie van de school\n\nOnze eigen woorden.\n"
    plan = [
        title
        for title, _ in _document(_render(_load(tmp_path / "b", school, files, board)), "veiligheidsplan")
    ]
    assert "Visie van de school" in plan and "Visie van het bestuur" not in plan


def test_plaatsen_lists_chapters_and_sections_with_their_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = policy_tree(tmp_path, SCHOOL)
    assert main(["plaatsen", "--policy", str(folder), "--school", "testschool"]) == 0
    out = capsys.readouterr().out
    assert "Sociaal veiligheidsplan  (bijlagen: bijlage veiligheidsplan)" in out
    assert "\n  veiligheidsplan/inleiding  (Inleiding)" in out
    assert (
        "\n    pestprotocol/curatieve-aanpak#onze-afspraken-bij-de-aanpak  (Onze afspraken bij de aanpak)"
        in out
    )
    assert "schoolgids/sociale-veiligheid" in out


def test_a_schools_description_of_an_approach_replaces_the_catalogue_text(tmp_path: Path) -> None:
    school = SCHOOL.replace(
        "    methoden: [opa]\n",
        "    methoden: [opa]\n"
        "    beschrijvingen:\n"
        "      - id: opa\n"
        "        tekst: Bij ons betekent dit vooral praten in de kring.\n"
        "        stappen: [Eerst luisteren, Dan afspreken]\n",
    )
    rendered = _render(_load(tmp_path, school))
    catalogue = _load(tmp_path / "standaard", SCHOOL).catalogue["opa"].text.split("\n")[0][:40]
    every = "\n".join(
        text for document in rendered.documents for _, text in _document(rendered, document.kind)
    )
    assert "Bij ons betekent dit vooral praten in de kring." in every and "Eerst luisteren" in every
    assert catalogue not in every
    wrong = SCHOOL.replace(
        "    methoden: [opa]\n",
        "    methoden: [opa]\n    beschrijvingen:\n      - {id: no_blame, tekst: Eigen.}\n",
    )
    problems = _problems(tmp_path / "fout", wrong, {})
    assert any("'no_blame' heeft een beschrijving maar staat niet bij methoden" in p for p in problems)


@pytest.mark.parametrize("developed", [False, True])
def test_only_a_self_developed_activity_is_called_so(tmp_path: Path, developed: bool) -> None:
    school = SCHOOL.replace(
        "  - id: vreedzame_school\n    groepen: 1-8\n",
        "  - id: vreedzame_school\n    groepen: 1-8\n"
        "  - id: kanjer_eigen\n    eigen: true\n    titel: Gekochte training\n    tekst: Een training die we inkopen.\n"
        + ("    zelf_ontwikkeld: true\n" if developed else ""),
    )
    plan = "\n".join(text for _, text in _document(_render(_load(tmp_path, school)), "veiligheidsplan"))
    assert "Een training die we inkopen." in plan
    assert ("zelf hebben ontwikkeld" in plan) is developed


def test_the_example_schools_show_own_texts() -> None:
    from schoolveiligheid.paths import DEFAULT_POLICY

    schools = {school.id: school for school in load_schools(DEFAULT_POLICY)}
    protocol = dict(_document(_render(schools["zonnewijzer"]), "pestprotocol"))
    curative = protocol["Aanpak als er gepest wordt"]
    assert "## No Blame (steungroepaanpak)\n\nOnze eigen versie:" in curative  # the standard title stays
    assert "### Wat ouders van ons horen" in curative
    titles = [title for title, _ in _document(_render(schools["kompasroos"]), "pestprotocol")]
    assert titles[-1] == "Bijlage A – De praatkaart"
