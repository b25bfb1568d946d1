"""How well numcheck's consistency checks do on the fixture articles: recall and false alarms.

Usage::

    python benchmarks/score_check.py [DIR] [--json]

``DIR`` (default ``fixtures/articles``) holds articles (``.md``, ``.txt``, ``.html``), each with a
sidecar ``<name>.expect.yaml`` that lists the findings an editor should get::

    findings:                  # [] for a consistent article
      - check: percent_of      # the check kind
        rule: percent-of-count # the rule id
        line: 7                # 1-based line of the relation's primary figure in the article file
        text: "211"            # that figure as printed
    notes: what is planted, or which trap the article sets

A finding (severity warning or error) matches an expectation when it has the same check kind and
either lies within ``LINE_SLACK`` lines of the expected line or one of its claims is the expected
figure: a relation can span a sentence that wraps over several lines, and the check, not the
benchmark, decides which of its claims is primary. Every other warning or error is a false alarm,
including extra findings in a broken article, because an editor pays for each one.

File names say what an article is for: ``<kind>-broken-N`` plants one inconsistency for that check
kind, ``<kind>-trap-N`` is consistent but built to tempt that check, and ``clean-*`` is consistent
text with many figures. The issue's targets: recall >= 0.95 and no false alarm.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"

ARTICLE_SUFFIXES = (".md", ".txt", ".html")
SIDECAR_SUFFIX = ".expect.yaml"
#: How far (in lines) a finding may sit from the expected line and still count.
LINE_SLACK = 2
#: Severities an editor sees by default; ``info`` findings are neither credited nor counted as alarms.
REPORTED = frozenset({"warning", "error"})

#: Every rule id a fixture may expect, with its check kind. Keep in sync with ``rules/core.yaml`` and
#: ``rules/plausibility.yaml``: a fixture naming a rule the packs lack could never be found.
def _default_rules() -> MappingProxyType[str, str]:
    """rule id → check kind of the bundled packs, read from the packs so the two never drift apart."""
    from numcheck.ruleset import load_rules

    return MappingProxyType({rule.id: rule.check for rule in load_rules([], use_defaults=True).rules})


RULES = _default_rules()
#: File-name prefix → the check kind its broken and trap variants exercise.
KIND_SLUGS = MappingProxyType({
    "part-whole": "part_whole",
    "sum-of-parts": "sum_of_parts",
    "percent-of": "percent_of",
    "granularity": "granularity",
    "fraction-of": "fraction_of",
    "change": "change",
    "repeated-figure": "repeated_figure",
    "range": "range",
    "conversion": "conversion",
})
_NAME = re.compile(r"^(?:(?P<slug>[a-z-]+?)-(?P<role>broken|trap)-\d+|clean-[a-z0-9-]+)$")


class FixtureError(ValueError):
    """A sidecar or file name the benchmark cannot trust: no score is printed from a broken set."""


@dataclass(frozen=True, slots=True)
class Expected:
    """One finding an article should produce."""

    check: str
    rule: str
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Fixture:
    """An article, what it is for, and the findings it should produce."""

    path: Path
    role: str  # "broken", "trap" or "clean"
    kind: str | None  # the check kind a broken or trap article is about; None for clean
    expected: tuple[Expected, ...]
    notes: str


def classify(stem: str) -> tuple[str, str | None]:
    """(role, check kind) from an article's file name; raises FixtureError for a name outside the scheme."""
    match = _NAME.match(stem)
    if not match:
        raise FixtureError(f"{stem}: name must be <kind>-broken-N, <kind>-trap-N or clean-<topic>")
    if match["role"] is None:
        return "clean", None
    if match["slug"] not in KIND_SLUGS:
        raise FixtureError(f"{stem}: unknown kind {match['slug']!r} (expected one of: {', '.join(KIND_SLUGS)})")
    return match["role"], KIND_SLUGS[match["slug"]]


