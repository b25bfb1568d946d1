"""Build claims (placeholder)."""

from __future__ import annotations

from numcheck.document import Document
from numcheck.model import Claim


class Extractor:
    def extract(self, document: Document) -> tuple[Claim, ...]:
        return ()
