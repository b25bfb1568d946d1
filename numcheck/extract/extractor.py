"""Turn the figures of a document into `Claim`s: value, unit, counted noun, qualifier, interval.

The `Extractor` composes the readers once per sentence: the number grammar finds the figures
(`numcheck.extract.numbers`), then each figure gets its unit (`units`), its counted noun (`nouns`,
`antecedents`) and its qualifier and interval (`qualifiers`). "€1.1bn" is 1.1e9 EUR, "nearly 90%"
is percent in [85.5, 90), "84 of the 112 drones" counts drones twice.

>>> [(c.text, c.value, c.unit) for c in Extractor().extract_text("Russia got €1.1bn and 12% more.")]
[('€1.1bn', 1100000000.0, 'EUR'), ('12%', 12.0, 'percent')]
>>> [(c.text, c.noun, c.qualifier) for c in Extractor().extract_text("Nearly 84 of the 112 drones fell.")]
[('84', 'drone', 'lt'), ('112', 'drone', 'eq')]
"""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.document import Document, Span, read_document
from numcheck.extract.antecedents import PreviousNouns, column_header, share_partitive_nouns, specify_general_nouns
from numcheck.extract.candidates import may_hold_figure
from numcheck.extract.currencies import default_dollar
from numcheck.extract.mention import Mention
from numcheck.extract.nouns import noun_of
from numcheck.extract.numbers import scan_view
from numcheck.extract.pipe_tables import TableIndex
from numcheck.extract.qualifiers import qualify
from numcheck.extract.quantulum import UnitResolver
from numcheck.extract.scores import SCORE_KINDS, score_nouns
from numcheck.extract.sentence import Sentence, Unit
from numcheck.extract.tables.nouns import RANK_HEADERS
from numcheck.extract.tokens import tokenize
from numcheck.extract.units import (
    carry_units_to_changed,
    inherit_currencies,
    join_subunits,
    share_pair_units,
    share_suspended_hyphens,
    unit_of,
)
from numcheck.extract.windows import LONG_SENTENCE, windows
from numcheck.intervals import Interval
from numcheck.model import Claim

__all__ = ["Extractor"]


class Extractor:
    """Builds claims for many documents; owns the quantulum3 unit cache."""

    def __init__(self) -> None:
        self.units = UnitResolver()

    def extract_text(self, text: str, kind: str = "text") -> tuple[Claim, ...]:
        return self.extract(read_document(text, kind))

    def extract(self, document: Document) -> tuple[Claim, ...]:
        """Claims of a document in reading order, ids ``c1``, ``c2``, ..."""
        return tuple(claim for piece in self.stream(document) for claim in piece)

    def stream(self, document: Document) -> Iterator[list[Claim]]:
        """The claims of a document piece by piece (a sentence, or a window of an overlong one), in
        reading order, numbered across pieces as `extract` numbers them. A caller that checks a
        claim-dense input one part at a time (`numcheck.extract.stream`) never holds them all."""
        dollar = default_dollar(document.text)
        count = 0
        # What the next figure sentence's `PreviousNouns` is made of: the piece read last and its
        # counted nouns. Made only when a sentence holds a figure: most sentences do not.
        last_piece: Span | None = None
        last_counted: tuple[str, ...] = ()
        # only with a pipe can a figure sit under a table's column header
        tables = TableIndex(document.original) if "|" in document.original else None
        text = document.text
        for index, span in enumerate(document.sentences):
            # an overlong sentence is read window by window, so its tokens never all exist at once
            pieces = ((span.start, span.end),) if span.end - span.start <= LONG_SENTENCE else \
                windows(text, span.start, span.end)
            for start, end in pieces:
                piece = span if start == span.start and end == span.end else Span(start, end)
                if not may_hold_figure(text, start, end):
                    last_piece, last_counted = piece, ()
                    continue
                sentence = Sentence(document, index, tokenize(text, start, end), dollar=dollar, table_index=tables,
                                    units=self.units)
                built = sentence_claims(sentence, PreviousNouns(document, last_piece, last_counted), count)
                count += len(built)
                if built:
                    yield built
                last_piece, last_counted = piece, tuple(c.noun for c in built if c.noun and c.unit == "count")


def sentence_claims(s: Sentence, previous: PreviousNouns, offset: int) -> list[Claim]:
    """The claims of one sentence, numbered from ``offset + 1``."""
    mentions = scan_view(s)
    drafts = []
    for mention in mentions:
        unit = unit_of(s, mention)
        if unit is None:
            continue
        drafts.append((mention, unit))
    drafts = carry_units_to_changed(s, share_pair_units(s, inherit_currencies(s, drafts)))
    drafts = join_subunits(s, share_suspended_hyphens(s, drafts))
    if s.table_index is not None:  # "1 | Arsenal | 3": a position column ranks, it counts nothing
        drafts = [d for d in drafts if column_header(s, d[1]) not in RANK_HEADERS]
    nouns = [noun_of(s, m, u) for m, u in drafts]
    nouns, sources = share_partitive_nouns(s, drafts, nouns, previous)
    specify_general_nouns(s, drafts, nouns, sources, previous)
    name_score_nouns(s, drafts, nouns, sources)
    out = []
    for (mention, unit), noun, source in zip(drafts, nouns, sources, strict=True):
        out.append(build(s, mention, unit, noun, offset + len(out) + 1, source))
    return out


def build(s: Sentence, m: Mention, unit: Unit, noun: str | None, number: int, noun_source: str = "") -> Claim:
    """The `Claim` of one figure: its span covers the unit words, its interval the qualifier."""
    document = s.document
    first_token = s.tokens[unit.first]
    start = min(first_token.start, m.start)
    end = max(s.tokens[unit.last - 1].end, m.end)
    value = m.value * unit.factor
    precision = m.precision * unit.factor
    qualifier, interval = qualify(s, m, unit, value, Interval(m.low * unit.factor, m.high * unit.factor))
    line, column = document.position(start)
    kind = m.kind
    return Claim(
        id=f"c{number}",
        text=document.original[start:end],
        value=value,
        unit=unit.unit,
        noun=noun,
        qualifier=qualifier,
        low=interval.low,
        high=interval.high,
        precision=precision,
        start=start,
        end=end,
        sentence=s.index,
        paragraph=document.paragraph_index(start),
        line=line,
        column=column,
        kind=kind,
        noun_source=noun_source,
    )


def name_score_nouns(s: Sentence, drafts: list[tuple[Mention, Unit]], nouns: list[str | None],
                     sources: list[str]) -> None:
    """The two sides of a score or record count what the sport counts, whatever words follow them
    ("a 3-1 win" counts goals, not wins). Updates ``nouns``/``sources`` in place."""
    k = 0
    while k < len(drafts) - 1:
        kind = drafts[k][0].kind
        if kind in SCORE_KINDS and drafts[k + 1][0].kind == kind:
            first, second = score_nouns(s, kind, (drafts[k][0], drafts[k + 1][0]))
            nouns[k], nouns[k + 1] = first, second
            sources[k] = sources[k + 1] = "score" if first else ""
            k += 2
        else:
            k += 1
