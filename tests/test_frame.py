"""pandas frames: stable columns and dtypes, whole-frame checking, and corpus-level comparison.

Extraction is replaced by a small regex extractor where a test needs claims, so these tests pin
the frame code itself; the real pipeline runs through the same functions in test_dask.py.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest

import numcheck
from numcheck.checks.corpus_figure import event_words, predicate_of
from numcheck.document import Document
from numcheck.frame import (
    CLAIM_COLUMNS,
    FINDING_COLUMNS,
    claims_frame,
    claims_meta,
    findings_frame,
    findings_meta,
)
from numcheck.model import Claim, Finding, Report
from numcheck.ruleset import load_rules

ARTICLE = "Of the 112 drones launched overnight, 84 were shot down, or 80%, the air force said."


def _claim(cid: str, surface: str, value: float, unit: str = "count", noun: str | None = None) -> Claim:
    start = ARTICLE.index(surface)
    return Claim(id=cid, text=surface, value=value, unit=unit, noun=noun, qualifier="eq", low=value - 0.5,
                 high=value + 0.5, precision=1.0, start=start, end=start + len(surface), sentence=0, paragraph=0,
                 line=1, column=start + 1)


def _report(source: str = "drones.md") -> Report:
    claims = (_claim("c1", "112", 112, noun="drone"), _claim("c2", "84", 84), _claim("c3", "80%", 80, "percent"))
    finding = Finding(rule="percent-of", check="percent_of", severity="error", message="84 of 112 is 75%",
                      claims=("c3", "c2", "c1"), start=claims[2].start, end=claims[2].end, line=1,
                      column=claims[2].column, expected=75.0, actual=80.0, source=source,
                      explanation="84 of 112 is 75.0%; the text says 80%")
    note = dataclasses.replace(finding, rule="rounding", check="granularity", severity="info", expected=None,
                               actual=None, claims=("c2",))
    return Report(source=source, claims=claims, findings=(finding, note))


def test_columns_follow_the_dataclasses_and_the_contract():
    assert [name for name, _ in CLAIM_COLUMNS] == ["source", *(f.name for f in dataclasses.fields(Claim))]
    assert [name for name, _ in FINDING_COLUMNS] == [
        "source", "rule", "check", "severity", "message", "explanation", "expected", "actual", "line", "column",
        "start", "end", "claims",
    ]


def test_findings_frame_values_and_dtypes():
    df = _report().findings_frame()
    assert list(df.columns) == [name for name, _ in FINDING_COLUMNS]
    assert df.loc[0, "claims"] == "c3,c2,c1"
    assert df.loc[0, "expected"] == 75.0 and pd.isna(df.loc[1, "expected"])
    assert str(df.dtypes["expected"]) == "Float64" and str(df.dtypes["line"]) == "Int64"
    assert isinstance(df.dtypes["rule"], pd.StringDtype)
    severity = df.dtypes["severity"]
    assert isinstance(severity, pd.CategoricalDtype) and severity.ordered
    assert list(severity.categories) == ["info", "warning", "error"]
    assert df[df.severity >= "warning"].rule.tolist() == ["percent-of"]


def test_claims_frame_values_and_dtypes():
    df = _report().claims_frame()
    assert df.source.tolist() == ["drones.md"] * 3
    assert df.id.tolist() == ["c1", "c2", "c3"]
    assert df.noun.tolist()[0] == "drone" and pd.isna(df.noun.iloc[1])
    assert df.value.tolist() == [112.0, 84.0, 80.0]
    assert str(df.dtypes["value"]) == "Float64" and str(df.dtypes["start"]) == "Int64"
    assert isinstance(df.dtypes["qualifier"], pd.CategoricalDtype)


def test_empty_report_gives_the_same_columns_and_dtypes():
    full, empty = _report(), Report(source="empty.md")
    assert empty.findings_frame().empty and empty.claims_frame().empty
    assert empty.findings_frame().dtypes.equals(full.findings_frame().dtypes)
    assert empty.claims_frame().dtypes.equals(full.claims_frame().dtypes)


def test_frames_of_many_reports_concatenate_without_losing_dtypes():
    parts = [findings_frame([_report("a.md")]), findings_frame([Report("b.md")]), findings_frame([_report("c.md")])]
    joined = pd.concat(parts, ignore_index=True)
    assert joined.dtypes.equals(parts[0].dtypes)
    assert joined.source.tolist() == ["a.md", "a.md", "c.md", "c.md"]
    assert claims_frame([_report("a.md"), _report("b.md")]).shape == (6, len(CLAIM_COLUMNS))


class FixedChecker:
    """Stands in for a Checker: one warning per article that mentions "wrong", citing its position."""

    def check(self, text: str, source: str = "<text>", kind: str | None = None) -> Report:
        findings = []
        for match in re.finditer(r"wrong", text):
            findings.append(Finding(rule="demo", check="range", severity="warning", message="wrong figure",
                                    claims=("c1",), start=match.start(), end=match.end(), line=1,
                                    column=match.start() + 1, expected=None, actual=1.0, source=source,
                                    explanation="flagged"))
        return Report(source=source, findings=tuple(findings))


def _articles() -> pd.DataFrame:
    return pd.DataFrame({
        "slug": ["a", "b", "c", "d", "e"],
        "body": ["all wrong, wrong", "fine", float("nan"), 42, "wrong again"],
        "desk": ["world", "home", "home", "world", "sport"],
    })


def test_check_frame_keys_rows_by_id_and_counts_skipped_cells():
    result = numcheck.check_frame(_articles(), id_column="slug", keep=["desk"], checker=FixedChecker())
    assert list(result.columns[:2]) == ["slug", "desk"]
    assert "source" not in result.columns
    assert result.slug.tolist() == ["a", "a", "e"]
    assert result.desk.tolist() == ["world", "world", "sport"]
    assert result.start.tolist() == [4, 11, 0]
    assert result.attrs["skipped"] == 2 and result.attrs["skipped_ids"] == ["c", "d"]
    assert result.dtypes.equals(findings_meta(_articles(), id_column="slug", keep=["desk"]).dtypes)


def test_check_frame_empty_result_keeps_dtypes_and_the_id_dtype():
    df = pd.DataFrame({"id": [7, 8], "body": ["nothing here", "nor here"]})
    result = numcheck.check_frame(df, checker=FixedChecker())
    assert result.empty
    assert list(result.columns) == ["id", *(name for name, _ in FINDING_COLUMNS[1:])]
    assert result.dtypes.equals(findings_meta(df).dtypes)
    assert str(result.dtypes["id"]) == "int64"


def test_check_frame_uses_the_index_when_there_is_no_id_column():
    df = pd.DataFrame({"body": ["fine", "wrong"]}, index=pd.Index(["x", "y"], name="slug"))
    result = numcheck.check_frame(df, id_column=None, checker=FixedChecker())
    assert result.slug.tolist() == ["y"]


def test_missing_columns_raise_key_error_naming_them():
    with pytest.raises(KeyError, match=r"'text'.*columns: slug, body, desk"):
        numcheck.check_frame(_articles(), text_column="text", id_column="slug")
    with pytest.raises(KeyError, match="'id'"):
        numcheck.check_frame(_articles())
    with pytest.raises(KeyError, match="'story'"):
        numcheck.extract_frame(_articles(), id_column="slug", keep=["story"])


def test_a_clashing_key_column_is_refused():
    df = pd.DataFrame({"rule": ["r1"], "body": ["wrong"]})
    with pytest.raises(ValueError, match="'rule' clashes"):
        numcheck.check_frame(df, id_column="rule", checker=FixedChecker())


def test_check_frame_with_the_real_checker_has_the_contract_dtypes():
    df = pd.DataFrame({"id": ["a", "b"], "body": ["Of 112 drones, 84 were shot down, or 80%.", "Nothing."]})
    result = numcheck.check_frame(df)
    assert result.dtypes.equals(findings_meta(df).dtypes)
    assert set(result.id) <= {"a", "b"}


# --- extract_frame and compare_frame -----------------------------------------------------------------

_FIGURE = re.compile(r"\b(?P<q>about |around )?(?P<n>\d+)(?P<noun> people| soldiers)?\b")


class RegexExtractor:
    """Enough of an extractor for the frame tests: integers, "about", and two count nouns."""

    def extract(self, document: Document) -> tuple[Claim, ...]:
        claims = []
        for number, match in enumerate(_FIGURE.finditer(document.text), start=1):
            value = float(match["n"])
            approx = bool(match["q"])
            low, high = (value * 0.9, value * 1.1) if approx else (value - 0.5, value + 0.5)
            noun = {" people": "person", " soldiers": "soldier"}.get(match["noun"] or "")
            line, column = document.position(match.start())
            claims.append(Claim(id=f"c{number}", text=match.group(0), value=value, unit="count", noun=noun,
                                qualifier="approx" if approx else "eq", low=low, high=high, precision=1.0,
                                start=match.start(), end=match.end(), sentence=document.sentence_index(match.start()),
                                paragraph=document.paragraph_index(match.start()), line=line, column=column))
        return tuple(claims)


def _regex_checker() -> numcheck.Checker:
    checker = numcheck.Checker(use_default_rules=False)
    checker.extractor = RegexExtractor()  # type: ignore[assignment]
    return checker


def _stories(*rows: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "story", "published", "body"])


def test_extract_frame_carries_sentences_and_kept_columns():
    df = _stories(("a1", "quake", "2024-05-01", "Rescuers worked all night. At least 31 people were killed."))
    claims = numcheck.extract_frame(df, keep=["story"], checker=_regex_checker())
    assert list(claims.columns[:3]) == ["id", "story", "claim"]
    assert claims.claim.tolist() == ["c1"] and claims.value.tolist() == [31.0]
    assert claims.sentence_text.tolist() == ["At least 31 people were killed."]
    assert claims.dtypes.equals(claims_meta(df, keep=["story"]).dtypes)


def _compare(df: pd.DataFrame, **options: str) -> pd.DataFrame:
    claims = numcheck.extract_frame(df, keep=["story", "published"], checker=_regex_checker())
    return numcheck.compare_frame(claims, by=["story"], **options)


def test_two_articles_disagreeing_on_a_toll_give_one_error():
    df = _stories(
        ("a1", "quake", "2024-05-01", "Officials said 31 people were killed when the bridge fell."),
        ("a2", "quake", "2024-05-01", "In the town, 13 people were killed, the mayor said."),
        ("a3", "flood", "2024-05-01", "In the valley, 13 people were killed."),
    )
    rows = _compare(df)
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row.story, row.severity, row.noun, row.predicate) == ("quake", "error", "person", "dead")
    assert (row.source_a, row.value_a, row.source_b, row.value_b) == ("a1", 31.0, "a2", 13.0)
    assert "at most one is right" in row.explanation


def test_hedged_figures_and_different_events_do_not_disagree():
    df = _stories(
        ("a1", "quake", "2024-05-01", "About 30 people were killed, officials said."),
        ("a2", "quake", "2024-05-01", "Officials said 31 people were killed."),
        ("a3", "quake", "2024-05-01", "Officials said 31 people were killed and 13 people were injured."),
        ("a4", "quake", "2024-05-01", "The army said 12 soldiers were killed."),
    )
    assert _compare(df).empty


def test_an_article_quoting_both_figures_is_not_flagged():
    df = _stories(
        ("a1", "quake", "2024-05-01", "By evening 31 people were killed."),
        ("a2", "quake", "2024-05-01", "Early reports said 13 people were killed. Later 31 people were killed."),
    )
    assert _compare(df).empty


def test_a_later_different_figure_is_an_info_update():
    df = _stories(
        ("late", "quake", "2024-05-02", "The ministry said 40 people were killed."),
        ("early", "quake", "2024-05-01", "The ministry said 31 people were killed."),
    )
    rows = _compare(df, time_column="published")
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row.severity, row.source_a, row.source_b) == ("info", "early", "late")
    assert (row.time_a, row.time_b) == ("2024-05-01", "2024-05-02")
    assert "rose by 9" in row.explanation
    same_day = _compare(df.assign(published="2024-05-01"), time_column="published")
    assert same_day.severity.tolist() == ["error"]


def test_compare_frame_needs_sentences():
    with pytest.raises(KeyError, match=r"sentence_text.*extract_frame"):
        numcheck.compare_frame(_report().claims_frame(), by=["source"])


def test_predicate_reads_only_the_figures_clause():
    rule = load_rules([]).get("corpus-figure")
    assert rule is not None
    words = event_words(rule.params["events"])
    sentence = "Police said 31 people were killed, 13 injured and 4 missing."
    assert [predicate_of(sentence, s, words) for s in ("31", "13", "4")] == ["dead", "injured", "missing"]
    assert predicate_of("In 2031, 31 people were evacuated.", "31", words) == "evacuated"
    assert predicate_of("A crowd of 2,000 gathered.", "2,000", words) is None


def test_the_corpus_rule_is_configured_from_yaml(tmp_path):
    """Event words, window and severities come from the rule; disabling it silences compare_frame."""
    df = _stories(
        ("a1", "quake", "2024-05-01", "Officials said 31 people were killed when the bridge fell."),
        ("a2", "quake", "2024-05-01", "In the town, 13 people perished, the mayor said."),
        ("a3", "quake", "2024-05-20", "In the town, 13 people were killed, the mayor said."),
    )
    claims = numcheck.extract_frame(df, keep=["story", "published"], checker=_regex_checker())
    default = numcheck.compare_frame(claims, by=["story"], time_column="published")
    assert default.empty  # "perished" is no event word; a3 is 19 days later, past the week's window
    pack = tmp_path / "desk.yaml"
    pack.write_text(
        "pack: desk\nrules:\n  - id: desk-tolls\n    check: corpus_figure\n    severity: warning\n"
        "    message: '{explanation}'\n    events: {dead: [killed, perished]}\n    window_hours: 1000\n"
        "    update_severity: warning\n", encoding="utf-8")
    checker = numcheck.Checker(rules=[str(pack)], disable=["corpus-figure"])
    rows = numcheck.compare_frame(claims, by=["story"], time_column="published", checker=checker)
    assert sorted(zip(rows.rule, rows.source_a, rows.source_b, rows.severity.astype(str), strict=True)) == [
        ("desk-tolls", "a1", "a2", "warning"), ("desk-tolls", "a1", "a3", "warning")]
    assert numcheck.compare_frame(claims, by=["story"], checker=numcheck.Checker(disable=["corpus_figure"])).empty


def test_compare_frame_end_to_end_with_the_real_extractor():
    df = _stories(
        ("a1", "quake", "2024-05-01", "Officials said 31 people were killed when the bridge fell."),
        ("a2", "quake", "2024-05-01", "In the town, 13 people were killed, the mayor said."),
        ("a3", "quake", "2024-05-01", "About 30 people were killed, officials said."),
        ("a4", "quake", "2024-05-02", "Police said 31 people were killed, 13 injured and 4 missing."),
    )
    claims = numcheck.extract_frame(df, keep=["story", "published"])
    rows = numcheck.compare_frame(claims, by=["story"], time_column="published")
    pairs = sorted(zip(rows.source_a, rows.source_b, rows.severity.astype(str), strict=True))
    assert pairs == [("a1", "a2", "error"), ("a2", "a4", "info")]


def test_check_frame_runs_the_corpus_rules_when_asked():
    df = _stories(
        ("a1", "quake", "2024-05-01", "Officials said 31 people were killed when the bridge fell."),
        ("a2", "quake", "2024-05-02", "In the town, 13 people were killed, the mayor said."),
        ("a3", "quake", "2024-05-02", "In the town, 31 people were killed, the mayor said."),
    )
    checker = _regex_checker()
    assert numcheck.check_frame(df, checker=checker).empty  # not asked: one article at a time
    same_time = numcheck.check_frame(df, checker=numcheck.Checker(), compare_by="story")
    rows = same_time[same_time.rule == "corpus-figure"]
    assert rows.id.tolist() == ["a2", "a3"] and rows.severity.astype(str).tolist() == ["error", "error"]
    row = rows.iloc[0]
    assert (row.check, row.expected, row.actual) == ("corpus_figure", 31.0, 13.0)
    assert row.message == row.explanation and "at most one is right" in row.explanation
    assert (row.line, row.column) == (1, df.body[1].index("13") + 1)
    timed = numcheck.check_frame(df, checker=numcheck.Checker(), compare_by=["story"], time_column="published")
    assert timed[timed.rule == "corpus-figure"].severity.astype(str).tolist() == ["info", "error"]
