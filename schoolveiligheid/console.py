"""The terminal: output that never crashes on a console that cannot show every character, and the
command as the user ran it, for the tips the command line prints.

A Windows console (or a file that `verschil ... > wijzigingen.txt` writes there) often uses cp1252,
which has no arrow; Python would stop with UnicodeEncodeError halfway through the output. Instead,
characters the console cannot show are written as their nearest plain equivalent ("→" as "->").
"""

from __future__ import annotations

import codecs
import io
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import display_path
from .paths import PACKAGE

ERROR_HANDLER = "schoolveiligheid-eenvoudig"

# Characters our messages use that older code pages lack, and what to write instead.
_PLAIN = {
    "→": "->",
    "←": "<-",
    "↔": "<->",
    "…": "...",
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "•": "*",
    "✓": "v",
    "✗": "x",
    "\u00a0": " ",
}


def _plain(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(_PLAIN.get(character, "?") for character in text), error.end


codecs.register_error(ERROR_HANDLER, _plain)


def safe_console(streams: Sequence[object] | None = None) -> None:
    """Make stdout and stderr write characters their encoding lacks in plain form instead of crashing."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        try:
            name = codecs.lookup(stream.encoding or "ascii").name
        except LookupError:
            name = ""
        if name not in ("utf-8", "utf-16", "utf-32") and stream.errors == "strict":
            stream.reconfigure(errors=ERROR_HANDLER)


_path = os.path  # the path rules of this system (tests put Windows' in their place)


def _on_windows() -> bool:
    return os.name == "nt"


def _quote(argument: str) -> str:
    if _on_windows():
        return subprocess.list2cmdline([argument])
    return shlex.quote(argument)


def _as_typed(path: str) -> str:
    """A program as the user can type it: its bare name when that finds this very program, else its path."""
    name = _path.basename(path)
    found = shutil.which(name)
    if found is not None and _path.normcase(_path.abspath(found)) == _path.normcase(_path.abspath(path)):
        return _path.splitext(name)[0] if _on_windows() else name
    return display_path(path)


def program_name(argv0: str | None = None) -> str:
    """The name in the usage line: generate.py, schoolveiligheid or python -m schoolveiligheid."""
    path = sys.argv[0] if argv0 is None else argv0
    name = _path.basename(path)
    if name == "__main__.py" and Path(_path.dirname(_path.abspath(path))).resolve() == PACKAGE:
        return "python -m schoolveiligheid"
    if name.startswith("schoolveiligheid"):
        return "schoolveiligheid"
    return "generate.py"


def command_prefix(argv0: str | None = None, executable: str | None = None) -> str:
    """The start of a command the user can copy: as they ran the program (`.venv/bin/python generate.py`,
    `schoolveiligheid`, `python -m schoolveiligheid`); `python generate.py` when called from other code."""
    script = sys.argv[0] if argv0 is None else argv0
    python = _as_typed(sys.executable if executable is None else executable)
    name = program_name(script)
    if name == "python -m schoolveiligheid":
        return f"{_quote(python)} -m schoolveiligheid"
    if name == "schoolveiligheid":
        return _quote(_as_typed(script))
    if _path.basename(script) == "generate.py":
        return f"{_quote(python)} {_quote(display_path(script))}"
    return "python generate.py"


def command(words: Sequence[str], argv0: str | None = None, executable: str | None = None) -> str:
    """A whole command line to show in a tip: the prefix, then `words`, each quoted where needed."""
    return " ".join([command_prefix(argv0, executable), *(_quote(word) for word in words)])


__all__ = ["command", "command_prefix", "program_name", "safe_console"]
