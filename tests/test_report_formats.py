"""The text, json, jsonl, csv, markdown and github renderers on hand-built reports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import fields, replace

import pytest
from _reportkit import DRONES, clean_report, drones_report, hostile_report

from numcheck.model import Claim, Finding, Report
from numcheck.report import CHECK_FORMATS, EXTRACT_FORMATS, RenderContext, get_writer
from numcheck.report.github import escape_data, escape_property


def render(fmt: str, reports: list[Report], command: str = "check", **options: object) -> str:
    out = io.StringIO()
    get_writer(fmt, command)(iter(reports), out, RenderContext(command=command, options=dict(options)))
    return out.getvalue()


@pytest.mark.parametrize("fmt", sorted(CHECK_FORMATS))
def test_every_check_format_renders_and_consumes_a_one_shot_iterator(fmt: str) -> None:
    consumed = []

    def stream() -> Iterator[Report]:
        for report in (drones_report(), clean_report()):
            consumed.append(report.source)
            yield report

    out = io.StringIO()
    get_writer(fmt)(stream(), out, RenderContext())
    assert consumed == ["news/drones.md", "news/quiet.txt"]
    assert out.getvalue()


@pytest.mark.parametrize("fmt", sorted(EXTRACT_FORMATS))
def test_every_extract_format_lists_the_claims(fmt: str) -> None:
    text = render(fmt, [drones_report()], command="extract")
    assert "112" in text and "80" in text


def test_text_lists_findings_in_line_order_with_explanations() -> None:
    text = render("text", [drones_report(), clean_report()])
    lines = text.splitlines()
    error_line = next(i for i, line in enumerate(lines) if "percent-mismatch" in line)
    assert "news/drones.md:3:61" in lines[error_line]
    assert "84 of 112 is 75.0%; the text says 80%" in lines[error_line + 1]
    assert text.index("news/drones.md:3:61") < text.index("news/drones.md:4:")
    assert "news/quiet.txt" not in text  # nothing to say about it
    assert lines[-1] == "3 findings (1 error, 1 warning, 1 info) in 2 files, 7 claims"


def test_text_extract_table_shows_value_unit_noun_and_interval() -> None:
    text = render("table", [drones_report()], command="extract")
    row = next(line for line in text.splitlines() if line.startswith("news/drones.md:3:8"))
    assert row.split()[1:5] == ["112", "112", "count", "drone"]
    assert "111.5–112.5" in row
    assert text.rstrip().endswith("6 claims in 1 file")


def test_json_matches_the_design_contract() -> None:
    data = json.loads(render("json", [drones_report(), clean_report()]))
    assert list(data) == ["version", "files", "summary"]
    assert data["version"] == 1
    first = data["files"][0]
    assert list(first) == ["path", "claims", "relations", "findings"]
    assert list(first["claims"][0]) == [f.name for f in fields(Claim)]
    assert list(first["findings"][0]) == [f.name for f in fields(Finding)]
    assert first["relations"][0]["claims"] == ["c2", "c1", "c3"]
    assert data["summary"] == {"files": 2, "claims": 7, "findings": 3,
                               "by_severity": {"error": 1, "warning": 1, "info": 1}}


def test_json_extract_has_claims_only() -> None:
    data = json.loads(render("json", [drones_report()], command="extract"))
    assert list(data["files"][0]) == ["path", "claims"]
    assert data["summary"] == {"files": 1, "claims": 6}


def test_json_of_no_reports_is_still_valid() -> None:
    data = json.loads(render("json", []))
    assert data["files"] == [] and data["summary"]["findings"] == 0


def test_json_keeps_input_errors_on_their_file() -> None:
    report = Report(source="bad.txt", errors=("bad.txt: not valid UTF-8",))
    assert json.loads(render("json", [report]))["files"][0]["errors"] == ["bad.txt: not valid UTF-8"]


def test_jsonl_is_one_finding_a_line_with_its_path() -> None:
    lines = render("jsonl", [drones_report(), clean_report(), drones_report("b.md")]).splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 6
    assert [r["path"] for r in rows] == ["news/drones.md"] * 3 + ["b.md"] * 3
    assert {r["rule"] for r in rows} == {"share-rounding", "percent-mismatch", "countries-count"}
    assert rows[1]["claims"] == ["c3", "c2", "c1"] and rows[1]["expected"] == 75.0


def test_csv_check_is_one_finding_a_row_and_round_trips_hostile_text() -> None:
    rows = list(csv.DictReader(io.StringIO(render("csv", [drones_report(), hostile_report()]))))
    assert len(rows) == 4
    assert list(rows[0]) == ["path", *(f.name for f in fields(Finding) if f.name != "source")]
    error = next(r for r in rows if r["rule"] == "percent-mismatch")
    assert (error["line"], error["column"], error["claims"], error["expected"]) == ("3", "61", "c3 c2 c1", "75.0")
    warning = next(r for r in rows if r["rule"] == "countries-count")
    assert warning["expected"] == "" and warning["actual"] == ""
    assert rows[-1]["message"] == '<img src=x onerror="alert(3)"> 90%'


def test_csv_extract_is_one_claim_a_row() -> None:
    rows = list(csv.DictReader(io.StringIO(render("csv", [drones_report()], command="extract"))))
    assert [r["text"] for r in rows] == ["112", "84", "80%", "26", "35", "74%"]
    assert list(rows[0]) == ["path", *(f.name for f in fields(Claim))]
    assert rows[2]["unit"] == "percent" and rows[2]["noun"] == ""
    first = rows[0]
    assert DRONES[int(first["start"]):int(first["end"])] == "112"


def test_markdown_summary_counts_then_a_table_per_file() -> None:
    text = render("markdown", [drones_report(), clean_report(), hostile_report()])
    assert "4 findings in 3 files (10 claims checked)." in text
    assert "| 🔴 error | 2 |" in text and "| 🟠 warning | 1 |" in text and "| 🔵 info | 1 |" in text
    assert "### `news/drones.md`" in text
    assert "news/quiet.txt" not in text and "1 other file had no findings." in text
    row = next(line for line in text.splitlines() if "percent-mismatch" in line)
    assert row.startswith("| 3:61 | 🔴 error | `percent-mismatch` |")
    assert "84 of 112 is 75.0%; the text says 80%" in row
    # the drones table lists findings in reading order
    assert text.index("| 3:61 |") < text.index("| 4:22 |")


def test_markdown_neutralises_html_and_pipes() -> None:
    text = render("markdown", [hostile_report()])
    assert "<img" not in text and "<script>alert(4)" not in text
    assert "### `evil\"><script>alert(2)</script>.md`" in text  # shown literally inside a code span
    assert "&lt;img src=x onerror=\"alert(3)\"&gt;" in text
    table_rows = [line for line in text.splitlines() if line.startswith("| 2:")]
    assert len(table_rows) == 1 and table_rows[0].count(" | ") == 3
    report = hostile_report()
    piped = replace(report, findings=(replace(report.findings[0], message="a | b\nc", rule="r|1"),))
    row = next(line for line in render("markdown", [piped]).splitlines() if line.startswith("| 2:"))
    assert "a \\| b c" in row and "`r\\|1`" in row
    assert row.replace("\\|", "").count("|") == 5  # still exactly four cells


def test_github_escapes_per_the_workflow_command_rules() -> None:
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_prints_errors_then_warnings_then_notices_across_files() -> None:
    text = render("github", [drones_report("a.md"), hostile_report("dir/b, c.md"), clean_report()])
    commands = [line for line in text.splitlines() if line.startswith("::")]
    assert [c.split(" ", 1)[0] for c in commands] == ["::error", "::error", "::warning", "::notice"]
    assert commands[0] == (
        "::error file=a.md,line=3,col=61,endColumn=64,title=numcheck percent-mismatch::"
        "The text says 80%25, but 84 of 112 is 75%25%0A84 of 112 is 75.0%25; the text says 80%25"
    )
    assert commands[1].startswith("::error file=dir/b%2C c.md,line=2,col=")
    assert "title=numcheck x<script>::" in commands[1]
    assert text.splitlines()[-1].startswith("4 findings (2 errors, 1 warning, 1 info) in 3 files")


def test_github_appends_the_markdown_summary_to_the_step_summary(tmp_path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    render("github", [drones_report()])
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## numcheck report")
    assert written.endswith(render("markdown", [drones_report()]))


def test_github_without_step_summary_writes_no_file(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.chdir(tmp_path)
    render("github", [drones_report()])
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        get_writer("yaml")
    with pytest.raises(KeyError):
        get_writer("sarif", "extract")


def test_github_reports_unreadable_articles_before_any_finding() -> None:
    broken = Report(source="desk/bad.txt", errors=("desk/bad.txt: not valid UTF-8 (byte 0xff at byte 3)",))
    commands = [line for line in render("github", [drones_report(), broken]).splitlines() if line.startswith("::")]
    assert commands[0] == ("::error file=desk/bad.txt,title=numcheck input error::"
                           "desk/bad.txt: not valid UTF-8 (byte 0xff at byte 3)")
    assert len(commands) == 4
