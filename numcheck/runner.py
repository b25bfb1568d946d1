"""Run a Checker over a stream of articles, in order, in one process or many.

Reports come back in input order whatever ``jobs`` is, so ``--jobs 4`` output is byte-identical
to ``--jobs 1`` and a diff of two CI runs shows only real changes.

With ``jobs != 1`` a process pool does the work. Each worker builds ONE `Checker` when it starts
(from ``make_checker``, which must therefore pickle: pass a `CheckerSpec`, not a lambda), so the
rules compile and quantulum3 loads once per worker, not once per article. At most ``2 × jobs``
articles are in flight at any time and the input is read only as fast as results leave, so memory
stays flat on a corpus of any size (``pool.map`` would read all of it up front). A worker that
crashes (an exception that escapes, a segfault, ``os._exit``, the OOM killer) costs only the
article it was on: the pool is restarted, the articles it held are re-run one at a time to find
the culprit, and the culprit alone is reported as an error.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from numcheck.errors import ConfigError, InputError
from numcheck.inputs import Article
from numcheck.model import Report

if TYPE_CHECKING:
    from numcheck.checker import Checker

__all__ = ["CheckerSpec", "process_article", "resolve_jobs", "run_articles"]

#: How many articles per worker may be queued or running at once: enough to keep every worker
#: busy while the parent renders results, few enough that memory does not grow with the corpus.
IN_FLIGHT_PER_JOB = 2


@dataclass(frozen=True)
class CheckerSpec:
    """The arguments of a `Checker`, as a picklable value, so each worker process can build its own.

    Calling the spec builds the Checker; the CLI calls it once in the parent (to fail fast on bad
    rules) and once in each worker.
    """

    rules: tuple[str, ...] = ()
    use_default_rules: bool = True
    select: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    #: (rule id, severity) overrides; a tuple of pairs rather than a dict so the spec stays hashable.
    severity: tuple[tuple[str, str], ...] = ()

    def __call__(self) -> Checker:
        from numcheck.checker import Checker

        return Checker(rules=list(self.rules), use_default_rules=self.use_default_rules, select=self.select,
                       disable=self.disable, severity=dict(self.severity) or None)


Item = Article | InputError | Report


def resolve_jobs(jobs: int) -> int:
    """The number of worker processes ``--jobs`` asks for: 0 means one per core."""
    if jobs < 0:
        raise ConfigError(f"--jobs must be 0 (all cores) or a positive number, not {jobs}")
    return jobs or os.cpu_count() or 1


def run_articles(
    items: Iterable[Item],
    make_checker: Callable[[], object],
    mode: str = "check",
    jobs: int = 1,
) -> Iterator[Report | InputError]:
    """Yield a `Report` per article (claims only when ``mode`` is "extract"), in input order.

    `InputError`s and ready-made `Report`s (a corpus row without text) pass through in place.
    With ``jobs != 1`` workers start from a fork server (or spawn), so a script that calls this
    needs the usual ``if __name__ == "__main__":`` guard, as with any multiprocessing code.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        yield from _run_serial(items, make_checker, mode)
    else:
        yield from _PoolRun(make_checker, mode, jobs).run(items)


def _run_serial(items: Iterable[Item], make_checker: Callable[[], object], mode: str) -> Iterator[Report | InputError]:
    checker = make_checker()
    for item in items:
        if isinstance(item, Article):
            yield process_article(checker, item, mode)
        else:
            yield item


def process_article(checker: object, article: Article, mode: str) -> Report:
    """Check or extract one article; a bug on one article becomes an error on that article only."""
    try:
        if mode == "extract":
            claims = tuple(checker.extract(article.text, article.kind))  # type: ignore[attr-defined]
            return Report(source=article.source, claims=claims)
        return checker.check(article.text, source=article.source, kind=article.kind)  # type: ignore[attr-defined]
    except RecursionError:
        return Report(source=article.source, errors=(f"{article.source}: internal error (recursion too deep)",))
    except Exception as exc:
        return Report(source=article.source, errors=(f"{article.source}: internal error: {type(exc).__name__}: {exc}",))


# --- the worker side: one Checker per process ------------------------------------------------------

#: The worker's Checker. The one piece of module state in numcheck, and it lives only inside pool
#: worker processes: the initializer sets it once, before the worker takes any article.
_worker_checker: Any = None


