"""The human report: a tabulate table per run, findings as file:line:col, severity, rule, message."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from tabulate import tabulate

from numcheck.model import Report
from numcheck.report import RenderContext


def _fmt_value(value: float) -> str:
    return f"{value:,.6g}" if abs(value) < 1e15 else f"{value:.4g}"


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    if context.command == "extract":
        rows = [
            (f"{r.source}:{c.line}:{c.column}", c.text, _fmt_value(c.value), c.unit, c.noun or "", c.qualifier,
             f"{_fmt_value(c.low)}–{_fmt_value(c.high)}")
            for r in reports
            for c in r.claims
        ]
        headers = ("where", "text", "value", "unit", "noun", "qualifier", "interval")
        out.write((tabulate(rows, headers=headers) if rows else "no claims") + "\n")
        return
    rows = []
    files = 0
    for report in reports:
        files += 1
        for f in report.findings:
            rows.append((f"{f.source}:{f.line}:{f.column}", f.severity, f.rule, f.message))
            if f.explanation:
                rows.append(("", "", "", f"  {f.explanation}"))
    if rows:
        out.write(tabulate(rows, headers=("where", "severity", "rule", "message")) + "\n")
    findings = sum(1 for r in rows if r[1])
    out.write(f"{findings} finding{'s' if findings != 1 else ''} in {files} file{'s' if files != 1 else ''}\n")
