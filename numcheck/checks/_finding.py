"""Build a `Finding` from a rule and the claims it is about.

Every check kind goes through `make_finding`, so the message template is filled the same way
everywhere and a finding always points at its primary claim. Templates are plain
``str.format`` fields over ``MESSAGE_FIELDS`` only; ``ruleset.py`` refuses any other field (or
attribute/index access such as ``{value.__class__}``) when the rule file loads, so formatting here
cannot fail or reach into Python objects.
"""

from __future__ import annotations

import math
import string
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from numcheck.model import Claim, Finding

if TYPE_CHECKING:
    from numcheck.ruleset import Rule

__all__ = ["MESSAGE_FIELDS", "format_message", "make_finding", "message_fields"]

#: The names a rule's ``message`` may use. Keep in sync with the schema's description of ``message``.
MESSAGE_FIELDS = frozenset(
    {"value", "unit", "noun", "text", "expected", "actual", "explanation", "low", "high", "rule", "check",
     "severity", "qualifier"}
)


def message_fields(template: str) -> list[str]:
    """The field names a template uses, raising ValueError on malformed braces."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


class _Missing(str):
    """Stands in for a value a finding does not have, so ``{expected:g}`` prints "?" not a crash."""

    def __format__(self, spec: str) -> str:
        return "?"


def format_message(template: str, values: dict[str, Any]) -> str:
    """Fill a message template; missing or non-numeric values under a numeric spec print "?"."""
    safe = {name: (_Missing() if values.get(name) is None else values[name]) for name in MESSAGE_FIELDS}
    try:
        return template.format(**safe)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return template


def _round(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(value, 6)


def make_finding(
    rule: Rule,
    claims: Sequence[Claim],
    *,
    explanation: str,
    expected: float | None = None,
    actual: float | None = None,
) -> Finding:
    """A finding about ``claims`` (the first is the primary one an editor is pointed at)."""
    primary = claims[0]
    values: dict[str, Any] = {
        "value": primary.value,
        "unit": primary.unit,
        "noun": primary.noun or "",
        "text": primary.text,
        "qualifier": primary.qualifier,
        "low": primary.low,
        "high": primary.high,
        "expected": _round(expected),
        "actual": _round(actual),
        "explanation": explanation,
        "rule": rule.id,
        "check": rule.check,
        "severity": rule.severity,
    }
    return Finding(
        rule=rule.id,
        check=rule.check,
        severity=rule.severity,
        message=format_message(rule.message, values),
        claims=tuple(c.id for c in claims),
        start=primary.start,
        end=primary.end,
        line=primary.line,
        column=primary.column,
        expected=_round(expected),
        actual=_round(actual),
        source="",
        explanation=explanation,
    )
