"""The words the linker reads: which verbs pick a subset, which words name a group, which nouns
name one set, which words carry no subject, and which expressions pin a figure to a time or place.

Data only, apart from the linkers, so an editor can see (and a newsroom can argue about) exactly what
makes numcheck link two figures without reading the linking code. Every table is immutable. Stems
are crude on purpose (``numcheck.english.verb_stem`` strips English inflections); the tables list the
stems it produces. Which words say a figure rose or fell is English, not linking: see
``numcheck.english.direction_of``.
"""

from __future__ import annotations

import re
from types import MappingProxyType

#: Phrases whose words say nothing alone but together say a figure went down ("scaled back to 4%").
DOWN_PHRASES = ("scaled back", "scale back", "scaling back", "cut back", "pared back", "reined back")

#: Multiplier verbs and the factor each states (doubled holds within ``multiplier_tolerance``).
FACTOR_WORDS = MappingProxyType({
    "doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0, "quadrupled": 4.0,
    "halved": 0.5, "halving": 0.5,
})
#: Words before a multiplier that make it loose ("nearly doubled", "more than tripled"): no factor.
LOOSE_FACTOR = frozenset({"nearly", "almost", "roughly", "about", "around", "more than", "over", "than",
                          "some", "just under", "just over", "well over", "approximately"})

#: Verbs that pick a subset of something counted earlier: "launched 112 drones ... intercepted 84".
SUBSET_VERBS = frozenset(
    "intercept shot down destroy downed neutralis neutraliz jam jammed kill injur wound rescu evacuat "
    "arrest detain releas recover hit reach arriv surviv die died dead infect hospitalis hospitaliz "
    "vaccinat test confirm approv pass pa reject accept return deport sign ratifi vot back elect won win "
    "lost los sold sell deliver complet fail abstain support oppos"
    .split()
)
#: Nouns that introduce a whole: "a group of 35 countries", "a bloc of 40 nations".
GROUP_WORDS = frozenset(
    "group coalition bloc alliance union club league association total panel committee board council "
    "fleet team delegation body consortium federation".split()
)
#: What introduces a breakdown that may fall short of the total.
PARTIAL_INTRODUCERS = ("including", "included", "include", "includes", "among them", "among whom",
                       "among which", "such as", "of whom", "of which", "notably")
#: What introduces a breakdown that claims to be whole.
EXHAUSTIVE_INTRODUCERS = (":", "—", "–", "comprising", "made up of", "consisting of", "split between",
                          "divided into", "broken down into", "namely")
#: Parts that close a breakdown, making an "Of 230 drones, 180 ..., 32 ..." list exhaustive.
REMAINDER_WORDS = ("the rest", "the remaining", "the remainder", "the other", "all the others", "the others")

#: Words that show percentages in one sentence split one base (a vote, a poll, a market).
PARTITION_WORDS = frozenset(
    "vote voted voter back backed support supported oppos opposed against favour favor undecid undecided "
    "abstain abstained yes no respondent polled survey poll share market remainder rest other others "
    "unsure answer answered chose prefer preferred said".split()
)
#: Words that mark a list of percentages as separate measures, not parts of one base.
MEASURE_WORDS = frozenset(
    "inflation unemployment growth rate interest gdp tax yield turnout margin return increase decrease "
    "rise fall rose fell up down year month quarter annual annually higher lower".split()
)

#: Counted nouns that news copy uses for one another within a story: "cut 12,800 jobs" ... "5,125
#: positions would go"; "up to 50 planes" ... "30 of the aircraft". Read through ``numcheck.relate.clause.same_thing``.
COUNT_SYNONYMS = (
    frozenset({"job", "position", "post", "role"}),
    frozenset({"worker", "employee", "staff"}),
    frozenset({"plane", "aircraft", "jet", "airliner"}),
    frozenset({"stake", "share", "holding"}),
)


#: Whole nouns a percentage or fraction may refer to, and the counted nouns that give their size:
#: "900 jobs, or 6% of its workforce" finds "its 15,000 staff".
WHOLE_SYNONYMS = MappingProxyType({
    "workforce": frozenset({"staff", "employee", "worker"}),
    "staff": frozenset({"staff", "employee", "worker"}),
    "employee": frozenset({"staff", "employee", "worker"}),
    "electorate": frozenset({"voter"}),
    "population": frozenset({"person", "resident", "inhabitant", "people"}),
    "membership": frozenset({"member"}),
    "fleet": frozenset({"aircraft", "plane", "jet", "ship", "vessel", "vehicle", "bus", "train"}),
    "seat": frozenset({"seat"}),
})

