"""What only looks like a quantity: years, dates, clock times, decades, ordinals, phone numbers,
codes and names ("Covid-19", "G7", "Section 230", "S&P 500").

A careful reader skips these (fixtures/extract/GUIDELINES.md); a false figure here becomes a false
alarm downstream, so every refusal is a named test over the tokens around the digits.
"""

from __future__ import annotations

from numcheck.english import (
    AMBIGUOUS_SCALES,
    MONTHS,
    SCALES,
)
from numcheck.extract.mention import parse_digits
from numcheck.extract.scales import money_before
from numcheck.extract.tables.currencies import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
)
from numcheck.extract.tables.numbers import (
    GLUED_SUFFIX_WORDS,
    ID_WORDS,
    ORDINAL_SUFFIX,
    TIME_SUFFIX,
)
from numcheck.extract.tables.units import DURATIONS, PHYSICAL_UNIT_WORDS
from numcheck.extract.tokens import TokenView

__all__ = ["in_dash_chain", "is_glued_suffix", "is_not_quantity", "is_title_name"]


def in_dash_chain(s: TokenView, i: int) -> bool:
    """The third or later part of "2019-03-04", "555-123-4567" or "1-2-3-4": a date, a phone
    number or a code, never a figure or the end of a range ("30-40" has only one dash). Decided
    first, so a long chain costs one look back per part."""
    return i >= 3 and s.tokens[i - 1].text in "-–" and s.tokens[i - 3].text in "-–" and \
        s.tokens[i - 2].is_digit and s.glued(i - 3, i - 2) and s.glued(i - 2, i - 1) and \
        s.glued(i - 1, i)


def is_not_quantity(s: TokenView, i: int, last: int, value: float, precision: float) -> bool:
    tokens = s.tokens
    prev, nxt = s.tok(i - 1), s.tok(last)
    raw = tokens[i].text
    # Glued to letters on the left: G7, A320, COP26, MP3; or letter-hyphen-digits: Covid-19, F-16.
    if prev is not None and s.glued(i - 1, i):
        if prev.is_word and prev.lower not in CURRENCY_SYMBOLS and prev.lower not in CURRENCY_CODES:
            return True
        if prev.text in "-/–" and s.tok(i - 2) is not None and s.glued(i - 2, i - 1):
            before = tokens[i - 2]
            if before.is_word or (before.is_digit and (prev.text == "/" or parse_digits(before.text) is None)):
                return True  # "A-1", "3/4", "8,00-0": part of a code, not a figure
            if before.text.isdigit() and len(before.text) == 4 and len(raw) in (1, 2) and prev.text in "-–" and \
                    1600 <= float(before.text) <= 2100:
                return True  # the "20" of a 2019-20 season, the "6" of the 2005-6 budget
        if prev.text in "#:/." or prev.text == "+":
            return True
    if nxt is not None and s.glued(last - 1, last):
        if nxt.text in ":/" and s.tok(last + 1) is not None and (tokens[last + 1].is_digit or s.glued(last, last + 1)):
            return True  # 10:30, 24/7, 3/4/2019, "1/²"
        if nxt.is_word:
            word = nxt.lower
            if word in ORDINAL_SUFFIX or word in TIME_SUFFIX:
                return True
            if word == "p" and s.text_of(last + 1) == "." and s.lower(last + 2) == "m":
                return True  # 9p.m.
            if word == "s" and (len(raw) == 4 or raw.endswith("0")):
                return True  # the 1990s, the 80s
            if not is_glued_suffix(nxt.text):
                return True  # "5G", "3D", "4Children", "200LR": a name, not a quantity
            if word == "x" and s.tok(last + 1) is not None and tokens[last + 1].is_digit and \
                    s.glued(last, last + 1):
                return True  # "4x4"
        if nxt.text in "-–" and s.tok(last + 1) is not None and s.glued(last, last + 1):
            after = tokens[last + 1]
            if after.is_digit and len(after.text) in (1, 2) and len(raw) == 4 and raw.isdigit() and \
                    1600 <= value <= 2100:
                return True  # the 2023-24 season, the 2005-6 budget
            if after.is_digit and s.tok(last + 2) is not None and tokens[last + 2].is_word and \
                    s.glued(last + 1, last + 2) and not is_glued_suffix(tokens[last + 2].text):
                return True  # "777-200LR": a model number
            if after.is_digit and s.tok(last + 2) is not None and tokens[last + 2].text in "-–" and \
                    s.glued(last + 1, last + 2):
                return True  # 2019-03-04, 555-123-4567
    if nxt is not None and not s.glued(last - 1, last) and nxt.lower in ("am", "pm", "a.m", "p.m", "gmt",
                                                                              "bst", "o'clock"):
        if precision != 1.0 or value <= 12:
            return True
    if nxt is not None and nxt.text == "." and s.tok(last + 1) is not None and \
            tokens[last + 1].lower in ("m", "a", "p") and s.glued(last, last + 1):
        return True  # 9 a.m.
    if is_phone(s, i, last):
        return True
    if is_date_part(s, i, last, value, precision):
        return True
    if is_year(s, i, last, value, precision):
        return True
    return is_named(s, i, value)


