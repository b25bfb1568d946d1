"""part_of_whole: one part of a whole, stated in any of the shapes news uses.

"26 of 35 countries", "41 of the nations" after "a bloc of 40 nations", "a group of 35 countries ...
26 countries have committed", "launched 112 drones ... intercepted 84 drones", "£4bn ..., of which
£1.3bn", "Just £8,170 of this was cash", "that of the £750m pledged ..., only £41m". Every link needs
a word that makes the reference explicit ("of", a group word, a subset verb, "of which", "of this");
when the shape allows more than one whole, nothing is linked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from numcheck.english import verb_stem
from numcheck.model import Claim
from numcheck.relate import tables
from numcheck.relate.clause import (
    QUAL,
    ClauseView,
    Draft,
    contexts_differ,
    is_count_like,
    lower_words,
    names_one,
    nouns_agree,
    synonyms,
)
from numcheck.relate.shapes import (
    COMPARED_BEFORE,
    FOR_NUMBER,
    LIMITERS,
    OF_NOUN,
    OF_NUMBER,
    TALLY_BEFORE,
    earlier_here_or_before,
    ends_list,
    group_word,
    is_code,
    noun_phrase,
    same_unit_before,
)

__all__ = [
    "link_explicit_parts",
    "link_group_wholes",
    "link_named_wholes",
    "link_of_clauses",
    "link_of_which",
    "link_subset_verbs",
]


def link_explicit_parts(text: ClauseView) -> Iterator[Draft]:
    """"26 of 35 countries", "84 of the 112 drones": the whole right after "of"; and a tally of
    successes for attempts, "went 15 for 20", where "for" stands between two bare counts."""
    for part in text.figures:
        whole = text.next_in_sentence(part)
        if whole is None or not (is_count_like(part) and is_count_like(whole)) or part.unit != whole.unit:
            continue
        gap = text.gap(part, whole)
        if gap is None:
            continue
        if OF_NUMBER.match(gap):
            cue = "of"
        elif FOR_NUMBER.match(gap):
            cue = "for"
        else:
            continue
        if ((cue == "of" or TALLY_BEFORE.search(text.tail(part, 20))) and nouns_agree(part, whole)
                and not is_code(text, whole) and not names_one(whole)):
            yield Draft("part_of_whole", (part, whole), ("part", "whole"), cue)


def link_named_wholes(text: ClauseView) -> Iterator[Draft]:
    """"41 of the nations" after "a bloc of 40 nations": the whole named by its noun earlier on."""
    for part in text.figures:
        if not is_count_like(part):
            continue
        match = OF_NOUN.match(text.after(part))
        found = noun_phrase(match.group(1), text.nouns) if match else None
        if found is None:
            continue
        noun, printed = found
        if part.noun not in (None, noun):
            continue
        # "those"/"the" points back a short way: a count of the noun paragraphs earlier is another one
        # ("attendance improved in 776 cases" ... "31,000 pupils ... almost 14,000 of those cases").
        earlier = [c for c in text.earlier_with_nouns(part, synonyms(noun)) if c.unit == part.unit
                   and is_count_like(c) and (c.paragraph == part.paragraph or part.sentence - c.sentence <= 2)
                   and not contexts_differ(text, c, part)]
        whole = _pick_whole(text, earlier)
        if whole is not None:
            yield Draft("part_of_whole", (part, whole), ("part", "whole"), f"of the {printed.lower()}")


def _pick_whole(text: ClauseView, candidates: list[Claim]) -> Claim | None:
    """The whole among earlier figures: the only value stated, or the one a group word introduces."""
    if not candidates:
        return None
    if len({c.value for c in candidates}) == 1:
        return candidates[-1]
    grouped = [c for c in candidates if group_word(text, c)]
    return grouped[-1] if len({c.value for c in grouped}) == 1 else None


def link_group_wholes(text: ClauseView) -> Iterator[Draft]:
    """"a group of 35 countries ... 26 countries have committed": a later, smaller count of the same
    noun within the next two sentences of the paragraph is a part of the group."""
    for whole in text.figures:
        if not is_count_like(whole) or whole.noun is None:
            continue
        # The parts are told by their figures first, the group word before the whole only then: most
        # counts have no smaller count of their noun just after them.
        parts = [part for part in text.figures_in(whole.sentence + 1, whole.sentence + 2)
                 if part.start > whole.end and whole.sentence < part.sentence <= whole.sentence + 2
                 and part.paragraph == whole.paragraph and part.noun == whole.noun and part.unit == whole.unit
                 and is_count_like(part) and part.value < whole.value]
        word = group_word(text, whole) if parts else None
        if word is None:
            continue
        part = next((part for part in parts if not contexts_differ(text, whole, part)), None)
        if part is not None:
            yield Draft("part_of_whole", (part, whole), ("part", "whole"), f"{word} of")


_SUBSET_PHRASES = re.compile(r"\bshot\s+down\b|\bbrought\s+down\b|\btaken\s+out\b", re.I)


#: Verbs that introduce everything of a kind ("launched 112 drones"), so a later subset verb can pick
#: from it. Generic verbs (has, reported) are left out on purpose: they introduce any figure at all.
_WHOLE_VERBS = frozenset(
    "launch fired fire sent send deploy deployed total involv register enrol enroll apply applied sat "
    "compet contest field fielded carri carry attend arriv nominat".split()
)

def _verb_before(text: ClauseView, claim: Claim, vocabulary: frozenset[str], words: int = 5) -> str | None:
    """A word of ``vocabulary`` among the last few words before the claim, by lemma. The window stops
    at the previous figure: in "180 were shot down, 42 were jammed" the verb of 180 is not 42's."""
    head = text.tail(claim, 160)
    previous = text.previous_in_sentence(claim)
    if previous is not None:
        head = head[max(0, len(head) - (claim.start - previous.end)) :]
    # The verb governs the figure only when nothing intervenes: not a comma ("180 were shot down, 32
    # were jammed"), not a passive auxiliary that belongs to an earlier subject.
    head = _INTERVENING.split(head)[-1]
    if _AUXILIARY.search(head):
        return None
    phrase = _SUBSET_PHRASES.search(head[-40:])
    if phrase and vocabulary is tables.SUBSET_VERBS:
        return phrase.group(0).lower()
    for word in reversed(lower_words(head)[-words:]):
        if word in vocabulary or verb_stem(word) in vocabulary:
            return word
    return None


