"""Link claims into relations the checks can compare, conservatively.

A false link is worse than none: an unlinked pair is silent, a wrongly linked pair is a false alarm
that costs the editor's trust. So every link needs a cue in the text between or around the figures
("26 *of* 35", "*group of* 35 countries ... 26 countries", "launched 112 drones ... *intercepted* 84
drones", "*rose* 8% *from* 2.5 million *to* 2.9 million"), the units must match, and links that
reach across sentences also need the same counted noun and refuse figures pinned to different
times, places or named subjects ("17 last year" and "18 this year"; "in Kharkiv" and "in Odesa").

Each ``_link_*`` function reads one pattern family and returns drafts; ``relate`` drops duplicates,
orders them by where they start in the text and numbers them r1, r2, ... Parts, wholes, breakdowns
and shares are linked here; changes in ``relate_change``, restated figures in ``relate_repeat``; the
view of the text they all read (clauses, gaps, subject words, the context guard) is ``relate_text``.
The word tables are in ``numcheck.cues``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

from numcheck import cues
from numcheck.document import Document
from numcheck.english import singular, verb_stem
from numcheck.model import Claim, Relation
from numcheck.relate_change import (
    _link_anaphoric_changes,
    _link_changes,
    _link_past_forecasts,
    _link_stated_between,
)
from numcheck.relate_parts import _SHARE_JOINS, _list_after, link_parts
from numcheck.relate_repeat import _is_partitive, _link_repeats, _link_subject_repeats
from numcheck.relate_text import (
    _LOOKBACK,
    _QUAL,
    _contexts_differ,
    _Draft,
    _is_count_like,
    _nouns_agree,
    _Text,
    _words,
)

__all__ = ["relate"]

_KIND_ORDER = ("part_of_whole", "sum_of_parts", "percent_of", "fraction_of", "change", "repeated_figure")


def relate(document: Document, claims: Sequence[Claim]) -> tuple[Relation, ...]:
    """The relations among ``claims``, numbered r1, r2, ... in text order."""
    text = _Text(document, sorted(claims, key=lambda c: (c.start, c.end)))
    drafts: list[_Draft] = []
    explicit = list(_link_explicit_parts(text))
    drafts += explicit
    used_parts = {d.claims[0].id for d in explicit}
    for linker in (_link_named_wholes, _link_group_wholes, _link_subset_verbs):
        for draft in linker(text):
            if draft.claims[0].id not in used_parts:
                used_parts.add(draft.claims[0].id)
                drafts.append(draft)
    for linker in (_link_breakdowns, _link_percent_partitions, _link_opposed_answers, _link_percents,
                   _link_fractions, _link_changes, _link_stated_between,
                   _link_anaphoric_changes, _link_past_forecasts):
        drafts += linker(text)
    drafts += link_parts(text)
    drafts += _link_repeats(text, drafts)
    drafts += _link_subject_repeats(text, drafts)
    return _number(drafts)


def _number(drafts: Iterable[_Draft]) -> tuple[Relation, ...]:
    unique: dict[tuple[str, tuple[str, ...]], _Draft] = {}
    for draft in drafts:
        unique.setdefault((draft.kind, tuple(c.id for c in draft.claims)), draft)
    ordered = sorted(unique.values(), key=lambda d: (min(c.start for c in d.claims),
                                                      _KIND_ORDER.index(d.kind), max(c.start for c in d.claims)))
    return tuple(
        Relation(id=f"r{i}", kind=d.kind, claims=tuple(c.id for c in d.claims), roles=d.roles, cue=d.cue,
                 sentence=max(c.sentence for c in d.claims), direction=d.direction,
                 factor=d.factor,
                 partial=d.partial)
        for i, d in enumerate(ordered, start=1)
    )


# --- part_of_whole -------------------------------------------------------------------------------

_OF_NUMBER = re.compile(r"^\s*(?:out\s+)?of\s+(?:the|its|their|all|these|those|our|his|her|your|my)?\s*"
                        r"(?:[A-Z]?[a-z]+['’]s\s+)?"
                        + _QUAL + r"$", re.I)
_OF_NOUN = re.compile(
    r"^\s*(?:out\s+)?of\s+(?:the|these|those|its|their)\s+([A-Za-z][A-Za-z-]+(?:\s+[a-z][a-z-]+){0,2})", re.I)


def _noun_phrase(words: str, known: set[str]) -> tuple[str, str] | None:
    """The noun a phrase after "of the" names, longest first, when it is one the article counts:
    "member states have" is "member state"; returns (noun, the words as printed)."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        noun = " ".join([*(p.lower() for p in parts[: size - 1]), singular(parts[size - 1])])
        if noun in known:
            return noun, " ".join(parts[:size])
    return None


