"""Issue 9, items 3 and 4: templates are data, not code; pupil data stays private by construction.

Every attack here must end in a Dutch error that names the file (and where it can, the line
and key), exit code 2 and no side effect: no file the payload tries to create, no letter in a
place that could be published, no pupil name in a file name, on screen or in a group letter.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from letters_support import EXAMPLE_POLICY, EXAMPLES, ROOT, docx_text, example, write_case
from policies import BOARD, SCHOOL, line_of, policy_tree

from schoolveiligheid import brief as lettering
from schoolveiligheid.brief import check_output_folder, write_letter
from schoolveiligheid.brief import private as letter_writer
from schoolveiligheid.cli import main
from schoolveiligheid.context import build_context
from schoolveiligheid.errors import BuildFailed, InvalidInput, display_path
from schoolveiligheid.model import load_schools
from schoolveiligheid.paths import DEFAULT_TEMPLATES
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers.docx_lines import compile_text

OWN = "sjablonen: eigen\n"
LOGO = (EXAMPLE_POLICY / "logo" / "vlinderboom.png").read_bytes()


def _problems(policy: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_schools(policy)
    return [str(problem) for problem in caught.value.problems]


def _render_problems(policy: Path) -> list[str]:
    (school,) = load_schools(policy)
    with pytest.raises(InvalidInput) as caught:
        Renderer().render_school(build_context(school), school.template_dirs)
    return [str(problem) for problem in caught.value.problems]


# --- Templates run in a sandbox ---------------------------------------------------------------

PAYLOADS = {
    "cycler-globals": "{{ cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "str-mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "template-reference": "{{ self._TemplateReference__context }}",
    "lipsum-globals": "{{ lipsum.__globals__['os'].system('touch MARKER') }}",
    "joiner-globals": "{{ joiner.__init__.__globals__.os.popen('touch MARKER').read() }}",
    "namespace-globals": "{{ namespace.__init__.__globals__['sys'].modules['os'].system('touch MARKER') }}",
    "context-object": "{{ school.__class__.__init__.__globals__ }}",
    "format-string": "{{ '{0.__class__.__init__.__globals__}'.format(school) }}",
    "attr-filter": "{{ cycler | attr('__init__') | attr('__globals__') }}",
    "mutate-list": "{% set found = [] %}{{ found.append('x') }}",
    "request": "{{ request.application.__globals__.__builtins__.__import__('os').system('touch MARKER') }}",
    "config": "{{ config.__class__.__init__.__globals__['os'].system('touch MARKER') }}",
}


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
def test_a_school_template_cannot_reach_python(
    payload: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "gehackt"
    policy = policy_tree(
        tmp_path,
        OWN + SCHOOL,
        extra={
            "eigen/veiligheidsplan/02-visie.md.j2": f"# Visie\n\n{payload.replace('MARKER', str(marker))}\n"
        },
    )
    assert main(["controleer", "--policy", str(policy)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "eigen/veiligheidsplan/02-visie.md.j2:3: " in err, err
    assert re.search(
        r"sjabloon geweigerd: |onbekende waarde in sjabloon: '(request|config)' bestaat niet", err
    ), err
    assert "tip: " in err
    assert not marker.exists(), "the payload ran"


def test_sandboxed_and_plain_environments_never_share_compiled_code(tmp_path: Path) -> None:
    """Compiled templates are shared between schools, but code compiled for a plain environment
    (whose calls skip the sandbox) is never handed to a sandboxed one: the cache key says which."""
    import jinja2

    from schoolveiligheid import render

    cache = render.SharedCompiledTemplates()
    (tmp_path / "t.j2").write_text("{{ '{0.__class__}'.format(x) }}", encoding="utf-8")
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
    assert plain.get_template("t.j2").render(x=1) == "<class 'int'>"
    sandbox = render._environment((tmp_path,), cache)
    with pytest.raises(jinja2.sandbox.SecurityError):
        sandbox.get_template("t.j2").render(x=1)
    assert len(cache._store) == 2, "one compiled template per kind of environment"
    again = render._environment((tmp_path,), cache)
    with pytest.raises(jinja2.sandbox.SecurityError):
        again.get_template("t.j2").render(x=1)
    assert len(cache._store) == 2, "a second sandbox reuses the sandbox's compiled template"


def _docx_with(text: str, base: Path) -> bytes:
    document = docx.Document(str(base))
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _example_policy_with_own_templates(tmp_path: Path, files: dict[str, bytes]) -> Path:
    policy = tmp_path / "beleid"
    shutil.copytree(EXAMPLE_POLICY, policy)
    school = policy / "vlinderboom.yaml"
    school.write_text(
        school.read_text(encoding="utf-8") + "sjablonen: sjablonen/vlinderboom\n", encoding="utf-8"
    )
    for name, data in files.items():
        target = policy / "sjablonen" / "vlinderboom" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return policy


def test_a_schools_own_letter_template_cannot_reach_python(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "gehackt"
    payload = "{{ cycler.__init__.__globals__.os.system('touch %s') }}" % marker  # noqa: UP031 - braces
    standard = tmp_path / "schorsing.docx"  # the standard letter as a Word template of the school's own
    standard.write_bytes(compile_text(DEFAULT_TEMPLATES / "brieven" / "schorsing.txt.j2", ()).data)
    policy = _example_policy_with_own_templates(
        tmp_path,
        {"brieven/schorsing.docx": _docx_with(payload, standard)},
    )
    out = tmp_path / "brieven"
    assert (
        main(["brief", str(EXAMPLES / "schorsing.yaml"), "--policy", str(policy), "--uitvoer", str(out)]) == 2
    )
    err = capsys.readouterr().err
    assert "brieven/schorsing.docx: sjabloon geweigerd: het sjabloon vraagt '__init__'" in err, err
    assert "Traceback" not in err and not marker.exists()
    assert not out.exists() or not any(out.iterdir())


def test_a_schools_own_word_master_cannot_reach_python(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "gehackt"
    payload = "{{ lipsum.__globals__['os'].system('touch %s') }}" % marker  # noqa: UP031 - braces
    master = ROOT / "templates" / "word" / "master.docx"
    policy = _example_policy_with_own_templates(tmp_path, {"word/master.docx": _docx_with(payload, master)})
    arguments = ["bouw", "--policy", str(policy), "--uitvoer", str(tmp_path / "uit"), "--zonder-website"]
    assert main([*arguments, "--school", "vlinderboom"]) == 2
    err = capsys.readouterr().err
    assert "word/master.docx: Word-sjabloon geweigerd: het sjabloon vraagt '__globals__'" in err, err
    assert "Traceback" not in err and not marker.exists()


# --- Paths from YAML stay inside the folder of their file ---------------------------------------

OUTSIDE_TEMPLATE_FOLDERS = {
    "parent": "../..",
    "parent-etc": "../../etc",
    "root": "/",
    "absolute": "/etc",
    "nul": '"eigen\\0/x"',
    "long": "a" * 5000,
}


@pytest.mark.parametrize("value", list(OUTSIDE_TEMPLATE_FOLDERS.values()), ids=list(OUTSIDE_TEMPLATE_FOLDERS))
def test_a_template_folder_outside_the_policy_folder_is_refused(value: str, tmp_path: Path) -> None:
    text = f"sjablonen: {value}\n" + SCHOOL
    policy = policy_tree(tmp_path, text, extra={"eigen/veiligheidsplan/.keep": ""})
    problems = _problems(policy)
    assert problems and all(p.startswith(f"{policy / 'school.yaml'}:1: sjablonen: ") for p in problems), (
        problems
    )
    assert all("\n  tip: " in p for p in problems)
    # A NUL byte or a 5,000-character value may already be refused as text (by the loader); never a traceback.
    assert any(
        "deze sjablonenmap kan niet worden gebruikt" in p or "stuurteken" in p or "te lang" in p
        for p in problems
    ), problems


def test_an_absolute_template_folder_elsewhere_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    (elsewhere / "veiligheidsplan").mkdir(parents=True)
    policy = policy_tree(tmp_path, f"sjablonen: {elsewhere}\n" + SCHOOL)
    (problem,) = _problems(policy)
    assert "school.yaml:1: sjablonen: deze sjablonenmap kan niet worden gebruikt: " in problem
    assert "ligt buiten de map" in problem


def test_a_template_folder_that_is_a_link_to_elsewhere_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    (elsewhere / "veiligheidsplan").mkdir(parents=True)
    policy = policy_tree(tmp_path, OWN + SCHOOL)
    (policy / "eigen").symlink_to(elsewhere, target_is_directory=True)
    (problem,) = _problems(policy)
    assert "school.yaml:1: sjablonen: deze sjablonenmap kan niet worden gebruikt" in problem


@pytest.mark.parametrize(
    "link", ["veiligheidsplan/03-geheim.md.j2", "veiligheidsplan", "catalogus/extra.yaml"]
)
def test_a_link_in_a_template_folder_to_elsewhere_is_refused(link: str, tmp_path: Path) -> None:
    secret = tmp_path / "geheim"
    secret.mkdir()
    (secret / "03-geheim.md.j2").write_text("# Geheim\n\ngeheim-0123\n", encoding="utf-8")
    policy = policy_tree(tmp_path, OWN + SCHOOL, extra={"eigen/.keep": ""})
    target = policy / "eigen" / link
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(secret / "03-geheim.md.j2" if link.endswith(".j2") else secret)
    if link.endswith(".yaml"):
        target.unlink()
        target.symlink_to(Path("/etc/hostname"))
    (problem,) = _problems(policy)
    assert (
        f"school.yaml:1: sjablonen: in de sjablonenmap verwijst '{link}' naar een plek buiten die map"
        in problem
    )
    assert "tip: zet het bestand zelf in de sjablonenmap" in problem


def test_a_template_that_becomes_a_link_after_loading_is_refused_when_rendered(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.md.j2"
    secret.write_text("# Geheim\n\ngeheim-0123\n", encoding="utf-8")
    policy = policy_tree(tmp_path, OWN + SCHOOL, extra={"eigen/veiligheidsplan/.keep": ""})
    (school,) = load_schools(policy)
    (policy / "eigen" / "veiligheidsplan" / "03-geheim.md.j2").symlink_to(secret)
    with pytest.raises(InvalidInput) as caught:
        Renderer().render_school(build_context(school), school.template_dirs)
    (problem,) = caught.value.problems
    assert problem.file.endswith("eigen/veiligheidsplan/03-geheim.md.j2")
    assert "sjabloon geweigerd: het bestand verwijst naar een plek buiten de sjablonenmap" in problem.message


def test_a_link_inside_the_template_folder_to_its_own_files_is_fine(tmp_path: Path) -> None:
    policy = policy_tree(
        tmp_path,
        OWN + SCHOOL,
        extra={"eigen/gedeeld/visie.md.j2": "# Onze visie\n\nWe letten op elkaar.\n"},
    )
    (policy / "eigen" / "veiligheidsplan").mkdir()
    (policy / "eigen" / "veiligheidsplan" / "02-visie.md.j2").symlink_to(
        policy / "eigen" / "gedeeld" / "visie.md.j2"
    )
    (school,) = load_schools(policy)
    texts = Renderer().render_school(build_context(school), school.template_dirs)
    assert any(chapter.title == "Onze visie" for document in texts.documents for chapter in document.chapters)


@pytest.mark.parametrize("where", ["../elders/logo.png", "ABSOLUTE", "link/logo.png"])
def test_a_logo_outside_the_policy_folder_is_refused(where: str, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "logo.png").write_bytes(LOGO)
    value = str(elsewhere / "logo.png") if where == "ABSOLUTE" else where
    text = SCHOOL.replace(
        "  email: info@testhoeve.example\n", f"  email: info@testhoeve.example\n  logo: {value}\n"
    )
    policy = policy_tree(tmp_path, text)
    if where.startswith("link"):
        (policy / "link").symlink_to(elsewhere, target_is_directory=True)
    (problem,) = _problems(policy)
    assert (
        f"school.yaml:{line_of(text, 'logo:')}: school.logo: dit logo kan niet worden gebruikt: " in problem
    )
    assert "ligt buiten de map" in problem and "tip: zet het logo in de map van dit bestand" in problem


def test_a_logo_beside_the_school_file_still_works(tmp_path: Path) -> None:
    text = SCHOOL.replace(
        "  email: info@testhoeve.example\n", "  email: info@testhoeve.example\n  logo: beeld/logo.png\n"
    )
    policy = policy_tree(tmp_path, text, extra={"beeld/logo.png": ""})
    (policy / "beeld" / "logo.png").write_bytes(LOGO)
    (school,) = load_schools(policy)
    assert school.logo == (policy / "beeld" / "logo.png").resolve()


def test_an_earlier_case_outside_the_case_folder_is_refused(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "voornemen-verwijdering.yaml", tmp_path / "voornemen.yaml")
    text = example("definitieve-verwijdering")
    text = re.sub(r"gerelateerd_aan: .*", "gerelateerd_aan: ../voornemen.yaml", text)
    case = write_case(tmp_path / "zaken", text)
    with pytest.raises(InvalidInput) as caught:
        write_letter(case, EXAMPLE_POLICY, tmp_path / "uit")
    (problem,) = caught.value.problems
    assert problem.key == "gerelateerd_aan" and problem.line == line_of(text, "gerelateerd_aan:")
    assert (
        "dit zaakbestand kan niet worden gebruikt: '../voornemen.yaml' ligt buiten de map" in problem.message
    )
    assert not (tmp_path / "uit").exists()


# --- Letter file names and output never show a pupil or the case file's name -------------------


@pytest.mark.parametrize(
    ("example_name", "case_name", "words"),
    [
        ("schorsing", "sam-voorbeeld.yaml", ("sam", "voorbeeld")),
        ("voornemen-verwijdering", "Robin Fictief 2026.zaak.yaml", ("robin", "fictief")),
        ("incident-eigen-groep", "jesse-verzonnen-groep-7.yaml", ("jesse", "verzonnen")),
    ],
)
def test_letter_names_and_output_hold_no_pupil_and_no_case_file_name(
    example_name: str,
    case_name: str,
    words: tuple[str, ...],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = write_case(tmp_path / "zaken", example(example_name), case_name)
    out = tmp_path / "brieven"
    assert main(["brief", str(case), "--uitvoer", str(out)]) == 0
    printed = capsys.readouterr().out
    written = sorted(out.iterdir())
    assert written
    for path in written:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d-[a-z-]+-zaak1(-\d)?\.docx", path.name), path.name
        assert not any(word in path.name.lower() for word in words)
    stem = Path(case_name).name.split(".")[0].lower()
    assert stem not in printed.lower() and case_name.lower() not in printed.lower()
    assert not any(re.search(rf"\b{word}\b", printed, re.IGNORECASE) for word in words), printed
    assert sorted(line for line in printed.splitlines() if line.startswith("brief: ")) == sorted(
        f"brief: {display_path(path)}" for path in written
    )


def test_a_second_run_of_the_same_case_meets_its_own_letter_and_another_case_gets_a_new_number(
    tmp_path: Path,
) -> None:
    out = tmp_path / "brieven"
    first = write_case(tmp_path / "a", example("schorsing"), "sam.yaml")
    (letter,) = write_letter(first, EXAMPLE_POLICY, out).paths
    with pytest.raises(InvalidInput, match="bestaat al"):
        write_letter(first, EXAMPLE_POLICY, out)
    (junk := out / "2026-11-23-schorsing-zaak2.docx").write_bytes(b"geen brief")
    other = write_case(tmp_path / "b", example("schorsing"), "sam.yaml")
    (second,) = write_letter(other, EXAMPLE_POLICY, out).paths
    assert (letter.name, second.name) == (
        "2026-11-23-schorsing-zaak1.docx",
        "2026-11-23-schorsing-zaak3.docx",
    )
    assert junk.read_bytes() == b"geen brief", "a file that is not this case's letter is never replaced"
    assert lettering.case_id(first) not in docx_text(letter), "the id is in the properties, not in the text"


# --- Letters never go where they could be published --------------------------------------------


def _site(folder: Path) -> Path:
    (folder / "search").mkdir(parents=True)
    (folder / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    return folder


def _sitemap(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return folder


def _export(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return folder


def _documents(folder: Path) -> Path:
    (folder / "documenten" / "vlinderboom" / "formulieren").mkdir(parents=True)
    (folder / "documenten" / "vlinderboom" / "sociaal-veiligheidsplan.docx").write_bytes(b"PK")
    return folder / "documenten"


PLACES: dict[str, Callable[[Path], Path]] = {
    "site-build": lambda tmp: _site(tmp / "publiek"),
    "inside-site-build": lambda tmp: _sitemap(tmp / "publiek") / "brieven",
    "site-folder-by-name": lambda tmp: tmp / "uitvoer" / "site" / "vlinderboom",
    "contains-site-build": lambda tmp: _site(tmp / "uitvoer" / "site" / "vlinderboom").parents[1],
    "site-export": lambda tmp: _export(tmp / "bron" / "vlinderboom"),
    "inside-site-export": lambda tmp: _export(tmp / "bron" / "vlinderboom") / "docs",
    "contains-site-export": lambda tmp: _export(tmp / "bron" / "vlinderboom").parent,
    "documents": lambda tmp: _documents(tmp / "uitvoer"),
    "school-documents": lambda tmp: _documents(tmp / "uitvoer") / "vlinderboom",
    "inside-documents": lambda tmp: _documents(tmp / "uitvoer") / "vlinderboom" / "formulieren",
    "contains-documents": lambda tmp: _documents(tmp / "uitvoer").parent,
    "link-to-site": lambda tmp: _linked(tmp, _site(tmp / "publiek")),
    "policy": lambda tmp: EXAMPLE_POLICY,
    "contains-policy": lambda tmp: EXAMPLE_POLICY.parent,
    "templates": lambda tmp: ROOT / "templates" / "brieven",
    "school-templates": lambda tmp: EXAMPLE_POLICY / "sjablonen" / "zonnewijzer" / "brieven",
}


def _linked(tmp: Path, target: Path) -> Path:
    (tmp / "snelkoppeling").symlink_to(target, target_is_directory=True)
    return tmp / "snelkoppeling" / "brieven"


@pytest.mark.parametrize("place", list(PLACES.values()), ids=list(PLACES))
def test_letters_are_refused_where_they_could_be_published(
    place: Callable[[Path], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = place(tmp_path)
    before = sorted(target.rglob("*")) if target.is_dir() and tmp_path in target.parents else None
    assert main(["brief", str(EXAMPLES / "schorsing.yaml"), "--uitvoer", str(target)]) == 2
    err = capsys.readouterr().err
    assert "--uitvoer: " in err and "tip: " in err and "Traceback" not in err, err
    assert re.search(r"brieven horen|deze map bevat|deze map ligt in het project", err), err
    if before is not None:
        assert sorted(target.rglob("*")) == before, "nothing was written"
    else:
        assert not target.exists() or not list(target.glob("*.docx"))


def test_letters_are_refused_in_and_around_a_template_folder(tmp_path: Path) -> None:
    templates = tmp_path / "sjablonen" / "eigen"
    (templates / "brieven").mkdir(parents=True)
    for target in (templates / "brieven", templates, tmp_path / "sjablonen"):
        with pytest.raises(InvalidInput, match="sjablonenmap van een school of bestuur"):
            check_output_folder(target, EXAMPLE_POLICY, [templates])
    check_output_folder(tmp_path / "brieven", EXAMPLE_POLICY, [templates])


def test_a_users_own_documents_folder_is_not_taken_for_the_build_output(tmp_path: Path) -> None:
    mine = tmp_path / "Documenten" / "brieven"
    mine.mkdir(parents=True)
    (tmp_path / "Documenten" / "rapport.docx").write_bytes(b"PK")
    check_output_folder(mine, EXAMPLE_POLICY)
    check_output_folder(tmp_path / "documenten" / "brieven", EXAMPLE_POLICY)  # a name alone proves nothing


# --- Temporary files holding letters ---------------------------------------------------------


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_a_letter_is_complete_in_a_private_folder_before_it_gets_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "brieven"
    seen: list[tuple[int, int, Path, bool]] = []
    original = letter_writer._link_new

    def spy(temporary: Path, path: Path) -> None:
        seen.append((_mode(temporary), _mode(temporary.parent), temporary.parent.parent, path.exists()))
        original(temporary, path)

    monkeypatch.setattr(letter_writer, "_link_new", spy)
    paths = write_letter(EXAMPLES / "definitieve-verwijdering.yaml", EXAMPLE_POLICY, out).paths
    assert seen == [(0o600, 0o700, out, False)] * 2
    assert [_mode(path) for path in paths] == [0o600, 0o600] and _mode(out) == 0o700
    assert sorted(out.iterdir()) == sorted(paths), "the private folder is gone"


@pytest.mark.parametrize("failure", ["disk-full", "interrupted", "sigterm"])
def test_a_failed_or_stopped_write_leaves_no_letter_at_all(
    failure: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "brieven"
    original = letter_writer._link_new
    calls: list[Path] = []

    def fail_on_second(temporary: Path, path: Path) -> None:
        calls.append(path)
        if len(calls) == 1:
            original(temporary, path)
            return
        if failure == "disk-full":
            raise OSError(errno.ENOSPC, "vol")
        if failure == "interrupted":
            raise KeyboardInterrupt
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(letter_writer, "_link_new", fail_on_second)
    handler = signal.getsignal(signal.SIGTERM)
    case = EXAMPLES / "voornemen-verwijdering.yaml"  # two letters: the first is named when the second fails
    expected: type[BaseException] = BuildFailed if failure == "disk-full" else KeyboardInterrupt
    with pytest.raises(expected):
        write_letter(case, EXAMPLE_POLICY, out)
    assert len(calls) == 2
    assert list(out.iterdir()) == [], "no letter, no hidden copy, no private folder"
    assert signal.getsignal(signal.SIGTERM) == handler, "the usual SIGTERM handling is back"


def test_a_private_folder_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "brieven"
    process = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(process.stdout)
    stale = out / f"{letter_writer.PRIVATE_WORK_PREFIX}{dead}-abc123"
    stale.mkdir(parents=True, mode=0o700)
    (stale / "0.docx").write_bytes(b"een volledige brief")
    mine = out / f"{letter_writer.PRIVATE_WORK_PREFIX}{os.getpid()}-def456"  # a running process's: kept
    mine.mkdir(mode=0o700)
    write_letter(EXAMPLES / "schorsing.yaml", EXAMPLE_POLICY, out)
    assert not stale.exists() and mine.exists()


def test_a_killed_brief_leaves_no_readable_letter(tmp_path: Path) -> None:
    """SIGTERM while writing: the private folder goes with the process."""
    out = tmp_path / "brieven"
    script = f"""
