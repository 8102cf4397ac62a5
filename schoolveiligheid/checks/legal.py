"""What the law asks of every school's policy: Wet veiligheid op school, meldcode, klachten, maatregelen.

Each rule reports at the line where the missing or wrong value belongs, with
the legal fact (law.py) it enforces as its source.
"""

from __future__ import annotations

from datetime import date
from typing import get_args

from .. import law
from ..load import Mark
from ..model import ResolvedRole, SchoolModel
from ..model.base import ROLES
from ..model.practice import Frequency, InstrumentChoice, Removal
from ..model.vacancy import EXPECTED_ROLES, LEGAL_ROLES
from ..model.wording import join, number_word, with_article
from .findings import Collector, practice, source_of

WVS = "wet_veiligheid_op_school"
WVS_WPO = "zorgplicht_veiligheid_wpo"  # the same duty with its verified article, for a school under the WPO
_PER_YEAR = {"dag": 200.0, "week": 40.0, "twee_weken": 20.0, "maand": 10.0, "blok": 4.0, "jaar": 1.0}
_PER_YEAR["twee_jaar"] = 0.5
# Whom a school may list under maatregelen.verwijdering.horen (vocabulary of the model, not law).
_HEAR_OPTIONS: tuple[str, ...] = get_args(get_args(Removal.model_fields["hear"].annotation)[0])


def _wvs(school: SchoolModel, *more: str) -> str:
    """The source of the Wet veiligheid op school rules: with WPO art. 4c for a po school; the WEC article was
    not read, so an so school gets the rule without a number."""
    return source_of(WVS_WPO if school.law == "WPO" else WVS, *more)


def check_legal(school: SchoolModel, today: date, out: Collector) -> None:
    """Every legal rule for one school."""
    _policy(school, out)
    _monitoring(school, today, out)
    _reachable(school, out, "coordinator_anti_pestbeleid", "wvs-coordinator")
    _reachable(school, out, "aanspreekpunt_pesten", "wvs-aanspreekpunt")
    _meldcode(school, out)
    _complaints(school, out)
    _measures(school, out)


def _policy(school: SchoolModel, out: Collector) -> None:
    policy = school.policy
    bullying = policy.bullying
    if bullying is None or (bullying.curative is None and not bullying.escalation):
        out.error(
            "wvs-beleid",
            "het beleid beschrijft niet hoe de school pesten en incidenten aanpakt",
            policy.mark_of("bullying"),
            _wvs(school),
            "vul pestaanpak: in met een curatieve aanpak (curatief.methoden) en de stappen (escalatie)",
        )
    if not policy.methods:
        out.error(
            "wvs-beleid",
            "het beleid noemt geen programma's of activiteiten die pesten voorkomen",
            policy.mark_of("methods"),
            _wvs(school),
            "noem onder methoden: wat de school doet om pesten te voorkomen, bijvoorbeeld - id: vreedzame_school",
        )