def is_phone(s: TokenView, i: int, last: int) -> bool:
    tokens = s.tokens
    raw = tokens[i].text
    prev = s.tok(i - 1)
    if prev is not None and prev.text == "+" and s.glued(i - 1, i) and raw.isdigit():
        return True  # +44 20 7946 0958
    if prev is not None and prev.text == "(" and s.glued(i - 1, i) and raw.isdigit() and s.text_of(last) == ")" \
            and s.tok(last + 1) is not None and tokens[last + 1].is_digit:
        return True  # (020) 7946 0958, (555) 123-4567; "(65%)" and "(12)" are figures in brackets
    if raw.isdigit() and raw.startswith("0") and len(raw) >= 3:
        return True  # 020 7946 0958, 0800
    if prev is not None and prev.is_digit and prev.text.isdigit() and raw.isdigit() and \
            prev.end + 1 == tokens[i].start and (prev.text.startswith("0") or (len(prev.text) >= 3 and len(raw) >= 3
                                                 and s.tok(i - 2) is not None and tokens[i - 2].is_digit)):
        return True  # the middle group of a phone number
    nxt, after = s.tok(last), s.tok(last + 1)
    if nxt is not None and after is not None and nxt.text == "-" and s.glued(last - 1, last) and \
            s.glued(last, last + 1) and after.is_digit and len(raw) == 3 and len(after.text) == 4:
        return True  # 555-1234
    return False


def is_date_part(s: TokenView, i: int, last: int, value: float, precision: float) -> bool:
    if precision != 1.0 or not 1 <= value <= 31 or "," in s.tokens[i].text:
        return False
    before = s.lower(i - 1)
    if before in MONTHS and (before != "may" or s.tokens[i - 1].text[0] == "M"):
        return True
    after = s.lower(last)
    if after == "of":
        after = s.lower(last + 1)
    if after in MONTHS and (after != "may" or (s.tok(last) and s.tokens[last].text[0] == "M")):
        return True
    return after in MONTHS and after != "may"


def is_year(s: TokenView, i: int, last: int, value: float, precision: float) -> bool:
    """A bare four-digit figure from 1600 to 2100 is a year unless something counts it."""
    raw = s.tokens[i].text
    if not (raw.isdigit() and len(raw) == 4 and 1600 <= value <= 2100 and last == i + 1):
        return False
    if money_before(s, i):
        return False
    nxt = s.tok(last)
    if nxt is None:
        return True
    if nxt.text in "%" or nxt.lower in ("per", "percent", "million", "billion", "thousand", "bn", "m", "k",
                                       "people", "km", "miles", "kilometres", "tonnes", "metres", "feet"):
        return False
    if nxt.is_word and nxt.lower.endswith("s") and not nxt.lower.endswith("ss") and \
            s.lower(i - 1) not in ("in", "since", "by", "of", "from", "until", "before", "after", "during"):
        # "2000 people", "1500 troops": a plural noun right after makes it a count.
        return nxt.text[0].isupper()
    return True


def is_named(s: TokenView, i: int, value: float) -> bool:
    """"Section 427", "Apollo 11", "No. 10", "S&P 500": a name word owns the number."""
    prev = s.tok(i - 1)
    if prev is None:
        return False
    j = i - 1
    if prev.text == "." and s.tok(i - 2) is not None and s.tokens[i - 2].lower in ("no", "nos", "vol"):
        return True
    if prev.text == "&" or (prev.text == "#" and s.glued(i - 1, i)):
        return True
    if not prev.is_word:
        return prev.text == "-" and s.glued(i - 2, i - 1) and s.tokens[i - 2].is_word
    word = s.tokens[j]
    if s.tok(j - 1) is not None and s.tokens[j - 1].text == "&" and s.glued(j - 1, j):
        return True  # S&P 500
    if word.lower in ID_WORDS and (word.text[0].isupper() or not word.text[1:].islower()):
        return True
    if word.text.isupper() and len(word.text) >= 2 and word.lower not in CURRENCY_CODES and \
            word.lower not in ("us", "uk", "eu", "un", "i"):
        return True  # FTSE 100, CAC 40
    return False


def is_title_name(s: TokenView, i: int) -> bool:
    """"the Six Nations", "the Big Four", "Channel Four": a capitalised number word inside a
    sentence, next to another capitalised word, is part of a name. At the start of a sentence
    the capital says nothing ("Nineteen Republicans voted" counts people)."""
    if not s.tokens[i].text[0].isupper() or s.is_sentence_initial(i):
        return False
    before, after = s.tok(i - 1), s.tok(i + 1)
    return any(t is not None and t.is_word and t.text[0].isupper() and t.lower not in ("i", "a")
               for t in (before, after))


def is_glued_suffix(word: str) -> bool:
    """Letters that may be glued to the digits of a quantity ("12k", "100km", "45C", "3bn")."""
    if len(word) == 1 and word.isupper():
        return word in "CFMBK"  # "45C", "10M", "12K"; "5G" and "3D" are names
    lower = word.lower()
    return (lower in GLUED_SUFFIX_WORDS or lower in SCALES or lower in AMBIGUOUS_SCALES or lower in PHYSICAL_UNIT_WORDS
            or lower in DURATIONS or word == "MM")
