"""The linker on real sentences.

Every case runs twice: on hand-built claims (so the linking logic is tested whatever the extractor
does) and end to end on ``numcheck.extract`` (so the two stages agree). Expected relations name
their figures by surface, in role order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _claimkit import claims_in

import numcheck
from numcheck.document import read_document
from numcheck.model import Claim, Relation
from numcheck.relate import relate

N: dict[str, Any] = {}  # no extra fields


def count(value: float, noun: str | None = None, **kw: Any) -> dict[str, Any]:
    return {"value": value, "noun": noun, **kw}


def pct(value: float, **kw: Any) -> dict[str, Any]:
    return {"value": value, "unit": "percent", "precision": kw.pop("precision", 1.0), **kw}


# (text, hand-built claims as (surface, fields), expected relations as (kind, surfaces, roles, extras))
CASES = {
    "of-whole": (
        "Officials said 26 of 35 countries have signed the pact.",
        [("26", count(26, "country")), ("35", count(35, "country"))],
        [("part_of_whole", ("26", "35"), ("part", "whole"), {})],
    ),
    "of-the-whole": (
        "Air defences destroyed 84 of the 112 drones launched overnight.",
        [("84", count(84, "drone")), ("112", count(112, "drone"))],
        [("part_of_whole", ("84", "112"), ("part", "whole"), {})],
    ),
    "whole-named-earlier": (
        "A bloc of 40 nations met in Geneva on Monday. By evening, 41 of the nations had signed the declaration.",
        [("40", count(40, "nation")), ("41", count(41))],
        [("part_of_whole", ("41", "40"), ("part", "whole"), {})],
    ),
    "whole-with-a-plural-in-ses": (
        # One singular for extraction and linking: "cases" is "case" on both sides, never "cas".
        "Health officials reported 40 cases last week. Doctors said 32 of the cases were linked to the school.",
        [("40", count(40, "case")), ("32", count(32, "case"))],
        [("part_of_whole", ("32", "40"), ("part", "whole"), {})],
    ),
    "group-whole-then-count": (
        "A coalition of 35 countries met in Paris. Leaders said 26 countries would send troops.",
        [("35", count(35, "country")), ("26", count(26, "country"))],
        [("part_of_whole", ("26", "35"), ("part", "whole"), {})],
    ),
    "subset-verb-next-sentence": (
        "Overnight, Russia launched 112 missiles and decoy drones at the country. Air defences intercepted "
        "or jammed 84 drones, the air force said.",
        [("112", count(112, "drone")), ("84", count(84, "drone"))],
        [("part_of_whole", ("84", "112"), ("part", "whole"), {})],
    ),
    "subset-verb-larger-part": (
        "Russia launched 112 drones overnight. Air defences shot down 120 drones.",
        [("112", count(112, "drone")), ("120", count(120, "drone"))],
        [("part_of_whole", ("120", "112"), ("part", "whole"), {})],
    ),
    "breakdown-exhaustive": (
        "The ferry carried all 52 passengers to safety: 30 adults, 17 teenagers and seven infants.",
        [("52", count(52, "passenger")), ("30", count(30, "adult")), ("17", count(17, "teenager")),
         ("seven", count(7, "infant", precision=0))],
        [("sum_of_parts", ("30", "17", "seven", "52"), ("part", "part", "part", "total"), {"partial": False})],
    ),
    "breakdown-of-n": (
        "Of 230 missiles and drones fired at the city, 180 were shot down, 32 were jammed and 11 struck buildings.",
        [("230", count(230, "drone")), ("180", count(180)), ("32", count(32)), ("11", count(11, "building"))],
        [("sum_of_parts", ("180", "32", "11", "230"), ("part", "part", "part", "total"), {"partial": True})],
    ),
    "breakdown-including": (
        "The 40 victims included 25 women and 18 children.",
        [("40", count(40, "victim")), ("25", count(25, "woman")), ("18", count(18, "child"))],
        [("sum_of_parts", ("25", "18", "40"), ("part", "part", "total"), {"partial": True})],
    ),
    "percent-partition": (
        "In the referendum, 55% voted yes, 38% voted no and 12% abstained.",
        [("55%", pct(55)), ("38%", pct(38)), ("12%", pct(12))],
        [("sum_of_parts", ("55%", "38%", "12%"), ("part", "part", "part"), {})],
    ),
    "percent-of-or": (
        "The motion was carried by 211 of 300 delegates, or 64%.",
        [("211", count(211, "delegate")), ("300", count(300, "delegate")), ("64%", pct(64))],
        [("part_of_whole", ("211", "300"), ("part", "whole"), {}),
         ("percent_of", ("211", "300", "64%"), ("part", "whole", "percent"), {})],
    ),
    "percent-of-some": (
        "The storm cut power to 4,500 of 15,000 homes, some 40%.",
        [("4,500", count(4500, "home")), ("15,000", count(15000, "home")), ("40%", pct(40, qualifier="approx"))],
        [("part_of_whole", ("4,500", "15,000"), ("part", "whole"), {}),
         ("percent_of", ("4,500", "15,000", "40%"), ("part", "whole", "percent"), {})],
    ),
    "percent-of-whole-elsewhere": (
        "The firm employs 15,000 staff. It will cut 900 jobs, or 6% of its workforce.",
        [("15,000", count(15000, "staff")), ("900", count(900, "job")), ("6%", pct(6))],
        [("percent_of", ("900", "15,000", "6%"), ("part", "whole", "percent"), {})],
    ),
    "percent-of-small-whole": (
        "The plan was backed by 45% of the 9 committee members.",
        [("45%", pct(45)), ("9", count(9, "member"))],
        [("percent_of", ("9", "45%"), ("whole", "percent"), {})],
    ),
    "percent-of-named-group": (
        "A panel of 9 judges heard the appeal. In the end, 45% of the judges dissented.",
        [("9", count(9, "judge")), ("45%", pct(45))],
        [("percent_of", ("9", "45%"), ("whole", "percent"), {})],
    ),
    "never-percent-of-unintroduced-group": (
        "Nine judges signed the letter. In the end, 45% of the judges dissented.",
        [("Nine", count(9, "judge", precision=0)), ("45%", pct(45))],
        [],
    ),
    "fraction-then-count": (
        "The party won a quarter of the 80 seats, or 25.",
        [("a quarter", {"value": 0.25, "unit": "fraction", "precision": 0, "kind": "fraction"}),
         ("80", count(80, "seat")), ("25", count(25))],
        [("fraction_of", ("a quarter", "25", "80"), ("fraction", "part", "whole"), {})],
    ),
    "fraction-apposition": (
        "Two-thirds of the 60 staff, 40 people, signed the letter.",
        [("Two-thirds", {"value": 0.6667, "unit": "fraction", "precision": 0, "kind": "fraction"}),
         ("60", count(60, "staff")), ("40", count(40, "person"))],
        [("fraction_of", ("Two-thirds", "40", "60"), ("fraction", "part", "whole"), {})],
    ),
    "change-rose-from-to": (
        "Passenger numbers rose 8% from 2.5 million to 2.9 million.",
        [("8%", pct(8)), ("2.5 million", count(2.5e6, precision=1e5)), ("2.9 million", count(2.9e6, precision=1e5))],
        [("change", ("2.5 million", "2.9 million", "8%"), ("old", "new", "change"), {"direction": "up"})],
    ),
    "change-to-from": (
        "Revenue jumped 30% to $6.5bn from $5bn.",
        [("30%", pct(30)), ("$6.5bn", count(6.5e9, unit="USD", precision=1e8)),
         ("$5bn", count(5e9, unit="USD", precision=1e9))],
        [("change", ("$5bn", "$6.5bn", "30%"), ("old", "new", "change"), {"direction": "up"})],
    ),
    "change-direction-only": (
        "Car sales dropped to 87,000 from 81,000.",
        [("87,000", count(87000)), ("81,000", count(81000))],
        [("change", ("81,000", "87,000"), ("old", "new"), {"direction": "down"})],
    ),
    "change-multiplier": (
        "Applications tripled from 1,200 to 3,100.",
        [("1,200", count(1200)), ("3,100", count(3100))],
        [("change", ("1,200", "3,100"), ("old", "new"), {"direction": "up", "factor": 3.0})],
    ),
    "change-loose-multiplier": (
        "Applications nearly doubled from 1,200 to 2,200.",
        [("1,200", count(1200)), ("2,200", count(2200))],
        [("change", ("1,200", "2,200"), ("old", "new"), {"direction": "up", "factor": None})],
    ),
    "change-points": (
        "Unemployment fell 0.3 percentage points to 5.1% from 5.4%.",
        [("0.3 percentage points", count(0.3, unit="percentage_point", precision=0.1)),
         ("5.1%", pct(5.1, precision=0.1)), ("5.4%", pct(5.4, precision=0.1))],
        [("change", ("5.4%", "5.1%", "0.3 percentage points"), ("old", "new", "change"), {"direction": "down"})],
    ),
    "change-down-from": (
        "Turnout was 65.8%, down from 67.4% at the last vote.",
        [("65.8%", pct(65.8, precision=0.1)), ("67.4%", pct(67.4, precision=0.1))],
        [("change", ("67.4%", "65.8%"), ("old", "new"), {"direction": "down"})],
    ),
    "repeated-back-reference": (
        "Eighteen members backed the motion on Tuesday. On Friday the 17 members who backed it met again.",
        [("Eighteen", count(18, "member", precision=0)), ("17", count(17, "member"))],
        [("repeated_figure", ("Eighteen", "17"), ("first", "second"), {})],
    ),
    "repeated-scale-slip": (
        "The ministry signed a 2.4 billion dollar contract with the builder. Critics said the $2.4 million "
        "contract was rushed.",
        [("2.4 billion dollar", count(2.4e9, unit="USD", precision=1e8)),
         ("$2.4 million", count(2.4e6, unit="USD", precision=1e5))],
        [("repeated_figure", ("2.4 billion dollar", "$2.4 million"), ("first", "second"), {})],
    ),
    "change-two-clauses": (
        "The deficit fell to £1.9bn from £2.1bn, while the shortfall dropped to £2.7bn from £2.9bn.",
        [("£1.9bn", count(1.9e9, unit="GBP", precision=1e8)), ("£2.1bn", count(2.1e9, unit="GBP", precision=1e8)),
         ("£2.7bn", count(2.7e9, unit="GBP", precision=1e8)), ("£2.9bn", count(2.9e9, unit="GBP", precision=1e8))],
        [("change", ("£2.1bn", "£1.9bn"), ("old", "new"), {"direction": "down"}),
         ("change", ("£2.9bn", "£2.7bn"), ("old", "new"), {"direction": "down"})],
    ),
    "change-direction-from-own-clause": (
        "Shares fell after the miner said its losses widened to £51.6m from £1.2m.",
        [("£51.6m", count(51.6e6, unit="GBP", precision=1e5)), ("£1.2m", count(1.2e6, unit="GBP", precision=1e5))],
        [("change", ("£1.2m", "£51.6m"), ("old", "new"), {"direction": "up"})],
    ),
    "change-year-between": (
        "Home sales in the capital fell by 23% from 36,185 in 2003 to 28,041 a year later.",
        [("23%", pct(23)), ("36,185", count(36185)), ("28,041", count(28041))],
        [("change", ("36,185", "28,041", "23%"), ("old", "new", "change"), {"direction": "down"})],
    ),
    "change-scaled-back": (
        "Forecasts for growth were scaled back to 4.0% from 4.4% this year.",
        [("4.0%", pct(4.0, precision=0.1)), ("4.4%", pct(4.4, precision=0.1))],
        [("change", ("4.4%", "4.0%"), ("old", "new"), {"direction": "down"})],
    ),
    "change-through-conversion": (
        "Operating profit fell to 310m euros ($400m) from 1.2bn euros a year earlier.",
        [("310m euros", count(310e6, unit="EUR", precision=1e6)), ("$400m", count(400e6, unit="USD", precision=1e6)),
         ("1.2bn euros", count(1.2e9, unit="EUR", precision=1e8))],
        [("change", ("1.2bn euros", "310m euros"), ("old", "new"), {"direction": "down"}),
         ("repeated_figure", ("310m euros", "$400m"), ("first", "second"), {})],
    ),
    "change-compared-with": (
        "Net income slid to £42m ($79m), compared with £61m a year earlier.",
        [("£42m", count(42e6, unit="GBP", precision=1e6)), ("$79m", count(79e6, unit="USD", precision=1e6)),
         ("£61m", count(61e6, unit="GBP", precision=1e6))],
        [("change", ("£61m", "£42m"), ("old", "new"), {"direction": "down"}),
         ("repeated_figure", ("£42m", "$79m"), ("first", "second"), {})],
    ),
    "change-against": (
        "Quarterly profit climbed to 8.2bn kronor against 6.1bn kronor last year.",
        [("8.2bn kronor", count(8.2e9, unit="SEK", precision=1e8)),
         ("6.1bn kronor", count(6.1e9, unit="SEK", precision=1e8))],
        [("change", ("6.1bn kronor", "8.2bn kronor"), ("old", "new"), {"direction": "up"})],
    ),
    "change-up-on": (
        "Lending reached £7.4bn in March, slightly up on £7.1bn in February.",
        [("£7.4bn", count(7.4e9, unit="GBP", precision=1e8)), ("£7.1bn", count(7.1e9, unit="GBP", precision=1e8))],
        [("change", ("£7.1bn", "£7.4bn"), ("old", "new"), {"direction": "up"})],
    ),
    "change-up-from-possessive": (
        "Wages grew 3.9% in the year to June, up from May's 3.6%.",
        [("3.9%", pct(3.9, precision=0.1)), ("3.6%", pct(3.6, precision=0.1))],
        [("change", ("3.6%", "3.9%"), ("old", "new"), {"direction": "up"})],
    ),
    "change-verb-to-in-gap": (
        "Growth is put at 2.7% next year before recovering to 3.2% in 2028.",
        [("2.7%", pct(2.7, precision=0.1)), ("3.2%", pct(3.2, precision=0.1))],
        [("change", ("2.7%", "3.2%"), ("old", "new"), {"direction": "up"})],
    ),
    "change-second-pair-borrows-verb": (
        "Estimates were trimmed to 1.6% from 1.9% this year and 1.4% from 2.2% next year.",
        [("1.6%", pct(1.6, precision=0.1)), ("1.9%", pct(1.9, precision=0.1)),
         ("1.4%", pct(1.4, precision=0.1)), ("2.2%", pct(2.2, precision=0.1))],
        [("change", ("1.9%", "1.6%"), ("old", "new"), {"direction": "down"}),
         ("change", ("2.2%", "1.4%"), ("old", "new"), {"direction": "down"})],
    ),
    "change-stated-noun-before": (
        "The group reported a 25% rise in profits for the year to £90m from £72m.",
        [("25%", pct(25)), ("£90m", count(90e6, unit="GBP", precision=1e6)),
         ("£72m", count(72e6, unit="GBP", precision=1e6))],
        [("change", ("£72m", "£90m", "25%"), ("old", "new", "change"), {"direction": "up"})],
    ),
    "change-stated-in-headline": (
        "Harbour Foods blames rents for 30% drop in profits\n\nHarbour Foods made a profit of £35m, "
        "compared with £50m a year earlier.",
        [("30%", pct(30)), ("£35m", count(35e6, unit="GBP", precision=1e6)),
         ("£50m", count(50e6, unit="GBP", precision=1e6))],
        [("change", ("£50m", "£35m", "30%"), ("old", "new", "change"), {"direction": "down"})],
    ),
    "repeated-headline-percent": (
        "Harbour Foods shares slump 14%\n\nShares in Harbour Foods slumped 14% on Monday after a warning.",
        [("14%", pct(14)), ("14%", pct(14))],
        [("repeated_figure", ("14%", "14%"), ("first", "second"), {})],
    ),
    "repeated-headline-different-value": (
        "Harbour Foods shares slump 14%\n\nShares in Harbour Foods slumped 41% on Monday after a warning.",
        [("14%", pct(14)), ("41%", pct(41))],
        [("repeated_figure", ("14%", "41%"), ("first", "second"), {})],
    ),
    "repeated-money-scale-slip": (
        "Ministers pledged £500m for rural roads in March. By June only part of the £500bn for rural roads "
        "had been spent.",
        [("£500m", count(500e6, unit="GBP", precision=1e6)), ("£500bn", count(500e9, unit="GBP", precision=1e9))],
        [("repeated_figure", ("£500m", "£500bn"), ("first", "second"), {})],
    ),
    "part-of-possessive-whole": (
        "Sales rose in nine of our 11 stores over Christmas.",
        [("nine", count(9, "store", precision=0)), ("11", count(11, "store"))],
        [("part_of_whole", ("nine", "11"), ("part", "whole"), {})],
    ),
    "change-lower-than-possessive": (
        "The carrier posted a loss of $410m, lower than 2023's $900m loss.",
        [("$410m", count(410e6, unit="USD", precision=1e6)), ("$900m", count(900e6, unit="USD", precision=1e6))],
        [("change", ("$900m", "$410m"), ("old", "new"), {"direction": "down"})],
    ),
    "change-through-spelled-duration": (
        "Profit was $2.6bn (£1.4bn) for the last three months of the year - up from $2.1bn a year ago.",
        [("$2.6bn", count(2.6e9, unit="USD", precision=1e8)), ("£1.4bn", count(1.4e9, unit="GBP", precision=1e8)),
         ("three months", count(3, unit="month", precision=0)), ("$2.1bn", count(2.1e9, unit="USD", precision=1e8))],
        [("change", ("$2.1bn", "$2.6bn"), ("old", "new"), {"direction": "up"}),
         ("repeated_figure", ("$2.6bn", "£1.4bn"), ("first", "second"), {})],
    ),
    "change-comma-from-a": (
        "Its shares fell to $41.5 in late trade, from a $45.25 close on Monday.",
        [("$41.5", count(41.5, unit="USD", precision=0.1)), ("$45.25", count(45.25, unit="USD", precision=0.01))],
        [("change", ("$45.25", "$41.5"), ("old", "new"), {"direction": "down"})],
    ),
    "change-cue-word-decides": (
        "Pay rose by 3.1% in the year to May, down from April's 3.4%.",
        [("3.1%", pct(3.1, precision=0.1)), ("3.4%", pct(3.4, precision=0.1))],
        [("change", ("3.4%", "3.1%"), ("old", "new"), {"direction": "down"})],
    ),
    "sum-opposed-answers": (
        "In the survey, 58% said the council had done well, with 35% saying they did not.",
        [("58%", pct(58)), ("35%", pct(35))],
        [("sum_of_parts", ("58%", "35%"), ("part", "part"), {"partial": True})],
    ),
    # Never linked ------------------------------------------------------------------------------
    "never-opposed-answers-third-share": (
        "In the survey, 58% said the council had done well and 35% disagreed, while 7% were unsure.",
        [("58%", pct(58)), ("35%", pct(35)), ("7%", pct(7))],
        [],
    ),
    "never-answers-without-a-no": (
        "In the survey, 58% said the council had done well and 35% praised the mayor.",
        [("58%", pct(58)), ("35%", pct(35))],
        [],
    ),
    "never-model-number-as-whole": (
        "The airline will refit about 40 of its 787-9 jets next year.",
        [("40", count(40, qualifier="approx")), ("787", count(787))],
        [],
    ),
    "comparative-against-forecast-still-orders": (
        "Profit was £12m, lower than the £14m forecast by analysts.",
        [("£12m", count(12e6, unit="GBP", precision=1e6)), ("£14m", count(14e6, unit="GBP", precision=1e6))],
        [("change", ("£14m", "£12m"), ("old", "new"), {"direction": "down"})],
    ),
    "never-compared-two-changes": (
        "Store sales were 5% higher, compared with a 7% rise a year ago.",
        [("5%", pct(5)), ("7%", pct(7))],
        [],
    ),
    "never-compared-two-things": (
        "Online sales climbed to 41,000 copies compared with 38,000 vinyl records.",
        [("41,000", count(41000, "copy")), ("38,000", count(38000, "record"))],
        [],
    ),
    "never-compared-with-forecast": (
        "Profit rose to £12m, against forecasts of £14m.",
        [("£12m", count(12e6, unit="GBP", precision=1e6)), ("£14m", count(14e6, unit="GBP", precision=1e6))],
        [],
    ),
    "never-stated-change-then-to": (
        "Exports rose 5% in March before climbing to 8% in April.",
        [("5%", pct(5)), ("8%", pct(8))],
        [],
    ),
    "never-bare-from-without-pair": (
        "The fund holds 1.4% from 2.2% of its clients.",
        [("1.4%", pct(1.4, precision=0.1)), ("2.2%", pct(2.2, precision=0.1))],
        [],
    ),
    "never-repeat-across-years": (
        "Profits at Harbour Foods rose 12% in 2023. Profits at Harbour Foods rose 15% in 2024.",
        [("12%", pct(12)), ("15%", pct(15))],
        [],
    ),
    "never-repeat-other-subject": (
        "Harbour Foods shares slump 14%\n\nThe board of Harbour Foods said rents rose 41% on Monday.",
        [("14%", pct(14)), ("41%", pct(41))],
        [],
    ),
    "never-headline-restated-elsewhere": (
        "Inland growth at 6.1%\n\nGrowth in Inland reached 6.1% last year, led by growth of 16.1% in farming.",
        [("6.1%", pct(6.1, precision=0.1)), ("6.1%", pct(6.1, precision=0.1)),
         ("16.1%", pct(16.1, precision=0.1))],
        [("repeated_figure", ("6.1%", "6.1%"), ("first", "second"), {})],
    ),
    "never-stated-change-two-candidates": (
        "Harbour Foods profits fall 30%\n\nSales at Harbour Foods rose 10% while profits fell 30%. "
        "It made a profit of £35m, compared with £50m a year earlier.",
        [("30%", pct(30)), ("10%", pct(10)), ("30%", pct(30)),
         ("£35m", count(35e6, unit="GBP", precision=1e6)), ("£50m", count(50e6, unit="GBP", precision=1e6))],
        # The pair is a change ("compared with ... a year earlier"), but with two stated changes to
        # choose from, neither is given to it.
        [("repeated_figure", ("30%", "30%"), ("first", "second"), {}),
         ("change", ("£50m", "£35m"), ("old", "new"), {"direction": ""})],
    ),
    # Never linked ------------------------------------------------------------------------------
    "never-growth-is-a-noun": (
        "Forecasts for growth were revised to 4.0% from 4.4% this year.",
        [("4.0%", pct(4.0, precision=0.1)), ("4.4%", pct(4.4, precision=0.1))],
        [],
    ),
    # The forecast is never the old value; "and down from" still compares the margin with its own past.
    "third-figure-down-from-skips-the-forecast": (
        "The margin was 45.6%, less than the 47.3% forecast by analysts and down from 47.1% a quarter earlier.",
        [("45.6%", pct(45.6, precision=0.1)), ("47.3%", pct(47.3, precision=0.1)), ("47.1%", pct(47.1, precision=0.1))],
        [("change", ("47.1%", "45.6%"), ("old", "new"), {"direction": "down"})],
    ),
    "never-chart-rank": (
        "The single crept up from six to five in the charts this week.",
        [("six", count(6, precision=0)), ("five", count(5, precision=0))],
        [],
    ),
    "never-contrasting-complement": (
        "Twelve films competing in the documentary category come from Asia. The 16 films competing in the "
        "drama category are longer.",
        [("Twelve", count(12, "film", precision=0)), ("16", count(16, "film"))],
        [],
    ),
    "never-partitive-repeat": (
        "Ten of the former directors will pay $13m. None of the 18 former directors admitted wrongdoing.",
        [("Ten", count(10, "director", precision=0)), ("$13m", count(13e6, unit="USD", precision=1e6)),
         ("18", count(18, "director"))],
        [],
    ),
    "never-orders-apart": (
        "About 6,000 children voted for the winners. The 4 children who voted twice were disqualified.",
        [("6,000", count(6000, "child", qualifier="approx")), ("4", count(4, "child"))],
        [],
    ),
    "never-count-and-percent": (
        "The survey covered 35 countries. Support for the plan stood at 35 per cent.",
        [("35", count(35, "country")), ("35 per cent", pct(35))],
        [],
    ),
    "never-different-years": (
        "Last year 17 members backed the motion. This year the 18 members who backed it were all new.",
        [("17", count(17, "member")), ("18", count(18, "member"))],
        [],
    ),
    "never-different-places": (
        "In Kharkiv, 12 drones hit homes overnight. In Odesa, the 14 drones that hit homes were smaller.",
        [("12", count(12, "drone")), ("14", count(14, "drone"))],
        [],
    ),
    "never-separate-measures": (
        "Inflation was 3%, unemployment 5% and growth 2%.",
        [("3%", pct(3)), ("5%", pct(5)), ("2%", pct(2))],
        [],
    ),
    "never-two-bases": (
        "In the poll, 55% of men and 45% of women backed the plan.",
        [("55%", pct(55)), ("45%", pct(45))],
        [],
    ),
    "never-different-currencies": (
        "The club paid a £40m fee last summer. Rivals said the €40m fee was too high.",
        [("£40m", count(40e6, unit="GBP", precision=1e6)), ("€40m", count(40e6, unit="EUR", precision=1e6))],
        [],
    ),
    "never-no-change-word": (
        "The scheme is open to people from 18 to 24 across the country.",
        [("18", count(18)), ("24", count(24))],
        [],
    ),
    "never-vague-repeat": (
        "Hundreds of people marched on Monday. On Tuesday the 300 people who marched again were arrested.",
        [("Hundreds", count(200, "person", qualifier="vague", kind="vague", low=200, high=999)),
         ("300", count(300, "person"))],
        [],
    ),
}


def _signature(relations: tuple[Relation, ...], claims: tuple[Claim, ...], text: str) -> list[tuple]:
    """Relations as (kind, surfaces, roles, extras), surfaces read from the text at each claim."""
    by_id = {c.id: c for c in claims}
    out = []
    for r in relations:
        out.append((r.kind, tuple(text[by_id[i].start : by_id[i].end] for i in r.claims), r.roles,
                    {"partial": r.partial, "direction": r.direction, "factor": r.factor}))
    return out


def _assert_matches(found: list[tuple], expected: list[tuple]) -> None:
    assert [(k, s, r) for k, s, r, _ in found] == [(k, s, r) for k, s, r, _ in expected]
    for (_, _, _, got), (_, _, _, want) in zip(found, expected, strict=True):
        for key, value in want.items():
            assert got[key] == value, key


@pytest.mark.parametrize("name", list(CASES))
def test_links_hand_built_claims(name: str) -> None:
    text, specs, expected = CASES[name]
    document, claims = claims_in(text, *specs)
    _assert_matches(_signature(relate(document, claims), claims, text), expected)


@pytest.mark.parametrize("name", list(CASES))
def test_links_extracted_claims(name: str) -> None:
    text, _, expected = CASES[name]
    claims = tuple(numcheck.extract(text))
    found = _signature(relate(read_document(text), claims), claims, text)
    # The extractor's surface may be wider ("2.4 billion dollar"); compare on where each figure starts.
    _assert_matches(found, expected)


def test_relations_are_numbered_in_text_order_and_name_their_sentence() -> None:
    text = ("A coalition of 35 countries met in Paris. Leaders said 26 countries would send troops. "
            "Russia launched 112 drones overnight. Air defences shot down 84 drones.")
    document, claims = claims_in(text, ("35", count(35, "country")), ("26", count(26, "country")),
                                 ("112", count(112, "drone")), ("84", count(84, "drone")))
    relations = relate(document, claims)
    assert [r.id for r in relations] == ["r1", "r2"]
    assert [r.claims for r in relations] == [("c2", "c1"), ("c4", "c3")]
    assert [r.sentence for r in relations] == [1, 3]
    assert [r.cue for r in relations] == ["coalition of", "shot down"]


def test_seed_article_links_its_two_parts_and_nothing_else() -> None:
    """The project's first test case, retold in the fixture's own words with the same figures: a
    coalition of 35 countries of which 26 pledge troops (said three times), 1.1 billion euros, and
    112 drones of which 84 were shot down. Exactly the two parts-of-a-whole are linked."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "seed" / "coalition-and-drones.txt"
    text = path.read_text(encoding="utf-8")
    claims = tuple(numcheck.extract(text))
    by_id = {c.id: c for c in claims}
    found = {(r.kind, tuple((by_id[i].value, by_id[i].noun) for i in r.claims)) for r in
             relate(read_document(text), claims)}
    assert ("part_of_whole", ((26, "country"), (35, "country"))) in found
    assert ("part_of_whole", ((84, "drone"), (112, "drone"))) in found
    assert all(kind == "part_of_whole" for kind, _ in found)


