"""Placeholder for the part_whole check."""

from __future__ import annotations

from numcheck.checks import CheckKind


def check(rule, claims, relations):
    return []


CHECK = CheckKind(name="part_whole", run=check)
