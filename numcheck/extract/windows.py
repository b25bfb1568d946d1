"""Cut an overlong sentence into windows that are read one at a time.

A sentence is tokenised whole, and a token costs about 150 bytes, so a "sentence" of a million
brackets, dots or currency signs (hostile input, a broken feed, a table flattened into one line)
used to cost over 150 MB before a single claim existed. Real news sentences stay far below
`LONG_SENTENCE` characters, so for them the window is the sentence itself and nothing changes.
Above it, the sentence is read in windows of about `WINDOW` characters, cut where no figure can
straddle the cut, and each window's tokens are dropped before the next is built: memory is bounded
by the window, not by the input.

>>> list(windows("a" * 10, 0, 10))
[(0, 10)]
>>> [end - start for start, end in windows("word " * 2000, 0, 10000)][:2]
[2005, 2005]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from numcheck.english import FRACTION_DENOMINATORS, SCALES, TENS, UNITS

__all__ = ["LONG_SENTENCE", "WINDOW", "windows"]

#: Sentences up to this many characters are read whole (the longest BBC sentence is about 1,400).
LONG_SENTENCE = 6000
#: The size a window of an overlong sentence aims at.
WINDOW = 2000
#: How far past the aimed-at end a clean cut (between two ordinary words) is looked for.
_REACH = 500
_NUMBER_WORDS = frozenset({*UNITS, *TENS, *SCALES, *FRACTION_DENOMINATORS})
#: A space between two words, neither of them a digit run.
_WORD_GAP = re.compile(r"(?<=[^\W\d_])\s+(?=[^\W\d_])")
_CLAUSE_GAP = re.compile(r"(?<=[,;:\u2013\u2014])\s+(?=[^\W\d_])")
_SPACE = re.compile(r"\s+")
_WORD_AFTER = re.compile(r"[^\W\d_]+")


def windows(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The ``(start, end)`` pieces of ``text[start:end]`` to read one after the other, in order."""
    if end - start <= LONG_SENTENCE:
        yield start, end
        return
    while end - start > WINDOW + _REACH:
        cut = _cut(text, start + WINDOW, min(end, start + WINDOW + _REACH))
        yield start, cut
        start = cut
    yield start, end


def _cut(text: str, aim: int, limit: int) -> int:
    """The first place at or after ``aim`` where a figure cannot straddle: a space after a clause
    mark (a comma, semicolon, colon or dash), so that no noun phrase is cut; failing that, a space
    between two words that are not number words; failing that, any space; failing that, between two characters
    that are not both letters or digits; failing that (one word or number ``_REACH`` long), ``limit``."""
    clause = _CLAUSE_GAP.search(text, aim, limit)
    if clause:
        return clause.end()
    for gap in _WORD_GAP.finditer(text, aim, limit):
        # the word before the gap: the last space-free piece of a short look-back, not a regex
        # searched backwards (quadratic on a long run of letters)
        before = text[max(0, gap.start() - 40):gap.start()].rsplit(None, 1)[-1].lower()
        after = _WORD_AFTER.match(text, gap.end())
        if after and not {before, after.group().lower()} & _NUMBER_WORDS:
            return gap.end()
    space = _SPACE.search(text, aim, limit)
    if space:
        return space.end()
    for position in range(aim, limit):
        if not (text[position - 1].isalnum() and text[position].isalnum()):
            return position
    return limit
