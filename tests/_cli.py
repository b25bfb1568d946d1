"""Run the ``numcheck`` command as a user does: a separate process, its exit code, stdout and stderr.

A subprocess rather than ``main()`` in-process, because what a user meets (a traceback, colour
codes, an interpreter that hangs on stdin, the exit status) only shows in a real process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

TIMEOUT = 120


def numcheck(*argv: str, cwd: Path | str | None = None, env: Mapping[str, str] | None = None,
             stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``numcheck ARGV...`` with ``env`` added to (never replacing) the inherited environment.

    ``NO_COLOR``/``FORCE_COLOR`` are removed first, so a developer's own settings cannot change
    what a test sees; a test that cares sets them in ``env``.
    """
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "numcheck.cli", *argv], cwd=cwd, env=full, capture_output=True, text=True,
        input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL, timeout=TIMEOUT, check=False,
    )
