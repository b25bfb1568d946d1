"""A breakdown that does not add up to its total: "all 52 passengers: 30 adults, 17 teenagers and 7 infants".

Why it matters: a total followed by its parts invites the reader to add them up. When they do not
make the total, a part or the total is wrong, or a part was left out.

The check reads ``sum_of_parts`` relations. With a total, it adds the parts' intervals and fires
when the sum cannot equal the total. Without a total (percentages of one base: "55% voted yes, 38%
no and 12% abstained") it compares the sum with 100%; because each printed percentage is rounded,
three of them may honestly add up to anything from 98.5 to 101.5, and only a sum outside what
rounding allows fires. A list introduced by "including", "such as" or "among them" is partial: it may
fall short of the total, so it fires only when the listed parts already exceed it.

Fails:
    All 52 passengers survived: 30 adults, 17 teenagers and seven infants.
    In the vote, 55% backed the plan, 38% opposed it and 12% abstained.
    Of the 40 victims, including 25 women and 18 children, most were local.

Passes:
    All 54 passengers survived: 30 adults, 17 teenagers and seven infants.
    In the vote, 33% backed the plan, 33% opposed it and 33% abstained.
    Of the 40 victims, including 12 women and 18 children, most were local.

Params:
    tolerance: an absolute amount (in the parts' unit) the sum may miss the total by beyond
        rounding. Default 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from numcheck.checks._linked import linked, param
from numcheck.checks.finding import make_finding
from numcheck.checks.kind import TOLERANCE, CheckKind
from numcheck.intervals import Interval, format_number, of_claim, total

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    tolerance = float(param(rule, CHECK, "tolerance"))
    findings = []
    for relation, roles in linked(relations, claims, "sum_of_parts"):
        parts = roles.get("part", [])
        if len(parts) < 2:
            continue
        whole = roles.get("total", [None])[0]
        target = of_claim(whole) if whole is not None else Interval.point(100.0)
        target = target.widen(tolerance)
        sum_interval = total(of_claim(p) for p in parts)
        too_big = sum_interval.is_above(target)
        too_small = sum_interval.is_below(target) and not relation.partial
        if not (too_big or too_small):
            continue
        actual = sum(p.value for p in parts)
        expected = whole.value if whole is not None else 100.0
        suffix = "%" if whole is None else ""
        terms = " + ".join(format_number(p.value) for p in parts)
        if whole is None:
            explanation = f"{terms} = {format_number(actual)}%; percentages of one whole should add up to 100%"
        else:
            explanation = f"{terms} = {format_number(actual)}{suffix}; the total given is {format_number(expected)}"
        if relation.partial:
            explanation += " (the list is partial, but its parts already exceed the total)"
        primary = [whole] if whole is not None else []
        findings.append(make_finding(rule, [*primary, *parts], explanation=explanation, expected=expected,
                                     actual=actual))
    return findings


CHECK = CheckKind(name="sum_of_parts", relation="sum_of_parts", params={"tolerance": 0.0},
                  schema={"tolerance": TOLERANCE}, run=check)
