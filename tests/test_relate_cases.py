"""The linker's YAML cases (``numcheck/relate/cases/*.yaml``), run as rule examples are.

Each file holds ``link:`` cases (a text and the relations it must give: kind and the figure in each
role) and ``no_link:`` cases (a text and the kinds it must not give, or none at all). Every
``link:`` case also runs in three rewrites the harness makes itself, so a linker that learnt the
exact wording of a case fails: other figures (every count scaled, so the arithmetic and its
direction still hold), other nouns (each counted noun swapped for one the linker has never seen), and
an extra modifier before the relation's last figure ("a revised 35", "the revised 35"). A case
marked ``pending:`` needs the extraction rebuild (wire units, brackets): it runs, and is expected
to fail until that lands, with the reason in the report. Ids are ``<file>/<name>[/<rewrite>]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import numcheck
from numcheck.english import plural
from numcheck.model import Claim, Relation

CASES_DIR = Path(numcheck.__file__).parent / "relate" / "cases"
KINDS = {"part_of_whole", "sum_of_parts", "percent_of", "fraction_of", "change", "repeated_figure"}
#: Nouns no case uses and no word table names, for the noun rewrite.
FRESH_NOUNS = ("widget", "parcel", "tablet", "lantern", "kettle")
#: Numbers the figure rewrite leaves alone: years, and shares (a percentage scaled is another share).
_NUMBER = re.compile(r"(?<![\w.,\-–])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w.,]?\d)(?!\s*[-–]\s*\d)"
                     r"(?!\s*(?:%|per\s*cent|pct|percent))")
_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.I)


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append((f"{path.stem}/{case['name']}", case))
    return cases


CASES = _load()


_PERCENT = re.compile(r"(?<![\w.,])(\d+)(\.\d+)?(?=\s*(?:%|per\s*cent|pct|percent))")


def _scale_figures(text: str, percents: bool | None = None) -> str:
    """Every count multiplied by 3 (years, days of the month and percentages kept): "26 of 35" becomes
    "78 of 105". A text of percentages only has each one cut by a tenth instead ("4.7%" to "4.2%");
    ``percents`` forces that choice (a case's figure names follow their text's)."""
    scaled = _scale_counts(text)
    if percents is False or (percents is None and scaled != text):
        return scaled

    def cut(match: re.Match[str]) -> str:
        decimals = len(match.group(2) or "") - 1 if match.group(2) else 0
        return f"{float(match.group(0)) * 0.9:.{max(decimals, 0)}f}"
    return _PERCENT.sub(cut, text)


def _scale_counts(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        whole, fraction = match.group(1), match.group(2) or ""
        value = int(whole.replace(",", ""))
        if 1900 <= value <= 2099 and not fraction and "," not in whole:
            return match.group(0)
        if _MONTH_BEFORE.search(match.string[max(0, match.start() - 12) : match.start()]):
            return match.group(0)  # a day of the month
        scaled = value * 3
        printed = f"{scaled:,}" if "," in whole else str(scaled)
        return printed + fraction
    return _NUMBER.sub(swap, text)


def _swap_nouns(text: str, claims: tuple[Claim, ...]) -> str:
    """Each counted noun, singular and plural, swapped for a fresh one, whole words only."""
    nouns = sorted({c.noun for c in claims if c.noun and " " not in c.noun and c.noun.isalpha()},
                   key=len, reverse=True)
    for noun, fresh in zip(nouns, FRESH_NOUNS, strict=False):
        for old, new in ((plural(noun), plural(fresh)), (noun, fresh)):
            text = re.sub(rf"\b{re.escape(old)}\b", new, text)
            text = re.sub(rf"\b{re.escape(old.capitalize())}\b", new.capitalize(), text)
    return text


_ARTICLE_BEFORE = re.compile(r"\b(?:the|its|their|a|an)\s+(?:[a-z]+\s+)?$", re.I)


def _add_modifier(text: str, claims: tuple[Claim, ...], relation_claims: list[Claim]) -> str:
    """"a revised" before the relation's last figure ("revised" alone after an article)."""
    last = max(relation_claims, key=lambda c: c.start)
    head = text[: last.start]
    word = "revised " if _ARTICLE_BEFORE.search(head[-30:]) else "a revised "
    return head + word + text[last.start :]


def _figure(claims: tuple[Claim, ...], text: str, spec: str) -> Claim | None:
    """The claim a case names by where its surface text stands: the claim that starts where the
    text is printed ("35#2" is its second printing). The claim may cover less than the spec: "612,000
    tonnes" names the claim "612,000" when the rewrite made tonnes a counted noun."""
    surface, _, nth = spec.partition("#")
    starts = [m.start() for m in re.finditer(rf"(?<![\w.,]){re.escape(surface)}(?![\w]|[.,]\d)", text)]
    index = int(nth) - 1 if nth else 0
    if index >= len(starts):
        return None
    return next((c for c in claims if c.start == starts[index]), None)


def _matches(relation: Relation, kind: str, roles: dict[str, Claim | list[Claim]]) -> bool:
    if relation.kind != kind:
        return False
    got: dict[str, set[str]] = {}
    for claim_id, role in zip(relation.claims, relation.roles, strict=True):
        got.setdefault(role, set()).add(claim_id)
    want = {role: {c.id for c in (value if isinstance(value, list) else [value])} for role, value in roles.items()}
    if kind == "repeated_figure":
        return set().union(*got.values()) == set().union(*want.values())
    return got == want


