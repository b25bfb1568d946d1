"""Shapes of text that more than one kind of relation reads: a whole after "of" ("26 of 35"), a
share in apposition (", or 6%"), a list of figures ("30 adults, 17 teenagers and 7 infants"), an
antecedent ("of which", "This is nearly half of"), a partitive ("five of them"), a code ("A320").

A part of a whole, a percentage of a whole and a fraction of a whole are stated in the same
shapes, so the shapes are read here once and each relation kind's module builds its own relation
from them. Everything here reads the text through `ClauseView`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from numcheck.english import singular
from numcheck.model import Claim
from numcheck.relate import tables
from numcheck.relate.clause import QUAL, ClauseView, is_count_like, states_change

__all__ = [
    "BEFORE_RATIO",
    "COMPARED_BEFORE",
    "LIMITERS",
    "OF_NOUN",
    "OF_NUMBER",
    "OR_PERCENT",
    "SHARE_JOINS",
    "SHARE_OF",
    "earlier_here_or_before",
    "ends_list",
    "far_apposition",
    "group_word",
    "is_amount",
    "is_code",
    "is_level",
    "is_partitive",
    "list_after",
    "noun_phrase",
    "part_before",
    "restated_part",
    "restated_shares",
    "same_unit_before",
]


OF_NUMBER = re.compile(r"^\s*(?:out\s+)?of\s+(?:the|its|their|all|these|those|our|his|her|your|my|every)?\s*"
                        r"(?:(?:[A-Z]?[a-z]+|\d{4})['’]s\s+)?"  # "the city's 20 wards", "2022's 60 entries"
                        r"(?:(?:" + "|".join(tables.SERIES_ADJECTIVES) + r")\s+)?"  # "its last 20 matches"
                        + QUAL + r"$", re.I)
#: "went 15 for 20 from the line": a tally of successes for attempts (`tables.TALLY_VERBS` before it).
FOR_NUMBER = re.compile(r"^\s*for\s+$", re.I)
TALLY_BEFORE = re.compile(r"\b(?:" + "|".join(tables.TALLY_VERBS) + r")\s+$", re.I)


OF_NOUN = re.compile(
    r"^\s*(?:out\s+)?of\s+(?:the|these|those|its|their)\s+([A-Za-z][A-Za-z-]+(?:\s+[a-z][a-z-]+){0,2})", re.I)


def noun_phrase(words: str, known: frozenset[str]) -> tuple[str, str] | None:
    """The noun a phrase after "of the" names, longest first, when it is one the article counts:
    "member states have" is "member state"; returns (noun, the words as printed)."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        noun = " ".join([*(p.lower() for p in parts[: size - 1]), singular(parts[size - 1])])
        if noun in known:
            return noun, " ".join(parts[:size])
    return None


_CODE_TAIL = re.compile(r"[-/]?[A-Za-z0-9]")


def is_code(text: ClauseView, claim: Claim) -> bool:
    """"777-200LR", "A320neo", "747s": a model or code name that starts with digits, never a count."""
    return bool(_CODE_TAIL.match(text.text, claim.end))


_GROUP_BEFORE = re.compile(r"\b([a-z]+)\s+of\s+" + QUAL + r"$", re.I)


def group_word(text: ClauseView, claim: Claim) -> str | None:
    """The group word right before a figure and "of" ("a bloc of 40 nations" gives "bloc"), or None.
    The pattern runs only where "of" stands at all."""
    head = text.tail(claim)
    match = _GROUP_BEFORE.search(head) if "of" in head.lower() else None
    return match.group(1).lower() if match and match.group(1).lower() in tables.GROUP_WORDS else None


OR_PERCENT = re.compile(r"^[A-Za-z\s'’-]{0,40}?(?:,|\(|—|–)\s*(?:or\s+)?" + QUAL + r"$", re.I)


