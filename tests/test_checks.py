"""Each arithmetic check on hand-built claims and relations: fires on broken, silent on consistent,
and decided correctly exactly at the edge of rounding."""

from __future__ import annotations

import pytest
from _claimkit import make_claim, relation, rule_for

from numcheck.checks import CHECKS


def run(check: str, claims, relations, **params):
    rule = rule_for(check, **params)
    return CHECKS[check].run(rule, claims, relations)


def pct(cid, value, **kw):
    return make_claim(cid, value, "percent", **kw)


# part_whole -------------------------------------------------------------------------------------

def test_part_whole_fires_on_part_above_whole():
    claims = [make_claim("c1", 41, noun="nation"), make_claim("c2", 40, noun="nation")]
    rel = [relation("part_of_whole", ("c1", "c2"), ("part", "whole"), cue="of")]
    (finding,) = run("part_whole", claims, rel)
    assert finding.claims == ("c1", "c2")
    assert finding.expected == 40 and finding.actual == 41
    assert "41 of 40" in finding.explanation


@pytest.mark.parametrize(("part", "whole"), [(26, 35), (35, 35)])
def test_part_whole_silent_when_part_fits(part, whole):
    claims = [make_claim("c1", part), make_claim("c2", whole)]
    rel = [relation("part_of_whole", ("c1", "c2"), ("part", "whole"))]
    assert run("part_whole", claims, rel) == []


def test_part_whole_respects_rounding_and_unseen_claims():
    # "4.3 million of 4.25 million": the intervals touch (4.25 million), so it may be true.
    claims = [make_claim("c1", 4.3e6, precision=0.1e6), make_claim("c2", 4.25e6, precision=0.01e6)]
    rel = [relation("part_of_whole", ("c1", "c2"), ("part", "whole"))]
    assert run("part_whole", claims, rel) == []
    broken = [make_claim("c1", 41), make_claim("c2", 40)]
    assert run("part_whole", broken[:1], rel) == []  # the whole is filtered out by the rule's where


def test_part_whole_ignores_other_relation_kinds():
    claims = [make_claim("c1", 41), make_claim("c2", 40)]
    assert run("part_whole", claims, [relation("repeated_figure", ("c1", "c2"), ("first", "second"))]) == []


# percent_of -------------------------------------------------------------------------------------

def _percent_of(part, whole, percent, **kw):
    claims = [make_claim("c1", part), make_claim("c2", whole), pct("c3", percent, **kw)]
    rel = [relation("percent_of", ("c1", "c2", "c3"), ("part", "whole", "percent"), cue="or")]
    return claims, rel


def test_percent_of_fires_with_arithmetic_in_words():
    (finding,) = run("percent_of", *_percent_of(211, 300, 64))
    assert finding.explanation == "211 of 300 is 70.3%; the text says 64%"
    assert finding.claims[0] == "c3"
    assert finding.expected == pytest.approx(70.333333, abs=1e-5) and finding.actual == 64


def test_percent_of_silent_within_rounding_edge():
    # 84 of 112 is exactly 75.0%; "75%" and the edge cases "74.5%".."75.5%" (precision 1) all hold.
    assert run("percent_of", *_percent_of(84, 112, 75)) == []
    # 1 of 8 is 12.5%; "13%" spans 12.5..13.5 and so just holds; "14%" does not.
    claims, rel = _percent_of(1, 8, 13)
    claims[0] = make_claim("c1", 1, precision=0)
    claims[1] = make_claim("c2", 8, precision=0)
    assert run("percent_of", claims, rel) == []
    claims[2] = pct("c3", 14)
    assert len(run("percent_of", claims, rel)) == 1


def test_percent_of_approx_and_tolerance():
    assert run("percent_of", *_percent_of(4500, 15000, 30, qualifier="approx")) == []
    assert len(run("percent_of", *_percent_of(4500, 15000, 40, qualifier="approx"))) == 1
    assert run("percent_of", *_percent_of(211, 300, 64), tolerance=7) == []


def test_percent_of_without_part_is_left_to_granularity():
    claims = [make_claim("c1", 9), pct("c2", 45)]
    rel = [relation("percent_of", ("c1", "c2"), ("whole", "percent"))]
    assert run("percent_of", claims, rel) == []


# sum_of_parts -----------------------------------------------------------------------------------

