"""Nouns a count names elsewhere: "26 of 35 countries", "84 of them", "the Netherlands 24", "the
death toll rose to 45", a figure under a Markdown table's column header.

The noun of such a count is a guess from context, and it is marked as one in ``noun_source``
("partitive", "antecedent", "ellipsis") so the linker and the rules can be more careful with it.
"""

from __future__ import annotations

import re

from numcheck.document import Document, Span
from numcheck.english import is_plural, singular
from numcheck.extract.mention import Mention
from numcheck.extract.nouns import ends_noun_phrase, head_noun
from numcheck.extract.pipe_tables import MAX_ROW
from numcheck.extract.qualifiers import skip_qualifier_words
from numcheck.extract.sentence import Sentence, Unit
from numcheck.extract.tables.nouns import (
    ADJECTIVE_ENDINGS,
    AUXILIARIES,
    CHANGE_PREPOSITIONS,
    CHANGE_VERBS,
    COLLECTIVE_NOUNS,
    COLUMN_NOUNS,
    ELLIPSIS_FOLLOWERS,
    HUMAN_VERBS,
    HYPONYMS,
    MEASURE_HEADS,
    MEASURE_WORDS,
    NOT_ANTECEDENT,
    NOT_MEASURED,
)
from numcheck.extract.tokens import tokenize

__all__ = ["PreviousNouns", "column_header", "share_partitive_nouns", "specify_general_nouns"]

#: How many tokens back a bare count looks for its noun: a clause, not the whole of a long sentence.
_ANTECEDENT_REACH = 40
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


class PreviousNouns:
    """The nouns the previous sentence offers to "84 of them" and elliptical counts.

    Its counted nouns if it had any; otherwise its last plural noun, found only when a later
    count actually asks (most never do, and tokenizing every figure-less sentence would cost
    more than the rest of the extraction).
    """

    def __init__(self, document: Document, span: Span | None, counted: tuple[str, ...]) -> None:
        self.document = document
        self.span = span
        self.counted = counted
        self._found: list[str] | None = None
        self._specific: dict[frozenset[str], str | None] = {}

    def get(self) -> list[str]:
        if self._found is None:
            self._found = list(self.counted) or self._plural_nouns()
        return self._found

    def find(self, lemmas: frozenset[str]) -> str | None:
        """The last plural noun of the previous sentence whose lemma is one of ``lemmas``."""
        if self.span is None:
            return None
        if lemmas not in self._specific:  # asked once per general noun, however many counts use it
            self._specific[lemmas] = next((singular(t.lower) for t in reversed(tokenize(
                self.document.text, self.span.start, self.span.end)) if t.is_word and is_plural(t.lower)
                and singular(t.lower) in lemmas), None)
        return self._specific[lemmas]

    def _plural_nouns(self) -> list[str]:
        if self.span is None:
            return []
        tokens = tokenize(self.document.text, self.span.start, self.span.end)
        for i in range(len(tokens) - 1, -1, -1):
            t = tokens[i]
            following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if t.is_word and len(t.lower) > 3 and t.text[0].islower() and following != "of" and is_plural(t.lower):
                noun = head_noun([t.lower], plural_only=True)
                if noun:
                    return [noun]
        return []


def specify_general_nouns(s: Sentence, drafts: list[tuple[Mention, Unit]], nouns: list[str | None],
                          sources: list[str], previous: PreviousNouns) -> None:
    """"550 aircraft" names new things; "80 of the aircraft" points back, as far as the last sentence,
    to the specific noun it varies ("F-16 fighter jets"). Named outright, a general noun is not a
    thing the sentence counts apart ("20 tanks and 30 vehicles"). Updates ``nouns``/``sources``."""
    for k, noun in enumerate(nouns):
        if noun in HYPONYMS:
            hyponyms = HYPONYMS[noun] if sources[k] else HYPONYMS[noun].difference(nouns)
            specific = specific_noun(s, drafts[k][1].first, hyponyms, previous if sources[k] else None)
            if specific:
                nouns[k], sources[k] = specific, sources[k] or "antecedent"


