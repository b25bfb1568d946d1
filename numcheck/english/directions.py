"""Which words say a figure went up or down: stems, the words they would wrongly catch, and the
one function that reads them.

Extraction asks it ("rose to 5%" makes 5 a level after a change verb) and so does linking (which
way a change went), so it lives in the English layer: one answer for one word, whichever stage asks.
Stems are crude on purpose (``verb_stem`` strips English inflections); a stem of four or more letters
matches by prefix ("increas" covers increase, increased, increasing), a shorter one exactly ("up").
"""

from __future__ import annotations

import re

__all__ = ["DOWN_STEMS", "UP_STEMS", "direction_of"]

UP_STEMS = frozenset(
    "rise rose risen rising rises up increas gain climb jump soar surg grew grow boost higher rebound "
    "advanc expand swell swollen spik leap leapt rais upp hike hiked widen accelerat recover extend lift".split()
)
DOWN_STEMS = frozenset(
    "fell fall down drop declin decreas slump slid slip sank sink sunk cut cuts cutting lower shrank shrunk "
    "shrink plung plummet tumbl dip dipped reduc lost lose losing eased easing eases trimm trim narrow "
    "contract retreat slash halv slow shorten".split()
)

#: Words a stem would catch that say nothing about a change ("growth" is a noun, "update" no rise).
NOT_DIRECTIONS = frozenset(
    "growth grown-up uptake upgrade update updated upset upon upper upright uproar cutlery lowest lowly "
    "contract contracts contractor contractors dropout declining-industry download downloads downloaded "
    "downloading downloadable downing downtown downstairs downstream surgeon surgeons surgery surgical "
    "narrowly raisin raisins slipper slippers".split()
)


def _prefix_pattern(stems: frozenset[str]) -> re.Pattern[str]:
    """One alternation of the stems long enough to match by prefix: the linker asks about every
    word near every figure, and a loop over the stems was a tenth of the time on dense text."""
    return re.compile("|".join(sorted((re.escape(s) for s in stems if len(s) >= 4), key=len, reverse=True)))


_UP_PREFIX = _prefix_pattern(UP_STEMS)
_DOWN_PREFIX = _prefix_pattern(DOWN_STEMS)


def direction_of(word: str) -> str:
    """"up", "down" or "" for one word.

    >>> [direction_of(w) for w in ("increased", "raise", "cutting", "eased", "upset", "easter", "growth")]
    ['up', 'up', 'down', 'down', '', '', '']
    """
    word = word.lower()
    if word in NOT_DIRECTIONS:
        return ""
    for direction, stems, prefixes in (("up", UP_STEMS, _UP_PREFIX), ("down", DOWN_STEMS, _DOWN_PREFIX)):
        if word in stems or prefixes.match(word):
            return direction
    return ""
