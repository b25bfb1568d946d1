"""Placeholder for the sum_of_parts check."""

from __future__ import annotations

from numcheck.checks import CheckKind


def check(rule, claims, relations):
    return []


CHECK = CheckKind(name="sum_of_parts", run=check)