#: A longer apposition ("half of the 240 flights scheduled to leave on Friday, some 150 departures") must
#: say "or" or a qualifier after its comma, so "..., 150 more were delayed" never links.
_OR_PERCENT_FAR = re.compile(r"^[A-Za-z\s'’-]{0,90}?(?:,|\(|—|–)\s*(?:or\s+" + QUAL + r"|" + QUAL[:-1]
                             + r")$", re.I)


BEFORE_RATIO = re.compile(r"^[A-Za-z\s'’-]{0,40}?,\s*(?:or\s+)?" + QUAL + r"$", re.I)


def far_apposition(gap: str | None) -> bool:
    if not gap or not _OR_PERCENT_FAR.match(gap):
        return False
    tail = gap[gap.rfind(",") + 1 :] if "," in gap else gap
    return bool(tail.strip())  # a bare comma is only trusted within the short window


def part_before(text: ClauseView, candidate: Claim | None, ratio: Claim, whole: Claim) -> Claim | None:
    if candidate is None or candidate.unit != whole.unit or not is_count_like(candidate):
        return None
    return candidate if BEFORE_RATIO.match(text.gap(candidate, ratio) or "x") else None


_LIST_GAP = re.compile(r"^[^\d;:.!?]{0,80}$")


_LAST_JOIN = re.compile(r"\band\b|\bas\s+well\s+as\b|\bplus\b", re.I)


def list_after(text: ClauseView, first: Claim, unit: str, joiners: re.Pattern[str] = _LAST_JOIN) -> list[Claim]:
    """The run of same-unit figures from ``first`` joined as a list ("30 adults, 17 teenagers and 7")."""
    run = [first]
    while True:
        nxt = text.next_in_sentence(run[-1])
        if nxt is None or nxt.unit != unit or nxt.kind != "number" or nxt.qualifier == "vague":
            break
        gap = text.gap(run[-1], nxt) or ""
        if not _LIST_GAP.match(gap) or not ("," in gap or joiners.search(gap)):
            break
        run.append(nxt)
        if joiners.search(gap):
            break
    if len(run) < 2 or not joiners.search(text.gap(run[-2], run[-1]) or ""):
        return []
    return run


SHARE_JOINS = re.compile(r"\band\b|\bwhile\b|\bwith\b", re.I)


LIMITERS = r"(?:(?:only|just|a\s+mere|almost|nearly)\s+)?"


#: A figure that is an old value ("up from £40m") or a comparison, never the whole of what follows.
COMPARED_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|versus|than|on)\s+"
                              r"(?:[A-Z][a-z]+['’]s\s+)?" + QUAL + r"$", re.I)


def same_unit_before(text: ClauseView, claim: Claim) -> Claim | None:
    """The nearest earlier figure of the claim's unit in its sentence, skipping conversions in
    brackets and figures of other units."""
    found = text.earlier_of_unit(claim, claim.sentence, claim.unit)
    return found[-1] if found and is_count_like(found[-1]) else None


def ends_list(text: ClauseView, claim: Claim) -> bool:
    """"500 cars and 300 vans, of which ...": the relative may cover the whole list, not its last item."""
    previous = same_unit_before(text, claim)
    gap = text.gap(previous, claim) if previous is not None else None
    return gap is not None and bool(re.search(r"^[^\d]{0,40}$", gap)) and bool(re.search(r",|\band\b|\bor\b", gap))


def earlier_here_or_before(text: ClauseView, claim: Claim, unit: str) -> list[Claim]:
    """The figures of ``unit`` before the claim in its sentence, or when there are none, those of the
    sentence before (at most ``LOOKBACK`` of them: the callers want the only one)."""
    return text.earlier_of_unit(claim, claim.sentence, unit) or text.earlier_of_unit(claim, claim.sentence - 1, unit)


def is_amount(claim: Claim) -> bool:
    """A count, a sum of money or a percentage share: what a continuation can add up."""
    return claim.kind == "number" and claim.qualifier != "vague" and claim.unit not in ("fraction", "percentage_point")