import os, signal
from pathlib import Path
from schoolveiligheid.brief import private
from schoolveiligheid.brief import write_letter
original = private._link_new
def stop(temporary, path):
    os.kill(os.getpid(), signal.SIGTERM)
private._link_new = stop
write_letter(Path({str(EXAMPLES / "schorsing.yaml")!r}), Path({str(EXAMPLE_POLICY)!r}), Path({str(out)!r}))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0
    assert list(out.iterdir()) == []


# --- No pupil name in a letter to other parents ------------------------------------------------

GROUP_LETTERS = ["incident-eigen-groep", "incident-overige-groepen", "incident-jonge-kinderen"]
INVOLVED = {
    "incident-eigen-groep": ("Jesse", "Verzonnen"),
    "incident-overige-groepen": ("Jesse", "Verzonnen"),
    "incident-jonge-kinderen": ("Fien", "Bedacht"),
}


@pytest.mark.parametrize("name", GROUP_LETTERS)
@pytest.mark.parametrize("part", ["first", "last", "lower", "possessive"])
def test_a_pupils_name_in_a_group_letter_is_refused(name: str, part: str, tmp_path: Path) -> None:
    first, last = INVOLVED[name]
    word = {"first": first, "last": last, "lower": first.lower(), "possessive": f"{first}'s"}[part]
    text = example(name).replace(
        "  omschrijving: |\n", f"  omschrijving: |\n    Tijdens het spel met {word} ging het mis.\n", 1
    )
    case = write_case(tmp_path / "zaken", text)
    with pytest.raises(InvalidInput) as caught:
        write_letter(case, EXAMPLE_POLICY, tmp_path / "uit")
    (problem,) = caught.value.problems
    assert Path(problem.file) == case
    assert problem.key == "incident.omschrijving" and problem.line == line_of(text, "omschrijving:")
    expected = last if part == "last" else first
    assert problem.message.startswith(f"hier staat '{expected}', de naam van een betrokken leerling")
    assert "gewoon woord" in problem.hint
    assert not (tmp_path / "uit").exists()


