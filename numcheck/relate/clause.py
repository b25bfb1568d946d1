"""The clause view: what every linker reads about a figure and the text around it.

Every linker asks the same questions of a figure: what stands before it in its clause, what stands
between it and the next figure, which role words sit next to it ("from", "to", "of", "out of", "or",
a bracket, "compared with", "of which", "the remaining", "another" ...), which content words say what
it measures, and whether two figures sit under different times, places or names. The answers live
here, computed once per sentence (clause breaks) or once per document (names), so linking stays
linear however long a sentence is. `ClauseView` is public and typed; the linkers in this package
read nothing else of the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from numcheck.document import Document, Lead
from numcheck.english import CALENDAR_NAMES, CLAUSE_BREAK, MONTHS, NUMBER_WORDS, direction_of, singular, verb_stem
from numcheck.model import Claim
from numcheck.relate import tables

__all__ = [
    "LOOKBACK",
    "QUAL",
    "REACH",
    "STATED_BEFORE",
    "YEAR",
    "ClauseView",
    "Draft",
    "FigureCues",
    "Pins",
    "contexts_differ",
    "dateless",
    "is_change_word",
    "is_count_like",
    "is_stated_change",
    "lower_words",
    "nouns_agree",
    "same_thing",
    "states_change",
    "subject_words",
    "synonyms",
]

_T = TypeVar("_T")

#: A qualifier between a role word and its figure ("from some 2.5 million"), as a pattern fragment.
QUAL = tables.QUALIFIER


def synonyms(noun: str) -> frozenset[str]:
    """The noun and every noun ``same_thing`` takes for it.

    >>> sorted(synonyms("nation"))[:3]
    ['country', 'member country', 'member nation']
    """
    found = {noun}
    for group in (*tables.COUNT_SYNONYMS, *tables.NOUN_SYNONYMS):
        if noun in group:
            found |= group
    return frozenset(found)


def same_thing(noun: str | None, other: str | None) -> bool:
    """Whether two counted nouns name the same thing: equal, or synonyms in ``tables.COUNT_SYNONYMS``
    ("job" and "position") or ``tables.NOUN_SYNONYMS`` ("nation" and "country").

    >>> same_thing("job", "position"), same_thing("nation", "country"), same_thing("job", "plane")
    (True, True, False)
    """
    if noun == other:
        return True
    return any(noun in group and other in group for group in (*tables.COUNT_SYNONYMS, *tables.NOUN_SYNONYMS))


_RATIO_UNITS = frozenset({"percent", "percentage_point", "fraction"})


_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Draft:
    kind: str
    claims: tuple[Claim, ...]
    roles: tuple[str, ...]
    cue: str
    direction: str = ""
    factor: float | None = None
    partial: bool = False


#: How far (characters) the linker reads around a figure, and how many earlier mentions of a noun it
#: considers: both keep it linear in the size of the input, and no cue it reads is longer.
REACH = 300


LOOKBACK = 12


_MID_SENTENCE_CAPITAL = re.compile(r"[a-z,] ([A-Z][a-z]+)")


class ClauseView:
    """The document seen from its claims: text around and between them, clause by clause."""

    def __init__(self, document: Document, claims: list[Claim], span: tuple[int, int] | None = None) -> None:
        self.document = document
        #: The stretch of text the claims come from: the whole text, or for one part of a
        #: claim-dense input (`numcheck.extract.stream`) about that part, so that a reading of
        #: "the whole text" (``names``) costs the part, not the input, once per part.
        self.span = span or (0, len(document.text))
        self.text = _blank_modifiers(document.text, claims)
        # A date or a period the extractor took for a figure ("the 1-10 period") is no figure here.
        claims = [c for c in claims if not _is_date(self.text, c)]
        self.claims = claims
        self.position = {c.id: i for i, c in enumerate(claims)}
        #: Where each figure's clause text starts and ends (and whether it was cut at ``REACH``), not
        #: the text itself: a sentence of 10,000 figures kept two 300-character strings each.
        self._cache: dict[tuple[str, bool, str], tuple[int, int, bool]] = {}
        self._clause_breaks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self._pins: dict[str, Pins] = {}
        self._cues: dict[str, FigureCues] = {}
        self._subjects: dict[str, frozenset[str]] = {}
        self._memo: dict[str, object] = {}
        self.figures = [c for c in claims if _is_figure(c)]
        self.by_sentence: dict[int, list[Claim]] = {}
        self.by_noun: dict[str | None, list[Claim]] = {}
        for claim in self.figures:
            self.by_sentence.setdefault(claim.sentence, []).append(claim)
            self.by_noun.setdefault(claim.noun, []).append(claim)

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """A reading of the whole text that two linkers share, computed once per text."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def pins(self, claim: Claim) -> Pins:
        """The times, places and names the figure is pinned to (read once per figure)."""
        if claim.id not in self._pins:
            self._pins[claim.id] = Pins(self, claim)
        return self._pins[claim.id]

    def cues(self, claim: Claim) -> FigureCues:
        """The role words right around the figure (read once per figure)."""
        if claim.id not in self._cues:
            self._cues[claim.id] = _cues(self, claim)
        return self._cues[claim.id]

    def subject(self, claim: Claim) -> frozenset[str]:
        """What the figure measures, as content words of its clause (``subject_words``, read once)."""
        if claim.id not in self._subjects:
            self._subjects[claim.id] = subject_words(self, claim)
        return self._subjects[claim.id]

    @functools.cached_property
    def nouns(self) -> frozenset[str]:
        """Every noun the article's figures count, found once (a whole is named by one of them)."""
        return frozenset(noun for noun in self.by_noun if noun)

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Words the article capitalises mid-sentence: names, found in one pass over the text."""
        return frozenset(m.group(1).lower() for m in _MID_SENTENCE_CAPITAL.finditer(self.text, *self.span))

    def figures_in(self, first: int, last: int) -> Iterator[Claim]:
        """The figures of sentences ``first`` to ``last``, in text order."""
        for index in range(first, last + 1):
            yield from self.by_sentence.get(index, ())

    def earlier_with_noun(self, claim: Claim, noun: str | None, limit: int = LOOKBACK) -> list[Claim]:
        """Up to ``limit`` figures counting ``noun`` before ``claim``, nearest last. The limit keeps
        linking linear on a huge input; a whole stated dozens of mentions earlier is not trusted."""
        return _ending_before(self.by_noun.get(noun, []), claim, limit)

    def earlier_with_nouns(self, claim: Claim, nouns: frozenset[str], limit: int = LOOKBACK) -> list[Claim]:
        """Like ``earlier_with_noun`` for any of ``nouns`` (a noun and its synonyms), nearest last."""
        found = [c for noun in nouns for c in self.earlier_with_noun(claim, noun, limit)]
        return sorted(found, key=lambda c: c.start)[-limit:]

    @functools.cached_property
    def by_sentence_unit(self) -> dict[tuple[int, str], list[Claim]]:
        """The figures of each sentence by unit, in text order, built once."""
        index: dict[tuple[int, str], list[Claim]] = {}
        for claim in self.figures:
            index.setdefault((claim.sentence, claim.unit), []).append(claim)
        return index

    def earlier_of_unit(self, claim: Claim, sentence: int, unit: str, limit: int = LOOKBACK) -> list[Claim]:
        """Up to ``limit`` figures of ``unit`` in ``sentence`` that end before ``claim``, nearest last:
        "the last £ figure before this one" is a bisection, however many figures a sentence holds."""
        return _ending_before(self.by_sentence_unit.get((sentence, unit), []), claim, limit)

    def window(self, claim: Claim) -> str:
        """The claim's sentence, at most ``REACH`` characters either side of it."""
        start, end = self.sentence_span(claim)
        return self.text[max(start, claim.start - REACH) : min(end, claim.end + REACH)]

    def sentence_span(self, claim: Claim) -> tuple[int, int]:
        if 0 <= claim.sentence < len(self.document.sentences):
            span = self.document.sentences[claim.sentence]
            return span.start, span.end
        return max(0, claim.start - 200), min(len(self.text), claim.end + 200)

    def before(self, claim: Claim, clause: bool = True) -> str:
        """The sentence before the claim (its clause, unless ``clause`` is False). Past ``REACH``
        characters it is cut and starts with "…", so patterns anchored at the sentence start fail."""
        key = (claim.id, clause, "before")
        if key not in self._cache:
            self._cache[key] = self._before(claim, clause)
        start, end, cut = self._cache[key]
        return "… " + self.text[start:end] if cut else self.text[start:end]

    def after(self, claim: Claim, clause: bool = True) -> str:
        key = (claim.id, clause, "after")
        if key not in self._cache:
            self._cache[key] = self._after(claim, clause)
        start, end, _ = self._cache[key]
        return self.text[start:end]

    def _before(self, claim: Claim, clause: bool) -> tuple[int, int, bool]:
        start, _ = self.sentence_span(claim)
        origin = max(start, claim.start - REACH)
        if clause:
            starts, ends = self._breaks(claim)
            index = bisect.bisect_right(ends, claim.start) - 1
            if index >= 0 and starts[index] >= origin:
                return ends[index], claim.start, False
        return origin, claim.start, origin > start

    def _after(self, claim: Claim, clause: bool) -> tuple[int, int, bool]:
        _, end = self.sentence_span(claim)
        stop = min(end, claim.end + REACH)
        if clause:
            starts, ends = self._breaks(claim)
            index = bisect.bisect_left(starts, claim.end)
            if index < len(starts) and ends[index] <= stop:
                stop = starts[index]
        return claim.end, stop, False

    def _breaks(self, claim: Claim) -> tuple[list[int], list[int]]:
        """Where clause breaks start and end in the claim's sentence: found once per sentence, so
        reading a clause costs a bisection, not a regex search of the text around every figure."""
        span = self.sentence_span(claim)
        if span not in self._clause_breaks:
            found = _may_break(self.text[span[0] : span[1]])
            matches = list(CLAUSE_BREAK.finditer(self.text, span[0], span[1])) if found else []
            self._clause_breaks[span] = ([m.start() for m in matches], [m.end() for m in matches])
        return self._clause_breaks[span]

    def tail(self, claim: Claim, size: int = 80, clause: bool = True) -> str:
        """The last ``size`` characters of ``before``, cut at a word start: enough for any pattern
        anchored at the figure, and a bounded cost however long the sentence."""
        head = self.before(claim, clause)
        if len(head) <= size:
            return head
        cut = head[-size:]
        space = cut.find(" ")
        return cut[space + 1 :] if space >= 0 else cut

    def gap(self, first: Claim, second: Claim) -> str | None:
        """The text between two claims of one sentence, or None across sentences."""
        if first.sentence != second.sentence or second.start < first.end:
            return None
        if second.start - first.end > REACH:
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

    @property
    def lead(self) -> Lead:
        """The document's title, standfirst and lede (`numcheck.document.Lead`), decided once there."""
        return self.document.lead


