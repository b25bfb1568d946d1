"""Interval arithmetic over printed figures, shared by the arithmetic checks.

A printed figure is not a point: "4.3 million" is anything from 4.25 to 4.35 million, and "about
40%" is wider still. The extractor folds rounding and qualifiers into ``Claim.low``/``Claim.high``;
the checks combine those intervals here and fire only when the intervals a relation needs cannot
meet. That is statcheck's lesson: its false alarms came from comparing bare values and ignoring
rounding. Keeping the arithmetic in one module means every check rounds the same way.

All operations are conservative (the result holds every value the operands allow), so a check
that asks "can these overlap?" never says no when some reading of the text says yes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numcheck.model import Claim

__all__ = ["Interval", "format_number", "format_percent", "is_round_thousand", "of_claim", "round_thousands",
           "rounded_or_cut", "share_percent", "total"]


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval [low, high] of real numbers.

    >>> Interval(1, 2) + Interval(10, 20)
    Interval(low=11, high=22)
    >>> Interval(84, 84) / Interval(111.5, 112.5) * 100 == Interval(84 / 112.5 * 100, 84 / 111.5 * 100)
    True
    """

    low: float
    high: float

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2

    def __add__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        return Interval(self.low + o.low, self.high + o.high)

    def __sub__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        return Interval(self.low - o.high, self.high - o.low)

    def __mul__(self, other: Interval | float) -> Interval:
        o = _as_interval(other)
        products = (self.low * o.low, self.low * o.high, self.high * o.low, self.high * o.high)
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval | float) -> Interval:
        """Division; a divisor interval that holds zero gives the whole real line (anything goes)."""
        o = _as_interval(other)
        if o.low <= 0 <= o.high:
            return Interval(-math.inf, math.inf)
        return self * Interval(1 / o.high, 1 / o.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def widen(self, amount: float) -> Interval:
        """The interval grown by ``amount`` on each side (a tolerance beyond rounding).

        >>> Interval(64.5, 65.5).widen(0.5)
        Interval(low=64.0, high=66.0)
        """
        return Interval(self.low - amount, self.high + amount)

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def overlaps(self, other: Interval) -> bool:
        """True when some value lies in both; touching ends count, so exact rounding edges pass.

        >>> Interval(0, 70.25).overlaps(Interval(70.25, 71))
        True
        """
        return self.low <= other.high + _EPS * _scale(other.high) and other.low <= self.high + _EPS * _scale(self.high)

    def is_above(self, other: Interval) -> bool:
        """True when every value of self exceeds every value of ``other``."""
        return self.low > other.high + _EPS * _scale(other.high)

    def is_below(self, other: Interval) -> bool:
        return other.is_above(self)

    @property
    def is_finite(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)

    def compare(self, op: str, other: Interval, tolerance: float = 0.0) -> bool | None:
        """Whether ``self op other`` holds for every pair of values (True), for none (False), or
        only for some (None); ``op`` is one of ``== != < <= > >=``.

        Built on `is_above` and `overlaps` alone, so the expression language and the arithmetic
        checks judge the same figures alike, float slack included (values within ``_EPS`` of each
        other are equal): ``part <= whole`` is False exactly when ``part_whole`` fires, ``a == b``
        is False exactly when the intervals do not overlap. ``tolerance`` is an absolute slack:
        ``x <= y`` means ``x <= y + tolerance``, ``x < y`` means ``x < y + tolerance`` and
        ``x == y`` means ``|x - y| <= tolerance``.

        >>> Interval(5, 5).compare("<", Interval(5, 5))
        False
        >>> Interval.point(0.1 + 0.2).compare("==", Interval.point(0.3))
        True
        >>> Interval(29.5, 30.5).compare("<=", Interval.point(30)) is None
        True
        """
        if op in (">", ">="):
            return other.compare("<" if op == ">" else "<=", self, tolerance)
        if op == "<=":
            if self.is_above(other.widen(tolerance)):
                return False
            top, bottom = Interval.point(self.high), Interval.point(other.low + tolerance)
            return None if top.is_above(bottom) else True
        if op == "<":  # x < y + t is the negation of y + t <= x
            return _negate((other + tolerance).compare("<=", self))
        if op not in ("==", "!="):
            raise ValueError(f"unknown comparison {op!r}")
        if not self.overlaps(other.widen(tolerance)):
            equal: bool | None = False
        elif self.compare("<=", other, tolerance) and other.compare("<=", self, tolerance):
            equal = True
        else:
            equal = None
        return equal if op == "==" else _negate(equal)


def _negate(value: bool | None) -> bool | None:
    return None if value is None else not value


#: Relative slack for float noise, so 0.1 + 0.2 meets 0.3: far below any rounding a text can print.
_EPS = 1e-9


def _scale(x: float) -> float:
    return max(abs(x), 1.0) if math.isfinite(x) else 1.0


def _as_interval(value: Interval | float) -> Interval:
    return value if isinstance(value, Interval) else Interval(value, value)


def of_claim(claim: Claim) -> Interval:
    """The interval a claim can honestly mean; falls back to its value if low/high are unset.

    A count of things is a whole number, so its interval shrinks to the whole numbers inside it:
    "41" (40.5-41.5 as a rounded figure) can only be 41, and "41 of the 40 nations" is then a part
    above its whole instead of two intervals that touch at 40.5. A figure printed with decimals
    ("4.5 times") is no count of things and keeps its interval.

    >>> from numcheck.model import Claim
    >>> c = Claim("c1", "41", 41, "count", None, "eq", 40.5, 41.5, 1, 0, 2, 0, 0, 1, 1)
    >>> of_claim(c)
    Interval(low=41, high=41)
    """
    low, high = claim.low, claim.high
    if low is None or high is None or math.isnan(low) or math.isnan(high):
        return Interval.point(claim.value)
    low, high = min(low, high), max(low, high)
    # Only a whole figure counts things: "a maximum of 4.5 times" an income is a multiple, and its
    # bound [0, 4.55] must not shrink to [0, 4] and miss the "4.5 times" restating it.
    if claim.unit == "count" and math.isfinite(low) and math.isfinite(high) and float(claim.value).is_integer():
        whole_low, whole_high = math.ceil(low - _EPS * _scale(low)), math.floor(high + _EPS * _scale(high))
        if whole_low <= whole_high:
            return Interval(whole_low, whole_high)
    return Interval(low, high)


#: How far a fraction word rounds the share it names: "a quarter" is said of 24% or 26%.
_FRACTION_WORD_ROUNDING = 0.1


def share_percent(claim: Claim) -> Interval:
    """A share said as a fraction ("a quarter", "one in four", "more than half") in percent, as a
    percentage stated beside it may honestly be. A share lies within the whole, so an open bound
    stops at 100%: "more than half" is (50, 100]. A fraction word rounds, so each side of it is
    widened by a tenth of its value, except a side its qualifier makes a bound: "more than half"
    says above 50% and "almost a quarter" at most 25%, so 45% breaks the one and 26% the other.

    >>> from numcheck.model import Claim
    >>> share_percent(Claim("c1", "half", 0.5, "fraction", None, "gt", 0.5, float("inf"), 0, 0, 4, 0, 0, 1, 1))
    Interval(low=50.0, high=105.0)
    >>> share_percent(Claim("c1", "a quarter", 0.25, "fraction", None, "eq", 0.25, 0.25, 0, 0, 9, 0, 0, 1, 1))
    Interval(low=22.5, high=27.5)
    """
    base = of_claim(claim)
    low, high = max(base.low, 0.0) * 100, min(base.high, 1.0) * 100
    widen = _FRACTION_WORD_ROUNDING * abs(claim.value) * 100
    if claim.qualifier not in ("gt", "ge"):
        low -= widen
    if claim.qualifier not in ("lt", "le"):
        high += widen
    return Interval(low, high)


def rounded_or_cut(claim: Claim) -> Interval:
    """A stated figure read as rounded or as cut off at its last digit: "jumped 338%" for a rise of
    338.8%. Writers often drop the decimals of a computed change rather than round them; the cut
    reading moves the figure's far end (away from zero) a whole unit of its last digit.

    >>> from numcheck.model import Claim
    >>> rounded_or_cut(Claim("c1", "338%", 338, "percent", None, "eq", 337.5, 338.5, 1, 0, 4, 0, 0, 1, 1))
    Interval(low=337.5, high=339)
    """
    base = of_claim(claim)
    if claim.qualifier not in ("eq", "approx") or not claim.precision or not base.is_finite:
        return base
    if claim.value < 0:
        return Interval(min(base.low, claim.value - claim.precision), base.high)
    return Interval(base.low, max(base.high, claim.value + claim.precision))


#: Round figures start at a thousand: "£600" is as often exact as not.
_ROUND_THOUSAND = 1000


def round_thousands(claim: Claim) -> Interval:
    """A whole figure in round thousands ("£6,000", "16,000") read as rounded to two significant
    figures, which is how people speak of bills and crowds ("16,000" for 15,700); any other figure
    as printed. Two figures, not one: "2,000" read as anything from 1,500 to 2,500 would let any
    stated change through.

    >>> from numcheck.model import Claim
    >>> round_thousands(Claim("c1", "£6,000", 6000, "GBP", None, "eq", 5999.5, 6000.5, 1, 0, 6, 0, 0, 1, 1))
    Interval(low=5950.0, high=6050.0)
    >>> round_thousands(Claim("c2", "16,000", 16000, "count", None, "eq", 15999.5, 16000.5, 1, 0, 6, 0, 0, 1, 1))
    Interval(low=15500.0, high=16500.0)
    """
    base = of_claim(claim)
    if not is_round_thousand(claim):
        return base
    half = 10 ** (len(str(int(abs(claim.value)))) - 2) / 2
    return Interval(min(base.low, claim.value - half), max(base.high, claim.value + half))


def is_round_thousand(claim: Claim) -> bool:
    """Whether a figure is a whole number of thousands printed to the unit ("16,000", not "16m")."""
    return (claim.qualifier in ("eq", "approx") and claim.precision == 1 and abs(claim.value) >= _ROUND_THOUSAND
            and float(claim.value).is_integer() and claim.value % _ROUND_THOUSAND == 0)


def total(intervals: Iterable[Interval]) -> Interval:
    """The sum of intervals.

    >>> total([Interval(32.5, 33.5)] * 3)
    Interval(low=97.5, high=100.5)
    """
    low = high = 0.0
    for interval in intervals:
        low += interval.low
        high += interval.high
    return Interval(low, high)


def format_number(value: float, digits: int = 1) -> str:
    """A figure as an explanation prints it: integers with separators, others to ``digits`` places,
    large round figures with a scale word, so the arithmetic reads like the article.

    >>> format_number(2500000), format_number(15000), format_number(2.58, 2), format_number(6.5e9)
    ('2.5 million', '15,000', '2.58', '6.5 billion')
    """
    if not math.isfinite(value):
        return str(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            scaled = value / scale
            text = f"{scaled:,.3f}".rstrip("0").rstrip(".")
            return f"{text} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return text if float(text.replace(",", "")) != 0 or value == 0 else f"{value:.{digits + 2}g}"


def format_percent(value: float, sign: bool = False) -> str:
    """A percentage to one decimal place, with an explicit sign for changes.

    >>> format_percent(70.333), format_percent(16.0, sign=True), format_percent(-12.5, sign=True)
    ('70.3%', '+16.0%', '-12.5%')
    """
    return f"{value:+.1f}%" if sign else f"{value:.1f}%"
