"""Scores and records: "a 3-1 win", "won 61-58", "a 24-9 record" (fixtures/extract/GUIDELINES.md).

A score or a record is two counts, never a range or a date. A record counts wins and losses; a
score counts goals or points when the sport's words are nearby, and nothing named otherwise. Both
claims carry ``kind`` "score" or "record", so linking knows to leave them alone: "a 3-1 win" is
not 3 out of 1, and a 61-58 game is not a change from 61 to 58.

>>> from numcheck.extract.numbers import scan
>>> [(m.value, m.kind) for m in scan("They sealed a 3-1 win over Leeds.")]
[(3.0, 'score'), (1.0, 'score')]
>>> [(m.value, m.kind) for m in scan("The Celtics have a 24-9 record.")]
[(24.0, 'record'), (9.0, 'record')]
"""

from __future__ import annotations

from numcheck.extract.mention import Mention
from numcheck.extract.tables.sports import (
    GOAL_SPORT_WORDS,
    POINT_SPORT_WORDS,
    RECORD_WORDS,
    RESULT_WORDS,
    SCORE_VERBS,
)
from numcheck.extract.tokens import TokenView

__all__ = ["SCORE_KINDS", "score_kind", "score_nouns"]

#: The ``kind`` of a claim that is one side of a score or a record.
SCORE_KINDS = frozenset({"score", "record"})
#: No game is won by more than this: a larger pair is a range or a split ("300-400").
_MAX_SCORE = 200


def score_kind(s: TokenView, a: Mention, b: Mention) -> str:
    """"record", "score" or "" for two figures joined by a dash ("24-9", "3-1")."""
    if a.scale != 1.0 or b.scale != 1.0 or a.precision != 1.0 or b.precision != 1.0 or \
            not (0 <= a.value <= _MAX_SCORE and 0 <= b.value <= _MAX_SCORE):
        return ""
    after = s.lower(b.last)
    if after in RECORD_WORDS:
        return "record"
    if after in RESULT_WORDS:
        return "score"
    before = a.first - 1
    while before >= 0 and s.tokens[before].is_word and s.tokens[before].text[0].isupper() and \
            s.lower(before) not in SCORE_VERBS:
        before -= 1  # "beat Leeds United 3-1": step back over the opponent's name
    if s.lower(before) in SCORE_VERBS or (s.lower(before) == "of" and s.lower(before - 1) in ("scores", "score")):
        return "score"  # "won 61-58", "by scores of 116-112"
    return ""


def score_nouns(s: TokenView, kind: str) -> tuple[str | None, str | None]:
    """What the two sides of a score or record count: wins and losses, goals, points, or nothing said."""
    if kind == "record":
        return "win", "loss"
    words = {t.lower for t in s.tokens if t.is_word}
    if not words.isdisjoint(GOAL_SPORT_WORDS):
        return "goal", "goal"
    if not words.isdisjoint(POINT_SPORT_WORDS):
        return "point", "point"
    return None, None
