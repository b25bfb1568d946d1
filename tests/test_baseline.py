"""Baselines: keys that survive moved lines, multiset hiding, bad files, and the CLI wiring."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest

from numcheck.baseline import BaselineRun, finding_keys, load_baseline, write_baseline
from numcheck.cli import main
from numcheck.errors import ConfigError, InputError
from numcheck.model import Claim, Finding, Report


def claim(cid: str, text: str, value: float, line: int) -> Claim:
    return Claim(cid, text, value, "count", "home", "eq", value, value, 1, line * 10, line * 10 + len(text), 0, 0,
                 line, 1)


def finding(rule: str, ids: tuple[str, ...], line: int) -> Finding:
    return Finding(rule, "sum_of_parts", "error", "parts do not add up", ids, line * 10, line * 10 + 3, line, 1,
                   120, 110, "news/a.md", "50 + 40 + 20 = 110; the text says 120")


def report(source: str = "news/a.md", shift: int = 0, copies: int = 1) -> Report:
    claims = (claim("c1", "120", 120, 2 + shift), claim("c2", "50", 50, 3 + shift), claim("c3", "40", 40, 3 + shift))
    findings = tuple(finding("breakdown-sum", ("c1", "c2", "c3"), 2 + shift) for _ in range(copies))
    return Report(source=source, claims=claims, findings=findings)


def test_key_is_source_rule_and_claim_texts_not_lines():
    (_, key), = finding_keys(report(source="./news//a.md"))
    assert key == ("news/a.md", "breakdown-sum", ("120", "50", "40"))
    (_, moved), = finding_keys(report(shift=7))
    assert moved == key


def test_filter_hides_known_findings_even_after_they_move():
    run = BaselineRun()
    run.known = Counter(k for _, k in finding_keys(report()))
    out = list(run.filter([report(shift=5)]))
    assert out[0].findings == ()


def test_filter_counts_duplicates_and_reports_only_the_extra_one():
    run = BaselineRun()
    run.known = Counter(k for _, k in finding_keys(report(copies=1)))
    (out,) = run.filter([report(copies=2)])
    assert len(out.findings) == 1
    assert out.findings[0].rule == "breakdown-sum"


def test_filter_passes_input_errors_and_other_articles_through():
    run = BaselineRun()
    run.known = Counter(k for _, k in finding_keys(report()))
    error = InputError("x.md", "no such file or directory")
    out = list(run.filter([error, report(source="news/b.md")]))
    assert out[0] is error
    assert len(out[1].findings) == 1


def test_write_then_load_round_trips(tmp_path):
    run = BaselineRun(write=str(tmp_path / "base.json"))
    list(run.filter([report(copies=2), report(source="news/b.md")]))
    err = io.StringIO()
    run.finish(err)
    assert "recorded 3 finding(s)" in err.getvalue()
    data = json.loads((tmp_path / "base.json").read_text())
    assert data["version"] == 1
    assert data["findings"][0] == {"source": "news/a.md", "rule": "breakdown-sum", "claims": ["120", "50", "40"],
                                   "count": 2}
    assert load_baseline(str(tmp_path / "base.json")) == run.seen


def test_written_file_is_sorted_for_clean_diffs():
    keys = Counter({("b.md", "x", ("1",)): 1, ("a.md", "y", ("2",)): 1})
    out = io.StringIO()
    write_baseline(keys, out)
    assert [e["source"] for e in json.loads(out.getvalue())["findings"]] == ["a.md", "b.md"]
    assert len(out.getvalue().splitlines()) == 4  # one finding a line
    empty = io.StringIO()
    write_baseline(Counter(), empty)
    assert json.loads(empty.getvalue()) == {"version": 1, "findings": []}


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "invalid JSON"),
        ('{"version": 2, "findings": []}', "not a numcheck baseline"),
        ('{"version": 1, "findings": [{"source": "a", "rule": "r", "claims": [1]}]}', "baseline entry 0"),
        ('{"version": 1, "findings": [{"source": "a", "rule": "r", "claims": [], "count": 0}]}', "baseline entry 0"),
    ],
)
def test_bad_baseline_is_a_config_error_naming_the_file(tmp_path, content, needle):
    path = tmp_path / "base.json"
    path.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_baseline(str(path))
    assert str(info.value).startswith(str(path))
    assert needle in str(info.value)


def test_cli_bad_baseline_exits_2_before_reading_articles(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Nothing to see.\n")
    bad = tmp_path / "base.json"
    bad.write_text("[]")
    assert main(["check", str(tmp_path / "a.txt"), "--baseline", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}: not a numcheck baseline")


def test_cli_missing_baseline_exits_2(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Nothing to see.\n")
    assert main(["check", str(tmp_path / "a.txt"), "--baseline", str(tmp_path / "none.json")]) == 2
    assert "baseline file not found" in capsys.readouterr().err


BROKEN = (
    "The council approved 120 new homes this year: 50 in the north, 40 in the centre and 20 in the south.\n"
)


def test_cli_write_baseline_then_baseline_reports_only_new_findings(tmp_path, capsys):
    article = tmp_path / "homes.txt"
    article.write_text(BROKEN)
    base = tmp_path / "base.json"
    assert main(["check", str(article), "--format", "json"]) == 1, "the planted breakdown should be found"
    capsys.readouterr()

    assert main(["check", str(article), "--write-baseline", str(base)]) == 0
    assert "recorded" in capsys.readouterr().err
    recorded = json.loads(base.read_text())["findings"]
    assert any(e["rule"] == "breakdown-sum" for e in recorded)

    # Moving the sentence down does not bring the finding back.
    article.write_text("Housing news.\n\n" + BROKEN)
    assert main(["check", str(article), "--baseline", str(base), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["findings"] == []

    # A second, new inconsistency is reported.
    article.write_text(BROKEN + "\nThe county approved 90 new schools: 30 in the east and 40 in the west.\n")
    assert main(["check", str(article), "--baseline", str(base), "--format", "json"]) == 1
    new = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert new and all(f["line"] == 3 for f in new)
