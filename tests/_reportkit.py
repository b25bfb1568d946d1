"""Hand-built reports for the renderer tests, so they never depend on the extractor's progress.

``build_claim`` finds the figure in the article text, so offsets, line and column are the real
ones and the HTML report's highlights can be checked against the text. The articles are written
for these tests; the hostile one carries markup that a careless renderer would execute.
"""

from __future__ import annotations

from numcheck.model import Claim, Finding, Relation, Report

DRONES = (
    "Air defence update\n"
    "\n"
    "Of the 112 drones launched overnight, 84 were shot down, or 80%, the air force said.\n"
    "Officials added that 26 of 35 countries had offered support, about 74%.\n"
)

HOSTILE = (
    'Budget <script>alert(1)</script> talks "><img src=x onerror=alert(1)> ended late.\n'
    "Ministers agreed on 40 of 50 items & <b>90%</b> of the rest.\n"
)


def build_claim(text: str, surface: str, cid: str, value: float, unit: str = "count", noun: str | None = None,
                nth: int = 0) -> Claim:
    """A claim at the ``nth`` occurrence of ``surface`` in ``text`` with its true line and column."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    half = 0.5 if unit in ("count", "percent") else 0.0
    return Claim(id=cid, text=surface, value=value, unit=unit, noun=noun, qualifier="eq", low=value - half,
                 high=value + half, precision=1.0, start=start, end=start + len(surface), sentence=0, paragraph=0,
                 line=line, column=column)


def build_finding(claims: list[Claim], rule: str, check: str, severity: str, message: str, source: str,
                  explanation: str = "", expected: float | None = None, actual: float | None = None) -> Finding:
    """A finding pointing at its first claim, as ``make_finding`` does."""
    first = claims[0]
    return Finding(rule=rule, check=check, severity=severity, message=message, claims=tuple(c.id for c in claims),
                   start=first.start, end=first.end, line=first.line, column=first.column, expected=expected,
                   actual=actual, source=source, explanation=explanation)


def drones_report(source: str = "news/drones.md") -> Report:
    """An error, a warning and an info finding over five figures and two relations."""
    c = [
        build_claim(DRONES, "112", "c1", 112, noun="drone"),
        build_claim(DRONES, "84", "c2", 84, noun="drone"),
        build_claim(DRONES, "80%", "c3", 80, "percent"),
        build_claim(DRONES, "26", "c4", 26, noun="country"),
        build_claim(DRONES, "35", "c5", 35, noun="country"),
        build_claim(DRONES, "74%", "c6", 74, "percent"),
    ]
    relations = (
        Relation(id="r1", kind="percent_of", claims=("c2", "c1", "c3"), roles=("part", "whole", "percent"),
                 cue="or", sentence=1),
        Relation(id="r2", kind="part_of_whole", claims=("c4", "c5"), roles=("part", "whole"), cue="of", sentence=2),
    )
    findings = (
        build_finding([c[5], c[3], c[4]], "share-rounding", "percent_of", "info",
                      "74% is rounded from 74.3%", source, "26 of 35 is 74.3%; the text says 74%", 74.3, 74),
        build_finding([c[2], c[1], c[0]], "percent-mismatch", "percent_of", "error",
                      "The text says 80%, but 84 of 112 is 75%", source, "84 of 112 is 75.0%; the text says 80%",
                      75.0, 80.0),
        build_finding([c[3]], "countries-count", "range", "warning", "26 countries: check the coalition size",
                      source),
    )
    return Report(source=source, claims=tuple(c), relations=relations, findings=findings)


def hostile_report(source: str = 'evil"><script>alert(2)</script>.md') -> Report:
    """Markup everywhere a renderer reads text from: the article, the path, the rule's message."""
    c = [
        build_claim(HOSTILE, "40", "c1", 40, noun="item"),
        build_claim(HOSTILE, "50", "c2", 50, noun="item"),
        build_claim(HOSTILE, "90%", "c3", 90, "percent"),
    ]
    finding = build_finding([c[2]], "x<script>", "range", "error", '<img src=x onerror="alert(3)"> 90%', source,
                            "<script>alert(4)</script>")
    relation = Relation(id="r1", kind="part_of_whole", claims=("c1", "c2"), roles=("part", "whole"), cue="of",
                        sentence=1)
    return Report(source=source, claims=tuple(c), relations=(relation,), findings=(finding,))


def clean_report(source: str = "news/quiet.txt") -> Report:
    """A file with a figure and nothing to say about it."""
    text = "The council met 3 times.\n"
    return Report(source=source, claims=(build_claim(text, "3", "c1", 3, noun="time"),))
