"""Extract and check speed as a ratio to the frozen yardstick, in CPU time, on a shared machine.

Usage::

    python benchmarks/speed_ratio.py corpora/bbc [--rounds 5] [--skip check]

``bench_extract.py`` and ``bench_check.py`` time with the wall clock; on two cores shared with other
benchmarks a neighbour's burst lands in one run and not in the other. Here every round times the
yardstick, ``Checker.extract`` and ``Checker.check`` one after the other over the same unique texts
with ``time.process_time`` (this process's CPU only), and the best round of each is kept: the ratio
is then the work done, not the machine's load.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from common import YARDSTICK, load_corpus, load_yardstick, unique

WARM_UP = "About 1,240 people walked 12 km in 30 °C heat; 26 of 35 countries paid €1.1bn."


def cpu(function: Callable[[], Any]) -> float:
    """CPU seconds this process spent in one call."""
    start = time.process_time()
    function()
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="folder of .txt articles or a .jsonl corpus")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds; the best of each is kept")
    parser.add_argument("--yardstick", default=YARDSTICK, help="path of the frozen candidate_scan.py")
    parser.add_argument("--skip", nargs="*", default=[], choices=["extract", "check"])
    args = parser.parse_args(argv)

    import numcheck

    texts = [a.text for a in unique(load_corpus(args.path))]
    yardstick = load_yardstick(args.yardstick)
    extractor, checker = numcheck.Checker(use_default_rules=False), numcheck.Checker()
    checker.check(WARM_UP)  # lazy tables and quantulum3 load before any clock starts
    runs: dict[str, Callable[[], Any]] = {"yardstick": lambda: [yardstick.count(t) for t in texts]}
    if "extract" not in args.skip:
        runs["extract"] = lambda: [extractor.extract(t) for t in texts]
    if "check" not in args.skip:
        runs["check"] = lambda: [checker.check(t) for t in texts]
    best = {name: float("inf") for name in runs}
    for _ in range(args.rounds):
        for name, run in runs.items():
            best[name] = min(best[name], cpu(run))
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} unique texts, {megabytes:.2f} MB, best of {args.rounds} interleaved rounds (CPU time)")
    for name, seconds in best.items():
        ratio = best["yardstick"] / seconds
        print(f"{name:10} {seconds:7.3f} s  {megabytes / seconds:6.2f} MB/s  ratio {ratio:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