def _init_worker(make_checker: Callable[[], object]) -> None:
    global _worker_checker
    # Ctrl-C goes to the whole process group; the parent alone decides how to stop, so the
    # workers do not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_checker = make_checker()


def _work(article: Article, mode: str) -> Report:
    return process_article(_worker_checker, article, mode)


# --- the parent side -------------------------------------------------------------------------------


def _pool_context() -> Any:
    """forkserver where there is one, spawn elsewhere; never a plain fork.

    A forked worker is a copy of a parent that may hold threads (a progress bar, Dask, the pool's
    own) and their locks. The fork server is a clean process that imports numcheck once, so each
    worker forks from it ready to build its Checker instead of importing everything again.
    """
    if sys.platform == "win32" or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["numcheck.checker", "numcheck.runner"])
    return context


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold Ctrl-C back while worker processes may be starting, so that they start with it blocked.

    Ctrl-C goes to the whole process group. A fork server or worker still importing numcheck when
    it arrives would die printing a KeyboardInterrupt traceback of its own, before `_init_worker`
    can ignore SIGINT. A blocked signal is inherited through fork and exec, so they never see it;
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


def _crash_report(article: Article, what: str) -> Report:
    return Report(source=article.source, errors=(f"{article.source}: internal error: {what}",))


def _done(report: Report) -> Future[Report]:
    future: Future[Report] = Future()
    future.set_result(report)
    return future


class _PoolRun:
    """One parallel run: the executor, restarted after a crash, and the in-order window of work."""

    def __init__(self, make_checker: Callable[[], object], mode: str, jobs: int) -> None:
        self.make_checker = make_checker
        self.mode = mode
        self.jobs = jobs
        self.limit = IN_FLIGHT_PER_JOB * jobs
        self.executor: ProcessPoolExecutor | None = None

    def run(self, items: Iterable[Item]) -> Iterator[Report | InputError]:
        # Each entry is [item, future or None]; a list so recovery can swap in a re-run's result.
        pending: deque[list[Any]] = deque()
        in_flight = 0
        try:
            for item in items:
                if isinstance(item, Article):
                    pending.append([item, self._submit(item)])
                    in_flight += 1
                else:
                    pending.append([item, None])
                while in_flight >= self.limit:
                    yield from self._pop(pending)
                    in_flight -= 1
            while pending:
                yield from self._pop(pending)
        finally:
            self._stop(wait=not pending)

    def _pop(self, pending: deque[list[Any]]) -> Iterator[Report | InputError]:
        """Yield from the head of the window up to and including the next article's report."""
        while pending:
            item, future = pending.popleft()
            if future is None:
                yield item
                continue
            yield self._result(item, future, pending)
            return

    def _result(self, article: Article, future: Future[Report], pending: deque[list[Any]]) -> Report:
        try:
            return future.result()
        except BrokenProcessPool:
            return self._recover(article, pending)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # the worker's SystemExit, or a result that could not be pickled back
            return _crash_report(article, f"{type(exc).__name__}: {exc}")

    def _recover(self, article: Article, pending: deque[list[Any]]) -> Report:
        """After a crash: re-run, one at a time, every article the dead pool held, to find the culprit.

        One at a time because a pool that dies while running several articles does not say which
        one killed it. Nothing new is submitted meanwhile, so each re-run is truly alone.
        """
        self._stop(wait=True)  # a broken pool marks all its futures failed before it shuts down
        report = self._run_alone(article)
        for entry in pending:
            future = entry[1]
            if future is not None and (not future.done() or future.cancelled()
                                       or isinstance(future.exception(), BrokenProcessPool)):
                entry[1] = _done(self._run_alone(entry[0]))
        return report

    def _run_alone(self, article: Article) -> Report:
        try:
            return self._submit(article).result()
        except BrokenProcessPool:
            self._stop(wait=True)
            return _crash_report(article, "the worker process died while checking this article")
        except KeyboardInterrupt:
            raise
        except BaseException as exc:
            return _crash_report(article, f"{type(exc).__name__}: {exc}")

    def _submit(self, article: Article) -> Future[Report]:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=_pool_context(), initializer=_init_worker,
                initargs=(self.make_checker,),
            )
        with _sigint_blocked():  # the fork server and workers start here, and inherit the block
            return self.executor.submit(_work, article, self.mode)

    def _stop(self, wait: bool) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=wait, cancel_futures=True)
            self.executor = None
