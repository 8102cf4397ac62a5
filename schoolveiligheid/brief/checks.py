"""Read a letter case and check it against its kind, the school's policy and the law.

Every problem names the case file, the line and the key, in Dutch, and all of
them are reported together. A case that passes is safe to render: the keys its
kind needs are there, the dates are in order, a schorsing fits within the law
and the school's own limit, and a definitive removal follows a 'voornemen'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..confine import OutsideFolder, resolve_inside
from ..errors import InvalidInput, Problem
from ..law import FACTS, REMOVAL_HEARD, removal_decision_fact, variant
from ..load import Mark, MarkedDict, read_yaml_file
from ..model import SchoolModel
from ..model.parts import CONTACT_KEYS
from ..model.vacancy import letter_role_problem
from ..model.validate import problems_from
from ..model.values import suggest
from ..model.wording import dutch_date
from .case import COMMON_KEYS, Case, LetterKind, TimeOutFacts
from .dates import check_dates
from .names import INVOLVED, check_names, check_words
from .problems import Found

_LIST_KEYS = ("redenen", "maatregelen", "acties", "ontvangers", "betrokken_leerlingen")
_PARTY_NAMES = {
    "groepsleerkracht": "de groepsleerkracht",
    "ouders": "de ouders",
    "leerling": "de leerling",
    "commissie_van_begeleiding": "de commissie van begeleiding",
}
_ONE_PER_LINE = "noem elk op een eigen regel met '- '"


@dataclass(frozen=True, slots=True)
class LoadedCase:
    """A validated case with the school it belongs to and, for a definitive removal, the earlier case."""

    case: Case
    raw: MarkedDict
    school: SchoolModel
    source: Path
    earlier: Case | None = None


def validation_context(school: SchoolModel) -> dict[str, Any]:
    """The ids a case may refer to: the school's people, organisations, groups, approaches and roles."""
    return {
        "personen": set(school.people),
        "organisaties": set(school.organisations),
        "groepen": list(school.policy.school.group_labels),
        "catalogus_aanpak": school.catalogue.ids("aanpak"),
        "rollen": {role_id for role_id, role in school.roles.items() if role.people},
    }


def _school_for(raw: MarkedDict, schools: Sequence[SchoolModel]) -> tuple[SchoolModel | None, list[Problem]]:
    found = Found(raw)
    school_id = raw.get("school")
    if not isinstance(school_id, str) or not school_id.strip():
        if "school" not in raw:
            message = "verplichte sleutel 'school' ontbreekt"
        elif _is_empty(school_id):
            message = "verplichte sleutel 'school' is leeg"
        else:
            message = "verwacht de id van één school, geen lijst of blok"
        found.add(("school",), message, "schrijf 'school: <id>' (school.id in het beleid)")
        return None, found.problems
    by_id = {school.id: school for school in schools}
    if school_id in by_id:
        return by_id[school_id], []
    found.add(
        ("school",),
        f'school "{school_id}" bestaat niet in de beleidsmap',
        suggest(school_id, by_id) or "geef met --policy de map met het beleid van deze school",
    )
    return None, found.problems


def case_school(path: Path) -> str | None:
    """The school id a case file names, or None when it names none or cannot be read (read_case then
    says what is wrong with it, after the policy's own problems)."""
    try:
        school_id = read_yaml_file(path).get("school")
    except InvalidInput:
        return None
    return school_id if isinstance(school_id, str) and school_id.strip() else None


def read_case(path: Path, schools: Sequence[SchoolModel], follow_earlier: bool = True) -> LoadedCase:
    """Read, validate and check one case file; raises InvalidInput with every problem found."""
    raw = read_yaml_file(path)
    school, problems = _school_for(raw, schools)
    if school is None:
        raise InvalidInput(problems)
    try:
        case = Case.model_validate(raw, context=validation_context(school))
    except ValidationError as error:
        raise InvalidInput(problems_from(error, raw, Case)) from None
    found = Found(raw)
    _check_keys(case.letter_kind, raw, school, found)
    _check_school(case, school, found)
    check_dates(case, school, found)
    _check_kept_out(case, school, found)
    if case.letter_kind.careful:
        check_words(raw, found)
    if case.letter_kind.to_group:
        check_names(case, raw, found)
    earlier = None
    if follow_earlier and case.earlier is not None and case.kind == "definitieve_verwijdering":
        earlier = _check_earlier(case, path, schools, found)
    if found.problems:
        raise InvalidInput(found.problems)
    return LoadedCase(case=case, raw=raw, school=school, source=path, earlier=earlier)


