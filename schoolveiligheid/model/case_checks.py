"""Read a letter case and check it against its kind, the school's policy and the law.

Every problem names the case file, the line and the key, in Dutch, and all of
them are reported together. A case that passes is safe to render: the keys its
kind needs are there, the dates are in order, a schorsing fits within the law
and the school's own limit, and a definitive removal follows a 'voornemen'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..confine import OutsideFolder, resolve_inside
from ..errors import InvalidInput, Problem
from ..law import (
    FACTS,
    REMOVAL_HEARD,
    SUSPENSION_MAX_SCHOOL_DAYS,
    nth_school_day,
    removal_decision_fact,
    school_days,
    variant,
)
from ..load import KeyPath, Mark, MarkedDict, MarkedList, format_key_path, read_yaml_file
from .case import COMMON_KEYS, Case, LetterKind
from .school import SchoolModel
from .validate import problems_from
from .values import WEEKDAYS, dutch_date, suggest

# Words a letter to worried parents avoids: labels for children, and the formal measure.
_CAREFUL_WORDS = re.compile(r"\b(daders?|slachtoffers?|schors\w*|geschorst)\b", re.IGNORECASE)
_LIST_KEYS = ("redenen", "maatregelen", "acties", "ontvangers", "betrokken_leerlingen")
_PARTY_NAMES = {"groepsleerkracht": "de groepsleerkracht", "ouders": "de ouders", "leerling": "de leerling"}
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


class _Found:
    """Collects problems at marks of one case file."""

    def __init__(self, raw: MarkedDict) -> None:
        self.raw = raw
        self.problems: list[Problem] = []

    def mark(self, *path: str | int) -> Mark:
        node: Any = self.raw
        mark = self.raw.mark
        for part in path:
            if isinstance(node, MarkedDict) and isinstance(part, str) and part in node:
                mark, node = node.marks[part], node[part]
                continue
            if isinstance(node, MarkedList) and isinstance(part, int) and 0 <= part < len(node):
                mark, node = node.marks[part], node[part]
                continue
            break
        return mark

    def add(self, path: KeyPath, message: str, hint: str = "", at: KeyPath | None = None) -> None:
        mark = self.mark(*(path if at is None else at))
        self.problems.append(Problem(mark.file, mark.line, format_key_path(path), message, hint))


def _school_for(raw: MarkedDict, schools: Sequence[SchoolModel]) -> tuple[SchoolModel | None, list[Problem]]:
    found = _Found(raw)
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
    found = _Found(raw)
    _check_keys(case.letter_kind, raw, school, found)
    _check_school(case, school, found)
    _check_dates(case, school, found)
    if case.letter_kind.careful:
        _check_words(raw, found)
    if case.letter_kind.to_group:
        _check_names(case, raw, found)
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
    if key == _INVOLVED:
        return (
            "noem de kinderen om wie het gaat, elk als '- {voornaam: …, achternaam: …}'; hun namen komen niet "
            "in de brief: brief weigert alleen een tekst waarin ze toch staan"
        )
    if key == "gerelateerd_aan":
        return "noem het zaakbestand van de brief over het voornemen tot verwijdering; de definitieve brief verwijst ernaar"
    info = next((item for item in Case.model_fields.values() if item.alias == key), None)
    about = f": {info.description}" if info is not None and info.description else ""
    return f"schrijf '{key}:' met een waarde{about}"


def _check_keys(kind: LetterKind, raw: MarkedDict, school: SchoolModel, found: _Found) -> None:
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


def _has_people(school: SchoolModel, role_id: str) -> bool:
    role = school.role(role_id)
    return role is not None and bool(role.people)


def _check_school(case: Case, school: SchoolModel, found: _Found) -> None:
    kind = case.letter_kind
    if kind.special_only and school.policy.school.type not in {"so", "vso"}:
        found.add(
            ("brief",),
            f"een {kind.title} hoort bij het speciaal onderwijs; deze school is van type {school.policy.school.type}",
            "kies een andere soort brief, bijvoorbeeld uitnodiging_gesprek",
        )
    signatory = case.signatory or school.policy.letters.signatory
    if not _has_people(school, signatory):
        where = ("ondertekenaar",) if case.signatory else ("brief",)
        found.add(
            ("ondertekenaar",),
            f'de ondertekenaar "{signatory}" is geen ingevulde rol met een persoon in het beleid van de school',
            f"vul rollen.{signatory} in het beleid in, of noem een andere ondertekenaar",
            at=where,
        )
    if case.contact is not None and not _has_people(school, case.contact):
        found.add(
            ("contactpersoon",), f'de rol "{case.contact}" is niet ingevuld', f"vul rollen.{case.contact} in"
        )
    if case.time_out is not None and school.policy.so is not None and school.policy.so.rooms:
        rooms = [room.name for room in school.policy.so.rooms]
        if case.time_out.room not in rooms:
            found.add(
                ("time_out", "ruimte"),
                f'ruimte "{case.time_out.room}" staat niet in so.ruimtes van het beleid',
                suggest(case.time_out.room, rooms),
            )
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


def _heard_parties(school: SchoolModel) -> tuple[str, ...]:
    """Who is heard before a removal: whom the law names, and whom the school's policy adds."""
    return tuple(dict.fromkeys((*REMOVAL_HEARD, *school.policy.measures.removal.hear)))


