"""Numbers in words: "twenty-six", "one hundred and twelve", "a dozen", "two-thirds", "half a
million", "one in four", "tens of thousands".

Each reader starts at a number word and returns a `Mention` (or None when the word is used as
ordinary English: "one of those days", "the first half").
"""

from __future__ import annotations

from numcheck.english import FRACTION_DENOMINATORS, SCALES, TENS, UNITS
from numcheck.extract.mention import Mention, make_mention, parse_digits
from numcheck.extract.nonquantities import is_descriptive_compound, is_month, is_title_name
from numcheck.extract.scales import scale_after
from numcheck.extract.tables.currencies import CURRENCY_WORDS
from numcheck.extract.tables.nouns import STOP
from numcheck.extract.tables.numbers import NOT_COUNTED_AFTER_ONE, NOT_COUNTING_BEFORE_ONE, VAGUE, VAGUE_COMPOUND
from numcheck.extract.tables.units import DURATIONS
from numcheck.extract.tokens import TokenView

__all__ = ["WORD_STARTS", "ratio_from", "spelled_at", "words_at"]

_SINGULAR_DENOMINATORS = frozenset(w for w in FRACTION_DENOMINATORS if not w.endswith("s"))
#: Every word `words_at` (or a sign word) can start a figure on; the scanner passes any other word
#: with one set lookup. Keep in step with `words_at`.
WORD_STARTS = frozenset({*VAGUE, *UNITS, *TENS, "tens", "several", "few", "a", "an", "dozen", "half", "quarter",
                         "third", "minus", "negative"})


def words_at(s: TokenView, i: int) -> Mention | None:
    """The figure that number words starting at token ``i`` write, or None."""
    word = s.tokens[i].lower
    if word in VAGUE or word in ("tens", "several", "few"):
        return vague_at(s, i)
    if word == "a" or word == "an":
        return article_number_at(s, i)
    if word in UNITS or word in TENS or word == "dozen":
        if is_title_name(s, i) or (s.lower(i - 1) in ("big", "top", "bottom") and (
                s.lower(i - 2) == "the" or s.tokens[i - 1].text[0].isupper())):
            s.refuse(i, i + 1, "name")  # "the Six Nations", "the big four supermarkets"
            return None
        found = spelled_at(s, i)
        if found is not None and found.kind == "number" and found.value <= 31 and found.precision == 1.0 and \
                is_month(s, i - 1):
            s.refuse(i, found.last, "date")  # "the week ended April four"
            return None
        if found is not None and found.kind == "number" and is_descriptive_compound(s, found.last):
            s.refuse(i, found.last, "descriptor")  # "the four-legged brigade"
            return None
        return found
    if word in ("half", "quarter", "third"):
        return bare_fraction_at(s, i)
    return None


def spelled_at(s: TokenView, i: int) -> Mention | None:
    """Read "one hundred and twelve", "twenty-six", "two million", "three dozen", "two-thirds"."""
    tokens = s.tokens
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
            after = s.tok(j + 2)
            if after is not None and tokens[j + 1].text in "-‐" and s.glued(j, j + 1) and \
                    s.glued(j + 1, j + 2) and 0 < UNITS.get(after.lower, 0) < 10:
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
                (s.lower(j + 1) in UNITS or s.lower(j + 1) in TENS):
            fraction, j = spoken_decimals(s, j + 1)
            current += fraction
            last_good = j
            previous = "decimal"
            continue
        elif w == "and" and previous in ("unit", "tens", "hundred") and s.lower(j + 1) in ("a", "an") and \
                s.lower(j + 2) in _SINGULAR_DENOMINATORS:
            current += 1 / FRACTION_DENOMINATORS[s.lower(j + 2)]  # "two and a half"
            j += 3
            last_good = j
            previous = "decimal"
            continue
        elif w == "and" and previous in ("unit", "tens", "hundred") and spoken_fraction(s, j + 1) is not None:
            fraction, j = spoken_fraction(s, j + 1)  # "twenty and three fifths"
            current += fraction
            last_good = j
            previous = "decimal"
            continue
        elif w == "and" and previous in ("hundred", "scale") and s.lower(j + 1) in UNITS.keys() | TENS.keys():
            j += 1
            continue
        elif w in FRACTION_DENOMINATORS and w != "half" and previous in ("unit", "tens") and not total and (
                w.endswith("s") or current == 1):
            return fraction_from(s, i, j + 1, current, FRACTION_DENOMINATORS[w])
        elif w in "-‐" and previous == "unit" and not total and current < 10 and s.glued(j - 1, j) and \
                s.lower(j + 1) in FRACTION_DENOMINATORS and s.lower(j + 1) != "half":
            return fraction_from(s, i, j + 2, current, FRACTION_DENOMINATORS[s.lower(j + 1)])
        else:
            break
        j += 1
        last_good = j
    if last_good == i:
        return None
    return _spelled_mention(s, i, last_good, total + current, precision, previous == "scale")


