"""Change links: an old and a new value of one measure, with the stated rise or fall if there is one.

"rose 8% from 2.5 million to 2.9 million", "fell to 785m euros ($1bn) from 2.4bn euros", "£75m,
compared with £125m a year earlier", "5.8%, down from 6.8%", "slipping to 2.9% next year before
recovering to 3.1%", and a stated change a sentence or three earlier ("a 40% drop in profits").

An old value may also come with a comparison instead of "from": "compared with the current fare of
€11.30", "lower than last year's 44.8% but higher than the 25.4% figure from 2019", "an increase on
its previous estimate of £3,363", "raised from a previous limit of €1,000", "triple the $2.8bn a year
earlier", "rather than the previous forecast of 3.25%", or in the next sentence, "That was up sharply
on the 13.7 million the previous year". A comparison with no word of direction links only when the
old value is pinned to an earlier time or named as the earlier level, and a named owner ("France's
5%") or another place keeps two figures apart.
Every link needs a cue between or around the figures and a word that says which way they went,
or a stated change or multiplier to hold them to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from types import MappingProxyType

from numcheck.english import MONTH_NAMES, MONTHS, direction_of, singular
from numcheck.model import Claim, is_currency, shares_unit
from numcheck.relate import tables
from numcheck.relate.clause import (
    QUAL,
    STATED_BEFORE,
    ClauseView,
    Draft,
    contexts_differ,
    dateless,
    is_change_word,
    is_compared_with,
    is_compound_modifier,
    is_dash_score,
    is_level,
    is_stated_change,
    lower_words,
    named_measure,
    nouns_agree,
    sizes_change_noun,
    states_change,
)

__all__ = [
    "link_anaphoric_changes",
    "link_changes",
    "link_past_forecasts",
    "link_stated_between",
    "link_stated_to_new",
]


_FROM_END = re.compile(r"\bfrom\s+" + QUAL + r"$", re.I)


_TO_END = re.compile(r"\bto\s+" + QUAL + r"$", re.I)


#: No second clause in a gap ("while", "but", "and", or a "than" that is not "more/less than").
_ONE_CLAUSE = r"(?![^\d]*\b(?:while|but|and|whereas|(?<!more\s)(?<!less\s)than)\b)"


# Between "from X" and "to Y" only X's noun may stand: no comma, no second clause ("fell to £1.9bn
# from £2.1bn, while its shortfall dropped to £2.7bn" must not pair £2.1bn with £2.7bn).
_GAP_TO = re.compile(r"^" + _ONE_CLAUSE + r"[^\d;,]{0,40}?\bto\s+" + QUAL + r"$", re.I)


_GAP_FROM = re.compile(r"^" + _ONE_CLAUSE + r"[^\d;,]{0,40}?,?\s*\bfrom\s+(?:the\s+|an?\s+)?"
                       r"(?:(?:previous|prior|last|same)\s+[a-z]+['’]s\s+)?" + QUAL + r"$", re.I)


# "a loss of $761m, lower than 2003's $1.2bn loss": a comparative says which is larger whatever the
# second figure is, so reading it as a change can never contradict honest text.
_GAP_COMPARATIVE = re.compile(r"^[^\d;]{0,30}?,?\s*(lower|higher|smaller|bigger|larger)\s+than\s+(?:the\s+|its\s+)?"
                              r"(?:(?:last|this|previous|same)\s+)?(?:[A-Za-z]+['’]s\s+)?$", re.I)


#: "the current fare of", "its previous estimate of", "a previous limit of": an earlier level named as such.
_EARLIER = r"(?:" + "|".join(tables.EARLIER_WORDS + tables.PRESENT_WORDS) + r")\s+(?:[a-z]+\s+){0,2}?(?:of\s+)?"


#: "the current fare of €11.30": an old value only against a new value in the future.
_PRESENT_BEFORE = re.compile(r"\b(?:" + "|".join(tables.PRESENT_WORDS) + r")\s+(?:[a-z]+\s+){0,2}?(?:of\s+)?"
                             + QUAL + r"$", re.I)
_FUTURE = re.compile(r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in tables.FUTURE_WORDS) + r")\b", re.I)


def _earlier_in_time(text: ClauseView, old: Claim, new: Claim) -> bool:
    """"Will cost €5.70, compared with the current fare of €11.30": the current level is the old one
    only when the new one is still to come; "rose to €5 last year, against the current €6" is not."""
    return not _PRESENT_BEFORE.search(text.tail(old, 50)) or bool(_FUTURE.search(text.tail(new, 120)))


#: What may stand before an old value besides its qualifier: "the", "last year's", "its previous estimate of".
_OLD_LEAD = (r"(?:the\s+|its\s+|their\s+|an?\s+)?(?:(?:last|this|previous|same)\s+)?(?:[A-Za-z]+['’]s\s+)?(?:"
             + _EARLIER + r")?")


# "£3,615 a year from January, an increase on its previous estimate of £3,363", "2%, a jump from 0.8% in
# 2020": a change noun after the new value, then "on" or "from" and the old value.
_GAP_NOUN_ON = re.compile(
    r"^" + _ONE_CLAUSE + r"[^\d;]{0,60}?(?:,|\s[-–—])\s*(?:(?:that|which)\s+(?:is|was|marks|marked)\s+)?(?:an?|the)\s+"
    r"(?:[a-z]+\s+)?(" + "|".join(tables.CHANGE_NOUNS) + r")\s+(on|from|over)\s+" + _OLD_LEAD + QUAL + r"$", re.I)


# "up to €6,000, raised from a previous limit of €1,000", "£40, cut from its original price of £55": a
# verb of change after the new value, then "from" and an earlier level named as such.
_GAP_VERB_FROM_EARLIER = re.compile(
    r"^[^\d;,]{0,40}?,\s*(?:[a-z]+ly\s+)?([a-z]+)\s+from\s+(?:the\s+|an?\s+|its\s+|their\s+)?" + _EARLIER + QUAL
    + r"$", re.I)


#: "a previous limit of": the old value is a limit, so the new may be the bound it was raised to.
_LIMIT_BEFORE = re.compile(r"\b(?:" + "|".join(tables.LIMIT_NOUNS) + r")\s+(?:of\s+)?" + QUAL + r"$", re.I)


# "$8.45bn in the quarter, triple the $2.8bn a year earlier": a multiple of the old value, pinned in time.
_GAP_FACTOR_THE = re.compile(
    r"^" + _ONE_CLAUSE + r"[^\d;]{0,60}?(?:,|\s[-–—])\s*(?:(nearly|almost|about|roughly|more\s+than|over|some|"
    r"close\s+to)\s+)?(" + "|".join(w.replace(" ", r"\s+") for w in tables.COMPARATIVE_FACTORS)
    + r")\s+(?:the\s+|its\s+)?" + QUAL + r"$", re.I)


# "5.8%, down from 6.8%": the comma is required, so "less than the 47.3% forecast and down from 47.1%"
# (which compares a third figure) does not link.
# Without a comma or dash only a short gap with no second clause: "4.3% in the year to December up from
# November's 4.2%", "down from the third quarter's 5.1%".
_GAP_UP_DOWN_FROM = re.compile(
    r"^(?:[^\d;,]{0,60}(?:,|\s[-–—])\s*|(?![^\d]*\b(?:and|than|but|while|whereas)\b)[^\d;,]{0,40}?\s)"
    r"(?:[a-z]+ly\s+)?(up|down)\s+(from|on)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:[A-Za-z]+['’]s\s+)?" + QUAL + r"$", re.I)


# "to 1.8% from 2.0% this year and 1.9% from 2.4% in 2005": a second pair that borrows the verb.
_GAP_BARE_FROM = re.compile(r"^\s*from\s+" + QUAL + r"$", re.I)


_GAP_AND = re.compile(r"^[^\d;]{0,40}?(?:,|\band\b)[^\d;]{0,10}$", re.I)


_STATED_AFTER = re.compile(
    r"^[^\d;]{0,25}?,?\s*(?:(up|down)|(?:an?|the)\s+(rise|fall|drop|increase|decrease|decline|jump|gain|cut|"
    r"reduction)\s+of)\s+" + QUAL + r"$", re.I)


# "£75m, compared with £125m", "9.5bn kronor against 6.3bn", "20m euros versus 784m": the second
# figure is the old one. A forecast or target named after the cue is not an earlier value.
# "3.75% rather than the previous forecast of 3.25%": "rather than" names alternatives ("5% rather than
# 6%") unless the second is named as the earlier level.
_GAP_RATHER = re.compile(r"^[^\d;]{0,20}?\brather\s+than\s+(?:the\s+|its\s+|their\s+|an?\s+)?(?:"
                         + "|".join(tables.EARLIER_WORDS) + r")\s+(?:[a-z]+\s+){0,2}?(?:of\s+)?" + QUAL + r"$", re.I)


#: "its previous estimate of", "the prior forecast of": a forecast or estimate named as the earlier one
#: is the old value of a revised one, not a prediction the figure is set against.
_EARLIER_NAMED = re.compile(r"\b(?:" + "|".join(tables.EARLIER_WORDS) + r")\s+(?:[a-z]+\s+){0,2}?(?:of\s+)?"
                            + QUAL + r"$", re.I)


_GAP_COMPARED = re.compile(
    r"^" + _ONE_CLAUSE + r"[^\d;]{0,40}?\b(compared\s+(?:with|to)|against|versus|vs\.?|"
    r"as\s+opposed\s+to)\s+(?:the\s+|a\s+|its\s+)?(?:[A-Z]?[a-z]+['’]s\s+|" + _EARLIER + r")?" + QUAL + r"$",
    re.I)


# "3.6% ..., slipping to 2.9%", "2.9% next year before recovering to 3.1%": a verb of change then "to".
_GAP_VERB_TO = re.compile(
    r"^" + _ONE_CLAUSE + r"[^\d;]{0,40}?\b([a-z]+)\s+(?:back\s+)?to\s+" + QUAL + r"$",
    re.I)


# "US growth would reach 4.4% in 2004, but fall to 3.3% next year": "but" then straight to the verb keeps
# the subject; "but imports fell to" names a new one and does not match.
_GAP_BUT_VERB_TO = re.compile(
    r"^[^\d;]{0,40}?,?\s*\bbut\s+(?:then\s+|would\s+|will\s+|could\s+|may\s+)?([a-z]+)\s+(?:back\s+)?to\s+"
    + QUAL + r"$", re.I)


_NOT_OLD_VALUE = re.compile(r"\b(?:forecast|expect|estimat|predict|analyst|consensus|target|goal|budget|plan|"
                            r"average|forecasts?|rival|competitor|industry)", re.I)


#: What may stand between a sum and its bracketed conversion: "785m euros ($1bn)".
_UNIT_WORDS = re.compile(r"[\sA-Za-z,.]{0,16}")


def _comparable(text: ClauseView, new: Claim, old: Claim, gap: str) -> bool:
    """"£75m compared with £125m" compares one measure at two times; "sales 5% higher, compared to a 6%
    rise" compares two changes, "312,000 downloads compared with 282,000 singles" two things, and
    "against forecasts of 3%" a prediction. Only the first reads as a change."""
    if _NOT_OLD_VALUE.search(_EARLIER_NAMED.sub(" ", gap) + text.after(old)[:40]):
        return False
    if states_change(text, new) or states_change(text, old):
        return False
    if not _one_subject(gap):
        return False  # "Britain's 3%, compared with France's 5% last year": two subjects, not two times
    if new.unit != "count" or (new.noun is not None and new.noun == old.noun):
        return True
    # "has fallen to about 300 children, compared with more than 8,500 five years ago": an old value
    # that names no noun of its own is the same count only when it is pinned to an earlier time.
    return _same_noun(new, old) or (nouns_agree(new, old) and _anchored(text, old))


#: A named owner before the old value ("France's 5%"); a month's ("November's 4.2%") is a time.
_NAMED_POSSESSIVE = re.compile(r"\b([A-Z][A-Za-z]+)['’]s\b")


def _same_noun(new: Claim, old: Claim) -> bool:
    """Both figures count one noun, whatever its number ("consumers", "consumer")."""
    return new.noun is not None and old.noun is not None and singular(new.noun) == singular(old.noun)


_ANCHOR_LEAD = re.compile(
    r"^((?:(?:" + "|".join(tables.ANCHOR_NOUNS) + r")\s+)?(?:(?:" + "|".join(tables.ANCHOR_VERBS) + r")\s+)?)"
    r"(?:(?:" + "|".join(p.replace(" ", r"\s+") for p in tables.ANCHOR_PREPOSITIONS) + r")\s+(?:the\s+)?)?", re.I)


_CAPITALISED = re.compile(r"([A-Z][a-z]{2,8})\b")


#: "five years ago", "18 months earlier": a span back from now, read as a time.
_SPAN_AGO = re.compile(r"(?<!\w)(?:\d+|[a-z]+)\s+(?:years?|months?|weeks?|decades?|days?)\s+(?:earlier|ago|before)\b|"
                       r"(?:same|corresponding)\s+(?:period|quarter|month|week|time|year)\b", re.I)


_EARLIER_BEFORE = re.compile(r"\b" + _EARLIER + QUAL + r"$", re.I)


def _anchored(text: ClauseView, old: Claim) -> bool:
    """Whether the old value of a comparison is pinned to an earlier time ("£125m a year earlier",
    "the 2.1% pace reported in November", "the 25.4% figure from 2019") or named as an earlier level
    ("its previous estimate of £3,363"). Without a pin a comparison may set two subjects side by side
    ("20.1% compared with 18.6% for the US"), which is no change."""
    if _EARLIER_BEFORE.search(text.tail(old, 50)):
        return True
    after = text.after(old)[:60].lstrip()
    lead = _ANCHOR_LEAD.match(after)
    rest = after[lead.end() :] if lead else after
    if lead and lead.group(0) and not lead.group(1) and rest[:1].isdigit():
        # "(compared to 9% in 1990)": a bare year after a preposition may date a study, not the level.
        return False
    month = _CAPITALISED.match(rest)
    return (bool(tables.TIME_PATTERN.match(rest) or _SPAN_AGO.match(rest))
            or (month is not None and month.group(1).lower() in MONTHS))


def _compares_levels(new: Claim, old: Claim) -> bool:
    """"a loss of $761m, lower than 2003's $1.2bn" compares one measure at two times; "10 buildings
    higher than 30 storeys" compares two things (the counted nouns differ), and a figure the
    extractor read as a bound ("higher than 30" is "more than 30") is no earlier value."""
    return nouns_agree(new, old) and old.qualifier not in ("gt", "ge", "lt", "le")


# "36.4% – lower than last year's 44.8% but still higher than the 25.4% figure from 2019": "but" then a
# second comparative compares the same subject with a third figure.
_GAP_BUT_COMPARATIVE = re.compile(
    r"^[^\d;]{0,20}?\bbut\s+(?:still\s+)?(?:[a-z]+ly\s+)?(lower|higher|smaller|bigger|larger)\s+than\s+"
    r"(?:the\s+|its\s+)?(?:(?:last|this|previous|same)\s+)?(?:[A-Za-z]+['’]s\s+)?$", re.I)


def _second_comparison(text: ClauseView, new: Claim, old: Claim) -> Iterator[Draft]:
    """The figure a second comparative after "but" sets the subject against: its second old value."""
    third = text.next_in_sentence(old)
    if third is None or third.unit != new.unit or third.kind != "number" or "vague" == third.qualifier:
        return
    gap = dateless(text.gap(old, third) or "0")
    match = _GAP_BUT_COMPARATIVE.match(gap)
    if match is None or not _compares_levels(new, third) or not _one_subject(gap):
        return
    draft = _change_draft(text, third, new, f"{match.group(1).lower()} than", [match.group(1).lower()])
    if draft is not None:
        yield draft


def _factor_draft(text: ClauseView, old: Claim, new: Claim, match: re.Match[str]) -> Draft | None:
    """"triple the $2.8bn a year earlier" states the factor; "nearly triple" only the direction."""
    if not (is_level(text, old) and is_level(text, new)) or "eq" not in (old.qualifier, new.qualifier):
        return None
    word = " ".join(match.group(2).lower().split())
    value = tables.COMPARATIVE_FACTORS[word]
    return Draft("change", (old, new), ("old", "new"), f"{word} the", direction="up" if value > 1 else "down",
                 factor=None if match.group(1) else value)


def _bound_fits(text: ClauseView, new: Claim, old: Claim) -> bool:
    """A bound is no level ("up to 40 a day"), but a limit is: "a bonus of up to €6,000, raised from a
    previous limit of €1,000" moves the limit itself. Counts must count one thing."""
    if old.qualifier not in ("eq", "approx"):
        return False
    limit = new.qualifier == "le" and bool(_LIMIT_BEFORE.search(text.tail(old, 40)))
    if new.qualifier not in ("eq", "approx") and not limit:
        return False
    return new.unit != "count" or (nouns_agree(new, old) and (new.noun is not None or old.noun is not None))