def test_a_name_that_is_a_common_word_is_refused_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = example("incident-eigen-groep").replace(
        "{voornaam: Jesse, achternaam: Verzonnen}", "{voornaam: Roos, achternaam: van der Bas}"
    )
    text = text.replace("wat ze gezien hebben", "de roos in de tuin en wat ze gezien hebben")
    case = write_case(tmp_path, text)
    assert main(["brief", str(case), "--uitvoer", str(tmp_path / "uit")]) == 2
    err = capsys.readouterr().err
    line = line_of(text, "besproken_in_groep:")
    assert (
        f"zaak.yaml:{line}: incident.besproken_in_groep: hier staat 'Roos', de naam van een betrokken leerling"
        in err
    )
    assert (
        "Ook als het hier een gewoon woord is (zoals roos of bas), kunnen ouders er het kind aan herkennen"
        in err
    )


@pytest.mark.parametrize(
    ("involved", "sentence"),
    [
        ("{voornaam: Bas, achternaam: de Vries}", "Dit gebeurde in de basisschoolgroep op het plein."),
        ("{voornaam: Noë, achternaam: Ter Horst}", "Het kind ter plaatse werd geholpen."),
        ("{voornaam: Jan-Willem}", "Jan ging naar huis."),  # a part of a double first name is his name
    ],
)
def test_names_match_whole_words_accents_and_parts(involved: str, sentence: str, tmp_path: Path) -> None:
    text = example("incident-eigen-groep").replace("{voornaam: Jesse, achternaam: Verzonnen}", involved)
    text = text.replace("  omschrijving: |\n", f"  omschrijving: |\n    {sentence}\n", 1)
    case = write_case(tmp_path, text)
    if sentence.startswith("Jan "):
        with pytest.raises(InvalidInput, match="hier staat 'Jan'"):
            write_letter(case, EXAMPLE_POLICY, tmp_path / "uit")
        return
    write_letter(case, EXAMPLE_POLICY, tmp_path / "uit")  # 'basis', 'de', 'ter' are no names
    accented = text.replace(sentence, "Noe was erbij.")
    if "Noë" in involved:
        with pytest.raises(InvalidInput, match="hier staat 'Noë'"):
            write_letter(write_case(tmp_path, accented, "ander.yaml"), EXAMPLE_POLICY, tmp_path / "uit")


