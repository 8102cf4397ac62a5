"""Work done once per process (issue 15) gives the same bytes as doing it every time."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from policies import SCHOOL, policy_tree
from site_fixture import board_case

from schoolveiligheid import render
from schoolveiligheid.documents import Chart, ChartSeries
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.kept import Kept
from schoolveiligheid.model import load_schools
from schoolveiligheid.model import school as school_model
from schoolveiligheid.model.policy import Policy
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers import charts, site

ROOT = Path(__file__).resolve().parents[1]
BASE_CONFIG = ROOT / "mkdocs.yml"
TEMPLATE_VALUES: dict[str, object] = {}  # the chapters in this test print no values


def tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_shared_theme_listing_gives_the_same_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = board_case(tmp_path / "downloads")
    monkeypatch.setattr(site, "_BUILT_SITES", site._BuiltSites(limit=0))  # MkDocs builds every time
    site._THEME_FILES.clear()
    with monkeypatch.context() as patch:  # every build walks and filters the theme itself
        patch.setattr(site, "_list_theme_files_once", lambda env, theme: None)
        site.write(case.bundles, tmp_path / "zonder" / "site", case.downloads, BASE_CONFIG)
    assert not site._THEME_FILES
    site.write(case.bundles, tmp_path / "met" / "site", case.downloads, BASE_CONFIG)
    assert site._THEME_FILES, "the installed theme's listing is kept for the next site"
    site.write(case.bundles, tmp_path / "weer" / "site", case.downloads, BASE_CONFIG)
    without = tree(tmp_path / "zonder" / "site")
    assert any(name.endswith(".js") for name in without)  # the theme's static files are there
    assert tree(tmp_path / "met" / "site") == without
    assert tree(tmp_path / "weer" / "site") == without


def test_a_site_built_again_from_the_same_sources_is_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = site._BuiltSites(limit=2)
    monkeypatch.setattr(site, "_BUILT_SITES", kept)
    case = board_case(tmp_path / "downloads")
    site.write(case.bundles, tmp_path / "eerst" / "site", case.downloads, BASE_CONFIG)
    assert kept.restored == 0
    site.write(case.bundles, tmp_path / "weer" / "site", case.downloads, BASE_CONFIG)
    assert kept.restored == len(case.bundles) == 2, "the same sources: the kept sites are written"
    first = tree(tmp_path / "eerst" / "site")
    assert any(name.endswith(".js") for name in first)
    assert tree(tmp_path / "weer" / "site") == first

    # Changed sources are built anew, and the new build is what is kept from then on.
    changed = [
        dataclasses.replace(bundle, school_name=f"{bundle.school_name} Noord") for bundle in case.bundles[:1]
    ]
    site.write(changed, tmp_path / "anders" / "site", case.downloads, BASE_CONFIG)
    assert kept.restored == 2
    other = tree(tmp_path / "anders" / "site")
    school = case.bundles[0].school_id
    assert other[f"{school}/index.html"] != first[f"{school}/index.html"]
    assert b"Noord" in other[f"{school}/index.html"]


def test_the_base_config_pulls_in_no_other_file() -> None:
    """The kept sites are keyed by the base config's bytes: anything it reads from elsewhere
    (another config, hooks, environment variables, plugins beyond search) would be missed."""
    text = BASE_CONFIG.read_text(encoding="utf-8")
    lines = [line.split("#")[0] for line in text.splitlines()]
    assert not any(line.lstrip().startswith(("INHERIT:", "hooks:")) for line in lines)
    assert "!ENV" not in text and "!relative" not in text
    plugins = text[text.index("\nplugins:") :].split("\n\n")[0]
    assert [line.strip() for line in plugins.splitlines()[1:] if line.startswith("  - ")] == ["- search:"]


def test_own_theme_folder_is_walked_every_time(tmp_path: Path) -> None:
    assert not site._installed(tmp_path)
    own = tmp_path / "thema"
    (own / "assets").mkdir(parents=True)
    (own / "assets" / "a.css").write_text("a", encoding="utf-8")
    keep = lambda name: True  # noqa: E731
    assert site._theme_files(str(own), False, frozenset(), keep) == ("assets/a.css",)
    (own / "assets" / "b.css").write_text("b", encoding="utf-8")
    assert site._theme_files(str(own), False, frozenset(), keep) == ("assets/a.css", "assets/b.css")


def chart(title: str = "Veiligheidsbeleving") -> Chart:
    return Chart(
        name="veiligheid",
        title=title,
        description="Het percentage leerlingen dat zich veilig voelt, per schooljaar.",
        labels=("2024-2025", "2025-2026", "2026-2027"),
        panels=(ChartSeries("leerlingen", (88.0, None, 91.5), goal=90.0, goal_label="doel"),),
    )


def test_charts_are_drawn_once_per_data_with_the_same_bytes() -> None:
    charts.svg.cache_clear()
    charts.png.cache_clear()
    drawn_svg, drawn_png = charts.svg.__wrapped__(chart()), charts.png.__wrapped__(chart())
    assert charts.svg(chart()) == drawn_svg
    assert charts.svg(chart()) == drawn_svg  # from the store
    assert charts.png(chart()) == drawn_png
    assert charts.png(chart()) == drawn_png
    assert charts.svg.cache_info().hits == 1
    assert charts.png.cache_info().hits == 1
    assert charts.svg(chart("Andere titel")) != drawn_svg  # other data, drawn anew


@pytest.mark.slow
def test_scale_benchmark_prints_every_row(tmp_path: Path) -> None:
    """A smoke test of benchmarks/bench_scale.py with tiny sizes: every row is printed (no timings checked)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_scale.py"), "--snel"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for row in ("| P1 ", "| P2 ", "| P2b ", "| P3 ", "| P4 ", "| P5 ", "| PDF"):
        assert row in result.stdout, result.stdout
    bounds = {  # the goal's name (P1, P2, ...) -> its last column, the bound that sharing can reach
        line.split()[1]: line.rsplit("|", 2)[1]
        for line in result.stdout.splitlines()
        if line.startswith("| P")
    }
    assert "Grens bij alles gedeeld" in result.stdout
    assert "minstens" in bounds["P1"] and "importeren" in bounds["P1"], bounds
    assert "hoogstens" in bounds["P2"] and "hoogstens" in bounds["P3"], bounds


