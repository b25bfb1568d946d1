"""What a careful reader extracts (fixtures/extract/GUIDELINES.md), sentence by sentence, through
the public ``numcheck.extract``; and what it refuses, with the reason ``non_quantities`` gives."""

from __future__ import annotations

import pytest

import numcheck
from numcheck.extract.numbers import non_quantities

#: sentence -> [(surface, value, unit, noun, kind)]
READ = {
    "Turnout was high (65%).": [("65%", 65.0, "percent", None, "number")],
    "They sealed a 3-1 win over Leeds.": [("3", 3.0, "count", None, "score"), ("1", 1.0, "count", None, "score")],
    "Arsenal beat Chelsea 3-1 in the Premier League.": [("3", 3.0, "count", "goal", "score"),
                                                        ("1", 1.0, "count", "goal", "score")],
    "The Lakers won 61-58 after 20 points from James.": [("61", 61.0, "count", "point", "score"),
                                                         ("58", 58.0, "count", "point", "score"),
                                                         ("20", 20.0, "count", "point", "number")],
    "The Celtics have a 24-9 record.": [("24", 24.0, "count", "win", "record"), ("9", 9.0, "count", "loss", "record")],
    "One person died and a man was hurt.": [("One", 1.0, "count", "person", "number")],
    "Tens of thousands marched.": [("Tens of thousands", 20000.0, "count", "person", "vague")],
    "Between 30 and 40 people came.": [("30 and 40", 30.0, "count", "person", "range")],
    "Seven in 10 voters agreed.": [("Seven in 10", 0.7, "fraction", None, "ratio")],
    "Profit was 25 mln dlrs, up 3 pct.": [("25 mln dlrs", 25e6, "USD", None, "number"),
                                          ("3 pct", 3.0, "percent", None, "number")],
    "It raised 1.2 bln stg.": [("1.2 bln stg", 1.2e9, "GBP", None, "number")],
    "Shares rose 15 cts.": [("15 cts", 0.15, "USD", None, "number")],
    "It generated 3.5 billion kilowatt hours.": [("3.5 billion kilowatt hours", 3.5e9, "kilowatt hour", None,
                                                  "number")],
    "They scored 12 second-chance points.": [("12", 12.0, "count", "point", "number")],
    "He bought 3 ETH and 2 BTC.": [("3 ETH", 3.0, "ETH", None, "number"), ("2 BTC", 2.0, "BTC", None, "number")],
    "The talks lasted 3 days.": [("3 days", 3.0, "day", None, "number")],
    "The rate is £9.18 for 21- and 22-year-olds.": [("£9.18", 9.18, "GBP", None, "number"),
                                                     ("21", 21.0, "year", None, "number"),
                                                     ("22-year-olds", 22.0, "year", None, "number")],
    "It pays £6.83 for workers between the ages of 18 and 20.": [("£6.83", 6.83, "GBP", None, "number"),
                                                                  ("18 and 20", 18.0, "year", None, "range")],
    "Tubs sell for between £4 and £5.": [("£4 and £5", 4.0, "GBP", None, "range")],
    "She won by scores of 116-112 from the ringside judges.": [("116", 116.0, "count", "point", "score"),
                                                               ("112", 112.0, "count", "point", "score")],
    "They conceded 48 goals in that 12-game losing run.": [("48", 48.0, "count", "goal", "number"),
                                                           ("12", 12.0, "count", "game", "number")],
    "He batted in 159 RBIs.": [("159", 159.0, "count", "rbi", "number")],
    "The judges gave her scores of 116-112 and 117-111.": [("116", 116.0, "count", "point", "score"),
                                                  ("112", 112.0, "count", "point", "score"),
                                                  ("117", 117.0, "count", "point", "score"),
                                                  ("111", 111.0, "count", "point", "score")],
    "Homes with an 18- to 24-year-old fell behind.": [("18- to 24-year-old", 18.0, "year", None, "range")],
    "It is a 3/4 mile oval, open 24/7 since 3/4/2019.": [("3/4", 0.75, "fraction", None, "fraction")],
    "It only cost thirteen dollars and forty-five cents.": [("thirteen dollars and forty-five cents", 13.45, "USD",
                                                             None, "number")],
    "Hey, the cost is 100元!": [("100元", 100.0, "CNY", None, "number")],
    "They signed a one-year deal.": [("one-year", 1.0, "year", None, "number")],
    "Juve won just one of their first six games.": [("one", 1.0, "count", "game", "number"),
                                                     ("six", 6.0, "count", "game", "number")],
    # nonquant: a scale word before a unit, Indian scales, a decimal glued to "b"
    "Flows through Nord Stream 2 dropped to 9.5m kilowatt hours.": [("9.5m kilowatt hours", 9.5e6, "kilowatt hour",
                                                                     None, "number")],
    "The budget is 2.5 lakh crore rupees.": [("2.5 lakh crore rupees", 2.5e12, "INR", None, "number")],
    "Sales reached 1.2b last year.": [("1.2b", 1.2e9, "count", None, "number")],
    # nonquant: cricket scores are runs for wickets (or a bowler's wickets for runs)
    "India moved from 140 for two to 215 for seven before tea.": [("140", 140.0, "count", "run", "score"),
                                                                  ("two", 2.0, "count", "wicket", "score"),
                                                                  ("215", 215.0, "count", "run", "score"),
                                                                  ("seven", 7.0, "count", "wicket", "score")],
    "Anderson took four for 32 in the Test.": [("four", 4.0, "count", "wicket", "score"),
                                               ("32", 32.0, "count", "run", "score")],
    "We paid 30 for two tickets at the Test.": [("30", 30.0, "count", None, "number"),
                                                ("two", 2.0, "count", "ticket", "number")],
    # nonquant: in a sentence about sport, every dashed pair beside a score is a score
    "They came back from 4-0 down to lose 4-3 in the cup.": [("4", 4.0, "count", "goal", "score"),
                                                             ("0", 0.0, "count", "goal", "score"),
                                                             ("4", 4.0, "count", "goal", "score"),
                                                             ("3", 3.0, "count", "goal", "score")],
    "The vote split 5-4 and they won 3-1.": [("5", 5.0, "count", None, "number"), ("4", 4.0, "count", None, "number"),
                                             ("3", 3.0, "count", None, "score"), ("1", 1.0, "count", None, "score")],
    # nonquant: a time frame keeps its unit; a compound noun is what is counted; a name needs no plural after it
    "Six years later, the tally had dropped to 40.": [("Six years", 6.0, "year", None, "number"),
                                                      ("40", 40.0, "count", None, "number")],
    "They opened a 12-bed ward.": [("12", 12.0, "count", "bed", "number")],
    "On Monday 12 people died.": [("12", 12.0, "count", "person", "number")],
    "A mid-table Ligue 1 side signed 20 players.": [("20", 20.0, "count", "player", "number")],
    # nonquant: "top"/"bottom" before a share is a place in a distribution, and "could top" is the verb
    "Those in the bottom 40% of incomes lost most.": [("40%", 40.0, "percent", "income", "number")],
    "The top 1 per cent own half.": [("1 per cent", 1.0, "percent", None, "number")],
    "Sales could top 1 million.": [("1 million", 1e6, "count", None, "number")],
}

