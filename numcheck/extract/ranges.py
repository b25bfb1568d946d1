"""Pairs of figures read together: ranges ("30 to 40", "between 30 and 40", "30-40") and a scale
word shared by both ends ("30-40 million").

A tally ("5-4") or a split ("50-50") stays two figures; a change "by 45,000 to 1.6 million" is
not a range.
"""

from __future__ import annotations

from dataclasses import replace

from numcheck.english import direction_of
from numcheck.extract.mention import Mention, make_mention
from numcheck.extract.scores import SCORE_KINDS, is_innings_score, names_sport, score_kind, score_kind_allows
from numcheck.extract.tables.currencies import CURRENCY_SYMBOLS
from numcheck.extract.tokens import TokenView

__all__ = ["combine"]


def combine(s: TokenView, mentions: list[Mention]) -> list[Mention]:
    """Join neighbouring mentions that are one figure (a range) or share a scale."""
    out: list[Mention] = []
    k = 0
    while k < len(mentions):
        m = mentions[k]
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt is not None and m.kind == "number" and nxt.kind == "number":
            joined = next_score(s, m, nxt, out[-1].kind) if out and out[-1].kind in SCORE_KINDS else None
            joined = joined or join(s, m, nxt)
            if joined is not None:
                out.extend(joined)
                k += 2
                continue
        out.append(m)
        k += 1
    return tallies_as_scores(s, out) if any(m.kind in SCORE_KINDS for m in out) and names_sport(s) else out


# --- nonquant: every dashed pair of a sentence with a score is a score ------------------------------


def tallies_as_scores(s: TokenView, mentions: list[Mention]) -> list[Mention]:
    """"came back from 4-0 down to win 5-4 in the cup": once one dashed pair of a sentence about sport
    is a score, a tally of whole numbers glued by a dash elsewhere in it is a score too, not two
    figures that changed. (Without the sport's words, "the vote split 5-4" stays a tally.)"""
    out = list(mentions)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.kind == "number" and b.kind == "number" and a.last + 1 == b.first and \
                s.text_of(a.last) in ("-", "–") and s.glued(a.last - 1, a.last) and s.glued(a.last, b.first) and \
                score_kind_allows(a, b):
            kind = next(m.kind for m in out if m.kind in SCORE_KINDS)
            out[k], out[k + 1] = replace(a, kind=kind), replace(b, kind=kind)
    return out


def join(s: TokenView, a: Mention, b: Mention) -> list[Mention] | None:
    """Ranges ("30 to 40", "between 30 and 40", "30-40") and shared scales ("30-40m")."""
    gap = [t.lower for t in s.tokens[a.last : b.first]]
    if len(gap) > 1 and gap[-1] == s.lower(a.first - 1) and gap[-1] in CURRENCY_SYMBOLS:
        gap = gap[:-1]  # "between £4 and £5": the currency repeated on both ends
    if gap[:1] == ["%"] and s.text_of(b.last) == "%":
        gap = gap[1:]  # "20% to 25%": the unit repeated on both ends
    between = is_between(s, a.first)
    if gap == ["for"] and is_innings_score(s, a, b):
        return [replace(a, kind="score"), replace(b, kind="score")]  # "from 138 for one to 210 for six"
    if gap == ["-", "to"] and s.glued(a.last - 1, a.last) and b.value > a.value:
        return [as_range(s, a, b)]  # "an 18- to 24-year-old": the unit hangs on the second end
    from_before = s.lower(a.first - 1) == "from" or s.lower(a.first - 2) == "from"
    if gap == ["and"] and between:
        return [as_range(s, a, b)]
    if gap in (["-"], ["–"], ["—"]) and s.glued(a.last - 1, a.last) and s.glued(b.first - 1, b.first):
        score = score_kind(s, a, b)
        if score:
            return [replace(a, kind=score), replace(b, kind=score)]  # "a 3-1 win", "a 24-9 record"
        a2, b2 = share_scale(s, a, b)
        if b2.value > a2.value and not from_before:
            return [as_range(s, a2, b2)]
        return [a2, b2]  # a tally "5-4" or a split "50-50": two claims
    # "rose by 45,000 to 1.6 million", "fell 11,000 to 813,200": a stated change then the new level.
    if gap == ["to"] and not from_before and not follows_change_word(s, a):
        a2, b2 = share_scale(s, a, b)
        if b2.value > a2.value and (a.scale == b.scale or a.scale == 1.0):
            return [as_range(s, a2, b2)]
    if gap == ["to"] or (gap == ["and"] and between):
        a2, b2 = share_scale(s, a, b)
        return [a2, b2]
    return None


def follows_change_word(s: TokenView, a: Mention) -> bool:
    before = s.lower(a.first - 1)
    return before == "by" or bool(direction_of(before))


def share_scale(s: TokenView, a: Mention, b: Mention) -> tuple[Mention, Mention]:
    """"30-40 million": the trailing scale word belongs to both figures."""
    if a.scale == 1.0 and b.scale != 1.0 and a.precision <= 1.0 and a.value * b.scale <= b.value * 10:
        scaled = make_mention(a.first, a.last, a.start, a.end, a.value * b.scale, a.precision * b.scale, a.kind,
                       scale=b.scale)
        return scaled, b
    return a, b


def as_range(s: TokenView, a: Mention, b: Mention) -> Mention:
    return make_mention(a.first, b.last, a.start, b.end, a.value, max(a.precision, b.precision), "range",
                 low=a.value, high=b.value, scale=b.scale)


def is_between(s: TokenView, first: int) -> bool:
    """"between 30 and 40", "between the ages of 18 and 20": "between" governs the figure at ``first``."""
    if s.text_of(first - 1) in CURRENCY_SYMBOLS:
        first -= 1  # "between £4 and £5"
    for k in range(first - 1, max(-1, first - 5), -1):
        if s.lower(k) == "between":
            return True
        if not s.tokens[k].is_word or s.lower(k) not in ("the", "ages", "age", "of", "aged", "years"):
            return False
    return False


def next_score(s: TokenView, a: Mention, b: Mention, kind: str) -> list[Mention] | None:
    """"by scores of 116-112, 117-111 and 114-114": after a score, the next dashed pair of the
    sentence is one too."""
    if a.last + 1 != b.first or s.text_of(a.last) not in ("-", "–") or not (
            s.glued(a.last - 1, a.last) and s.glued(a.last, b.first)) or a.precision != 1.0 or b.precision != 1.0:
        return None
    return [replace(a, kind=kind), replace(b, kind=kind)]
