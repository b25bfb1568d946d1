"""The rule schema is generated from the check registry, and a pack is validated against it.

Check kinds declare their parameters' schema; nothing in ``ruleset.py`` names a kind's parameter,
so a kind registered at run time (the toy kind below) is validated like a shipped one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.checks import CHECKS, CheckKind
from numcheck.checks.finding import MESSAGE_FIELDS, make_finding
from numcheck.errors import RuleFileError
from numcheck.rules_schema import is_prevalidated, schema_text, validated_text, write_generated
from numcheck.ruleset import default_pack_paths, load_rules, parse_pack
from tests._claimkit import claims_in

SHIPPED = files("numcheck").joinpath("rules.schema.json")


STALE = "is stale: run python -m numcheck.rules_schema --write"


def test_the_shipped_schema_is_the_generated_one() -> None:
    """Fails when a kind's parameters change without regenerating the schema; the fix is the
    command in the message."""
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(CHECKS, MESSAGE_FIELDS), f"rules.schema.json {STALE}"


def test_the_record_of_validated_packs_is_current() -> None:
    """``numcheck/rules.validated`` lets ``numcheck check`` skip jsonschema for the shipped packs;
    it must name exactly their current text and the current schema."""
    packs = {p.name: p.read_text(encoding="utf-8") for p in default_pack_paths()}
    recorded = files("numcheck").joinpath("rules.validated").read_text(encoding="utf-8")
    assert recorded == validated_text(SHIPPED.read_text(encoding="utf-8"), packs), f"rules.validated {STALE}"
    assert all(is_prevalidated(name, text) for name, text in packs.items())
    assert not is_prevalidated("core.yaml", packs["core.yaml"] + "\n# edited\n")


def test_an_edited_shipped_pack_is_validated_again(tmp_path: Path) -> None:
    """The record is a digest of the exact text: a bad edit to a shipped pack is still refused."""
    write_generated(_package_copy(tmp_path))
    core = tmp_path / "numcheck" / "rules" / "core.yaml"
    core.write_text(core.read_text(encoding="utf-8").replace("severity: error", "severity: fatal", 1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "numcheck.cli", "rules", "list"], capture_output=True, text=True,
                          env=env, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("rules/core.yaml:") and "bad severity 'fatal'" in done.stderr


def _package_copy(tmp_path: Path) -> Path:
    source = Path(str(files("numcheck")))
    shutil.copytree(source, tmp_path / "numcheck", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "numcheck"


def test_the_schema_is_valid_draft_2020_12() -> None:
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(json.loads(SHIPPED.read_text(encoding="utf-8")))


def test_the_module_prints_the_schema() -> None:
    done = subprocess.run([sys.executable, "-m", "numcheck.rules_schema"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["$defs"]["check-range"]["properties"]["max"]["type"] == "number"


def test_every_kind_describes_its_parameters_in_the_schema() -> None:
    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    for name, kind in CHECKS.items():
        params = schema["$defs"][f"check-{name}"]["properties"]
        assert {k for k, v in params.items() if v is not True} == {*kind.params, *kind.required}, name
        assert all(params[p].get("description") for p in kind.params if "$ref" not in params[p]), name


def test_a_kind_must_describe_exactly_its_parameters() -> None:
    with pytest.raises(ValueError, match="schema must describe exactly its parameters"):
        CheckKind(name="bad", run=lambda *a: [], params={"limit": 1}, schema={})


# --- a kind registered at run time -----------------------------------------------------------------


def _loud(rule, claims, relations):  # type: ignore[no-untyped-def]
    """Fires on every claim of at least ``loudness``."""
    loud = [c for c in claims if c.value >= rule.params["loudness"]]
    return [make_finding(rule, [c], explanation=f"{c.text} is loud") for c in loud]


TOY = CheckKind(
    name="loud", run=_loud, params={"loudness": 10, "shout": False},
    schema={"loudness": {"type": "number", "description": "How big is loud."},
            "shout": {"type": "boolean", "description": "Say it louder."}},
)
TOY_CHECKS = {**CHECKS, "loud": TOY}

TOY_PACK = """\
pack: toys
rules:
  - id: loud-figures
    check: loud
    severity: info
    message: "{explanation}"
    loudness: 100
