"""GitHub Actions workflow commands, so findings appear as annotations on the pull request's diff.

GitHub shows only the first 10 error, 10 warning and 10 notice annotations of a step, so every
error of the run is printed before any warning, and warnings before notices (``info``): the lines
that can block a merge are the ones that stay visible. That ordering needs the run's findings,
which are kept (findings only, never claims or text). When ``$GITHUB_STEP_SUMMARY`` names a file,
the full Markdown summary is appended to it, so nothing cut from the annotations is lost.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TextIO

from numcheck.errors import ConfigError
from numcheck.figures import explanation_to_show
from numcheck.model import Finding, Report
from numcheck.report._common import SEVERITY_ORDER, ordered_findings, repo_path
from numcheck.report.context import RenderContext
from numcheck.report.markdown import MarkdownSummary

__all__ = ["annotation", "escape_data", "escape_property", "write"]

#: numcheck severity → workflow command.
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command: % first, then the line breaks GitHub would split on."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A ``key=value`` property: also ``:`` and ``,``, which would end the value early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, path: str) -> str:
    """One ``::error file=…,line=…,col=…,endColumn=…,title=…::message`` line."""
    command = COMMANDS.get(finding.severity, "notice")
    props = {
        "file": repo_path(path),
        "line": str(finding.line),
        "col": str(finding.column),
        "endColumn": str(finding.column + max(finding.end - finding.start, 1)),
        "title": f"numcheck {finding.rule}",
    }
    extra = explanation_to_show(finding)
    message = finding.message + (f"\n{extra}" if extra else "")
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{command} {rendered}::{escape_data(message)}"


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    by_severity: dict[str, list[tuple[Finding, str]]] = {s: [] for s in SEVERITY_ORDER}
    summary = MarkdownSummary()
    input_errors: list[str] = []
    for report in reports:
        summary.add(report)
        input_errors += [f"::error file={escape_property(repo_path(report.source))},title=numcheck input error::"
                         f"{escape_data(message)}" for message in report.errors]
        for finding in ordered_findings(report.findings):
            by_severity.setdefault(finding.severity, []).append((finding, report.source))
    for line in input_errors:  # an article that could not be read outranks any finding
        out.write(line + "\n")
    for severity in by_severity:
        for finding, path in by_severity[severity]:
            out.write(annotation(finding, path) + "\n")
    out.write(summary.tally.describe() + "\n")
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        try:
            with open(step_summary, "a", encoding="utf-8") as handle:
                handle.write(summary.render())
        except OSError as exc:
            raise ConfigError(f"cannot append to $GITHUB_STEP_SUMMARY {step_summary} ({exc.strerror or exc})") from None