def months_before(day: date, months: int) -> date:
    """The same day so many months earlier (the last day of a shorter month)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _times_per_year(frequency: Frequency) -> float:
    return frequency.count * _PER_YEAR[frequency.per]


def required_groups(school: SchoolModel) -> tuple[str, ...]:
    """The groups a legal monitor must cover: PO the two highest numbered groups; SO none in particular."""
    if school.law == "WEC":
        return ()
    numbered = sorted((label for label in school.policy.school.group_labels if label.isdigit()), key=int)
    return tuple(numbered[-law.MONITORING_PO_HIGHEST_GROUPS :]) if len(numbered) >= 2 else ()


def _is_legal_monitor(school: SchoolModel, choice: InstrumentChoice) -> bool:
    entry = None if choice.own else school.catalogue.get(choice.instrument)
    if entry is None or not entry.legal_monitor:
        return False
    return (choice.respondents or entry.respondents) == "leerlingen"


Problem = tuple[str, str, Mark, str, str]  # severity-free: rule, message, where, source, hint


def _monitor_problems(school: SchoolModel, choice: InstrumentChoice, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if _times_per_year(choice.frequency) < 1:
        problems.append(
            (
                "wvs-monitor-frequentie",
                f"de monitor ({choice.instrument}) wordt minder dan één keer per jaar afgenomen",
                choice.mark_of("frequency"),
                source_of("monitoring"),
                "neem de monitor elk jaar af: frequentie: {aantal: 1, per: jaar}",
            )
        )
    needed = required_groups(school)
    covered = choice.groups or ()
    missing = [group for group in needed if group not in covered]
    if not covered or missing:
        what = f"groep {' en '.join(missing)}" if missing else "geen enkele groep"
        problems.append(
            (
                "wvs-monitor-groepen",
                f"de monitor ({choice.instrument}) wordt niet afgenomen in {what}",
                choice.mark_of("groups"),
                source_of("monitoring", "monitoring_groepen"),
                f"zet bij dit instrument groepen: {needed[0]}-{needed[-1]} (of meer groepen)"
                if needed
                else "noem bij dit instrument in welke groepen de leerlingen de vragenlijst invullen",
            )
        )
    oldest = months_before(today, law.MONITORING_MAX_AGE_MONTHS)
    last = choice.last_taken
    if last is None or last < oldest or last > today:
        if last is None:
            message = (
                f"bij de monitor ({choice.instrument}) staat niet wanneer hij voor het laatst is afgenomen"
            )
        elif last > today:
            message = (
                f"de laatste afname van de monitor ({choice.instrument}) ligt na vandaag ({last.isoformat()})"
            )
        else:
            message = (
                f"de monitor ({choice.instrument}) is voor het laatst afgenomen op {last.isoformat()}, "
                f"meer dan {law.MONITORING_MAX_AGE_MONTHS} maanden geleden"
            )
        problems.append(
            (
                "wvs-monitor-afname",
                message,
                choice.mark_of("last_taken"),
                source_of("monitoring"),
                "neem de monitor af en zet de datum bij laatste_afname: (JJJJ-MM-DD)",
            )
        )
    return problems


def _monitoring(school: SchoolModel, today: date, out: Collector) -> None:
    monitoring = school.policy.monitoring
    if monitoring is None or not monitoring.instruments:
        out.error(
            "wvs-monitor",
            "het beleid noemt geen jaarlijkse monitoring van de sociale veiligheid",
            school.policy.mark_of("monitoring"),
            _wvs(school, "monitoring"),
            "vul monitoring.instrumenten in met een vragenlijst voor leerlingen, bijvoorbeeld instrument: vensters",
        )
        return
    candidates = [choice for choice in monitoring.instruments if _is_legal_monitor(school, choice)]
    if not candidates:
        fit = sorted(
            entry.id
            for entry in school.catalogue.entries.values()
            if entry.kind == "instrument" and entry.legal_monitor
        )
        out.error(
            "wvs-monitor",
            "geen van de instrumenten is een gestandaardiseerde vragenlijst voor leerlingen die als wettelijke "
            "monitor geldt",
            monitoring.mark_of("instruments"),
            source_of("monitoring"),
            f"kies een instrument uit de catalogus dat daarvoor geschikt is: {', '.join(fit)}",
        )
        return
    best = min((_monitor_problems(school, choice, today) for choice in candidates), key=len)
    for rule, message, place, source, hint in best:
        out.error(rule, message, place, source, hint)


def _for_parents(role: ResolvedRole, person_id: str) -> bool:
    audience = role.audiences.get(person_id, ())
    return not audience or "ouders" in audience


def _vacant(school: SchoolModel, out: Collector, role_id: str, rule: str) -> bool:
    """A vacant legal role (model/vacancy.py): a fout once adopted, a waarschuwing in a concept; a role that is
    only expected (EXPECTED_ROLES) is always a waarschuwing."""
    role = school.role(role_id)
    if role is None or not role.vacant:
        return False
    term = ROLES[role_id][1] or ROLES[role_id][0]
    concept = school.policy.document.status == "concept" or role_id not in LEGAL_ROLES
    out.add(
        "waarschuwing" if concept else "fout",
        rule,
        f"{with_article(term)}{'' if role.label.lower() == term.lower() else f' ({role.label})'} is nog vacant; "
        "in de documenten staat 'de naam volgt'",
        school.policy.roles.mark_of(role_id),
        source_of(LEGAL_ROLES.get(role_id) or EXPECTED_ROLES[role_id]),
        f"noem onder rollen.{role_id}.personen wie deze taak krijgt en haal vacature: true weg"
        + ("" if concept else "; tot dan kan het beleid niet vastgesteld worden (zet status: concept)"),
    )
    return True


def _reachable(school: SchoolModel, out: Collector, role_id: str, rule: str) -> None:
    term = ROLES[role_id][1] or ROLES[role_id][0]
    role = school.role(role_id)
    if _vacant(school, out, role_id, rule):
        return
    if role is None or not role.people:
        out.error(
            rule,
            f"er is geen {term} met naam aangewezen",
            school.policy.roles.mark_of(role_id),
            _wvs(school),
            f"noem onder rollen.{role_id}.personen wie deze taak heeft (één persoon mag beide wettelijke taken hebben)",
        )
        return
    for_parents = [person for person in role.people if _for_parents(role, person.id)]
    if not for_parents:
        out.error(
            rule,
            f"de {role.label} is er volgens de doelgroep niet voor ouders",
            school.policy.roles.mark_of(role_id),
            _wvs(school),
            "zet ouders bij de doelgroep van minstens één persoon in deze rol",
        )
        return
    if not any(person.public_email or person.public_phone for person in for_parents):
        names = " en ".join(person.name for person in for_parents)
        out.error(
            rule,
            f"ouders kunnen de {role.label} ({names}) niet bereiken: er staat geen openbaar e-mailadres of "
            "telefoonnummer bij",
            for_parents[0].mark_of("email"),
            _wvs(school),
            "geef een e-mailadres of telefoonnummer van school; privé-adressen en 06-nummers worden alleen getoond "
            "met publiceer: {email: true} of {telefoon: true}",
        )


def _meldcode(school: SchoolModel, out: Collector) -> None:
    officer = school.role("aandachtsfunctionaris_meldcode")
    if _vacant(school, out, "aandachtsfunctionaris_meldcode", "meldcode-aandachtsfunctionaris"):
        pass
    elif officer is None or not officer.people:
        out.warning(  # the meldcode decree does not require the role (law.py: aandachtsfunctionaris)
            "meldcode-aandachtsfunctionaris",
            "er is geen aandachtsfunctionaris huiselijk geweld en kindermishandeling aangewezen",
            school.policy.roles.mark_of("aandachtsfunctionaris_meldcode"),
            source_of("aandachtsfunctionaris"),
            "noem de persoon onder rollen.aandachtsfunctionaris_meldcode.personen (vaak de intern begeleider)",
        )
    if school.policy.meldcode is None:
        out.error(
            "meldcode-document",
            "het beleid verwijst niet naar de meldcode huiselijk geweld en kindermishandeling",
            school.policy.mark_of("meldcode"),
            source_of("meldcode"),
            "zet de meldcode van het bestuur bij documenten en verwijs ernaar met meldcode: {document: <id>}",
        )


def _complaints(school: SchoolModel, out: Collector) -> None:
    complaints = school.policy.complaints
    source = source_of("klachtenregeling")
    if complaints is None:
        out.error(
            "klacht-regeling",
            "het beleid verwijst niet naar een klachtenregeling en klachtencommissie",
            school.policy.mark_of("complaints"),
            source,
            "vul klachten: in met regeling (een document) en commissie (een organisatie); vaak staat dit bij het bestuur",
        )
    elif not complaints.routes:
        out.error(
            "klacht-route",
            "het beleid beschrijft niet bij wie ouders met een klacht terechtkunnen (klachtroute)",
            complaints.mark_of("routes"),
            source,
            "vul klachten.routes in, bijvoorbeeld stappen: [leerkracht, directeur, bevoegd_gezag, <commissie-id>]",
        )
    contact = school.role("interne_vertrouwenspersoon")
    if _vacant(school, out, "interne_vertrouwenspersoon", "klacht-contactpersoon"):
        pass
    elif contact is None or not contact.people:
        out.warning(  # good practice, no legal duty (law.py: klachten_vertrouwenspersonen)
            "klacht-contactpersoon",
            "er is geen contactpersoon of interne vertrouwenspersoon aangewezen",
            school.policy.roles.mark_of("interne_vertrouwenspersoon"),
            source_of("klachten_vertrouwenspersonen"),
            "noem de persoon onder rollen.interne_vertrouwenspersoon.personen",
        )
    _external_confidant(school, out)
    if complaints is not None:
        if complaints.routes and complaints.route_for("pesten") is None:
            out.warning(
                "klacht-pesten",
                "geen klachtroute gaat over pesten: protocol, schoolgids en site kunnen dan niet zeggen waar een "
                "klacht over pesten heen gaat",
                complaints.mark_of("routes"),
                source,
                "zet pesten bij de reikwijdte van een route, bijvoorbeeld reikwijdte: [kwaliteit, pesten]",
            )
        ids: list[str | None] = [complaints.committee_of(route) for route in complaints.routes]
        ids = ids or [complaints.committee]
        for committee_id in dict.fromkeys(ids):
            committee = school.organisations.get(committee_id) if committee_id else None
            if committee is not None and not (
                committee.postal_address or committee.address or committee.website
            ):
                out.error(
                    "klacht-commissie",
                    f"bij de klachtencommissie ({committee.name}) staat geen postadres of website",
                    committee.mark,
                    source,
                    "vul postadres: of website: in, zodat ouders weten waar ze een klacht indienen",
                )


def _external_confidant(school: SchoolModel, out: Collector) -> None:
    role = school.role("externe_vertrouwenspersoon")
    reachable = role is not None and (
        any(person.public_email or person.public_phone for person in role.people)
        or (
            role.organisation is not None
            and bool(role.organisation.public_phone or role.organisation.public_email)
        )
    )
    if reachable or _vacant(school, out, "externe_vertrouwenspersoon", "klacht-evp"):
        return
    message = (
        "er is geen externe vertrouwenspersoon aangewezen"
        if role is None or not (role.people or role.organisation)
        else "bij de externe vertrouwenspersoon staat geen openbaar telefoonnummer of e-mailadres"
    )
    out.warning(  # good practice, no legal duty (law.py: klachten_vertrouwenspersonen)
        "klacht-evp",
        message,
        school.policy.roles.mark_of("externe_vertrouwenspersoon"),
        source_of("klachten_vertrouwenspersonen"),
        "noem een persoon of organisatie met telefoon of e-mail onder rollen.externe_vertrouwenspersoon",
    )


def _mandates(school: SchoolModel, out: Collector) -> None:
    """A directeur decides on schorsing or verwijdering only with a mandate of the bevoegd gezag."""
    measures = school.policy.measures
    for block, what, key in (
        (measures.suspension, "een schorsing", "schorsing"),
        (measures.removal, "een verwijdering", "verwijdering"),
    ):
        if block is None or block.decided_by != "directeur" or block.mandate:
            continue
        out.error(
            "mandaat",
            f"de directeur besluit over {what}, maar er staat niet met welk mandaat van het bevoegd gezag",
            block.mark_of("decided_by"),
            source_of("mandaat_directeur", "besluit_bevoegd_gezag"),
            f"noem onder maatregelen.{key}.mandaat het mandaatbesluit, wie het gaf en de datum, of zet "
            "besluit_door: bevoegd_gezag",
        )


def _grounds(school: SchoolModel, out: Collector) -> None:
    removal = school.policy.measures.removal
    if "grondslag" in removal.grounds and school.policy.board.richting == "openbaar":
        out.error(
            "verwijdering-grondslag",
            "een openbare school heeft geen levensbeschouwelijke grondslag; gedrag in strijd met een grondslag "
            "kan daar geen reden voor verwijdering zijn",
            removal.mark_of("grounds"),
            practice("alleen een bijzondere school (of een samenwerkingsschool) heeft een eigen grondslag"),
            "haal grondslag weg uit maatregelen.verwijdering.gronden",
        )


def _count(number: int, one: str, many: str) -> str:
    return f"{number_word(number)} {one if number == 1 else many}"


def _measures(school: SchoolModel, out: Collector) -> None:
    measures = school.policy.measures
    variant = law.variant(school.law, school.policy.board.richting)
    suspension_source = source_of(variant.suspension.key)
    suspension = measures.suspension
    most = law.SUSPENSION_MAX_SCHOOL_DAYS
    if suspension is not None and suspension.max_school_days > most:
        out.error(
            "schorsing-max",
            f"een schorsing mag ten hoogste {_count(most, 'schooldag', 'schooldagen')} duren, "
            f"hier staat {suspension.max_school_days}",
            suspension.mark_of("max_school_days"),
            suspension_source,
            f"zet max_schooldagen: op {most} of minder",
        )
    if suspension is not None and not suspension.notify_inspectie:
        longer = _count(law.INSPECTIE_NOTICE_AFTER_DAYS, "dag", "dagen")
        out.error(
            "schorsing-inspectie",
            f"de inspectie moet bericht krijgen van een schorsing die langer dan {longer} duurt; dat mag niet uit",
            suspension.mark_of("notify_inspectie"),
            suspension_source,
            "haal inspectie_melden: false weg",
        )
    time_out = measures.time_out
    if time_out is not None and time_out.outside_school:
        out.error(
            "time-out-thuis",
            f"een maatregel waarbij de leerling niet op school is ({time_out.where}), is wettelijk een schorsing, "
            "met alle regels daarvan",
            time_out.mark_of("where"),
            source_of(variant.suspension.key, "schorsing_begrip"),
            "laat de leerling bij een time-out op school (een andere groep of ruimte), of gebruik de schorsing met "
            "een schriftelijk besluit en bericht aan de inspectie",
        )
    _mandates(school, out)
    _grounds(school, out)
    heard = law.REMOVAL_HEARD
    missing = [who for who in heard if who not in measures.removal.hear]
    if missing:
        optional = [
            who
            for who in _HEAR_OPTIONS
            if who not in heard
            and (who != "commissie_van_begeleiding" or school.policy.school.type != "po")  # sbo, so, vso only
        ]
        out.error(
            "verwijdering-horen",
            f"voor een besluit tot verwijdering moeten {join(f'de {who}' for who in heard)} gehoord worden; "
            f"hier ontbreekt: {join(missing)}",
            measures.removal.mark_of("hear"),
            source_of(variant.removal.key),
            f"zet horen: [{', '.join(heard)}]"
            + (f" (eventueel met {join(optional, 'of')})" if optional else ""),
        )
