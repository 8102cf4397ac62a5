"""Helpers for the letter and form tests: the example cases, and the text of a written .docx."""

from __future__ import annotations

from pathlib import Path

from docx import Document

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
