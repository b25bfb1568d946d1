"""Renderers: each turns a stream of `Report`s into one output format.

Every renderer is a function ``write(reports, out, context)`` that consumes an *iterator*, so
streaming formats (jsonl, csv, github) never hold an archive in memory; whole-document formats
(json, sarif, html) keep only what they must. ``FORMATS`` is the single name → module map the
CLI and tests read; keep it in step with the CLI's ``--format`` help.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from numcheck.model import Report

__all__ = ["CHECK_FORMATS", "EXTRACT_FORMATS", "RenderContext", "get_writer"]

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


@dataclass(frozen=True)
class RenderContext:
    """What a renderer may need beyond the reports themselves."""

    command: str = "check"  # "check" or "extract": extract output carries claims only
    rules: tuple[Any, ...] = ()  # the active `Rule`s, for SARIF's rule table and HTML help
    version: str = ""
    #: Colour for a person at a terminal (``numcheck.color.wants_color`` decides); text renderers only.
    color: bool = False
    #: ``--quiet``: the findings and nothing else (no closing summary line); text renderers only.
    quiet: bool = False
    #: Format-specific extras. ``"texts"``: a mapping of ``Report.source`` to the article text as
    #: read, which the html renderer needs to show each figure in its sentence (a `Report` does not
    #: carry the text); without it the html report lists the figures instead.
    options: dict[str, Any] = field(default_factory=dict)


Writer = Callable[[Iterable[Report], TextIO, RenderContext], None]


def get_writer(fmt: str, command: str = "check") -> Writer:
    """The ``write`` function for a format name; KeyError for an unknown one."""
    table = CHECK_FORMATS if command == "check" else EXTRACT_FORMATS
    module = importlib.import_module(f"numcheck.report.{table[fmt]}")
    return module.write