def _is_empty(value: Any) -> bool:
    """A key written without a value: YAML gives None, or the user typed only quotes or brackets."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, (list, dict)) and not value


def _required_hint(key: str, kind: LetterKind, school: SchoolModel) -> str:
    """What to write for a required key; where the law asks for it, the rule comes from law.py."""
    rules = variant(school.law, school.policy.board.richting)
    if key == "redenen":
        decision = (
            rules.suspension
            if kind.id == "schorsing"
            else removal_decision_fact(school.law, school.policy.board.richting)
        )
        return _ONE_PER_LINE + (f". {decision.rule}" if decision else "")
    if key == "maatregelen":
        return f"{_ONE_PER_LINE}. {FACTS['schorsing_onderwijs'].rule}"
    if key == "andere_school":
        return f"noem de school met naam en plaats. {rules.removal.rule}"
    if key == "gehoord":
        parties = [_PARTY_NAMES[party] for party in _heard_parties(school)]
        return f"noem de datums waarop {', '.join(parties[:-1])} en {parties[-1]} gehoord zijn. {rules.removal.rule}"
    if key == "hoorgesprek":
        return f"noem datum en tijd van het gesprek met de ouders. {rules.removal.rule}"
    if key == INVOLVED:
        return (
            "noem de kinderen om wie het gaat, elk als '- {voornaam: …, achternaam: …}'; hun namen komen niet "
            "in de brief: brief weigert alleen een tekst waarin ze toch staan"
        )
    if key == "gerelateerd_aan":
        return "noem het zaakbestand van de brief over het voornemen tot verwijdering; de definitieve brief verwijst ernaar"
    info = next((item for item in Case.model_fields.values() if item.alias == key), None)
    about = f": {info.description}" if info is not None and info.description else ""
    return f"schrijf '{key}:' met een waarde{about}"


def _check_keys(kind: LetterKind, raw: MarkedDict, school: SchoolModel, found: Found) -> None:
    allowed = {*COMMON_KEYS, *kind.required, *kind.optional}
    for key in raw:
        if key in allowed:
            continue
        if kind.to_group and key == "leerling":
            found.add(
                (key,),
                "een brief aan andere ouders mag de naam van de leerling niet bevatten",
                "haal leerling: weg; deze brief gaat naar de ouders van een hele groep",
            )
        elif kind.to_group and key in {"ontvangers", "aanhef", "groepsleerkracht"}:
            found.add(
                (key,),
                "een brief aan de ouders van een hele groep heeft geen persoonlijke ontvangers of namen",
                f"haal {key}: weg; de brief is gericht aan de ouders van de groep",
            )
        elif key == "gerelateerd_aan":
            found.add(
                (key,),
                "gerelateerd_aan hoort alleen bij een brief 'definitieve_verwijdering'",
                "haal deze sleutel weg",
            )
        else:
            found.add(
                (key,),
                f"sleutel '{key}' hoort niet bij een brief '{kind.id}'",
                suggest(key, allowed - {"schema"}),
            )
    for key in kind.required:
        if key not in raw:
            found.add(
                (key,),
                f"verplichte sleutel '{key}' ontbreekt voor een brief '{kind.id}'",
                _required_hint(key, kind, school),
                at=("brief",),
            )
        elif key in _LIST_KEYS and isinstance(raw[key], list) and not raw[key]:
            found.add((key,), "deze lijst is leeg", "noem er minstens één, elk op een eigen regel met '- '")
        elif _is_empty(raw[key]):
            found.add(
                (key,),
                f"verplichte sleutel '{key}' is leeg voor een brief '{kind.id}'",
                _required_hint(key, kind, school),
            )


def _check_school(case: Case, school: SchoolModel, found: Found) -> None:
    kind = case.letter_kind
    if kind.special_only and school.policy.school.type not in {"so", "vso"}:
        found.add(
            ("brief",),
            f"een {kind.title} hoort bij het speciaal onderwijs; deze school is van type {school.policy.school.type}",
            "kies een andere soort brief, bijvoorbeeld uitnodiging_gesprek",
        )
    signatory = case.signatory or school.policy.letters.signatory
    # The one rule for vacant roles in letters (model/vacancy.py), shared with `controleer`.
    problem = letter_role_problem(school, signatory, "ondertekenaar")
    if problem is not None:
        where = ("ondertekenaar",) if case.signatory else ("brief",)
        found.add(("ondertekenaar",), *problem, at=where)
    if case.contact is not None:
        problem = letter_role_problem(school, case.contact, "contactpersoon")
        if problem is not None:
            found.add(("contactpersoon",), *problem)
    info = school.policy.school
    for name, key, what in CONTACT_KEYS:
        if getattr(info, name) is None:  # a concept may lack them; a letter never (model/parts.py)
            mark = info.mark_of(name)
            found.problems.append(
                Problem(
                    mark.file,
                    mark.line,
                    mark.key,
                    f"het beleid van de school noemt {what} nog niet; een brief heeft dat nodig in het briefhoofd",
                    f"vul school.{key} in het beleid in voordat je een brief maakt",
                )
            )
    _check_concept_gaps(school, found)
    if case.time_out is not None:
        _check_time_out(case.time_out, school, found)
    if case.group is not None and case.receiving_groups and case.group in case.receiving_groups:
        found.add(
            ("ontvangende_groepen",),
            f"groep {case.group} is de betrokken groep; die krijgt de brief incident_eigen_groep",
            "noem alleen de andere groepen, of laat de sleutel weg (dan: alle andere groepen)",
        )
    curative = school.policy.bullying.curative if school.policy.bullying else None
    if case.approach is not None and curative is not None and case.approach not in curative.approaches:
        found.add(
            ("aanpak",),
            f'de aanpak "{case.approach}" staat niet in pestaanpak.curatief.methoden van de school',
            suggest(case.approach, curative.approaches),
        )
    if kind.id == "definitieve_verwijdering":
        _check_heard(case, school, found)


def _check_concept_gaps(school: SchoolModel, found: Found) -> None:
    """What a concept may still lack but a letter needs: the board's richting and address, the committee."""
    board = school.policy.board
    needed: list[tuple[Mark, str, str]] = []
    if board.richting is None:
        needed.append(
            (
                board.mark_of("richting"),
                "het beleid noemt de richting van het bestuur nog niet (openbaar, bijzonder of "
                "samenwerkingsschool); een brief noemt de route voor bezwaar en rechter, en die hangt daarvan af",
                "vul bestuur.richting in het bestuursbestand in voordat je een brief maakt",
            )
        )
    if board.address is None:
        needed.append(
            (
                board.mark_of("address"),
                "het beleid noemt het adres van het bestuur nog niet; een brief noemt het adres voor bezwaarschriften",
                "vul bestuur.adres in het bestuursbestand in voordat je een brief maakt",
            )
        )
    complaints = school.policy.complaints
    if complaints is not None and complaints.lacks_committee:
        needed.append(
            (
                complaints.mark_of("committee"),
                "het beleid noemt de klachtencommissie nog niet; een brief kan pas als het beleid compleet is",
                "vul klachten.commissie in (of commissie: bij elke route) voordat je een brief maakt",
            )
        )
    for mark, message, hint in needed:
        found.problems.append(Problem(mark.file, mark.line, mark.key, message, hint))