def _breakdown(parts, total=None, partial=False, unit="count", precision=1.0):
    claims = [make_claim(f"p{i}", v, unit, precision=precision) for i, v in enumerate(parts)]
    ids = tuple(c.id for c in claims)
    roles = ("part",) * len(parts)
    if total is not None:
        claims.append(make_claim("t", total, unit, precision=precision))
        ids, roles = (*ids, "t"), (*roles, "total")
    return claims, [relation("sum_of_parts", ids, roles, partial=partial)]


def test_sum_of_parts_fires_when_breakdown_misses_total():
    (finding,) = run("sum_of_parts", *_breakdown([30, 17, 7], 52, precision=0))
    assert finding.explanation == "30 + 17 + 7 = 54; the total given is 52"
    assert (finding.expected, finding.actual) == (52, 54)
    assert finding.claims[0] == "t"


def test_sum_of_parts_silent_when_it_adds_up():
    assert run("sum_of_parts", *_breakdown([30, 17, 7], 54)) == []
    assert run("sum_of_parts", *_breakdown([180, 32, 11], 223)) == []


def test_sum_of_parts_percentages_of_one_base_allow_rounding():
    assert run("sum_of_parts", *_breakdown([33, 33, 33], unit="percent")) == []
    assert run("sum_of_parts", *_breakdown([34, 34, 33], unit="percent")) == []   # 101, edge of rounding
    (finding,) = run("sum_of_parts", *_breakdown([55, 38, 12], unit="percent"))
    assert "55 + 38 + 12 = 105%" in finding.explanation and finding.expected == 100


def test_sum_of_parts_partial_list_may_fall_short_only():
    assert run("sum_of_parts", *_breakdown([12, 18], 40, partial=True)) == []
    (finding,) = run("sum_of_parts", *_breakdown([25, 18], 40, partial=True))
    assert "partial" in finding.explanation
    assert len(run("sum_of_parts", *_breakdown([12, 18], 40))) == 1


def test_sum_of_parts_tolerance():
    assert run("sum_of_parts", *_breakdown([30, 17, 7], 52, precision=0), tolerance=2) == []


# granularity ------------------------------------------------------------------------------------

def _grim(whole, percent, whole_q="eq", pct_q="eq", part=None, precision=1.0):
    claims = [make_claim("w", whole, qualifier=whole_q), pct("p", percent, qualifier=pct_q, precision=precision)]
    ids, roles = ("w", "p"), ("whole", "percent")
    if part is not None:
        claims.append(make_claim("k", part))
        ids, roles = ("k", *ids), ("part", *roles)
    return claims, [relation("percent_of", ids, roles)]


def test_granularity_fires_when_no_count_gives_the_percentage():
    (finding,) = run("granularity", *_grim(9, 45))
    assert "4 of 9 is 44.4%" in finding.explanation and "5 of 9 is 55.6%" in finding.explanation
    assert len(run("granularity", *_grim(7, 33))) == 1


def test_granularity_silent_when_some_count_fits():
    assert run("granularity", *_grim(9, 44)) == []
    assert run("granularity", *_grim(3, 33)) == []
    assert run("granularity", *_grim(8, 13)) == []   # 1 of 8 is 12.5%, the edge of "13%"


def test_granularity_only_for_exact_small_wholes_and_exact_percentages():
    assert run("granularity", *_grim(9, 45, pct_q="approx")) == []
    assert run("granularity", *_grim(9, 45, whole_q="approx")) == []
    assert run("granularity", *_grim(9, 45, part=4)) == []          # percent_of checks this one
    assert run("granularity", *_grim(201, 0.3, precision=0.1)) == []                # past max_whole
    assert len(run("granularity", *_grim(201, 0.3, precision=0.1), max_whole=500)) == 1


# fraction_of ------------------------------------------------------------------------------------

def _fraction(fraction, text, part, whole, **kw):
    claims = [make_claim("f", fraction, "fraction", precision=0, text=text, kind="fraction", **kw),
              make_claim("k", part), make_claim("w", whole)]
    return claims, [relation("fraction_of", ("f", "k", "w"), ("fraction", "part", "whole"))]


def test_fraction_of_fires_when_fraction_does_not_give_count():
    (finding,) = run("fraction_of", *_fraction(0.25, "a quarter", 25, 80))
    assert finding.explanation == "a quarter of 80 is 20; the text says 25"
    assert len(run("fraction_of", *_fraction(0.6667, "two-thirds", 30, 60))) == 1