def _one_subject(gap: str) -> bool:
    """No named owner before the old value: "lower than last year's 44.8%" compares one measure at two
    times, "lower than France's 5%" two subjects (a month's, "November's 4.2%", is a time)."""
    return all(name.lower() in MONTHS for name in _NAMED_POSSESSIVE.findall(gap))


def _comparison_words(text: ClauseView, new: Claim, gap: str) -> list[str]:
    """The direction words of "X ... compared with Y": the verb before X, and in the gap only words of
    change. The rest of the gap says what X counts ("60% of them exercised to lose weight (compared
    to 7%)": "lose" is the measure's verb, not a fall from 7%)."""
    # The old value's own qualifier ("compared with more than 8,500") says nothing of the direction.
    said = [w for w in lower_words(_QUAL_END.sub("", gap)) if w in _COMPARISON_DIRECTIONS]
    if _NOT_OLD_VALUE.search(gap):
        # "slowed to 3.1%, compared with a previous estimate of 2.8%": the verb says how growth moved,
        # not how the figure stands against an estimate; only the comparison's own words count.
        return said
    return _verb_words(text.tail(new, 120)) + said


_QUAL_END = re.compile(QUAL + r"$", re.I)


_DIGIT = re.compile(r"\d")


def _next_same_unit(text: ClauseView, first: Claim) -> tuple[Claim | None, str]:
    """The next figure of the sentence, read through currency conversions in brackets, with the text
    between them (conversions removed). BBC copy converts almost every sum: "£75m ($141m) compared
    with £125m" compares the pounds."""
    second = text.next_in_sentence(first)
    gap = text.gap(first, second) if second is not None else None
    for _ in range(3):
        if second is None or gap is None or shares_unit(first, second) or first.unit in ("count", "percent"):
            break
        if not _DIGIT.search(second.text) and not is_currency(second.unit):
            # "£3.65bn for the final three months - up from £2.89bn": a spelled-out duration is no figure
            # of the comparison; read on through it.
            following = text.next_in_sentence(second)
            if following is None:
                break
            second, gap = following, (gap or "") + second.text + (text.gap(second, following) or "")
            continue
        bracket = text.text.find(")", second.end, second.end + 40)
        opening = text.text.rfind("(", first.end, second.start)
        if bracket < 0 or opening < 0 or not _UNIT_WORDS.fullmatch(text.text[first.end : opening]):
            break
        after = text.next_in_sentence(second)
        while after is not None and (after.end <= bracket or (
                after.unit != first.unit and not _DIGIT.search(after.text) and not is_currency(after.unit))):
            after = text.next_in_sentence(after)
        if after is None or after.unit != first.unit:
            return None, ""
        second, gap = after, text.text[bracket + 1 : after.start]
    return second, gap or ""


