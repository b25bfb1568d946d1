"""Inline suppression: let an article silence a finding its editor has already judged.

Three forms, as DESIGN.md fixes them, chosen so that nothing shows in the published article:

* ``<!-- numcheck-disable rule-id -->`` … ``<!-- numcheck-enable rule-id -->`` (Markdown, HTML):
  a region; several ids may be given, separated by commas or spaces, and no id means every rule.
  A region left open runs to the end of the article.
* ``<!-- numcheck: ignore[rule-id] -->`` (Markdown, HTML): one paragraph — the one the comment sits
  in when prose precedes it on its line, otherwise the next one (the usual place: a line above).
* ``numcheck: ignore[rule-id]`` at the end of a line (plain text, where comments do not exist):
  that line.

Comments are read from ``document.original``, because ``document.text`` has them blanked. An id
that names no loaded rule yields a warning rather than an error: a typo must not fail a
publication run, but it must not silently suppress nothing either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from numcheck.document import Document
from numcheck.model import Finding

__all__ = ["Suppression", "apply_suppressions", "find_suppressions"]

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_REGION = re.compile(r"\A\s*numcheck-(disable|enable)\b(.*?)\s*\Z", re.S)
_IGNORE = re.compile(r"\A\s*numcheck:\s*ignore(?:\[([^\]]*)\])?\s*\Z", re.S)
# Plain text: the marker must end its line, so prose that merely mentions it is left alone.
_LINE_IGNORE = re.compile(r"numcheck:\s*ignore(?:\[([^\]\n]*)\])?[ \t]*$", re.M)
_ID_SPLIT = re.compile(r"[\s,]+")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression comment, read and located.

    ``action`` is "disable", "enable" or "ignore"; ``rules`` is empty for "every rule";
    ``start``/``end`` bound the article text it covers for "ignore" (a paragraph or a line) and
    the comment itself for region markers, which take effect from their ``end`` onwards.
    """

    action: str
    rules: tuple[str, ...]
    start: int
    end: int
    offset: int  # where the comment itself starts, for warnings


def apply_suppressions(
    document: Document, findings: Iterable[Finding], known_ids: Iterable[str], source: str = ""
) -> tuple[list[Finding], list[str]]:
    """Drop findings the article itself silences; return the rest with warnings for unknown ids.

    Warnings read ``source:line:col: unknown rule id 'x' in numcheck suppression; known: …`` so
    the CLI can print them as they are.
    """
    suppressions = find_suppressions(document)
    kept = [f for f in findings if not is_suppressed(f, suppressions)]
    return kept, unknown_id_warnings(document, suppressions, frozenset(known_ids), source)


def find_suppressions(document: Document) -> list[Suppression]:
    """Every suppression in the article, in text order."""
    if document.kind in ("markdown", "html"):
        return [s for m in _COMMENT.finditer(document.original) if (s := _read_comment(document, m)) is not None]
    if document.kind == "text":
        return [_read_line_marker(document, m) for m in _LINE_IGNORE.finditer(document.original)]
    return []


def is_suppressed(finding: Finding, suppressions: Sequence[Suppression]) -> bool:
    """True when an ignore covers the finding's primary claim or a region has its rule disabled there."""
    everything_off = False
    off: set[str] = set()
    back_on: set[str] = set()  # ids re-enabled inside a disable-everything region
    for item in suppressions:
        if item.action == "ignore":
            if item.start <= finding.start < item.end and (not item.rules or finding.rule in item.rules):
                return True
            continue
        if item.end > finding.start:
            continue  # a region marker only acts on what follows it
        if item.action == "disable" and not item.rules:
            everything_off, off, back_on = True, set(), set()
        elif item.action == "enable" and not item.rules:
            everything_off, off, back_on = False, set(), set()
        elif item.action == "disable":
            off.update(item.rules)
            back_on.difference_update(item.rules)
        else:
            off.difference_update(item.rules)
            back_on.update(item.rules)
    return finding.rule in off or (everything_off and finding.rule not in back_on)


def unknown_id_warnings(
    document: Document, suppressions: Sequence[Suppression], known_ids: frozenset[str], source: str = ""
) -> list[str]:
    warnings = []
    known = ", ".join(sorted(known_ids)) or "none loaded"
    prefix = f"{source}:" if source else ""
    for item in suppressions:
        line, column = document.position(item.offset)
        for rule in item.rules:
            if rule not in known_ids:
                warnings.append(
                    f"{prefix}{line}:{column}: unknown rule id {rule!r} in numcheck suppression; known: {known}"
                )
    return warnings


def _read_comment(document: Document, match: re.Match[str]) -> Suppression | None:
    body = match.group(1)
    region = _REGION.match(body)
    if region:
        return Suppression(region.group(1), _split_ids(region.group(2)), match.start(), match.end(), match.start())
    ignore = _IGNORE.match(body)
    if ignore:
        start, end = _paragraph_for(document, match.start(), match.end())
        return Suppression("ignore", _split_ids(ignore.group(1) or ""), start, end, match.start())
    return None


def _read_line_marker(document: Document, match: re.Match[str]) -> Suppression:
    line_start = document.original.rfind("\n", 0, match.start()) + 1
    return Suppression("ignore", _split_ids(match.group(1) or ""), line_start, match.end(), match.start())


def _paragraph_for(document: Document, comment_start: int, comment_end: int) -> tuple[int, int]:
    """The span an ignore comment covers: its own paragraph if prose precedes it on its line, else the next."""
    line_start = document.original.rfind("\n", 0, comment_start) + 1
    has_prose_before = bool(document.text[line_start:comment_start].strip())
    if has_prose_before:
        span = document.paragraphs[document.paragraph_index(comment_start)]
        return span.start, span.end
    for span in document.paragraphs:
        if span.start >= comment_end:
            return span.start, span.end
    return comment_end, comment_end  # nothing follows: covers nothing


def _split_ids(raw: str) -> tuple[str, ...]:
    return tuple(part for part in _ID_SPLIT.split(raw.strip()) if part)