def read_sidecar(path: Path) -> tuple[tuple[Expected, ...], str]:
    """The expectations and notes in one ``.expect.yaml``; raises FixtureError naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise FixtureError(f"{path}: bad YAML: {exc}") from exc
    if not isinstance(data, dict) or set(data) - {"findings", "notes"} or "findings" not in data:
        raise FixtureError(f"{path}: expected a mapping with 'findings' (a list) and 'notes' (one line)")
    notes = data.get("notes")
    if not isinstance(notes, str) or not notes.strip() or "\n" in notes.strip():
        raise FixtureError(f"{path}: 'notes' must be one non-empty line")
    if not isinstance(data["findings"], list):
        raise FixtureError(f"{path}: 'findings' must be a list ([] for a consistent article)")
    return tuple(_expected(path, item) for item in data["findings"]), notes


def _expected(path: Path, item: Any) -> Expected:
    fields = {"check": str, "rule": str, "line": int, "text": str}
    if not isinstance(item, dict) or set(item) != set(fields):
        raise FixtureError(f"{path}: each finding needs exactly {', '.join(fields)}")
    for name, kind in fields.items():
        if not isinstance(item[name], kind) or isinstance(item[name], bool):
            raise FixtureError(f"{path}: finding field {name!r} must be {kind.__name__}")
    if RULES.get(item["rule"]) != item["check"]:
        raise FixtureError(f"{path}: rule {item['rule']!r} with check {item['check']!r} is not a known pair")
    if item["line"] < 1 or not item["text"].strip():
        raise FixtureError(f"{path}: 'line' must be >= 1 and 'text' non-empty")
    return Expected(item["check"], item["rule"], item["line"], item["text"])


def load_fixtures(directory: Path = ARTICLES) -> list[Fixture]:
    """Every article in ``directory`` with its sidecar, sorted by name; FixtureError if one is missing."""
    fixtures = []
    for path in sorted(p for p in Path(directory).iterdir() if p.suffix in ARTICLE_SUFFIXES):
        sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
        if not sidecar.exists():
            raise FixtureError(f"{path}: no sidecar {sidecar.name}")
        role, kind = classify(path.stem)
        expected, notes = read_sidecar(sidecar)
        fixtures.append(Fixture(path, role, kind, expected, notes))
    return fixtures


def _same_figure(expected: str, surface: str) -> bool:
    """True when one surface contains the other as whole tokens ("2.4 billion" in "2.4 billion dollar").

    Token boundaries matter: a claim "4" must not be credited for the expected figure "45%".
    """
    a, b = (" ".join(s.lower().split()) for s in (expected, surface))
    if not a or not b:
        return False
    return any(re.search(r"(?<![\w.,])" + re.escape(x) + r"(?![\w]|[.,]\d)", y) for x, y in ((a, b), (b, a)))


def _matches(expected: Expected, finding: Any, surfaces: dict[str, str]) -> bool:
    if finding.check != expected.check:
        return False
    if abs(finding.line - expected.line) <= LINE_SLACK:
        return True
    return any(_same_figure(expected.text, surfaces.get(cid, "")) for cid in finding.claims)


def score_fixture(fixture: Fixture, report: Any) -> tuple[list[Expected], list[Any]]:
    """(missed expectations, false alarms) for one article's report; each finding credits one expectation."""
    surfaces = {claim.id: claim.text for claim in report.claims}
    unmatched = [f for f in report.findings if f.severity in REPORTED]
    missed = []
    for expected in fixture.expected:
        hit = next((f for f in unmatched if _matches(expected, f, surfaces)), None)
        if hit is None:
            missed.append(expected)
        else:
            unmatched.remove(hit)
    return missed, unmatched


