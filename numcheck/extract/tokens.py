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
from typing import NamedTuple

__all__ = ["Token", "TokenView", "tokenize"]

#: Groups 1-2 are digit runs, group 3 a word, anything else one mark: the group number says the kind
#: without a second look at the characters.
_TOKEN = re.compile(r"(?<![\w.,])(\.\d+)|(\d+(?:[.,]\d+)*+)|([^\W\d_]+(?:['’][^\W\d_]+)?)|\S")
_new_tuple = tuple.__new__
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


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        kind = match.lastindex or 4
        first, last = match.span()
        # tuple.__new__ skips the NamedTuple's Python-level __new__: a third of the cost on news text.
        append(_new_tuple(Token, (word, word.lower(), first, last, kind < 3, kind == 3 and word[0].isalpha())))
    return tokens


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