def _link_explicit_parts(text: _Text) -> Iterator[_Draft]:
    """"26 of 35 countries", "84 of the 112 drones": the whole right after "of"."""
    for part in text.figures:
        whole = text.next_in_sentence(part)
        if whole is None or not (_is_count_like(part) and _is_count_like(whole)) or part.unit != whole.unit:
            continue
        gap = text.gap(part, whole)
        if gap is not None and _OF_NUMBER.match(gap) and _nouns_agree(part, whole) and not _is_code(text, whole):
            yield _Draft("part_of_whole", (part, whole), ("part", "whole"), "of")


_CODE_TAIL = re.compile(r"[-/]?[A-Za-z0-9]")


def _is_code(text: _Text, claim: Claim) -> bool:
    """"777-200LR", "A320neo", "747s": a model or code name that starts with digits, never a count."""
    return bool(_CODE_TAIL.match(text.text, claim.end))


def _link_named_wholes(text: _Text) -> Iterator[_Draft]:
    """"41 of the nations" after "a bloc of 40 nations": the whole named by its noun earlier on."""
    for part in text.figures:
        if not _is_count_like(part):
            continue
        match = _OF_NOUN.match(text.after(part))
        found = _noun_phrase(match.group(1), {c.noun for c in text.figures if c.noun}) if match else None
        if found is None:
            continue
        noun, printed = found
        if part.noun not in (None, noun):
            continue
        earlier = [c for c in text.earlier_with_noun(part, noun) if c.unit == part.unit
                   and _is_count_like(c) and not _contexts_differ(text, c, part)]
        whole = _pick_whole(text, earlier)
        if whole is not None:
            yield _Draft("part_of_whole", (part, whole), ("part", "whole"), f"of the {printed.lower()}")


def _pick_whole(text: _Text, candidates: list[Claim]) -> Claim | None:
    """The whole among earlier figures: the only value stated, or the one a group word introduces."""
    if not candidates:
        return None
    if len({c.value for c in candidates}) == 1:
        return candidates[-1]
    grouped = [c for c in candidates if _group_word(text, c)]
    return grouped[-1] if len({c.value for c in grouped}) == 1 else None


_GROUP_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+" + _QUAL + r"$", re.I)


def _group_word(text: _Text, claim: Claim) -> str | None:
    match = _GROUP_BEFORE.search(text.tail(claim))
    return match.group(1).lower() if match and match.group(1).lower() in cues.GROUP_WORDS else None


def _link_group_wholes(text: _Text) -> Iterator[_Draft]:
    """"a group of 35 countries ... 26 countries have committed": a later, smaller count of the same
    noun within the next two sentences of the paragraph is a part of the group."""
    for whole in text.figures:
        word = _group_word(text, whole)
        if word is None or not _is_count_like(whole) or whole.noun is None:
            continue
        for part in text.figures_in(whole.sentence + 1, whole.sentence + 2):
            if (part.start > whole.end and whole.sentence < part.sentence <= whole.sentence + 2
                    and part.paragraph == whole.paragraph and part.noun == whole.noun and part.unit == whole.unit
                    and _is_count_like(part) and part.value < whole.value
                    and not _contexts_differ(text, whole, part)):
                yield _Draft("part_of_whole", (part, whole), ("part", "whole"), f"{word} of")
                break


