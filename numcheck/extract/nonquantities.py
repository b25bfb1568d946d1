"""What only looks like a quantity: years, dates, clock times, decades, ordinals, phone numbers,
codes and names ("Covid-19", "G7", "Section 230", "S&P 500").

A careful reader skips these (fixtures/extract/GUIDELINES.md); a false figure here becomes a false
alarm downstream, so every refusal is a named test over the tokens around the digits.
"""

from __future__ import annotations

from dataclasses import dataclass

from numcheck.english import AMBIGUOUS_SCALES, CALENDAR_NAMES, MONTHS, SCALES, TENS, UNITS, is_plural
from numcheck.extract.mention import parse_digits
from numcheck.extract.scales import money_before
from numcheck.extract.tables.currencies import CURRENCY_CODES, CURRENCY_SYMBOLS
from numcheck.extract.tables.numbers import (
    AUXILIARIES_BEFORE_VERB,
    CONTACT_WORDS,
    DIALLING_WORDS,
    GLUED_SUFFIX_WORDS,
    HELPLINE_WORDS,
    ID_WORDS,
    INDEX_WORDS,
    LOWERCASE_ID_WORDS,
    MAX_NAME_NUMBER,
    MAX_PHONE_GROUPS,
    NAME_CLOSERS,
    NAMED_BY_FIGURE,
    NOT_AFTER_NAME_NUMBER,
    NOT_NAME_HEADS,
    ORDINAL_SUFFIX,
    PHONE_FOLLOWERS,
    REASONS,
    STREET_WORDS,
    TIME_SUFFIX,
)
from numcheck.extract.tables.units import DURATIONS, PHYSICAL_UNIT_WORDS, TEMPERATURE_SCALES
from numcheck.extract.tokens import TokenView

__all__ = ["REASONS", "NonQuantity", "in_dash_chain", "is_descriptive_compound", "is_glued_suffix", "is_month",
           "is_numbered_name", "is_participle_adjective", "is_title_name", "refusal"]


@dataclass(frozen=True, slots=True)
class NonQuantity:
    """Something that looks like a figure and is not: its span, text and the reason code
    (a key of `REASONS`, explained there)."""

    start: int
    end: int
    text: str
    reason: str


def in_dash_chain(s: TokenView, i: int) -> bool:
    """The third or later part of "2019-03-04", "555-123-4567" or "1-2-3-4": a date, a phone
    number or a code, never a figure or the end of a range ("30-40" has only one dash). Decided
    first, so a long chain costs one look back per part."""
    return i >= 3 and s.tokens[i - 1].text in "-–" and s.tokens[i - 3].text in "-–" and \
        s.tokens[i - 2].is_digit and s.glued(i - 3, i - 2) and s.glued(i - 2, i - 1) and \
        s.glued(i - 1, i)


def refusal(s: TokenView, i: int, last: int, value: float, precision: float) -> str:
    """Why the digits of tokens ``i`` to ``last`` are not a quantity (a code of `REASONS`), or ""."""
    return (glued_refusal(s, i, last, value) or clock_refusal(s, last, value, precision) or phone_refusal(s, i, last)
            or contact_refusal(s, i, last) or date_refusal(s, i, last, value, precision)
            or year_refusal(s, i, last, value) or name_refusal(s, i, last))


