"""Rule packs: loading, validation with file:line:col, the schema, `where` filters and configuration."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

from numcheck.checks import CHECKS
from numcheck.errors import ConfigError, RuleFileError
from numcheck.model import QUALIFIERS, SEVERITIES
from numcheck.ruleset import HEADER_KEYS, WHERE_KEYS, RuleSet, Where, load_rules, parse_pack
from numcheck.vocabulary import MESSAGE_FIELDS
from tests._claimkit import claims_in, make_claim

SCHEMA = json.loads(files("numcheck").joinpath("rules.schema.json").read_text(encoding="utf-8"))
RULE_SCHEMA = SCHEMA["$defs"]["rule"]

GOOD = """\
pack: desk
description: A newsroom's own rules
rules:
  - id: max-deaths
    check: range
    severity: warning
    message: "{value:g} {noun}"
    where: {noun: [death, fatality], context: [storm]}
    max: 10000
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _problems(tmp_path: Path, text: str, name: str = "x.yaml") -> list[str]:
    path = _write(tmp_path, name, text)
    with pytest.raises(RuleFileError) as caught:
        load_rules([path], use_defaults=False)
    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.problems)
    return [line.replace(path, name) for line in lines]


# --- the default packs and the schema --------------------------------------------------------------


def test_default_packs_load_from_the_package() -> None:
    ruleset = load_rules([], use_defaults=True)
    packs = {r.pack for r in ruleset.rules}
    assert packs == {"core", "corpus", "plausibility"}
    assert {"breakdown-sum", "part-exceeds-whole", "percent-of-count", "percent-granularity", "fraction-of-whole",
            "change-arithmetic", "repeated-figure", "countries-count", "share-over-100", "human-age",
            "earth-temperature-celsius"} <= ruleset.ids
    assert all(r.path.startswith("rules/") and r.line > 0 for r in ruleset.rules)


def test_core_rules_use_the_agreed_check_kinds() -> None:
    ruleset = load_rules([], use_defaults=True)
    expected = {"part-exceeds-whole": "part_whole", "breakdown-sum": "sum_of_parts", "percent-of-count": "percent_of",
                "percent-granularity": "granularity", "fraction-of-whole": "fraction_of",
                "change-arithmetic": "change", "repeated-figure": "repeated_figure",
                "repeated-money-scale": "repeated_figure", "converted-figure": "conversion",
                "converted-money": "conversion"}
    assert {r.id: r.check for r in ruleset.rules if r.pack == "core"} == expected


def test_every_default_rule_is_documented_with_examples() -> None:
    for rule in load_rules([], use_defaults=True).rules:
        assert rule.description, rule.id
        assert rule.examples_pass and rule.examples_fail, rule.id
        if rule.check == "range":
            assert any(ch.isdigit() for ch in rule.description), f"{rule.id} must cite its limit's source"


def test_schema_check_enum_is_the_registry() -> None:
    assert sorted(RULE_SCHEMA["properties"]["check"]["enum"]) == sorted(CHECKS)


def test_schema_header_keys_severities_and_filters_match_the_loader() -> None:
    params = {p for kind in CHECKS.values() for p in (*kind.params, *kind.required)}
    assert set(RULE_SCHEMA["properties"]) - params == set(HEADER_KEYS)
    assert RULE_SCHEMA["properties"]["severity"]["enum"] == list(SEVERITIES)
    assert set(SCHEMA["$defs"]["where"]["properties"]) == set(WHERE_KEYS)
    assert SCHEMA["$defs"]["qualifier"]["enum"] == list(QUALIFIERS)
    for name in MESSAGE_FIELDS:
        assert name in RULE_SCHEMA["properties"]["message"]["description"]


@pytest.mark.parametrize("pack", ["core.yaml", "corpus.yaml", "plausibility.yaml"])
def test_default_packs_validate_against_the_schema(pack: str) -> None:
    data = yaml.safe_load(files("numcheck.rules").joinpath(pack).read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)


