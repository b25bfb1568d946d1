"""The unit of a figure: percent, percentage points, currencies, temperatures, durations and
physical units (resolved by quantulum3 on a short window, once per distinct phrase), and the
sentence-level passes that let a figure borrow a unit its neighbour names ("from 20 to 30
minutes", "77m euros, up from 38m").
"""

from __future__ import annotations

from numcheck.english import direction_of, is_plural
from numcheck.extract.currencies import currency_after, currency_before
from numcheck.extract.mention import Mention, make_mention
from numcheck.extract.qualifiers import skip_qualifier_words
from numcheck.extract.sentence import Sentence, Unit
from numcheck.extract.tables.currencies import CURRENCY_CODES_UPPER, CURRENCY_WORDS
from numcheck.extract.tables.numbers import COMPARISON_WORDS
from numcheck.extract.tables.units import (
    CLOSING_PUNCTUATION,
    DEGREE_WORDS,
    DURATIONS,
    ENERGY_UNITS,
    OWN_UNITS,
    PHYSICAL_UNIT_WORDS,
    REJECTED_UNITS,
    STOP_WORDS_BEFORE_AGE,
    TEMPERATURE_LETTERS,
    TEMPERATURE_SCALES,
    TEMPERATURE_WORDS,
    TIME_FRAME_WORDS,
    UNIT_CONTINUATIONS,
    YOUNG_PEOPLE,
)
from numcheck.model import is_currency

__all__ = ["Unit", "carry_units_to_changed", "inherit_currencies", "is_time_frame", "join_subunits", "share_pair_units",
           "share_suspended_hyphens", "unit_of"]


def unit_of(s: Sentence, m: Mention) -> Unit | None:
    """The unit of a figure, or None when the figure is part of something else."""
    before = currency_before(s, m)
    after = unit_after(s, m)
    if before is not None:
        last = after.last if after is not None and after.unit == before.unit else m.last
        if after is not None and after.unit in CURRENCY_CODES_UPPER and after.unit != before.unit:
            last = after.last
        return Unit(before.unit, before.first, last)
    if after is not None:
        return after
    if is_age(s, m):
        return Unit("year", m.first, m.last)
    rate = exchange_rate(s, m)
    if rate is not None:
        return rate
    if m.kind in ("fraction", "ratio"):
        return Unit("fraction", m.first, m.last)
    return Unit("count", m.first, m.last)


def is_age(s: Sentence, m: Mention) -> bool:
    """"aged 34", "the age of five", "children under 15", "The player, 24, scored"."""
    if not (0 <= m.value < 130 and m.precision == 1.0 and m.kind in ("number", "range")):
        return False
    before = s.lower(m.first - 1)
    if before in ("aged", "ages") or (before == "of" and s.lower(m.first - 2) in ("age", "ages")):
        return True
    if m.kind == "range" and before == "between" and s.lower(m.first - 2) in ("aged", "ages"):
        return True  # "viewers aged between 16 and 24"
    if before in ("under", "over") and s.lower(m.first - 2) in YOUNG_PEOPLE and not is_plural(
            s.lower(m.last)):
        return True
    # An apposition: "The chief executive, 63, said" (a word, a comma, the figure, a comma).
    return (s.text_of(m.first - 1) == "," and s.text_of(m.last) == "," and m.first >= 2
            and s.tokens[m.first - 2].is_word and s.lower(m.first - 2) not in STOP_WORDS_BEFORE_AGE
            and m.value >= 12 and not s.tokens[m.first - 2].text[0].isdigit())


def exchange_rate(s: Sentence, m: Mention) -> Unit | None:
    """"the yen weakened to 150 to the dollar": the figure is in the currency being traded."""
    if s.lower(m.last) != "to" or s.lower(m.last + 1) != "the":
        return None
    target = s.lower(m.last + 2)
    if target not in CURRENCY_WORDS:
        return None
    for t in s.tokens:
        code = CURRENCY_WORDS.get(t.lower)
        if code and t.lower not in (target, "dollar", "dollars") and t.end <= s.tokens[m.first].start:
            return Unit(code, m.first, m.last)
    return None


def unit_after(s: Sentence, m: Mention) -> Unit | None:
    j = m.last
    w = s.lower(j)
    text = s.text_of(j)
    if not w:
        return None
    if text == "%" or w in ("percent", "percents", "pc", "pct"):
        return Unit("percent", m.first, j + 1)
    if w == "per" and s.lower(j + 1) == "cent":
        return Unit("percent", m.first, j + 2)
    if (w == "percentage" and s.lower(j + 1) in ("point", "points")) or \
            (w == "percentage" and s.lower(j + 1) == "-" and s.lower(j + 2) in ("point", "points")):
        end = j + 2 if s.lower(j + 1) != "-" else j + 3
        return Unit("percentage_point", m.first, end)
    if w in ("pp", "ppt", "ppts") and m.kind != "fraction":
        return Unit("percentage_point", m.first, j + 1)
    if (w == "basis" and s.lower(j + 1) in ("point", "points")) or w in ("bps", "bp"):
        end = j + 2 if w == "basis" else j + 1
        return Unit("percentage_point", m.first, end, factor=0.01)
    currency = currency_after(s, m, j)
    if currency is not None:
        return currency
    temperature = temperature_after(s, m, j)
    if temperature is not None:
        return temperature
    return physical_after(s, m, j)