def glued_refusal(s: TokenView, i: int, last: int, value: float) -> str:
    """Letters, marks or digits glued to the figure that make it part of something else."""
    tokens = s.tokens
    prev, nxt = s.tok(i - 1), s.tok(last)
    raw = tokens[i].text
    # Glued to letters on the left: G7, A320, COP26, MP3; or letter-hyphen-digits: Covid-19, F-16.
    if prev is not None and s.glued(i - 1, i):
        if prev.is_word and prev.lower not in CURRENCY_SYMBOLS and prev.lower not in CURRENCY_CODES:
            return "name"
        if prev.text in "-/–" and s.tok(i - 2) is not None and s.glued(i - 2, i - 1):
            before = tokens[i - 2]
            if before.is_word or (before.is_digit and (prev.text == "/" or parse_digits(before.text) is None)):
                return "code"  # "A-1", "3/4", "8,00-0": part of a code, not a figure
            if before.is_digit and s.glued(i - 3, i - 2) and tokens[i - 3].is_word:
                return "code"  # "XR7-60C": a part number
            if before.text.isdigit() and len(before.text) == 4 and len(raw) in (1, 2) and prev.text in "-–" and \
                    1600 <= float(before.text) <= 2100:
                return "year"  # the "20" of a 2019-20 season, the "6" of the 2005-6 budget
        if prev.text in "#:/." or prev.text == "+":
            return "code"
    if nxt is None or not s.glued(last - 1, last):
        return ""
    if nxt.text in ":/" and s.tok(last + 1) is not None and (tokens[last + 1].is_digit or s.glued(last, last + 1)):
        return "time" if nxt.text == ":" else "code"  # 10:30, 24/7, 3/4/2019, "1/²"
    if nxt.is_word:
        return glued_word_refusal(s, last, raw)
    if nxt.text in "-–" and s.tok(last + 1) is not None and s.glued(last, last + 1):
        return dash_refusal(s, last, raw, value)
    return ""


def glued_word_refusal(s: TokenView, last: int, raw: str) -> str:
    """Letters glued after the digits: "21st", "9pm", "1990s", "5G", "4x4"."""
    word = s.tokens[last].lower
    if word in ORDINAL_SUFFIX:
        return "ordinal"
    if word in TIME_SUFFIX or (word == "p" and s.text_of(last + 1) == "." and s.lower(last + 2) == "m"):
        return "time"  # 9pm, 9p.m.
    if word == "s" and (len(raw) == 4 or raw.endswith("0")):
        return "decade"  # the 1990s, the 80s
    if not is_glued_suffix(s.tokens[last].text):
        return "name"  # "5G", "3D", "4Children", "200LR": a name, not a quantity
    if word == "x" and s.tok(last + 1) is not None and s.tokens[last + 1].is_digit and s.glued(last, last + 1):
        return "name"  # "4x4"
    return ""


def dash_refusal(s: TokenView, last: int, raw: str, value: float) -> str:
    """A dash glued after the digits: "2023-24", "777-200LR", "2019-03-04", "3-pointer"."""
    tokens = s.tokens
    after = tokens[last + 1]
    if after.is_digit and len(after.text) in (1, 2) and len(raw) == 4 and raw.isdigit() and 1600 <= value <= 2100:
        return "year"  # the 2023-24 season, the 2005-6 budget
    if after.is_digit and s.tok(last + 2) is not None and tokens[last + 2].is_word and \
            s.glued(last + 1, last + 2) and not is_glued_suffix(tokens[last + 2].text):
        return "code"  # "777-200LR": a model number
    if after.is_digit and s.tok(last + 2) is not None and tokens[last + 2].text in "-–" and s.glued(last + 1, last + 2):
        return "date"  # 2019-03-04, 555-123-4567
    if after.is_word and after.lower in NAMED_BY_FIGURE:
        return "name"  # "a 3-pointer", "a two-seater", "a 12-footer"
    if is_descriptive_compound(s, last):
        return "descriptor"  # "a 4-legged robot"
    return ""


def clock_refusal(s: TokenView, last: int, value: float, precision: float) -> str:
    """"9 pm", "10 o'clock", "9 a.m.": a time of day."""
    nxt = s.tok(last)
    if nxt is None or s.glued(last - 1, last):
        return ""
    if nxt.lower in ("am", "pm", "a.m", "p.m", "gmt", "bst", "o'clock") and (precision != 1.0 or value <= 12):
        return "time"
    if precision == 0.01 and 1 <= value < 13 and round(value % 1, 2) < 0.6 and nxt.is_word and nxt.text[0].isupper() \
            and not s.is_sentence_initial(last):
        return "time"  # a racecard: "5.30 Brazen Diamond 6.00 Big Time"
    return ""