def test_a_policy_loaded_again_unchanged_is_validated_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = school_model._ValidatedPolicies(limit=2)
    monkeypatch.setattr(school_model, "_VALIDATED", kept)
    validations: list[object] = []
    validate = Policy.model_validate

    def counted(data: object, **options: object) -> Policy:
        validations.append(data)
        return validate(data, **options)

    monkeypatch.setattr(Policy, "model_validate", counted)
    folder = policy_tree(tmp_path)
    (first,) = load_schools(folder)
    (again,) = load_schools(folder)
    assert len(validations) == 1, "the same files: the kept policy"
    assert again.policy.model_dump() == first.policy.model_dump()
    assert again.policy.school.mark == first.policy.school.mark  # with the same line marks

    # The same values elsewhere: kept, with marks that say where they are now.
    (folder / "school.yaml").write_text("\n" + SCHOOL, encoding="utf-8")
    (moved,) = load_schools(folder)
    assert moved.policy.school.mark.line == first.policy.school.mark.line + 1
    (copied,) = load_schools(policy_tree(tmp_path / "kopie"))
    assert copied.policy.school.mark.file == str(tmp_path / "kopie" / "policy" / "school.yaml")
    assert {text.mark.file for text in copied.texts} == {
        str(tmp_path / "kopie" / "policy" / name) for name in ("school.yaml", "bestuur.yaml")
    }
    assert len(validations) == 1
    assert first.policy.school.mark.line == moved.policy.school.mark.line - 1, "each load its own marks"

    # The same values in another validation context (which the catalogue decides): validated anew.
    context_of = school_model._validation_context
    monkeypatch.setattr(
        school_model,
        "_validation_context",
        lambda raw, catalogue: {**context_of(raw, catalogue), "anders": True},
    )
    load_schools(folder)
    assert len(validations) == 2
    monkeypatch.setattr(school_model, "_validation_context", context_of)

    # A changed value, another day: validated anew, and right.
    (folder / "school.yaml").write_text(SCHOOL.replace("De Testhoeve", "De Andere School"), encoding="utf-8")
    (changed,) = load_schools(folder)
    assert changed.policy.school.name == "Basisschool De Andere School"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(os.environ["SOURCE_DATE_EPOCH"]) + 86_400))
    load_schools(folder)
    assert len(validations) == 4

    # A policy that does not validate is never kept: it fails every time.
    (folder / "school.yaml").write_text(
        SCHOOL.replace("  type: po\n", "  type: po\n  onbekend: ja\n"), encoding="utf-8"
    )
    for _ in range(2):
        with pytest.raises(InvalidInput):
            load_schools(folder)
    assert len(validations) == 6
    assert len(kept._kept) == 2  # never more than its limit


