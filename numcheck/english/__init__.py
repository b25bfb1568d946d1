"""The one English layer: how numcheck inflects nouns and verbs and which words it takes for
numbers, scales, dates and clause breaks.

Extraction, linking and ``numcheck.testing`` all read English through this package, so a noun
reduced one way when a figure is extracted is reduced the same way when two figures are compared.
Logic is in ``inflection``; the word tables are data modules (``words``, ``nouns``).
"""

from __future__ import annotations

from numcheck.english.inflection import is_plural, plural, singular, verb_stem
from numcheck.english.words import (
    AMBIGUOUS_SCALES,
    CALENDAR_NAMES,
    CLAUSE_BREAK,
    FRACTION_DENOMINATORS,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    PHRASE_BREAK,
    SCALES,
    TENS,
    UNITS,
    WEEKDAYS,
)

__all__ = [
    "AMBIGUOUS_SCALES",
    "CALENDAR_NAMES",
    "CLAUSE_BREAK",
    "FRACTION_DENOMINATORS",
    "MONTHS",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "PHRASE_BREAK",
    "SCALES",
    "TENS",
    "UNITS",
    "WEEKDAYS",
    "is_plural",
    "plural",
    "singular",
    "verb_stem",
]
