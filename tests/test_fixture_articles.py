"""The fixture article set is itself correct: the accuracy benchmark is only as honest as its labels.

These tests check the set (names, sidecars, expected figures on the stated lines, coverage per check
kind) and the scorer's matching rules with a stand-in checker. They do not assert the engine's
recall: ``benchmarks/score_check.py`` measures that.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from numcheck.checks import CHECKS

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("score_check", ROOT / "benchmarks" / "score_check.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score_check", module)
    spec.loader.exec_module(module)
    return module


sc = _load_scorer()
FIXTURES = sc.load_fixtures(ARTICLES)
BY_NAME = {f.path.name: f for f in FIXTURES}

#: The rule ids issue 4 names; the packs may hold more plausibility rules besides these.
EXPECTED_RULES = {
    "part-exceeds-whole", "breakdown-sum", "percent-of-count", "percent-granularity", "fraction-of-whole",
    "change-arithmetic", "repeated-figure", "countries-count", "share-over-100", "human-age",
    "earth-temperature-celsius",
}


def _words(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", text)  # html tags are not words
    return len(re.findall(r"[^\W_][\w'’.,%$€£-]*", text))


def test_set_is_large_and_mixed():
    suffixes = Counter(f.path.suffix for f in FIXTURES)
    assert len(FIXTURES) >= 60
    assert suffixes[".md"] > len(FIXTURES) / 2
    assert suffixes[".txt"] >= 5
    assert 2 <= suffixes[".html"] <= 3


def test_every_sidecar_has_an_article():
    stems = {f.path.stem for f in FIXTURES}
    for sidecar in ARTICLES.glob("*" + sc.SIDECAR_SUFFIX):
        assert sidecar.name[: -len(sc.SIDECAR_SUFFIX)] in stems, f"{sidecar.name} has no article"
    assert {p.name for p in ARTICLES.iterdir()} <= {
        name for f in FIXTURES for name in (f.path.name, f.path.stem + sc.SIDECAR_SUFFIX)
    }


def test_rule_table_is_the_issue_list():
    assert EXPECTED_RULES <= set(sc.RULES)
    # Fixture articles are single articles: checks across articles (scope "frames") have none.
    one_article = {kind for kind in sc.RULES.values() if CHECKS[kind].scope == "claims"}
    assert one_article - {"expression"} == set(sc.KIND_SLUGS.values())


@pytest.mark.parametrize("kind", sorted(set(sc.KIND_SLUGS.values())))
def test_each_kind_has_four_broken_and_four_traps(kind):
    roles = Counter(f.role for f in FIXTURES if f.kind == kind)
    assert roles["broken"] >= 4
    assert roles["trap"] >= 4


def test_range_broken_articles_cover_every_plausibility_rule():
    rules = {e.rule for f in FIXTURES if f.kind == "range" and f.role == "broken" for e in f.expected}
    assert rules == {"countries-count", "share-over-100", "human-age", "earth-temperature-celsius"}


def test_plenty_of_clean_articles():
    assert sum(f.role == "clean" for f in FIXTURES) >= 8


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_article_expectations_fit_its_role(name):
    fixture = BY_NAME[name]
    if fixture.role == "broken":
        own = [e for e in fixture.expected if e.check == fixture.kind]
        assert len(own) == 1, "a broken article plants exactly one inconsistency"
        # The planted figure may also be implausible on its own ("29 of the EU's member states").
        assert all(e.check == "range" and e.text == own[0].text for e in fixture.expected if e is not own[0])
    else:
        assert fixture.expected == (), "traps and clean articles expect no finding"


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_article_length_is_news_sized(name):
    assert 150 <= _words(BY_NAME[name].path) <= 420


@pytest.mark.parametrize("name", sorted(n for n, f in BY_NAME.items() if f.expected))
def test_expected_text_is_on_the_stated_line(name):
    fixture = BY_NAME[name]
    lines = fixture.path.read_text(encoding="utf-8").splitlines()
    for expected in fixture.expected:
        assert expected.line <= len(lines)
        assert expected.rule in sc.RULES
        on_line = " ".join(lines[expected.line - 1].split())
        window = " ".join(" ".join(lines[max(expected.line - 2, 0): expected.line + 1]).split())
        assert expected.text in on_line or expected.text in window, f"{expected.text!r} not near line {expected.line}"


def test_sidecar_schema_rejects_bad_files(tmp_path):
    bad = {
        "missing-notes": "findings: []\n",
        "unknown-rule": "findings:\n- {check: range, rule: planet-count, line: 3, text: '9'}\nnotes: x\n",
        "wrong-pair": "findings:\n- {check: change, rule: human-age, line: 3, text: '9'}\nnotes: x\n",
        "line-as-text": "findings:\n- {check: range, rule: human-age, line: '3', text: '9'}\nnotes: x\n",
        "extra-key": "findings: []\nnotes: x\nseverity: error\n",
        "not-yaml": "findings: [\n",
    }
    for stem, text in bad.items():
        path = tmp_path / f"{stem}.expect.yaml"
        path.write_text(text)
        with pytest.raises(sc.FixtureError):
            sc.read_sidecar(path)


def test_article_without_sidecar_is_an_error(tmp_path):
    (tmp_path / "clean-orphan.md").write_text("# Orphan\n")
    with pytest.raises(sc.FixtureError, match="no sidecar"):
        sc.load_fixtures(tmp_path)


def test_claim_text_fallback_respects_token_boundaries():
    assert sc._same_figure("2.4 billion", "2.4 billion dollar")
    assert sc._same_figure("€4.7 billion", "€4.7  billion")
    assert sc._same_figure("Fourteen", "fourteen")
    assert not sc._same_figure("45%", "4")
    assert not sc._same_figure("24", "2.4")
    assert not sc._same_figure("1,200", "200")


def test_file_names_follow_the_scheme():
    assert sc.classify("percent-of-broken-3") == ("broken", "percent_of")
    assert sc.classify("repeated-figure-trap-12") == ("trap", "repeated_figure")
    assert sc.classify("clean-nato-summit") == ("clean", None)
    for bad in ("percent-broken-1", "clean", "change-fixed-1"):
        with pytest.raises(sc.FixtureError):
            sc.classify(bad)


class _OracleChecker:
    """Answers each article with its expected findings (optionally moved), plus planted extras."""

    def __init__(self, shift: int = 0, extra: dict[str, int] | None = None, claims_text: bool = False) -> None:
        self.shift, self.extra, self.claims_text = shift, extra or {}, claims_text

    def check(self, text, source):
        fixture = BY_NAME[Path(source).name]
        claims, findings = [], []
        for i, e in enumerate(fixture.expected):
            claims.append(SimpleNamespace(id=f"c{i}", text=e.text if self.claims_text else "?"))
            findings.append(_finding(e.check, e.rule, e.line + self.shift, (f"c{i}",)))
        if Path(source).name in self.extra:
            findings.append(_finding("range", "human-age", self.extra[Path(source).name], ()))
        return SimpleNamespace(claims=tuple(claims), findings=tuple(findings))


def _finding(check, rule, line, claims, severity="warning"):
    return SimpleNamespace(check=check, rule=rule, line=line, column=1, claims=claims, severity=severity,
                           message="m")


def test_scorer_gives_full_recall_to_an_oracle():
    result = sc.score(ARTICLES, checker=_OracleChecker())
    assert result["recall"] == 1.0
    assert result["false_alarms"] == [] and result["missed"] == []
    assert all(row["caught"] == row["broken"] and row["quiet"] == row["traps"] for row in result["by_kind"].values())


def test_scorer_line_slack_and_claim_text_fallback():
    assert sc.score(ARTICLES, checker=_OracleChecker(shift=2))["recall"] == 1.0
    far = sc.score(ARTICLES, checker=_OracleChecker(shift=9))
    assert far["recall"] == 0.0
    assert len(far["false_alarms"]) == far["expected"]  # a finding that credits nothing is an alarm
    assert sc.score(ARTICLES, checker=_OracleChecker(shift=9, claims_text=True))["recall"] == 1.0


def test_scorer_counts_false_alarms_on_traps():
    trap = next(n for n, f in BY_NAME.items() if f.role == "trap" and f.kind == "range")
    result = sc.score(ARTICLES, checker=_OracleChecker(extra={trap: 3}))
    assert [a["file"].endswith(trap) for a in result["false_alarms"]] == [True]
    assert result["by_kind"]["range"]["quiet"] == result["by_kind"]["range"]["traps"] - 1
    assert sc.summary_line(result).startswith("recall 1.000")
