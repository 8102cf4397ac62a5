"""Site bundles for the site tests: a fictional school, and the place where real bundles plug in.

Every check in test_site.py and test_site_browser.py reads what it expects from
the bundle itself (tel: links on the start and contact page, the pages of the
pestprotocol), so a bundle from the render stage runs through the same checks:
add a function to SITE_CASES that returns it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import docx

from schoolveiligheid.documents import Chapter, DocumentMeta, RenderedDocument, SiteBundle, SitePage

BOARD = "Stichting Proefpolder Onderwijs"
SCHOOL = "Basisschool De Testhoeve"
AANSPREEKPUNT_TEL = "tel:+31301234567"
AANSPREEKPUNT_NUMMER = "030 123 45 67"
COORDINATOR_TEL = "tel:+31301234568"
COORDINATOR_NUMMER = "030 123 45 68"

START = f"""
# Welkom bij {SCHOOL}

Wordt uw kind gepest, of voelt het zich niet veilig op school? Praat er eerst over met de
leerkracht. Lukt het samen niet, bel of mail dan ons aanspreekpunt.

**Mila Verbeek**, aanspreekpunt pesten  
Telefoon: [{AANSPREEKPUNT_NUMMER}]({AANSPREEKPUNT_TEL})  
E-mail: [aanspreekpunt@testhoeve.example](mailto:aanspreekpunt@testhoeve.example)

Alle namen en nummers staan op de pagina [Contact](contact.md). Hoe wij werken, leest u in
het [sociaal veiligheidsplan](sociaal-veiligheidsplan/inleiding.md) en het
[anti-pestprotocol](anti-pestprotocol.md).
"""

CONTACT = f"""
# Contact

Wij zijn op schooldagen bereikbaar van 8.00 tot 16.30 uur.

| Rol | Naam | Telefoon | E-mail |
|-----|------|----------|--------|
| Aanspreekpunt pesten | Mila Verbeek | [{AANSPREEKPUNT_NUMMER}]({AANSPREEKPUNT_TEL}) | [aanspreekpunt@testhoeve.example](mailto:aanspreekpunt@testhoeve.example) |
| Anti-pestcoördinator | Joris van Dalen | [{COORDINATOR_NUMMER}]({COORDINATOR_TEL}) | [coordinator@testhoeve.example](mailto:coordinator@testhoeve.example) |
| Vertrouwenspersoon (extern) | Anouk de Wit-Hazelaar | [030 765 43 21](tel:+31307654321) | [vertrouwenspersoon@proefpolder.example](mailto:vertrouwenspersoon@proefpolder.example) |