def test_params_get_the_kinds_defaults() -> None:
    rule = parse_pack(GOOD, "desk.yaml")[0][0]
    assert rule.params == {"min": None, "max": 10000}
    assert rule.kind is CHECKS["range"]
    assert rule.pack == "desk" and rule.line == 4
    core = load_rules([], use_defaults=True).get("breakdown-sum")
    assert core is not None and dict(core.params) == dict(CHECKS["sum_of_parts"].params)


def test_folders_load_yaml_and_yml(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", GOOD)
    _write(tmp_path, "b.yml", GOOD.replace("max-deaths", "max-injuries"))
    _write(tmp_path, "notes.txt", "not a pack")
    assert load_rules([str(tmp_path)], use_defaults=False).ids == {"max-deaths", "max-injuries"}


# --- rule-file errors: one line each, file:line:col ------------------------------------------------


def test_unknown_check_names_the_allowed_ones(tmp_path: Path) -> None:
    (line,) = _problems(tmp_path, GOOD.replace("check: range", "check: percent"))
    assert line.startswith("x.yaml:5:12: unknown check 'percent' "
                           "(expected one of: change, conversion, corpus_figure, expression, ")


def test_all_problems_of_a_file_are_reported_at_once(tmp_path: Path) -> None:
    text = """\
rules:
  - id: Bad_Id
    check: range
    severity: fatal
    message: "{value.__class__} and {colour}"
    max: high
  - check: range
    severity: error
    message: ok
    max: 1
    maxx: 2
  - id: regex
    check: range
    severity: error
    message: ok
    max: 1
    where: {pattern: "(unclosed", nouns: [x]}
"""
    lines = _problems(tmp_path, text)
    expected = [
        "x.yaml:2:9: rule id 'Bad_Id' must be kebab-case",
        "x.yaml:4:15: bad severity 'fatal' (expected one of: info, warning, error)",
        "x.yaml:5:14: message field '{value.__class__}' uses attribute or index access",
        "x.yaml:5:14: unknown message field 'colour'",
        "x.yaml:6:10: 'max' must be a number",
        "x.yaml:7:5: missing field 'id'",
        "x.yaml:11:5: unknown parameter 'maxx' for check 'range' (expected one of: max, min)",
        "x.yaml:17:13: pattern does not compile",
        "x.yaml:17:35: unknown where filter 'nouns'",
    ]
    assert len(lines) == len(expected), lines
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), (line, start)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("rules:\n  - id: a\n    id: b\n", "x.yaml:3:5: duplicate key 'id' (first given on line 2)"),
        ("rules:\n\t- id: a\n", "x.yaml:2:1: invalid YAML: tab character in indentation"),
        ("rules: [\n", "x.yaml:2:1: invalid YAML: "),
        ("rules:\n  - id: 'open\n", "x.yaml:3:1: invalid YAML: "),
        ("rules: !!python/object/apply:os.system [echo hi]\n", "x.yaml:1:8: unsupported tag"),
        ("rules: !!python/name:os.system\n", "x.yaml:1:8: invalid YAML: could not determine a constructor"),
        ("- just\n- a list\n", "x.yaml:1:1: a rule pack must be a mapping"),
        ("pack: p\n", "x.yaml:1:1: missing 'rules'"),
        ("rules: {}\nextra: 1\n", "x.yaml:1:8: 'rules' must be a list"),
        ("extra: 1\nrules: []\n", "x.yaml:1:1: unknown key 'extra' (expected one of: description, pack, rules)"),
        ("rules:\n  - 3\n", "x.yaml:2:5: a rule must be a mapping"),
        ("rules: " + "[" * 5000 + "]" * 5000, "x.yaml:1:108: nested more than 100 levels deep"),
        ("rules:\n" + "".join("  " * n + "- \n" for n in range(1, 150)), "x.yaml:"),
    ],
)
def test_bad_yaml_is_one_line_with_a_position(tmp_path: Path, text: str, start: str) -> None:
    lines = _problems(tmp_path, text)
    assert lines[0].startswith(start), lines
    assert all("\n" not in line and "Traceback" not in line for line in lines)