_SUBSET_PHRASES = re.compile(r"\bshot\s+down\b|\bbrought\s+down\b|\btaken\s+out\b", re.I)
#: Verbs that introduce everything of a kind ("launched 112 drones"), so a later subset verb can pick
#: from it. Generic verbs (has, reported) are left out on purpose: they introduce any figure at all.
_WHOLE_VERBS = frozenset(
    "launch fired fire sent send deploy deployed total involv register enrol enroll apply applied sat "
    "compet contest field fielded carri carry attend arriv nominat".split()
)


def _verb_before(text: _Text, claim: Claim, vocabulary: frozenset[str], words: int = 5) -> str | None:
    """A word of ``vocabulary`` among the last few words before the claim, by lemma. The window stops
    at the previous figure: in "180 were shot down, 42 were jammed" the verb of 180 is not 42's."""
    head = text.tail(claim, 160)
    previous = text.previous_in_sentence(claim)
    if previous is not None:
        head = head[max(0, len(head) - (claim.start - previous.end)) :]
    # The verb governs the figure only when nothing intervenes: not a comma ("180 were shot down, 32
    # were jammed"), not a passive auxiliary that belongs to an earlier subject.
    head = re.split(r"[,;:()]", head)[-1]
    if re.search(r"\b(?:were|was|been|being|are|is)\b", head):
        return None
    phrase = _SUBSET_PHRASES.search(head[-40:])
    if phrase and vocabulary is cues.SUBSET_VERBS:
        return phrase.group(0).lower()
    for word in reversed(_words(head)[-words:]):
        if word in vocabulary or verb_stem(word) in vocabulary:
            return word
    return None


def _link_subset_verbs(text: _Text) -> Iterator[_Draft]:
    """"launched 112 drones ... intercepted 84 drones": a subset verb before a later count of the
    same noun makes it a part of a whole introduced by a launch/total verb."""
    for whole in text.figures:
        if whole.noun is None or not _is_count_like(whole) or _verb_before(text, whole, _WHOLE_VERBS) is None:
            continue
        if _verb_before(text, whole, cues.SUBSET_VERBS) is not None:
            continue
        for part in text.figures_in(whole.sentence, whole.sentence + 2):
            if not (part.start > whole.end and whole.sentence <= part.sentence <= whole.sentence + 2):
                continue
            if part.noun != whole.noun or part.unit != whole.unit or not _is_count_like(part):
                continue
            verb = _verb_before(text, part, cues.SUBSET_VERBS)
            if verb and part.paragraph == whole.paragraph and not _contexts_differ(text, whole, part):
                yield _Draft("part_of_whole", (part, whole), ("part", "whole"), verb)


# --- sum_of_parts --------------------------------------------------------------------------------

_OF_START = re.compile(r"^\s*(?:[\"“'‘])?of\s+(?:the\s+|all\s+)?" + _QUAL + r"$", re.I)


