"""``numcheck/report.schema.json`` describes the ``--format json`` output, and ships in the package."""

from __future__ import annotations

import functools
import io
import json
from dataclasses import fields, replace
from importlib import resources

import jsonschema
import pytest
from _reportkit import clean_report, drones_report, hostile_report
from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck
from numcheck.model import QUALIFIERS, RELATION_KINDS, SEVERITIES, Claim, Finding, Relation, Report
from numcheck.report import RenderContext
from numcheck.report.json import write


def schema() -> dict:
    return json.loads(resources.files("numcheck").joinpath("report.schema.json").read_text(encoding="utf-8"))


@functools.cache
def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


def as_json(reports: list[Report], command: str = "check") -> dict:
    out = io.StringIO()
    write(iter(reports), out, RenderContext(command=command))
    return json.loads(out.getvalue())


def errors_of(document: dict) -> list[str]:
    return [e.message for e in validator().iter_errors(document)]


def test_hand_built_reports_validate() -> None:
    assert errors_of(as_json([drones_report(), clean_report(), hostile_report()])) == []


def test_extract_output_validates_and_is_told_apart_from_check_output() -> None:
    extract = as_json([drones_report()], command="extract")
    assert errors_of(extract) == []
    extract["files"][0]["findings"] = []  # extract output carries no findings
    assert errors_of(extract)
    check = as_json([drones_report()])
    del check["files"][0]["relations"]  # check output always does
    assert errors_of(check)


def test_real_sentence_through_numcheck_check_validates() -> None:
    text = ("Of the 112 drones launched overnight, 84 were shot down, or 80%, the air force said. "
            "About 26 of 35 countries had offered support.\n")
    report = numcheck.check(text, source="drones.txt")
    document = as_json([report])
    assert errors_of(document) == []
    assert document["files"][0]["path"] == "drones.txt"


@pytest.mark.parametrize(("definition", "cls"), [("claim", Claim), ("relation", Relation), ("finding", Finding)])
def test_schema_fields_are_exactly_the_dataclass_fields(definition: str, cls: type) -> None:
    spec = schema()["$defs"][definition]
    names = [f.name for f in fields(cls)]
    assert list(spec["properties"]) == names
    assert spec["required"] == names


def test_schema_enums_follow_the_model() -> None:
    defs = schema()["$defs"]
    assert defs["claim"]["properties"]["qualifier"]["enum"] == list(QUALIFIERS)
    assert defs["relation"]["properties"]["kind"]["enum"] == list(RELATION_KINDS)
    assert sorted(defs["finding"]["properties"]["severity"]["enum"]) == sorted(SEVERITIES)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d["files"][0]["claims"][0].pop("unit"),
        lambda d: d["files"][0]["claims"][0].update(qualifier="roughly"),
        lambda d: d["files"][0]["claims"][0].update(line=0),
        lambda d: d["files"][0]["findings"][0].update(severity="fatal"),
        lambda d: d["files"][0]["findings"][0].update(expected="75"),
        lambda d: d["files"][0]["findings"][0].update(extra=1),
        lambda d: d["summary"].pop("by_severity"),
        lambda d: d.update(version=2),
    ],
    ids=["missing-unit", "bad-qualifier", "line-0", "bad-severity", "string-number", "extra-field",
         "no-by-severity", "version-2"],
)
def test_schema_rejects_broken_output(damage) -> None:
    document = as_json([drones_report()])
    damage(document)
    assert errors_of(document)


_finite = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)


@settings(deadline=None, max_examples=60)
@given(
    value=_finite,
    unit=st.sampled_from(["count", "percent", "EUR", "degree Celsius", "fraction"]),
    noun=st.one_of(st.none(), st.text(max_size=12)),
    qualifier=st.sampled_from(QUALIFIERS),
    text=st.text(max_size=30),
    message=st.text(max_size=40),
    expected=st.one_of(st.none(), _finite),
)
def test_any_well_formed_report_validates(value, unit, noun, qualifier, text, message, expected) -> None:
    base = drones_report()
    claim = replace(base.claims[0], value=value, low=value - 1, high=value + 1, unit=unit, noun=noun,
                    qualifier=qualifier, text=text)
    finding = replace(base.findings[0], message=message, expected=expected, explanation=text)
    report = replace(base, claims=(claim, *base.claims[1:]), findings=(finding,))
    assert errors_of(as_json([report])) == []