def test_a_group_letter_names_the_children_it_is_about_for_the_check(tmp_path: Path) -> None:
    text = re.sub(
        r"# Alleen voor de controle.*\nbetrokken_leerlingen:\n(  - .*\n)+",
        "",
        example("incident-eigen-groep"),
    )
    case = write_case(tmp_path, text)
    with pytest.raises(InvalidInput) as caught:
        write_letter(case, EXAMPLE_POLICY, tmp_path / "uit")
    (problem,) = caught.value.problems
    assert problem.key == "betrokken_leerlingen"
    assert "verplichte sleutel 'betrokken_leerlingen' ontbreekt" in problem.message


# --- Organisations follow the staff rule for publication ---------------------------------------

MOBILE, PRIVATE_MAIL = "06 1234 5678", "commissie@gmail.com"


def _all_published_text(policy: Path) -> str:
    (school,) = load_schools(policy)
    texts = Renderer().render_school(build_context(school), school.template_dirs)
    return "\n".join(
        [chapter.markdown for document in texts.documents for chapter in document.chapters]
        + [page.markdown for page in texts.site_pages]
    )


def _board(committee: str = "", board: str = "") -> str:
    text = BOARD.replace(
        "    naam: Klachtencommissie Test\n",
        f"    naam: Klachtencommissie Test\n    telefoon: {MOBILE}\n    email: {PRIVATE_MAIL}\n{committee}",
    )
    return text.replace(
        "  richting: openbaar\n",
        f"  richting: openbaar\n  telefoon: 06 9876 5432\n  email: stichting@hotmail.com\n{board}",
    )


