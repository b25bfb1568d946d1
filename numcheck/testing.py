"""Assertions for a newsroom's own tests: ``assert_consistent`` and its family.

Each raises a plain `AssertionError` whose message is the finding list an editor needs
(``line:col severity rule message`` plus the arithmetic in words), so the pytest output is
readable without a traceback dive. The pytest plugin registers this module for assertion
rewriting. Every function takes an optional ``checker`` so a test module can build one `Checker`
(rule loading and quantulum3 are paid once) and pass it to all its assertions.

Without a ``checker``, an assertion checks as ``numcheck check`` would: it finds the project config
(`find_project_config`, from the article file's folder, or the current folder for text) and loads its
packs, ``disable``/``select`` and severity overrides, so a newsroom's tests and its CI agree.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from numcheck.checker import Checker
from numcheck.config import find_project_config
from numcheck.english import AMBIGUOUS_SCALES, SCALES, singular
from numcheck.errors import InputError
from numcheck.figures import explanation_to_show
from numcheck.inputs import ARTICLE_SUFFIXES, read_article
from numcheck.model import SEVERITIES, Claim, Finding, Report, severity_rank

__all__ = ["assert_claims", "assert_consistent", "assert_finding", "assert_no_finding", "format_findings"]

_FRAME_HINT = "For every field as a table: numcheck.check(text).findings_frame()."


def assert_consistent(
    text_or_path: str | os.PathLike[str],
    rules: Sequence[str] | str | None = None,
    fail_on: str = "error",
    *,
    checker: Checker | None = None,
) -> Report:
    """Fail when the article has a finding at or above ``fail_on``; return the report otherwise.

    ``text_or_path`` is read as a file when it is a `Path`, or a one-line string naming a file that
    exists, so ``assert_consistent("articles/budget.md")`` checks the Markdown file; a lone missing
    ``*.md``/``*.txt``/``*.html`` name or a folder is an error, never text that passes.
    """
    __tracebackhide__ = True  # a failure shows the findings, not numcheck's own source
    if fail_on not in (*SEVERITIES, "never"):
        raise ValueError(f"fail_on must be one of {', '.join((*reversed(SEVERITIES), 'never'))}, not {fail_on!r}")
    report = _check(text_or_path, rules, checker)
    if report.errors:
        raise AssertionError("numcheck could not read the article:\n" + "\n".join(report.errors))
    if fail_on == "never":
        return report
    bad = [f for f in report.findings if severity_rank(f.severity) >= severity_rank(fail_on)]
    if bad:
        raise AssertionError(
            f"numcheck found {len(bad)} finding(s) at or above {fail_on!r} in {report.source}:\n"
            f"{format_findings(bad)}\n{_FRAME_HINT}"
        )
    return report


def assert_no_finding(
    text: str | os.PathLike[str], rule_or_check: str, *, rules: Sequence[str] | str | None = None,
    checker: Checker | None = None,
) -> Report:
    """Fail when any finding comes from the rule id or check kind ``rule_or_check``."""
    __tracebackhide__ = True  # a failure shows the findings, not numcheck's own source
    report = _check(text, rules, checker)
    hits = [f for f in report.findings if rule_or_check in (f.rule, f.check)]
    if hits:
        raise AssertionError(
            f"expected no {rule_or_check!r} finding in {report.source}, found {len(hits)}:\n"
            f"{format_findings(hits)}\n{_FRAME_HINT}"
        )
    return report


def assert_finding(
    text: str | os.PathLike[str], check: str, line: int | None = None, *,
    rules: Sequence[str] | str | None = None, checker: Checker | None = None,
) -> Finding:
    """Fail unless a finding of rule id or check kind ``check`` (on ``line``, if given) is there; return it."""
    __tracebackhide__ = True  # a failure shows the findings, not numcheck's own source
    report = _check(text, rules, checker)
    for finding in report.findings:
        if check in (finding.rule, finding.check) and (line is None or finding.line == line):
            return finding
    where = f" on line {line}" if line is not None else ""
    found = format_findings(report.findings) if report.findings else "  (no findings at all)"
    raise AssertionError(
        f"expected a {check!r} finding{where} in {report.source}; numcheck found:\n{found}\n{_FRAME_HINT}"
    )


def assert_claims(
    text: str | os.PathLike[str], expected: Iterable[str], *, exact: bool = False, checker: Checker | None = None
) -> list[Claim]:
    """Fail unless every spec ("26 countries", "1.1 billion EUR", "75%") matches a distinct claim.

    A spec is a value then a unit or noun; it matches a claim with the same value whose unit or
    counted noun is that word (plurals allowed: "countries" matches the noun "country"). A bare
    value matches any claim of that value. With ``exact``, claims no spec matched also fail.
    Returns the matched claims in spec order.
    """
    __tracebackhide__ = True  # a failure shows the findings, not numcheck's own source
    specs = [parse_spec(s) for s in expected]
    _, body, kind = _read(text)
    claims = list((checker or Checker(use_default_rules=False)).extract(body, kind))
    unused = list(claims)
    matched: list[Claim] = []
    missing: list[ClaimSpec] = []
    for spec in specs:
        hit = next((c for c in unused if spec.matches(c)), None)
        if hit is None:
            missing.append(spec)
        else:
            unused.remove(hit)
            matched.append(hit)
    extra = unused if exact else []
    if missing or extra:
        lines = [f"  missing: {spec.text!r}" for spec in missing]
        lines += [f"  unexpected: {_describe(c)}" for c in extra]
        found = "\n".join(f"    {_describe(c)}" for c in claims) or "    (none)"
        raise AssertionError(
            "claims differ from what was expected:\n" + "\n".join(lines) + f"\n  numcheck extracted:\n{found}\n"
            "For every field as a table: numcheck.check(text).claims_frame()."
        )
    return matched


def format_findings(findings: Iterable[Finding]) -> str:
    """``line:col severity rule message`` per finding, the explanation indented beneath it."""
    lines = []
    for f in findings:
        lines.append(f"  {f.line}:{f.column} {f.severity} {f.rule} {f.message}")
        if explanation_to_show(f):
            lines.append(f"      {explanation_to_show(f)}")
    return "\n".join(lines)


_SCALES = MappingProxyType({**SCALES, **AMBIGUOUS_SCALES})
_SPEC = re.compile(r"^\s*(-?\d[\d,]*(?:\.\d+)?)\s*(%|[A-Za-z]+\b)?\s*(.*?)\s*$")
_UNIT_WORDS = MappingProxyType({"%": "percent", "per cent": "percent", "percentage points": "percentage_point",
               "percentage point": "percentage_point", "pp": "percentage_point"})


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    """A claim as a test writes it: "26 countries" is value 26 with the word "countries"."""

    text: str
    value: float
    word: str  # unit or noun as written, lower-case; empty for "any"

    def matches(self, claim: Claim) -> bool:
        if not math.isclose(claim.value, self.value, rel_tol=1e-9, abs_tol=1e-12):
            return False
        if not self.word:
            return True
        names = {claim.unit.lower(), (claim.noun or "").lower(), claim.unit.lower().replace("_", " ")} - {""}
        return bool({self.word, _UNIT_WORDS.get(self.word, ""), singular(self.word)} & names)


def parse_spec(spec: str) -> ClaimSpec:
    """Read "1.1 billion EUR", "26 countries", "75%" or "3,000" into a `ClaimSpec`.

    >>> parse_spec("1.1 billion EUR")
    ClaimSpec(text='1.1 billion EUR', value=1100000000.0, word='eur')
    >>> parse_spec("75%").word
    '%'
    """
    match = _SPEC.match(spec)
    if not match:
        raise ValueError(f"claim spec {spec!r} must start with a number, e.g. '26 countries' or '1.1 billion EUR'")
    value = float(match.group(1).replace(",", ""))
    word, rest = (match.group(2) or ""), match.group(3)
    if word.lower() in _SCALES:
        value *= _SCALES[word.lower()]
        word, rest = rest, ""
    elif rest:
        word = f"{word} {rest}"
    return ClaimSpec(spec, value, word.strip().lower())


def _describe(claim: Claim) -> str:
    noun = f" noun={claim.noun}" if claim.noun else ""
    return f"{claim.line}:{claim.column} {claim.text!r} value={claim.value:g} unit={claim.unit}{noun}"


def _check(text_or_path: str | os.PathLike[str], rules: Sequence[str] | str | None, checker: Checker | None) -> Report:
    __tracebackhide__ = True
    source, text, kind = _read(text_or_path)
    start = os.fspath(text_or_path) if source != "<text>" else None
    return _checker(rules, checker, start).check(text, source=source, kind=kind)


def _checker(rules: Sequence[str] | str | None, checker: Checker | None, start: str | None) -> Checker:
    """The given checker, else the one the project config found from ``start`` asks for, plus ``rules``."""
    if checker is not None:
        if rules is not None:
            raise ValueError("pass either rules or checker, not both: a Checker's rules are fixed when it is built")
        return checker
    return find_project_config(start).checker(rules)


def _read(text_or_path: str | os.PathLike[str]) -> tuple[str, str, str]:
    """(source, text, kind) of what an assertion was given, refusing anything that would pass by accident.

    A `Path` (any ``os.PathLike``) is always a file. A one-line ``str`` naming an existing file is
    that file; any other ``str`` is article text, except a lone word that names a folder or ends in
    an article suffix (``"articles/budget.md"`` mistyped or not yet written): checking its few
    characters as text would find nothing and pass, so it is an error instead.
    """
    __tracebackhide__ = True
    if isinstance(text_or_path, os.PathLike) or ("\n" not in text_or_path and _is_file(text_or_path)):
        path = os.fspath(text_or_path)
        if os.path.isdir(path):
            raise AssertionError(_folder_message(path))
        article = read_article(path)
        if isinstance(article, InputError):
            raise AssertionError(str(article))
        return article.source, article.text, article.kind
    text = str(text_or_path)
    word = text.strip()
    if word and not any(c.isspace() for c in word):
        if _is_dir(word):
            raise AssertionError(_folder_message(word))
        if word.lower().endswith(ARTICLE_SUFFIXES):
            raise AssertionError(f"{word}: no such file (a lone file name is read as a path, not as article text; "
                                 "pass a pathlib.Path, or text with spaces, to say which you mean)")
    return "<text>", text, "text"


def _folder_message(path: str) -> str:
    return (f"{path}: is a directory; numcheck.testing checks one article: name a file, "
            "or collect a folder's articles with 'pytest --numcheck PATH'")


def _is_file(candidate: str) -> bool:
    try:
        return len(candidate) < 4096 and Path(candidate).is_file()
    except (OSError, ValueError):
        return False


def _is_dir(candidate: str) -> bool:
    try:
        return len(candidate) < 4096 and Path(candidate).is_dir()
    except (OSError, ValueError):
        return False
