"""numcheck.testing: the assertion family, first on hand-built reports, then end to end on real text."""

from __future__ import annotations

import pytest

from numcheck.errors import ConfigError
from numcheck.model import Claim, Finding, Report
from numcheck.testing import (
    assert_claims,
    assert_consistent,
    assert_finding,
    assert_no_finding,
    parse_spec,
)
from tests._projectkit import ARTICLE, make_project


def claim(cid: str, text: str, value: float, unit: str = "count", noun: str | None = None, line: int = 1) -> Claim:
    return Claim(cid, text, value, unit, noun, "eq", value, value, 1, 0, len(text), 0, 0, line, 5)


def finding(rule: str, check: str, severity: str = "error", line: int = 2) -> Finding:
    return Finding(rule, check, severity, "The parts add up to 110, but the total given is 120", ("c1",), 0, 3,
                   line, 7, 120, 110, "<text>", "50 + 40 + 20 = 110; the text says 120")


class FakeChecker:
    """Stands in for a Checker so the messages can be tested before (and apart from) extraction."""

    def __init__(self, findings=(), claims=()):
        self.findings = tuple(findings)
        self.claims = tuple(claims)
        self.seen: list[tuple[str, str, str]] = []

    def check(self, text, source="<text>", kind=None):
        self.seen.append((text, source, kind))
        return Report(source=source, claims=self.claims, findings=self.findings)

    def extract(self, text, kind="text"):
        self.seen.append((text, "", kind))
        return list(self.claims)


def test_assert_consistent_lists_findings_and_points_to_the_frame():
    fake = FakeChecker([finding("breakdown-sum", "sum_of_parts"), finding("repeated-figure", "repeated_figure",
                                                                          "warning", line=4)])
    with pytest.raises(AssertionError) as info:
        assert_consistent("The council approved 120 homes.", checker=fake)
    message = str(info.value)
    assert "numcheck found 1 finding(s) at or above 'error' in <text>:" in message
    assert "  2:7 error breakdown-sum The parts add up to 110, but the total given is 120" in message
    assert "      50 + 40 + 20 = 110; the text says 120" in message
    assert "repeated-figure" not in message
    assert "findings_frame()" in message


def test_assert_consistent_fail_on_warning_and_never():
    fake = FakeChecker([finding("repeated-figure", "repeated_figure", "warning")])
    assert assert_consistent("x", checker=fake).findings  # warnings pass at the default level
    with pytest.raises(AssertionError, match="repeated-figure"):
        assert_consistent("x", fail_on="warning", checker=fake)
    assert_consistent("x", fail_on="never", checker=FakeChecker([finding("breakdown-sum", "sum_of_parts")]))
    with pytest.raises(ValueError, match="fail_on"):
        assert_consistent("x", fail_on="sometimes", checker=fake)


def test_text_or_path_reads_existing_files_with_their_markup(tmp_path):
    article = tmp_path / "story.md"
    article.write_text("# Title\n\nSome 12 boats.\n")
    fake = FakeChecker()
    assert_consistent(article, checker=fake)
    assert_consistent(str(article), checker=fake)
    assert_consistent("no such file.md", checker=fake)  # not a file: it is the text
    assert fake.seen[0] == ("# Title\n\nSome 12 boats.\n", str(article), "markdown")
    assert fake.seen[1][1:] == (str(article), "markdown")
    assert fake.seen[2] == ("no such file.md", "<text>", "text")


def test_missing_path_object_is_an_assertion_error(tmp_path):
    with pytest.raises(AssertionError, match="no such file"):
        assert_consistent(tmp_path / "gone.md", checker=FakeChecker())


def test_assert_no_finding_matches_rule_id_or_check_kind():
    fake = FakeChecker([finding("breakdown-sum", "sum_of_parts")])
    assert_no_finding("x", "percent-of-count", checker=fake)
    for name in ("breakdown-sum", "sum_of_parts"):
        with pytest.raises(AssertionError, match=r"expected no '.*' finding in <text>, found 1:\n  2:7 error"):
            assert_no_finding("x", name, checker=fake)