def link_changes(text: ClauseView) -> Iterator[Draft]:
    olds: set[str] = set()
    paired: set[str] = set()  # both values of every change linked so far
    taken: set[str] = set()  # stated changes already given to a pair from another sentence
    for first in text.figures:
        second, raw_gap = _next_same_unit(text, first)
        if second is None or not shares_unit(first, second) or first.unit == "fraction":
            continue
        if first.kind != "number" or second.kind != "number" or "vague" in (first.qualifier, second.qualifier):
            continue
        # A year between the figures is a date, not a figure: "from 36,185 in 2003 to 28,041".
        gap = dateless(raw_gap)
        head = text.tail(first)
        match = None
        own: list[str] | None = None
        if _FROM_END.search(head) and _GAP_TO.match(gap):
            old, new, cue = first, second, "from ... to"
        elif _TO_END.search(head) and _GAP_FROM.match(gap):
            old, new, cue = second, first, "to ... from"
        elif match := _GAP_UP_DOWN_FROM.match(gap):
            old, new, cue = second, first, f"{match.group(1).lower()} {match.group(2).lower()}"
        elif ((match := _GAP_COMPARATIVE.match(gap)) and _compares_levels(first, second)
              and not is_compared_with(text, first) and _one_subject(gap)):
            old, new, cue = second, first, f"{match.group(1).lower()} than"
        elif ((match := _GAP_NOUN_ON.match(gap)) and direction_of(match.group(1)) and _one_subject(gap)
              and _comparable(text, first, second, "")):
            old, new, cue = second, first, f"{match.group(1).lower()} {match.group(2).lower()}"
            own = [match.group(1).lower()]
        elif ((match := _GAP_VERB_FROM_EARLIER.match(gap)) and direction_of(match.group(1))
              and not is_stated_change(text, first) and _bound_fits(text, first, second)):
            old, new, cue = second, first, f"{match.group(1).lower()} from"
            own = [match.group(1).lower()]
        elif (match := _GAP_FACTOR_THE.match(gap)) and _comparable(text, first, second, "") and _anchored(text, second):
            draft = _factor_draft(text, second, first, match)
            if draft is not None:
                paired.update((first.id, second.id))
                yield draft
            continue
        elif (match := _GAP_RATHER.match(gap)) and _comparable(text, first, second, gap) and first.id not in paired:
            old, new, cue = second, first, "rather than"
            own = _comparison_words(text, first, gap)
        elif (match := _GAP_COMPARED.match(gap)) and _comparable(text, first, second, gap) and first.id not in paired:
            # "rose to £50m from £40m, compared with £30m two years ago": a third figure after
            # "compared with" is another comparison, not the old value of the £40m.
            old, new, cue = second, first, " ".join(match.group(1).lower().split())
            own = _comparison_words(text, first, gap)
        elif ((match := _GAP_VERB_TO.match(gap) or _GAP_BUT_VERB_TO.match(gap)) and direction_of(match.group(1))
              and match.group(1).lower() != "up" and not is_stated_change(text, first)
              and not sizes_change_noun(text, first)):  # "the 0.5% rise to 1.75%" starts from no 0.5%
            # "from 1,000 up to 3,000 animals" is a range's bound, not a rise: "up to" is never the verb.
            old, new, cue = first, second, f"{match.group(1).lower()} to"
        elif _GAP_BARE_FROM.match(gap) and _follows_pair(text, first, olds):
            old, new, cue = second, first, "and ... from"
        else:
            continue
        # "slipping to 2.9% next year before recovering to 3.1%": the verb in the gap is this change's.
        if match is not None and match.re in (_GAP_VERB_TO, _GAP_BUT_VERB_TO):
            own = lower_words(gap)  # the verb in the gap is this change's, not one before the first figure
        elif match is not None and match.re in (_GAP_UP_DOWN_FROM, _GAP_COMPARATIVE):
            own = [match.group(1).lower()]  # "X, down from Y" says X is below Y, whatever the verb before
        draft = _change_draft(text, old, new, cue, own, taken)
        if draft is not None:
            olds.add(old.id)
            paired.update((old.id, new.id))
            yield draft
            if match is not None and match.re is _GAP_COMPARATIVE:
                yield from _second_comparison(text, new, old)


