"""A part larger than its whole: "41 of the 40 nations".

Why it matters: when the text says some of a group did something, the count of those who did cannot
exceed the group. A part above its whole is almost always a typo in one of the two figures, or two
figures that were updated separately.

The check reads ``part_of_whole`` relations ("26 of 35 countries", "84 of the 112 drones", or a
later "41 of the nations" after "a bloc of 40 nations") and fires only when every value the part's
interval allows is above every value the whole's allows, so "about 40 of some 39 members" is
silent: rounding and qualifiers could make it true. A part stated as an upper bound ("up to 120 of
the 112 drones") fires when the bound itself is above the whole's largest value.

Fails:
    A bloc of 40 nations met in Brussels; 41 of the nations signed the pledge.
    Of the 112 drones launched overnight, air defences shot down 120.
    Up to 120 of the 112 drones were shot down overnight.

Passes:
    A bloc of 40 nations met in Brussels; 26 of the nations signed the pledge.
    All 35 of the 35 countries voted in favour.

Params:
    tolerance: how far (in the claims' unit) the part may exceed the whole beyond rounding before the
        check fires. Default 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from numcheck.checks._linked import linked, param
from numcheck.checks.finding import make_finding
from numcheck.checks.kind import TOLERANCE, CheckKind
from numcheck.figures import amount, format_number
from numcheck.intervals import of_claim

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Relation
    from numcheck.ruleset import Rule


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    tolerance = float(param(rule, CHECK, "tolerance"))
    findings = []
    for _, roles in linked(relations, claims, "part_of_whole"):
        if not roles.get("part") or not roles.get("whole"):
            continue
        part, whole = roles["part"][0], roles["whole"][0]
        if not (of_claim(part).is_above(of_claim(whole).widen(tolerance)) or _bound_above(part, whole, tolerance)):
            continue
        explanation = (
            f"the part ({format_number(part.value)}) is larger than the whole "
            f"({amount(whole.value, whole.noun)}): {format_number(part.value)} of {format_number(whole.value)}"
            " cannot be"
        )
        findings.append(make_finding(rule, [part, whole], explanation=explanation, expected=whole.value,
                                     actual=part.value))
    return findings


def _bound_above(part: Claim, whole: Claim, tolerance: float) -> bool:
    """"Up to 120 of the 112 drones": a part stated as an upper bound ("up to", "no more than", "at
    most") says the part can reach its figure. Its interval has no floor, so the overlap test above
    never fires; but a bound the whole cannot reach is wrong however the whole was rounded, since
    the writer put the figure beside the whole. So the bound itself must not pass the whole's top."""
    return part.qualifier == "le" and part.value > of_claim(whole).widen(tolerance).high


CHECK = CheckKind(name="part_whole", relation="part_of_whole", params={"tolerance": 0.0},
                  schema={"tolerance": TOLERANCE}, run=check)
