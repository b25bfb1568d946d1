"""SARIF 2.1.0, the format GitHub code scanning and most CI dashboards ingest.

What code scanning needs, and why each piece is here:
- ``tool.driver.rules`` with id, name, descriptions, help and default level, so the alert page can
  explain a rule; results point at them by ``ruleId`` and ``ruleIndex``.
- a physical location per result with a repository-relative ``uri`` under ``%SRCROOT%`` and a full
  region (lines, columns and character offsets; columns count code points, as ``columnKind`` says).
- ``partialFingerprints``: a hash of rule, path and the claims' text (not line numbers, which move
  when a paragraph is added above), so an alert survives edits elsewhere in the article.
The log is a whole document, so results are kept until the end; claims and texts are not.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TextIO
from urllib.parse import quote

from numcheck.figures import explanation_to_show
from numcheck.model import Claim, Finding, Report
from numcheck.report._common import repo_path
from numcheck.report.context import RenderContext

__all__ = ["SCHEMA_URI", "fingerprint", "write"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "numcheckFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def fingerprint(rule: str, path: str, claim_texts: Sequence[str], occurrence: int = 1) -> str:
    """Stable identity of a finding: rule, path and the figures' text, plus which repeat it is."""
    digest = hashlib.sha256("\x1f".join([rule, path, *claim_texts]).encode("utf-8")).hexdigest()
    return f"{digest[:32]}:{occurrence}"


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    """A ``reportingDescriptor`` from a `Rule` (duck-typed: id, check, severity, message, description)."""
    description = (getattr(rule, "description", "") or "").strip()
    short = description.splitlines()[0] if description else f"{rule.check} check"
    help_text = (f"{description}\n\n" if description else "") + f"Check kind: {rule.check}. Message: {rule.message}"
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": description or rule.message or short},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"check": rule.check, "tags": ["numcheck", rule.check]},
    }
    pack = getattr(rule, "pack", "")
    if pack:
        descriptor["properties"]["pack"] = pack
    return descriptor


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    """For a finding whose rule is not in ``context.rules`` (a library caller passed none)."""
    text = f"{finding.check} check"
    return {
        "id": finding.rule,
        "name": finding.rule,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "help": {"text": f"Check kind: {finding.check}."},
        "defaultConfiguration": {"level": LEVELS.get(finding.severity, "warning")},
        "properties": {"check": finding.check, "tags": ["numcheck", finding.check]},
    }


def _region(start: int, end: int, line: int, column: int, text: str | None) -> dict[str, Any]:
    """A SARIF region; ``endColumn`` is one past the last character, as SARIF counts it."""
    length = max(end - start, 0)
    end_line, end_column = line, column + max(length, 1)
    if text and "\n" in text:
        end_line = line + text.count("\n")
        end_column = len(text) - text.rfind("\n")
    return {"startLine": max(line, 1), "startColumn": max(column, 1), "endLine": max(end_line, 1),
            "endColumn": max(end_column, 1), "charOffset": max(start, 0), "charLength": length}


def _artifact(path: str) -> dict[str, Any]:
    relative = repo_path(path)
    if relative.startswith("/"):
        return {"uri": "file://" + quote(relative, safe="/")}
    return {"uri": quote(relative, safe="/"), "uriBaseId": "%SRCROOT%"}


def _location(artifact: dict[str, Any], region: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {**extra, "physicalLocation": {"artifactLocation": artifact, "region": region}}


def _claim_region(claim: Claim) -> dict[str, Any]:
    return _region(claim.start, claim.end, claim.line, claim.column, claim.text)


def _results(report: Report, rule_index: dict[str, int], extra_rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    claims = report.named_claims()
    artifact = _artifact(report.source)
    path = repo_path(report.source)
    seen: Counter[str] = Counter()
    results = []
    for finding in report.findings:
        if finding.rule not in rule_index:
            rule_index[finding.rule] = len(rule_index)
            extra_rules.append(_fallback_descriptor(finding))
        primary = claims.get(finding.claims[0]) if finding.claims else None
        region = (_claim_region(primary) if primary is not None
                  else _region(finding.start, finding.end, finding.line, finding.column, None))
        texts = [claims[c].text if c in claims else c for c in finding.claims]
        key = fingerprint(finding.rule, path, texts)
        seen[key] += 1
        extra = explanation_to_show(finding)
        text = finding.message + (f" {extra}" if extra else "")
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rule_index[finding.rule],
            "level": LEVELS.get(finding.severity, "warning"),
            "message": {"text": text},
            "locations": [_location(artifact, region)],
            "partialFingerprints": {FINGERPRINT_KEY: key[: key.rindex(":") + 1] + str(seen[key])},
            "properties": {"check": finding.check, "claims": list(finding.claims),
                           "expected": finding.expected, "actual": finding.actual},
        }
        related = [
            _location(artifact, _claim_region(claims[c]), id=i, message={"text": f"{c}: {claims[c].text}"})
            for i, c in enumerate(finding.claims[1:], start=1)
            if c in claims
        ]
        if related:
            result["relatedLocations"] = related
        results.append(result)
    return results


def _notification(message: str, source: str) -> dict[str, Any]:
    return {"level": "error", "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(source)}}]}


def _version(context: RenderContext) -> str:
    if context.version:
        return context.version
    from numcheck import __version__

    return __version__


def write(reports: Iterable[Report], out: TextIO, context: RenderContext) -> None:
    rules = [_rule_descriptor(rule) for rule in context.rules]
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        results.extend(_results(report, rule_index, rules))
        notifications.extend(_notification(message, report.source) for message in report.errors)
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "numcheck", "version": _version(context), "semanticVersion": _version(context),
                                "rules": rules}},  # no informationUri: optional, and numcheck has no public page
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The folder numcheck was run from."}}},
            "results": results,
        }],
    }
    out.write(json.dumps(log, ensure_ascii=False, allow_nan=False, indent=2) + "\n")
