"""Ctrl-C in the middle of a long run: exit 130, one line on stderr, nothing half-written, nothing left.

The run checks 3,000 generated articles into ``--output out.json``. ``out.json`` already holds the
previous complete report. The test waits until the new report's temporary file exists (the run is
writing), sends SIGINT to the whole process group (what a terminal's Ctrl-C does), and then asserts
that the command stopped cleanly: the previous report is untouched, no ``.numcheck-*.tmp`` is left
beside it, and no worker process of ``--jobs 2`` outlives the command. Both ways workers start are
run: forked by numcheck itself (a one-thread process, like the CLI) and from the fork server (a
process with a thread running, like a library caller's).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from numcheck.cli import main

ARTICLES = 3_000
TIMEOUT = 60


def _articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"story-{i:05d}.md").write_text(
            f"The council approved {i % 90 + 10} of {i % 90 + 40} proposals this year.\n\n"
            f"Of the 35 member states, {i % 30 + 1} voted in favour, about {i % 7 + 2} million voters.\n",
            encoding="utf-8",
        )


def _descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (the fork server and its workers too), read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                # "pid (comm) state ppid ...": comm may hold spaces, so split after its last ")".
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    """True while ``pid`` runs; a zombie waiting for init to reap it has stopped and does not count."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _children(pid: int) -> set[int]:
    return {child for child in _descendants(pid) if _parent(child) == pid}


def _parent(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[1])
    except OSError:
        return -1