def test_fraction_of_silent_when_it_holds_including_stored_thirds():
    assert run("fraction_of", *_fraction(0.25, "a quarter", 20, 80)) == []
    claims, rel = _fraction(0.6667, "two-thirds", 40, 60)
    claims[1] = make_claim("k", 40, precision=0)   # "forty" as a word: exact
    assert run("fraction_of", claims, rel) == []
    claims, rel = _fraction(0.3333, "a third", 30, 90)
    claims[1] = make_claim("k", 30, precision=0)
    claims[2] = make_claim("w", 90, precision=0)
    assert run("fraction_of", claims, rel) == []


def test_fraction_of_respects_qualifiers():
    assert run("fraction_of", *_fraction(0.5, "nearly half", 38, 80, low=0.45, high=0.5)) == []


# change -----------------------------------------------------------------------------------------

def _change(old, new, stated=None, unit="count", stated_unit="percent", direction="", factor=None,
            precision=1.0, stated_precision=1.0):
    claims = [make_claim("o", old, unit, precision=precision), make_claim("n", new, unit, precision=precision)]
    ids, roles = ("o", "n"), ("old", "new")
    if stated is not None:
        claims.append(make_claim("s", stated, stated_unit, precision=stated_precision))
        ids, roles = (*ids, "s"), (*roles, "change")
    return claims, [relation("change", ids, roles, direction=direction, factor=factor)]


def test_change_wrong_percentage():
    (finding,) = run("change", *_change(2.5e6, 2.9e6, 8, direction="up", precision=0.1e6))
    assert finding.explanation == "from 2.5 million to 2.9 million is +16.0%; the text says +8%"
    assert finding.expected == pytest.approx(16.0)
    assert run("change", *_change(2.5e6, 2.9e6, 16, direction="up", precision=0.1e6)) == []
    assert run("change", *_change(5e9, 6.5e9, 30, direction="up", precision=0.1e9)) == []


def test_change_direction_contradicting_values():
    (finding,) = run("change", *_change(81000, 87000, direction="down"))
    assert "is a rise" in finding.explanation
    assert run("change", *_change(87000, 81000, direction="down")) == []
    assert len(run("change", *_change(87000, 81000, direction="up"))) == 1


def test_change_direction_between_neighbouring_rounded_values():
    """4.6% and 4.7% only touch as intervals, but rounding never reverses order."""
    (finding,) = run("change", *_change(4.6, 4.7, unit="percent", direction="down", precision=0.1))
    assert "rise" in finding.message
    assert len(run("change", *_change(30, 29, unit="percent", direction="up"))) == 1
    assert run("change", *_change(4.6, 4.7, unit="percent", direction="up", precision=0.1)) == []
    # Printed to different digits (7% and 7.1%), the order is not known: silent.
    mixed = [make_claim("o", 7, "percent", precision=1.0), make_claim("n", 7.1, "percent", precision=0.1)]
    assert run("change", mixed, [relation("change", ("o", "n"), ("old", "new"), direction="down")]) == []
    # An approximate figure ("about 30%") keeps the interval test.
    loose = [make_claim("o", 30, "percent", qualifier="approx"), make_claim("n", 29, "percent")]
    assert run("change", loose, [relation("change", ("o", "n"), ("old", "new"), direction="up")]) == []


def test_change_multiplier():
    (finding,) = run("change", *_change(1200, 3100, direction="up", factor=3.0))
    assert "tripled" in finding.explanation and finding.expected == 3.0
    assert run("change", *_change(1200, 3400, direction="up", factor=3.0)) == []   # 2.83x is within 10%
    assert run("change", *_change(400, 200, direction="down", factor=0.5)) == []
    assert len(run("change", *_change(400, 300, direction="down", factor=0.5))) == 1


def test_change_percentage_points():
    ok = _change(5.4, 5.1, 0.3, unit="percent", stated_unit="percentage_point", direction="down",
                 precision=0.1, stated_precision=0.1)
    assert run("change", *ok) == []
    bad = _change(5.4, 5.1, 0.5, unit="percent", stated_unit="percentage_point", direction="down",
                  precision=0.1, stated_precision=0.1)
    (finding,) = run("change", *bad)
    assert "-0.3 percentage points" in finding.explanation


