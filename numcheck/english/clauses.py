"""The clause a figure stands in, read as lemmas: what a rule's ``where.clause`` looks for.

A plausibility limit belongs to one kind of thing: the weather record to air temperatures, the age
record to people. The sentence is too wide a window to tell which kind a figure measures ("weather
authorities warned on Friday as road surfaces were expected to hit 68C"), and the words right next
to the figure too narrow ("the winner, who is 91"). The clause between two ``CLAUSE_EDGE`` marks is
the window a reader uses. Its words are compared as ``singular`` lemmas, so a rule that names
"woman" also sees "women", and "record" also "records".

>>> clause_around("Oil was heated, though the oldest is 1,000 years old, and more", 37, 42)
'though the oldest is 1,000 years old'
>>> PhraseSet.of(["heat wave", "record"]).found_in(lemmas("Records fell in the heat wave"))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from numcheck.english.inflection import singular
from numcheck.english.words import CLAUSE_EDGE

__all__ = ["PhraseSet", "clause_around", "lemmas"]

#: A word of letters, hyphenated words whole ("year-old", "heat-wave"); digits and apostrophes part words.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def clause_around(text: str, start: int, end: int, low: int = 0, high: int | None = None) -> str:
    """The clause of ``text[low:high]`` that holds ``text[start:end]``: from the last clause edge
    before ``start`` (an edge word such as "who" opens the clause it starts, so it is kept) to the
    first edge after ``end``.

    >>> clause_around("It was hot on Monday, when the pool reached 60C (140F), said staff", 44, 47)
    'when the pool reached 60C (140F), said staff'
    """
    high = len(text) if high is None else high
    begin = low
    for match in CLAUSE_EDGE.finditer(text, low, max(low, start)):
        begin = match.start()
    after = CLAUSE_EDGE.search(text, min(end, high), high)
    return text[begin : after.start() if after else high].strip()


def lemmas(text: str) -> tuple[str, ...]:
    """The words of ``text`` as lower-case singular lemmas ("Women's records" -> woman, s, record)."""
    return tuple(singular(word) for word in _WORD.findall(text))


@dataclass(frozen=True)
class PhraseSet:
    """Words and phrases as lemma tuples, compiled once when a rule loads and matched against the
    lemmas of one clause."""

    phrases: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def of(cls, words: Iterable[str]) -> PhraseSet:
        """The set for rule words as written ("Met Office", "heatwaves"): each word made a lemma."""
        found = tuple(lemmas(word) for word in words)
        return cls(tuple(phrase for phrase in found if phrase))

    def found_in(self, words: Sequence[str]) -> bool:
        """Whether any phrase occurs, whole and in order, in the lemmas ``words``."""
        for at, word in enumerate(words):
            for phrase in self.phrases:
                if phrase[0] == word and tuple(words[at : at + len(phrase)]) == phrase:
                    return True
        return False
