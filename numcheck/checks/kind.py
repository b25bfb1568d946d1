"""`CheckKind`: what a check module registers, in a module of its own.

The registry (`numcheck.checks`) imports every check module, and every check module needs
`CheckKind`; defined in the registry, each check module would import the package that is still
loading it (an import loop; a test checks). So it lives here, below both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.rule import Rule

__all__ = ["CheckKind"]


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