# "10bn euros, up 8.1% from 9.26bn euros", "$850m, a $697m improvement from $153m", "4.1m, an
# increase of 6% on 2003's 3.9m": the stated change stands between the new value and the old one.
#: Nouns that name a change, for every pattern that reads one ("a 5% rise", "this fall from").
_CHANGE_NOUNS = "|".join(tables.CHANGE_NOUNS)


_BETWEEN_LEAD = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,|\s[-–—])\s*(?:(up|down)\s+(?:by\s+)?|an?\s+(?:(" + _CHANGE_NOUNS + r")\s+of\s+)?)"
    + QUAL + r"$", re.I)


_BETWEEN_TAIL = re.compile(
    r"^\s*(?:(" + _CHANGE_NOUNS + r")\s+)?(?:from|on)\s+"
    r"(?:the\s+)?(?:(?:previous|prior|last|same)\s+[a-z]+['’]s\s+|[A-Za-z0-9]+['’]s?\s+)?" + QUAL + r"$", re.I)


# "borrowing was £35bn - £2.5bn less than the £37.5bn forecast": a difference, stated between the two.
_BETWEEN_BARE_LEAD = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,|\s[-–—]|\s(?:was|were|is|are|came\s+in))\s*$")


_BETWEEN_COMPARATIVE = re.compile(
    r"^\s*(less|more|lower|higher|below|above)\s+(?:than\s+)?(?:the\s+|its\s+|a\s+)?" + QUAL + r"$", re.I)


_COMPARATIVE_DIRECTION = MappingProxyType({"less": "down", "lower": "down", "below": "down",
                                           "more": "up", "higher": "up", "above": "up"})


#: What each change noun says about the direction ("improvement" names no direction: a loss improves
#: by shrinking).
_NOUN_DIRECTION = MappingProxyType({
    "increase": "up", "rise": "up", "gain": "up", "jump": "up",
    "fall": "down", "drop": "down", "decline": "down", "decrease": "down", "reduction": "down", "cut": "down",
    "slowdown": "down",
})


#: Words between a figure and "compared with" that still say which way it went ("60%, up sharply,
#: compared with 7%"): adverbs and nouns of change, never a verb.
_COMPARISON_DIRECTIONS = frozenset({"up", "down", *_COMPARATIVE_DIRECTION, *_NOUN_DIRECTION})


