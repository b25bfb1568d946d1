"""Every relation ``numcheck.relate`` builds on a corpus, one sorted JSON line each, for diffing.

Usage::

    python benchmarks/dump_relations.py CORPUS_PATH --out FILE [--claims-cache FILE.pickle]

A speed change to the linkers must not change what they link. Run this before the change and after
it and ``diff`` the two files: any difference is a bug in the change. Each line names the article
(path under CORPUS_PATH, or row id of a ``.jsonl`` corpus), the relation as the checker sees it
(id, kind, roles, cue, direction, factor, partial, sentence) and each claim's span and text, so a
relation that moves to other figures shows even when the ids stay. A linker failure on a text is
dumped as a ``problem`` line. ``--claims-cache`` keeps the extracted claims between runs (extraction
is not what is being changed, and on a shared 2-core machine it is most of the time): written when
missing, read when present; delete it after changing extraction.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from common import load_corpus

from numcheck.document import Document, kind_for_path, read_document
from numcheck.extract.extractor import Extractor
from numcheck.model import Claim
from numcheck.relate import link


def prepared(corpus: Path) -> Iterator[tuple[str, Document, tuple[Claim, ...]]]:
    """Each article's name, document and claims, in a stable order."""
    extractor = Extractor()
    for article in sorted(load_corpus(corpus), key=lambda a: a.id):
        document = read_document(article.text, kind_for_path(article.id))
        yield article.id, document, tuple(extractor.extract(document))


def lines(name: str, document: Document, claims: Sequence[Claim]) -> list[str]:
    """The sorted JSON lines of one article's relations and linker problems."""
    by_id = {c.id: c for c in claims}
    linking = link(document, claims)
    rows: list[dict[str, Any]] = []
    for relation in linking.relations:
        row = {"path": name, **relation.to_dict()}
        row["figures"] = [[by_id[i].start, by_id[i].end, by_id[i].text] for i in relation.claims]
        rows.append(row)
    rows += [{"path": name, "problem": problem} for problem in linking.problems]
    return sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="folder of articles or a .jsonl corpus")
    parser.add_argument("--out", type=Path, required=True, help="where the JSON lines go")
    parser.add_argument("--claims-cache", type=Path, default=None, help="pickle of the extracted claims")
    args = parser.parse_args(argv)
    if args.claims_cache is not None and args.claims_cache.exists():
        with args.claims_cache.open("rb") as handle:
            articles = pickle.load(handle)
    else:
        articles = list(prepared(args.path))
        if args.claims_cache is not None:
            with args.claims_cache.open("wb") as handle:
                pickle.dump(articles, handle)
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for name, document, claims in articles:
            for line in lines(name, document, claims):
                out.write(line + "\n")
                count += 1
    print(f"{len(articles)} articles, {count} lines -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