def _ending_before(mentions: list[Claim], claim: Claim, limit: int) -> list[Claim]:
    """The last ``limit`` of ``mentions`` (in text order) that end before ``claim`` starts, found by
    bisection so a lookup stays cheap however many figures an index holds."""
    end = bisect.bisect_right(mentions, claim.start, key=lambda c: c.end)
    return mentions[max(0, end - limit) : end]


def _is_figure(claim: Claim) -> bool:
    """A figure that can take part in arithmetic: not a range or a vague amount."""
    return claim.kind in ("number", "fraction", "ratio") and claim.qualifier != "vague"


def is_count_like(claim: Claim) -> bool:
    return claim.kind == "number" and claim.unit not in _RATIO_UNITS and claim.qualifier != "vague"


def nouns_agree(part: Claim, whole: Claim) -> bool:
    return part.noun is None or whole.noun is None or part.noun == whole.noun


def lower_words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


class Pins:
    """What a figure is pinned to in its clause: time expressions ("last year", "2004", "the first
    quarter"), places ("in Kharkiv") and named subjects (capitalised words that are not a sentence's
    first word). Two figures with pins of one sort and none shared are about different things. Each
    sort is read when first asked for: most pairs differ, or agree, on time alone."""

    __slots__ = ("_claim", "_names", "_places", "_times", "_view")

    def __init__(self, view: ClauseView, claim: Claim) -> None:
        self._view, self._claim = view, claim
        self._times: frozenset[str] | None = None
        self._places: frozenset[str] | None = None
        self._names: frozenset[str] | None = None

    @property
    def times(self) -> frozenset[str]:
        if self._times is None:
            near = _near(self._view, self._claim)
            self._times = frozenset(m.group(0).lower() for m in tables.TIME_PATTERN.finditer(near))
        return self._times

    @property
    def places(self) -> frozenset[str]:
        if self._places is None:
            near = _near(self._view, self._claim)
            self._places = frozenset(m.group(1).strip() for m in tables.PLACE_PATTERN.finditer(near))
        return self._places

    @property
    def names(self) -> frozenset[str]:
        if self._names is None:
            self._names = frozenset(_names(self._view, self._claim))
        return self._names


