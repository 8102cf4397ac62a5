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

from .law_calendar import is_school_day, next_school_day, term_end

Law = Literal["WPO", "WEC"]
Richting = Literal["openbaar", "bijzonder", "samenwerkingsschool"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact comes from."""

    title: str
    url: str


# What kind of rule a fact is: law in force ("wet"), a bill that is not law yet ("wetsvoorstel"), or
# good practice that no law requires ("praktijk"). Texts say "de wet" only for "wet"; a "praktijk" rule is
# worded as what the school does ("Wij ...", "Het is goed gebruik ...").
Status = Literal["wet", "wetsvoorstel", "praktijk"]


@dataclass(frozen=True, slots=True)
class Fact:
    """One legal fact. `article` is only set when the article number was verified.

    `status` is required for every fact (tests/test_law_facts.py walks them all); a "wetsvoorstel"
    names its Kamerstuk and its `stand` (where the bill was when this table was last checked).
    """

    key: str
    rule: str
    sources: tuple[Source, ...]
    verified: bool
    article: str | None = None
    status: Status | None = None
    kamerstuk: str | None = None
    stand: str | None = None

    def __post_init__(self) -> None:
        if self.article and not self.verified:
            raise ValueError(f"{self.key}: an article may only be cited once it is verified")
        if self.article and self.status != "wet":
            raise ValueError(f"{self.key}: only law in force has an article to cite")
        if (self.status == "wetsvoorstel") != bool(self.kamerstuk and self.stand):
            raise ValueError(f"{self.key}: a bill, and only a bill, names its kamerstuk and stand")


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
AWB_BEZWAAR = Source(
    "Algemene wet bestuursrecht, artikel 6:16 (bezwaar schorst de werking van een besluit niet)",
    "https://wetten.overheid.nl/BWBR0005537",
)
ONDERWIJSGESCHILLEN = Source(
    "Onderwijsgeschillen, uitspraken Geschillencommissie passend onderwijs (po)",
    "https://www.onderwijsgeschillen.nl",
)
SCHOOL_EN_VEILIGHEID_FYSIEK = Source(
    "Stichting School en Veiligheid, Fysiek ingrijpen naar leerlingen",
    "https://www.schoolenveiligheid.nl/kennisbank/fysiek-ingrijpen-naar-leerlingen/",
)
PORAAD_VRIJHEIDSBEPERKEND = Source(
    "PO-Raad, Vrijheidsbeperkend handelen (speciaal onderwijs)",
    "https://www.poraad.nl/ledenondersteuning/toolboxen/speciaal-onderwijs-passend-onderwijs/vrijheidsbeperkend-handelen",
)
SPERLING_WIJNANDS = Source(
    "J. Sperling en F. Wijnands, De toelaatbaarheid van fysiek handelen tegen leerlingen door onderwijspersoneel",
    "https://5dok.net/document/y96rowvj-zachte-heelmeesters-toelaatbaarheid-fysiek-handelen-leerlingen-onderwijspersoneel.html",
)
INSPECTIE_ZEDEN = Source(
    "Inspectie van het Onderwijs, Zedenmisdrijven (vertrouwensinspecteurs)",
    "https://www.onderwijsinspectie.nl/onderwerpen/vertrouwensinspecteurs/zedenmisdrijven",
)
SEKSUEELMISDRIJF_MELDPLICHT = Source(
    "Seksueelmisdrijf.nl, Meldplicht in relatie tot de klachtenregeling",
    "http://seksueelmisdrijf.nl/onderwijs/meldplicht-klachtenregeling",
)
VALKENSWAARD_MELDPLICHT = Source(
    "Gemeente Valkenswaard, Wat zijn de meldplicht en aangifteplicht bij seksueel misbruik in het onderwijs?",
    "http://www.valkenswaard.nl/internet/veelgestelde-vragen_41327/item/"
    "wat-zijn-de-meldplicht-en-aangifteplicht-bij-seksueel-misbruik-in-het-onderwijso_529.html",
)
KST_35352 = Source(
    "Kamerstuk 35 352, Verduidelijking van de burgerschapsopdracht aan scholen in het funderend onderwijs "
    "(wetsvoorstel en memorie van toelichting)",
    "https://zoek.officielebekendmakingen.nl/kst-35352-6.html",
)
VBSO_BURGERSCHAP = Source(
    "VBSO, Burgerschapsopdracht: wat zijn de verplichtingen? (in werking per 1 augustus 2021)",
    "https://vbso.nu/wetsvoorstel-burgerschapsopdracht-in-werking/",
)

ATW_TEKST = Source(
    "Staatsrechtpraktijk, Nieuwjaarsdag en Kerstmis in het staatsrecht (citeert artikel 1 en 3 van de Algemene "
    "termijnenwet)",
    "https://staatsrechtpraktijk.nl/nieuwjaarsdag-en-kerstmis-in-het-staatsrecht/",
)
ATW_WVHL = Source(
    "WVHL, De Algemene termijnenwet (citeert artikel 3)", "https://wvhl.nl/algemeen/de-algemene-termijnenwet"
)
KONINGSDAG = Source(
    "Koninklijk Huis, Koningsdag", "http://www.koninklijkhuis.nl/encyclopedie/monarchie/koningsdag/"
)
TK_36443 = Source(
    "Tweede Kamer, wetsvoorstel 36 443 Wet versterking positie ouders en leerlingen in het passend onderwijs",
    "https://www.tweedekamer.nl/kamerstukken/wetsvoorstellen/detail?cfg=wetsvoorsteldetails&qry=wetsvoorstel:36443",
)
GPO_PROCEDURE = Source(
    "Onderwijsgeschillen, Geschillencommissie passend onderwijs: procedure",
    "https://www.onderwijsgeschillen.nl/commissie/geschillencommissie-passend-onderwijs-gpo/procedure",
)
SWV_PEELLAND_GPO = Source(
    "Samenwerkingsverband Peelland po, Wat is de Geschillencommissie passend onderwijs? (oktober 2023)",
    "https://swv-peellandpo.nl/nieuwsbrief/nieuwsbrief-oktober-2023/wat-is-de-geschillencommissie-passend-onderwijs/",
)
POE_VERWIJDERING = Source(
    "Passend onderwijs en ouders, verwijdering",
    "http://www.passendonderwijsenouders.nl/nl/wet--en-regelgeving/inspraak-ouders/leerlingniveau/verwijdering/",
)
RBLGV_VERWIJDEREN = Source(
    "RBL Gooi en Vechtstreek, Verwijderen",
    "https://www.rblgv.nl/leerplicht/schorsen-en-verwijderen/verwijderen/",
)
VALKENSWAARD_LEERPLICHT = Source(
    "Gemeente Valkenswaard, Leerplicht, meldingsplicht scholen",
    "http://www.valkenswaard.nl/internet/productinformatie_3383/product/leerplicht-meldingsplicht-scholen_1_1001819.html",
)
ELWAHDA_MANDAAT = Source(
    "Basisschool El Wahda, Toelating en verwijdering (artikel 40 WPO): de directeur handelt namens het schoolbestuur",
    "https://www.elwahda.nl/toelating-en-verwijdering/",
)
HENDRIKX_SCHORSING = Source(
    "Hendrikx Advocaten, Alles wat je moet weten over de schorsing van een leerling (time-out en schorsing)",
    "https://www.hendrikxadvocaten.nl/alles-wat-je-moet-weten-over-de-schorsing-van-een-leerling/",
)
WPO_40 = Source(
    "Wet op het primair onderwijs, artikel 40 (tekst gelezen op wetboek-online.nl)",
    "http://www.wetboek-online.nl/wet/Wet%20op%20het%20primair%20onderwijs/Artikel%2040.html",
)
SINT_BAVO_SCHORSEN = Source(
    "Stichting Sint Bavo, Schorsen en verwijderen (de directeur schorst namens het bevoegd gezag)",
    "http://stichtingsintbavo.nl/voor-ouders/schorsen-en-verwijderen",
)
STB_2015_238 = Source(
    "Staatsblad 2015, 238: Wet van 4 juni 2015, zorgplicht veiligheid op school (artikel 4c WPO)",
    "https://zoek.officielebekendmakingen.nl/stb-2015-238.html",
)
KST_31497_475 = Source(
    "Kamerstuk 31 497 nr. 475, brief over passend onderwijs (10 mei 2024)",
    "https://zoek.officielebekendmakingen.nl/kst-31497-475.html",
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
            status="wet",
        ),
        Fact(
            "monitoring",
            "De monitoring gebeurt ten minste één keer per jaar met een gestandaardiseerd, valide en betrouwbaar "
            "instrument dat een representatief beeld geeft.",
            (INSPECTIE_MONITORING,),
            verified=True,
            status="wet",
        ),
        Fact(
            "schorsing_wpo",
            "Een school mag een leerling voor ten hoogste één week schorsen. Het bevoegd gezag neemt dat besluit "
            "en stuurt het met de redenen op papier naar de ouders; duurt de schorsing langer dan één dag, dan "
            "krijgt de inspectie bericht.",
            (AVS_SCHORSING, POE_SCHORSING),
            verified=True,
            article="artikel 40c van de Wet op het primair onderwijs",
            status="wet",
        ),
        Fact(
            "schorsing_wec",
            "Een school mag een leerling voor ten hoogste één week schorsen. Het bevoegd gezag neemt dat besluit "
            "en stuurt het met de redenen op papier naar de ouders; duurt de schorsing langer dan één dag, dan "
            "krijgt de inspectie bericht.",
            (POE_SCHORSING,),
            verified=True,
            article="artikel 40a van de Wet op de expertisecentra",
            status="wet",
        ),
        Fact(
            "verwijdering_andere_school",
            "Een leerling wordt pas definitief verwijderd als een andere school bereid is de leerling toe te laten; "
            "de school blijft zich daarvoor inspannen. Voor het besluit worden de groepsleerkracht en de ouders "
            "gehoord.",
            (RBLGV, GESCHILLEN_107710),
            verified=False,
            status="wet",
        ),
        Fact(
            "bezwaar_bijzonder",
            "Ouders kunnen binnen zes weken na de bekendmaking schriftelijk bezwaar maken bij het bevoegd gezag. "
            "Het bevoegd gezag hoort de ouders en beslist binnen vier weken na ontvangst van het bezwaarschrift.",
            (WPO_63,),
            verified=True,
            article="artikel 63, derde lid, van de Wet op het primair onderwijs",
            status="wet",
        ),
        Fact(
            "bezwaar_openbaar",
            "Ouders kunnen binnen zes weken na de bekendmaking bezwaar maken bij het bevoegd gezag. Het bevoegd "
            "gezag beslist binnen vier weken, gerekend vanaf de dag na het einde van de bezwaartermijn.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
            status="wet",
        ),
        Fact(
            "bezwaar_bijzonder_wec",
            "Ouders kunnen binnen zes weken na de bekendmaking schriftelijk bezwaar maken bij het bevoegd gezag. "
            "Het bevoegd gezag hoort de ouders en beslist binnen vier weken na ontvangst van het bezwaarschrift.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
            status="wet",
        ),
        Fact(
            "rechter_samenwerkingsschool",
            "Na de beslissing op bezwaar kunnen ouders naar de rechter; of dat de bestuursrechter of de civiele "
            "rechter is, hangt af van de rechtsvorm van het bestuur van de samenwerkingsschool.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
            status="wet",
        ),
        Fact(
            "rechter_openbaar",
            "Na de beslissing op bezwaar kunnen ouders van een openbare school naar de bestuursrechter.",
            (INSPECTIE_BEZWAAR,),
            verified=True,
            status="wet",
        ),
        Fact(
            "rechter_bijzonder",
            "Na de beslissing op bezwaar kunnen ouders van een bijzondere school naar de civiele rechter.",
            (INSPECTIE_BEZWAAR,),
            verified=True,
            status="wet",
        ),
        Fact(
            "meldcode",
            "Sinds 1 juli 2013 werkt elke school met een meldcode huiselijk geweld en kindermishandeling; sinds "
            "1 januari 2019 hoort daar een afwegingskader bij.",
            (MELDCODE, VEILIG_THUIS),
            verified=True,
            status="wet",
        ),
        Fact(
            "monitoring_groepen",
            "Een representatief beeld vraagt in het primair onderwijs in elk geval de antwoorden van de leerlingen "
            "in de twee hoogste groepen (groep 7 en 8); in het speciaal onderwijs noemt de school zelf de groepen.",
            (INSPECTIE_MONITORING,),
            verified=False,
            status="praktijk",
        ),
        Fact(
            "klachtenregeling",
            "Het bevoegd gezag heeft een klachtenregeling met een klachtencommissie.",
            (KLACHTRECHT, SCHOOLGIDS),
            verified=False,
            status="wet",
        ),
        Fact(
            "mr_instemming",
            "De oudergeleding van de medezeggenschapsraad stemt in met de schoolgids, waarin het veiligheidsbeleid "
            "staat, voordat die wordt vastgesteld.",
            (VOO_SCHOOLGIDS,),
            verified=False,
            status="wet",
        ),
        Fact(
            "schooljaar",
            "Een schooljaar loopt van 1 augustus tot en met 31 juli van het jaar daarna.",
            (CBS_SCHOOLJAAR,),
            verified=True,
            status="wet",
        ),
        Fact(
            "schoolgids_veiligheid",
            "De schoolgids beschrijft het beleid over de veiligheid op school en de klachtenregeling.",
            (SCHOOLGIDS,),
            verified=False,
            status="wet",
        ),
        # Letters about schorsing and verwijdering (issue 4).
        Fact(
            "schorsing_leerplicht",
            "Het is goed gebruik dat de school de leerplichtambtenaar over een schorsing informeert, als het "
            "beleid van de school dat zegt.",
            (RBLGV_SCHORSEN,),
            verified=False,
            status="praktijk",
        ),
        Fact(
            "schorsing_onderwijs",
            "Het is goed gebruik dat de school ook tijdens een schorsing zorgt voor onderwijs, bijvoorbeeld met "
            "schoolwerk voor thuis.",
            (RBLGV_SCHORSEN,),
            verified=False,
            status="praktijk",
        ),
        Fact(
            "bezwaar_schorsing",
            "Tegen een besluit tot schorsing kunnen ouders binnen zes weken bezwaar maken bij het bevoegd gezag.",
            (ONDERWIJSCONSUMENT_BESLUIT,),
            verified=False,
            status="wet",
        ),
        # Issue 13: the schorsing letter says what happens while an objection runs. Awb article 6:16 (an
        # objection does not suspend the decision) was not read here, so no article is cited.
        Fact(
            "bezwaar_schorst_niet",
            "Een bezwaar houdt het besluit niet tegen: het besluit blijft gelden zolang het bevoegd gezag over "
            "het bezwaar beslist.",
            (AWB_BEZWAAR, ONDERWIJSCONSUMENT_BESLUIT),
            verified=False,
            status="wet",
        ),
        Fact(
            "inzage_dossier",
            "Wie bezwaar maakt tegen een verwijdering, heeft recht op inzage in het dossier.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
            status="wet",
        ),
        Fact(
            "verwijdering_besluit_bijzonder",
            "Het bevoegd gezag van een bijzondere school hoort de ouders voordat het besluit tot verwijdering "
            "neemt, maakt het besluit schriftelijk en met redenen bekend en vermeldt daarin hoe ouders bezwaar "
            "kunnen maken.",
            (WPO_63,),
            verified=True,
            article="artikel 63, tweede lid, van de Wet op het primair onderwijs",
            status="wet",
        ),
        # Special education: physical intervention (issue 11). No education act regulates it, so no article.
        Fact(
            "fysiek_ingrijpen",
            "Geen onderwijswet regelt fysiek ingrijpen. Een medewerker mag een leerling alleen vastpakken of tegenhouden om ernstig en direct gevaar voor de leerling zelf of "
            "voor anderen af te wenden, als dat niet op een lichtere manier kan, en niet harder of langer dan nodig.",
            (SCHOOL_EN_VEILIGHEID_FYSIEK, PORAAD_VRIJHEIDSBEPERKEND),
            verified=False,
            status="wet",
        ),
        Fact(
            "fysiek_ingrijpen_noodrecht",
            "Achteraf wordt zo'n ingrijpen getoetst aan de algemene regels van het strafrecht over noodweer en "
            "noodtoestand; een klachtencommissie kijkt of het noodzakelijk, in verhouding en volgens het protocol "
            "van de school was.",
            (SPERLING_WIJNANDS, SCHOOL_EN_VEILIGHEID_FYSIEK),
            verified=False,
            status="wet",
        ),
        Fact(
            "geschillencommissie_verwijdering",
            "Een geschil over verwijdering kan ook worden voorgelegd aan de Geschillencommissie passend onderwijs.",
            (GPO_PROCEDURE, ONDERWIJSGESCHILLEN),
            verified=True,
            status="wet",
        ),
        # Issue 12, point 2: the route to the Geschillencommissie passend onderwijs, as the commissie itself
        # describes it (procedure page read); the article of the education acts was not read, so none is cited.
        Fact(
            "geschillencommissie_termijn",
            "Ouders leggen een geschil over verwijdering binnen zes weken na het besluit voor aan de "
            "Geschillencommissie passend onderwijs; zij dienen hun verzoek in via de website van Onderwijsgeschillen.",
            (GPO_PROCEDURE, SWV_PEELLAND_GPO),
            verified=True,
            status="wet",
        ),
        Fact(
            "geschillencommissie_opschorting",
            "Hebben ouders bezwaar gemaakt en het geschil ook aan de commissie voorgelegd, dan beslist het bevoegd "
            "gezag pas op het bezwaar nadat de commissie haar oordeel heeft gegeven; de termijn voor de beslissing "
            "op het bezwaar staat zolang stil.",
            (GPO_PROCEDURE, SWV_PEELLAND_GPO),
            verified=True,
            status="wet",
        ),
        # Issue 12, point 3: a samenwerkingsschool has its own route; which rules apply depends on the legal form
        # of its board, and no source read says which. The board holds itself to the shorter of the two terms.
        Fact(
            "bezwaar_samenwerkingsschool",
            "Ouders kunnen binnen zes weken na de bekendmaking schriftelijk bezwaar maken bij het bevoegd gezag. "
            "Welke wettelijke regels daarna gelden, hangt af van de rechtsvorm van het bestuur van de "
            "samenwerkingsschool; het bevoegd gezag hoort de ouders en beslist in elk geval binnen vier weken na "
            "ontvangst van het bezwaarschrift.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
            status="wet",
        ),
        # Issue 11: a concept board may not have filled in its richting yet; the documents then state no route.
        Fact(
            "rechtsgang_richting",
            "Hoe bezwaar tegen een verwijdering verloopt en bij welke rechter ouders daarna terechtkunnen, hangt "
            "af van de richting van het bestuur: openbaar of bijzonder.",
            (INSPECTIE_BEZWAAR,),
            verified=False,
            status="wet",
        ),
        # Issue 12, point 5: in po (and so) a removal takes effect only once another school admits the pupil; the
        # eight-week escape of the voortgezet onderwijs does not apply (LAW.md 7.3). Article not read.
        Fact(
            "verwijdering_ingang",
            "Het besluit kan dus pas ingaan als een andere school heeft toegezegd de leerling toe te laten; tot die "
            "dag blijft de leerling ingeschreven op de eigen school.",
            (POE_VERWIJDERING, RBLGV_VERWIJDEREN, GESCHILLEN_107710),
            verified=False,
            status="wet",
        ),
        # Issue 12, point 4: who hears of a definitive removal, and on what basis.
        Fact(
            "verwijdering_inspectie",
            "Het bevoegd gezag informeert de inspectie over een definitieve verwijdering.",
            (RBLGV_VERWIJDEREN,),
            verified=False,
            status="wet",
        ),
        Fact(
            "uitschrijving_leerplicht",
            "De school meldt de uitschrijving van een leerplichtige leerling aan de gemeente, waar de "
            "leerplichtambtenaar werkt; dat vraagt de Leerplichtwet van elke school.",
            (VALKENSWAARD_LEERPLICHT, RBLGV_VERWIJDEREN),
            verified=False,
            status="wet",
        ),
        # Issue 12, point 7: a measure that keeps a pupil out of school is a schorsing, whatever its name.
        Fact(
            "schorsing_begrip",
            "Elke maatregel waardoor een leerling niet naar school mag komen, is een schorsing, hoe de school hem "
            "ook noemt; dan gelden de regels voor schorsing.",
            (HENDRIKX_SCHORSING,),
            verified=False,
            status="wet",
        ),
        # Issue 12, point 10: the decision belongs to the bevoegd gezag (WPO art. 40 lid 1, text read); a
        # directeur decides only on its behalf, with a mandate. The form of the mandate was not read in a source.
        Fact(
            "besluit_bevoegd_gezag",
            "De beslissing over toelating en verwijdering van leerlingen ligt bij het bevoegd gezag.",
            (WPO_40,),
            verified=True,
            article="artikel 40, eerste lid, van de Wet op het primair onderwijs",
            status="wet",
        ),
        Fact(
            "mandaat_directeur",
            "Schorsen en verwijderen zijn besluiten van het bevoegd gezag. Een directeur neemt zo'n besluit alleen "
            "namens het bevoegd gezag als het bevoegd gezag hem die bevoegdheid heeft gegeven (mandaat).",
            (ELWAHDA_MANDAAT, SINT_BAVO_SCHORSEN),
            verified=False,
            status="wet",
        ),
        # Issue 12, point 8: roles the law does not require.
        Fact(
            "aandachtsfunctionaris",
            "Het besluit over de meldcode vraagt geen aandachtsfunctionaris; het is goed gebruik dat de school "
            "iemand aanwijst die de meldcode bewaakt en collega's adviseert.",
            (MELDCODE, VEILIG_THUIS),
            verified=False,
            status="praktijk",
        ),
        # WPO art. 4c as inserted by the act of 4 June 2015 (Staatsblad 2015, 238, text read).
        Fact(
            "zorgplicht_veiligheid_wpo",
            "Het bevoegd gezag zorgt voor de veiligheid op school: het voert veiligheidsbeleid, monitort de "
            "veiligheid van de leerlingen met een instrument dat een representatief en actueel beeld geeft, en legt "
            "bij één persoon de coördinatie van het beleid tegen pesten en het aanspreekpunt pesten.",
            (STB_2015_238,),
            verified=True,
            article="artikel 4c, eerste lid, van de Wet op het primair onderwijs",
            status="wet",
        ),
        # Meld- en aangifteplicht bij zedenmisdrijven (issue 12). The rule is in the education acts (Inspectie);
        # its article number was not read in a source, so none is cited.
        Fact(
            "meldplicht_zeden",
            "Een medewerker die op welke manier ook hoort van een mogelijk zedenmisdrijf door iemand die op of voor "
            "de school werkt tegen een minderjarige leerling, meldt dat onmiddellijk aan het bevoegd gezag.",
            (INSPECTIE_ZEDEN, VALKENSWAARD_MELDPLICHT),
            verified=True,
            status="wet",
        ),
        Fact(
            "aangifteplicht_zeden",
            "Het bevoegd gezag overlegt dan onverwijld met de vertrouwensinspecteur. Blijkt daaruit een redelijk "
            "vermoeden van een strafbaar feit, dan doet het bevoegd gezag aangifte bij de politie, ook als "
            "betrokkenen dat niet willen.",
            (INSPECTIE_ZEDEN, VALKENSWAARD_MELDPLICHT),
            verified=True,
            status="wet",
        ),
        Fact(
            "meldplicht_vertrouwenspersoon",
            "De meldplicht geldt ook voor contactpersonen en interne vertrouwenspersonen: op hun geheimhouding "
            "kunnen zij zich daarbij niet beroepen.",
            (SEKSUEELMISDRIJF_MELDPLICHT, VALKENSWAARD_MELDPLICHT),
            verified=True,
            status="wet",
        ),
        # Burgerschap (issue 12): WPO art. 8 lid 3 as replaced by the act of Kamerstuk 35 352 (bill text read).
        Fact(
            "burgerschap_wpo",
            "Sinds 1 augustus 2021 bevordert het onderwijs doelgericht en samenhangend actief burgerschap en "
            "sociale cohesie: kennis van en respect voor de basiswaarden van de democratische rechtsstaat en de "
            "sociale en maatschappelijke vaardigheden om mee te doen in een pluriforme samenleving.",
            (KST_35352, VBSO_BURGERSCHAP),
            verified=True,
            article="artikel 8, derde lid, van de Wet op het primair onderwijs",
            status="wet",
        ),
        Fact(
            "burgerschap_wec",
            "Sinds 1 augustus 2021 bevordert het onderwijs doelgericht en samenhangend actief burgerschap en "
            "sociale cohesie: kennis van en respect voor de basiswaarden van de democratische rechtsstaat en de "
            "sociale en maatschappelijke vaardigheden om mee te doen in een pluriforme samenleving.",
            (KST_35352, VBSO_BURGERSCHAP),
            verified=False,
            status="wet",
        ),
        # Issue 12: practice split off from rules that were presented as law; no law text for them was read.
        # Only the letter of intent is practice; who hears of the decision itself: verwijdering_inspectie and
        # uitschrijving_leerplicht.
        Fact(
            "verwijdering_melden",
            "Over een voornemen tot verwijdering informeert de school de leerplichtambtenaar en de inspectie "
            "alleen als haar beleid dat zegt: dat is goed gebruik, geen plicht.",
            (RBLGV,),
            verified=False,
            status="praktijk",
        ),
        Fact(
            "klachten_vertrouwenspersonen",
            "Het is goed gebruik dat ouders met een klacht terecht kunnen bij een contactpersoon of interne "
            "vertrouwenspersoon en bij een externe vertrouwenspersoon.",
            (KLACHTRECHT, SCHOOLGIDS),
            verified=False,
            status="praktijk",
        ),
        # Deadlines and school days (issue 12); the calendar itself is in law_calendar.py.
        Fact(
            "algemene_termijnenwet",
            "Eindigt een wettelijke termijn op een zaterdag, zondag of algemeen erkende feestdag, dan loopt hij door "
            "tot en met de eerstvolgende dag die dat niet is. Algemeen erkende feestdagen zijn Nieuwjaarsdag, "
            "Tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, Tweede Pinksterdag en beide Kerstdagen; voor "
            "termijnen telt Goede Vrijdag mee.",
            (ATW_TEKST, ATW_WVHL),
            verified=True,
            article="artikel 1 en 3 van de Algemene termijnenwet",
            status="wet",
        ),
        Fact(
            "koningsdag",
            "Koningsdag is op 27 april, of op 26 april als 27 april op een zondag valt.",
            (KONINGSDAG,),
            verified=True,
            status="wet",
        ),
        # A bill that would change passend onderwijs; nothing in the products depends on it yet.
        Fact(
            "passend_onderwijs_hoorrecht",
            "Een leerling met een extra ondersteuningsbehoefte krijgt het recht om gehoord te worden over zijn "
            "ontwikkelingsperspectief, en de schoolgids beschrijft het ondersteuningsaanbod van de school.",
            (TK_36443, KST_31497_475),
            verified=False,
            status="wetsvoorstel",
            kamerstuk="36 443",
            stand="door de Tweede Kamer aangenomen (Kamerstuk 31 497 nr. 475, 10 mei 2024); de behandeling in de "
            "Eerste Kamer is voor deze tabel niet nagegaan",
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
DISPUTES_WEEKS = 6  # geschillencommissie_termijn
DISPUTES_WEBSITE = "www.onderwijsgeschillen.nl"  # geschillencommissie_termijn: where parents submit a dispute

# The court after the objection, in the words a letter uses; a samenwerkingsschool has no single answer.
COURT_TERMS: Mapping[str, str] = {
    "rechter_openbaar": "de bestuursrechter",
    "rechter_bijzonder": "de civiele rechter",
}


def school_days(start: date, end: date) -> int:
    """School days from start to end, both included; 0 when end is before start.

    A school day is Monday to Friday and not a generally recognised holiday (law_calendar).
    "Ten hoogste één week" is counted as SUSPENSION_MAX_SCHOOL_DAYS school days. School
    vacations are not in the model, so a period across a vacation is counted as if school were
    open: the count can only be too high, never too low.
    """
    days = (end - start).days + 1
    return sum(1 for offset in range(max(days, 0)) if is_school_day(start + timedelta(days=offset)))


def nth_school_day(start: date, count: int) -> date:
    """The date of the count-th school day from start (start itself is the first when it is a school day)."""
    day = next_school_day(start)
    for _ in range(count - 1):
        day = next_school_day(day + timedelta(days=1))
    return day


def objection_deadline(notified: date) -> date:
    """The last day to object: OBJECTION_WEEKS after the notice, moved past a weekend or holiday (Atw art. 1)."""
    return term_end(notified + timedelta(weeks=OBJECTION_WEEKS))


def disputes_deadline(notified: date) -> date:
    """The last day to put a removal to the Geschillencommissie passend onderwijs: DISPUTES_WEEKS, per Atw art. 1."""
    return term_end(notified + timedelta(weeks=DISPUTES_WEEKS))


def decision_deadline(objection_end: date) -> date:
    """Openbare school: DECISION_WEEKS counted from the day after the (extended) objection term, per Atw art. 1."""
    return term_end(objection_end + timedelta(weeks=DECISION_WEEKS))


def removal_decision_fact(law: Law, richting: Richting | None) -> Fact | None:
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
    route_known: bool = True  # False without a richting (a concept board): objection and court state no route


def variant(law: Law, richting: Richting | None) -> LawVariant:
    """WPO or WEC by school type; the objection route and court by richting.

    Without a richting (a concept board that has not filled it in) objection and court are the fact that
    the route depends on it: no route is stated. `brief` refuses letters for such a school.
    """
    public = richting == "openbaar"
    if richting is None:
        objection = court = "rechtsgang_richting"
    else:
        if public:
            objection = "bezwaar_openbaar"
        elif richting == "samenwerkingsschool":  # neither openbaar nor bijzonder: its own, unverified route
            objection = "bezwaar_samenwerkingsschool"
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
        route_known=richting is not None,
    )
