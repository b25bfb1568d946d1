"""Plant one wrong figure into a labelled relation, FactCC NumberSwap style, in memory only.

A checker that stays silent on real news is deaf, not quiet; the only way to measure how often it
hears a real mistake is to make mistakes we know about. Each consistent relation in
``real_relations.jsonl`` gets exactly one edit that breaks its arithmetic far beyond rounding and
qualifiers: a direction word flipped (rose -> fell), a scale word swapped (million -> billion), or one
figure changed (a part, a total, a percentage, a stated change). The rules are fixed, so the same
labels always give the same corrupted texts (no randomness, hence no seed to forget).

A relation that no check could ever contradict on its own ("rose 4.3% to 1.97bn": no old value, no
direction to test against) is not plantable and is reported as such rather than counted as a miss.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

__all__ = ["Plant", "breakable", "plant", "plantable", "shift"]

#: Direction words and the word that says the opposite, lower case.
FLIPS: Mapping[str, str] = MappingProxyType({
    "up": "down", "down": "up", "rose": "fell", "fell": "rose", "rise": "fall", "fall": "rise",
    "raised": "cut", "cut": "raised", "cutting": "raising", "increased": "decreased", "increase": "decrease",
    "decreased": "increased", "decrease": "increase", "slipping": "climbing", "scaled back": "raised",
    "recovering": "falling", "reduced": "increased", "slid": "rose", "climbed": "fell", "boosted": "cut",
    "eased": "rose", "lower": "higher", "higher": "lower", "decline": "rise", "slow": "accelerate",
    "dropped": "rose", "extend": "shorten", "jumped": "fell", "gained": "lost", "reducing": "raising",
})
#: Scale words and the one a thousand times larger or smaller.
SCALES: Mapping[str, str] = MappingProxyType({
    "bn": "m", "m": "bn", "billion": "million", "million": "billion", "trillion": "billion",
})
WORD_VALUES: Mapping[str, float] = MappingProxyType({
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "half": 0.5, "quarter": 0.25, "third": 1 / 3,
})
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALE = re.compile(r"(?<=\d)\s?(bn|m|billion|million|trillion)\b", re.I)
_WORD = re.compile(r"\b(" + "|".join(WORD_VALUES) + r")(?:-(" + "|".join(list(WORD_VALUES)[:9]) + r"))?\b", re.I)
_UPPER_BOUND = re.compile(r"(less than|fewer than|under|up to|below|at most)\s*$", re.I)
_LOWER_BOUND = re.compile(r"(more than|over|at least|above|upwards of)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Plant:
    """One corrupted copy of an article: the new text and where the edit is.

    ``start``/``old_end`` locate the replaced text in the clean article, ``start``/``new_end`` the
    replacement in the corrupted one; every offset after the edit moves by ``new_end - old_end``.
    """

    text: str
    start: int
    old_end: int
    new_end: int
    how: str  # "direction", "scale" or "figure"
    before: str
    after: str

    @property
    def delta(self) -> int:
        return self.new_end - self.old_end


def shift(position: int, edit: Plant) -> int:
    """Map an offset of the clean article into the corrupted one."""
    return position + edit.delta if position >= edit.old_end else position


def plantable(label: Mapping[str, Any]) -> bool:
    """Whether some check could catch a wrong figure in this relation at all (see module doc)."""
    if not label["consistent"]:
        return False
    roles = set(label["roles"])
    if label["kind"] == "change":
        return {"old", "new"} <= roles and ("cue" in label or roles & {"change", "delta"} != set())
    if label["kind"] == "fraction_of":
        return "whole" in roles
    return True


def breakable(text: str, label: Mapping[str, Any]) -> bool:
    """Whether one edit of the kind `plant` makes can break this relation in this text at all.

    Two shapes cannot be broken beyond rounding and qualifiers, which is what a plant promises:
    a direction flip between figures whose rounding intervals overlap ("rose from 7% to 7.1%" flipped
    to "fell" is still true if 7% was 7.3%), and a repeat stated twice under the same one-sided
    bound ("more than 16%" twice: any single new figure after "more than" can hold with the other).
    By the interval rule no check may fire on either, so counting them would measure nothing.
    """
    kind, roles = label["kind"], list(label["roles"])
    spans = [tuple(span) for span in label["spans"]]
    if kind == "change" and not ({"change", "delta"} & set(roles)):
        return not _could_be_equal(text, spans[roles.index("old")], spans[roles.index("new")])
    if kind == "repeated_figure" and not _SCALE.search(text, *spans[-1]):
        return not (all(_LOWER_BOUND.search(text, 0, span[0]) for span in spans)
                    or all(_UPPER_BOUND.search(text, 0, span[0]) for span in spans))
    return True


def plant(text: str, label: Mapping[str, Any]) -> Plant | None:
    """The article with one figure of ``label``'s relation made wrong, or None when not plantable
    (`plantable`) or not breakable in this text (`breakable`)."""
    if not plantable(label) or not breakable(text, label):
        return None
    kind, roles = label["kind"], list(label["roles"])
    spans = [tuple(span) for span in label["spans"]]
    if kind == "change":
        for role in ("change", "delta"):
            if role in roles:
                return _scale_number(text, spans[roles.index(role)], 2.0, 0 if role == "delta" else 15)
        start, end = label["cue"]
        word = text[start:end]
        flipped = FLIPS[word.lower()]
        return _replace(text, start, end, flipped if word[:1].islower() else flipped.capitalize(), "direction")
    if kind == "part_of_whole":
        whole = _value(text, spans[roles.index("whole")])
        return _set_number(text, spans[roles.index("part")], 2 * whole + 1)
    if kind == "sum_of_parts":
        if "total" in roles:
            return _scale_number(text, spans[roles.index("total")], 0.5)
        values = [_value(text, span) for span in spans]
        largest = max(range(len(values)), key=values.__getitem__)
        return _set_number(text, spans[largest], values[largest] + 120 - sum(values))
    if kind == "percent_of":
        return _scale_number(text, spans[roles.index("percent")], 2.0, 15)
    if kind == "fraction_of":
        return _scale_number(text, spans[roles.index("whole")], 0.5)
    # repeated_figure: a scale slip where the second statement has a scale word, else a different value.
    start, end = spans[-1]
    scale = _SCALE.search(text, start, end)
    if scale:
        word = scale.group(1)
        return _replace(text, scale.start(1), scale.end(1), SCALES[word.lower()], "scale")
    factor = 1.5 if _UPPER_BOUND.search(text, 0, spans[0][0]) else 0.5
    return _scale_number(text, spans[-1], factor)


def _interval(text: str, span: Sequence[int]) -> tuple[float, float]:
    """The figure in ``span`` as the interval its printed digits allow, scale word applied."""
    _, end, value, printed = _number_in(text, span)
    scale = _SCALE.match(text, end)
    factor = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "trillion": 1e12}.get(
        scale.group(1).lower(), 1.0) if scale else 1.0
    half = 0.5 * 10 ** -(len(printed.split(".")[1]) if "." in printed else 0)
    return (value - half) * factor, (value + half) * factor


def _could_be_equal(text: str, old: Sequence[int], new: Sequence[int]) -> bool:
    a, b = _interval(text, old), _interval(text, new)
    return a[0] < b[1] and b[0] < a[1]


def _replace(text: str, start: int, end: int, new: str, how: str) -> Plant:
    return Plant(text[:start] + new + text[end:], start, end, start + len(new), how, text[start:end], new)


def _number_in(text: str, span: Sequence[int]) -> tuple[int, int, float, str]:
    """The first figure inside ``span``: where it is, its value and how it was printed."""
    start, end = span
    match = _NUMBER.search(text, start, end)
    if match:
        printed = match.group()
        return match.start(), match.end(), float(printed.replace(",", "")), printed
    word = _WORD.search(text, start, end)
    if word is None:
        raise ValueError(f"no figure in {text[start:end]!r}")
    value = WORD_VALUES[word.group(1).lower()] + (WORD_VALUES[word.group(2).lower()] if word.group(2) else 0)
    return word.start(), word.end(), value, word.group()


def _value(text: str, span: Sequence[int]) -> float:
    return _number_in(text, span)[2]


def _scale_number(text: str, span: Sequence[int], factor: float, floor: float = 0) -> Plant:
    """Multiply the figure by ``factor``; ``floor`` is the least absolute change (for small percentages)."""
    value = _value(text, span)
    new = value * factor
    if abs(new - value) < floor:
        new = value + floor if factor > 1 else value - floor
    return _set_number(text, span, new)


def _set_number(text: str, span: Sequence[int], new: float) -> Plant:
    start, end, value, printed = _number_in(text, span)
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    formatted = f"{new:,.{decimals}f}" if "," in printed or new >= 10_000 else f"{new:.{decimals}f}"
    if float(formatted.replace(",", "")) == value:
        formatted = f"{value + 1:.{decimals}f}"
    return _replace(text, start, end, formatted, "figure")
