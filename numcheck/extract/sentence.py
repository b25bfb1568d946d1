"""One sentence being read: its tokens, its document, and what the article decided once for it.

The unit, noun and qualifier readers are functions over a `Sentence`, so they share one token
list and one set of token helpers (`TokenView`) instead of each keeping its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from numcheck.extract.tokens import Token, TokenView

if TYPE_CHECKING:
    from numcheck.document import Document
    from numcheck.extract.pipe_tables import TableIndex
    from numcheck.extract.quantulum import UnitResolver

__all__ = ["Sentence", "Unit"]


class Sentence(TokenView):
    """A sentence's tokens plus the article-wide facts its claims need."""

    __slots__ = ("document", "dollar", "index", "table_index", "units")

    def __init__(self, document: Document, index: int, tokens: list[Token], *, dollar: str,
                 table_index: TableIndex | None, units: UnitResolver) -> None:
        super().__init__(document.text, tokens)
        self.document = document
        self.index = index
        #: The ISO code "$" stands for in this article (USD unless it names one other dollar only).
        self.dollar = dollar
        #: The article's pipe tables (None without a pipe): a column header may name a cell's noun.
        self.table_index = table_index
        self.units = units


@dataclass(frozen=True, slots=True)
class Unit:
    """What follows (or precedes) a figure: its unit, the token range it covers and a value factor."""

    unit: str
    first: int  # first token of the claim (a currency symbol may come before the number)
    last: int  # token after the claim
    factor: float = 1.0
