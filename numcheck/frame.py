"""pandas over whole frames of articles: check them, extract their claims, compare figures across them.

Newsrooms keep archives as DataFrames (one row per article, a text column, an id, a story, a date),
and past one machine `check_frame` is the unit of work for Dask's ``map_partitions``. The columns
and dtypes of every frame here are declared once, in `numcheck.columns`, which also builds
`Report.claims_frame()` and `Report.findings_frame()` (this module re-exports ``claims_frame`` and
``findings_frame``). The `Checker` is imported only when a frame is checked, and pandas only
inside the functions, because ``import numcheck`` must stay fast for the CLI.

``findings_meta``/``claims_meta`` give the empty frames Dask's ``map_partitions(..., meta=...)`` needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import Any

from numcheck.columns import (
    CLAIM_COLUMNS,
    COMPARE_COLUMNS,
    FINDING_COLUMNS,
    add_claims,
    add_findings,
    build_frame,
    claims_frame,
    empty_data,
    findings_frame,
    import_pandas,
)
from numcheck.english import PHRASE_BREAK

__all__ = [
    "CLAIM_COLUMNS",
    "COMPARE_COLUMNS",
    "FINDING_COLUMNS",
    "check_frame",
    "claims_frame",
    "claims_meta",
    "compare_frame",
    "extract_frame",
    "findings_frame",
    "findings_meta",
]

#: Words that say what happened to the people counted, mapped to one name per event. Two figures
#: are compared across articles only when their clauses carry the same one of these: "31 killed"
#: and "13 injured" are different counts, not a disagreement. Deliberately short: an unknown verb
#: means no comparison, which is the conservative side.
_PREDICATES = MappingProxyType({
    "dead": "dead", "died": "dead", "die": "dead", "dies": "dead", "killed": "dead", "death": "dead",
    "deaths": "dead", "fatalities": "dead", "toll": "dead", "lives": "dead",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "missing": "missing", "unaccounted": "missing",
    "evacuated": "evacuated", "evacuees": "evacuated",
    "displaced": "displaced", "homeless": "homeless",
    "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
    "rescued": "rescued", "trapped": "trapped",
    "hospitalised": "hospitalised", "hospitalized": "hospitalised",
})

_WORD = re.compile(r"[a-z]+")


# --- whole DataFrames of articles ------------------------------------------------------------------


def _extract_columns() -> tuple[tuple[str, str], ...]:
    """extract_frame's body: the claim columns without ``source``, ``id`` renamed, plus the sentence."""
    body = tuple(("claim", code) if name == "id" else (name, code) for name, code in CLAIM_COLUMNS[1:])
    return (*body, ("sentence_text", "string"))


def _rows(df: Any, text_column: str, id_column: str | None, keep: Sequence[str], caller: str) -> list[tuple[int, Any]]:
    """(position, cell) of every row, after checking that each named column exists."""
    for column in (text_column, id_column, *keep):
        if column is not None and column not in df.columns:
            shown = ", ".join(map(str, df.columns))
            raise KeyError(f"{caller}: no column {column!r} in the frame (columns: {shown})")
    return list(enumerate(df[text_column].tolist()))


def _keyed(df: Any, id_column: str | None, keep: Sequence[str], positions: list[int], body: Any, caller: str) -> Any:
    """Put the article id (typed as in ``df``) and the ``keep`` columns in front of ``body``."""
    pd = import_pandas()
    if id_column is None:
        head = {df.index.name or "index": pd.Series(df.index.take(positions), dtype=df.index.dtype)}
    else:
        head = {id_column: df[id_column].iloc[positions].reset_index(drop=True)}
    for column in keep:
        head[column] = df[column].iloc[positions].reset_index(drop=True)
    for name in head:
        if name in body.columns:
            raise ValueError(f"{caller}: column {name!r} clashes with a result column; rename it first")
    return pd.concat([pd.DataFrame(head), body], axis=1)


