"""Hand-built claims and rules for tests that must not depend on the extractor.

``claim(text, "26", ...)`` finds the figure in ``text`` (the n-th occurrence) so offsets, sentence
and line are real, and fills low/high the way the extractor does: half a unit of the last printed
digit, widened by the qualifier.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from numcheck.checks import CHECKS
from numcheck.document import Document, read_document
from numcheck.model import Claim, Relation
from numcheck.ruleset import Rule


def make_claim(
    cid: str,
    value: float,
    unit: str = "count",
    noun: str | None = None,
    *,
    precision: float = 1.0,
    qualifier: str = "eq",
    text: str | None = None,
    low: float | None = None,
    high: float | None = None,
    start: int = 0,
    sentence: int = 0,
    kind: str = "number",
) -> Claim:
    half = precision / 2
    lo = value - half if low is None else low
    hi = value + half if high is None else high
    if qualifier == "approx" and low is None:
        lo, hi = lo - 0.05 * abs(value), hi + 0.05 * abs(value)
    return Claim(id=cid, text=text or f"{value:g}", value=value, unit=unit, noun=noun, qualifier=qualifier,
                 low=lo, high=hi, precision=precision, start=start, end=start + len(text or f"{value:g}"),
                 sentence=sentence, paragraph=0, line=1, column=start + 1, kind=kind)


def claims_in(text: str, *specs: tuple[str, dict[str, Any]]) -> tuple[Document, tuple[Claim, ...]]:
    """Claims at the given surfaces of ``text``, in order: each spec is (surface, fields)."""
    document = read_document(text)
    claims = []
    cursor = 0
    for number, (surface, fields) in enumerate(specs, start=1):
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        fields = dict(fields)
        value = fields.pop("value")
        claim = make_claim(f"c{number}", value, text=surface, start=start,
                           sentence=document.sentence_index(start), **fields)
        line, column = document.position(start)
        claims.append(Claim(**{**claim.to_dict(), "line": line, "column": column,
                               "paragraph": document.paragraph_index(start)}))
    return document, tuple(claims)


def rule_for(check: str, **params: Any) -> Rule:
    kind = CHECKS[check]
    merged: Mapping[str, Any] = {**kind.params, **params}
    return Rule(id=f"test-{check}", check=check, severity="error", message="{explanation}", kind=kind,
                params=merged)


def relation(kind: str, claims: tuple[str, ...], roles: tuple[str, ...], **fields: Any) -> Relation:
    return Relation(id="r1", kind=kind, claims=claims, roles=roles, cue=fields.pop("cue", ""),
                    sentence=0, **fields)
