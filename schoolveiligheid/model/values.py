"""Value types of the policy: phone numbers, e-mail, postcodes, dates, school years, groups.

Each type validates the text a user typed, normalises it, and explains in Dutch
what is wrong and how to fix it. Formatting for display (a phone number in one
house style, a Dutch date) lives here too, so every document writes it the same way.
"""

from __future__ import annotations

import difflib
import functools
import html as html_text
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlparse

from markdown import Markdown as MarkdownConverter  # type: ignore[import-untyped, unused-ignore]
from pydantic import (
    BeforeValidator,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from ..documents import MARKDOWN_EXTENSIONS
from ..load import invisible_character
from .patterns import date_pattern, phone_numbers, phone_pattern, school_year_pattern

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def invalid(kind: str, message: str, hint: str = "", **values: Any) -> PydanticCustomError:
    """A validation error with a Dutch message template and a hint for the user."""
    return PydanticCustomError(kind, message, {"hint": hint, **values})


def suggest(value: str, options: Iterable[str]) -> str:
    """A 'bedoelde je …?' hint when a close option exists, else the list of options."""
    options = sorted(set(options))
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    if close:
        return f"bedoelde je '{close[0]}'?"
    if not options:
        return ""
    shown = ", ".join(options[:12]) + (", …" if len(options) > 12 else "")
    return f"kies uit: {shown}"


class _TextValue(str):
    """A str that validates and normalises itself as a pydantic field."""

    json_description = ""
    json_pattern: str | None = None
    json_error = ""  # the Dutch message an editor shows when the pattern does not match
    json_numbers: tuple[dict[str, int], ...] = ()  # what an editor reads as a number but the tool as text

    @classmethod
    def parse(cls, text: str) -> str:
        raise NotImplementedError

    @classmethod
    def _validate(cls, value: Any) -> Any:
        if value is None:
            raise invalid(
                "leeg",
                "de waarde is leeg",
                "vul een waarde in achter de dubbele punt, of laat de sleutel weg",
            )
        if not isinstance(value, str):
            raise invalid(
                "tekst",
                "verwacht tekst, geen lijst of blok",
                "schrijf de waarde op dezelfde regel als de sleutel",
            )
        return cls(cls.parse(value.strip()))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        text: dict[str, Any] = {"type": "string"}
        if cls.json_pattern:
            text["pattern"] = cls.json_pattern
            text["patternErrorMessage"] = cls.json_error
        if not cls.json_numbers:
            return {**text, "description": cls.json_description}
        numbers = [
            {"type": "integer", "x-als-tekst": True, "errorMessage": cls.json_error, **bounds}
            for bounds in cls.json_numbers
        ]
        return {"description": cls.json_description, "anyOf": [text, *numbers]}


_AREA_CODES_2 = {
    "10",
    "13",
    "15",
    "20",
    "23",
    "24",
    "26",
    "30",
    "33",
    "35",
    "36",
    "38",
    "40",
    "43",
    "45",
    "46",
}
_AREA_CODES_2 |= {"50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79"}
_PHONE = re.compile(r"^(0[1-9]\d{8}|0(800|900|906|909)\d{4,7})$")


class Phone(_TextValue):
    """A Dutch phone number, stored as digits only ("0201234567")."""

    json_description = "Nederlands telefoonnummer, bijvoorbeeld 020 123 4567, 06 1234 5678 of 0800 2000"
    json_pattern = phone_pattern()
    json_error = (
        "ongeldig telefoonnummer: schrijf een Nederlands nummer van 10 cijfers (020 123 4567, "
        "06 1234 5678) of een servicenummer (0800 2000)"
    )
    json_numbers = tuple(phone_numbers())

    @classmethod
    def parse(cls, text: str) -> str:
        digits = re.sub(r"[\s\-().]", "", text)
        if digits.startswith("+31"):
            digits = "0" + digits[3:]
        elif digits.startswith("0031"):
            digits = "0" + digits[4:]
        if not _PHONE.match(digits):
            raise invalid(
                "telefoon",
                'ongeldig telefoonnummer "{waarde}"',
                "schrijf een Nederlands nummer van 10 cijfers (020 123 4567, 06 1234 5678) "
                "of een servicenummer (0800 2000)",
                waarde=text,
            )
        return digits

    @property
    def is_mobile(self) -> bool:
        """06 numbers belong to a person and are not published unless marked public."""
        return self.startswith("06")

    @property
    def display(self) -> str:
        """The house style: '020 123 4567', '0345 123 456', '06 1234 5678', '0800 2000'."""
        digits = str(self)
        if digits[:4] in {"0800", "0900", "0906", "0909"}:
            rest = digits[4:]
            return f"{digits[:4]} {rest}" if len(rest) <= 4 else f"{digits[:4]} {rest[:3]} {rest[3:]}"
        if digits.startswith("06"):
            return f"06 {digits[2:6]} {digits[6:]}"
        if digits[1:3] in _AREA_CODES_2 or digits[:3] in {"085", "088", "097"}:
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"

    @property
    def uri(self) -> str:
        """A tel: link that works from abroad too."""
        return f"tel:+31{self[1:]}"


_EMAIL = re.compile(r"^[a-z0-9._%+'-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$")
_FREE_MAIL = {
    "gmail.com",
    "hotmail.com",
    "hotmail.nl",
    "outlook.com",
    "live.nl",
    "live.com",
    "icloud.com",
    "yahoo.com",
    "ziggo.nl",
    "kpnmail.nl",
    "planet.nl",
    "home.nl",
    "xs4all.nl",
}


class Email(_TextValue):
    """An e-mail address, stored in lower case."""

    json_description = "e-mailadres, bijvoorbeeld info@school.nl"
    json_pattern = r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
    json_error = "ongeldig e-mailadres: een e-mailadres ziet eruit als naam@school.nl (zonder spaties)"

    @classmethod
    def parse(cls, text: str) -> str:
        address = text.lower()
        if not _EMAIL.match(address):
            raise invalid(
                "email",
                'ongeldig e-mailadres "{waarde}"',
                "een e-mailadres ziet eruit als naam@school.nl (zonder spaties)",
                waarde=text,
            )
        return address

    @property
    def is_free_mail(self) -> bool:
        """A private mailbox (gmail, hotmail, …) is never published by default."""
        return self.rsplit("@", 1)[1] in _FREE_MAIL

    @property
    def uri(self) -> str:
        """A mailto: link."""
        return f"mailto:{self}"


class Postcode(_TextValue):
    """A Dutch postcode, stored as '1234 AB'."""

    json_description = "postcode, bijvoorbeeld 1234 AB"
    json_pattern = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$"
    json_error = "ongeldige postcode: een postcode is vier cijfers en twee letters, 1234 AB"

    @classmethod
    def parse(cls, text: str) -> str:
        match = re.fullmatch(r"([1-9]\d{3}) ?([A-Za-z]{2})", text)
        if not match:
            raise invalid(
                "postcode",
                'ongeldige postcode "{waarde}"',
                "een postcode is vier cijfers en twee letters: 1234 AB",
                waarde=text,
            )
        return f"{match[1]} {match[2].upper()}"


class Url(_TextValue):
    """An absolute web address."""

    json_description = "volledig webadres, beginnend met https://"
    json_pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[^/?# ]*\.[^ ]*$"
    json_error = "ongeldig webadres: schrijf het volledige adres, beginnend met https://, bijvoorbeeld https://www.school.nl"

    @classmethod
    def parse(cls, text: str) -> str:
        parts = urlparse(text)
        if parts.scheme not in {"http", "https"} or "." not in parts.netloc or " " in text:
            raise invalid(
                "url",
                'ongeldig webadres "{waarde}"',
                "schrijf het volledige adres, beginnend met https://, bijvoorbeeld https://www.school.nl",
                waarde=text,
            )
        return text

    @property
    def display(self) -> str:
        """The address without scheme and trailing slash, as people read it aloud."""
        return re.sub(r"^https?://", "", self).rstrip("/")


class SchoolYear(_TextValue):
    """A school year '2026-2027'."""

    json_description = "schooljaar, bijvoorbeeld 2026-2027"
    json_pattern = school_year_pattern()
    json_error = "ongeldig schooljaar: schrijf twee opeenvolgende jaren, bijvoorbeeld 2026-2027"

    @classmethod
    def parse(cls, text: str) -> str:
        match = re.fullmatch(r"(\d{4})\s*[-/]\s*(\d{4})", text)
        if not match:
            raise invalid(
                "schooljaar", 'ongeldig schooljaar "{waarde}"', "schrijf het als 2026-2027", waarde=text
            )
        first, second = int(match[1]), int(match[2])
        if second != first + 1:
            raise invalid(
                "schooljaar",
                'schooljaar "{waarde}" moet twee opeenvolgende jaren noemen',
                f"bedoelde je {first}-{first + 1}?",
                waarde=text,
            )
        return f"{first}-{second}"

    @property
    def first_day(self) -> date:
        """1 August of the first year: the legal start of a school year."""
        return date(int(self[:4]), 8, 1)

    @property
    def last_day(self) -> date:
        """31 July of the second year."""
        return date(int(self[5:]), 7, 31)


def parse_date(value: Any) -> date:
    """Accept 2026-09-14 (preferred) or 14-09-2026; explain anything else in Dutch."""
    if isinstance(value, date):
        return value
    text = str(value).strip() if value is not None else ""
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    elif dutch:
        day, month, year = int(dutch[1]), int(dutch[2]), int(dutch[3])
    else:
        raise invalid(
            "datum",
            'ongeldige datum "{waarde}"',
            "schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2026-09-14",
            waarde=text,
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise invalid(
            "datum", 'de datum "{waarde}" bestaat niet', "controleer dag en maand (JJJJ-MM-DD)", waarde=text
        ) from None


Date = Annotated[
    date,
    BeforeValidator(parse_date),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": date_pattern(),
            "patternErrorMessage": "ongeldige datum: schrijf JJJJ-MM-DD (2026-09-14) of DD-MM-JJJJ (14-09-2026)",
            "description": "datum als JJJJ-MM-DD, bijvoorbeeld 2026-09-14 (14-09-2026 mag ook)",
        }
    ),
]


def dutch_date(day: date, weekday: bool = False) -> str:
    """'14 september 2026', or 'maandag 14 september 2026' with weekday=True."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ID_ERROR = "ongeldige id: kleine letters, cijfers, '-' en '_', zonder spaties (bijvoorbeeld p-jansen)"


def _parse_id(value: Any) -> str:
    text = str(value).strip() if value is not None else ""
    if not _ID.match(text):
        raise invalid(
            "id",
            'ongeldige id "{waarde}"',
            "een id bestaat uit kleine letters, cijfers, '-' en '_', zonder spaties (bijvoorbeeld p-jansen)",
            waarde=text,
        )
    return text


Id = Annotated[
    str,
    BeforeValidator(_parse_id),
    WithJsonSchema(
        {
            "description": "korte code: kleine letters, cijfers, - en _",
            "anyOf": [
                {"type": "string", "pattern": _ID.pattern, "patternErrorMessage": ID_ERROR},
                # 'id: 7' is a number to an editor and text to the tool (model/schema.py leaves it so)
                {"type": "integer", "minimum": 0, "x-als-tekst": True},
            ],
        }
    ),
]


def reference(kind: str, noun: str, hint: str) -> Callable[[Any, ValidationInfo], str]:
    """A validator that checks a reference against the ids collected before validation."""

    def check(value: Any, info: ValidationInfo) -> str:
        text = _parse_id(value)
        known: set[str] | None = (info.context or {}).get(kind)
        if known is not None and text not in known:
            close = suggest(text, known)
            raise invalid(
                "verwijzing",
                '{soort} "{waarde}" bestaat niet',
                close if close.startswith("bedoelde") else hint,
                soort=noun,
                waarde=text,
            )
        return text

    return check


def _split_groups(text: str) -> list[str]:
    return [part for part in re.split(r"\s*(?:,|\ben\b|;)\s*", text.strip()) if part]


MAX_GROUPS = 100  # groups in one range when the school's own groups are not known


def _expand(part: str, known: list[str]) -> list[str]:
    """A range like '5-8' as its groups; bounded by the school's groups before anything is expanded."""
    match = re.fullmatch(r"(\d+)\s*(?:-|t/m|tot en met)\s*(\d+)", part)
    if not match:
        return [part]
    hint = (
        f"groepen van deze school (school.groepen): {', '.join(known)}"
        if known
        else "schrijf bijvoorbeeld 1-8"
    )
    # No school has group 10000 (and int() of a very long number is slow): refuse before counting.
    if len(match[1]) > 4 or len(match[2]) > 4 or (not known and int(match[2]) - int(match[1]) >= MAX_GROUPS):
        raise invalid(
            "groepen",
            'groepen "{waarde}": zo veel groepen heeft geen school',
            hint,
            waarde=part if len(part) <= 40 else part[:39] + "…",
        )
    low, high = int(match[1]), int(match[2])
    if low > high:
        raise invalid("groepen", 'groepen "{waarde}" lopen achteruit', f"schrijf {high}-{low}", waarde=part)
    if known and high - low >= len(known):
        # More numbers than the school has groups: name the first that is not one of them.
        first = next(number for number in range(low, high + 1) if str(number) not in known)
        raise invalid("groepen", 'groep "{waarde}" bestaat niet op deze school', hint, waarde=str(first))
    return [str(number) for number in range(low, high + 1)]


def parse_groups(value: Any, info: ValidationInfo) -> tuple[str, ...]:
    """'1-8', '5 t/m 8', '7 en 8', a list, or 'alle': checked against the school's groups."""
    known: list[str] = list((info.context or {}).get("groepen", []))
    if isinstance(value, list):
        parts = [str(item).strip() for item in value if item is not None]
    elif isinstance(value, str):
        if value.strip().lower() in {"alle", "alle groepen"}:
            return tuple(known)
        parts = _split_groups(value)
    else:
        raise invalid(
            "groepen", "verwacht groepen als tekst of lijst", "schrijf bijvoorbeeld '5-8' of ['7', '8']"
        )
    groups: list[str] = []
    for part in parts:
        label = part.removeprefix("groep ").strip()
        for group in [label] if label in known else _expand(label, known):
            if known and group not in known:
                raise invalid(
                    "groepen",
                    'groep "{waarde}" bestaat niet op deze school',
                    f"groepen van deze school (school.groepen): {', '.join(known)}",
                    waarde=group,
                )
            if group not in groups:
                groups.append(group)
    if not groups:
        raise invalid("groepen", "noem minstens één groep", "schrijf bijvoorbeeld '1-8' of 'alle'")
    return tuple(groups)


# Who fills in a monitoring instrument: one type for the catalogue and the school's choice. Two
# Literals with the same values in another order are equal to Python, so pydantic would give
# either order in a schema, depending on which it met first in the process.
Respondents = Literal["leerlingen", "ouders", "leerkrachten", "medewerkers"]


Groups = Annotated[
    tuple[str, ...],
    BeforeValidator(parse_groups),
    WithJsonSchema(
        {
            "description": "groepen: '1-8', '5 t/m 8', '7 en 8', 'alle' of een lijst labels",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
        }
    ),
]


# What free text may become: the documents show paragraphs, lists, emphasis, links and tables.
_ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "br",
    "code",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_TAG_NAMES = {
    "img": "een afbeelding",
    "pre": "een codeblok (regels die met vier spaties beginnen)",
    "hr": "een scheidingslijn (---)",
    "h1": "een kop",
    "h2": "een kop (tekst met een regel === of --- eronder)",
    "blockquote": "een citaatblok",
    "div": "een blok (!!!)",
}
_markdown = MarkdownConverter(extensions=list(MARKDOWN_EXTENSIONS))

# Where a link in a text may lead: a web page, an e-mail address, a phone number. Anything else
# (javascript:, data:, vbscript:, file:, …) would run or open something in the reader's browser.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# What a browser removes from a link before it reads the scheme ("java\nscript:" is "javascript:").
_URL_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')


def link_allowed(href: str, relative: bool = False) -> bool:
    """Whether a link target (an href as written in HTML) leads only where LINK_SCHEMES allow.

    The target is read as a browser reads it: entities decoded, tabs and line breaks
    removed, leading and trailing spaces and control characters dropped. With
    `relative`, a link within the site (no scheme, not '//host') is allowed too; the
    build makes those, a user's text may not (MkDocs could not resolve it).
    """
    target = _URL_TAB_NEWLINE.sub("", html_text.unescape(href)).strip(_C0_AND_SPACE)
    scheme = _URL_SCHEME.match(target)
    if scheme is None:
        # "//host" and "\\host" lead to another site; a colon before the first "/" is no page name
        return relative and not re.match(r"[/\\]{2}", target) and ":" not in target.split("/", 1)[0]
    name = scheme[1].lower()
    if name in {"http", "https"}:
        return target[scheme.end() :].startswith("//") and len(target) > scheme.end() + 2
    return name in LINK_SCHEMES


@functools.lru_cache(maxsize=8192)  # the same texts are loaded by every build and every check
def _markdown_problem(text: str) -> tuple[str, str] | None:
    """('link', target) or ('tag', name) for the first thing the documents cannot show; None when plain."""
    neutral = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    html = _markdown.reset().convert(neutral)
    for href in _HREF.findall(html):
        if not link_allowed(href):
            return "link", html_text.unescape(href)
    for tag in dict.fromkeys(re.findall(r"<([a-z][a-z0-9]*)\b", html)):
        if tag not in _ALLOWED_TAGS:
            return "tag", tag
    return None


def _only_plain_markdown(text: str) -> None:
    """Refuse what the documents cannot show, so the error points at the YAML line, not at a template."""
    problem = _markdown_problem(text)
    if problem is None:
        return
    kind, found = problem
    if kind == "link":
        shown = found
        raise invalid(
            "link",
            'deze tekst bevat een link naar "{doel}", en zo\'n link kan niet in de documenten of op de website',
            "een link gaat naar een volledig webadres (https://…), een e-mailadres (mailto:…)"
            " of een telefoonnummer (tel:…), bijvoorbeeld [de klachtenregeling](https://www.school.nl/klachten)",
            doel=shown if len(shown) <= 80 else shown[:77] + "…",
        )
    tag = found
    raise invalid(
        "opmaak",
        "deze tekst bevat {wat}, en dat kan niet in de documenten",
        "schrijf gewone alinea's, opsommingen met '- ' of tabellen; zet geen vier spaties voor een regel",
        wat=_TAG_NAMES.get(tag, f"opmaak die niet ondersteund wordt (<{tag}>)"),
    )


def bounded_text(value: Any, max_length: int, type_hint: str, length_hint: str) -> str:
    """Text that is there, not too long and free of control characters: the common checks of free text."""
    if value is None:
        raise invalid("leeg", "deze tekst is leeg", "vul de tekst in of laat de sleutel weg")
    if not isinstance(value, str):
        raise invalid("tekst", "verwacht tekst", type_hint)
    text = value.strip()
    if not text:
        raise invalid("leeg", "deze tekst is leeg", "vul de tekst in of laat de sleutel weg")
    if len(text) > max_length:
        raise invalid(
            "te_lang",
            "tekst is te lang ({lengte} tekens, maximaal {maximum})",
            length_hint,
            lengte=len(text),
            maximum=max_length,
        )
    return no_control_characters(text)


def markdown_text(max_length: int) -> Callable[[Any], str]:
    """A validator for free Markdown text: bounded, without headings (chapters are ours)."""

    def check(value: Any) -> str:
        text = bounded_text(
            value,
            max_length,
            "gebruik '|' en schrijf de tekst ingesprongen op de regels eronder",
            "houd dit kort; lange protocollen horen als document bij het bestuur (documenten)",
        )
        if re.search(r"(?m)^\s{0,3}#", text):
            raise invalid(
                "kop",
                "koppen (#) zijn hier niet toegestaan",
                "de hoofdstukindeling komt uit de sjablonen; schrijf gewone alinea's of een opsomming",
            )
        _only_plain_markdown(text)
        return text

    return check


# Free text comes in a few sizes only: a note, a text, a vision, a catalogue description.
Note = Annotated[
    str,
    BeforeValidator(markdown_text(800)),
    WithJsonSchema({"type": "string", "maxLength": 800, "description": "tekst (Markdown, zonder koppen)"}),
]
Text = Annotated[
    str,
    BeforeValidator(markdown_text(1500)),
    WithJsonSchema({"type": "string", "maxLength": 1500, "description": "tekst (Markdown, zonder koppen)"}),
]
Vision = Annotated[
    str,
    BeforeValidator(markdown_text(2000)),
    WithJsonSchema({"type": "string", "maxLength": 2000, "description": "tekst (Markdown, zonder koppen)"}),
]
LongText = Annotated[
    str,
    BeforeValidator(markdown_text(3000)),
    WithJsonSchema({"type": "string", "maxLength": 3000, "description": "tekst (Markdown, zonder koppen)"}),
]


LINE_MAX = 300


def no_control_characters(text: str) -> str:
    """The text, if it holds no invisible control or format characters (tab and line breaks are fine).

    Control characters come along when text is copied out of Word or a PDF, and would
    turn into page breaks and worse in the documents; format characters such as a
    right-to-left override (U+202E) make a text read differently from what it says.
    The loader checks every value it reads with the same rule.
    """
    found = invisible_character(text)
    if found:
        raise invalid("stuurteken", *found)
    return text


def _line(value: Any) -> str:
    if value is None:
        raise invalid("leeg", "deze tekst is leeg", "vul de tekst in of laat de sleutel weg")
    if not isinstance(value, str):
        raise invalid(
            "tekst",
            "verwacht tekst",
            "schrijf de tekst op dezelfde regel, tussen aanhalingstekens bij twijfel",
        )
    text = value.strip()
    if not text:
        raise invalid("leeg", "deze tekst is leeg", "vul de tekst in of laat de sleutel weg")
    if "\n" in text:
        raise invalid("meerdere_regels", "hier past één regel tekst", "zet langere tekst in een toelichting")
    if len(text) > LINE_MAX:
        raise invalid(
            "te_lang",
            "tekst is te lang ({lengte} tekens, maximaal {maximum})",
            "houd dit kort; langere uitleg hoort in een toelichting",
            lengte=len(text),
            maximum=LINE_MAX,
        )
    no_control_characters(text)
    return text


Line = Annotated[str, BeforeValidator(_line), WithJsonSchema({"type": "string", "maxLength": LINE_MAX})]
