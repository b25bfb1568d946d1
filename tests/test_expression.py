"""The expression language: what it accepts, what it refuses, and how it evaluates over intervals."""

from __future__ import annotations

import pytest

from numcheck.expression import (
    MAX_DEPTH,
    MAX_LENGTH,
    ExpressionError,
    Interval,
    evaluate,
    parse,
    unparse,
)
from numcheck.ruleset import parse_pack
from tests._claimkit import claims_in

I = Interval  # noqa: E741


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("adults + children == total", {"adults", "children", "total"}),
        ("abs(a - b) <= 2 and not (x > 1 or y != 2)", {"a", "b", "x", "y"}),
        ("round(part / whole * 100) == pct", {"part", "whole", "pct"}),
        ("min(a, b, c) >= 0.5 * max(a, b)", {"a", "b", "c"}),
        ("-a + -(b - 2) * 3 == c % 2", {"a", "b", "c"}),
        ("round(share, 1) < 100", {"share"}),
    ],
)
def test_parses_the_grammar(source: str, names: set[str]) -> None:
    expression = parse(source)
    assert expression.names == names
    assert parse(unparse(expression.root)).root == expression.root  # unparse keeps the meaning


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("__import__('os').system('ls') == 0", "names starting with '_'"),
        ("a.__class__ == 1", "attribute access"),
        ("os.system == 1", "attribute access"),
        ("(lambda: 1)() == 1", "not allowed"),
        ("lambda == 1", "not part of the expression grammar"),
        ("2 ** 100000 > a", "powers"),
        ("9 ** 9 ** 9 > a", "powers"),
        ("1e308 * 10 > a", "plain digits"),
        ("a[0] == 1", "subscripts"),
        ("'x' == a", "strings"),
        ('"x" == a', "strings"),
        ("a = 1", "assignment"),
        ("eval(a) == 1", "not part of the expression grammar"),
        ("open(a) == 1", "not part of the expression grammar"),
        ("getattr(a, b) == 1", "unknown function"),
        ("a + b", "must be a comparison"),
        ("a < b < c", "do not chain"),
        ("a > 1 and b", "comparisons on both sides"),
        ("(a > 1) + 1 == 2", "cannot be used as a number"),
        ("round(a, b) == 1", "round() takes"),
        ("a == 99999999999999999", "too large"),
        ("", "empty"),
        ("a == (" * 40 + "1" + ")" * 40, "nested more than"),
        ("-" * 40 + "a == 1", "nested more than"),
        ("a " + "+ a " * 300 + "== 1", "longer than"),
        ("a == 1 # comment", "unexpected character"),
        ("a if b else c", "unexpected 'if'"),
    ],
)
def test_refuses_everything_outside_the_grammar(source: str, reason: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(source)
    assert reason in caught.value.message
    assert caught.value.column >= 1


def test_bounds_are_what_the_docstring_says() -> None:
    assert MAX_DEPTH < 100 and MAX_LENGTH <= 1000
    parse("(" * (MAX_DEPTH - 1) + "a" + ")" * (MAX_DEPTH - 1) + " > 1")  # just inside the bound


def test_rounding_intervals_decide() -> None:
    sum_rule = parse("a + b == t")
    # 30 + 17 = 47 against 52: false whatever the rounding.
    assert evaluate(sum_rule, {"a": I(29.5, 30.5), "b": I(16.5, 17.5), "t": I(51.5, 52.5)}) is False
    # "about 50" of 47.5-52.5 may be 47: undecided, so no finding.
    assert evaluate(sum_rule, {"a": I(29.5, 30.5), "b": I(16.5, 17.5), "t": I(47.5, 52.5)}) is None
    assert evaluate(sum_rule, {"a": I.point(30), "b": I.point(17), "t": I.point(47)}) is True


def test_tolerance_widens_every_comparison() -> None:
    rule = parse("a == b")
    values = {"a": I.point(100), "b": I.point(102)}
    assert evaluate(rule, values) is False
    assert evaluate(rule, values, tolerance=2) is True
    assert evaluate(parse("a < b"), {"a": I.point(5), "b": I.point(4)}, tolerance=2) is True


def test_undefined_arithmetic_gives_no_verdict() -> None:
    assert evaluate(parse("a / b > 1"), {"a": I.point(1), "b": I.point(0)}) is None
    assert evaluate(parse("a / b > 1"), {"a": I.point(1), "b": I(-1, 1)}) is None
    assert evaluate(parse("a % b == 0"), {"a": I.point(1), "b": I.point(0)}) is None
    assert evaluate(parse("a * a * a * a > 1"), {"a": I.point(1e300)}) is None  # overflow, not a crash
    assert evaluate(parse("a == b"), {"a": I.point(1)}) is None  # a name with no claim


def test_three_valued_logic() -> None:
    values = {"a": I.point(1), "b": I(0, 10)}
    assert evaluate(parse("a == 2 and b > 5"), values) is False  # one side false is enough
    assert evaluate(parse("a == 1 and b > 5"), values) is None
    assert evaluate(parse("a == 1 or b > 5"), values) is True
    assert evaluate(parse("not (a == 2 or b > 20)"), values) is True


def test_functions_over_intervals() -> None:
    assert evaluate(parse("abs(a) <= 3"), {"a": I(-2, 3)}) is True
    assert evaluate(parse("abs(a) < 1"), {"a": I(-5, -2)}) is False
    assert evaluate(parse("max(a, b) == 7"), {"a": I.point(7), "b": I.point(3)}) is True
    assert evaluate(parse("round(a / b * 100) == 64"), {"a": I.point(211), "b": I.point(300)}) is False
    assert evaluate(parse("round(a / b * 100, 1) == 70.3"), {"a": I.point(211), "b": I.point(300)}) is True


PASSENGERS = """\
pack: test
rules:
  - id: passengers-add-up
    check: expression
    severity: error
    message: "{explanation}"
    names:
      total: {noun: passenger}
      adults: {noun: adult}
      children: {noun: child, nth: -1}
    expression: "adults + children == total"
"""


def _passenger_claims(total: str, adults: str, children: str) -> tuple:
    text = f"The bus carried {total} passengers, {adults} adults and {children} children."
    return claims_in(
        text,
        (total, {"value": float(total), "noun": "passenger"}),
        (adults, {"value": float(adults), "noun": "adult"}),
        (children, {"value": float(children), "noun": "child"}),
    )


def test_expression_check_fires_with_the_arithmetic_in_words() -> None:
    rules, problems = parse_pack(PASSENGERS, "t.yaml")
    assert problems == []
    rule = rules[0]
    _, claims = _passenger_claims("52", "30", "17")
    (finding,) = rule.kind.run(rule, claims, ())
    assert finding.rule == "passengers-add-up" and finding.check == "expression"
    assert finding.actual == 47 and finding.expected == 52
    assert "adults = 30" in finding.explanation and "adults + children is 47" in finding.explanation
    assert finding.message == finding.explanation
    assert set(finding.claims) == {"c1", "c2", "c3"}


def test_expression_check_is_silent_when_it_holds_or_a_name_is_missing() -> None:
    rule = parse_pack(PASSENGERS, "t.yaml")[0][0]
    _, claims = _passenger_claims("47", "30", "17")
    assert rule.kind.run(rule, claims, ()) == []
    assert rule.kind.run(rule, claims[:2], ()) == []  # no child claim: nothing to say


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('    expression: "__import__(\'os\') == total"\n', "names starting with '_'"),
        ('    expression: "adults ** 2 == total"\n', "powers"),
        ('    expression: "adults + kids == total"\n', "name 'kids' is not declared"),
        ('    expression: "adults.real == total"\n', "attribute access"),
    ],
)
def test_bad_expressions_are_rule_file_errors_with_a_line(body: str, fragment: str) -> None:
    text = PASSENGERS.replace('    expression: "adults + children == total"\n', body)
    rules, problems = parse_pack(text, "t.yaml")
    assert rules == []
    assert any(fragment in str(p) for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith("t.yaml:") and p.line is not None for p in problems)


def test_expression_rule_end_to_end_on_real_text(tmp_path) -> None:
    import numcheck

    pack = tmp_path / "bus.yaml"
    pack.write_text(PASSENGERS.replace("{noun: child, nth: -1}", "{noun: child}"), encoding="utf-8")
    checker = numcheck.Checker(rules=[str(pack)], select=["passengers-add-up"])
    bad = checker.check("The bus carried 52 passengers, 30 adults and 17 children.")
    (finding,) = bad.findings
    assert (finding.line, finding.column, finding.expected, finding.actual) == (1, 17, 52, 47)
    assert finding.message.startswith("adults + children == total does not hold: total = 52, adults = 30")
    assert checker.check("The bus carried 47 passengers, 30 adults and 17 children.").findings == ()
    assert checker.check("About 50 passengers were on the bus: 30 adults and 17 children.").findings == ()
