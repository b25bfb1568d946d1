"""Word tables of the number grammar: vague amounts, name words, glued suffixes.

Kept apart from the logic (as price-parser keeps ``_currencies.py``) so a newsroom can read what
numcheck knows without reading code. Number, scale and calendar words every stage shares are in
``numcheck.english``. Everything here is an immutable constant.
"""

from __future__ import annotations

from types import MappingProxyType

#: Vague amounts: the honest interval each word allows. The claim's value is the low end
#: (fixtures/extract/GUIDELINES.md), so "dozens" never pretends to be a precise figure.
VAGUE = MappingProxyType({
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
})
#: "tens of thousands" and friends: multiplier word + "of" + scale word.
VAGUE_COMPOUND = MappingProxyType({
    ("tens", "thousands"): (20_000.0, 99_999.0),
    ("hundreds", "thousands"): (200_000.0, 999_999.0),
    ("tens", "millions"): (20e6, 99e6),
    ("hundreds", "millions"): (200e6, 999e6),
})

#: Capitalised words that name a thing when a number follows ("Section 427", "Apollo 11").
ID_WORDS = frozenset(
    "section article chapter clause paragraph amendment resolution proposition measure bill act route "
    "flight room gate platform highway interstate channel radio apollo boeing airbus formula windows "
    "iphone ipad galaxy pixel playstation xbox model version series volume page figure table level tier "
    "stage phase grade category division league storm hurricane typhoon no number falcon soyuz leopard top "
    "ftse nasdaq stoxx nikkei cac dax russell fortune forbes hang seng sensex kospi asx ibex mib "
    "covid euro expo cop uefa fifa vision cup day week game match round test term year key band class "
    "paragraph annex schedule regulation directive lot unit block wing ward district zone sector door".split()
)
#: Glued letters that make a figure a clock time. Not "p": "4p" and "274.5p" are pence in British
#: copy (share prices), where "9p" for nine in the evening is not written.
TIME_SUFFIX = frozenset({"am", "pm", "a", "gmt", "bst", "cet", "utc", "est", "edt", "pst", "hrs", "h"})
ORDINAL_SUFFIX = frozenset({"st", "nd", "rd", "th"})
#: Plurals after "100m" that keep the m a metre ("100m sprints" is rare; "100m races" is a distance).
UNITISH_PLURALS = frozenset({"races", "sprints", "heats", "finals", "hurdles", "metres"})
#: Words that put a second figure beside an earlier one: it may leave the earlier one's unit unsaid.
COMPARISON_WORDS = frozenset({"from", "against", "versus", "vs", "with", "than"})
#: Plural nouns that make an attached "m"/"b" a scale ("3m people"), not a metre.
COUNT_NOUNS_FOR_SCALE = frozenset(
    "people persons users customers viewers voters households homes jobs workers residents visitors "
    "passengers subscribers fans barrels tonnes tons shares doses children adults refugees migrants "
    "followers listeners readers copies units cases deaths downloads cars vehicles members patients "
    "trees animals birds accounts streams views tourists".split()
)
#: What may be glued to the digits of a quantity: scales ("12k", "£3bn"), units ("100km", "45C"),
#: "pc" and the like. Anything else glued on ("5G", "4Children") makes the digits part of a name.
GLUED_SUFFIX_WORDS = frozenset({"元", "円", "mm", "mil", "pc", "pct", "pp", "ppt", "bps", "bp", "p", "c", "f", "x", "s",
                                "yrs", "yr", "hrs", "mins", "sec", "secs", "ft", "lbs", "lb", "oz"})
#: Words after which a figure is a position in a sequence, not an amount ("page 12", "Photo 3 of 12").
INDEX_WORDS = frozenset("page pages photo photos image images picture pictures slide slides chapter verse "
                        "exhibit figure fig item".split())
#: Name words that own the figure after them even in lower case ("article 50", "section 230").
LOWERCASE_ID_WORDS = frozenset("article section clause paragraph route chapter page".split())
#: Nouns glued by a hyphen after a figure that make the whole a name ("a 3-pointer", "a two-seater").
NAMED_BY_FIGURE = frozenset("pointer pointers seater seaters footer footers wheeler wheelers hander "
                            "handers striper liner liners".split())
#: Street words that make "10 Downing Street" an address.
STREET_WORDS = frozenset("street st road rd avenue ave lane boulevard blvd drive way place terrace crescent "
                         "close square court highway".split())