def test_assert_finding_returns_it_or_lists_what_was_found():
    fake = FakeChecker([finding("breakdown-sum", "sum_of_parts", line=2)])
    assert assert_finding("x", "sum_of_parts", checker=fake).rule == "breakdown-sum"
    assert assert_finding("x", "breakdown-sum", line=2, checker=fake).line == 2
    with pytest.raises(AssertionError) as info:
        assert_finding("x", "breakdown-sum", line=9, checker=fake)
    assert "expected a 'breakdown-sum' finding on line 9 in <text>; numcheck found:\n  2:7 error" in str(info.value)
    with pytest.raises(AssertionError, match=r"\(no findings at all\)"):
        assert_finding("x", "change", checker=FakeChecker())


def test_parse_spec_reads_values_scales_and_words():
    assert parse_spec("26 countries") == parse_spec("26 countries")
    assert (parse_spec("26 countries").value, parse_spec("26 countries").word) == (26, "countries")
    assert parse_spec("1.1 billion EUR").value == pytest.approx(1.1e9)
    assert parse_spec("1.1bn EUR").word == "eur"
    assert parse_spec("3,000 member states").value == 3000
    assert parse_spec("3,000 member states").word == "member states"
    assert parse_spec("12").word == ""
    with pytest.raises(ValueError, match="must start with a number"):
        parse_spec("EUR 1.1 billion")


def test_assert_claims_reduces_a_plural_the_way_extraction_does():
    # One singular for both sides: "cases" is "case", not "cas"; "crises" is "crisis", not "crise".
    text = "Officials confirmed 40 new cases in 12 member states; 3 crises drew 52 analyses."
    matched = assert_claims(text, ["40 cases", "12 member states", "3 crises", "52 analyses"])
    assert [c.noun for c in matched] == ["case", "member state", "crisis", "analysis"]


def test_assert_claims_compares_value_and_noun_or_unit():
    claims = [claim("c1", "26 countries", 26, noun="country"), claim("c2", "€1.1 billion", 1.1e9, unit="EUR"),
              claim("c3", "75%", 75, unit="percent"), claim("c4", "3", 3, noun="drone")]
    fake = FakeChecker(claims=claims)
    matched = assert_claims("x", ["26 countries", "1.1 billion EUR", "75%", "3"], checker=fake)
    assert [c.id for c in matched] == ["c1", "c2", "c3", "c4"]
    with pytest.raises(AssertionError) as info:
        assert_claims("x", ["27 countries", "1.1 billion USD", "26 nations"], checker=fake)
    message = str(info.value)
    assert "missing: '27 countries'" in message and "missing: '1.1 billion USD'" in message
    assert "missing: '26 nations'" in message
    assert "1:5 '26 countries' value=26 unit=count noun=country" in message
    with pytest.raises(AssertionError, match=r"unexpected: .*'3' value=3"):
        assert_claims("x", ["26 countries", "1.1 billion EUR", "75%"], exact=True, checker=fake)


def test_one_claim_cannot_satisfy_two_specs():
    fake = FakeChecker(claims=[claim("c1", "26 countries", 26, noun="country")])
    with pytest.raises(AssertionError, match="missing: '26 countries'"):
        assert_claims("x", ["26 countries", "26 countries"], checker=fake)


# End to end on real text: these need the extractor, relations and the core rule pack.

FERRY_BAD = "The ferry carried 64 people: 41 adults, 19 children and eight crew."
FERRY_GOOD = "The ferry carried 64 people: 41 adults, 15 children and eight crew."


def test_real_breakdown_that_does_not_add_up_fails_with_its_message():
    with pytest.raises(AssertionError) as info:
        assert_consistent(FERRY_BAD)
    assert "1:" in str(info.value) and "error breakdown-sum" in str(info.value)
    assert assert_finding(FERRY_BAD, "breakdown-sum", line=1).check == "sum_of_parts"


def test_real_consistent_text_passes():
    report = assert_consistent(FERRY_GOOD)
    assert_no_finding(FERRY_GOOD, "sum_of_parts")
    assert len(report.claims) >= 4


