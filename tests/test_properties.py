"""Properties that hold for every text: no exception, honest spans, finite values, valid JSON.

Two generators: arbitrary Unicode (what a scraper hands over) and text built from the number
grammar itself (digits with separators, scale words, number words, currencies, qualifiers, ranges),
which reaches the extractor's deep branches far more often than random characters do.
``deadline=None`` because the first example may load quantulum3.
"""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import numcheck
from numcheck.model import QUALIFIERS, Report
from numcheck.report import RenderContext, get_writer

SCHEMA_PATH = Path(numcheck.__file__).with_name("report.schema.json")
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SCALES = ["million", "billion", "bn", "m", "k", "tn", "thousand", "hundred", "trillion", "mn"]
NUMBER_WORDS = [
    "twenty-six", "Nineteen", "one hundred and twelve", "a dozen", "half", "a third", "two-thirds", "a quarter",
    "one in four", "seven in 10", "dozens", "hundreds of", "tens of thousands", "zero", "a million", "nil",
]
CURRENCIES = ["€", "$", "US$", "£", "¥", "euros", "dollars", "pounds", "yen", "yuan", "roubles", "EUR", "USD"]
QUALIFIER_WORDS = [
    "about", "around", "some", "roughly", "nearly", "almost", "more than", "over", "at least", "up to",
    "fewer than", "less than", "just under", "just over", "between", "from", "to", "and", "aged",
]
NOUNS = [
    "people", "countries", "of the", "drones", "member states", "km", "km/h", "°C", "%", "per cent", "percent",
    "percentage points", "tonnes", "barrels a day", "of them", "allies", "seats", "votes", "years old",
]
PUNCTUATION = [".", ",", ";", ":", "-", "–", "/", "(", ")", "\n", "\n\n", "'", "\"", "...", "!", "?", "#", "*", ">"]
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\u00a0", "\u202f", "\n", "-"])


@st.composite
def digit_numbers(draw: st.DrawFn) -> str:
    value = draw(st.integers(min_value=0, max_value=10**13))
    style = draw(st.sampled_from(["plain", "comma", "space", "dot", "decimal", "negative", "long"]))
    if style == "comma":
        return f"{value:,}"
    if style == "space":
        return f"{value:,}".replace(",", " ")
    if style == "dot":
        return f"{value:,}".replace(",", ".")
    if style == "decimal":
        return f"{value / 1000:.{draw(st.integers(0, 4))}f}"
    if style == "negative":
        return f"-{value % 10_000}"
    if style == "long":
        return str(value) * draw(st.integers(1, 40))
    return str(value)


TOKENS = st.one_of(
    digit_numbers(), st.sampled_from(SCALES), st.sampled_from(NUMBER_WORDS), st.sampled_from(CURRENCIES),
    st.sampled_from(QUALIFIER_WORDS), st.sampled_from(NOUNS), st.sampled_from(PUNCTUATION),
    st.from_regex(r"\d{1,4}(-|–| to | and )\d{1,4}", fullmatch=True),
)
GRAMMAR_TEXT = st.lists(st.tuples(TOKENS, SEPARATORS), max_size=40).map(lambda xs: "".join(a + b for a, b in xs))
ANY_TEXT = st.text(max_size=400)
KINDS = st.sampled_from(["text", "markdown", "html"])


@pytest.fixture(scope="module")
def checker() -> numcheck.Checker:
    return numcheck.Checker()


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def assert_claims_honest(claims: tuple[numcheck.Claim, ...] | list[numcheck.Claim], text: str) -> None:
    ids = [c.id for c in claims]
    assert len(set(ids)) == len(ids), ids
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(text), claim
        assert claim.text == text[claim.start : claim.end], claim
        assert math.isfinite(claim.value), claim
        assert not math.isnan(claim.low) and not math.isnan(claim.high), claim
        assert claim.low <= claim.value <= claim.high, claim
        assert claim.qualifier in QUALIFIERS, claim
        assert claim.line >= 1 and claim.column >= 1, claim


def report_json(report: Report) -> dict[str, object]:
    out = io.StringIO()
    get_writer("json", "check")([report], out, RenderContext(command="check"))
    return json.loads(out.getvalue())


@PROPERTY_SETTINGS
@given(text=ANY_TEXT)
def test_extract_any_unicode(text: str) -> None:
    assert_claims_honest(numcheck.extract(text), text)


@PROPERTY_SETTINGS
@given(text=GRAMMAR_TEXT)
def test_extract_number_grammar(text: str) -> None:
    assert_claims_honest(numcheck.extract(text), text)


@PROPERTY_SETTINGS
@given(text=st.one_of(GRAMMAR_TEXT, ANY_TEXT), kind=KINDS)
def test_check_never_raises_and_json_validates(
    checker: numcheck.Checker, schema: dict[str, object], text: str, kind: str
) -> None:
    report = checker.check(text, source=f"article.{kind}", kind=kind)
    assert isinstance(report, Report)
    assert_claims_honest(report.claims, text)
    for finding in report.findings:
        assert finding.severity in ("info", "warning", "error"), finding
        assert set(finding.claims) <= {c.id for c in report.claims}, finding
    jsonschema.validate(report_json(report), schema)


def test_grammar_text_reaches_the_extractor() -> None:
    """The generator's vocabulary is read as claims, so the grammar properties are not vacuous."""
    text = "About 1,240 people, or 3.5%, paid €1.1bn; twenty-six of the 35 countries agreed."
    claims = numcheck.extract(text)
    assert len(claims) >= 4
    assert_claims_honest(claims, text)


def test_schema_rejects_a_broken_report(schema: dict[str, object]) -> None:
    """The schema is strict enough to fail: a claim without its value does not validate."""
    report = numcheck.Checker().check("Some 26 of 35 countries agreed.")
    document = report_json(report)
    jsonschema.validate(document, schema)
    claims = document["files"][0]["claims"]  # type: ignore[index]
    assert claims, "extraction found nothing to break"
    del claims[0]["value"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
