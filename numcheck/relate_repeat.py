"""Repeated-figure links: the same thing stated twice in one article, so a slip in one shows.

Counts with a counted noun link through a shared verb or a definite back-reference ("the 17
members who backed it"); sums and percentages, which have no counted noun, link through the
subject words around them ("Shares plunge 20%" ... "its shares plunged 20%"). Both refuse figures
under different times, places or names, and figures that are parts of something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from numcheck import cues
from numcheck.model import Claim
from numcheck.relate_text import (
    _GENERIC,
    _IRREGULAR_PAST,
    _LOOKBACK,
    _QUAL,
    _YEAR,
    _contexts_differ,
    _Draft,
    _states_change,
    _subject,
    _Text,
    _words,
)

__all__ = ["_is_partitive", "_link_repeats", "_link_subject_repeats"]

# --- repeated_figure -----------------------------------------------------------------------------

_DEFINITE = re.compile(r"\b(?:the|those|these|its|their|all)\s+" + _QUAL + r"$", re.I)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+" + _QUAL + r"$", re.I)


def _link_repeats(text: _Text, drafts: Sequence[_Draft]) -> Iterator[_Draft]:
    """The same thing stated twice: same unit and noun, in different sentences, with a shared verb and
    a definite back-reference ("the 17 members who backed it"), or an indefinite introduction and a
    definite mention ("a 2.4 billion dollar contract" ... "the $2.4 million contract")."""
    # A figure that is a part or a whole of something else is a group being split, not restated:
    # after "43% of the 7 judges", "the four judges in the majority" is a subset, not a new count.
    grouped = {c.id for d in drafts if d.kind != "change" for c in d.claims}
    candidates = [c for c in text.figures if c.kind == "number" and c.unit != "fraction" and c.id not in grouped
                  and not _is_partitive(text, c)]
    seen: dict[str, list[Claim]] = {}
    for second in candidates:
        noun = _noun_of(text, second)
        if noun is None:
            continue
        earlier = seen.setdefault(noun, [])
        if not _DEFINITE.search(text.tail(second, 30)):
            earlier.append(second)
            continue
        for first in reversed(earlier[-_LOOKBACK:]):
            if first.sentence >= second.sentence or first.unit != second.unit:
                continue
            if not _could_be_one_figure(first, second):
                continue
            stems_a, verbs_a = _predicates(text, first, noun)
            stems_b, verbs_b = _predicates(text, second, noun)
            shared = stems_a & stems_b & (verbs_a | verbs_b)
            introduced = bool(_INDEFINITE.search(text.tail(first, 30))) or _introduced_by_noun(text, first, noun)
            if not (shared or introduced):
                continue  # an earlier mention with another verb may still be the same figure
            # The nearest mention that reads the same decides: if its context differs, older ones do too.
            if not _contexts_differ(text, first, second) and not _frames_contrast(text, first, second, shared):
                cue = sorted(shared)[0] if shared else f"the ... {noun}"
                yield _Draft("repeated_figure", (first, second), ("first", "second"), cue)
            break
        earlier.append(second)


def _link_subject_repeats(text: _Text, drafts: Sequence[_Draft]) -> Iterator[_Draft]:
    """A sum or percentage restated under the same subject words: "Shares plunge 20%" ... "its shares
    plunged 20%", "a $4bn deal" ... "the deal, worth $4bn". Such figures have no counted noun, so
    the subject words stand in for it, and the link stays narrow: the same unit, the same kind of
    statement (a level or a change), no differing time, place or name, and among the later mentions
    under those words either one that agrees (linked, silent) or exactly one at all (linked, so a
    slip shows), and then only when that one is a scale slip or the earlier figure is a change stated
    in the headline ("Shares plunge 20%"). A count needs the same counted noun as well.
    The earlier figure restated exactly anywhere later means a different one is another figure."""
    grouped = {c.id for d in drafts if d.kind not in ("change", "repeated_figure") for c in d.claims}
    linked = {c.id for d in drafts if d.kind == "repeated_figure" for c in d.claims}
    figures = [c for c in text.figures if c.kind == "number" and c.id not in grouped
               and (c.unit == "percent" or _is_currency(c.unit) or (c.unit == "count" and c.noun))
               and c.qualifier in ("eq", "approx") and not _YEAR.fullmatch(c.text)]
    subject_of: dict[str, frozenset[str]] = {}  # computed on first use: most figures never need theirs
    change_of: dict[str, bool] = {}

    def subjects(claim: Claim) -> frozenset[str]:
        if claim.id not in subject_of:
            subject_of[claim.id] = _subject(text, claim)
        return subject_of[claim.id]

    def changes(claim: Claim) -> bool:
        if claim.id not in change_of:
            change_of[claim.id] = _states_change(text, claim)
        return change_of[claim.id]

    by_kind: dict[tuple[str, str | None], list[Claim]] = {}
    for claim in figures:
        by_kind.setdefault((claim.unit, claim.noun), []).append(claim)
    place = {c.id: i for group in by_kind.values() for i, c in enumerate(group)}
    used: set[str] = set()
    for first in figures:
        if first.id in linked:
            continue
        # Only the next _AHEAD mentions of the same unit and noun are read, so a page of figures costs
        # a bounded amount per figure: a restatement dozens of mentions later is not trusted anyway.
        group = by_kind[(first.unit, first.noun)]
        ahead = [c for c in group[place[first.id] + 1 : place[first.id] + 1 + _AHEAD] if c.sentence > first.sentence]
        if not ahead or not subjects(first):
            continue
        later = [c for c in ahead if c.id not in used and _could_be_one_figure(first, c)
                 and subjects(first) & subjects(c)][:_LOOKBACK]
        # The context guard is the costly test, so it runs on the few figures that would be linked.
        same = next((c for c in later if _printed_equal(first, c) and not _contexts_differ(text, first, c)), None)
        later = [c for c in later if not _printed_equal(first, c) and changes(c) == changes(first)]
        slips = [c for c in later if _is_scale_slip(first, c)]
        restated = any(_printed_equal(first, c) for c in ahead)
        if same is not None:
            second = same
        elif len(slips) == 1 and not _contexts_differ(text, first, slips[0]):
            second = slips[0]
        elif (not restated and len(later) == 1 and first.unit == "percent" and changes(first)
              and _is_headline(text, first) and not _contexts_differ(text, first, later[0])):
            second = later[0]  # "Shares plunge 20%" in the headline, the only later plunge of the shares
        else:
            continue
        used.add(second.id)
        cue = sorted(subjects(first) & subjects(second))[0]
        yield _Draft("repeated_figure", (first, second), ("first", "second"), cue)


#: How many later mentions of the same unit and noun a restatement is looked for in.
_AHEAD = 20


def _printed_equal(a: Claim, b: Claim) -> bool:
    """The same figure as printed: 1.9% and 1.8% are two figures even though their roundings touch."""
    return abs(a.value - b.value) <= 1e-9 * max(abs(a.value), abs(b.value), 1.0)


def _is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


def _is_scale_slip(a: Claim, b: Claim) -> bool:
    low, high = sorted((abs(a.value), abs(b.value)))
    return low > 0 and any(abs(high / low - 1000**k) <= 1e-6 * 1000**k for k in (1, 2, 3))


def _is_headline(text: _Text, claim: Claim) -> bool:
    """The figure is in a first line that stands alone as a title: short, its own paragraph."""
    if claim.sentence != 0 or claim.paragraph != 0:
        return False
    start, end = text.sentence_span(claim)
    line = text.text[start:end]
    return len(line) <= 90 and "\n" not in line.strip() and not line.rstrip().endswith((".", "?", "!", ":"))


_NOUN_OF = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[a-z]+\s+)?([a-z]+)\s+of\s+" + _QUAL + r"$")


def _noun_of(text: _Text, claim: Claim) -> str | None:
    """The counted noun: the extractor's, else the word after ("$2.4 million contract"), else the
    noun a money figure is "of" ("a budget of €4.7 billion")."""
    if claim.noun:
        return claim.noun
    head = _head_after(text, claim)
    if head is None and claim.unit not in ("count", "percent", "percentage_point"):
        match = _NOUN_OF.search(text.tail(claim, 40))
        head = cues.singular(match.group(1)) if match and match.group(1) not in cues.STOPWORDS else None
    return head


def _introduced_by_noun(text: _Text, claim: Claim, noun: str) -> bool:
    match = re.search(r"\b(?:a|an)\s+(?:[a-z]+\s+)?([a-z]+)\s+of\s+" + _QUAL + r"$", text.tail(claim, 40))
    return bool(match and cues.singular(match.group(1)) == noun)


def _head_after(text: _Text, claim: Claim) -> str | None:
    match = re.match(r"\s*(?:dollar|euro|pound|yen|rouble|-)?\s*([a-z][a-z-]+)", text.after(claim))
    if not match or match.group(1) in cues.STOPWORDS:
        return None
    return cues.singular(match.group(1))


def _could_be_one_figure(a: Claim, b: Claim) -> bool:
    """A restated figure differs by a slip (a digit, a rounding) or by a whole scale word (2.4 billion
    for 2.4 million); "about 6,000 children" and "4 children" are two different counts."""
    low, high = sorted((abs(a.value), abs(b.value)))
    if low == 0 or high / low <= 10:
        return True
    ratio = high / low
    return any(abs(ratio - 1000**k) <= 1e-6 * 1000**k for k in (1, 2, 3))


def _frames_contrast(text: _Text, first: Claim, second: Claim, shared: set[str]) -> bool:
    """Two figures with the same verb but a different complement: "12 films competing in the
    documentary category" and "the 16 films competing in the dramatic category" count two things.
    True when the words after the shared verb overlap yet each side has words the other lacks."""
    def frame(claim: Claim) -> set[str] | None:
        words = _words(text.after(claim))[:10]
        for i, word in enumerate(words):
            if cues.lemma(word) in shared:
                return {w for w in words[i + 1 : i + 7] if w not in cues.STOPWORDS}
        return None

    a, b = frame(first), frame(second)
    return bool(a is not None and b is not None and a & b and a - b and b - a)


_PARTITIVE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?of\s+(?:the|its|their|these|those|them|whom|which)\b")


def _is_partitive(text: _Text, claim: Claim) -> bool:
    """"10 of the former directors", "none of the 18 directors": a share of a group or the group
    itself, never a restatement of another count. ("the terms of the $2.4 million contract" is not.)"""
    return bool(_PARTITIVE_AFTER.match(text.after(claim)[:30])
                or _PARTITIVE_BEFORE.search(text.tail(claim, 40)))


_PARTITIVE_BEFORE = re.compile(
    r"(?<![\d,.])\b(?:none|all|some|most|many|each|any|several|both|few|half|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozen|\d[\d,.]*)\s+(?:out\s+)?of\s+(?:the|its|their|these|those)\s+" + _QUAL + r"$", re.I)


def _predicates(text: _Text, claim: Claim, noun: str) -> tuple[set[str], set[str]]:
    """Content stems near the figure, and those of them written as verbs (past or -ing forms). A
    shared stem must be a verb on at least one side ("a survey of 2,100 adults" ... "the 1,200 adults
    surveyed"), so a shared adjective such as "former" never links two figures."""
    words = _words(text.tail(claim, 80))[-6:] + _words(text.after(claim))[:6]
    content = [w for w in words if w not in cues.STOPWORDS and w not in _GENERIC and len(w) > 3
               and cues.singular(w) != noun and not noun.startswith(cues.lemma(w))]
    verbs = {cues.lemma(w) for w in content if w.endswith(("ed", "ing")) or w in _IRREGULAR_PAST}
    return {cues.lemma(w) for w in content}, verbs
