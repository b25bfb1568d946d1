"""Adversarial articles: the inputs most likely to find a slow path or a crash in numcheck.

Shared by ``tests/test_adversarial.py`` (each must finish, and yield sane claims) and
``benchmarks/bench_adversarial.py`` (each must cost per claim no more than 3x ordinary news), so
the benchmark measures exactly what the test guards. Every builder returns text of about ``size``
characters; the sentences are written for this project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

MEGABYTE = 1_000_000

PROSE = (
    "The council said 1,240 people applied for the 35 new homes, about 3.5% of the waiting list. "
    "Some 26 of the 35 members voted for the plan, which costs £12.5m over five years. "
    "Between 30 and 40 staff will move, and the budget rises from €1.1bn to €1.3bn. "
)


@dataclass(frozen=True, slots=True)
class Adversary:
    """One adversarial input: how to build it and the markup it is read as."""

    name: str
    kind: str
    build: Callable[[int], str]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _numbers_in_one_sentence(size: int) -> str:
    """100,000 numbers (at 1 MB) in one sentence: one sentence, many claims, no full stop."""
    count = max(size // 10, 1)
    body = ", ".join(f"{i % 1000} cats" for i in range(count))
    return "We counted " + body[: size - 12]


def _nested_lists(size: int) -> str:
    lines = []
    total = depth = 0
    while total < size:
        line = "  " * (depth % 2000) + f"- item {depth % 97} of 97\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)[:size]


def _html_table(size: int) -> str:
    row = "<tr><td>North</td><td>1,240</td><td>3.5%</td><td>£12.5m</td><td>about 26 of 35</td></tr>\n"
    head = "<html><body><table>\n"
    tail = "</table></body></html>\n"
    return head + _repeat(row, size - len(head) - len(tail)) + tail


def _nested_quote(size: int) -> str:
    depth = (size - 20) // 2
    return "> " * depth + "26 of 35 people"


ADVERSARIES = MappingProxyType({
    a.name: a
    for a in (
        Adversary("comma_digit_run", "text", lambda n: _repeat("1,", n)),
        Adversary("dot_digit_run", "text", lambda n: _repeat("1.", n)),
        Adversary("space_digit_run", "text", lambda n: _repeat("1 000 ", n)),
        Adversary("one_huge_number", "text", lambda n: _repeat("9", n)),
        Adversary("dash_digit_run", "text", lambda n: _repeat("1-", n)),
        Adversary("scale_words", "text", lambda n: "12 " + _repeat("million ", n - 3)),
        Adversary("number_words", "text", lambda n: _repeat("twenty-six hundred and ", n)),
        Adversary("numbers_one_sentence", "text", _numbers_in_one_sentence),
        Adversary("nested_blockquote", "markdown", _nested_quote),
        Adversary("nested_blockquote_lines", "markdown", lambda n: _repeat("> > > > > > > > 5 people\n", n)),
        Adversary("nested_lists", "markdown", _nested_lists),
        Adversary("open_brackets", "markdown", lambda n: _repeat("[", n - 6) + "5 cats"),
        Adversary("link_brackets", "markdown", lambda n: _repeat("[12](", n)),
        Adversary("html_table", "html", _html_table),
        Adversary("unclosed_tags", "html", lambda n: _repeat("<", n - 7) + " 5 cats"),
        Adversary("unclosed_attrs", "html", lambda n: _repeat('<a href="12 ', n)),
        Adversary("one_long_line", "text", lambda n: _repeat(PROSE, n).replace("\n", " ")),
        Adversary("dashes", "markdown", lambda n: _repeat("-", n)),
        Adversary("stars", "markdown", lambda n: _repeat("*", n)),
        Adversary("underscores", "markdown", lambda n: _repeat("_", n)),
        Adversary("emphasis_mix", "markdown", lambda n: _repeat("*_-12 ", n)),
        Adversary("percent_signs", "text", lambda n: _repeat("5%%", n)),
        Adversary("currency_run", "text", lambda n: _repeat("£$€", n - 3) + "12m"),
        Adversary("newlines", "text", lambda n: _repeat("\n", n - 2) + "12"),
        Adversary("dot_run", "text", lambda n: _repeat(".", n - 9) + "5 people"),
        Adversary("long_word_before_change", "text", lambda n: _repeat("x", n - 32) + " rose 5% from 10 to 20 people."),
        Adversary("long_sentence_of_words", "text", lambda n: _repeat("the staff ", n - 32) + "rose 5% from 10 to 20."),
    )
})
