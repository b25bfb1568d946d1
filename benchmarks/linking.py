"""What linking alone costs: seconds in ``numcheck.relate`` per claim, on news and on inputs built to
be hard, each measured in one process against a baseline measured in the same run.

Two questions, one helper each, used by ``bench_check.py --linking`` and ``bench_adversarial.py
--linking``:

* ``versus_yardstick``: linking's time per claim over real articles, as a ratio to the frozen
  yardstick (one compiled regex scan of the same texts, loaded by path, never copied). The ratio is
  what stays comparable across machines and loads; the target is no higher than before the round.
* ``linear``: linking's time per claim on a prefix of about 10 KB of a hard input and on the whole
  input (a sentence of 10,000 figures, a 20,000-row Markdown table, a 10 MB article); target: the
  two within 1.5x, so linking is linear in the size of what it reads.

Extraction runs outside the clock: only ``relate`` is timed, best of ``repeats`` runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any


def _prepared(texts: Sequence[str], kind: str = "text") -> list[tuple[Any, tuple[Any, ...]]]:
    import numcheck
    from numcheck.document import read_document

    extractor = numcheck.Checker(use_default_rules=False).extractor
    prepared = []
    for text in texts:
        document = read_document(text, kind)
        prepared.append((document, tuple(extractor.extract(document))))
    return prepared


def _best(function: Callable[[], object], repeats: int) -> float:
    """The least CPU time of this process over ``repeats`` runs: on a machine shared with other
    jobs, wall time mostly measures them."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def versus_yardstick(texts: Sequence[str], yardstick: ModuleType, repeats: int = 7) -> dict[str, Any]:
    """Linking's seconds per claim, the yardstick's per claim on the same texts, and their ratio."""
    from numcheck.relate import relate

    prepared = _prepared(texts)
    claims = sum(len(c) for _, c in prepared)
    # Interleaved, best of each: on a shared machine the load changes between two long runs.
    link = scan = float("inf")
    for _ in range(repeats):
        link = min(link, _best(lambda: [relate(d, c) for d, c in prepared], 1))
        scan = min(scan, _best(lambda: [yardstick.count(t) for t in texts], 1))
    return {"articles": len(texts), "claims": claims, "link_us_per_claim": 1e6 * link / max(claims, 1),
            "yardstick_us_per_claim": 1e6 * scan / max(claims, 1), "ratio": link / scan}


def linear(name: str, text: str, kind: str = "text", prefix_chars: int = 10_000, repeats: int = 2) -> dict[str, Any]:
    """Linking's time per claim on the first ``prefix_chars`` of ``text`` and on all of it."""
    from numcheck.relate import relate

    cut = text.rfind("\n", 0, prefix_chars)
    small, large = _prepared([text[: cut if cut > prefix_chars // 2 else prefix_chars], text], kind)
    rows = []
    for label, (document, claims) in (("10 KB", small), ("full", large)):
        # Best of ``repeats`` at both sizes when the whole input is small enough to run twice.
        runs = repeats if label == "10 KB" or len(document.text) < 1_000_000 else 1
        took = _best(lambda d=document, c=claims: relate(d, c), runs)
        rows.append({"size": label, "chars": len(document.text), "claims": len(claims),
                     "us_per_claim": 1e6 * took / max(len(claims), 1)})
    ratio = rows[1]["us_per_claim"] / max(rows[0]["us_per_claim"], 1e-9)
    return {"name": name, "rows": rows, "ratio": ratio, "ok": ratio <= 1.5}


def hard_inputs(size_mb: float = 10.0) -> dict[str, tuple[str, str]]:
    """The three inputs of issue 11: name -> (text, kind)."""
    figures = "Output was " + ", ".join(f"{i % 97 + 3} tonnes" for i in range(10_000)) + ".\n"
    rows = ["| region | jobs | share |", "| --- | --- | --- |"]
    rows += [f"| R{i} | {i % 900 + 100} | {i % 90 + 5}% |" for i in range(20_000)]
    paragraph = ("Profits rose 8% to £150m from £139m, while 26 of the 35 members backed the plan. "
                 "Of the 400 staff, 150 are in London; the remaining 250 work in Leeds. "
                 "Sales fell to 4.1 million, down 3% from 4.2 million a year earlier.\n\n")
    article = "Big article\n\n" + paragraph * int(size_mb * 1_000_000 / len(paragraph))
    return {"sentence-of-10000-figures": (figures, "text"), "table-of-20000-rows": ("\n".join(rows) + "\n", "markdown"),
            f"article-of-{size_mb:g}-mb": (article, "text")}


def report_lines(result: dict[str, Any]) -> list[tuple[str, str]]:
    """Rows for ``common.print_report``."""
    return [(r["size"], f"{r['chars']:,} chars, {r['claims']:,} claims, {r['us_per_claim']:.1f} µs/claim")
            for r in result["rows"]] + [("ratio", f"{result['ratio']:.2f}x  {'ok' if result['ok'] else 'OVER 1.5x'}")]