def test_change_points_and_percent_confusion():
    # "rose 40%" from 5% to 7% is the correct relative change; "rose 2 percentage points" too.
    assert run("change", *_change(5, 7, 40, unit="percent", direction="up")) == []
    assert run("change", *_change(5, 7, 2, unit="percent", stated_unit="percentage_point", direction="up")) == []
    # "rose 2%" holds only as points: flagged by default, silent when the desk accepts the loose use.
    loose = _change(5, 7, 2, unit="percent", direction="up")
    (finding,) = run("change", *loose)
    assert "only as percentage points" in finding.explanation
    assert run("change", *loose, points_as_percent=False) == []
    # "rose 40 percentage points" from 5% to 7% is the relative change written as points.
    (finding,) = run("change", *_change(5, 7, 40, unit="percent", stated_unit="percentage_point", direction="up"))
    assert "confused" in finding.explanation
    # "rose 10%" from 5% to 7% fits neither reading.
    (finding,) = run("change", *_change(5, 7, 10, unit="percent", direction="up"))
    assert "neither" in finding.explanation


def test_change_absolute_delta_and_missing_direction():
    assert run("change", *_change(2500, 2900, 400, stated_unit="count", direction="up")) == []
    assert len(run("change", *_change(2500, 2900, 300, stated_unit="count", direction="up"))) == 1
    assert run("change", *_change(2900, 2500, 13.8, precision=1, stated_precision=0.1)) == []  # a fall, no word


# repeated_figure --------------------------------------------------------------------------------

def _repeat(a, b, **kw):
    claims = [make_claim("c1", a, noun="member", **kw), make_claim("c2", b, noun="member", **kw)]
    return claims, [relation("repeated_figure", ("c1", "c2"), ("first", "second"))]


def test_repeated_figure_fires_when_statements_disagree():
    (finding,) = run("repeated_figure", *_repeat(18, 17, precision=0))
    assert finding.claims == ("c2", "c1")
    assert (finding.expected, finding.actual) == (18, 17)


def test_repeated_figure_scale_slip():
    claims = [make_claim("c1", 2.4e9, "USD", precision=0.1e9), make_claim("c2", 2.4e6, "USD", precision=0.1e6)]
    (finding,) = run("repeated_figure", claims, [relation("repeated_figure", ("c1", "c2"), ("first", "second"))])
    assert "factor of 1,000" in finding.explanation


def test_repeated_figure_silent_on_agreement_and_rounding():
    assert run("repeated_figure", *_repeat(26, 26)) == []
    assert run("repeated_figure", *_repeat(18, 17, qualifier="approx")) == []
    claims = [make_claim("c1", 4.3e6, precision=0.1e6), make_claim("c2", 4_312_000, precision=1)]
    assert run("repeated_figure", claims, [relation("repeated_figure", ("c1", "c2"), ("first", "second"))]) == []


def test_every_check_documents_fails_passes_and_params():
    for name in ("part_whole", "sum_of_parts", "percent_of", "granularity", "fraction_of", "change",
                 "repeated_figure"):
        module = __import__(f"numcheck.checks.{name}", fromlist=["CHECK"])
        doc = module.__doc__
        assert "Fails:" in doc and "Passes:" in doc and "Params:" in doc, name
        for param in module.CHECK.params:
            assert f"{param}:" in doc, (name, param)


def _doc_examples(doc: str, section: str) -> list[str]:
    lines = doc.split(f"{section}:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    return [line.strip() for line in lines if line.strip()]


_KINDS = ("part_whole", "sum_of_parts", "percent_of", "granularity", "fraction_of", "change", "repeated_figure")


@pytest.mark.parametrize("name", _KINDS)
def test_docstring_examples_behave_as_documented(name):
    """The user doc's Fails:/Passes: sentences, run through extract → relate → this check."""
    import numcheck
    from numcheck.document import read_document
    from numcheck.relate import relate

    doc = __import__(f"numcheck.checks.{name}", fromlist=["CHECK"]).__doc__
    for section, should_fire in (("Fails", True), ("Passes", False)):
        for sentence in _doc_examples(doc, section):
            claims = tuple(numcheck.extract(sentence))
            findings = run(name, claims, relate(read_document(sentence), claims))
            assert bool(findings) == should_fire, (section, sentence, findings)
