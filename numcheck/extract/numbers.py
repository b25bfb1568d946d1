"""The number grammar: where a figure is written in a sentence, and what it is worth.

This module reads digits (``1,240``, ``5 000``, ``1.1``), signs and mixed fractions, and hands
number words to `numcheck.extract.spelled`, scales to `numcheck.extract.scales`, refusals to
`numcheck.extract.nonquantities` and pairs to `numcheck.extract.ranges`. It knows nothing of units.

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

import re

from numcheck.english import TENS, UNITS
from numcheck.extract.mention import MAX_DIGITS, Mention, make_mention, parse_digits
from numcheck.extract.nonquantities import NonQuantity, in_dash_chain, refusal
from numcheck.extract.ranges import combine
from numcheck.extract.scales import scale_after
from numcheck.extract.spelled import WORD_STARTS, ratio_from, spelled_at, words_at
from numcheck.extract.tokens import TokenView, tokenize

__all__ = ["non_quantities", "scan", "scan_view"]

_THREE_DIGITS = re.compile(r"\d{3}(?:\.\d+)?")
_SPACE_GROUP = frozenset(" \u00a0\u2009\u202f")


def scan(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every figure in ``text[start:end]`` (one sentence), in reading order."""
    return scan_view(TokenView(text, tokenize(text, start, end)))


def non_quantities(text: str, start: int = 0, end: int | None = None) -> list[NonQuantity]:
    """What in ``text[start:end]`` (one sentence) looks like a figure but is not, and why.

    >>> [(n.text, n.reason) for n in non_quantities("On March 3 No. 4 Duke hit a 3-pointer at 9pm.")]
    [('3', 'date'), ('4', 'rank'), ('3', 'name'), ('9', 'time')]
    """
    view = TokenView(text, tokenize(text, start, end))
    scan_view(view)
    return [NonQuantity(a, b, text[a:b], reason) for a, b, reason in view.refused]


def scan_view(s: TokenView) -> list[Mention]:
    """Every figure of the sentence ``s``, in reading order."""
    mentions: list[Mention] = []
    tokens = s.tokens
    i = 0
    n = len(tokens)
    while i < n:
        token = tokens[i]
        if token.is_digit:
            found, skip_to = digits_at(s, i)
        elif token.lower not in WORD_STARTS:
            i += 1  # most tokens: one set lookup and on
            continue
        elif token.lower in ("minus", "negative"):
            after = tokens[i + 1] if i + 1 < n else None
            if after is None or not (after.is_digit or after.lower in UNITS or after.lower in TENS):
                i += 1
                continue
            found, skip_to = negated_at(s, i)
        else:
            found = words_at(s, i)
            skip_to = found.last if found is not None else i + 1
        if found is not None:
            mentions.append(found)
        i = max(skip_to, i + 1)
    return combine(s, mentions)


def digits_at(s: TokenView, i: int) -> tuple[Mention | None, int]:
    """Read a digit run at token i (with grouping, sign, scale); None if it is not a quantity."""
    tokens = s.tokens
    token = tokens[i]
    last = i + 1
    if in_dash_chain(s, i):
        s.refuse(i, last, "code")
        return None, last
    parsed = parse_digits(token.text)
    if parsed is None:
        if len(token.text) > MAX_DIGITS:
            s.refuse(i, last, "too_long")
        return None, last
    value, precision = parsed
    ratio = digit_ratio(s, i, value)
    if ratio is not None:
        return ratio, ratio.last
    # "5 000", "1 234 567.89": space-grouped thousands, every group exactly three digits.
    if token.text.isdigit() and len(token.text) <= 3 and (i == 0 or not tokens[i - 1].is_digit):
        while last < len(tokens) and _THREE_DIGITS.fullmatch(tokens[last].text) and \
                tokens[last].start - tokens[last - 1].end == 1 and \
                s.text[tokens[last - 1].end] in _SPACE_GROUP and precision == 1.0 and value < 1e12:
            group, _, decimals = tokens[last].text.partition(".")
            value = value * 1000 + float(group + ("." + decimals if decimals else ""))
            precision = 10.0 ** -len(decimals) if decimals else 1.0
            last += 1
    slashed = slash_fraction(s, i)
    if slashed is not None:
        return slashed, slashed.last
    mixed = mixed_fraction(s, last)
    if mixed is not None and precision == 1.0:
        value, last, precision = value + mixed[0], mixed[1], 0.0
    reason = refusal(s, i, last, value, precision if mixed is None else 1.0)
    if reason:
        s.refuse(i, last, reason)
        return None, last
    start = token.start
    if is_negative(s, i):
        start -= 1
        value = -value
    scale, last, suffix = scale_after(s, i, last)
    mention = make_mention(i, last, start, tokens[last - 1].end, value * scale, precision * scale, "number",
                    scale=scale, suffix=suffix)
    return mention, last


