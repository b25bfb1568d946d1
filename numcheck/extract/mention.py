"""A figure as written (`Mention`): its tokens, span, value, precision and the interval it allows.

Every reader of the number grammar builds mentions through `make_mention`, so the rounding
interval ("4.3 million" is 4.25 to 4.35 million) and the guard against non-finite values
("1e308" squared, a 400-digit run) are decided in one place.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["MAX_DIGITS", "Mention", "make_mention", "parse_digits"]

_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
#: The most digits before the decimal point a figure may have (Japan's debt in yen has 16).
MAX_DIGITS = 16


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


def make_mention(first: int, last: int, start: int, end: int, value: float, precision: float, kind: str, *,
                 low: float | None = None, high: float | None = None, scale: float = 1.0,
                 suffix: str = "") -> Mention:
    """A mention whose interval defaults to half a unit of the last printed digit either side."""
    half = precision / 2
    lo = value - half if low is None else low
    hi = value + half if high is None else high
    if not (math.isfinite(value) and math.isfinite(lo) and math.isfinite(hi)):
        value, lo, hi = 0.0, 0.0, 0.0
    return Mention(first, last, start, end, value, precision, kind, min(lo, value), max(hi, value), scale, suffix)


def parse_digits(text: str) -> tuple[float, float] | None:
    """Value and precision of a digit run, or None when it is not one number in English.

    A comma must group thousands ("1,24" is not a number) and a full stop is a decimal point,
    so "1.240" is 1.24, never 1240.

    More than `MAX_DIGITS` digits before the point is an identifier or noise, not a figure: no
    count or sum in news needs them, and a float cannot hold them exactly (400 digits would be
    infinite).

    >>> parse_digits("1,240"), parse_digits("1.240"), parse_digits("1,24"), parse_digits("9" * 400)
    ((1240.0, 1.0), (1.24, 0.001), None, None)
    """
    if len(text) > MAX_DIGITS and len(text.partition(".")[0].replace(",", "")) > MAX_DIGITS:
        return None
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
