"""Every compiled regex in numcheck stays fast on pathological text.

The patterns are found, not listed: each numcheck module is imported and its globals walked
(tuples, dicts and class attributes too), so a regex added tomorrow is tested tomorrow. Each one
is run over strings of ~50k characters made from its own literal characters and from the runs
that break number grammars (digits with separators, spaces, letters, markup). A search is allowed
2 s (linear patterns need milliseconds); a catastrophic or quadratic pattern blows through that.

The searches run in a child process per module (this file, run as a script), so a regex that
never returns is killed by the parent's timeout and named, instead of hanging the suite; signal
timers would fight pytest-timeout's own SIGALRM.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from types import MappingProxyType, ModuleType

import pytest

LENGTH = 50_000
BOUND_SECONDS = 2.0
MODULE_TIMEOUT = 120
GENERIC_UNITS = (
    "1", "1,", "1.", "1 ", "1 000 ", "1-", "12:", "1/", "1e", "9" * 20 + " ", " ", "\t", " \t", "\n", " \n",
    "\n\n ", "a", "a ", "A.", "ab ", "Mr. ", "million ", "twenty-six ", "per cent ", "£$€", "%", "-", "*", "_",
    "> ", "- ", "#", "|", "| --- ", "[", "[a](", "(", "<", "<a ", "</", "&#", "'", "\"", "--", ".", "...",
)
#: Patterns only ever run on input the caller has already bounded, tested at that bound (doubled).
#: Each entry names the limit in the package, so raising the limit raises the test length with it.
BOUNDED_INPUT = MappingProxyType({
    # The expression tokenizer runs ``.match`` left to right over one rule expression, which
    # ``expression.parse`` refuses past MAX_LENGTH characters before tokenizing.
    "numcheck.expression._TOKEN": ("numcheck.expression", "MAX_LENGTH"),
    # Searched only over ``ClauseView.before(claim)``, which cuts the clause to ``REACH`` characters.
    "numcheck.relate.clause.STATED_BEFORE": ("numcheck.relate.clause", "REACH"),
    # Searched only over ``ClauseView.tail(claim, 40)``; REACH is the (larger) bound that holds anyway.
    "numcheck.relate.shapes._PARTITIVE_BEFORE": ("numcheck.relate.clause", "REACH"),
})
ESCAPES = {"d": "1", "s": " ", "w": "a", "D": "a", "S": "a", "W": " ", "n": "\n", "t": "\t"}


def numcheck_modules() -> list[str]:
    import numcheck

    return sorted(m.name for m in pkgutil.walk_packages(numcheck.__path__, "numcheck.")
                  if not m.name.endswith("__main__"))


def collect_patterns(module: ModuleType) -> dict[str, re.Pattern[str]]:
    """Every compiled pattern reachable from the module's globals, by a dotted name."""
    found: dict[str, re.Pattern[str]] = {}

    def visit(value: object, name: str, depth: int) -> None:
        if isinstance(value, re.Pattern):
            found.setdefault(name, value)
        elif depth >= 4:
            return
        elif isinstance(value, (tuple, list, frozenset, set)):
            for i, item in enumerate(value):
                visit(item, f"{name}[{i}]", depth + 1)
        elif isinstance(value, (dict, MappingProxyType)):
            for key, item in value.items():
                visit(item, f"{name}[{key!r}]", depth + 1)
        elif isinstance(value, type) and value.__module__ == module.__name__:
            for key, item in vars(value).items():
                visit(item, f"{name}.{key}", depth + 1)

    for key, value in vars(module).items():
        visit(value, f"{module.__name__}.{key}", 0)
    return found


