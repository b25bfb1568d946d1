"""The human report: a tabulate table per file, findings as file:line:col, severity, rule, message.

One table per file rather than one for the run, so an archive of thousands of articles streams
instead of being held in memory to align a single table. Each finding's explanation (the arithmetic
in words) goes on the row below it, where a reader's eye already is. ``extract`` prints the claims.
``--quiet`` prints the findings alone, one line each, without the table or the closing summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from tabulate import tabulate

from numcheck.color import paint
from numcheck.figures import explanation_to_show
from numcheck.model import Finding, Report
from numcheck.report._common import Tally, fmt_value, ordered_findings, plural
from numcheck.report.context import RenderContext

__all__ = ["write"]

_CLAIM_HEADERS = ("where", "text", "value", "unit", "noun", "qualifier", "interval")
_FINDING_HEADERS = ("where", "severity", "rule", "message")


def _claim_table(report: Report) -> str:
    rows = [
        (f"{report.source}:{c.line}:{c.column}", c.text, fmt_value(c.value), c.unit, c.noun or "", c.qualifier,
         f"{fmt_value(c.low)}–{fmt_value(c.high)}")
        for c in report.claims
    ]
    return tabulate(rows, headers=_CLAIM_HEADERS, disable_numparse=True)


def _finding_table(report: Report, color: bool = False) -> str:
    """tabulate measures cells without their ANSI codes, so coloured columns still line up."""
    rows: list[tuple[str, str, str, str]] = []
    for f in ordered_findings(report.findings):
        rows.append((paint(f"{report.source}:{f.line}:{f.column}", "path", color), paint(f.severity, f.severity, color),
                     f.rule, f.message))
        if explanation_to_show(f):  # some rules' message is the arithmetic itself
            rows.append(("", "", "", paint(f"  {explanation_to_show(f)}", "dim", color)))
    return tabulate(rows, headers=_FINDING_HEADERS, disable_numparse=True)


def _finding_line(source: str, f: Finding, color: bool) -> str:
    """``--quiet``: one line per finding, ``path:line:col severity rule message``, for grep and editors."""
    where = paint(f"{source}:{f.line}:{f.column}", "path", color)
    return f"{where} {paint(f.severity, f.severity, color)} {f.rule} {f.message}"


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    tally = Tally()
    extract = context.command == "extract"
    for report in reports:
        tally.add(report)
        if extract and report.claims:
            out.write(_claim_table(report) + "\n\n")
        elif not extract and report.findings and context.quiet:
            out.write("".join(_finding_line(report.source, f, context.color) + "\n"
                              for f in ordered_findings(report.findings)))
        elif not extract and report.findings:
            out.write(_finding_table(report, context.color) + "\n\n")
    if context.quiet:
        return
    if extract:
        out.write(f"{plural(tally.claims, 'claim')} in {plural(tally.files, 'file')}\n")
    else:
        out.write(tally.describe() + "\n")