def test_a_catalogue_changed_while_the_process_runs_is_read_anew(tmp_path: Path) -> None:
    """A preview keeps one process: an entry added to the school's own catalogue, or changed, counts
    at the next load (the catalogue was once kept by folder for the whole process)."""
    own = tmp_path / "policy" / "sjablonen" / "catalogus"
    folder = policy_tree(
        tmp_path,
        SCHOOL.replace("    methoden: [opa]\n", "    methoden: [eigen_aanpak]\n") + "sjablonen: sjablonen\n",
        extra={"sjablonen/catalogus/.gitkeep": ""},
    )
    with pytest.raises(InvalidInput, match="eigen_aanpak"):
        load_schools(folder)
    entry = (
        "- id: eigen_aanpak\n  soort: aanpak\n  titel: {title}\n  tekst: Zo werken wij.\n"
        "  stappen: [Eerst praten.]\n"
    )
    (own / "eigen.yaml").write_text(entry.format(title="Onze aanpak"), encoding="utf-8")
    (school,) = load_schools(folder)
    assert school.catalogue["eigen_aanpak"].title == "Onze aanpak"
    (own / "eigen.yaml").write_text(entry.format(title="Onze nieuwe aanpak"), encoding="utf-8")
    (school,) = load_schools(folder)
    assert school.catalogue["eigen_aanpak"].title == "Onze nieuwe aanpak"


def test_templates_are_loaded_once_and_never_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "_ENVIRONMENTS", render._Environments(limit=2))
    defaults = tmp_path / "standaard"
    shutil.copytree(render.DEFAULT_TEMPLATES, defaults)
    own = tmp_path / "eigen"
    own.mkdir()
    chapter = "veiligheidsplan/01-inleiding.md.j2"

    def text() -> str:
        return Renderer(defaults).environment((own,)).get_template(chapter).render(TEMPLATE_VALUES)

    first = Renderer(defaults).environment((own,))
    assert Renderer(defaults).environment((own,)) is first, "the same files: the same environment"
    # The same size and the same second: only the content tells these apart.
    (defaults / chapter).write_text("# Inleiding\n\nEen.\n", encoding="utf-8")
    assert text() == "# Inleiding\n\nEen.\n"
    (defaults / chapter).write_text("# Inleiding\n\nTwe.\n", encoding="utf-8")
    assert text() == "# Inleiding\n\nTwe.\n"
    (own / chapter).parent.mkdir(parents=True)
    (own / chapter).write_text("# Inleiding\n\nEigen.\n", encoding="utf-8")
    assert text() == "# Inleiding\n\nEigen.\n", "a school's new file comes before the default"
    (own / chapter).unlink()
    assert text() == "# Inleiding\n\nTwe.\n"

    # A file changed after the environment was chosen, before the template was first loaded: the
    # environment renders the text its key was made of, and the next render sees the change.
    kept = Renderer(defaults).environment((own,))
    (defaults / chapter).write_text("# Inleiding\n\nEen.\n", encoding="utf-8")
    assert kept.get_template(chapter).render(TEMPLATE_VALUES) == "# Inleiding\n\nTwe.\n"
    assert text() == "# Inleiding\n\nEen.\n"
    (defaults / chapter).write_text("# Inleiding\n\nTwe.\n", encoding="utf-8")
    assert text() == "# Inleiding\n\nTwe.\n"
    (defaults / chapter).write_bytes(b"# Inleiding\r\n\r\nDrie.\r\n")  # read as the loader reads it
    assert text() == "# Inleiding\n\nDrie.\n"
    if hasattr(os, "mkfifo"):  # a pipe along the path is never read (reading it would wait forever)
        os.mkfifo(own / "pijp.md.j2")
        assert text() == "# Inleiding\n\nDrie.\n"
    assert len(render._ENVIRONMENTS._kept) == 2  # never more than its limit


def test_the_store_keeps_the_values_used_last() -> None:
    kept: Kept[str, int | None] = Kept(2)
    kept.put("a", 1)
    kept.put("b", None)  # None is a value like any other
    assert kept.get("a", -1) == 1  # "a" is now the one used last
    kept.put("c", 3)
    assert (kept.get("b", -1), kept.get("a", -1), kept.get("c", -1), len(kept)) == (-1, 1, 3, 2)
    nothing: Kept[str, int] = Kept(0)
    nothing.put("a", 1)
    assert (nothing.get("a", -1), len(nothing)) == (-1, 0)


def test_a_valid_board_file_is_validated_once_and_a_wrong_one_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(school_model, "_VALID_BOARDS", Kept(8))
    validated: list[object] = []
    validate = school_model.BoardFile.model_validate

    def counted(data: object, **options: object) -> object:
        validated.append(data)
        return validate(data, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(school_model.BoardFile, "model_validate", counted)
    folder = tmp_path / "policy"
    shutil.copytree(Path(__file__).resolve().parents[1] / "policy", folder)
    assert len(load_schools(folder)) == 3 and len(load_schools(folder)) == 3
    assert len(validated) == 1, "the same board, loaded twice: validated once"
    board = folder / "bestuur.yaml"
    board.write_text(
        board.read_text(encoding="utf-8").replace("bestuur:\n", "bestuur:\n  kleur_x: rood\n", 1), "utf-8"
    )
    for _ in range(2):
        with pytest.raises(InvalidInput, match="kleur_x"):
            load_schools(folder)
    assert len(validated) == 3, "a board with a mistake is checked each time"
