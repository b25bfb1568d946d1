"""Build a `Finding` from a rule and the claims it is about.

Every check kind goes through `make_finding`, so the message template is filled the same way
everywhere and a finding always points at its primary claim. ``{figure}`` is the primary claim as
the article writes it with its counted noun ("35 countries"), ``{noun_plural}`` the noun's plural,
and numbers print as news writes them (`numcheck.figures`). Templates are plain
``str.format`` fields over ``MESSAGE_FIELDS`` only; ``ruleset.py`` refuses any other field (or
attribute/index access such as ``{value.__class__}``) when the rule file loads, so formatting here
cannot fail or reach into Python objects.
"""

from __future__ import annotations

import math
import string
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from numcheck.figures import as_written, format_number, noun_plural
from numcheck.model import Claim, Finding
from numcheck.vocabulary import MESSAGE_FIELDS

if TYPE_CHECKING:
    from numcheck.ruleset import Rule

__all__ = ["MESSAGE_FIELDS", "format_message", "make_finding", "message_fields"]

def message_fields(template: str) -> list[str]:
    """The field names a template uses, raising ValueError on malformed braces."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


class _Missing(str):
    """Stands in for a value a finding does not have, so ``{expected:g}`` prints "?" not a crash."""

    def __format__(self, spec: str) -> str:
        return "?"


class _Number(float):
    """A number in a message: ``{value}`` and ``{value:g}`` print it as news writes it ("4.2 billion",
    "1,500"), never as Python's "4.2e+09"; any other spec (``{value:.1f}``) is the author's choice."""

    def __format__(self, spec: str) -> str:
        if spec in ("", "g", ",g"):
            return format_number(float(self), 4)
        return float.__format__(self, spec)


def _field(value: Any) -> Any:
    if value is None:
        return _Missing()
    if isinstance(value, float | int) and not isinstance(value, bool):
        return _Number(value)
    return value


def format_message(template: str, values: dict[str, Any]) -> str:
    """Fill a message template; missing or non-numeric values under a numeric spec print "?"."""
    safe = {name: _field(values.get(name)) for name in MESSAGE_FIELDS}
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
        "noun_plural": noun_plural(primary),
        "text": primary.text,
        "figure": as_written(primary),
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
