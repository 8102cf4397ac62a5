"""How much compile-once saves the Word writer: N documents, one writer versus a fresh one per document.

Run from the repository root: `.venv/bin/python benchmarks/bench_word.py [N]`.
The baseline makes a new WordWriter for every document, so every document gets
a fresh Jinja environment, reads the master from disk and compiles its
templates again, as a naive docxtpl loop does. Both are measured in the same
run, best of three, after a warm-up.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from schoolveiligheid.documents import Chapter, DocumentMeta, RenderedDocument  # noqa: E402
from schoolveiligheid.writers.word import WordWriter  # noqa: E402

MASTER = ROOT / "templates" / "word" / "master.docx"

CHAPTER = """\
# Hoofdstuk {n}

Dit hoofdstuk beschrijft onderdeel {n} van het beleid. We noemen **wie** wat doet en *wanneer*.

## Afspraken

1. De leerkracht bespreekt de afspraken met de groep.
2. De afspraken hangen zichtbaar in de klas.
    1. In de onderbouw met pictogrammen.
    2. In de bovenbouw als tekst.

- Bel het aanspreekpunt: [030 111 22 33](tel:+31301112233)
- Of mail: [info@school.example](mailto:info@school.example)

| Wie | Wat | Wanneer |
|---|---|---|
| Leerkracht | Signaleert | dagelijks |
| Intern begeleider | Overlegt | maandelijks |

!!! note "Goed om te weten"
    Ouders kunnen altijd een afspraak maken.
"""


def documents(count: int, chapter_count: int = 8) -> list[list[RenderedDocument]]:
    """`count` documents in batches of three per fictional school."""
    batches: list[list[RenderedDocument]] = []
    for number in range((count + 2) // 3):
        meta = DocumentMeta(
            school_id=f"school{number}",
            school_name=f"Basisschool Voorbeeld {number}",
            board_name="Stichting Voorbeeldbestuur",
            school_year="2026-2027",
            school_year_start=date(2026, 8, 1),
            version="1.0",
            status="vastgesteld",
            adopted_on="1 oktober 2026",
            consent_on="",
        )
        chapters = tuple(
            Chapter(f"h{n}", f"Hoofdstuk {n}", CHAPTER.format(n=n)) for n in range(1, chapter_count + 1)
        )
        batches.append(
            [
                RenderedDocument(
                    kind=kind, title=kind.capitalize(), file_stem=kind, meta=meta, chapters=chapters
                )
                for kind in ("veiligheidsplan", "pestprotocol", "schoolgids")
            ]
        )
    flat = [document for batch in batches for document in batch][:count]
    return [flat[i : i + 3] for i in range(0, len(flat), 3)]


def compile_once(batches: list[list[RenderedDocument]], out: Path) -> int:
    writer = WordWriter()
    for number, batch in enumerate(batches):
        writer.write(batch, out / f"school{number}", MASTER)
    return writer.compilations


def naive(batches: list[list[RenderedDocument]], out: Path) -> int:
    compilations = 0
    for number, batch in enumerate(batches):
        for document in batch:
            writer = WordWriter()  # fresh environment, fresh master, fresh compilation
            writer.write([document], out / f"school{number}", MASTER)
            compilations += writer.compilations
    return compilations


def best_of(runs: int, function: object, batches: list[list[RenderedDocument]]) -> tuple[float, int]:
    times, compilations = [], 0
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            compilations = function(batches, Path(out))  # type: ignore[operator]
            times.append(time.perf_counter() - start)
    return min(times), compilations


def compare(label: str, batches: list[list[RenderedDocument]], count: int) -> None:
    fast, fast_compilations = best_of(3, compile_once, batches)
    slow, slow_compilations = best_of(3, naive, batches)
    print(label)
    print(
        f"  compile-once writer : {fast:6.3f} s  ({fast / count * 1000:5.1f} ms/document, {fast_compilations} compilaties)"
    )
    print(
        f"  naïeve baseline     : {slow:6.3f} s  ({slow / count * 1000:5.1f} ms/document, {slow_compilations} compilaties)"
    )
    print(f"  verhouding naïef / compile-once: {slow / fast:.2f}x")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    batches = documents(count)
    best_of(1, compile_once, batches[:1])  # warm-up: imports, caches of lxml and python-docx
    compare(f"{count} documenten, {len(batches)} scholen, 8 hoofdstukken per document:", batches, count)
    # Without chapters only the master's cover, header and footer are rendered: the part Jinja compiles.
    compare(
        f"{count} documenten zonder hoofdstukken (alleen voorblad, kop- en voettekst):",
        documents(count, 0),
        count,
    )


if __name__ == "__main__":
    main()
