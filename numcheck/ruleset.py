"""Load rule packs (skeleton: the interfaces are fixed, loading is filled in by the rules work)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from numcheck.checks import CheckKind
from numcheck.document import Document
from numcheck.model import Claim


@dataclass(frozen=True)
class Where:
    """Which claims a rule sees. Empty tuples mean "any"."""

    nouns: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # words that must appear in the claim's sentence

    def matches(self, claim: Claim, document: Document) -> bool:
        return True


@dataclass(frozen=True)
class Rule:
    """A compiled rule: header fields, its check kind, and kind parameters with defaults applied."""

    id: str
    check: str
    severity: str
    message: str
    kind: CheckKind
    params: Mapping[str, Any] = field(default_factory=dict)
    where: Where = field(default_factory=Where)
    description: str = ""
    examples_pass: tuple[str, ...] = ()
    examples_fail: tuple[str, ...] = ()
    pack: str = ""
    path: str = ""
    line: int = 0


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...] = ()

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules)

    def configured(
        self, select: Iterable[str] = (), disable: Iterable[str] = (), severity: dict[str, str] | None = None
    ) -> RuleSet:
        return self


def load_rules(paths: Sequence[str], use_defaults: bool = True) -> RuleSet:
    return RuleSet()
