"""How much loading the default rule packs costs beyond parsing their YAML.

Loading a pack parses it (``numcheck.yamlload``), validates it against the rule schema and compiles
every rule (regexes, expressions). The target is that the whole load takes at most 1.2x the time of
parsing the same files with ``yamlload`` alone, measured side by side in this process (the
baseline). Two loads are timed: ``load_rules`` as ``numcheck check`` runs it (shipped packs whose
text was validated when the schema was generated skip jsonschema) and ``parse_pack`` on every pack,
which always validates. A second figure is the start-up of ``numcheck check`` on one small file
against a bare interpreter, so a schema validator imported at start-up shows up here.

Run: ``python benchmarks/bench_rules.py [--repeats N]``. It reads only the packs shipped in the
package and a tiny article it writes to a temporary folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, median, numcheck_command, print_report, time_subprocess

from numcheck.ruleset import default_pack_paths, load_rules, parse_pack
from numcheck.yamlload import load_yaml

ARTICLE = "Of the 35 countries at the summit, 26 signed the treaty, about 74%.\n"


def _parse_only(texts: list[str]) -> None:
    for text in texts:
        load_yaml(text)


def _validate_all(texts: list[str], names: list[str]) -> None:
    """Every pack through ``parse_pack``, which always validates with jsonschema (the record of
    prevalidated shipped packs is used by ``load_rules`` only)."""
    for text, name in zip(texts, names, strict=True):
        rules, problems = parse_pack(text, name)
        assert rules and not problems, problems


def _interleaved(functions: dict[str, Callable[[], object]], repeats: int) -> dict[str, tuple[float, float]]:
    """Best and median seconds of each function over ``repeats`` rounds, one call of each per round,
    so a burst of load from other work on a shared machine hits all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: (min(values), median(values)) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--startup-repeats", type=int, default=5)
    args = parser.parse_args()
    paths = default_pack_paths()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    load_rules([], use_defaults=True)  # warm: imports (jsonschema, re2) are start-up, not load
    names = [p.name for p in paths]
    timed = _interleaved({
        "parse": lambda: _parse_only(texts),
        "load": lambda: load_rules([], use_defaults=True),
        "validate": lambda: _validate_all(texts, names),
    }, args.repeats)
    (parse_best, parse_median), (load_best, load_median) = timed["parse"], timed["load"]
    full_best, full_median = timed["validate"]
    rows = [
        ("packs", ", ".join(p.name for p in paths)),
        ("yamlload only (best / median)", f"{parse_best * 1000:.1f} ms / {parse_median * 1000:.1f} ms"),
        ("load_rules (best / median)", f"{load_best * 1000:.1f} ms / {load_median * 1000:.1f} ms"),
        ("ratio load / parse (best; median)", f"{load_best / parse_best:.2f}x; {load_median / parse_median:.2f}x"
                                              "  (target <= 1.2x)"),
        ("parse_pack, always validating (best / median)", f"{full_best * 1000:.1f} ms / {full_median * 1000:.1f} ms"),
        ("ratio validated load / parse (best; median)", f"{full_best / parse_best:.2f}x; "
                                                        f"{full_median / parse_median:.2f}x  (target <= 1.2x)"),
    ]
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder, "a.txt")
        article.write_text(ARTICLE, encoding="utf-8")
        bare = time_subprocess([sys.executable, "-c", "pass"], repeats=args.startup_repeats)
        check = time_subprocess([*numcheck_command(), "check", str(article)], repeats=args.startup_repeats)
    rows += [
        ("bare interpreter (best)", f"{bare.best * 1000:.0f} ms"),
        ("numcheck check small file (best)", f"{check.best * 1000:.0f} ms"),
        ("start-up ratio to bare interpreter", f"{check.best / bare.best:.2f}x"),
    ]
    print(machine())
    print_report("Rule loading", rows)


if __name__ == "__main__":
    main()
