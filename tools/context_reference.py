"""Print the reference of the template context (all names a template may use) as Markdown.

Run: python tools/context_reference.py > /tmp/ref.md and paste it into templates/README.md.
A test checks that templates/README.md names every field, so the reference cannot fall behind.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import typing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schoolveiligheid import documents  # noqa: E402
from schoolveiligheid.context import monitoring_views, sections, views  # noqa: E402


def _type(hint: object) -> str:
    text = str(hint)
    text = re.sub(r"<class '(?:[\w.]+\.)?(\w+)'>", r"\1", text)
    text = re.sub(
        r"\b(?:schoolveiligheid\.(?:context\.(?:views|sections|monitoring_views)|documents)|typing|datetime|collections\.abc)\.",
        "",
        text,
    )
    return text.replace("NoneType", "None").replace(" | ", " of ")


def describe(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls)
    lines = [f"### {cls.__name__}", "", (cls.__doc__ or "").strip(), ""]
    lines += ["| naam | soort |", "| --- | --- |"]
    lines += [f"| `{field.name}` | `{_type(hints[field.name])}` |" for field in dataclasses.fields(cls)]
    return [*lines, ""]


def main() -> None:
    out = ["## Overzicht van de context", ""]
    out += describe(sections.SchoolContext)
    classes = [
        c for c in vars(sections).values() if dataclasses.is_dataclass(c) and c is not sections.SchoolContext
    ]
    classes += [c for c in vars(views).values() if dataclasses.is_dataclass(c)]
    classes += [c for c in vars(monitoring_views).values() if dataclasses.is_dataclass(c)]
    classes += [documents.OwnText, documents.Place]  # own_texts: the school's own Markdown texts
    classes += [documents.Chart, documents.ChartSeries]  # monitoring_results: the trend charts
    for cls in sorted({c.__name__: c for c in classes}.values(), key=lambda c: c.__name__):
        out += describe(cls)
    print("\n".join(out))


if __name__ == "__main__":
    main()
