"""CSV for spreadsheets: one finding a row for ``check``, one claim a row for ``extract``.

Columns are the dataclass fields in order, after ``path``, with a header row, so the file loads
straight into pandas or a spreadsheet with the same names as the JSON output. Rows stream. Text
cells that a spreadsheet would take for a formula (a path ``=cmd.md``, surface text ``-3``, a
rule's message) are neutralised with a leading apostrophe; numeric columns are left as numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import fields
from typing import Any, TextIO

from numcheck.model import Claim, Finding, Report
from numcheck.report.context import RenderContext

__all__ = ["CLAIM_COLUMNS", "FINDING_COLUMNS", "FORMULA_STARTS", "neutralise", "write"]

#: ``source`` is left out of findings: it is the ``path`` column already.
FINDING_COLUMNS = ("path", *(f.name for f in fields(Finding) if f.name != "source"))
CLAIM_COLUMNS = ("path", *(f.name for f in fields(Claim)))


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): a cell of text
#: beginning with one of these gets a leading apostrophe, so it is shown, never run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Tuples of claim ids become one space-separated cell; None becomes an empty cell; text that
    a spreadsheet would run as a formula is neutralised. Numbers stay numbers (-3.0 is not text)."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        value = " ".join(value)
    if isinstance(value, str):
        return neutralise(value)
    return value


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` when it starts like a formula (`FORMULA_STARTS`)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    columns = CLAIM_COLUMNS if context.command == "extract" else FINDING_COLUMNS
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for report in reports:
        items: tuple[Claim, ...] | tuple[Finding, ...] = (
            report.claims if context.command == "extract" else report.findings
        )
        for item in items:
            writer.writerow([_cell(report.source), *(_cell(getattr(item, name)) for name in columns[1:])])
