"""A figure outside what is physically or institutionally possible: "210 countries signed".

Why it matters: some numbers have hard limits that a reader knows and a typo breaks. There are
193 UN member states, nobody verified has lived past 122, and no share of a whole exceeds 100%.
A figure past such a limit is a slip of the keyboard (an extra digit, a wrong unit) or a
misreading of the source, and it is the first thing a sceptical reader quotes back.

The rule's ``where`` says which claims are meant (the noun "country", the unit "degree Celsius",
context words such as "turnout"). The check fires only when the figure's whole honest interval lies
outside ``[min, max]``: "about 200 countries" spans 190 to 210 and does not fire against 195, while
"210 countries" (209.5 to 210.5) does. "More than 150%" is read as at least 150 and fires against 100.

Fails:
    The treaty was signed by 210 countries.
    Turnout reached 104% in the capital.

Passes:
    The treaty was signed by 190 countries.
    Turnout reached 64% in the capital.

Params:
    min: the smallest plausible value (optional).
    max: the largest plausible value (optional). At least one of the two must be given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from numcheck.checks.finding import make_finding
from numcheck.checks.kind import CheckKind, Problems, number
from numcheck.figures import as_written, format_number
from numcheck.intervals import Interval, of_claim
from numcheck.model import Claim, Finding, Relation

if TYPE_CHECKING:
    from numcheck.rule import Rule

def _side(rule: Rule, claim: Claim) -> str | None:
    """"above" or "below" when the claim's whole interval lies outside ``[min, max]``, else None.

    The test is the one `Interval` every check uses (`numcheck.intervals`): a figure is above
    ``max`` exactly when an ``expression`` rule ``figure <= max`` is false for it."""
    low_limit, high_limit = rule.params.get("min"), rule.params.get("max")
    interval = of_claim(claim)
    if high_limit is not None and interval.is_above(Interval.point(high_limit)):
        return "above"
    if low_limit is not None and interval.is_below(Interval.point(low_limit)):
        return "below"
    return None


def is_outside(rule: Rule, claim: Claim) -> bool:
    """True when the claim's whole interval lies outside ``[min, max]``: only these can fire."""
    return _side(rule, claim) is not None


def check(rule: Rule, claims: Sequence[Claim], relations: Sequence[Relation]) -> list[Finding]:
    """One finding per claim whose whole interval lies above ``max`` or below ``min``."""
    findings = []
    for claim in claims:
        side = _side(rule, claim)
        if side is None:
            continue
        limit, words = (rule.params["max"], "at most") if side == "above" else (rule.params["min"], "at least")
        explanation = f"the text says {as_written(claim)}; {words} {format_number(float(limit), 4)} is plausible"
        findings.append(make_finding(rule, [claim], explanation=explanation, expected=limit, actual=claim.value))
    return findings


def compile_params(params: Mapping[str, Any]) -> tuple[dict[str, Any], Problems]:
    """What the schema cannot say about ``min``/``max``: at least one given, and ``min <= max``."""
    problems: Problems = []
    low, high = params.get("min"), params.get("max")
    if low is None and high is None:
        problems.append(((), "a range rule needs 'min', 'max' or both"))
    elif low is not None and high is not None and low > high:
        problems.append((("min",), f"'min' ({low}) is larger than 'max' ({high})"))
    return dict(params), problems


CHECK = CheckKind(
    name="range", run=check, params={"min": None, "max": None}, candidate=is_outside, compile=compile_params,
    schema={"min": {**number("The smallest plausible value."), "errorMessage": {"type": "'min' must be a number"}},
            "max": {**number("The largest plausible value."), "errorMessage": {"type": "'max' must be a number"}}},
)