#: sentence -> [(surface, reason)] of what looks like a figure and is not
REFUSED = {
    "He hit a 3-pointer in Game 5 of the Top 25 series.": [("3", "name"), ("5", "name"), ("25", "rank")],
    "No. 4 Duke beat them.": [("4", "rank")],
    "He wears the number 23 jersey.": [("23", "rank")],
    "Photo 3 of 12": [("3", "index"), ("12", "index")],
    "7 / 24": [("7", "index"), ("24", "index")],
    "She lives at 10 Downing Street.": [("10", "address")],
    "Take Route 66 to article 50, page 12, chapter 3.": [("66", "name"), ("50", "name"), ("12", "index"),
                                                          ("3", "index")],
    "The Model 950 coupé, the Airbus A380 and the XR7-60C sensor.": [("950", "name"), ("380", "name"),
                                                                      ("7", "name"), ("60", "code")],
    "It happened on March 3, not 3 March.": [("3", "date"), ("3", "date")],
    "during the March 1-10 period": [("1", "date"), ("10", "date")],
    "in the week ended April four": [("four", "date")],
    "The world number one won 6-3.": [],
    "Top four 1 Man City 2 Liverpool; Bottom three 18 Fulham": [("four", "name"), ("1", "rank"), ("2", "rank"),
                                                                ("three", "name"), ("18", "rank")],
    "Wolverhampton 5.30 Brazen Diamond 6.00 Big Time": [("5.30", "time"), ("6.00", "time")],
    "She is inside the top 10 at last.": [("10", "rank")],
    "Text us on +44(0)7766780300 now.": [("44", "code"), ("0", "phone"), ("7766780300", "phone")],
    # nonquant: numbered names, descriptive compounds, the year of a date before a plural-looking verb
    "Gas through Nord Stream 1 tumbled.": [("1", "name")],
    "A Ligue 1 side bid for him.": [("1", "name")],
    "The pact signed in March 2019 states that troops leave.": [("2019", "date")],
    "The eight-legged squad pulled a 4-wheeled cart.": [("eight", "descriptor"), ("4", "descriptor")],
    # nonquant: numbers to dial
    "You can reach the Samaritans on freephone 116 123.": [("116 123", "phone")],
    "In Australia, Lifeline is on 13 11 14.": [("13", "phone"), ("11", "phone"), ("14", "phone")],
    "Call 999 if in danger, or the 988 Suicide and Crisis Lifeline.": [("999", "phone"), ("988", "phone")],
    # nonquant: digits grouped by spaces, which no amount in English news is
    "The support service Lifeline is 13 11 14.": [("13", "phone"), ("11", "phone"), ("14", "phone")],
    "Help is at Beyond Blue on 1300 22 4636 or MensLine 1300 789 978.": [
        ("1300", "phone"), ("22", "phone"), ("4636", "phone"), ("1300", "phone"), ("789", "phone"),
        ("978", "phone")],
    "Crime Stoppers: 1800 333 000.": [("1800", "phone"), ("333", "phone"), ("000", "phone")],
    "The price rose on July 25 2022 99p to £1.19.": [("25", "date"), ("2022", "year")],
}


