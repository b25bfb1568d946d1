"""Parts and wholes spread across a clause or a sentence break (``numcheck.relate.part_whole``,
``numcheck.relate.sum_of_parts``).

Each shape runs end to end (extract, relate, the default rules) three ways: the consistent text
links and stays quiet, the same text with one figure broken raises the check's alarm, and a trap
that looks alike but must not link stays unlinked.
"""

from __future__ import annotations

import pytest

import numcheck
from numcheck.model import Report

ALARM = ("warning", "error")


def links(report: Report, kind: str) -> list[tuple[tuple[str, str], ...]]:
    """The relations of ``kind`` as ((surface, role), ...), in role order."""
    text = {c.id: c.text for c in report.claims}
    return [tuple(zip((text[i] for i in r.claims), r.roles, strict=True)) for r in report.relations if r.kind == kind]


def alarms(report: Report) -> list[str]:
    return [f.check for f in report.findings if f.severity in ALARM]


# (consistent text, kind, expected relation, broken text, the check that must fire)
SHAPES = {
    "of-which": (
        "The council will spend £40m on roads this year, of which £12m will go on repairs.",
        "part_of_whole", (("£12m", "part"), ("£40m", "whole")),
        "The council will spend £40m on roads this year, of which £52m will go on repairs.", "part_whole",
    ),
    "of-this": (
        "The appeal raised £90,000 by Friday. Only £15,000 of this came from local firms.",
        "part_of_whole", (("£15,000", "part"), ("£90,000", "whole")),
        "The appeal raised £90,000 by Friday. Only £150,000 of this came from local firms.", "part_whole",
    ),
    "of-this-opening": (
        "The council has £40m to spend. Of that, about £12m will go on roads.",
        "part_of_whole", (("£12m", "part"), ("£40m", "whole")),
        "The council has £40m to spend. Of that, about £62m will go on roads.", "part_whole",
    ),
    "which-is-a-percentage": (
        "The firm will cut 900 jobs, which is 6% of its 15,000 staff.",
        "percent_of", (("900", "part"), ("15,000", "whole"), ("6%", "percent")),
        "The firm will cut 900 jobs, which is 16% of its 15,000 staff.", "percent_of",
    ),
    "which-is-a-fraction": (
        "The club sold 12,000 tickets, which is about a third of the 36,000 seats.",
        "fraction_of", (("a third", "fraction"), ("12,000", "part"), ("36,000", "whole")),
        "The club sold 18,000 tickets, which is about a third of the 36,000 seats.", "fraction_of",
    ),
    "of-the-mid-clause": (
        "Critics say that of the £600m promised in 2001 for new pitches, only £35m has been spent.",
        "part_of_whole", (("£35m", "part"), ("£600m", "whole")),
        "Critics say that of the £600m promised in 2001 for new pitches, only £635m has been spent.", "part_whole",
    ),
    "another-across-sentences": (
        "The bank expects to cut about 3,000 jobs. It said 1,200 posts would go in its branches. Another 900 "
        "will go from call centres and 600 from head office.",
        "sum_of_parts", (("1,200", "part"), ("900", "part"), ("600", "part"), ("3,000", "total")),
        "The bank expects to cut about 1,500 jobs. It said 1,200 posts would go in its branches. Another 900 "
        "will go from call centres and 600 from head office.", "sum_of_parts",
    ),
    "another-cut": (
        "The bank will cut 3,000 jobs over two years. It will cut 1,200 jobs in branches, another 900 in call "
        "centres and 600 at head office.",
        "sum_of_parts", (("1,200", "part"), ("900", "part"), ("600", "part"), ("3,000", "total")),
        "The bank will cut 2,000 jobs over two years. It will cut 1,200 jobs in branches, another 900 in call "
        "centres and 600 at head office.", "sum_of_parts",
    ),
    "another-adds-to-a-plan": (
        "The chain plans to open 400 stores. It will open 250 stores in the UK and another 150 abroad.",
        "sum_of_parts", (("250", "part"), ("150", "part"), ("400", "total")),
        "The chain plans to open 300 stores. It will open 250 stores in the UK and another 150 abroad.",
        "sum_of_parts",
    ),
    "a-further-elliptic": (
        "The carmaker will shed 2,000 jobs. About 1,200 will go in Britain, with a further 800 in Spain.",
        "sum_of_parts", (("1,200", "part"), ("800", "part"), ("2,000", "total")),
        "The carmaker will shed 1,000 jobs. About 1,200 will go in Britain, with a further 800 in Spain.",
        "sum_of_parts",
    ),
    "another-same-verb": (
        "The airline has offered to repay $300m to its lenders. It hopes to pay $120m now and another $180m "
        "over five years.",
        "sum_of_parts", (("$120m", "part"), ("$180m", "part"), ("$300m", "total")),
        "The airline has offered to repay $150m to its lenders. It hopes to pay $120m now and another $180m "
        "over five years.", "sum_of_parts",
    ),
    "n-more": (
        "The carrier will buy up to 40 planes. It has placed a firm order for 25 of the aircraft, with an "
        "option on 15 more.",
        "sum_of_parts", (("25", "part"), ("15", "part"), ("40", "total")),
        "The carrier will buy up to 20 planes. It has placed a firm order for 25 of the aircraft, with an "
        "option on 15 more.", "sum_of_parts",
    ),
    "this-is-a-fraction": (
        "The Greens received more than £4m in donations. This is nearly half of the £9,200,000 given to "
        "all parties.",
        "fraction_of", (("half", "fraction"), ("£4m", "part"), ("£9,200,000", "whole")),
        "The Greens received more than £4m in donations. This is nearly half of the £5,200,000 given to "
        "all parties.", "fraction_of",
    ),
    "this-is-a-percentage": (
        "The pension scheme has 1,200 members. This is 15% of the 8,000 staff it could enrol.",
        "percent_of", (("1,200", "part"), ("8,000", "whole"), ("15%", "percent")),
        "The pension scheme has 1,200 members. This is 40% of the 8,000 staff it could enrol.", "percent_of",
    ),
    "fraction-of-a-named-whole": (
        "Exports rose to 8.2 trillion yen, with more than half the exports, 4.6 trillion yen, going to China.",
        "fraction_of", (("half", "fraction"), ("4.6 trillion yen", "part"), ("8.2 trillion yen", "whole")),
        "Exports rose to 8.2 trillion yen, with more than half the exports, 9.1 trillion yen, going to China.",
        "fraction_of",
    ),
    "of-the-base-shares": (
        "Of the firm's customers, 45% live in Spain, 30% in Portugal and 15% in France.",
        "sum_of_parts", (("45%", "part"), ("30%", "part"), ("15%", "part")),
        "Of the firm's customers, 65% live in Spain, 30% in Portugal and 15% in France.", "sum_of_parts",
    ),
    "vote-split": (
        "The Greens lead Labour by 41% to 36%, with the Liberals on 15%.",
        "sum_of_parts", (("41%", "part"), ("36%", "part"), ("15%", "part")),
        "The Greens lead Labour by 41% to 36%, with the Liberals on 35%.", "sum_of_parts",
    ),
    "trade-deficit": (
        "The trade deficit was £3.2bn in March. The country exported £20.1bn of goods and services, while it "
        "imported £23.3bn.",
        "sum_of_parts", (("£20.1bn", "part"), ("£3.2bn", "part"), ("£23.3bn", "total")),
        "The trade deficit was £3.2bn in March. The country exported £20.1bn of goods and services, while it "
        "imported £33.3bn.", "sum_of_parts",
    ),
    "trade-surplus": (
        "Its trade surplus was 1.1 trillion yen in May. Exports reached 5.2 trillion yen and imports 4.1 "
        "trillion yen.",
        "sum_of_parts", (("4.1 trillion yen", "part"), ("1.1 trillion yen", "part"), ("5.2 trillion yen", "total")),
        "Its trade surplus was 2.1 trillion yen in May. Exports reached 5.2 trillion yen and imports 4.1 "
        "trillion yen.", "sum_of_parts",
    ),
    "deal-financed-with": (
        "Acme agreed a $9bn (£4.8bn) takeover of Zenith on Monday. The deal will be paid for with $7bn in cash "
        "and $2bn of new shares.",
        "sum_of_parts", (("$7bn", "part"), ("$2bn", "part"), ("$9bn", "total")),
        "Acme agreed a $4bn (£2.1bn) takeover of Zenith on Monday. The deal will be paid for with $7bn in cash "
        "and $2bn of new shares.", "sum_of_parts",
    ),
}