def is_level(text: ClauseView, claim: Claim) -> bool:
    """Not the size of a change of a level ("rose 5%", "up $3m"). A count after a change verb is what
    was done, and a whole or a part: "expects to cut 12,800 jobs", "will cut 1,200 in branches"."""
    return claim.unit == "count" or not states_change(text, claim)


_RESTATE_BEFORE = re.compile(r"^\s*(?:this|that|it|which)\s+(?:is|was|represents|represented|amounts\s+to|"
                             r"amounted\s+to|accounts\s+for|accounted\s+for|makes\s+up|made\s+up)\s+" + QUAL + r"$",
                             re.I)


SHARE_OF = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+|all\s+)?" + QUAL + r"$", re.I)


def restated_part(text: ClauseView, share: Claim, whole: Claim) -> Claim | None:
    """The figure "this"/"which" before the share refers to: the only one of the whole's unit in the
    sentence before ("... £5m. This is nearly half of ..."), or the one right before ", which is"."""
    head = text.before(share, clause=False)
    if _RESTATE_BEFORE.match(head):
        pool = text.earlier_of_unit(share, share.sentence - 1, whole.unit)
    else:
        which = _WHICH_IS_BEFORE.search(text.tail(share, 60, clause=False))
        before = text.previous_in_sentence(share)
        gap = text.gap(before, share) if which is not None and before is not None else None
        near = gap is not None and re.match(r"^[^\d,;]{0,30}$", gap[: -len(which.group(0))])
        pool = [before] if near and not ends_list(text, before) else []  # "cut 900 jobs and 12 plants, which"
    if len(pool) != 1 or pool[0].unit != whole.unit or not is_count_like(pool[0]) or not is_level(text, pool[0]):
        return None
    return pool[0]


_WHICH_IS_BEFORE = re.compile(r",\s*which\s+(?:is|was|represents|represented|amounts\s+to|accounts\s+for)\s+"
                              + QUAL + r"$", re.I)


_PARTITIVE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?of\s+(?:the|its|their|these|those|them|whom|which)\b")


def is_partitive(text: ClauseView, claim: Claim) -> bool:
    """"10 of the former directors", "none of the 18 directors": a share of a group or the group
    itself, never a restatement of another count. ("the terms of the $2.4 million contract" is not.)"""
    return bool(_PARTITIVE_AFTER.match(text.after(claim)[:30])
                or _PARTITIVE_BEFORE.search(text.tail(claim, 40)))


_PARTITIVE_BEFORE = re.compile(
    r"(?<![\d,.])\b(?:none|all|some|most|many|each|any|several|both|few|half|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozen|\d[\d,.]*)\s+(?:out\s+)?of\s+(?:the|its|their|these|those)\s+" + QUAL + r"$", re.I)


def restated_shares(text: ClauseView) -> list[tuple[Claim, Claim, Claim, str]]:
    """"Labour received more than £5m ... This is nearly half of the £11,724,929 received by all
    parties": a sentence that opens by calling the figure before it a share of a new whole. "This"
    must have one antecedent: the only figure of the whole's unit in the sentence before. Yields
    (share, part, whole, cue); the percent and fraction linkers each take their own, so the list is
    read once per text."""
    return text.memo("restated_shares", lambda: list(_restated_shares(text)))


def _restated_shares(text: ClauseView) -> Iterator[tuple[Claim, Claim, Claim, str]]:
    for share in text.figures:
        if share.unit not in ("percent", "fraction"):
            continue
        whole = text.next_in_sentence(share)
        if whole is None or not is_count_like(whole) or not SHARE_OF.match(text.gap(share, whole) or "0"):
            continue
        part = restated_part(text, share, whole)
        if part is not None:
            yield share, part, whole, "this is" if part.sentence < share.sentence else "which is"
