"""The number grammar: where a figure is written in a sentence, and what it is worth.

This module reads digits (``1,240``, ``5 000``, ``1.1``), scale words and suffixes (``million``,
``bn``, ``£300m``), number words (``twenty-six``, ``one hundred and twelve``, ``a dozen``),
fractions (``half``, ``a third``, ``two-thirds``), ratios (``one in four``), vague amounts
(``dozens``, ``tens of thousands``) and ranges, and it refuses what only *looks* like a quantity:
years, dates, times, decades, ordinals, phone numbers and names such as ``Covid-19`` or ``G7``.
It knows nothing of units or rules; `numcheck.extract` turns mentions into claims.

Everything is a single left-to-right pass over one sentence's tokens with bounded look-around,
so the cost is linear in the text whatever it contains.

>>> [(m.value, m.kind) for m in scan("Covid-19 hit the G7 in 2020, when 3 000 of 26 fell.")]
[(3000.0, 'number'), (26.0, 'number')]
>>> scan("Twenty-six allies agreed")[0].value
26.0
>>> m = scan("a deficit of 4.3 million")[0]
>>> (m.value, m.precision)
(4300000.0, 100000.0)
>>> [m.value for m in scan("in English 1.240 tonnes is 1.24 tonnes, never 1,240")]
[1.24, 1.24, 1240.0]
>>> [(m.kind, m.low, m.high) for m in scan("between 30 and 40")]
[('range', 30.0, 40.0)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

from numcheck._units import DURATIONS, PHYSICAL_UNIT_WORDS
from numcheck._words import (
    AMBIGUOUS_CURRENCY_WORDS,
    COUNT_NOUNS_FOR_SCALE,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    ID_WORDS,
    VAGUE,
    VAGUE_COMPOUND,
)
from numcheck.cues import direction_of
from numcheck.english import AMBIGUOUS_SCALES, FRACTION_DENOMINATORS, MONTHS, SCALES, TENS, UNITS, is_plural

__all__ = ["Mention", "Token", "may_hold_figure", "scan", "tokenize"]


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


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure as written: its token range, character span, value and how precise it is.

    ``first``/``last`` are token indices (``last`` exclusive) so the claim builder can look at the
    words around the figure without re-tokenising.
    """

    first: int
    last: int
    start: int
    end: int
    value: float
    precision: float
    kind: str  # number, fraction, ratio, vague, range
    low: float
    high: float
    scale: float = 1.0
    #: "m"/"bn" written right after the digits, so extract knows the suffix is not a unit.
    suffix: str = ""


_TOKEN = re.compile(r"(?<![\w.,])\.\d+|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?|\S")
_DIGITS_ONLY = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
#: Glued letters that make a figure a clock time. Not "p": "4p" and "274.5p" are pence in British
#: copy (share prices), where "9p" for nine in the evening is not written.
_TIME_SUFFIX = frozenset({"am", "pm", "a", "gmt", "bst", "cet", "utc", "est", "edt", "pst", "hrs", "h"})
_ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
_SINGULAR_DENOMINATORS = frozenset(w for w in FRACTION_DENOMINATORS if not w.endswith("s"))
_THREE_DIGITS = re.compile(r"\d{3}(?:\.\d+)?")
_SPACE_GROUP = frozenset(" \u00a0\u2009\u202f")
#: Plurals after "100m" that keep the m a metre ("100m sprints" is rare; "100m races" is a distance).
_UNITISH_PLURALS = frozenset({"races", "sprints", "heats", "finals", "hurdles", "metres"})
#: Words that put a second figure beside an earlier one: it may leave the earlier one's unit unsaid.
COMPARISON_WORDS = frozenset({"from", "against", "versus", "vs", "with", "than"})


#: Cheap first test of a sentence: no digit and no number word means no figure, so the tokenizer
#: and scanner never run on it. Must stay a superset of what `_Scanner` can start a mention on.
_FIGURE_WORDS = frozenset({*UNITS, *TENS, *SCALES, *FRACTION_DENOMINATORS, *VAGUE, "tens", "several", "few",
                           "dozen", "dozens"})
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")


def may_hold_figure(text: str, start: int = 0, end: int | None = None) -> bool:
    """False only when ``text[start:end]`` certainly holds no figure (digits first: it is the fast test)."""
    end = len(text) if end is None else end
    if _DIGIT.search(text, start, end):
        return True
    return not _FIGURE_WORDS.isdisjoint(_WORD.findall(text[start:end].lower()))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        first = word[0] if word[0] != "." else word[-1]
        tokens.append(Token(word, word.lower(), match.start(), match.end(), first.isdigit(), first.isalpha()))
    return tokens


