"""One figure reported differently by different articles of the same story: "31 killed" and "13 killed".

Why it matters: a newsroom publishes many articles on one event, and wire copy, updates and
regional rewrites drift apart. Two articles that give different exact tolls for the same event
tell the reader at least one of them is wrong.

This is a check across articles (scope ``frames``): it reads a claims frame of many articles
(`numcheck.extract_frame`, run through `numcheck.compare_frame`), not one article's claims. It is
conservative like the in-article ``repeated_figure`` check: two figures are compared only when
both are exact (qualifier ``eq``), count the same noun in the same unit, and their clauses name the
same event (see `predicate_of`); they disagree only when their honest intervals cannot meet, and
two articles that share any agreeing figure for it are not flagged at all (one may quote both the
old and the new toll). "about 30 killed" never contradicts "31 killed".

With a time column, a later article's different figure is an update (``update_severity``, a toll
that rose), not a contradiction; articles further apart than ``window_hours`` are not compared.

An example is a set of articles of one story, separated by a line holding ``---``.

Fails:
    Officials said 31 people were killed. / In the town, 13 people were killed.

Passes:
    About 30 people were killed. / Officials said 31 people were killed.

Params:
    events: each event's name mapped to the words that pin a figure to it ("dead": [killed, died, ...]).
        A clause naming two events ("killed or injured") or none is never compared.
    window_hours: articles further apart in time are not compared (needs a time column). Default: no limit.
    update_severity: the severity of a later article's different figure. Default info.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from numcheck.checks.kind import CheckKind, Problems, number
from numcheck.columns import COMPARE_COLUMNS, build_frame, empty_data, import_pandas
from numcheck.english import PHRASE_BREAK
from numcheck.intervals import Interval
from numcheck.vocabulary import SEVERITIES

if TYPE_CHECKING:
    from numcheck.rule import Rule

__all__ = ["CHECK", "FRAME_COLUMNS", "check", "predicate_of"]

#: The columns a claims frame must have for this check; `numcheck.compare_frame` builds them.
#: ``group`` holds the ``by`` values (a tuple), ``article`` the article id and ``time`` its time.
FRAME_COLUMNS = ("group", "article", "claim", "time", "text", "value", "unit", "noun", "qualifier", "low", "high",
                 "sentence_text")
#: Row positions of the two claims in the claims frame, beside `COMPARE_COLUMNS`.
POSITION_COLUMNS = (("row_a", "Int64"), ("row_b", "Int64"))

_WORD = re.compile(r"[a-z]+")


def event_words(events: Mapping[str, Any]) -> dict[str, str]:
    """The ``events`` parameter turned round: each word mapped to its event's name."""
    table = {}
    for name, words in events.items():
        for word in [words] if isinstance(words, str) else words:
            table[word.lower()] = name
    return table


def predicate_of(sentence: str | None, claim_text: str, words: Mapping[str, str]) -> str | None:
    """What the clause around a figure says happened, by ``words`` (word -> event), or None if unclear.

    The clause runs from the previous to the next break (comma, semicolon, "and"...), so in "31
    were killed and 13 injured" the 31 is "dead" and the 13 "injured". A clause with two different
    events ("31 killed or injured") is unclear, and an unclear figure is never compared.

    >>> words = {"killed": "dead", "injured": "injured", "missing": "missing"}
    >>> predicate_of("At least 31 people were killed and 13 injured.", "13", words)
    'injured'
    >>> predicate_of("The storm left 40 people killed or missing.", "40", words) is None
    True
    """
    if not isinstance(sentence, str) or not sentence:
        return None
    match = re.search(rf"(?<![\w.,]){re.escape(claim_text)}(?!\w)", sentence) if claim_text else None
    if match is None:
        clause = sentence
    else:
        at, after = match.span()
        starts = [m.end() for m in PHRASE_BREAK.finditer(sentence, 0, at)]
        ends = [m.start() for m in PHRASE_BREAK.finditer(sentence, after)]
        clause = sentence[starts[-1] if starts else 0 : ends[0] if ends else len(sentence)]
    found = {words[w] for w in _WORD.findall(clause.lower()) if w in words}
    return found.pop() if len(found) == 1 else None


