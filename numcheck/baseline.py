"""Baselines: adopt numcheck on an existing archive and be told only about new problems.

As with mypy and ruff baselines, ``--write-baseline FILE`` records today's findings and
``--baseline FILE`` hides them later. A finding is keyed by its article (path or corpus id), its
rule and the printed text of its claims — never by line numbers, which move whenever an editor
adds a paragraph above. Keys are counted (a multiset): an article that had one wrong breakdown and
now has two gets the second one reported.

File format (sorted, so two baselines of the same archive diff cleanly)::

    {"version": 1, "findings": [{"source": "a.md", "rule": "breakdown-sum", "claims": ["120", "50"], "count": 1}]}
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace
from typing import Any, TextIO

from numcheck.errors import ConfigError, InputError
from numcheck.model import Finding, Report
from numcheck.textfile import TextError, one_line, parse_json, read_text_file

__all__ = ["BaselineRun", "FindingKey", "finding_keys", "load_baseline", "write_baseline"]

BASELINE_VERSION = 1
#: A baseline holds about 100 bytes a finding: 50 MB is half a million findings, and reading is
#: bounded by it, so ``--baseline /dev/zero`` is refused instead of filling memory.
MAX_BASELINE_BYTES = 50_000_000

#: (source, rule, claim texts): what identifies a finding across edits that move it.
FindingKey = tuple[str, str, tuple[str, ...]]


def finding_keys(report: Report) -> list[tuple[Finding, FindingKey]]:
    """Each finding of ``report`` with its baseline key, in report order."""
    texts = {claim.id: claim.text for claim in report.named_claims().values()}
    source = normalise_source(report.source)
    return [(f, (source, f.rule, tuple(texts.get(i, i) for i in f.claims))) for f in report.findings]


def normalise_source(source: str) -> str:
    """``./a/b.md`` and ``a//b.md`` name the same article; corpus ids (no separator) pass unchanged."""
    if "/" not in source and os.sep not in source:
        return source
    return os.path.normpath(source).replace(os.sep, "/")


def load_baseline(path: str) -> Counter[FindingKey]:
    """Read a baseline file; any problem is a `ConfigError` naming the file (exit 2)."""
    try:
        data = parse_json(read_text_file(path, MAX_BASELINE_BYTES, "a baseline"))
    except FileNotFoundError:
        raise ConfigError("baseline file not found; create it with --write-baseline", path) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"not a numcheck baseline: invalid JSON ({exc.msg})", path, exc.lineno, exc.colno) from None
    except TextError as exc:  # too big, not UTF-8, nested too deeply, a number too long for Python
        raise ConfigError(f"not a numcheck baseline: {exc.message}", path, exc.line, exc.column) from None
    except OSError as exc:
        raise ConfigError(f"cannot read baseline ({exc.strerror or exc})", path) from None
    return _parse(data, path)


def _parse(data: Any, path: str) -> Counter[FindingKey]:
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(
        data.get("findings"), list
    ):
        raise ConfigError(
            f"not a numcheck baseline: expected {{\"version\": {BASELINE_VERSION}, \"findings\": [...]}}", path
        )
    keys: Counter[FindingKey] = Counter()
    for index, entry in enumerate(data["findings"]):
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("source"), str)
            and isinstance(entry.get("rule"), str)
            and isinstance(entry.get("claims"), list)
            and all(isinstance(c, str) for c in entry["claims"])
            and isinstance(entry.get("count", 1), int)
            and not isinstance(entry.get("count", 1), bool)
            and entry.get("count", 1) >= 1
        ):
            raise ConfigError(
                f"baseline entry {index} needs source (text), rule (text), claims (list of text) "
                "and count (whole number >= 1)",
                path,
            )
        keys[(normalise_source(entry["source"]), entry["rule"], tuple(entry["claims"]))] += entry.get("count", 1)
    return keys


def write_baseline(keys: Counter[FindingKey], out: TextIO) -> None:
    entries = [
        {"source": source, "rule": rule, "claims": list(claims), "count": count}
        for (source, rule, claims), count in sorted(keys.items())
    ]
    # One finding a line: a baseline under version control then diffs finding by finding.
    lines = ",\n".join("  " + json.dumps(entry, ensure_ascii=False) for entry in entries)
    out.write(f'{{"version": {BASELINE_VERSION}, "findings": [\n{lines}\n]}}\n' if entries
              else f'{{"version": {BASELINE_VERSION}, "findings": []}}\n')


class BaselineRun:
    """One CLI run's baseline work: record findings as they stream by, and hide the known ones.

    Built before any article is read, so a bad ``--baseline`` file fails the run at once (exit 2).
    Recording happens before hiding, so ``--baseline old --write-baseline new`` writes everything
    found today.
    """

    def __init__(self, use: str | None = None, write: str | None = None) -> None:
        self.write_path = write
        #: The (device, inode) of the run's inputs, asked for before the baseline is written:
        #: it may replace the --baseline it read, never an article or a rule file.
        self.inputs: Callable[[], Collection[tuple[int, int]]] | None = None
        self.known: Counter[FindingKey] = load_baseline(use) if use else Counter()
        self.seen: Counter[FindingKey] = Counter()

    def filter(self, items: Iterable[Report | InputError]) -> Iterator[Report | InputError]:
        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            kept = []
            for finding, key in finding_keys(item):
                self.seen[key] += 1
                if self.known[key] > 0:
                    self.known[key] -= 1
                else:
                    kept.append(finding)
            if len(kept) != len(item.findings):
                item = replace(item, findings=tuple(kept))
            yield item

    def finish(self, err: TextIO) -> None:
        """Write the recorded baseline (atomically), if one was asked for."""
        if not self.write_path:
            return
        from numcheck.output import open_output

        with open_output(self.write_path, option="--write-baseline", inputs=self.inputs) as out:
            write_baseline(self.seen, out)
        total = sum(self.seen.values())
        print(f"numcheck: recorded {total} finding(s) in baseline {one_line(self.write_path)}", file=err)
