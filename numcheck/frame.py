"""pandas views of reports (placeholder; filled in by the frames work)."""

from __future__ import annotations

from typing import Any


def claims_frame(reports: Any) -> Any:
    raise NotImplementedError


def findings_frame(reports: Any) -> Any:
    raise NotImplementedError


def check_frame(df: Any, text_column: str = "body", id_column: str | None = "id", rules: Any = None) -> Any:
    raise NotImplementedError


def extract_frame(df: Any, text_column: str = "body", id_column: str | None = "id") -> Any:
    raise NotImplementedError


def compare_frame(claims_df: Any, by: Any = None, time_column: str | None = None) -> Any:
    raise NotImplementedError
