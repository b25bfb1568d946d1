"""A figure and its conversion that disagree: "100F (47C)", "$10bn (£8.2m)".

Why it matters: a conversion is arithmetic on the figure beside it, so when the two disagree one of
them is wrong, usually a scale word slipped in the bracket or the conversion was done from another
figure. The check reads the ``repeated_figure`` relations whose two figures are in two units of one
dimension (the conversion linker makes them only for "A (B)": a bracket holding nothing but the
converted figure).

Physical units convert exactly (`numcheck.conversions`). Each figure stands for what its printing
allows: its own rounding, a cut-off last digit ("100F (37C)" for 37.8C), and rounding to fewer
figures, since a writer converting "100km" prints "60 miles" for 62.1 (a figure ending in zeros
may be rounded to its last non-zero digit, by at most a tenth of its value). A temperature agrees
if it converts as a level or as a difference ("warming of 1.5C (2.7F)"). Beyond all that a
``tolerance`` share of the converted value is allowed (default 5%) for "about" conversions.

Money has no fixed rate and nothing is fetched, so a pair of currencies agrees when the rate the two
figures imply lies in the band the two currencies' dollar rates spanned over 2000-2030
(`numcheck.conversions.UNITS_PER_DOLLAR`, widened). A figure outside that band is never a rate
that moved: it is a scale-word slip or a sum converted from another figure. The default packs give
money to its own rule at error (as the scale slips of ``repeated-money-scale``: no rounding or
wording explains them) and physical units at warning: a physical mismatch may be a few per cent
past the rounding allowed, and rests on the unit words being read right (a "mile" that was nautical).

Fails:
    Temperatures reached 100F (47C) on Monday.
    The firm paid $10bn (£8.2m) for the mine.

Passes:
    Temperatures reached 100F (37C) on Monday.
    The firm paid $10bn (£8.2bn) for the mine.
    Global heating of 1.5C (2.7F) is the limit.

Params:
    tolerance: relative difference (0.05 is 5%) allowed beyond the figures' rounding. Default 0.05.
    money: "include" (default), "exclude" or "only": which conversions a rule checks, by whether
        they are between two currencies.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from numcheck.checks._linked import linked, param
from numcheck.checks.finding import make_finding
from numcheck.checks.kind import CheckKind, number
from numcheck.conversions import BARE_DOLLARS, TEMPERATURES, UNITS, UNITS_PER_DOLLAR, dimension
from numcheck.figures import format_number
from numcheck.intervals import Interval, rounded_or_cut

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    tolerance = float(param(rule, CHECK, "tolerance"))
    money = str(param(rule, CHECK, "money"))
    findings = []
    for _, roles in linked(relations, claims, "repeated_figure"):
        if not (roles.get("first") and roles.get("second")):
            continue
        first, second = roles["first"][0], roles["second"][0]
        if first.unit == second.unit or not _convertible(first, second):
            continue
        is_money = first.unit in UNITS_PER_DOLLAR
        if (money == "exclude" and is_money) or (money == "only" and not is_money):
            continue
        ends = list(zip(_ends(first), _ends(second), strict=True))
        if is_money:
            band = _rate_band(first, second)
            if band is None or all(b.widen(tolerance * abs(b.mid)).overlaps(a * band) for a, b in ends):
                continue
            rate = second.value / first.value if first.value else float("nan")
            pair = f"{_currency_name(second)} per {_currency_name(first)}"
            said = (f"{second.text.strip()!r} for {first.text.strip()!r} is {_rate(rate)} {pair}, outside the "
                    f"{_rate(band.low)}-{_rate(band.high)} of any year 2000-2030: a scale-word slip or a sum "
                    f"converted from another figure")
            findings.append(make_finding(rule, [second, first], explanation=said, actual=second.value))
            continue
        readings = [[_convert(a, first.unit, second.unit, level) for a, _ in ends] for level in _readings(first)]
        if any(all(b.widen(tolerance * abs(b.mid)).overlaps(c) for c, (_, b) in zip(converted, ends, strict=True))
               for converted in readings):
            continue
        printed = (first.low, first.high) if first.kind == "range" else (first.value,)
        exact = [_convert(Interval.point(v), first.unit, second.unit, True).mid for v in printed]
        said = (f"{first.text.strip()!r} is {'-'.join(format_number(v, 2) for v in exact)} ({second.unit}),"
                f" but the text converts it to {second.text.strip()!r}")
        findings.append(make_finding(rule, [second, first], explanation=said, expected=exact[0],
                                     actual=second.value))
    return findings


def _convertible(first: Claim, second: Claim) -> bool:
    """Two units this check can compare: one physical dimension, two temperatures or two currencies."""
    return dimension(first.unit) is not None and dimension(first.unit) == dimension(second.unit)


def _readings(claim: Claim) -> tuple[bool, ...]:
    """Whether a figure converts as a level (True) or a difference (False). A temperature may be
    either ("warming of 1.5C (2.7F)") while it is small enough to be a difference news states: up
    to ``_LARGEST_DIFFERENCE`` degrees Celsius. "100F (47C)" is then a level only, and fires."""
    if claim.unit not in TEMPERATURES:
        return (True,)
    scale = TEMPERATURES[claim.unit][0]
    return (True, False) if abs(claim.value) * scale <= _LARGEST_DIFFERENCE else (True,)


#: The largest temperature difference (in degrees Celsius) read as one: "20C (36F) above normal".
_LARGEST_DIFFERENCE = 30.0


def _convert(value: Interval, unit: str, to: str, level: bool) -> Interval:
    """``value`` in ``unit`` expressed in ``to``; a temperature as a level or as a difference."""
    if unit in TEMPERATURES:
        (scale, zero), (to_scale, to_zero) = TEMPERATURES[unit], TEMPERATURES[to]
        celsius = value * scale + (zero if level else 0.0)
        return (celsius - (to_zero if level else 0.0)) * (1 / to_scale)
    low, high = UNITS[unit][1]
    to_low, to_high = UNITS[to][1]
    return value * Interval(low / to_high, high / to_low)


def _rate_band(first: Claim, second: Claim) -> Interval | None:
    """The units of ``second``'s currency one unit of ``first``'s bought at any time the table covers,
    or None when either currency is not told by its printing (see `_per_dollar`)."""
    bands = _per_dollar(first), _per_dollar(second)
    if bands[0] is None or bands[1] is None:
        return None
    (low, high), (to_low, to_high) = bands
    return Interval(to_low / high, to_high / low)


#: A dollar sum that names its country: "US$5m", "A$30m", "NZ$3m", "5m Australian dollars".
_NAMED_DOLLAR = re.compile(r"[A-Z]{1,2}\$|\b(?:US|American|Australian|Canadian|New\s+Zealand|Hong\s+Kong|"
                           r"Singapore)\b")
#: Pounds named after a country other than Britain: "100 Egyptian pounds" (read as sterling).
_OTHER_POUND = re.compile(r"\b(?!British\b)[A-Z][a-z]+\s+pounds?\b")


def _currency_name(claim: Claim) -> str:
    """The figure's currency code, or "dollar" for a dollar that names no country."""
    return "dollar" if _is_bare_dollar(claim) else claim.unit


