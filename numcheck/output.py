"""Write reports so that a crash or Ctrl-C never leaves half a file behind.

``--output`` goes to a temporary file in the same folder, renamed over the target only once the
report is complete: the target is always either the previous full report or the new one.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import TextIO

from numcheck.errors import ConfigError

__all__ = ["open_output"]


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """Yield a text stream for the report: stdout, or an atomically replaced file."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".numcheck-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ConfigError(f"cannot write --output {path} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
