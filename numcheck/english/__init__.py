"""The one English layer: how numcheck inflects nouns and verbs and which words it takes for
numbers, scales, dates and clause breaks.

Extraction, linking and ``numcheck.testing`` all read English through this package, so a noun
reduced one way when a figure is extracted is reduced the same way when two figures are compared.
Logic is in ``inflection``; the word tables are data modules (``words``, ``nouns``).
"""

from __future__ import annotations

from numcheck.english.clauses import PhraseSet, clause_around, lemmas
from numcheck.english.directions import direction_of
from numcheck.english.inflection import is_plural, plural, singular, verb_stem
from numcheck.english.words import (
    AMBIGUOUS_SCALES,
    CALENDAR_NAMES,
    CLAUSE_BREAK,
    CLAUSE_EDGE,
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
    "CLAUSE_EDGE",
    "FRACTION_DENOMINATORS",
    "MONTHS",
    "MONTH_NAMES",
    "NUMBER_WORDS",
    "PHRASE_BREAK",
    "SCALES",
    "TENS",
    "UNITS",
    "WEEKDAYS",
    "PhraseSet",
    "clause_around",
    "direction_of",
    "is_plural",
    "lemmas",
    "plural",
    "singular",
    "verb_stem",
]