def _link_breakdowns(text: _Text) -> Iterator[_Draft]:
    """A total followed by its breakdown in one sentence."""
    for total in text.figures:
        first = text.next_in_sentence(total)
        if first is None or not _is_count_like(total) or first.unit != total.unit or not _is_count_like(first):
            continue
        intro = (text.gap(total, first) or "").lower()
        if len(intro) > 60 or re.search(r"\d", intro):
            continue
        of_start = bool(_OF_START.match(text.before(total, clause=False)))
        partial = next((w for w in cues.PARTIAL_INTRODUCERS if re.search(rf"\b{w}\b", intro)), None)
        whole_word = next((w for w in cues.EXHAUSTIVE_INTRODUCERS if w in intro), None)
        if not (partial or whole_word or (of_start and "," in intro)):
            continue
        if cues.RANK_PATTERN.search(text.window(total)):
            continue  # "the top 40 ... at number 20, 27 and 37" lists ranks, not parts
        parts = _list_after(text, first, total.unit)
        if not parts and of_start and "," in intro and _nouns_agree(first, total):
            # "Of the 112 drones launched, air defences shot down 84": one part of a whole
            yield _Draft("part_of_whole", (first, total), ("part", "whole"), "of")
        if not parts:
            continue
        tail = text.after(parts[-1]).lower()[:40] + " ".join(text.gap(a, b) or "" for a, b in pairwise(parts))
        closes = any(w in tail for w in cues.REMAINDER_WORDS)
        is_partial = bool(partial) or (of_start and not whole_word and not closes)
        cue = partial or whole_word or "of"
        yield _Draft("sum_of_parts", (*parts, total), ("part",) * len(parts) + ("total",), cue.strip(),
                     partial=is_partial)


_PAIR_CUES = (("for", "against"), ("yes", "no"), ("backed", "opposed"), ("support", "oppose"),
              ("in favour", "against"), ("in favor", "against"), ("approve", "disapprove"))


def _link_percent_partitions(text: _Text) -> Iterator[_Draft]:
    """"55% voted yes, 38% no and 12% abstained": percentages that split one base add up to 100."""
    seen: set[str] = set()
    for first in text.figures:
        if first.id in seen or first.unit != "percent" or first.kind != "number":
            continue
        previous = text.previous_in_sentence(first)
        if previous is not None and previous.unit == "percent" and previous.id in seen:
            continue
        run = _list_after(text, first, "percent", _SHARE_JOINS)
        seen.update(c.id for c in run)
        if not run or not _is_partition(text, run):
            continue
        yield _Draft("sum_of_parts", tuple(run), ("part",) * len(run), "and")


#: "43% thought he had done a good job and 17% disagreed": a share that answers and one that says no.
_ANSWER_GAP = re.compile(r"^[^\d;]{0,140}?\b(?:said|say|says|thought|think|believed|believe|backed|back|supported|"
                         r"support|agreed|agree|felt|feel|wanted|want|had|approved|approve|favoured|favour)\b"
                         r"[^\d;]*\b(?:and|while|with|but|whereas)\b[^\d;]{0,20}$", re.I)
_SAYS_NO = re.compile(r"^[\s,]*(?:(?:said|saying|say|who\s+said)\s+(?:they\s+)?)?(?:disagreed|disagree|did\s+not|"
                      r"didn['’]t|do\s+not|don['’]t|were\s+against|against|opposed|oppose|disapproved|said\s+no)\b",
                      re.I)


def _link_opposed_answers(text: _Text) -> Iterator[_Draft]:
    """Two shares of one poll, the second the people who said no: "53% said they had sympathy, with
    40% saying they did not". Both answer one question, so together they cannot pass 100%; the pair
    is partial (some had no view)."""
    for first in text.figures:
        second = text.next_in_sentence(first)
        if (second is None or first.unit != "percent" or second.unit != "percent" or first.kind != "number"
                or second.kind != "number" or "vague" in (first.qualifier, second.qualifier)):
            continue
        previous, after = text.previous_in_sentence(first), text.next_in_sentence(second)
        if any(c is not None and c.unit == "percent" for c in (previous, after)):
            continue  # a longer list is for the partition linker
        if _ANSWER_GAP.match(text.gap(first, second) or "0") and _SAYS_NO.match(text.after(second)[:40]):
            yield _Draft("sum_of_parts", (first, second), ("part", "part"), "and ... disagreed", partial=True)


