"""The one door to quantulum3: lazy, quiet, cached, and only for short unit phrases.

quantulum3 takes about 1.4 s to import, warns about its optional classifier, and calls
``logging.basicConfig`` on every parse, which would put its log lines on a user's stderr. This
wrapper imports it on first use, swallows the warning, keeps the root logger untouched, and
remembers each phrase's answer so an archive asks about "km/h" once, not once per article.
"""

from __future__ import annotations

import logging
import re
import warnings
from typing import Any

__all__ = ["UnitResolver"]

_A_PER = re.compile(r"\b(?:a|an)\s+(?=(?:day|year|week|month|hour|second|minute)\b)", re.I)


class UnitResolver:
    """Resolve the unit at the start of a short phrase ("km/h towards", "barrels a day")."""

    def __init__(self) -> None:
        self._parser: Any = None
        self._cache: dict[str, tuple[str, int] | None] = {}

    def resolve(self, phrase: str) -> tuple[str, int] | None:
        """(quantulum3 unit name, characters of ``phrase`` it covers), or None for no unit."""
        key = phrase.lower()
        if key not in self._cache:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = self._ask(phrase)
        return self._cache[key]

    def _ask(self, phrase: str) -> tuple[str, int] | None:
        words = phrase.split()
        normalized = _A_PER.sub("per ", phrase)  # "barrels a day" → "barrels per day"; same word count
        quantities = self._parse("2 " + normalized)
        for quantity in quantities:
            if quantity.span[0] != 0 or quantity.span[1] <= 2:
                continue
            covered = len(("2 " + normalized)[2 : quantity.span[1]].split())
            covered = max(1, min(covered, len(words)))
            end = _end_of_word(phrase, covered)
            return str(quantity.unit.name), end
        return None

    def _parse(self, text: str) -> list[Any]:
        root = logging.getLogger()
        guard = None
        if not root.handlers:
            guard = logging.NullHandler()  # makes quantulum3's basicConfig a no-op
            root.addHandler(guard)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if self._parser is None:
                    from quantulum3 import parser

                    self._parser = parser
                return list(self._parser.parse(text))
        except Exception:
            return []
        finally:
            if guard is not None:
                root.removeHandler(guard)


def _end_of_word(phrase: str, count: int) -> int:
    """Character offset just after the ``count``-th whitespace-separated word of ``phrase``."""
    position = 0
    for match in re.finditer(r"\S+", phrase):
        count -= 1
        position = match.end()
        if count == 0:
            break
    return position