def _spelled_mention(s: TokenView, i: int, last: int, value: float, precision: float, scaled: bool) -> Mention | None:
    """The mention of number words read from token ``i`` to ``last``: a ratio ("one in four"), or a
    number with any scale word after it ("two million")."""
    if last == i + 1 and value == 1 and s.lower(i + 1) not in ("in", "out") and not one_counts(s, i) and \
            not one_compound(s, i):
        return None  # a bare "one" is a pronoun or determiner far more often than a count
    ratio = ratio_from(s, i, last, value)
    if ratio is not None:
        return ratio
    if not scaled:
        scale, last, _ = scale_after(s, i, last)
        if scale != 1.0:
            value *= scale
            precision = scale
    return make_mention(i, last, s.tokens[i].start, s.tokens[last - 1].end, value, precision, "number",
                        scale=precision if precision > 1 else 1.0)


def spoken_fraction(s: TokenView, j: int) -> tuple[float, int] | None:
    """"three fifths", "two thirds" starting at token j: (value, token after), or None."""
    numerator = UNITS.get(s.lower(j), 0) or TENS.get(s.lower(j), 0)
    denominator = FRACTION_DENOMINATORS.get(s.lower(j + 1))
    if not numerator or not denominator or not s.lower(j + 1).endswith("s"):
        return None
    return numerator / denominator, j + 2


