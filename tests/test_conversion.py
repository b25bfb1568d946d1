"""Conversions: a figure restated in another unit in the bracket right after it ("100F (37.8C)",
"$10bn (£8.2bn)") is linked as a repeated figure, and the conversion check fires when the two
cannot agree: past the printed rounding for physical units, outside any 2000-2030 rate for money."""

from __future__ import annotations

import json

import pytest
from _cli import numcheck

import numcheck as package


def alarms(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in package.check(text).findings if f.severity in ("warning", "error")]


@pytest.mark.parametrize("text", [
    "Temperatures in the valley reached 100F (37.8C) on Monday.",
    "Temperatures in the valley reached 100F (37C) on Monday.",  # the decimal cut off
    "Scientists said warming beyond 1.5C (2.7F) would be dangerous.",  # a difference, not a level
    "The pass is 100km (60 miles) from the coast.",  # rounded to the last non-zero digit
    "The relief road will be 12km (7.5 miles) long.",
    "The tank holds 20 gallons (91 litres) of water.",  # an imperial gallon
    "Forecasters expect 2-4 inches (5-10cm) of rain on the hills.",
    "The miner agreed to pay $10bn (£8.2bn) for the copper mine.",
    "Profits at the carmaker reached €1.1bn (£930m; $1.2bn) in the half year.",
    "The bookseller asked 20,000 rupees (£75) for each copy.",  # rupees of several countries
    "A bag of rice cost 100 Egyptian pounds ($5) last week.",  # not sterling
])
def test_a_conversion_that_agrees_is_silent(text: str) -> None:
    assert alarms(text) == []


@pytest.mark.parametrize(("text", "rule", "severity"), [
    ("Temperatures in the valley reached 100F (47C) on Monday.", "converted-figure", "warning"),
    ("The relief road will be 12km (17.5 miles) long.", "converted-figure", "warning"),
    ("Forecasters expect 2-4 inches (15-20cm) of rain on the hills.", "converted-figure", "warning"),
    ("The miner agreed to pay $10bn (£8.2m) for the copper mine.", "converted-money", "error"),
    ("Profits at the carmaker reached €1.1bn (£93m) in the half year.", "converted-money", "error"),
    ("The state will spend A$640m (£35m) on road repairs.", "converted-money", "error"),
])
def test_a_conversion_that_cannot_agree_fires(text: str, rule: str, severity: str) -> None:
    assert alarms(text) == [(rule, severity)]


def test_the_message_names_both_figures_and_the_converted_value_or_rate() -> None:
    physical = package.check("Temperatures in the valley reached 100F (47C) on Monday.").findings[0]
    assert "'100F'" in physical.message and "'47C'" in physical.message and "37.78" in physical.message
    money = package.check("The miner agreed to pay $10bn (£8.2m) for the copper mine.").findings[0]
    assert "'$10bn'" in money.message and "'£8.2m'" in money.message and "0.00082 GBP per dollar" in money.message


@pytest.mark.parametrize("text", [
    "Turnover at the brewer reached £4.2bn (up 6%) while costs rose to $3.9bn.",
    "The riders face 31 miles (the hilliest stage of the tour) on Friday.",
    "The studio spent $45m (2019) on its previous thriller.",
    "The charity raised $6m in Canada and £4m in Scotland last winter.",
    "The bidder values the grocer at £2.8bn ($3.50 a share) including debt.",
    "The keeper stands 6ft 4in (1.93m) and rarely misses a cross.",
])
def test_a_bracket_that_is_no_conversion_is_not_linked(text: str) -> None:
    report = package.check(text)
    assert [r for r in report.relations if r.cue == "converted in brackets"] == []


def test_the_command_fires_on_a_wrong_conversion_and_not_on_a_right_one(tmp_path) -> None:
    (tmp_path / "wrong.txt").write_text("Heat in the valley reached 100F (47C) as the miner paid $10bn (£8.2m).\n",
                                        encoding="utf-8")
    (tmp_path / "right.txt").write_text("Heat in the valley reached 100F (37.8C) as the miner paid $10bn (£8.2bn).\n",
                                        encoding="utf-8")
    done = numcheck("check", "wrong.txt", "right.txt", "--format", "json", "--fail-on", "error", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
    assert sorted(x["rule"] for x in files["wrong.txt"]["findings"]) == ["converted-figure", "converted-money"]
    assert files["right.txt"]["findings"] == []
    right = numcheck("check", "right.txt", "--fail-on", "warning", cwd=tmp_path)
    assert right.returncode == 0, right.stdout + right.stderr


def test_a_currency_sign_with_a_country_letter_glued_before_is_not_judged_as_the_usual_dollar() -> None:
    """"Z$50bn ($100m)": the Zimbabwe dollar is read as a plain dollar; no band may judge it."""
    for text in ("The bill was Z$50bn ($100m) last year.", "A ticket cost Mex$200 (£8) at the gate."):
        assert not [f for f in package.check(text).findings if f.rule.startswith("converted")]