@dataclass(frozen=True, slots=True)
class FigureCues:
    """The role words right around one figure, as the clause view reads them.

    ``before`` is the role word just before the figure, past its qualifier and an article ("from a
    revised 2.5 million" gives "from"); ``after`` the role word right after the figure and its unit
    words ("26 out of 35" gives "out of" for 26); ``bracketed`` whether the figure stands in
    brackets ("(64%)"); ``bound`` the upper-bound words before it ("up to", "no more than", "at
    most"), or "". The words come from ``tables.ROLE_WORDS_BEFORE``/``ROLE_WORDS_AFTER``.
    """

    before: str
    after: str
    bracketed: bool
    bound: str


def contexts_differ(text: ClauseView, a: Claim, b: Claim, names: bool = True) -> bool:
    """True when two figures sit under different times, places or named subjects. ``names=False``
    skips the names, for a title, which shortens them ("News Corp" for "News Corporation")."""
    pa, pb = text.pins(a), text.pins(b)
    if pa.times and pb.times and pa.times != pb.times:
        return True
    if pa.places and pb.places and not pa.places & pb.places:
        return True
    return names and bool(pa.names and pb.names and not pa.names & pb.names)


def _near(text: ClauseView, claim: Claim) -> str:
    """The figure's own stretch of its clause: everything before it, a few words after it."""
    return text.before(claim) + claim.text + text.after(claim)[:40]


