"""Currencies: symbols before a figure ("€1.1bn", "US$5bn"), codes and words after it ("5m euros",
"20 Swiss francs", "274.5p"), and which dollar "$" is in this article.
"""

from __future__ import annotations

import re

from numcheck.extract.mention import Mention
from numcheck.extract.sentence import Sentence, Unit
from numcheck.extract.tables.currencies import (
    AMBIGUOUS_CURRENCY_WORDS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_CODES,
    DOLLAR_COUNTRIES,
    SUBUNIT_WORDS,
)

__all__ = ["currency_after", "currency_before", "default_dollar"]

# The lookahead names every first letter the branches can start with: the engine then passes most
# positions of the article with one class test instead of trying each branch there.
_OTHER_DOLLAR = re.compile(r"(?=[achnst])(?:\b(australian|canadian|hong kong|new zealand|singapore|taiwan(?:ese)?)"
                           r"\s+dollars?\b|\b(A|C|HK|NZ|S|NT)\$)", re.I)
_US_DOLLAR = re.compile(r"\b(?:US|U\.S\.|American)\s*(?:\$|dollars?)", re.I)


def default_dollar(text: str) -> str:
    """"$" is USD unless the article names exactly one other dollar and never the US one."""
    if "$" not in text and "ollar" not in text:
        return "USD"  # the common case, decided without running the regexes
    others = {(DOLLAR_CODES.get((m.group(1) or m.group(2) or "").lower(), "")) for m in _OTHER_DOLLAR.finditer(text)}
    others.discard("")
    if len(others) == 1 and not _US_DOLLAR.search(text):
        return others.pop()
    return "USD"


def currency_before(s: Sentence, m: Mention) -> Unit | None:
    i = m.first - 1
    if m.value < 0 and s.text_of(m.first - 1) in "-−":
        i -= 1
    t = s.text_of(i)
    if not t:
        return None
    if t in CURRENCY_SYMBOLS:
        code = s.dollar if t == "$" else CURRENCY_SYMBOLS[t]
        first = i
        prefix = s.lower(i - 1)
        if t == "$" and s.glued(i - 1, i) and (prefix + "$") in CURRENCY_SYMBOLS:
            code = CURRENCY_SYMBOLS[prefix + "$"]
            first = i - 1
        return Unit(code, first, m.last)
    if s.lower(i) in CURRENCY_CODES and s.tokens[i].text.isupper():
        return Unit(s.tokens[i].text.upper().replace("RMB", "CNY"), i, m.last)
    return None


def currency_after(s: Sentence, m: Mention, j: int) -> Unit | None:
    w = s.lower(j)
    if w in ("us", "u.s") and s.lower(j + 1) in ("dollar", "dollars"):
        return Unit("USD", m.first, j + 2)
    if w in DOLLAR_COUNTRIES and s.lower(j + 1) in ("dollar", "dollars"):
        return Unit(DOLLAR_COUNTRIES[w], m.first, j + 2)
    if w == "hong" and s.lower(j + 2) in ("dollar", "dollars"):
        return Unit("HKD", m.first, j + 3)
    if w in CURRENCY_CODES and s.tokens[j].text.isupper():
        return Unit(s.tokens[j].text.replace("RMB", "CNY"), m.first, j + 1)
    if s.text_of(j)[:1].isupper() and s.lower(j + 1) in CURRENCY_WORDS and \
            s.lower(j + 1) not in ("dollar", "dollars", *AMBIGUOUS_CURRENCY_WORDS):
        return Unit(CURRENCY_WORDS[s.lower(j + 1)], m.first, j + 2)  # "Swiss francs", "Japanese yen"
    if w == "p" and s.tokens[j].text == "p" and s.glued(j - 1, j) and m.kind == "number":
        return Unit("GBP", m.first, j + 1, factor=0.01)  # "274.5p": pence
    if w not in CURRENCY_WORDS or m.kind in ("fraction", "ratio"):
        return None
    code = CURRENCY_WORDS[w]
    if w in ("dollar", "dollars"):
        code = s.dollar
    if w in ("pound", "pounds") and is_weight(s, m, j):
        return None
    if w in AMBIGUOUS_CURRENCY_WORDS and (m.scale == 1.0 or s.tokens[j].text[0].isupper()):
        return None  # "5 won" is more often a verb than Korean money
    if w in SUBUNIT_WORDS:
        return Unit(code, m.first, j + 1, factor=0.01)
    return Unit(code, m.first, j + 1)


def is_weight(s: Sentence, m: Mention, j: int) -> bool:
    nearby = {s.lower(k) for k in range(max(0, m.first - 4), min(len(s.tokens), j + 4))}
    return bool(nearby & {"weigh", "weighs", "weighed", "weighing", "weight", "heavy", "lighter", "heavier"})
