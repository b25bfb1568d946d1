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
>>> [(len(part.claims), part.span) for part in parts(Extractor(), document, size=4)]  # ends with a sentence
[(5, (0, 60)), (4, (61, 113))]
>>> claims = ClaimStream(document, 9)
>>> len(claims), claims[4].id, [c.text for c in claims[:3]]
(9, 'c5', ['35', '26', '12%'])
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from numcheck.document import Document
from numcheck.extract.extractor import Extractor
from numcheck.model import Claim

__all__ = ["PART_CLAIMS", "ClaimStream", "Part", "parts", "written"]

#: Claims linked and checked together. The BBC and Guardian corpora have at most a few hundred
#: figures an article; 4,000 claims with their linking cost about 6 MB.
PART_CLAIMS = 4000


@dataclass(frozen=True, slots=True)
class Part:
    """Claims linked and checked together, and where they come from."""

    claims: tuple[Claim, ...]
    #: None when the part is the whole document (every news article): the linker then reads the
    #: whole text, as it always did. Otherwise the stretch of text its claims come from.
    span: tuple[int, int] | None = None


def parts(extractor: Extractor, document: Document, size: int = PART_CLAIMS) -> Iterator[Part]:
    """The claims of ``document`` in reading order, cut after the first sentence (or window) that
    brings a part to ``size`` claims; a document with fewer is one whole part (possibly empty). An
    extractor of one's own that has only ``extract`` gives one piece, so one part."""
    batch: list[Claim] = []
    cut = False
    stream = getattr(extractor, "stream", None)
    for piece in stream(document) if stream is not None else (extractor.extract(document),):
        batch.extend(piece)
        if len(batch) >= size:
            yield Part(tuple(batch), _span(document, batch))
            batch, cut = [], True
    if not cut:
        yield Part(tuple(batch))
    elif batch:
        yield Part(tuple(batch), _span(document, batch))


def _span(document: Document, claims: Sequence[Claim]) -> tuple[int, int]:
    """The text claims come from: their first sentence's start to their last one's end."""
    first, last = document.sentences[claims[0].sentence], document.sentences[claims[-1].sentence]
    return min(first.start, claims[0].start), max(last.end, claims[-1].end)


def written(document: Document, count: int, last: Part, extractor: Extractor | None = None) -> Sequence[Claim]:
    """What a `Report` holds of ``count`` claims whose last part is ``last``: the claims themselves
    when that part is the whole document, else a `ClaimStream` that extracts them again."""
    return last.claims if last.span is None else ClaimStream(document, count, extractor)


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
