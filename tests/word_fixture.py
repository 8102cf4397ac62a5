"""Rendered documents of a fictional school, for the Word and PDF tests.

The chapters use every piece of Markdown the Word writer supports, so one set of
documents exercises headings, lists, tables, links and admonitions.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from schoolveiligheid.documents import Chapter, DocumentMeta, RenderedDocument

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "templates" / "word" / "master.docx"

SCHOOL = "Basisschool De Kiekendief"
BOARD = "Stichting Zilvermeeuw Onderwijs"

INLEIDING = """\
# Inleiding

Op onze school telt **ieder kind** mee. Dit plan beschrijft hoe we samen zorgen
voor een *veilige* omgeving, in de klas en daarbuiten.

Meer over de wet leest u op [de site van de overheid](https://wetten.overheid.nl/).

## Waarom dit plan

We leggen vast wat we doen om pesten te voorkomen en wat we doen als het toch gebeurt.
"""

MELDEN = """\
# Melden en aanpak

## Stappen bij een melding

1. De leerkracht luistert naar het kind.
2. De leerkracht spreekt met de betrokken leerlingen.
    1. Eerst met ieder kind apart.
    2. Daarna samen.
3. De leerkracht informeert de ouders.

Na vier weken volgt een evaluatie.

1. We bespreken of het pesten gestopt is.
2. We leggen de afspraken vast.

### Bereikbaarheid

- Aanspreekpunt: bel [030 765 43 21](tel:+31307654321)
- Coördinator: mail [coordinator@kiekendief.example](mailto:coordinator@kiekendief.example)
    - op maandag en dinsdag
    - via de schoolapp
- De directie
"""

AFSPRAKEN = """\
# Afspraken en rollen

| Rol | Taak | Bereikbaar |
|---|---|---|
| Aanspreekpunt | Eerste gesprek met kind en ouders | dagelijks |
| Coördinator | Beleid en *monitoring* | **dinsdag** |

!!! note "Let op"
    Bij acuut gevaar belt u altijd eerst 112.

    Daarna informeert u de directie.

Deze afspraken gelden voor alle groepen.
"""

SCHOOLGIDS = """\
# Sociale veiligheid

Wij werken met duidelijke afspraken in alle groepen.

- Iedereen hoort erbij.
- We lossen ruzies samen op.
"""


def meta(**changes: object) -> DocumentMeta:
    """The fictional school's metadata; `changes` replaces fields."""
    base = DocumentMeta(
        school_id="kiekendief",
        school_name=SCHOOL,
        board_name=BOARD,
        school_year="2026-2027",
        version="1.2",
        status="vastgesteld",
        adopted_on="15 september 2026",
        consent_on="8 september 2026",
        adopted_date=date(2026, 9, 15),
        school_year_start=date(2026, 8, 1),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def documents(document_meta: DocumentMeta | None = None) -> list[RenderedDocument]:
    """A veiligheidsplan and pestprotocol with a table of contents, and a schoolgids without."""
    data = document_meta or meta()
    return [
        RenderedDocument(
            kind="veiligheidsplan",
            title="Sociaal veiligheidsplan",
            file_stem="sociaal-veiligheidsplan",
            meta=data,
            chapters=(
                Chapter("inleiding", "Inleiding", INLEIDING),
                Chapter("melden", "Melden en aanpak", MELDEN),
                Chapter("afspraken", "Afspraken en rollen", AFSPRAKEN),
            ),
        ),
        RenderedDocument(
            kind="pestprotocol",
            title="Pestprotocol",
            file_stem="pestprotocol",
            meta=data,
            chapters=(Chapter("melden", "Melden en aanpak", MELDEN),),
        ),
        RenderedDocument(
            kind="schoolgids",
            title="Schoolgids: sociale veiligheid",
            file_stem="schoolgids-sociale-veiligheid",
            meta=data,
            chapters=(Chapter("veiligheid", "Sociale veiligheid", SCHOOLGIDS),),
            toc=False,
        ),
    ]
