"""Does ``check_frame`` under Dask reuse one Checker per worker? CPU of 32 partitions against 2.

Usage::

    python benchmarks/bench_dask.py corpora/bbc.jsonl [--rows 600] [--workers 2]

The same frame is checked on a local cluster of worker processes, split into 2 and then into 32
partitions. Each worker process keeps one Checker (``numcheck.frame.shared_checker``), so the extra
partitions should cost only Dask's bookkeeping: target, 32 partitions at most 1.1x the CPU of 2.
CPU is the sum over the worker processes (user + system, from psutil), measured around each run;
the wall-clock speed-up of 2 workers over 1 is reported, not targeted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import Any

from common import load_corpus, machine, print_report, unique


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="folder of .txt articles or a .jsonl corpus")
    parser.add_argument("--rows", type=int, default=600, help="articles in the frame (default 600)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import dask.dataframe as dd
    import pandas as pd
    import psutil
    from distributed import Client, LocalCluster

    import numcheck

    articles = unique(load_corpus(args.path))[: args.rows]
    frame = pd.DataFrame({"id": [a.id for a in articles], "body": [a.text for a in articles]})
    meta = numcheck.check_frame(frame.head(0))
    results: dict[str, Any] = {"machine": machine(), "rows": len(frame), "workers": args.workers}
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        pids = list(client.run(lambda: __import__("os").getpid()).values())
        processes = [psutil.Process(pid) for pid in pids]

        def cpu() -> float:
            return sum(p.cpu_times().user + p.cpu_times().system for p in processes)

        def run(partitions: int) -> dict[str, Any]:
            ddf = dd.from_pandas(frame, npartitions=partitions)
            before, start = cpu(), time.perf_counter()
            found = ddf.map_partitions(numcheck.check_frame, text_column="body", id_column="id", meta=meta).compute()
            return {"partitions": partitions, "cpu_s": round(cpu() - before, 3),
                    "wall_s": round(time.perf_counter() - start, 3), "findings": len(found)}

        run(args.workers)  # warm-up: imports, rule loading and quantulum3 tables in every worker
        results["runs"] = [run(2), run(32), run(2), run(32)]
    two = min(r["cpu_s"] for r in results["runs"] if r["partitions"] == 2)
    many = min(r["cpu_s"] for r in results["runs"] if r["partitions"] == 32)
    results["cpu_ratio_32_to_2"] = round(many / two, 3)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_report(f"check_frame on a local Dask cluster ({args.workers} workers, {len(frame)} articles)",
                     [(f"{r['partitions']} partitions", f"CPU {r['cpu_s']} s, wall {r['wall_s']} s, "
                                                         f"{r['findings']} findings") for r in results["runs"]],
                     [f"CPU of 32 partitions / CPU of 2: {results['cpu_ratio_32_to_2']} (target <= 1.1)"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