def spoken_decimals(s: TokenView, j: int) -> tuple[float, int]:
    """Digits after a spoken "point": "five point five" → .5, "nine point nought four" → .04."""
    digits = ""
    while j < len(s.tokens):
        w = s.tokens[j].lower
        if w in UNITS and (UNITS[w] < 10 or not digits):
            digits += str(UNITS[w])  # "nought point eleven" is .11
            if UNITS[w] >= 10:
                j += 1
                break
        elif w in TENS:
            digits += str(TENS[w] // 10)
            if s.lower(j + 1) == "-" and UNITS.get(s.lower(j + 2), 10) < 10:
                digits += str(UNITS[s.lower(j + 2)])
                j += 2
            else:
                digits += "0"
        else:
            break
        j += 1
    return (float("0." + digits) if digits else 0.0), j


def fraction_from(s: TokenView, i: int, last: int, numerator: float, denominator: int) -> Mention:
    value = numerator / denominator
    return make_mention(i, last, s.tokens[i].start, s.tokens[last - 1].end, value, 0.0, "fraction")


def ratio_from(s: TokenView, i: int, last: int, value: float) -> Mention | None:
    """"one in four" / "3 in 10": a share of a whole, read as a fraction."""
    if s.lower(last) == "out" and s.lower(last + 1) == "of":
        last += 1  # "one out of three": read like "one in three"
    elif s.lower(last) != "in":
        return None
    if s.tok(last + 1) is None:
        return None
    t = s.tokens[last + 1]
    if t.is_digit:
        parsed = parse_digits(t.text)
        denominator = parsed[0] if parsed else 0.0
    else:
        denominator = float(UNITS.get(t.lower, 0) or TENS.get(t.lower, 0) or
                            (100 if t.lower == "hundred" else 0))
        if t.lower == "a" and s.lower(last + 2) in ("hundred", "thousand"):
            return make_mention(i, last + 3, s.tokens[i].start, s.tokens[last + 2].end,
                         value / SCALES[s.lower(last + 2)], 0.0, "ratio")
    if not denominator or denominator < value or denominator > 1000 or (t.is_digit and len(t.text) == 4):
        return None
    return make_mention(i, last + 2, s.tokens[i].start, t.end, value / denominator, 0.0, "ratio")


def article_number_at(s: TokenView, i: int) -> Mention | None:
    """"a dozen", "a hundred", "a million", "a third", "a quarter", "a half" — never "a" alone."""
    nxt = s.tok(i + 1)
    if nxt is None:
        return None
    w = nxt.lower
    tokens = s.tokens
    if w == "dozen":
        return make_mention(i, i + 2, tokens[i].start, nxt.end, 12.0, 1.0, "number")
    if w in ("hundred", "thousand", "million", "billion", "trillion"):
        scale = SCALES[w]
        value, last = scale, i + 2
        if w == "hundred" and s.lower(i + 2) in ("thousand", "million"):
            value, last = 100 * SCALES[s.lower(i + 2)], i + 3
        return make_mention(i, last, tokens[i].start, tokens[last - 1].end, value, scale, "number", scale=scale)
    ends = s.tok(i + 2) is None or s.tokens[i + 2].text in ",.;:!?)"
    if w in FRACTION_DENOMINATORS and not w.endswith("s") and (fraction_context(s, i + 1) or ends):
        value = 1 / FRACTION_DENOMINATORS[w]
        scaled = fraction_of_scale(s, i, i + 2, value)
        return scaled or make_mention(i, i + 2, tokens[i].start, nxt.end, value, 0.0, "fraction")
    return None


def fraction_context(s: TokenView, j: int) -> bool:
    """"a third of", "a quarter of the", "half the": a share of something, not "a quarter past"."""
    nxt = s.lower(j + 1)
    if nxt in ("of", "the", "its", "their", "his", "her", "our", "all", "those", "these"):
        return True
    return s.tok(j + 1) is not None and s.tokens[j + 1].text in ",.;" and s.lower(j - 1) in (
        "a", "than", "about", "nearly", "almost", "roughly", "around", "just", "over", "below", "under", "above")


def bare_fraction_at(s: TokenView, i: int) -> Mention | None:
    """"half", "half the members", "half a million" (but not "first half" or "half-time")."""
    tokens = s.tokens
    w = tokens[i].lower
    prev = s.lower(i - 1)
    if prev in ("first", "second", "third", "the", "a", "an", "one", "last", "other", "latter", "top", "bottom"):
        return None
    if s.tok(i + 1) is not None and tokens[i + 1].text == "-" and s.glued(i, i + 1):
        return None
    if w == "half":
        scaled = fraction_of_scale(s, i, i + 1, 0.5)
        if scaled:
            return scaled
        if fraction_context(s, i) or prev in ("than", "nearly", "almost", "about", "around", "roughly", "over",
                                                "under", "just", "some"):
            return make_mention(i, i + 1, tokens[i].start, tokens[i].end, 0.5, 0.0, "fraction")
    return None


def fraction_of_scale(s: TokenView, i: int, j: int, fraction: float) -> Mention | None:
    """"half a million" is 500,000 and "a quarter of a million" 250,000: counts, not fractions.
    ``j`` is the token after the fraction word."""
    if s.lower(j) == "of" and fraction != 0.5:
        j += 1
    if s.lower(j) in ("a", "an") and s.lower(j + 1) in ("million", "billion", "thousand", "dozen"):
        word = s.lower(j + 1)
        value = fraction * (12.0 if word == "dozen" else SCALES[word])
        return make_mention(i, j + 2, s.tokens[i].start, s.tokens[j + 1].end, value, value / 5, "number")
    return None


def vague_at(s: TokenView, i: int) -> Mention | None:
    tokens = s.tokens
    w = tokens[i].lower
    if w in ("tens", "hundreds") and s.lower(i + 1) == "of" and (w, s.lower(i + 2)) in VAGUE_COMPOUND:
        low, high = VAGUE_COMPOUND[(w, s.lower(i + 2))]
        return make_mention(i, i + 3, tokens[i].start, tokens[i + 2].end, low, 0.0, "vague", low=low, high=high)
    if w in ("several", "few"):
        if w == "few" and s.lower(i - 1) != "a":
            return None
        nxt = s.lower(i + 1)
        if nxt in ("hundred", "thousand", "million", "billion", "dozen"):
            scale = 12.0 if nxt == "dozen" else SCALES[nxt]
            low, high = (3 * scale, 9 * scale) if w == "several" else (2 * scale, 5 * scale)
            start_index = i - 1 if w == "few" else i
            return make_mention(start_index, i + 2, tokens[start_index].start, tokens[i + 1].end, low, 0.0, "vague",
                         low=low, high=high)
        return None
    if w in VAGUE:
        if w == "scores" and s.lower(i + 1) == "of" and s.tok(i + 2) is not None and s.tokens[i + 2].is_digit:
            return None  # "winning by scores of 116-112": the judges' scores, not "many"
        if w in ("scores", "millions", "billions", "thousands", "hundreds", "dozens") and \
                s.lower(i + 1) not in ("of", "more", "upon", "were", "have", "had", "are", "died", "fled",
                                           "gathered", "attended", "took", "marched", "joined", "took", "lost"):
            if w == "scores":
                return None
            if w in ("millions", "billions") and s.lower(i + 1) in ("in", "to", "on"):
                return None
        low, high = VAGUE[w]
        return make_mention(i, i + 1, tokens[i].start, tokens[i].end, low, 0.0, "vague", low=low, high=high)
    return None


def one_counts(s: TokenView, i: int) -> bool:
    """"One person died", "one goal": "one" right before a noun counts one thing. "one of the
    biggest", "one day", "no one", "the one that" do not (GUIDELINES §1); "a"/"an" never count."""
    if s.lower(i - 1) in NOT_COUNTING_BEFORE_ONE:
        return False
    if s.lower(i + 1) == "of":  # "just one of their first six games": a part of a counted whole
        return any(t.is_digit or t.lower in UNITS or t.lower in TENS for t in s.tokens[i + 2 : i + 6])
    nxt = s.tok(i + 1)
    if nxt is None or not nxt.is_word or not nxt.text.islower() or s.glued(i, i + 1):
        return False
    w = nxt.lower
    return not (w in STOP or w in NOT_COUNTED_AFTER_ONE or w.endswith(("ly", "ed", "ing", "est")))


def one_compound(s: TokenView, i: int) -> bool:
    """"a one-yen bid", "a one-year deal": "one" hyphened to a currency or duration is a quantity."""
    if s.lower(i + 1) in DURATIONS and s.lower(i + 2) == "old":
        return True  # "a promise that is one year old"
    return s.text_of(i + 1) in "-‐" and s.glued(i, i + 1) and s.glued(i + 1, i + 2) and \
        (s.lower(i + 2) in CURRENCY_WORDS or s.lower(i + 2) in DURATIONS)
