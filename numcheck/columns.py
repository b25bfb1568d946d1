"""The columns and dtypes of numcheck's pandas frames, declared once, and the frames of reports.

Researchers load whole archives into pandas and group findings by section, author or year, so the
frames must have the same columns and dtypes whether a report has a thousand findings or none:
Dask's ``meta``, parquet schemas and ``pd.concat`` of partitions all depend on that, and an
``object`` column that is sometimes float and sometimes None breaks them.

This module is what `Report.claims_frame` and `Report.findings_frame` read, so it imports neither
the data model nor the pipeline (it reads claims and findings by their field names): the model stays
importable without pandas, and no import loop runs back through it (a test checks). pandas itself is
imported only inside these functions, because ``import numcheck`` must stay fast for the CLI. The
whole-frame functions (`check_frame`, `extract_frame`, `compare_frame`) are in `numcheck.frame`.

Columns and dtypes (declared in ``CLAIM_COLUMNS``, ``FINDING_COLUMNS`` and ``COMPARE_COLUMNS``):

``claims_frame(reports)`` / ``Report.claims_frame()``, one row per claim:
    ``source`` string, then the `Claim` fields in order: ``id`` string, ``text`` string, ``value``
    Float64, ``unit`` string, ``noun`` string (<NA> when none), ``qualifier`` category (the
    ``model.QUALIFIERS``), ``low``/``high``/``precision`` Float64, ``start``/``end``/``sentence``/
    ``paragraph``/``line``/``column`` Int64, ``kind`` string, ``noun_source`` string.

``findings_frame(reports)`` / ``Report.findings_frame()``, one row per finding:
    ``source`` string, ``rule`` string, ``check`` string, ``severity`` ordered category
    (info < warning < error, so ``df[df.severity >= "warning"]`` works), ``message`` string,
    ``explanation`` string, ``expected``/``actual`` Float64 (<NA> when the check has no number),
    ``line``/``column``/``start``/``end`` Int64, ``claims`` string: the claim ids joined by commas
    ("c1,c2"), a plain string rather than a list so the frame writes to parquet and CSV as is
    (``df.claims.str.split(",")`` gives the lists back).

``check_frame(df)`` returns the findings columns with ``source`` replaced by the frame's id
column (first, named and typed as in the input), followed by any ``keep`` columns.
``extract_frame(df)`` does the same with the claims columns; there the claim's own ``id`` is
named ``claim`` (the article id usually is ``id``) and a ``sentence_text`` string column holds the
sentence the claim sits in, which ``compare_frame`` reads. ``compare_frame`` returns its ``by``
columns, then ``COMPARE_COLUMNS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from numcheck.vocabulary import QUALIFIERS, SEVERITIES

if TYPE_CHECKING:
    from numcheck.model import Claim, Finding, Report

__all__ = [
    "CLAIM_COLUMNS",
    "COMPARE_COLUMNS",
    "FINDING_COLUMNS",
    "Columns",
    "add_claims",
    "add_findings",
    "build_frame",
    "claims_frame",
    "dtype_of",
    "empty_data",
    "findings_frame",
    "import_pandas",
]

#: (column, dtype code) pairs; a code is a pandas dtype name or "severity"/"qualifier" (see `dtype_of`).
Columns = tuple[tuple[str, str], ...]

#: (column, dtype code) of `claims_frame`. Keep in step with `Claim`'s fields (a test compares them).
CLAIM_COLUMNS: Columns = (
    ("source", "string"),
    ("id", "string"),
    ("text", "string"),
    ("value", "Float64"),
    ("unit", "string"),
    ("noun", "string"),
    ("qualifier", "qualifier"),
    ("low", "Float64"),
    ("high", "Float64"),
    ("precision", "Float64"),
    ("start", "Int64"),
    ("end", "Int64"),
    ("sentence", "Int64"),
    ("paragraph", "Int64"),
    ("line", "Int64"),
    ("column", "Int64"),
    ("kind", "string"),
    ("noun_source", "string"),
)

#: (column, dtype code) of `findings_frame`, in the order of DESIGN.md's findings contract.
FINDING_COLUMNS: Columns = (
    ("source", "string"),
    ("rule", "string"),
    ("check", "string"),
    ("severity", "severity"),
    ("message", "string"),
    ("explanation", "string"),
    ("expected", "Float64"),
    ("actual", "Float64"),
    ("line", "Int64"),
    ("column", "Int64"),
    ("start", "Int64"),
    ("end", "Int64"),
    ("claims", "string"),
)

#: (column, dtype code) of `compare_frame`, after the ``by`` columns (and before ``time_a``/``time_b``).
COMPARE_COLUMNS: Columns = (
    ("rule", "string"),
    ("severity", "severity"),
    ("noun", "string"),
    ("unit", "string"),
    ("predicate", "string"),
    ("source_a", "string"),
    ("claim_a", "string"),
    ("value_a", "Float64"),
    ("text_a", "string"),
    ("source_b", "string"),
    ("claim_b", "string"),
    ("value_b", "Float64"),
    ("text_b", "string"),
    ("explanation", "string"),
)


def import_pandas() -> Any:
    """pandas, imported on first use (it takes longer to import than all of numcheck)."""
    import pandas

    return pandas


def dtype_of(code: str) -> Any:
    """The pandas dtype of a column code; the two categoricals have fixed categories so partitions concat."""
    pd = import_pandas()
    if code == "severity":
        return pd.CategoricalDtype(list(SEVERITIES), ordered=True)
    if code == "qualifier":
        return pd.CategoricalDtype(list(QUALIFIERS))
    return code


def build_frame(columns: Sequence[tuple[str, str]], data: dict[str, list[Any]]) -> Any:
    """A DataFrame of ``data`` (column -> values) with exactly ``columns``, in order and typed."""
    pd = import_pandas()
    return pd.DataFrame({name: pd.Series(data[name], dtype=dtype_of(code)) for name, code in columns})


def empty_data(columns: Sequence[tuple[str, str]]) -> dict[str, list[Any]]:
    """An empty value list for each of ``columns``, to fill with `add_claims`/`add_findings`."""
    return {name: [] for name, _ in columns}


def add_claims(data: dict[str, list[Any]], source: str, claims: Iterable[Claim], id_name: str = "id") -> None:
    """Append one row per claim; the claim's ``id`` goes to the ``id_name`` column."""
    for claim in claims:
        data["source"].append(source)
        for name, _ in CLAIM_COLUMNS[1:]:
            data[id_name if name == "id" else name].append(getattr(claim, name))


def add_findings(data: dict[str, list[Any]], findings: Iterable[Finding]) -> int:
    """Append one row per finding (claim ids joined by commas); returns how many rows were added."""
    count = 0
    for finding in findings:
        count += 1
        for name, _ in FINDING_COLUMNS:
            value = getattr(finding, name)
            data[name].append(",".join(value) if name == "claims" else value)
    return count


def claims_frame(reports: Iterable[Report]) -> Any:
    """One row per claim of every report, with the dtypes of ``CLAIM_COLUMNS``."""
    data = empty_data(CLAIM_COLUMNS)
    for report in reports:
        add_claims(data, report.source, report.claims)
    return build_frame(CLAIM_COLUMNS, data)


def findings_frame(reports: Iterable[Report]) -> Any:
    """One row per finding of every report, with the dtypes of ``FINDING_COLUMNS``."""
    data = empty_data(FINDING_COLUMNS)
    for report in reports:
        add_findings(data, report.findings)
    return build_frame(FINDING_COLUMNS, data)
