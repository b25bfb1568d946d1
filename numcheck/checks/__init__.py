"""The registry of check kinds: one module per kind, listed explicitly below.

Each module defines ``check(rule, claims, relations) -> list[Finding]`` and a module-level
``CHECK = CheckKind(...)`` constant. There is no import-time registration: ``CHECKS`` is built once
from ``_MODULES``, so what is registered is exactly what this file names. Keep ``_MODULES`` in step
with the ``check`` enum of ``numcheck/rules.schema.json`` (a test compares them).

`CheckKind` is defined in `numcheck.checks.kind` and re-exported here: the check modules import it
from there, so none of them imports this package back while it is loading them.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType

from numcheck.checks.kind import CheckKind

__all__ = ["CHECKS", "CheckKind"]


_MODULES = (
    "change",
    "expression",
    "fraction_of",
    "granularity",
    "part_whole",
    "percent_of",
    "range",
    "repeated_figure",
    "sum_of_parts",
)


def _load() -> Mapping[str, CheckKind]:
    kinds = {}
    for name in _MODULES:
        module = importlib.import_module(f"numcheck.checks.{name}")
        kinds[module.CHECK.name] = module.CHECK
    return MappingProxyType(kinds)


CHECKS: Mapping[str, CheckKind] = _load()
