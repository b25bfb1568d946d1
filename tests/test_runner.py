"""Parallel runs: same output as one process, bounded input read-ahead, crashes cost one article.

The workers here build `MarkerChecker`, a stand-in whose behaviour is set by words in the text
(its class is importable, so it pickles to worker processes like a `CheckerSpec`).
"""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass

import pytest

from numcheck.cli import main
from numcheck.errors import ConfigError, InputError
from numcheck.inputs import Article
from numcheck.model import Finding, Report
from numcheck.progress import is_interactive, with_progress
from numcheck.runner import CheckerSpec, process_article, resolve_jobs, run_articles

ARTICLES = {
    "a-drones.md": "Of the 112 drones launched overnight, 84 were shot down, or 80%, the air force said.",
    "b-vote.txt": "The motion passed with 26 of 35 countries in favour, about 74%.",
    "c-budget.md": "The budget of €4.3 million was split into €2.1 million for roads and €2.5 million for schools.",
    "d-quake.txt": "At least 31 people were killed and 13 injured; officials said 31 people were killed.",
    "e-poll.md": "In the poll, 52% backed the plan, 41% opposed it and 9% were undecided.",
}


class MarkerChecker:
    """Reports the article's length as a finding; "RAISE" raises, "EXIT" kills the worker process."""

    def check(self, text: str, source: str = "<text>", kind: str | None = None) -> Report:
        if "EXIT" in text:
            os._exit(3)
        if "RAISE" in text:
            raise ValueError("marker found")
        if "QUIT" in text:
            sys.exit("quit marker")
        finding = Finding(rule="length", check="range", severity="info", message=f"{len(text)} chars", claims=(),
                          start=0, end=1, line=1, column=1, expected=None, actual=float(len(text)), source=source,
                          explanation=f"pid-independent {len(text)}")
        return Report(source=source, findings=(finding,))


@dataclass(frozen=True)
class MarkerSpec:
    def __call__(self) -> MarkerChecker:
        return MarkerChecker()


def _items(*texts: str) -> list[Article]:
    return [Article(f"art{i}.txt", text) for i, text in enumerate(texts)]


def test_parallel_reports_come_back_in_input_order_and_equal_serial():
    items = [*_items(*(f"text number {i} " + "x" * (i * 37 % 11) for i in range(12)))]
    items.insert(3, InputError("missing.md", "no such file or directory"))
    serial = list(run_articles(items, MarkerSpec(), jobs=1))
    parallel = list(run_articles(items, MarkerSpec(), jobs=2))
    assert [str(r) if isinstance(r, InputError) else r for r in parallel] == [
        str(r) if isinstance(r, InputError) else r for r in serial
    ]
    assert [getattr(r, "source", None) for r in parallel][:5] == ["art0.txt", "art1.txt", "art2.txt", None,
                                                                    "art3.txt"]


def test_a_killed_worker_costs_only_its_article():
    items = _items("first", "second", "EXIT now", "fourth", "fifth", "RAISE here", "seventh", "QUIT", "ninth")
    reports = list(run_articles(items, MarkerSpec(), jobs=2))
    assert [r.source for r in reports] == [a.source for a in items]
    assert "worker process died" in reports[2].errors[0] and reports[2].errors[0].startswith("art2.txt:")
    assert "ValueError: marker found" in reports[5].errors[0]
    assert "SystemExit: quit marker" in reports[7].errors[0]
    for index in (0, 1, 3, 4, 6, 8):
        assert not reports[index].errors
        assert reports[index].findings[0].actual == len(items[index].text)


def test_at_most_two_articles_per_job_are_in_flight():
    consumed = []

    def stream():
        for i, article in enumerate(_items(*(f"article {i}" for i in range(20)))):
            consumed.append(i)
            yield article

    seen = []
    for index, report in enumerate(run_articles(stream(), MarkerSpec(), jobs=2)):
        seen.append(report.source)
        assert len(consumed) <= index + 4, f"read {len(consumed)} articles before yielding #{index}"
    assert len(seen) == 20


def test_jobs_zero_means_every_core_and_negative_is_refused():
    assert resolve_jobs(0) == (os.cpu_count() or 1)
    assert resolve_jobs(3) == 3
    with pytest.raises(ConfigError, match="--jobs"):
        resolve_jobs(-1)


def test_checker_spec_pickles_and_builds_a_checker():
    import pickle

    spec = CheckerSpec(rules=(), use_default_rules=False, disable=())
    checker = pickle.loads(pickle.dumps(spec))()
    report = process_article(checker, Article("x.txt", "Nothing to see."), "check")
    assert report.source == "x.txt" and not report.errors


def test_ready_made_reports_pass_through_in_place():
    note = Report(source="corpus.jsonl#3", warnings=("corpus.jsonl:3: row has no text; skipped",))
    items = [*_items("one"), note, *_items("two")]
    for jobs in (1, 2):
        out = list(run_articles(items, MarkerSpec(), jobs=jobs))
        assert out[1] is note or out[1] == note
        assert [r.source for r in out] == ["art0.txt", "corpus.jsonl#3", "art0.txt"]


def _folder(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("command", [["check", "--fail-on", "never"], ["extract"]])
def test_cli_jobs_2_output_is_identical_to_jobs_1(tmp_path, capsys, command):
    folder = _folder(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        code = main([*command, folder, "--format", "json", "--jobs", jobs])
        assert code == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert [f["path"] for f in json.loads(outputs[0])["files"]] == [
        os.path.join(folder, name) for name in sorted(ARTICLES)
    ]


# --- progress ----------------------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_bar_when_piped_or_in_ci():
    assert not is_interactive(io.StringIO(), environ={})
    assert not is_interactive(FakeTerminal(), environ={"CI": "true"})
    assert is_interactive(FakeTerminal(), environ={})
    items, _ = with_progress(iter([1, 2]), io.StringIO(), environ={})
    assert list(items) == [1, 2]


def test_progress_bar_on_a_terminal_after_its_delay(monkeypatch):
    import numcheck.progress

    monkeypatch.setattr(numcheck.progress, "DELAY", 0.0)
    terminal = FakeTerminal()
    items, messages = with_progress(iter(range(3)), terminal, environ={}, unit="article")
    assert list(items) == [0, 1, 2]
    assert "articles" in terminal.getvalue()
    print("a.md:3: warning", file=messages)
    assert "a.md:3: warning\n" in terminal.getvalue()


def test_progress_without_tqdm_is_silent(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    terminal = FakeTerminal()
    items, stream = with_progress(iter([1]), terminal, environ={})
    assert list(items) == [1] and stream is terminal and terminal.getvalue() == ""
