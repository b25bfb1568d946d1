"""The worker processes behind ``--jobs``: one Checker and one pipe each, driven from the caller's thread.

Why not `concurrent.futures.ProcessPoolExecutor`: its manager and feeder threads, futures and queues
cost the parent about 0.5 ms of CPU per article, on the same cores the workers need, while checking
an article costs about 3 ms. Here the parent only pickles an article, writes it to a worker's pipe,
waits on the pipes with `multiprocessing.connection.wait` and unpickles the report that comes back
(about 0.3 ms of CPU an article, reading the corpus and rendering included): no helper thread,
nothing to wake but the caller.

Order and memory: at most `IN_FLIGHT_PER_JOB` articles are in flight at each worker (sent and not
yet answered: 2 x jobs in all). Reports come back out of order and are yielded in input order, so
a few articles more are read ahead, at most `READ_AHEAD_PER_JOB` per job and `READ_AHEAD_BYTES` of
text: while one worker is on a long article the other keeps working instead of waiting for it to
be yielded first (with no read-ahead, that head-of-line wait cost a third of the second core on
news). The input is still read only about as fast as results leave, and memory stays flat on a
corpus of any size.

Crash isolation needs no bookkeeping beyond that: a worker answers its articles strictly in the
order it got them, so when it dies (an escaping exception, ``os._exit``, a segfault, the OOM
killer) the culprit is the first article it had not answered. That article alone is reported; a new
worker takes the dead one's other unanswered articles.

Deadlock: a worker blocked writing a big report while the parent is blocked writing it a big
article would wait for each other forever. So an article that might not fit in the pipe's buffer is
sent only to a worker with nothing unanswered, which is reading, not writing.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import socket
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from numcheck.article import Article, process_article
from numcheck.errors import InputError
from numcheck.model import Report

__all__ = ["IN_FLIGHT_PER_JOB", "READ_AHEAD_BYTES", "READ_AHEAD_PER_JOB", "run_pool", "start_method"]

#: Articles per worker that may be unanswered, and per job that may be read and not yet yielded:
#: one being checked and one waiting, so a worker never idles while the parent renders a result.
IN_FLIGHT_PER_JOB = 2

#: Articles per job that may be read and not yet yielded (in flight, waiting to be sent, or answered
#: and waiting for an earlier one), and the most text they may hold, so a corpus of huge articles
#: still keeps only a few in memory. At least `IN_FLIGHT_PER_JOB` per job are always allowed.
READ_AHEAD_PER_JOB = 16
READ_AHEAD_BYTES = 32 * 1024 * 1024

#: Seconds a worker gets to exit after the end-of-work sentinel before it is killed.
STOP_TIMEOUT = 10.0

#: Checked once in the parent before the first fork, so that quantulum3's unit tables are loaded
#: once and shared by every worker instead of loaded by each (about 0.6 s of CPU per worker).
WARM_UP_TEXT = "The 12 km bypass opened with a 50 km/h limit, three years late, after 400 tonnes of steel."

#: Bytes of article that surely fit in a pipe's buffer when none is measured (Windows pipes).
SMALL_MESSAGE = 4096

_PROTOCOL = pickle.HIGHEST_PROTOCOL
_END = object()


def run_pool(
    items: Iterable[Article | InputError | Report], make_checker: Callable[[], object], mode: str, jobs: int,
    checker: object = None,
) -> Iterator[Report | InputError]:
    """`run_articles` with ``jobs`` worker processes: reports in input order, crashes cost one article."""
    yield from _Pool(make_checker, mode, jobs, checker).run(items)


def start_method() -> str:
    """``fork`` when it is safe, else ``forkserver`` where there is one, else ``spawn``.

    A forked worker starts in about a millisecond with numcheck imported and, here, its Checker
    already built and warmed by the parent; a fork-server worker must build its own Checker and
    load quantulum3, about a second of fixed cost per worker that swamped a corpus run of seconds.
    But fork copies only the calling thread: a lock another thread held at that instant (logging,
    a progress bar, Dask, the caller's own threads) stays locked forever in the child. So fork is
    used only while the process has exactly one thread, Python's or native (the CLI does); a
    library caller with threads gets the fork server, slower to start but safe. Never on macOS,
    whose system libraries are not fork-safe even with one thread (why CPython spawns there).
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform != "darwin" and "fork" in methods and threading.active_count() == 1 and _one_native_thread():
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _one_native_thread() -> bool:
    """No thread started behind Python's back (a BLAS pool, a C extension's); True where it cannot be told."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return True


def crash_report(article: Article, what: str) -> Report:
    """An article whose checking failed in a way the checker itself could not report."""
    return Report(source=article.source, errors=(f"{article.source}: internal error: {what}",))


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold Ctrl-C back while a worker process starts, so that it starts with it blocked.

    Ctrl-C goes to the whole process group. A fork server or worker still importing numcheck when
    it arrives would die printing a KeyboardInterrupt traceback of its own, before `_serve` can
    ignore SIGINT. A blocked signal is inherited through fork and exec, so they never see it;
    the parent still gets it once the block is lifted: deferred, never lost.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no process groups, no inherited masks
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# --- the worker side -------------------------------------------------------------------------------


def _serve(conn: Connection, make_checker: Callable[[], object], checker: object, mode: str,
           inherited: tuple[Connection, ...]) -> None:
    """A worker's life: answer each article with its pickled report, in order, until told to stop.

    ``checker`` is the parent's, already warm, when the worker was forked; otherwise the worker
    builds its own. ``inherited`` are the parent's ends of every pipe, copied by fork: closed here
    so that a parent killed outright leaves each worker reading end-of-file, not waiting forever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, not ours to print
    for other in inherited:
        other.close()
    broken = ""
    if checker is None:
        try:
            checker = make_checker()
        except BaseException as exc:  # answer every article with the reason rather than die on each
            broken = f"the worker could not build its checker: {type(exc).__name__}: {exc}"
    while True:
        try:
            data = conn.recv_bytes()
            if not data:  # the end-of-work sentinel
                return
            conn.send_bytes(_answer(checker, pickle.loads(data), mode, broken))
        except (EOFError, OSError):  # the parent is gone: nobody is left to tell
            return


def _answer(checker: object, article: Article, mode: str, broken: str) -> bytes:
    if broken:
        report = crash_report(article, broken)
    else:
        try:
            report = process_article(checker, article, mode)
        except BaseException as exc:  # SystemExit from a checker: it costs the article, not the worker
            report = crash_report(article, f"{type(exc).__name__}: {exc}")
    try:
        return pickle.dumps(report, _PROTOCOL)
    except Exception as exc:
        what = f"the report could not be sent back: {type(exc).__name__}: {exc}"
        return pickle.dumps(crash_report(article, what), _PROTOCOL)


# --- the parent side -------------------------------------------------------------------------------


class _Slot:
    """One input item on its way through: its pickled form until answered, then its result."""

    __slots__ = ("item", "payload", "result", "size")

    def __init__(self, item: Any) -> None:
        self.item = item
        self.payload = b""
        self.result: Any = None
        self.size = len(item.text) if isinstance(item, Article) else 0


class _Worker:
    __slots__ = ("answered", "conn", "process", "reaped", "unanswered")

    def __init__(self, conn: Connection, process: Any) -> None:
        self.conn = conn
        self.process = process
        self.unanswered: deque[_Slot] = deque()
        self.answered = 0
        self.reaped = False


class _Pool:
    """One parallel run: the workers, the articles not yet sent, and the in-order window of results."""

    def __init__(self, make_checker: Callable[[], object], mode: str, jobs: int, checker: object) -> None:
        self.make_checker = make_checker
        self.mode = mode
        self.method = start_method()
        self.context = _context(self.method)
        self.checker = checker  # forked workers share it; built on the first fork when not given
        self.warm = False
        self.workers: list[_Worker | None] = [None] * jobs
        self.backlog: deque[_Slot] = deque()
        self.in_flight = IN_FLIGHT_PER_JOB * jobs
        self.read_ahead = max(READ_AHEAD_PER_JOB, IN_FLIGHT_PER_JOB) * jobs
        self.small = SMALL_MESSAGE

    def run(self, items: Iterable[Article | InputError | Report]) -> Iterator[Report | InputError]:
        source = iter(items)
        window: deque[_Slot] = deque()
        held = 0  # characters of article text in the window
        finished = False
        try:
            while True:
                while self._may_read(len(window), held) and (item := next(source, _END)) is not _END:
                    window.append(self._admit(item))
                    held += window[-1].size
                if not window:
                    break
                if window[0].result is None:
                    self._wait()
                while window and window[0].result is not None:
                    held -= window[0].size
                    yield window.popleft().result
            finished = True
        finally:
            self._stop(finished)

    def _may_read(self, count: int, held: int) -> bool:
        return count < self.in_flight or (count < self.read_ahead and held < READ_AHEAD_BYTES)

    def _admit(self, item: Any) -> _Slot:
        slot = _Slot(item)
        if isinstance(item, Article):
            slot.payload = pickle.dumps(item, _PROTOCOL)
            self.backlog.append(slot)
            self._dispatch()
        else:  # an input error or a ready-made report keeps its place in the output
            slot.result = item
        return slot

    def _dispatch(self) -> None:
        """Send waiting articles, oldest first, each to the least busy worker that may take it."""
        while self.backlog:
            slot = self.backlog[0]
            index = self._pick(len(slot.payload))
            if index is None:
                return
            self.backlog.popleft()
            worker = self.workers[index] or self._start(index)
            try:
                worker.conn.send_bytes(slot.payload)
            except OSError:  # it is dead, and never read this article
                if worker.answered or worker.unanswered:  # it died on an earlier article, or idle
                    self.backlog.appendleft(slot)
                else:  # it died starting: blame this article all the same, so that the run moves on
                    worker.unanswered.append(slot)
                self._bury(worker)
                continue
            worker.unanswered.append(slot)

    def _pick(self, size: int) -> int | None:
        """The worker with the fewest unanswered articles, then the fewest bytes of them.

        Bytes break ties because a long article holds up the article queued behind it, and with
        the window full the other workers cannot take anything else meanwhile.
        """
        best, least = None, (IN_FLIGHT_PER_JOB, 0)
        for index, worker in enumerate(self.workers):
            load = (len(worker.unanswered), sum(len(s.payload) for s in worker.unanswered)) if worker else (0, 0)
            if load < least and (load[0] == 0 or size <= self.small):
                best, least = index, load
        return best

    def _start(self, index: int) -> _Worker:
        fork = self.method == "fork"
        if fork and not self.warm:
            if self.checker is None:
                self.checker = self.make_checker()
            process_article(self.checker, Article("<warm-up>", WARM_UP_TEXT), self.mode)
            self.warm = True
        ours, theirs = self.context.Pipe(duplex=True)
        inherited = (*(w.conn for w in self.workers if w), ours) if fork else ()
        process = self.context.Process(
            target=_serve, args=(theirs, self.make_checker, self.checker if fork else None, self.mode, inherited),
            name=f"numcheck-worker-{index}", daemon=True,
        )
        if not fork and os.name == "posix":
            # The fork server needs the resource tracker, which unblocks SIGINT once it has started:
            # start it first, so that the fork server starts with SIGINT still blocked.
            from multiprocessing import resource_tracker

            resource_tracker.ensure_running()
        with _sigint_blocked():  # the fork server and the worker start here, and inherit the block
            process.start()
            # Recorded before a deferred Ctrl-C can strike, so that stopping the run stops it too.
            worker = self.workers[index] = _Worker(ours, process)
            theirs.close()  # the worker's end lives in the worker only: its death reads as end-of-file here
        self.small = _pipe_capacity(ours)
        return worker

    def _wait(self) -> None:
        busy = [w for w in self.workers if w is not None and w.unanswered]
        if busy:
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.conn in ready:
                    self._receive(worker)
                elif worker.process.sentinel in ready:  # dead, with its pipe held open by a descendant
                    self._bury(worker)
        self._dispatch()

    def _receive(self, worker: _Worker) -> None:
        try:
            data = worker.conn.recv_bytes()
        except (EOFError, OSError):
            self._bury(worker)
            return
        slot = worker.unanswered.popleft()
        worker.answered += 1
        try:
            slot.result = pickle.loads(data)
        except Exception as exc:
            slot.result = crash_report(slot.item, f"the report could not be read back: {type(exc).__name__}: {exc}")
        slot.payload = b""

    def _bury(self, worker: _Worker) -> None:
        """A worker died: blame its first unanswered article, and queue the others for a new worker."""
        how = _reap(worker, timeout=1.0)
        self.workers[self.workers.index(worker)] = None
        if worker.unanswered:
            culprit = worker.unanswered.popleft()
            culprit.result = crash_report(culprit.item, f"the worker process died while checking this article{how}")
            culprit.payload = b""
        self.backlog.extendleft(reversed(worker.unanswered))

    def _stop(self, finished: bool) -> None:
        """End every worker: politely after a complete run, at once after an interruption or an error."""
        workers = [w for w in self.workers if w is not None]
        try:
            for worker in workers:
                if finished:
                    with contextlib.suppress(OSError):
                        worker.conn.send_bytes(b"")
                else:
                    worker.process.kill()
            for worker in workers:
                _reap(worker, timeout=STOP_TIMEOUT if finished else 1.0)
        finally:  # even when interrupted while stopping: no worker outlives the run
            for worker in workers:
                if not worker.reaped:
                    worker.process.kill()
                    _reap(worker, timeout=1.0)
            self.workers = [None] * len(self.workers)


def _reap(worker: _Worker, timeout: float) -> str:
    """Close a worker's pipe and wait for its exit, killing it after ``timeout``; how it ended, for a message."""
    if worker.reaped:
        return ""
    worker.conn.close()
    process = worker.process
    process.join(timeout)
    if process.exitcode is None:
        process.kill()
        process.join()
    code = process.exitcode
    worker.reaped = True
    process.close()
    if not code:
        return ""
    if code < 0:
        with contextlib.suppress(ValueError):
            return f" (killed by {signal.Signals(-code).name})"
    return f" (exit code {code})"


def _context(method: str) -> Any:
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # its workers fork from a server that has numcheck imported already
        context.set_forkserver_preload(["numcheck.checker", "numcheck.pool"])
    return context


def _pipe_capacity(conn: Connection) -> int:
    """Bytes of article that fit in the pipe's buffer at once: a quarter of it, for the kernel's overhead."""
    try:
        with socket.socket(fileno=os.dup(conn.fileno())) as sock:
            return max(SMALL_MESSAGE, sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF) // 4)
    except (OSError, AttributeError, ValueError):
        return SMALL_MESSAGE