_ROLE_BEFORE = re.compile(r"(?<![\w-])(" + "|".join(w.replace(" ", r"\s+") for w in tables.ROLE_WORDS_BEFORE)
                          + r")\s+(?:(?:the|a|an|its|their)\s+)?(?:[a-z]+(?:ly)?\s+){0,2}?" + QUAL + r"[(\[]?$", re.I)
_ROLE_AFTER = re.compile(r"^(?:\s*[)\]])?(?:\s+[a-z]+){0,2}?\s*(?:,\s*)?\b("
                         + "|".join(w.replace(" ", r"\s+") for w in tables.ROLE_WORDS_AFTER) + r")\b", re.I)
_BOUND_BEFORE = re.compile(r"\b(" + "|".join(w.replace(" ", r"\s+") for w in tables.UPPER_BOUND_WORDS)
                           + r")\s+$", re.I)


def _cues(text: ClauseView, claim: Claim) -> FigureCues:
    tail = text.tail(claim, 60)
    before = _ROLE_BEFORE.search(tail)
    after = _ROLE_AFTER.match(text.after(claim)[:30])
    bound = _BOUND_BEFORE.search(tail)
    opening = tail.rstrip().endswith(("(", "["))
    closing = text.after(claim).lstrip().startswith((")", "]"))
    return FigureCues(before=" ".join(before.group(1).lower().split()) if before else "",
                      after=" ".join(after.group(1).lower().split()) if after else "",
                      bracketed=opening and closing,
                      bound=" ".join(bound.group(1).lower().split()) if bound else "")


def _names(text: ClauseView, claim: Claim) -> set[str]:
    """Capitalised words (not sentence-initial) before the figure in its clause: the named subject."""
    head = text.before(claim)
    origin = claim.start - len(head)
    sentence_start, _ = text.sentence_span(claim)
    names = set()
    for match in re.finditer(r"\b[A-Z][a-z]+\b", head):
        lead = text.text[sentence_start : origin + match.start()]
        word = match.group(0).lower()
        # A sentence's first word is a name when the article also capitalises it mid-sentence
        # ("Heineken's net income fell" after "Dutch firm Heineken").
        named = bool(lead.strip(" \"“‘'(")) or word in text.names
        if named and word not in tables.NOT_NAMES and word not in CALENDAR_NAMES:
            names.add(match.group(0))
    return names


STATED_BEFORE = re.compile(
    r"\b([A-Za-z]+)\s+(?:by\s+|of\s+)?" + QUAL + r"$", re.I)


YEAR = re.compile(r"\b(?:19|20)\d\d(?:[-–/]\d{1,2})?\b")  # 2004, and 2005-6 or 2004/05 fiscal years
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
#: A date or a period inside a clause: "the week ended April 4", "4 April", "the 1-10 period".
DATE = re.compile(r"\b(?:" + _MONTH + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:"
                  + _MONTH + r")\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\s+period\b", re.I)


_MODIFIER_LAST_WORDS = frozenset(w.split()[-1] for w in tables.FIGURE_MODIFIERS)
_MODIFIERS_BEFORE = re.compile(r"\b(?:an?\s+)?(?:(?:" + "|".join(
    w.replace(" ", r"\s+") for w in sorted(tables.FIGURE_MODIFIERS, key=len, reverse=True)) + r")\s+){1,2}$", re.I)


