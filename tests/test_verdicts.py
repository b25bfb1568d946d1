"""benchmarks/verdicts.py: findings keyed by what a reader sees, joined with verdicts judged by hand.

Run as a user runs it (the script as a subprocess, over a small corpus written here), plus the
committed verdict files: every line well-formed, with a reason, and no article text beyond figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "verdicts.py"
COMMITTED = sorted((ROOT / "benchmarks").glob("verdicts_*.jsonl"))
WRONG = "Of the 40 staff at the branch, 52 were in London last year.\n"
CLEAN = "The council said 12 of its 30 libraries would open on Sundays.\n"


def run(corpus: Path, verdicts: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), str(corpus), "--verdicts", str(verdicts), "--jobs", "1",
                           *extra], capture_output=True, text=True, check=False, cwd=ROOT)


def judge(corpus: Path, verdicts: Path, **fields: str) -> dict[str, object]:
    """Write the stub of the one finding, then fill it in with ``fields``, as a reader does."""
    run(corpus, verdicts, "--write-unjudged")
    row = {**json.loads(verdicts.read_text(encoding="utf-8")), **fields}
    verdicts.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return row


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "business").mkdir(parents=True)
    (folder / "business" / "001.txt").write_text(WRONG, encoding="utf-8")
    (folder / "business" / "002.txt").write_text(CLEAN, encoding="utf-8")
    return folder


def test_unjudged_findings_are_listed_written_and_then_judged(corpus: Path, tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.jsonl"
    first = run(corpus, verdicts, "--write-unjudged")
    assert first.returncode == 0, first.stderr
    assert "(2 articles)" in first.stdout and "unjudged: 1" in first.stdout
    assert "business/001.txt:1  part-exceeds-whole" in first.stdout
    [line] = verdicts.read_text(encoding="utf-8").splitlines()
    stub = json.loads(line)
    assert stub["verdict"] is None and stub["figures"] == ["40", "52"]
    assert stub["spans"] == [[WRONG.index("40"), WRONG.index("40") + 2], [WRONG.index("52"), WRONG.index("52") + 2]]
    again = run(corpus, verdicts, "--write-unjudged")  # a stub is not written twice
    assert len(verdicts.read_text(encoding="utf-8").splitlines()) == 1, again.stderr

    judge(corpus, verdicts, verdict="true", reason="52 of a staff of 40")
    judged = run(corpus, verdicts, "--table")
    assert "judged true: 1" in judged.stdout and "unjudged: 0" in judged.stdout
    assert "false alarms per 100 articles: 0.00" in judged.stdout
    assert "| business/001.txt:1 | part-exceeds-whole | 40, 52 | true |  | 52 of a staff of 40 |" in judged.stdout


def test_a_false_verdict_counts_per_100_articles_by_cause(corpus: Path, tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.jsonl"
    judge(corpus, verdicts, verdict="false", cause="wrong link", reason="pretend the 52 were elsewhere")
    done = run(corpus, verdicts)
    assert "judged false: 1  (wrong link 1)" in done.stdout
    assert "false alarms per 100 articles: 50.00" in done.stdout


def test_the_key_survives_other_articles_and_claims_changing(corpus: Path, tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.jsonl"
    judge(corpus, verdicts, verdict="true", reason="52 of 40")
    # More figures after the finding renumber nothing the key depends on; a new article adds nothing.
    (corpus / "business" / "001.txt").write_text(WRONG + "It had 3 shops and 7 vans.\n", encoding="utf-8")
    (corpus / "business" / "003.txt").write_text(CLEAN, encoding="utf-8")
    done = run(corpus, verdicts)
    assert "(3 articles)" in done.stdout and "judged true: 1" in done.stdout and "unjudged: 0" in done.stdout


def test_a_jsonl_corpus_keys_findings_by_row_id(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps({"id": "business/001", "text": WRONG}) + "\n"
                      + json.dumps({"id": "business/002", "text": CLEAN}) + "\n", encoding="utf-8")
    verdicts = tmp_path / "verdicts.jsonl"
    done = run(corpus, verdicts, "--write-unjudged")
    assert "(2 articles)" in done.stdout and "business/001:1  part-exceeds-whole  ['40', '52']" in done.stdout
    assert json.loads(verdicts.read_text(encoding="utf-8"))["path"] == "business/001"


def test_a_verdict_whose_finding_is_gone_is_reported(corpus: Path, tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text(json.dumps({"path": "business/002.txt", "rule": "breakdown-sum", "spans": [[17, 19]],
                                    "figures": ["12"], "verdict": "false", "cause": "wrong link",
                                    "reason": "gone"}) + "\n", encoding="utf-8")
    done = run(corpus, verdicts, "--table")
    assert "verdicts whose finding no longer occurs: 1" in done.stdout
    assert "| business/002.txt (no longer raised) | breakdown-sum | 12 | false | wrong link | gone |" in done.stdout


def test_severity_is_forced_to_the_start_of_round_3(corpus: Path, tmp_path: Path) -> None:
    # A project config lowering the rule to info would hide the finding from a plain run; the
    # benchmark still counts it at the severity the rule had when the round started.
    (corpus / ".numcheck.yaml").write_text("severity:\n  part-exceeds-whole: info\n", encoding="utf-8")
    done = run(corpus, tmp_path / "verdicts.jsonl")
    assert "findings at warning or error: 1" in done.stdout, done.stdout + done.stderr


def test_a_bad_verdict_line_is_one_clear_error(corpus: Path, tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text('{"path": "a.txt", "rule": "r", "spans": [[1, 2]], "verdict": "maybe", "reason": "x"}\n',
                        encoding="utf-8")
    done = run(corpus, verdicts)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{verdicts}:1: verdict must be true, false or null" in done.stderr


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_committed_verdicts_are_judged_with_reasons_and_no_article_text(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows
    for row in rows:
        assert set(row) == {"path", "rule", "spans", "figures", "verdict", "cause", "reason"}, row
        assert row["verdict"] in ("true", "false"), row
        assert 10 <= len(row["reason"]) <= 240, row
        assert bool(row["cause"]) == (row["verdict"] == "false"), row
        assert len(row["figures"]) == len(row["spans"]) and all(len(f) <= 24 for f in row["figures"]), row
