"""Checks for the chapters beyond the core duties (issue 12).

Only a legal duty gives a `fout`: the plan must tell staff about the meld- en aangifteplicht bij
zedendelicten, so a plan without that chapter (a school's own template or text removed it) is an
error. Everything else here is good practice or a legal duty the plan can only describe
(burgerschap), and gives a `waarschuwing` that names its real source.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..documents import RenderedDocument
from ..model import SchoolModel
from .findings import Collector, practice, source_of

MELDPLICHT_CHAPTER = "meldplicht-zedendelicten"


def check_chapters(school: SchoolModel, out: Collector) -> None:
    """The policy data behind the chapters: what a board and the Inspectie expect to find."""
    policy = school.policy
    board = policy.board
    if board.phone is None and board.email is None:
        out.warning(
            "meldplicht-bestuur",
            "het bestuur heeft geen telefoonnummer of e-mailadres: medewerkers moeten een mogelijk zedendelict "
            "meteen aan het bestuur kunnen melden",
            board.mark_of("phone"),
            source_of("meldplicht_zeden"),
            "vul bestuur.telefoon of bestuur.email in",
        )
    citizenship = policy.citizenship
    if citizenship.vision is None and not citizenship.activities:
        out.warning(
            "burgerschap",
            "het beleid beschrijft niet hoe de school aan burgerschap werkt; het plan toont dan alleen de "
            "algemene tekst",
            policy.mark_of("citizenship"),
            source_of("burgerschap_wec" if school.law == "WEC" else "burgerschap_wpo"),
            "vul burgerschap.visie of burgerschap.activiteiten in",
        )
    switches = policy.chapters
    if switches.crisis and school.role("crisiscoordinator") is None:
        out.warning(
            "crisis-coordinator",
            "er is geen crisiscoördinator: bij een ernstig incident moet meteen duidelijk zijn wie het crisisteam leidt",
            policy.roles.mark_of("crisiscoordinator"),
            practice("een plan voor crisis en ernstige incidenten noemt wie het crisisteam leidt"),
            "zet onder rollen: crisiscoordinator: {personen: [...]} of vacature: true",
        )
    if policy.monitoring is not None and not policy.goals:
        out.warning(
            "monitoring-doelen",
            "het beleid noemt geen meetbare doelen voor de monitoring",
            policy.mark_of("goals"),
            practice("meetbare doelen maken zichtbaar of de aanpak werkt"),
            "schrijf bijvoorbeeld doelen: [{indicator: voelt_zich_veilig, minimaal: 90}]",
        )
    if switches.training and not policy.training:
        out.warning(
            "deskundigheid",
            "het beleid noemt niet wie welke training heeft gevolgd",
            policy.mark_of("training"),
            practice("het hoofdstuk deskundigheid noemt per rol de scholing en wanneer die was"),
            "vul deskundigheid: in, bijvoorbeeld - {rol: team, training: meldcode, jaar: 2026}",
        )
    module = policy.sexual_development
    if switches.sexual_development and module.method is None and module.approach is None:
        out.warning(
            "seksuele-ontwikkeling",
            "de module seksuele ontwikkeling staat aan, maar noemt geen lesmethode en geen aanpak",
            policy.mark_of("sexual_development"),
            practice("een gekozen module noemt hoe de school eraan werkt"),
            "kies seksuele_ontwikkeling.methode en .aanpak uit de catalogus, of zet hoofdstukken.seksuele_ontwikkeling: false",
        )


def check_rendered_chapters(documents: Sequence[RenderedDocument], out: Collector) -> None:
    """The legal chapters that must be in the plan, whatever templates or own texts the school uses."""
    plan = next((document for document in documents if document.kind == "veiligheidsplan"), None)
    if plan is None or any(chapter.slug == MELDPLICHT_CHAPTER for chapter in plan.chapters):
        return
    out.error(
        "meldplicht-hoofdstuk",
        "het veiligheidsplan vertelt medewerkers niet over de meld- en aangifteplicht bij zedendelicten",
        f"{plan.title}, hoofdstuk Meld- en aangifteplicht bij zedendelicten",
        source_of("meldplicht_zeden", "aangifteplicht_zeden"),
        "laat het standaardhoofdstuk veiligheidsplan/10b-meldplicht-zedendelicten staan of vervang het door een "
        "eigen tekst met dezelfde plaats",
    )