Heeft u een klacht? Lees dan eerst [hoe u een incident meldt](sociaal-veiligheidsplan/incidenten.md#melden).
"""

DOWNLOADS_PAGE = """
# Downloads

- [Sociaal veiligheidsplan (Word)](downloads/sociaal-veiligheidsplan.docx)
- [Anti-pestprotocol (Word)](downloads/anti-pestprotocol.docx)
"""

INLEIDING = """
# Inleiding

Op De Testhoeve willen wij dat ieder kind zich veilig voelt. In dit plan staat wat wij daarvoor
doen, wie waarvoor aanspreekbaar is en wat er gebeurt als het toch misgaat.

## Voor wie dit plan is

Voor ouders, leerlingen en iedereen die op school werkt. De afspraken staan in het volgende
hoofdstuk: [afspraken](afspraken.md).
"""

AFSPRAKEN = """
# Afspraken in de groep

Elke groep maakt aan het begin van het schooljaar eigen afspraken.

## Zo doen wij het

1. De groep bespreekt wat nodig is om fijn samen te werken.
2. De leerkracht schrijft de afspraken op en hangt ze op.
3. Na de herfstvakantie kijkt de groep of de afspraken nog werken.

!!! note "Let op"
    Ouders kunnen de afspraken van de groep opvragen bij de leerkracht.

### Wie let erop

De leerkracht, en bij de pauze de pleinwacht.

| Week | Onderwerp | Wie bereidt voor | Waar vastgelegd | Wanneer besproken met ouders |
|------|-----------|------------------|-----------------|-------------------------------|
| 1 | Kennismaken en groepsafspraken opstellen | Leerkracht en leerlingenraad | Klassenmap en ouderportaal | Informatieavond in september |
| 6 | Terugblik op de afspraken en bijstellen | Leerkracht | Klassenmap | Tienminutengesprek in november |
"""

INCIDENTEN = """
# Incidenten

Soms gaat het mis. Dan handelen wij snel en houden wij ouders op de hoogte.

## Melden

Zag u iets gebeuren? Meld het dezelfde dag bij de leerkracht of het [aanspreekpunt](../contact.md).

## Vastleggen

De school legt elk incident vast en bespreekt het in het team.
"""

PESTPROTOCOL = """
# Anti-pestprotocol

Pesten accepteren wij niet. Dit protocol beschrijft hoe wij pesten voorkomen en wat wij doen als
een kind gepest wordt.

## Voorkomen

Wij werken in alle groepen aan een goede sfeer en bespreken pesten open in de klas.

## Aanpakken

Wij praten met het kind dat gepest wordt, met de kinderen die pesten en met de groep. Ouders
horen het dezelfde week van ons.
"""


def meta(status: str = "concept") -> DocumentMeta:
    """Cover data of the fictional school; `status` 'concept' or 'vastgesteld'."""
    adopted = "15 september 2026" if status == "vastgesteld" else ""
    return DocumentMeta(
        school_id="de-testhoeve",
        school_name=SCHOOL,
        board_name=BOARD,
        school_year="2026-2027",
        school_year_start=date(2026, 8, 1),
        version="1.0",
        status=status,
        adopted_on=adopted,
        consent_on=adopted,
    )


def de_testhoeve_bundle(status: str = "concept") -> SiteBundle:
    """Start page, contact page with a table, a three-chapter plan and a one-chapter protocol."""
    info = meta(status)
    plan = RenderedDocument(
        kind="veiligheidsplan",
        title="Sociaal veiligheidsplan",
        file_stem="sociaal-veiligheidsplan",
        meta=info,
        chapters=(
            Chapter("inleiding", "Inleiding", INLEIDING),
            Chapter("afspraken", "Afspraken in de groep", AFSPRAKEN),
            Chapter("incidenten", "Incidenten", INCIDENTEN),
        ),
    )
    protocol = RenderedDocument(
        kind="pestprotocol",
        title="Anti-pestprotocol",
        file_stem="anti-pestprotocol",
        meta=info,
        chapters=(Chapter("anti-pestprotocol", "Anti-pestprotocol", PESTPROTOCOL),),
        toc=False,
    )
    return SiteBundle(
        school_id=info.school_id,
        school_name=SCHOOL,
        board_name=BOARD,
        meta=info,
        pages=(
            SitePage("index", "Start", START),
            SitePage("contact", "Contact", CONTACT),
            SitePage("downloads", "Downloads", DOWNLOADS_PAGE),
        ),
        documents=(plan, protocol),
        downloads=("sociaal-veiligheidsplan.docx", "anti-pestprotocol.docx"),
    )


def make_docx(path: Path, title: str) -> Path:
    """A small real Word file, as the Word writer would leave beside the site."""
    document = docx.Document()
    document.add_heading(title, level=1)
    document.add_paragraph(f"{title} van {SCHOOL}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


@dataclass(frozen=True)
class SiteCase:
    """Bundles to build together, with the files each school offers for download."""

    bundles: tuple[SiteBundle, ...]
    downloads: dict[str, list[Path]] = field(default_factory=dict)


def de_testhoeve_case(folder: Path) -> SiteCase:
    """The fictional school on its own, with its two Word files."""
    bundle = de_testhoeve_bundle()
    files = [make_docx(folder / name, name.removesuffix(".docx")) for name in bundle.downloads]
    return SiteCase((bundle,), {bundle.school_id: files})


def board_case(folder: Path) -> SiteCase:
    """Two schools of one board (one adopted, one draft), so a board index is built too."""
    first = de_testhoeve_case(folder)
    adopted = de_testhoeve_bundle("vastgesteld")
    info = dataclasses.replace(adopted.meta, school_id="de-proeftuin", school_name="Kindcentrum De Proeftuin")
    second = dataclasses.replace(adopted, school_id=info.school_id, school_name=info.school_name, meta=info)
    return SiteCase(
        (*first.bundles, second), {**first.downloads, second.school_id: first.downloads["de-testhoeve"]}
    )


def example_case(folder: Path) -> SiteCase:
    """The bundled example board (policy/): three real schools, rendered and written as `bouw` does."""
    from schoolveiligheid.build import master_for, site_bundle
    from schoolveiligheid.context import build_context
    from schoolveiligheid.model import load_schools
    from schoolveiligheid.render import Renderer
    from schoolveiligheid.writers.word import WordWriter

    renderer, writer = Renderer(), WordWriter()
    bundles, downloads = [], {}
    for school in load_schools(Path(__file__).resolve().parents[1] / "policy"):
        texts = renderer.render_school(build_context(school), school.template_dirs)
        files = writer.write(texts.documents, folder / school.id, master_for(school))
        bundles.append(site_bundle(texts, files))
        downloads[school.id] = files
    return SiteCase(tuple(bundles), downloads)


# name -> function(folder for download files) -> SiteCase. Add real bundles here.
SITE_CASES: dict[str, Callable[[Path], SiteCase]] = {
    "testhoeve": de_testhoeve_case,
    "bestuur": board_case,
    "voorbeeld": example_case,
}


# What a reader must find, read from the bundle rather than hard-coded.

TEL_LINK = re.compile(r"\]\((tel:[^)\s]+)\)")


def tel_links(bundle: SiteBundle, slug: str) -> list[str]:
    """The tel: targets written in the Markdown of a site page."""
    page = next(page for page in bundle.pages if page.slug == slug)
    return TEL_LINK.findall(page.markdown)


def document_urls(bundle: SiteBundle, kind: str) -> list[str]:
    """Site-relative URLs of the pages of every document of one kind."""
    urls: list[str] = []
    for document in bundle.documents:
        if document.kind != kind:
            continue
        if len(document.chapters) == 1:
            urls.append(f"{document.file_stem}.html")
        else:
            urls.extend(f"{document.file_stem}/{chapter.slug}.html" for chapter in document.chapters)
    return urls
