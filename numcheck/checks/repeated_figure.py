"""The same thing counted twice with different values: "Eighteen members backed the motion" ... "the 17
members who backed it".

Why it matters: an article that gives one count in its lead and another further down has at least
one of them wrong, often because a figure was updated in one place only. A scale slip ("a 2.4
billion dollar contract" ... "the $2.4 million contract") is the same mistake by a factor of 1,000.

The check reads ``repeated_figure`` relations, which the linker makes only for two figures of the same
unit (and counted noun) that read as one statement: a matching verb or a definite back-reference
("the 17 members who ..."), a figure of the title, standfirst and lede stated again in the next of
them, the same digits with another scale word, a sentence stated again around the same figures, or
a share said in words beside its percentage ("more than half of those asked – 56% –"); never across
different years, places or subjects. It fires when the two figures' intervals cannot meet, so
"about 18 members" and "17 members" is silent, and so is a title's "£1bn" for "£960m" (a one-figure
"£1bn" spans £0.5bn to £1.5bn). A qualifier is a bound: "more than half" is (50%, 100%], so
"more than half – 45% –" fires and "– 56% –" does not (`numcheck.intervals.share_percent`).

Fails:
    Eighteen members backed the motion on Tuesday. Later, the 17 members who backed it met again.
    The firm won a 2.4 billion dollar contract. Critics said the $2.4 million contract was rushed.
    A study says cutting the rate from 22% to 20% would cost £4bn. Going from 22% to 20% would cost £2bn.

Passes:
    Eighteen members backed the motion on Tuesday. Later, the 18 members who backed it met again.
    Seventeen members backed it last year and 18 members backed it this year.
    A study says cutting the rate from 22% to 20% would cost £4bn. Going from 22% to 20% would cost £4bn.

Params:
    tolerance: relative difference (0.01 is 1%) allowed beyond rounding. Default 0.
    money_scale_slips: "include" (default), "exclude" or "only": which findings a rule gives for two
        sums of money with the same digits and another scale word ("£500m" ... "£500bn"). The default
        packs give those to their own rule, ``repeated-money-scale``, at error: the same money stated
        a thousand times larger is never a matter of rounding or wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from numcheck.checks._linked import linked, param
from numcheck.checks.finding import make_finding
from numcheck.checks.kind import TOLERANCE, CheckKind
from numcheck.figures import amount, format_number
from numcheck.intervals import Interval, of_claim, share_percent
from numcheck.model import is_currency

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule


def _scale_slip(a: float, b: float) -> int | None:
    """The power of 1,000 between two figures with the same digits (2.4 billion vs 2.4 million)."""
    if a <= 0 or b <= 0:
        return None
    big, small = max(a, b), min(a, b)
    for power in (1, 2, 3, 4):
        if abs(big / small - 1000**power) <= 1e-6 * 1000**power:
            return 1000**power
    return None


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    tolerance = float(param(rule, CHECK, "tolerance"))
    money_slips = str(param(rule, CHECK, "money_scale_slips"))
    findings = []
    for _, roles in linked(relations, claims, "repeated_figure"):
        if not (roles.get("first") and roles.get("second")):
            continue
        first, second = roles["first"][0], roles["second"][0]
        if first.unit != second.unit and {first.unit, second.unit} != {"fraction", "percent"}:
            continue
        # "one in four adults, or 25%": a share said as a fraction and as a percentage, compared in
        # percent; a fraction word is a rounding ("a quarter" for 24%) and its qualifier a bound.
        a, b = (share_percent(c) if c.unit == "fraction" and first.unit != second.unit else of_claim(c)
                for c in (first, second))
        if first.unit == second.unit:
            a, b = _opening_rounding(first, a), _opening_rounding(second, b)
        slack = tolerance * max(abs(first.value), abs(second.value))
        if a.widen(slack).overlaps(b):
            continue
        if first.unit != second.unit:
            if money_slips != "only":
                findings.append(_share_finding(rule, first, second))
            continue
        explanation = (
            f"{amount(second.value, second.noun)} here, but {format_number(first.value)} earlier"
            f" ({first.text.strip()!r}) for what reads as the same figure"
        )
        factor = _scale_slip(abs(first.value), abs(second.value))
        money_slip = bool(factor) and is_currency(first.unit)
        if (money_slips == "exclude" and money_slip) or (money_slips == "only" and not money_slip):
            continue
        if factor:
            explanation += f"; they differ by a factor of {factor:,}, a slip of scale word"
        findings.append(make_finding(rule, [second, first], explanation=explanation, expected=first.value,
                                     actual=second.value))
    return findings


#: The digits a figure is printed with ("53,000" in "53,000 students", "1,500" in "£1,500m").
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _opening_rounding(claim: Claim, interval: Interval) -> Interval:
    """A round figure in the title or standfirst ("1,500 complaints", "53,000 students") is a body
    figure rounded for the opening, where the exact one ("1,509", "more than 53,510") would not fit:
    it is read as half a unit of its last non-zero digit below and a whole unit above, as an opening
    rounds a count down ("53,000" for "53,510"). Only figures of two significant digits and two zeros
    or more: "£50m" for "£60m" is no rounding, "$16bn" for "$16.6bn" is a slip, and a one-digit
    "£400" for "£440" is left to the body figure's own reading."""
    match = _DIGITS.search(claim.text)
    if claim.paragraph > 1 or claim.value <= 0 or not match or "." in match.group(0):
        return interval
    digits = match.group(0).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros < 2 or len(digits) - zeros < 2:
        return interval
    unit = 10**zeros * claim.value / float(digits)
    return Interval(min(interval.low, claim.value - unit / 2), max(interval.high, claim.value + unit))


def _share_finding(rule: Rule, first: Claim, second: Claim) -> Finding:
    """One share said as a fraction and as a percentage that disagree, in percent."""
    fraction, percent = (first, second) if first.unit == "fraction" else (second, first)
    said = f"{fraction.text.strip()!r} is {format_number(100 * fraction.value)}%"
    return make_finding(rule, [second, first], expected=round(100 * fraction.value, 4), actual=percent.value,
                        explanation=f"{said}, but the same share is given as {format_number(percent.value)}%")


CHECK = CheckKind(name="repeated_figure", relation="repeated_figure",
                  params={"tolerance": 0.0, "money_scale_slips": "include"},
                  schema={"tolerance": TOLERANCE, "money_scale_slips": {
                      "enum": ["include", "exclude", "only"],
                      "description": "Which scale slips between two sums of money this rule reports: all (include), "
                                     "none (exclude) or only those (only)."}},
                  run=check)
