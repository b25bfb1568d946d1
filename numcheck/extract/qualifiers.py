"""Qualifiers: "about", "nearly", "more than", "up to", "or more", and the interval each allows.

A printed figure is an interval (`numcheck.intervals.Interval`): rounding gives half a unit of the
last digit either side, and a qualifier moves the bounds. "nearly 90" is 85.5 to 90, "more than
90" is above 90, "about 90" is 5% either side. The checks only fire when intervals cannot meet,
so an honest interval here is what keeps false alarms away.

>>> sentence_interval = qualified_interval("approx", 90.0, Interval(89.5, 90.5), "about")
>>> (round(sentence_interval.low, 3), round(sentence_interval.high, 3))
(85.0, 95.0)
"""

from __future__ import annotations

import math

from numcheck.extract.mention import Mention
from numcheck.extract.sentence import Sentence, Unit
from numcheck.extract.tables.qualifiers import (
    COMPARATIVES,
    DETERMINERS_BEFORE_TOP,
    NEAR_BELOW,
    NOT_QUALIFYING_OVER,
    QUALIFIER_WORDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    WAITED,
)
from numcheck.extract.tables.units import DURATIONS
from numcheck.intervals import Interval

__all__ = ["APPROX_WIDTH", "qualified_interval", "qualify", "skip_qualifier_words"]

#: "approx" widens a figure by this share either side; "nearly" allows this much below it.
APPROX_WIDTH = 0.05
#: The longest qualifier phrase before a figure, in words ("in the region of").
_MAX_QUALIFIER_WORDS = 4


def qualify(s: Sentence, m: Mention, unit: Unit, value: float, rounding: Interval) -> tuple[str, Interval]:
    """The canonical qualifier of a figure and the interval it allows (``rounding`` is the printed
    figure's own interval, scaled to the unit)."""
    if m.kind == "vague":
        return "vague", rounding
    phrase = qualifier_before(s, unit.first)
    after = qualifier_after(s, unit.last)
    if phrase is None and after is None:
        return "eq", rounding
    kind = after if phrase is None and after is not None else (
        QUALIFIERS_BEFORE.get(phrase or "") or COMPARATIVES[phrase or ""])
    return kind, qualified_interval(kind, value, rounding, phrase)


def qualified_interval(kind: str, value: float, rounding: Interval, phrase: str | None = None) -> Interval:
    """The interval a qualifier allows around a figure: "about" widens it by `APPROX_WIDTH` either
    side, "nearly" keeps it just below, "more than" opens it upwards, "up to" down to zero."""
    floor = 0.0 if value >= 0 else -math.inf
    low, high = rounding.low, rounding.high
    if kind == "approx":
        return rounding.widen(abs(value) * APPROX_WIDTH)
    if kind == "lt":
        if phrase in NEAR_BELOW:
            return Interval(min(value * (1 - APPROX_WIDTH), value), value)
        return Interval(min(floor, low), value)
    if kind == "le":
        return Interval(min(floor, low), high)
    if kind == "gt":
        if phrase == "just over":
            return Interval(value, max(value * (1 + APPROX_WIDTH), value))
        return Interval(value, math.inf)
    if kind == "ge":
        return Interval(low, math.inf)
    return rounding


def qualifier_before(s: Sentence, first: int) -> str | None:
    """The qualifier phrase that ends right before token ``first`` ("more than", "nearly"), if any."""
    while s.lower(first - 1) in ("another", "additional", "further") or (
            s.lower(first - 1) == "a" and s.lower(first) == "further"):
        first -= 1
    if s.lower(first - 1) in ("an", "a") and s.lower(first - 2) in ("than", "of"):
        first -= 1
    words = [s.lower(i) for i in range(max(0, first - _MAX_QUALIFIER_WORDS), first)]
    for size in range(min(len(words), _MAX_QUALIFIER_WORDS), 0, -1):
        phrase = " ".join(words[-size:])
        if phrase in QUALIFIERS_BEFORE:
            if phrase in ("over", "under", "below", "above") and s.lower(first - 2) in NOT_QUALIFYING_OVER:
                continue
            if phrase == "over" and is_duration_at(s, first) and s.lower(first - 2) not in WAITED:
                continue  # "over three nights" is when, not how many
            return phrase
        if phrase in COMPARATIVES:
            if phrase == "top" and s.lower(first - 2) in DETERMINERS_BEFORE_TOP:
                continue  # "the top 1 per cent": a share at the top, not "more than 1"
            return phrase
    return None


def is_duration_at(s: Sentence, first: int) -> bool:
    for k in range(first, min(first + 4, len(s.tokens))):
        if s.lower(k) in DURATIONS or s.lower(k) in ("nights", "night", "seasons", "season"):
            return True
    return False


def qualifier_after(s: Sentence, last: int) -> str | None:
    """The canonical qualifier written after the figure ("or more", "-odd", "+"), if any."""
    two = f"{s.lower(last)} {s.lower(last + 1)}"
    if two in QUALIFIERS_AFTER:
        return QUALIFIERS_AFTER[two]
    if two in ("and over", "and above", "or older", "and older"):
        return "ge"
    if s.text_of(last) == "-" and s.lower(last + 1) == "odd" and s.glued(last - 1, last):
        return "approx"
    if s.text_of(last) == "+" and s.glued(last - 1, last):
        return "ge"
    return None


def skip_qualifier_words(s: Sentence, i: int) -> int:
    """Step back over "more than", "about", "nearly"... to the word that governs the figure."""
    while i >= 0 and s.lower(i) in QUALIFIER_WORDS:
        i -= 1
    return i