@pytest.mark.parametrize("name", SHAPES)
def test_shape_links_and_stays_quiet(name: str) -> None:
    text, kind, expected, _, _ = SHAPES[name]
    report = numcheck.check(text)
    assert expected in links(report, kind)
    assert alarms(report) == []


@pytest.mark.parametrize("name", SHAPES)
def test_broken_figure_fires(name: str) -> None:
    _, _, _, broken, check = SHAPES[name]
    assert check in alarms(numcheck.check(broken))


def test_partial_shares_may_fall_short() -> None:
    report = numcheck.check("Of the firm's customers, 45% live in Spain, 20% in Portugal and 5% in France.")
    assert [r.partial for r in report.relations if r.kind == "sum_of_parts"] == [True]
    assert alarms(report) == []


# Texts that look like the shapes above but must not link them (kind that must not appear).
TRAPS = {
    # "of which" after a list may cover every item, not only the last
    "of-which-after-a-list": ("It sold 500 cars and 300 vans, of which 400 were electric.", "part_of_whole"),
    # "of this" with two candidates in the sentence before: which one is "this"?
    "of-this-two-antecedents": ("The appeal raised £90,000, up from £70,000. Only £80,000 of this came from firms.",
                                "part_of_whole"),
    # "this year's" is a time, not a back-reference
    "of-this-year": ("The fund holds £20m. About £30m of this year's budget is unspent.", "part_of_whole"),
    # a continuation of another thing: units sold, then more models
    "another-of-something-else": ("The firm has three hybrids on sale. It has sold 4,000 of its first hybrid and "
                                  "plans three more models.", "sum_of_parts"),
    # the whole and the parts are in different places
    "another-elsewhere": ("The firm will shed 500 jobs in Spain. About 300 posts will go in France and another 400 "
                          "in Italy.", "sum_of_parts"),
    # the whole does something else: profit is not what is invested
    "another-unrelated-whole": ("The group made a profit of $150m last year. It plans to invest $100m in stores and "
                                "another $80m in software.", "sum_of_parts"),
    # shares of one poll, not parts of the share before them
    "another-poll-share": ("The poll found 25% did not know how they would vote. Only 51% had decided. Another "
                           "7% said they would not vote.", "sum_of_parts"),
    # rivals ranked one after another: "another" is another company's figure, not a part
    "another-rival": ("Toyota sold 2,000 cars. Honda sold 1,500 cars, and Nissan sold another 1,000.", "sum_of_parts"),
    # new stores added to a stock are not parts of it
    "another-adds-to-a-stock": ("The chain has 300 stores. It plans to open 200 stores in the UK and another 150 "
                                "abroad.", "sum_of_parts"),
    # two candidate parts before "more": unclear what continues what
    "more-two-candidates": ("The airline ordered 70 jets. It also has options on a further 70 aircraft, bringing its "
                            "order book to 225 firm orders and options on 193 more.", "sum_of_parts"),
    # a change, not a vote split
    "by-to-is-a-change": ("Support for the plan fell by 5% to 34%, with the rest on 66%.", "sum_of_parts"),
    # answers to separate questions repeat their verb and may add up to more than 100%
    "shares-of-separate-answers": ("Of those surveyed, 60% use email, 45% use text messages and 30% use fax.",
                                   "sum_of_parts"),
    # a share list with an old value in it
    "shares-with-a-comparison": ("Of its sales, 70% came from Europe, up from 65%, and 20% from Asia.", "sum_of_parts"),
    # "which" after a list refers to the whole clause, not to its last figure
    "which-after-a-list": ("The firm cut 900 jobs and closed 12 plants, which is 6% of its 15,000 staff.",
                           "percent_of"),
    # "This is" needs one antecedent of the whole's unit
    "this-is-two-antecedents": ("The Greens received £4m, and Labour £5m. This is nearly half of the £9m given.",
                                "fraction_of"),
    # the named whole must be what the earlier figure measures
    "fraction-of-another-noun": ("Exports rose to 8.2 trillion yen, with more than half the imports, 9.1 trillion "
                                 "yen, coming from China.", "fraction_of"),
    # a long stretch after the comma: the figure is not the part the clause opened
    "of-the-far-part": ("Critics say that of the £600m promised, the minister told a committee of MPs last "
                        "week that £700m would come later.", "part_of_whole"),
    # a balance narrowed to goods is not the balance of all exports and imports
    "trade-balance-of-goods-only": ("The deficit for goods alone was £4.6bn. Overall exports rose to £24.8bn, while "
                                    "total imports reached £27.9bn.", "sum_of_parts"),
    # two balances in the sentence before: which one do the exports and imports give?
    "trade-two-balances": ("The deficit was £3.1bn and the surplus on services £1.5bn. The country exported £24.8bn "
                           "and imported £29.9bn.", "sum_of_parts"),
    # two export figures: which exports is the deficit the difference of?
    "trade-two-exports": ("The deficit was £3.2bn. The UK exported £16.9bn of goods and £8bn of services, and "
                          "imported £21.5bn.", "sum_of_parts"),
    # two different deal values stated earlier: which one is "the deal"?
    "deal-two-values": ("Acme made a $9bn bid in May and a $10bn bid in June. The deal will be financed with $7bn "
                        "in cash and $4bn of shares.", "sum_of_parts"),
}


@pytest.mark.parametrize("name", TRAPS)
def test_trap_does_not_link(name: str) -> None:
    text, kind = TRAPS[name]
    report = numcheck.check(text)
    # a percentage and its whole alone ("6% of its 15,000 staff") are the granularity check's, not a link
    assert [r for r in links(report, kind) if any(role == "part" for _, role in r)] == []
    assert alarms(report) == []
