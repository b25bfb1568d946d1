"""Change links in the shapes business copy uses, end to end on text we wrote.

Each shape is tested three ways: the consistent sentence links the right figures in the right roles,
a broken copy (one figure or one direction word changed) raises a change finding, and a trap that
looks alike but says nothing checkable stays silent.
"""

from __future__ import annotations

import numcheck
from numcheck.model import Report

CHECKER = numcheck.Checker()


def changes(text: str) -> list[dict[str, str]]:
    """Each change relation as {role: printed figure}, plus its direction."""
    report = CHECKER.check(text)
    claims = {c.id: c for c in report.claims}
    out = []
    for relation in report.relations:
        if relation.kind == "change":
            found = {role: claims[cid].text for cid, role in zip(relation.claims, relation.roles, strict=True)}
            found["direction"] = relation.direction
            out.append(found)
    return out


def alarms(text: str) -> list[str]:
    report: Report = CHECKER.check(text)
    return [f.rule for f in report.findings if f.severity in ("warning", "error")]


def test_stated_change_between_new_and_old_value() -> None:
    text = "Annual revenue at the brewer was 12bn euros, up 9.1% from 11bn euros in 2023."
    assert changes(text) == [{"old": "11bn euros", "new": "12bn euros", "change": "9.1%", "direction": "up"}]
    assert alarms(text) == []
    assert alarms(text.replace("9.1%", "19.1%")) == ["change-arithmetic"]
    assert alarms(text.replace("up 9.1%", "down 9.1%")) == ["change-arithmetic"]


def test_absolute_change_between_new_and_old_value_through_a_conversion() -> None:
    text = "The carmaker's truck arm made a profit of $910m (£700m), a $540m improvement from $370m a year ago."
    assert changes(text) == [{"old": "$370m", "new": "$910m", "change": "$540m", "direction": ""}]
    assert alarms(text) == []
    assert alarms(text.replace("$540m improvement", "$740m improvement")) == ["change-arithmetic"]


def test_a_percentage_after_a_sum_that_is_not_its_change_does_not_link() -> None:
    # "12% of ..." is a share, not a change: no "up"/"a rise of" before it.
    text = "The fund holds $4bn, 12% of which came from $3bn raised last year."
    assert changes(text) == []


def test_the_verb_nearest_the_figures_governs_when_the_clause_says_both_ways() -> None:
    text = "The budget's tax cuts reach firms and families, raising the threshold from 30% to 32%."
    assert changes(text) == [{"old": "30%", "new": "32%", "direction": "up"}]
    assert alarms(text) == []
    # Printed to the same digit, 32% and 31% keep their order, so "raising" to a lower figure is wrong.
    assert alarms(text.replace("from 30% to 32%", "from 32% to 31%")) == ["change-arithmetic"]


def test_nouns_alone_leave_the_direction_unknown() -> None:
    # "cuts" names what is counted, "rise" what happened to it: no verb form to go by, so no alarm.
    text = "The report shows a rise in job cuts from 500 to 700 across the sector."
    assert alarms(text) == []


def test_a_lifted_payment_is_a_rise() -> None:
    text = "The exchange will lift its dividend to 70 cents a share from 55 cents a year earlier."
    assert changes(text)[0]["direction"] == "up"
    assert alarms(text.replace("to 70 cents", "to 45 cents")) == ["change-arithmetic"]


LEAD = (
    "Brewer cuts dividend\n\n"
    "The brewer has said it will raise its dividend payment by 25%.\n\n"
    "The board met on Monday. Analysts welcomed the decision. Trading was calm. Shares were flat.\n\n"
    "The group said it would lift its dividend payment to 50 cents a share from 40 cents a year earlier.\n"
)


def test_a_change_stated_in_the_lead_holds_the_figures_given_later() -> None:
    found = changes(LEAD)
    assert found == [{"old": "40 cents", "new": "50 cents", "change": "25%", "direction": "up"}]
    assert alarms(LEAD) == []
    assert alarms(LEAD.replace("by 25%", "by 45%")) == ["change-arithmetic"]


def test_a_lead_change_needs_more_than_one_shared_word_to_reach_far() -> None:
    text = (
        "Shoppers spend more\n\n"
        "Consumers raised their spending by 1.5% in March, official figures showed.\n\n"
        "Retail sales were strong. Car sales were weak. Energy use fell. Rents were flat.\n\n"
        "In a separate survey, consumer confidence rose to 104.4 from 103.3 in the same month.\n"
    )
    assert changes(text) == [{"old": "103.3", "new": "104.4", "direction": "up"}]


def test_one_stated_change_describes_one_pair_only() -> None:
    text = (
        "Car profits slide\n\n"
        "The carmaker saw its net profits fall 40% in the final quarter.\n\n"
        "The group earned $600m in the quarter, down from $1bn a year earlier. Excluding one-off items, "
        "income from continuing operations was $550m, down from $800m a year earlier.\n"
    )
    found = changes(text)
    assert {"old": "$1bn", "new": "$600m", "change": "40%", "direction": "down"} in found
    assert [f for f in found if "change" in f and f["new"] == "$550m"] == []
    assert alarms(text) == []


