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
from numcheck.english import UNITS, plural, singular
from numcheck.model import Claim, Relation
from numcheck.relate.clause import synonyms

CASES_DIR = Path(numcheck.__file__).parent / "relate" / "cases"
KINDS = {"part_of_whole", "sum_of_parts", "percent_of", "fraction_of", "change", "repeated_figure"}
#: Nouns no case uses and no word table names, for the noun rewrite.
FRESH_NOUNS = ("widget", "parcel", "tablet", "lantern", "kettle")
#: What sums and shares measure in the cases, for the noun rewrite when a figure counts nothing.
MEASURE_NOUNS = frozenset(
    "sale export import output profit revenue turnover debt deficit generation unemployment inflation "
    "earning dividend price shipment loading rider share index fund bill aid adult voter repair coffee road "
    "school poll labour conservative tory democrat income driver".split())
#: Numbers the figure rewrite leaves alone: years, and shares (a percentage scaled is another share).
_NUMBER = re.compile(r"(?<![\w.,\-–])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w.,]?\d)(?!\s*[-–]\s*\d)"
                     r"(?!\s*(?:%|per\s*cent|pct|percent))")
#: Number words the figure rewrite scales when a text has no digits to scale ("Nine Britons").


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append((f"{path.stem}/{case['name']}", case))
    return cases


CASES = _load()


_PERCENT = re.compile(r"(?<![\w.,])(\d+)(\.\d+)?(?=\s*(?:%|per\s*cent|pct|percent))")
#: Number words the figure rewrite scales ("Nine Britons"), never inside "one in four" or "two-thirds".
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(w for w in UNITS if UNITS[w] > 1) + r")\b(?![-–])"
                          r"(?!\s+in\s+(?:\d|[a-z]+\b))", re.I)
_DIGITS_IN = re.compile(r"\s+in\s+\d")
#: The denominator of "1 in 5": kept with its numerator, as the docstring of `_figure_edits` says.
_IN_AFTER_DIGITS = re.compile(r"\d\s+in\s+$")
_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.I)

Edit = tuple[int, int, str]


def _apply(text: str, edits: list[Edit]) -> tuple[str, Callable[[int], int]]:
    """The text with non-overlapping ``edits`` (start, end, replacement) made, and where each old
    offset (a claim's start) now stands."""
    edits = sorted(edits)
    pieces, shifts, position, shift = [], [], 0, 0
    for start, end, replacement in edits:
        pieces += [text[position:start], replacement]
        shift += len(replacement) - (end - start)
        shifts.append((end, start, shift))
        position = end
    pieces.append(text[position:])

    def moved(offset: int) -> int:
        delta = 0
        for end, start, total in shifts:
            if offset >= end or (offset == start and end == start):
                delta = total
        return offset + delta
    return "".join(pieces), moved


def _figure_edits(text: str) -> list[Edit]:
    """Every count multiplied by 3, digits and number words (years, days of the month, "one in four",
    "1 in 5" and percentages kept): "26 of 35" becomes "78 of 105". A text with no count has each
    percentage cut by a tenth instead ("4.7%" becomes "4.2%")."""
    edits: list[Edit] = []
    for match in _NUMBER.finditer(text):
        whole, fraction = match.group(1), match.group(2) or ""
        value = int(whole.replace(",", ""))
        if (1900 <= value <= 2099 and not fraction and "," not in whole) or _DIGITS_IN.match(text, match.end()) \
                or _IN_AFTER_DIGITS.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        if _MONTH_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
            continue  # a day of the month
        printed = f"{3 * value:,}" if "," in whole else str(3 * value)
        edits.append((match.start(), match.end(), printed + fraction))
    edits += [(m.start(), m.end(), str(3 * UNITS[m.group(0).lower()])) for m in _NUMBER_WORD.finditer(text)]
    if edits:
        return edits
    for match in _PERCENT.finditer(text):
        decimals = len(match.group(2)) - 1 if match.group(2) else 0
        edits.append((match.start(), match.end(), f"{float(match.group(0)) * 0.9:.{decimals}f}"))
    return edits


def _noun_edits(text: str, claims: tuple[Claim, ...]) -> list[Edit]:
    """Each counted noun of the relation's figures, singular and plural, swapped for a fresh one,
    whole words only. Nouns that name one set ("nation" and "country") get one fresh noun, so the
    rewrite keeps what the case is about and changes only the words."""
    nouns = {c.noun for c in claims if c.noun and all(part.isalpha() for part in c.noun.split())}
    if not nouns:  # sums and shares count nothing: swap the words that say what they measure
        nouns = {singular(w.lower()) for w in re.findall(r"[A-Za-z]+", text)} & MEASURE_NOUNS
    fresh_for: dict[str, str] = {}
    for noun in sorted(nouns):
        key = min(synonyms(noun) & nouns) if synonyms(noun) & nouns else noun
        fresh_for.setdefault(key, FRESH_NOUNS[len(fresh_for) % len(FRESH_NOUNS)])
        fresh_for[noun] = fresh_for[key]
    edits: list[Edit] = []
    taken: set[int] = set()
    for noun in sorted(nouns, key=len, reverse=True):
        fresh = fresh_for[noun]
        for old, new in ((plural(noun), plural(fresh)), (noun, fresh)):
            for match in re.finditer(rf"\b{re.escape(old)}\b", text, re.I):
                if taken.isdisjoint(range(match.start(), match.end())):
                    taken.update(range(match.start(), match.end()))
                    word = new.capitalize() if match.group(0)[0].isupper() else new
                    edits.append((match.start(), match.end(), word))
    return edits


_ARTICLE_BEFORE = re.compile(r"\b(?:the|its|their|a|an)\s+(?:[a-z]+\s+)?$", re.I)