def check(rule: Rule, claims_frame: Any) -> Any:
    """One row per pair of articles of one group that disagree on one figure (`COMPARE_COLUMNS`
    plus ``row_a``/``row_b``, the positions of the two claims in ``claims_frame``)."""
    pd = import_pandas()
    cols = {name: [_cell(v, pd) for v in claims_frame[name].tolist()] for name in FRAME_COLUMNS}
    words = event_words(rule.params["events"])
    times = _hours(cols["time"], pd)
    window = rule.params.get("window_hours")
    # key (group, noun, unit, event) -> article -> row positions of its exact figures
    figures: dict[tuple[Any, ...], dict[Any, list[int]]] = {}
    for row in range(len(claims_frame)):
        if cols["qualifier"][row] != "eq" or cols["noun"][row] is None or cols["value"][row] is None:
            continue
        event = predicate_of(cols["sentence_text"][row], cols["text"][row] or "", words)
        if event is not None:
            key = (cols["group"][row], cols["noun"][row], cols["unit"][row], event)
            figures.setdefault(key, {}).setdefault(cols["article"][row], []).append(row)
    columns = (*COMPARE_COLUMNS, *POSITION_COLUMNS)
    data = empty_data(columns)
    for (_group, noun, unit, event), articles in figures.items():
        order = sorted(articles, key=lambda a: (cols["time"][articles[a][0]] is None,
                                                _sortable(cols["time"][articles[a][0]])))
        for i, source_a in enumerate(order):
            for source_b in order[i + 1 :]:
                rows_a, rows_b = articles[source_a], articles[source_b]
                a, b = rows_a[0], rows_b[0]
                gap = None if times[a] is None or times[b] is None else abs(times[b] - times[a])
                if window is not None and gap is not None and gap > window:
                    continue
                if any(_overlap(cols, x, y) for x in rows_a for y in rows_b):
                    continue
                time_a, time_b = cols["time"][a], cols["time"][b]
                is_update = time_a is not None and time_b is not None and time_a != time_b
                record = {
                    "rule": rule.id, "severity": rule.params["update_severity"] if is_update else rule.severity,
                    "noun": noun, "unit": unit, "predicate": event,
                    "source_a": str(source_a), "claim_a": cols["claim"][a], "value_a": cols["value"][a],
                    "text_a": cols["text"][a],
                    "source_b": str(source_b), "claim_b": cols["claim"][b], "value_b": cols["value"][b],
                    "text_b": cols["text"][b],
                    "explanation": _explain(cols, a, b, source_a, source_b, f"{noun}, {event}", is_update),
                    "row_a": a, "row_b": b,
                }
                for name, _ in columns:
                    data[name].append(record[name])
    return build_frame(columns, data)


def _cell(value: Any, pd: Any) -> Any:
    """A cell as a plain Python value with missing values as None (pd.NA is not hashable-safe)."""
    return None if value is None or (not isinstance(value, list | tuple) and pd.isna(value)) else value


def _hours(times: list[Any], pd: Any) -> list[float | None]:
    """Each time in hours since the epoch, or None when it is missing or not a date."""
    parsed = pd.to_datetime(pd.Series(times, dtype=object), errors="coerce", utc=True, format="mixed")
    return [None if pd.isna(t) else t.timestamp() / 3600 for t in parsed]


def _sortable(value: Any) -> Any:
    return "" if value is None else value


def _overlap(cols: dict[str, list[Any]], a: int, b: int) -> bool:
    """Whether two figures can be the same number: the one `Interval` test every check uses."""
    return Interval(cols["low"][a], cols["high"][a]).overlaps(Interval(cols["low"][b], cols["high"][b]))


def _explain(cols: dict[str, list[Any]], a: int, b: int, source_a: Any, source_b: Any, what: str, update: bool) -> str:
    value_a, value_b = cols["value"][a], cols["value"][b]
    if update:
        trend = "rose" if value_b > value_a else "fell"
        return (f"{source_a} reported {cols['text'][a]} ({what}); the later {source_b} reports "
                f"{cols['text'][b]}: the figure {trend} by {abs(value_b - value_a):g}")
    return (f"{source_a} says {cols['text'][a]} ({what}) but {source_b} says {cols['text'][b]}; "
            f"both are exact figures for the same story, {abs(value_b - value_a):g} apart, so at most one is right")


def compile_params(params: Mapping[str, Any]) -> tuple[dict[str, Any], Problems]:
    """A word may pin a figure to one event only: the schema cannot see across the lists."""
    problems: Problems = []
    seen: dict[str, str] = {}
    for name, words in params["events"].items():
        for word in [words] if isinstance(words, str) else words:
            first = seen.setdefault(word.lower(), name)
            if first != name:
                problems.append((("events", name), f"word '{word}' pins figures to both '{first}' and '{name}'"))
    return dict(params), problems


CHECK = CheckKind(
    name="corpus_figure", run=check, scope="frames", compile=compile_params,
    params={"window_hours": None, "update_severity": "info"}, required=("events",),
    schema={
        "events": {
            "type": "object", "minProperties": 1,
            "description": "Each event's name mapped to the words that pin a figure to it.",
            "additionalProperties": {"$ref": "#/$defs/words"},
            "errorMessage": {"type": "'events' must map event names to words",
                             "minProperties": "'events' must map event names to words"},
        },
        "window_hours": {**number("Articles further apart in time are not compared.", minimum=0)},
        "update_severity": {"type": "string", "enum": list(SEVERITIES),
                            "description": "The severity of a later article's different figure.",
                            "errorMessage": {"enum": "bad severity '{value}' (expected one of: {allowed})"}},
    },
)
