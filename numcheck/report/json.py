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

__all__ = ["write", "write_entry"]


def write_entry(report: Report, command: str, out: TextIO) -> None:
    """One ``files[]`` entry (``extract`` output omits relations and findings), written item by item.

    A claim-dense article (a table of 20,000 rows, a feed flattened into one line) has hundreds of
    thousands of claims; building the whole entry as dicts, then as one string, cost about 1 KB a
    claim on top of the claims themselves. Written one object at a time, the writer holds one claim.
    """
    out.write('{"path": ' + _dumps(report.source) + ', "claims": ')
    _write_list((c.to_dict() for c in report.claims), out)
    if command == "check":
        out.write(', "relations": ')
        _write_list((r.to_dict() for r in report.relations), out)
        out.write(', "findings": ')
        _write_list((f.to_dict() for f in report.findings), out)
    if report.errors:
        out.write(', "errors": ' + _dumps(list(report.errors)))
    out.write("}")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _write_list(items: Iterable[dict[str, Any]], out: TextIO) -> None:
    out.write("[")
    for k, item in enumerate(items):
        out.write(", " + _dumps(item) if k else _dumps(item))
    out.write("]")


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    tally = Tally()
    out.write('{"version": 1, "files": [')
    for report in reports:
        out.write(",\n" if tally.files else "\n")
        write_entry(report, context.command, out)
        tally.add(report)
    out.write("\n], \"summary\": " + json.dumps(tally.summary(context.command)) + "}\n")
