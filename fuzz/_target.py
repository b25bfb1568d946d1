"""Shared harness of the file-reader fuzz targets: write the input to a file, read it the user's way.

The config, baseline and corpus readers take a path (they bound the read, sniff byte-order marks,
stream lines), so each input is written to a scratch file first: the fuzzer exercises the very code
a user's file goes through. The invariants are the issue's: only numcheck's own errors escape, and
every message is one line.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable

import atheris

SCRATCH = tempfile.mkdtemp(prefix="numcheck-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)


def one_line(message: object) -> None:
    text = str(message)
    assert "\n" not in text and "\r" not in text, repr(text)


def run(name: str, check: Callable[[str], None]) -> None:
    """Fuzz ``check(path)`` with each input written to ``name`` in a scratch folder."""
    path = os.path.join(SCRATCH, name)

    def test_one_input(data: bytes) -> None:
        with open(path, "wb") as handle:
            handle.write(data)
        check(path)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
