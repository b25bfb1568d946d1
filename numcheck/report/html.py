"""One self-contained HTML page an editor can open from CI artifacts: the articles, marked up.

Why it is built the way it is:
- *Self-contained and inert.* No network, no external assets: CSS and a few lines of JS are inline,
  and a Content-Security-Policy allows only those two blocks (by hash), no images, no fetches. All
  article text, paths, messages and rule ids are HTML-escaped with ``quote=True``; the CSP is the
  second wall should an escape ever be missed.
- *Rendered on the server.* Every extracted figure is a ``<mark class="claim">`` and every finding
  a ``<div class="finding">`` in the HTML itself, so the report reads the same without JS, parses
  with any HTML parser, and is testable. The script only adds hover-linking of related figures.
- *Scales to an archive.* Sections stream to a spooled temporary file while a small tally is kept,
  so the summary can still come first; per-file ``<details>`` are collapsed when there are many
  files (open when there are few and the file has findings). All work is linear in the text.

The article text is not part of a `Report`; the caller passes it as ``context.options["texts"]``,
a mapping of ``report.source`` to the text as read (the offsets of claims index into it). Without
it, each file still lists its figures and findings, just not the surrounding prose.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from typing import TextIO

from numcheck.figures import explanation_to_show
from numcheck.model import Claim, Finding, Report
from numcheck.report._common import (
    SEVERITY_ORDER,
    Tally,
    claim_label,
    fmt_value,
    ordered_findings,
    plural,
)
from numcheck.report.context import RenderContext

__all__ = ["OPEN_LIMIT", "write"]

#: Up to this many files, a file with findings starts expanded; past it every file starts collapsed,
#: so a 1,000-article report opens instantly and reads as a list.
OPEN_LIMIT = 20
_SPOOL_BYTES = 16 * 1024 * 1024

_CSS = """
:root{--error:#c62828;--warning:#b26a00;--info:#1565c0;--mark:#fff3b0;--partner:#b3e5fc;--ink:#1f2328;
--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:1180px;margin:0 auto;padding:0 1.25rem}
h1{font-size:1.5rem;margin:1.25rem 0 .5rem}
.totals{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.25rem 0 .75rem;padding:0;list-style:none}
.totals li{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.35rem .8rem}
.totals b{font-size:1.15rem;margin-right:.3rem}
.totals .severity-error b{color:var(--error)}.totals .severity-warning b{color:var(--warning)}
.totals .severity-info b{color:var(--info)}
table.files{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
table.files th,table.files td{border-bottom:1px solid var(--line);padding:.2rem .8rem .2rem 0;text-align:left}
table.files td.n{text-align:right}
details.article{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;background:#fff}
details.article>summary{cursor:pointer;padding:.5rem .8rem;background:var(--bg);border-radius:6px;font-weight:600}
details.article[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
.badge{display:inline-block;font-size:.75rem;font-weight:600;border-radius:10px;padding:0 .5rem;margin-left:.4rem;
color:#fff}
.badge.severity-error{background:var(--error)}.badge.severity-warning{background:var(--warning)}
.badge.severity-info{background:var(--info)}.badge.claims{background:#8c959f}
.body{padding:.4rem .8rem .8rem}
.row{display:grid;grid-template-columns:3rem minmax(0,1fr) minmax(0,22rem);gap:0 1rem;padding:.1rem 0}
.row.blank{min-height:.6rem;padding:0}
.ln{color:var(--muted);text-align:right;font:12px/1.9 ui-monospace,SFMono-Regular,Menlo,monospace;
user-select:none;text-decoration:none}
.src{white-space:pre-wrap;overflow-wrap:anywhere}
mark.claim{background:var(--mark);border-radius:3px;padding:0 1px;cursor:help}
mark.claim.related{box-shadow:inset 0 -2px 0 #4fc3f7}
mark.claim.flagged{box-shadow:inset 0 -2px 0 var(--error)}
mark.claim.active{outline:2px solid #0288d1}
mark.claim.partner{background:var(--partner);outline:2px dashed #0288d1}
.finding{border-left:4px solid var(--info);background:var(--bg);border-radius:4px;padding:.3rem .55rem;
margin:0 0 .35rem;font-size:.85rem}
.finding.severity-error{border-color:var(--error)}.finding.severity-warning{border-color:var(--warning)}
.finding.partner,.finding.active{background:#e1f5fe}
.finding .sev{font-weight:700;text-transform:uppercase;font-size:.7rem;letter-spacing:.03em}
.finding.severity-error .sev{color:var(--error)}.finding.severity-warning .sev{color:var(--warning)}
.finding.severity-info .sev{color:var(--info)}
.finding .rule{font-size:.75rem;color:var(--muted)}
.explanation{color:var(--muted);margin-top:.15rem}
.errors{color:var(--error)}
.note{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:.8rem;margin:1.5rem auto}
.hint{display:none;color:var(--muted);font-size:.85rem;margin:0 0 .5rem}.js .hint{display:block}
@media (max-width:800px){.row{grid-template-columns:2.2rem minmax(0,1fr)}.notes{grid-column:2}}
"""

_JS = """
(function(){
  document.documentElement.classList.add('js');
  function link(el,on){
    var ids=((el.getAttribute('data-relations')||'')+' '+(el.getAttribute('data-claims')||'')).split(' ');
    for(var i=0;i<ids.length;i++){if(!ids[i])continue;var p=document.getElementById(ids[i]);
      if(p)p.classList.toggle('partner',on);}
    el.classList.toggle('active',on);
  }
  function hit(e){return e.target&&e.target.closest?e.target.closest('mark.claim[id],.finding'):null;}
  function on(e){var t=hit(e);if(t)link(t,true);}
  function off(e){var t=hit(e);if(t)link(t,false);}
  document.addEventListener('mouseover',on);document.addEventListener('mouseout',off);
  document.addEventListener('focusin',on);document.addEventListener('focusout',off);
  function reveal(){var id=decodeURIComponent(location.hash.slice(1));var el=id&&document.getElementById(id);
    for(;el;el=el.parentElement){if(el.tagName==='DETAILS')el.open=true;}}
  window.addEventListener('hashchange',reveal);reveal();
})();
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


#: Only the two inline blocks above may run or style the page; nothing may be fetched.
_CSP = (f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; img-src 'none'; "
        "base-uri 'none'; form-action 'none'")

#: C0 controls other than tab and newline are not allowed in HTML text; show them as U+FFFD.
_CONTROLS = {c: "\ufffd" for c in (*range(0, 9), 11, 12, *range(14, 32), 127)}
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def _esc(text: str) -> str:
    return html.escape(text.translate(_CONTROLS), quote=True)


def _dom_id(prefix: str, claim_id: str) -> str:
    """A document-unique element id for a claim: file prefix plus the claim id, made token-safe."""
    return f"{prefix}-{_ID_UNSAFE.sub('_', claim_id)}"


class _FileView:
    """What one article's section needs: its claims in text order, partners and flags per claim."""

    def __init__(self, report: Report, prefix: str) -> None:
        self.report = report
        self.prefix = prefix
        self.partners: dict[str, list[str]] = {}
        self.kinds: dict[str, set[str]] = {}
        for relation in report.relations:
            for cid in relation.claims:
                partners = self.partners.setdefault(cid, [])
                for other in relation.claims:
                    dom_id = _dom_id(prefix, other)
                    if other != cid and dom_id not in partners:
                        partners.append(dom_id)
                self.kinds.setdefault(cid, set()).add(relation.kind)
        self.flagged = {cid for f in report.findings for cid in f.claims}

    def mark(self, claim: Claim, inner: str, first: bool = True) -> str:
        """A claim's ``<mark>``; a claim split over two lines keeps its id on the first piece only."""
        classes = ["claim"]
        if claim.id in self.partners:
            classes.append("related")
        if claim.id in self.flagged:
            classes.append("flagged")
        attrs = [f'class="{" ".join(classes)}"']
        if first:
            attrs.append(f'id="{_esc(_dom_id(self.prefix, claim.id))}" tabindex="0"')
        attrs += [f'data-claim="{_esc(claim.id)}"', f'data-unit="{_esc(claim.unit)}"',
                  f'data-value="{_esc(repr(claim.value))}"']
        if claim.noun:
            attrs.append(f'data-noun="{_esc(claim.noun)}"')
        if claim.id in self.partners:
            attrs.append(f'data-relations="{_esc(" ".join(self.partners[claim.id]))}"')
            attrs.append(f'data-relation-kinds="{_esc(" ".join(sorted(self.kinds[claim.id])))}"')
        title = claim_label(claim)
        if claim.low != claim.high:
            title += f" ({fmt_value(claim.low)}–{fmt_value(claim.high)})"
        attrs.append(f'title="{_esc(title)}"')
        return f"<mark {' '.join(attrs)}>{inner}</mark>"

    def finding(self, finding: Finding, number: int) -> str:
        claims = " ".join(_dom_id(self.prefix, c) for c in finding.claims)
        extra = explanation_to_show(finding)
        explanation = f'<div class="explanation">{_esc(extra)}</div>' if extra else ""
        return (f'<div class="finding severity-{_esc(finding.severity)}" id="{self.prefix}-x{number}" '
                f'data-rule="{_esc(finding.rule)}" data-check="{_esc(finding.check)}" '
                f'data-severity="{_esc(finding.severity)}" data-line="{finding.line}" data-claims="{_esc(claims)}">'
                f'<span class="sev">{_esc(finding.severity)}</span> <code class="rule">{_esc(finding.rule)}</code> '
                f'<span class="message">{_esc(finding.message)}</span>{explanation}</div>')


def _text_claims(claims: Iterable[Claim], length: int) -> list[Claim]:
    """Claims that can be drawn on the text: inside it, non-empty, not overlapping an earlier one."""
    drawn: list[Claim] = []
    end = 0
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start < end or claim.end <= claim.start or claim.start < 0 or claim.end > length:
            continue
        drawn.append(claim)
        end = claim.end
    return drawn


def _article_rows(view: _FileView, text: str, findings: list[tuple[int, Finding]]) -> Iterator[str]:
    """One grid row per line of the article: number, the line with its marks, its findings."""
    claims = _text_claims(view.report.claims, len(text))
    by_line: dict[int, list[str]] = {}
    for number, finding in findings:
        by_line.setdefault(finding.line, []).append(view.finding(finding, number))
    k = 0
    line_start = 0
    lines = text.split("\n")
    for line_no, line in enumerate(lines, start=1):
        line_end = line_start + len(line)
        while k < len(claims) and claims[k].end <= line_start:
            k += 1
        pieces = []
        pos = line_start
        j = k
        while j < len(claims) and claims[j].start < line_end:
            claim = claims[j]
            s, e = max(claim.start, line_start), min(claim.end, line_end)
            if s > pos:
                pieces.append(_esc(text[pos:s]))
            pieces.append(view.mark(claim, _esc(text[s:e]), first=claim.start >= line_start))
            pos = e
            j += 1
        pieces.append(_esc(text[pos:line_end].rstrip("\r")))
        notes = by_line.pop(line_no, [])
        src = "".join(pieces)
        anchor = f"{view.prefix}-L{line_no}"
        if not src and not notes:
            yield f'<div class="row blank" id="{anchor}"></div>'
        else:
            yield (f'<div class="row" id="{anchor}"><a class="ln" href="#{anchor}">{line_no}</a>'
                   f'<div class="src">{src}</div><div class="notes">{"".join(notes)}</div></div>')
        line_start = line_end + 1
    for line_no in sorted(by_line):  # findings past the end of the text given: never drop one
        yield (f'<div class="row"><span class="ln">{line_no}</span><div class="src note">(line not in the text)</div>'
               f'<div class="notes">{"".join(by_line[line_no])}</div></div>')


def _claim_list_rows(view: _FileView, findings: list[tuple[int, Finding]]) -> Iterator[str]:
    """Without the text: each figure with its position, then the findings."""
    yield '<p class="note">The article text was not given to the report; its figures are listed instead.</p>'
    for claim in sorted(view.report.claims, key=lambda c: c.start):
        yield (f'<div class="row"><span class="ln">{claim.line}:{claim.column}</span>'
               f'<div class="src">{view.mark(claim, _esc(claim.text))}</div><div class="notes"></div></div>')
    for number, finding in findings:
        yield (f'<div class="row"><span class="ln">{finding.line}:{finding.column}</span><div class="src"></div>'
               f'<div class="notes">{view.finding(finding, number)}</div></div>')


def _badges(report: Report) -> str:
    counts = {s: 0 for s in SEVERITY_ORDER}
    for finding in report.findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    badges = [f'<span class="badge severity-{_esc(s)}">{plural(n, s)}</span>' for s, n in counts.items() if n]
    badges.append(f'<span class="badge claims">{plural(len(report.claims), "claim")}</span>')
    return "".join(badges)


def _section(report: Report, index: int, text: str | None, is_open: bool) -> str:
    prefix = f"f{index}"
    view = _FileView(report, prefix)
    findings = list(enumerate(ordered_findings(report.findings), start=1))
    parts = [f'<details class="article" id="{prefix}" data-path="{_esc(report.source)}"'
             f' data-findings="{len(report.findings)}"{" open" if is_open else ""}>',
             f'<summary><span class="path">{_esc(report.source)}</span>{_badges(report)}</summary><div class="body">']
    if report.errors:
        parts.append('<ul class="errors">' + "".join(f"<li>{_esc(m)}</li>" for m in report.errors) + "</ul>")
    if text is not None:
        parts.extend(_article_rows(view, text, findings))
    elif report.claims or findings:
        parts.extend(_claim_list_rows(view, findings))
    parts.append("</div></details>\n")
    return "".join(parts)


def _total(count: int, word: str, cls: str = "") -> str:
    """``<li><b>2</b>errors</li>``: the number large, the word agreeing with it."""
    label = plural(count, word).split(" ", 1)[1]
    attr = f' class="{cls}"' if cls else ""
    return f"<li{attr}><b>{count}</b>{label}</li>"


def _summary(tally: Tally, flagged: list[tuple[int, Report]]) -> str:
    items = [_total(tally.files, "file"), _total(tally.claims, "claim"), _total(tally.findings, "finding")]
    items += [_total(tally.by_severity[s], s, f"severity-{s}") for s in SEVERITY_ORDER]
    parts = ['<section id="summary"><ul class="totals">', *items, "</ul>"]
    if flagged:
        parts.append('<table class="files"><thead><tr><th>file</th>'
                     + "".join(f'<th class="n">{s}</th>' for s in SEVERITY_ORDER) + "</tr></thead><tbody>")
        for index, report in flagged:
            counts = [sum(1 for f in report.findings if f.severity == s) for s in SEVERITY_ORDER]
            parts.append(f'<tr><td><a href="#f{index}">{_esc(report.source)}</a></td>'
                         + "".join(f'<td class="n">{n}</td>' for n in counts) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    # Not ``get(...) or {}``: the CLI passes an empty dict and fills it while the reports stream in,
    # so the very object it passed must be the one read, empty or not.
    given = context.options.get("texts")
    texts: Mapping[str, str] = {} if given is None else given
    stream = iter(reports)
    head: list[Report] = []
    for report in stream:
        head.append(report)
        if len(head) > OPEN_LIMIT:
            break
    few, single = len(head) <= OPEN_LIMIT, len(head) == 1
    tally = Tally()
    flagged: list[tuple[int, Report]] = []
    with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8", newline="\n") as body:
        for index, report in enumerate(_chain(head, stream), start=1):
            tally.add(report)
            if report.findings or report.errors:
                flagged.append((index, _counts_only(report)))
            is_open = few and (bool(report.findings or report.errors) or single)
            body.write(_section(report, index, texts.get(report.source), is_open))
        body.seek(0)
        version = _esc(context.version or _package_version())
        out.write('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                  f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
                  '<meta name="viewport" content="width=device-width, initial-scale=1">'
                  f'<meta name="generator" content="numcheck {version}">'
                  f"<title>numcheck report: {plural(tally.findings, 'finding')}</title><style>{_CSS}</style></head>\n"
                  f"<body><header><h1>numcheck report</h1>{_summary(tally, flagged)}"
                  '<p class="hint">Hover over or tab to a highlighted figure to light up the figures it is '
                  "linked to; hover over a finding to light up its figures.</p></header>\n<main>\n")
        if not tally.files:
            out.write('<p class="note">No articles were checked.</p>')
        shutil.copyfileobj(body, out)
    out.write(f"</main><footer>numcheck {version} · {tally.describe()}</footer><script>{_JS}</script></body></html>\n")


def _chain(head: list[Report], rest: Iterator[Report]) -> Iterator[Report]:
    yield from head
    head.clear()  # the look-ahead is only needed to decide open/collapsed; let it go
    yield from rest


def _counts_only(report: Report) -> Report:
    """Keep a flagged file's findings for the summary table, never its claims or relations."""
    return Report(source=report.source, findings=report.findings, errors=report.errors)


def _package_version() -> str:
    from numcheck import __version__

    return __version__