def test_profit_earnings_and_income_name_one_measure() -> None:
    text = (
        "Brewer's profits drop\n\n"
        "The brewer saw its annual profits drop 30%, hit by a wet summer.\n\n"
        "Its net income fell to 700m euros during the year, from 1bn euros a year ago.\n"
    )
    assert changes(text) == [{"old": "1bn euros", "new": "700m euros", "change": "30%", "direction": "down"}]
    assert alarms(text) == []
    assert alarms(text.replace("drop 30%", "drop 60%")) == ["change-arithmetic"]


def test_but_then_a_verb_keeps_the_subject() -> None:
    text = "Growth would reach 4.2% this year, but slow to 3.1% next year, the bank said."
    assert changes(text) == [{"old": "4.2%", "new": "3.1%", "direction": "down"}]
    assert alarms(text.replace("but slow", "but rise")) == ["change-arithmetic"]


def test_but_then_a_new_subject_is_another_measure() -> None:
    text = "Exports grew to 4.2% of output, but imports slowed to 3.1% of output."
    assert changes(text) == []


def test_a_pronoun_opening_the_next_sentence_carries_the_old_value() -> None:
    text = "The operator's debt peaked at 68bn euros in 2002. However, this has now been cut to 41.5bn euros."
    assert changes(text) == [{"old": "68bn euros", "new": "41.5bn euros", "direction": "down"}]
    assert alarms(text) == []
    assert alarms(text.replace("been cut", "been raised")) == ["change-arithmetic"]


def test_a_new_subject_opening_the_next_sentence_is_not_the_old_value() -> None:
    text = "The operator's debt peaked at 68bn euros in 2002. Its rival's debt has now been cut to 41.5bn euros."
    assert changes(text) == []


def test_a_difference_stated_between_two_sums() -> None:
    text = "Borrowing for the year was £31bn - £3.5bn less than the £34.5bn forecast in the spring."
    assert changes(text) == [{"old": "£34.5bn", "new": "£31bn", "change": "£3.5bn", "direction": "down"}]
    assert alarms(text) == []
    assert alarms(text.replace("£3.5bn less", "£7bn less")) == ["change-arithmetic"]


def test_a_change_named_as_a_noun_points_back_at_the_new_value() -> None:
    text = ("The ministry expects growth to slow to 1.4% next year. While it sees this fall from the current "
            "2.2% rate, it says prices are stable.")
    assert changes(text) == [{"old": "2.2%", "new": "1.4%", "direction": "down"}]
    assert alarms(text) == []
    # The verb and the noun now disagree, so one of them contradicts the figures.
    assert alarms(text.replace("slow to", "rise to")) == ["change-arithmetic"]


def test_a_figure_compared_with_a_forecast_then_with_its_earlier_value() -> None:
    text = ("The group reported a gross margin of 41.2%, less than the 42.5% forecast by analysts and down "
            "from 43.1% a year earlier.")
    assert changes(text) == [{"old": "43.1%", "new": "41.2%", "direction": "down"}]
    assert alarms(text) == []
    assert alarms(text.replace("and down from", "and up from")) == ["change-arithmetic"]


def test_a_forecast_alone_is_not_an_earlier_value() -> None:
    text = "The group reported a gross margin of 41.2%, less than the 42.5% forecast by analysts."
    assert changes(text) == []


# --- branch change: rounding, and stated changes that belong to another measure --------------------


def test_a_stated_change_cut_at_its_last_digit_holds() -> None:
    # 410 to 1,799 is +338.8%: writers often drop the decimals of a computed rise rather than round.
    text = "The number of cases handled by the clinic jumped 338% from 410 in 2008 to 1,799 in 2021."
    assert alarms(text) == []
    assert alarms(text.replace("338%", "328%")) == ["change-arithmetic"]


def test_round_thousands_are_read_to_two_figures_but_no_looser() -> None:
    # £7,000 to £19,000 is +171.4%, and the unrounded bills easily give 176%.
    text = "Her yearly gas bill shot up by 176%, from £7,000 to £19,000."
    assert alarms(text) == []
    # Two significant figures, not the nearest thousand: 2,000 to 3,000 can never be up 8%.
    assert alarms("Visitor numbers rose 8% from 2,000 to 3,000.") == ["change-arithmetic"]


def test_a_stated_change_with_its_own_level_sizes_no_pair_elsewhere() -> None:
    # The 27% has its own level (an average of £2.1m): it is the pay's rise, not the pay ratio's.
    text = ("Union study of 40 lenders finds bosses' pay soaring\n\n"
            "Bosses of the big banks saw their pay climb by 27% to an average of £2.1m, the study found.\n\n"
            "The rise in pay means the typical boss now earns 96 times the pay of a cashier, up from 81 times in 2020.")
    assert changes(text) == [{"old": "81", "new": "96", "direction": "up"}]
    assert alarms(text) == []