def _check_kept_out(case: Case, school: SchoolModel, found: Found) -> None:
    """A pupil kept out of school by the school is suspended, whatever the letter calls it (issue 12, point 7);
    a removal takes effect only once the other school has agreed (point 5)."""
    suspension = variant(school.law, school.policy.board.richting).suspension
    rule = f"{FACTS['schorsing_begrip'].rule} {suspension.rule}" + (
        f" ({suspension.article})" if suspension.article else ""
    )
    if case.incident is not None and case.incident.kept_home:
        found.add(
            ("incident", "thuis_gehouden"),
            "een kind dat op verzoek van de school thuisblijft, is geschorst; dat kan alleen met een "
            f"schriftelijk besluit aan de eigen ouders. {rule}",
            "neem een besluit tot schorsing en stuur de ouders van het kind de brief schorsing; haal "
            "thuis_gehouden weg uit deze brief (blijft het kind op wens van de eigen ouders thuis, dan hoort "
            "dat ook niet in een brief aan andere ouders)",
        )
    measure = school.policy.measures.time_out
    so_time_out = school.policy.so.time_out if school.policy.so else None
    if case.kind == "time_out" and so_time_out is None and measure is not None and measure.outside_school:
        found.add(
            ("brief",),
            f"de time-out van deze school houdt de leerling buiten school ({measure.where}); dat is een "
            f"schorsing. {rule}",
            "stuur de brief schorsing met een schriftelijk besluit, en pas maatregelen.time_out.waar in het beleid "
            "aan (controleer meldt het ook)",
        )
    other = case.other_school
    if (
        case.effective_on is not None
        and other is not None
        and other.admitted_on is not None
        and case.effective_on < other.admitted_on
    ):
        found.add(
            ("ingangsdatum",),
            f"de verwijdering gaat in op {dutch_date(case.effective_on)}, vóór de toezegging van de andere school "
            f"({dutch_date(other.admitted_on)})",
            FACTS["verwijdering_ingang"].rule,
        )


def _heard_parties(school: SchoolModel) -> tuple[str, ...]:
    """Who is heard before a removal: whom the law names, and whom the school's policy adds."""
    return tuple(dict.fromkeys((*REMOVAL_HEARD, *school.policy.measures.removal.hear)))