def share_partitive_nouns(s: Sentence, drafts: list[tuple[Mention, Unit]], nouns: list[str | None],
                          previous: PreviousNouns) -> tuple[list[str | None], list[str]]:
    """Give a noun to counts that name theirs elsewhere.

    "26 of 35 countries" and "84 of the 112 drones" share the whole's noun; "84 of them" and
    "270 of its staff" take the noun they point to; an elliptical count ("Denmark pledged 19,
    the Netherlands 24") takes the noun of the count before it in the sentence, or the
    previous sentence's. Inherited nouns are marked in ``noun_source`` ("partitive",
    "antecedent", "ellipsis") so the linker and the rules can be more careful with guesses.
    """
    nouns = list(nouns)
    sources = [""] * len(nouns)
    for k in range(len(drafts) - 1, -1, -1):
        mention, unit = drafts[k]
        if nouns[k] is not None or unit.unit != "count" or s.lower(unit.last) != "of":
            continue
        j = skip_determiners(s, unit.last + 1)
        if is_demonstrative_pronoun(s, unit.last + 1):
            j = unit.last + 1  # "20,000 of those were from the UK": "those" stands for a noun
        if k + 1 < len(drafts) and drafts[k + 1][1].first == j and drafts[k + 1][1].unit == "count":
            nouns[k], sources[k] = nouns[k + 1], "partitive"
        elif s.lower(j) in ("them", "those", "these", "which", "whom"):
            earlier = next((nouns[i] for i in range(k - 1, max(-1, k - 50), -1)
                            if nouns[i] and drafts[i][1].unit == "count"), None)
            nouns[k], sources[k] = antecedent(s, drafts, earlier, k, previous), "antecedent"
        elif s.tokens[j].is_word if j < len(s.tokens) else False:
            words = [t.lower for t in s.tokens[j : j + 5] if t.is_word]
            noun = head_noun(words, plural_only=False)
            nouns[k], sources[k] = counted_as(s, drafts, nouns, k, noun), "partitive"
    last_counted: str | None = None  # the running "counted noun so far", so this pass stays linear
    for k, (mention, unit) in enumerate(drafts):
        if nouns[k] is not None or unit.unit != "count" or mention.kind not in ("number", "range", "vague"):
            if nouns[k] is not None and unit.unit == "count":
                last_counted = nouns[k]
            continue
        before = skip_qualifier_words(s, unit.first - 1)
        if s.lower(unit.first - 1) in ("number", "no"):
            continue  # "went straight in at number 11": a rank, which counts nothing
        column = column_noun(s, unit)
        if column is not None:
            nouns[k], sources[k] = column, "antecedent"  # "| Maths | 101,000 |" under "| Subject | Entries |"
        elif s.lower(before) == "of" and s.lower(before - 1) in COLLECTIVE_NOUNS:
            nouns[k] = COLLECTIVE_NOUNS[s.lower(before - 1)]  # "an electorate of 48.2 million"
            sources[k] = "partitive"
        elif mention.kind == "vague" and last_counted is None and people_act(s, unit.last) and \
                not is_name_or_rank(s, unit.first):
            nouns[k], sources[k] = "person", "ellipsis"  # "Tens of thousands had fled": people, unnamed
        elif mention.value > 1 and is_elliptical(s, unit):
            # "from 205 million to 198 million": a change names its subject in its own sentence.
            in_change = s.lower(unit.last) in ("to", "from") or s.lower(unit.first - 1) in ("to", "from")
            nouns[k] = antecedent(s, drafts, last_counted, k, None if in_change else previous,
                                       counted_first=True)
            sources[k] = "ellipsis"
        elif s.lower(before) in CHANGE_PREPOSITIONS and s.lower(before - 1) in CHANGE_VERBS:
            nouns[k] = antecedent(s, drafts, last_counted, k, None)  # "Measles cases rose to 1,603"
            sources[k] = "antecedent"
        if nouns[k] is None and mention.value > 1 and unit.last < len(s.tokens) and \
                s.tokens[unit.last].is_word and people_act(s, unit.last) and not is_name_or_rank(s, unit.first):
            nouns[k], sources[k] = "person", "ellipsis"  # "At least 12 died"
        if nouns[k] is not None:
            last_counted = nouns[k]
    return nouns, [src if noun else "" for noun, src in zip(nouns, sources, strict=True)]


def is_demonstrative_pronoun(s: Sentence, j: int) -> bool:
    """"those"/"these" with no noun after them ("of those were", "of these, 12")."""
    if s.lower(j) not in ("those", "these"):
        return False
    nxt = s.tokens[j + 1] if j + 1 < len(s.tokens) else None
    return nxt is None or not nxt.is_word or (ends_noun_phrase(nxt.lower) and not is_plural(nxt.lower))


def counted_as(s: Sentence, drafts: list[tuple[Mention, Unit]], nouns: list[str | None], k: int,
               noun: str | None) -> str | None:
    """"13,000 staff members ... 270 of its staff": a partitive whole already counted keeps that noun."""
    if noun is None or " " in noun:
        return noun
    for i in range(k - 1, max(-1, k - 50), -1):
        if nouns[i] and drafts[i][1].unit == "count" and s.lower(drafts[i][1].last) == noun and \
                nouns[i] != noun:
            return nouns[i]
    return noun


def specific_noun(s: Sentence, first: int, hyponyms: frozenset[str], previous: PreviousNouns | None) -> str | None:
    """"F-16 fighter jets ... about 80 of the aircraft": a general noun that varies an earlier,
    more specific one in the same or the previous sentence counts that one."""
    for i in range(first - 1, max(-1, first - _ANTECEDENT_REACH), -1):
        t = s.tokens[i]
        if t.is_word and is_plural(t.lower) and singular(t.lower) in hyponyms:
            return singular(t.lower)
    return previous.find(hyponyms) if previous is not None else None