def _blank_modifiers(text: str, claims: list[Claim]) -> str:
    """The text with the modifiers right before each figure blanked out, offsets kept: "to a
    seasonally adjusted 2.7 million from a revised 2.5 million" reads as "to 2.7 million from 2.5
    million" to every linker, so no pattern has to allow for them. The word before a figure is
    tested first; the pattern runs only after a modifier's last word."""
    spans = []
    for claim in claims:
        words = text[max(0, claim.start - 16) : claim.start].split()
        if not words or words[-1].lower() not in _MODIFIER_LAST_WORDS:
            continue
        found = _MODIFIERS_BEFORE.search(text, max(0, claim.start - 40), claim.start)
        if found is not None:
            spans.append((found.start(), found.end()))
    if not spans:
        return text
    pieces, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        pieces += [text[position:start], " " * (end - start)]
        position = end
    return "".join(pieces) + text[position:]


_DIGITS_ONLY = re.compile(r"[\d\s,.\-–]+")


def _is_date(text: str, claim: Claim) -> bool:
    """Whether a claim is a date or a period in the text ("March 31", "the 1-10 period"). The words
    right around it are tested first, so the date pattern runs only next to a month or "period"."""
    if claim.unit != "count" or not _DIGITS_ONLY.fullmatch(claim.text):
        return False
    before = text[max(0, claim.start - 12) : claim.start].split()[-1:]
    after = [w for w in text[claim.end : claim.end + 16].split() if w.isalpha()][:1]
    words = {w.strip(".").lower() for w in before + after}
    if not words & (MONTHS | {"period"}):
        return False
    start = max(0, claim.start - 12)
    return any(m.start() <= claim.start - start and m.end() >= claim.end - start
               for m in DATE.finditer(text[start : claim.end + 8]))


def dateless(gap: str) -> str:
    """The text between two figures with its years and dates put in words, so a gap pattern that
    refuses digits (a digit is another figure) reads "from 41,000 in the four weeks ended January 2"
    as one stretch of words."""
    return DATE.sub("date", YEAR.sub("year", gap))


def is_stated_change(text: ClauseView, claim: Claim) -> bool:
    """"rose 5% to ...": the figure is itself the size of a change, not a level. "boost its dividend
    payment by 27%" too: after "by" the verb may stand a few words back, past its object."""
    tail = text.tail(claim, 60)
    match = STATED_BEFORE.search(tail)
    if match and is_change_word(match.group(1)):
        return True
    by = _BY_FIGURE.search(tail)
    return bool(by) and any(direction_of(w) and (w.endswith(("ing", "ed")) or len(w) > 3)
                            for w in lower_words(tail[: by.start()])[-5:])


_BY_FIGURE = re.compile(r"\bby\s+" + QUAL + r"$", re.I)


def is_change_word(word: str) -> bool:
    return bool(direction_of(word)) or word.lower() in ("by", "change", "changed")


_CHANGE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:rise|rises|fall|falls|drop|drops|increase|decrease|decline|jump|"
                           r"gain|cut|slump|surge|growth|boost|higher|lower|up|down)\b", re.I)


def subject_words(text: ClauseView, claim: Claim) -> frozenset[str]:
    """What a sum or percentage measures, as content words of its clause: up to four words before the
    figure and three after ("pre-tax profits rose 15%", "a $4bn deal", "the trade deficit of $617bn")."""
    before = _content_words(_common_words(text.tail(claim, 60), text, claim))[-6:]
    # Content words, not raw words, are counted after the figure: "a 52% rise in net profit" says
    # profit even though three short words stand between.
    after = _content_words(_common_words(text.after(claim)[:40], text))[:3]
    return frozenset(tables.MEASURE_SYNONYMS.get(w, w) for w in before + after)


def _content_words(words: list[str]) -> list[str]:
    """The stems of the words that can say what a figure measures (``_content_stem``)."""
    found = []
    for word in words:
        stem = _content_stem(word)
        if stem is not None:
            found.append(stem)
    return found


def _common_words(chunk: str, text: ClauseView, before: Claim | None = None) -> list[str]:
    """The lower-case words of ``chunk``: a company or place name is shared by every figure in its
    article, so it never says two figures measure the same thing. When ``chunk`` is all the sentence
    before the figure ``before``, its first word is the sentence's and counts unless the article
    writes it capitalised mid-sentence too (a name). Both are read only for a capitalised first
    word: most chunks start lower-case."""
    found = _WORDS.findall(chunk)
    words = [w.lower() for w in found if w[0].islower()]
    if (found and not found[0][0].islower() and before is not None and chunk == text.before(before, clause=False)
            and found[0].lower() not in text.names):
        words.insert(0, found[0].lower())
    return words


