"""percent_of: a percentage of a whole, with its part when one is stated.

"45% of the 9 members", "900 jobs, or 6% of its 15,000 staff", "211 of 300 delegates, or 64%",
"45% of the judges" after "a panel of 9 judges", "900 jobs, or 6% of its workforce" with the
workforce stated elsewhere, and "... £5m. This is 45% of the £11.7m".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from numcheck.english import singular
from numcheck.model import Claim
from numcheck.relate import tables
from numcheck.relate.clause import (
    LOOKBACK,
    QUAL,
    ClauseView,
    Draft,
    contexts_differ,
    is_count_like,
    is_per_unit,
    names_one,
)
from numcheck.relate.shapes import (
    BEFORE_RATIO,
    OF_NOUN,
    OF_NUMBER,
    OR_PERCENT,
    far_apposition,
    group_word,
    is_partitive,
    noun_phrase,
    part_before,
    restated_shares,
)

__all__ = [
    "link_percents",
    "link_restated_percents",
]


def link_percents(text: ClauseView) -> Iterator[Draft]:
    for percent in text.figures:
        if percent.unit != "percent" or percent.kind != "number":
            continue
        drafts = list(_percent_with_whole(text, percent))
        yield from drafts or _percent_of_named_whole(text, percent)


_ALL_BEFORE = re.compile(r"\ball\s+(?:the\s+|its\s+|their\s+)?$")


def _percent_of_named_whole(text: ClauseView, percent: Claim) -> Iterator[Draft]:
    """"45% of the judges" after "a panel of 9 judges": the whole named by its noun earlier on. Only
    a whole that a group word or "all" introduces is trusted, since "9 judges" alone may be a subset."""
    match = OF_NOUN.match(text.after(percent))
    found = noun_phrase(match.group(1), text.nouns) if match else None
    if found is None:
        return
    noun, printed = found
    earlier = [c for c in text.earlier_with_noun(percent, noun) if is_count_like(c) and c.unit == "count"
               and not is_partitive(text, c) and not contexts_differ(text, c, percent)
               and (group_word(text, c) or _ALL_BEFORE.search(text.tail(c, 30)))]
    if earlier and len({c.value for c in earlier}) == 1:
        yield Draft("percent_of", (earlier[-1], percent), ("whole", "percent"), f"of the {printed.lower()}")


def _percent_with_whole(text: ClauseView, percent: Claim) -> Iterator[Draft]:
    before = text.previous_in_sentence(percent)
    whole_after = text.next_in_sentence(percent)
    # "45% of the 9 members", "900 jobs, or 6% of its 15,000 staff"
    if whole_after is not None and is_count_like(whole_after) and OF_NUMBER.match(text.gap(percent, whole_after)):
        if names_one(whole_after) or is_per_unit(text, whole_after):
            return  # "1% of one line item", "5% of the 20.3p a share": no count to take a share of
        part = part_before(text, before, percent, whole_after)
        if part is not None:
            yield Draft("percent_of", (part, whole_after, percent), ("part", "whole", "percent"), "or")
        else:
            yield Draft("percent_of", (whole_after, percent), ("whole", "percent"), "of")
        return
    bracketed = _bracketed_part_of_whole(text, percent, whole_after)
    if bracketed is not None:
        yield Draft("percent_of", (*bracketed, percent), ("part", "whole", "percent"), "(of)")
        return
    if before is None:
        return
    # "211 of 300 delegates, or 64%": a part_of_whole right before the percentage
    whole = before
    part = text.previous_in_sentence(whole)
    if (part is not None and is_count_like(whole) and is_count_like(part) and part.unit == whole.unit
            and OF_NUMBER.match(text.gap(part, whole) or "x")
            and (OR_PERCENT.match(text.gap(whole, percent)) or far_apposition(text.gap(whole, percent)))):
        yield Draft("percent_of", (part, whole, percent), ("part", "whole", "percent"), "or")
        return
    # "900 jobs, or 6% of its workforce": the whole stated elsewhere under a matching noun
    match = OF_NOUN.match(text.after(percent))
    part = before
    if match and is_count_like(part) and BEFORE_RATIO.match(text.gap(part, percent)):
        found = _whole_by_noun(text, match.group(1), part)
        if found is not None:
            yield Draft("percent_of", (part, found, percent), ("part", "whole", "percent"),
                         f"or ... of {match.group(1).lower()}")


#: Between a percentage and the part that opens its bracket: "70% (211 of 300 delegates)".
_OPENS_BRACKET = re.compile(r"^\s*\(\s*" + QUAL + r"$", re.I)
#: After the whole, the bracket closes before any other figure: "... of 300 delegates)".
_CLOSES_BRACKET = re.compile(r"^[^\d()]{0,40}\)")


def _bracketed_part_of_whole(text: ClauseView, percent: Claim, part: Claim | None) -> tuple[Claim, Claim] | None:
    """"About 70% (211 of 300 delegates) backed it": the share first, then its part and whole in
    brackets, so the bracket says the same share twice. The two counts must count one thing and
    the bracket must hold nothing else, else "70% (up from 211 of 300)" would pass."""
    if part is None or not _OPENS_BRACKET.match(text.gap(percent, part) or "x"):
        return None
    whole = text.next_in_sentence(part)
    if whole is None or not is_count_like(part) or not is_count_like(whole) or part.unit != whole.unit:
        return None
    if not OF_NUMBER.match(text.gap(part, whole) or "x") or not _CLOSES_BRACKET.match(text.after(whole)):
        return None
    if names_one(whole) or is_per_unit(text, whole):
        return None
    return part, whole


def _whole_by_noun(text: ClauseView, word: str, part: Claim) -> Claim | None:
    noun = singular(word)
    accepted = tables.WHOLE_SYNONYMS.get(noun, frozenset()) | {noun}
    if part.noun is not None and part.noun not in accepted and noun not in tables.WHOLE_SYNONYMS:
        return None
    # The whole must be larger than the part: "rose 7,000 to 4.464 million people, or 10.8% of the
    # workforce" has no stated workforce, and the 7,000 is not it.
    nouns = accepted | ({"person", None} if noun in tables.WHOLE_SYNONYMS else set())
    pool = sorted((c for n in nouns for c in text.by_noun.get(n, ())), key=lambda c: abs(c.start - part.start))
    candidates = [c for c in pool[: 2 * LOOKBACK] if c is not part and c.unit == part.unit and is_count_like(c)
                  and (c.noun in accepted or (noun in tables.WHOLE_SYNONYMS and _EMPLOYS.search(text.tail(c))))
                  and c.value > part.value and not is_partitive(text, c) and not contexts_differ(text, c, part)]
    return candidates[0] if len({c.value for c in candidates}) == 1 else None


#: "employs 12,000 people", "a workforce of 12,000": a count of people that is the whole workforce.
_EMPLOYS = re.compile(r"\b(?:employs?|employing|employed|workforce\s+of|payroll\s+of|staff\s+of)\s+" + QUAL + r"$",
                      re.I)


def link_restated_percents(text: ClauseView) -> Iterator[Draft]:
    """"... £5m. This is 45% of the £11.7m", "900 jobs, which is 6% of its 15,000 staff": a share
    that restates the figure before it (see ``shapes.restated_shares``)."""
    for share, part, whole, cue in restated_shares(text):
        if share.unit == "percent":
            yield Draft("percent_of", (part, whole, share), ("part", "whole", "percent"), cue)