def score(directory: Path | str = ARTICLES, checker: Any = None) -> dict[str, Any]:
    """Run the checker over every fixture article and return recall, misses and false alarms as a dict.

    A checker that raises on an article counts as missing all of its expectations and is listed
    under ``crashed``, so an engine in progress still gets a score instead of a traceback.
    """
    directory = Path(directory)
    fixtures = load_fixtures(directory)
    if checker is None:
        checker = _default_checker()
    by_kind: dict[str, dict[str, int]] = {
        kind: {"broken": 0, "caught": 0, "traps": 0, "quiet": 0} for kind in dict.fromkeys(KIND_SLUGS.values())
    }
    clean = {"articles": 0, "quiet": 0}
    missed_rows: list[dict[str, Any]] = []
    alarm_rows: list[dict[str, Any]] = []
    crashed: list[dict[str, str]] = []
    expected_total = found = 0
    for fixture in fixtures:
        name = _display(fixture.path)
        try:
            report = checker.check(fixture.path.read_text(encoding="utf-8"), source=name)
        except Exception as exc:  # an engine bug must not hide the other articles' scores
            crashed.append({"file": name, "error": f"{type(exc).__name__}: {exc}"})
            missed, alarms, ran = list(fixture.expected), [], False
        else:
            missed, alarms = score_fixture(fixture, report)
            ran = True
        expected_total += len(fixture.expected)
        found += len(fixture.expected) - len(missed)
        missed_rows += [{"file": name, "line": e.line, "check": e.check, "rule": e.rule, "text": e.text}
                        for e in missed]
        alarm_rows += [{"file": name, "line": f.line, "column": f.column, "rule": f.rule, "check": f.check,
                        "severity": f.severity, "message": f.message} for f in alarms]
        quiet = ran and not alarms  # a crash is not silence
        if fixture.role == "clean":
            clean["articles"] += 1
            clean["quiet"] += quiet
        elif fixture.role == "broken":
            by_kind[fixture.kind]["broken"] += 1
            by_kind[fixture.kind]["caught"] += not missed
        else:
            by_kind[fixture.kind]["traps"] += 1
            by_kind[fixture.kind]["quiet"] += quiet
    return {
        "directory": _display(directory),
        "articles": len(fixtures),
        "expected": expected_total,
        "found": found,
        "recall": found / expected_total if expected_total else 1.0,
        "false_alarms": alarm_rows,
        "missed": missed_rows,
        "crashed": crashed,
        "by_kind": by_kind,
        "clean": clean,
    }


class _BrokenChecker:
    """Stands in when numcheck cannot even be built, so every article reports the same crash."""

    def __init__(self, error: str) -> None:
        self.error = error

    def check(self, text: str, source: str) -> Any:
        raise RuntimeError(self.error)


def _default_checker() -> Any:
    try:
        import numcheck

        return numcheck.Checker()
    except Exception as exc:  # the engine is built in parallel; a broken import is a score of zero, not a crash
        return _BrokenChecker(f"numcheck.Checker() failed: {type(exc).__name__}: {exc}")


def _display(path: Path) -> str:
    """A path relative to the project root when it lies inside it, so output is stable across checkouts."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def summary_line(result: dict[str, Any]) -> str:
    traps = sum(k["traps"] for k in result["by_kind"].values())
    quiet = sum(k["quiet"] for k in result["by_kind"].values())
    return (f"recall {result['recall']:.3f} ({result['found']}/{result['expected']}), "
            f"{len(result['false_alarms'])} false alarms, traps quiet {quiet}/{traps}, "
            f"clean quiet {result['clean']['quiet']}/{result['clean']['articles']}, "
            f"{len(result['crashed'])} crashed, {result['articles']} articles "
            f"(targets: recall >= 0.95, 0 false alarms)")


def render_text(result: dict[str, Any]) -> str:
    """The human report: per-kind table, misses, false alarms (file:line rule message), summary."""
    lines = [f"numcheck check benchmark: {result['directory']} ({result['articles']} articles)", ""]
    lines.append(f"{'kind':<16} {'broken':>6} {'caught':>6} {'traps':>6} {'quiet':>6}")
    for kind, row in result["by_kind"].items():
        lines.append(f"{kind:<16} {row['broken']:>6} {row['caught']:>6} {row['traps']:>6} {row['quiet']:>6}")
    lines.append(f"{'clean':<16} {'-':>6} {'-':>6} {result['clean']['articles']:>6} {result['clean']['quiet']:>6}")
    lines += ["", f"missed ({len(result['missed'])}):"]
    lines += [f"  {m['file']}:{m['line']} {m['rule']} {m['text']!r}" for m in result["missed"]]
    lines += ["", f"false alarms ({len(result['false_alarms'])}):"]
    lines += [f"  {a['file']}:{a['line']} {a['rule']} {a['message']}" for a in result["false_alarms"]]
    if result["crashed"]:
        lines += ["", f"crashed ({len(result['crashed'])}):"]
        lines += [f"  {c['file']}: {c['error']}" for c in result["crashed"]]
    lines += ["", summary_line(result)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(ARTICLES), help="folder of articles and sidecars")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = parser.parse_args(argv)
    try:
        result = score(Path(args.directory))
    except (FixtureError, OSError) as exc:
        print(f"score_check: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.json else render_text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
