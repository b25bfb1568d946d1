"""`CheckKind`: what a check module registers, in a module of its own.

The registry (`numcheck.checks`) imports every check module, and every check module needs
`CheckKind`; defined in the registry, each check module would import the package that is still
loading it (an import loop; a test checks). So it lives here, below both.

A kind declares everything the loader needs about it, so the loader needs nothing else (no
reflection, no per-kind code in ``ruleset.py``):

- ``params``: the parameters with their defaults (``None``: optional, no default);
- ``schema``: one JSON Schema fragment per parameter (and per ``required`` one). The rule schema
  ``numcheck/rules.schema.json`` is generated from these, and a pack is validated against it;
- ``compile``: an optional function run once the rule passed the schema, for what a schema cannot
  say (the ``expression`` kind parses its expression there);
- ``scope``: ``"claims"`` for a check of one article (``run(rule, claims, relations) -> findings``)
  or ``"frames"`` for a check across articles (``run(rule, claims_frame) -> findings_frame``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from numcheck.model import Claim

__all__ = ["SCOPES", "TOLERANCE", "CheckKind", "Compile", "Problems", "number"]

#: A problem found by a kind's compile function: (path of keys within the rule, message).
Problems = list[tuple[tuple[Any, ...], str]]
#: ``compile(params) -> (compiled params, problems)``; runs once per rule, when it loads.
Compile = Callable[[Mapping[str, Any]], tuple[dict[str, Any], Problems]]
#: Where a kind runs: on one article's claims and relations, or on a frame of many articles' claims.
SCOPES = ("claims", "frames")


@dataclass(frozen=True, eq=False)
class CheckKind:
    """A registered check: its name, the relation kind it reads (None: it reads claims), its
    parameters with their defaults and JSON Schema, its compile step and the function that runs it.

    Kinds compare and hash by identity (``eq=False``): a kind is one registered object, and the
    loader caches the schema validator built for a set of kinds.
    """

    name: str
    run: Callable[..., Any]
    relation: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    #: Parameters a rule must give (e.g. ``expression`` for the expression kind).
    required: tuple[str, ...] = ()
    #: One JSON Schema fragment per parameter in ``params`` and ``required``.
    schema: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    compile: Compile | None = None
    scope: str = "claims"
    #: Optional cheap test of one claim, run before the rule's ``where`` reads any sentence: a range
    #: rule only cares about figures outside its limits, so the context regexes run on few claims.
    #: Its first argument is the `numcheck.rule.Rule`, typed ``Any`` here because ``rule.py`` imports
    #: this module (naming ``Rule`` here, even for type checkers only, made an import circle).
    candidate: Callable[[Any, Claim], bool] | None = None

    def __post_init__(self) -> None:
        declared = {*self.params, *self.required}
        if set(self.schema) != declared:
            raise ValueError(f"check kind {self.name!r}: schema must describe exactly its parameters "
                             f"{sorted(declared)}, not {sorted(self.schema)}")
        if self.scope not in SCOPES:
            raise ValueError(f"check kind {self.name!r}: scope must be one of {SCOPES}")


def number(description: str, minimum: float | None = None) -> dict[str, Any]:
    """The schema of a numeric parameter (JSON numbers; YAML booleans are not numbers)."""
    schema: dict[str, Any] = {"type": "number", "description": description}
    if minimum is not None:
        schema["minimum"] = minimum
    return schema


#: The ``tolerance`` most kinds take: an absolute slack beyond the figures' own rounding.
TOLERANCE = number("Absolute slack allowed beyond the figures' own rounding.", minimum=0)
