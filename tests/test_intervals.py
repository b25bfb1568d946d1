from __future__ import annotations

import math

from _claimkit import make_claim

from numcheck.intervals import Interval, format_number, format_percent, of_claim, total


def test_arithmetic_holds_every_value_the_operands_allow():
    a, b = Interval(2, 3), Interval(-1, 4)
    assert a + b == Interval(1, 7)
    assert a - b == Interval(-2, 4)
    assert a * b == Interval(-3, 12)
    assert -a == Interval(-3, -2)
    assert Interval(84, 84) / Interval(111.5, 112.5) == Interval(84 / 112.5, 84 / 111.5)


def test_division_by_an_interval_holding_zero_allows_anything():
    result = Interval(1, 2) / Interval(-1, 1)
    assert result.low == -math.inf and result.high == math.inf


def test_overlap_counts_touching_ends_and_float_noise():
    assert Interval(0.1 + 0.2, 1).overlaps(Interval(0, 0.3))
    assert Interval(63.5, 64.5).overlaps(Interval(64.5, 70))
    assert not Interval(63.5, 64.5).overlaps(Interval(64.6, 70))
    assert Interval(5, 6).is_above(Interval(1, 4.9))
    assert not Interval(5, 6).is_above(Interval(1, 5))
    assert Interval(1, 2).is_below(Interval(3, 4))


def test_three_rounded_thirds_may_sum_to_100():
    assert total([Interval(32.5, 33.5)] * 3).contains(100)
    assert not total([Interval(54.5, 55.5), Interval(37.5, 38.5), Interval(11.5, 12.5)]).contains(100)


def test_of_claim_uses_the_extractors_interval():
    claim = make_claim("c1", 4.3e6, precision=0.1e6)
    assert of_claim(claim) == Interval(4.25e6, 4.35e6)
    assert of_claim(make_claim("c2", 40, "percent", qualifier="approx")).low < 39.5


def test_formatting_reads_like_an_article():
    assert format_number(2_900_000) == "2.9 million"
    assert format_number(211) == "211"
    assert format_number(0.3333, 2) == "0.33"
    assert format_percent(211 / 300 * 100) == "70.3%"
    assert format_percent(-40, sign=True) == "-40.0%"
