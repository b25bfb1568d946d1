"""What ``numcheck serve`` answers, computed in a worker process with the CLI's own pieces.

The ``/v1/check`` body is the ``files[0]`` object of ``numcheck check --format json`` plus its
``summary``, cut from that very renderer's output, never rebuilt field by field: the service cannot
drift from the JSON contract. The page's HTML is ``numcheck check --format
html`` for the one text, cut down to its article section (`numcheck.live.page.article_fragment`).
"""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Sequence
from typing import Any

from numcheck.checker import Checker
from numcheck.document import kind_for_path
from numcheck.model import Report
from numcheck.report import RenderContext, get_writer

__all__ = ["OPS", "handle", "narrowed", "render_json"]

_SUMMARY = '\n], "summary": '
#: The operations a worker answers: ``check`` (the JSON contract), ``extract`` (claims only) and
#: ``html`` (the page's rendered article).
OPS = ("check", "extract", "html")


def handle(checker: Checker, request: dict[str, Any]) -> tuple[int, bytes]:
    """``(status, JSON body)`` for one validated request (see `numcheck.live.serve`)."""
    op, text = request["op"], request["text"]
    path = request.get("path") or "<text>"
    if op == "extract":
        report = Report(source=path, claims=tuple(checker.extract(text, kind_for_path(path))))
        entry, _summary = render_json(report, "extract")
        body = '{"claims": ' + entry[entry.index('"claims": ') + len('"claims": '):]
        return 200, body.encode("utf-8")
    variant = narrowed(checker, request.get("select") or (), request.get("disable") or ())
    report = variant.check(text, source=path)
    entry, summary = render_json(report, "check")
    if op == "check":
        return 200, (entry[:-1] + ', "summary": ' + summary + "}").encode("utf-8")
    from numcheck.live.page import article_fragment

    html = article_fragment(report, text, variant.ruleset.rules)
    return 200, ('{"html": ' + json.dumps(html, ensure_ascii=False) + ', "summary": ' + summary + "}").encode("utf-8")


def render_json(report: Report, command: str) -> tuple[str, str]:
    """The ``files[0]`` object and the ``summary`` of ``--format json`` for one report, as JSON text
    exactly as the CLI prints them (cut from the writer's output rather than parsed and dumped again,
    which cost about 5% of a request; the contract tests compare the result with the CLI's)."""
    out = io.StringIO()
    get_writer("json", command)(iter([report]), out, RenderContext(command=command))
    document = out.getvalue()
    start = document.index("[\n") + 2
    end = document.rindex(_SUMMARY)
    return document[start:end], document[end + len(_SUMMARY):].rstrip()[:-1]


def narrowed(checker: Checker, select: Sequence[str], disable: Sequence[str]) -> Checker:
    """``checker`` with a request's ``select``/``disable`` applied on top of the server's own.

    The names were validated against every id the server loaded; one the server's config already
    turned off has nothing left to select or disable, so it is dropped rather than refused.
    """
    if not select and not disable:
        return checker
    from numcheck.checks import CHECKS

    present = checker.ruleset.ids | frozenset(CHECKS)
    keep_select = [name for name in select if name in present]
    variant = copy.copy(checker)
    if select and not keep_select:  # only names the server had turned off: nothing is left to run
        variant.ruleset = type(checker.ruleset)(())
        return variant
    variant.ruleset = checker.ruleset.configured(select=keep_select,
                                                 disable=[name for name in disable if name in present])
    return variant