def _workers(pid: int) -> set[int]:
    """The pool's workers below ``pid``: forked by numcheck itself, or by its fork server.

    The fork server and the resource tracker are helpers, not workers: both run a
    ``-c "from multiprocessing..."`` command line.
    """
    helpers = set()
    for child in _children(pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as handle:
                if b"multiprocessing" in handle.read():
                    helpers.add(child)
        except OSError:
            continue
    return _descendants(pid) - helpers


#: Runs the CLI with a thread running, so that the pool may not fork and uses the fork server.
THREADED_CLI = (
    "import sys, threading; threading.Thread(target=threading.Event().wait, daemon=True).start(); "
    "from numcheck.cli import main; sys.exit(main(sys.argv[1:]))"
)


SIGINT, SIGTERM = signal.SIGINT, signal.SIGTERM
#: What the command says and returns for each signal.
STOPPED = {SIGINT: ("numcheck: interrupted\n", 130), SIGTERM: ("numcheck: terminated\n", 143)}


@pytest.mark.parametrize(
    ("jobs", "settled", "group", "threaded", "sig"),
    [(1, True, True, False, SIGINT), (2, True, True, False, SIGINT), (2, False, True, False, SIGINT),
     (2, True, False, False, SIGINT), (2, True, True, True, SIGINT), (2, False, True, True, SIGINT),
     (1, True, False, False, SIGTERM), (2, True, False, False, SIGTERM), (2, True, True, False, SIGTERM),
     (2, True, True, True, SIGTERM)],
    ids=["jobs-1", "jobs-2", "jobs-2-while-workers-start", "jobs-2-sigint-to-the-parent-only",
         "jobs-2-fork-server", "jobs-2-fork-server-while-workers-start",
         "sigterm-jobs-1", "sigterm-jobs-2-to-the-parent-only", "sigterm-jobs-2-to-the-group",
         "sigterm-jobs-2-fork-server"],
)
def test_ctrl_c_stops_cleanly_and_keeps_the_previous_report(
    tmp_path: Path, jobs: int, settled: bool, group: bool, threaded: bool, sig: signal.Signals
) -> None:
    """``settled``: the signal once the workers are busy, else while the pool is still starting.
    ``group``: to the whole process group (a terminal's Ctrl-C, a CI job's timeout), else to numcheck
    alone (``kill``). ``threaded``: numcheck runs with a thread, so its workers come from the fork
    server, not a fork. ``sig``: SIGINT (Ctrl-C) or SIGTERM (``kill``, a CI timeout), which must
    clean up the same way."""
    _articles(tmp_path / "archive")
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    out = out_dir / "out.json"
    previous = tmp_path / "previous.md"
    previous.write_text("Rescuers reached 12 of the 14 trapped miners.\n", encoding="utf-8")
    assert main(["check", str(previous), "--format", "json", "--output", str(out)]) == 0
    before = out.read_bytes()
    assert json.loads(before)["summary"]["files"] == 1

    launcher = ["-c", THREADED_CLI] if threaded else ["-m", "numcheck.cli"]
    process = subprocess.Popen(
        [sys.executable, *launcher, "check", str(tmp_path / "archive"), "--format", "json",
         "--output", str(out), "--jobs", str(jobs)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
        start_new_session=True,  # its own process group, so the SIGINT below reaches it and its workers only
    )
    try:
        writing = _wait_for(lambda: any(out_dir.glob(".numcheck-*.tmp")), TIMEOUT)
        assert writing, "the run never started writing its report"
        if settled:
            if jobs > 1:
                seen: dict[str, set[int]] = {}

                def started() -> bool:
                    seen["children"], seen["workers"] = _children(process.pid), _workers(process.pid)
                    return len(seen["workers"]) >= jobs

                def as_expected() -> bool:
                    # /proc is read twice per look and a helper caught between its fork and its exec
                    # looks like a direct-child worker for a moment, so one look can mislead: ask
                    # until the pool shows its method, and fail only if it never shows the right one
                    return started() and (len(seen["workers"] & seen["children"]) >= jobs) is not threaded

                assert _wait_for(started, TIMEOUT), "the workers never started"
                _wait_for(as_expected, 2.0)
                forked = len(seen["workers"] & seen["children"]) >= jobs
                assert forked is not threaded, "forked workers without threads, fork-server workers with them"
            time.sleep(0.5)  # well into the articles now: the run takes several seconds
        else:
            time.sleep(0.1)  # the pool is starting: the fork server is importing numcheck
        workers = _descendants(process.pid)
        assert process.poll() is None, "the run finished before it could be interrupted; make it longer"
        if group:
            os.killpg(process.pid, sig)
        else:
            os.kill(process.pid, sig)
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    assert "Traceback" not in stderr, stderr
    assert (stderr, process.returncode) == STOPPED[sig]
    assert stdout == ""
    assert out.read_bytes() == before  # the previous complete report, byte for byte
    assert json.loads(out.read_bytes())["files"][0]["path"] == str(previous)
    assert sorted(p.name for p in out_dir.iterdir()) == ["out.json"]  # no .numcheck-*.tmp left behind
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10), (
        f"worker processes outlived the command: {[pid for pid in workers if _alive(pid)]}"
    )


def test_an_uninterrupted_run_replaces_the_report_whole(tmp_path: Path) -> None:
    """The other half of "previous or new, never a mix": a finished run leaves the new report only."""
    out = tmp_path / "out.json"
    out.write_text('{"version": 1, "files": [], "summary": {"files": 0}}\n', encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text("Of the 35 member states, 26 voted in favour.\n", encoding="utf-8")
    assert main(["check", str(article), "--format", "json", "--output", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [entry["path"] for entry in report["files"]] == [str(article)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "out.json"]


def test_the_report_gets_ordinary_permissions_not_the_temp_files_private_ones(tmp_path: Path) -> None:
    """The temporary file is private (0600); the report it becomes is readable as ``open`` would make it,
    and a replaced report keeps the permissions it had."""
    article = tmp_path / "a.md"
    article.write_text("Of the 35 member states, 26 voted in favour.\n", encoding="utf-8")
    out = tmp_path / "out.json"
    umask = os.umask(0o027)
    try:
        assert main(["check", str(article), "--format", "json", "--output", str(out)]) == 0
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o640
    out.chmod(0o604)
    assert main(["check", str(article), "--format", "json", "--output", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o604
