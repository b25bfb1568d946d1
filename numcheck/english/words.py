"""English word tables every stage reads: number words, scale words, calendar words, clause breaks.

Data only, kept apart from logic so an editor can see what numcheck takes for a number, a scale or
a date without reading code; the number grammar (``numcheck.extract``), the claim builder and the
linker all read these one tables. Every table is immutable.
"""

from __future__ import annotations

import re
from types import MappingProxyType

#: Number words below twenty and their values ("units" of the number grammar).
UNITS = MappingProxyType({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "nought": 0, "naught": 0, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
})
TENS = MappingProxyType({
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
})
#: Scale words, spelled out or abbreviated. "m"/"b" are handled separately: they are only a scale
#: after money or before a plural count noun ("£300m", "3m people"), otherwise "m" is a metre.
SCALES = MappingProxyType({
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,
    "k": 1e3, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
})
AMBIGUOUS_SCALES = MappingProxyType({"m": 1e6, "b": 1e9})

#: Fractions of a whole, by denominator word (singular and plural).
FRACTION_DENOMINATORS = MappingProxyType({
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000, "millionth": 1e6, "millionths": 1e6, "billionth": 1e9,
    "trillionth": 1e12, "trillionths": 1e12,
})

#: Words that start or continue a figure in words: a new one after a counted noun starts a new count
#: ("17 teenagers and seven infants").
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion dozen dozens hundreds thousands millions half".split()
)

MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december".split()
)
#: Month names and their abbreviations, as they stand before or after a day ("3 Sept", "Jan 12").
MONTHS = MONTH_NAMES | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: Capitalised calendar words, which are never the name of a subject ("Monday's vote", "May said").
CALENDAR_NAMES = MONTH_NAMES | WEEKDAYS

#: Where one clause of a sentence ends and another starts, for the linker: two figures either side
#: of "but" or a semicolon answer different questions.
CLAUSE_BREAK = re.compile(r";|\b(?:but|whereas|while|meanwhile)\b", re.I)
#: Finer breaks, for reading the phrase a figure stands in (commas not inside a number, brackets,
#: dashes and coordinations).
PHRASE_BREAK = re.compile(r",(?!\d)|[;:()\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas|plus)\b", re.IGNORECASE)

# --- domain scoping (branch domain): the clause a rule's ``where.clause`` reads ---
#: Where the clause a figure stands in begins or ends, for a rule's ``where.clause``/``not_clause``:
#: semicolons, colons and dashes between words, a comma before a coordinating conjunction, and the
#: words that open a clause of their own ("..., though the oldest is 1,000 years old", "the winner,
#: who is 91"). A comma alone and brackets are no edge: an opening "On Tuesday," and a bracketed
#: restatement "(111F)" belong to the clause they sit in. CLAUSE_BREAK is coarser (it parts figures
#: for the linker); PHRASE_BREAK finer (it cuts at every comma and bracket).
CLAUSE_EDGE = re.compile(
    r";|:(?!\d)|(?<!\d)[\u2013\u2014](?!\d)|\s-\s|,\s*(?=(?:and|but|or|so|yet)\b)"
    r"|\b(?:but|whereas|while|meanwhile|although|though|because|unless|until|when|whenever|which|who|whom|whose)\b",
    re.IGNORECASE,
)
