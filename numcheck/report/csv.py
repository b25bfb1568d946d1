"""CSV for spreadsheets: one finding a row for ``check``, one claim a row for ``extract``.

Columns are the dataclass fields in order, after ``path``, with a header row, so the file loads
straight into pandas or a spreadsheet with the same names as the JSON output. Rows stream.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import fields
from typing import Any, TextIO

from numcheck.model import Claim, Finding, Report
from numcheck.report.context import RenderContext

__all__ = ["CLAIM_COLUMNS", "FINDING_COLUMNS", "write"]

#: ``source`` is left out of findings: it is the ``path`` column already.
FINDING_COLUMNS = ("path", *(f.name for f in fields(Finding) if f.name != "source"))
CLAIM_COLUMNS = ("path", *(f.name for f in fields(Claim)))


def _cell(value: Any) -> Any:
    """Tuples of claim ids become one space-separated cell; None becomes an empty cell."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return " ".join(value)
    return value


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    columns = CLAIM_COLUMNS if context.command == "extract" else FINDING_COLUMNS
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for report in reports:
        items: tuple[Claim, ...] | tuple[Finding, ...] = (
            report.claims if context.command == "extract" else report.findings
        )
        for item in items:
            writer.writerow([report.source, *(_cell(getattr(item, name)) for name in columns[1:])])