def _check_heard(case: Case, school: SchoolModel, found: _Found) -> None:
    heard = case.heard
    if heard is None:
        return
    needed = _heard_parties(school)
    values = {"groepsleerkracht": heard.teacher, "ouders": heard.parents, "leerling": heard.pupil}
    rule = variant(school.law, school.policy.board.richting).removal.rule
    for party in needed:
        if values[party] is None:
            verb = "zijn" if party == "ouders" else "is"
            found.add(
                ("gehoord", party),
                f"er staat niet wanneer {_PARTY_NAMES[party]} {verb} gehoord",
                rule
                if party in REMOVAL_HEARD
                else "het beleid van de school noemt ook de leerling (maatregelen.verwijdering.horen)",
                at=("gehoord",),
            )


def _not_after_letter(case: Case, found: _Found, path: KeyPath, day: date | None, what: str) -> None:
    if day is not None and day > case.letter_date:
        found.add(
            path,
            f"{what} ({dutch_date(day)}) ligt na de datum van de brief ({dutch_date(case.letter_date)})",
            "controleer de datums; de brief beschrijft wat al gebeurd is",
        )


def _not_before_letter(case: Case, found: _Found, path: KeyPath, day: date | None, what: str) -> None:
    if day is not None and day < case.letter_date:
        found.add(
            path,
            f"{what} ({dutch_date(day)}) ligt vóór de datum van de brief ({dutch_date(case.letter_date)})",
            "ouders moeten de brief eerst kunnen ontvangen; kies een latere datum",
        )


def _check_dates(case: Case, school: SchoolModel, found: _Found) -> None:
    _not_after_letter(case, found, ("gesprek_op",), case.talked_on, "het gesprek")
    _not_before_letter(
        case,
        found,
        ("uitnodiging", "datum"),
        case.invitation.date if case.invitation else None,
        "het gesprek",
    )
    _not_before_letter(
        case, found, ("hoorgesprek", "datum"), case.hearing.date if case.hearing else None, "het hoorgesprek"
    )
    _not_before_letter(case, found, ("ingangsdatum",), case.effective_on, "de ingangsdatum")
    if case.heard is not None:
        for key, day in (
            ("groepsleerkracht", case.heard.teacher),
            ("ouders", case.heard.parents),
            ("leerling", case.heard.pupil),
        ):
            _not_after_letter(case, found, ("gehoord", key), day, "dit gesprek")
    if case.other_school is not None:
        _not_after_letter(
            case, found, ("andere_school", "toegezegd_op"), case.other_school.admitted_on, "de toezegging"
        )
    if case.incident is not None:
        _not_after_letter(case, found, ("incident", "datum"), case.incident.date, "het incident")
        _not_after_letter(case, found, ("incident", "gemeld_op"), case.incident.reported_on, "de melding")
    if case.group_talk is not None:
        _not_after_letter(
            case, found, ("gesprek_in_groep", "datum"), case.group_talk.date, "het gesprek in de groep"
        )
    if case.time_out is not None:
        _not_after_letter(case, found, ("time_out", "datum"), case.time_out.date, "de time-out")
        start, end = (
            tuple(int(part) for part in time.split(".")) for time in (case.time_out.start, case.time_out.end)
        )
        if end <= start:
            found.add(
                ("time_out", "tot"),
                f"de time-out eindigt ({case.time_out.end}) niet na het begin ({case.time_out.start})",
                "controleer van en tot",
            )
    if case.period is not None:
        _check_period(case, school, found)


