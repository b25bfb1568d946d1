"""1 MB adversarial articles: each is checked within two minutes and yields only sane claims.

The timeout is deliberately generous: the densest input ("5%%" repeated, 333,000 claims in 1 MB)
takes about 30 s of honest linear work on one core, and a catastrophic regex or a quadratic loop
would take hours, so the test turns those into a failure instead of a hung CI job while a busy CI
machine stays well inside it. The real speed measure, time per claim against ordinary news, is
``benchmarks/bench_adversarial.py``.
"""

from __future__ import annotations

import math

import pytest
from _adversarial import ADVERSARIES, MEGABYTE

import numcheck
from numcheck.model import Report


@pytest.fixture(scope="module")
def checker() -> numcheck.Checker:
    return numcheck.Checker()


def assert_sane(report: Report, text: str) -> None:
    assert isinstance(report, Report)
    for claim in report.claims:
        assert 0 <= claim.start <= claim.end <= len(text), claim
        assert claim.text == text[claim.start : claim.end], claim
        assert math.isfinite(claim.value), claim
        assert claim.low <= claim.value <= claim.high, claim


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(ADVERSARIES))
def test_adversarial_input_is_checked(checker: numcheck.Checker, name: str) -> None:
    adversary = ADVERSARIES[name]
    text = adversary.build(MEGABYTE)
    assert MEGABYTE * 0.9 <= len(text) <= MEGABYTE * 1.1
    assert_sane(checker.check(text, source=f"{name}.{adversary.kind}", kind=adversary.kind), text)


def test_inputs_carry_the_numbers_they_promise() -> None:
    """Guard the guard: the inputs really hold many numbers, so a silent extractor cannot pass vacuously."""
    text = ADVERSARIES["numbers_one_sentence"].build(MEGABYTE)
    assert text.count(" cats") >= 99_000
    assert "." not in text
    assert "\n" not in ADVERSARIES["one_long_line"].build(MEGABYTE)


@pytest.mark.timeout(120)
def test_many_numbers_in_one_sentence_are_all_found(checker: numcheck.Checker) -> None:
    text = ADVERSARIES["numbers_one_sentence"].build(MEGABYTE // 10)
    report = checker.check(text, kind="text")
    assert len(report.claims) >= 9_000
    assert all(c.unit == "count" for c in report.claims[:100])


@pytest.mark.timeout(120)
def test_html_table_figures_point_into_the_original(checker: numcheck.Checker) -> None:
    text = ADVERSARIES["html_table"].build(MEGABYTE)
    report = checker.check(text, kind="html")
    assert_sane(report, text)
    assert any(c.text.startswith("1,240") and c.value == 1240 for c in report.claims)