def temperature_after(s: Sentence, m: Mention, j: int) -> Unit | None:
    t = s.text_of(j)
    if t in "°º" and t:
        letter = s.lower(j + 1)
        if letter in TEMPERATURE_LETTERS and s.glued(j, j + 1):
            return Unit(TEMPERATURE_LETTERS[letter], m.first, j + 2)
        return Unit("degree Celsius", m.first, j + 1)
    if t in ("C", "F") and s.glued(m.last - 1, j):
        return Unit(TEMPERATURE_LETTERS[t.lower()], m.first, j + 1)
    if s.lower(j) in DEGREE_WORDS and s.lower(j + 1) in TEMPERATURE_WORDS:
        return Unit(TEMPERATURE_WORDS[s.lower(j + 1)], m.first, j + 2)
    if s.lower(j) in TEMPERATURE_SCALES:
        return Unit(TEMPERATURE_WORDS[s.lower(j)], m.first, j + 1)
    return None


def physical_after(s: Sentence, m: Mention, j: int) -> Unit | None:
    """Durations, ages and quantulum3 units after a figure ("40 km", "a 10-day trip", "aged 34")."""
    if m.kind in ("fraction", "ratio", "vague"):
        return None
    k = j
    if s.text_of(k) == "-" and s.glued(k - 1, k) and s.glued(k, k + 1):
        k += 1  # "10-day", "5-kilometre"
    w = s.lower(k)
    if w in DURATIONS:
        last = k + 1
        if s.text_of(last) == "-" and s.lower(last + 1) in ("old", "olds") and s.glued(last - 1, last):
            last += 2  # "34-year-old"
        elif s.lower(last) == "old":
            last += 1
        elif s.text_of(last) in "-‐" and s.glued(last - 1, last) and s.glued(last, last + 1) and \
                s.tok(last + 1) is not None and s.tokens[last + 1].is_word:
            return None  # "12 second-chance points", "two second-half goals": a modifier, not a duration
        return Unit(DURATIONS[w], m.first, last)
    if w in ENERGY_UNITS and s.lower(k + 1) in ("hour", "hours"):
        return Unit(f"{ENERGY_UNITS[w]} hour", m.first, k + 2)  # "3.5 billion kilowatt hours"
    if w in OWN_UNITS:
        last = k + 2 if w == "nautical" else k + 1
        return Unit(OWN_UNITS[w], m.first, last)
    if w not in PHYSICAL_UNIT_WORDS or (k + 1 < len(s.tokens) and s.tokens[k + 1].is_digit
                                        and s.glued(k, k + 1)):
        return None  # "24703m212" is a code, not 24,703 metres
    if w in ("m", "g", "l", "b") and not s.glued(j - 1, j) and s.tokens[j].text != s.tokens[j].lower:
        return None
    phrase_end = k + 1
    while phrase_end < min(len(s.tokens), k + 4) and (
            s.lower(phrase_end) in UNIT_CONTINUATIONS or (
                s.glued(phrase_end - 1, phrase_end) and s.text_of(phrase_end) not in CLOSING_PUNCTUATION)):
        phrase_end += 1
    phrase = s.document.text[s.tokens[k].start : s.tokens[phrase_end - 1].end]
    resolved = s.units.resolve(phrase)
    if resolved is None or not resolved[0] or resolved[0] in REJECTED_UNITS:
        return None  # no unit, a dimensionless one ("tonnes-0"), or one quantulum3 gets wrong
    name, length = resolved
    end_char = s.tokens[k].start + length
    last = k + 1
    while last < phrase_end and s.tokens[last].end <= end_char:
        last += 1
    return Unit(name, m.first, last)


def share_pair_units(s: Sentence, drafts: list[tuple[Mention, Unit]]) -> list[tuple[Mention, Unit]]:
    """"from six months to nine", "from 20 to 30 minutes", "from 55 to 70 cents": a from-to pair
    names its unit once, and the bare figure of the pair is in it."""
    out = list(drafts)
    for k in range(1, len(out)):
        (m1, u1), (m2, u2) = out[k - 1], out[k]
        if u2.first != u1.last + 1 or s.lower(u1.last) != "to" or \
                s.lower(skip_qualifier_words(s, u1.first - 1)) != "from" or \
                "number" != m1.kind or "number" != m2.kind or (u1.unit == "count") == (u2.unit == "count"):
            continue
        if u1.unit == "count" and u1.last == m1.last:
            out[k - 1] = (m1, Unit(u2.unit, u1.first, u1.last, u2.factor))
        elif u2.unit == "count" and not tokens_name_noun(s, u2.last):
            out[k] = (m2, Unit(u1.unit, u2.first, u2.last, u1.factor))
    return out


