"""The Dutch wording of values, for the context modules (it lives in the model, shared with checks)."""

from ..model.wording import (
    capitalised,
    dutch_date,
    frequency_text,
    groups_text,
    join,
    number_word,
    term_text,
    with_article,
)

__all__ = [
    "capitalised",
    "dutch_date",
    "frequency_text",
    "groups_text",
    "join",
    "number_word",
    "term_text",
    "with_article",
]
