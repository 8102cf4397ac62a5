"""User text made inert in Markdown: shown as typed, never turned into markup, links or blocks.

One function for every stage that writes Markdown: the templates' output (render.py) and the
change summary for the MR (verschil), so a value is escaped the same way wherever it lands.
"""

from __future__ import annotations

import re

_MD_INLINE = re.compile(r"([\\`*_\[\]|#])")  # '#': a heading drops a closing "#"
# Only what would start a block at the beginning of a line: a heading, a list item, a setext line,
# an admonition ("!!! danger").
_MD_LINE_START = re.compile(r"(?m)^(\s*)(#|!|[-+*](?=\s)|\d+\.(?=\s)|[=-]+\s*$)")


def escape_markdown(text: str) -> str:
    """Make user text inert in Markdown: no HTML, no emphasis, links, tables or lists."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match[1], match[2]
    if marker.endswith("."):
        return f"{indent}{marker[:-1]}\\."
    if marker.startswith("="):  # Markdown has no backslash escape for '='
        return f"{indent}&#61;{marker[1:]}"
    return f"{indent}\\{marker}"


__all__ = ["escape_markdown"]