#: Words that tell the reader nothing about which figure is which (never a shared predicate).
STOPWORDS = frozenset(
    "the a an and or of to in on at by for with from as is are was were be been being has have had it its "
    "their they them he she his her this that these those who whom which what than then there here also "
    "more most less least about some around over under nearly almost just only said says say told "
    "according would will could should may might can not no but while whereas after before since per "
    "cent percent all other others one each both many much such into out up down new last this next year "
    "years week month day time when where so very".split()
)

#: Time expressions that pin a figure to a period. Two figures under different ones never link.
TIME_PATTERN = re.compile(
    r"\b(?:(?:19|20)\d\d|(?:last|this|next|previous|past|coming|same)\s+(?:year|month|week|quarter|season|"
    r"decade|spring|summer|autumn|winter|time)|a\s+(?:year|month|week|decade)\s+(?:earlier|ago|before|later)|"
    r"(?:years?|months?|weeks?|decades?)\s+(?:earlier|ago|before|later)|yesterday|today|tomorrow|"
    r"(?:first|second|third|fourth)\s+quarter|q[1-4]|h[12])\b",
    re.I,
)
#: Places: "in Kharkiv", "across Odesa region". The capitalised word(s) after the preposition.
PLACE_PATTERN = re.compile(r"\b(?i:in|across|at|near|from|around|outside)\s+((?:[A-Z][\w'’-]+\s?){1,3})")

#: Words that make a count a rank ("up from 13 to five in the chart"): a rank "rises" as it falls.
RANK_PATTERN = re.compile(
    r"\b(?:places?|positions?|rank(?:ed|ing|ings)?|spots?|charts?|league\s+table|seeds?|seeded|no\.\s*\d|"
    r"number\s+(?:one|two|three)|top\s+(?:ten|10|five|20|40))\b", re.I)


#: Nouns that name one set of things, whichever the writer picked: "a bloc of 27 nations" ... "19
#: of the countries"; "the 27 member states" ... "12 of the members". Read through ``same_thing``,
#: like ``COUNT_SYNONYMS``; kept apart because these say which set is counted, not what is done.
NOUN_SYNONYMS = (
    frozenset({"nation", "country", "state", "member state", "member country", "member nation"}),
    frozenset({"member", "member state", "member country", "member nation"}),
)


#: Words around a sum or a percentage that say nothing about what it measures.
NOT_SUBJECT = frozenset(
    "billion million trillion bn dollar dollars euro euros pound pounds yen cent cents pence rupee rupees "
    "per percent total worth valued value figure figures level record compared against versus year years "
    "quarter month months period company firm group said says report reported during earlier later previous "
    "three four five seven eight nine eleven twelve twenty thirty hundred thousand".split())

#: Names business copy uses for one measure: "profits fell 33%" and "net income fell to 537m euros"
#: report the same figure.
MEASURE_SYNONYMS = MappingProxyType({"earning": "profit", "earn": "profit", "earned": "profit",
                                     "income": "profit"})

#: Verbs so common they say nothing about which figure is which.
GENERIC_VERBS = frozenset({"have", "has", "had", "were", "was", "are", "been", "being", "did", "does", "make",
                           "made", "get", "got", "take", "took", "give", "gave", "go", "went"})

#: Past forms that do not end in -ed, read as verbs when two figures share one.
IRREGULAR_PAST = frozenset(
    "won lost sold paid spent met rose fell grew went came took gave made held kept left brought bought "
    "built caught fought found heard led meant ran saw sent shot stood struck taught told thought wrote "
    "voted backed".split()
)

#: Capitalised words that name nobody: a sentence's subject pronoun, a title, an institution.
NOT_NAMES = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at",
                       "mr", "mrs", "ms", "dr", "officials", "police", "air"})

#: Words that describe how a figure was arrived at, never what it is: "to a seasonally adjusted 2.7
#: million from a revised 2.5 million". The clause view reads up to two of them (and an article before
#: them) right before a figure as blank, so every linker reads "from a revised 2.5 million" as
#: "from 2.5 million".
#: Forecast words ("expected", "projected") are left out on purpose: "from an expected 2.5m" is no
#: earlier value.
FIGURE_MODIFIERS = ("seasonally adjusted", "seasonally-adjusted", "inflation-adjusted", "adjusted", "revised",
                    "upwardly revised", "downwardly revised", "restated", "provisional", "preliminary",
                    "unaudited", "audited", "annualised", "annualized", "estimated", "record", "reported",
                    "underlying", "final", "new", "new record of", "record of", "record high of", "high of",
                    "low of")

#: Qualifiers that may stand between a role word and its figure: "from some 2.5 million", "to an
#: estimated 300". A regular expression fragment, so the clause view and every linker read one.
QUALIFIER = r"(?:(?:about|around|some|roughly|nearly|almost|just|more\s+than|over|under|less\s+than|an\s+estimated|" \
            r"approximately|a\s+record|a\s+total\s+of|at\s+least|up\s+to)\s+)?"

