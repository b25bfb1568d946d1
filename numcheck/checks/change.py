"""A change that its own figures contradict: "rose 8% from 2.5 million to 2.9 million".

Why it matters: a change is stated three ways at once (old value, new value, the rise or fall) and
readers take the percentage on trust. 2.5 million to 2.9 million is a 16% rise, not 8%. The check
also catches a direction word that contradicts the values ("dropped to 87,000 from 81,000"), a
multiplier that does not hold ("tripled from 1,200 to 3,100") and percentage points written as a
relative percentage, or the other way round.

The check reads ``change`` relations (old, new, and optionally the stated change) with the direction
("up"/"down") and multiplier ("doubled" 2.0, "halved" 0.5) the linker read from the cue words. Every
figure is its rounding interval; the check fires only when no values inside them fit:

- direction: "rose"/"up" with a new value below the old one, or "fell"/"down" with a higher one;
- multiplier: new/old outside the factor ± ``multiplier_tolerance`` (10%: "doubled" holds from 1.8x
  to 2.2x);
- percent change: (new - old)/old outside the stated percentage's interval. When old and new are
  themselves percentages, "rose 2%" from 5% to 7% is the percentage-point change written as a
  percent (the relative change is 40%): it fires by default, naming the confusion, and is silent
  with ``points_as_percent: false`` for desks that accept the loose use. "rose 40 percentage
  points" from 5% to 7% is never right and always fires. A stated change that fits neither reading
  says so;
- absolute change ("up 400 to 2,900 from 2,500"): new - old outside the stated amount.

A stated change is read as rounded or as cut at its last digit ("jumped 338%" for +338.8%), and an
old and a new value both in round thousands ("from £6,000 to £16,000") as rounded to two significant
figures: both are how honest copy prints figures, and neither is worth an editor's query.

Fails:
    Passenger numbers rose 8% from 2.5 million to 2.9 million.
    Sales dropped to 87,000 from 81,000.
    The number of applications tripled from 1,200 to 3,100.
    Unemployment fell 0.5 percentage points to 5.1% from 5.4%.

Passes:
    Passenger numbers rose 16% from 2.5 million to 2.9 million.
    Revenue jumped 30% to $6.5bn from $5bn.
    Unemployment fell 0.3 percentage points to 5.1% from 5.4%.
    Support rose 40% from 5% to 7%.

Params:
    tolerance: percentage points (or, for an absolute change, units) allowed beyond rounding. Default 0.
    multiplier_tolerance: relative slack for doubled/tripled/halved. Default 0.10.
    points_as_percent: flag "rose 2%" when only the percentage-point reading holds. Default true.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

from numcheck.checks._linked import linked, param
from numcheck.checks.finding import make_finding
from numcheck.checks.kind import TOLERANCE, CheckKind, number
from numcheck.intervals import (
    Interval,
    format_number,
    format_percent,
    is_round_thousand,
    of_claim,
    round_thousands,
    rounded_or_cut,
)
from numcheck.model import shares_unit

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule

_FACTOR_WORDS = MappingProxyType({2.0: "doubled", 3.0: "tripled", 4.0: "quadrupled", 0.5: "halved"})


def _span(old: Claim, new: Claim) -> str:
    return f"from {_shown(old)} to {_shown(new)}"


def _shown(claim: Claim) -> str:
    return f"{format_number(claim.value)}%" if claim.unit == "percent" else format_number(claim.value)


def _signed(stated: Claim, direction: str) -> list[Interval]:
    """The stated change as signed intervals: a direction word gives the sign; without one, a
    positive figure may be either a rise or a fall. A stated change may be rounded or cut at its
    last digit ("338%" for 338.8%), so both readings count."""
    interval = rounded_or_cut(stated)
    if direction == "down" and stated.value >= 0:
        return [-interval]
    if direction == "up" or stated.value < 0:
        return [interval]
    return [interval, -interval]


_QUALIFIER_WORDS = MappingProxyType({"approx": "about ", "gt": "more than ", "ge": "at least ", "lt": "less than ",
                                     "le": "up to ", "vague": "some "})


def _says(stated: Claim, direction: str, unit: str) -> str:
    sign = "-" if direction == "down" and stated.value > 0 else ("+" if direction == "up" else "")
    return f"the text says {_QUALIFIER_WORDS.get(stated.qualifier, '')}{sign}{format_number(stated.value)}{unit}"


def _direction_problem(direction: str, old: Claim, new: Claim) -> str | None:
    a, b = of_claim(old), of_claim(new)
    fell, rose = b.is_below(a), b.is_above(a)
    if _same_rounding(old, new) and old.value != new.value:
        # Rounding never reverses order: 4.6% and 4.7% printed to the same digit only touch as
        # intervals, but a true value that rounds to 4.7 cannot lie below one that rounds to 4.6.
        fell, rose = new.value < old.value, new.value > old.value
    if direction == "up" and fell:
        return f"{_span(old, new)} is a fall, but the text says it rose"
    if direction == "down" and rose:
        return f"{_span(old, new)} is a rise, but the text says it fell"
    return None


def _same_rounding(old: Claim, new: Claim) -> bool:
    """Both figures printed plainly to the same last digit, so their printed order is their true order."""
    return (old.qualifier == new.qualifier == "eq" and old.precision == new.precision and old.precision > 0
            and old.kind == new.kind == "number")


def _factor_problem(factor: float, slack: float, old: Claim, new: Claim) -> tuple[str, float] | None:
    if old.value <= 0:
        return None
    ratio = of_claim(new) / of_claim(old)
    allowed = Interval(factor * (1 - slack), factor * (1 + slack))
    if ratio.overlaps(allowed):
        return None
    actual = new.value / old.value
    word = _FACTOR_WORDS.get(factor, f"multiplied by {factor:g}")
    return f"{_span(old, new)} is ×{format_number(actual, 2)}; the text says {word} (×{factor:g})", actual


def _stated_problem(rule: Rule, relation: Relation, old: Claim, new: Claim, stated: Claim) -> str | None:
    tolerance = float(param(rule, CHECK, "tolerance"))
    signed = [s.widen(tolerance) for s in _signed(stated, relation.direction)]
    a, b = _levels(old, new)
    both_percent = old.unit == new.unit == "percent"
    points = b - a
    relative = (b / a - 1) * 100 if old.value > 0 and a.low > 0 else None
    points_text = f"{format_number(new.value - old.value, 2)} percentage points"
    relative_text = format_percent(100 * (new.value / old.value - 1), sign=True) if old.value > 0 else "undefined"
    if stated.unit == "percent":
        if relative is not None and any(relative.overlaps(s) for s in signed):
            return None
        if both_percent and any(points.overlaps(s) for s in signed):
            if not param(rule, CHECK, "points_as_percent"):
                return None
            return (f"{_span(old, new)} is {points_text} ({relative_text} relative); "
                    f"{_says(stated, relation.direction, '%')}, which holds only as percentage points")
        if both_percent:
            return (f"{_span(old, new)} is {relative_text} ({points_text}); "
                    f"{_says(stated, relation.direction, '%')}, which fits neither reading")
        return f"{_span(old, new)} is {relative_text}; {_says(stated, relation.direction, '%')}"
    if stated.unit == "percentage_point":
        if not both_percent or any(points.overlaps(s) for s in signed):
            return None
        text = f"{_span(old, new)} is {points_text}; {_says(stated, relation.direction, ' percentage points')}"
        if relative is not None and any(relative.overlaps(s) for s in signed):
            text += f", which is the relative change ({relative_text}): percent and percentage points confused"
        return text
    if stated.unit == old.unit == new.unit:
        if any(points.overlaps(s) for s in signed):
            return None
        return f"{_span(old, new)} is a change of {format_number(new.value - old.value)}; " + _says(
            stated, relation.direction, "")
    return None


def _levels(old: Claim, new: Claim) -> tuple[Interval, Interval]:
    """The old and new values as the stated change is held to. Two figures both in round thousands
    ("the bill went from £6,000 to £16,000") are read as rounded to the thousand: a stated 173% is
    what the unrounded bills gave, and no editor queries it."""
    if is_round_thousand(old) and is_round_thousand(new):
        return round_thousands(old), round_thousands(new)
    return of_claim(old), of_claim(new)


def _expected(old: Claim, new: Claim, stated: Claim | None) -> float | None:
    if stated is None:
        return new.value / old.value if old.value else None
    if stated.unit == "percent" and old.value:
        return 100 * (new.value / old.value - 1)
    return new.value - old.value


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    slack = float(param(rule, CHECK, "multiplier_tolerance"))
    findings = []
    for relation, roles in linked(relations, claims, "change"):
        if not (roles.get("old") and roles.get("new")):
            continue
        old, new = roles["old"][0], roles["new"][0]
        if not shares_unit(old, new):
            continue
        stated = roles["change"][0] if roles.get("change") else None
        explanation = _direction_problem(relation.direction, old, new)
        expected, actual = None, new.value - old.value
        if explanation is None and relation.factor:
            problem = _factor_problem(relation.factor, slack, old, new)
            if problem:
                explanation, ratio = problem
                expected, actual = relation.factor, ratio
        if explanation is None and stated is not None:
            explanation = _stated_problem(rule, relation, old, new, stated)
            expected = _expected(old, new, stated)
            actual = -stated.value if relation.direction == "down" and stated.value > 0 else stated.value
        if explanation is None:
            continue
        primary = [stated] if stated is not None else []
        findings.append(make_finding(rule, [*primary, old, new], explanation=explanation, expected=expected,
                                     actual=actual))
    return findings


CHECK = CheckKind(
    name="change",
    relation="change",
    params={"tolerance": 0.0, "multiplier_tolerance": 0.10, "points_as_percent": True},
    schema={
        "tolerance": TOLERANCE,
        "multiplier_tolerance": number("Relative slack for 'doubled', 'tripled'...", minimum=0),
        "points_as_percent": {"type": "boolean",
                              "description": "Read a change in percentage points stated as a percent."},
    },
    run=check,
)