def states_change(text: ClauseView, claim: Claim) -> bool:
    """"profits up 15%", "a 15% rise": the figure is the size of a change, not a level."""
    return is_stated_change(text, claim) or bool(_CHANGE_AFTER.match(text.after(claim)[:30]))


# --- sums: what a figure can be in a breakdown, a share or a part (branch sums) -------------------

__all__ += ["counts_acts", "counts_people", "is_compound_modifier", "is_per_unit", "names_one", "narrows"]

_PER_UNIT_AFTER = re.compile(r"^\s*(?:a|an|per|each|for\s+each|for\s+every)\s+([a-z]+)\b", re.I)
_EACH_AFTER = re.compile(r"^\s*(?:each|apiece)\b", re.I)
_HYPHEN_AFTER = re.compile(r"^[-‐‑]([A-Za-z]+)")
_OWN_WORDS_END = re.compile(r"[,;:.!?()\[\]–—]")


def is_per_unit(text: ClauseView, claim: Claim) -> bool:
    """"20.3p a share", "£40 per head", "$3 each": a rate per unit, never a total that a share, a
    fraction or a breakdown can be taken of (``tables.PER_UNIT_NOUNS``; "a year" is a total's period
    and does not count)."""
    after = text.after(claim, clause=False)[:30]
    if _EACH_AFTER.match(after):
        return True
    match = _PER_UNIT_AFTER.match(after)
    return match is not None and singular(match.group(1).lower()) in tables.PER_UNIT_NOUNS


def names_one(claim: Claim) -> bool:
    """A count of one ("one item", "one house committee") names a single thing, not a set: "buy 100
    of one item" and "all 12 of them, not just one" take no part of it."""
    return claim.kind == "number" and claim.unit == "count" and claim.value == 1


def is_compound_modifier(text: ClauseView, claim: Claim) -> bool:
    """A figure hyphenated to the next word is an adjective ("two 50-megapixel cameras", "the
    four-legged brigade"), not a count of its own, unless the word makes it the size of a body ("a
    20-strong squad", ``tables.COUNT_COMPOUNDS``)."""
    match = _HYPHEN_AFTER.match(text.text[claim.end : claim.end + 30])
    return match is not None and singular(match.group(1).lower()) not in tables.COUNT_COMPOUNDS


def counts_people(noun: str | None) -> bool:
    """Whether a counted noun counts people (``tables.PEOPLE_NOUNS``), by its singular."""
    return noun is not None and singular(noun.lower()) in tables.PEOPLE_NOUNS


def _own_words(text: ClauseView, claim: Claim) -> frozenset[str]:
    """The content words that describe a figure of a list: after it, up to the next figure or
    punctuation ("158 of which depicted women," gives depicted, women)."""
    after = text.after(claim, clause=False)
    following = text.next_in_sentence(claim)
    if following is not None and following.start >= claim.end:
        after = after[: following.start - claim.end]
    head = _OWN_WORDS_END.split(after, maxsplit=1)[0]
    return frozenset(w for w in lower_words(head) if w not in tables.STOPWORDS)


def narrows(text: ClauseView, earlier: Claim, later: Claim) -> bool:
    """Whether the later figure's own words repeat all of the earlier's and add more ("158 of which
    depicted women, and only 25 of which depicted non-royal women"): the later is a subset of the
    earlier, not a second part beside it, so the two never add up to a whole."""
    first, second = _own_words(text, earlier), _own_words(text, later)
    return bool(first) and first < second


def counts_acts(noun: str | None) -> bool:
    """Whether a counted noun counts acts, charges or events (``tables.ACT_NOUNS``), never people."""
    return noun is not None and singular(noun.lower()) in tables.ACT_NOUNS


# --- change: figures that are no level of a measure (branch change) ---------------------------------
# A change needs two levels of one measure. A length of time ("four years later"), the number in a
# name ("Nord Stream 1"), one side of a score ("138 for one") and an increment on an earlier change
# ("a further 0.9%") are figures, but none is a level, so none may be an old or a new value.

_TIME_SPAN_AFTER = re.compile(r"^\s*(?:" + "|".join(w.replace(" ", r"\s+") for w in tables.TIME_SPAN_AFTER)
                              + r")\b", re.I)
_TIME_SPAN_BEFORE = re.compile(r"\b(?:" + "|".join(tables.TIME_SPAN_BEFORE)
                               + r")\s+(?:the\s+|a\s+|an\s+)?(?:(?:past|last|next|first|following)\s+)?" + QUAL + r"$",
                               re.I)