def link_stated_between(text: ClauseView) -> Iterator[Draft]:
    """A new value, its stated change, then the old value, in one run of the sentence."""
    for stated in text.figures:
        if stated.kind != "number" or stated.qualifier not in ("eq", "approx"):
            continue
        new, old = _before_conversions(text, stated), text.next_in_sentence(stated)
        if new is None or old is None or old.unit != new.unit or new.kind != "number" or old.kind != "number":
            continue
        if stated.unit not in ("percent", "percentage_point", new.unit) or "vague" in (new.qualifier, old.qualifier):
            continue
        if new.unit == "count" and not nouns_agree(new, old):
            continue
        before, after = dateless(text.gap(new, stated) or "0"), dateless(text.gap(stated, old) or "0")
        comparative = _BETWEEN_COMPARATIVE.match(after)
        lead, tail = _BETWEEN_LEAD.match(before), _BETWEEN_TAIL.match(after)
        if comparative is None and (lead is None or tail is None):
            continue
        if not (is_level(text, old) and is_level(text, new)):
            continue
        # "£35bn - £2.5bn less than the £37.5bn forecast", "£230m were 15% higher than the £200m"
        if comparative and stated.unit in (new.unit, "percent") and _BETWEEN_BARE_LEAD.match(before):
            word = comparative.group(1).lower()
            yield Draft("change", (old, new, stated), ("old", "new", "change"), f"{word} than",
                         direction=_COMPARATIVE_DIRECTION[word])
            continue
        if lead is None or tail is None:
            continue
        said = {(lead.group(1) or "").lower(), _NOUN_DIRECTION.get((lead.group(2) or "").lower(), ""),
                _NOUN_DIRECTION.get((tail.group(1) or "").lower(), "")} - {""}
        if len(said) > 1:
            continue
        direction = said.pop() if said else ""
        cue = f"{direction or 'changed'} ... from" if tail.group(0).lstrip().lower().startswith("from") or \
            tail.group(1) else f"{direction or 'changed'} ... on"
        yield Draft("change", (old, new, stated), ("old", "new", "change"), cue, direction=direction)


# "Its debt peaked at 72bn euros in 2002. However, this has now been cut to 43.9bn euros.": the new
# value's clause opens with a pronoun for the figure of the sentence before.
_ANAPHORIC_OPENING = re.compile(
    r"^(?:(?:however|but|since\s+then|now|yet)\s*,?\s+)?(?:this|that|it|the\s+figure)\s+(?:has|had|have)?\s*"
    r"(?:now\s+|since\s+|already\s+)?(?:been\s+)?([a-z]+)\s+(?:back\s+)?to\s+" + QUAL + r"$", re.I)


# "Growth will slow to 1.6% next year. While it predicts this fall from the current 2.1% level, ...":
# a change named as a noun, with its old value, points back at the new value of the sentence before.
_ANAPHORIC_FROM = re.compile(
    r"\b(?:this|that|the)\s+(" + _CHANGE_NOUNS + r")\s+from\s+"
    r"(?:the\s+|its\s+)?(?:current\s+|present\s+|previous\s+)?" + QUAL + r"$", re.I)


# "During 2021, 23.1 million consumers used no cash. That was up sharply on the 13.7 million consumers
# the previous year.": the pronoun is the figure of the sentence before, and the clause compares it
# with its old value.
_ANAPHORIC_COMPARED = re.compile(
    r"^(?:(?:however|but|and)\s*,?\s+)?(?:this|that|it)\s+(?:was|is|represents|represented|marks|marked)\s+"
    r"(?:also\s+)?(?:(?:[a-z]+ly\s+)?(up|down)\s+(?:[a-z]+ly\s+)?|(?:an?\s+)?(?:[a-z]+\s+)?("
    + "|".join(tables.CHANGE_NOUNS) + r")\s+)(on|from|over)\s+" + _OLD_LEAD + QUAL + r"$", re.I)


def _compared_back(text: ClauseView, old: Claim) -> Draft | None:
    """"That was up on X": the old value X, and as the new value the one figure of the sentence
    before in X's unit (with two there, "that" could be either, so none is taken)."""
    match = _ANAPHORIC_COMPARED.match(text.before(old, clause=False).lstrip())
    if match is None:
        return None
    word = (match.group(1) or match.group(2)).lower()
    same = [c for c in text.by_sentence.get(old.sentence - 1, []) if c.unit == old.unit]
    if len(same) != 1 or same[0].kind != "number" or same[0].qualifier not in ("eq", "approx"):
        return None
    new = same[0]
    if states_change(text, new) or not (is_level(text, new) and is_level(text, old)):
        return None
    if not _earlier_in_time(text, old, new):
        return None
    if new.unit == "count" and not (_same_noun(new, old) or (nouns_agree(new, old) and (new.noun or old.noun))):
        return None
    if _NOT_OLD_VALUE.search(text.after(old)[:40]):
        return None  # "That was up on the £6m forecast": a prediction, not an earlier level
    places_new, places_old = _places(text, new), _places(text, old)
    names_new, names_old = text.pins(new).names, text.pins(old).names
    if (places_new and places_old and not places_new & places_old) or (
            names_new and names_old and not names_new & names_old):
        return None  # another place or subject: not the same measure one year on
    return Draft("change", (old, new), ("old", "new"), f"that was {word} {match.group(3).lower()}",
                 direction=direction_of(word))


def _places(text: ClauseView, claim: Claim) -> frozenset[str]:
    """The places a figure is pinned to, without months ("in May" is a time, not a place)."""
    return frozenset(p for p in text.pins(claim).places if p.split()[0].lower() not in MONTHS)


def link_anaphoric_changes(text: ClauseView) -> Iterator[Draft]:
    """A change whose other value is the last figure of the previous sentence, named by a pronoun:
    the new value ("this has now been cut to X"), the change itself ("this fall from X"), or the
    comparison ("that was up on X")."""
    for figure in text.figures:
        if figure.kind != "number" or figure.sentence == 0:
            continue
        first = text.previous_in_sentence(figure) is None
        back = _compared_back(text, figure) if first and figure.qualifier in ("eq", "approx") else None
        if back is not None:
            yield back
            continue
        opening = None if not first else \
            _ANAPHORIC_OPENING.match(text.before(figure, clause=False).lstrip())
        head = text.tail(figure, 60) if opening is None else ""
        named = _ANAPHORIC_FROM.search(head) if "from" in head.lower() else None
        word = opening.group(1) if opening else named.group(1) if named else ""
        if not word:
            continue
        direction = direction_of(word) or _NOUN_DIRECTION.get(word.lower(), "")
        if not direction:
            continue
        earlier = text.by_sentence.get(figure.sentence - 1, [])
        other = earlier[-1] if earlier else None
        if other is None or other.unit != figure.unit or other.kind != "number" or is_stated_change(text, other):
            continue
        if (figure.unit == "count" and not nouns_agree(figure, other)) or not (
                is_level(text, figure) and is_level(text, other)):
            continue
        old, new = (other, figure) if opening else (figure, other)
        cue = f"{word.lower()} to" if opening else f"this {word.lower()} from"
        verb = _VERB_TO.search(text.tail(new, 40)) if named else None
        said = direction_of(verb.group(1)) if verb else ""
        if said and said != direction:
            # "growth will rise to 1.6% ... this fall from 2.1%": the two words contradict each other,
            # so one of them contradicts the figures; record that one, and the check says so.
            direction = "up" if new.value < old.value else "down"
        yield Draft("change", (old, new), ("old", "new"), cue, direction=direction)