def phone_refusal(s: TokenView, i: int, last: int) -> str:
    """The groups of a phone number: "+44 20 7946 0958", "(020) 7946 0958", "555-1234"."""
    tokens = s.tokens
    raw = tokens[i].text
    prev = s.tok(i - 1)
    nxt, after = s.tok(last), s.tok(last + 1)
    if nxt is not None and nxt.text == "." and after is not None and after.lower in ("m", "a", "p") and \
            s.glued(last, last + 1):
        return "time"  # 9 a.m.
    if prev is not None and prev.text == "+" and s.glued(i - 1, i) and raw.isdigit():
        return "phone"  # +44 20 7946 0958
    if prev is not None and prev.text == "(" and s.glued(i - 1, i) and raw.isdigit() and s.text_of(last) == ")" \
            and after is not None and after.is_digit:
        return "phone"  # (020) 7946 0958, (555) 123-4567; "(65%)" and "(12)" are figures in brackets
    if raw.isdigit() and ((raw.startswith("0") and len(raw) >= 3) or 9 <= len(raw) <= 12):
        return "phone"  # 020 7946 0958, 0800, 07766780300: news groups the digits of any real amount
    if prev is not None and prev.is_digit and prev.text.isdigit() and raw.isdigit() and \
            prev.end + 1 == tokens[i].start and (prev.text.startswith("0") or (len(prev.text) >= 3 and len(raw) >= 3
                                                 and s.tok(i - 2) is not None and tokens[i - 2].is_digit)):
        return "phone"  # the middle group of a phone number
    if nxt is not None and after is not None and nxt.text == "-" and s.glued(last - 1, last) and \
            s.glued(last, last + 1) and after.is_digit and len(raw) == 3 and len(after.text) == 4:
        return "phone"  # 555-1234
    if raw.isdigit() and is_dialled_groups(spaced_groups(s, i)):
        return "phone"  # 13 11 14, 1300 22 4636, 1800 737 732
    return ""


def spaced_groups(s: TokenView, i: int) -> list[str]:
    """The bare digit groups that single spaces join to token ``i``'s: "13 11 14" gives all three
    wherever ``i`` is. The walk stops one group past `MAX_PHONE_GROUPS` either way, so a sentence of
    ten thousand spaced digits costs a bounded look per figure (and reads as a row, not a phone)."""
    tokens, text = s.tokens, s.text

    def joined(a: int, b: int) -> bool:
        return tokens[a].end + 1 == tokens[b].start and text[tokens[a].end] == " " and tokens[a].text.isdigit() \
            and tokens[b].text.isdigit()

    first = i
    while first > 0 and i - first <= MAX_PHONE_GROUPS and joined(first - 1, first):
        first -= 1
    end = i + 1
    while end < len(tokens) and end - i <= MAX_PHONE_GROUPS and joined(end - 1, end):
        end += 1
    if (s.glued(end - 1, end) and s.tokens[end].is_word) or is_month(s, first - 1):
        return []  # "July 25 2022 99p": a date, then a price with its unit
    return [t.text for t in tokens[first:end]]


def is_dialled_groups(groups: list[str]) -> bool:
    """Three to `MAX_PHONE_GROUPS` bare digit groups, six to thirteen digits in all, are a number to
    dial ("13 11 14", "1300 22 4636"): English news never writes an amount that way. Thousands
    grouped by spaces, as some style guides do ("1 300 000": up to three digits, then threes), and a
    longer run of spaced figures (a flattened table row) stay figures."""
    if not 3 <= len(groups) <= MAX_PHONE_GROUPS or not 6 <= sum(map(len, groups)) <= 13:
        return False
    if max(map(len, groups)) < 3:
        return False  # "Mead 34 38 81": goal minutes; "Lifeline is 13 11 14" is told by its words
    return not (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))


