"""How much faster numcheck's extraction is than quantulum3 on real news, and how it scales.

Usage::

    python benchmarks/bench_extract.py corpora/bbc [--limit N] [--all] [--every 5] [--json]

DIR is any folder of ``.txt`` articles (or a ``.jsonl`` corpus). numcheck extracts every article;
quantulum3, at about 0.2 s per 5 KB, parses a deterministic sample (every 5th article) unless
``--all`` is given. The ratio is always taken over the *same* texts in the *same* process. Targets
(issue 3): ratio >= 30x; cost per KB flat from 5 to 100 KB; ``import numcheck`` plus one sentence
without a unit under 0.5 s; nothing from a dependency on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from common import (
    YARDSTICK,
    Article,
    load_corpus,
    load_yardstick,
    machine,
    median,
    print_report,
    quantulum_parser,
    ratio,
    sample,
    synthetic_article,
    time_subprocess,
    timed,
    unique,
    yardstick_ratio,
    yardstick_rows,
)

SIZES_KB = (5, 10, 20, 50, 100)
NO_UNIT = "Some 26 of 35 countries agreed."
WITH_UNIT = "a 120 km/h wind"
WARM_UP = "About 1,240 people walked 12 km in 30 °C heat; 26 of 35 countries paid €1.1bn."


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="folder of .txt articles, or a .jsonl corpus")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--all", action="store_true", help="run quantulum3 on every article, not a sample")
    parser.add_argument("--every", type=int, default=5, help="quantulum3 sample: every Nth article (default 5)")
    parser.add_argument("--quantulum-max-kb", type=int, default=50, help="largest synthetic size given to quantulum3")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--yardstick", default=YARDSTICK, help="path of the frozen candidate_scan.py "
                        "(default: ../shared/yardstick/candidate_scan.py beside the repository)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["yardstick", "quantulum", "per_claim", "startup"])
    args = parser.parse_args(argv)

    import numcheck

    articles = load_corpus(args.dir, args.limit)
    checker = numcheck.Checker(use_default_rules=False)
    parse = quantulum_parser()
    checker.extract(WARM_UP)  # load lazy tables and quantulum3 before any clock starts
    parse(WARM_UP)

    results: dict[str, Any] = {"machine": machine(), "corpus": str(args.dir), "articles": len(articles)}
    if "yardstick" not in args.skip:
        texts = [a.text for a in unique(articles)]
        results["yardstick"] = yardstick_ratio(checker.extract, texts, load_yardstick(args.yardstick))
    if "quantulum" not in args.skip:
        results["corpus_ratio"] = corpus_ratio(checker, parse, articles, args)
        results["per_kb"] = cost_per_kb(checker, parse, articles, args.quantulum_max_kb)
    if "per_claim" not in args.skip:
        results["per_claim"] = cost_per_claim(type(checker), articles)
    if "startup" not in args.skip:
        results["startup"] = startup()

    if args.json:
        print(json.dumps(results, indent=2))
    else:
        show(results)
    return 0


def corpus_ratio(checker: Any, parse: Any, articles: list[Article], args: argparse.Namespace) -> dict[str, Any]:
    """numcheck over every article, quantulum3 over the sample, ratio over the sample."""
    ours: dict[str, float] = {}
    claims = 0
    for article in articles:
        seconds, found = timed(checker.extract, article.text)
        ours[article.id] = seconds
        claims += len(found)
    chosen = articles if args.all else sample(articles, args.every)
    theirs: dict[str, float] = {}
    for article in chosen:
        theirs[article.id], _ = timed(parse, article.text)
    ours_on_sample = sum(ours[a.id] for a in chosen)
    kb_all = sum(a.kb for a in articles)
    kb_sample = sum(a.kb for a in chosen)
    return {
        "quantulum_sample": "all articles" if args.all else f"every {args.every}th article",
        "sample_articles": len(chosen),
        "sample_kb": round(kb_sample, 1),
        "numcheck_seconds_all": round(sum(ours.values()), 3),
        "numcheck_kb_per_s_all": round(kb_all / max(sum(ours.values()), 1e-9), 1),
        "numcheck_claims_all": claims,
        "numcheck_seconds_sample": round(ours_on_sample, 3),
        "quantulum_seconds_sample": round(sum(theirs.values()), 3),
        "quantulum_kb_per_s": round(kb_sample / max(sum(theirs.values()), 1e-9), 1),
        "ratio_whole": round(ratio(sum(theirs.values()), ours_on_sample), 1),
        "ratio_median_article": round(median(ratio(theirs[a.id], ours[a.id]) for a in chosen), 1),
    }


def cost_per_kb(checker: Any, parse: Any, articles: list[Article], quantulum_max_kb: int) -> dict[str, Any]:
    """Milliseconds per KB on long synthetic articles; flat means linear, rising means superlinear."""
    rows = []
    for kb in SIZES_KB:
        text = synthetic_article(articles, kb)
        # The best of two runs on a fresh Checker each time: no cache, less noise from neighbours.
        ours = min(timed(type(checker)(use_default_rules=False).extract, text)[0] for _ in range(2))
        row: dict[str, Any] = {"kb": kb, "numcheck_ms_per_kb": round(1000 * ours / kb, 3)}
        if kb <= quantulum_max_kb:
            theirs, _ = timed(parse, text)
            row["quantulum_ms_per_kb"] = round(1000 * theirs / kb, 2)
            row["ratio"] = round(ratio(theirs, ours), 1)
        rows.append(row)
    base_ours = rows[0]["numcheck_ms_per_kb"]
    base_theirs = rows[0].get("quantulum_ms_per_kb")
    for row in rows:
        row["numcheck_growth"] = round(row["numcheck_ms_per_kb"] / base_ours, 2) if base_ours else None
        if base_theirs and "quantulum_ms_per_kb" in row:
            row["quantulum_growth"] = round(row["quantulum_ms_per_kb"] / base_theirs, 2)
    return {"rows": rows, "quantulum_max_kb": quantulum_max_kb}


def cost_per_claim(checker_class: Any, articles: list[Article], big_kb: int = 10_000,
                   small_kb: int = 10) -> dict[str, Any]:
    """Microseconds per claim on one 10 MB article of real news, and on the same text cut at paragraph
    breaks into 10 KB articles (target: within 1.5x). The same text both ways, so claim density and
    vocabulary are equal and only the size differs."""
    text = synthetic_article(articles, big_kb)
    pieces, current, size = [], [], 0
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        size += len(paragraph)
        if size >= small_kb * 1024:
            pieces.append("\n\n".join(current))
            current, size = [], 0
    pieces.append("\n\n".join(current))
    checker = checker_class(use_default_rules=False)
    checker.extract(pieces[0])  # warm-up
    small_s, small_claims = timed(lambda: sum(len(checker.extract(piece)) for piece in pieces))
    big_s, big_claims = timed(lambda: len(checker_class(use_default_rules=False).extract(text)))
    rows = [{"kb": small_kb, "articles": len(pieces), "claims": small_claims,
             "us_per_claim": round(1e6 * small_s / max(small_claims, 1), 2)},
            {"kb": big_kb, "articles": 1, "claims": big_claims,
             "us_per_claim": round(1e6 * big_s / max(big_claims, 1), 2)}]
    return {"rows": rows, "growth": round(rows[1]["us_per_claim"] / rows[0]["us_per_claim"], 2)}


def startup() -> dict[str, Any]:
    """Wall time of a fresh interpreter doing one extraction, with and without a physical unit."""
    python = sys.executable
    quiet_import = "import warnings; warnings.simplefilter('ignore'); from quantulum3 import parser"
    runs = {
        "python_bare": [python, "-c", "pass"],
        "no_unit": [python, "-c", f"import numcheck; numcheck.extract({NO_UNIT!r})"],
        "with_unit": [python, "-c", f"import numcheck; numcheck.extract({WITH_UNIT!r})"],
        "quantulum3_import": [python, "-c", quiet_import],
    }
    out: dict[str, Any] = {}
    for name, argv in runs.items():
        timing = time_subprocess(argv, repeats=3)
        out[name] = {"best_s": round(timing.best, 3), "median_s": round(timing.median, 3),
                     "stderr": timing.stderr, "returncode": timing.returncode}
    return out


def show(results: dict[str, Any]) -> None:
    print(f"corpus: {results['corpus']} ({results['articles']} articles); machine: {results['machine']}")
    if "yardstick" in results:
        print_report("extraction against the frozen yardstick (one regex pass; same process, same texts)",
                     yardstick_rows(results["yardstick"], "numcheck extract", "0.6"))
    if "corpus_ratio" in results:
        show_quantulum(results)
    if "per_claim" in results:
        p = results["per_claim"]
        print_report("cost per claim, 10 KB against 10 MB (real articles joined)",
                     [(f"{row['kb']} KB x {row['articles']}", f"{row['claims']} claims, {row['us_per_claim']} us/claim")
                      for row in p["rows"]],
                     [f"growth x{p['growth']} (target <= 1.5)"])
    if "startup" in results:
        show_startup(results["startup"])


def show_quantulum(results: dict[str, Any]) -> None:
    c = results["corpus_ratio"]
    print_report(
        "extraction on real news (same process, same texts)",
        [
            ("numcheck, all articles", f"{c['numcheck_seconds_all']:.2f} s, {c['numcheck_kb_per_s_all']:.0f} KB/s, "
                                       f"{c['numcheck_claims_all']} claims"),
            ("quantulum3 sample", f"{c['quantulum_sample']}: {c['sample_articles']} articles, {c['sample_kb']} KB"),
            ("quantulum3 on sample", f"{c['quantulum_seconds_sample']:.2f} s ({c['quantulum_kb_per_s']:.0f} KB/s)"),
            ("numcheck on sample", f"{c['numcheck_seconds_sample']:.3f} s"),
            ("ratio, whole sample", f"{c['ratio_whole']}x  (target >= 30x)"),
            ("ratio, median article", f"{c['ratio_median_article']}x"),
        ],
    )
    per_kb = results["per_kb"]
    rows = []
    for row in per_kb["rows"]:
        theirs = "quantulum3 not run (above --quantulum-max-kb)"
        if "quantulum_ms_per_kb" in row:
            theirs = (f"quantulum3 {row['quantulum_ms_per_kb']:.1f} ms/KB (x{row['quantulum_growth']}), "
                      f"ratio {row['ratio']}x")
        rows.append((f"{row['kb']} KB", f"numcheck {row['numcheck_ms_per_kb']:.3f} ms/KB "
                                        f"(x{row['numcheck_growth']} of 5 KB); {theirs}"))
    print_report("cost per KB on synthetic long articles (real articles joined)", rows,
                 [f"quantulum3 measured only up to {per_kb['quantulum_max_kb']} KB: it grows superlinearly"])


def show_startup(s: dict[str, Any]) -> None:
    rows = [(name, f"best {v['best_s']:.3f} s, median {v['median_s']:.3f} s"
                   + (f", exit {v['returncode']}" if v["returncode"] else "")) for name, v in s.items()]
    notes = [f"target: no_unit < 0.5 s; no_unit is {s['no_unit']['best_s'] / s['python_bare']['best_s']:.1f}x "
             f"a bare interpreter and {s['no_unit']['best_s'] / s['quantulum3_import']['best_s']:.2f}x "
             "the quantulum3 import"]
    for name in ("no_unit", "with_unit"):
        text = s[name]["stderr"].strip()
        notes.append(f"stderr of {name}: " + (repr(text[:500]) if text else "empty (good)"))
    print_report("start-up in a fresh process", rows, notes)

if __name__ == "__main__":
    sys.exit(main())