"""


def test_a_toy_kind_validates_and_runs(tmp_path: Path) -> None:
    path = tmp_path / "toys.yaml"
    path.write_text(TOY_PACK, encoding="utf-8")
    (rule,) = load_rules([str(path)], use_defaults=False, checks=TOY_CHECKS).rules
    assert rule.kind is TOY and dict(rule.params) == {"loudness": 100, "shout": False}
    _, claims = claims_in("They counted 120 birds and 12 bats.", ("120", {"value": 120}), ("12", {"value": 12}))
    assert [f.explanation for f in rule.kind.run(rule, claims, ())] == ["120 is loud"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("loudness: 100", "toys.yaml:7:15: 'loudness' must be a number, not a string"),
        ("loudness: 100\n    shout: loudly", "toys.yaml:8:12: 'shout' must be true or false, not a string"),
        ("loudness: 100\n    volume: 3",
         "toys.yaml:8:5: unknown parameter 'volume' for check 'loud' (expected one of: loudness, shout)"),
    ],
)
def test_a_toy_kinds_mistakes_are_located(change: str, expected: str) -> None:
    text = TOY_PACK.replace("loudness: 100", change)
    if expected.startswith("toys.yaml:7:15"):
        text = text.replace("loudness: 100", "loudness: very")
    _, problems = parse_pack(text, "toys.yaml", TOY_CHECKS)
    assert [str(p) for p in problems] == [expected]


def test_without_the_kind_registered_the_pack_is_refused() -> None:
    _, problems = parse_pack(TOY_PACK, "toys.yaml")
    assert [str(p) for p in problems] == [
        "toys.yaml:4:12: unknown check 'loud' (expected one of: " + ", ".join(sorted(CHECKS)) + ")"]


# --- wording: today's messages, from the schema ------------------------------------------------------

BASE = """\
pack: desk
rules:
  - id: ages
    check: range
    severity: warning
    message: "{explanation}"
    max: 122
"""


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("severity: warning", "severity: warn",
         "bad2.yaml:5:15: bad severity 'warn' (expected one of: info, warning, error)"),
        ("severity: warning", "severity: 3", "bad2.yaml:5:15: 'severity' must be a string, not a number"),
        ("id: ages", "id: 7", "bad2.yaml:3:9: 'id' must be a string, not a number"),
        ("max: 122", "max: 122\n    where: [age]",
         "bad2.yaml:8:12: 'where' must be a mapping of noun, unit, qualifier, context, not_context, clause, "
         "not_clause, before, after, pattern"),
        ("max: 122", "max: 122\n    where: {noun: ''}", "bad2.yaml:8:19: 'noun' must be a word or a list of words"),
        ("max: 122", "max: 122\n    where: {noun: [age, ' ']}",
         "bad2.yaml:8:25: 'noun' must be a word or a list of words"),
        ("max: 122", "max: 122\n    where: {qualifier: [eq, about]}",
         "bad2.yaml:8:29: unknown qualifier 'about' (expected one of: approx, eq, ge, gt, le, lt, vague)"),
        ("max: 122", "max: 122\n    examples: {pass: [1]}", "bad2.yaml:8:23: 'examples.pass' must be a list of texts"),
        ("max: 122", "max: 122\n    examples: {maybe: []}",
         "bad2.yaml:8:16: unknown examples key 'maybe' (expected one of: fail, pass)"),
        ("pack: desk", "pack: [desk]", "bad2.yaml:1:7: 'pack' must be a string, not a list"),
        ("check: range", "check: [range]", "bad2.yaml:4:12: 'check' must be a string, not a list"),
        ("max: 122", "max: 122\n    where: {pattern: 5}",
         "bad2.yaml:8:22: 'pattern' must be a regular expression string"),
        ("max: 122", "max: 122\n    7: seven", "bad2.yaml:8:5: unknown parameter '7' for check 'range' "
         "(expected one of: max, min)"),
    ],
)
def test_schema_errors_keep_todays_wording(old: str, new: str, expected: str) -> None:
    _, problems = parse_pack(BASE.replace(old, new), "bad2.yaml")
    assert [str(p) for p in problems] == [expected]


EXPRESSION = """\
rules:
  - id: adds-up
    check: expression
    severity: error
    message: "{explanation}"
    names:
      total: {noun: passenger}
      adults: {noun: adult, nth: 0}
    expression: "adults == total"
