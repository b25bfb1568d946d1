"""Turn the figures of a document into `Claim`s: value, unit, counted noun, qualifier, interval.

`numcheck.numbers` says where figures are and what they are worth; this module says what they
*mean*: "€1.1bn" is 1.1e9 EUR, "nearly 90%" is percent in [85.5, 90), "84 of the 112 drones"
counts drones twice. Physical units are resolved by quantulum3, but only on a short window
after a figure that is followed by a unit word, and only once per distinct unit phrase (the
`Extractor` owns that cache), so articles without physical units never load quantulum3 at all.

>>> [(c.text, c.value, c.unit) for c in Extractor().extract_text("Russia got €1.1bn and 12% more.")]
[('€1.1bn', 1100000000.0, 'EUR'), ('12%', 12.0, 'percent')]
>>> [(c.text, c.noun, c.qualifier) for c in Extractor().extract_text("Nearly 84 of the 112 drones fell.")]
[('84', 'drone', 'lt'), ('112', 'drone', 'eq')]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from types import MappingProxyType

from numcheck._units import (
    DEGREE_WORDS,
    DURATIONS,
    OWN_UNITS,
    PHYSICAL_UNIT_WORDS,
    REJECTED_UNITS,
    TEMPERATURE_LETTERS,
    TEMPERATURE_SCALES,
    TEMPERATURE_WORDS,
)
from numcheck._words import (
    AMBIGUOUS_CURRENCY_WORDS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    NEAR_BELOW,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
)
from numcheck.cues import direction_of
from numcheck.document import Document, Span, read_document
from numcheck.english import is_plural, singular
from numcheck.lemma import ends_noun_phrase, head_noun
from numcheck.model import Claim, is_currency
from numcheck.numbers import COMPARISON_WORDS, Mention, Token, may_hold_figure, scan_tokens, tokenize
from numcheck.quantulum import UnitResolver

__all__ = ["Extractor"]

#: "approx" widens a figure by this share either side; "nearly" allows this much below it.
APPROX_WIDTH = 0.05

_MAX_QUALIFIER_WORDS = 4
_OTHER_DOLLAR = re.compile(r"\b(australian|canadian|hong kong|new zealand|singapore|taiwan(?:ese)?)\s+dollars?\b"
                           r"|\b(A|C|HK|NZ|S|NT)\$", re.I)
_US_DOLLAR = re.compile(r"\b(?:US|U\.S\.|American)\s*(?:\$|dollars?)", re.I)
_DOLLAR_CODES = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "new zealand": "NZD",
                 "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD", "a": "AUD", "c": "CAD", "hk": "HKD",
                 "nz": "NZD", "s": "SGD", "nt": "TWD"}


@dataclass(frozen=True, slots=True)
class _Unit:
    """What follows (or precedes) a figure: its unit, the token range it covers and a value factor."""

    unit: str
    first: int  # first token of the claim (a currency symbol may come before the number)
    last: int  # token after the claim
    factor: float = 1.0


class Extractor:
    """Builds claims for many documents; owns the quantulum3 unit cache."""

    def __init__(self) -> None:
        self.units = UnitResolver()

    def extract_text(self, text: str, kind: str = "text") -> tuple[Claim, ...]:
        return self.extract(read_document(text, kind))

    def extract(self, document: Document) -> tuple[Claim, ...]:
        """Claims of a document in reading order, ids ``c1``, ``c2``, ..."""
        dollar = _default_dollar(document.text)
        claims: list[Claim] = []
        previous = _PreviousNouns(document, None, ())
        tables = "|" in document.original  # only then can a figure sit under a table's column header
        for index, span in enumerate(document.sentences):
            if not may_hold_figure(document.text, span.start, span.end):
                previous = _PreviousNouns(document, span, ())
                continue
            tokens = tokenize(document.text, span.start, span.end)
            sentence = _Sentence(self, document, index, tokens, dollar, tables)
            built = sentence.claims(previous, len(claims))
            claims.extend(built)
            previous = _PreviousNouns(document, span, tuple(c.noun for c in built if c.noun and c.unit == "count"))
        return tuple(claims)


def _default_dollar(text: str) -> str:
    """"$" is USD unless the article names exactly one other dollar and never the US one."""
    if "$" not in text and "ollar" not in text:
        return "USD"  # the common case, decided without running the regexes
    others = {(_DOLLAR_CODES.get((m.group(1) or m.group(2) or "").lower(), "")) for m in _OTHER_DOLLAR.finditer(text)}
    others.discard("")
    if len(others) == 1 and not _US_DOLLAR.search(text):
        return others.pop()
    return "USD"


class _PreviousNouns:
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


class _Sentence:
    """The claims of one sentence; a short-lived helper that shares the sentence's tokens."""

    def __init__(self, extractor: Extractor, document: Document, index: int, tokens: list[Token], dollar: str,
                 tables: bool = True):
        self.extractor = extractor
        self.document = document
        self.index = index
        self.tokens = tokens
        self.dollar = dollar
        self.tables = tables

    def lower(self, i: int) -> str:
        return self.tokens[i].lower if 0 <= i < len(self.tokens) else ""

    def text_of(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def glued(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.tokens) and 0 <= j < len(self.tokens) and self.tokens[i].end == self.tokens[j].start

    def claims(self, previous: _PreviousNouns, offset: int) -> list[Claim]:
        mentions = scan_tokens(self.document.text, self.tokens)
        drafts = []
        for mention in mentions:
            unit = self.unit_of(mention)
            if unit is None:
                continue
            drafts.append((mention, unit))
        drafts = self.carry_units_to_changed(self.share_pair_units(self.inherit_currencies(drafts)))
        nouns = [self.noun_of(m, u) for m, u in drafts]
        nouns, sources = self.share_partitive_nouns(drafts, nouns, previous)
        for k, noun in enumerate(nouns):
            if noun in _HYPONYMS:
                # "550 aircraft" names new things; "80 of the aircraft" points back, as far as the last sentence.
                # Named outright, it is not a thing the sentence counts apart ("20 tanks and 30 vehicles").
                hyponyms = _HYPONYMS[noun] if sources[k] else _HYPONYMS[noun].difference(nouns)
                specific = self.specific_noun(drafts[k][1].first, hyponyms, previous if sources[k] else None)
                if specific:
                    nouns[k], sources[k] = specific, sources[k] or "antecedent"
        out = []
        for (mention, unit), noun, source in zip(drafts, nouns, sources, strict=True):
            out.append(self.build(mention, unit, noun, offset + len(out) + 1, source))
        return out

    # -- units ---------------------------------------------------------------------------------
    def inherit_currencies(self, drafts: list[tuple[Mention, _Unit]]) -> list[tuple[Mention, _Unit]]:
        """"$186m, compared with $1.13bn" names the currency twice, "77m euros, up from 38m" once: a
        scaled bare figure after a comparison word is in the currency of the sum it is compared with.
        That sum is the nearest earlier one outside brackets ("77m euros (£53m; $100m), up from 38m"
        compares euros; the brackets only convert)."""
        if not any(u.unit == "count" and m.scale >= 1e6 for m, u in drafts[1:]):
            return drafts  # the common case, decided without walking the sentence's brackets
        depth, depths = 0, []
        for token in self.tokens:
            depths.append(depth)
            depth = depth + 1 if token.text == "(" else max(0, depth - 1) if token.text == ")" else depth
        out, currency = [], None
        for mention, unit in drafts:
            governing = self.skip_possessor(self.skip_qualifier_words(mention.first - 1))
            if unit.unit == "count" and currency is not None and mention.scale >= 1e6 and mention.kind == "number" \
                    and self.lower(governing) in COMPARISON_WORDS and not self.tokens_name_noun(unit.last):
                unit = _Unit(currency, unit.first, unit.last)
            if is_currency(unit.unit) and depths[unit.first] == 0:
                currency = unit.unit
            out.append((mention, unit))
        return out

    def share_pair_units(self, drafts: list[tuple[Mention, _Unit]]) -> list[tuple[Mention, _Unit]]:
        """"from six months to nine", "from 20 to 30 minutes", "from 55 to 70 cents": a from-to pair
        names its unit once, and the bare figure of the pair is in it."""
        out = list(drafts)
        for k in range(1, len(out)):
            (m1, u1), (m2, u2) = out[k - 1], out[k]
            if u2.first != u1.last + 1 or self.lower(u1.last) != "to" or \
                    self.lower(self.skip_qualifier_words(u1.first - 1)) != "from" or \
                    "number" != m1.kind or "number" != m2.kind or (u1.unit == "count") == (u2.unit == "count"):
                continue
            if u1.unit == "count" and u1.last == m1.last:
                out[k - 1] = (m1, _Unit(u2.unit, u1.first, u1.last, u2.factor))
            elif u2.unit == "count" and not self.tokens_name_noun(u2.last):
                out[k] = (m2, _Unit(u1.unit, u2.first, u2.last, u1.factor))
        return out

    def carry_units_to_changed(self, drafts: list[tuple[Mention, _Unit]]) -> list[tuple[Mention, _Unit]]:
        """"the minimum age of 21 ... would be reduced to 18", "the 30 mph limit will be cut to 20": a
        figure changed "to" a bare number leaves the unit unsaid, and the bare number is in it."""
        out = list(drafts)
        for k in range(1, len(out)):
            (_, u1), (m2, u2) = out[k - 1], out[k]
            if u2.unit == "count" and u1.unit != "count" and m2.kind == "number" and m2.scale == 1.0 and \
                    self.lower(u2.first - 1) == "to" and direction_of(self.lower(u2.first - 2)) and \
                    not self.tokens_name_noun(u2.last) and self.lower(u2.last) != "of":
                out[k] = (m2, _Unit(u1.unit, u2.first, u2.last, u1.factor))
        return out

    def skip_possessor(self, i: int) -> int:
        """Step back over "the previous year's" to the word before it: "from the previous year's 1,070
        trillion" is still compared "from"."""
        if not self.lower(i).endswith(("'s", "’s")):
            return i
        i -= 1
        while i >= 0 and self.lower(i) in ("the", "previous", "last", "same", "prior"):
            i -= 1
        return i

    def tokens_name_noun(self, j: int) -> bool:
        """A word right after the figure that could be what it counts ("38m people", "2bn barrels")."""
        return j < len(self.tokens) and self.tokens[j].is_word and is_plural(self.tokens[j].lower)

    def unit_of(self, m: Mention) -> _Unit | None:
        """The unit of a figure, or None when the figure is part of something else."""
        before = self.currency_before(m)
        after = self.unit_after(m)
        if before is not None:
            last = after.last if after is not None and after.unit == before.unit else m.last
            if after is not None and after.unit in CURRENCY_CODES_UPPER and after.unit != before.unit:
                last = after.last
            return _Unit(before.unit, before.first, last)
        if after is not None:
            return after
        if self.is_age(m):
            return _Unit("year", m.first, m.last)
        rate = self.exchange_rate(m)
        if rate is not None:
            return rate
        if m.kind in ("fraction", "ratio"):
            return _Unit("fraction", m.first, m.last)
        return _Unit("count", m.first, m.last)

    def is_age(self, m: Mention) -> bool:
        """"aged 34", "the age of five", "children under 15", "The player, 24, scored"."""
        if not (0 <= m.value < 130 and m.precision == 1.0 and m.kind in ("number", "range")):
            return False
        before = self.lower(m.first - 1)
        if before in ("aged", "ages") or (before == "of" and self.lower(m.first - 2) == "age"):
            return True
        if before in ("under", "over") and self.lower(m.first - 2) in _YOUNG_PEOPLE and not is_plural(
                self.lower(m.last)):
            return True
        # An apposition: "The chief executive, 63, said" (a word, a comma, the figure, a comma).
        return (self.text_of(m.first - 1) == "," and self.text_of(m.last) == "," and m.first >= 2
                and self.tokens[m.first - 2].is_word and self.lower(m.first - 2) not in _STOP_WORDS_BEFORE_AGE
                and m.value >= 12 and not self.tokens[m.first - 2].text[0].isdigit())

    def exchange_rate(self, m: Mention) -> _Unit | None:
        """"the yen weakened to 150 to the dollar": the figure is in the currency being traded."""
        if self.lower(m.last) != "to" or self.lower(m.last + 1) != "the":
            return None
        target = self.lower(m.last + 2)
        if target not in CURRENCY_WORDS:
            return None
        for t in self.tokens:
            code = CURRENCY_WORDS.get(t.lower)
            if code and t.lower not in (target, "dollar", "dollars") and t.end <= self.tokens[m.first].start:
                return _Unit(code, m.first, m.last)
        return None

    def currency_before(self, m: Mention) -> _Unit | None:
        i = m.first - 1
        if m.value < 0 and self.text_of(m.first - 1) in "-−":
            i -= 1
        t = self.text_of(i)
        if not t:
            return None
        if t in CURRENCY_SYMBOLS:
            code = self.dollar if t == "$" else CURRENCY_SYMBOLS[t]
            first = i
            prefix = self.lower(i - 1)
            if t == "$" and self.glued(i - 1, i) and (prefix + "$") in CURRENCY_SYMBOLS:
                code = CURRENCY_SYMBOLS[prefix + "$"]
                first = i - 1
            return _Unit(code, first, m.last)
        if self.lower(i) in CURRENCY_CODES and self.tokens[i].text.isupper():
            return _Unit(self.tokens[i].text.upper().replace("RMB", "CNY"), i, m.last)
        return None

    def unit_after(self, m: Mention) -> _Unit | None:
        j = m.last
        w = self.lower(j)
        text = self.text_of(j)
        if not w:
            return None
        if text == "%" or w in ("percent", "percents", "pc", "pct"):
            return _Unit("percent", m.first, j + 1)
        if w == "per" and self.lower(j + 1) == "cent":
            return _Unit("percent", m.first, j + 2)
        if (w == "percentage" and self.lower(j + 1) in ("point", "points")) or \
                (w == "percentage" and self.lower(j + 1) == "-" and self.lower(j + 2) in ("point", "points")):
            end = j + 2 if self.lower(j + 1) != "-" else j + 3
            return _Unit("percentage_point", m.first, end)
        if w in ("pp", "ppt", "ppts") and m.kind != "fraction":
            return _Unit("percentage_point", m.first, j + 1)
        if (w == "basis" and self.lower(j + 1) in ("point", "points")) or w in ("bps", "bp"):
            end = j + 2 if w == "basis" else j + 1
            return _Unit("percentage_point", m.first, end, factor=0.01)
        currency = self.currency_after(m, j)
        if currency is not None:
            return currency
        temperature = self.temperature_after(m, j)
        if temperature is not None:
            return temperature
        return self.physical_after(m, j)

    def currency_after(self, m: Mention, j: int) -> _Unit | None:
        w = self.lower(j)
        if w in ("us", "u.s") and self.lower(j + 1) in ("dollar", "dollars"):
            return _Unit("USD", m.first, j + 2)
        if w in DOLLAR_COUNTRIES and self.lower(j + 1) in ("dollar", "dollars"):
            return _Unit(DOLLAR_COUNTRIES[w], m.first, j + 2)
        if w == "hong" and self.lower(j + 2) in ("dollar", "dollars"):
            return _Unit("HKD", m.first, j + 3)
        if w in CURRENCY_CODES and self.tokens[j].text.isupper():
            return _Unit(self.tokens[j].text.replace("RMB", "CNY"), m.first, j + 1)
        if self.text_of(j)[:1].isupper() and self.lower(j + 1) in CURRENCY_WORDS and \
                self.lower(j + 1) not in ("dollar", "dollars", *AMBIGUOUS_CURRENCY_WORDS):
            return _Unit(CURRENCY_WORDS[self.lower(j + 1)], m.first, j + 2)  # "Swiss francs", "Japanese yen"
        if w == "p" and self.tokens[j].text == "p" and self.glued(j - 1, j) and m.kind == "number":
            return _Unit("GBP", m.first, j + 1, factor=0.01)  # "274.5p": pence
        if w not in CURRENCY_WORDS or m.kind in ("fraction", "ratio"):
            return None
        code = CURRENCY_WORDS[w]
        if w in ("dollar", "dollars"):
            code = self.dollar
        if w in ("pound", "pounds") and self.is_weight(m, j):
            return None
        if w in AMBIGUOUS_CURRENCY_WORDS and (m.scale == 1.0 or self.tokens[j].text[0].isupper()):
            return None  # "5 won" is more often a verb than Korean money
        if w in ("pence", "cent", "cents"):
            return _Unit(code, m.first, j + 1, factor=0.01)
        return _Unit(code, m.first, j + 1)

    def is_weight(self, m: Mention, j: int) -> bool:
        nearby = {self.lower(k) for k in range(max(0, m.first - 4), min(len(self.tokens), j + 4))}
        return bool(nearby & {"weigh", "weighs", "weighed", "weighing", "weight", "heavy", "lighter", "heavier"})

    def temperature_after(self, m: Mention, j: int) -> _Unit | None:
        t = self.text_of(j)
        if t in "°º" and t:
            letter = self.lower(j + 1)
            if letter in TEMPERATURE_LETTERS and self.glued(j, j + 1):
                return _Unit(TEMPERATURE_LETTERS[letter], m.first, j + 2)
            return _Unit("degree Celsius", m.first, j + 1)
        if t in ("C", "F") and self.glued(m.last - 1, j):
            return _Unit(TEMPERATURE_LETTERS[t.lower()], m.first, j + 1)
        if self.lower(j) in DEGREE_WORDS and self.lower(j + 1) in TEMPERATURE_WORDS:
            return _Unit(TEMPERATURE_WORDS[self.lower(j + 1)], m.first, j + 2)
        if self.lower(j) in TEMPERATURE_SCALES:
            return _Unit(TEMPERATURE_WORDS[self.lower(j)], m.first, j + 1)
        return None

    def physical_after(self, m: Mention, j: int) -> _Unit | None:
        """Durations, ages and quantulum3 units after a figure ("40 km", "a 10-day trip", "aged 34")."""
        if m.kind in ("fraction", "ratio", "vague"):
            return None
        k = j
        if self.text_of(k) == "-" and self.glued(k - 1, k) and self.glued(k, k + 1):
            k += 1  # "10-day", "5-kilometre"
        w = self.lower(k)
        if w in DURATIONS:
            last = k + 1
            if self.text_of(last) == "-" and self.lower(last + 1) == "old" and self.glued(last - 1, last):
                last += 2  # "34-year-old"
            elif self.lower(last) == "old":
                last += 1
            return _Unit(DURATIONS[w], m.first, last)
        if w in OWN_UNITS:
            last = k + 2 if w == "nautical" else k + 1
            return _Unit(OWN_UNITS[w], m.first, last)
        if w not in PHYSICAL_UNIT_WORDS or (k + 1 < len(self.tokens) and self.tokens[k + 1].is_digit
                                            and self.glued(k, k + 1)):
            return None  # "24703m212" is a code, not 24,703 metres
        if w in ("m", "g", "l", "b") and not self.glued(j - 1, j) and self.tokens[j].text != self.tokens[j].lower:
            return None
        phrase_end = k + 1
        while phrase_end < min(len(self.tokens), k + 4) and (
                self.lower(phrase_end) in _UNIT_CONTINUATIONS or (
                    self.glued(phrase_end - 1, phrase_end) and self.text_of(phrase_end) not in _CLOSING_PUNCTUATION)):
            phrase_end += 1
        phrase = self.document.text[self.tokens[k].start : self.tokens[phrase_end - 1].end]
        resolved = self.extractor.units.resolve(phrase)
        if resolved is None or not resolved[0] or resolved[0] in REJECTED_UNITS:
            return None  # no unit, a dimensionless one ("tonnes-0"), or one quantulum3 gets wrong
        name, length = resolved
        end_char = self.tokens[k].start + length
        last = k + 1
        while last < phrase_end and self.tokens[last].end <= end_char:
            last += 1
        return _Unit(name, m.first, last)

    # -- nouns ---------------------------------------------------------------------------------
    def noun_of(self, m: Mention, unit: _Unit) -> str | None:
        if unit.unit not in ("count", "percent", "fraction"):
            return None
        j = unit.last
        if self.lower(j) == "of" and (unit.unit != "count" or m.kind == "vague"):
            j += 1
            if self.lower(j) in ("the", "its", "their", "all", "these", "those", "his", "her", "our"):
                j += 1
        elif unit.unit != "count":
            return None
        words = []
        k = j
        while k < len(self.tokens) and len(words) < 8:
            t = self.tokens[k]
            if t.is_word and t.text.isupper() and len(t.text) >= 2 and not words and \
                    not (self.text_of(k + 1) in ("-", "‐") and self.glued(k, k + 1)):
                pass  # "53 US states", "27 EU countries": an acronym modifier before the head
            elif t.is_word and words and words[-1] in ("and", "or") and t.text[0].isupper():
                break  # "500,000 complaints and CBS": a name starts a new phrase, not a coordinated head
            elif t.is_word:
                words.append(t.lower)
            elif t.text in "-‐" and self.glued(k - 1, k) and self.glued(k, k + 1) and words:
                words[-1] = words[-1] + "-"
            else:
                break
            k += 1
        joined = _join_hyphens(words)
        if len(joined) > 1 and joined[0] in _DETERMINERS_AFTER_FIGURE and joined[1] != "than":
            joined = joined[1:]  # "three other nominations", "five more players"
        return head_noun(joined, plural_only=m.value != 1 and m.kind not in ("fraction", "ratio"),
                         bare_subject=self.is_bare_subject(unit.first))

    def is_bare_subject(self, first: int) -> bool:
        """A figure that opens its clause or follows "the remaining": it may be the whole subject."""
        before = self.skip_qualifier_words(first - 1)
        return before < 0 or self.lower(before) in _SUBJECT_OPENERS or (
            self.tokens[before].is_word and self.tokens[before].text[0].isupper() and not ends_noun_phrase(
                self.lower(before)))  # "Andre 3000 thanked fans": a name's figure is the subject

    def share_partitive_nouns(self, drafts: list[tuple[Mention, _Unit]], nouns: list[str | None],
                              previous: _PreviousNouns) -> tuple[list[str | None], list[str]]:
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
            if nouns[k] is not None or unit.unit != "count" or self.lower(unit.last) != "of":
                continue
            j = self.skip_determiners(unit.last + 1)
            if self.is_demonstrative_pronoun(unit.last + 1):
                j = unit.last + 1  # "20,000 of those were from the UK": "those" stands for a noun
            if k + 1 < len(drafts) and drafts[k + 1][1].first == j and drafts[k + 1][1].unit == "count":
                nouns[k], sources[k] = nouns[k + 1], "partitive"
            elif self.lower(j) in ("them", "those", "these", "which", "whom"):
                earlier = next((nouns[i] for i in range(k - 1, max(-1, k - 50), -1)
                                if nouns[i] and drafts[i][1].unit == "count"), None)
                nouns[k], sources[k] = self.antecedent(drafts, earlier, k, previous), "antecedent"
            elif self.tokens[j].is_word if j < len(self.tokens) else False:
                words = [t.lower for t in self.tokens[j : j + 5] if t.is_word]
                noun = head_noun(words, plural_only=False)
                nouns[k], sources[k] = self.counted_as(drafts, nouns, k, noun), "partitive"
        last_counted: str | None = None  # the running "counted noun so far", so this pass stays linear
        for k, (mention, unit) in enumerate(drafts):
            if nouns[k] is not None or unit.unit != "count" or mention.kind not in ("number", "range", "vague"):
                if nouns[k] is not None and unit.unit == "count":
                    last_counted = nouns[k]
                continue
            before = self.skip_qualifier_words(unit.first - 1)
            if self.lower(unit.first - 1) in ("number", "no"):
                continue  # "went straight in at number 11": a rank, which counts nothing
            column = self.column_noun(unit) if self.tables else None
            if column is not None:
                nouns[k], sources[k] = column, "antecedent"  # "| Maths | 101,000 |" under "| Subject | Entries |"
            elif self.lower(before) == "of" and self.lower(before - 1) in _COLLECTIVE_NOUNS:
                nouns[k] = _COLLECTIVE_NOUNS[self.lower(before - 1)]  # "an electorate of 48.2 million"
                sources[k] = "partitive"
            elif mention.kind == "vague" and last_counted is None and self.people_act(unit.last) and \
                    not self.is_named(unit.first):
                nouns[k], sources[k] = "person", "ellipsis"  # "Tens of thousands had fled": people, unnamed
            elif mention.value > 1 and self.is_elliptical(unit):
                # "from 205 million to 198 million": a change names its subject in its own sentence.
                in_change = self.lower(unit.last) in ("to", "from") or self.lower(unit.first - 1) in ("to", "from")
                nouns[k] = self.antecedent(drafts, last_counted, k, None if in_change else previous,
                                           counted_first=True)
                sources[k] = "ellipsis"
            elif self.lower(before) in _CHANGE_PREPOSITIONS and self.lower(before - 1) in _CHANGE_VERBS:
                nouns[k] = self.antecedent(drafts, last_counted, k, None)  # "Measles cases rose to 1,603"
                sources[k] = "antecedent"
            if nouns[k] is None and mention.value > 1 and unit.last < len(self.tokens) and \
                    self.tokens[unit.last].is_word and self.people_act(unit.last) and not self.is_named(unit.first):
                nouns[k], sources[k] = "person", "ellipsis"  # "At least 12 died"
            if nouns[k] is not None:
                last_counted = nouns[k]
        return nouns, [src if noun else "" for noun, src in zip(nouns, sources, strict=True)]

    def is_demonstrative_pronoun(self, j: int) -> bool:
        """"those"/"these" with no noun after them ("of those were", "of these, 12")."""
        if self.lower(j) not in ("those", "these"):
            return False
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        return nxt is None or not nxt.is_word or (ends_noun_phrase(nxt.lower) and not is_plural(nxt.lower))

    def counted_as(self, drafts: list[tuple[Mention, _Unit]], nouns: list[str | None], k: int,
                   noun: str | None) -> str | None:
        """"13,000 staff members ... 270 of its staff": a partitive whole already counted keeps that noun."""
        if noun is None or " " in noun:
            return noun
        for i in range(k - 1, max(-1, k - 50), -1):
            if nouns[i] and drafts[i][1].unit == "count" and self.lower(drafts[i][1].last) == noun and \
                    nouns[i] != noun:
                return nouns[i]
        return noun

    def specific_noun(self, first: int, hyponyms: frozenset[str], previous: _PreviousNouns | None) -> str | None:
        """"F-16 fighter jets ... about 80 of the aircraft": a general noun that varies an earlier,
        more specific one in the same or the previous sentence counts that one."""
        for i in range(first - 1, max(-1, first - _ANTECEDENT_REACH), -1):
            t = self.tokens[i]
            if t.is_word and is_plural(t.lower) and singular(t.lower) in hyponyms:
                return singular(t.lower)
        return previous.find(hyponyms) if previous is not None else None

    def column_noun(self, unit: _Unit) -> str | None:
        """The counted noun a Markdown table's column header names for a figure alone in its cell."""
        original = self.document.original
        pos = self.tokens[unit.first].start
        line_start = original.rfind("\n", max(0, pos - _MAX_TABLE_ROW), pos) + 1
        if original[line_start : line_start + 1] != "|" or (line_start == 0 and pos > _MAX_TABLE_ROW):
            return None  # not a table row (a "row" longer than any table's is a run of text)
        line_end = original.find("\n", pos)
        cells = original[line_start : len(original) if line_end < 0 else line_end].split("|")
        column = original.count("|", line_start, pos)
        if column >= len(cells) or cells[column].strip() != original[pos : self.tokens[unit.last - 1].end]:
            return None
        header_start = line_start
        while header_start > 0 and line_start - header_start < _MAX_TABLE_ROW * _MAX_TABLE_ROWS and \
                original[original.rfind("\n", 0, header_start - 1) + 1] == "|":
            header_start = original.rfind("\n", 0, header_start - 1) + 1
        header = original[header_start : original.find("\n", header_start)].split("|")
        if column >= len(header) or header_start == line_start:
            return None
        return head_noun(_WORD.findall(header[column].lower()), plural_only=True)

    def measured_noun(self, start: int) -> str | None:
        """The noun a count's clause names as what it measures, read back from the figure.

        "the number of jobless people fell by 100,000" counts people, whatever the sentence before
        counted; "its passenger target ... 198 million" and "the death toll rose to 45" count what
        modifies the measure word.
        """
        for i in range(start - 1, max(0, start - _ANTECEDENT_REACH), -1):
            w = self.lower(i)
            if w in (";", ":") or self.tokens[i].is_digit:
                return None
            if w in _MEASURE_WORDS and self.lower(i + 1) == "of":
                j = self.skip_determiners(i + 2)
                words = []
                for t in self.tokens[j : j + 6]:
                    if not t.is_word:
                        break
                    words.append(t.lower)
                noun = head_noun(words, plural_only=True)
                if noun:
                    return noun
            if w in _MEASURE_HEADS and self.tokens[i - 1].is_word and self.tokens[i - 1].text.islower():
                modifier = self.lower(i - 1)
                adjective = any(modifier.endswith(e) and len(modifier) - len(e) >= 3 for e in _ADJECTIVE_ENDINGS)
                if not ends_noun_phrase(modifier) and not adjective and modifier not in _NOT_MEASURED:
                    return singular(modifier)
        return None

    def is_named(self, first: int) -> bool:
        """A figure that is part of a name or rank ("Shrek 2 took", "the world number two escaped")."""
        before = self.tokens[first - 1] if first > 0 else None
        return before is not None and before.is_word and (before.text[0].isupper() or before.lower in ("number", "no"))

    def people_act(self, j: int) -> bool:
        """A bare count followed by what only people do ("Hundreds were arrested", "12 died")."""
        for k in range(j, min(j + 4, len(self.tokens))):
            w = self.lower(k)
            if w in _HUMAN_VERBS:
                return True
            if w not in _AUXILIARIES:
                return False
        return False

    def skip_qualifier_words(self, i: int) -> int:
        """Step back over "more than", "about", "nearly"... to the word that governs the figure."""
        while i >= 0 and self.lower(i) in _QUALIFIER_WORDS:
            i -= 1
        return i

    def skip_determiners(self, j: int) -> int:
        if self.lower(j) in ("the", "its", "their", "these", "those", "all", "his", "her", "our"):
            j += 1
        if self.lower(j) in ("previous", "last", "first", "next", "remaining", "past", "top", "other"):
            j += 1
        return j

    def is_elliptical(self, unit: _Unit) -> bool:
        """A bare count whose noun is understood: "the Netherlands 24", "the remaining 28 reached"."""
        nxt = self.tokens[unit.last] if unit.last < len(self.tokens) else None
        if nxt is None:
            return True
        if not nxt.is_word:
            return nxt.text in ",.;:)!?"
        return nxt.lower in _ELLIPSIS_FOLLOWERS or (nxt.lower.endswith("ed") and nxt.lower != "need")

    def antecedent(self, drafts: list[tuple[Mention, _Unit]], earlier: str | None, k: int,
                   previous: _PreviousNouns | None, counted_first: bool = False) -> str | None:
        """The noun a count without one refers to.

        Counted nouns of the same sentence come first. An elliptical count ("With its allies it
        holds 293") then prefers what the previous sentence *counted* (seats) over a bare plural
        of its own sentence (allies); "84 of them" prefers its own sentence's plural.
        """
        if earlier:
            return earlier
        start = drafts[k][1].first
        measured = self.measured_noun(start)
        if measured:
            return measured
        if counted_first and previous is not None and previous.counted:
            return previous.counted[-1]
        for i in range(start - 1, max(-1, start - _ANTECEDENT_REACH), -1):
            t = self.tokens[i]
            if t.is_word and t.lower in _COLLECTIVE_NOUNS:
                return _COLLECTIVE_NOUNS[t.lower]  # "London's population grew to 8.8 million"
            if t.is_word and t.text[0].islower() and is_plural(t.lower) and self.lower(i + 1) != "of" and \
                    t.lower not in _NOT_ANTECEDENT:
                return singular(t.lower)
        nouns = previous.get() if previous is not None else []
        return nouns[-1] if nouns else None

    # -- the claim -----------------------------------------------------------------------------
    def build(self, m: Mention, unit: _Unit, noun: str | None, number: int, noun_source: str = "") -> Claim:
        document = self.document
        first_token = self.tokens[unit.first]
        start = min(first_token.start, m.start)
        end = max(self.tokens[unit.last - 1].end, m.end)
        value = m.value * unit.factor
        precision = m.precision * unit.factor
        low, high = m.low * unit.factor, m.high * unit.factor
        qualifier, q_low, q_high = self.qualify(m, unit, value, low, high)
        line, column = document.position(start)
        kind = m.kind
        return Claim(
            id=f"c{number}",
            text=document.original[start:end],
            value=value,
            unit=unit.unit,
            noun=noun,
            qualifier=qualifier,
            low=q_low,
            high=q_high,
            precision=precision,
            start=start,
            end=end,
            sentence=self.index,
            paragraph=document.paragraph_index(start),
            line=line,
            column=column,
            kind=kind,
            noun_source=noun_source,
        )

    def qualify(self, m: Mention, unit: _Unit, value: float, low: float, high: float) -> tuple[str, float, float]:
        """The canonical qualifier and the interval it allows (rounding already in low/high)."""
        if m.kind == "vague":
            return "vague", low, high
        phrase = self.qualifier_before(unit.first)
        after = self.qualifier_after(unit.last)
        floor = 0.0 if value >= 0 else -math.inf
        if phrase is None and after is None:
            return "eq", low, high
        if after is not None and phrase is None:
            phrase_kind = after
        else:
            phrase_kind = QUALIFIERS_BEFORE.get(phrase or "") or _COMPARATIVES[phrase or ""]
        if phrase_kind == "approx":
            width = abs(value) * APPROX_WIDTH
            return "approx", low - width, high + width
        if phrase_kind == "lt":
            if phrase in NEAR_BELOW:
                return "lt", min(value * (1 - APPROX_WIDTH), value), value
            return "lt", min(floor, low), value
        if phrase_kind == "le":
            return "le", min(floor, low), high
        if phrase_kind == "gt":
            if phrase == "just over":
                return "gt", value, max(value * (1 + APPROX_WIDTH), value)
            return "gt", value, math.inf
        if phrase_kind == "ge":
            return "ge", low, math.inf
        return "eq", low, high

    def qualifier_before(self, first: int) -> str | None:
        while self.lower(first - 1) in ("another", "additional", "further") or (
                self.lower(first - 1) == "a" and self.lower(first) == "further"):
            first -= 1
        if self.lower(first - 1) in ("an", "a") and self.lower(first - 2) in ("than", "of"):
            first -= 1
        words = [self.lower(i) for i in range(max(0, first - _MAX_QUALIFIER_WORDS), first)]
        for size in range(min(len(words), _MAX_QUALIFIER_WORDS), 0, -1):
            phrase = " ".join(words[-size:])
            if phrase in QUALIFIERS_BEFORE:
                if phrase in ("over", "under", "below", "above") and self.lower(first - 2) in _NOT_QUALIFYING_OVER:
                    continue
                if phrase == "over" and self.is_duration_at(first) and self.lower(first - 2) not in _WAITED:
                    continue  # "over three nights" is when, not how many
                return phrase
            if phrase in _COMPARATIVES:
                return phrase
        return None

    def is_duration_at(self, first: int) -> bool:
        for k in range(first, min(first + 4, len(self.tokens))):
            if self.lower(k) in DURATIONS or self.lower(k) in ("nights", "night", "seasons", "season"):
                return True
        return False

    def qualifier_after(self, last: int) -> str | None:
        two = f"{self.lower(last)} {self.lower(last + 1)}"
        if two in QUALIFIERS_AFTER:
            return QUALIFIERS_AFTER[two]
        if two in ("and over", "and above", "or older", "and older"):
            return "ge"
        if self.text_of(last) == "-" and self.lower(last + 1) == "odd" and self.glued(last - 1, last):
            return "approx"
        if self.text_of(last) == "+" and self.glued(last - 1, last):
            return "ge"
        return None


CURRENCY_CODES_UPPER = frozenset(c.upper() for c in CURRENCY_CODES)
#: Words after a bare count that show its noun was left out ("24 and Norway six", "46,000 so far").
_ELLIPSIS_FOLLOWERS = frozenset("and or so in by from to at on a an were was had have are will would more "
                                "fewer less this that last each apiece worldwide altogether overall".split())
#: General nouns that news uses to vary a specific one ("jets ... the aircraft", "cars ... 92,627 vehicles").
_HYPONYMS = MappingProxyType({
    "aircraft": frozenset("jet plane airliner helicopter drone fighter bomber airplane".split()),
    "vehicle": frozenset("car truck lorry van bus tank motorcycle coach taxi tractor".split()),
    "vessel": frozenset("ship boat tanker ferry trawler submarine yacht warship".split()),
    "weapon": frozenset("missile rocket rifle gun shell bomb".split()),
    "property": frozenset("home house flat apartment".split()),
    "dwelling": frozenset("home house flat apartment".split()),
    "device": frozenset("phone handset laptop tablet computer".split()),
    "animal": frozenset("cow sheep pig dog cat horse bird chicken".split()),
})
#: "the number of X", "a total of X": the clause names what its figures count.
#: A Markdown table row is at most this long, and a header at most this many rows above a cell:
#: bounds that keep a megabyte of pipes from being searched once per figure.
_MAX_TABLE_ROW = 2_000
_MAX_TABLE_ROWS = 500
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_MEASURE_WORDS = frozenset("number numbers total count tally".split())
#: Measure words whose modifier is the counted thing ("death toll", "passenger target", "goal tally").
_MEASURE_HEADS = frozenset("toll target tally count".split())
_ADJECTIVE_ENDINGS = ("al", "ly", "ed", "ive", "ous", "ic", "ful", "est", "'s", "’s")
_NOT_MEASURED = frozenset("new old own higher lower bigger larger smaller greater overall current".split())
#: Verbs whose subject is people, so a bare count before them counts people.
_HUMAN_VERBS = frozenset(
    "died killed injured wounded hurt fled left gathered marched protested arrested detained evacuated "
    "rescued attended queued rallied demonstrated drowned perished starved emigrated resigned voted "
    "signed applied complained joined watched lined camped survived escaped".split()
)
_AUXILIARIES = frozenset("were was had have has are been being also still reportedly more then later all "
                         "now already reported said believed thought feared".split())
#: Tokens after which a figure may stand alone as a subject ("; 28 reached", "the remaining 28 reached").
_SUBJECT_OPENERS = frozenset(", ; : ( remaining other rest latter former".split())
#: Words between a figure and its noun that are not the noun ("four other titles", "12 more people").
_DETERMINERS_AFTER_FIGURE = frozenset("other more fewer such".split())
#: How many tokens back a bare count looks for its noun: a clause, not the whole of a long sentence.
_ANTECEDENT_REACH = 40
_CHANGE_PREPOSITIONS = frozenset("to at by from".split())
#: Singular nouns that stand for a count of people ("the population reached 59.6 million").
_COLLECTIVE_NOUNS = MappingProxyType({"population": "person", "electorate": "voter", "workforce": "worker",
                                      "membership": "member", "headcount": "employee"})
_QUALIFIER_WORDS = frozenset("more than less fewer about around nearly almost some roughly just over under "
                             "least at an estimated approximately".split())
_CHANGE_VERBS = frozenset("rose fell climbed dropped jumped increased decreased grew reached totalled totaled stood "
                          "declined slipped surged soared plunged risen fallen grown up down".split())
_NOT_ANTECEDENT = frozenset("defences defenses officials authorities forces says years months weeks days "
                            "figures numbers data statistics".split())
_YOUNG_PEOPLE = frozenset("children child kids pupils those people adults girls boys babies infants youngsters "
                          "aged men women students".split())
_STOP_WORDS_BEFORE_AGE = frozenset("and or of in to at by for from with than the a an".split())
#: Punctuation glued to a unit that ends the sentence or clause, never part of the unit: "40 tonnes."
_CLOSING_PUNCTUATION = frozenset(".,;:!?)]}\"'’”")
_UNIT_CONTINUATIONS = frozenset("per a an / h hour day year week month second sq square cubic km metres miles "
                                "kilometres feet tonnes".split())
_NOT_QUALIFYING_OVER = frozenset("rose fell increased grew from up down handed taken took turned hand hands "
                                 "signed won handing".split())
_WAITED = frozenset("waited wait waiting lasted lasting for taken took spent been lived served".split())
#: Verbs and comparatives that put a figure as a bound ("passed $10,000", "longer than 52 weeks").
_COMPARATIVES = MappingProxyType({
    "passed": "gt", "past": "gt", "top": "gt", "topped": "gt", "tops": "gt", "surpassed": "gt", "exceeded": "gt",
    "exceeds": "gt", "exceed": "gt", "longer than": "gt", "greater than": "gt", "higher than": "gt",
    "larger than": "gt", "bigger than": "gt", "shorter than": "lt", "lower than": "lt", "smaller than": "lt",
    "hotter than": "gt", "warmer than": "gt", "colder than": "lt", "cooler than": "lt",
    "fell short of": "lt",
})


def _join_hyphens(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if out and out[-1].endswith("-"):
            out[-1] = out[-1] + w
        else:
            out.append(w)
    return out