def pathological_strings(pattern: re.Pattern[str], length: int = LENGTH) -> Iterator[tuple[str, str]]:
    """(label, text) pairs of ~``length`` characters aimed at this pattern, each ending in a mismatch."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    literals = _literal_characters(source)
    units: list[str] = list(GENERIC_UNITS)
    units += literals[:24]
    if literals:
        units += ["".join(literals), "".join(literals[:6]) + " "]
    units += [w + " " for w in dict.fromkeys(re.findall(r"[A-Za-z]{2,}", re.sub(r"\\.", " ", source)))][:12]
    for unit in dict.fromkeys(units):
        yield repr(unit), (unit * (length // len(unit) + 1))[:length] + "\x00!"


def _literal_characters(source: str) -> list[str]:
    chars: list[str] = []
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            escaped = source[index + 1]
            chars.append(ESCAPES.get(escaped, escaped if not escaped.isalnum() else ""))
            index += 2
            continue
        chars.append(char)
        index += 1
    return [c for c in dict.fromkeys(chars) if c]


class _TooSlow(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _TooSlow


def time_patterns(patterns: dict[str, re.Pattern[str]]) -> None:
    """Child side: one JSON line per pattern with its slowest string; a 'start' line before each.

    A SIGALRM (the regex engine checks for signals) cuts a search off at twice the bound, and a
    pattern's first slow string ends its test, so a bad pattern costs seconds, not minutes.
    """
    signal.signal(signal.SIGALRM, _alarm)
    for name, pattern in patterns.items():
        print(json.dumps({"start": name}), flush=True)
        worst, label = 0.0, ""
        for text_label, text in pathological_strings(pattern, _length_for(name)):
            begin = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, 2 * BOUND_SECONDS)
            try:
                for _ in pattern.finditer(text):
                    pass
            except _TooSlow:
                pass
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            seconds = time.perf_counter() - begin
            if seconds > worst:
                worst, label = seconds, text_label
            if worst > BOUND_SECONDS:
                break
        print(json.dumps({"name": name, "seconds": worst, "input": label}), flush=True)


def _length_for(name: str) -> int:
    if name not in BOUNDED_INPUT:
        return LENGTH
    module, constant = BOUNDED_INPUT[name]
    return 2 * int(getattr(importlib.import_module(module), constant))


def run_child(*args: str, timeout: float = MODULE_TIMEOUT) -> tuple[list[dict[str, object]], str | None]:
    """Run this file as a child; returns its result lines and the pattern it hung on, if any."""
    try:
        done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout,
                              check=False)
        stdout, hung = done.stdout, None
        assert done.returncode == 0, done.stderr[-2000:]
    except subprocess.TimeoutExpired as exc:
        raw = exc.stdout or b""
        stdout = raw.decode() if isinstance(raw, bytes) else raw
        starts = [json.loads(line)["start"] for line in stdout.splitlines() if '"start"' in line]
        hung = starts[-1] if starts else "<unknown>"
    rows = [json.loads(line) for line in stdout.splitlines() if line.startswith('{"name"')]
    return rows, hung


def slow(rows: list[dict[str, object]]) -> list[str]:
    return [f"{r['name']}: {r['seconds']:.2f}s on {r['input']}" for r in rows if float(r["seconds"]) > BOUND_SECONDS]


def test_patterns_are_found() -> None:
    """The walk finds patterns in the modules that hold them, so an empty walk cannot pass silently."""
    total = sum(len(collect_patterns(importlib.import_module(m))) for m in numcheck_modules())
    assert total >= 10
    assert collect_patterns(importlib.import_module("numcheck.document"))


@pytest.mark.timeout(MODULE_TIMEOUT + 30)
@pytest.mark.parametrize("module", numcheck_modules())
def test_module_patterns_are_safe(module: str) -> None:
    rows, hung = run_child("--module", module)
    assert hung is None, f"{hung} did not finish within {MODULE_TIMEOUT}s on pathological input"
    assert not slow(rows), "slow regex (catastrophic or quadratic backtracking):\n" + "\n".join(slow(rows))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("bad", [r"(\d+)+$", r"^[ \t]*\|?[ \t]*:?-{3,}"])
def test_harness_catches_a_catastrophic_pattern(bad: str) -> None:
    """The harness itself must fail on a known exponential (nested +) and a quadratic pattern."""
    rows, hung = run_child("--pattern", bad, timeout=20)
    assert hung is not None or slow(rows)


def _main(argv: list[str]) -> None:
    if argv[0] == "--pattern":
        time_patterns({"<given>": re.compile(argv[1], re.M)})
    else:
        time_patterns(collect_patterns(importlib.import_module(argv[1])))


if __name__ == "__main__":
    _main(sys.argv[1:])
