"""The HTML report, read back with Python's html.parser: highlights, links, findings, safety, scale."""

from __future__ import annotations

import base64
import hashlib
import io
import time
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from _reportkit import DRONES, HOSTILE, build_claim, build_finding, clean_report, drones_report, hostile_report

from numcheck.model import Report
from numcheck.report import RenderContext
from numcheck.report.html import OPEN_LIMIT, write

VOID = {"meta", "br", "img", "input", "link", "hr", "col", "area", "base", "embed", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parent: Element | None
    text: list[str] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def content(self) -> str:
        return "".join(self.text)

    def ancestors(self) -> list[Element]:
        found, node = [], self.parent
        while node is not None:
            found.append(node)
            node = node.parent
        return found


class Tree(HTMLParser):
    """A tiny DOM: every element with its attributes, parent and (descendant) text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.elements: list[Element] = []
        self.stack = [self.root]
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(element)
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text.append(data)

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [e for e in self.elements
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
                and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def by_id(self, element_id: str) -> Element:
        (element,) = self.find(id=element_id)
        return element


def render(reports: list[Report], texts: dict[str, str] | None = None) -> str:
    out = io.StringIO()
    options = {"texts": texts} if texts is not None else {}
    write(iter(reports), out, RenderContext(version="9.9.9", options=options))
    return out.getvalue()


def drones_tree() -> Tree:
    return Tree(render([drones_report(), clean_report()],
                       {"news/drones.md": DRONES, "news/quiet.txt": "The council met 3 times.\n"}))


def test_every_claim_is_a_mark_over_its_own_text() -> None:
    tree = drones_tree()
    report = drones_report()
    for claim in report.claims:
        mark = tree.by_id(f"f1-{claim.id}")
        assert mark.tag == "mark" and "claim" in mark.classes
        assert mark.content() == claim.text == DRONES[claim.start:claim.end]
        assert mark.attrs["data-claim"] == claim.id and mark.attrs["data-unit"] == claim.unit
    assert tree.by_id("f1-c1").attrs["title"] == "112 drones = 112 (111.5–112.5)"
    assert tree.by_id("f2-c1").content() == "3"


def test_related_figures_name_each_other() -> None:
    tree = drones_tree()
    assert tree.by_id("f1-c2").attrs["data-relations"].split() == ["f1-c1", "f1-c3"]
    assert tree.by_id("f1-c4").attrs["data-relations"].split() == ["f1-c5"]
    assert tree.by_id("f1-c5").attrs["data-relation-kinds"] == "part_of_whole"
    assert "data-relations" not in tree.by_id("f1-c6").attrs
    assert "flagged" in tree.by_id("f1-c3").classes and "related" in tree.by_id("f1-c3").classes


def test_findings_sit_beside_their_line_with_the_explanation() -> None:
    tree = drones_tree()
    findings = tree.find("div", cls="finding")
    assert [f.attrs["data-rule"] for f in findings] == ["percent-mismatch", "countries-count", "share-rounding"]
    error = findings[0]
    assert "severity-error" in error.classes
    row = next(a for a in error.ancestors() if "row" in a.classes)
    assert row.attrs["id"] == "f1-L3"
    assert "Of the 112 drones launched overnight" in row.content()
    (explanation,) = [c for c in error.children if "explanation" in c.classes]
    assert explanation.content() == "84 of 112 is 75.0%; the text says 80%"
    assert error.attrs["data-claims"].split() == ["f1-c3", "f1-c2", "f1-c1"]
    line4 = tree.by_id("f1-L4")
    assert [f.attrs["data-rule"] for f in line4.children[2].children] == ["countries-count", "share-rounding"]


def test_summary_comes_first_and_counts_by_severity() -> None:
    tree = drones_tree()
    summary = tree.by_id("summary")
    first_article = tree.find("details", cls="article")[0]
    assert tree.elements.index(summary) < tree.elements.index(first_article)
    totals = [li.content() for li in summary.children[0].children]
    assert totals == ["2files", "7claims", "3findings", "1error", "1warning", "1info"]
    two = Tree(render([drones_report(), hostile_report()]))
    assert [li.content() for li in two.by_id("summary").children[0].children][3] == "2errors"
    (link,) = [e for e in tree.find("a") if summary in e.ancestors()]
    assert link.attrs["href"] == "#f1" and link.content() == "news/drones.md"


def test_files_with_findings_open_when_few_and_all_collapse_when_many() -> None:
    tree = drones_tree()
    drones, quiet = tree.find("details", cls="article")
    assert "open" in drones.attrs and "open" not in quiet.attrs
    lone = Tree(render([clean_report()], {"news/quiet.txt": "The council met 3 times.\n"}))
    assert "open" in lone.find("details")[0].attrs
    many = Tree(render([drones_report(f"d{i}.md") for i in range(OPEN_LIMIT + 1)]))
    details = many.find("details", cls="article")
    assert len(details) == OPEN_LIMIT + 1 and not any("open" in d.attrs for d in details)
    assert [d.attrs["id"] for d in details[:3]] == ["f1", "f2", "f3"]


def test_article_markup_is_shown_as_text_never_run() -> None:
    report = hostile_report()
    source = render([report], {report.source: HOSTILE})
    tree = Tree(source)
    scripts = tree.find("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].content()  # only numcheck's own script
    (article,) = tree.find("details", cls="article")
    assert tree.find("img") == [] and [b for b in tree.find("b") if article in b.ancestors()] == []
    handlers = [(e.tag, name) for e in tree.elements for name in e.attrs if name.lower().startswith("on")]
    assert handlers == []
    row = tree.by_id("f1-L1")
    assert '<script>alert(1)</script> talks "><img src=x onerror=alert(1)>' in row.content()
    assert "& <b>" in tree.by_id("f1-L2").content()
    assert article.attrs["data-path"] == report.source
    (finding,) = tree.find("div", cls="finding")
    assert finding.attrs["data-rule"] == "x<script>"
    assert '<img src=x onerror="alert(3)"> 90%' in finding.content()


def test_the_page_is_self_contained_and_its_policy_allows_only_its_own_code() -> None:
    source = render([drones_report()], {"news/drones.md": DRONES})
    tree = Tree(source)
    assert tree.find("link") == [] and tree.find("iframe") == [] and tree.find("img") == []
    for element in tree.elements:
        for name in ("src", "href", "action"):
            value = element.attrs.get(name)
            assert value is None or value.startswith("#"), (element.tag, name, value)
    (policy,) = tree.find("meta", http_equiv="Content-Security-Policy")
    csp = policy.attrs["content"]
    assert "default-src 'none'" in csp
    for tag in ("script", "style"):
        (block,) = tree.find(tag)
        digest = base64.b64encode(hashlib.sha256(block.content().encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp, tag


def test_without_texts_the_figures_and_findings_are_still_listed() -> None:
    tree = Tree(render([drones_report()]))
    assert "not given" in tree.find("p", cls="note")[0].content()
    assert tree.by_id("f1-c3").content() == "80%"
    assert len(tree.find("div", cls="finding")) == 3


def test_a_figure_broken_over_two_lines_is_marked_on_both() -> None:
    text = "Turnout was 4.3\nmillion voters.\n"
    start = text.index("4.3")
    claim = replace(build_claim(text, "4.3", "c1", 4.3e6, noun="voter"), text="4.3\nmillion", end=start + 11)
    finding = build_finding([claim], "too-many", "range", "warning", "Too many voters", "v.txt")
    tree = Tree(render([Report(source="v.txt", claims=(claim,), findings=(finding,))], {"v.txt": text}))
    pieces = tree.find("mark", data_claim="c1")
    assert [p.content() for p in pieces] == ["4.3", "million"]
    assert pieces[0].attrs["id"] == "f1-c1" and "id" not in pieces[1].attrs


def test_a_finding_past_the_end_of_the_text_is_not_dropped() -> None:
    report = drones_report()
    late = replace(report.findings[2], line=99, rule="late-rule")
    tree = Tree(render([replace(report, findings=(late,))], {"news/drones.md": "short text\n"}))
    assert [f.attrs["data-rule"] for f in tree.find("div", cls="finding")] == ["late-rule"]


def test_a_thousand_articles_render_fast_and_collapsed() -> None:
    reports = [drones_report(f"archive/{i:04}.md") for i in range(1000)]
    texts = {r.source: DRONES for r in reports}
    started = time.perf_counter()
    source = render(reports, texts)
    elapsed = time.perf_counter() - started
    assert elapsed < 15, f"1,000 articles took {elapsed:.1f}s"
    assert source.count("<details") == 1000 and " open>" not in source
    assert source.count('class="finding ') == 3000 and 'id="f1000-c6"' in source


def test_an_unreadable_article_shows_its_error_and_is_listed_in_the_summary() -> None:
    broken = Report(source="desk/bad.txt", errors=("desk/bad.txt: not valid UTF-8 <0xff>",))
    tree = Tree(render([broken, clean_report()]))
    (errors,) = tree.find("ul", cls="errors")
    assert errors.content() == "desk/bad.txt: not valid UTF-8 <0xff>"
    article = tree.by_id("f1")
    assert "open" in article.attrs
    assert [p for p in tree.find("p", cls="note") if article in p.ancestors()] == []
    assert [a.content() for a in tree.find("a") if tree.by_id("summary") in a.ancestors()] == ["desk/bad.txt"]
