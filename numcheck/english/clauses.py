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

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from numcheck.english.inflection import singular
from numcheck.english.words import CLAUSE_EDGE

__all__ = ["CLAUSE_REACH", "PhraseSet", "clause_around", "lemmas"]

#: How far from the figure a clause may reach, in characters either way. A clause is never this long
#: in prose; the bound keeps one figure's clause a fixed cost in a megabyte with no sentence end.
CLAUSE_REACH = 300

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
    low, high = max(low, start - CLAUSE_REACH), min(high, end + CLAUSE_REACH)
    begin = low
    for match in CLAUSE_EDGE.finditer(text, low, max(low, start)):
        begin = match.start()
    if begin == low and low > 0 and not text[low - 1].isspace():
        begin = text.find(" ", low, start) + 1 or low  # cut at a word start, not inside a word
    after = CLAUSE_EDGE.search(text, min(end, high), high)
    return text[begin : after.start() if after else high].strip()


#: ``singular`` remembered: a clause's words are mostly the few hundred common ones.
_lemma = functools.lru_cache(maxsize=8192)(singular)


def lemmas(text: str) -> tuple[str, ...]:
    """The words of ``text`` as lower-case singular lemmas ("Women's records" -> woman, s, record)."""
    return tuple(map(_lemma, _WORD.findall(text)))


@dataclass(frozen=True)
class PhraseSet:
    """Words and phrases as lemma tuples, compiled once when a rule loads, filed by first lemma so a
    clause is read in one pass however many words the rule names."""

    by_first: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, words: Iterable[str]) -> PhraseSet:
        """The set for rule words as written ("Met Office", "heatwaves"): each word made a lemma."""
        filed: dict[str, list[tuple[str, ...]]] = {}
        for word in words:
            phrase = lemmas(word)
            if phrase:
                filed.setdefault(phrase[0], []).append(phrase)
        return cls(MappingProxyType({first: tuple(found) for first, found in filed.items()}))

    def found_in(self, words: Sequence[str]) -> bool:
        """Whether any phrase occurs, whole and in order, in the lemmas ``words``."""
        for at, word in enumerate(words):
            for phrase in self.by_first.get(word, ()):
                if len(phrase) == 1 or tuple(words[at : at + len(phrase)]) == phrase:
                    return True
        return False
