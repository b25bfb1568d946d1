"""One finding a line, each with its file's path: for ``grep``, ``jq -c`` and log pipelines.

Nothing is buffered: a line is written as soon as its article has been checked, so a consumer
can follow a long archive run as it happens.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from numcheck.model import Report
from numcheck.report.context import RenderContext

__all__ = ["write"]


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    for report in reports:
        for finding in report.findings:
            row = {"path": report.source, **finding.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")
