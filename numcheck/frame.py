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

from collections.abc import Iterable, Iterator, Sequence
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

__all__ = [
    "CLAIM_COLUMNS",
    "COMPARE_COLUMNS",
    "EXAMPLE_BREAK",
    "FINDING_COLUMNS",
    "check_frame",
    "claims_frame",
    "claims_meta",
    "compare_frame",
    "extract_frame",
    "findings_frame",
    "findings_meta",
    "frame_example",
    "frame_rules",
    "shared_checker",
]



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


#: Checkers kept for reuse in this process, by rule spec and the files' modification times. Dask
#: calls `check_frame` once per partition; loading and compiling the rules, and warming the unit
#: cache, for each of 32 partitions cost more than checking them. Bounded, and keyed by mtimes so
#: an edited rule file is read again.
_SHARED: dict[tuple[Any, ...], Any] = {}
_MAX_SHARED = 8


def shared_checker(rules: Any = None, *, use_default_rules: bool = True) -> Any:
    """One `Checker` per rule spec per process, reused by every `check_frame`/`extract_frame` call
    that is not handed one (so a Dask worker loads its rules once, not once per partition)."""
    from numcheck.checker import Checker

    key = _rules_key(rules, use_default_rules)
    if key is None:
        return Checker(rules=rules, use_default_rules=use_default_rules)
    if key not in _SHARED:
        if len(_SHARED) >= _MAX_SHARED:
            _SHARED.pop(next(iter(_SHARED)))
        _SHARED[key] = Checker(rules=rules, use_default_rules=use_default_rules)
    return _SHARED[key]


def _rules_key(rules: Any, use_default_rules: bool) -> tuple[Any, ...] | None:
    """A hashable key for a rule spec: the paths with their files' mtimes; None when not hashable."""
    import os
    from pathlib import Path

    items = [] if rules is None else [rules] if isinstance(rules, (str, os.PathLike)) else list(rules)
    key: list[Any] = [use_default_rules]
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            return None
        path = Path(item)
        files = sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
        key.append((str(path), tuple((str(f), f.stat().st_mtime_ns) for f in files if f.exists())))
    return tuple(key)


def check_frame(
    df: Any,
    text_column: str = "body",
    id_column: str | None = "id",
    rules: Any = None,
    *,
    keep: Sequence[str] = (),
    kind: str = "text",
    checker: Any = None,
    compare_by: Sequence[str] | str | None = None,
    time_column: str | None = None,
) -> Any:
    """The findings of every article in ``df``, keyed by ``id_column`` (the index when None).

    One `Checker` serves the whole frame (pass ``checker`` to reuse one across calls). Cells that
    are not strings (NaN, None, numbers) are skipped, never guessed at: their number is in
    ``result.attrs["skipped"]`` and their ids in ``result.attrs["skipped_ids"]``. ``kind`` is the
    markup of the texts ("text", "markdown" or "html").

    With ``compare_by`` (columns of ``df`` naming a story, a day...), the checker's rules that run
    across articles (scope ``frames``, as `compare_frame` runs them) also run over the frame's
    claims, grouped by those columns, with ``time_column`` as the publication time; each
    disagreement is a finding of the later article (``b``), on its figure, with the other
    article's figure as ``expected``.
    """
    keep = tuple(keep)
    by = [] if compare_by is None else [compare_by] if isinstance(compare_by, str) else list(compare_by)
    extra = [c for c in (*by, *([time_column] if time_column else [])) if c not in keep]
    rows = _rows(df, text_column, id_column, (*keep, *extra), "check_frame")
    if checker is None:
        checker = shared_checker(rules)
    ids = df.index if id_column is None else df[id_column]
    data = empty_data(FINDING_COLUMNS)
    positions: list[int] = []
    skipped: list[int] = []
    checked = []
    for position, text in _texts(rows, skipped):
        source = str(ids[position] if id_column is None else ids.iloc[position])
        report = checker.check(text, source=source, kind=kind)
        positions.extend([position] * add_findings(data, report.findings))
        if compare_by is not None:
            checked.append((position, source, checker.read(text, kind), report))
    if compare_by is not None:
        found = _corpus_findings(df, by, time_column, checked, checker)
        for position, finding in found:
            positions.append(position)
            add_findings(data, [finding])
    body = build_frame(FINDING_COLUMNS[1:], data)
    return _finish(_keyed(df, id_column, keep, positions, body, "check_frame"), df, id_column, skipped)


