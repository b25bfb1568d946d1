"""What several renderers share: the running tally, the finding order, and number formatting.

Kept here so that text, markdown, github and html count and sort findings the same way: a reader
who compares the terminal output with the pull-request summary must see the same numbers.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from typing import Any

from numcheck.figures import as_written, count_of, format_number
from numcheck.model import SEVERITIES, Claim, Finding, Report, severity_rank

__all__ = ["SEVERITY_ORDER", "Tally", "claim_label", "fmt_value", "ordered_findings", "plural",
           "repo_path"]

#: Strongest first: the order summaries list severities and CI annotations are emitted in.
SEVERITY_ORDER = tuple(reversed(SEVERITIES))


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``, ``0 info``: the English layer's plural (`numcheck.figures.count_of`)."""
    return count_of(count, word)


def fmt_value(value: float) -> str:
    """A value as news writes it ("84", "79.8", "1.1 billion"), never "1.1e+09" (`numcheck.figures`)."""
    return format_number(value, 4)


def claim_label(claim: Claim) -> str:
    """``112 drones = 112``, ``€1.1bn = 1.1 billion EUR``: the figure as written and the value the
    extractor read from it (with its unit unless it is a plain count), for tooltips."""
    unit = "" if claim.unit == "count" else f" {claim.unit}"
    return f"{as_written(claim)} = {fmt_value(claim.value)}{unit}"


def repo_path(source: str) -> str:
    """A path as code hosts key files: relative to the working folder when inside it, forward slashes.

    GitHub matches annotations and SARIF results to the diff by repository-relative path, so
    ``./a.md``, ``a.md`` and ``/checkout/a.md`` (run from /checkout) must all come out as ``a.md``.
    """
    path = source
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            relative = path
        if not relative.startswith(".."):
            path = relative
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def ordered_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order (line, column), the stronger first where two share a place."""
    return sorted(findings, key=lambda f: (f.line, f.column, -severity_rank(f.severity), f.rule))


class Tally:
    """Counts a report stream as it goes by, so no renderer has to keep the reports themselves."""

    def __init__(self) -> None:
        self.files = 0
        self.claims = 0
        self.findings = 0
        self.by_severity: Counter[str] = Counter({s: 0 for s in SEVERITIES})

    def add(self, report: Report) -> None:
        self.files += 1
        self.claims += len(report.claims)
        self.findings += len(report.findings)
        self.by_severity.update(f.severity for f in report.findings)

    def summary(self, command: str = "check") -> dict[str, Any]:
        """The JSON ``summary`` object; extract output has no findings to count."""
        data: dict[str, Any] = {"files": self.files, "claims": self.claims}
        if command == "check":
            data["findings"] = self.findings
            data["by_severity"] = {s: self.by_severity[s] for s in SEVERITY_ORDER}
        return data

    def severity_counts(self) -> str:
        """``1 error, 2 warnings, 0 info``: every severity, so a zero is visibly zero."""
        return ", ".join(plural(self.by_severity[s], s) for s in SEVERITY_ORDER)

    def describe(self) -> str:
        """One closing line: ``3 findings (1 error, 2 warnings, 0 info) in 2 files, 41 claims``."""
        return (f"{plural(self.findings, 'finding')} ({self.severity_counts()}) in {plural(self.files, 'file')}, "
                f"{plural(self.claims, 'claim')}")
