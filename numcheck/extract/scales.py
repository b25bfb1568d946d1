"""Scale words and suffixes after a figure: "4.3 million", "£300m", "12k", "30-40 million".

"m" after a figure is a metre as often as a million; it is a million only where money or a
counted noun says so ("£3m", "3m people", "77m euros, up from 38m"). That decision lives here.
"""

from __future__ import annotations

from numcheck.english import AMBIGUOUS_SCALES, SCALES, is_plural
from numcheck.extract.tables.currencies import (
    AMBIGUOUS_CURRENCY_WORDS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
)
from numcheck.extract.tables.numbers import (
    COMPARISON_WORDS,
    COUNT_NOUNS_FOR_SCALE,
    NOT_UNITS_AFTER_SCALE,
    UNITISH_PLURALS,
)
from numcheck.extract.tables.units import PHYSICAL_UNIT_WORDS
from numcheck.extract.tokens import TokenView

__all__ = ["compares_money", "money_before", "scale_after", "unit_follows"]


def scale_after(s: TokenView, i: int, last: int) -> tuple[float, int, str]:
    """Apply "million", "bn", "m" or "k" after a figure; returns (scale, new last, suffix)."""
    nxt = s.tok(last)
    if nxt is None or not nxt.is_word:
        return 1.0, last, ""
    word = nxt.lower
    glued = s.glued(last - 1, last)
    if word in SCALES and word != "hundred":
        if word == "k" and not glued:
            return 1.0, last, ""
        scale = SCALES[word]
        # "1.5 thousand million" is rare in news; take one scale word, and a second one if present.
        after = s.tok(last + 1)
        if after is not None and ((after.lower in ("million", "billion") and word == "thousand") or
                                  (after.lower == "crore" and word in ("thousand", "lakh"))):
            return scale * SCALES[after.lower], last + 2, ""  # "3 thousand million", "2.5 lakh crore"
        return scale, last + 1, word if glued else ""
    if word == "hundred" and not glued:
        after = s.tok(last + 1)
        if after is not None and after.lower in ("thousand", "million", "billion", "crore"):
            return 100 * SCALES[after.lower], last + 2, ""
        return 100.0, last + 1, ""
    if word in ("dozen", "dozens", "doz", "dozs", "dz", "dzs") and not glued:
        return 12.0, last + 1, ""
    if glued and nxt.text in ("M", "MM", "B"):
        return (1e9 if nxt.text == "B" else 1e6), last + 1, word  # "10M", "US$ 1MM": finance shorthand
    if word in AMBIGUOUS_SCALES and glued:
        following = s.lower(last + 1)
        if money_before(s, i) or compares_money(s, i) or following in COUNT_NOUNS_FOR_SCALE or \
                (following.isalpha() and s.lower(last + 2) in COUNT_NOUNS_FOR_SCALE) or \
                following in CURRENCY_WORDS or (
                is_plural(following) and following not in UNITISH_PLURALS) or \
                unit_follows(following) or (word == "b" and "." in s.tokens[i].text):
            # also "14.4m kilowatt hours", "1.2b", and one word between: "8m pensioner households"
            return AMBIGUOUS_SCALES[word], last + 1, word
    return 1.0, last, ""


def compares_money(s: TokenView, i: int) -> bool:
    """"77m euros, up from 38m", "£4.3bn against 2.7bn": a sum compared with an earlier one in the
    sentence drops its currency, and its "m" is still million, not metre."""
    if s.lower(i - 1) not in COMPARISON_WORDS:
        return False
    return any(t.text in CURRENCY_SYMBOLS or (t.lower in CURRENCY_WORDS and t.lower not in AMBIGUOUS_CURRENCY_WORDS)
               for t in s.tokens[: i - 1])


def money_before(s: TokenView, i: int) -> bool:
    """A currency symbol or code right before the figure ("£300m", "US$5bn", "EUR 3m")."""
    prev = s.tok(i - 1)
    if prev is None:
        return False
    if prev.text in CURRENCY_SYMBOLS:
        return True
    return prev.lower in CURRENCY_CODES or prev.lower in CURRENCY_SYMBOLS


# --- nonquant: a scale before a unit -------------------------------------------------------------


def unit_follows(word: str) -> bool:
    """"14.4m kilowatt hours", "30m kWh", "2m litres": a unit right after a glued "m" makes the "m" a
    million of that unit (a metre is never followed by another unit)."""
    return len(word) >= 2 and word in PHYSICAL_UNIT_WORDS and word not in NOT_UNITS_AFTER_SCALE
