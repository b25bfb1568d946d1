"""Link claims into relations (placeholder)."""

from __future__ import annotations

from numcheck.document import Document
from numcheck.model import Claim, Relation


def relate(document: Document, claims: tuple[Claim, ...]) -> tuple[Relation, ...]:
    return ()