def _is_partition(text: _Text, run: list[Claim]) -> bool:
    if any(c.qualifier not in ("eq", "approx") for c in run):
        return False
    if not 90 <= sum(c.value for c in run) <= 110:  # a list far from 100% is not one base split up
        return False
    gaps = " ".join(text.gap(a, b) or "" for a, b in pairwise(run))
    context = text.before(run[0])[-30:] + " " + gaps
    if any(w in cues.MEASURE_WORDS for w in _words(context)):
        return False
    bases = {re.match(r"\s*of\s+(?:the\s+)?([a-z]+)", text.after(c).lower()) for c in run}
    if len({m.group(1) if m else None for m in bases}) > 1:
        return False  # "55% of men and 45% of women" are two bases
    sentence = " ".join(_words(text.clause(run[0]) + text.clause(run[-1])))
    if len(run) == 2:
        return any(re.search(rf"\b{a}\b", sentence) and re.search(rf"\b{b}\b", sentence) for a, b in _PAIR_CUES)
    return any(w in cues.PARTITION_WORDS or verb_stem(w) in cues.PARTITION_WORDS for w in sentence.split())


# --- percent_of and fraction_of ------------------------------------------------------------------

_OR_PERCENT = re.compile(r"^[A-Za-z\s'’-]{0,40}?(?:,|\(|—|–)\s*(?:or\s+)?" + _QUAL + r"$", re.I)
#: A longer apposition ("half of the 240 flights scheduled to leave on Friday, some 150 departures") must
#: say "or" or a qualifier after its comma, so "..., 150 more were delayed" never links.
_OR_PERCENT_FAR = re.compile(r"^[A-Za-z\s'’-]{0,90}?(?:,|\(|—|–)\s*(?:or\s+" + _QUAL + r"|" + _QUAL[:-1]
                             + r")$", re.I)
_BEFORE_RATIO = re.compile(r"^[A-Za-z\s'’-]{0,40}?,\s*(?:or\s+)?" + _QUAL + r"$", re.I)


def _link_percents(text: _Text) -> Iterator[_Draft]:
    for percent in text.figures:
        if percent.unit != "percent" or percent.kind != "number":
            continue
        drafts = list(_percent_with_whole(text, percent))
        yield from drafts or _percent_of_named_whole(text, percent)


_ALL_BEFORE = re.compile(r"\ball\s+(?:the\s+|its\s+|their\s+)?$")


def _percent_of_named_whole(text: _Text, percent: Claim) -> Iterator[_Draft]:
    """"45% of the judges" after "a panel of 9 judges": the whole named by its noun earlier on. Only
    a whole that a group word or "all" introduces is trusted, since "9 judges" alone may be a subset."""
    match = _OF_NOUN.match(text.after(percent))
    found = _noun_phrase(match.group(1), {c.noun for c in text.figures if c.noun}) if match else None
    if found is None:
        return
    noun, printed = found
    earlier = [c for c in text.earlier_with_noun(percent, noun) if _is_count_like(c) and c.unit == "count"
               and not _is_partitive(text, c) and not _contexts_differ(text, c, percent)
               and (_group_word(text, c) or _ALL_BEFORE.search(text.tail(c, 30)))]
    if earlier and len({c.value for c in earlier}) == 1:
        yield _Draft("percent_of", (earlier[-1], percent), ("whole", "percent"), f"of the {printed.lower()}")


