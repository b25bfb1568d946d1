"""Link claims into relations the checks can compare, conservatively.

A false link is worse than none: an unlinked pair is silent, a wrongly linked pair is a false alarm
that costs the editor's trust. So every link needs a cue in the text between or around the figures
("26 *of* 35", "*group of* 35 countries ... 26 countries", "launched 112 drones ... *intercepted* 84
drones", "*rose* 8% *from* 2.5 million *to* 2.9 million"), the units must match, and links that
reach across sentences also need the same counted noun and refuse figures pinned to different
times, places or named subjects ("17 last year" and "18 this year"; "in Kharkiv" and "in Odesa").

Each ``_link_*`` function reads one pattern family and returns drafts; ``relate`` drops duplicates,
orders them by where they start in the text and numbers them r1, r2, ... The word tables are in
``numcheck.cues``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from numcheck import cues
from numcheck.document import Document, Span
from numcheck.model import Claim, Relation

__all__ = ["relate"]

_KIND_ORDER = ("part_of_whole", "sum_of_parts", "percent_of", "fraction_of", "change", "repeated_figure")
_RATIO_UNITS = frozenset({"percent", "percentage_point", "fraction"})
_QUAL = r"(?:(?:about|around|some|roughly|nearly|almost|just|more\s+than|over|under|less\s+than|an\s+estimated|" \
        r"approximately|a\s+record|a\s+total\s+of|at\s+least|up\s+to)\s+)?"
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class _Draft:
    kind: str
    claims: tuple[Claim, ...]
    roles: tuple[str, ...]
    cue: str
    direction: str = ""
    factor: float | None = None
    partial: bool = False


def relate(document: Document, claims: Sequence[Claim]) -> tuple[Relation, ...]:
    """The relations among ``claims``, numbered r1, r2, ... in text order."""
    sentences = {c.id: c.sentence for c in claims}
    document, joined = _join_wrapped_lines(document, claims)
    text = _Text(document, sorted(joined, key=lambda c: (c.start, c.end)))
    drafts: list[_Draft] = []
    explicit = list(_link_explicit_parts(text))
    drafts += explicit
    used_parts = {d.claims[0].id for d in explicit}
    for linker in (_link_named_wholes, _link_group_wholes, _link_subset_verbs):
        for draft in linker(text):
            if draft.claims[0].id not in used_parts:
                used_parts.add(draft.claims[0].id)
                drafts.append(draft)
    for linker in (_link_breakdowns, _link_percent_partitions, _link_percents, _link_fractions, _link_changes):
        drafts += linker(text)
    drafts += _link_repeats(text, drafts)
    return _number(drafts, sentences)


def _join_wrapped_lines(document: Document, claims: Sequence[Claim]) -> tuple[Document, list[Claim]]:
    """Rejoin a sentence that a hard line wrap split before a figure ("dropped to\n87,000 from
    81,000"): the sentence splitter breaks at a line that starts with a capital or a digit, which is
    right for headlines and wrong for wrapped prose. Linking works on the rejoined sentences; each
    relation still reports the claims' own sentence index."""
    text = document.text
    merged: list[Span] = []
    index: dict[int, int] = {}
    for i, span in enumerate(document.sentences):
        if merged and _continues(text, merged[-1], span):
            merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
        index[i] = len(merged) - 1
    if len(merged) == len(document.sentences):
        return document, list(claims)
    joined = replace(document, sentences=tuple(merged))
    return joined, [replace(c, sentence=index.get(c.sentence, c.sentence)) for c in claims]


def _continues(text: str, previous: Span, span: Span) -> bool:
    if not re.match(r"[\d$€£¥]", text[span.start : span.start + 1]):
        return False
    tail = text[max(previous.start, previous.end - 8) : previous.end].rstrip()
    between = text[previous.end : span.start]
    return bool(tail) and tail[-1] not in ".!?:;\"'”’)]" and "\n" in between and not re.search(r"\n[ \t]*\n", between)


def _number(drafts: Iterable[_Draft], sentences: dict[str, int]) -> tuple[Relation, ...]:
    unique: dict[tuple[str, tuple[str, ...]], _Draft] = {}
    for draft in drafts:
        unique.setdefault((draft.kind, tuple(c.id for c in draft.claims)), draft)
    ordered = sorted(unique.values(), key=lambda d: (min(c.start for c in d.claims),
                                                      _KIND_ORDER.index(d.kind), max(c.start for c in d.claims)))
    return tuple(
        Relation(id=f"r{i}", kind=d.kind, claims=tuple(c.id for c in d.claims), roles=d.roles, cue=d.cue,
                 sentence=max(sentences.get(c.id, c.sentence) for c in d.claims), direction=d.direction,
                 factor=d.factor,
                 partial=d.partial)
        for i, d in enumerate(ordered, start=1)
    )


#: How far (characters) the linker reads around a figure, and how many earlier mentions of a noun it
#: considers: both keep it linear in the size of the input, and no cue it reads is longer.
_REACH = 300
_LOOKBACK = 12


class _Text:
    """The document seen from its claims: text around and between them, clause by clause."""

    _CLAUSE_BREAK = re.compile(r";|\b(?:but|whereas|while|meanwhile)\b", re.I)

    def __init__(self, document: Document, claims: list[Claim]) -> None:
        self.document = document
        self.text = document.text
        self.claims = claims
        self.position = {c.id: i for i, c in enumerate(claims)}
        self._cache: dict[tuple[str, bool, str], str] = {}
        self.figures = [c for c in claims if _is_figure(c)]
        self.by_sentence: dict[int, list[Claim]] = {}
        self.by_noun: dict[str | None, list[Claim]] = {}
        for claim in self.figures:
            self.by_sentence.setdefault(claim.sentence, []).append(claim)
            self.by_noun.setdefault(claim.noun, []).append(claim)

    def figures_in(self, first: int, last: int) -> Iterator[Claim]:
        """The figures of sentences ``first`` to ``last``, in text order."""
        for index in range(first, last + 1):
            yield from self.by_sentence.get(index, ())

    def earlier_with_noun(self, claim: Claim, noun: str | None, limit: int = _LOOKBACK) -> list[Claim]:
        """Up to ``limit`` figures counting ``noun`` before ``claim``, nearest last. The limit keeps
        linking linear on a huge input; a whole stated dozens of mentions earlier is not trusted."""
        mentions = self.by_noun.get(noun, [])
        end = bisect.bisect_right(mentions, claim.start, key=lambda c: c.end)
        return mentions[max(0, end - limit) : end]

    def window(self, claim: Claim) -> str:
        """The claim's sentence, at most ``_REACH`` characters either side of it."""
        start, end = self.sentence_span(claim)
        return self.text[max(start, claim.start - _REACH) : min(end, claim.end + _REACH)]

    def sentence_span(self, claim: Claim) -> tuple[int, int]:
        if 0 <= claim.sentence < len(self.document.sentences):
            span = self.document.sentences[claim.sentence]
            return span.start, span.end
        return max(0, claim.start - 200), min(len(self.text), claim.end + 200)

    def before(self, claim: Claim, clause: bool = True) -> str:
        key = (claim.id, clause, "before")
        if key not in self._cache:
            self._cache[key] = self._before(claim, clause)
        return self._cache[key]

    def after(self, claim: Claim, clause: bool = True) -> str:
        key = (claim.id, clause, "after")
        if key not in self._cache:
            self._cache[key] = self._after(claim, clause)
        return self._cache[key]

    def _before(self, claim: Claim, clause: bool) -> str:
        """The sentence before the claim (its clause, unless ``clause`` is False). Past ``_REACH``
        characters it is cut and starts with "…", so patterns anchored at the sentence start fail."""
        start, _ = self.sentence_span(claim)
        if claim.start - start > _REACH:
            head = "… " + self.text[claim.start - _REACH : claim.start]
        else:
            head = self.text[start : claim.start]
        if clause:
            breaks = list(self._CLAUSE_BREAK.finditer(head))
            if breaks:
                head = head[breaks[-1].end() :]
        return head

    def _after(self, claim: Claim, clause: bool) -> str:
        _, end = self.sentence_span(claim)
        tail = self.text[claim.end : min(end, claim.end + _REACH)]
        if clause:
            match = self._CLAUSE_BREAK.search(tail)
            if match:
                tail = tail[: match.start()]
        return tail

    def gap(self, first: Claim, second: Claim) -> str | None:
        """The text between two claims of one sentence, or None across sentences."""
        if first.sentence != second.sentence or second.start < first.end:
            return None
        if second.start - first.end > _REACH:
            return "0"  # too far apart to be linked: a digit, which no gap pattern accepts
        return self.text[first.end : second.start]

    def clause(self, claim: Claim) -> str:
        return self.before(claim) + claim.text + self.after(claim)

    def next_in_sentence(self, claim: Claim) -> Claim | None:
        index = self.position[claim.id]
        if index + 1 < len(self.claims) and self.claims[index + 1].sentence == claim.sentence:
            return self.claims[index + 1]
        return None

    def previous_in_sentence(self, claim: Claim) -> Claim | None:
        index = self.position[claim.id]
        if index > 0 and self.claims[index - 1].sentence == claim.sentence:
            return self.claims[index - 1]
        return None

    def paragraph_of(self, claim: Claim) -> int:
        return claim.paragraph


def _is_figure(claim: Claim) -> bool:
    """A figure that can take part in arithmetic: not a range or a vague amount."""
    return claim.kind in ("number", "fraction", "ratio") and claim.qualifier != "vague"


def _is_count_like(claim: Claim) -> bool:
    return claim.kind == "number" and claim.unit not in _RATIO_UNITS and claim.qualifier != "vague"


def _nouns_agree(part: Claim, whole: Claim) -> bool:
    return part.noun is None or whole.noun is None or part.noun == whole.noun


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


# --- part_of_whole -------------------------------------------------------------------------------

_OF_NUMBER = re.compile(r"^\s*(?:out\s+)?of\s+(?:the|its|their|all|these|those)?\s*(?:[A-Z]?[a-z]+['’]s\s+)?"
                        + _QUAL + r"$", re.I)
_OF_NOUN = re.compile(
    r"^\s*(?:out\s+)?of\s+(?:the|these|those|its|their)\s+([A-Za-z][A-Za-z-]+(?:\s+[a-z][a-z-]+){0,2})", re.I)


def _noun_phrase(words: str, known: set[str]) -> tuple[str, str] | None:
    """The noun a phrase after "of the" names, longest first, when it is one the article counts:
    "member states have" is "member state"; returns (noun, the words as printed)."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        noun = " ".join([*(p.lower() for p in parts[: size - 1]), cues.singular(parts[size - 1])])
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
        if gap is not None and _OF_NUMBER.match(gap) and _nouns_agree(part, whole):
            yield _Draft("part_of_whole", (part, whole), ("part", "whole"), "of")


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
    match = _GROUP_BEFORE.search(text.before(claim))
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
    head = text.before(claim)
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
        if word in vocabulary or cues.lemma(word) in vocabulary:
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

_LIST_GAP = re.compile(r"^[^\d;:.!?]{0,80}$")
_LAST_JOIN = re.compile(r"\band\b|\bas\s+well\s+as\b|\bplus\b", re.I)
_OF_START = re.compile(r"^\s*(?:[\"“'‘])?of\s+(?:the\s+|all\s+)?" + _QUAL + r"$", re.I)


def _list_after(text: _Text, first: Claim, unit: str, joiners: re.Pattern[str] = _LAST_JOIN) -> list[Claim]:
    """The run of same-unit figures from ``first`` joined as a list ("30 adults, 17 teenagers and 7")."""
    run = [first]
    while True:
        nxt = text.next_in_sentence(run[-1])
        if nxt is None or nxt.unit != unit or nxt.kind != "number" or nxt.qualifier == "vague":
            break
        gap = text.gap(run[-1], nxt) or ""
        if not _LIST_GAP.match(gap) or not ("," in gap or joiners.search(gap)):
            break
        run.append(nxt)
        if joiners.search(gap):
            break
    if len(run) < 2 or not joiners.search(text.gap(run[-2], run[-1]) or ""):
        return []
    return run


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
        run = _list_after(text, first, "percent", re.compile(r"\band\b|\bwhile\b|\bwith\b", re.I))
        seen.update(c.id for c in run)
        if not run or not _is_partition(text, run):
            continue
        yield _Draft("sum_of_parts", tuple(run), ("part",) * len(run), "and")


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
    return any(w in cues.PARTITION_WORDS or cues.lemma(w) in cues.PARTITION_WORDS for w in sentence.split())


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
               and (_group_word(text, c) or re.search(r"\ball\s+(?:the\s+|its\s+|their\s+)?$", text.before(c)))]
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
    noun = cues.singular(word)
    accepted = cues.WHOLE_SYNONYMS.get(noun, frozenset()) | {noun}
    if part.noun is not None and part.noun not in accepted and noun not in cues.WHOLE_SYNONYMS:
        return None
    # The whole must be larger than the part: "rose 7,000 to 4.464 million people, or 10.8% of the
    # workforce" has no stated workforce, and the 7,000 is not it.
    nouns = accepted | ({"person", None} if noun in cues.WHOLE_SYNONYMS else set())
    pool = sorted((c for n in nouns for c in text.by_noun.get(n, ())), key=lambda c: abs(c.start - part.start))
    candidates = [c for c in pool[: 2 * _LOOKBACK] if c is not part and c.unit == part.unit and _is_count_like(c)
                  and (c.noun in accepted or (noun in cues.WHOLE_SYNONYMS and _EMPLOYS.search(text.before(c))))
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


# --- change --------------------------------------------------------------------------------------

_FROM_END = re.compile(r"\bfrom\s+" + _QUAL + r"$", re.I)
_TO_END = re.compile(r"\bto\s+" + _QUAL + r"$", re.I)
# Between "from X" and "to Y" only X's noun may stand: no comma, no second clause ("fell to £1.9bn
# from £2.1bn, while its shortfall dropped to £2.7bn" must not pair £2.1bn with £2.7bn).
_GAP_TO = re.compile(r"^(?![^\d]*\b(?:while|but|and|whereas|than)\b)[^\d;,]{0,40}?\bto\s+" + _QUAL + r"$", re.I)
_GAP_FROM = re.compile(r"^(?![^\d]*\b(?:while|but|and|whereas|than)\b)[^\d;,]{0,40}?\bfrom\s+" + _QUAL + r"$",
                       re.I)
# "5.8%, down from 6.8%": the comma is required, so "less than the 47.3% forecast and down from 47.1%"
# (which compares a third figure) does not link.
_GAP_UP_DOWN_FROM = re.compile(r"^[^\d;,]{0,60},\s*(up|down)\s+from\s+" + _QUAL + r"$", re.I)
_STATED_AFTER = re.compile(
    r"^[^\d;]{0,25}?,?\s*(?:(up|down)|(?:an?|the)\s+(rise|fall|drop|increase|decrease|decline|jump|gain|cut|"
    r"reduction)\s+of)\s+" + _QUAL + r"$", re.I)
_STATED_BEFORE = re.compile(
    r"([A-Za-z]+)\s+(?:by\s+|of\s+)?" + _QUAL + r"$", re.I)


def _link_changes(text: _Text) -> Iterator[_Draft]:
    for first in text.figures:
        second = text.next_in_sentence(first)
        if second is None or first.unit != second.unit or first.unit == "fraction":
            continue
        if first.kind != "number" or second.kind != "number" or "vague" in (first.qualifier, second.qualifier):
            continue
        # A year between the figures is a date, not a figure: "from 36,185 in 2003 to 28,041".
        gap = _YEAR.sub("year", text.gap(first, second) or "")
        head = text.before(first)
        if _FROM_END.search(head) and _GAP_TO.match(gap):
            old, new, cue = first, second, "from ... to"
        elif _TO_END.search(head) and _GAP_FROM.match(gap):
            old, new, cue = second, first, "to ... from"
        elif match := _GAP_UP_DOWN_FROM.match(gap):
            old, new, cue = second, first, f"{match.group(1).lower()} from"
        else:
            continue
        draft = _change_draft(text, old, new, cue)
        if draft is not None:
            yield draft


#: Words that start a new clause inside a sentence: "Shares have fallen after the group said losses
#: deepened to £51.6m from £1.2m" -- "fallen" is about the shares, not the losses.
_CLAUSE_OPENERS = frozenset("after as because since when that which who although though if despite amid".split())


def _verb_words(head: str, limit: int = 10) -> list[str]:
    """The last words before a change, back to the start of its own clause."""
    words = _words(head)[-limit:]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _CLAUSE_OPENERS:
            return words[i + 1 :]
    return words


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _change_draft(text: _Text, old: Claim, new: Claim, cue: str) -> _Draft | None:
    first, last = (old, new) if old.start < new.start else (new, old)
    stated = _stated_change(text, first, last)
    start = stated if stated is not None and stated.start < first.start else first
    words = _verb_words(text.before(start)) + _words(text.gap(start, last) or "")
    window = " ".join(words)
    up = [w for w in words if cues.direction_of(w) == "up"]
    down = [w for w in words if cues.direction_of(w) == "down"]
    factor = None
    lower = window.lower()
    for word, value in cues.FACTOR_WORDS.items():
        where = lower.rfind(word)
        if where < 0:
            continue
        # "nearly doubled" still says the figure went up, but states no factor to hold it to.
        up, down = ((up or [word]), down) if value > 1 else (up, (down or [word]))
        if not any(lower[max(0, where - 15) : where].rstrip().endswith(loose) for loose in cues.LOOSE_FACTOR):
            factor = value
        break
    direction = "up" if up and not down else "down" if down and not up else ""
    if not direction and factor is None and stated is None:
        return None  # "from 18 to 24": no word says anything changed
    if old.unit == "count" and cues.RANK_PATTERN.search(text.window(old)):
        return None  # "up from 13 to five" in a chart: a rank rises as its number falls
    verb = (up or down or [""])[0]
    roles = ("old", "new", "change") if stated is not None else ("old", "new")
    claims = (old, new, stated) if stated is not None else (old, new)
    cue = cue if not verb or cue.startswith(verb) else f"{verb} {cue}"
    return _Draft("change", claims, roles, cue, direction=direction, factor=factor)


def _stated_change(text: _Text, first: Claim, last: Claim) -> Claim | None:
    """The stated rise or fall next to a from/to pair: "rose 8% from ...", "..., up 16%"."""
    before = text.previous_in_sentence(first)
    if before is not None and before.kind == "number" and before.unit in ("percent", "percentage_point", first.unit):
        gap = text.gap(before, first) or ""
        match = _STATED_BEFORE.search(text.before(before))
        if len(gap) <= 30 and not re.search(r"\d", gap) and match and _is_change_word(match.group(1)):
            return before
    after = text.next_in_sentence(last)
    if after is not None and after.kind == "number" and after.unit in ("percent", "percentage_point", first.unit):
        if _STATED_AFTER.match(text.gap(last, after) or "x"):
            return after
    return None


def _is_change_word(word: str) -> bool:
    return bool(cues.direction_of(word)) or word.lower() in ("by", "change", "changed")


# --- repeated_figure -----------------------------------------------------------------------------

_DEFINITE = re.compile(r"\b(?:the|those|these|its|their|all)\s+" + _QUAL + r"$", re.I)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+" + _QUAL + r"$", re.I)
_GENERIC = frozenset({"have", "has", "had", "were", "was", "are", "been", "being", "did", "does", "make", "made",
                      "get", "got", "take", "took", "give", "gave", "go", "went"})


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
        if not _DEFINITE.search(text.before(second)[-30:]):
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
            introduced = bool(_INDEFINITE.search(text.before(first)[-30:])) or _introduced_by_noun(text, first, noun)
            if not (shared or introduced):
                continue  # an earlier mention with another verb may still be the same figure
            # The nearest mention that reads the same decides: if its context differs, older ones do too.
            if not _contexts_differ(text, first, second) and not _frames_contrast(text, first, second, shared):
                cue = sorted(shared)[0] if shared else f"the ... {noun}"
                yield _Draft("repeated_figure", (first, second), ("first", "second"), cue)
            break
        earlier.append(second)


_NOUN_OF = re.compile(r"\b(?:a|an|the|its|their)\s+(?:[a-z]+\s+)?([a-z]+)\s+of\s+" + _QUAL + r"$")


def _noun_of(text: _Text, claim: Claim) -> str | None:
    """The counted noun: the extractor's, else the word after ("$2.4 million contract"), else the
    noun a money figure is "of" ("a budget of €4.7 billion")."""
    if claim.noun:
        return claim.noun
    head = _head_after(text, claim)
    if head is None and claim.unit not in ("count", "percent", "percentage_point"):
        match = _NOUN_OF.search(text.before(claim)[-40:])
        head = cues.singular(match.group(1)) if match and match.group(1) not in cues.STOPWORDS else None
    return head


def _introduced_by_noun(text: _Text, claim: Claim, noun: str) -> bool:
    match = re.search(r"\b(?:a|an)\s+(?:[a-z]+\s+)?([a-z]+)\s+of\s+" + _QUAL + r"$", text.before(claim)[-40:])
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


def _is_partitive(text: _Text, claim: Claim) -> bool:
    """"10 of the former directors", "none of the 18 directors": a share of a group or the group
    itself, never a restatement of another count. ("the terms of the $2.4 million contract" is not.)"""
    return bool(re.match(r"\s*(?:[a-z]+\s+)?of\s+(?:the|its|their|these|those|them|whom|which)\b",
                         text.after(claim)[:30])
                or _PARTITIVE_BEFORE.search(text.before(claim)[-40:]))


_PARTITIVE_BEFORE = re.compile(
    r"\b(?:none|all|some|most|many|each|any|several|both|few|half|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozen|\d[\d,.]*)\s+(?:out\s+)?of\s+(?:the|its|their|these|those)\s+" + _QUAL + r"$", re.I)


_IRREGULAR_PAST = frozenset(
    "won lost sold paid spent met rose fell grew went came took gave made held kept left brought bought "
    "built caught fought found heard led meant ran saw sent shot stood struck taught told thought wrote "
    "voted backed".split()
)


def _predicates(text: _Text, claim: Claim, noun: str) -> tuple[set[str], set[str]]:
    """Content stems near the figure, and those of them written as verbs (past or -ing forms). A
    shared stem must be a verb on at least one side ("a survey of 2,100 adults" ... "the 1,200 adults
    surveyed"), so a shared adjective such as "former" never links two figures."""
    words = _words(text.before(claim))[-6:] + _words(text.after(claim))[:6]
    content = [w for w in words if w not in cues.STOPWORDS and w not in _GENERIC and len(w) > 3
               and cues.singular(w) != noun and not noun.startswith(cues.lemma(w))]
    verbs = {cues.lemma(w) for w in content if w.endswith(("ed", "ing")) or w in _IRREGULAR_PAST}
    return {cues.lemma(w) for w in content}, verbs


# --- context guard -------------------------------------------------------------------------------

_NOT_NAMES = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at",
                        "mr", "mrs", "ms", "dr", "officials", "police", "air"})


