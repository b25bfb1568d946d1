"""Placeholder for the repeated_figure check."""

from __future__ import annotations

from numcheck.checks import CheckKind


def check(rule, claims, relations):
    return []


CHECK = CheckKind(name="repeated_figure", run=check)