_INTERVENING = re.compile(r"[,;:()]")
_AUXILIARY = re.compile(r"\b(?:were|was|been|being|are|is)\b")


def link_subset_verbs(text: ClauseView) -> Iterator[Draft]:
    """"launched 112 drones ... intercepted 84 drones": a subset verb before a later count of the
    same noun makes it a part of a whole introduced by a launch/total verb."""
    for whole in text.figures:
        if whole.noun is None or not is_count_like(whole) or _verb_before(text, whole, _WHOLE_VERBS) is None:
            continue
        if _verb_before(text, whole, tables.SUBSET_VERBS) is not None:
            continue
        for part in text.figures_in(whole.sentence, whole.sentence + 2):
            if not (part.start > whole.end and whole.sentence <= part.sentence <= whole.sentence + 2):
                continue
            if part.noun != whole.noun or part.unit != whole.unit or not is_count_like(part):
                continue
            verb = _verb_before(text, part, tables.SUBSET_VERBS)
            if verb and part.paragraph == whole.paragraph and not contexts_differ(text, whole, part):
                yield Draft("part_of_whole", (part, whole), ("part", "whole"), verb)


#: "£4bn on waste, of which £1.3bn": the part right after "of which/whom".
_OF_WHICH_BEFORE = re.compile(r",\s*of\s+(?:which|whom)\s+" + LIMITERS + QUAL + r"$", re.I)