_VERB_TO = re.compile(r"\b([a-z]+)\s+(?:back\s+)?to\s+" + QUAL + r"$", re.I)


# "a margin of 45.6%, less than the 47.3% forecast by analysts and down from 47.1% a quarter earlier":
# the forecast is a third figure; the old value comes after it.
_THAN_FORECAST = re.compile(
    r"^,?\s*(?:less|lower|more|higher|worse|better|below|above)\s+(?:than\s+)?(?:the\s+|an?\s+)?" + QUAL + r"$",
    re.I)


_FORECAST_THEN_FROM = re.compile(
    r"^\s*(?:forecast|expected|predicted|estimated|targeted)\b[^\d;]{0,40}?\band\s+(up|down)\s+(?:from|on)\s+"
    r"(?:the\s+)?(?:[A-Za-z]+['’]s\s+)?" + QUAL + r"$", re.I)


def link_past_forecasts(text: ClauseView) -> Iterator[Draft]:
    """A figure compared with a forecast, then with its own earlier value."""
    for new in text.figures:
        forecast = text.next_in_sentence(new)
        old = text.next_in_sentence(forecast) if forecast is not None else None
        if old is None or not (new.unit == forecast.unit == old.unit) or new.kind != "number" or old.kind != "number":
            continue
        if not _THAN_FORECAST.match(text.gap(new, forecast) or "0") or not (
                is_level(text, old) and is_level(text, new)):
            continue
        match = _FORECAST_THEN_FROM.match(dateless(text.gap(forecast, old) or "0"))
        if match:
            word = match.group(1).lower()
            yield Draft("change", (old, new), ("old", "new"), f"{word} from", direction=word)


def _before_conversions(text: ClauseView, claim: Claim) -> Claim | None:
    """The figure before ``claim`` in its sentence, read back through a bracketed conversion:
    "$850m (£450m), a $697m improvement" gives $850m for the $697m."""
    previous = text.previous_in_sentence(claim)
    for _ in range(3):
        if previous is None:
            return None
        closing = text.text.find(")", previous.end, claim.start)
        before = text.previous_in_sentence(previous)
        # Only a bracket opened after the figure before counts: searched between the two figures,
        # not back to the start of the text (which made this quadratic on a long article).
        if closing < 0 or before is None or text.text.rfind("(", before.end, previous.start) < 0:
            return previous
        previous = before
    return None


def _follows_pair(text: ClauseView, claim: Claim, olds: set[str]) -> bool:
    """The claim comes right after the old value of a linked change, joined by "and" or a comma."""
    previous = text.previous_in_sentence(claim)
    return (previous is not None and previous.id in olds and previous.unit == claim.unit
            and bool(_GAP_AND.match(text.gap(previous, claim) or "0")))


#: Words that start a new clause inside a sentence: "Shares have fallen after the group said losses
#: deepened to £51.6m from £1.2m" -- "fallen" is about the shares, not the losses.
_CLAUSE_OPENERS = frozenset("after as because since when that which who although though if despite amid".split())


def _verb_words(head: str, limit: int = 10) -> list[str]:
    """The last words before a change, back to the start of its own clause."""
    words = lower_words(head)[-limit:]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _CLAUSE_OPENERS:
            return words[i + 1 :]
    return words


#: Cues that make two figures one measure at two times without a word of direction: "£75m, compared
#: with £125m a year earlier" states no rise or fall, but it is a change all the same, when a time
#: word pins the old value right after it ("20.1% compared with 18.6% for the US" compares two
#: subjects, not two times).
_COMPARISONS = frozenset({"compared with", "compared to", "against", "versus", "vs", "vs.", "as opposed to",
                          "rather than"})


#: Words that make a direction verb describe a rate's pace, so the rate itself may move either way.
_PACE = re.compile(r"\b(?:more\s+slowly|slower|more\s+quickly|faster|less\s+quickly)\b", re.I)


def _change_draft(text: ClauseView, old: Claim, new: Claim, cue: str, own: list[str] | None = None,
                  taken: set[str] | None = None) -> Draft | None:
    if not (is_level(text, old) and is_level(text, new)) or not _earlier_in_time(text, old, new):
        return None  # "four years later", "Nord Stream 1", "138 for one", "a further 0.9%": no level
    if is_dash_score(text, old) or is_dash_score(text, new):
        return None  # "slumping to 49-5": one side of a score
    first, last = (old, new) if old.start < new.start else (new, old)
    stated = _stated_change(text, first, last)
    start = stated if stated is not None and stated.start < first.start else first
    words = own if own is not None else _verb_words(text.tail(start, 120)) + lower_words(text.gap(start, last) or "")
    window = " ".join(words)
    up = [w for w in words if direction_of(w) == "up"]
    down = [w for w in words if direction_of(w) == "down"]
    factor = None
    lower = window.lower()
    for word, value in tables.FACTOR_WORDS.items():
        where = lower.rfind(word)
        if where < 0:
            continue
        # "nearly doubled" still says the figure went up, but states no factor to hold it to.
        up, down = ((up or [word]), down) if value > 1 else (up, (down or [word]))
        if not any(lower[max(0, where - 15) : where].rstrip().endswith(loose) for loose in tables.LOOSE_FACTOR):
            factor = value
        break
    if any(phrase in window for phrase in tables.DOWN_PHRASES):
        down = down or ["back"]
        up = [w for w in up if w not in ("back",)]
    direction = "up" if up and not down else "down" if down and not up else _governing(words)
    if _PACE.search(window):
        direction = ""  # "grew more slowly, at 1.9%, compared with 2.1%": the verb is the measure's, not the rate's
    if stated is None and factor is None:
        elsewhere = _stated_elsewhere(text, old, new)
        # One headline change describes one pair: the first that fits, not every later pair that
        # measures something alike ("profits fell 37%" ... "income excluding special items fell").
        if elsewhere is not None and direction in ("", elsewhere[1]) and elsewhere[0].id not in (taken or ()):
            stated, direction = elsewhere
            if taken is not None:
                taken.add(stated.id)
    if not direction and factor is None and stated is None and not (cue in _COMPARISONS and _anchored(text, old)):
        return None  # "from 18 to 24": no word says anything changed
    if old.unit == "count" and tables.RANK_PATTERN.search(text.window(old)):
        return None  # "up from 13 to five" in a chart: a rank rises as its number falls
    verb = (up or down or [""])[0]
    roles = ("old", "new", "change") if stated is not None else ("old", "new")
    claims = (old, new, stated) if stated is not None else (old, new)
    cue = cue if not verb or cue.startswith(verb) else f"{verb} {cue}"
    return Draft("change", claims, roles, cue, direction=direction, factor=factor)


