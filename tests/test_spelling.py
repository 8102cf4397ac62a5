"""Dutch spelling checked by a real dictionary (issue 13), over every text a reader gets.

Every generated document and site page of the example schools and of the reference folders, and
every example letter and form, goes through `hunspell -d nl_NL -l` (Debian's hunspell-nl, the OpenTaal
word list). A word passes when the dictionary knows it, when it is one of the school's own names
(people, organisations, places, streets, systems and method titles: taken from the model, see
texts_support.NAME_FIELDS, and the names in the case files), or when it is in the reviewed allow-list
tests/data/spelling-toegestaan.txt (one word a line, each group with the reason it is allowed).
A hyphenated word passes when the whole word or each of its parts passes.
"""

from __future__ import annotations

import re
import subprocess
from functools import cache

import pytest
from support import require_program
from texts_support import POLICY_FOLDERS, ROOT, all_texts, folder_texts, plain

ALLOWED_FILE = ROOT / "tests" / "data" / "spelling-toegestaan.txt"
TOKEN = re.compile(r"[^\W_][\w'’-]*")


def allowed_words() -> set[str]:
    """The allow-list: one word a line; '#' starts a comment (the reason)."""
    words = set()
    for line in ALLOWED_FILE.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return words


def words_of(text: str) -> set[str]:
    """The words of a text; tokens with a digit (groep SO-6, artikel 40c, 9491 KL) are no words."""
    found = set()
    for match in TOKEN.finditer(text):
        word = match.group().strip("'’").lstrip("-")
        if word.strip("-") and not any(character.isdigit() for character in word):
            found.add(word)
    return found