#: "Just £8,170 of this was cash": "of this" right after the part, then a verb or a stop.
_OF_THIS_AFTER = re.compile(r"^\s+of\s+(?:this|that|it|them|these|those)\b\s*(?:[,.;]|(?:was|were|is|are|will|would|"
                            r"had|has|have|went|came|could|can|must|may|might)\b)", re.I)


#: "Of this, £1m will go on roads": the part opens the next sentence.
_OF_THIS_BEFORE = re.compile(r"^\s*Of\s+(?:this|that|these|those|them)\s*,\s*" + LIMITERS + QUAL + r"$", re.I)


def link_of_which(text: ClauseView) -> Iterator[Draft]:
    """"£4bn ..., of which £1.3bn ...", "took in £63,081. Just £8,170 of this was cash", "Of that,
    £12m ...": one part of the whole that the relative or demonstrative names. The whole is the only
    figure of the part's unit it can refer to: the last one before "of which" in its sentence, or
    for "this" the only one before the part in its sentence, or else in the sentence before."""
    for part in text.figures:
        near = text.text[max(0, part.start - 80) : part.end + 12].lower()
        if not is_count_like(part) or "of " not in near:
            continue  # a cheap test first: most figures have no "of" near them
        if _OF_WHICH_BEFORE.search(text.tail(part, 60, clause=False)):
            whole = same_unit_before(text, part)
            if whole is not None and nouns_agree(part, whole) and not ends_list(text, whole) and not names_one(whole):
                yield Draft("part_of_whole", (part, whole), ("part", "whole"), "of which")
        elif _OF_THIS_AFTER.match(text.after(part, clause=False)) or _OF_THIS_BEFORE.match(
                text.before(part, clause=False)):
            whole = _only_antecedent(text, part)
            if whole is not None and nouns_agree(part, whole) and not names_one(whole):
                yield Draft("part_of_whole", (part, whole), ("part", "whole"), "of this")


def _next_of_unit(text: ClauseView, claim: Claim) -> Claim | None:
    mentions = text.by_sentence_unit.get((claim.sentence, claim.unit), [])
    index = bisect.bisect_right(mentions, claim.end, key=lambda c: c.start)
    return mentions[index] if index < len(mentions) else None


def _only_antecedent(text: ClauseView, claim: Claim) -> Claim | None:
    """What "this"/"that" after a figure refers to: the only other figure of its unit earlier in its
    sentence, or when there is none, the only one in the sentence before."""
    pool = earlier_here_or_before(text, claim, claim.unit)
    # A change amount can be the antecedent: "raised £90,000. Only £15,000 of this came from firms".
    if len(pool) != 1 or not is_count_like(pool[0]) or COMPARED_BEFORE.search(text.tail(pool[0], 40)):
        return None
    return pool[0]


#: "of the" opening a clause mid-sentence ("claim that of the £750m"); relate.py reads it at the
#: start of a sentence.
_OF_MID_CLAUSE = re.compile(r"\b(?:that|and|but)\s+of\s+(?:the|its|their|all)\s+" + QUAL + r"$", re.I)


_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


def link_of_clauses(text: ClauseView) -> Iterator[Draft]:
    """"The Tories claim that of the £750m pledged in 2000 for sports halls, only £41m had been spent":
    the whole opens the clause, its part is the first figure of its unit after the comma."""
    for whole in text.figures:
        if "of " not in text.text[max(0, whole.start - 40) : whole.start].lower() or not is_count_like(whole):
            continue
        if not _OF_MID_CLAUSE.search(text.tail(whole, 40, clause=False)):
            continue
        part = _next_of_unit(text, whole)
        gap = text.gap(whole, part) if part is not None else None
        if part is None or gap is None or not is_count_like(part) or not nouns_agree(part, whole):
            continue
        lead = gap[gap.rfind(",") + 1 :] if "," in gap else None
        if lead is not None and len(gap) <= 140 and len(lead) <= 40 and not re.search(r"\d", _YEARS.sub("", gap)):
            yield Draft("part_of_whole", (part, whole), ("part", "whole"), "of the")
