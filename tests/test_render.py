"""The render stage: loud about mistakes, exact about user text, and compiling each template once."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policies import SCHOOL, policy_tree
from support import write_tree

from schoolveiligheid.context import build_context
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools
from schoolveiligheid.paths import DEFAULT_TEMPLATES
from schoolveiligheid.render import Renderer, escape_markdown
from schoolveiligheid.writers.markup import collapse_whitespace, plain_text

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\u00a0"),
    min_size=1,
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_user_text_survives_markdown_exactly(text: str) -> None:
    expected = collapse_whitespace(text).strip()
    if not expected:
        return
    assert plain_text(f"Tekst: {escape_markdown(text)}") == f"Tekst: {expected}"
    assert plain_text(escape_markdown(text)) == expected


def _one_chapter_templates(tmp_path: Path, chapter: str) -> Path:
    templates = tmp_path / "templates"
    for folder in ("veiligheidsplan", "pestprotocol", "schoolgids", "site", "_gedeeld"):
        (templates / folder).mkdir(parents=True, exist_ok=True)
    write_tree(templates, {"veiligheidsplan/01-test.md.j2": chapter, "site/index.md.j2": "# Start\n"})
    (templates / "catalogus").symlink_to(DEFAULT_TEMPLATES / "catalogus")
    return templates


def _render(tmp_path: Path, chapter: str, school: str = SCHOOL) -> str:
    (model,) = load_schools(policy_tree(tmp_path, school))
    renderer = Renderer(_one_chapter_templates(tmp_path, chapter))
    rendered = renderer.render_school(build_context(model), model.template_dirs)
    return rendered.documents[0].chapters[0].markdown


@pytest.mark.parametrize(
    ("chapter", "line", "message"),
    [
        ("# Titel\n\nTekst\n{{ school.nmae }}\n", 4, "onbekende waarde in sjabloon"),
        ("# Titel\n\n{{ edition.evaluation_before }}\n", 3, "de waarde is leeg"),
        ("# Titel\n\n{{ edition.adopted_on }}\n", 3, "een datum moet door het filter |datum"),
        ("# Titel\n\n{{ school.phone }}\n", 3, "|link"),
        ("# Titel\n\n{% if school.name %}\n", 3, "fout in sjabloon"),
    ],
)
def test_template_mistakes_name_template_and_line(
    tmp_path: Path, chapter: str, line: int, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        _render(tmp_path, chapter)
    (problem,) = caught.value.problems
    assert problem.file.endswith("veiligheidsplan/01-test.md.j2")
    assert problem.line == line
    assert message in problem.message


def test_user_values_are_escaped_but_template_markdown_is_kept(tmp_path: Path) -> None:
    school = SCHOOL.replace("naam: Basisschool De Testhoeve", "naam: \"De *Ster* & <Maan> | 'Zon' 🌙\"")
    markdown = _render(tmp_path, "# Titel\n\n**{{ school.name }}** {{ school.phone | link }}\n", school)
    assert markdown.splitlines()[2] == (
        "**De \\*Ster\\* &amp; &lt;Maan&gt; \\| 'Zon' 🌙** [020 123 4567](tel:+31201234567)"
    )
    assert plain_text(markdown) == "Titel De *Ster* & <Maan> | 'Zon' 🌙 020 123 4567"


def test_a_chapter_that_renders_empty_is_left_out(tmp_path: Path) -> None:
    (model,) = load_schools(policy_tree(tmp_path))
    templates = _one_chapter_templates(tmp_path, "# Eerste\n")
    write_tree(templates, {"veiligheidsplan/02-so.md.j2": "{% if so %}# Speciaal onderwijs\n{% endif %}"})
    rendered = Renderer(templates).render_school(build_context(model), model.template_dirs)
    assert [chapter.title for chapter in rendered.documents[0].chapters] == ["Eerste"]


def test_school_template_folder_shadows_the_default(tmp_path: Path) -> None:
    school = "sjablonen: eigen\n" + SCHOOL
    folder = policy_tree(tmp_path, school, extra={"eigen/veiligheidsplan/01-test.md.j2": "# Eigen titel\n"})
    (model,) = load_schools(folder)
    templates = _one_chapter_templates(tmp_path, "# Standaard\n")
    rendered = Renderer(templates).render_school(build_context(model), model.template_dirs)
    assert rendered.documents[0].chapters[0].title == "Eigen titel"


def test_templates_compile_once_per_run_not_per_school(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment,
        source: str,
        name: str | None = None,
        filename: str | None = None,
        *args: object,
        **kwargs: object,
    ) -> object:
        compiled.append(filename or name)  # a school's own file may share a default file's name
        return original(self, source, name, filename, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    # Two schools have their own template folder (their own search path): the default
    # templates they share with the others must still be compiled only once.
    extra = {f"school{n}.yaml": SCHOOL.replace("id: testschool", f"id: school{n}") for n in range(2, 4)}
    for n in (4, 5):
        extra[f"school{n}.yaml"] = f"sjablonen: eigen{n}\n" + SCHOOL.replace(
            "id: testschool", f"id: school{n}"
        )
        extra[f"eigen{n}/pestprotocol/01-inleiding.md.j2"] = f"# Eigen inleiding {n}\n"
    schools = load_schools(policy_tree(tmp_path, extra=extra))
    assert len(schools) == 5
    renderer = Renderer()
    for school in schools:
        renderer.render_school(build_context(school), school.template_dirs)
    assert len(compiled) == len(set(compiled)), "a template was compiled twice"
    assert len(compiled) <= len(list(DEFAULT_TEMPLATES.rglob("*.md.j2"))) + 2  # + the two own chapters