def _meta(frame: Any, id_column: str | None, keep: Sequence[str], body: Any) -> Any:
    pd = import_pandas()
    if frame is None:
        head = {id_column or "index": pd.Series([], dtype="string")}
    elif id_column is None:
        head = {frame.index.name or "index": pd.Series([], dtype=frame.index.dtype)}
    else:
        head = {id_column: pd.Series([], dtype=frame.dtypes[id_column])}
    for column in keep:
        head[column] = pd.Series([], dtype=frame.dtypes[column])
    return pd.concat([pd.DataFrame(head), body], axis=1)


def findings_meta(frame: Any = None, id_column: str | None = "id", keep: Sequence[str] = ()) -> Any:
    """The empty frame `check_frame` returns for ``frame`` (pandas or Dask), for ``map_partitions(meta=...)``."""
    return _meta(frame, id_column, tuple(keep), build_frame(FINDING_COLUMNS[1:], empty_data(FINDING_COLUMNS[1:])))


def claims_meta(frame: Any = None, id_column: str | None = "id", keep: Sequence[str] = ()) -> Any:
    """The empty frame `extract_frame` returns for ``frame`` (pandas or Dask)."""
    columns = _extract_columns()
    return _meta(frame, id_column, tuple(keep), build_frame(columns, empty_data(columns)))


def _finish(result: Any, df: Any, id_column: str | None, skipped: list[int]) -> Any:
    ids = df.index if id_column is None else df[id_column]
    result.attrs["skipped"] = len(skipped)
    result.attrs["skipped_ids"] = ids.take(skipped).tolist()
    return result


def _texts(rows: Iterable[tuple[int, Any]], skipped: list[int]) -> Iterator[tuple[int, str]]:
    """The rows whose cell is a string; the others (NaN, None, numbers) are noted in ``skipped``,
    never guessed at, so both frame functions skip exactly the same cells."""
    for position, text in rows:
        if isinstance(text, str):
            yield position, text
        else:
            skipped.append(position)


def check_frame(
    df: Any,
    text_column: str = "body",
    id_column: str | None = "id",
    rules: Any = None,
    *,
    keep: Sequence[str] = (),
    kind: str = "text",
    checker: Any = None,
) -> Any:
    """The findings of every article in ``df``, keyed by ``id_column`` (the index when None).

    One `Checker` serves the whole frame (pass ``checker`` to reuse one across calls). Cells that
    are not strings (NaN, None, numbers) are skipped, never guessed at: their number is in
    ``result.attrs["skipped"]`` and their ids in ``result.attrs["skipped_ids"]``. ``kind`` is the
    markup of the texts ("text", "markdown" or "html").
    """
    keep = tuple(keep)
    rows = _rows(df, text_column, id_column, keep, "check_frame")
    if checker is None:
        from numcheck.checker import Checker

        checker = Checker(rules=rules)
    ids = df.index if id_column is None else df[id_column]
    data = empty_data(FINDING_COLUMNS)
    positions: list[int] = []
    skipped: list[int] = []
    for position, text in _texts(rows, skipped):
        source = str(ids[position] if id_column is None else ids.iloc[position])
        report = checker.check(text, source=source, kind=kind)
        positions.extend([position] * add_findings(data, report.findings))
    body = build_frame(FINDING_COLUMNS[1:], data)
    return _finish(_keyed(df, id_column, keep, positions, body, "check_frame"), df, id_column, skipped)


