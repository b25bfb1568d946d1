"""fraction_of: a fraction of a whole, with the part it names.

"a quarter of the 80 seats, or 25", "two-thirds of the 60 staff, 40 people", "25, or a quarter of
the 80 seats", "more than half the surplus, 6.962 trillion yen" after "the surplus grew to 12.011
trillion yen", and "... £5m. This is nearly half of the £11.7m".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from numcheck.english import singular
from numcheck.model import Claim
from numcheck.relate.clause import (
    QUAL,
    ClauseView,
    Draft,
    is_count_like,
    is_per_unit,
    lower_words,
    names_one,
    states_change,
)
from numcheck.relate.shapes import (
    OF_NUMBER,
    OR_PERCENT,
    far_apposition,
    part_before,
    restated_shares,
)

__all__ = [
    "link_fractions",
    "link_named_fractions",
    "link_restated_fractions",
]


def link_fractions(text: ClauseView) -> Iterator[Draft]:
    """"a quarter of the 80 seats, or 25", "two-thirds of the 60 staff, 40 people", "25, or a quarter of
    the 80 seats"."""
    for fraction in text.figures:
        if fraction.unit != "fraction":
            continue
        whole = text.next_in_sentence(fraction)
        if whole is None or not is_count_like(whole) or not OF_NUMBER.match(text.gap(fraction, whole)):
            continue
        if names_one(whole) or is_per_unit(text, whole):
            continue  # "half of one batch", "a third of the 30p a share": no whole to split
        part = part_before(text, text.previous_in_sentence(fraction), fraction, whole)
        after = text.next_in_sentence(whole)
        if part is None and after is not None and after.unit == whole.unit and is_count_like(after):
            gap = text.gap(whole, after) or ""
            part = after if OR_PERCENT.match(gap) or far_apposition(gap) else None
        if part is not None:
            yield Draft("fraction_of", (fraction, part, whole), ("fraction", "part", "whole"), "of")


def _words_before(text: ClauseView, claim: Claim) -> set[str]:
    """The nouns just before a figure in its clause, singular: "Exports rose to 8.2 trillion yen"."""
    return {singular(w) for w in lower_words(text.tail(claim, 60))[-6:]}


_FRACTION_OF_NOUN = re.compile(r"^\s+(?:of\s+)?(?:the|its|their)\s+([a-z]+)\s*(?:,|\(|—|–)\s*" + QUAL + r"$", re.I)


def link_named_fractions(text: ClauseView) -> Iterator[Draft]:
    """"the surplus grew to 12.011 trillion yen, with more than half the surplus, 6.962 trillion yen,
    from trade with the US": a fraction of a whole named by its noun, the part in apposition. The
    whole is the only figure of the part's unit in this or the previous sentence whose subject is that
    noun."""
    for fraction in text.figures:
        part = text.next_in_sentence(fraction) if fraction.unit == "fraction" else None
        if part is None or not is_count_like(part):
            continue
        match = _FRACTION_OF_NOUN.match(text.gap(fraction, part) or "0")
        if match is None:
            continue
        noun = singular(match.group(1))
        earlier = [*text.earlier_of_unit(fraction, fraction.sentence - 1, part.unit),
                   *text.earlier_of_unit(fraction, fraction.sentence, part.unit)]
        pool = [c for c in earlier if is_count_like(c) and noun in _words_before(text, c)
                and not states_change(text, c) and not is_per_unit(text, c)]
        if len(pool) == 1:
            yield Draft("fraction_of", (fraction, part, pool[0]), ("fraction", "part", "whole"),
                         f"of the {match.group(1).lower()}")


def link_restated_fractions(text: ClauseView) -> Iterator[Draft]:
    """"Labour received more than £5m ... This is nearly half of the £11,724,929 received by all
    parties": a fraction that restates the figure before it (see ``shapes.restated_shares``)."""
    for share, part, whole, cue in restated_shares(text):
        if share.unit == "fraction":
            yield Draft("fraction_of", (share, part, whole), ("fraction", "part", "whole"), cue)
