"""Conversions: a figure restated in another unit right beside it, "100F (37.8C)", "$10bn (£8.2bn)".

News gives a measure in the reader's unit and the source's, and the second is arithmetic on the
first, so a slip in either shows. The cue is the place alone: the second figure opens a bracket
right after the first (a qualifier such as "about" may stand before it) and the bracket holds only
figures, closing right after them ("€1bn (£850m; $1.1bn)"); the two are of one dimension in two
units listed in `numcheck.conversions` (length, area, volume, mass, speed, temperature, or money in
two currencies). Values are never read here: a conversion that is off is exactly what must be
linked. What a bracket holds besides a conversion fails one of the tests: "£10bn (up 5%)" (words,
and a share), "$5m (2019)" (a count), "£3bn ($4 a share)" (words after the figure), "6ft 2in
(1.88m)" (the figure before the bracket is the end of a compound measure, not the whole of it).

A range converts end to end ("2-4 inches (5-10cm)"): both must be ranges. The linker runs last, so
no other repeated-figure linker ever sees a conversion as a restatement already made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from numcheck.conversions import dimension
from numcheck.model import Claim
from numcheck.relate.clause import QUAL, ClauseView, Draft

__all__ = ["link_conversions"]

#: Between a figure and its conversion: the bracket opening, and a qualifier ("(about 8km)").
_OPENS = re.compile(r"^\s*\(\s*" + QUAL + r"$", re.I)
#: Between two conversions in one bracket: "(£53m; $100m)", "(£53m, $100m)", "(£53m or $100m)".
_NEXT = re.compile(r"^\s*(?:[;,/]\s*|or\s+)" + QUAL + r"$", re.I)
#: Right after the last figure of the bracket: its closing.
_CLOSES = re.compile(r"^\s*\)")
#: Between the two parts of a compound measure: "6ft 2in", "5lb 3oz", "1m 20cm".
_COMPOUND = re.compile(r"^\s*(?:and\s+)?$", re.I)


def link_conversions(text: ClauseView) -> Iterator[Draft]:
    """Each figure with the figures of its bracket that restate it in another unit of its dimension."""
    claims = text.claims
    for index, first in enumerate(claims):
        kind = dimension(first.unit)
        if kind is None or index + 1 >= len(claims) or first.qualifier == "vague":
            continue
        bracket = _bracket_after(text, index)
        if not bracket or not all(_converts(first, c) for c in bracket):
            continue
        if index and _continues_compound(text, claims[index - 1], first):
            continue
        if any(_prefixed_currency(text, c) for c in (first, *bracket)):
            continue
        for second in bracket:
            yield Draft("repeated_figure", (first, second), ("first", "second"), "converted in brackets")


def _bracket_after(text: ClauseView, index: int) -> list[Claim]:
    """The figures of a bracket opened right after ``claims[index]`` when it holds nothing else."""
    claims, first = text.claims, text.claims[index]
    found: list[Claim] = []
    previous, pattern = first, _OPENS
    for claim in claims[index + 1 : index + 4]:
        if claim.sentence != first.sentence or not pattern.match(text.text[previous.end : claim.start]):
            break
        found.append(claim)
        if _CLOSES.match(text.text[claim.end : claim.end + 3]):
            return found
        previous, pattern = claim, _NEXT
    return []


def _converts(first: Claim, second: Claim) -> bool:
    """Two figures of one dimension in two units, both single figures or both ranges."""
    return (second.unit != first.unit and dimension(second.unit) == dimension(first.unit)
            and second.qualifier != "vague" and (first.kind == "range") == (second.kind == "range")
            and first.kind in ("number", "range") and second.kind in ("number", "range"))


def _continues_compound(text: ClauseView, before: Claim, first: Claim) -> bool:
    """"6ft 2in (1.88m)": the figure before the bracket ends a measure begun by the one before it."""
    return (before.sentence == first.sentence and dimension(before.unit) == dimension(first.unit)
            and bool(_COMPOUND.match(text.text[before.end : first.start])))


def _prefixed_currency(text: ClauseView, claim: Claim) -> bool:
    """"Z$5bn", "Mex$200", "E£40": a letter glued before the sign names a currency the extractor
    reads as another country's dollar or pound, so its rate would be judged against the wrong band."""
    return claim.start > 0 and text.text[claim.start - 1].isalpha()