#: Denominators of a share written "3 in 10" with any numerator; "1 in N" takes any N.
_ROUND_DENOMINATORS = frozenset({"10", "100", "1000", "1,000"})


def digit_ratio(s: TokenView, i: int, value: float) -> Mention | None:
    """"1 in 5 drivers", "3 in 10 adults": a share in digits, read as "one in five" is. Only "1 in N"
    and "N in 10/100/1,000" count: "scored 23 in 26 games" is a tally, not a share, and "1 in
    302.5m" carries a scale the ratio would drop."""
    token, denominator = s.tokens[i], s.tok(i + 2)
    if not token.text.isdigit() or s.lower(i + 1) != "in" or denominator is None or not denominator.is_digit:
        return None
    if not denominator.text.replace(",", "").isdigit() or scale_after(s, i + 2, i + 3)[0] != 1.0:
        return None
    if value != 1 and denominator.text not in _ROUND_DENOMINATORS:
        return None
    return ratio_from(s, i, i + 1, value)


def mixed_fraction(s: TokenView, j: int) -> tuple[float, int] | None:
    """"10 1/2": a whole number, a space, then a small proper fraction written with a slash."""
    a, slash, b = s.tok(j), s.tok(j + 1), s.tok(j + 2)
    if a is None or slash is None or b is None or slash.text != "/" or not (a.is_digit and b.is_digit):
        return None
    if not (s.glued(j, j + 1) and s.glued(j + 1, j + 2)) or s.tokens[j - 1].end == a.start:
        return None
    if not (a.text.isdigit() and b.text.isdigit()) or int(b.text) not in (2, 3, 4, 5, 8, 10, 16):
        return None
    if int(a.text) >= int(b.text):
        return None
    return int(a.text) / int(b.text), j + 3


def negated_at(s: TokenView, i: int) -> tuple[Mention | None, int]:
    """"minus 5", "negative one": the figure after the word, with its sign flipped."""
    if s.tokens[i + 1].is_digit:
        found, last = digits_at(s, i + 1)
    else:
        found = spelled_at(s, i + 1) if s.tokens[i + 1].lower != "one" or True else None
        if found is None and s.tokens[i + 1].lower == "one":
            found = make_mention(i + 1, i + 2, s.tokens[i + 1].start, s.tokens[i + 1].end, 1.0, 1.0, "number")
        last = found.last if found else i + 2
    if found is None or found.value < 0 or found.kind not in ("number", "fraction"):
        return found, last
    return make_mention(i, found.last, s.tokens[i].start, found.end, -found.value, found.precision, found.kind,
                 scale=found.scale, suffix=found.suffix), found.last


def is_negative(s: TokenView, i: int) -> bool:
    """A minus sign glued to the digits and not closing a range ("30-40") or a name."""
    prev = s.tok(i - 1)
    if prev is None or prev.text not in "-−" or not s.glued(i - 1, i):
        return False
    before = s.tok(i - 2)
    return before is None or (not s.glued(i - 2, i - 1) and not before.is_digit) or before.text in "(["


def slash_fraction(s: TokenView, i: int) -> Mention | None:
    """"3/4", "a 1/4 mile": a small proper fraction written with a slash, alone (not "3/4/2019",
    not "24/7", not "1/2" inside "1/2/3"). Denominators are the ones recipes and distances use."""
    tokens = s.tokens
    if i + 2 >= len(tokens) or tokens[i + 1].text != "/" or not tokens[i + 2].is_digit or \
            not (s.glued(i, i + 1) and s.glued(i + 1, i + 2)):
        return None
    numerator, denominator = tokens[i].text, tokens[i + 2].text
    if not (numerator.isdigit() and denominator.isdigit()) or int(denominator) not in (2, 3, 4, 5, 6, 8, 10, 16) or \
            not 0 < int(numerator) < int(denominator):
        return None
    if (s.text_of(i + 3) in "/-" and s.glued(i + 2, i + 3)) or (s.text_of(i - 1) in "/" and s.glued(i - 1, i)) or \
            (s.tok(i - 1) is not None and s.tokens[i - 1].is_digit and s.tokens[i - 1].end + 1 == tokens[i].start):
        return None  # a date or code, or the fraction part of "10 1/2" (read by mixed_fraction)
    if s.tok(i + 3) is not None and s.glued(i + 2, i + 3) and s.tokens[i + 3].is_word:
        return None
    value = int(numerator) / int(denominator)
    start = tokens[i].start
    if is_negative(s, i):
        start, value = start - 1, -value
    return make_mention(i, i + 3, start, tokens[i + 2].end, value, 0.0, "fraction")
