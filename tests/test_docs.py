"""The README tells the truth: its two commands, CI's test command and every CLI command match."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import re
from pathlib import Path

from schoolveiligheid.cli import RUNNERS, parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    """The shell commands in the README's 'Snel beginnen' section, in order."""
    section = README.split("## Snel beginnen", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_has_the_two_commands() -> None:
    install_and_run, install_and_test = _commands()
    assert install_and_run.endswith("generate.py")
    assert "pytest" in install_and_test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last_command = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last_command == _commands()[1]


def test_every_cli_command_is_documented_and_has_help() -> None:
    main = parser()
    subcommands = next(action for action in main._actions if action.dest == "opdracht")
    for name in RUNNERS:
        assert f"generate.py {name}" in README or name == "bouw", f"README noemt 'generate.py {name}' niet"
        assert subcommands.choices[name].format_help().startswith("gebruik:")  # type: ignore[index]
        help_texts = {choice.dest: choice.help for choice in subcommands._choices_actions}  # type: ignore[attr-defined]
        assert help_texts[name], f"{name} heeft geen helptekst"


def test_gitignore_keeps_outputs_and_letters_out_of_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    for entry in ("/site/", "/documenten/", "/brieven/"):
        assert entry in ignored


def test_templates_readme_lists_the_whole_context() -> None:
    """templates/README.md ends with the reference tools/context_reference.py prints: every name a template sees."""
    spec = importlib.util.spec_from_file_location(
        "context_reference", ROOT / "tools" / "context_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        module.main()
    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    assert readme.endswith(printed.getvalue()), (
        "draai tools/context_reference.py en zet de uitvoer in templates/README.md"
    )