def test_real_claims_are_read_as_specified():
    assert_claims("Delegates from 26 countries pledged €1.1 billion.", ["26 countries", "1.1 billion EUR"])
    with pytest.raises(AssertionError, match="missing: '27 countries'"):
        assert_claims("Delegates from 26 countries pledged €1.1 billion.", ["27 countries"])


# --- the project config, as the CLI reads it ---------------------------------------------------------


def test_assert_consistent_inside_a_project_honours_its_config(tmp_path, monkeypatch):
    article = make_project(tmp_path / "desk", yaml_text="disable: [countries-count]\n")
    outside = tmp_path / "elsewhere"
    (outside / ".git").mkdir(parents=True)  # a repository of its own, with no config
    monkeypatch.chdir(outside)
    with pytest.raises(AssertionError, match="countries-count"):
        assert_consistent(ARTICLE, fail_on="warning")
    assert_consistent(article, fail_on="warning")  # a file: its own project's config, wherever the test runs
    monkeypatch.chdir(article.parent)  # text: the config found from the current folder
    report = assert_consistent(ARTICLE, fail_on="warning")
    assert [c.value for c in report.claims] == [210] and report.findings == ()


def test_assertions_load_the_projects_packs(tmp_path, monkeypatch):
    article = make_project(tmp_path, pyproject='[tool.numcheck]\nrules = ["desk"]\n')
    monkeypatch.chdir(article.parent)
    assert assert_finding(ARTICLE, "treaty-size").severity == "error"
    with pytest.raises(AssertionError, match=r"treaty-size the text says 210 countries"):
        assert_consistent(article)
    (tmp_path / "pyproject.toml").write_text('[tool.numcheck]\nrules = ["desk"]\nseverity = { treaty-size = "info" }\n')
    assert_consistent(article)


def test_assertions_report_a_bad_project_config_with_its_position(tmp_path, monkeypatch):
    article = make_project(tmp_path, yaml_text="disable: [countries-count]\ncolour: red\n")
    monkeypatch.chdir(article.parent)
    with pytest.raises(ConfigError, match=r"\.numcheck\.yaml:2:1: unknown key 'colour'"):
        assert_consistent(ARTICLE)


def test_in_pytest_nothing_passes_by_accident_and_failures_show_findings_not_numcheck_source(pytester):
    """Through pytest, as a newsroom runs it: a Path is a file, a lone missing file name or a folder is
    an error (never text that happens to have no findings), and a failure shows the finding table
    without numcheck's own frames."""
    pytester.mkdir("news")
    (pytester.path / "news" / "ferry.md").write_text(
        "# Ferry\n\nThe ferry carried 64 people: 41 adults, 19 children and eight crew.\n")
    pytester.makepyfile(test_desk="""
        from pathlib import Path
        from numcheck.testing import assert_claims, assert_consistent, assert_no_finding

        def test_path_is_read_as_a_file():
            assert_consistent(Path("news/ferry.md"))

        def test_missing_file_name():
            assert_consistent("news/feri.md")

        def test_missing_path_object():
            assert_no_finding(Path("news/feri.md"), "breakdown-sum")

        def test_folder_name():
            assert_consistent("news")

        def test_folder_path():
            assert_claims(Path("news"), ["64 people"])

        def test_text_is_still_text():
            assert_consistent("The ferry carried 64 people: 41 adults, 15 children and eight crew.")
    """)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=5)
    out = result.stdout.str()
    result.stdout.fnmatch_lines([
        "*AssertionError: numcheck found 1 finding(s) at or above 'error' in news/ferry.md:",
        "*3:19 error breakdown-sum *",
        "*AssertionError: news/feri.md: no such file (a lone file name is read as a path*",
        "*AssertionError: news/feri.md: no such file or directory",
        "*AssertionError: news: is a directory; numcheck.testing checks one article*",
        "*AssertionError: news: is a directory; numcheck.testing checks one article*",
    ], consecutive=False)
    assert "numcheck/testing.py" not in out and "raise AssertionError" not in out and "def _read" not in out
