"""Sport words: what makes "3-1" a score or "24-9" a record, and what a score counts.

Kept apart from the logic so a sports desk can read and extend them without reading code.
"""

from __future__ import annotations

#: Nouns right after a pair that make it a win-loss record ("a 24-9 record").
RECORD_WORDS = frozenset("record records mark".split())
#: Nouns right after a pair that make it a score ("a 3-1 win", "the 2-2 draw").
RESULT_WORDS = frozenset(
    "win wins victory victories defeat defeats loss losses draw draws lead triumph thrashing rout success "
    "scoreline aggregate home away result comeback upset final semi-final decider friendly shootout "
    "advantage deficit".split()
)
#: Words right before a pair that make it a score ("won 61-58", "beat Leeds 3-1", "led 2-0").
SCORE_VERBS = frozenset(
    "won win wins winning beat beats beating lost lose loses losing led lead leads leading trailed trail "
    "trailing drew draw draws drawing thrashed edged defeated defeat crushed routed downed edging".split()
)
#: Words anywhere in the sentence that make a glued pair of small counts a score of goals.
GOAL_SPORT_WORDS = frozenset(
    "goal goals football soccer striker keeper goalkeeper penalty penalties hockey premier league cup "
    "fa uefa champions derby midfielder defender equaliser equalizer header hat-trick own-goal net "
    "handball polo".split()
)
#: Words anywhere in the sentence that make it a score of points.
POINT_SPORT_WORDS = frozenset(
    "point points basketball nba wnba ncaa rebounds assists quarter quarterback touchdown touchdowns nfl "
    "rugby try tries conversion pointer three-pointer free-throw dunk netball volleyball tennis set boxing "
    "bout judge judges ringside scorecard scorecards round rounds ufc".split()
)

# --- nonquant: cricket scores ("138 for one") --------------------------------------------------------
#: Words anywhere in the sentence that make "138 for one" runs for wickets.
CRICKET_WORDS = frozenset(
    "cricket test tests wicket wickets innings over overs bowled bowler bowlers bowling batting batted batter "
    "batters batsman batsmen declared declare stumps lunch tea partnership odi t20 ashes runs run-rate "
    "all-rounder spinner seamer".split()
)
#: Words that may follow the wickets of a cricket score ("210 for six at lunch", "for two to 200").
CRICKET_FOLLOWERS = frozenset("to at in before after and when with on by as declared dec overs off from".split())