def extract_frame(
    df: Any,
    text_column: str = "body",
    id_column: str | None = "id",
    *,
    keep: Sequence[str] = (),
    kind: str = "text",
    checker: Any = None,
) -> Any:
    """The claims of every article in ``df``, keyed by ``id_column``, with each claim's sentence.

    ``keep`` copies article columns (a story id, a publication date) onto every claim row, which
    is what `compare_frame` groups by. Skipped cells are counted in ``attrs`` as in `check_frame`.
    """
    keep = tuple(keep)
    rows = _rows(df, text_column, id_column, keep, "extract_frame")
    if checker is None:
        from numcheck.checker import Checker

        checker = Checker(use_default_rules=False)
    columns = _extract_columns()
    data = empty_data((("source", "string"), *columns))
    positions: list[int] = []
    skipped: list[int] = []
    for position, text in _texts(rows, skipped):
        document = checker.read(text, kind)
        claims = tuple(checker.extractor.extract(document))
        add_claims(data, "", claims, id_name="claim")
        for claim in claims:
            positions.append(position)
            in_range = 0 <= claim.sentence < len(document.sentences)
            data["sentence_text"].append(document.sentence_text(claim.sentence) if in_range else None)
    body = build_frame(columns, data)
    return _finish(_keyed(df, id_column, keep, positions, body, "extract_frame"), df, id_column, skipped)


# --- corpus-level consistency ----------------------------------------------------------------------


