"""Repeated-figure links: the same thing stated twice in one article, so a slip in one shows.

Counts with a counted noun link through a shared verb or a definite back-reference ("the 17
members who backed it"); sums and percentages, which have no counted noun, link through the
subject words around them ("Shares plunge 20%" ... "its shares plunged 20%"). Both refuse figures
under different times, places or names, and figures that are parts of something else.

A slip changes one of the two statements, so a link that needs equal values never sees one. The
restatement families (``_link_restatements``) therefore link by where and how a figure is stated,
never by its value beyond "within a slip": a title and its lede, one sum printed with another scale
word, and a sentence stated again around the same figures. The only two counts of a thing, alike
described, are not linked: on news from other outlets they were two figures more often than one.

Two unequal figures must also be amounts of one kind of thing (issue 11): heads of two kinds ("a
£10bn fund", "£10m of shares"), a benchmark ("the magic $1bn number"), a measure naming a class
("the 400m freestyle"), an owner named apart ("its $38m budget" in another film's sentence), or a
value already printed earlier (the figure it restates) each make them two figures. Equal figures
are linked as before: they never fire, and the checks read them as agreeing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

from numcheck.english import direction_of, singular, verb_stem
from numcheck.model import Claim, is_currency
from numcheck.relate import tables
from numcheck.relate.clause import (
    LOOKBACK,
    QUAL,
    YEAR,
    ClauseView,
    Draft,
    contexts_differ,
    in_cross_reference,
    lower_words,
    same_thing,
    states_change,
)
from numcheck.relate.shapes import (
    is_partitive,
)

__all__ = [
    "link_repeats",
    "link_share_restatements",
    "link_subject_repeats",
]


_DEFINITE = re.compile(r"\b(?:the|those|these|its|their|all)\s+" + QUAL + r"$", re.I)


_INDEFINITE = re.compile(r"\b(?:a|an)\s+" + QUAL + r"$", re.I)


def link_repeats(text: ClauseView, drafts: Sequence[Draft]) -> Iterator[Draft]:
    """The same thing stated twice: same unit and noun, in different sentences, with a shared verb and
    a definite back-reference ("the 17 members who backed it"), or an indefinite introduction and a
    definite mention ("a 2.4 billion dollar contract" ... "the $2.4 million contract")."""
    # A figure that is a part or a whole of something else is a group being split, not restated:
    # after "43% of the 7 judges", "the four judges in the majority" is a subset, not a new count.
    grouped = {c.id for d in drafts if d.kind != "change" for c in d.claims}
    figures = [c for c in text.figures if c.kind == "number" and c.unit != "fraction" and c.id not in grouped]
    # Only a definite mention restates an earlier one: in most articles there is none, and no figure
    # after the last one is read (the nouns and shapes below cost more than the article test).
    definite = {i for i, c in enumerate(figures) if _DEFINITE.search(text.tail(c, 30))}
    if not definite:
        return
    seen: dict[str, list[Claim]] = {}
    first_stated = _first_statements(text)
    for position, second in enumerate(figures[: max(definite) + 1]):
        # The counted noun first: half the figures have none, and then their shapes need no reading.
        noun = _noun_of(text, second)
        if noun is None or is_partitive(text, second) or _compound(text, second) or in_cross_reference(text, second):
            continue
        earlier = seen.setdefault(noun, [])
        if position not in definite:
            earlier.append(second)
            continue
        stated_before = first_stated.get(_statement_key(second), second.sentence) < second.sentence
        for first in reversed(earlier[-LOOKBACK:]):
            if first.sentence >= second.sentence or first.unit != second.unit:
                continue
            if not _could_be_one_figure(first, second):
                continue
            if not _printed_equal(first, second) and (stated_before or not _may_restate(text, first, second)):
                continue  # an older mention may still be the figure restated
            stems_a, verbs_a = _predicates(text, first, noun)
            stems_b, verbs_b = _predicates(text, second, noun)
            shared = stems_a & stems_b & (verbs_a | verbs_b)
            introduced = bool(_INDEFINITE.search(text.tail(first, 30))) or _introduced_by_noun(text, first, noun)
            if not (shared or introduced):
                continue  # an earlier mention with another verb may still be the same figure
            # The nearest mention that reads the same decides: if its context differs, older ones do too.
            if not contexts_differ(text, first, second) and not _frames_contrast(text, first, second, shared):
                cue = sorted(shared)[0] if shared else f"the ... {noun}"
                yield Draft("repeated_figure", (first, second), ("first", "second"), cue)
            break
        earlier.append(second)


def link_subject_repeats(text: ClauseView, drafts: Sequence[Draft]) -> Iterator[Draft]:
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
    used: set[str] = set()
    for draft in _link_restatements(text, grouped | linked, frozenset(grouped)):
        linked.add(draft.claims[0].id)  # a title's lede figure may still be restated further down
        used.add(draft.claims[1].id)
        yield draft
    figures = [c for c in text.figures if c.kind == "number" and c.id not in grouped
               and (c.unit == "percent" or is_currency(c.unit) or (c.unit == "count" and c.noun))
               and not YEAR.fullmatch(c.text) and not in_cross_reference(text, c)]
    subject_of: dict[str, frozenset[str]] = {}  # computed on first use: most figures never need theirs
    change_of: dict[str, bool] = {}

    def subjects(claim: Claim) -> frozenset[str]:
        if claim.id not in subject_of:
            subject_of[claim.id] = text.subject(claim)
        return subject_of[claim.id]

    def changes(claim: Claim) -> bool:
        if claim.id not in change_of:
            change_of[claim.id] = states_change(text, claim)
        return change_of[claim.id]

    by_kind: dict[tuple[str, str | None], list[Claim]] = {}
    for claim in figures:
        by_kind.setdefault((claim.unit, claim.noun), []).append(claim)
    place = {c.id: i for group in by_kind.values() for i, c in enumerate(group)}
    for first in figures:
        if first.id in linked:
            continue
        # Only the next _AHEAD mentions of the same unit and noun are read, so a page of figures costs
        # a bounded amount per figure: a restatement dozens of mentions later is not trusted anyway.
        group = by_kind[(first.unit, first.noun)]
        ahead = [c for c in group[place[first.id] + 1 : place[first.id] + 1 + _AHEAD] if c.sentence > first.sentence]
        if not ahead or not _may_link_ahead(text, first, ahead) or not subjects(first):
            continue
        later = [c for c in ahead if c.id not in used and _could_be_one_figure(first, c)
                 and subjects(first) & subjects(c)][:LOOKBACK]
        # The context guard is the costly test, so it runs on the few figures that would be linked.
        same = next((c for c in later if _printed_equal(first, c) and _same_bound(first, c)
                     and not contexts_differ(text, first, c)
                     and not _directions_differ(text, first, c) and changes(c) == changes(first)
                     and not _both_describe(text, first, c)), None)
        # A bound ("more than 500 firefighters", "nearly 40%") is restated by the same bound or the same
        # digits; an unequal figure beside it is read only by its scale words, never by its value.
        later = [c for c in later if not _printed_equal(first, c) and changes(c) == changes(first)
                 and not _bounds(first, c)]
        slips = [c for c in later if _is_scale_slip(first, c)]
        restated = any(_printed_equal(first, c) for c in ahead)
        if same is not None:
            second = same
        elif len(slips) == 1 and not contexts_differ(text, first, slips[0]):
            second = slips[0]
        elif (not restated and len(later) == 1 and first.unit == "percent" and changes(first)
              and _is_headline(text, first) and _only_change_in_sentence(text, later[0], changes)
              and not contexts_differ(text, first, later[0])):
            second = later[0]  # "Shares plunge 20%" in the headline, the only later plunge of the shares
        else:
            continue
        if not _printed_equal(first, second) and not _same_kind(text, first, second):
            continue
        used.add(second.id)
        cue = sorted(subjects(first) & subjects(second))[0]
        yield Draft("repeated_figure", (first, second), ("first", "second"), cue)


def _bounds(*claims: Claim) -> bool:
    """Whether any of the figures is a bound ("more than", "nearly", "up to"), not a level."""
    return any(c.qualifier not in ("eq", "approx") for c in claims)


def _same_bound(a: Claim, b: Claim) -> bool:
    """Two printings of one figure qualify it alike, or one of them not at all: "more than 500
    firefighters" twice, "nearly 40%" and "40%". "Around 8 million households" and "more than 8
    million pensioner households" are two groups that happen to share a round number."""
    return a.qualifier == b.qualifier or "eq" in (a.qualifier, b.qualifier)