def test_a_stated_change_that_names_another_measure_sizes_no_pair() -> None:
    text = ("The wardens logged a 64% increase in moth species visiting the plot since it was sown.\n\n"
            "All species records from the plot have climbed from 210 to 590 since the work ended.")
    assert changes(text) == [{"old": "210", "new": "590", "direction": "up"}]
    assert alarms(text) == []


def test_a_stated_change_that_names_the_pair_s_measure_still_sizes_it() -> None:
    text = ("The chain reported a 30% drop in profits.\n\n"
            "It made a profit of £70m, compared with £100m a year earlier.")
    assert changes(text) == [{"old": "£100m", "new": "£70m", "change": "30%", "direction": "down"}]
    assert alarms(text.replace("30% drop", "50% drop")) == ["change-arithmetic"]


def _figure_roles(text: str) -> dict[str, bool]:
    """Each figure of ``text`` and whether the clause view takes it for a level of some measure."""
    from numcheck.document import read_document
    from numcheck.relate.clause import ClauseView, is_level

    claims = sorted(CHECKER.check(text).claims, key=lambda c: c.start)
    view = ClauseView(read_document(text), claims)
    return {c.text: is_level(view, c) for c in view.figures}


def test_figures_that_are_no_level() -> None:
    assert _figure_roles("Two years later the total was 40 tonnes.") == {"Two years": False, "40 tonnes": True}
    assert _figure_roles("Waits grew from four weeks to six weeks.") == {"four weeks": True, "six weeks": True}
    # since the extraction round, "Line 1" is refused as a numbered name before linking sees it
    assert "1" not in _figure_roles("Gas via Line 1 fell to 9 million tonnes.")
    assert _figure_roles("Only 40 staff stayed on.")["40"] is True  # a sentence's first word is no name
    assert _figure_roles("They moved from 138 for one to 210 runs.")["138"] is False
    assert _figure_roles("Values fell a further 0.9% in July.")["0.9%"] is False


# --- compare: old values introduced by a comparison -------------------------------------------------

def test_a_comparative_against_last_year_holds_its_direction() -> None:
    text = "The share of passes now stands at 71.2% – lower than last year's 76.5%."
    assert changes(text) == [{"old": "76.5%", "new": "71.2%", "direction": "down"}]
    assert alarms(text) == []
    assert alarms(text.replace("76.5%", "66.5%")) == ["change-arithmetic"]


def test_that_was_up_on_points_back_at_the_sentence_before() -> None:
    text = ("In 2023, 4.2 million households paid by direct debit. "
            "That was up sharply on the 3.1 million households the year before.")
    assert changes(text) == [{"old": "3.1 million", "new": "4.2 million", "direction": "up"}]
    assert alarms(text) == []
    assert alarms(text.replace("up sharply", "down sharply")) == ["change-arithmetic"]


def test_an_increase_on_a_previous_estimate_and_a_multiple_of_a_year_earlier() -> None:
    text = "The cap will climb to £2,950 a year, an increase on its previous estimate of £2,710."
    assert changes(text) == [{"old": "£2,710", "new": "£2,950", "direction": "up"}]
    assert alarms(text.replace("an increase on", "a fall on")) == ["change-arithmetic"]
    tripled = "The miner made a profit of $6.1bn in the half, triple the $2bn a year earlier."
    assert alarms(tripled) == []
    assert alarms(tripled.replace("$6.1bn", "$9.1bn")) == ["change-arithmetic"]
    # "nearly triple" states the direction only: no factor to hold the figures to.
    assert alarms(tripled.replace("triple", "nearly triple").replace("$6.1bn", "$5.1bn")) == []


def test_compared_with_an_earlier_level_states_no_direction() -> None:
    # Without a word of direction the comparison only pairs the figures: either order is honest.
    text = "From March a day pass will cost £4.20, compared with the current price of £6.50."
    assert changes(text) == [{"old": "£6.50", "new": "£4.20", "direction": ""}]
    assert alarms(text.replace("£4.20", "£8.20")) == []
    # A current level against a past one is not the old value.
    assert changes("Last year the ticket rose to £9, compared with the current price of £11.") == []


def test_a_compared_figure_and_the_drop_after_it() -> None:
    text = "School enrolment was 52,000, compared with 54,100 last year, a 3.9% drop."
    assert alarms(text) == []
    assert alarms(text.replace("3.9%", "9.9%")) == ["change-arithmetic"]


def test_a_verb_says_nothing_about_a_figure_against_an_earlier_estimate() -> None:
    # "slowed" is how growth moved, not how 3.1% stands against the old estimate: no direction is read.
    text = "Growth slowed to 3.1%, compared with a previous estimate of 2.8%."
    assert changes(text) == [{"old": "2.8%", "new": "3.1%", "direction": ""}]
    assert alarms(text) == []
