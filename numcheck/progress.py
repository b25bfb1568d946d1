"""A progress bar for long runs, shown only to a person watching a terminal.

A bar is noise in CI logs and garbage in a piped stream, so it appears only when stderr is a
terminal, ``CI`` is not set and the run has lasted over a second (tqdm's ``delay``): checking one
article never flickers a bar. tqdm is imported only then, and a missing tqdm simply means no bar.
Messages printed while the bar is up go through `BarStream`, so they land above the bar instead
of being torn by it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO, TypeVar

__all__ = ["BarStream", "is_interactive", "with_progress"]

T = TypeVar("T")

#: Seconds a run must last before the bar appears.
DELAY = 1.0


def is_interactive(stream: Any, environ: Mapping[str, str] | None = None) -> bool:
    """True when ``stream`` is a terminal a person is watching (not CI, not a dumb terminal)."""
    environ = os.environ if environ is None else environ
    if environ.get("CI") or environ.get("TERM") == "dumb" or environ.get("NUMCHECK_NO_PROGRESS"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


class BarStream:
    """A text stream for messages that writes them above an active tqdm bar."""

    def __init__(self, bar: Any, stream: TextIO) -> None:
        self.bar = bar
        self.stream = stream

    def write(self, text: str) -> int:
        if text.strip():
            self.bar.write(text.rstrip("\n"), file=self.stream)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()


def with_progress(
    items: Iterable[T], stream: TextIO | None = None, environ: Mapping[str, str] | None = None, unit: str = "article"
) -> tuple[Iterator[T], TextIO]:
    """``items`` with a bar on ``stream`` (stderr) when a person is watching, and where to print messages."""
    stream = sys.stderr if stream is None else stream
    if not is_interactive(stream, environ):
        return iter(items), stream
    try:
        from tqdm import tqdm
    except ImportError:
        return iter(items), stream

    class Bar(tqdm):  # type: ignore[misc, valid-type]
        #: No monitor thread: a process with one thread may fork its ``--jobs`` workers (numcheck.pool).
        monitor_interval = 0

    bar = Bar(items, file=stream, delay=DELAY, unit=f" {unit}s", unit_scale=False, leave=False, dynamic_ncols=True)
    return iter(bar), BarStream(bar, stream)  # type: ignore[return-value]