def _check_heard(case: Case, school: SchoolModel, found: Found) -> None:
    heard = case.heard
    if heard is None:
        return
    needed = _heard_parties(school)
    values = {
        "groepsleerkracht": heard.teacher,
        "ouders": heard.parents,
        "leerling": heard.pupil,
        "commissie_van_begeleiding": heard.committee,
    }
    rule = variant(school.law, school.policy.board.richting).removal.rule
    for party in needed:
        if values[party] is None:
            verb = "zijn" if party == "ouders" else "is"
            found.add(
                ("gehoord", party),
                f"er staat niet wanneer {_PARTY_NAMES[party]} {verb} gehoord",
                rule
                if party in REMOVAL_HEARD
                else f"het beleid van de school noemt ook {_PARTY_NAMES[party]} (maatregelen.verwijdering.horen)",
                at=("gehoord",),
            )


def _check_earlier(case: Case, path: Path, schools: Sequence[SchoolModel], found: Found) -> Case | None:
    assert case.earlier is not None
    try:
        earlier_path = resolve_inside(path.parent, case.earlier)
    except OutsideFolder as error:
        found.add(
            ("gerelateerd_aan",),
            f"dit zaakbestand kan niet worden gebruikt: {error}",
            "zet de zaak van het voornemen in dezelfde map als deze zaak (of een map daaronder)",
        )
        return None
    try:
        exists = earlier_path.is_file()
    except (OSError, ValueError):  # a name the file system refuses: too long, or a NUL byte
        exists = False
    if not exists:
        found.add(
            ("gerelateerd_aan",),
            f"het zaakbestand '{case.earlier}' bestaat niet",
            "geef het pad vanaf dit zaakbestand naar de zaak van het voornemen tot verwijdering",
        )
        return None
    if case_school(earlier_path) not in (None, case.school):  # only this case's school was loaded
        found.add(
            ("gerelateerd_aan",),
            "de brief over het voornemen is van een andere school",
            "kies het juiste zaakbestand",
        )
        return None
    try:
        earlier = read_case(earlier_path, schools, follow_earlier=False).case
    except InvalidInput as error:
        found.problems.extend(error.problems)
        return None
    if earlier.kind != "voornemen_verwijdering":
        found.add(
            ("gerelateerd_aan",),
            f"'{case.earlier}' is een brief '{earlier.kind}', geen voornemen_verwijdering",
            "een definitieve verwijdering volgt op de brief over het voornemen tot verwijdering",
        )
    elif earlier.letter_date >= case.letter_date:
        found.add(
            ("gerelateerd_aan",),
            f"de brief over het voornemen ({dutch_date(earlier.letter_date)}) is niet eerder dan deze brief "
            f"({dutch_date(case.letter_date)})",
            "controleer datum_brief in beide zaakbestanden",
        )
    same_pupil = (
        earlier.pupil is not None
        and case.pupil is not None
        and (earlier.pupil.first_name, earlier.pupil.last_name)
        == (case.pupil.first_name, case.pupil.last_name)
    )
    if not same_pupil:
        found.add(
            ("gerelateerd_aan",),
            "de brief over het voornemen gaat over een andere leerling",
            "kies het juiste zaakbestand",
        )
    return earlier


__all__ = ["LoadedCase", "read_case", "validation_context"]


def _check_time_out(time_out: TimeOutFacts, school: SchoolModel, found: Found) -> None:
    """The letter follows the policy: the so-time-out if the school has one, else the measure outside the group."""
    so = school.policy.so
    so_time_out = so.time_out if so else None
    if so_time_out is None:
        if school.policy.measures.time_out is None:
            found.add(
                ("brief",),
                "het beleid van de school beschrijft geen time-out (so.time_out of maatregelen.time_out)",
                "beschrijf eerst de time-out in het beleid, of kies een andere soort brief, bijvoorbeeld "
                "uitnodiging_gesprek",
            )
        if time_out.preventive:
            found.add(
                ("time_out", "preventief"),
                "een preventieve time-out kent alleen het speciaal onderwijs met so.time_out.preventief: true",
                "laat preventief weg",
            )
        return
    if time_out.preventive and not so_time_out.preventive:
        found.add(
            ("time_out", "preventief"),
            "het beleid van de school kent geen preventieve time-out (so.time_out.preventief)",
            "laat preventief weg, of zet preventief: true in so.time_out van het beleid",
        )
    elif time_out.preventive and not so_time_out.parents_preventive:
        found.add(
            ("time_out", "preventief"),
            "volgens het beleid horen ouders niet apart van een preventieve time-out "
            "(so.time_out.ouders_bij_preventief: false)",
            "stuur voor een preventieve time-out geen brief, of zet ouders_bij_preventief: true in het beleid",
        )
    if so is not None and so.rooms:
        rooms = [room.name for room in so.rooms]
        if time_out.room not in rooms:
            found.add(
                ("time_out", "ruimte"),
                f'ruimte "{time_out.room}" staat niet in so.ruimtes van het beleid',
                suggest(time_out.room, rooms),
            )
