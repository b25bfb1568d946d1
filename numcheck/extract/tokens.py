"""Tokens: the words, digit runs and marks of one sentence, with their offsets, and a view over them.

A token is a word, a digit run (with its inner separators) or one other non-space character.
`TokenView` holds the small helpers every reader of a sentence needs (the token at i or nothing,
whether two tokens touch, the lower-cased word at i), so the number grammar, the unit reader,
the noun finder and the qualifier reader ask the same questions the same way.

>>> [t.text for t in tokenize("£3.5bn (65%).")]
['£', '3.5', 'bn', '(', '65', '%', ')', '.']
"""

from __future__ import annotations

import re
from functools import partial
from itertools import accumulate, chain
from operator import itemgetter
from typing import NamedTuple

__all__ = ["Token", "TokenView", "tokenize"]

#: Group 1 is the blank before a token, group 2 the token: a digit run (".5", "1,240.5"), a word, or
#: one other mark. With the blanks, the lengths of the found strings give every token's offsets, so
#: `findall` returns plain strings and no match object is made per token.
_TOKEN = re.compile(r"(\s*+)((?<![\w.,])\.\d+|\d+(?:[.,]\d+)*+|[^\W\d_]+(?:['’][^\W\d_]+)?|\S)")
_token_text, _first_char, _last_char = itemgetter(1), itemgetter(0), itemgetter(-1)
#: Marks that may stand before a sentence's first word without making it not sentence-initial.
_OPENERS = "\"'“‘([*"


class Token(NamedTuple):
    """A word, a digit run (with its inner separators) or one other non-space character.

    A NamedTuple rather than a dataclass: an archive run makes millions of them, and tuple
    construction is several times cheaper than a frozen dataclass's ``__init__``.
    """

    text: str
    lower: str
    start: int
    end: int
    is_digit: bool
    is_word: bool


#: ``Token(*fields)`` without the NamedTuple's Python-level ``__new__``, callable from `map`.
_make_token = partial(tuple.__new__, Token)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    Every step is a C-level ``map`` over the strings `findall` returns, not a Python loop over
    match objects: tokenising is a fifth of extraction. The kind needs no group number: a digit run
    is the only token that ends in a decimal digit, and a word the only one that starts with a
    letter (a word may start with "²" or "½", which are not letters; those stay not ``is_word``).
    """
    end = len(text) if end is None else end
    pairs = _TOKEN.findall(text, start, end)
    words = list(map(_token_text, pairs))
    # offsets: blank, token, blank, token, ... lengths summed from ``start``
    bounds = list(accumulate(map(len, chain.from_iterable(pairs)), initial=start))
    return list(map(_make_token, zip(words, map(str.lower, words), bounds[1::2], bounds[2::2],
                                     map(str.isdecimal, map(_last_char, words)),
                                     map(str.isalpha, map(_first_char, words)), strict=True)))


class TokenView:
    """One sentence's tokens and the questions every reader asks of them.

    Out-of-range indices are answered, not raised: "the word after the figure" at the end of a
    sentence is the empty string, so the grammar reads as a sequence of plain comparisons.
    """

    __slots__ = ("refused", "text", "tokens")

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        #: (start, end, reason) of what looked like a figure and was refused, in reading order.
        self.refused: list[tuple[int, int, str]] = []

    def refuse(self, first: int, last: int, reason: str) -> None:
        """Record that tokens ``first`` to ``last`` (exclusive) are not a quantity, and why."""
        self.refused.append((self.tokens[first].start, self.tokens[last - 1].end, reason))

    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def glued(self, i: int, j: int) -> bool:
        """True when tokens i and j touch with no space between them."""
        tokens = self.tokens
        return 0 <= i < len(tokens) and 0 <= j < len(tokens) and tokens[i].end == tokens[j].start

    def lower(self, i: int) -> str:
        return self.tokens[i].lower if 0 <= i < len(self.tokens) else ""

    def text_of(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def is_sentence_initial(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.tokens[j].text in _OPENERS:
            j -= 1
        return j < 0
