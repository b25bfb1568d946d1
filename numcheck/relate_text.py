"""The text the linker reads around each figure, shared by all its pattern families.

``relate.py`` and the pattern modules beside it (``relate_change``, ``relate_repeat``) all ask the
same questions of a figure: what stands before it in its clause, what stands between it and the next
figure, which content words say what it measures, and whether two figures sit under different times,
places or names. The answers live here, computed once per sentence (clause breaks) or once per
document (names), so linking stays linear however long a sentence is. Package-internal: the
underscored names are shared among the ``relate*`` modules only.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType

from numcheck import cues
from numcheck.document import Document
from numcheck.english import CALENDAR_NAMES, CLAUSE_BREAK, singular, verb_stem
from numcheck.model import Claim

_QUAL = r"(?:(?:about|around|some|roughly|nearly|almost|just|more\s+than|over|under|less\s+than|an\s+estimated|" \
        r"approximately|a\s+record|a\s+total\s+of|at\s+least|up\s+to)\s+)?"


_RATIO_UNITS = frozenset({"percent", "percentage_point", "fraction"})
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


#: How far (characters) the linker reads around a figure, and how many earlier mentions of a noun it
#: considers: both keep it linear in the size of the input, and no cue it reads is longer.
_REACH = 300
_LOOKBACK = 12


_MID_SENTENCE_CAPITAL = re.compile(r"[a-z,] ([A-Z][a-z]+)")


class _Text:
    """The document seen from its claims: text around and between them, clause by clause."""

    def __init__(self, document: Document, claims: list[Claim]) -> None:
        self.document = document
        self.text = document.text
        self.claims = claims
        self.position = {c.id: i for i, c in enumerate(claims)}
        self._cache: dict[tuple[str, bool, str], str] = {}
        self._clause_breaks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self.figures = [c for c in claims if _is_figure(c)]
        self.by_sentence: dict[int, list[Claim]] = {}
        self.by_noun: dict[str | None, list[Claim]] = {}
        for claim in self.figures:
            self.by_sentence.setdefault(claim.sentence, []).append(claim)
            self.by_noun.setdefault(claim.noun, []).append(claim)

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Words the article capitalises mid-sentence: names, found in one pass over the text."""
        return frozenset(m.group(1).lower() for m in _MID_SENTENCE_CAPITAL.finditer(self.text))

    def figures_in(self, first: int, last: int) -> Iterator[Claim]:
        """The figures of sentences ``first`` to ``last``, in text order."""
        for index in range(first, last + 1):
            yield from self.by_sentence.get(index, ())

    def earlier_with_noun(self, claim: Claim, noun: str | None, limit: int = _LOOKBACK) -> list[Claim]:
        """Up to ``limit`` figures counting ``noun`` before ``claim``, nearest last. The limit keeps
        linking linear on a huge input; a whole stated dozens of mentions earlier is not trusted."""
        return _ending_before(self.by_noun.get(noun, []), claim, limit)

    @functools.cached_property
    def by_sentence_unit(self) -> dict[tuple[int, str], list[Claim]]:
        """The figures of each sentence by unit, in text order, built once."""
        index: dict[tuple[int, str], list[Claim]] = {}
        for claim in self.figures:
            index.setdefault((claim.sentence, claim.unit), []).append(claim)
        return index

    def earlier_of_unit(self, claim: Claim, sentence: int, unit: str, limit: int = _LOOKBACK) -> list[Claim]:
        """Up to ``limit`` figures of ``unit`` in ``sentence`` that end before ``claim``, nearest last:
        "the last £ figure before this one" is a bisection, however many figures a sentence holds."""
        return _ending_before(self.by_sentence_unit.get((sentence, unit), []), claim, limit)

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
        origin = max(start, claim.start - _REACH)
        if clause:
            starts, ends = self._breaks(claim)
            index = bisect.bisect_right(ends, claim.start) - 1
            if index >= 0 and starts[index] >= origin:
                return self.text[ends[index] : claim.start]
        if origin > start:
            return "… " + self.text[origin : claim.start]
        return self.text[start : claim.start]

    def _after(self, claim: Claim, clause: bool) -> str:
        _, end = self.sentence_span(claim)
        stop = min(end, claim.end + _REACH)
        if clause:
            starts, ends = self._breaks(claim)
            index = bisect.bisect_left(starts, claim.end)
            if index < len(starts) and ends[index] <= stop:
                stop = starts[index]
        return self.text[claim.end : stop]

    def _breaks(self, claim: Claim) -> tuple[list[int], list[int]]:
        """Where clause breaks start and end in the claim's sentence: found once per sentence, so
        reading a clause costs a bisection, not a regex search of the text around every figure."""
        span = self.sentence_span(claim)
        if span not in self._clause_breaks:
            matches = list(CLAUSE_BREAK.finditer(self.text, span[0], span[1]))
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


def _ending_before(mentions: list[Claim], claim: Claim, limit: int) -> list[Claim]:
    """The last ``limit`` of ``mentions`` (in text order) that end before ``claim`` starts, found by
    bisection so a lookup stays cheap however many figures an index holds."""
    end = bisect.bisect_right(mentions, claim.start, key=lambda c: c.end)
    return mentions[max(0, end - limit) : end]


def _is_figure(claim: Claim) -> bool:
    """A figure that can take part in arithmetic: not a range or a vague amount."""
    return claim.kind in ("number", "fraction", "ratio") and claim.qualifier != "vague"


def _is_count_like(claim: Claim) -> bool:
    return claim.kind == "number" and claim.unit not in _RATIO_UNITS and claim.qualifier != "vague"


def _nouns_agree(part: Claim, whole: Claim) -> bool:
    return part.noun is None or whole.noun is None or part.noun == whole.noun


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


