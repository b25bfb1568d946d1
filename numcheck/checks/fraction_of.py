"""A fraction of a whole that does not give the count beside it: "a quarter of the 80 seats, or 25".

Why it matters: a quarter of 80 is 20. When an article gives a fraction, its whole and the count,
the three must agree; a mismatch means the fraction word or one of the figures is wrong.

The check reads ``fraction_of`` relations (fraction, part, whole). The fraction is a claim with unit
"fraction" ("half" 0.5, "two-thirds" 0.6667, "one in four" 0.25); thirds and sevenths are stored
rounded, so the fraction's interval is widened by half a unit of its fourth decimal. The check
fires only when no values inside the intervals make fraction × whole equal the count, so "nearly
half of the 80 seats, 38" is silent. A fraction qualified "more than" is open above, but a part is
never more than its whole: "more than half of the 80 seats, 90" fires.

Fails:
    The party won a quarter of the 80 seats, or 25.
    Two-thirds of the 60 staff, 30 people, signed the letter.

Passes:
    The party won a quarter of the 80 seats, or 20.
    Two-thirds of the 60 staff, 40 people, signed the letter.
    Nearly half of the 80 seats, 38, went to the opposition.

Params:
    tolerance: how far (as a fraction, 0.05 is five points) the stated fraction may be off beyond
        its own interval. Default 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from numcheck.checks._linked import linked, param
from numcheck.checks.finding import make_finding
from numcheck.checks.kind import TOLERANCE, CheckKind
from numcheck.intervals import Interval, format_number, of_claim

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule

#: Fractions such as a third are stored to four decimals (0.3333); half a unit of that covers 1/3.
_STORED_ROUNDING = 0.00005


def _at_most_all(share: Interval) -> Interval:
    """"More than half of the surplus" is open above, but a part of a whole is at most all of it, so
    a part larger than its whole still fires."""
    return Interval(share.low, min(share.high, 1.0)) if share.low <= 1.0 else share


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    tolerance = float(param(rule, CHECK, "tolerance"))
    findings = []
    for _, roles in linked(relations, claims, "fraction_of"):
        if not (roles.get("fraction") and roles.get("part") and roles.get("whole")):
            continue
        fraction, part, whole = roles["fraction"][0], roles["part"][0], roles["whole"][0]
        product = _at_most_all(of_claim(fraction).widen(_STORED_ROUNDING + tolerance)) * of_claim(whole)
        if product.overlaps(of_claim(part)):
            continue
        expected = fraction.value * whole.value
        explanation = (
            f"{fraction.text.strip()} of {format_number(whole.value)} is {format_number(expected)};"
            f" the text says {format_number(part.value)}"
        )
        findings.append(make_finding(rule, [part, fraction, whole], explanation=explanation, expected=expected,
                                     actual=part.value))
    return findings


CHECK = CheckKind(name="fraction_of", relation="fraction_of", params={"tolerance": 0.0},
                  schema={"tolerance": TOLERANCE}, run=check)
