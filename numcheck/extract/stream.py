"""Claims of a claim-dense input, read part by part so that they never all exist at once.

A `Claim` and what linking builds around it cost about 1.4 KB, so a flattened table or a broken
feed with a figure every few characters (330,000 claims in a megabyte of "5%%5%%...") would need
hundreds of megabytes before its first finding, against the 25 bytes a character numcheck allows
itself (issue 15). The checker therefore links and checks an input `PART_CLAIMS` claims at a time
(`parts`), keeps only the relations and findings, and hands the writers a `ClaimStream`: the
claims again, extracted anew each time they are read, so a writer holds one at a time.

A news article has at most a few hundred figures, so it is always one part: for every real input
nothing here changes a claim, a relation or a finding. Past that size, figures in different parts
are not linked (they are thousands of figures apart), and the claims of a multi-part input cost a
second extraction when they are written.

>>> from numcheck.document import read_document
>>> from numcheck.extract.extractor import Extractor
>>> document = read_document("Of 35 people, 26 came. Then 12% more. " * 3)
>>> [len(part) for part in parts(Extractor(), document, size=4)]  # a part ends with a sentence
[5, 4]
>>> claims = ClaimStream(document, 9)
>>> len(claims), claims[4].id, [c.text for c in claims[:3]]
(9, 'c5', ['35', '26', '12%'])
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any, overload

from numcheck.document import Document
from numcheck.extract.extractor import Extractor
from numcheck.model import Claim

__all__ = ["PART_CLAIMS", "ClaimStream", "part_span", "parts"]

#: Claims linked and checked together. The BBC and Guardian corpora have at most a few hundred
#: figures an article; 4,000 claims with their linking cost about 6 MB.
PART_CLAIMS = 4000


def parts(extractor: Extractor, document: Document, size: int = PART_CLAIMS) -> Iterator[tuple[Claim, ...]]:
    """The claims of ``document`` in reading order, cut after the first sentence (or window) that
    brings a part to ``size`` claims; a document with fewer is one part (possibly empty). An
    extractor of one's own that has only ``extract`` gives one piece, so one part."""
    batch: list[Claim] = []
    cut = False
    stream = getattr(extractor, "stream", None)
    for piece in stream(document) if stream is not None else (extractor.extract(document),):
        batch.extend(piece)
        if len(batch) >= size:
            yield tuple(batch)
            batch, cut = [], True
    if batch or not cut:
        yield tuple(batch)


def part_span(document: Document, part: Sequence[Claim]) -> tuple[int, int]:
    """The text a part's claims come from: its first sentence's start to its last one's end."""
    first, last = document.sentences[part[0].sentence], document.sentences[part[-1].sentence]
    return min(first.start, part[0].start), max(last.end, part[-1].end)


class ClaimStream(Sequence[Claim]):
    """Every claim of a document, extracted again each time it is iterated (see the module doc).

    It is a read-only sequence: ``len`` is known, iteration streams, and indexing walks to the
    index, which writers never need (they iterate). It pickles as its document, so a worker sends
    the text, not the claims, and the parent extracts them when it writes them.
    """

    __slots__ = ("_extractor", "count", "document")

    def __init__(self, document: Document, count: int, extractor: Extractor | None = None) -> None:
        self.document = document
        self.count = count
        self._extractor = extractor

    def __iter__(self) -> Iterator[Claim]:
        if self._extractor is None:
            self._extractor = Extractor()
        for piece in self._extractor.stream(self.document):
            yield from piece

    def __len__(self) -> int:
        return self.count

    @overload
    def __getitem__(self, index: int) -> Claim: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Claim, ...]: ...

    def __getitem__(self, index: int | slice) -> Claim | tuple[Claim, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        position = index + self.count if index < 0 else index
        if not 0 <= position < self.count:
            raise IndexError("claim index out of range")
        return next(itertools.islice(self, position, None))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(other) == self.count and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return ClaimStream, (self.document, self.count)

    def __repr__(self) -> str:
        return f"ClaimStream({self.count} claims)"