def is_month(s: TokenView, i: int) -> bool:
    """A month name at token ``i`` ("may" only with a capital: "may" is usually the verb)."""
    w = s.lower(i)
    return w in MONTHS and (w != "may" or s.tokens[i].text[0] == "M")


def date_refusal(s: TokenView, i: int, last: int, value: float, precision: float) -> str:
    """A day of the month: "March 3", "3 March", "the 1st of May", "March 1-10", "1-10 March"."""
    if precision != 1.0 or not 1 <= value <= 31 or "," in s.tokens[i].text:
        return ""
    if is_month(s, i - 1):
        return "date"
    if s.text_of(i - 1) in "-–" and s.glued(i - 2, i - 1) and s.tok(i - 2) is not None and s.tokens[i - 2].is_digit \
            and is_month(s, i - 3):
        return "date"  # the "10" of "March 1-10"
    after = last + 1 if s.lower(last) == "of" else last
    if s.text_of(after) in "-–" and s.glued(after - 1, after) and s.tok(after + 1) is not None and \
            s.tokens[after + 1].is_digit:
        after += 2  # the "1" of "1-10 March"
    return "date" if is_month(s, after) else ""


def year_refusal(s: TokenView, i: int, last: int, value: float) -> str:
    """A bare four-digit figure from 1600 to 2100 is a year unless something counts it."""
    raw = s.tokens[i].text
    if not (raw.isdigit() and len(raw) == 4 and 1600 <= value <= 2100 and last == i + 1):
        return ""
    if money_before(s, i):
        return ""
    if is_month(s, i - 1):
        return "date"  # "signed in February 2020 states that": a month and year are a date, whatever follows
    nxt = s.tok(last)
    if nxt is None:
        return "year"
    if nxt.text in "%" or nxt.lower in ("per", "percent", "million", "billion", "thousand", "bn", "m", "k",
                                       "people", "km", "miles", "kilometres", "tonnes", "metres", "feet"):
        return ""
    if nxt.is_word and nxt.lower.endswith("s") and not nxt.lower.endswith("ss") and \
            s.lower(i - 1) not in ("in", "since", "by", "of", "from", "until", "before", "after", "during"):
        # "2000 people", "1500 troops": a plural noun right after makes it a count.
        return "year" if nxt.text[0].isupper() else ""
    return "year"


def name_refusal(s: TokenView, i: int, last: int) -> str:
    """"Section 427", "Apollo 11", "No. 10", "S&P 500", "page 12", "Photo 3 of 12", "7 / 24",
    "10 Downing Street", "the number 23 shirt": a name, index, address or rank owns the number."""
    if s.text_of(last) == "/" and not s.glued(last - 1, last) and s.tok(last + 1) is not None and \
            s.tokens[last + 1].is_digit:
        return "index"  # the "7" of "7 / 24"
    prev = s.tok(i - 1)
    if prev is None:
        return ""
    if prev.text == "." and s.lower(i - 2) in ("no", "nos", "vol"):
        return "rank"
    if prev.text == "&" or (prev.text == "#" and s.glued(i - 1, i)):
        return "name"
    if prev.text == "/" and not s.glued(i - 1, i) and s.tok(i - 2) is not None and s.tokens[i - 2].is_digit:
        return "index"  # the "24" of a gallery's "7 / 24"
    if prev.lower == "of" and s.tok(i - 2) is not None and s.tokens[i - 2].is_digit and \
            s.lower(i - 3) in INDEX_WORDS:
        return "index"  # the "12" of "Photo 3 of 12"
    if is_address(s, last):
        return "address"
    if is_listed_rank(s, i, last):
        return "rank"
    if not prev.is_word:
        return "name" if prev.text == "-" and s.glued(i - 2, i - 1) and s.tokens[i - 2].is_word else ""
    return name_word_refusal(s, i - 1) or ("name" if is_numbered_name(s, i, last) else "")


