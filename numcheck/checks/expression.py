"""A fact about named figures of an article, written in numcheck's small arithmetic language.

Why it matters: a desk knows relations the built-in checks do not, such as "the seats of the
parties add up to the chamber's size" or "the winner has more votes than the runner-up". An
``expression`` rule states such a fact once and checks it on every article.

The rule names the figures it needs under ``names``. Each name picks one claim among those the
rule's ``where`` lets through, by ``noun``, ``unit`` and ``qualifier`` (the same filters as
``where``), and by order: ``nth: 1`` (the default) is the first such claim in the article, ``nth: 2``
the second, ``nth: -1`` the last. When a name finds no claim the rule stays silent. The
``expression`` is then evaluated over the claims' honest intervals (see ``numcheck.expression`` for
the grammar: numbers, names, ``+ - * / %``, comparisons, ``and``/``or``/``not``, ``abs``, ``min``,
``max``, ``round``), and the check fires only when it is false for every value the printed figures
allow. It is parsed when the rule file loads, never run through Python's ``eval``.

Example rule::

    - id: passengers-add-up
      check: expression
      severity: error
      message: "{explanation}"
      names:
        total: {noun: passenger}
        adults: {noun: adult}
        children: {noun: child}
      expression: "adults + children == total"

Fails:
    The bus carried 52 passengers, 30 adults and 17 children.

Passes:
    The bus carried 47 passengers, 30 adults and 17 children.

Params:
    expression: the comparison to hold (required).
    names: a mapping of each name in the expression to the claim filter that picks it (required).
    tolerance: an absolute slack every comparison allows beyond the figures' rounding. Default 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from numcheck.checks._finding import make_finding
from numcheck.checks.kind import CheckKind
from numcheck.expression import (
    Compare,
    Expression,
    ExpressionError,
    Interval,
    evaluate,
    evaluate_number,
    parse,
    unparse,
)
from numcheck.figures import format_number
from numcheck.model import Claim, Finding, Relation

if TYPE_CHECKING:
    from numcheck.ruleset import Rule, Where

#: Filters a name may use: those that need only the claim, not its sentence.
NAME_KEYS = ("noun", "unit", "qualifier", "nth")
#: Names per rule; more would make a rule no one can read.
MAX_NAMES = 20

Problems = list[tuple[tuple[Any, ...], str]]


@dataclass(frozen=True)
class NameSelector:
    """Picks one claim: the ``nth`` (1-based; negative from the end) claim that ``where`` matches."""

    where: Where
    nth: int = 1

    def pick(self, claims: Sequence[Claim]) -> Claim | None:
        matching = [c for c in claims if self.where.matches_claim(c)]
        index = self.nth - 1 if self.nth > 0 else self.nth
        return matching[index] if -len(matching) <= index < len(matching) else None


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    """One finding when every named claim is found and the expression cannot hold."""
    expression: Expression = rule.params["expression"]
    selectors: Mapping[str, NameSelector] = rule.params["names"]
    picked = {name: selector.pick(claims) for name, selector in selectors.items()}
    if any(claim is None for claim in picked.values()):
        return []
    chosen: dict[str, Claim] = {name: c for name, c in picked.items() if c is not None}
    intervals = {name: Interval(c.low, c.high) for name, c in chosen.items()}
    if evaluate(expression, intervals, float(rule.params.get("tolerance", 0))) is not False:
        return []
    points = {name: Interval.point(c.value) for name, c in chosen.items()}
    values = ", ".join(f"{name} = {format_number(c.value, 4)}" for name, c in chosen.items()
                       if name in expression.names)
    explanation = f"{expression.source} does not hold: {values}"
    expected = actual = None
    root = expression.root
    if isinstance(root, Compare):
        left, right = evaluate_number(root.left, points), evaluate_number(root.right, points)
        if left is not None and right is not None:
            actual, expected = left.low, right.low
            explanation += (f" ({unparse(root.left)} is {format_number(actual, 4)}, "
                            f"{unparse(root.right)} is {format_number(expected, 4)})")
    ordered = list(dict.fromkeys(c for c in chosen.values()))
    return [make_finding(rule, ordered, explanation=explanation, expected=expected, actual=actual)]


def compile_params(params: Mapping[str, Any]) -> tuple[dict[str, Any], Problems]:
    """Parse ``expression`` and compile ``names`` when the rule loads; problems point at their keys."""

    compiled = dict(params)
    problems: Problems = []
    source = params.get("expression")
    expression = None
    if not isinstance(source, str):
        problems.append((("expression",), "'expression' must be a string such as \"a + b == total\""))
    else:
        try:
            expression = parse(source)
        except ExpressionError as exc:
            problems.append((("expression",), f"expression outside the grammar at column {exc.column}: {exc.message}"))
    names = params.get("names")
    selectors: dict[str, NameSelector] = {}
    if not isinstance(names, dict) or not names or len(names) > MAX_NAMES:
        problems.append((("names",), f"'names' must map 1 to {MAX_NAMES} names to claim filters"))
        names = {}
    for name, spec in names.items():
        selector, found = _selector(spec)
        problems.extend(((("names", name, *path), text) for path, text in found))
        if not isinstance(name, str) or not name.isidentifier() or name.startswith("_"):
            problems.append((("names", name), f"'{name}' is not a valid name (letters, digits and '_')"))
        elif selector is not None:
            selectors[name] = selector
    if expression is not None and names:
        for missing in sorted(expression.names - set(names)):
            problems.append((("expression",), f"name '{missing}' is not declared under 'names'"))
        for unused in sorted(set(names) - expression.names):
            problems.append((("names", unused), f"name '{unused}' is declared but not used in the expression"))
    tolerance = params.get("tolerance", 0)
    if isinstance(tolerance, int | float) and tolerance < 0:
        problems.append((("tolerance",), "'tolerance' must not be negative"))
    compiled["expression"] = expression
    compiled["names"] = selectors
    return compiled, problems


def _selector(spec: Any) -> tuple[NameSelector | None, Problems]:
    from numcheck.rule import compile_where

    if not isinstance(spec, dict):
        return None, [((), f"a name's filter must be a mapping of {', '.join(NAME_KEYS)}")]
    unknown = [k for k in spec if k not in NAME_KEYS]
    if unknown:
        return None, [((unknown[0],), f"unknown name filter '{unknown[0]}' (expected one of: {', '.join(NAME_KEYS)})")]
    nth = spec.get("nth", 1)
    if isinstance(nth, bool) or not isinstance(nth, int) or nth == 0:
        return None, [(("nth",), "'nth' must be a whole number: 1 for the first claim, -1 for the last")]
    where, problems = compile_where({k: v for k, v in spec.items() if k != "nth"})
    return (None, problems) if problems else (NameSelector(where, nth), [])


CHECK = CheckKind(name="expression", run=check, params={"tolerance": 0}, required=("expression", "names"))