def _corpus_findings(
    df: Any, by: list[str], time_column: str | None, checked: list[tuple[int, str, Any, Any]], checker: Any
) -> list[tuple[int, Any]]:
    """(row of ``df``, finding) for each disagreement the checker's frames rules find among the
    checked articles; the finding is the later article's, on its figure."""
    from dataclasses import replace

    from numcheck.checks.corpus_figure import FRAME_COLUMNS
    from numcheck.checks.finding import make_finding

    pd = import_pandas()
    data: dict[str, list[Any]] = {name: [] for name in FRAME_COLUMNS}
    owners: list[tuple[int, Any]] = []
    for position, source, document, report in checked:
        group = tuple(df[c].iloc[position] for c in by)
        time = df[time_column].iloc[position] if time_column else None
        for claim in report.claims:
            owners.append((position, claim))
            in_range = 0 <= claim.sentence < len(document.sentences)
            values = {"group": group, "article": source, "claim": claim.id, "time": time, "text": claim.text,
                      "value": claim.value, "unit": claim.unit, "noun": claim.noun, "qualifier": claim.qualifier,
                      "low": claim.low, "high": claim.high,
                      "sentence_text": document.sentence_text(claim.sentence) if in_range else None}
            for name in FRAME_COLUMNS:
                data[name].append(values[name])
    frame = pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in data.items()})
    found = []
    for rule in checker.ruleset.of_scope("frames"):
        rows = rule.kind.run(rule, frame)
        for row in rows.itertuples(index=False):
            position, claim = owners[int(row.row_b)]
            finding = make_finding(rule, [claim], explanation=row.explanation, expected=row.value_a,
                                   actual=claim.value)
            found.append((position, replace(finding, severity=str(row.severity))))
    return found


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
        checker = shared_checker(None, use_default_rules=False)
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


def frame_rules(rules: Any = None, checker: Any = None) -> tuple[Any, ...]:
    """The loaded rules whose check runs across articles (scope ``frames``).

    ``checker`` (a `Checker`) lends its configured rules, so ``disable``/``select``/severity apply
    as everywhere; otherwise ``rules`` are extra pack paths loaded beside the default packs.
    """
    if checker is not None:
        return checker.ruleset.of_scope("frames")
    from numcheck.ruleset import load_rules

    paths = [rules] if isinstance(rules, str) else list(rules or ())
    return load_rules(paths).of_scope("frames")


def compare_frame(
    claims_df: Any,
    by: Sequence[str] | str = (),
    time_column: str | None = None,
    id_column: str | None = None,
    *,
    rules: Any = None,
    checker: Any = None,
) -> Any:
    """The same figure reported differently by different articles of one group (a story, a day).

    Runs every loaded rule of scope ``frames`` (the default pack's ``corpus-figure`` rule, of the
    ``corpus_figure`` kind: see its docstring, or ``numcheck rules explain corpus-figure``) over
    the claims; pass ``checker=`` to use a configured `Checker`'s rules (a disabled rule does not
    run) or ``rules=`` for extra packs.

    ``claims_df`` comes from `extract_frame` (with ``keep=`` holding the ``by`` and time columns);
    its ``sentence_text`` column is required. ``id_column`` names the article column (default:
    ``source`` if present, else the first column). With ``time_column``, a figure from a later
    article that differs is an update (the rule's ``update_severity``), not a contradiction; rows
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
    frame = _frame_claims(claims_df, by, article, claim_id, time_column)
    found = [rule.kind.run(rule, frame) for rule in frame_rules(rules, checker)]
    body = pd.concat(found, ignore_index=True) if found else None
    if body is None or body.empty:
        body = build_frame((*COMPARE_COLUMNS, ("row_a", "Int64"), ("row_b", "Int64")),
                           empty_data((*COMPARE_COLUMNS, ("row_a", "Int64"), ("row_b", "Int64"))))
    first, second = body["row_a"].astype(int).tolist(), body["row_b"].astype(int).tolist()
    head = {column: claims_df[column].iloc[first].reset_index(drop=True) for column in by}
    result = pd.concat([pd.DataFrame(head), body[[name for name, _ in COMPARE_COLUMNS]]], axis=1)
    if time_column:
        result["time_a"] = claims_df[time_column].iloc[first].reset_index(drop=True)
        result["time_b"] = claims_df[time_column].iloc[second].reset_index(drop=True)
    return result


#: How a rule's example separates the articles of one story.
EXAMPLE_BREAK = "\n---\n"


def frame_example(rule: Any, text: str, checker: Any = None) -> list[str]:
    """The explanations a rule of scope ``frames`` gives on one example: articles of one story,
    separated by a line holding ``---``, all published at once (used by the rule-example tests and
    ``numcheck rules explain``)."""
    pd = import_pandas()
    bodies = [part.strip() for part in text.split(EXAMPLE_BREAK)]
    df = pd.DataFrame({"id": [f"article {n}" for n in range(1, len(bodies) + 1)], "story": "example",
                       "body": bodies})
    claims = extract_frame(df, keep=["story"], checker=checker)
    found = rule.kind.run(rule, _frame_claims(claims, ["story"], "id", "claim", None))
    return found["explanation"].tolist()


def _frame_claims(claims_df: Any, by: list[str], article: str, claim_id: str, time_column: str | None) -> Any:
    """The claims under the column names a check across articles reads (``FRAME_COLUMNS``)."""
    pd = import_pandas()
    rows = len(claims_df)
    groups = list(zip(*(claims_df[c].tolist() for c in by), strict=True)) if by else [()] * rows
    data = {"group": pd.Series(groups, dtype=object), "article": claims_df[article].reset_index(drop=True),
            "claim": claims_df[claim_id].reset_index(drop=True),
            "time": (claims_df[time_column].reset_index(drop=True) if time_column
                     else pd.Series([None] * rows, dtype=object))}
    for name in ("text", "value", "unit", "noun", "qualifier", "low", "high", "sentence_text"):
        data[name] = claims_df[name].reset_index(drop=True)
    return pd.DataFrame(data)
