"""Run a Checker over a stream of articles, in order, in one process or many.

Reports come back in input order whatever ``jobs`` is, so ``--jobs 4`` output is byte-identical
to ``--jobs 1`` and a diff of two CI runs shows only real changes.

With ``jobs != 1`` worker processes (`numcheck.pool`) do the work, each with ONE `Checker`, so the
rules compile and quantulum3 loads once per process, not once per article. Where workers are forked
they share the parent's Checker; elsewhere each builds its own from ``make_checker``, which must
therefore pickle: pass a `CheckerSpec`, not a lambda. At most ``2 × jobs`` articles are in flight
and the input is read only as fast as results leave, so memory stays flat on a corpus of any size.
A worker that crashes (an exception that escapes, a segfault, ``os._exit``, the OOM killer) costs
only the article it was on. The pool lives in its own module, imported only for ``jobs != 1``, so
that a one-article ``numcheck check`` does not pay for importing multiprocessing; what both run
on one article, `process_article`, is in `numcheck.article` (re-exported here), so the pool does not
import this module back.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from numcheck.article import Article, Item, process_article
from numcheck.errors import ConfigError, InputError
from numcheck.model import Report

if TYPE_CHECKING:
    from numcheck.checker import Checker

__all__ = ["CheckerSpec", "process_article", "resolve_jobs", "run_articles"]


@dataclass(frozen=True)
class CheckerSpec:
    """The arguments of a `Checker`, as a picklable value, so each worker process can build its own.

    Calling the spec builds the Checker; the CLI calls it once in the parent (to fail fast on bad
    rules), and the pool once more: in the parent before forking its workers, or in each worker
    where they cannot be forked.
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
    checker: object = None,
) -> Iterator[Report | InputError]:
    """Yield a `Report` per article (claims only when ``mode`` is "extract"), in input order.

    `InputError`s and ready-made `Report`s (a corpus row without text) pass through in place.
    ``checker``, if given, is one ``make_checker`` already built (the CLI builds one to fail fast on
    bad rules): it does this process's checking and forked workers share it, so it is not built twice.
    With ``jobs != 1`` and threads running, workers start from a fork server (or spawn), so a
    script that calls this needs the usual ``if __name__ == "__main__":`` guard, as with any
    multiprocessing code.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1:
        yield from _run_serial(items, make_checker() if checker is None else checker, mode)
    else:
        from numcheck.pool import run_pool

        yield from run_pool(items, make_checker, mode, jobs, checker)


def _run_serial(items: Iterable[Item], checker: object, mode: str) -> Iterator[Report | InputError]:
    for item in items:
        if isinstance(item, Article):
            yield process_article(checker, item, mode)
        else:
            yield item
