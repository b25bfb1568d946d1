"""The JSON contract of DESIGN.md: one object with files, claims, relations, findings, summary.

Field order follows the dataclasses, so the output is stable and diffable. Files are written as
they arrive; only the small running tally is kept, never the whole archive. The published JSON
Schema for this output is ``numcheck/report.schema.json``; keep the two in step (a test does).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from numcheck.model import Report
from numcheck.report._common import Tally
from numcheck.report.context import RenderContext

__all__ = ["file_entry", "write"]


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
    tally = Tally()
    out.write('{"version": 1, "files": [')
    for report in reports:
        out.write(",\n" if tally.files else "\n")
        out.write(json.dumps(file_entry(report, context.command), ensure_ascii=False, allow_nan=False))
        tally.add(report)
    out.write("\n], \"summary\": " + json.dumps(tally.summary(context.command)) + "}\n")