_NAME_BEFORE = re.compile(r"[\w,’')\]]\s+([A-Z][\w’'-]*)\s$")
_SCORE_AFTER = re.compile(r"^\s+(?:" + "|".join(tables.SCORE_JOINERS) + r")\s+(?:(?!(?:19|20)\d\d\b)\d{1,3}\b|("
                          + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b)", re.I)


def is_time_span(text: ClauseView, claim: Claim) -> bool:
    """"Four years later", "over the 14 years to 2019": a length of time that says when or over what
    period, not a level of the measure that changed.

    A duration that is itself the measure ("waits rose from four weeks to six weeks") has neither
    cue, so it stays a level.
    """
    if claim.unit not in tables.TIME_UNITS:
        return False
    return bool(_TIME_SPAN_AFTER.match(text.after(claim)[:20]) or _TIME_SPAN_BEFORE.search(text.tail(claim, 40)))


def is_label(text: ClauseView, claim: Claim) -> bool:
    """"Nord Stream 1", "Ligue 1", "FTSE 100": a bare number right after a capitalised word inside a
    sentence is part of a name, not an amount. A sentence's first word ("Only 40 ...") and calendar
    words ("May 5") are not names."""
    if claim.kind != "number" or claim.unit != "count" or not claim.text.isdigit():
        return False
    match = _NAME_BEFORE.search(text.before(claim, clause=False)[-40:])
    if match is None:
        return False
    word = match.group(1)
    return word.lower() not in tables.NOT_NAMES and word.lower() not in CALENDAR_NAMES and word.lower() not in MONTHS


def is_score(text: ClauseView, claim: Claim) -> bool:
    """"138 for one", "210 for six": a count joined to another by "for" is one side of a score (runs
    for wickets), which moves with the other side and is no level on its own. A year after "for"
    ("40 for 2004") is a date, not the other side."""
    return claim.kind == "number" and claim.unit == "count" and bool(_SCORE_AFTER.match(text.after(claim)[:20]))


def is_increment(text: ClauseView, claim: Claim) -> bool:
    """"falling a further 0.9%", "another 300 jobs": the figure is added to an earlier change, so it
    is a change itself, not the level it reached."""
    tail = text.tail(claim, 30).lower()  # the role words are read only when one may be there
    return (any(cue.split()[-1] in tail for cue in tables.INCREMENT_CUES)
            and text.cues(claim).before in tables.INCREMENT_CUES)


def is_level(text: ClauseView, claim: Claim) -> bool:
    """Whether a figure can be an old or a new value of a change: none of the figures above."""
    return not (is_time_span(text, claim) or is_label(text, claim) or is_score(text, claim)
                or is_increment(text, claim))



#: "a 72% increase in pollinator species": the change noun, "in", then the words naming the measure.
_MEASURE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:" + "|".join(tables.CHANGE_NOUNS)
                            + r")\s+in\s+((?:[A-Za-z][\w'’-]*[\s,.]*){1,4})", re.I)


def named_measure(text: ClauseView, claim: Claim) -> frozenset[str]:
    """The content words of the measure a stated change names after its noun: "a 72% increase in
    pollinator species using the site" names {pollinator, species} (stems, as `ClauseView.subject`
    gives them). The phrase ends at the first word that is no noun of it (a stopword, a verb in -ing
    or -ed). Empty when the change names no measure ("profits rose 5%")."""
    match = _MEASURE_AFTER.match(text.after(claim)[:60])
    if match is None:
        return frozenset()
    words = []
    for word in lower_words(match.group(1)):
        if word in tables.STOPWORDS or word.endswith(("ing", "ed")):
            break
        words.append(word)
    return frozenset(tables.MEASURE_SYNONYMS.get(w, w) for w in _content_words(words))


__all__ += ["is_increment", "is_label", "is_level", "is_score", "is_time_span", "named_measure"]


# --- linkprec: roles that keep a figure out of a link (branch linkprec) ------------------------------
# A figure may look like a level or a restatement and be neither: the size named by a change noun
# ("the 0.5% rise to 1.75%"), the figure another is compared with ("lower than last year's 44.8%"),
# one side of a score ("49-5"), or a figure in a line that points to another article ("Related: ...").