#: How many later mentions of the same unit and noun a restatement is looked for in.
_AHEAD = 20


def _may_link_ahead(text: ClauseView, first: Claim, ahead: Sequence[Claim]) -> bool:
    """Whether ``link_subject_repeats`` can link ``first`` at all, by values and place alone: a later
    figure printed equal or a scale slip away, or ``first`` a percentage in the headline. Reading
    subject words costs far more, and most figures have neither. A slip needs a scale word on both
    sides, so without one on ``first`` only equal values are looked for."""
    if first.unit == "percent" and _is_headline(text, first):
        return True
    if _has_scale_word(first):
        return any(_printed_equal(first, c) or _is_scale_slip(first, c) for c in ahead)
    return any(_printed_equal(first, c) for c in ahead)


def _link_restatements(text: ClauseView, taken: set[str], parts: frozenset[str] = frozenset()) -> Iterator[Draft]:
    """Restatements told by their place and wording, whatever their values; ``taken`` (figures
    already linked, and ``parts``, the figures that are parts or wholes of something else) grows as
    they link, so each figure is the second of one restatement at most. Each family checks its own
    guard against two facts: a different time or place, a second candidate, a third mention of the
    thing."""
    yield from _link_headline_repeats(text, taken, parts)
    yield from _link_scale_slips(text, taken)
    yield from _link_echoes(text, taken)


