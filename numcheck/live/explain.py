"""What a figure means, in words, for the language server's hover.

An editor hovering "84" wants to know what numcheck understood (84 drones, exactly, standing for
83.5 to 84.5 once rounding is allowed for) and what it compared it with ("84 of 112 is 75.0%; the
text gives 80%"). The relations carry roles, not results, so the arithmetic is recomputed here from
the claims' values, the way the checks compute it; the findings' own explanations follow, as the
checks wrote them, so the hover never disagrees with the diagnostic beside it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import partial

from numcheck.figures import format_number
from numcheck.model import Claim, Relation, Report

__all__ = ["describe_claim", "relation_arithmetic"]

#: Qualifiers in words, as a reader would say them.
QUALIFIER_WORDS = {"eq": "as stated", "approx": "approximately", "gt": "more than", "ge": "at least",
                   "lt": "less than", "le": "at most", "vague": "vague"}


#: A value as news writes it ("84", "79.8", "1.1 billion"), to the places the reports print.
fmt_value = partial(format_number, digits=4)


def _interval(claim: Claim) -> str:
    low = "−∞" if math.isinf(claim.low) else fmt_value(claim.low)
    high = "∞" if math.isinf(claim.high) else fmt_value(claim.high)
    return f"{low} to {high}"


def _pct(value: float) -> str:
    return f"{value:.1f}%"


def relation_arithmetic(relation: Relation, claims: Mapping[str, Claim]) -> str:
    """The relation's sum in words ("84 of 112 is 75.0%"), from the claims in their roles."""
    by_role: dict[str, list[Claim]] = {}
    for claim_id, role in zip(relation.claims, relation.roles, strict=False):
        if claim_id in claims:
            by_role.setdefault(role, []).append(claims[claim_id])
    one = {role: found[0] for role, found in by_role.items()}
    texts = " · ".join(f"{role} {claims[c].text!r}" for c, role in zip(relation.claims, relation.roles, strict=False)
                       if c in claims)
    if "old" in one and "new" in one:
        old, new = one["old"].value, one["new"].value
        words = f"from {fmt_value(old)} to {fmt_value(new)} is {new - old:+,.6g}"
        if old:
            words += f" ({(new - old) / old * 100:+.1f}%, ×{new / old:.3g})"
        if "change" in one:
            words += f"; the text gives {one['change'].text}"
        return words
    if "whole" in one and ("part" in one or "fraction" in one):
        whole = one["whole"].value
        if "fraction" in one:
            fraction = one["fraction"]
            share = fraction.value / 100 if fraction.unit == "percent" else fraction.value
            words = f"{fraction.text} of {fmt_value(whole)} is {fmt_value(share * whole)}"
            if "part" in one:
                words += f"; the text gives {one['part'].text}"
            return words
        part = one["part"].value
        if not whole:
            return texts
        words = f"{fmt_value(part)} of {fmt_value(whole)} is {_pct(part / whole * 100)}"
        if "percent" in one:
            words += f"; the text gives {one['percent'].text}"
        return words
    if "total" in by_role:
        parts = [c for role, found in by_role.items() if role != "total" for c in found]
        if parts:
            total = sum(c.value for c in parts)
            partial = " (a partial list)" if relation.partial else ""
            return (f"{' + '.join(fmt_value(c.value) for c in parts)} = {fmt_value(total)}; "
                    f"the text gives a total of {one['total'].text}{partial}")
    if relation.kind == "repeated_figure":
        return "the same thing counted twice: " + " and ".join(repr(c.text) for found in by_role.values()
                                                                 for c in found)
    return texts


def describe_claim(claim: Claim, report: Report) -> str:
    """Markdown for a hover: the claim, the relations it is in with their arithmetic, its findings."""
    claims = {c.id: c for c in report.claims}
    noun = f" {claim.noun}" if claim.noun else ""
    lines = [f"**{claim.text}** — {fmt_value(claim.value)} {claim.unit}{noun}", "",
             f"- value: {fmt_value(claim.value)}",
             f"- unit: {claim.unit}",
             f"- counted noun: {claim.noun or '—'}" + (f" ({claim.noun_source})" if claim.noun_source else ""),
             f"- qualifier: {QUALIFIER_WORDS.get(claim.qualifier, claim.qualifier)} ({claim.qualifier})",
             f"- stands for: {_interval(claim)}"]
    relations = [r for r in report.relations if claim.id in r.claims]
    if relations:
        lines += ["", "**Relations**"]
        for relation in relations:
            role = relation.roles[relation.claims.index(claim.id)]
            cue = f", cue “{relation.cue}”" if relation.cue else ""
            lines.append(f"- {relation.kind.replace('_', ' ')} (as {role}{cue}): "
                         f"{relation_arithmetic(relation, claims)}")
    findings = [f for f in report.findings if claim.id in f.claims]
    if findings:
        lines += ["", "**Findings**"]
        lines += [f"- {f.severity} `{f.rule}`: {f.explanation or f.message}" for f in findings]
    return "\n".join(lines)