def predicate_of(sentence: str | None, claim_text: str) -> str | None:
    """What the clause around a figure says happened ("dead", "injured"...), or None if unclear.

    The clause runs from the previous to the next break (comma, semicolon, "and"...), so in "31
    were killed and 13 injured" the 31 is "dead" and the 13 "injured". A clause with two different
    predicates ("31 killed or injured") is unclear, and an unclear figure is never compared.

    >>> predicate_of("At least 31 people were killed and 13 injured.", "31")
    'dead'
    >>> predicate_of("At least 31 people were killed and 13 injured.", "13")
    'injured'
    >>> predicate_of("The storm left 40 people dead or missing.", "40") is None
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
    found = {_PREDICATES[w] for w in _WORD.findall(clause.lower()) if w in _PREDICATES}
    return found.pop() if len(found) == 1 else None


def _cell(value: Any) -> Any:
    """A cell as a plain Python value with missing values as None (pd.NA is not hashable-safe)."""
    pd = import_pandas()
    return None if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else value


def compare_frame(
    claims_df: Any,
    by: Sequence[str] | str = (),
    time_column: str | None = None,
    id_column: str | None = None,
) -> Any:
    """The same figure reported differently by different articles of one group (a story, a day).

    Conservative like the in-article ``repeated_figure`` check: two figures are compared only when
    both are exact (qualifier ``eq``), count the same ``noun`` in the same ``unit``, and their
    clauses say the same thing happened to them (see `predicate_of`); they disagree only when
    their honest intervals do not overlap, and two articles that share any agreeing figure for it
    are not flagged at all (one may quote both the old and the new toll). "about 30 killed" never
    contradicts "31 killed".

    ``claims_df`` comes from `extract_frame` (with ``keep=`` holding the ``by`` and time columns);
    its ``sentence_text`` column is required. ``id_column`` names the article column (default:
    ``source`` if present, else the first column). With ``time_column``, a figure from a later
    article that differs is an ``info`` update (a death toll that rose), not an ``error``; rows
    then also carry ``time_a``/``time_b``, ``a`` being the earlier article.
    """
    pd = import_pandas()
    by = [by] if isinstance(by, str) else list(by)
    columns = list(claims_df.columns)
    article = id_column or ("source" if "source" in columns else columns[0])
    claim_id = "claim" if "claim" in columns else "id"
    needed = [*by, article, claim_id, "text", "value", "unit", "noun", "qualifier", "low", "high", "sentence_text"]
    for column in [*needed, *([time_column] if time_column else [])]:
        if column not in columns:
            hint = " (build the claims with numcheck.extract_frame)" if column == "sentence_text" else ""
            raise KeyError(f"compare_frame: no column {column!r} in the claims frame{hint}")
    pairs = _disagreements(claims_df, by, article, claim_id, time_column)
    data = empty_data(COMPARE_COLUMNS)
    first: list[int] = []
    second: list[int] = []
    for row_a, row_b, record in pairs:
        first.append(row_a)
        second.append(row_b)
        for name, _ in COMPARE_COLUMNS:
            data[name].append(record[name])
    head = {column: claims_df[column].iloc[first].reset_index(drop=True) for column in by}
    result = pd.concat([pd.DataFrame(head), build_frame(COMPARE_COLUMNS, data)], axis=1)
    if time_column:
        result["time_a"] = claims_df[time_column].iloc[first].reset_index(drop=True)
        result["time_b"] = claims_df[time_column].iloc[second].reset_index(drop=True)
    return result


def _disagreements(
    claims_df: Any, by: list[str], article: str, claim_id: str, time_column: str | None
) -> list[tuple[int, int, dict[str, Any]]]:
    """(row of a, row of b, record) for every pair of articles that disagree on one figure."""
    names = [*by, article, claim_id, "text", "value", "unit", "noun", "qualifier", "low", "high", "sentence_text"]
    if time_column:
        names.append(time_column)
    cols = {name: [_cell(v) for v in claims_df[name].tolist()] for name in dict.fromkeys(names)}
    # key (group, noun, unit, predicate) -> article -> row positions of its exact figures
    figures: dict[tuple[Any, ...], dict[Any, list[int]]] = {}
    for row in range(len(claims_df)):
        if cols["qualifier"][row] != "eq" or cols["noun"][row] is None or cols["value"][row] is None:
            continue
        predicate = predicate_of(cols["sentence_text"][row], cols["text"][row] or "")
        if predicate is None:
            continue
        key = (tuple(cols[c][row] for c in by), cols["noun"][row], cols["unit"][row], predicate)
        figures.setdefault(key, {}).setdefault(cols[article][row], []).append(row)
    found = []
    for (_group, noun, unit, predicate), articles in figures.items():
        order = list(articles)
        if time_column:
            times = {a: cols[time_column][rows[0]] for a, rows in articles.items()}
            order.sort(key=lambda a: (times[a] is None, _sortable(times[a])))
        for i, source_a in enumerate(order):
            for source_b in order[i + 1 :]:
                rows_a, rows_b = articles[source_a], articles[source_b]
                if any(_overlap(cols, a, b) for a in rows_a for b in rows_b):
                    continue
                a, b = rows_a[0], rows_b[0]
                time_a = cols[time_column][a] if time_column else None
                time_b = cols[time_column][b] if time_column else None
                is_update = time_a is not None and time_b is not None and time_a != time_b
                record = {
                    "severity": "info" if is_update else "error",
                    "noun": noun, "unit": unit, "predicate": predicate,
                    "source_a": str(source_a), "claim_a": cols[claim_id][a], "value_a": cols["value"][a],
                    "text_a": cols["text"][a],
                    "source_b": str(source_b), "claim_b": cols[claim_id][b], "value_b": cols["value"][b],
                    "text_b": cols["text"][b],
                    "explanation": _explain(cols, a, b, source_a, source_b, noun, predicate, is_update),
                }
                found.append((a, b, record))
    return found


def _sortable(value: Any) -> Any:
    return "" if value is None else value


def _overlap(cols: dict[str, list[Any]], a: int, b: int) -> bool:
    return cols["low"][a] <= cols["high"][b] and cols["low"][b] <= cols["high"][a]


def _explain(
    cols: dict[str, list[Any]], a: int, b: int, source_a: Any, source_b: Any, noun: str, predicate: str, update: bool
) -> str:
    value_a, value_b = cols["value"][a], cols["value"][b]
    what = f"{noun}, {predicate}"
    if update:
        trend = "rose" if value_b > value_a else "fell"
        return (f"{source_a} reported {cols['text'][a]} ({what}); the later {source_b} reports "
                f"{cols['text'][b]}: the figure {trend} by {abs(value_b - value_a):g}")
    return (f"{source_a} says {cols['text'][a]} ({what}) but {source_b} says {cols['text'][b]}; "
            f"both are exact figures for the same story, {abs(value_b - value_a):g} apart, so at most one is right")
