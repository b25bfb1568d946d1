"""Whether to colour terminal output, and the few styles the text report uses.

Colour helps a person scan a terminal and corrupts everything else (files, pipes, CI logs that do
not render ANSI codes), so it is on only for a terminal, and the two conventions users set in their
shells win over that guess, as in CPython's own ``_colorize``: ``NO_COLOR`` (https://no-color.org)
turns it off, ``FORCE_COLOR`` turns it on even for a pipe; NO_COLOR wins when both are set. An
empty value counts as unset, as both conventions say. ``TERM=dumb`` also means no colour.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

__all__ = ["paint", "wants_color"]

_RESET = "\x1b[0m"
#: SGR codes; severities follow the HTML report's colours (error red, warning amber, info blue).
STYLES = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;34m", "path": "\x1b[1m", "dim": "\x1b[2m"}


def wants_color(stream: Any, environ: Mapping[str, str] | None = None) -> bool:
    """True when output to ``stream`` should be coloured (see the module docstring for the order)."""
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def paint(text: str, style: str, enabled: bool = True) -> str:
    """``text`` in ``style`` (a key of ``STYLES``), or unchanged when colour is off or the style unknown."""
    code = STYLES.get(style) if enabled else None
    return f"{code}{text}{_RESET}" if code and text else text
