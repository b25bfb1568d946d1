"""Parallel runs: same output as one process, bounded input read-ahead, crashes cost one article.

The workers here build `MarkerChecker`, a stand-in whose behaviour is set by words in the text
(its class is importable, so it pickles to worker processes like a `CheckerSpec`).
"""

from __future__ import annotations

import faulthandler
import gc
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from dataclasses import dataclass

import pytest
from test_interrupt import _alive, _children

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


def _refuse_to_load() -> None:
    raise RuntimeError("this report cannot be restored")


class Unloadable:
    """Pickles fine in the worker, fails to unpickle in the parent."""

    def __reduce__(self):
        return _refuse_to_load, ()


class MarkerChecker:
    """Reports the article's length as a finding; markers in the text misbehave on purpose.

    "RAISE" raises, "QUIT" calls sys.exit, "EXIT" and "SEGV" kill the worker process, "SLOW" takes
    a while, "UNPICKLABLE" and "UNLOADABLE" return a report that cannot travel back, "ECHO" returns
    the whole text in its report, "PPID" tells which process started the worker.
    """

    def check(self, text: str, source: str = "<text>", kind: str | None = None) -> Report:
        if "EXIT" in text:
            os._exit(3)
        if "SEGV" in text:
            faulthandler.disable()  # pytest's would print the crash; the CLI has none
            os.kill(os.getpid(), signal.SIGSEGV)
        if "RAISE" in text:
            raise ValueError("marker found")
        if "QUIT" in text:
            sys.exit("quit marker")
        if "SLOW" in text:
            time.sleep(0.3)
        if "UNPICKLABLE" in text:
            return Report(source=source, warnings=(lambda: "no pickle for me",))  # type: ignore[arg-type]
        if "UNLOADABLE" in text:
            return Report(source=source, warnings=(Unloadable(),))  # type: ignore[arg-type]
        if "ECHO" in text:
            return Report(source=source, warnings=(text,))
        if "PPID" in text:
            return Report(source=source, warnings=(f"{os.getppid()}",))
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


def _expected_length(report: Report, article: Article) -> None:
    assert not report.errors, report.errors
    assert report.findings[0].actual == len(article.text)


def test_crashes_mid_stream_cost_only_their_articles_and_keep_the_order():
    """Crashes first, last, back to back and by signal: each blames its own article alone."""
    texts = [f"story {i} " + "y" * (i % 7) for i in range(40)]
    crashing = {0: "EXIT", 9: "EXIT", 10: "EXIT", 21: "SEGV", 39: "EXIT"}
    for index, marker in crashing.items():
        texts[index] = f"{marker} in story {index}"
    items = _items(*texts)
    reports = list(run_articles(items, MarkerSpec(), jobs=2))
    assert [r.source for r in reports] == [a.source for a in items]
    for index, (report, article) in enumerate(zip(reports, items, strict=True)):
        if index in crashing:
            how = "exit code 3" if crashing[index] == "EXIT" else "killed by SIGSEGV"
            assert report.errors == (f"{article.source}: internal error: the worker process died while checking "
                                     f"this article ({how})",)
        else:
            _expected_length(report, article)
    assert multiprocessing.active_children() == []


def test_many_more_articles_than_the_window_with_slow_ones_come_back_in_order():
    """A slow article holds the head while the other worker races ahead; output order never changes."""
    texts = [("SLOW " if i % 9 == 4 else "") + f"article number {i}" + "z" * (i % 5) for i in range(60)]
    items = _items(*texts)
    reports = list(run_articles(items, MarkerSpec(), jobs=2))
    assert [r.source for r in reports] == [a.source for a in items]
    for report, article in zip(reports, items, strict=True):
        _expected_length(report, article)


def test_a_report_that_cannot_travel_back_is_an_error_for_its_article_only():
    items = _items("first", "UNPICKLABLE result", "third", "UNLOADABLE result", "fifth")
    reports = list(run_articles(items, MarkerSpec(), jobs=2))
    assert [r.source for r in reports] == [a.source for a in items]
    assert reports[1].errors[0].startswith("art1.txt: internal error: the report could not be sent back: ")
    assert reports[3].errors == ("art3.txt: internal error: the report could not be read back: "
                                 "RuntimeError: this report cannot be restored",)
    for index in (0, 2, 4):
        _expected_length(reports[index], items[index])


@pytest.mark.timeout(120)
def test_big_articles_with_big_reports_do_not_deadlock_the_pipes():
    """Articles and reports far bigger than a pipe's buffer: the parent must never write one to a
    worker that may itself be blocked writing its report back."""
    texts = [f"ECHO {i} " + "w" * (700_000 + i) for i in range(8)]
    reports = list(run_articles(_items(*texts), MarkerSpec(), jobs=2))
    assert [r.warnings[0] for r in reports] == texts


def test_stopping_early_or_finishing_leaves_no_process_and_no_resource_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run = run_articles(_items(*(f"text {i}" for i in range(30))), MarkerSpec(), jobs=2)
        first = [next(run) for _ in range(3)]
        run.close()  # the consumer stops: workers still holding articles are ended, not left behind
        assert multiprocessing.active_children() == []
        assert len(list(run_articles(_items("a", "b", "c"), MarkerSpec(), jobs=2))) == 3
        assert multiprocessing.active_children() == []
        gc.collect()
    assert [r.source for r in first] == ["art0.txt", "art1.txt", "art2.txt"]
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_with_threads_running_the_workers_come_from_the_fork_server():
    """A library caller with threads must not fork (a lock held by another thread would never be
    released in the child): its workers are started by the fork server, not by this process."""
    out: dict[str, list[Report]] = {}
    thread = threading.Thread(target=lambda: out.setdefault("reports", list(
        run_articles(_items("PPID one", "PPID two", "EXIT", "plain text"), MarkerSpec(), jobs=2))))
    thread.start()
    thread.join(120)
    reports = out["reports"]
    parents = {int(r.warnings[0]) for r in reports[:2]}
    assert os.getpid() not in parents and len(parents) == 1  # one fork server started both workers
    assert "worker process died" in reports[2].errors[0]
    _expected_length(reports[3], Article("art3.txt", "plain text"))


