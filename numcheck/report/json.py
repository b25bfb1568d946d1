"""The JSON contract of DESIGN.md: one object with files, claims, relations, findings, summary.

Field order follows the dataclasses, so the output is stable and diffable. Files are written as
they arrive; only the small per-severity summary is kept, never the whole archive.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from numcheck.model import SEVERITIES, Report
from numcheck.report import RenderContext


def file_entry(report: Report, command: str) -> dict[str, Any]:
    """One ``files[]`` entry; ``extract`` output omits relations and findings."""
    entry: dict[str, Any] = {"path": report.source, "claims": [c.to_dict() for c in report.claims]}
    if command == "check":
        entry["relations"] = [r.to_dict() for r in report.relations]
        entry["findings"] = [f.to_dict() for f in report.findings]
    if report.errors:
        entry["errors"] = list(report.errors)
    return entry


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    files = claims = findings = 0
    by_severity: Counter[str] = Counter({s: 0 for s in SEVERITIES})
    out.write('{"version": 1, "files": [')
    for report in reports:
        out.write(",\n" if files else "\n")
        out.write(json.dumps(file_entry(report, context.command), ensure_ascii=False, allow_nan=False))
        files += 1
        claims += len(report.claims)
        findings += len(report.findings)
        by_severity.update(f.severity for f in report.findings)
    summary: dict[str, Any] = {"files": files, "claims": claims}
    if context.command == "check":
        summary["findings"] = findings
        summary["by_severity"] = {s: by_severity[s] for s in reversed(SEVERITIES)}
    out.write("\n], \"summary\": " + json.dumps(summary) + "}\n")