def _expected(report: numcheck.Report, text: str, expect: dict[str, Any]) -> dict[str, Claim | list[Claim]]:
    roles: dict[str, Claim | list[Claim]] = {}
    for role, spec in expect["roles"].items():
        specs = spec if isinstance(spec, list) else [spec]
        found = [_figure(report.claims, text, str(s)) for s in specs]
        assert all(f is not None for f in found), f"case names a figure the text does not have: {spec!r}"
        roles[role] = found if isinstance(spec, list) else found[0]  # type: ignore[assignment]
    return roles


def _assert_links(checker: numcheck.Checker, text: str, expects: list[dict[str, Any]]) -> None:
    report = checker.check(text)
    for expect in expects:
        roles = _expected(report, text, expect)
        ok = any(_matches(r, expect["kind"], roles) for r in report.relations)
        shown = [(r.kind, dict(zip(r.roles, [next(c.text for c in report.claims if c.id == i) for i in r.claims],
                                    strict=True)), r.cue) for r in report.relations]
        assert ok, f"{expect['kind']} {expect['roles']} not linked in {text!r}; got {shown}"


def _rewrites(checker: numcheck.Checker, text: str,
              expects: list[dict[str, Any]]) -> dict[str, Callable[[], tuple[str, list[dict[str, Any]]]]]:
    report = checker.check(text)

    def figures_scaled() -> tuple[str, list[dict[str, Any]]]:
        percents = _scale_counts(text) == text
        return _scale_figures(text, percents), [{**e, "roles": _scale_roles(e["roles"], percents)} for e in expects]

    named = tuple(c for e in expects for spec in _flat(e["roles"]) if (c := _figure(report.claims, text, spec)))

    def nouns_swapped() -> tuple[str, list[dict[str, Any]]]:
        def swap(spec: Any) -> Any:
            return [swap(s) for s in spec] if isinstance(spec, list) else _swap_nouns(str(spec), named)
        return _swap_nouns(text, named), [
            {**e, "roles": {role: swap(spec) for role, spec in e["roles"].items()}} for e in expects]

    def modifier_added() -> tuple[str, list[dict[str, Any]]]:
        first = expects[0]
        claims = [c for spec in _flat(first["roles"]) if (c := _figure(report.claims, text, spec)) is not None]
        return _add_modifier(text, report.claims, claims), expects

    return {"figures": figures_scaled, "nouns": nouns_swapped, "modifier": modifier_added}


def _flat(roles: dict[str, Any]) -> list[str]:
    return [str(s) for spec in roles.values() for s in (spec if isinstance(spec, list) else [spec])]


def _scale_roles(roles: dict[str, Any], percents: bool) -> dict[str, Any]:
    def one(spec: Any) -> Any:
        return [one(s) for s in spec] if isinstance(spec, list) else _scale_spec(str(spec), percents)
    return {role: one(spec) for role, spec in roles.items()}


def _scale_spec(spec: str, percents: bool) -> str:
    surface, sep, nth = spec.partition("#")
    return _scale_figures(surface, percents) + sep + nth


@pytest.fixture(scope="module")
def checker() -> numcheck.Checker:
    return numcheck.Checker()


def _params() -> list[Any]:
    params = []
    for name, case in CASES:
        marks = [pytest.mark.xfail(reason=case["pending"], strict=False)] if case.get("pending") else []
        if "link" in case:
            params.append(pytest.param(case, None, id=name, marks=marks))
            for rewrite in ("figures", "nouns", "modifier"):
                if rewrite not in case.get("skip_rewrites", ()):
                    params.append(pytest.param(case, rewrite, id=f"{name}/{rewrite}", marks=marks))
        else:
            params.append(pytest.param(case, None, id=name, marks=marks))
    return params


def test_every_file_has_link_and_no_link_cases_per_phrasing() -> None:
    """At least 3 link and 2 no_link cases for every phrasing (``topic:``) a file covers."""
    counts: dict[tuple[str, str], list[int]] = {}
    for name, case in CASES:
        key = (name.split("/")[0], case["topic"])
        tally = counts.setdefault(key, [0, 0])
        tally[0 if "link" in case else 1] += 1
    assert counts, "no linker cases found"
    thin = {key: tally for key, tally in counts.items() if tally[0] < 3 or tally[1] < 2}
    assert not thin, f"topics with fewer than 3 link or 2 no_link cases: {thin}"
    for name, case in CASES:
        assert ("link" in case) != ("no_link" in case), name
        for expect in case.get("expect", []):
            assert expect["kind"] in KINDS, name


@pytest.mark.parametrize(("case", "rewrite"), _params())
def test_linker_case(checker: numcheck.Checker, case: dict[str, Any], rewrite: str | None) -> None:
    if "link" in case:
        text, expects = case["link"], case["expect"]
        if rewrite is not None:
            text, expects = _rewrites(checker, text, expects)[rewrite]()
            assert text != case["link"] or rewrite == "nouns", f"the {rewrite} rewrite changed nothing"
        _assert_links(checker, text, expects)
        return
    text = case["no_link"]
    kinds = set(case.get("kinds", KINDS))
    report = checker.check(text)
    linked = [(r.kind, [next(c.text for c in report.claims if c.id == i) for i in r.claims], r.cue)
              for r in report.relations if r.kind in kinds]
    assert not linked, f"expected no {sorted(kinds)} link in {text!r}; got {linked}"
    for rule in case.get("no_finding", []):
        assert not [f for f in report.findings if f.rule == rule], f"{rule} fired on {text!r}"
