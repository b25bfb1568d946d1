"""A percentage that its own part and whole do not give: "211 of 300 delegates, or 64%".

Why it matters: when the text gives a count, its whole and the percentage, readers can check the
division, and so can the checker. A mismatch means one of the three figures is wrong.

The check reads ``percent_of`` relations with a part, a whole and a percentage. Every figure is
treated as the interval its rounding and qualifier allow: "64%" covers 63.5-64.5%, "some 40%" is
wider, "300" covers 299.5-300.5. It fires only when no part and whole inside their intervals give a
ratio inside the percentage's interval. A percentage with no part ("45% of the 9 members") is left
to the ``granularity`` check.

Fails:
    The motion won 211 of 300 delegates, or 64%.
    Some 4,500 of 15,000 homes, or 40%, lost power.

Passes:
    The motion won 211 of 300 delegates, or 70%.
    Some 4,500 of 15,000 homes, or roughly 30%, lost power.
    The company will cut 900 jobs, or 6% of its 15,000 staff.

Params:
    tolerance: percentage points allowed beyond the percentage's own rounding interval. Default 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from numcheck.checks._linked import linked, param
from numcheck.checks.finding import make_finding
from numcheck.checks.kind import TOLERANCE, CheckKind
from numcheck.intervals import format_number, format_percent, of_claim

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    tolerance = float(param(rule, CHECK, "tolerance"))
    findings = []
    for _, roles in linked(relations, claims, "percent_of"):
        if not (roles.get("part") and roles.get("whole") and roles.get("percent")):
            continue
        part, whole, percent = roles["part"][0], roles["whole"][0], roles["percent"][0]
        if whole.value <= 0:
            continue
        ratio = of_claim(part) / of_claim(whole) * 100
        if ratio.overlaps(of_claim(percent).widen(tolerance)):
            continue
        expected = 100 * part.value / whole.value
        explanation = (
            f"{format_number(part.value)} of {format_number(whole.value)} is {format_percent(expected)};"
            f" the text says {format_number(percent.value)}%"
        )
        findings.append(make_finding(rule, [percent, part, whole], explanation=explanation, expected=expected,
                                     actual=percent.value))
    return findings


CHECK = CheckKind(name="percent_of", relation="percent_of", params={"tolerance": 0.0},
                  schema={"tolerance": TOLERANCE}, run=check)