def name_word_refusal(s: TokenView, j: int) -> str:
    """The word at ``j`` names what the figure after it identifies ("Route 66", "FTSE 100")."""
    word = s.tokens[j]
    if s.tok(j - 1) is not None and s.tokens[j - 1].text == "&" and s.glued(j - 1, j):
        return "name"  # S&P 500
    if word.lower in ("top", "bottom") and (s.text_of(j + 2) == "%" or s.lower(j + 2) in ("per", "percent", "pc")):
        return ""  # "the bottom 40% of incomes", "the top 1 per cent": a share, not a place
    if word.lower == "top" and s.lower(j - 1) in AUXILIARIES_BEFORE_VERB:
        return ""  # "sales could top 1 million": the verb, a bound (see qualifiers)
    if word.lower in ("number", "no", "nos", "top", "bottom"):
        return "rank"  # "number 23", "No 10": a rank, a shirt or an address
    if word.lower in INDEX_WORDS:
        return "index"  # "page 12", "chapter 3", "Photo 3"
    if word.lower in LOWERCASE_ID_WORDS:
        return "name"  # "article 50", "route 66"
    if word.lower in ID_WORDS and (word.text[0].isupper() or not word.text[1:].islower()):
        return "name"
    if word.text.isupper() and len(word.text) >= 2 and word.lower not in CURRENCY_CODES and \
            word.lower not in ("us", "uk", "eu", "un", "i"):
        return "name"  # FTSE 100, CAC 40
    return ""


def is_address(s: TokenView, last: int) -> bool:
    """"10 Downing Street", "1600 Pennsylvania Avenue": capitalised words then a street word."""
    for k in range(last, min(last + 4, len(s.tokens))):
        t = s.tokens[k]
        if not t.is_word or not t.text[0].isupper():
            return False
        if t.lower in STREET_WORDS and k > last:
            return True
    return False


def is_title_name(s: TokenView, i: int) -> bool:
    """"the Six Nations", "the Big Four", "Channel Four": a capitalised number word inside a
    sentence, next to another capitalised word, is part of a name. At the start of a sentence
    the capital says nothing ("Nineteen Republicans voted" counts people)."""
    if not s.tokens[i].text[0].isupper() or s.is_sentence_initial(i):
        return False
    before, after = s.tok(i - 1), s.tok(i + 1)
    return any(t is not None and t.is_word and t.text[0].isupper() and t.lower not in ("i", "a")
               for t in (before, after))


def is_glued_suffix(word: str) -> bool:
    """Letters that may be glued to the digits of a quantity ("12k", "100km", "45C", "3bn")."""
    if len(word) == 1 and word.isupper():
        return word in "CFMBK"  # "45C", "10M", "12K"; "5G" and "3D" are names
    lower = word.lower()
    return (lower in GLUED_SUFFIX_WORDS or lower in SCALES or lower in AMBIGUOUS_SCALES or lower in PHYSICAL_UNIT_WORDS
            or lower in DURATIONS or word == "MM")


def is_listed_rank(s: TokenView, i: int, last: int) -> bool:
    """"Top four: 1 Man City 2 Liverpool 3 Tottenham": a small whole number between names (or after a
    number word) and right before a capitalised name is a place in a list, not an amount."""
    raw = s.tokens[i].text
    nxt, prev = s.tok(last), s.tok(i - 1)
    if not raw.isdigit() or len(raw) > 2 or nxt is None or prev is None or s.glued(last - 1, last):
        return False
    if not (nxt.is_word and nxt.text[0].isupper() and nxt.text[1:2].islower()) or is_month(s, last):
        return False
    return (prev.is_word and prev.text[0].isupper() and not s.is_sentence_initial(i - 1)) or \
        prev.lower in UNITS or prev.lower in TENS


# --- nonquant: numbered names and descriptive compounds -------------------------------------------


