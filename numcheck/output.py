"""Write reports so that a crash or Ctrl-C never leaves half a file behind.

``--output`` goes to a temporary file in the same folder, renamed over the target only once the
report is complete: the target is always either the previous full report or the new one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from typing import TextIO

from numcheck.errors import ConfigError

__all__ = ["open_output"]


@contextlib.contextmanager
def open_output(path: str | None, option: str = "--output") -> Iterator[TextIO]:
    """Yield a text stream for the report: stdout, or an atomically replaced file.

    ``option`` is the flag that named ``path``, so a failure tells the user which one to fix.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".numcheck-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ConfigError(f"cannot write {option} {path} ({exc.strerror or exc})") from None
    try:
        os.fchmod(fd, _report_mode(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _report_mode(path: str) -> int:
    """The permissions the report gets: those of the report it replaces, else what ``open`` would give.

    ``mkstemp`` makes its file private (0600) and the rename keeps that, which would leave a CI
    report unreadable to the web server or teammate it is for.
    """
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0o022)  # the only way to read the umask is to set it; put it straight back
        os.umask(umask)
        return 0o666 & ~umask
