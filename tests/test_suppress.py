"""Inline suppression on real Markdown, HTML and plain-text articles, with findings placed by offset."""

from __future__ import annotations

from numcheck.document import read_document
from numcheck.model import Finding
from numcheck.suppress import apply_suppressions, find_suppressions

KNOWN = frozenset({"breakdown-sum", "percent-of-count", "repeated-figure", "countries-count"})


def finding_at(document, needle: str, rule: str) -> Finding:
    """A finding whose primary claim is the first occurrence of ``needle`` in the original text."""
    start = document.original.index(needle)
    line, column = document.position(start)
    return Finding(rule, "sum_of_parts", "error", "m", ("c1",), start, start + len(needle), line, column,
                   None, None, "a.md", "")


def kept_rules(document, findings, known=KNOWN):
    kept, warnings = apply_suppressions(document, findings, known, source="a.md")
    return [(f.rule, document.original[f.start:f.end]) for f in kept], warnings


MARKDOWN_REGION = """# Budget

The council spent 120 million on 40 schools.

<!-- numcheck-disable breakdown-sum, percent-of-count -->
Roads took 30 million and parks 12 million.

Another 7 million went elsewhere.
<!-- numcheck-enable breakdown-sum -->

Of the 40 schools, 25 are new.
"""


def test_region_disables_named_rules_until_enabled():
    doc = read_document(MARKDOWN_REGION, "markdown")
    findings = [
        finding_at(doc, "120 million", "breakdown-sum"),
        finding_at(doc, "30 million", "breakdown-sum"),
        finding_at(doc, "30 million", "repeated-figure"),
        finding_at(doc, "7 million", "percent-of-count"),
        finding_at(doc, "25 are", "breakdown-sum"),
        finding_at(doc, "25 are", "percent-of-count"),
    ]
    kept, warnings = kept_rules(doc, findings)
    assert kept == [
        ("breakdown-sum", "120 million"),
        ("repeated-figure", "30 million"),
        ("breakdown-sum", "25 are"),
    ]
    assert warnings == []


def test_disable_without_ids_silences_every_rule_and_enable_one_brings_it_back():
    text = ("A 10 here.\n\n<!-- numcheck-disable -->\nB 20 here.\n\n"
            "<!-- numcheck-enable countries-count -->\nC 30 here.\n")
    doc = read_document(text, "markdown")
    findings = [finding_at(doc, n, r) for n in ("10", "20", "30") for r in ("countries-count", "breakdown-sum")]
    kept, _ = kept_rules(doc, findings)
    assert kept == [("countries-count", "10"), ("breakdown-sum", "10"), ("countries-count", "30")]


def test_ignore_comment_covers_only_the_next_paragraph():
    text = (
        "First 50 drones came.\n\n"
        "<!-- numcheck: ignore[breakdown-sum] -->\n"
        "Then 60 drones came,\nand 70 more.\n\n"
        "Finally 80 drones came.\n"
    )
    doc = read_document(text, "markdown")
    findings = [finding_at(doc, n, "breakdown-sum") for n in ("50", "60", "70", "80")]
    findings.append(finding_at(doc, "70", "repeated-figure"))
    kept, _ = kept_rules(doc, findings)
    assert kept == [("breakdown-sum", "50"), ("breakdown-sum", "80"), ("repeated-figure", "70")]


def test_ignore_comment_after_prose_covers_its_own_paragraph():
    text = "Here 50 drones came. <!-- numcheck: ignore[breakdown-sum] -->\n\nThere 60 drones came.\n"
    doc = read_document(text, "markdown")
    kept, _ = kept_rules(doc, [finding_at(doc, "50", "breakdown-sum"), finding_at(doc, "60", "breakdown-sum")])
    assert kept == [("breakdown-sum", "60")]


def test_html_comments_work_and_are_blank_in_the_prose():
    text = "<p>Of 35 states, 26 agreed.</p>\n<!-- numcheck: ignore[countries-count] -->\n<p>All 300 states voted.</p>\n"
    doc = read_document(text, "html")
    assert "numcheck" not in doc.text
    findings = [finding_at(doc, "35", "countries-count"), finding_at(doc, "300", "countries-count")]
    kept, _ = kept_rules(doc, findings)
    assert kept == [("countries-count", "35")]


def test_plain_text_line_marker_covers_that_line_only():
    text = "The 300 countries met. numcheck: ignore[countries-count]\nThe 400 countries left.\n"
    doc = read_document(text, "text")
    findings = [finding_at(doc, "300", "countries-count"), finding_at(doc, "400", "countries-count")]
    kept, warnings = kept_rules(doc, findings)
    assert kept == [("countries-count", "400")]
    assert warnings == []


def test_plain_text_marker_mid_line_and_html_comment_in_text_do_nothing():
    text = ("Say numcheck: ignore[countries-count] to hide 300 countries.\n"
            "<!-- numcheck-disable -->\nThe 400 countries.\n")
    doc = read_document(text, "text")
    findings = [finding_at(doc, "300", "countries-count"), finding_at(doc, "400", "countries-count")]
    kept, _ = kept_rules(doc, findings)
    assert kept == [("countries-count", "300"), ("countries-count", "400")]


def test_unknown_rule_id_warns_with_source_line_and_column():
    text = "Intro 5 lines.\n\n  <!-- numcheck-disable breakdown-sum, brekdown-sum -->\nThe 6 items.\n"
    doc = read_document(text, "markdown")
    kept, warnings = kept_rules(doc, [finding_at(doc, "6", "breakdown-sum")])
    assert kept == []
    assert len(warnings) == 1
    assert warnings[0].startswith("a.md:3:3: unknown rule id 'brekdown-sum' in numcheck suppression; known: ")
    assert "breakdown-sum" in warnings[0]


def test_plain_text_unknown_id_warns():
    doc = read_document("The 9 cats. numcheck: ignore[cat-count]\n", "text")
    _, warnings = apply_suppressions(doc, [], KNOWN)
    assert warnings and warnings[0].startswith("1:13: unknown rule id 'cat-count'")


def test_comments_that_are_not_numcheck_are_ignored():
    doc = read_document("<!-- TODO: check 40 -->\nThe 40 items.\n", "markdown")
    assert find_suppressions(doc) == []


# End to end through the Checker: real extraction, relations and the core pack.

FERRY_BAD = "The ferry carried 64 people: 41 adults, 19 children and eight crew.\n"


def test_checker_honours_ignore_comment_in_markdown():
    from numcheck import Checker

    checker = Checker()
    plain = checker.check("# Ferry\n\n" + FERRY_BAD, source="ferry.md")
    assert [f.rule for f in plain.findings] == ["breakdown-sum"]
    silenced = checker.check("# Ferry\n\n<!-- numcheck: ignore[breakdown-sum] -->\n" + FERRY_BAD, source="ferry.md")
    assert silenced.findings == ()
    assert silenced.warnings == ()
    typo = checker.check("# Ferry\n\n<!-- numcheck: ignore[breakdown-summ] -->\n" + FERRY_BAD, source="ferry.md")
    assert [f.rule for f in typo.findings] == ["breakdown-sum"]
    assert typo.warnings[0].startswith("ferry.md:3:1: unknown rule id 'breakdown-summ' in numcheck suppression")


def test_checker_honours_line_marker_in_plain_text():
    from numcheck import Checker

    report = Checker().check(FERRY_BAD.rstrip("\n") + " numcheck: ignore[breakdown-sum]\n", source="ferry.txt")
    assert report.findings == ()
