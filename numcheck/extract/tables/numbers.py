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
    "stage phase grade category division league storm hurricane typhoon no number falcon soyuz leopard "
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
GLUED_SUFFIX_WORDS = frozenset({"mm", "mil", "pc", "pct", "pp", "ppt", "bps", "bp", "p", "c", "f", "x", "s",
                                "yrs", "yr", "hrs", "mins", "sec", "secs", "ft", "lbs", "lb", "oz"})