#: Past forms of direction verbs that do not end in -ed.
_IRREGULAR_MOVES = frozenset("rose risen fell fallen grew grown slid sank sunk shrank shrunk leapt swollen".split())


def _governing(words: list[str]) -> str:
    """When the words before a change say both ways ("the tax cuts target firms, raising corporate tax
    from 30% to 31%"), the verb nearest the figures governs them. Only a verb form counts: a noun
    such as "cuts" or "losses" names a measure ("a rise in job cuts from 500 to 700"), so with no verb
    form to go by the direction stays unknown."""
    for word in reversed(words):
        if (word.endswith(("ing", "ed")) or word in _IRREGULAR_MOVES) and direction_of(word):
            return direction_of(word)
    return ""


def _stated_change(text: ClauseView, first: Claim, last: Claim) -> Claim | None:
    """The stated rise or fall next to a from/to pair: "rose 8% from ...", "..., up 16%"."""
    before = text.previous_in_sentence(first)
    if before is not None and before.kind == "number" and before.unit in ("percent", "percentage_point", first.unit):
        gap = text.gap(before, first) or ""
        match = STATED_BEFORE.search(text.tail(before))
        if len(gap) <= 30 and not re.search(r"\d", gap) and match and is_change_word(match.group(1)):
            return before
        if before.unit == "percent" and _CHANGE_NOUN_TO.match(gap):
            return before  # "a 52% rise in profits for the year to £198m from £130m"
    after = text.next_in_sentence(last)
    if after is not None and after.kind == "number" and after.unit in ("percent", "percentage_point", first.unit):
        if _STATED_AFTER.match(text.gap(last, after) or "x"):
            return after
        # "52,000, compared with 54,100 last year, a 3.9% drop": the change noun after the figure.
        if (after.unit == "percent" and _ARTICLE_GAP.match(dateless(text.gap(last, after) or "x"))
                and _NOUN_AFTER.match(text.after(after))):
            return after
    return None


_ARTICLE_GAP = re.compile(r"^[^\d;]{0,25}?,\s*(?:(?:an?|the)\s+)?(?:[a-z]+ly\s+)?$", re.I)


_CHANGE_NOUN_TO = re.compile(
    r"^\s*(?:rise|fall|drop|increase|decrease|decline|jump|gain|slump|surge|slide|boost|reduction)\s+in\b"
    r"[^\d;:]{0,50}?\b(?:to|from)\s+" + QUAL + r"$", re.I)


#: How far back (sentences) a stated change may stand from the old and new values it describes.
_STATED_REACH = 3


#: How many figures of each earlier sentence are read for it, to keep the cost per change bounded.
_STATED_SCAN = 12


def _stated_elsewhere(text: ClauseView, old: Claim, new: Claim) -> tuple[Claim, str] | None:
    """A percentage change stated a sentence or three earlier, or in the headline or lead, about the same
    subject: "a 40% drop in profits" ... "a pre-tax profit of £75m compared with £125m". Only one such
    figure may qualify, its own sentence must hold no figure in the pair's unit (else it has its own
    values), and it must say which way the figure went. A change that names its measure ("a 72%
    increase in pollinator species") sizes only a pair whose subject holds every word of it ("species
    records" rose from 179 to 624 is another measure)."""
    first = old if old.start < new.start else new
    subject: frozenset[str] | None = None  # the pair's subject words, read once a stated change is near
    found = []
    near = range(max(0, first.sentence - _STATED_REACH), first.sentence)
    # The headline and the lead sentence state the news ("boost its dividend by 27%"); the figures
    # behind it often come paragraphs later. From that far, one shared word is not enough: "consumer
    # spending rose 1.5%" in the lead says nothing of "consumer confidence" in paragraph six.
    for sentence in {0, 1, *near}:
        if sentence >= first.sentence:
            continue
        own = text.by_sentence.get(sentence, [])[:_STATED_SCAN]
        if any(c.unit == old.unit for c in own):
            continue
        needed = 1 if sentence in near or sentence == 0 else 2
        for claim in own:
            if not (claim.unit == "percent" and claim.kind == "number" and claim.qualifier in ("eq", "approx")
                    and states_change(text, claim)):
                continue
            if subject is None:
                subject = text.subject(old) | text.subject(new)
            if (len(text.subject(claim) & subject) >= needed and not contexts_differ(text, claim, first)
                    and not _has_level(text, claim) and named_measure(text, claim) <= subject):
                found.append(claim)
    if len(found) != 1:
        return None
    # "raise its dividend payment by 27%": the verb may stand past its object.
    words = lower_words(text.tail(found[0], 50))[-6:] + lower_words(text.after(found[0])[:25])[:2]
    directions = {direction_of(w) for w in words} - {""}
    return (found[0], directions.pop()) if len(directions) == 1 else None


# --- a stated change and the new value, with no old value ----------------------------------------

#: "rose 8% to £150m", "fell 0.2 points (to) 5.1%", "cut by £2m to £40m": after the stated change,
#: "to" and the new value.
_TO_NEW = re.compile(r"^(?!.*\b(?:and|but|while|whereas|than|or|before|after|then|as|when|until|since|ahead)\b)"
                     r"[\s,]*(?:\([^()]{0,40}\)[\s,]*)?(?:[a-z]+[\s,]+){0,4}?(?:to|at)\s+" + QUAL + r"$", re.I)
#: "a 52% rise in profits to £198m", "a 5.5% rise to 18.3bn euros": the change named as a noun, then "to".
_NOUN_TO_NEW = re.compile(r"^\s*(" + _CHANGE_NOUNS + r")\s+(?:in\b[^\d;:]{0,50}?\b)?to\s+" + QUAL + r"$", re.I)
#: When a new value was reached, between it and its stated change: "£293,221 last month, down 0.1%",
#: "£801m in withdrawals during July, an increase of almost 8%", "2.4m cars in 2004, an increase of 4%".
_WHEN = (r"(?:(?:last|this)\s+(?:year|month|quarter|week)|(?:in|during|for)\s+(?:the\s+)?(?:year|"
         + "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
         + r"|(?:first|second|third|fourth|final|last)\s+quarter))")
#: "profit of £150m, up 8%", "4.1m, a rise of 6%": the new value, then its change.
_NEW_THEN_STATED = re.compile(
    r"^(?:\s+[a-z]+)?(?:\s+(?:of|in|for)\s+[a-z]+(?:\s+[a-z]+){0,3})?(?:\s+" + _WHEN + r")?"
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|\s[-–—])\s*(?:(up|down)\s+(?:by\s+)?|"
    r"(?:an?|the)\s+(?:(" + _CHANGE_NOUNS + r")\s+of\s+)?)?" + QUAL + r"$", re.I)
