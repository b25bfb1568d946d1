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
import json
import os
import pickle
import signal
import socket
import struct
import subprocess
import sys
import time
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


class _Worker:
    """The server's end of one worker process: its pid and its socket."""

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid = pid
        self.conn = conn

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(self.pid, signal.SIGKILL)
        self.conn.close()


class WorkerPool:
    """``size`` warm worker processes forked from one zygote; `run` sends a request to an idle one.

    ``handler`` names the function the workers call with ``(checker, request)``; it must return
    ``(status, body bytes)`` and is looked up in the worker, so it must be importable by name.
    """

    def __init__(self, spec: CheckerSpec, handler: str, size: int = 1) -> None:
        self.spec = spec
        self.handler = handler
        self.size = size
        self._zygote: subprocess.Popen[bytes] | None = None
        self._control: socket.socket | None = None
        self._idle: asyncio.Queue[_Worker] | None = None
        self._workers: dict[int, _Worker] = {}

    # --- life cycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the zygote and fork ``size`` workers; blocks until they are ready (about a second)."""
        self._idle = asyncio.Queue()
        self._start_zygote()
        for _ in range(self.size):
            self._idle.put_nowait(self._fork())

    def close(self) -> None:
        """Stop every worker and the zygote (closing their sockets is enough; kill makes it certain)."""
        for worker in list(self._workers.values()):
            worker.kill()
        self._workers.clear()
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._zygote is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._zygote.wait(timeout=5)
            if self._zygote.poll() is None:
                self._zygote.kill()
                self._zygote.wait()
            self._zygote = None

    @property
    def pids(self) -> list[int]:
        """The zygote's and the workers' pids, for health reports and tests."""
        zygote = [self._zygote.pid] if self._zygote is not None else []
        return [*zygote, *sorted(self._workers)]

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

    def _fork(self) -> _Worker:
        """A new worker from the zygote (restarting the zygote once if it has died)."""
        for attempt in (1, 2):
            try:
                assert self._control is not None
                self._control.sendall(b"F")
                data, fds, _flags, _addr = socket.recv_fds(self._control, _PID.size, 1)
                if len(data) == _PID.size and fds:
                    worker = _Worker(_PID.unpack(data)[0], Connection(fds[0]))
                    self._workers[worker.pid] = worker
                    return worker
            except OSError:
                pass
            if attempt == 1:
                self.close_zygote()
                self._start_zygote()
        raise RuntimeError("numcheck serve: cannot start a worker process")

    def close_zygote(self) -> None:
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._zygote is not None:
            self._zygote.kill()
            self._zygote.wait()
            self._zygote = None

    # --- requests -----------------------------------------------------------------------------------

    async def run(self, request: dict[str, Any], timeout: float) -> tuple[int, bytes]:
        """The handler's ``(status, body)`` for ``request``, or `WorkTimeout` after ``timeout`` seconds
        (waiting for an idle worker included). A worker interrupted for any reason (timeout, the
        client gone and the request cancelled) is killed and replaced, so no stale answer is ever
        read by the next request."""
        assert self._idle is not None, "start() the pool first"
        deadline = time.monotonic() + timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError:
            raise WorkTimeout() from None
        done = False
        try:
            try:
                worker.conn.send_bytes(pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL))
                await asyncio.wait_for(self._readable(worker.conn), max(deadline - time.monotonic(), 0.001))
                answer: tuple[int, bytes] = pickle.loads(worker.conn.recv_bytes())
            except TimeoutError:
                raise WorkTimeout() from None
            except (OSError, EOFError):  # the worker died (the OOM killer, a crash): that request only
                answer = (500, b'{"error": "internal error: the worker process died"}')
                self._replace(worker)
                done = True
                return answer
            done = True
            self._idle.put_nowait(worker)
            return answer
        finally:
            if not done:
                self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._workers.pop(worker.pid, None)
        assert self._idle is not None
        self._idle.put_nowait(self._fork())

    @staticmethod
    async def _readable(conn: Connection) -> None:
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        fd = conn.fileno()
        loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
        try:
            await ready
        finally:
            loop.remove_reader(fd)


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
