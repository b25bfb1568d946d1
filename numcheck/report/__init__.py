"""Renderers: each turns a stream of `Report`s into one output format.

Every renderer is a function ``write(reports, out, context)`` that consumes an *iterator*, so
streaming formats (jsonl, csv, github) never hold an archive in memory; whole-document formats
(json, sarif, html) keep only what they must. ``FORMATS`` is the single name → module map the
CLI and tests read; keep it in step with the CLI's ``--format`` help.

`RenderContext` is defined in `numcheck.report.context` and re-exported here: the renderers import
it from there, so none of them imports this package back while `get_writer` is loading it.
"""

from __future__ import annotations

import importlib

from numcheck.report.context import RenderContext, Writer

__all__ = ["CHECK_FORMATS", "EXTRACT_FORMATS", "RenderContext", "Writer", "get_writer"]

#: format name → module in this package (imported only when used, so start-up stays fast).
CHECK_FORMATS = {
    "text": "text",
    "json": "json",
    "jsonl": "jsonl",
    "markdown": "markdown",
    "github": "github",
    "sarif": "sarif",
    "csv": "csv",
    "html": "html",
}
EXTRACT_FORMATS = {"table": "text", "json": "json", "csv": "csv"}


def get_writer(fmt: str, command: str = "check") -> Writer:
    """The ``write`` function for a format name; KeyError for an unknown one."""
    table = CHECK_FORMATS if command == "check" else EXTRACT_FORMATS
    module = importlib.import_module(f"numcheck.report.{table[fmt]}")
    return module.write