"""


def test_one_example_text_is_a_list_of_one() -> None:
    (rule,), problems = parse_pack(BASE + "    examples: {fail: 'She was 130 years old.'}\n", "x.yaml")
    assert problems == [] and rule.examples_fail == ("She was 130 years old.",)


def test_expression_names_are_checked_by_the_schema() -> None:
    _, problems = parse_pack(EXPRESSION, "x.yaml")
    assert [str(p) for p in problems] == [
        "x.yaml:8:34: 'nth' must be a whole number: 1 for the first claim, -1 for the last"]
    _, problems = parse_pack(EXPRESSION.replace("adults: {noun: adult, nth: 0}", "_adults: {noun: adult}")
                             .replace("adults ==", "_adults =="), "x.yaml")
    assert "x.yaml:8:7: '_adults' is not a valid name (letters, digits and '_')" in [str(p) for p in problems]
    no_expression = EXPRESSION.replace("    expression: \"adults == total\"\n", "").replace(", nth: 0", "")
    _, problems = parse_pack(no_expression, "x.yaml")
    assert [str(p) for p in problems] == ["x.yaml:2:5: missing field 'expression' (required by check 'expression')"]


def test_the_loader_names_no_parameter_of_any_kind() -> None:
    """ruleset.py knows header keys only; every parameter comes from a kind's declaration."""
    source = Path(files("numcheck").joinpath("ruleset.py")).read_text(encoding="utf-8")
    params = {p for kind in CHECKS.values() for p in (*kind.params, *kind.required)}
    assert not [p for p in params if f'"{p}"' in source or f"'{p}'" in source]


def test_a_bad_rule_file_is_one_error_per_problem() -> None:
    with pytest.raises(RuleFileError):
        raise RuleFileError.several(parse_pack(BASE.replace("max: 122", "max: old"), "a.yaml")[1])


def test_jsonschema_is_imported_only_when_a_pack_is_validated(tmp_path: Path) -> None:
    pack = tmp_path / "desk.yaml"
    pack.write_text(BASE, encoding="utf-8")
    code = (
        "import sys, numcheck\n"
        "from numcheck.ruleset import load_rules\n"
        "assert 'jsonschema' not in sys.modules, 'imported by import numcheck'\n"
        "load_rules([])\n"
        "assert 'jsonschema' not in sys.modules, 'imported for the prevalidated shipped packs'\n"
        f"load_rules([{str(pack)!r}])\n"
        "assert 'jsonschema' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)


KEYS = st.sampled_from(["pack", "rules", "id", "check", "severity", "message", "where", "examples", "pass", "fail",
                        "noun", "pattern", "qualifier", "max", "min", "tolerance", "names", "expression", "nth",
                        "events", "window_hours", "update_severity", "x"])
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=True),
                   st.sampled_from(["range", "expression", "corpus_figure", "warning", "{value}", "a == b", "(x",
                                    "eq", "about", "", "{text:>999}"]), st.text(max_size=8))
DATA = st.recursive(LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                    st.dictionaries(KEYS, inner, max_size=5)), max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(DATA, st.lists(st.dictionaries(KEYS, DATA, max_size=7), max_size=3))
def test_any_yaml_shape_is_problems_or_rules_never_a_crash(top: object, rules: list[dict[str, object]]) -> None:
    for data in (top, {"rules": rules}, {"pack": "p", "rules": [{**r, "check": "range"} for r in rules]}):
        text = yaml.safe_dump(data, allow_unicode=True)
        loaded, problems = parse_pack(text, "x.yaml")
        assert all(str(p).startswith("x.yaml:") and "\n" not in str(p) for p in problems)
        if data is not top:  # no rule is dropped without a problem saying why
            assert len(loaded) == len(rules) or problems
