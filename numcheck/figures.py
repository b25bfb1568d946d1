"""Figures in numcheck's own words: one place that says how a number or a counted thing is printed.

Every message an editor reads (check explanations, rule messages, report summaries, tooltips) goes
through here, so a figure never comes out as Python prints floats ("4.2e+09", "1500000.0") or with
its noun in the wrong number ("35 country", "1 files"). Nouns are inflected by the one English
layer (`numcheck.english.plural`); numbers by `numcheck.intervals.format_number`, which writes
large round figures with a scale word as news does ("4.2 billion").
"""

from __future__ import annotations

from numcheck.english import plural
from numcheck.intervals import format_number
from numcheck.model import Claim, Finding

__all__ = ["amount", "as_written", "count_of", "explanation_to_show", "format_number", "noun_plural"]


def count_of(count: int, noun: str) -> str:
    """``1 file``, ``2 files``, ``3 countries``, ``0 info``: a count with its noun agreeing.

    >>> count_of(1, "error"), count_of(2, "country"), count_of(3, "info")
    ('1 error', '2 countries', '3 info')
    """
    return f"{count:,} {noun if count == 1 else plural(noun)}"


def amount(value: float, noun: str | None) -> str:
    """A number as news writes it, followed by its noun in agreement when there is one.

    >>> amount(35, "country"), amount(1, "country"), amount(4.2e9, "euro"), amount(12.5, None)
    ('35 countries', '1 country', '4.2 billion euros', '12.5')
    """
    number = format_number(value)
    if not noun:
        return number
    return f"{number} {noun if value == 1 else plural(noun)}"


def noun_plural(claim: Claim) -> str:
    """The plural of what a claim counts ("countries"), or "" when it counts nothing named."""
    return plural(claim.noun) if claim.noun else ""


def as_written(claim: Claim) -> str:
    """The figure as the article writes it, with what it counts: "35 countries", "€1.1bn", "4.2 billion".

    The claim's own surface text is kept (its currency sign, scale word and rounding are what the
    editor wrote); a bare count gets its counted noun, in the plural unless the figure is one, so the
    phrase reads as English wherever it is printed.
    """
    text = " ".join(claim.text.split())
    if claim.unit == "count" and claim.noun and not any(ch.isalpha() for ch in text):
        return f"{text} {claim.noun if claim.value == 1 else plural(claim.noun)}"
    return text


def explanation_to_show(finding: Finding) -> str:
    """The finding's explanation when it adds to the message; "" when the message already says it
    (many rules' message is ``{explanation}`` itself), so no report prints the same words twice."""
    explanation = finding.explanation.strip()
    if not explanation or explanation in finding.message:
        return ""
    return explanation
