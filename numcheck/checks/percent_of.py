"""Placeholder for the percent_of check."""

from __future__ import annotations

from numcheck.checks import CheckKind


def check(rule, claims, relations):
    return []


CHECK = CheckKind(name="percent_of", run=check)
