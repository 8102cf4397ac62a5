"""Legal facts: one table, each fact with its source and whether it was verified.

Everything the documents, letters and checks say about the law comes from here,
so a correction is made once. A fact that is not verified carries no article
number: the products then state the rule without citing an article, rather
than citing a guessed one. Sources are in ../shared/reference/LAW.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

Law = Literal["WPO", "WEC"]
Richting = Literal["openbaar", "bijzonder", "samenwerkingsschool"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Fact:
    """One legal fact. `article` is only set when the article number was verified."""

    key: str
    rule: str
    sources: tuple[Source, ...]
    verified: bool
    article: str | None = None

    def __post_init__(self) -> None:
        if self.article and not self.verified:
            raise ValueError(f"{self.key}: an article may only be cited once it is verified")


AVS_SCHORSING = Source("AVS, Wanneer mag een leerling geschorst worden (po)?", "https://www.avs.nl")
POE_SCHORSING = Source("Passend onderwijs en ouders, schorsing", "https://www.passendonderwijsenouders.nl")
INSPECTIE_BEZWAAR = Source(
    "Inspectie van het Onderwijs, Bezwaar maken tegen verwijdering", "https://www.onderwijsinspectie.nl"
)
WPO_63 = Source(
    "Wet op het primair onderwijs, artikel 63 (tekst gelezen)", "https://wetten.overheid.nl/BWBR0003420"
)
RBLGV = Source("RBL Gooi en Vechtstreek, Verwijderen", "https://www.rblgv.nl")
GESCHILLEN_107710 = Source(
    "Onderwijsgeschillen, uitspraak 107710 (20-07-2017)", "https://www.onderwijsgeschillen.nl"
)
INSPECTIE_MONITORING = Source(
    "Inspectie van het Onderwijs, Toezicht op monitoring sociale veiligheid",
    "https://www.onderwijsinspectie.nl",
)
MVT_34130 = Source(
    "Kamerstuk 34 130 nr. 3, memorie van toelichting Wet veiligheid op school",
    "https://zoek.officielebekendmakingen.nl",
)
MELDCODE = Source(
    "Besluit verplichte meldcode huiselijk geweld en kindermishandeling", "https://wetten.overheid.nl"
)
VEILIG_THUIS = Source("Veilig Thuis, stappenplan meldcode", "https://www.veiligthuis.nl")
SCHOOLGIDS = Source("Onderwijsconsument, Wat staat er in de schoolgids?", "https://www.onderwijsconsument.nl")

FACTS: Mapping[str, Fact] = {
    fact.key: fact
    for fact in (
        Fact(
            "wet_veiligheid_op_school",
            "Sinds 1 augustus 2015 moet elke school een sociaal veiligheidsbeleid voeren, de veiligheid jaarlijks "
            "monitoren en een coördinator anti-pestbeleid en aanspreekpunt pesten aanwijzen.",
            (MVT_34130, INSPECTIE_MONITORING),
            verified=True,
        ),
        Fact(
            "monitoring",
            "De monitoring gebeurt ten minste één keer per jaar met een gestandaardiseerd, valide en betrouwbaar "
            "instrument dat een representatief beeld geeft.",
            (INSPECTIE_MONITORING,),
            verified=True,
        ),
        Fact(
            "schorsing_wpo",
            "Het bevoegd gezag kan een leerling met opgave van redenen voor ten hoogste één week schorsen; het "
            "besluit gaat schriftelijk naar de ouders en de inspectie krijgt bericht bij een schorsing van meer dan "
            "één dag.",
            (AVS_SCHORSING, POE_SCHORSING),
            verified=True,
            article="artikel 40c van de Wet op het primair onderwijs",
        ),
        Fact(
            "schorsing_wec",
            "Het bevoegd gezag kan een leerling met opgave van redenen voor ten hoogste één week schorsen; het "
            "besluit gaat schriftelijk naar de ouders en de inspectie krijgt bericht bij een schorsing van meer dan "
            "één dag.",
            (POE_SCHORSING,),
            verified=True,
            article="artikel 40a van de Wet op de expertisecentra",
        ),
        Fact(
            "verwijdering_andere_school",
            "Een leerling wordt pas definitief verwijderd als een andere school bereid is de leerling toe te laten; "
            "de school blijft zich daarvoor inspannen. Voor het besluit worden de groepsleerkracht en de ouders "
            "gehoord; de inspectie en de leerplichtambtenaar worden geïnformeerd.",
            (RBLGV, GESCHILLEN_107710),
            verified=False,
        ),
        Fact(
            "bezwaar_bijzonder",
            "Ouders kunnen binnen zes weken na de bekendmaking schriftelijk bezwaar maken bij het bevoegd gezag. "
            "Het bevoegd gezag hoort de ouders en beslist binnen vier weken na ontvangst van het bezwaarschrift.",
            (WPO_63,),
            verified=True,
            article="artikel 63, derde lid, van de Wet op het primair onderwijs",
        ),
        Fact(
            "bezwaar_openbaar",
            "Ouders kunnen binnen zes weken na de bekendmaking bezwaar maken bij het bevoegd gezag. Het bevoegd "
            "gezag beslist binnen vier weken, gerekend vanaf de dag na het einde van de bezwaartermijn.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
        ),
        Fact(
            "bezwaar_bijzonder_wec",
            "Ouders kunnen binnen zes weken na de bekendmaking schriftelijk bezwaar maken bij het bevoegd gezag. "
            "Het bevoegd gezag hoort de ouders en beslist binnen vier weken na ontvangst van het bezwaarschrift.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
        ),
        Fact(
            "rechter_samenwerkingsschool",
            "Na de beslissing op bezwaar kunnen ouders naar de rechter; of dat de bestuursrechter of de civiele "
            "rechter is, hangt af van de rechtsvorm van het bestuur van de samenwerkingsschool.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
        ),
        Fact(
            "rechter_openbaar",
            "Na de beslissing op bezwaar kunnen ouders van een openbare school naar de bestuursrechter.",
            (INSPECTIE_BEZWAAR,),
            verified=True,
        ),
        Fact(
            "rechter_bijzonder",
            "Na de beslissing op bezwaar kunnen ouders van een bijzondere school naar de civiele rechter.",
            (INSPECTIE_BEZWAAR,),
            verified=True,
        ),
        Fact(
            "meldcode",
            "Sinds 1 juli 2013 werkt elke school met een meldcode huiselijk geweld en kindermishandeling; sinds "
            "1 januari 2019 hoort daar een afwegingskader bij.",
            (MELDCODE, VEILIG_THUIS),
            verified=True,
        ),
        Fact(
            "schoolgids_veiligheid",
            "De schoolgids beschrijft het beleid over de veiligheid op school en de klachtenregeling.",
            (SCHOOLGIDS,),
            verified=False,
        ),
    )
}

# Numbers the products compute with. Each is stated in the fact named beside it.
SUSPENSION_MAX_SCHOOL_DAYS = 5  # "ten hoogste één week": schorsing_wpo / schorsing_wec
INSPECTIE_NOTICE_AFTER_DAYS = 1  # schorsing longer than one day: schorsing_wpo / schorsing_wec
OBJECTION_WEEKS = 6  # bezwaar_bijzonder / bezwaar_openbaar
DECISION_WEEKS = 4  # bezwaar_bijzonder / bezwaar_openbaar
MONITORING_MAX_AGE_MONTHS = 12  # monitoring: at least once a year
WET_VEILIGHEID_IN_FORCE = date(2015, 8, 1)  # wet_veiligheid_op_school


@dataclass(frozen=True, slots=True)
class LawVariant:
    """The legal facts that apply to one school, chosen by school type and board richting."""

    law: Law
    act: str
    suspension: Fact
    removal: Fact
    objection: Fact
    court: Fact
    decision_counted_from_receipt: bool


def variant(law: Law, richting: Richting) -> LawVariant:
    """WPO or WEC by school type; the objection route and court by richting."""
    public = richting == "openbaar"
    if public:
        objection = "bezwaar_openbaar"
    else:
        objection = "bezwaar_bijzonder" if law == "WPO" else "bezwaar_bijzonder_wec"
    court = {"openbaar": "rechter_openbaar", "bijzonder": "rechter_bijzonder"}.get(
        richting, "rechter_samenwerkingsschool"
    )
    return LawVariant(
        law=law,
        act="Wet op het primair onderwijs" if law == "WPO" else "Wet op de expertisecentra",
        suspension=FACTS["schorsing_wpo" if law == "WPO" else "schorsing_wec"],
        removal=FACTS["verwijdering_andere_school"],
        objection=FACTS[objection],
        court=FACTS[court],
        decision_counted_from_receipt=not public,
    )
