"""The expression language and the arithmetic checks judge the same figures alike.

There is one `Interval` (``numcheck.intervals``): the checks and the expression evaluator share its
arithmetic and its comparisons, float slack included. These properties hold a desk's
``expression`` rule to the built-in check that states the same fact, on figures hypothesis picks
around the rounding edges where two implementations used to disagree.
"""

from __future__ import annotations

from _claimkit import make_claim, relation, rule_for
from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.checks import CHECKS
from numcheck.intervals import Interval
from numcheck.ruleset import parse_pack

SETTINGS = settings(max_examples=300, deadline=None)

#: (unit, precision): whole counts, counts rounded to thousands, percentages to 1 and 0.1 places.
SHAPES = st.sampled_from([("count", 1.0), ("count", 1000.0), ("percent", 1.0), ("percent", 0.1), ("EUR", 0.5)])
TOLERANCES = st.sampled_from([0, 0, 0.5, 1, 2.5])


@st.composite
def figures(draw: st.DrawFn, noun: str, positive: bool = False) -> object:
    unit, precision = draw(SHAPES)
    # few steps, so that figures meet at each other's rounding edges often
    steps = draw(st.integers(min_value=1 if positive else -3, max_value=14))
    qualifier = draw(st.sampled_from(["eq", "eq", "approx"]))
    return make_claim(noun, round(steps * precision, 6), unit, noun, precision=precision, qualifier=qualifier)


def _expression_fires(expression: str, names: list[str], claims: list[object], tolerance: float) -> bool:
    lines = "".join(f"      {n}: {{noun: {n}}}\n" for n in names)
    text = (f"rules:\n  - id: desk-fact\n    check: expression\n    severity: error\n    message: x\n"
            f"    tolerance: {tolerance}\n    names:\n{lines}    expression: \"{expression}\"\n")
    (rule,), problems = parse_pack(text, "desk.yaml")
    assert problems == []
    return bool(rule.kind.run(rule, claims, ()))


def _check_fires(check: str, kind: str, claims: list[object], roles: tuple[str, ...], tolerance: float) -> bool:
    rule = rule_for(check, tolerance=tolerance)
    return bool(CHECKS[check].run(rule, claims, [relation(kind, tuple(c.id for c in claims), roles)]))


@SETTINGS
@given(figures("part"), figures("whole"), TOLERANCES)
def test_part_within_whole(part, whole, tolerance) -> None:
    claims = [part, whole]
    assert _check_fires("part_whole", "part_of_whole", claims, ("part", "whole"), tolerance) == _expression_fires(
        "part <= whole", ["part", "whole"], claims, tolerance)


@SETTINGS
@given(figures("part"), figures("whole", positive=True), figures("share"), TOLERANCES)
def test_percent_of_a_whole(part, whole, share, tolerance) -> None:
    claims = [part, whole, share]
    assert _check_fires("percent_of", "percent_of", claims, ("part", "whole", "percent"), tolerance) == (
        _expression_fires("part / whole * 100 == share", ["part", "whole", "share"], claims, tolerance))


@SETTINGS
@given(figures("one"), figures("two"), figures("three"), figures("total"), TOLERANCES)
def test_parts_add_up_to_the_total(one, two, three, total, tolerance) -> None:
    claims = [one, two, three, total]
    assert _check_fires("sum_of_parts", "sum_of_parts", claims, ("part", "part", "part", "total"), tolerance) == (
        _expression_fires("one + two + three == total", ["one", "two", "three", "total"], claims, tolerance))


@SETTINGS
@given(figures("figure"), st.integers(-3, 14), st.sampled_from([1.0, 1000.0, 0.1]))
def test_range_limits(figure, steps, scale) -> None:
    """A range rule fires above ``max`` exactly when ``figure <= max`` cannot hold, and below
    ``min`` exactly when ``figure >= min`` cannot."""
    limit = round(steps * scale, 6)
    for bound, expression in (("max", f"figure <= {limit}"), ("min", f"figure >= {limit}")):
        rule = rule_for("range", **{bound: limit})
        fired = bool(CHECKS["range"].run(rule, [figure], ()))
        assert fired == _expression_fires(expression.replace("-", "0 - "), ["figure"], [figure], 0), (bound, limit)


EDGES = st.sampled_from([0.0, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5, 29.5, 30.0, 30.5, 1e6, 4.35e6, 1 / 3])


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a = draw(EDGES) * draw(st.sampled_from([1, -1])) + draw(EDGES)
    b = a + draw(st.sampled_from([0.0, 0.0, 0.1, 0.5, 1.0, 1e-12]))
    return Interval(a, b)


@settings(max_examples=500, deadline=None)
@given(intervals(), intervals(), st.sampled_from([0.0, 0.5, 1.0]))
def test_comparisons_are_the_checks_tests(a: Interval, b: Interval, tolerance: float) -> None:
    """``<=`` is False exactly when ``is_above`` says so, ``==`` exactly when they cannot meet,
    and the three-valued answers are consistent with each other."""
    assert (a.compare("<=", b, tolerance) is False) == a.is_above(b.widen(tolerance))
    assert (a.compare("==", b, tolerance) is False) == (not a.overlaps(b.widen(tolerance)))
    assert a.compare(">=", b, tolerance) == b.compare("<=", a, tolerance)
    equal = a.compare("==", b, tolerance)
    assert a.compare("!=", b, tolerance) == (None if equal is None else not equal)
    if tolerance == 0:  # without slack, a < b is exactly "not b <= a"
        below = b.compare("<=", a)
        assert a.compare("<", b) == (None if below is None else not below)
    if a.compare("==", b, tolerance):
        assert a.compare("<=", b, tolerance) and b.compare("<=", a, tolerance)
