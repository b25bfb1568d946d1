"""The words the linker reads: which verbs pick a subset, which say a figure rose or fell, which
words name a group, and which expressions pin a figure to a time or place.

Kept apart from ``relate.py`` so an editor can see (and a newsroom can argue about) exactly what
makes numcheck link two figures, without reading the linking code. Every table is immutable.
Stems are crude on purpose (``numcheck.english.verb_stem`` strips English inflections); the tables
list the stems it produces.
"""

from __future__ import annotations

import re
from types import MappingProxyType

__all__ = [
    "COUNT_SYNONYMS",
    "DOWN_PHRASES",
    "DOWN_STEMS",
    "FACTOR_WORDS",
    "GROUP_WORDS",
    "PARTIAL_INTRODUCERS",
    "PARTITION_WORDS",
    "RANK_PATTERN",
    "STOPWORDS",
    "SUBSET_VERBS",
    "TIME_PATTERN",
    "UP_STEMS",
    "WHOLE_SYNONYMS",
    "direction_of",
    "same_thing",
]

#: Stems of words that say a figure went up or down. A word matches a stem of four or more letters
#: by prefix ("increas" covers increase, increased, increasing) and a shorter one exactly ("up").
#: Use ``direction_of``; keep stems long enough not to catch other words ("rais" but not "ra").
UP_STEMS = frozenset(
    "rise rose risen rising rises up increas gain climb jump soar surg grew grow boost higher rebound "
    "advanc expand swell swollen spik leap leapt rais upp hike hiked widen accelerat recover extend lift".split()
)
DOWN_STEMS = frozenset(
    "fell fall down drop declin decreas slump slid slip sank sink sunk cut cuts cutting lower shrank shrunk "
    "shrink plung plummet tumbl dip dipped reduc lost lose losing eased easing eases trimm trim narrow "
    "contract retreat slash halv slow shorten".split()
)

#: Words a stem would catch that say nothing about a change ("growth" is a noun, "update" no rise).
_NOT_DIRECTIONS = frozenset(
    "growth grown-up uptake upgrade update updated upset upon upper upright uproar cutlery lowest lowly "
    "contract contracts contractor contractors dropout declining-industry download downloads downloaded "
    "downloading downloadable downing downtown downstairs downstream surgeon surgeons surgery surgical "
    "narrowly raisin raisins slipper slippers".split()
)


def direction_of(word: str) -> str:
    """"up", "down" or "" for one word.

    >>> [direction_of(w) for w in ("increased", "raise", "cutting", "eased", "upset", "easter", "growth")]
    ['up', 'up', 'down', 'down', '', '', '']
    """
    word = word.lower()
    if word in _NOT_DIRECTIONS:
        return ""
    for direction, stems, prefixes in (("up", UP_STEMS, _UP_PREFIX), ("down", DOWN_STEMS, _DOWN_PREFIX)):
        if word in stems or prefixes.match(word):
            return direction
    return ""


def _prefix_pattern(stems: frozenset[str]) -> re.Pattern[str]:
    """One alternation of the stems long enough to match by prefix: the linker asks about every
    word near every figure, and a loop over the stems was a tenth of the time on dense text."""
    return re.compile("|".join(sorted((re.escape(s) for s in stems if len(s) >= 4), key=len, reverse=True)))


_UP_PREFIX = _prefix_pattern(UP_STEMS)
_DOWN_PREFIX = _prefix_pattern(DOWN_STEMS)


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
#: positions would go"; "up to 50 planes" ... "30 of the aircraft". Use ``same_thing``.
COUNT_SYNONYMS = (
    frozenset({"job", "position", "post", "role"}),
    frozenset({"worker", "employee", "staff"}),
    frozenset({"plane", "aircraft", "jet", "airliner"}),
    frozenset({"stake", "share", "holding"}),
)


def same_thing(noun: str, other: str) -> bool:
    """Whether two counted nouns name the same thing: equal, or synonyms in ``COUNT_SYNONYMS``.

    >>> same_thing("job", "position"), same_thing("plane", "aircraft"), same_thing("job", "plane")
    (True, True, False)
    """
    return noun == other or any(noun in group and other in group for group in COUNT_SYNONYMS)


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