_SIZED_NOUN = re.compile(r"\b(?:" + "|".join(tables.MODIFIER_DETERMINERS) + r"|[A-Za-z]+['’]s?)\s+" + QUAL + r"$", re.I)
_CHANGE_NOUN_AFTER = re.compile(r"^\s*(?:" + "|".join(tables.CHANGE_NOUNS) + r")s?\b", re.I)
_THAN_BEFORE = re.compile(r"\b(?:than|below|above)\s+(?:the\s+|its\s+|a\s+)?(?:(?:[a-z]+\s+)?[A-Za-z0-9]+['’]s?\s+)?"
                          + QUAL + r"$", re.I)
_DASH_SCORE_AFTER = re.compile(r"^[-–]\d")
#: Matched at a line's start (``match`` at that position; ``^`` would not match there without
#: MULTILINE, and the lookbehind keeps a ``search`` linear on a run of spaces).
_CROSS_REFERENCE = re.compile(r"(?<![^\n])[^\S\n]*(?:"
                              + "|".join(w.replace(" ", r"\s+") for w in tables.CROSS_REFERENCE_OPENERS)
                              + r")\s*:", re.I)


def sizes_change_noun(text: ClauseView, claim: Claim) -> bool:
    """"The 0.5% rise to 1.75%", "a £2bn cut": a figure between a determiner and a change noun is the
    size of that change, so it is never the level the change started from."""
    return bool(_CHANGE_NOUN_AFTER.match(text.after(claim)[:20]) and _SIZED_NOUN.search(text.tail(claim, 40)))


def is_compared_with(text: ClauseView, claim: Claim) -> bool:
    """"36.4%, lower than last year's 44.8% but higher than the 25.4% of 2019": a figure after "than"
    (or "below", "above") is what the clause's subject is compared with, so a comparison that follows it ("but higher
    than ...") still speaks of that subject, not of this figure."""
    return bool(_THAN_BEFORE.search(text.tail(claim, 50)))


def is_dash_score(text: ClauseView, claim: Claim) -> bool:
    """"slumping to 49-5", "won 3-2": a count joined by a dash to another number is one side of a
    score (runs and wickets, goals), which is no level on its own."""
    return (claim.kind == "number" and claim.unit == "count"
            and bool(_DASH_SCORE_AFTER.match(text.text[claim.end : claim.end + 3])))


def in_cross_reference(text: ClauseView, claim: Claim) -> bool:
    """Whether the figure stands in a line that points to another article ("Related: England beat
    South Africa by 41 runs"): such a line is the other article's headline, not this one's statement."""
    # Such a line is a headline: its start is looked for within REACH characters, never back to the
    # start of a megabyte-long line (that made one line of prose quadratic).
    lower = max(0, claim.start - REACH)
    newline = text.text.rfind("\n", lower, claim.start)
    if newline < 0 and lower > 0:
        return False
    return bool(_CROSS_REFERENCE.match(text.text, newline + 1, claim.start))


__all__ += ["in_cross_reference", "is_compared_with", "is_dash_score", "sizes_change_noun"]


# --- lspeed: linking cost per claim (branch lspeed) ----------------------------------------------
# Shortcuts that give the same readings for less: a word read once per process, and a clause-break
# pattern run only where a break word stands.

@functools.lru_cache(maxsize=1 << 16)
def _content_stem(word: str) -> str | None:
    """A word's content stem, or None for a word that cannot say what a figure measures. It depends on
    the word alone, so it is kept for the process, not per text: articles share most of their words,
    and reading each word afresh in each article was a tenth of linking's time. The bound keeps the
    memory flat on a corpus of any size."""
    if (len(word) > 3 and word not in tables.STOPWORDS and word not in tables.GENERIC_VERBS
            and word not in tables.NOT_SUBJECT and not direction_of(word) and word not in tables.IRREGULAR_PAST):
        return verb_stem(singular(re.sub(r"['’]s?$", "", word)))
    return None


#: The letters ``re.I`` matches to an "i" or "s" that ``str.lower`` keeps apart (dotless i, dotted I,
#: long s): a clause-break word written with one of them is found by the pattern, so it must run.
_FOLDED_LETTERS = ("ı", "İ", "ſ")


def _may_break(chunk: str) -> bool:
    """Whether ``chunk`` may hold a clause break: every ``CLAUSE_BREAK`` match holds ";", "but",
    "while" or "whereas" once lower-cased ("meanwhile" holds "while"). Most sentences hold none, and
    the substring tests say so for a fraction of what the case-blind pattern costs."""
    low = chunk.lower()
    if ";" in low or "but" in low or "while" in low or "whereas" in low:
        return True
    return not chunk.isascii() and any(letter in chunk for letter in _FOLDED_LETTERS)
