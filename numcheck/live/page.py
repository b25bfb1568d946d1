"""The editor page of ``numcheck serve`` (``GET /``) and the article HTML it shows.

There is one renderer of an article, `numcheck.report.html`: the page sends the text to
``POST /v1/html`` as the editor types and shows the article section of ``numcheck check --format
html`` for it, figures marked, related figures linked on hover, each finding beside its line. The
page borrows that report's stylesheet and script (taken from what the renderer writes, so the two
cannot drift) and adds its own layout (``static/page.css``) and a few lines that send the text and
swap the answer in (``static/page.js``).

Content-Security-Policy: exactly one inline style and one inline script run, each allowed by its
SHA-256 hash; ``connect-src 'self'`` lets the script reach this server and nothing else; no
``'unsafe-inline'``, no other source. The HTML swapped in is built by the server with every piece
of text escaped, and the policy blocks any script or style it could carry anyway.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.resources
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from numcheck.model import Report
from numcheck.report import RenderContext, get_writer

__all__ = ["Page", "article_fragment", "build_page"]


#: A short article shown when the page opens, so a first visitor sees what the page does.
SAMPLE = ("Of the 35 countries at the summit, 26 signed the declaration, or 80% of them.\n\n"
          "The army said 84 of 112 drones were shot down overnight.\n")


def _render(reports: list[Report], texts: dict[str, str], rules: Sequence[Any] = ()) -> str:
    out = io.StringIO()
    get_writer("html")(iter(reports), out, RenderContext(rules=tuple(rules), options={"texts": texts}))
    return out.getvalue()


def _between(document: str, opening: str, closing: str) -> str:
    """The text between the first ``opening`` tag and the last ``closing`` one ("" if either is missing).

    Plain string search, not a regular expression: the renderer's output is ours and regular, and a
    lazy ``(.*?)`` across a whole article would be quadratic on text full of the opening tag."""
    start = document.find(opening)
    end = document.rfind(closing)
    return document[start + len(opening):end] if 0 <= start < end else ""


def article_fragment(report: Report, text: str, rules: Sequence[Any] = ()) -> str:
    """The article section of the HTML report for one text: what the page shows for it."""
    return _between(_render([report], {report.source: text}, rules), "<main>", "</main>").strip()


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass(frozen=True)
class Page:
    """The page's HTML and the Content-Security-Policy header it must be served with."""

    html: str
    csp: str


def build_page(title: str = "numcheck live", debounce_ms: int = 150) -> Page:
    """The editor page: the report's style and script plus the page's own, each block hash-pinned."""
    shell = _render([], {})
    static = importlib.resources.files("numcheck.live") / "static"
    css = _between(shell, "<style>", "</style>") + (static / "page.css").read_text(encoding="utf-8")
    js = _between(shell, "<script>", "</script>") + (static / "page.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; connect-src 'self'; "
           "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    page = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{css}</style></head>\n"
            f'<body class="live" data-debounce="{int(debounce_ms)}"><header class="bar"><h1>numcheck</h1>'
            '<label>Document type <select id="kind"><option value="txt">plain text</option>'
            '<option value="md">Markdown</option><option value="html">HTML</option></select></label>'
            '<span id="status" role="status" aria-live="polite"></span></header>\n'
            '<div class="panes"><textarea id="text" spellcheck="true" aria-label="Article text" '
            f'placeholder="Paste or type an article">{html.escape(SAMPLE)}</textarea>'
            '<div id="report" aria-label="Figures and findings"><p class="empty">Type to check.</p></div></div>'
            f"<script>{js}</script></body></html>\n")
    return Page(page, csp)
