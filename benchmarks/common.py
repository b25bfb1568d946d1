"""Shared helpers for the benchmark scripts: corpus loading, quantulum3 silencing, timing, output.

The benchmarks compare numcheck against quantulum3 *in the same process on the same texts*, because
on a shared 2-core machine only a ratio measured side by side means anything; absolute seconds move
with whoever else is busy. Every figure is therefore printed next to the baseline it is judged by.
They never ship articles: point them at a folder of ``.txt`` files or a ``.jsonl`` corpus
(see ``benchmarks/get_corpus.md``).
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "YARDSTICK",
    "Article",
    "SubprocessTiming",
    "load_corpus",
    "load_yardstick",
    "machine",
    "median",
    "numcheck_command",
    "print_report",
    "quantulum_parser",
    "ratio",
    "sample",
    "synthetic_article",
    "time_subprocess",
    "timed",
    "unique",
    "yardstick_ratio",
    "yardstick_rows",
]

#: The frozen yardstick every speed target is a ratio to: one compiled regex pass that finds figure
#: candidates and resolves nothing. It lives beside the repository, is loaded by path and is never
#: copied; a benchmark takes another path as an argument.
YARDSTICK = Path(__file__).resolve().parents[1].parent / "shared" / "yardstick" / "candidate_scan.py"

#: The field names tried, in order, for a .jsonl row's text and id (the BBC export uses text/id).
TEXT_FIELDS = ("text", "body", "content", "article")
ID_FIELDS = ("id", "source", "path", "url")


@dataclass(frozen=True, slots=True)
class Article:
    """One benchmark text and the name it is reported under."""

    id: str
    text: str

    @property
    def kb(self) -> float:
        return len(self.text.encode("utf-8")) / 1024


@dataclass(frozen=True, slots=True)
class SubprocessTiming:
    """Wall times of repeated runs of one command, and what it printed on stderr (should be nothing)."""

    best: float
    median: float
    stderr: str
    returncode: int


def load_corpus(path: str | os.PathLike[str], limit: int | None = None) -> list[Article]:
    """Articles from a folder (``*.txt`` recursively, sorted) or a ``.jsonl`` file (one object a row).

    Sorted order makes ``--limit`` and the every-nth sample deterministic across machines.
    """
    root = Path(path)
    articles: list[Article] = []
    if root.is_dir():
        files = sorted(root.rglob("*.txt"), key=lambda p: _natural_key(p.relative_to(root)))
        for file in files[:limit] if limit else files:
            articles.append(Article(str(file.relative_to(root)), file.read_text(encoding="utf-8")))
    elif root.suffix == ".jsonl":
        with root.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if limit and len(articles) >= limit:
                    break
                if not line.strip():
                    continue
                row = json.loads(line)
                text = next((row[k] for k in TEXT_FIELDS if isinstance(row.get(k), str)), None)
                if text is None:
                    continue
                name = next((str(row[k]) for k in ID_FIELDS if k in row), f"{root.name}:{number}")
                articles.append(Article(name, text))
    else:
        raise SystemExit(f"{path}: expected a folder of .txt articles or a .jsonl corpus")
    if not articles:
        raise SystemExit(f"{path}: no articles found")
    return articles


def _natural_key(path: Path) -> tuple[Any, ...]:
    """business/2.txt before business/10.txt, so samples match the dataset's own numbering."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in (*path.parent.parts, path.stem))


def unique(articles: Iterable[Article]) -> list[Article]:
    """Drop repeated texts (the BBC set has about a hundred), so no figure is served from a cache."""
    seen: set[str] = set()
    kept = []
    for article in articles:
        if article.text not in seen:
            seen.add(article.text)
            kept.append(article)
    return kept


def sample(articles: Sequence[Article], every: int) -> list[Article]:
    """Every ``every``-th article, starting with the first: deterministic and spread over sections."""
    return list(articles[:: max(every, 1)])


def synthetic_article(articles: Sequence[Article], kb: float) -> str:
    """A long article of about ``kb`` KB made by joining real articles as paragraphs.

    Real text keeps the density of numbers realistic, so the per-KB cost measures size alone.
    """
    target = int(kb * 1024)
    parts: list[str] = []
    size = 0
    index = 0
    while size < target:
        text = articles[index % len(articles)].text.strip()
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        index += 1
    return "\n\n".join(parts)[:target]