def column_header(s: Sentence, unit: Unit) -> str | None:
    """The header cell, lower-cased, of the pipe-table column a figure stands alone in, or None."""
    if s.table_index is None:
        return None
    original = s.document.original
    pos = s.tokens[unit.first].start
    line_start = original.rfind("\n", max(0, pos - MAX_ROW), pos) + 1
    header_start = s.table_index.header_of(line_start)
    if header_start is None:
        return None
    cells = s.table_index.cells(line_start)
    column = original.count("|", line_start, pos)
    if column >= len(cells) or cells[column].strip() != original[pos : s.tokens[unit.last - 1].end]:
        return None
    header = s.table_index.cells(header_start)
    return header[column].strip().lower() if column < len(header) else None


def column_noun(s: Sentence, unit: Unit) -> str | None:
    """The counted noun a table's column header names for a figure alone in its cell ("Pts": point)."""
    header = column_header(s, unit)
    if not header:
        return None
    return COLUMN_NOUNS.get(header) or head_noun(_WORD.findall(header), plural_only=True)


def measured_noun(s: Sentence, start: int) -> str | None:
    """The noun a count's clause names as what it measures, read back from the figure.

    "the number of jobless people fell by 100,000" counts people, whatever the sentence before
    counted; "its passenger target ... 198 million" and "the death toll rose to 45" count what
    modifies the measure word.
    """
    for i in range(start - 1, max(0, start - _ANTECEDENT_REACH), -1):
        w = s.lower(i)
        if w in (";", ":") or s.tokens[i].is_digit:
            return None
        if w in MEASURE_WORDS and s.lower(i + 1) == "of":
            j = skip_determiners(s, i + 2)
            words = []
            for t in s.tokens[j : j + 6]:
                if not t.is_word:
                    break
                words.append(t.lower)
            noun = head_noun(words, plural_only=True)
            if noun:
                return noun
        if w in MEASURE_HEADS and s.tokens[i - 1].is_word and s.tokens[i - 1].text.islower():
            modifier = s.lower(i - 1)
            adjective = any(modifier.endswith(e) and len(modifier) - len(e) >= 3 for e in ADJECTIVE_ENDINGS)
            if not ends_noun_phrase(modifier) and not adjective and modifier not in NOT_MEASURED:
                return singular(modifier)
    return None


def is_name_or_rank(s: Sentence, first: int) -> bool:
    """A figure that is part of a name or rank ("Shrek 2 took", "the world number two escaped")."""
    before = s.tokens[first - 1] if first > 0 else None
    return before is not None and before.is_word and (before.text[0].isupper() or before.lower in ("number", "no"))


def people_act(s: Sentence, j: int) -> bool:
    """A bare count followed by what only people do ("Hundreds were arrested", "12 died")."""
    for k in range(j, min(j + 4, len(s.tokens))):
        w = s.lower(k)
        if w in HUMAN_VERBS:
            return True
        if w not in AUXILIARIES:
            return False
    return False


def skip_determiners(s: Sentence, j: int) -> int:
    if s.lower(j) in ("the", "its", "their", "these", "those", "all", "his", "her", "our"):
        j += 1
    if s.lower(j) in ("previous", "last", "first", "next", "remaining", "past", "top", "other"):
        j += 1
    return j


def is_elliptical(s: Sentence, unit: Unit) -> bool:
    """A bare count whose noun is understood: "the Netherlands 24", "the remaining 28 reached"."""
    nxt = s.tokens[unit.last] if unit.last < len(s.tokens) else None
    if nxt is None:
        return True
    if not nxt.is_word:
        return nxt.text in ",.;:)!?"
    return nxt.lower in ELLIPSIS_FOLLOWERS or (nxt.lower.endswith("ed") and nxt.lower != "need")


def antecedent(s: Sentence, drafts: list[tuple[Mention, Unit]], earlier: str | None, k: int,
               previous: PreviousNouns | None, counted_first: bool = False) -> str | None:
    """The noun a count without one refers to.

    Counted nouns of the same sentence come first. An elliptical count ("With its allies it
    holds 293") then prefers what the previous sentence *counted* (seats) over a bare plural
    of its own sentence (allies); "84 of them" prefers its own sentence's plural.
    """
    if earlier:
        return earlier
    start = drafts[k][1].first
    measured = measured_noun(s, start)
    if measured:
        return measured
    if counted_first and previous is not None and previous.counted:
        return previous.counted[-1]
    for i in range(start - 1, max(-1, start - _ANTECEDENT_REACH), -1):
        t = s.tokens[i]
        if t.is_word and t.lower in COLLECTIVE_NOUNS:
            return COLLECTIVE_NOUNS[t.lower]  # "London's population grew to 8.8 million"
        if t.is_word and t.text[0].islower() and is_plural(t.lower) and s.lower(i + 1) != "of" and \
                t.lower not in NOT_ANTECEDENT:
            return singular(t.lower)
    nouns = previous.get() if previous is not None else []
    return nouns[-1] if nouns else None