#: A title longer than a line is no title (see `numcheck.document.Lead`), so it never holds more
#: than a handful of figures; a first "sentence" of thousands is a table, read no further.
_TITLE_FIGURES = 12


def _link_headline_repeats(text: ClauseView, taken: set[str], parts: frozenset[str] = frozenset()) -> Iterator[Draft]:
    """A title figure restated in the standfirst or the lede, and a standfirst figure restated in
    the lede: "Tsunami to cost Sri Lanka $1.3bn" ... "faces a $1.3bn bill". Each part of an opening
    states the article's main fact again, so the link needs no shared words, which a title and its
    lede rarely have ("cost" and "bill", "offer" and "buy out"). Where the parts lie is the
    document's reading (`ClauseView.lead`), not guessed here from a figure's position.

    A standfirst is read like a title, with one more guard: it often names two facts ("profits of
    £1.3bn, while Shell reports £10bn"), so an unequal restatement needs the standfirst figure to be
    the only one of its unit and noun there, and a lede figure then restates one fact only. A part or
    a whole of something else (``parts``: "just 16 of 197 member nations") is restated in the next
    part word for word ("Just 16 out of 197 member countries"), so it links there when printed alike."""
    lead = text.lead
    if lead.title is None or (lead.lede is None and lead.standfirst is None):
        return
    title = text.by_sentence.get(lead.title, [])
    if len(title) > _TITLE_FIGURES:
        return
    after = (lead.standfirst or lead.lede or (0, 0))[0], (lead.lede or lead.standfirst or (0, 0))[1]
    restated: set[str] = set()
    for draft in _link_opening(text, taken, title, lead.title, after, "title restated in the lede", parts):
        restated.add(draft.claims[1].id)
        yield draft
    if lead.standfirst is not None and lead.lede is not None:
        standfirst = list(text.figures_in(*lead.standfirst))
        yield from _link_opening(text, taken, standfirst, lead.standfirst[1], lead.lede,
                                 "standfirst restated in the lede", parts, frozenset(restated), one_reading=True)


def _link_opening(text: ClauseView, taken: set[str], firsts: Sequence[Claim], own_end: int,
                  block: tuple[int, int], cue: str, parts: frozenset[str] = frozenset(),
                  restated: frozenset[str] = frozenset(), one_reading: bool = False) -> Iterator[Draft]:
    """Each of ``firsts`` (an opening part ending at sentence ``own_end``) restated in sentences
    ``block``: the same unit (and counted noun), a value within a slip, and one reading only: the
    figure printed equal there, or else the only figure of that kind in the first sentence of the
    block that has one, while the first figure is not restated exactly anywhere after its part
    (then that is the restatement, and a different figure is another fact). ``taken`` holds the
    figures already a second; one ``restated`` (the second of a title) may be the first here. A
    figure of ``parts`` is restated only by the same digits."""
    used: set[str] = set()

    def free(claim: Claim) -> bool:
        return claim.id not in used and (claim.id not in taken or claim.id in parts)

    later = [c for c in text.figures_in(*block) if (_restates_kind(c) or _opening_share(c))
             and free(c) and not in_cross_reference(text, c)]
    for first in firsts:
        if (first.id in taken and first.id not in restated and first.id not in parts) \
                or not (_restates_kind(first) or _opening_share(first)) or in_cross_reference(text, first):
            continue
        later = [c for c in later if free(c)]
        # The same digits may name their thing in other words ("197 member nations" ... "197 member
        # countries"), and a share may leave its whole to the sentence ("8% of borrowers" ... "about 8%").
        equal = [c for c in later if c.unit == first.unit and _printed_equal(first, c)
                 and (same_thing(c.noun, first.noun) or (c.unit != "count" and None in (c.noun, first.noun)))]
        second = equal[0] if equal else None
        options = [c for c in later if c.id not in taken and c.unit == first.unit and c.noun == first.noun
                   and _restates_kind(c) and _near_one_figure(first, c)]
        if second is None and (not _restates_kind(first) or first.id in parts):
            continue  # a share word restates only its own words: "one in five" is no slip of "one in four"
        if second is None:
            if one_reading and sum(c.unit == first.unit and c.noun == first.noun for c in firsts) != 1:
                continue
            if any(_printed_equal(first, c) for c in text.figures if c.sentence > own_end and c.unit == first.unit):
                continue
            # The first sentence that has such a figure must have only one: two there are two
            # facts, and guessing between them by shared words pairs a company's name.
            options = [c for c in options if c.sentence == options[0].sentence] if options else []
            if len(options) != 1:
                continue
            second = options[0]
        if contexts_differ(text, first, second, names=False) or _measures_differ(text, first, second):
            continue
        # A title that says what its figure is ("£50m bid") is restated by a lede figure of that kind,
        # not by one of another kind, nor by one beside a mention of the title's thing ("rejected a
        # second offer and value the player at £60m").
        if not _printed_equal(first, second) and (not _same_kind(text, first, second)
                                                  or _named_apart(text, first, second)):
            continue
        taken.add(second.id)
        used.add(second.id)
        yield Draft("repeated_figure", (first, second), ("first", "second"), cue)