def quantulum_parser() -> Callable[[str], Any]:
    """``quantulum3.parser.parse`` loaded quietly, so benchmark output is not interleaved with its noise.

    quantulum3 warns at import that its classifier is missing and calls ``logging.basicConfig`` on
    every parse; a NullHandler on the root logger makes that call a no-op in this process only.
    """
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser.parse


def timed(function: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    """Seconds taken by one call, and its result (kept so the work cannot be optimised away)."""
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def median(values: Iterable[float]) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def ratio(baseline: float, ours: float) -> float:
    """How many times faster (or smaller) ours is than the baseline; inf when ours took no time."""
    return baseline / ours if ours > 0 else float("inf")


def time_subprocess(argv: Sequence[str], repeats: int = 3, **kwargs: Any) -> SubprocessTiming:
    """Best and median wall time of ``argv`` over ``repeats`` fresh processes.

    The best run is the honest start-up figure on a shared machine (other load only adds time);
    stderr of the last run is kept so a stray dependency warning is caught, not hidden.
    """
    times = []
    completed = None
    for _ in range(repeats):
        start = time.perf_counter()
        completed = subprocess.run(argv, capture_output=True, text=True, check=False, **kwargs)
        times.append(time.perf_counter() - start)
    assert completed is not None
    return SubprocessTiming(min(times), median(times), completed.stderr, completed.returncode)


def numcheck_command() -> list[str]:
    """How to run the ``numcheck`` CLI of the interpreter running the benchmark."""
    script = Path(sys.executable).with_name("numcheck")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from numcheck.cli import main; sys.exit(main())"]


def print_report(title: str, rows: Sequence[tuple[str, str]], notes: Sequence[str] = ()) -> None:
    """A two-column table of figures, with any caveats underneath."""
    print(f"\n== {title}")
    width = max((len(label) for label, _ in rows), default=0)
    for label, value in rows:
        print(f"  {label.ljust(width)}  {value}")
    for note in notes:
        print(f"  note: {note}")


def machine() -> dict[str, Any]:
    """Where the figures were taken, for ``benchmarks/RESULTS.md``."""
    import platform

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "loadavg": [round(x, 2) for x in load],
    }


def load_yardstick(path: str | os.PathLike[str] = YARDSTICK) -> Any:
    """The yardstick module loaded from ``path`` (exits with one line when it is missing)."""
    import importlib.util

    file = Path(path)
    if not file.is_file():
        raise SystemExit(f"{file}: the yardstick is missing (pass its path with --yardstick)")
    spec = importlib.util.spec_from_file_location("candidate_scan", file)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{file}: cannot load the yardstick")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def yardstick_ratio(run: Callable[[str], Any], texts: Sequence[str], yardstick: Any,
                    rounds: int = 3) -> dict[str, Any]:
    """Throughput of ``run`` over ``texts`` as a ratio to the yardstick's over the same texts.

    The two alternate for ``rounds`` rounds in this process and the best round of each is kept, so
    a neighbour's burst on the shared machine hits both alike. A ratio of 0.6 means ``run`` takes
    1/0.6 = 1.7 times as long as one regex pass that only finds the candidates.
    """
    ours, theirs = [], []
    for _ in range(rounds):
        theirs.append(timed(lambda: [yardstick.count(text) for text in texts])[0])
        ours.append(timed(lambda: [run(text) for text in texts])[0])
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    return {"texts": len(texts), "megabytes": round(megabytes, 2), "rounds": rounds,
            "ours_best_s": round(min(ours), 3), "yardstick_best_s": round(min(theirs), 3),
            "ours_mb_per_s": round(megabytes / min(ours), 2), "yardstick_mb_per_s": round(megabytes / min(theirs), 2),
            "ratio": round(min(theirs) / min(ours), 3)}


def yardstick_rows(y: dict[str, Any], what: str, target: str) -> list[tuple[str, str]]:
    """The report rows of a `yardstick_ratio` result, for ``what`` (e.g. "numcheck check")."""
    return [("unique articles", f"{y['texts']} ({y['megabytes']} MB), best of {y['rounds']} rounds each"),
            (what, f"{y['ours_best_s']:.2f} s ({y['ours_mb_per_s']:.2f} MB/s)"),
            ("yardstick", f"{y['yardstick_best_s']:.2f} s ({y['yardstick_mb_per_s']:.2f} MB/s)"),
            ("ratio", f"{y['ratio']}  (target >= {target})")]