def test_a_league_table_column_names_what_its_cells_count() -> None:
    table = "Pos | Team | P | GD | Pts\n\n1 | Arsenal | 3 | 7 | 9\n\n2 | Man City | 3 | 6 | 7\n"
    got = [(c.text, c.noun) for c in numcheck.extract(table)]
    assert got == [("3", "game"), ("7", "goal"), ("9", "point"), ("3", "game"), ("6", "goal"), ("7", "point")]


@pytest.mark.parametrize("sentence", sorted(READ))
def test_a_careful_reader_extracts(sentence: str) -> None:
    got = [(c.text, round(c.value, 9), c.unit, c.noun, c.kind) for c in numcheck.extract(sentence)]
    assert got == READ[sentence]


@pytest.mark.parametrize("sentence", sorted(REFUSED))
def test_names_dates_and_indices_are_not_quantities(sentence: str) -> None:
    refused = [(n.text, n.reason) for n in non_quantities(sentence)]
    assert refused == REFUSED[sentence]
    claimed = {c.text for c in numcheck.extract(sentence)}
    assert not claimed & {text for text, _ in refused}


def test_a_glued_m_before_a_modifier_and_a_counted_noun_is_a_million() -> None:
    """"8m pensioner households": one word between the scale and a noun that is counted in millions
    keeps the m a million; a race distance before a singular noun stays a metre."""
    got = [(c.text, c.value, c.unit, c.noun) for c in numcheck.extract(
        "The chancellor says 8m pensioner households and 5m fentanyl doses. She won the 50m breaststroke final.")]
    assert got == [("8m", 8e6, "count", "household"), ("5m", 5e6, "count", "dose"), ("50m", 50.0, "metre", None)]


def test_spaced_thousands_and_goal_minutes_stay_figures() -> None:
    """The spaced-group rule refuses phone formats only: thousands grouped by spaces ("1 300 000")
    are one figure, and a scorer's goal minutes are not read as a number to dial."""
    assert not [n for n in non_quantities("The fund holds 1 300 000 euros.") if n.reason == "phone"]
    assert not [n for n in non_quantities("Norway 0 (Hemp 15, Mead 34 38 81, Russo 66)") if n.reason == "phone"]
    assert [c.text for c in numcheck.extract("It cost 99p in 2008, and July 25 2022 99p.")] == ["99p", "99p"]


def test_scores_and_records_are_linked_to_nothing() -> None:
    report = numcheck.check("Arsenal beat Chelsea 3-1, a 24-9 record for the season, and 3 of their 4 goals came late.")
    scored = {c.id for c in report.claims if c.kind in ("score", "record")}
    assert len(scored) == 4
    assert not [r for r in report.relations if scored & set(r.claims)]


def test_a_cricket_score_and_a_numbered_name_raise_no_change() -> None:
    """Runs for wickets are not a value that changed, and the 1 of a pipeline's name is no old value."""
    for text in ("After reducing India from 140 for two to 215 for seven, Anderson took his 50th wicket.",
                 "Flows via Nord Stream 1 dropped to 9.5m kilowatt hours from about 20m kWh a day earlier.",
                 "We got a Ligue 1 club down to 12mil for their midfielder.",
                 "The bill would call on 50 states to act, and 40 did.",
                 "They came back from 4-0 down to lose 4-3 in the cup."):
        report = numcheck.check(text)
        assert not report.findings, text
        assert not [r for r in report.relations if r.kind == "change"], text


# --- pending (issue 11): a share in digits, "1 in 5", read as "one in five" is ---------------------
@pytest.mark.parametrize(("sentence", "want"), [
    ("Some 1 in 5 drivers failed.", [("1 in 5", 0.2, "fraction", "ratio")]),
    ("About 3 in 10 adults smoke.", [("3 in 10", 0.3, "fraction", "ratio")]),
    ("Salah scored 23 in 26 games.", [("23", 23.0, "count", "number"), ("26", 26.0, "count", "number")]),
    ("He hit 80 in 48 balls.", [("80", 80.0, "count", "number"), ("48", 48.0, "count", "number")]),
])
def test_a_share_in_digits_is_one_figure(sentence: str, want: list[tuple[str, float, str, str]]) -> None:
    """"1 in N" and "N in 10" are a share; a tally ("23 in 26 games") stays two counts."""
    assert [(c.text, round(c.value, 9), c.unit, c.kind) for c in numcheck.extract(sentence)] == want