def unknown_to_hunspell(words: set[str]) -> set[str]:
    """The words hunspell's Dutch dictionary does not know (one run for all words)."""
    program = require_program("hunspell")
    parts = {part for word in words for part in word.split("-") if part}
    heads = {part[:-1] for part in parts if part.endswith("s")}  # "gedrags-" of "gedrags- en leerproblemen"
    candidates = sorted({word for word in words if not word.endswith("-")} | parts | heads)
    result = subprocess.run(
        [program, "-d", "nl_NL", "-l"],
        input="\n".join(candidates) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Can't open affix or dictionary" not in result.stderr, result.stderr
    return set(result.stdout.split())


@cache
def own_words() -> dict[tuple[str, str], set[str]]:
    """(folder, school id) -> the words of that school's own names."""
    found: dict[tuple[str, str], set[str]] = {}
    for folder in POLICY_FOLDERS:
        for school_id, names in folder_texts(folder).names.items():
            found[(folder.name, school_id)] = {word.lower() for name in names for word in words_of(name)}
    return found


def unknown_words() -> dict[str, set[str]]:
    """Every word no source of truth knows -> where it occurs."""
    texts = all_texts()
    per_text = [(text, words_of(plain(text))) for text in texts]
    unknown = unknown_to_hunspell({word for _, words in per_text for word in words})
    allowed = {word.lower() for word in allowed_words()}
    names = own_words()

    def known(word: str, own: set[str]) -> bool:
        if word.endswith("-"):  # the first part of a compound whose end follows ("meld- en adviespunt")
            head = word.rstrip("-")
            return known(head, own) or (head.endswith("s") and known(head[:-1], own))
        if word not in unknown or word.lower() in allowed or word.lower() in own:
            return True
        parts = [part for part in word.split("-") if part]
        return len(parts) > 1 and all(known(part, own) for part in parts)

    found: dict[str, set[str]] = {}
    for text, words in per_text:
        own = names[(text.where.split("/")[0], text.school)]
        for word in words:
            if not known(word, own):
                found.setdefault(word, set()).add(text.where)
    return found


def test_every_word_is_dutch_or_a_name_of_the_school_or_allowed() -> None:
    found = unknown_words()
    report = "\n".join(f"{word}: {', '.join(sorted(where)[:3])}" for word, where in sorted(found.items()))
    assert not found, f"{len(found)} woorden niet in het woordenboek, de eigen namen of de lijst:\n{report}"


def test_the_allow_list_is_short_and_every_word_in_it_is_needed() -> None:
    """A word the dictionary or the school's names already know does not belong in the allow-list."""
    allowed = allowed_words()
    assert len(allowed) <= 60, f"de lijst met toegestane woorden is te lang ({len(allowed)})"
    unknown = unknown_to_hunspell(allowed)
    assert not allowed - unknown, f"al in het woordenboek: {sorted(allowed - unknown)}"
    blocks = ALLOWED_FILE.read_text(encoding="utf-8").split("\n\n")
    without_reason = [block for block in blocks if block.strip() and not block.lstrip().startswith("#")]
    assert not without_reason, f"elke groep woorden begint met een regel '# reden': {without_reason}"


# The same texts, read for slips a dictionary does not see.
# "hoe je je gedraagt", "dat dat kind": Dutch doubles these on purpose; every other word once.
DOUBLED = re.compile(r"(?i)(?<![\w-])(?!(?:je|dat|die)\b)([^\W\d_]+)[ \t]+\1(?![\w-])")
SPACE_BEFORE = re.compile(r"[^\s|][ \t]+[,.;:!?)]")
# A sentence end (not after a number "10.", an abbreviation "bijv." or a name like "ZIEN!") and a small letter.
LOWER_START = re.compile(
    r"(?<![\d.])(?<!\b[A-Z]{2})(?<!\b[A-Z]{3})(?<!\b[A-Z]{4})[a-zà-ÿ)]{2,}[.!?][ \t]+[a-zà-ÿ]"
)
ABBREVIATIONS = ("bijv.", "o.a.", "e.d.", "enz.", "d.w.z.", "t/m.", "nr.", "incl.", "excl.", "ca.")
DANGLING = re.compile(
    r"(?i)(?<![\w-])(?:(?:de|een)[ \t]*[,;:.)]|"
    r"(?:aan|bij|door|met|naar|op|over|tegen|tot|van|voor)[ \t]+[,;:.)!?])"
)
PARAGRAPH_START = re.compile(r"(?:\A|\n[ \t]*\n)([a-zà-ÿ])")


def _findings(pattern: re.Pattern[str], text: str) -> list[str]:
    return [text[max(0, m.start() - 40) : m.end() + 20].replace("\n", "⏎") for m in pattern.finditer(text)]


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(
        f"{where}: {sample}" for where, samples in sorted(found.items()) for sample in samples[:3]
    )


def _every_text(pattern: re.Pattern[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for text in all_texts():
        hits = _findings(pattern, plain(text))
        if hits:
            found[text.where] = hits
    return found


def test_no_doubled_words() -> None:
    found = _every_text(DOUBLED)
    assert not found, f"een woord twee keer achter elkaar:\n{_report(found)}"


def test_no_space_before_punctuation() -> None:
    found = _every_text(SPACE_BEFORE)
    assert not found, f"een spatie voor een leesteken:\n{_report(found)}"


def test_no_article_or_preposition_left_dangling_before_punctuation() -> None:
    """ "bij ," or "de ." is what is left when a template printed a value that was empty."""
    found = _every_text(DANGLING)
    assert not found, f"een lidwoord of voorzetsel zonder vervolg:\n{_report(found)}"


def test_every_sentence_starts_with_a_capital() -> None:
    found: dict[str, list[str]] = {}
    for text in all_texts():
        value = plain(text)
        for abbreviation in ABBREVIATIONS:
            value = value.replace(abbreviation, abbreviation.rstrip("."))
        hits = _findings(LOWER_START, value)
        if text.markdown:  # the first word of a paragraph (a list item may start with a small letter)
            hits += _findings(PARAGRAPH_START, value)
        if hits:
            found[text.where] = hits
    assert not found, f"een zin die met een kleine letter begint:\n{_report(found)}"


def test_no_empty_table() -> None:
    """A Markdown table with a header row and no rows under it."""
    found: dict[str, list[str]] = {}
    for text in all_texts():
        if not text.markdown:
            continue
        lines = text.text.splitlines()
        for index, line in enumerate(lines[:-1]):
            if not (
                line.startswith("|") and re.fullmatch(r"\|(?:\s*:?-{3,}:?\s*\|)+", lines[index + 1].strip())
            ):
                continue
            following = lines[index + 2] if index + 2 < len(lines) else ""
            if not following.startswith("|"):
                found.setdefault(text.where, []).append(line)
    assert not found, f"een tabel zonder rijen:\n{_report(found)}"


@pytest.mark.parametrize(
    ("pattern", "bad", "good"),
    [
        (DOUBLED, "Bespreek het met de de leerkracht.", "Je leert hoe je je gedraagt."),
        (SPACE_BEFORE, "Bel de school , of mail.", "| Naam | Telefoon |"),
        (DANGLING, "Meld het bij , of bel de.", "Ingevuld door: de leerkracht."),
        (LOWER_START, "Het is gebeurd. daarna belt u.", "Groep 10. bijv. ZIEN! in groep 3."),
        (PARAGRAPH_START, "Eerste alinea.\n\nwe bellen u.", "Eerste alinea die\ndoorloopt."),
    ],
)
def test_the_checks_catch_the_slips_they_name(pattern: re.Pattern[str], bad: str, good: str) -> None:
    assert pattern.search(bad)
    assert not pattern.search(good)