def test_relate_is_silent_on_no_claims_and_odd_input() -> None:
    assert relate(read_document(""), ()) == ()
    text = "Of , 12 and and 13 : from to 14."
    document, claims = claims_in(text, ("12", count(12)), ("13", count(13)), ("14", count(14)))
    relate(document, claims)  # must not raise


def test_ranks_are_never_a_breakdown() -> None:
    text = "Three of his songs are in the top 40 singles chart, including one at number 20, one at 27 and one at 37."
    document, claims = claims_in(text, ("40", count(40, "single")), ("20", count(20)), ("27", count(27)),
                                 ("37", count(37)))
    assert [r for r in relate(document, claims) if r.kind == "sum_of_parts"] == []


def test_a_hard_wrap_before_a_figure_does_not_split_the_sentence() -> None:
    text = "Claims for benefit dropped to\n87,000 from 81,000 last week, the department said.\n"
    document, claims = claims_in(text, ("87,000", count(87000)), ("81,000", count(81000)))
    assert len(document.sentences) == 1  # the document rejoins the wrap; the linker splits nothing
    (relation,) = relate(document, claims)
    assert (relation.kind, relation.claims, relation.direction) == ("change", ("c2", "c1"), "down")
    assert relation.sentence == 0


def test_a_linker_that_raises_loses_only_its_relations_and_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    import numcheck.relate as relate_package

    def broken(view: object) -> Iterator[object]:
        raise ZeroDivisionError("division by zero in a test linker")
        yield  # pragma: no cover - makes this a generator, as every linker is

    crashing = relate_package.Linker("crashing", "change", broken)
    registry = relate_package.LINKERS
    monkeypatch.setattr(relate_package, "LINKERS", (*registry[:3], crashing, *registry[3:]))
    text = "Of the 40 members, 45 voted for the motion. Profits rose 10% from £100m to £150m."
    report = numcheck.check(text)
    assert {f.rule for f in report.findings} >= {"part-exceeds-whole", "change-arithmetic"}
    assert len(report.warnings) == 1
    assert "linker crashing failed (ZeroDivisionError" in report.warnings[0]
    assert "its change relations are left out" in report.warnings[0]


# --- lspeed (linking speed): a shortcut must not change what the clause view reads ------------------


@pytest.mark.parametrize("joiner", ["; ", " but ", " BUT ", " Whereas ", " meanwhile ", " whıle ", " whİle ",
                                    " whereaſ ", ", and "])
def test_the_clause_before_a_figure_starts_after_any_clause_break(joiner: str) -> None:
    """The clause view skips the clause-break pattern in a sentence without a break word; every form
    the case-blind pattern finds (capitals, the letters it folds beyond ``str.lower``) still cuts."""
    from numcheck.english import CLAUSE_BREAK
    from numcheck.relate.clause import ClauseView

    text = f"Sales at the shop were 40 tonnes{joiner}the depot sold 12 tonnes."
    document, claims = claims_in(text, ("40", count(40, "tonne")), ("12", count(12, "tonne")))
    view = ClauseView(document, list(claims))
    breaks = list(CLAUSE_BREAK.finditer(text))
    expected = text[breaks[-1].end() : claims[1].start] if breaks else text[: claims[1].start]
    assert view.before(claims[1]) == expected
