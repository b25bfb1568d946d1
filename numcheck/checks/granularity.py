"""A percentage that no whole count of a small group can produce: "45% of the 9 committee members".

Why it matters: 4 of 9 is 44.4% and 5 of 9 is 55.6%, so no number of the nine members rounds to
45%. This is the GRIM test (Brown and Heathers, 2016), which found impossible means in published
psychology papers; in news it catches a percentage that was miscomputed, or a group size that is
wrong.

The check reads ``percent_of`` relations that have a whole and a percentage but no part (when the
part is given, ``percent_of`` checks the division itself). It applies only when the whole is an exact
count of discrete things (unit "count", a whole number, no "about" or "more than") no larger than
``max_whole``, and the percentage is stated exactly: "about 45%" is silent. It fires when no whole
number k from 0 to N gives 100*k/N inside the percentage's rounding interval.

Fails:
    The motion was backed by 45% of the 9 committee members.
    In the ruling, 33% of the 7 judges dissented.

Passes:
    The motion was backed by 44% of the 9 committee members.
    About 45% of the 9 committee members backed it.
    Roughly 45% of the 9,000 members backed it.

Params:
    max_whole: the largest whole the test is applied to; past it almost every percentage is
        reachable and the test says nothing. Default 200.
    tolerance: percentage points allowed beyond the percentage's rounding interval. Default 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from numcheck.checks._linked import linked, param
from numcheck.checks.finding import make_finding
from numcheck.checks.kind import TOLERANCE, CheckKind, number
from numcheck.intervals import Interval, format_number, format_percent, of_claim

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule


def reachable(whole: int, percent: Interval) -> int | None:
    """A count k of ``whole`` whose share lies in ``percent``, or None when there is none.

    >>> reachable(9, Interval(44.5, 45.5)) is None, reachable(9, Interval(43.5, 44.5))
    (True, 4)
    """
    low = max(0, math.floor(percent.low * whole / 100) - 1)
    high = min(whole, math.ceil(percent.high * whole / 100) + 1)
    for k in range(low, high + 1):
        if percent.overlaps(Interval.point(100 * k / whole)):
            return k
    return None


def _is_exact_count(claim: Claim) -> bool:
    return claim.unit == "count" and claim.qualifier == "eq" and float(claim.value).is_integer() and claim.value > 0


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    max_whole = int(param(rule, CHECK, "max_whole"))
    tolerance = float(param(rule, CHECK, "tolerance"))
    findings = []
    for _, roles in linked(relations, claims, "percent_of"):
        if roles.get("part") or not (roles.get("whole") and roles.get("percent")):
            continue
        whole, percent = roles["whole"][0], roles["percent"][0]
        if not _is_exact_count(whole) or whole.value > max_whole or percent.qualifier != "eq":
            continue
        if percent.unit != "percent" or not 0 <= percent.value <= 100:
            continue
        n = int(whole.value)
        if reachable(n, of_claim(percent).widen(tolerance)) is not None:
            continue
        k = math.floor(percent.value * n / 100)
        neighbours = [f"{j} of {n} is {format_percent(100 * j / n)}" for j in (k, k + 1) if 0 <= j <= n]
        explanation = (
            f"{format_number(percent.value)}% of {n} is {format_number(percent.value * n / 100, 2)}, not a whole"
            f" number; {', '.join(neighbours)}"
        )
        findings.append(make_finding(rule, [percent, whole], explanation=explanation,
                                     expected=100 * round(percent.value * n / 100) / n, actual=percent.value))
    return findings


CHECK = CheckKind(name="granularity", relation="percent_of", params={"max_whole": 200, "tolerance": 0.0},
                  schema={"max_whole": number("The largest whole a percentage is tested against.", minimum=1),
                          "tolerance": TOLERANCE}, run=check)
