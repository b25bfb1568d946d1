"""A fact about named figures of an article, written in numcheck's small arithmetic language.

Why it matters: a desk knows relations the built-in checks do not, such as "the seats of the
parties add up to the chamber's size" or "the winner has more votes than the runner-up". An
``expression`` rule states such a fact once and checks it on every article.

The rule names the figures it needs under ``names``. Each name picks one claim among those the
rule's ``where`` lets through, by ``noun``, ``unit`` and ``qualifier`` (the same filters as
``where``), and by order: ``nth: 1`` (the default) is the first such claim in the article, ``nth: 2``
the second, ``nth: -1`` the last. When a name finds no claim the rule stays silent. The
``expression`` is then evaluated over the claims' honest intervals, with the same `Interval`
arithmetic and comparisons as the built-in checks (``numcheck.intervals``; see ``numcheck.expression`` for
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

from numcheck.checks.finding import make_finding
from numcheck.checks.kind import TOLERANCE, CheckKind, Problems
from numcheck.expression import (
    MAX_LENGTH,
    Compare,
    Expression,
    ExpressionError,
    evaluate,
    evaluate_number,
    parse,
    unparse,
)
from numcheck.figures import format_number
from numcheck.intervals import Interval, of_claim
from numcheck.model import Claim, Finding, Relation
from numcheck.rule import Where, compile_where

if TYPE_CHECKING:
    from numcheck.rule import Rule

#: Filters a name may use: those that need only the claim, not its sentence.
NAME_KEYS = ("noun", "unit", "qualifier", "nth")
#: Names per rule; more would make a rule no one can read.
MAX_NAMES = 20

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
    intervals = {name: of_claim(c) for name, c in chosen.items()}
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
    if isinstance(source, str):
        try:
            expression = parse(source)
        except ExpressionError as exc:
            problems.append((("expression",), f"expression outside the grammar at column {exc.column}: {exc.message}"))
    names: Mapping[str, Any] = params.get("names") or {}
    selectors = {name: _selector(spec) for name, spec in names.items()}
    if expression is not None and names:
        for missing in sorted(expression.names - set(names)):
            problems.append((("expression",), f"name '{missing}' is not declared under 'names'"))
        for unused in sorted(set(names) - expression.names):
            problems.append((("names", unused), f"name '{unused}' is declared but not used in the expression"))
    compiled["expression"] = expression
    compiled["names"] = selectors
    return compiled, problems


def _selector(spec: Mapping[str, Any]) -> NameSelector:
    """A name's filter; the schema has checked its keys and types, so it compiles."""
    where, _ = compile_where({k: v for k, v in spec.items() if k != "nth"})
    return NameSelector(where, spec.get("nth", 1))


_WORDS = {"$ref": "#/$defs/words"}
#: The schema of ``names``: 1 to MAX_NAMES identifiers, each mapped to a filter of NAME_KEYS.
NAMES_SCHEMA = {
    "type": "object",
    "description": "Each name in the expression, mapped to the filter that picks its claim.",
    "minProperties": 1,
    "maxProperties": MAX_NAMES,
    "propertyNames": {"type": "string", "pattern": "^[A-Za-z][A-Za-z0-9_]*$",
                      "errorMessage": {"pattern": "'{value}' is not a valid name (letters, digits and '_')",
                                       "type": "'{value}' is not a valid name (letters, digits and '_')"}},
    "additionalProperties": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "noun": _WORDS, "unit": _WORDS, "qualifier": {"$ref": "#/$defs/qualifiers"},
            "nth": {"type": "integer", "not": {"const": 0},
                    "errorMessage": {"*": "'nth' must be a whole number: 1 for the first claim, -1 for the last"}},
        },
        "errorMessage": {"type": f"a name's filter must be a mapping of {', '.join(NAME_KEYS)}",
                         "additionalProperties": f"unknown name filter '{{extra}}' (expected one of: "
                                                 f"{', '.join(NAME_KEYS)})"},
    },
    "errorMessage": {"*": f"'names' must map 1 to {MAX_NAMES} names to claim filters"},
}

CHECK = CheckKind(
    name="expression", run=check, params={"tolerance": 0}, required=("expression", "names"), compile=compile_params,
    schema={
        "tolerance": TOLERANCE,
        "expression": {"type": "string", "maxLength": MAX_LENGTH,
                       "description": "The comparison to hold, in numcheck's arithmetic language.",
                       "errorMessage": {"type": "'expression' must be a string such as \"a + b == total\""}},
        "names": NAMES_SCHEMA,
    },
)
