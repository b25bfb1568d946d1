"""Plant one wrong figure into a labelled relation, FactCC NumberSwap style, in memory only.

A checker that stays silent on real news is deaf, not quiet; the only way to measure how often it
hears a real mistake is to make mistakes we know about. Each consistent relation in
``real_relations.jsonl`` gets exactly one edit that breaks its arithmetic far beyond rounding and
qualifiers: a direction word flipped (rose -> fell), a scale word swapped (million -> billion), or one
figure changed (a part, a total, a percentage, a stated change). These are the **gross** plants: fixed
rules, no randomness, so the same labels always give the same corrupted texts.

The **fine** plants (``plant(..., fine=True)``) change one figure by the smallest amount that still
breaks the relation beyond the rounding its printed digits allow and its qualifier ("about" widens a
figure by 10%, "more than" opens it upwards, "up to" downwards): a part 1-5 units of its last digit
past its whole, a percentage or stated change moved 5-10 points, a restated figure with two digits
swapped or off by 10%, a share that pushes a set of shares 1-5 units past 100%, a total 1-5 units
below the sum of its parts, a new value 1-5 units on the wrong side of the old one. The amounts are
drawn from a generator seeded by `FINE_SEED` and the label itself, so each label's plant stays the same
when other labels are added; when the drawn amount is still inside the rounding, the edit goes on one
unit at a time until it is not. A relation no such edit can break is not planted, nor one that
already fails these intervals as printed.

A relation that no check could ever contradict on its own ("rose 4.3% to 1.97bn": no old value, no
direction to test against) is not plantable and is reported as such rather than counted as a miss.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

__all__ = ["FINE_SEED", "Plant", "breakable", "plant", "plantable", "shift"]

#: The seed of the fine plants' amounts (with each label's path and spans, see `_generator`).
FINE_SEED = 20261204

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
_APPROX = re.compile(r"(about|around|roughly|approximately|nearly|near|almost|some|close to|an estimated|"
                     r"just over|just under|circa)\s*$", re.I)
#: How far "about" and its kin widen a figure for the fine plants (numcheck itself uses less).
APPROX_MARGIN = 0.10
_FACTORS: Mapping[str, float] = MappingProxyType({"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6,
                                                 "trillion": 1e12})


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
    how: str  # "direction", "scale", "figure" or "swap"
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


def plant(text: str, label: Mapping[str, Any], fine: bool = False) -> Plant | None:
    """The article with one figure of ``label``'s relation made wrong, or None when not plantable
    (`plantable`) or not breakable in this text (`breakable`, and for a fine plant `_fine`)."""
    if not plantable(label) or not breakable(text, label):
        return None
    if fine:
        return _fine(text, label)
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
    figure = _Figure.at(text, span)
    return figure.rounded(figure.value)


@dataclass(frozen=True, slots=True)
class _Figure:
    """One printed figure: its value and digits, the scale word after it and the qualifier before it."""

    start: int
    end: int
    value: float
    printed: str
    factor: float
    qualifier: str  # "eq", "approx", "lower" (more than) or "upper" (up to)

    @classmethod
    def at(cls, text: str, span: Sequence[int]) -> _Figure:
        start, end, value, printed = _number_in(text, span)
        scale = _SCALE.match(text, end)
        factor = _FACTORS[scale.group(1).lower()] if scale else 1.0
        before = text[max(0, span[0] - 20):start].rstrip("£$€- ")
        qualifier = ("approx" if _APPROX.search(before) else "lower" if _LOWER_BOUND.search(before)
                     else "upper" if _UPPER_BOUND.search(before) else "eq")
        return cls(start, end, value, printed, factor, qualifier)

    @property
    def unit(self) -> float:
        """One unit of the last printed digit, as printed (before the scale word)."""
        return 10.0 ** -(len(self.printed.split(".")[1]) if "." in self.printed else 0)

    def rounded(self, value: float) -> tuple[float, float]:
        """What ``value`` printed with these digits allows by rounding alone, scale applied."""
        return (value - self.unit / 2) * self.factor, (value + self.unit / 2) * self.factor

    def interval(self, value: float) -> tuple[float, float]:
        """What ``value`` printed here allows, rounding and the qualifier before it both applied."""
        low, high = self.rounded(value)
        if self.qualifier == "approx":
            return low - abs(low) * APPROX_MARGIN, high + abs(high) * APPROX_MARGIN
        if self.qualifier == "lower":
            return low, math.inf
        if self.qualifier == "upper":
            return -math.inf, high
        return low, high


def _generator(label: Mapping[str, Any]) -> random.Random:
    """A generator for one label: the same amounts every run, whatever other labels exist."""
    return random.Random(f"{FINE_SEED}:{label['path']}:{label['spans']}")


def _fine(text: str, label: Mapping[str, Any]) -> Plant | None:
    """The fine plant of ``label`` (module doc), or None when no one small edit breaks it."""
    kind, roles = label["kind"], list(label["roles"])
    spans = [tuple(span) for span in label["spans"]]
    figures = [_Figure.at(text, span) for span in spans]
    rng = _generator(label)

    def of(role: str) -> _Figure:
        return figures[roles.index(role)]

    if kind == "change":
        old, new = of("old"), of("new")
        ratio = _divide(new.interval(new.value), old.interval(old.value))
        if "change" in roles and text[of("change").end:of("change").end + 1] == "%":
            allowed = _magnitude(((ratio[0] - 1) * 100, (ratio[1] - 1) * 100))
            return _move(text, of("change"), allowed, rng.randint(5, 10), rng)
        for role in ("change", "delta"):
            if role in roles:
                allowed = _magnitude(_minus(new.interval(new.value), old.interval(old.value)))
                return _move(text, of(role), allowed, 0.1 * of(role).value, rng)
        # A direction word alone: the new value goes 1-5 units to the wrong side of the old one.
        rising = new.value * new.factor > old.value * old.factor
        allowed = (old.interval(old.value)[0], math.inf) if rising else (-math.inf, old.interval(old.value)[1])
        return _past(text, new, old.value * old.factor, allowed, rng)
    if kind == "part_of_whole":
        whole = of("whole")
        return _past(text, of("part"), whole.value * whole.factor, (-math.inf, whole.interval(whole.value)[1]), rng)
    if kind == "sum_of_parts":
        parts = [f for f, role in zip(figures, roles, strict=True) if role == "part"]
        if "total" in roles:
            floor = sum(f.interval(f.value)[0] for f in parts)
            return _past(text, of("total"), sum(f.value * f.factor for f in parts), (floor, math.inf), rng)
        largest = max(parts, key=lambda f: f.value * f.factor)
        others = [f for f in parts if f is not largest]
        return _past(text, largest, 100 - sum(f.value for f in others),
                     (-math.inf, 100 - sum(f.interval(f.value)[0] for f in others)), rng)
    if kind == "percent_of":
        part, whole = of("part"), of("whole")
        share = _divide(part.interval(part.value), whole.interval(whole.value))
        return _move(text, of("percent"), (share[0] * 100, share[1] * 100), rng.randint(5, 10), rng)
    if kind == "fraction_of":
        if "part" not in roles:
            return None
        fraction, whole, part = of("fraction"), of("whole"), of("part")
        low, high = _fraction(text, spans[roles.index("fraction")]) or fraction.interval(fraction.value)
        wlow, whigh = whole.interval(whole.value)
        return _move(text, part, (min(low * wlow, low * whigh), max(high * wlow, high * whigh)),
                     0.1 * part.value, rng)
    # repeated_figure: two digits of the second statement swapped, or it is off by 10%.
    first, second = figures[0], figures[-1]
    if not (first.printed[0].isdigit() and second.printed[0].isdigit()):
        return None  # "less than half" against "47%": a word figure's size is not its digits
    allowed = first.interval(first.value)
    if _apart(second.interval(second.value), allowed):
        return None  # see `_settle`
    if rng.random() < 0.5:
        swapped = _swap_digits(second.printed, rng)
        if swapped is not None and _apart(second.interval(float(swapped.replace(",", ""))), allowed):
            return _replace(text, second.start, second.end, swapped, "swap")
    return _move(text, second, allowed, 0.1 * second.value, rng)


_ONE_IN = re.compile(r"(\w+)\s+(?:in|out of)\s+(\w+)\s*$", re.I)


def _fraction(text: str, span: Sequence[int]) -> tuple[float, float] | None:
    """"two in five" as the shares it allows (a count out of five, rounded: 0.3 to 0.5), or None for
    any other wording."""
    match = _ONE_IN.match(text, *span)
    if match is None:
        return None
    a, b = (float(w) if w.isdigit() else WORD_VALUES.get(w.lower()) for w in match.groups())
    return None if a is None or not b else ((a - 0.5) / b, (a + 0.5) / b)


def _divide(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """Every quotient ``a / b`` allows; unbounded when ``b`` may be zero or a bound makes it undefined."""
    if b[0] <= 0 <= b[1]:
        return -math.inf, math.inf
    quotients = [x / y if math.isfinite(y) else 0.0 for x in a for y in b]
    if any(math.isnan(q) for q in quotients):
        return -math.inf, math.inf
    return min(quotients), max(quotients)


def _minus(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return a[0] - b[1], a[1] - b[0]


def _magnitude(interval: tuple[float, float]) -> tuple[float, float]:
    """The sizes a signed interval allows: a change is printed without its sign."""
    low, high = interval
    if low <= 0 <= high:
        return 0.0, max(-low, high)
    return min(abs(low), abs(high)), max(abs(low), abs(high))


def _apart(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


#: How many units past the edge of what is allowed an edit may go to clear rounding (a guard only:
#: qualifiers widen a figure by a share of itself, so a few units always do).
_MAX_STEPS = 1000


def _settle(figure: _Figure, value: float, step: float, allowed: tuple[float, float]) -> float | None:
    """``value``, moved on by ``step`` until its interval clears ``allowed``; None if it cannot, or if
    the printed figure is already outside ``allowed`` (the article leans on looser rounding than its
    digits say, "a survey of 2,000" for 2,234 people, so no edit is the least that breaks it)."""
    if _apart(figure.interval(figure.value), allowed):
        return None
    digits = len(figure.printed.split(".")[1]) if "." in figure.printed else 0
    value = round(value, digits)  # the value as it will be printed
    edge = (allowed[1] if step > 0 else allowed[0]) / figure.factor
    if not math.isfinite(edge):
        return None
    if (edge - value) * step > 0 and not _apart(figure.interval(value), allowed):
        value = round(edge, digits)  # a coarse relation: go straight to its edge, then unit by unit
    for _ in range(_MAX_STEPS):
        if value < 0:
            return None
        if _apart(figure.interval(value), allowed):
            return value
        value = round(value + step, digits)
    return None


def _move(text: str, figure: _Figure, allowed: tuple[float, float], amount: float, rng: random.Random) -> Plant | None:
    """Move ``figure`` by ``amount`` (in its printed units), in a seeded direction, then on until its
    interval clears ``allowed``; the other direction when that one cannot (a figure below zero)."""
    amount = max(amount, figure.unit)
    for sign in (1, -1) if rng.random() < 0.5 else (-1, 1):
        start = figure.value + sign * amount
        value = _settle(figure, start, sign * figure.unit, allowed)
        if value is not None:
            return _set_number(text, (figure.start, figure.end), value)
    return None


def _past(text: str, figure: _Figure, edge: float, allowed: tuple[float, float], rng: random.Random) -> Plant | None:
    """Put ``figure`` 1-5 units of its last digit past ``edge`` (a value, scale applied) on the side
    away from ``allowed`` (past the edge of ``allowed`` when that is further out), then on until its
    interval clears ``allowed``."""
    up = math.isfinite(allowed[1])
    if not math.isfinite(allowed[1] if up else allowed[0]):
        return None
    sign = 1 if up else -1
    step = rng.randint(1, 5) * figure.unit
    start = edge / figure.factor + sign * step
    bound = (allowed[1] if up else allowed[0]) / figure.factor
    if sign * (bound - start) > 0:  # a qualifier ("near-400,000") moves the edge further out
        start = bound + sign * step
    value = _settle(figure, start, sign * figure.unit, allowed)
    return None if value is None else _set_number(text, (figure.start, figure.end), value)


def _swap_digits(printed: str, rng: random.Random) -> str | None:
    """``printed`` with two neighbouring, different digits swapped (a seeded pair), or None."""
    digits = [i for i, c in enumerate(printed) if c.isdigit()]
    pairs = [(a, b) for a, b in itertools.pairwise(digits)
             if b == a + 1 and printed[a] != printed[b] and not (a == 0 and printed[b] == "0")]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return printed[:a] + printed[b] + printed[a] + printed[b + 1:]


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