def test_billion_laughs_is_refused_quickly_with_a_line(tmp_path: Path) -> None:
    levels = ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, 10):
        levels.append(f"lol{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    text = "\n".join(levels) + "\nrules: *l9\n"
    (line,) = _problems(tmp_path, text)
    assert line.startswith("x.yaml:") and "aliases" in line


def test_wide_alias_expansion_is_bounded(tmp_path: Path) -> None:
    big = "[" + ", ".join(["x"] * 2000) + "]"
    text = f"a: &a {big}\nb: &b [{', '.join(['*a'] * 90)}]\nrules: []\n"
    (line,) = _problems(tmp_path, text)
    assert "too large once aliases are expanded" in line and line.startswith("x.yaml:")


def test_duplicate_ids_across_packs(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.yaml", GOOD)
    second = _write(tmp_path, "b.yaml", GOOD)
    with pytest.raises(RuleFileError) as caught:
        load_rules([first, second], use_defaults=False)
    assert str(caught.value) == f"{second}:4:5: duplicate rule id 'max-deaths' (already defined in {first}:4)"


def test_a_pack_reusing_a_default_id_clashes_with_the_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.yaml", GOOD.replace("max-deaths", "human-age"))
    with pytest.raises(RuleFileError, match=r"duplicate rule id 'human-age' .*rules/plausibility\.yaml"):
        load_rules([path])


def test_missing_path_is_a_rule_file_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="no such rule file"):
        load_rules([str(tmp_path / "nope.yaml")], use_defaults=False)


def test_range_needs_a_limit_and_an_ordered_one(tmp_path: Path) -> None:
    (line,) = _problems(tmp_path, GOOD.replace("    max: 10000\n", ""))
    assert "needs 'min', 'max' or both" in line
    (line,) = _problems(tmp_path, GOOD.replace("max: 10000", "max: 1\n    min: 5"))
    assert "'min' (5) is larger than 'max' (1)" in line


# --- where ---------------------------------------------------------------------------------------


def _where(**filters: object) -> Where:
    from numcheck.ruleset import compile_where

    where, problems = compile_where(filters)
    assert problems == []
    return where


def test_nouns_match_exactly_or_as_the_last_word() -> None:
    where = _where(noun=["state", "country"])
    document, _ = claims_in("x.", )
    for noun, expected in [("state", True), ("member state", True), ("statement", False), ("country", True),
                           ("countryside", False), (None, False), ("State", True)]:
        claim = make_claim("c1", 3, noun=noun)
        assert where.matches(claim, document) is expected, noun


def test_unit_and_qualifier_filters() -> None:
    where = _where(unit="percent", qualifier=["eq", "approx"])
    document, _ = claims_in("x.")
    assert where.matches(make_claim("c1", 3, unit="percent"), document)
    assert not where.matches(make_claim("c1", 3, unit="count"), document)
    assert not where.matches(make_claim("c1", 3, unit="percent", qualifier="gt"), document)


def test_context_words_are_whole_words_in_the_claims_sentence() -> None:
    text = "Turnout was 104% in May. Prices rose 150% of the vote. The returnout was 120%."
    document, claims = claims_in(text, ("104%", {"value": 104, "unit": "percent"}),
                                 ("150%", {"value": 150, "unit": "percent"}),
                                 ("120%", {"value": 120, "unit": "percent"}))
    where = _where(context=["turnout", "of the vote"], not_context=["rose"])
    assert [where.matches(c, document) for c in claims] == [True, False, False]


def test_before_and_after_words_must_touch_the_claim() -> None:
    text = "He died aged 130. A 130-year-old tree fell. Aged care homes took 130 people. They work 30 hours a day."
    document, claims = claims_in(text, ("130", {"value": 130}), ("130", {"value": 130}),
                                 ("130", {"value": 130}), ("30", {"value": 30}))
    before = _where(before=["aged"])
    after = _where(after=["year-old", "years old"])
    hours = _where(after=["hours a day"])
    assert [before.matches(c, document) for c in claims] == [True, False, False, False]
    assert [after.matches(c, document) for c in claims] == [False, True, False, False]
    assert [hours.matches(c, document) for c in claims] == [False, False, False, True]


def test_pattern_is_searched_in_the_sentence() -> None:
    document, claims = claims_in("Storm Ana killed 12,000 people.", ("12,000", {"value": 12000, "noun": "person"}))
    assert _where(pattern=r"storm \w+").matches(claims[0], document)
    assert not _where(pattern=r"hurricane").matches(claims[0], document)


# --- the range check on hand-built claims ----------------------------------------------------------


def _range_rule(**params: object):
    lines = "".join(f"    {k}: {v}\n" for k, v in params.items())
    text = f"rules:\n  - id: r\n    check: range\n    severity: warning\n    message: '{{explanation}}'\n{lines}"
    rules, problems = parse_pack(text, "r.yaml")
    assert problems == []
    return rules[0]


def test_range_fires_only_when_the_whole_interval_is_outside() -> None:
    rule = _range_rule(max=195)
    text = "Some 200 countries came; 210 countries signed; 196 countries met; 195 countries voted."
    _, claims = claims_in(
        text,
        ("200", {"value": 200, "noun": "country", "qualifier": "approx"}),  # 189.5-210.5: may be 195
        ("210", {"value": 210, "noun": "country"}),
        ("196", {"value": 196, "noun": "country"}),  # 195.5-196.5: above 195
        ("195", {"value": 195, "noun": "country"}),
    )
    findings = rule.kind.run(rule, claims, ())
    assert [f.claims for f in findings] == [("c2",), ("c3",)]
    first = findings[0]
    assert first.explanation == "the text says 210 countries; at most 195 is plausible"
    assert (first.expected, first.actual, first.message) == (195, 210, first.explanation)
    assert (first.line, first.column) == (1, text.index("210 countries signed") + 1)


def test_range_minimum_and_units_in_the_explanation() -> None:
    rule = _range_rule(min=-90, max=57)
    _, claims = claims_in("It fell to -95C, then rose to 50C.", ("-95", {"value": -95, "unit": "degree Celsius"}),
                          ("50", {"value": 50, "unit": "degree Celsius"}))
    (finding,) = rule.kind.run(rule, claims, ())
    assert finding.explanation == "the text says -95; at least -90 is plausible"


# --- configured(): select, disable, severity -------------------------------------------------------


def test_select_and_disable_take_ids_or_check_kinds() -> None:
    ruleset = load_rules([], use_defaults=True)
    assert ruleset.configured(select=["range"]).ids == {r.id for r in ruleset.rules if r.check == "range"}
    assert ruleset.configured(select=["breakdown-sum"]).ids == {"breakdown-sum"}
    assert "human-age" not in ruleset.configured(disable=["human-age"]).ids
    assert not any(r.check == "range" for r in ruleset.configured(disable=["range"]).rules)


def test_severity_overrides_by_id_beat_by_kind() -> None:
    ruleset = load_rules([], use_defaults=True).configured(severity={"range": "info", "human-age": "error"})
    levels = {r.id: r.severity for r in ruleset.rules}
    assert levels["human-age"] == "error" and levels["countries-count"] == "info"


def test_unknown_ids_and_bad_severities_are_config_errors() -> None:
    ruleset = load_rules([], use_defaults=True)
    with pytest.raises(ConfigError, match="unknown rule id or check kind: breakdown-summ, nope"):
        ruleset.configured(select=["nope"], disable=["breakdown-summ"])
    with pytest.raises(ConfigError, match="bad severity human-age=fatal"):
        ruleset.configured(severity={"human-age": "fatal"})


def test_ruleset_is_frozen_and_empty_by_default() -> None:
    assert RuleSet().ids == frozenset()
    with pytest.raises(AttributeError):
        RuleSet().rules = ()  # type: ignore[misc]