def _modifier_edits(text: str, claims: list[Claim]) -> list[Edit]:
    """"a revised" before the relation's last figure ("revised" alone after an article)."""
    last = max(claims, key=lambda c: c.start)
    word = "revised " if _ARTICLE_BEFORE.search(text[max(0, last.start - 30) : last.start]) else "a revised "
    return [(last.start, last.start, word)]


def _figure(claims: tuple[Claim, ...], text: str, spec: str) -> Claim | None:
    """The claim a case names by where its surface text stands: the claim that starts where the
    text is printed ("35#2" is its second printing)."""
    surface, _, nth = spec.partition("#")
    starts = [m.start() for m in re.finditer(rf"(?<![\w.,]){re.escape(surface)}(?![\w]|[.,]\d)", text)]
    index = int(nth) - 1 if nth else 0
    if index >= len(starts):
        return None
    return next((c for c in claims if c.start == starts[index]), None)


def _matches(relation: Relation, kind: str, want: dict[str, set[int]], starts: dict[str, int]) -> bool:
    """The relation has exactly the wanted figures (by where they start) in the wanted roles."""
    if relation.kind != kind:
        return False
    got: dict[str, set[int]] = {}
    for claim_id, role in zip(relation.claims, relation.roles, strict=True):
        got.setdefault(role, set()).add(starts[claim_id])
    if kind == "repeated_figure":
        return set().union(*got.values()) == set().union(*want.values())
    return got == want


def _resolve(report: numcheck.Report, text: str, expect: dict[str, Any]) -> dict[str, list[Claim]]:
    roles: dict[str, list[Claim]] = {}
    for role, spec in expect["roles"].items():
        found = [_figure(report.claims, text, str(s)) for s in (spec if isinstance(spec, list) else [spec])]
        assert all(f is not None for f in found), f"the case names a figure its text does not have: {spec!r}"
        roles[role] = found  # type: ignore[assignment]
    return roles


def _check_links(checker: numcheck.Checker, text: str, expects: list[dict[str, Any]], rewrite: str | None) -> None:
    report = checker.check(text)
    wanted = [(e["kind"], _resolve(report, text, e)) for e in expects]
    if rewrite is not None:
        named = [c for _, roles in wanted for claims in roles.values() for c in claims]
        edits = {"figures": lambda: _figure_edits(text), "nouns": lambda: _noun_edits(text, tuple(named)),
                 "modifier": lambda: _modifier_edits(text, named)}[rewrite]()
        assert edits, f"the {rewrite} rewrite has nothing to change in {text!r}"
        text, moved = _apply(text, edits)
        report = checker.check(text)
    else:
        def moved(offset: int) -> int:
            return offset
    starts = {c.id: c.start for c in report.claims}
    for kind, roles in wanted:
        want = {role: {moved(c.start) for c in claims} for role, claims in roles.items()}
        ok = any(_matches(r, kind, want, starts) for r in report.relations)
        texts = {c.id: c.text for c in report.claims}
        shown = [(r.kind, list(zip(r.roles, [texts[i] for i in r.claims], strict=True)), r.cue)
                 for r in report.relations]
        assert ok, f"{kind} {want} not linked in {text!r}; claims {[(c.text, c.start) for c in report.claims]}; " \
                   f"relations {shown}"


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
        _check_links(checker, case["link"], case["expect"], rewrite)
        return
    text = case["no_link"]
    kinds = set(case.get("kinds", KINDS))
    report = checker.check(text)
    linked = [(r.kind, [next(c.text for c in report.claims if c.id == i) for i in r.claims], r.cue)
              for r in report.relations if r.kind in kinds]
    assert not linked, f"expected no {sorted(kinds)} link in {text!r}; got {linked}"
    for rule in case.get("no_finding", []):
        assert not [f for f in report.findings if f.rule == rule], f"{rule} fired on {text!r}"


#: A row of the inventory in ``cases/README.md``: topic, link count, no_link count, open case names.
_INVENTORY_ROW = re.compile(r"^\|[^|]+\|\s*`([\w-]+/[\w-]+)`\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|([^|]*)\|\s*$")


def test_inventory_matches_the_cases() -> None:
    """The README maps every phrasing and trap of issue 11 to a topic with its counts and open cases;
    this holds it to the YAML, so neither can drift: each listed topic has >= 3 link and >= 2 no_link
    cases, its counts and its open (``pending:``) cases are the YAML's, and no YAML topic is unlisted."""
    rows = [_INVENTORY_ROW.match(line) for line in (CASES_DIR / "README.md").read_text(encoding="utf-8").splitlines()]
    listed = [(m.group(1), int(m.group(2)), int(m.group(3)), {n.strip() for n in m.group(4).split(",") if n.strip()})
              for m in rows if m]
    assert listed, "the inventory table in cases/README.md has no rows"
    actual: dict[str, tuple[int, int, set[str]]] = {}
    for name, case in CASES:
        key = f"{name.split('/')[0]}/{case['topic']}"
        links, no_links, open_cases = actual.get(key, (0, 0, set()))
        actual[key] = (links + ("link" in case), no_links + ("no_link" in case),
                       open_cases | ({case["name"]} if case.get("pending") else set()))
    unlisted = set(actual) - {row[0] for row in listed}
    assert not unlisted, f"topics missing from cases/README.md: {unlisted}"
    for topic, links, no_links, open_cases in listed:
        assert topic in actual, f"cases/README.md lists {topic}, which no case has"
        assert links >= 3 and no_links >= 2, f"{topic}: fewer than 3 link or 2 no_link cases"
        said = (links, no_links, open_cases)
        assert actual[topic] == said, f"{topic}: README says {said}, the YAML has {actual[topic]}"
