"""Dump every claim, relation and finding of a corpus, so a speed change can prove it changed no output.

Usage::

    python benchmarks/dump_claims.py corpora/bbc --out /tmp/base/bbc.jsonl

One JSON line per article (in the corpus's sorted order): its id, every field of every claim from
``Checker.extract`` and the relations and findings of ``Checker.check`` (default rules), keys sorted.
Two dumps taken before and after an optimisation must be byte-identical (``diff`` prints nothing):
an optimisation that changes any of them is a bug, not an improvement.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from typing import Any

from common import load_corpus


def plain(obj: Any) -> Any:
    """A claim, relation or finding as a JSON-ready dict with every field (``to_dict`` when it has one)."""
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="folder of .txt articles or a .jsonl corpus")
    parser.add_argument("--out", required=True, help="the JSON lines file to write")
    args = parser.parse_args(argv)

    import numcheck

    extractor = numcheck.Checker(use_default_rules=False)
    checker = numcheck.Checker()
    with open(args.out, "w", encoding="utf-8") as out:
        for article in load_corpus(args.path):
            report = checker.check(article.text, source=article.id)
            row = {"id": article.id,
                   "claims": [plain(c) for c in extractor.extract(article.text)],
                   "check_claims": [plain(c) for c in report.claims],
                   "relations": [plain(r) for r in report.relations],
                   "findings": [plain(f) for f in report.findings]}
            out.write(json.dumps(row, sort_keys=True, default=repr) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