#: "£347m, an 82% jump on 2003": the change noun after the stated figure.
_NOUN_AFTER = re.compile(r"^\s*(" + _CHANGE_NOUNS + r")\b", re.I)
#: What follows a stated change that has its own old value: those are linked with the old value.
_OLD_AFTER = re.compile(r"^\s*(?:from|on|over|compared\s+(?:with|to)|against|versus)\s+[^\d;,]{0,30}$", re.I)


def _has_old(text: ClauseView, stated: Claim) -> bool:
    """"up 8% from £3.8m" states its old value (another linker's); "up 27% from the same period" not."""
    following = text.next_in_sentence(stated)
    return following is not None and bool(_OLD_AFTER.match(dateless(text.gap(stated, following) or "0")))


def _has_level(text: ClauseView, stated: Claim) -> bool:
    """"pay jumps by 39% to £3.4m", "up 8% from £3.8m": the stated change has a level of its own in its
    sentence, so it describes that measure and not a pair of figures elsewhere (the pay ratio going
    "from 79 to 109 times" two paragraphs on)."""
    following = text.next_in_sentence(stated)
    if following is None:
        return False
    gap = dateless(text.gap(stated, following) or "0")
    return _has_old(text, stated) or bool(_LEVEL_AFTER.match(gap) or _NOUN_TO_NEW.match(gap))


#: A level right after a stated change: "by 39% to £3.4m", "39% to an average of £3.4m", "8% on £3.8m".
_LEVEL_AFTER = re.compile(r"^[\s,]*(?:to|at|from|on)\s+(?:(?:an?|the|its)\s+)?(?:[a-z]+\s+){0,2}?(?:of\s+)?"
                          + QUAL + r"$", re.I)


def link_stated_to_new(text: ClauseView, found: Sequence[Draft]) -> Iterator[Draft]:
    """A stated rise or fall and the new value it led to, when no old value is given: "turnover rose
    $7.2bn to $170.8bn", "shares fell 3% to 245p", "a 52% rise in profits to £198m", "net income of
    $3.5bn, up nearly $3bn". No check can hold the two to each other without the old value, but the
    relation says which figure is a change and which a level. A figure already in a change is left
    to that change."""
    used = {c.id for d in found if d.kind == "change" for c in d.claims}
    for stated in text.figures:
        if stated.id in used or stated.kind != "number" or "vague" == stated.qualifier:
            continue
        after = text.next_in_sentence(stated)
        raw = text.gap(stated, after) if after is not None else None
        # A cheap test first: the shapes read here all say "to" or "at" between the two figures.
        if (raw is not None and len(raw) < 90 and (" to " in raw or " at " in raw) and after.id not in used
                and after.kind == "number" and _fits(stated, after)):
            gap = dateless(raw)
            noun = _NOUN_TO_NEW.match(gap)
            # "rose 5% in March before climbing to 8%": a second verb of change starts another change.
            moves = any(direction_of(w) for w in lower_words(gap)[:-1])
            if (noun or (_TO_NEW.match(gap) and is_stated_change(text, stated) and not moves)) \
                    and not is_stated_change(text, after) and is_level(text, after):
                direction = _NOUN_DIRECTION.get(noun.group(1).lower(), "") if noun else _direction_before(text, stated)
                if direction or noun:
                    used.update((stated.id, after.id))
                    yield Draft("change", (after, stated), ("new", "change"), "to", direction=direction)
                    continue
        before = text.previous_in_sentence(stated)
        raw = text.gap(before, stated) if before is not None else None
        if raw is None or len(raw) > 80 or not ("," in raw or " -" in raw or " –" in raw or " —" in raw):
            continue
        if before.id in used or before.kind != "number" or not _fits(stated, before):
            continue
        lead = _NEW_THEN_STATED.match(dateless(raw))
        if lead is None or _has_old(text, stated) or states_change(text, before) or not is_level(text, before):
            continue
        if (text.cues(before).before in _OLD_CUES or _HYPHENATED.search(before.text)
                or is_compound_modifier(text, before)):
            # "435,560, compared with 446,500 last year, a 2.5% drop": the drop is from the compared figure,
            # not to it; "a six-year high, up 35%": an adjective, not the level that rose.
            continue
        noun = lead.group(2) or ""
        said = lead.group(1) or ""
        if not said and not noun:
            after_noun = _NOUN_AFTER.match(text.after(stated))
            after_word = _DIRECTION_AFTER.match(text.after(stated)) if after_noun is None else None
            if after_word is not None:
                said = after_word.group(1)  # "£801m, 20% up on July 2021"
            elif after_noun is None:
                continue  # "£347m, a 5% share": an article alone names no change
            else:
                noun = after_noun.group(1)
        direction = said.lower() or _NOUN_DIRECTION.get(noun.lower(), "")
        used.update((stated.id, before.id))
        yield Draft("change", (before, stated), ("new", "change"), said or noun, direction=direction)
        # "an increase of almost 8% on June, and 20% on the July 2021 figure": a second change of the same
        # new value, against another time, borrows the first one's words.
        also = text.next_in_sentence(stated)
        if (also is not None and also.unit == stated.unit and also.kind == "number" and also.id not in used
                and _AND_ALSO.match(dateless(text.gap(stated, also) or "0"))
                and _ON_TIME.match(text.after(also)) and not _has_old(text, also)):
            used.add(also.id)
            yield Draft("change", (before, also), ("new", "change"), said or noun, direction=direction)


#: "20% up on July 2021", "3% down on the month": the direction word after a stated change.
_DIRECTION_AFTER = re.compile(r"^\s+(up|down)\s+(?:on|from)\b", re.I)
#: "8% on June, and 20%": a second stated change of the same value, against another time.
_AND_ALSO = re.compile(r"^\s+on\s+(?:the\s+)?[A-Za-z]+(?:\s+year)?,?\s+and\s+" + QUAL + r"$", re.I)
_ON_TIME = re.compile(r"^\s+on\s+(?:the\s+)?(?:(?:same\s+)?[A-Za-z]+\s+)?(?:year|(?:19|20)\d\d|"
                      + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\b", re.I)


#: Role words that make the figure after them an old value, never the new value of a stated change.
_OLD_CUES = frozenset({"compared with", "compared to", "against", "versus", "as opposed to", "from"})
_HYPHENATED = re.compile(r"[-‐‑][A-Za-z]+$")


def _fits(stated: Claim, level: Claim) -> bool:
    """A stated change can move a level of its own unit, or any level by a percentage."""
    if level.unit in ("fraction",) or stated.unit == "fraction":
        return False
    if stated.unit in ("percent", "percentage_point"):
        return stated.unit == "percent" or level.unit == "percent"
    return shares_unit(stated, level)


def _direction_before(text: ClauseView, stated: Claim) -> str:
    """The direction word governing a stated change: the nearest of the words right before it."""
    for word in reversed(lower_words(text.tail(stated, 50))[-5:]):
        if direction_of(word):
            return direction_of(word)
    return ""
