"""Legal facts: one table, each fact with its source and whether it was verified.

Everything the documents, letters and checks say about the law comes from here,
so a correction is made once. A fact that is not verified carries no article
number: the products then state the rule without citing an article, rather
than citing a guessed one. Sources are in ../shared/reference/LAW.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
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
KLACHTRECHT = Source(
    "Onderwijskantoor, Actualiteiten klachtrecht en veiligheid op school",
    "https://www.onderwijskantoor.nl/nieuws/actualiteiten-klachtrecht-en-veiligheid-op-school",
)
VOO_SCHOOLGIDS = Source("Vereniging Openbaar Onderwijs, Schoolgids", "https://www.voo.nl")
CBS_SCHOOLJAAR = Source(
    "CBS, begrip Schooljaar", "https://www.cbs.nl/nl-nl/onze-diensten/methoden/begrippen/schooljaar"
)
RBLGV_SCHORSEN = Source("RBL Gooi en Vechtstreek, Schorsen en verwijderen", "https://www.rblgv.nl")
ONDERWIJSCONSUMENT_BESLUIT = Source(
    "Onderwijsconsument, Oneens met een besluit van de school", "https://www.onderwijsconsument.nl"
)
ONDERWIJSGESCHILLEN = Source(
    "Onderwijsgeschillen, uitspraken Geschillencommissie passend onderwijs (po)",
    "https://www.onderwijsgeschillen.nl",
)

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
            "monitoring_groepen",
            "Een representatief beeld vraagt in het primair onderwijs in elk geval de antwoorden van de leerlingen "
            "in de twee hoogste groepen (groep 7 en 8); in het speciaal onderwijs noemt de school zelf de groepen.",
            (INSPECTIE_MONITORING,),
            verified=False,
        ),
        Fact(
            "klachtenregeling",
            "Het bevoegd gezag heeft een klachtenregeling met een klachtencommissie; ouders kunnen terecht bij een "
            "contactpersoon of interne vertrouwenspersoon en bij een externe vertrouwenspersoon.",
            (KLACHTRECHT, SCHOOLGIDS),
            verified=False,
        ),
        Fact(
            "mr_instemming",
            "De oudergeleding van de medezeggenschapsraad stemt in met de schoolgids, waarin het veiligheidsbeleid "
            "staat, voordat die wordt vastgesteld.",
            (VOO_SCHOOLGIDS,),
            verified=False,
        ),
        Fact(
            "schooljaar",
            "Een schooljaar loopt van 1 augustus tot en met 31 juli van het jaar daarna.",
            (CBS_SCHOOLJAAR,),
            verified=True,
        ),
        Fact(
            "schoolgids_veiligheid",
            "De schoolgids beschrijft het beleid over de veiligheid op school en de klachtenregeling.",
            (SCHOOLGIDS,),
            verified=False,
        ),
        # Letters about schorsing and verwijdering (issue 4).
        Fact(
            "schorsing_leerplicht",
            "De school informeert de leerplichtambtenaar over een schorsing.",
            (RBLGV_SCHORSEN,),
            verified=False,
        ),
        Fact(
            "schorsing_onderwijs",
            "Tijdens een schorsing blijft de school zorgen voor onderwijs, bijvoorbeeld met schoolwerk voor thuis.",
            (RBLGV_SCHORSEN,),
            verified=False,
        ),
        Fact(
            "bezwaar_schorsing",
            "Ook tegen een besluit tot schorsing kunnen ouders binnen zes weken bezwaar maken bij het bevoegd "
            "gezag.",
            (ONDERWIJSCONSUMENT_BESLUIT,),
            verified=False,
        ),
        Fact(
            "inzage_dossier",
            "Wie bezwaar maakt tegen een verwijdering, heeft recht op inzage in het dossier.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
        ),
        Fact(
            "verwijdering_besluit_bijzonder",
            "Het bevoegd gezag van een bijzondere school hoort de ouders voordat het besluit tot verwijdering "
            "neemt, maakt het besluit schriftelijk en met redenen bekend en vermeldt daarin hoe ouders bezwaar "
            "kunnen maken.",
            (WPO_63,),
            verified=True,
            article="artikel 63, tweede lid, van de Wet op het primair onderwijs",
        ),
        Fact(
            "geschillencommissie_verwijdering",
            "Een geschil over verwijdering kan ook worden voorgelegd aan de Geschillencommissie passend onderwijs.",
            (ONDERWIJSGESCHILLEN,),
            verified=False,
        ),
    )
}

# Numbers the products compute with. Each is stated in the fact named beside it.
SUSPENSION_MAX_SCHOOL_DAYS = 5  # "ten hoogste één week": schorsing_wpo / schorsing_wec
INSPECTIE_NOTICE_AFTER_DAYS = 1  # schorsing longer than one day: schorsing_wpo / schorsing_wec
REMOVAL_HEARD = ("groepsleerkracht", "ouders")  # heard before a removal: verwijdering_andere_school
OBJECTION_WEEKS = 6  # bezwaar_bijzonder / bezwaar_openbaar
DECISION_WEEKS = 4  # bezwaar_bijzonder / bezwaar_openbaar
MONITORING_MAX_AGE_MONTHS = 12  # monitoring: at least once a year
MONITORING_PO_HIGHEST_GROUPS = 2  # monitoring_groepen: the two highest groups (7 and 8)

# The court after the objection, in the words a letter uses; a samenwerkingsschool has no single answer.
COURT_TERMS: Mapping[str, str] = {
    "rechter_openbaar": "de bestuursrechter",
    "rechter_bijzonder": "de civiele rechter",
}


def school_days(start: date, end: date) -> int:
    """School days (Monday to Friday) from start to end, both included; 0 when end is before start.

    "Ten hoogste één week" is counted as SUSPENSION_MAX_SCHOOL_DAYS weekdays. Holidays
    are not in the model, so a period across a holiday is counted as if school were open:
    the count can only be too high, never too low.
    """
    days = (end - start).days + 1
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(rest):
        if (start.weekday() + offset) % 7 < 5:
            count += 1
    return count


def nth_school_day(start: date, count: int) -> date:
    """The date of the count-th school day from start (start itself is the first when it is a weekday)."""
    day = start
    seen = 1 if day.weekday() < 5 else 0
    while seen < count or day.weekday() >= 5:
        day += timedelta(days=1)
        if day.weekday() < 5:
            seen += 1
    return day


def removal_decision_fact(law: Law, richting: Richting) -> Fact | None:
    """The verified rule on the written removal decision, where one is known (WPO, bijzondere school)."""
    return FACTS["verwijdering_besluit_bijzonder"] if law == "WPO" and richting == "bijzonder" else None


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