#: Role words the clause view reads right before a figure, longest first: each says what the figure
#: is in its clause (an old value after "from", a whole after "of"/"out of", a part after "of which",
#: a remainder after "the remaining", a continuation after "another").
ROLE_WORDS_BEFORE = ("compared with", "compared to", "of which", "of whom", "out of", "the remaining", "the other",
                     "the remainder",
                     "the rest", "a further", "another", "as opposed to", "among", "against", "versus",
                     "from", "to", "by", "of", "for", "or", "than", "in")
#: Role words right after a figure (and at most two words of its unit): "26 out of 35", "7 in 10",
#: "five for 30", "900 jobs, or 6%".
ROLE_WORDS_AFTER = ("out of", "of", "in", "for", "or", "from", "to", "more", "less")
#: Words that make a figure an upper bound: "up to 50", "no more than 40", "at most 12".
UPPER_BOUND_WORDS = ("up to", "no more than", "not more than", "at most", "a maximum of", "as many as")


# --- repeated figures: what kind of thing a figure is (branch repeat) ---------------------------------
#: Heads that make a figure a benchmark it is measured against, not an amount of something: "the magic
#: $1bn number", "the 10% mark", "the £1m barrier". A benchmark restates no sum or share of the article.
BENCHMARK_HEADS = frozenset({"mark", "barrier", "milestone", "threshold", "number", "level"})

#: Currency words that may stand between a figure and its head ("a 2.4 billion dollar contract"): they
#: say the unit again, not what the sum is.
CURRENCY_WORDS = frozenset(
    "dollar dollars euro euros pound pounds sterling yen rouble roubles rupee rupees yuan franc francs peso "
    "pesos krona kronor".split())

#: Heads that say what kind of sum or amount a figure is, one kind a group: "a £50m bid" and "the £50m
#: offer" are one kind, "a £10bn fund" and "£10m of shares" two. Heads in no group ("move", "boost")
#: say nothing either way, since writers vary them for one sum ("a £500m initiative" ... "the £500m
#: move"). Read by the repeated-figure linker.
HEAD_KINDS = (
    frozenset({"bid", "offer", "approach"}),
    frozenset({"valuation"}),
    frozenset({"deal", "contract", "agreement", "extension"}),
    frozenset({"fine", "penalty"}),
    frozenset({"settlement", "compensation", "damages", "payout"}),
    frozenset({"budget"}),
    frozenset({"salary", "wage", "pay", "earnings", "bonus"}),
    frozenset({"fee", "price", "cost", "ticket"}),
    frozenset({"fund", "initiative", "scheme", "programme", "package", "plan", "pot"}),
    frozenset({"share", "stake", "holding", "stock"}),
    frozenset({"loan", "debt", "borrowing"}),
    frozenset({"profit", "earning"}),
    frozenset({"loss"}),
    frozenset({"revenue", "sale", "turnover"}),
    frozenset({"payment", "grant", "handout", "discount", "rebate"}),
    frozenset({"point"}),
    frozenset({"rebound"}),
    frozenset({"assist"}),
)


# --- sums: which figures can be a whole, and which parts belong to it (branch sums) ---------------

#: Nouns after "a", "per" or "each" that make a figure a rate per unit, never a total: "a dividend of
#: 20.3p a share", "£40 per head", "$3 a barrel". Half of the dividends is not half of 20.3p.
PER_UNIT_NOUNS = frozenset(
    "share head person capita unit item piece ticket tonne ton barrel litre liter gallon kilo kilogram "
    "pound ounce metre meter mile kilometre kilometer household pupil student patient employee worker "
    "member customer user subscriber passenger seat room night visit game match".split()
)
#: Nouns that count people. A whole of people ("eight women") never has acts (``ACT_NOUNS``) for
#: parts: "involving eight women, including eight allegations of rape" lists no part of the women.
#: Other nouns ("15 forwards") may name kinds of people the table does not know, so they still link.
PEOPLE_NOUNS = frozenset(
    "person people man woman child adult boy girl teenager teen baby infant toddler pupil student worker "
    "employee staff passenger crew resident patient voter member victim officer soldier civilian refugee "
    "migrant asylum-seeker player fan citizen customer driver nurse doctor teacher volunteer prisoner inmate "
    "journalist candidate delegate mp senator republican democrat politician minister official suspect "
    "survivor casualty athlete competitor spectator visitor tourist guest applicant recipient claimant "
    "household family son daughter parent mother father grandchild sibling brother sister "
    "briton american".split()
)
#: Nouns that count acts, charges and events, which are never among the people a whole counts.
ACT_NOUNS = frozenset(
    "allegation charge count offence offense crime case claim complaint incident attack assault rape murder "
    "killing robbery theft fraud conviction arrest breach violation appeal lawsuit suit".split()
)
#: The word after a hyphen that makes a figure a count of people or things in one body ("a 20-strong
#: squad", "a 12-member panel"). Any other hyphenated figure is an adjective ("two 50-megapixel
#: cameras", "the four-legged brigade", "three two-bedroom flats") and counts nothing of its own.
COUNT_COMPOUNDS = frozenset(
    "strong member man woman person people seat nation country state player team club piece part".split()
)
#: Finite verbs and auxiliaries that end a total's own clause: in "Three others have lost their
#: primaries – four retired and two won" the dash starts a new statement, not the three's breakdown.
FINITE_AUXILIARIES = frozenset(
    "have has had is are was were will would shall can could may might must do does did".split()
)