def parse_digits(text: str) -> tuple[float, float] | None:
    """Value and precision of a digit run, or None when it is not one number in English.

    A comma must group thousands ("1,24" is not a number) and a full stop is a decimal point,
    so "1.240" is 1.24, never 1240.
    """
    if _GROUPED.fullmatch(text):
        whole, _, decimals = text.partition(".")
        value = float(whole.replace(",", "") + ("." + decimals if decimals else ""))
        return value, 10.0 ** -len(decimals) if decimals else 1.0
    if text.startswith(".") and text[1:].isdigit():
        return float("0" + text), 10.0 ** -(len(text) - 1)
    if _PLAIN.fullmatch(text):
        _, _, decimals = text.partition(".")
        return float(text), 10.0 ** -len(decimals) if decimals else 1.0
    return None


class _Scanner:
    """One sentence's scan. Holds the token list and the mentions found so far."""

    def __init__(self, text: str, tokens: list[Token], sentence_start: int) -> None:
        self.text = text
        self.tokens = tokens
        self.sentence_start = sentence_start
        self.mentions: list[Mention] = []

    # -- helpers over tokens -------------------------------------------------------------------
    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def glued(self, i: int, j: int) -> bool:
        """True when tokens i and j touch with no space between them."""
        a, b = self.tok(i), self.tok(j)
        return a is not None and b is not None and a.end == b.start

    def lower(self, i: int) -> str:
        t = self.tok(i)
        return t.lower if t else ""

    def text_of(self, i: int) -> str:
        t = self.tok(i)
        return t.text if t else ""

    def is_sentence_initial(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.tokens[j].text in "\"'“‘([*":
            j -= 1
        return j < 0

    # -- the scan --------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        i = 0
        n = len(self.tokens)
        while i < n:
            token = self.tokens[i]
            found: Mention | None = None
            skip_to = i + 1
            after = self.tokens[i + 1] if i + 1 < n else None
            if token.lower in ("minus", "negative") and after is not None and (
                    after.is_digit or after.lower in UNITS or after.lower in TENS):
                found, skip_to = self.negated_at(i)
            elif token.is_digit:
                found, skip_to = self.digits_at(i)
            elif token.is_word:
                found = self.words_at(i)
                if found is not None:
                    skip_to = found.last
            if found is not None:
                self.mentions.append(found)
            i = max(skip_to, i + 1)
        return self.combine()

    def in_dash_chain(self, i: int) -> bool:
        """The third or later part of "2019-03-04", "555-123-4567" or "1-2-3-4": a date, a phone
        number or a code, never a figure or the end of a range ("30-40" has only one dash). Decided
        first, so a long chain costs one look back per part."""
        return i >= 3 and self.tokens[i - 1].text in "-–" and self.tokens[i - 3].text in "-–" and \
            self.tokens[i - 2].is_digit and self.glued(i - 3, i - 2) and self.glued(i - 2, i - 1) and \
            self.glued(i - 1, i)

    def digits_at(self, i: int) -> tuple[Mention | None, int]:
        """Read a digit run at token i (with grouping, sign, scale); None if it is not a quantity."""
        tokens = self.tokens
        token = tokens[i]
        last = i + 1
        if self.in_dash_chain(i):
            return None, last
        parsed = parse_digits(token.text)
        if parsed is None:
            return None, last
        value, precision = parsed
        # "5 000", "1 234 567.89": space-grouped thousands, every group exactly three digits.
        if token.text.isdigit() and len(token.text) <= 3 and (i == 0 or not tokens[i - 1].is_digit):
            while last < len(tokens) and _THREE_DIGITS.fullmatch(tokens[last].text) and \
                    tokens[last].start - tokens[last - 1].end == 1 and \
                    self.text[tokens[last - 1].end] in _SPACE_GROUP and precision == 1.0 and value < 1e12:
                group, _, decimals = tokens[last].text.partition(".")
                value = value * 1000 + float(group + ("." + decimals if decimals else ""))
                precision = 10.0 ** -len(decimals) if decimals else 1.0
                last += 1
        mixed = self.mixed_fraction(last)
        if mixed is not None and precision == 1.0:
            value, last, precision = value + mixed[0], mixed[1], 0.0
        if self.is_not_quantity(i, last, value, precision if mixed is None else 1.0):
            return None, last
        start = token.start
        if self.is_negative(i):
            start -= 1
            value = -value
        scale, last, suffix = self.scale_after(i, last)
        mention = _make(i, last, start, tokens[last - 1].end, value * scale, precision * scale, "number",
                        scale=scale, suffix=suffix)
        return mention, last

    def mixed_fraction(self, j: int) -> tuple[float, int] | None:
        """"10 1/2": a whole number, a space, then a small proper fraction written with a slash."""
        a, slash, b = self.tok(j), self.tok(j + 1), self.tok(j + 2)
        if a is None or slash is None or b is None or slash.text != "/" or not (a.is_digit and b.is_digit):
            return None
        if not (self.glued(j, j + 1) and self.glued(j + 1, j + 2)) or self.tokens[j - 1].end == a.start:
            return None
        if not (a.text.isdigit() and b.text.isdigit()) or int(b.text) not in (2, 3, 4, 5, 8, 10, 16):
            return None
        if int(a.text) >= int(b.text):
            return None
        return int(a.text) / int(b.text), j + 3

    def negated_at(self, i: int) -> tuple[Mention | None, int]:
        """"minus 5", "negative one": the figure after the word, with its sign flipped."""
        if self.tokens[i + 1].is_digit:
            found, last = self.digits_at(i + 1)
        else:
            found = self.spelled_at(i + 1) if self.tokens[i + 1].lower != "one" or True else None
            if found is None and self.tokens[i + 1].lower == "one":
                found = _make(i + 1, i + 2, self.tokens[i + 1].start, self.tokens[i + 1].end, 1.0, 1.0, "number")
            last = found.last if found else i + 2
        if found is None or found.value < 0 or found.kind not in ("number", "fraction"):
            return found, last
        return _make(i, found.last, self.tokens[i].start, found.end, -found.value, found.precision, found.kind,
                     scale=found.scale, suffix=found.suffix), found.last

    def is_negative(self, i: int) -> bool:
        """A minus sign glued to the digits and not closing a range ("30-40") or a name."""
        prev = self.tok(i - 1)
        if prev is None or prev.text not in "-−" or not self.glued(i - 1, i):
            return False
        before = self.tok(i - 2)
        return before is None or (not self.glued(i - 2, i - 1) and not before.is_digit) or before.text in "(["

    def scale_after(self, i: int, last: int) -> tuple[float, int, str]:
        """Apply "million", "bn", "m" or "k" after a figure; returns (scale, new last, suffix)."""
        nxt = self.tok(last)
        if nxt is None or not nxt.is_word:
            return 1.0, last, ""
        word = nxt.lower
        glued = self.glued(last - 1, last)
        if word in SCALES and word != "hundred":
            if word == "k" and not glued:
                return 1.0, last, ""
            scale = SCALES[word]
            # "1.5 thousand million" is rare in news; take one scale word, and a second one if present.
            after = self.tok(last + 1)
            if after is not None and after.lower in ("million", "billion") and word == "thousand":
                return scale * SCALES[after.lower], last + 2, ""
            return scale, last + 1, word if glued else ""
        if word == "hundred" and not glued:
            after = self.tok(last + 1)
            if after is not None and after.lower in ("thousand", "million", "billion"):
                return 100 * SCALES[after.lower], last + 2, ""
            return 100.0, last + 1, ""
        if word in ("dozen", "dozens") and not glued:
            return 12.0, last + 1, ""
        if glued and nxt.text in ("M", "MM", "B"):
            return (1e9 if nxt.text == "B" else 1e6), last + 1, word  # "10M", "US$ 1MM": finance shorthand
        if word in AMBIGUOUS_SCALES and glued:
            following = self.lower(last + 1)
            if self.money_before(i) or self.compares_money(i) or following in COUNT_NOUNS_FOR_SCALE or \
                    following in CURRENCY_WORDS or (
                    is_plural(following) and following not in _UNITISH_PLURALS):
                return AMBIGUOUS_SCALES[word], last + 1, word
        return 1.0, last, ""

    def compares_money(self, i: int) -> bool:
        """"77m euros, up from 38m", "£4.3bn against 2.7bn": a sum compared with an earlier one in the
        sentence drops its currency, and its "m" is still million, not metre."""
        if self.lower(i - 1) not in COMPARISON_WORDS:
            return False
        return any(t.text in CURRENCY_SYMBOLS or (t.lower in CURRENCY_WORDS and t.lower not in AMBIGUOUS_CURRENCY_WORDS)
                   for t in self.tokens[: i - 1])

    def money_before(self, i: int) -> bool:
        """A currency symbol or code right before the figure ("£300m", "US$5bn", "EUR 3m")."""
        prev = self.tok(i - 1)
        if prev is None:
            return False
        if prev.text in CURRENCY_SYMBOLS:
            return True
        return prev.lower in CURRENCY_CODES or prev.lower in CURRENCY_SYMBOLS

    # -- what is not a quantity ---------------------------------------------------------------
    def is_not_quantity(self, i: int, last: int, value: float, precision: float) -> bool:
        tokens = self.tokens
        prev, nxt = self.tok(i - 1), self.tok(last)
        raw = tokens[i].text
        # Glued to letters on the left: G7, A320, COP26, MP3; or letter-hyphen-digits: Covid-19, F-16.
        if prev is not None and self.glued(i - 1, i):
            if prev.is_word and prev.lower not in CURRENCY_SYMBOLS and prev.lower not in CURRENCY_CODES:
                return True
            if prev.text in "-/–" and self.tok(i - 2) is not None and self.glued(i - 2, i - 1):
                before = tokens[i - 2]
                if before.is_word or (before.is_digit and prev.text == "/"):
                    return True
                if before.is_digit and len(before.text) == 4 and len(raw) in (1, 2) and prev.text in "-–" and \
                        1600 <= float(before.text) <= 2100:
                    return True  # the "20" of a 2019-20 season, the "6" of the 2005-6 budget
            if prev.text in "#:/." or prev.text == "+":
                return True
        if nxt is not None and self.glued(last - 1, last):
            if nxt.text in ":/" and self.tok(last + 1) is not None and tokens[last + 1].is_digit:
                return True  # 10:30, 24/7, 3/4/2019
            if nxt.is_word:
                word = nxt.lower
                if word in _ORDINAL_SUFFIX or word in _TIME_SUFFIX:
                    return True
                if word == "p" and self.text_of(last + 1) == "." and self.lower(last + 2) == "m":
                    return True  # 9p.m.
                if word == "s" and (len(raw) == 4 or raw.endswith("0")):
                    return True  # the 1990s, the 80s
                if not _is_glued_suffix(nxt.text):
                    return True  # "5G", "3D", "4Children", "200LR": a name, not a quantity
                if word == "x" and self.tok(last + 1) is not None and tokens[last + 1].is_digit and \
                        self.glued(last, last + 1):
                    return True  # "4x4"
            if nxt.text in "-–" and self.tok(last + 1) is not None and self.glued(last, last + 1):
                after = tokens[last + 1]
                if after.is_digit and len(after.text) in (1, 2) and len(raw) == 4 and raw.isdigit() and \
                        1600 <= value <= 2100:
                    return True  # the 2023-24 season, the 2005-6 budget
                if after.is_digit and self.tok(last + 2) is not None and tokens[last + 2].is_word and \
                        self.glued(last + 1, last + 2) and not _is_glued_suffix(tokens[last + 2].text):
                    return True  # "777-200LR": a model number
                if after.is_digit and self.tok(last + 2) is not None and tokens[last + 2].text in "-–" and \
                        self.glued(last + 1, last + 2):
                    return True  # 2019-03-04, 555-123-4567
        if nxt is not None and not self.glued(last - 1, last) and nxt.lower in ("am", "pm", "a.m", "p.m", "gmt",
                                                                                  "bst", "o'clock"):
            if precision != 1.0 or value <= 12:
                return True
        if nxt is not None and nxt.text == "." and self.tok(last + 1) is not None and \
                tokens[last + 1].lower in ("m", "a", "p") and self.glued(last, last + 1):
            return True  # 9 a.m.
        if self.is_phone(i, last):
            return True
        if self.is_date_part(i, last, value, precision):
            return True
        if self.is_year(i, last, value, precision):
            return True
        return self.is_named(i, value)

    def is_phone(self, i: int, last: int) -> bool:
        tokens = self.tokens
        raw = tokens[i].text
        prev = self.tok(i - 1)
        if prev is not None and prev.text in "+(" and self.glued(i - 1, i) and raw.isdigit():
            return True
        if raw.isdigit() and raw.startswith("0") and len(raw) >= 3:
            return True  # 020 7946 0958, 0800
        if prev is not None and prev.is_digit and prev.text.isdigit() and raw.isdigit() and \
                prev.end + 1 == tokens[i].start and (prev.text.startswith("0") or (len(prev.text) >= 3 and len(raw) >= 3
                                                     and self.tok(i - 2) is not None and tokens[i - 2].is_digit)):
            return True  # the middle group of a phone number
        nxt, after = self.tok(last), self.tok(last + 1)
        if nxt is not None and after is not None and nxt.text == "-" and self.glued(last - 1, last) and \
                self.glued(last, last + 1) and after.is_digit and len(raw) == 3 and len(after.text) == 4:
            return True  # 555-1234
        return False

    def is_date_part(self, i: int, last: int, value: float, precision: float) -> bool:
        if precision != 1.0 or not 1 <= value <= 31 or "," in self.tokens[i].text:
            return False
        before = self.lower(i - 1)
        if before in MONTHS and (before != "may" or self.tokens[i - 1].text[0] == "M"):
            return True
        after = self.lower(last)
        if after == "of":
            after = self.lower(last + 1)
        if after in MONTHS and (after != "may" or (self.tok(last) and self.tokens[last].text[0] == "M")):
            return True
        return after in MONTHS and after != "may"

    def is_year(self, i: int, last: int, value: float, precision: float) -> bool:
        """A bare four-digit figure from 1600 to 2100 is a year unless something counts it."""
        raw = self.tokens[i].text
        if not (raw.isdigit() and len(raw) == 4 and 1600 <= value <= 2100 and last == i + 1):
            return False
        if self.money_before(i):
            return False
        nxt = self.tok(last)
        if nxt is None:
            return True
        if nxt.text in "%" or nxt.lower in ("per", "percent", "million", "billion", "thousand", "bn", "m", "k",
                                           "people", "km", "miles", "kilometres", "tonnes", "metres", "feet"):
            return False
        if nxt.is_word and nxt.lower.endswith("s") and not nxt.lower.endswith("ss") and \
                self.lower(i - 1) not in ("in", "since", "by", "of", "from", "until", "before", "after", "during"):
            # "2000 people", "1500 troops": a plural noun right after makes it a count.
            return nxt.text[0].isupper()
        return True

    def is_named(self, i: int, value: float) -> bool:
        """"Section 427", "Apollo 11", "No. 10", "S&P 500": a name word owns the number."""
        prev = self.tok(i - 1)
        if prev is None:
            return False
        j = i - 1
        if prev.text == "." and self.tok(i - 2) is not None and self.tokens[i - 2].lower in ("no", "nos", "vol"):
            return True
        if prev.text == "&" or (prev.text == "#" and self.glued(i - 1, i)):
            return True
        if not prev.is_word:
            return prev.text == "-" and self.glued(i - 2, i - 1) and self.tokens[i - 2].is_word
        word = self.tokens[j]
        if self.tok(j - 1) is not None and self.tokens[j - 1].text == "&" and self.glued(j - 1, j):
            return True  # S&P 500
        if word.lower in ID_WORDS and (word.text[0].isupper() or not word.text[1:].islower()):
            return True
        if word.text.isupper() and len(word.text) >= 2 and word.lower not in CURRENCY_CODES and \
                word.lower not in ("us", "uk", "eu", "un", "i"):
            return True  # FTSE 100, CAC 40
        return False

    # -- number words --------------------------------------------------------------------------
    def words_at(self, i: int) -> Mention | None:
        word = self.tokens[i].lower
        if word in VAGUE or word in ("tens", "several", "few"):
            return self.vague_at(i)
        if word == "a" or word == "an":
            return self.article_number_at(i)
        if word in UNITS or word in TENS or word == "dozen":
            if self.is_title_name(i):
                return None
            return self.spelled_at(i)
        if word in ("half", "quarter", "third"):
            return self.bare_fraction_at(i)
        return None

    def is_title_name(self, i: int) -> bool:
        """"the Six Nations", "the Big Four", "Channel Four": a capitalised number word inside a
        sentence, next to another capitalised word, is part of a name. At the start of a sentence
        the capital says nothing ("Nineteen Republicans voted" counts people)."""
        if not self.tokens[i].text[0].isupper() or self.is_sentence_initial(i):
            return False
        before, after = self.tok(i - 1), self.tok(i + 1)
        return any(t is not None and t.is_word and t.text[0].isupper() and t.lower not in ("i", "a")
                   for t in (before, after))

    def spelled_at(self, i: int) -> Mention | None:
        """Read "one hundred and twelve", "twenty-six", "two million", "three dozen", "two-thirds"."""
        tokens = self.tokens
        total = current = 0.0
        precision = 1.0
        previous = ""  # the class of the last word read: unit, tens, hundred, scale
        j = last_good = i
        while j < len(tokens):
            w = tokens[j].lower
            if w in UNITS:
                if previous == "unit" or (previous == "tens" and (UNITS[w] >= 10 or UNITS[w] == 0)):
                    break
                current += UNITS[w]
                previous = "unit"
            elif w in TENS:
                if previous in ("unit", "tens"):
                    break
                current += TENS[w]
                previous = "tens"
                after = self.tok(j + 2)
                if after is not None and tokens[j + 1].text in "-‐" and self.glued(j, j + 1) and \
                        self.glued(j + 1, j + 2) and 0 < UNITS.get(after.lower, 0) < 10:
                    current += UNITS[after.lower]
                    previous = "unit"
                    j += 2
            elif w == "hundred" and previous in ("unit", "tens"):
                current *= 100
                previous = "hundred"
            elif w in ("thousand", "million", "billion", "trillion") and previous in ("unit", "tens", "hundred"):
                total += current * SCALES[w]
                precision = SCALES[w] if not current % 1 else precision
                current = 0.0
                previous = "scale"
            elif w in ("dozen", "dozens") and previous in ("unit", "tens", "hundred"):
                current = current - current % 100 + (current % 100 or current) * 12 if current % 100 else current * 12
                previous = "scale"
            elif w == "point" and previous in ("unit", "tens", "hundred", "scale") and \
                    (self.lower(j + 1) in UNITS or self.lower(j + 1) in TENS):
                fraction, j = self.spoken_decimals(j + 1)
                current += fraction
                last_good = j
                previous = "decimal"
                continue
            elif w == "and" and previous in ("unit", "tens", "hundred") and self.lower(j + 1) in ("a", "an") and \
                    self.lower(j + 2) in _SINGULAR_DENOMINATORS:
                current += 1 / FRACTION_DENOMINATORS[self.lower(j + 2)]  # "two and a half"
                j += 3
                last_good = j
                previous = "decimal"
                continue
            elif w == "and" and previous in ("unit", "tens", "hundred") and self.spoken_fraction(j + 1) is not None:
                fraction, j = self.spoken_fraction(j + 1)  # "twenty and three fifths"
                current += fraction
                last_good = j
                previous = "decimal"
                continue
            elif w == "and" and previous in ("hundred", "scale") and self.lower(j + 1) in UNITS.keys() | TENS.keys():
                j += 1
                continue
            elif w in FRACTION_DENOMINATORS and w != "half" and previous in ("unit", "tens") and not total and (
                    w.endswith("s") or current == 1):
                return self.fraction_from(i, j + 1, current, FRACTION_DENOMINATORS[w])
            elif w in "-‐" and previous == "unit" and not total and current < 10 and self.glued(j - 1, j) and \
                    self.lower(j + 1) in FRACTION_DENOMINATORS and self.lower(j + 1) != "half":
                return self.fraction_from(i, j + 2, current, FRACTION_DENOMINATORS[self.lower(j + 1)])
            else:
                break
            j += 1
            last_good = j
        if last_good == i:
            return None
        value = total + current
        if last_good == i + 1 and value == 1 and self.lower(i + 1) not in ("in", "out"):
            return None  # a bare "one" is a pronoun or determiner far more often than a count
        ratio = self.ratio_from(i, last_good, value)
        if ratio is not None:
            return ratio
        last = last_good
        if previous != "scale":
            scale, last, _ = self.scale_after(i, last_good)
            if scale != 1.0:
                value *= scale
                precision = scale
        return _make(i, last, tokens[i].start, tokens[last - 1].end, value, precision, "number",
                     scale=precision if precision > 1 else 1.0)

    def spoken_fraction(self, j: int) -> tuple[float, int] | None:
        """"three fifths", "two thirds" starting at token j: (value, token after), or None."""
        numerator = UNITS.get(self.lower(j), 0) or TENS.get(self.lower(j), 0)
        denominator = FRACTION_DENOMINATORS.get(self.lower(j + 1))
        if not numerator or not denominator or not self.lower(j + 1).endswith("s"):
            return None
        return numerator / denominator, j + 2

    def spoken_decimals(self, j: int) -> tuple[float, int]:
        """Digits after a spoken "point": "five point five" → .5, "nine point nought four" → .04."""
        digits = ""
        while j < len(self.tokens):
            w = self.tokens[j].lower
            if w in UNITS and UNITS[w] < 10:
                digits += str(UNITS[w])
            elif w in TENS:
                digits += str(TENS[w] // 10)
                if self.lower(j + 1) == "-" and UNITS.get(self.lower(j + 2), 10) < 10:
                    digits += str(UNITS[self.lower(j + 2)])
                    j += 2
                else:
                    digits += "0"
            else:
                break
            j += 1
        return (float("0." + digits) if digits else 0.0), j

    def and_before(self, j: int) -> bool:
        return self.lower(j - 1) == "and"

    def one_counts(self, i: int) -> bool:
        """"one" is a quantity when it counts something ("one of the 26", "one person")."""
        prev = self.lower(i - 1)
        if prev in ("no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone", "only"):
            return prev == "only" and self.lower(i + 1) not in ("of", "another", "thing", "day", "way")
        nxt = self.lower(i + 1)
        if nxt in ("another", "day", "way", "thing", "time", "side", "hand", "point", "said", "says", "could",
                   "would", "can", "must", "might", "should", "is", "was", "has", "had", "who", "which",
                   "that", "'s", "by", "after", "else", "morning", "evening", "night", "year", "week", "month",
                   "", ".", ",", ";", ":", "?", "!", "-"):
            return nxt == "-" and self.lower(i + 2) in FRACTION_DENOMINATORS
        return True

    def fraction_from(self, i: int, last: int, numerator: float, denominator: int) -> Mention:
        value = numerator / denominator
        return _make(i, last, self.tokens[i].start, self.tokens[last - 1].end, value, 0.0, "fraction")

    def ratio_from(self, i: int, last: int, value: float) -> Mention | None:
        """"one in four" / "3 in 10": a share of a whole, read as a fraction."""
        if self.lower(last) == "out" and self.lower(last + 1) == "of":
            last += 1  # "one out of three": read like "one in three"
        elif self.lower(last) != "in":
            return None
        if self.tok(last + 1) is None:
            return None
        t = self.tokens[last + 1]
        if t.is_digit:
            parsed = parse_digits(t.text)
            denominator = parsed[0] if parsed else 0.0
        else:
            denominator = float(UNITS.get(t.lower, 0) or TENS.get(t.lower, 0) or
                                (100 if t.lower == "hundred" else 0))
            if t.lower == "a" and self.lower(last + 2) in ("hundred", "thousand"):
                return _make(i, last + 3, self.tokens[i].start, self.tokens[last + 2].end,
                             value / SCALES[self.lower(last + 2)], 0.0, "ratio")
        if not denominator or denominator < value or denominator > 1000 or (t.is_digit and len(t.text) == 4):
            return None
        return _make(i, last + 2, self.tokens[i].start, t.end, value / denominator, 0.0, "ratio")

    def article_number_at(self, i: int) -> Mention | None:
        """"a dozen", "a hundred", "a million", "a third", "a quarter", "a half" — never "a" alone."""
        nxt = self.tok(i + 1)
        if nxt is None:
            return None
        w = nxt.lower
        tokens = self.tokens
        if w == "dozen":
            return _make(i, i + 2, tokens[i].start, nxt.end, 12.0, 1.0, "number")
        if w in ("hundred", "thousand", "million", "billion", "trillion"):
            scale = SCALES[w]
            value, last = scale, i + 2
            if w == "hundred" and self.lower(i + 2) in ("thousand", "million"):
                value, last = 100 * SCALES[self.lower(i + 2)], i + 3
            return _make(i, last, tokens[i].start, tokens[last - 1].end, value, scale, "number", scale=scale)
        ends = self.tok(i + 2) is None or self.tokens[i + 2].text in ",.;:!?)"
        if w in FRACTION_DENOMINATORS and not w.endswith("s") and (self.fraction_context(i + 1) or ends):
            value = 1 / FRACTION_DENOMINATORS[w]
            scaled = self.fraction_of_scale(i, i + 2, value)
            return scaled or _make(i, i + 2, tokens[i].start, nxt.end, value, 0.0, "fraction")
        return None

    def fraction_context(self, j: int) -> bool:
        """"a third of", "a quarter of the", "half the": a share of something, not "a quarter past"."""
        nxt = self.lower(j + 1)
        if nxt in ("of", "the", "its", "their", "his", "her", "our", "all", "those", "these"):
            return True
        return self.tok(j + 1) is not None and self.tokens[j + 1].text in ",.;" and self.lower(j - 1) in (
            "a", "than", "about", "nearly", "almost", "roughly", "around", "just", "over", "below", "under", "above")

    def bare_fraction_at(self, i: int) -> Mention | None:
        """"half", "half the members", "half a million" (but not "first half" or "half-time")."""
        tokens = self.tokens
        w = tokens[i].lower
        prev = self.lower(i - 1)
        if prev in ("first", "second", "third", "the", "a", "an", "one", "last", "other", "latter", "top", "bottom"):
            return None
        if self.tok(i + 1) is not None and tokens[i + 1].text == "-" and self.glued(i, i + 1):
            return None
        if w == "half":
            scaled = self.fraction_of_scale(i, i + 1, 0.5)
            if scaled:
                return scaled
            if self.fraction_context(i) or prev in ("than", "nearly", "almost", "about", "around", "roughly", "over",
                                                    "under", "just", "some"):
                return _make(i, i + 1, tokens[i].start, tokens[i].end, 0.5, 0.0, "fraction")
        return None

    def fraction_of_scale(self, i: int, j: int, fraction: float) -> Mention | None:
        """"half a million" is 500,000 and "a quarter of a million" 250,000: counts, not fractions.
        ``j`` is the token after the fraction word."""
        if self.lower(j) == "of" and fraction != 0.5:
            j += 1
        if self.lower(j) in ("a", "an") and self.lower(j + 1) in ("million", "billion", "thousand", "dozen"):
            word = self.lower(j + 1)
            value = fraction * (12.0 if word == "dozen" else SCALES[word])
            return _make(i, j + 2, self.tokens[i].start, self.tokens[j + 1].end, value, value / 5, "number")
        return None

    def vague_at(self, i: int) -> Mention | None:
        tokens = self.tokens
        w = tokens[i].lower
        if w in ("tens", "hundreds") and self.lower(i + 1) == "of" and (w, self.lower(i + 2)) in VAGUE_COMPOUND:
            low, high = VAGUE_COMPOUND[(w, self.lower(i + 2))]
            return _make(i, i + 3, tokens[i].start, tokens[i + 2].end, low, 0.0, "vague", low=low, high=high)
        if w in ("several", "few"):
            if w == "few" and self.lower(i - 1) != "a":
                return None
            nxt = self.lower(i + 1)
            if nxt in ("hundred", "thousand", "million", "billion", "dozen"):
                scale = 12.0 if nxt == "dozen" else SCALES[nxt]
                low, high = (3 * scale, 9 * scale) if w == "several" else (2 * scale, 5 * scale)
                start_index = i - 1 if w == "few" else i
                return _make(start_index, i + 2, tokens[start_index].start, tokens[i + 1].end, low, 0.0, "vague",
                             low=low, high=high)
            return None
        if w in VAGUE:
            if w in ("scores", "millions", "billions", "thousands", "hundreds", "dozens") and \
                    self.lower(i + 1) not in ("of", "more", "upon", "were", "have", "had", "are", "died", "fled",
                                               "gathered", "attended", "took", "marched", "joined", "took", "lost"):
                if w == "scores":
                    return None
                if w in ("millions", "billions") and self.lower(i + 1) in ("in", "to", "on"):
                    return None
            low, high = VAGUE[w]
            return _make(i, i + 1, tokens[i].start, tokens[i].end, low, 0.0, "vague", low=low, high=high)
        return None

    # -- combining mentions: ranges, pairs, scale sharing ----------------------------------------
    def combine(self) -> list[Mention]:
        mentions = self.mentions
        out: list[Mention] = []
        k = 0
        while k < len(mentions):
            m = mentions[k]
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            if nxt is not None and m.kind == "number" and nxt.kind == "number":
                joined = self.join(m, nxt)
                if joined is not None:
                    out.extend(joined)
                    k += 2
                    continue
            out.append(m)
            k += 1
        return out

    def join(self, a: Mention, b: Mention) -> list[Mention] | None:
        """Ranges ("30 to 40", "between 30 and 40", "30-40") and shared scales ("30-40m")."""
        gap = [t.lower for t in self.tokens[a.last : b.first]]
        if gap[:1] == ["%"] and self.text_of(b.last) == "%":
            gap = gap[1:]  # "20% to 25%": the unit repeated on both ends
        between = self.lower(a.first - 1) == "between"
        from_before = self.lower(a.first - 1) == "from" or self.lower(a.first - 2) == "from"
        if gap == ["and"] and between:
            return [self.as_range(a, b)]
        if gap in (["-"], ["–"], ["—"]) and self.glued(a.last - 1, a.last) and self.glued(b.first - 1, b.first):
            a2, b2 = self.share_scale(a, b)
            if b2.value > a2.value and not from_before:
                return [self.as_range(a2, b2)]
            return [a2, b2]  # a tally "5-4" or a split "50-50": two claims
        # "rose by 45,000 to 1.6 million", "fell 11,000 to 813,200": a stated change then the new level.
        if gap == ["to"] and not from_before and not self.follows_change_word(a):
            a2, b2 = self.share_scale(a, b)
            if b2.value > a2.value and (a.scale == b.scale or a.scale == 1.0):
                return [self.as_range(a2, b2)]
        if gap == ["to"] or (gap == ["and"] and between):
            a2, b2 = self.share_scale(a, b)
            return [a2, b2]
        return None

    def follows_change_word(self, a: Mention) -> bool:
        before = self.lower(a.first - 1)
        return before == "by" or bool(direction_of(before))

    def share_scale(self, a: Mention, b: Mention) -> tuple[Mention, Mention]:
        """"30-40 million": the trailing scale word belongs to both figures."""
        if a.scale == 1.0 and b.scale != 1.0 and a.precision <= 1.0 and a.value * b.scale <= b.value * 10:
            scaled = _make(a.first, a.last, a.start, a.end, a.value * b.scale, a.precision * b.scale, a.kind,
                           scale=b.scale)
            return scaled, b
        return a, b

    def as_range(self, a: Mention, b: Mention) -> Mention:
        return _make(a.first, b.last, a.start, b.end, a.value, max(a.precision, b.precision), "range",
                     low=a.value, high=b.value, scale=b.scale)


#: What may be glued to the digits of a quantity: scales ("12k", "£3bn"), units ("100km", "45C"),
#: "pc" and the like. Anything else glued on ("5G", "4Children") makes the digits part of a name.
_GLUED_SUFFIXES = frozenset({*SCALES, *AMBIGUOUS_SCALES, "mm", "mil", "pc", "pct", "pp", "ppt", "bps", "bp", "p",
                             "c", "f", "x", "s", "yrs", "yr", "hrs", "mins", "sec", "secs", "ft", "lbs", "lb", "oz"})


def _is_glued_suffix(word: str) -> bool:
    if len(word) == 1 and word.isupper():
        return word in "CFMBK"  # "45C", "10M", "12K"; "5G" and "3D" are names
    lower = word.lower()
    return lower in _GLUED_SUFFIXES or lower in PHYSICAL_UNIT_WORDS or lower in DURATIONS or word == "MM"


def _make(first: int, last: int, start: int, end: int, value: float, precision: float, kind: str, *,
          low: float | None = None, high: float | None = None, scale: float = 1.0, suffix: str = "") -> Mention:
    """A mention whose interval defaults to half a unit of the last printed digit either side."""
    half = precision / 2
    lo = value - half if low is None else low
    hi = value + half if high is None else high
    if not (math.isfinite(value) and math.isfinite(lo) and math.isfinite(hi)):
        value, lo, hi = 0.0, 0.0, 0.0
    return Mention(first, last, start, end, value, precision, kind, min(lo, value), max(hi, value), scale, suffix)


def scan(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every figure in ``text[start:end]`` (one sentence), in reading order."""
    tokens = tokenize(text, start, end)
    return _Scanner(text, tokens, start).run()


def scan_tokens(text: str, tokens: list[Token]) -> list[Mention]:
    """`scan` over tokens the caller already has (the claim builder reuses them)."""
    return _Scanner(text, tokens, tokens[0].start if tokens else 0).run()