def _percent_with_whole(text: _Text, percent: Claim) -> Iterator[_Draft]:
    part_before = text.previous_in_sentence(percent)
    whole_after = text.next_in_sentence(percent)
    # "45% of the 9 members", "900 jobs, or 6% of its 15,000 staff"
    if whole_after is not None and _is_count_like(whole_after) and _OF_NUMBER.match(text.gap(percent, whole_after)):
        part = _part_before(text, part_before, percent, whole_after)
        if part is not None:
            yield _Draft("percent_of", (part, whole_after, percent), ("part", "whole", "percent"), "or")
        else:
            yield _Draft("percent_of", (whole_after, percent), ("whole", "percent"), "of")
        return
    if part_before is None:
        return
    # "211 of 300 delegates, or 64%": a part_of_whole right before the percentage
    whole = part_before
    part = text.previous_in_sentence(whole)
    if (part is not None and _is_count_like(whole) and _is_count_like(part) and part.unit == whole.unit
            and _OF_NUMBER.match(text.gap(part, whole) or "x")
            and (_OR_PERCENT.match(text.gap(whole, percent)) or _far_apposition(text.gap(whole, percent)))):
        yield _Draft("percent_of", (part, whole, percent), ("part", "whole", "percent"), "or")
        return
    # "900 jobs, or 6% of its workforce": the whole stated elsewhere under a matching noun
    match = _OF_NOUN.match(text.after(percent))
    part = part_before
    if match and _is_count_like(part) and _BEFORE_RATIO.match(text.gap(part, percent)):
        found = _whole_by_noun(text, match.group(1), part)
        if found is not None:
            yield _Draft("percent_of", (part, found, percent), ("part", "whole", "percent"),
                         f"or ... of {match.group(1).lower()}")


def _far_apposition(gap: str | None) -> bool:
    if not gap or not _OR_PERCENT_FAR.match(gap):
        return False
    tail = gap[gap.rfind(",") + 1 :] if "," in gap else gap
    return bool(tail.strip())  # a bare comma is only trusted within the short window


def _part_before(text: _Text, candidate: Claim | None, ratio: Claim, whole: Claim) -> Claim | None:
    if candidate is None or candidate.unit != whole.unit or not _is_count_like(candidate):
        return None
    return candidate if _BEFORE_RATIO.match(text.gap(candidate, ratio) or "x") else None


def _whole_by_noun(text: _Text, word: str, part: Claim) -> Claim | None:
    noun = singular(word)
    accepted = cues.WHOLE_SYNONYMS.get(noun, frozenset()) | {noun}
    if part.noun is not None and part.noun not in accepted and noun not in cues.WHOLE_SYNONYMS:
        return None
    # The whole must be larger than the part: "rose 7,000 to 4.464 million people, or 10.8% of the
    # workforce" has no stated workforce, and the 7,000 is not it.
    nouns = accepted | ({"person", None} if noun in cues.WHOLE_SYNONYMS else set())
    pool = sorted((c for n in nouns for c in text.by_noun.get(n, ())), key=lambda c: abs(c.start - part.start))
    candidates = [c for c in pool[: 2 * _LOOKBACK] if c is not part and c.unit == part.unit and _is_count_like(c)
                  and (c.noun in accepted or (noun in cues.WHOLE_SYNONYMS and _EMPLOYS.search(text.tail(c))))
                  and c.value > part.value and not _is_partitive(text, c) and not _contexts_differ(text, c, part)]
    return candidates[0] if len({c.value for c in candidates}) == 1 else None


#: "employs 12,000 people", "a workforce of 12,000": a count of people that is the whole workforce.
_EMPLOYS = re.compile(r"\b(?:employs?|employing|employed|workforce\s+of|payroll\s+of|staff\s+of)\s+" + _QUAL + r"$",
                      re.I)


def _link_fractions(text: _Text) -> Iterator[_Draft]:
    """"a quarter of the 80 seats, or 25", "two-thirds of the 60 staff, 40 people", "25, or a quarter of
    the 80 seats"."""
    for fraction in text.figures:
        if fraction.unit != "fraction":
            continue
        whole = text.next_in_sentence(fraction)
        if whole is None or not _is_count_like(whole) or not _OF_NUMBER.match(text.gap(fraction, whole)):
            continue
        part = _part_before(text, text.previous_in_sentence(fraction), fraction, whole)
        after = text.next_in_sentence(whole)
        if part is None and after is not None and after.unit == whole.unit and _is_count_like(after):
            gap = text.gap(whole, after) or ""
            part = after if _OR_PERCENT.match(gap) or _far_apposition(gap) else None
        if part is not None:
            yield _Draft("fraction_of", (fraction, part, whole), ("fraction", "part", "whole"), "of")
