"""The registry of check kinds: one module per kind, listed explicitly below.

Each module defines ``check(rule, claims, relations) -> list[Finding]`` and a module-level
``CHECK = CheckKind(...)`` constant. There is no import-time registration: ``CHECKS`` is built once
from ``_MODULES``, so what is registered is exactly what this file names. Keep ``_MODULES`` in step
with the ``check`` enum of ``numcheck/rules.schema.json`` (a test compares them).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule

__all__ = ["CHECKS", "CheckKind"]


@dataclass(frozen=True)
class CheckKind:
    """A registered check: its name, the relation kind it reads (None: it reads claims), its
    parameters with their defaults, and the function that runs it."""

    name: str
    run: Callable[[Rule, Sequence[Claim], Sequence[Relation]], list[Finding]]
    relation: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    #: Parameters a rule must give (e.g. ``expression`` for the expression kind).
    required: tuple[str, ...] = ()
    #: Optional cheap test of one claim, run before the rule's ``where`` reads any sentence: a range
    #: rule only cares about figures outside its limits, so the context regexes run on few claims.
    candidate: Callable[[Rule, Claim], bool] | None = None


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
