"""Restated figures linked by what they say, not by being equal.

A slip changes one of two statements of a figure, so a linker that pairs only equal values never
sees one. These cases are the shapes ``numcheck.relate.repeated_figure`` reads without comparing
values (a title and its lede, one sum with another scale word, a sentence stated again, the only two counts of a thing,
the only two shares of one base), each with the slip it must catch and a consistent trap it must
leave alone. All the text is ours.
"""

from __future__ import annotations

import pytest

import numcheck
from numcheck.model import Report


def _report(text: str) -> Report:
    return numcheck.check(text)


def repeats(text: str) -> list[tuple[str, str]]:
    """The repeated_figure pairs, by surface, in role order (first, second)."""
    report = _report(text)
    claims = {c.id: c for c in report.claims}
    return [tuple(claims[i].text for i in r.claims) for r in report.relations if r.kind == "repeated_figure"]


def alarms(text: str) -> list[str]:
    return [f.rule for f in _report(text).findings if f.severity in ("warning", "error")]


# --- a title restated in the lede ------------------------------------------------------------------

TITLE = ("Harbour repairs to cost Velmora $2.6bn\n\nThe island of Velmora faces a {lede} bill for rebuilding its "
         "harbour after the storm, officials said.\n")


def test_title_figure_links_to_its_lede_restatement_without_shared_words() -> None:
    assert ("$2.6bn", "$2.6bn") in repeats(TITLE.format(lede="$2.6bn"))
    assert alarms(TITLE.format(lede="$2.6bn")) == []


@pytest.mark.parametrize(("lede", "rule"), [("$2.6m", "repeated-money-scale"), ("$1.3bn", "repeated-figure")])
def test_title_figure_contradicted_by_the_lede_is_flagged(lede: str, rule: str) -> None:
    """A scale slip of money is an error of its own rule; any other slip a repeated-figure warning."""
    assert ("$2.6bn", lede) in repeats(TITLE.format(lede=lede))
    assert alarms(TITLE.format(lede=lede)) == [rule]


def test_title_percent_restated_as_a_verb_in_the_lede() -> None:
    text = ("Tarnland growth at 6.4% in 2004\n\nTarnland's economy grew by 3.2% in 2004, its fastest pace "
            "in a decade, the statistics office said.\n")
    assert ("6.4%", "3.2%") in repeats(text)
    assert "repeated-figure" in alarms(text)


def test_title_rounding_a_lede_figure_is_silent() -> None:
    text = ("Britain pledges £1bn to malaria fund\n\nThe chancellor has offered £960m over ten years to a "
            "scheme that buys bed nets and drugs.\n")
    assert ("£1bn", "£960m") in repeats(text)
    assert alarms(text) == []


def test_lede_with_two_candidate_figures_and_no_shared_subject_is_not_guessed() -> None:
    text = ("Rail firm shares slide 8%\n\nA rail operator said fares would rise 4% while its costs grew 5% "
            "in the year.\n")
    assert not any(first == "8%" for first, _ in repeats(text))
    assert alarms(text) == []


# --- restatements read from their wording, each with its slip and its consistent version ----------------

#: id -> (text with one {} slot, the figure as first stated, the slip, the pair linked on the slip)
SLIPS = {
    # one sum printed with another scale word
    "same-digits-another-scale-word": (
        "The council has set up a £300m fund for flood defences along the river. Ministers welcomed the "
        "scheme. The {} plan will pay for new walls and pumps.\n",
        "£300m", "£300bn", ("£300m", "£300bn")),
    # a sentence stated again around the same figures: the slot after "cost"
    "sentence-stated-again": (
        "A think tank says cutting the basic rate from 22% to 20% would cost £4bn a year. Its director "
        "said: \"Going from 22% to 20% would cost about {} a year, which the Treasury can afford.\"\n",
        "£4bn", "£2bn", ("£4bn", "£2bn")),
}


#: The only two counts (or shares of one base) of a thing in an article, described alike, are not
#: linked: on news from other outlets they were two different figures more often than one figure
#: restated ("six gold medals" behind, "eight gold medals" won; a £650 payment and the £400 one).
LONE_PAIRS = (
    "The carrier has ordered 40 aircraft in a deal that should bring 1,800 new cabin jobs. Delivery "
    "starts next spring. About 900 new jobs will be created over six years, it added.\n",
    "The minister wants every rich nation to match his goal of spending 0.7% of national income. "
    "Decades ago, donor governments agreed to spend 0.3% of their incomes on aid, the charity said.\n",
)