# --- change: figures that are no level of a measure (branch change) ---------------------------------

#: Units that measure a length of time, as the extractor names them.
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
#: Words right after a length of time that make it a when, not a how much: "four years later".
TIME_SPAN_AFTER = ("later", "earlier", "ago", "on", "after", "before", "since", "in a row", "running")
#: Words right before a length of time that make it the period a change took: "over the 14 years to
#: 2019", "for three months", "within two weeks".
TIME_SPAN_BEFORE = ("over", "for", "within", "during", "throughout", "after", "in")
#: Role words before a figure that make it an increment on an earlier change ("falling a further
#: 0.9%"), never a level at some time.
INCREMENT_CUES = frozenset({"a further", "another"})
#: Words that join the two sides of a score: "138 for one" (runs for wickets).
SCORE_JOINERS = ("for",)
#: Nouns that name a change: "a 72% increase in ...".
CHANGE_NOUNS = ("increase", "rise", "fall", "drop", "decline", "decrease", "gain", "jump", "improvement",
                "reduction", "cut", "slowdown")


# --- linkprec: roles that keep a figure out of a link (branch linkprec) ------------------------------

#: Words that open a line pointing to another article ("Related: ...", "Read more: ..."): the line is
#: that article's headline, so its figures are no statement of this article's own.
CROSS_REFERENCE_OPENERS = ("related", "read more", "see also", "more on this story", "read next")
#: Determiners before a figure that make it modify the noun after it: "the 0.5% rise", "a £2bn cut".
MODIFIER_DETERMINERS = ("the", "a", "an", "its", "their", "this", "that")


# --- words between "X out of" and its whole, and tallies (pending linker cases, round 5) -------------

#: Adjectives that pick a run out of a series between "of its"/"of the" and the whole: "12 out of
#: its last 20 matches", "3 of the past 10 years", "5 of the remaining 20 seats".
SERIES_ADJECTIVES = ("last", "first", "past", "next", "previous", "final", "opening", "remaining")
#: Verbs before "X for Y" that make it a tally of successes for attempts ("went 15 for 20 from the
#: free-throw line", "is shooting 9 for 12"), not a price ("3 for £10") or a term ("15 years for").
TALLY_VERBS = ("went", "goes", "go", "going", "shot", "shooting", "finished")


# --- compare: old values introduced by a comparison (branch compare) ---------------------------------

#: Words before an old value's noun that make it an earlier level of the measure, so they pin it in
#: time as "a year earlier" does: "an increase on its previous estimate of £3,363", "raised from a
#: previous limit of €1,000". The present words name the earlier level only against a future one
#: ("will cost €5.70, compared with the current fare of €11.30"); see ``FUTURE_WORDS``.
EARLIER_WORDS = ("previous", "prior", "former", "earlier", "original", "old")
PRESENT_WORDS = ("current", "existing", "present")
#: Words before a new value that put it in the future, so a "current" level is the older one.
FUTURE_WORDS = ("will", "would", "shall", "set to", "due to", "is to", "are to", "on track to", "plans to",
                "expected to", "forecast to")
#: Nouns that make a figure a limit. A bound ("up to €6,000") is no level, except the level of a
#: limit that was itself raised or cut: "up to €6,000, raised from a previous limit of €1,000".
LIMIT_NOUNS = ("limit", "cap", "ceiling", "maximum", "threshold")
#: Words between an old value and its time that say only what kind of level it was: "the 2.1% pace
#: reported in November", "the 25.4% figure from 2019".
ANCHOR_NOUNS = ("pace", "level", "rate", "figure", "total", "high", "low", "peak", "mark")
ANCHOR_VERBS = ("reported", "recorded", "seen", "posted", "set", "registered", "made", "achieved")
#: Prepositions that put a time after an old value: "in November", "for the same period in 2003".
ANCHOR_PREPOSITIONS = ("in", "for", "during", "from", "by", "at the end of", "over")
#: Multiples a comparison states before the old value: "$8.45bn, triple the $2.8bn a year earlier".
COMPARATIVE_FACTORS = MappingProxyType({"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0,
                                        "three times": 3.0, "quadruple": 4.0, "four times": 4.0, "half": 0.5})