def _check_period(case: Case, school: SchoolModel, found: _Found) -> None:
    assert case.period is not None
    first, last = case.period.first, case.period.last
    if last < first:
        found.add(
            ("periode", "tot_en_met"),
            f"de schorsing eindigt op {dutch_date(last, weekday=True)}, vóór de eerste dag ({dutch_date(first, weekday=True)})",
            "controleer van en tot_en_met: tot_en_met is de laatste dag van de schorsing",
        )
        return
    for key, day in (("van", first), ("tot_en_met", last)):
        if day.weekday() >= 5:
            found.add(
                ("periode", key),
                f"{dutch_date(day)} is een {WEEKDAYS[day.weekday()]}, geen schooldag",
                "een schorsing begint en eindigt op een schooldag",
            )
    _not_before_letter(case, found, ("periode", "van"), first, "de eerste dag van de schorsing")
    days = school_days(first, last)
    rule = variant(school.law, school.policy.board.richting).suspension
    if days > SUSPENSION_MAX_SCHOOL_DAYS:
        cited = f" ({rule.article})" if rule.article else ""
        found.add(
            ("periode", "tot_en_met"),
            f"de schorsing duurt {days} schooldagen; de wet staat hoogstens {SUSPENSION_MAX_SCHOOL_DAYS} "
            f"schooldagen toe{cited}",
            f"kies als laatste dag uiterlijk {dutch_date(nth_school_day(first, SUSPENSION_MAX_SCHOOL_DAYS), weekday=True)}",
        )
        return
    own = school.policy.measures.suspension
    if own is not None and days > own.max_school_days:
        found.add(
            ("periode", "tot_en_met"),
            f"de schorsing duurt {days} schooldagen; het beleid van de school staat hoogstens "
            f"{own.max_school_days} schooldagen toe",
            f"kies als laatste dag uiterlijk {dutch_date(nth_school_day(first, own.max_school_days), weekday=True)}"
            " (maatregelen.schorsing.max_schooldagen)",
        )


def _strings(node: Any, path: KeyPath, mark: Mark) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(node, MarkedDict):
        for key, value in node.items():
            yield from _strings(value, (*path, key), node.marks[key])
    elif isinstance(node, MarkedList):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index), node.marks[index])
    elif isinstance(node, str):
        yield path, node


def _check_words(raw: MarkedDict, found: _Found) -> None:
    for path, text in _strings(raw, (), raw.mark):
        match = _CAREFUL_WORDS.search(text)
        if match:
            found.add(
                path,
                f"vermijd het woord '{match.group(0)}' in een brief aan ouders",
                "beschrijf wat er gebeurde zonder etiket, bijvoorbeeld 'het kind dat pestte' of 'een kind "
                "blijft op ons verzoek enkele dagen thuis'",
            )


# Parts of a Dutch (or other) surname that are no name on their own: "de" in "de Vries".
_NAME_PARTICLE = re.compile(
    r"van|de|der|den|het|ter|ten|te|in|op|aan|bij|uit|'t|t|d'|la|le|les|du|da|dal|di|del|della|dos|das|von|zu"
    r"|el|al|bin|ben",
    re.IGNORECASE,
)
_INVOLVED = "betrokken_leerlingen"


def _plain(text: str) -> str:
    """Lower case without accents, so 'Noë' and 'noe' are the same name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _name_words(case: Case) -> list[str]:
    """Every name of the involved children that may not appear: full names and their parts."""
    words: dict[str, None] = {}
    for pupil in case.involved:
        for name in (pupil.first_name, pupil.last_name):
            if not name:
                continue
            whole = " ".join(name.split())
            words[whole] = None
            for part in re.split(r"[\s\-]+", whole):
                if part and not _NAME_PARTICLE.fullmatch(part):
                    words[part] = None
    return [word for word in words if len(word) > 1]


def _check_names(case: Case, raw: MarkedDict, found: _Found) -> None:
    """A letter to other parents never names the children involved: every free text is checked."""
    names = [(word, re.compile(rf"(?<!\w){re.escape(_plain(word))}(?!\w)")) for word in _name_words(case)]
    if not names:
        return
    for path, text in _strings(raw, (), raw.mark):
        if path[:1] == (_INVOLVED,):
            continue
        plain = _plain(text)
        for word, pattern in names:
            if pattern.search(plain) is None:
                continue
            found.add(
                path,
                f"hier staat '{word}', de naam van een betrokken leerling (betrokken_leerlingen); een brief "
                "aan andere ouders noemt geen kind",
                "schrijf 'een leerling', 'een kind' of 'een klasgenoot'. Ook als het hier een gewoon woord is "
                "(zoals roos of bas), kunnen ouders er het kind aan herkennen: kies dan een ander woord",
            )
            break


def _check_earlier(case: Case, path: Path, schools: Sequence[SchoolModel], found: _Found) -> Case | None:
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
    if earlier.school != case.school:
        found.add(
            ("gerelateerd_aan",),
            "de brief over het voornemen is van een andere school",
            "kies het juiste zaakbestand",
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
