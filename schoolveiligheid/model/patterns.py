"""Regular expressions for the JSON Schema that accept exactly what the value types accept.

An editor checks a value with the schema's `pattern` (a JavaScript regular
expression); the tool checks it with the parsers in values.py. Each pattern here
is written to agree with its parser, so the editor marks red what the tool
refuses and nothing that the tool accepts (tests/test_editor_schema.py compares
both on many values). Only what a regular expression cannot see is left to the
tool: whether 29 February exists in that year.
"""

from __future__ import annotations

_GAP = r"[\s().-]*"  # what Phone.parse removes between digits: spaces, '-', '(', ')' and '.'


def _digits(count: str) -> str:
    """Digits with the removable separators between them: `count` is a regex quantifier like '{8}'."""
    return f"(?:{_GAP}[0-9]){count}"


def phone_pattern() -> str:
    """A Dutch number as Phone.parse reads it: 0 (or +31, 0031) and nine digits, or a service number."""
    prefix = f"(?:0|\\+{_GAP}3{_GAP}1|0{_GAP}0{_GAP}3{_GAP}1)"
    service = "|".join(f"{a}{_GAP}{b}{_GAP}{c}" for a, b, c in ("800", "900", "906", "909"))
    ordinary = f"[1-9]{_digits('{8}')}"
    return f"^{_GAP}{prefix}{_GAP}(?:{ordinary}|(?:{service}){_digits('{4,7}')}){_GAP}$"


def phone_numbers() -> list[dict[str, int]]:
    """The ranges of a phone number written without separators, which an editor reads as an integer.

    `telefoon: 0201234567` is the number 201234567 in YAML 1.2: nine digits, the first not 0.
    A service number (0800 and four to seven digits) loses its leading zero the same way.
    """
    ranges = [{"minimum": 100_000_000, "maximum": 999_999_999}]
    for service in (800, 900, 906, 909):
        for extra in range(4, 8):
            low = service * 10**extra
            if low > 999_999_999 or low + 10**extra - 1 < 100_000_000:
                ranges.append({"minimum": low, "maximum": low + 10**extra - 1})
    return ranges


def school_year_pattern() -> str:
    """Two consecutive years, '2026-2027' or '2026/2027', as SchoolYear.parse reads them.

    A regular expression cannot add one, so every way the last digits can carry is spelt out;
    the earlier digits must be the same on both sides (a back reference, followed by a
    one-character class so that '\\1' and the next digit never read as '\\11').
    """
    sep = r"\s*[-/]\s*"
    choices = []
    group = 0
    for digit in range(9):  # 2026-2027: the last digit goes up by one
        group += 1
        choices.append(f"([0-9]{{3}}){digit}{sep}\\{group}[{digit + 1}]")
    for digit in range(9):  # 2029-2030: the tens go up, the last digit from 9 to 0
        group += 1
        choices.append(f"([0-9]{{2}}){digit}9{sep}\\{group}[{digit + 1}]0")
    for digit in range(9):  # 2099-2100
        group += 1
        choices.append(f"([0-9]){digit}99{sep}\\{group}[{digit + 1}]00")
    for digit in range(9):  # 2999-3000: no earlier digits to repeat
        choices.append(f"{digit}999{sep}{digit + 1}000")
    return "^(?:" + "|".join(choices) + ")$"


_MONTH_DAY = (
    r"(?:(?:0?[13578]|1[02])-(?:0?[1-9]|[12][0-9]|3[01])"
    r"|(?:0?[469]|11)-(?:0?[1-9]|[12][0-9]|30)"
    r"|0?2-(?:0?[1-9]|1[0-9]|2[0-9]))"
)
_DAY_MONTH = (
    r"(?:(?:0?[1-9]|[12][0-9]|3[01])-(?:0?[13578]|1[02])"
    r"|(?:0?[1-9]|[12][0-9]|30)-(?:0?[469]|11)"
    r"|(?:0?[1-9]|1[0-9]|2[0-9])-0?2)"
)


def date_pattern() -> str:
    """2026-09-14 or 14-09-2026 (one or two digits for day and month), as parse_date reads them."""
    return rf"^\s*(?:[0-9]{{4}}-{_MONTH_DAY}|{_DAY_MONTH}-[0-9]{{4}})\s*$"


# Values pydantic reads as a whole number from text: '3', ' 3 ', '+3', '3.0'.
INTEGER_TEXT = r"^\s*[+-]?[0-9]+(?:\.0*)?\s*$"
# And as a number: '87.9', '.5', '1e2'.
NUMBER_TEXT = r"^\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$"
# The only words the tool reads as yes or no (YAML 1.2 spells them so; 'yes', 'ja' and 'on' are refused).
BOOLEAN_TEXT = r"^\s*(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\s*$"
