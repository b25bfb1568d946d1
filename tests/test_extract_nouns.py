"""The counted noun: what each count in ordinary news phrasing counts (GUIDELINES §6).

Every sentence here was written for these tests. Each case pins one way news names (or leaves
out) the counted thing, so a change to the noun finder that breaks a phrasing shows up by name.
"""

from __future__ import annotations

import pytest

from numcheck.document import read_document
from numcheck.english import singular
from numcheck.extract.extractor import Extractor
from numcheck.extract.nouns import head_noun

EXTRACTOR = Extractor()


def nouns(text: str, kind: str = "text") -> dict[str, str | None]:
    """The noun of every count claim, by its text (texts are unique within each case)."""
    return {c.text: c.noun for c in EXTRACTOR.extract(read_document(text, kind)) if c.unit == "count"}


@pytest.mark.parametrize(("text", "expected"), [
    # "other", "more", "such" stand between the figure and its noun
    ("The studio picked up four other awards at the ceremony.", {"four": "award"}),
    ("Officials expect 12 more patients to arrive tonight.", {"12": "patient"}),
    ("Inspectors found three such cases in the county.", {"three": "case"}),
    ("He lost by 63 more than last time.", {"63": None}),
    # participles and hyphenated compounds before the noun
    ("The army lost 20 tanks and 30 armoured vehicles.", {"20": "tank", "30": "vehicle"}),
    ("The utility still runs 36 coal-fired power stations.", {"36": "station"}),
    ("The bank will cut 1,200 UK-based jobs.", {"1,200": "job"}),
    ("Eight of the 20 most polluted cities are in the north.", {"Eight": "city", "20": "city"}),
    # ... but a participle after a figure that stands alone as a subject is its verb
    ("Of the drones launched, the remaining 28 reached targets in the east.", {"28": "drone"}),
    ("Andre 3000 thanked fans on stage.", {"3000": None}),
    # plurals that are also verbs read as nouns right after a figure
    ("The side has 13 wins in 15 games.", {"13": "win", "15": "game"}),
    ("The band scored six hits in the charts.", {"six": "hit"}),
    ("The index stayed above 50 shows growth, analysts said.", {"50": None}),
    # plural compounds whose first word takes the plural
    ("She has won seven grands prix this year.", {"seven": "grand prix"}),
    # a name after "and" starts a new phrase
    ("The broadcast drew 500,000 complaints and Ofcom opened an inquiry.", {"500,000": "complaint"}),
])
def test_noun_after_the_figure(text: str, expected: dict[str, str | None]) -> None:
    assert nouns(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the number of X" names what the clause counts, ahead of the previous sentence's count
    ("Across all 27 member states, the rate was 6%. Last month the number of jobless people fell by 90,000.",
     {"27": "member state", "90,000": "person"}),
    # a measure word's modifier: "death toll", "passenger target", "goal tally"
    ("The death toll rose to 45 on Sunday.", {"45": "death"}),
    ("The carrier cut its passenger target for the year from 205 million to 190 million, citing new jets.",
     {"205 million": "passenger", "190 million": "passenger"}),
    ("The striker took his goal tally to 13.", {"13": "goal"}),
    # ... but not an adjective before the measure word
    ("The official toll stood at 12.", {"12": None}),
])
def test_noun_named_by_a_measure(text: str, expected: dict[str, str | None]) -> None:
    assert nouns(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Tens of thousands had fled the city by Friday.", {"Tens of thousands": "person"}),
    ("Hundreds were arrested after the march.", {"Hundreds": "person"}),
    ("The boat capsized near the coast and at least 12 drowned.", {"12": "person"}),
    # a rank is not a quantity (GUIDELINES), even after a count
    ("The band sold 40,000 copies and went in at number 11.", {"40,000": "copy"}),
    # a figure that is part of a name is no claim at all (a numbered name, GUIDELINES §1)
    ("The sequel Rover 2 joined the charts in March.", {}),
    # a named antecedent still wins over the implicit people
    ("Police counted 300 protesters and dozens were arrested.", {"300": "protester", "dozens": "protester"}),
])
def test_bare_count_of_people(text: str, expected: dict[str, str | None]) -> None:
    assert nouns(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The broadcaster reached 90,000 homes, and an estimated 20,000 of those were abroad.",
     {"90,000": "home", "20,000": "home"}),
    ("Mothers were entitled to 12 months of leave, but only six of those months were paid.",
     {"six": None}),
    ("The agency said 9,000 staff members were still working and 140 of its staff had left.",
     {"9,000": "member", "140": "member"}),
])
def test_partitive_pronouns_and_wholes(text: str, expected: dict[str, str | None]) -> None:
    assert {k: v for k, v in nouns(text).items() if k in expected} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a general noun that points back ("of the aircraft") takes the earlier specific one ...
    ("The first fighter jets landed on Monday. The air force expects about 60 of the aircraft by June.",
     {"60": "jet"}),
    ("Registrations of new electric cars fell by a third, to 12,400 vehicles.", {"12,400": "car"}),
    # ... and an elliptical count after it inherits the specific noun
    ("The first fighter jets landed on Monday. The air force expects 60 of the aircraft. Norway pledged 14.",
     {"60": "jet", "14": "jet"}),
    # a general noun named outright in a later sentence counts new things
    ("The carrier ordered new jets. It now has 410 aircraft.", {"410": "aircraft"}),
])
def test_general_noun_takes_the_specific_antecedent(text: str, expected: dict[str, str | None]) -> None:
    assert nouns(text) == expected


def test_markdown_table_column_header_names_the_count() -> None:
    text = ("# Council results\n\n| Ward | Seats won | Votes cast |\n|---|---|---|\n"
            "| Riverside | 12 | 40,200 |\n| Hillfoot | 9 | 31,050 |\n")
    assert nouns(text, "markdown") == {"12": "seat", "40,200": "vote", "9": "seat", "31,050": "vote"}


def test_a_table_cell_with_more_than_the_figure_keeps_its_own_reading() -> None:
    text = "| Ward | Notes |\n|---|---|\n| Riverside | 12 new councillors |\n"
    assert nouns(text, "markdown") == {"12": "councillor"}


def test_lemmas_of_acronym_plurals_and_plural_compounds() -> None:
    assert [singular(w) for w in ["mps", "djs", "gas", "grands prix"]] == ["mp", "dj", "gas", "grand prix"]
    assert head_noun(["attorneys", "general", "said"], plural_only=True) == "attorney general"
