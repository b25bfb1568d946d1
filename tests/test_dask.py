"""check_frame as Dask's unit of work: a 2-process local cluster gives what one process gives.

Two runs over the same articles: the real pipeline (default rules), and a stand-in checker with
known findings so the comparison is never between two empty frames. The stand-in is shipped to
the workers by value (cloudpickle), as a user's own callable would be.
"""

from __future__ import annotations

import re
import sys

import cloudpickle
import dask.dataframe as dd  # in the test extra on purpose: this test must run, never skip
import distributed
import pandas as pd
import pytest

import numcheck
from numcheck.frame import claims_meta, findings_meta
from numcheck.model import Finding, Report

cloudpickle.register_pickle_by_value(sys.modules[__name__])

ARTICLES = [
    ("a1", "world", "Of the 112 drones launched overnight, 84 were shot down, or 80%, the air force said."),
    ("a2", "world", "The motion passed with 26 of 35 countries in favour, about 74%."),
    ("a3", "home", "The €4.3 million budget was split into €2.1 million for roads and €2.5 million for schools."),
    ("a4", "home", "Officials said 31 people were killed; a later statement said 13 people were killed."),
    ("a5", "sport", "In the poll, 52% backed the plan, 41% opposed it and 9% were undecided."),
    ("a6", "sport", "Turnout rose from 120,000 to 150,000, up 30%, the council said."),
    ("a7", "world", "A survey found 130% of respondents agreed, with 7 of 12 judges in favour."),
    ("a8", "home", None),
]


class PercentChecker:
    """Known findings: an error for every percentage over 100, a note for every other one."""

    def check(self, text: str, source: str = "<text>", kind: str | None = None) -> Report:
        findings = []
        for match in re.finditer(r"(\d+)%", text):
            value = float(match[1])
            findings.append(Finding(
                rule="percent-over-100" if value > 100 else "percent-seen", check="range",
                severity="error" if value > 100 else "info", message=f"{value:g}%", claims=("c1",),
                start=match.start(), end=match.end(), line=1, column=match.start() + 1,
                expected=100.0 if value > 100 else None, actual=value, source=source, explanation=f"{value:g}% seen"))
        return Report(source=source, findings=tuple(findings))


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0")
    with cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def _frame() -> pd.DataFrame:
    return pd.DataFrame(ARTICLES, columns=["id", "desk", "body"])


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["id", "start", "rule"] if "rule" in df else ["id", "start"]).reset_index(drop=True)


def _same(distributed_result: pd.DataFrame, local: pd.DataFrame, keys: tuple[str, ...] = ("id",)) -> None:
    got, want = _sorted(distributed_result), _sorted(local)
    # Dask stores the input's text columns with its own string dtype, and the key columns keep the
    # input's dtype; every column numcheck makes must match exactly.
    pd.testing.assert_frame_equal(got.drop(columns=list(keys)), want.drop(columns=list(keys)))
    for key in keys:
        assert got[key].astype(str).tolist() == want[key].astype(str).tolist()


def test_map_partitions_check_frame_equals_single_process(client):
    df = _frame()
    ddf = dd.from_pandas(df, npartitions=3)
    options = {"text_column": "body", "id_column": "id", "keep": ["desk"], "checker": PercentChecker()}
    result = ddf.map_partitions(numcheck.check_frame, **options,
                                meta=findings_meta(ddf, id_column="id", keep=["desk"])).compute()
    local = numcheck.check_frame(df, **options)
    assert len(local) == 7 and local.severity.tolist().count("error") == 1
    _same(result, local, keys=("id", "desk"))


def test_map_partitions_with_the_real_checker(client):
    df = _frame()
    ddf = dd.from_pandas(df, npartitions=2)
    result = ddf.map_partitions(numcheck.check_frame, text_column="body", id_column="id",
                                meta=findings_meta(ddf, id_column="id")).compute()
    _same(result, numcheck.check_frame(df, text_column="body", id_column="id"))
    claims = ddf.map_partitions(numcheck.extract_frame, text_column="body", id_column="id",
                                meta=claims_meta(ddf, id_column="id")).compute()
    local_claims = numcheck.extract_frame(df, text_column="body", id_column="id")
    assert len(local_claims) > 10  # the extractor finds the figures; the comparison is not between empty frames
    _same(claims, local_claims)