#: How many sentences (and money figures) back a scale slip is looked for: a sum restated at the
#: end of a long article is still a restatement, and the bound keeps a page of sums linear.
_SLIP_REACH = 40


_SLIP_LOOKBACK = 36


def _link_scale_slips(text: ClauseView, taken: set[str]) -> Iterator[Draft]:
    """The same printed digits with another scale word: "a new £500m fund" ... "the £500bn move".
    Two different sums in one article rarely share their digits and differ by exactly a thousand,
    so the digits stand in for the shared words a slip needs elsewhere."""
    money = [c for c in text.figures if c.kind == "number" and is_currency(c.unit) and c.id not in taken
             and c.qualifier in ("eq", "approx")]
    for index, second in enumerate(money):
        for first in reversed(money[max(0, index - _SLIP_LOOKBACK) : index]):
            if first.sentence < second.sentence - _SLIP_REACH or first.id in taken:
                break
            if first.sentence == second.sentence or first.unit != second.unit or not _swaps_scale_word(first, second):
                continue
            if not contexts_differ(text, first, second) and _same_kind(text, first, second):
                taken.update((first.id, second.id))
                yield Draft("repeated_figure", (first, second), ("first", "second"), "the same digits")
            break


_SCALE_WORD = re.compile(r"\d\s*(?:k|m|mn|bn|tn|thousand|million|billion|trillion)\b", re.I)


