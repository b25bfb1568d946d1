"""atheris target: a .jsonl or .csv corpus yields articles, warnings and one-line errors, never a crash.

Run (see README "Fuzzing")::

    python fuzz/fuzz_corpus.py -max_total_time=900 -max_len=4096 -rss_limit_mb=1024 fuzz/corpus/corpus

The first input byte picks the reader (even: JSONL, odd: CSV). Every article's source and text must
encode as UTF-8 (the reports write them), and every message must be one line naming the file.
"""

from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(__file__))
from _target import SCRATCH, one_line

with atheris.instrument_imports(include=["numcheck"]):
    from numcheck.article import Article
    from numcheck.corpus import iter_corpus
    from numcheck.errors import InputError
    from numcheck.model import Report


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = os.path.join(SCRATCH, "corpus.csv" if data[0] % 2 else "corpus.jsonl")
    with open(path, "wb") as handle:
        handle.write(data[1:])
    for item in iter_corpus(path, max_bytes=2048):
        if isinstance(item, Article):
            item.source.encode("utf-8")
            item.text.encode("utf-8")
            one_line(item.source)
        elif isinstance(item, InputError):
            one_line(item)
            assert str(item).startswith(path), str(item)
        else:
            assert isinstance(item, Report), item
            for message in item.warnings:
                one_line(message)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
