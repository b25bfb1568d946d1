"""Starting a real ``numcheck serve`` for the tests that need one (loopback, a port the OS picks)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def start_serve(folder: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    """``numcheck serve --port 0 ARGS`` started in ``folder``; returns it and its base URL once ready.

    The server prints ``numcheck serve: http://HOST:PORT/`` on stderr when its workers are warm, so
    reading that line is the wait; stderr is then left to the process.
    """
    process = subprocess.Popen([sys.executable, "-m", "numcheck.cli", "serve", "--port", "0", *args], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    line = process.stderr.readline()
    found = re.search(r"(http://\S+?)/ ", line)
    if found is None:
        process.kill()
        raise AssertionError(f"numcheck serve did not start: {line}{process.stderr.read()}")
    return process, found.group(1)