def _is_bare_dollar(claim: Claim) -> bool:
    return claim.unit in (*BARE_DOLLARS, "HKD", "SGD") and not _NAMED_DOLLAR.search(claim.text)


def _per_dollar(claim: Claim) -> tuple[float, float] | None:
    """The band of units of a figure's currency per US dollar. A bare "$" or "dollars" may be any of
    ``BARE_DOLLARS`` (whatever country the extractor guessed from the article), so it takes the union
    of their bands; pounds named after another country are no sterling, and are not checked."""
    if claim.unit == "GBP" and _OTHER_POUND.search(claim.text):
        return None
    if _is_bare_dollar(claim):
        bands = [UNITS_PER_DOLLAR[code] for code in BARE_DOLLARS]
        return min(low for low, _ in bands), max(high for _, high in bands)
    return UNITS_PER_DOLLAR[claim.unit]


def _ends(claim: Claim) -> list[Interval]:
    """The intervals a figure's printing allows, one per end of a range ("2-4 inches"): its rounding
    or a cut-off last digit, and for a whole figure ending in zeros its rounding to the last
    non-zero digit, by at most a tenth of its value ("60 miles" for 62.1)."""
    if claim.kind == "range":  # "at least 10-12 inches" has no upper end to convert: nothing to compare
        if claim.qualifier not in ("eq", "approx") or not Interval(claim.low, claim.high).is_finite:
            return [Interval(-math.inf, math.inf)] * 2
        return [Interval(end - claim.precision / 2, end + claim.precision) for end in (claim.low, claim.high)]
    interval = rounded_or_cut(claim)
    match = _DIGITS.search(claim.text)
    if not match or "." in match.group(0) or not interval.is_finite:
        return [interval]
    digits = match.group(0).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if not zeros or not float(digits):
        return [interval]
    half = 10**zeros / 2 * abs(claim.value) / float(digits)
    return [interval.widen(min(half, _ROUNDING_SHARE * abs(claim.value)))]


#: The first run of digits a figure is printed with ("1,600" in "1,600km", "8.2" in "£8.2bn").
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")

#: The most a figure ending in zeros is read as rounded: a tenth of its value either way.
_ROUNDING_SHARE = 0.1


def _rate(value: float) -> str:
    """A rate to two significant figures below one ("0.00082"), to two decimals above."""
    if value != value:
        return "?"
    return f"{value:.2g}" if abs(value) < 1 else format_number(value, 2)


CHECK = CheckKind(name="conversion", relation="repeated_figure",
                  params={"tolerance": 0.05, "money": "include"},
                  schema={"tolerance": number("Relative difference (0.05 is 5%) allowed beyond the figures' rounding.",
                                              minimum=0),
                          "money": {"enum": ["include", "exclude", "only"],
                                    "description": "Which conversions this rule checks: all (include), none between "
                                                   "two currencies (exclude) or only those (only)."}},
                  run=check)