def _swaps_scale_word(a: Claim, b: Claim) -> bool:
    """One scale word for the next ("£500m" and "£500bn"): "$2,300" beside "$2.3bn" is a converted
    sum written out, not a slip, so both figures must carry a scale word."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return low > 0 and abs(high / low - 1000) <= 1e-6 * 1000 and _has_scale_word(a) and _has_scale_word(b)


def _has_scale_word(claim: Claim) -> bool:
    return bool(_SCALE_WORD.search(claim.text))


#: How many sentences back an echo is looked for, and the most figures a sentence may hold to be
#: read as one (a longer run is a table): both keep the pairing linear in the article's length.
_ECHO_REACH = 15


_ECHO_FIGURES = 12


def _link_echoes(text: ClauseView, taken: set[str]) -> Iterator[Draft]:
    """A sentence that states an earlier one again, figures and all: "cutting the limit from 80mg to
    50mg would save 65 lives" ... "Reducing the limit from 80mg to 50mg can be expected to save
    around 65 lives". Two or more figures printed alike in both, in the same order, anchor the
    sentences to each other; a figure between the same anchors that fills the same slot (the same
    word before it, the same unit and counted noun) is then the same figure, whatever its value."""
    order = sorted(text.by_sentence)
    for position, later in enumerate(order):
        b = _echo_figures(text, later)
        for earlier in order[max(0, position - _ECHO_REACH) : position] if len(b) > 2 else ():
            a = _echo_figures(text, earlier)
            anchors = _aligned(a, b)
            if len({(a[i].unit, a[i].value) for i, _ in anchors}) < 2:
                continue
            # A figure printed twice in one sentence is the common base of a list of cases ("from £1,287
            # to £1,157 ..., or from £1,287 to £1,012"): that sentence states several things, not one.
            if not all(_once(a, a[i]) and _once(b, b[j]) for i, j in anchors):
                continue
            bounds = [(-1, -1), *anchors, (len(a), len(b))]
            for (i0, j0), (i1, j1) in pairwise(bounds):
                for first, second in _slot_pairs(text, a[i0 + 1 : i1], b[j0 + 1 : j1]):
                    # The anchors say whose statement it is: a report and its author's quote name
                    # different people for one finding, so only times and places can tell two apart.
                    if first.id in taken or second.id in taken or contexts_differ(text, first, second, names=False):
                        continue
                    taken.update((first.id, second.id))
                    yield Draft("repeated_figure", (first, second), ("first", "second"), "the same sentence again")


def _echoes_kind(claim: Claim) -> bool:
    """A figure that says what it measures: a bare count ("won 6-4 6-3") recurs by chance."""
    return claim.kind == "number" and (claim.unit != "count" or claim.noun is not None)


def _echo_figures(text: ClauseView, sentence: int) -> list[Claim]:
    figures = [c for c in text.by_sentence[sentence] if _echoes_kind(c)]
    return figures if len(figures) <= _ECHO_FIGURES else []


def _aligned(a: list[Claim], b: list[Claim]) -> list[tuple[int, int]]:
    """The longest run of figures printed alike in both lists, in order (a longest common subsequence:
    sentences hold a handful of figures, so the quadratic table is small)."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + 1 if _alike(a[i], b[j])
                           else max(table[i + 1][j], table[i][j + 1]))
    pairs, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if _alike(a[i], b[j]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _alike(a: Claim, b: Claim) -> bool:
    return a.unit == b.unit and _printed_equal(a, b)


def _once(figures: list[Claim], claim: Claim) -> bool:
    return sum(_alike(claim, other) for other in figures) == 1


def _slot_pairs(text: ClauseView, a: list[Claim], b: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Figures left between two anchors that fill the same slot: one of a unit and noun on each side,
    after the same word."""
    for first in a:
        same = [c for c in a if c.unit == first.unit and c.noun == first.noun]
        other = [c for c in b if c.unit == first.unit and c.noun == first.noun]
        if len(same) == 1 and len(other) == 1 and _slot(text, first) == _slot(text, other[0]) \
                and _could_be_one_figure(first, other[0]):
            yield first, other[0]


_QUAL_END = re.compile(QUAL + r"$", re.I)


def _slot(text: ClauseView, claim: Claim) -> str:
    """The word before a figure, past its qualifier: "save around 65" and "save 65" fill one slot."""
    head = text.tail(claim, 40)
    head = head[: _QUAL_END.search(head).start()] if head else head
    words = lower_words(head)
    return words[-1] if words else ""


def _measures_differ(text: ClauseView, a: Claim, b: Claim) -> bool:
    """"Shares slump 14%" and "rents rose 41%": each change names what moved, and they differ. A
    title without a verb ("growth at 8.1%") or a name before the verb says nothing either way."""
    first, second = _measure(text, a), _measure(text, b)
    return bool(first and second and first != second)


def _measure(text: ClauseView, claim: Claim) -> str:
    """The lower-case noun right before the direction verb of a stated change ("rents rose 41%")."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text.tail(claim, 60))
    for index in range(len(words) - 1, max(0, len(words) - 4), -1):
        if direction_of(words[index]):
            noun = words[index - 1]
            if noun.islower() and noun not in tables.STOPWORDS:
                return singular(noun)
            return ""
    return ""


def _compound(text: ClauseView, claim: Claim) -> bool:
    """"a three-bedroom trailer", "a two-year deal": a figure hyphened to its noun describes a thing,
    it does not count it, so it restates nothing (the extractor may read the noun into the figure:
    "a 10-year phase-out" is a figure "10-year")."""
    return text.text[claim.end : claim.end + 1] in ("-", "‑") or bool(_HYPHENED.search(claim.text))


_HYPHENED = re.compile(r"\d\s*[-‑][A-Za-z]")


def _restates_kind(claim: Claim) -> bool:
    """A sum, a percentage or a count of something: what a title states and its lede repeats."""
    return claim.kind == "number" and (claim.unit in ("percent", "count") or is_currency(claim.unit)) \
        and (claim.unit != "count" or claim.noun is not None) and not YEAR.fullmatch(claim.text)


def _opening_share(claim: Claim) -> bool:
    """A share said in words ("one in 12 firms", "Nine in 10 people"): an opening repeats it word
    for word, so it is linked there when printed alike, never by a slip."""
    return claim.kind == "ratio" and claim.unit == "fraction"


def _near_one_figure(a: Claim, b: Claim) -> bool:
    """Like ``_could_be_one_figure``, but a scale slip may also carry a title's rounding: "£1bn" in a
    title for "£960m" in the lede becomes "£960bn" with one wrong scale word."""
    low, high = sorted((abs(a.value), abs(b.value)))
    if low == 0 or high / low <= 10:
        return True
    return any(0.9 * 1000**k <= high / low <= 1.1 * 1000**k for k in (1, 2, 3))


def _only_change_in_sentence(text: ClauseView, claim: Claim, changes: Callable[[Claim], bool]) -> bool:
    """No other change of its unit beside it: "fares would rise 4% while costs grew 5%" states two
    changes, and a word shared with the title ("rail") does not say which one the title meant.
    Levels beside it ("margins were 14.1%") are another kind of statement, so they do not count."""
    return sum(c.unit == claim.unit and changes(c) for c in text.by_sentence.get(claim.sentence, ())) == 1


def _directions_differ(text: ClauseView, a: Claim, b: Claim) -> bool:
    """"Hardware sales dropped by 0.3%" and "restaurant sales rose by 0.3%" are two changes, however
    alike their subject words: one fact is not stated once as a rise and once as a fall."""
    first, second = _direction(text, a), _direction(text, b)
    return bool(first and second and first != second)


def _direction(text: ClauseView, claim: Claim) -> str:
    """The direction word governing a stated change: the last of the three words before the figure,
    else the word after it ("a 0.3% rise")."""
    before = lower_words(text.tail(claim, 40))[-3:]
    for word in reversed(before):
        if direction_of(word):
            return direction_of(word)
    after = lower_words(text.after(claim)[:20])[:1]
    return direction_of(after[0]) if after else ""


def _printed_equal(a: Claim, b: Claim) -> bool:
    """The same figure as printed: 1.9% and 1.8% are two figures even though their roundings touch."""
    return abs(a.value - b.value) <= 1e-9 * max(abs(a.value), abs(b.value), 1.0)


def _is_scale_slip(a: Claim, b: Claim) -> bool:
    """The same digits with another scale word ("£500m" and "£500bn"): both must carry one, since
    "£100" beside "£100m" or "£20,000" beside "£20bn" are two sums, not a slipped word."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return (low > 0 and any(abs(high / low - 1000**k) <= 1e-6 * 1000**k for k in (1, 2, 3))
            and _has_scale_word(a) and _has_scale_word(b))


def _is_headline(text: ClauseView, claim: Claim) -> bool:
    """The figure is in the title line (`numcheck.document.Lead`)."""
    return claim.sentence == text.lead.title


_NOUN_OF = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[a-z]+\s+)?([a-z]+)\s+of\s+" + QUAL + r"$")


def _noun_of(text: ClauseView, claim: Claim) -> str | None:
    """The counted noun: the extractor's, else the word after ("$2.4 million contract"), else the
    noun a money figure is "of" ("a budget of €4.7 billion")."""
    if claim.noun:
        return claim.noun
    head = _head_after(text, claim)
    if head is None and claim.unit not in ("count", "percent", "percentage_point"):
        match = _NOUN_OF.search(text.tail(claim, 40))
        head = singular(match.group(1)) if match and match.group(1) not in tables.STOPWORDS else None
    return head


def _introduced_by_noun(text: ClauseView, claim: Claim, noun: str) -> bool:
    match = _INTRODUCED_OF.search(text.tail(claim, 40))
    return bool(match and singular(match.group(1)) == noun)


_INTRODUCED_OF = re.compile(r"\b(?:a|an)\s+(?:[a-z]+\s+)?([a-z]+)\s+of\s+" + QUAL + r"$")


def _head_after(text: ClauseView, claim: Claim) -> str | None:
    match = _HEAD_AFTER.match(text.after(claim))
    if not match or match.group(1) in tables.STOPWORDS:
        return None
    return singular(match.group(1))


#: Read with ``match`` from the figure's end; the lookbehind and the one leading ``\s*`` keep a
#: ``search`` over a run of spaces linear (tests/test_regex_safety.py tries every module pattern).
_HEAD_AFTER = re.compile(r"(?<!\s)\s*(?:(?:dollar|euro|pound|yen|rouble|-)\s*)?([a-z][a-z-]+)")


def _could_be_one_figure(a: Claim, b: Claim) -> bool:
    """A restated figure differs by a slip (a digit, a rounding) or by a whole scale word (2.4 billion
    for 2.4 million); "about 6,000 children" and "4 children" are two different counts."""
    low, high = sorted((abs(a.value), abs(b.value)))
    if low == 0 or high / low <= 10:
        return True
    return _is_scale_slip(a, b)


def _frames_contrast(text: ClauseView, first: Claim, second: Claim, shared: set[str]) -> bool:
    """Two figures with the same verb but a different complement: "12 films competing in the
    documentary category" and "the 16 films competing in the dramatic category" count two things.
    True when the words after the shared verb overlap yet each side has words the other lacks."""
    def frame(claim: Claim) -> set[str] | None:
        words = lower_words(text.after(claim))[:10]
        for i, word in enumerate(words):
            if verb_stem(word) in shared:
                return {w for w in words[i + 1 : i + 7] if w not in tables.STOPWORDS}
        return None

    a, b = frame(first), frame(second)
    return bool(a is not None and b is not None and a & b and a - b and b - a)


def _predicates(text: ClauseView, claim: Claim, noun: str) -> tuple[set[str], set[str]]:
    """Content stems near the figure, and those of them written as verbs (past or -ing forms). A
    shared stem must be a verb on at least one side ("a survey of 2,100 adults" ... "the 1,200 adults
    surveyed"), so a shared adjective such as "former" never links two figures."""
    words = lower_words(text.tail(claim, 80))[-6:] + lower_words(text.after(claim))[:6]
    content = [w for w in words if w not in tables.STOPWORDS and w not in tables.GENERIC_VERBS and len(w) > 3
               and singular(w) != noun and not noun.startswith(verb_stem(w))]
    verbs = {verb_stem(w) for w in content if w.endswith(("ed", "ing")) or w in tables.IRREGULAR_PAST}
    return {verb_stem(w) for w in content}, verbs


#: Between a share said as "one in four" and the same share as a percentage: the counted noun and a
#: comma with "or", a bracket, or a dash ("one in four adults, or 25%", "one in five drivers (20%)",
#: "more than half of those asked – 56% –").
_SHARE_APPOSITION = re.compile(r"^[^\d;,()–—]{0,30}(?:,\s*(?:or\s+)?|\s*\(\s*|\s+[–—]\s+)" + QUAL + r"$", re.I)


def link_share_restatements(text: ClauseView) -> Iterator[Draft]:
    """"One in four adults, or 25%, smoke": a share said as a fraction and again as a percentage in
    apposition is one figure stated twice, so the check holds the two to each other. A qualified
    fraction ("more than half of those asked – 56% –", "almost a quarter, 22%") links as well: the
    check reads its qualifier as a bound (`numcheck.intervals.share_percent`), so a percentage
    beyond the bound fires and one within it is silent."""
    for fraction in text.figures:
        if fraction.unit != "fraction" or fraction.kind not in ("number", "fraction", "ratio"):
            continue
        percent = text.next_in_sentence(fraction)
        if percent is None or percent.unit != "percent" or percent.kind != "number":
            continue
        if _SHARE_APPOSITION.match(text.gap(fraction, percent) or "0"):
            yield Draft("repeated_figure", (fraction, percent), ("first", "second"), "or")


# --- what a restatement must agree on beyond its value (issue 11) -----------------------------------
#: Where the noun phrase after a figure ends: a clause or phrase break.
_PHRASE_END = re.compile(r"[,.;:()\[\]!?\"“”—–\n]")


def _head_words(text: ClauseView, claim: Claim) -> tuple[str, ...]:
    """What a figure is an amount of: the singular lower-case words of the noun phrase right after it,
    past a bracketed aside, a currency word and "of" ("£10bn church commissioners fund" gives church,
    commissioner, fund; "£10m of fossil fuel shares" gives fossil, fuel, share; "$5.4bn Fox offer"
    gives offer, a name saying whose thing it is, not what). Empty when a break or a function word
    follows ("value the player at £60m, while"): then the words say nothing either way."""
    after = _ASIDE.sub("", text.after(claim)[:60], count=1)
    cut = _PHRASE_END.search(after)
    words = _WORD.findall(after[: cut.start()] if cut else after)
    while words and (words[0].lower() in tables.CURRENCY_WORDS or words[0].lower() == "of"):
        words = words[1:]
    head: list[str] = []
    for word in words[:3]:
        if word.lower() in tables.STOPWORDS or word.lower() in tables.GENERIC_VERBS:
            break
        if word.islower():
            head.append(singular(word))
    return tuple(head)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

#: A converted sum in brackets after the figure, or the bracket closing around it: "a $1bn (£800m)
#: settlement" and "a €12bn (£10bn) loss" name their thing after the bracket.
_ASIDE = re.compile(r"^\s*(?:\([^()]{0,30}\)|\))")


def _same_kind(text: ClauseView, a: Claim, b: Claim) -> bool:
    """Whether two figures may be amounts of one kind of thing, as far as the words after them say.
    A benchmark ("the magic $1bn number", "the 10% mark") is no amount, so it restates only the same
    benchmark; heads of two kinds in ``tables.HEAD_KINDS`` ("a £10bn fund", "£10m of shares") are two
    sums whatever their digits. Other heads say nothing: writers vary them for one sum."""
    first, second = _head_words(text, a), _head_words(text, b)
    if any(head and head[0] in tables.BENCHMARK_HEADS for head in (first, second)):
        return bool(first and second and first[0] == second[0])
    kinds, others = _kinds(first), _kinds(second)
    return not (kinds and others and not kinds & others)


def _kinds(words: Sequence[str]) -> set[int]:
    """The ``tables.HEAD_KINDS`` groups the words fall in (by position in the table)."""
    return {i for i, group in enumerate(tables.HEAD_KINDS) for word in words if word in group}


def _named_apart(text: ClauseView, title: Claim, lede: Claim) -> bool:
    """The title names what its figure is ("£50m bid") and the lede names that thing apart from its own
    figure ("rejected a second offer and value the player at £60m"): the lede's figure is another."""
    if _head_words(text, lede):
        return False
    kinds = _kinds(_head_words(text, title))
    start, end = text.sentence_span(lede)
    return bool(kinds & _kinds([singular(w) for w in lower_words(text.text[start:end])]))


def _first_statements(text: ClauseView) -> dict[tuple[str, float, str | None], int]:
    """The sentence where each value is first printed, by unit (and counted noun), read in one pass:
    "the 14 houses" after "lived in 14 houses before she was 18" restates the 14, so no other earlier
    figure (the 18) can be the one it restates with a slip."""
    first: dict[tuple[str, float, str | None], int] = {}
    for claim in text.figures:
        first.setdefault(_statement_key(claim), claim.sentence)
    return first


def _statement_key(claim: Claim) -> tuple[str, float, str | None]:
    return claim.unit, claim.value, claim.noun if claim.unit == "count" else None


def _may_restate(text: ClauseView, first: Claim, second: Claim) -> bool:
    """Whether two unequal figures of one noun may be one figure with a slip: the same kind of thing
    (``_same_kind``), neither a measure that names a class ("the 400m freestyle"), and a possessive
    mention ("its $38m budget") not owned by other names than the first figure's sentence."""
    if not _same_kind(text, first, second) or _names_a_class(text, first) or _names_a_class(text, second):
        return False
    if _POSSESSIVE.search(text.tail(second, 30)):
        owners, others = _sentence_names(text, first), _sentence_names(text, second)
        return not (owners and others and not owners & others)
    return True


_POSSESSIVE = re.compile(r"\b(?:its|their|his|her)\s+" + QUAL + r"$", re.I)


def _names_a_class(text: ClauseView, claim: Claim) -> bool:
    """A measure written before a noun names a kind of thing, it measures nothing: "the 400m
    freestyle", "a 5kg bag". Counts, shares and sums before a noun ("$2.4m contract") still count."""
    return claim.unit not in ("count", "percent", "percentage_point") and not is_currency(claim.unit) \
        and _head_after(text, claim) is not None


def _sentence_names(text: ClauseView, claim: Claim) -> frozenset[str]:
    """The names a figure's sentence capitalises that the article also capitalises mid-sentence: who
    the sentence is about ("DC League of Super-Pets", "Bob's Burgers Movie")."""
    start, end = text.sentence_span(claim)
    words = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+", text.text[start:end])}
    return frozenset(w for w in words & text.names if w not in tables.NOT_NAMES)


# --- linkprec: figures that state nothing of their own (branch linkprec) ----------------------------


def _both_describe(text: ClauseView, a: Claim, b: Claim) -> bool:
    """Two figures hyphened to their nouns ("a three-bedroom home" ... "three-bedroom flats") each
    describe a kind of thing, so sharing the words says nothing: two homes, not one fact. One plain
    count may still restate a compound ("a seven-wicket win" ... "won by seven wickets"); a line
    pointing to another article ("Related: ...", `in_cross_reference`) is kept out before pairing."""
    return _compound(text, a) and _compound(text, b)
