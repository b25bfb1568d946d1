"""``numcheck check --statistics``: how many findings each rule produced, instead of the findings.

For adopting numcheck on an archive (which rules fire most, before reading any one finding) and for
watching a rule change across runs, as ``ruff check --statistics`` does. Rows are sorted by count,
then rule id, so two runs diff cleanly. ``--format json`` gives the same rows as a JSON list.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from tabulate import tabulate

from numcheck.model import Report
from numcheck.report._common import Tally
from numcheck.report.context import RenderContext

__all__ = ["FORMATS", "write"]

#: The formats ``--statistics`` can print in.
FORMATS = ("text", "json")


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    tally = Tally()
    counts: Counter[tuple[str, str, str]] = Counter()
    for report in reports:
        tally.add(report)
        counts.update((f.rule, f.check, f.severity) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if context.options.get("format") == "json":
        data = [{"rule": rule, "check": check, "severity": severity, "count": n} for (rule, check, severity), n in rows]
        out.write(json.dumps(data, indent=2) + "\n")
        return
    if rows:
        table = [(n, rule, check, severity) for (rule, check, severity), n in rows]
        out.write(tabulate(table, headers=("count", "rule", "check", "severity"), disable_numparse=True,
                           colalign=("right", "left", "left", "left")) + "\n")
    if not context.options.get("quiet"):
        out.write(("\n" if rows else "") + tally.describe() + "\n")
