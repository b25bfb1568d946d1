"""The registry of check kinds: one module per kind, listed explicitly below.

Each module defines ``check(rule, claims, relations) -> list[Finding]`` (or, for a check across
articles, ``check(rule, claims_frame) -> findings_frame``) and a module-level
``CHECK = CheckKind(...)`` constant. There is no import-time registration: ``CHECKS`` is built once
from ``_MODULES`` and ``_FRAME_MODULES``, so what is registered is exactly what this file names.
``numcheck/rules.schema.json`` is generated from ``CHECKS`` (a test fails when it is stale).

`CheckKind` is defined in `numcheck.checks.kind` and re-exported here: the check modules import it
from there, so none of them imports this package back while it is loading them.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType

from numcheck.checks.kind import CheckKind

__all__ = ["CHECKS", "CLAIM_CHECKS", "FRAME_CHECKS", "CheckKind"]


_MODULES = (
    "change",
    "conversion",
    "expression",
    "fraction_of",
    "granularity",
    "part_whole",
    "percent_of",
    "range",
    "repeated_figure",
    "sum_of_parts",
)
#: The checks across articles (scope "frames"): ``run(rule, claims_frame) -> findings_frame``.
#: `numcheck.compare_frame` runs them over a claims frame; a `Checker` never does.
_FRAME_MODULES = ("corpus_figure",)


def _load(modules: tuple[str, ...], scope: str) -> Mapping[str, CheckKind]:
    kinds = {}
    for name in modules:
        module = importlib.import_module(f"numcheck.checks.{name}")
        assert module.CHECK.scope == scope, f"{name}: listed as a {scope} check"
        kinds[module.CHECK.name] = module.CHECK
    return MappingProxyType(kinds)


CLAIM_CHECKS: Mapping[str, CheckKind] = _load(_MODULES, "claims")
FRAME_CHECKS: Mapping[str, CheckKind] = _load(_FRAME_MODULES, "frames")
#: Every check kind, both sections: what a rule's ``check`` may name.
CHECKS: Mapping[str, CheckKind] = MappingProxyType({**CLAIM_CHECKS, **FRAME_CHECKS})
