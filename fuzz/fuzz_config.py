"""atheris target: a project config (``.numcheck.yaml`` or ``pyproject.toml``) loads or is one ConfigError line.

Run (see README "Fuzzing")::

    python fuzz/fuzz_config.py -max_total_time=900 -max_len=4096 -rss_limit_mb=1024 fuzz/corpus/config examples/

The first input byte picks the format (even: YAML, odd: TOML), so one corpus covers both readers.
"""

from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(__file__))
from _target import SCRATCH, one_line

with atheris.instrument_imports(include=["numcheck"]):
    from numcheck.config import find_project_config
    from numcheck.errors import ConfigError


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = "pyproject.toml" if data[0] % 2 else ".numcheck.yaml"
    path = os.path.join(SCRATCH, name)
    with open(path, "wb") as handle:
        handle.write(data[1:])
    try:
        find_project_config(None, explicit=path)
    except ConfigError as exc:
        for line in str(exc).split("\n"):  # unknown names are one line each, by design
            one_line(line)
            assert line.startswith(path), line


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
