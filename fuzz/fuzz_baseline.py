"""atheris target: a ``--baseline`` file loads or is one ConfigError line naming it.

Run (see README "Fuzzing")::

    python fuzz/fuzz_baseline.py -max_total_time=900 -max_len=4096 -rss_limit_mb=1024 fuzz/corpus/baseline
"""

from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(__file__))
from _target import one_line, run

with atheris.instrument_imports(include=["numcheck"]):
    from numcheck.baseline import load_baseline
    from numcheck.errors import ConfigError


def check(path: str) -> None:
    try:
        load_baseline(path)
    except ConfigError as exc:
        one_line(exc)
        assert str(exc).startswith(path), str(exc)


if __name__ == "__main__":
    run("baseline.json", check)