def is_numbered_name(s: TokenView, i: int, last: int) -> bool:
    """"Nord Stream 1 tumbled", "a Ligue 1 side", "Breast Cancer 2": a small bare whole number right
    after a capitalised word inside the sentence, with no unit, scale or plural noun after it, is
    the number of a named thing, not an amount of anything. A plural noun after keeps it a count
    ("on Monday 12 people died"); a capitalised word after is a list place (`is_listed_rank`)."""
    raw = s.tokens[i].text
    if not raw.isdigit() or len(raw) > 2 or not 0 < int(raw) <= MAX_NAME_NUMBER or last != i + 1:
        return False
    prev = s.tokens[i - 1]
    if not (prev.text[0].isupper() and prev.text[1:].islower()) or s.is_sentence_initial(i - 1) or \
            prev.lower in CALENDAR_NAMES or prev.lower in NOT_NAME_HEADS or s.lower(i - 2) in ("£", "$", "€"):
        return False
    nxt = s.tok(last)
    if nxt is None:
        return True
    if not nxt.is_word:
        return nxt.text in NAME_CLOSERS
    word = nxt.lower
    return nxt.text.islower() and not is_plural(word) and word not in NOT_AFTER_NAME_NUMBER and \
        word not in SCALES and word not in AMBIGUOUS_SCALES and word not in PHYSICAL_UNIT_WORDS and \
        word not in DURATIONS and word not in TEMPERATURE_SCALES and not s.glued(last - 1, last)


def is_participle_adjective(word: str) -> bool:
    """"legged", "pronged", "sided": a noun made an adjective with -ed. "bed", "speed" and "seed"
    are nouns that only end in the same letters."""
    return word.isalpha() and len(word) > 3 and word.endswith("ed") and not word.endswith("eed")


def is_descriptive_compound(s: TokenView, last: int) -> bool:
    """"the four-legged brigade", "a two-pronged attack", "a 12-sided die": a figure glued by a
    hyphen to an -ed adjective describes its noun and counts nothing in the sentence."""
    return s.text_of(last) in ("-", "‐") and s.glued(last - 1, last) and s.glued(last, last + 1) and \
        s.tok(last + 1) is not None and is_participle_adjective(s.lower(last + 1)) and \
        s.text_of(last + 2) not in ("-", "‐")


# --- nonquant: helpline and phone numbers said in words ---------------------------------------------


def contact_refusal(s: TokenView, i: int, last: int) -> str:
    """"call 999", "contacted on freephone 116 123", "Lifeline is on 13 11 14", "text SHOUT to 85258",
    "the 988 Suicide and Crisis Lifeline": digits a reader dials, not an amount. The cue is a contact
    word right before the digits (or before "on"/"to" just before them), or a helpline's name right
    after; a unit, "%" or a plural noun after the digits keeps them a figure ("call on 50 states")."""
    if not all(t.text.isdigit() for t in s.tokens[i:last]):
        return ""
    nxt = s.tok(last)
    if nxt is not None and nxt.is_word and (s.glued(last - 1, last) or (
            nxt.text.islower() and nxt.lower not in PHONE_FOLLOWERS)):
        return ""  # "reached 64C", "call on 50 states": a unit or a noun after
    if nxt is not None and not nxt.is_word and not nxt.text.isdigit() and nxt.text not in NAME_CLOSERS:
        return ""  # "%", "£"; a digit group after is the rest of the number
    j = i - 1
    while j >= 0 and s.tokens[j].text.isdigit():
        j -= 1  # the later groups of "13 11 14"
    if s.lower(j) in DIALLING_WORDS:
        return "phone"
    if s.lower(j) in ("on", "to", "is", "at") and any(s.lower(k) in CONTACT_WORDS for k in range(max(0, j - 3), j)):
        return "phone"  # "can be contacted on", "Lifeline is 13 11 14", "text SHOUT to"
    return "phone" if names_helpline(s, last) else ""


def names_helpline(s: TokenView, last: int) -> bool:
    """Capitalised words after the digits that end in a helpline word: "988 Suicide and Crisis Lifeline"."""
    for k in range(last, min(last + 6, len(s.tokens))):
        t = s.tokens[k]
        if not t.is_word or not (t.text[0].isupper() or t.lower in ("and", "&")):
            return False
        if t.lower in HELPLINE_WORDS:
            return True
    return False
