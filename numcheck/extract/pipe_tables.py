"""Pipe tables (Markdown "| a | b |", or wire copy's "1 | Arsenal | 3 | 7 | 9"): which line heads the
table a figure's row is in, found in one pass over the document.

A figure alone in a table cell counts what its column header names ("Pts" counts points). Finding
the header by walking up from every cell made a 20,000-row table quadratic; the index is built once
per document, on the first figure that asks, and each lookup is a dictionary read.
"""

from __future__ import annotations

__all__ = ["TableIndex"]

#: A table row is at most this long: a longer "row" is a run of text with pipes in it.
MAX_ROW = 2_000


def is_row(line: str) -> bool:
    """A line of a pipe table: it starts with a pipe, or holds at least two (three cells)."""
    stripped = line.strip()
    return len(stripped) <= MAX_ROW and (stripped.startswith("|") or stripped.count("|") >= 2)


class TableIndex:
    """The header line of every pipe-table row of one document (blank lines between rows allowed)."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._headers: dict[int, int] | None = None

    def header_of(self, line_start: int) -> int | None:
        """Where the header line of the row starting at ``line_start`` starts, or None (not a body row)."""
        if self._headers is None:
            self._headers = self._build()
        return self._headers.get(line_start)

    def _build(self) -> dict[int, int]:
        headers: dict[int, int] = {}
        header: int | None = None
        blank = False
        position = 0
        for line in self.original.splitlines(keepends=True):
            if is_row(line):
                if header is None:
                    header = position
                else:
                    headers[position] = header
                blank = False
            elif not line.strip() and header is not None and not blank:
                blank = True  # one blank line between rows keeps the table going
            else:
                header, blank = None, False
            position += len(line)
        return headers

    def cells(self, line_start: int) -> list[str]:
        """The cells of the line starting at ``line_start``, split on pipes."""
        end = self.original.find("\n", line_start)
        return self.original[line_start : len(self.original) if end < 0 else end].split("|")