def _contexts_differ(text: _Text, a: Claim, b: Claim) -> bool:
    """True when two figures sit under different times, places or named subjects."""
    ca, cb = _near(text, a), _near(text, b)
    ta = {m.group(0).lower() for m in cues.TIME_PATTERN.finditer(ca)}
    tb = {m.group(0).lower() for m in cues.TIME_PATTERN.finditer(cb)}
    if ta and tb and ta != tb:
        return True
    pa = {m.group(1).strip() for m in cues.PLACE_PATTERN.finditer(ca)}
    pb = {m.group(1).strip() for m in cues.PLACE_PATTERN.finditer(cb)}
    if pa and pb and not pa & pb:
        return True
    na, nb = _names(text, a), _names(text, b)
    return bool(na and nb and not na & nb)


def _near(text: _Text, claim: Claim) -> str:
    """The figure's own stretch of its clause: everything before it, a few words after it."""
    return text.before(claim) + claim.text + text.after(claim)[:40]


def _names(text: _Text, claim: Claim) -> set[str]:
    """Capitalised words (not sentence-initial) before the figure in its clause: the named subject."""
    head = text.before(claim)
    origin = claim.start - len(head)
    sentence_start, _ = text.sentence_span(claim)
    names = set()
    for match in re.finditer(r"\b[A-Z][a-z]+\b", head):
        lead = text.text[sentence_start : origin + match.start()]
        word = match.group(0).lower()
        if lead.strip(" \"“‘'(") and word not in _NOT_NAMES and word not in _CALENDAR:
            names.add(match.group(0))
    return names


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
