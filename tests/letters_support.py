"""Helpers for the letter and form tests: the example cases, and the text of a written .docx."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "letters" / "voorbeelden"
EXAMPLE_POLICY = ROOT / "policy"


def example(name: str) -> str:
    """The text of an example case file, e.g. example('schorsing')."""
    return (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")


def docx_text(path: Path) -> str:
    """Every line a reader sees: header, body paragraphs, table cells and footer."""
    document = Document(str(path))
    lines: list[str] = []
    for section in document.sections:
        lines += [p.text for p in section.header.paragraphs]
    lines += [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    for section in document.sections:
        lines += [p.text for p in section.footer.paragraphs]
    return "\n".join(line for line in lines if line.strip())


def write_case(folder: Path, text: str, name: str = "zaak.yaml") -> Path:
    """Write a case file into folder and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def blank_key(text: str, key: str) -> str:
    """The case text with a top-level key left empty ('key:' and nothing after it)."""
    lines = text.splitlines()
    start = next(number for number, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "- "))):
        end += 1
    return "\n".join([*lines[:start], f"{key}:", *lines[end:]]) + "\n"


def key_paths(node: object, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every key path in parsed YAML, outer before inner: ('leerling',), ('leerling', 'voornaam'), ..."""
    found: list[tuple[str | int, ...]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        found.append((*prefix, key))
        found.extend(key_paths(value, (*prefix, key)))
    return found


def set_at(data: object, path: tuple[str | int, ...], value: object) -> None:
    """Replace the value at a key path in parsed YAML."""
    node = data
    for part in path[:-1]:
        node = node[part]  # type: ignore[index]
    node[path[-1]] = value  # type: ignore[index]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_line(paragraph: Paragraph) -> str:
    """One paragraph as a line: its style (unless Normal), its text with bold runs in **, fields' text too."""
    parts: list[str] = []
    for run in paragraph._p.iter(f"{_W}r"):
        text = ""
        for child in run:
            if child.tag == f"{_W}t":
                text += child.text or ""
            elif child.tag == f"{_W}tab":
                text += "\t"
            elif child.tag == f"{_W}br":
                text += "[nieuwe pagina]" if child.get(f"{_W}type") == "page" else "\n"
            elif child.tag == f"{_W}drawing":
                text += "[afbeelding]"
        bold = run.find(f"{_W}rPr/{_W}b")
        is_bold = bold is not None and bold.get(f"{_W}val") not in ("0", "false")
        parts.append(f"**{text}**" if is_bold and text else text)
    style = paragraph.style.name if paragraph.style is not None else "Normal"
    line = "".join(parts)
    line = line if style == "Normal" else f"[{style}] {line}"
    # '@ nieuwe pagina' puts the break on the paragraph after it: shown as the line a break paragraph gave.
    return f"[nieuwe pagina]\n{line}" if paragraph.paragraph_format.page_break_before else line


def _block_lines(container: BlockItemContainer) -> list[str]:
    lines: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            lines.append("[tabel]")
            for row in item.rows:
                cells = [" / ".join(_paragraph_line(p) for p in cell.paragraphs) for cell in row.cells]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("[einde tabel]")
        else:
            lines.append(_paragraph_line(item))
    return lines


def docx_outline(path: Path) -> str:
    """What a reader sees, in document order: header, body (paragraphs and table rows), footer.

    Every paragraph is a line, empty ones included, with its style when it is not Normal
    and bold text in **; the golden texts in tests/data/ are made with this.
    """
    document = Document(str(path))
    lines: list[str] = []
    for number, section in enumerate(document.sections, start=1):
        orientation = "liggend" if section.page_width > section.page_height else "staand"
        lines.append(f"== sectie {number} ({orientation}) · koptekst ==")
        lines += _block_lines(section.header)
    lines.append("== tekst ==")
    lines += _block_lines(document)
    for number, section in enumerate(document.sections, start=1):
        lines.append(f"== sectie {number} · voettekst ==")
        lines += _block_lines(section.footer)
    return "\n".join(lines) + "\n"
