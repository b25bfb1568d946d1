"""Units a sentence states once for two figures, and fiscal years that are not figures.

Business copy names a currency or a unit once and leaves it off the figure it is compared with:
"77m euros, up from 38m", "from six months to nine". Reading the bare figure as a plain count (or
"38m" as 38 metres) would hide the comparison from every check.
"""

from __future__ import annotations

import pytest

import numcheck


def claim(text: str, printed: str) -> tuple[str, float]:
    found = next(c for c in numcheck.extract(text) if c.text.startswith(printed))
    return found.unit, round(found.value, 6)


@pytest.mark.parametrize(("text", "printed", "expected"), [
    ("Profit was 77m euros (£53m; $100m), up from 38m in the same period.", "38m", ("EUR", 38e6)),
    ("Net income was 4.3bn rupees ($98m), against 2.7bn a year earlier.", "2.7bn", ("INR", 2.7e9)),
    ("The budget rises to 1,546 trillion rials from the previous year's 1,070 trillion.", "1,070", ("IRR", 1.07e15)),
    # Something named after the bare figure is what it counts, whatever the sentence compared.
    ("Turnover was £3m, compared with 2m customers a year ago.", "2m", ("count", 2e6)),
    # "won" is a verb here, not Korean money, so the "m" stays a metre.
    ("She won the 400m after trailing from 100m out.", "100m", ("metre", 100)),
])
def test_a_compared_sum_takes_the_currency_it_is_compared_with(text: str, printed: str,
                                                               expected: tuple[str, float]) -> None:
    assert claim(text, printed) == expected


@pytest.mark.parametrize(("text", "printed", "expected"), [
    ("It will extend paid leave from six months to nine, the minister said.", "nine", ("month", 9)),
    ("Waiting times rose from 20 to 30 minutes.", "20", ("minute", 20)),
    ("The firm lifted the payout from 55 to 70 cents.", "55", ("USD", 0.55)),
    ("Staff numbers grew from 20 to 30 people.", "20", ("count", 20)),
])
def test_a_from_to_pair_names_its_unit_once(text: str, printed: str, expected: tuple[str, float]) -> None:
    assert claim(text, printed) == expected


def test_a_fiscal_year_is_not_a_figure() -> None:
    text = "He forecast growth of 7.1% in 2005-6, up from 6.7%, and a deficit in 2004/05."
    assert [c.text for c in numcheck.extract(text)] == ["7.1%", "6.7%"]
    report = numcheck.check(text)
    assert [r.kind for r in report.relations] == ["change"]


@pytest.mark.parametrize(("text", "expected"), [
    # A stated change then the new level is two figures, not a range.
    ("The jobless total rose by 45,000 to 1.6 million.", [("45,000", "number"), ("1.6 million", "number")]),
    ("Claimants fell 11,000 to 813,200 in May.", [("11,000", "number"), ("813,200", "number")]),
    ("Sales of 30 to 40 cars a week are expected.", [("30 to 40", "range")]),
])
def test_a_change_then_a_level_is_not_a_range(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.text, c.kind) for c in numcheck.extract(text)] == expected


def test_pence_are_money_and_evening_times_are_not() -> None:
    found = [(c.text, c.unit, round(c.value, 4)) for c in numcheck.extract("Shares rose 4p to 274.5p at 9p.m.")]
    assert found == [("4p", "GBP", 0.04), ("274.5p", "GBP", 2.745)]


def test_a_unit_span_stops_before_the_full_stop() -> None:
    texts = [c.text for c in numcheck.extract("Output rose to 40 tonnes. The car reached 120 km/h.")]
    assert texts == ["40 tonnes", "120 km/h"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Wales won the Six Nations for the first time since 1994.", []),
    ("The Big Four firms audit 500 companies.", ["500"]),
    ("Nineteen Republicans voted against the bill.", ["Nineteen"]),  # a sentence's first capital says nothing
])
def test_a_capitalised_number_word_inside_a_name_is_not_a_figure(text: str, expected: list[str]) -> None:
    assert [c.text for c in numcheck.extract(text)] == expected


@pytest.mark.parametrize(("text", "printed", "expected"), [
    ("The minimum age of 21 for a candidate would be reduced to 18.", "18", ("year", 18)),
    ("The 30 mph limit on the road will be cut to 20.", "20", ("mile per hour", 20)),
    ("He scored 3 goals and the total rose to 5 of them.", "5", ("count", 5)),
])
def test_a_figure_changed_to_a_bare_number_keeps_its_unit(text: str, printed: str,
                                                          expected: tuple[str, float]) -> None:
    assert claim(text, printed) == expected


@pytest.mark.parametrize(("text", "printed", "value"), [
    ("Almost a quarter of a million consumers complained.", "a quarter of a million", 250_000),
    ("Half a million people marched.", "Half a million", 500_000),
    ("Half a dozen eggs broke.", "Half a dozen", 6),
])
def test_a_fraction_of_a_scale_word_is_a_count(text: str, printed: str, value: float) -> None:
    found = next(c for c in numcheck.extract(text) if c.text == printed)
    assert (found.kind, found.value) == ("number", value)


def test_a_unit_quantulum3_reads_as_dimensionless_is_no_unit() -> None:
    # Found by hypothesis: "tonnes-0" resolved to quantulum3's empty unit, which the JSON schema refuses.
    assert [c.unit for c in numcheck.extract("0 tonnes-0 ")] == ["count"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Call 555-123-4567 before noon.", []),
    ("On 2019-03-04 the team won 5-4.", ["5", "4"]),
    ("Voters aged 18-24 and 25-34 were asked.", ["18-24", "25-34"]),
])
def test_a_chain_of_dashed_digits_is_a_date_or_a_code_but_one_dash_is_a_range(text: str,
                                                                              expected: list[str]) -> None:
    assert [c.text for c in numcheck.extract(text)] == expected
