"""What every relation-reading check does first: find its relations and their claims by role.

A check receives the claims its rule's ``where`` lets through and the relations whose claims are all
among them. It must read only relations of its own kind and must never guess a claim's part from its
position, so this helper hands each relation over as a role → claims map. Params are read here too,
so a rule built without the ruleset's defaults (a test, an older pack) still gets the documented ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from numcheck.checks.kind import CheckKind
    from numcheck.model import Claim, Relation
    from numcheck.ruleset import Rule

__all__ = ["linked", "param"]


def linked(
    relations: Sequence[Relation], claims: Sequence[Claim], kind: str
) -> Iterator[tuple[Relation, dict[str, list[Claim]]]]:
    """Each relation of ``kind`` whose claims are all visible, with its claims grouped by role."""
    by_id = {c.id: c for c in claims}
    for relation in relations:
        if relation.kind != kind or any(i not in by_id for i in relation.claims):
            continue
        roles: dict[str, list[Claim]] = {}
        for claim_id, role in zip(relation.claims, relation.roles, strict=False):
            roles.setdefault(role, []).append(by_id[claim_id])
        yield relation, roles


def param(rule: Rule, kind: CheckKind, name: str) -> Any:
    """A rule parameter, falling back to the check's documented default."""
    params = getattr(rule, "params", None) or {}
    value = params.get(name)
    return kind.params[name] if value is None else value
