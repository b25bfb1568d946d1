"""1 MB adversarial articles: each is checked within five minutes and yields only sane claims.

The timeout is deliberately generous: the densest input ("5%%" repeated, 333,000 claims in 1 MB)
takes about 50 s of honest linear work on one core (checking, then extracting the claims again as
the test reads them: a claim-dense input keeps no claims, see `numcheck.extract.stream`), and a
catastrophic regex or a quadratic loop would take hours, so the test turns those into a failure
instead of a hung CI job while a busy CI machine stays well inside it. The real speed measure, time
per claim against ordinary news, is ``benchmarks/bench_adversarial.py``.
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


@pytest.mark.timeout(300)
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


#: Malformed figures the fuzz targets and the issue found: each gives no exception, no claim that
#: is not in the text, and no finding (a 400-digit run once read as 0 and raised part > whole).
MALFORMED = {
    "400 digits": ("There were " + "9" * 400 + " of the 12 drones.", [12.0]),
    "1e308": ("It was 1e308 people.", []),
    "8,00-0": ("Some 8,00-0 properties were sold.", []),
    "3 1/²": ("It took 3 1/² hours.", [3.0]),
    "full-width digits": ("There were １２３ people.", [123.0]),
    "mixed scripts": ("Нас было 12 человек and ٣٤ cats.", [12.0, 34.0]),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_figures_are_refused_quietly(checker: numcheck.Checker, name: str) -> None:
    text, values = MALFORMED[name]
    report = checker.check(text)
    assert_sane(report, text)
    assert [c.value for c in report.claims] == values
    assert report.findings == ()


@pytest.mark.timeout(120)
@pytest.mark.parametrize("text", ["7" * 1_000_000, "1," * 500_000, "１" * 1_000_000], ids=["digits", "commas", "wide"])
def test_a_million_digits_is_linear(checker: numcheck.Checker, text: str) -> None:
    assert_sane(checker.check(text), text)


@pytest.mark.timeout(120)
def test_a_20000_row_table_is_read_in_one_pass() -> None:
    """Each cell's column header is found from an index built once (it was a walk up the table per
    cell: 20,000 rows took minutes); the speed itself is measured in benchmarks, not here."""
    table = "| Subject | Entries |\n|---|---|\n" + "".join(f"| S{i} | {i * 7 + 1:,} |\n" for i in range(20_000))
    claims = numcheck.Checker(use_default_rules=False).extract(table, "markdown")
    assert len(claims) == 20_000
    assert {c.noun for c in claims} == {"entry"}


def test_an_overlong_sentence_is_read_in_windows_without_losing_a_figure(checker: numcheck.Checker) -> None:
    """A 300 KB "sentence" of clauses joined by commas: every figure, value and noun is found as in
    one short clause, including those on either side of each window's cut."""
    clause = "officials counted 26 of 35 ballot boxes and 1.1 billion euros in aid, "
    one = checker.check(clause.rstrip(", ") + ".", kind="text").claims
    text = clause * 4_000
    claims = checker.extract(text)
    assert len(one) == 3
    assert len(claims) == 3 * 4_000
    assert [(c.value, c.unit, c.noun) for c in claims] == [(c.value, c.unit, c.noun) for c in one] * 4_000
    assert {c.sentence for c in claims} == {0}


def test_a_megabyte_sentence_of_brackets_costs_a_window_not_the_input() -> None:
    """Tokens cost about 150 bytes each: a million-token sentence once took 150 MB before its one
    figure was found. Read in windows, extraction's peak is a few MB, and the figure is still there."""
    import tracemalloc

    text = "[" * MEGABYTE + "5 cats"
    extractor = numcheck.Checker()
    tracemalloc.start()
    try:
        claims = extractor.check(text, kind="text").claims
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(c.value, c.noun) for c in claims] == [(5.0, "cat")]
    assert peak < 12 * MEGABYTE, f"peak {peak / MEGABYTE:.1f} MB"


def test_a_claim_dense_input_is_checked_in_parts_and_loses_nothing(tmp_path) -> None:
    """Past `PART_CLAIMS` claims an article is linked and checked a part at a time and its claims
    are extracted again when written (issue 15's memory bound). Through the CLI, every claim,
    relation and finding is still there once, numbered on across the parts, as for one paragraph."""
    import json
    import subprocess
    import sys

    from numcheck.extract.stream import PART_CLAIMS

    paragraph = "Of the 35 countries, 40 agreed.\n\n"
    times = PART_CLAIMS * 5 // 4  # two claims each: two and a half parts
    article = tmp_path / "dense.md"
    article.write_text(paragraph * times, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "numcheck.cli", "check", "--format", "json", str(article)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    assert run.stderr == ""
    entry = json.loads(run.stdout)["files"][0]
    claims, relations, findings = entry["claims"], entry["relations"], entry["findings"]
    assert [c["id"] for c in claims] == [f"c{k}" for k in range(1, 2 * times + 1)]
    assert [(c["value"], c["noun"]) for c in claims[:2]] == [(35.0, "country"), (40.0, "country")]
    assert {(c["value"], c["noun"]) for c in claims} == {(35.0, "country"), (40.0, "country")}
    assert [r["id"] for r in relations] == [f"r{k}" for k in range(1, times + 1)]
    assert [r["claims"] for r in relations] == [[f"c{2 * k}", f"c{2 * k - 1}"] for k in range(1, times + 1)]
    assert [(f["rule"], f["claims"]) for f in findings] == [
        ("part-exceeds-whole", [f"c{2 * k}", f"c{2 * k - 1}"]) for k in range(1, times + 1)]
    assert json.loads(run.stdout)["summary"]["claims"] == 2 * times


def test_a_claim_dense_input_costs_a_part_not_the_input() -> None:
    """50 KB of "5%%" is 16,667 claims: linked all at once they cost 23 MB at the peak; a part at
    a time, with the claims streamed again to the writer, a few MB."""
    import tracemalloc

    from numcheck.report.json import write_entry

    class Discard:
        def write(self, text: str) -> int:
            return len(text)

    text = ADVERSARIES["percent_signs"].build(MEGABYTE // 20)
    checker = numcheck.Checker()
    tracemalloc.start()
    try:
        report = checker.check(text, kind="text")
        write_entry(report, "check", Discard())  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(report.claims) == text.count("5")
    assert sum(1 for _ in report.claims) == len(report.claims)
    assert peak < 12 * MEGABYTE, f"peak {peak / MEGABYTE:.1f} MB"