def test_a_one_thread_caller_forks_its_workers_which_need_no_pickling():
    """The CLI's case: one thread, so workers are forked from this process and share its Checker,
    even one built from a class that no other process could import."""
    script = textwrap.dedent("""
        import json, os
        from numcheck.inputs import Article
        from numcheck.model import Report
        from numcheck.runner import run_articles

        class PidChecker:
            built_in = os.getpid()

            def __init__(self):
                self.built_in = os.getpid()

            def check(self, text, source="<text>", kind=None):
                return Report(source=source, warnings=(f"{os.getppid()} {self.built_in} {text}",))

        if __name__ == "__main__":
            reports = run_articles([Article(f"a{i}", f"text {i}") for i in range(7)], PidChecker, jobs=2)
            print(json.dumps({"pid": os.getpid(), "lines": [r.warnings[0] for r in reports]}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    lines = [line.split() for line in result["lines"]]
    assert [line[2:] for line in lines] == [["text", str(i)] for i in range(7)]
    assert {int(line[0]) for line in lines} == {result["pid"]}  # forked by the caller itself
    assert {int(line[1]) for line in lines} == {result["pid"]}  # with the Checker the caller built


def test_workers_of_a_parent_killed_outright_exit_instead_of_waiting_forever():
    """SIGKILL leaves the parent no chance to stop its workers: each must see its pipe close and go."""
    script = textwrap.dedent("""
        import os, sys, time
        sys.path.insert(0, sys.argv[1])
        from test_runner import MarkerSpec, _items
        from numcheck.runner import run_articles

        if __name__ == "__main__":
            for report in run_articles(_items(*(f"SLOW {i}" for i in range(200))), MarkerSpec(), jobs=2):
                print(report.source, flush=True)
    """)
    process = subprocess.Popen([sys.executable, "-c", script, os.path.dirname(__file__)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "art0.txt"
        workers = _children(process.pid)
        assert len(workers) == 2
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers)


@dataclass(frozen=True)
class BrokenSpec:
    def __call__(self) -> MarkerChecker:
        raise ValueError("rules went missing")


def test_a_worker_that_cannot_build_its_checker_reports_why_on_every_article():
    """Where workers build their own Checker (the fork server), a failure there is told, not crashed on."""
    out: dict[str, list[Report]] = {}
    thread = threading.Thread(target=lambda: out.setdefault("reports", list(
        run_articles(_items("one", "two", "three"), BrokenSpec(), jobs=2))))
    thread.start()
    thread.join(120)
    assert [r.errors for r in out["reports"]] == [
        (f"art{i}.txt: internal error: the worker could not build its checker: ValueError: rules went missing",)
        for i in range(3)
    ]


def test_at_most_two_articles_per_job_are_in_flight_and_read_ahead_is_bounded():
    from numcheck.pool import IN_FLIGHT_PER_JOB, READ_AHEAD_PER_JOB, _Pool

    consumed = []
    total = 6 * READ_AHEAD_PER_JOB

    def stream():
        for i, article in enumerate(_items(*(f"article {i}" for i in range(total)))):
            consumed.append(i)
            yield article

    pool = _Pool(MarkerSpec(), "check", 2, None)
    seen = []
    for index, report in enumerate(pool.run(stream())):
        seen.append(report.source)
        unanswered = [len(w.unanswered) for w in pool.workers if w is not None]
        assert max(unanswered, default=0) <= IN_FLIGHT_PER_JOB, unanswered
        assert len(consumed) <= index + 1 + READ_AHEAD_PER_JOB * 2, f"read {len(consumed)} before yielding #{index}"
    assert len(seen) == total


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


def test_the_progress_bar_starts_no_thread_so_the_pool_may_still_fork():
    before = threading.active_count()
    items, _ = with_progress(iter(range(3)), FakeTerminal(), environ={})
    assert threading.active_count() == before
    assert list(items) == [0, 1, 2]


def test_progress_without_tqdm_is_silent(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    terminal = FakeTerminal()
    items, stream = with_progress(iter([1]), terminal, environ={})
    assert list(items) == [1] and stream is terminal and terminal.getvalue() == ""


def test_read_ahead_stops_at_its_byte_budget(monkeypatch):
    """A corpus of huge articles keeps only the in-flight ones (2 per job) in memory, not 16 per job."""
    import numcheck.pool as pool_module

    monkeypatch.setattr(pool_module, "READ_AHEAD_BYTES", 10)
    consumed = []

    def stream():
        for i, article in enumerate(_items(*(f"a long enough article {i}" for i in range(12)))):
            consumed.append(i)
            yield article

    for index, _report in enumerate(pool_module._Pool(MarkerSpec(), "check", 2, None).run(stream())):
        assert len(consumed) <= index + 1 + pool_module.IN_FLIGHT_PER_JOB * 2