@pytest.mark.parametrize("text", LONE_PAIRS)
def test_the_only_two_counts_of_a_thing_are_not_taken_for_one(text: str) -> None:
    assert repeats(text) == []
    assert alarms(text) == []


@pytest.mark.parametrize(("text", "stated", "slip", "pair"), SLIPS.values(), ids=SLIPS.keys())
def test_a_restatement_links_whatever_its_value_and_only_the_slip_fires(
        text: str, stated: str, slip: str, pair: tuple[str, str]) -> None:
    assert pair in repeats(text.format(slip))
    assert {"repeated-figure", "repeated-money-scale"} & set(alarms(text.format(slip)))
    assert alarms(text.format(stated)) == []


def test_title_figure_restated_exactly_further_down_is_not_paired_with_another_lede_figure() -> None:
    text = ("Carmaker sales up 12%\n\nThe carmaker said its output rose 7% in the year to March. It opened "
            "two plants. Sales were up 12%, lifted by demand in Asia.\n")
    assert ("12%", "7%") not in repeats(text)
    assert alarms(text) == []


def test_a_sum_written_out_beside_a_scaled_one_is_not_a_slip() -> None:
    text = ("The state pledged 100bn rupees ($2.3bn) for relief. It also raised the tax-free allowance "
            "to 100,000 rupees ($2,300) a year.\n")
    assert ("$2.3bn", "$2,300") not in repeats(text)
    assert alarms(text) == []


# --- consistent traps: two facts, however alike --------------------------------------------------------

TRAPS = {
    "title-and-lede-change-different-measures":
        "Dockside shares fall 12%\n\nThe board of Dockside said rents fell 30% over the year.\n",
    "title-and-lede-different-years":
        "Exports grow 9% in 2004\n\nExports grew 6% in 2003, the trade ministry said on Monday.\n",
    "same-digits-different-places":
        "A £40m stadium is planned in Leeds, the club said. Separately, a £40bn rail line was approved "
        "in Bristol on Monday.\n",
    "echo-with-another-verb-in-the-slot":
        "A think tank says cutting the basic rate from 22% to 20% would cost £4bn a year. Going from "
        "22% to 20% would also raise £2bn in new spending, it said.\n",
    "bare-scores-never-anchor":
        "Kowalski won 6-4 6-3 3-6 6-3 in the first round. Her sister went through 6-4 6-3 4-6 6-1 on "
        "Tuesday.\n",
    "only-two-counts-different-places":
        "The bank will add 300 new jobs in Cardiff, it said. It will also add 120 new jobs in Swansea.\n",
    "third-count-makes-pair-ambiguous":
        "The plant will create 500 new jobs. A supplier adds 200 new jobs. In all, 650 new jobs are "
        "expected, the council said.\n",
    "increment-is-another-figure":
        "The firm hired 250 extra staff in March. It now plans to take on 100 extra staff.\n",
    "shares-of-a-total-are-parts":
        "Card fraud made up 16% of the total, the regulator said. Loan fraud made up 11% of the total, "
        "it added.\n",
    "equal-changes-opposite-directions":
        "Sales at hardware stores dropped by 0.3% in May, the survey found. Sales at garden centres "
        "rose by 0.3% over the month.\n",
}


@pytest.mark.parametrize("text", TRAPS.values(), ids=TRAPS.keys())
def test_consistent_traps_stay_unlinked_and_silent(text: str) -> None:
    assert repeats(text) == []
    assert alarms(text) == []


# --- an opening rounds its figure (issue 11) ----------------------------------------------------------
OPENING_ROUNDINGS = {
    "rounded-count": ("Regulator receives 1,500 complaints about quiz show\n\nViewers have sent 1,509 "
                      "complaints to the regulator about the quiz show.\n", []),
    "rounded-down-lower-bound": ("42,000 pupils miss first choice of school\n\nMore than 42,480 pupils missed "
                                 "their first choice of school this year, figures show.\n", []),
    "beyond-rounding": ("Regulator receives 1,500 complaints about quiz show\n\nViewers have sent 1,709 "
                        "complaints to the regulator about the quiz show.\n", ["repeated-figure"]),
    "one-significant-digit": ("Council to sell 3,000 homes\n\nThe council will sell 3,400 homes to "
                              "housing associations, it said.\n", ["repeated-figure"]),
}


@pytest.mark.parametrize(("text", "expected"), OPENING_ROUNDINGS.values(), ids=OPENING_ROUNDINGS.keys())
def test_a_round_opening_figure_is_the_body_figure_rounded(text: str, expected: list[str]) -> None:
    """The title's round figure stays linked to the lede's exact one, and fires only past its rounding."""
    assert len(repeats(text)) == 1
    assert alarms(text) == expected