def test_an_organisations_mobile_number_and_private_address_are_not_published_without_publiceer(
    tmp_path: Path,
) -> None:
    text = _all_published_text(policy_tree(tmp_path, board=_board()))
    assert "Klachtencommissie Test" in text
    for hidden in ("tel:+31612345678", MOBILE, PRIVATE_MAIL, "tel:+31698765432", "stichting@hotmail.com"):
        assert hidden not in text, hidden


def test_an_organisations_contact_data_is_published_with_publiceer(tmp_path: Path) -> None:
    marked = "    publiceer: {telefoon: true, email: true}\n"
    board = _board(committee=marked, board="  publiceer: {telefoon: true, email: true}\n")
    text = _all_published_text(policy_tree(tmp_path, board=board))
    for shown in (
        "tel:+31612345678",
        f"mailto:{PRIVATE_MAIL}",
        "tel:+31698765432",
        "mailto:stichting@hotmail.com",
    ):
        assert shown in text, shown


def test_an_organisations_address_on_its_own_domain_is_published_and_one_elsewhere_is_not(
    tmp_path: Path,
) -> None:
    own = BOARD.replace(
        "    naam: Klachtencommissie Test\n",
        "    naam: Klachtencommissie Test\n    telefoon: 030 123 4500\n    email: info@klachten.example\n"
        "    website: https://www.klachten.example\n",
    )
    text = _all_published_text(policy_tree(tmp_path / "eigen", board=own))
    assert "mailto:info@klachten.example" in text and "tel:+31301234500" in text
    other = own.replace("info@klachten.example", "k.jansen@jansen-familie.example")
    text = _all_published_text(policy_tree(tmp_path / "ander", board=other))
    assert "jansen-familie" not in text and "tel:+31301234500" in text
