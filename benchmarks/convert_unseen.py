"""Convert a column-oriented Guardian JSON dump (``title``/``text``/``domain``/``url``, as in
``KrishPatel0111/final_project_NLP`` ``guardian_articles.json``, Sep-Nov 2025) into one UTF-8 file
an article: ``<out>/<domain>/<yyyy-mon-dd-slug>.txt``, headline on the first line, the flattened
body on the next.

Why a third corpus: the round-4 false alarms were removed class by class from the round-3 list on
the 2022 scrape, so that scrape is no longer unseen text. These 299 articles were fetched after
the work and judged without changing code (``benchmarks/verdicts_unseen.jsonl``). Article text is
never committed; the corpus lives in the git-ignored ``corpora/``.

    python benchmarks/convert_unseen.py guardian_articles.json corpora/unseen
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def convert(source: Path, out: Path) -> int:
    """Write the articles of ``source`` under ``out``; an article repeated by URL is written once."""
    with source.open(encoding="utf-8") as handle:
        columns = json.load(handle)
    seen: set[str] = set()
    written = 0
    for key in columns["text"]:
        title = (columns["title"][key] or "").strip()
        body = (columns["text"][key] or "").strip()
        url = columns["url"][key] or ""
        if not body or url in seen:
            continue
        seen.add(url)
        match = re.search(r"theguardian\.com/(.+)$", url)
        parts = (match.group(1) if match else f"misc/{key}").split("/")
        slug = "-".join(p for p in parts[1:] if p)[:150]  # politics/2025/nov/07/slug -> 2025-nov-07-slug
        section = re.sub(r"[^a-z0-9-]", "-", (columns["domain"][key] or "misc").lower())
        path = out / section / (re.sub(r"[^A-Za-z0-9-]", "-", slug) + ".txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(title + "\n" + body + "\n", encoding="utf-8")
        written += 1
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: convert_unseen.py DUMP.json OUT_FOLDER")
    print(convert(Path(sys.argv[1]), Path(sys.argv[2])), "articles written to", sys.argv[2])