def carry_units_to_changed(s: Sentence, drafts: list[tuple[Mention, Unit]]) -> list[tuple[Mention, Unit]]:
    """"the minimum age of 21 ... would be reduced to 18", "the 30 mph limit will be cut to 20": a
    figure changed "to" a bare number leaves the unit unsaid, and the bare number is in it."""
    out = list(drafts)
    for k in range(1, len(out)):
        (_, u1), (m2, u2) = out[k - 1], out[k]
        if u2.unit == "count" and u1.unit != "count" and m2.kind == "number" and m2.scale == 1.0 and \
                not is_time_frame(s, u1) and \
                s.lower(u2.first - 1) == "to" and direction_of(s.lower(u2.first - 2)) and \
                not tokens_name_noun(s, u2.last) and s.lower(u2.last) != "of":
            out[k] = (m2, Unit(u1.unit, u2.first, u2.last, u1.factor))
    return out


def tokens_name_noun(s: Sentence, j: int) -> bool:
    """A word right after the figure that could be what it counts ("38m people", "2bn barrels")."""
    return j < len(s.tokens) and s.tokens[j].is_word and is_plural(s.tokens[j].lower)


def skip_possessor(s: Sentence, i: int) -> int:
    """Step back over "the previous year's" to the word before it: "from the previous year's 1,070
    trillion" is still compared "from"."""
    if not s.lower(i).endswith(("'s", "’s")):
        return i
    i -= 1
    while i >= 0 and s.lower(i) in ("the", "previous", "last", "same", "prior"):
        i -= 1
    return i


def inherit_currencies(s: Sentence, drafts: list[tuple[Mention, Unit]]) -> list[tuple[Mention, Unit]]:
    """"$186m, compared with $1.13bn" names the currency twice, "77m euros, up from 38m" once: a
    scaled bare figure after a comparison word is in the currency of the sum it is compared with.
    That sum is the nearest earlier one outside brackets ("77m euros (£53m; $100m), up from 38m"
    compares euros; the brackets only convert)."""
    if not any(u.unit == "count" and m.scale >= 1e6 for m, u in drafts[1:]):
        return drafts  # the common case, decided without walking the sentence's brackets
    depth, depths = 0, []
    for token in s.tokens:
        depths.append(depth)
        depth = depth + 1 if token.text == "(" else max(0, depth - 1) if token.text == ")" else depth
    out, currency = [], None
    for mention, unit in drafts:
        governing = skip_possessor(s, skip_qualifier_words(s, mention.first - 1))
        if unit.unit == "count" and currency is not None and mention.scale >= 1e6 and mention.kind == "number" \
                and s.lower(governing) in COMPARISON_WORDS and not tokens_name_noun(s, unit.last):
            unit = Unit(currency, unit.first, unit.last)
        if is_currency(unit.unit) and depths[unit.first] == 0:
            currency = unit.unit
        out.append((mention, unit))
    return out


def share_suspended_hyphens(s: Sentence, drafts: list[tuple[Mention, Unit]]) -> list[tuple[Mention, Unit]]:
    """"21- and 22-year-olds", "five- to 10-minute walks": a figure left hanging on a hyphen is in
    the unit its partner names."""
    out = list(drafts)
    for k in range(len(out) - 1):
        (m1, u1), (_, u2) = out[k], out[k + 1]
        if u1.unit == "count" and u2.unit != "count" and u1.last == m1.last and s.text_of(m1.last) in "-‐" and \
                s.glued(m1.last - 1, m1.last) and s.lower(m1.last + 1) in ("and", "to", "or") and \
                u2.first == m1.last + 2:
            out[k] = (m1, Unit(u2.unit, u1.first, u1.last, u2.factor))
    return out


def join_subunits(s: Sentence, drafts: list[tuple[Mention, Unit]]) -> list[tuple[Mention, Unit]]:
    """"3 dollars 50 cents", "thirteen dollars and forty-five cents": one sum, 3.50 and 13.45."""
    out: list[tuple[Mention, Unit]] = []
    k = 0
    while k < len(drafts):
        m1, u1 = drafts[k]
        if k + 1 < len(drafts):
            m2, u2 = drafts[k + 1]
            gap = u2.first - u1.last
            if is_currency(u1.unit) and u2.unit == u1.unit and u1.factor == 1.0 and u2.factor == 0.01 and \
                    m1.kind == m2.kind == "number" and m1.value % 1 == 0 and 0 < m2.value < 100 and \
                    (gap == 0 or (gap == 1 and s.lower(u1.last) == "and")):
                value = m1.value + m2.value * 0.01
                out.append((make_mention(m1.first, m2.last, m1.start, m2.end, value, 0.01, "number"),
                            Unit(u1.unit, u1.first, u2.last)))
                k += 2
                continue
        out.append((m1, u1))
        k += 1
    return out


# --- nonquant: a duration that sets the time, not the figure --------------------------------------


def is_time_frame(s: Sentence, unit: Unit) -> bool:
    """"Four years later, the figure had fallen to 59": a duration followed by "later", "ago" or
    "on" says when, not what was measured, so it lends its unit to no figure after it."""
    return unit.unit in DURATIONS.values() and s.lower(unit.last) in TIME_FRAME_WORDS
