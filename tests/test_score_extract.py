"""The labelled extraction set is sound and the scorer counts hits and misses the way GUIDELINES.md says.

No accuracy threshold for numcheck here: the extractor is still being tuned against the dev split.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from numcheck.document import kind_for_path, read_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import score_extract as se

LABELS = se.load_labels()
NEGATIVES = se.load_negatives()
FILES = se.split_files("all")


def label(start: int, end: int, value: float, unit: str = "count", noun: str | None = None,
          qualifier: str = "eq") -> se.Label:
    return se.Label("f", "x", 1, value, unit, noun, qualifier, "number", start, end)


# ---------------------------------------------------------------- the labelled set


def test_set_is_large_enough() -> None:
    assert len(FILES) >= 40
    assert len(LABELS) >= 500
    assert {lab.file for lab in LABELS} == set(FILES), "every article carries labels"


def test_labels_use_only_canonical_units_qualifiers_and_kinds() -> None:
    assert {lab.unit for lab in LABELS} <= se.ALLOWED_UNITS
    assert {lab.qualifier for lab in LABELS} == se.QUALIFIERS, "every qualifier is exercised"
    assert {lab.kind for lab in LABELS} == se.KINDS, "every kind is exercised"


def test_every_surface_is_in_the_prose_not_in_markup() -> None:
    for lab in LABELS:
        original = se.read_article(lab.file)
        assert original[lab.start:lab.end] == lab.surface
        prose = read_document(original, kind_for_path(lab.file)).text
        assert prose[lab.start:lab.end] == lab.surface, f"{lab.file}: {lab.surface!r} sits in markup"


def test_every_digit_in_the_prose_is_labelled_or_a_listed_non_claim() -> None:
    spans: dict[str, list[tuple[int, int]]] = {}
    for item in [*LABELS, *NEGATIVES]:
        spans.setdefault(item.file, []).append((item.start, item.end))
    for file in FILES:
        prose = read_document(se.read_article(file), kind_for_path(file)).text
        for digit in re.finditer(r"\d", prose):
            assert any(a <= digit.start() < b for a, b in spans.get(file, ())), \
                f"{file}: unlabelled digit in {prose[digit.start() - 20:digit.start() + 20]!r}"


def test_values_agree_with_the_printed_digits() -> None:
    scale = {"bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12, "m": 1e6, "million": 1e6, "k": 1e3}
    for lab in LABELS:
        if lab.unit == "fraction" or lab.kind in ("range", "vague"):
            continue
        digits = re.search(r"-?\d[\d, ]*(?:\.\d+)?", lab.surface.replace("\u2212", "-"))
        if not digits:
            continue
        number = float(digits.group().replace(",", "").replace(" ", ""))
        suffix = re.match(r"\s*(bn|billion|tn|trillion|million|m|k)\b", lab.surface[digits.end():])
        number *= scale[suffix.group(1)] if suffix else 1
        assert se.values_equal(lab.value, number), f"{lab.file}: {lab.surface!r} labelled {lab.value}"


def test_heldout_split_is_a_fifth_of_the_files_by_a_fixed_rule() -> None:
    heldout = se.split_files("heldout")
    dev = se.split_files("dev")
    assert set(heldout) | set(dev) == set(FILES) and not set(heldout) & set(dev)
    assert 0.15 <= len(heldout) / len(FILES) <= 0.25
    assert heldout == [f for i, f in enumerate(FILES, 1) if i % 5 == 0]
    held_labels = sum(lab.file in heldout for lab in LABELS)
    assert 0.12 <= held_labels / len(LABELS) <= 0.28


def test_a_missing_surface_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "01-a.txt").write_text("About 12 people came.", encoding="utf-8")
    row = {"file": "articles/01-a.txt", "surface": "12", "occurrence": 2, "value": 12, "unit": "count",
           "noun": "person", "qualifier": "approx", "kind": "number"}
    (tmp_path / "labels.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(se.LabelError, match="occurrence 2 not found"):
        se.load_labels(tmp_path)
    row["occurrence"], row["unit"] = 1, "people"
    (tmp_path / "labels.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(se.LabelError, match="unit 'people'"):
        se.load_labels(tmp_path)


# ---------------------------------------------------------------- the matcher


def test_a_wrong_value_on_the_right_span_is_a_miss() -> None:
    tally = se.tally_file([label(10, 13, 112)], [se.Prediction(10, 13, 12.0, "count")])
    assert tally["value"] == se.Tally(0, 1, 1)


def test_the_right_value_elsewhere_is_a_miss() -> None:
    tally = se.tally_file([label(10, 13, 112)], [se.Prediction(20, 23, 112.0, "count")])
    assert tally["value"].hits == 0 and tally["value"].precision == 0.0


def test_overlap_is_enough_and_pairing_is_one_to_one() -> None:
    labels = [label(0, 2, 84, noun="drone"), label(10, 13, 112, noun="member state")]
    predictions = [se.Prediction(0, 9, 84.0, "count", "drone", "eq"),
                   se.Prediction(10, 20, 112.0, "EUR", "state", "approx"),
                   se.Prediction(11, 12, 112.0, "count")]
    tally = se.tally_file(labels, predictions)
    assert tally["value"] == se.Tally(2, 3, 2)
    assert tally["value+unit"].hits == 2, "the second, smaller prediction still carries the right unit"
    assert tally["qualifier"].hits == 1
    assert tally["noun"] == se.Tally(2, 2, 2), "head-word match: 'state' for 'member state'"


def test_fractions_compare_with_an_absolute_tolerance() -> None:
    assert se.values_equal(0.3333, 1 / 3, fraction=True)
    assert not se.values_equal(0.3333, 1 / 3)
    assert not se.values_equal(0.25, 0.2, fraction=True)
    assert se.values_equal(1.1e9, 1.1e9 * (1 + 1e-9))


def test_perfect_predictions_score_one_and_none_score_zero() -> None:
    def oracle(text: str, path: str) -> list[se.Prediction]:
        return [se.Prediction(lab.start, lab.end, lab.value, lab.unit, lab.noun, lab.qualifier)
                for lab in LABELS if lab.file == path]

    perfect = se.score_system(oracle, "dev")["metrics"]
    assert all(perfect[m]["f1"] == 1.0 for m in se.METRICS), perfect
    empty = se.score_system(lambda text, path: [], "heldout")
    assert empty["metrics"]["value"]["recall"] == 0.0 and empty["labels"] > 0


def test_predictions_on_non_claims_are_reported() -> None:
    year = next(neg for neg in NEGATIVES if neg.why == "year")
    result = se.score_system(lambda text, path: [se.Prediction(year.start, year.end, 2024.0, "count")]
                             if path == year.file else [], "all")
    assert [a["surface"] for a in result["false_alarms"]] == [year.surface]


# ---------------------------------------------------------------- external specs and quantulum3


def test_exclusions_are_by_case_kind() -> None:
    def case(text: str, value: str, subtype: str = "integer", **extra: object) -> dict[str, object]:
        return {"Input": text, "Results": [{"Text": text, "TypeName": "number", "Start": 0, "End": len(text) - 1,
                                            "Resolution": {"value": value, "subtype": subtype}}], **extra}

    assert se.exclusion(case("1e10", "10000000000", "power")) == "exponent"
    assert se.exclusion(case("one over three", "0.333", "fraction")) == "spoken-division"
    assert se.exclusion(case("192.168.1.2", "192")) == "identifier"
    assert se.exclusion(case("a dozen", "12", NotSupported="java")) == "not-supported"
    assert se.exclusion(case("twenty-one", "21")) is None
    assert se.exclusion(case("per cent of 210", "210%")) == "reversed-percent"
    assert se.exclusion({"Input": "the 180ml liquid", "Results": []}) == "unit-attached"
    assert se.exclusion({"Input": "the 180ml liquid", "Results": []}, "CurrencyModel.json") is None
    assert se.exclusion(case("two thirds", "0.666666666666667", "fraction")) is None


def test_external_labels_use_inclusive_ends_and_map_units() -> None:
    [lab] = se.external_labels({"Input": "it cost $ 75 million .", "Results": [
        {"Text": "$ 75 million", "TypeName": "currency", "Start": 8, "End": 19,
         "Resolution": {"value": "75000000", "unit": "Dollar"}}]})
    assert (lab.start, lab.end, lab.value, lab.unit) == (8, 20, 75e6, "USD")


def test_quantulum_units_map_onto_ours() -> None:
    assert se.quantulum_unit(SimpleNamespace(name="euro", currency_code="EUR")) == "EUR"
    assert se.quantulum_unit(SimpleNamespace(name="percentage", currency_code=None)) == "percent"
    assert se.quantulum_unit(SimpleNamespace(name="dimensionless")) == "count"
    assert se.quantulum_unit(SimpleNamespace(name="kilometre per hour")) == "kilometre per hour"


def test_a_corpus_labelled_by_offsets_is_scored_per_sampled_paragraph(tmp_path: Path) -> None:
    """--labels/--corpus: only predictions inside a sampled paragraph count, split by held_out."""
    article = "Intro with 99 people.\nSome 26 of 35 countries agreed on 3 March.\nHeld 12 back.\n"
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(article, encoding="utf-8")
    first = (article.index("Some"), article.index("\nHeld"))
    second = (article.index("Held"), len(article) - 1)
    ids = [f"news/a.txt#{a}-{b}" for a, b in (first, second)]
    meta = {"paragraphs": [{"id": pid, "article": "news/a.txt", "start": a, "end": b}
                           for pid, (a, b) in zip(ids, (first, second), strict=True)], "held_out": [ids[1]]}
    rows = [{"paragraph": ids[0], "start": article.index("26"), "end": article.index("26") + 2, "value": 26,
             "unit": "count", "noun": "country", "qualifier": "approx", "kind": "number", "held_out": False},
            {"paragraph": ids[0], "start": article.index("35"), "end": article.index("35") + 2, "value": 35,
             "unit": "count", "noun": "country", "qualifier": "eq", "kind": "number", "held_out": False},
            {"paragraph": ids[1], "start": article.index("12"), "end": article.index("12") + 2, "value": 12,
             "unit": "count", "noun": None, "qualifier": "eq", "kind": "number", "held_out": True}]
    labels = tmp_path / "c_figures.jsonl"
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "c_figures.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (tmp_path / "c_nonfigures.jsonl").write_text(json.dumps(
        {"paragraph": ids[0], "start": article.index("3 March"), "end": article.index("3 March") + 7, "why": "date"})
        + "\n", encoding="utf-8")
    dev = se.score_offsets(se.numcheck_predictor(), labels, tmp_path / "c_figures.meta.json", tmp_path, "dev")
    assert (dev["files"], dev["labels"], dev["negatives"]) == (1, 2, 1)
    assert dev["metrics"]["value"] == {"hits": 2, "predicted": 2, "gold": 2, "precision": 1.0, "recall": 1.0,
                                       "f1": 1.0}  # "99" lies outside every sampled paragraph
    assert dev["metrics"]["noun"]["hits"] == 2 and dev["false_alarms"] == []
    held = se.score_offsets(se.numcheck_predictor(), labels, tmp_path / "c_figures.meta.json", tmp_path, "heldout")
    assert (held["labels"], held["metrics"]["value"]["hits"]) == (1, 1)