#: Why something that looks like a figure is not a quantity: the codes `numcheck.extract.nonquantities`
#: gives, for reports and tests.
REASONS = MappingProxyType({
    "year": "a calendar year (in 2024, the 2019-20 season)",
    "date": "a day of the month or a numeric date (3 March, March 1-10, 2019-03-04)",
    "time": "a clock time (10:30, 9pm, 9 a.m.)",
    "decade": "a decade (the 1990s, the 80s)",
    "ordinal": "an ordinal (21st, the third)",
    "phone": "a phone number",
    "code": "a code, model or part number (A-1, 777-200LR, XR7-60C)",
    "name": "part of a name (Covid-19, G7, Section 230, FTSE 100, a 3-pointer)",
    "index": "a position in a sequence (page 12, Photo 3 of 12, 7 / 24)",
    "rank": "a rank, shirt or list number (No. 4, number 23)",
    "address": "a street address (10 Downing Street)",
    "too_long": "a digit run longer than any figure (an identifier)",
    "descriptor": "a number inside a descriptive adjective (four-legged, two-pronged): it describes, it counts nothing",
})
#: Words before "one" that make it a pronoun ("no one", "the one", "every one").
NOT_COUNTING_BEFORE_ONE = frozenset("no any every each the this that which someone anyone only another number "
                                    "which no-one any-one".split())
#: Words after "one" that make it an idiom or a pronoun, not a count ("one day", "one another").
NOT_COUNTED_AFTER_ONE = frozenset("another day way time side hand point said says could would can must "
                                  "might should is was has had who which that else morning evening night year "
                                  "week month of".split())


# --- nonquant: numbered names ("Nord Stream 1", "Ligue 1") ---------------------------------------
#: The largest bare number read as part of a capitalised name before it ("Apollo 11", "Ligue 1");
#: larger ones after a name are more often scorecard figures ("Root 118").
MAX_NAME_NUMBER = 20
#: Capitalised words after which a small number stays a figure: titles and words that open a
#: clause ("Mr 5" does not occur; "Only 3 came" does, mid-sentence after a quote).
NOT_NAME_HEADS = frozenset("i a an the mr mrs ms dr only just some about around over under nearly almost "
                           "up down and or but so then also by at in on of to from with".split())
#: Punctuation that may close a numbered name: "via Nord Stream 1.", "Ligue 1 (France)".
NAME_CLOSERS = frozenset(".,;:!?()”’\"'")
#: Lower-case words after a small number that make it an amount after all ("Chelsea 3 to 1").
NOT_AFTER_NAME_NUMBER = frozenset("per percent pc pct of to and or out for not more less than times".split())
#: Unit words that after a glued "m" leave it a metre: "a 10m square room", "5m high" is not a unit anyway.
NOT_UNITS_AFTER_SCALE = frozenset({"square", "sq", "cubic", "m2", "km2", "mm", "cm", "ha"})

# --- nonquant: helpline and phone numbers ---------------------------------------------------------
#: Names of a line one calls: "the 988 Suicide and Crisis Lifeline", "Samaritans helpline".
HELPLINE_WORDS = frozenset("lifeline helpline hotline helplines hotlines textline crisisline".split())
#: Words right before digits that make them a number to dial ("call 999", "freephone 0800 ...").
DIALLING_WORDS = HELPLINE_WORDS | frozenset(
    "call calling ring dial text phone telephone tel freephone freefone whatsapp sms".split()
)
#: Words a few tokens before "on"/"to" + digits that make them a number to dial ("contacted on 116 123");
#: "reached" alone is not one ("reached 64C").
CONTACT_WORDS = DIALLING_WORDS | frozenset("contacted contact reached".split())
#: The most bare digit groups, joined by single spaces, read as one number to dial ("1300 22 4636"
#: has three, "+44 20 7946 0958" four after the sign); a longer run is a flattened row of figures.
MAX_PHONE_GROUPS = 5
#: Lower-case words that may follow a number to dial ("call 999 if in danger", "ring 111 for advice").
PHONE_FOLLOWERS = frozenset("for if or and to from in at on any anytime free now today".split())
#: Words before "top" that make it the verb ("could top 1 million"), not a place ("the top 10").
AUXILIARIES_BEFORE_VERB = frozenset("to could would will may might should can cannot must set poised expected "
                                    "likely did does do not".split())
