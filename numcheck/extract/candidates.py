"""Where a figure may start: one compiled pass over the text for digits, currency signs, and
scale and number words, so sentences without one are never tokenised.

>>> may_hold_figure("No figure here.")
False
>>> may_hold_figure("Tens of thousands marched.")
True
"""

from __future__ import annotations

import re

from numcheck.english import FRACTION_DENOMINATORS, SCALES, TENS, UNITS
from numcheck.extract.tables.numbers import VAGUE

__all__ = ["may_hold_figure"]

#: Must stay a superset of what the number grammar can start a mention on.
_FIGURE_WORDS = frozenset({*UNITS, *TENS, *SCALES, *FRACTION_DENOMINATORS, *VAGUE, "tens", "several", "few",
                           "dozen", "dozens"})
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")


def may_hold_figure(text: str, start: int = 0, end: int | None = None) -> bool:
    """False only when ``text[start:end]`` certainly holds no figure (digits first: it is the fast test)."""
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end):
        return True
    return not _FIGURE_WORDS.isdisjoint(_WORD.findall(text[start:end].lower()))
