"""Worker processes for ``numcheck serve``: checks run where a time limit can stop them.

Why processes, and why this shape:

* A request over ``--timeout`` must *stop the work*, not just stop waiting for it. Python cannot
  interrupt a thread in the middle of a regular expression, but it can kill a process. So every
  check runs in a worker process; when the limit passes, that worker is killed (SIGKILL) and a
  fresh one takes its place, and the server answers 503.
* A fresh worker must be ready at once, or the requests after a timeout would pay for it. Building
  a `Checker` and warming quantulum3 costs about half a second; forking a process that already
  holds a warm Checker costs a few milliseconds. So one *zygote* process is started (a clean
  interpreter, no threads: forking it is safe, unlike forking the server, which runs an event loop
  and maybe threads) that builds and warms the Checker once and then only forks workers on request.
  Each worker gets one end of a new socket pair; the zygote hands the other end to the server over
  its control socket (``SCM_RIGHTS``) together with the worker's pid.
* Nothing accumulates. Killed workers are the zygote's children, and the zygote ignores SIGCHLD so
  the kernel reaps them at once (no zombies); the server waits on worker sockets with the event
  loop's own reader callbacks, so no thread is started per request. After any number of timeouts
  the server has the same processes (zygote + ``size`` workers) and the same threads as before.
* Everything dies with the server: a worker exits when its socket reaches end-of-file, the zygote
  when its control socket does, so a killed server leaves no orphans behind. Both ignore Ctrl-C,
  which the terminal sends to the whole process group: the server alone decides when they stop.

The work itself (`numcheck.live.payload`) runs the one `Checker` the CLI uses and renders with the
CLI's own renderers; this module only moves requests and answers between processes. POSIX only
(fork and descriptor passing).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import pickle
import signal
import socket
import struct
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from numcheck.runner import CheckerSpec

__all__ = ["WorkTimeout", "WorkerPool", "zygote_main"]

_PID = struct.Struct("!q")
_LENGTH = struct.Struct("!I")
#: Seconds the zygote may take to build and warm its Checker before the server gives up on it.
START_TIMEOUT = 120.0


class WorkTimeout(Exception):
    """Raised when a request outlived its time limit; its worker has been killed and replaced."""


#: Requests a single worker may hold at once: the one it is checking and the next, already in its
#: socket, so it never waits for the server between two requests (on a busy machine that hand-over, a
#: wake-up of two processes, cost a third of the throughput). Answers come back in the order sent.
#: With several workers each holds one: a request queued behind a slow text on one worker would
#: share its delay, and its time limit, while another worker sat idle; the others' work covers the
#: hand-overs instead.
DEPTH = 2
#: Only a request this small is sent to a worker that is busy: it surely fits in the socket's buffer.
#: A bigger one could fill it while the worker is blocked writing a big answer the server is not
#: reading, because the server would be blocked writing: each would wait for the other forever.
SMALL_REQUEST = 64 * 1024


class _Job:
    """One request: its pickled body, its deadline and the future its answer goes to."""

    __slots__ = ("data", "deadline", "future")

    def __init__(self, data: bytes, deadline: float, future: asyncio.Future[tuple[int, bytes]]) -> None:
        self.data = data
        self.deadline = deadline
        self.future = future


class _Worker:
    """The server's end of one worker process: its pid, its socket and the jobs it holds, oldest first."""

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid = pid
        self.conn = conn
        self.jobs: deque[_Job] = deque()
        self.timer: asyncio.TimerHandle | None = None

    def kill(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(self.pid, signal.SIGKILL)
        self.conn.close()


class WorkerPool:
    """``size`` warm worker processes forked from one zygote; `run` hands a request to the least busy.

    ``handler`` names the function the workers call with ``(checker, request)``; it must return
    ``(status, body bytes)`` and is looked up in the worker, so it must be importable by name.

    Time limits: a request's deadline is its arrival plus its timeout. A worker answers in order, so
    the oldest request it holds has the earliest deadline, and one timer per worker watches that
    one. When it fires, that request gets `WorkTimeout`, the worker is killed and replaced, and the
    requests queued behind it are sent again to the replacement, their own deadlines unchanged.
    """

    def __init__(self, spec: CheckerSpec, handler: str, size: int = 1) -> None:
        self.spec = spec
        self.handler = handler
        self.size = size
        self._zygote: subprocess.Popen[bytes] | None = None
        self._control: socket.socket | None = None
        self._workers: list[_Worker] = []
        self._waiting: deque[_Job] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None

    # --- life cycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the zygote and fork ``size`` workers; blocks until they are ready (about a second)."""
        self._loop = asyncio.get_running_loop()
        self._start_zygote()
        for _ in range(self.size):
            self._workers.append(self._fork())

    def close(self) -> None:
        """Stop every worker and the zygote (closing their sockets is enough; kill makes it certain)."""
        for worker in self._workers:
            self._unwatch(worker)
            worker.kill()
        self._workers.clear()
        self.close_zygote(wait=True)

    @property
    def pids(self) -> list[int]:
        """The zygote's and the workers' pids, for health reports and tests."""
        zygote = [self._zygote.pid] if self._zygote is not None else []
        return [*zygote, *sorted(w.pid for w in self._workers)]

    def _start_zygote(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        command = [sys.executable, "-c", "import sys; from numcheck.live.workers import zygote_main; "
                   "zygote_main(int(sys.argv[1]))", str(theirs.fileno())]
        self._zygote = subprocess.Popen(command, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL)
        theirs.close()
        setup = pickle.dumps((self.spec, self.handler), protocol=pickle.HIGHEST_PROTOCOL)
        ours.sendall(_LENGTH.pack(len(setup)) + setup)
        ours.settimeout(START_TIMEOUT)
        reply = ours.recv(1)
        ours.settimeout(None)
        if reply != b"R":
            raise RuntimeError("numcheck serve: the worker process failed to start")
        self._control = ours

    def close_zygote(self, wait: bool = False) -> None:
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._zygote is not None:
            if wait:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._zygote.wait(timeout=5)
            if self._zygote.poll() is None:
                self._zygote.kill()
                self._zygote.wait()
            self._zygote = None

    def _fork(self) -> _Worker:
        """A new worker from the zygote (restarting the zygote once if it has died), watched for answers."""
        for attempt in (1, 2):
            try:
                assert self._control is not None
                self._control.sendall(b"F")
                data, fds, _flags, _addr = socket.recv_fds(self._control, _PID.size, 1)
                if len(data) == _PID.size and fds:
                    worker = _Worker(_PID.unpack(data)[0], Connection(fds[0]))
                    assert self._loop is not None
                    self._loop.add_reader(worker.conn.fileno(), self._answer, worker)
                    return worker
            except OSError:
                pass
            if attempt == 1:
                self.close_zygote()
                self._start_zygote()
        raise RuntimeError("numcheck serve: cannot start a worker process")

    def _unwatch(self, worker: _Worker) -> None:
        if self._loop is not None and not worker.conn.closed:
            self._loop.remove_reader(worker.conn.fileno())

    # --- requests -----------------------------------------------------------------------------------

    async def run(self, request: dict[str, Any], timeout: float) -> tuple[int, bytes]:
        """The handler's ``(status, body)`` for ``request``, or `WorkTimeout` once ``timeout`` seconds
        have passed since it arrived (waiting included). Cancelling the call (the client went away)
        stops its work: a request being checked has its worker killed and replaced."""
        assert self._loop is not None, "start() the pool first"
        job = _Job(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL), time.monotonic() + timeout,
                   self._loop.create_future())
        self._waiting.append(job)
        self._dispatch()
        try:
            # The worker timers enforce the deadline; this outer wait only guards against a bug there.
            return await asyncio.wait_for(asyncio.shield(job.future), timeout + 5)
        except TimeoutError:
            self._abandon(job)
            raise WorkTimeout() from None
        except asyncio.CancelledError:
            self._abandon(job)
            raise

    def _dispatch(self) -> None:
        """Send waiting requests to workers with room, the least busy first; fail those past their deadline."""
        now = time.monotonic()
        while self._waiting:
            job = self._waiting[0]
            if job.future.done():
                self._waiting.popleft()
                continue
            if job.deadline <= now:
                self._waiting.popleft()
                job.future.set_exception(WorkTimeout())
                continue
            worker = self._pick(len(job.data))
            if worker is None:
                return
            self._waiting.popleft()
            try:
                worker.conn.send_bytes(job.data)
            except OSError:  # the worker died: the reader callback sees it too; retry on a fresh one
                self._waiting.appendleft(job)
                self._replace(worker, failure=None)
                continue
            worker.jobs.append(job)
            if len(worker.jobs) == 1:
                self._arm(worker)

    def _pick(self, size: int) -> _Worker | None:
        """The least busy worker with room for a request of ``size`` bytes (see `DEPTH` and
        `SMALL_REQUEST`), or None: the request waits for an answer."""
        depth = DEPTH if len(self._workers) == 1 and size <= SMALL_REQUEST else 1
        worker = min(self._workers, key=lambda w: len(w.jobs), default=None)
        return worker if worker is not None and len(worker.jobs) < depth else None

    def _arm(self, worker: _Worker) -> None:
        if worker.timer is not None:
            worker.timer.cancel()
            worker.timer = None
        if worker.jobs:
            assert self._loop is not None
            delay = max(worker.jobs[0].deadline - time.monotonic(), 0)
            worker.timer = self._loop.call_later(delay, self._expire, worker)

    def _expire(self, worker: _Worker) -> None:
        """The oldest request of ``worker`` reached its deadline: 503 it, stop its work, move the rest."""
        worker.timer = None
        if worker in self._workers and worker.jobs:
            self._replace(worker, failure=WorkTimeout())

    def _answer(self, worker: _Worker) -> None:
        """Reader callback: take the answers ``worker`` has written, in order."""
        try:
            while worker.conn.poll():
                answer: tuple[int, bytes] = pickle.loads(worker.conn.recv_bytes())
                job = worker.jobs.popleft()
                if not job.future.done():
                    job.future.set_result(answer)
        except (OSError, EOFError, IndexError):  # it died (a crash, the OOM killer): that request only
            self._replace(worker, failure=(500, b'{"error": "internal error: the worker process died"}'))
            return
        self._arm(worker)
        self._dispatch()

    def _replace(self, worker: _Worker, failure: WorkTimeout | tuple[int, bytes] | None) -> None:
        """Kill ``worker``; its oldest request gets ``failure``, the others go to the front of the queue."""
        if worker not in self._workers:
            return
        self._unwatch(worker)
        worker.kill()
        jobs = list(worker.jobs)
        if jobs and failure is not None:
            head = jobs.pop(0)
            if not head.future.done():
                if isinstance(failure, WorkTimeout):
                    head.future.set_exception(failure)
                else:
                    head.future.set_result(failure)
        self._waiting.extendleft(reversed(jobs))
        self._workers[self._workers.index(worker)] = self._fork()
        self._dispatch()

    def _abandon(self, job: _Job) -> None:
        """The caller gave up on ``job``: drop it if unsent, stop its worker if it is being checked."""
        if not job.future.done():
            job.future.cancel()
        for worker in self._workers:
            if worker.jobs and worker.jobs[0] is job:
                self._replace(worker, failure=None)
                return
        # Unsent: _dispatch skips it. Queued behind another in a worker: its answer is dropped, and its
        # deadline still bounds the work, since it is the oldest by then.


# --- the zygote and worker side --------------------------------------------------------------------


def zygote_main(fd: int) -> None:
    """The zygote: build and warm the Checker, then fork a worker each time the server asks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps killed workers: no zombies
    control = socket.socket(fileno=fd)
    size = _LENGTH.unpack(_recv_exactly(control, _LENGTH.size))[0]
    spec, handler_name = pickle.loads(_recv_exactly(control, size))
    handler = _resolve(handler_name)
    from numcheck.pool import WARM_UP_TEXT

    checker = spec()
    checker.check(WARM_UP_TEXT)  # load quantulum3's tables once, here, for every worker to share
    # Everything built so far lives as long as the workers: keep it out of the collector's sight, so
    # no collection in a worker walks (and, by touching, copies) the shared tables (CPython's advice
    # for a process that forks workers).
    gc.freeze()
    control.sendall(b"R")
    while control.recv(1) == b"F":
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:
            control.close()
            ours.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            code = 0
            try:
                _serve(Connection(theirs.detach()), checker, handler)
            except BaseException:
                code = 1
            os._exit(code)
        theirs.close()
        socket.send_fds(control, [_PID.pack(pid)], [ours.fileno()])
        ours.close()


def _serve(conn: Connection, checker: object, handler: Callable[[object, dict[str, Any]], tuple[int, bytes]]) -> None:
    """A worker's life: answer requests one at a time until the server closes the socket."""
    while True:
        try:
            request = pickle.loads(conn.recv_bytes())
        except EOFError:
            return
        try:
            answer = handler(checker, request)
        except Exception as exc:  # a bug on one text answers that request only
            answer = (500, json.dumps({"error": f"internal error: {type(exc).__name__}: {exc}"}).encode())
        conn.send_bytes(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise EOFError("the server closed the control socket")
        data += chunk
    return data


def _resolve(name: str) -> Callable[[object, dict[str, Any]], tuple[int, bytes]]:
    import importlib

    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)
