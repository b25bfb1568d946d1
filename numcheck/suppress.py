"""Inline suppression comments (placeholder until the editorial-CI work fills it in)."""

from __future__ import annotations

from collections.abc import Iterable

from numcheck.document import Document
from numcheck.model import Finding


def apply_suppressions(
    document: Document, findings: Iterable[Finding], known_ids: Iterable[str]
) -> tuple[list[Finding], list[str]]:
    """Drop findings the article itself silences; return them with warnings for unknown ids."""
    return list(findings), []