# --- context guard -------------------------------------------------------------------------------

_NOT_NAMES = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at",
                        "mr", "mrs", "ms", "dr", "officials", "police", "air"})


def _contexts_differ(text: _Text, a: Claim, b: Claim, names: bool = True) -> bool:
    """True when two figures sit under different times, places or named subjects. ``names=False``
    skips the names, for a title, which shortens them ("News Corp" for "News Corporation")."""
    ca, cb = _near(text, a), _near(text, b)
    ta = {m.group(0).lower() for m in cues.TIME_PATTERN.finditer(ca)}
    tb = {m.group(0).lower() for m in cues.TIME_PATTERN.finditer(cb)}
    if ta and tb and ta != tb:
        return True
    pa = {m.group(1).strip() for m in cues.PLACE_PATTERN.finditer(ca)}
    pb = {m.group(1).strip() for m in cues.PLACE_PATTERN.finditer(cb)}
    if pa and pb and not pa & pb:
        return True
    if not names:
        return False
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
        # A sentence's first word is a name when the article also capitalises it mid-sentence
        # ("Heineken's net income fell" after "Dutch firm Heineken").
        named = bool(lead.strip(" \"“‘'(")) or word in text.names
        if named and word not in _NOT_NAMES and word not in CALENDAR_NAMES:
            names.add(match.group(0))
    return names


_GENERIC = frozenset({"have", "has", "had", "were", "was", "are", "been", "being", "did", "does", "make", "made",
                      "get", "got", "take", "took", "give", "gave", "go", "went"})


_IRREGULAR_PAST = frozenset(
    "won lost sold paid spent met rose fell grew went came took gave made held kept left brought bought "
    "built caught fought found heard led meant ran saw sent shot stood struck taught told thought wrote "
    "voted backed".split()
)


_STATED_BEFORE = re.compile(
    r"\b([A-Za-z]+)\s+(?:by\s+|of\s+)?" + _QUAL + r"$", re.I)


_YEAR = re.compile(r"\b(?:19|20)\d\d(?:[-–/]\d{1,2})?\b")  # 2004, and 2005-6 or 2004/05 fiscal years


def _is_stated_change(text: _Text, claim: Claim) -> bool:
    """"rose 5% to ...": the figure is itself the size of a change, not a level. "boost its dividend
    payment by 27%" too: after "by" the verb may stand a few words back, past its object."""
    tail = text.tail(claim, 60)
    match = _STATED_BEFORE.search(tail)
    if match and _is_change_word(match.group(1)):
        return True
    by = _BY_FIGURE.search(tail)
    return bool(by) and any(cues.direction_of(w) and (w.endswith(("ing", "ed")) or len(w) > 3)
                            for w in _words(tail[: by.start()])[-5:])


_BY_FIGURE = re.compile(r"\bby\s+" + _QUAL + r"$", re.I)


def _is_change_word(word: str) -> bool:
    return bool(cues.direction_of(word)) or word.lower() in ("by", "change", "changed")


#: Words around a sum or a percentage that say nothing about what it measures.
_NOT_SUBJECT = frozenset(
    "billion million trillion bn dollar dollars euro euros pound pounds yen cent cents pence rupee rupees "
    "per percent total worth valued value figure figures level record compared against versus year years "
    "quarter month months period company firm group said says report reported during earlier later previous "
    "three four five seven eight nine eleven twelve twenty thirty hundred thousand".split())


_CHANGE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:rise|rises|fall|falls|drop|drops|increase|decrease|decline|jump|"
                           r"gain|cut|slump|surge|growth|boost|higher|lower|up|down)\b", re.I)


def _subject(text: _Text, claim: Claim) -> frozenset[str]:
    """What a sum or percentage measures, as content words of its clause: up to four words before the
    figure and three after ("pre-tax profits rose 15%", "a $4bn deal", "the trade deficit of $617bn")."""
    head = text.tail(claim, 60)
    before = _content_words(_common_words(head, head == text.before(claim, clause=False), text.names))[-6:]
    # Content words, not raw words, are counted after the figure: "a 52% rise in net profit" says
    # profit even though three short words stand between.
    after = _content_words(_common_words(text.after(claim)[:40], False, text.names))[:3]
    return frozenset(_MEASURE_SYNONYMS.get(w, w) for w in before + after)


#: Names business copy uses for one measure: "profits fell 33%" and "net income fell to 537m euros"
#: report the same figure.
_MEASURE_SYNONYMS = MappingProxyType({"earning": "profit", "earn": "profit", "earned": "profit",
                                      "income": "profit"})


def _content_words(words: list[str]) -> list[str]:
    return [verb_stem(singular(re.sub(r"['’]s?$", "", w))) for w in words
            if len(w) > 3 and w not in cues.STOPWORDS and w not in _GENERIC and w not in _NOT_SUBJECT
            and not cues.direction_of(w) and w not in _IRREGULAR_PAST]


def _common_words(chunk: str, at_sentence_start: bool, names: frozenset[str]) -> list[str]:
    """The lower-case words of ``chunk``: a company or place name is shared by every figure in its
    article, so it never says two figures measure the same thing. A sentence's first word counts
    unless the article writes it capitalised mid-sentence too (a name)."""
    found = [m.group(0) for m in _WORDS.finditer(chunk)]
    return [w.lower() for i, w in enumerate(found)
            if w[0].islower() or (i == 0 and at_sentence_start and w.lower() not in names)]


def _states_change(text: _Text, claim: Claim) -> bool:
    """"profits up 15%", "a 15% rise": the figure is the size of a change, not a level."""
    return _is_stated_change(text, claim) or bool(_CHANGE_AFTER.match(text.after(claim)[:30]))
