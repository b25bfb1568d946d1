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
    CRICKET_FOLLOWERS,
    CRICKET_WORDS,
    GOAL_SPORT_WORDS,
    POINT_SPORT_WORDS,
    RECORD_WORDS,
    RESULT_WORDS,
    SCORE_VERBS,
)
from numcheck.extract.tokens import TokenView

__all__ = ["SCORE_KINDS", "is_innings_score", "names_sport", "score_kind", "score_kind_allows", "score_nouns",
           "sentence_words"]

#: The ``kind`` of a claim that is one side of a score or a record.
SCORE_KINDS = frozenset({"score", "record"})
#: No game is won by more than this: a larger pair is a range or a split ("300-400").
_MAX_SCORE = 200


def score_kind(s: TokenView, a: Mention, b: Mention) -> str:
    """"record", "score" or "" for two figures joined by a dash ("24-9", "3-1")."""
    if not score_kind_allows(a, b):
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


def score_kind_allows(a: Mention, b: Mention) -> bool:
    """Two whole numbers no game exceeds, with no scale: what either side of a score can be."""
    return a.scale == 1.0 and b.scale == 1.0 and a.precision == 1.0 and b.precision == 1.0 and \
        0 <= a.value <= _MAX_SCORE and 0 <= b.value <= _MAX_SCORE


def score_nouns(s: TokenView, kind: str, pair: tuple[Mention, Mention] | None = None) -> tuple[str | None, str | None]:
    """What the two sides of a score or record count: wins and losses, goals, points, runs and
    wickets ("138 for one"; a bowler's "four for 29" is wickets for runs), or nothing said."""
    if kind == "record":
        return "win", "loss"
    if pair is not None and s.lower(pair[0].last) == "for":
        return ("wicket", "run") if pair[0].value < pair[1].value else ("run", "wicket")
    words = sentence_words(s)
    if not words.isdisjoint(GOAL_SPORT_WORDS):
        return "goal", "goal"
    if not words.isdisjoint(POINT_SPORT_WORDS):
        return "point", "point"
    return None, None


# --- nonquant: cricket scores ----------------------------------------------------------------------
#: A side has ten wickets to lose.
_MAX_WICKETS = 10
#: More runs than any innings has made: a larger figure is not a cricket score.
_MAX_RUNS = 1000


def is_innings_score(s: TokenView, a: Mention, b: Mention) -> bool:
    """"138 for one", "210 for six": runs for wickets (or a bowler's wickets for runs, "four for 29"),
    a cricket score, when the sentence is about cricket and nothing after the second figure says
    what it counts ("3 for two tickets" is a price). The caller has checked that "for" alone sits
    between the two figures."""
    if a.scale != 1.0 or b.scale != 1.0 or a.precision != 1.0 or b.precision != 1.0 or \
            not 0 <= min(a.value, b.value) <= _MAX_WICKETS or max(a.value, b.value) > _MAX_RUNS:
        return False
    after = s.tok(b.last)
    if after is not None and after.is_word and after.lower not in CRICKET_FOLLOWERS:
        return False
    return not sentence_words(s).isdisjoint(CRICKET_WORDS)


def sentence_words(s: TokenView) -> set[str]:
    """The lower-case words of the sentence, for the sport tables."""
    return {t.lower for t in s.tokens if t.is_word}


def names_sport(s: TokenView) -> bool:
    """The sentence uses a word of a sport that scores goals or points."""
    words = sentence_words(s)
    return not (words.isdisjoint(GOAL_SPORT_WORDS) and words.isdisjoint(POINT_SPORT_WORDS))
