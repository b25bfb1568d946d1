"""Turn saved Guardian Open Platform search pages (``show-fields=body``) into the second corpus's layout.

Usage::

    python benchmarks/convert_guardian_capi.py PAGE.json [PAGE.json ...] --out corpora/guardian2022

Each input is one saved response of the Guardian content API search endpoint, as committed in the public
repository named in ``benchmarks/get_corpus2.md``. Only items of type ``article`` are kept: live blogs are
strings of timestamped posts, and crosswords and interactives have no running text.

Why a converter of our own: the API's ``bodyText`` field joins every paragraph into one line, which would
lose exactly what the second corpus is for (paragraphs, picture captions and list items as a reader sees
them). The ``body`` field is the article's HTML, so the layout can be read back from its tags:

* each ``<p>``, heading, ``<blockquote>`` paragraph and table row becomes one line;
* a list item becomes one line starting with a bullet (``<ul>``) or its number (``<ol>``), as the page
  shows it;
* a picture's ``<figcaption>`` becomes one line, the caption then its credit ("... Photograph: X/Agency");
* inline markup (links, bold, italics) is dropped and its text kept.

An article is written as its headline, its standfirst (the API's ``trailText``) and then its body, with a
blank line between paragraphs, to ``OUT/<sectionId>/<yyyy-mon-dd-slug>.txt`` (UTF-8), and also as one
``{"id", "section", "url", "published", "text"}`` object a line to ``OUT.jsonl``. Nothing here imports
numcheck: the corpus must not depend on what numcheck can read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

# Tags that end the current line when they open or close. Inline tags (a, strong, em, span, ...) do not.
_BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "figure", "figcaption", "blockquote",
    "aside", "table", "thead", "tbody", "tr", "footer", "header", "section", "br", "hr", "iframe",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript"})
_CELL_TAGS = frozenset({"td", "th"})
_SPACES = re.compile(r"\s+")
_BULLET = "\u2022"


class _BodyLines(HTMLParser):
    """Collects the visible text of an HTML fragment as one string per paragraph, caption or list item."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buffer: list[str] = []
        self._skip = 0
        self._lists: list[list[int | str]] = []  # per open list: [kind, next number]
        self._cells = 0

    def _flush(self) -> None:
        line = _SPACES.sub(" ", "".join(self._buffer)).strip()
        self._buffer = []
        self._cells = 0
        if line and line not in {"|", _BULLET}:
            self.lines.append(line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("ul", "ol"):
            self._lists.append([tag, 1])
        elif tag == "li":
            kind, number = self._lists[-1] if self._lists else ("ul", 1)
            if kind == "ol":
                self._buffer.append(f"{number}. ")
                self._lists[-1][1] = int(number) + 1
            else:
                self._buffer.append(f"{_BULLET} ")
        elif tag in _CELL_TAGS:
            if self._cells:
                self._buffer.append(" | ")
            self._cells += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_lines(fragment: str) -> list[str]:
    """The visible lines of an HTML fragment: paragraphs, captions, list items and table rows."""
    parser = _BodyLines()
    parser.feed(fragment)
    parser.close()
    return parser.lines


def article_text(item: dict) -> str:
    """Headline, standfirst and body of one API item, one paragraph a line, blank lines between."""
    fields = item.get("fields") or {}
    head = [fields.get("headline") or item.get("webTitle") or ""]
    head += html_lines(fields.get("trailText") or "")
    lines = [line for line in head if line.strip()] + html_lines(fields.get("body") or "")
    return "\n\n".join(lines) + "\n"


def file_name(content_id: str) -> str:
    """``yyyy-mon-dd-slug`` from an API id such as ``sport/2022/aug/20/some-slug``."""
    parts = content_id.strip("/").split("/")
    return "-".join(parts[-4:]) if len(parts) >= 4 else content_id.replace("/", "-")


def convert(pages: list[Path], out: Path) -> dict[str, int]:
    """Write every article of the given saved search pages under ``out``; return articles per section."""
    items: dict[str, dict] = {}
    for page in pages:
        results = json.loads(page.read_text(encoding="utf-8"))["response"]["results"]
        for item in results:
            if item.get("type") == "article" and (item.get("fields") or {}).get("body"):
                items.setdefault(item["id"], item)
    per_section: dict[str, int] = {}
    rows = []
    for content_id in sorted(items):
        item = items[content_id]
        section = item.get("sectionId") or "unknown"
        rel = f"{section}/{file_name(content_id)}.txt"
        text = article_text(item)
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        rows.append({"id": rel, "section": section, "url": item.get("webUrl", ""),
                     "published": item.get("webPublicationDate", ""), "text": text})
        per_section[section] = per_section.get(section, 0) + 1
    if len({row["id"] for row in rows}) != len(rows):
        raise SystemExit("convert_guardian_capi: two articles map to one file name")
    with out.with_suffix(".jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return per_section


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="+", type=Path, help="saved API search responses (JSON)")
    parser.add_argument("--out", type=Path, required=True, help="output folder, e.g. corpora/guardian2022")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.pages if not p.is_file()]
    if missing:
        print(f"convert_guardian_capi: {missing[0]}: no such file", file=sys.stderr)
        return 2
    try:
        per_section = convert(args.pages, args.out)
    except (json.JSONDecodeError, KeyError) as error:
        print(f"convert_guardian_capi: not a saved API search response: {error}", file=sys.stderr)
        return 2
    print(f"{sum(per_section.values())} articles in {len(per_section)} sections")
    return 0


if __name__ == "__main__":
    sys.exit(main())
