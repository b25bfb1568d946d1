"""A Markdown summary a bot can post on a pull request: counts by severity, then a table per file.

Article text and rule messages are untrusted here (a PR comment renders HTML), so every cell is
HTML-escaped and its pipes and newlines neutralised. ``MarkdownSummary`` keeps only findings, not
claims or text, so the github renderer can reuse it for ``$GITHUB_STEP_SUMMARY`` without copying.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TextIO

from numcheck.figures import explanation_to_show
from numcheck.model import Finding, Report
from numcheck.report._common import SEVERITY_ORDER, Tally, ordered_findings, plural
from numcheck.report.context import RenderContext

__all__ = ["MarkdownSummary", "cell", "code", "write"]

_ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def cell(text: str) -> str:
    """Make any text safe inside one Markdown table cell: no HTML, no column break, one line."""
    escaped = html.escape(text, quote=False).replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(escaped.split())


def code(text: str) -> str:
    """A code span for paths and rule ids: markup inside one is shown, not run, so only backticks
    (which would end it) and pipes (which would end the table cell) need care."""
    return "`" + " ".join(text.replace("`", "'").replace("|", "\\|").split()) + "`"


class MarkdownSummary:
    """Collects what the summary needs while the reports stream by, and renders it at the end."""

    def __init__(self) -> None:
        self.tally = Tally()
        self.files: list[tuple[str, list[Finding], tuple[str, ...]]] = []

    def add(self, report: Report) -> None:
        self.tally.add(report)
        if report.findings or report.errors:
            self.files.append((report.source, ordered_findings(report.findings), report.errors))

    def render(self) -> str:
        t = self.tally
        lines = ["## numcheck report", ""]
        lines.append(f"{plural(t.findings, 'finding')} in {plural(t.files, 'file')} "
                     f"({plural(t.claims, 'claim')} checked).")
        lines += ["", "| severity | findings |", "|---|---:|"]
        lines += [f"| {_ICONS[s]} {s} | {t.by_severity[s]} |" for s in SEVERITY_ORDER]
        clean = t.files - len(self.files)
        for source, findings, errors in self.files:
            lines += ["", f"### {code(source)}", ""]
            lines += [f"- ⚠️ {cell(message)}" for message in errors]
            if findings:
                lines += ["| line | severity | rule | message |", "|---:|---|---|---|"]
                lines += [_row(f) for f in findings]
        if clean and self.files:
            lines += ["", f"{plural(clean, 'other file')} had no findings."]
        return "\n".join(lines) + "\n"


def _row(finding: Finding) -> str:
    message = cell(finding.message)
    if explanation_to_show(finding):
        message += f"<br>{cell(explanation_to_show(finding))}"
    return (f"| {finding.line}:{finding.column} | {_ICONS.get(finding.severity, '')} {cell(finding.severity)} "
            f"| {code(finding.rule)} | {message} |")


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    summary = MarkdownSummary()
    for report in reports:
        summary.add(report)
    out.write(summary.render())
