"""SARIF 2.1.0 output, validated against the official OASIS schema kept in tests/data."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from _cli import numcheck
from _reportkit import DRONES, build_claim, build_finding, clean_report, drones_report, hostile_report

from numcheck.checks import CHECKS
from numcheck.model import Report
from numcheck.report import RenderContext
from numcheck.report.sarif import FINGERPRINT_KEY, SCHEMA_URI, write
from numcheck.ruleset import Rule

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def rules() -> tuple[Rule, ...]:
    return (
        Rule(id="countries-count", check="range", severity="warning", message="{value:g} {noun}: too many?",
             kind=CHECKS["range"], description="Counts of countries above the number of UN members.\nMore text.",
             pack="core"),
        Rule(id="percent-mismatch", check="percent_of", severity="error",
             message="The text says {actual:g}%, but the parts give {expected:g}%", kind=CHECKS["percent_of"]),
    )


def sarif(reports: list[Report], with_rules: bool = True) -> dict:
    out = io.StringIO()
    write(iter(reports), out, RenderContext(rules=rules() if with_rules else (), version="9.9.9"))
    return json.loads(out.getvalue())


def official_errors(log: dict) -> list[str]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return [f"{list(e.path)}: {e.message}" for e in validator_class(schema).iter_errors(log)]


def test_the_official_schema_and_its_licence_are_kept_together() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    licence = (SCHEMA_PATH.parent / "sarif-schema-2.1.0.LICENSE.md").read_text(encoding="utf-8")
    assert "oasis-tcs/sarif-spec" in licence and "OASIS" in licence


@pytest.mark.parametrize("with_rules", [True, False], ids=["rules-given", "no-rules"])
def test_output_validates_against_the_official_schema(with_rules: bool) -> None:
    failed = Report(source="broken.txt", errors=("broken.txt: not valid UTF-8",))
    log = sarif([drones_report(), clean_report(), hostile_report(), failed], with_rules)
    assert official_errors(log) == []
    assert log["$schema"] == SCHEMA_URI and log["version"] == "2.1.0"


def test_a_broken_log_fails_the_official_schema() -> None:
    """The validation above can fail: a level SARIF does not know is refused."""
    log = sarif([drones_report()])
    log["runs"][0]["results"][0]["level"] = "info"
    assert official_errors(log)


def test_driver_lists_rules_with_descriptions_help_and_levels() -> None:
    driver = sarif([drones_report()])["runs"][0]["tool"]["driver"]
    assert driver["name"] == "numcheck" and driver["version"] == "9.9.9"
    assert "informationUri" not in driver  # optional in SARIF; numcheck has no public page to point at
    first = driver["rules"][0]
    assert first["id"] == "countries-count"
    assert first["shortDescription"]["text"] == "Counts of countries above the number of UN members."
    assert first["fullDescription"]["text"].endswith("More text.")
    assert "range" in first["help"]["text"]
    assert first["defaultConfiguration"]["level"] == "warning"
    # rules a finding names but the context did not list are added, never dropped
    assert [r["id"] for r in driver["rules"]] == ["countries-count", "percent-mismatch", "share-rounding"]
    assert driver["rules"][2]["defaultConfiguration"]["level"] == "note"


def test_results_point_at_rules_and_at_the_figure() -> None:
    run = sarif([drones_report()])["runs"][0]
    results = {r["ruleId"]: r for r in run["results"]}
    error = results["percent-mismatch"]
    assert run["tool"]["driver"]["rules"][error["ruleIndex"]]["id"] == "percent-mismatch"
    assert error["level"] == "error" and results["share-rounding"]["level"] == "note"
    assert error["message"]["text"] == ("The text says 80%, but 84 of 112 is 75% "
                                        "84 of 112 is 75.0%; the text says 80%")
    location = error["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news/drones.md", "uriBaseId": "%SRCROOT%"}
    region = location["region"]
    assert region == {"startLine": 3, "startColumn": 61, "endLine": 3, "endColumn": 64,
                      "charOffset": DRONES.index("80%"), "charLength": 3}
    related = [loc["message"]["text"] for loc in error["relatedLocations"]]
    assert related == ["c2: 84", "c1: 112"]
    assert run["columnKind"] == "unicodeCodePoints"


def test_paths_become_forward_slash_relative_uris(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    inside = str(tmp_path / "desk" / "my story.md")
    log = sarif([drones_report("./news/a.md"), drones_report(inside), drones_report("news\\b.md")])
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert sorted(set(uris)) == ["desk/my%20story.md", "news/a.md", "news/b.md"]


def test_fingerprints_survive_a_paragraph_added_above() -> None:
    before = drones_report()
    text = "A new first line.\n" + DRONES
    claims = [build_claim(text, c.text, c.id, c.value, c.unit, c.noun) for c in before.claims]
    by_id = {c.id: c for c in claims}
    moved = replace(before, claims=tuple(claims), findings=tuple(
        build_finding([by_id[i] for i in f.claims], f.rule, f.check, f.severity, f.message, f.source, f.explanation)
        for f in before.findings))

    def prints(report: Report) -> dict[str, str]:
        return {r["ruleId"]: r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif([report])["runs"][0]["results"]}

    assert prints(moved) == prints(before)
    assert len(set(prints(before).values())) == 3
    assert prints(drones_report("other.md")) != prints(before)


def test_the_same_finding_twice_gets_distinct_fingerprints() -> None:
    report = drones_report()
    twice = replace(report, findings=(report.findings[1], report.findings[1]))
    values = [r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif([twice])["runs"][0]["results"]]
    assert values[0].endswith(":1") and values[1].endswith(":2") and values[0][:-2] == values[1][:-2]


def test_input_errors_become_tool_notifications() -> None:
    run = sarif([Report(source="broken.txt", errors=("broken.txt: not valid UTF-8",)), clean_report()])["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "broken.txt: not valid UTF-8"
    assert run["results"] == []


def test_cli_sarif_with_the_default_rule_packs_validates(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.txt").write_text(
        "Of the 40 members, 41 voted in favour, the clerk said.\n"
        "Of the 112 drones launched overnight, 84 were shot down, or 80%.\n", encoding="utf-8")
    done = numcheck("check", "desk", "--format", "sarif", "--output", "out.sarif", "--fail-on", "never", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert official_errors(log) == []
    driver = log["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    assert len(driver["rules"]) > 3 and all(r["help"]["text"] for r in driver["rules"])
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/story.txt"
