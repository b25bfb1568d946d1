"""Read .jsonl and .csv corpora one article a row, streaming, so memory stays flat.

Archives come as one big file rather than a folder: a JSON object a line, or a CSV with a header.
Both are read a line (a row) at a time and never whole, so a 10 GB corpus costs the memory of its
largest article.

Each row becomes an `Article` whose source is ``f"{path}#{id}"``: the row's id field (``--id-field``,
default ``id``) or, when the row has none, its line number. The text comes from ``--text-field``,
by default the first of ``text``, ``body``, ``content`` the row has.

Bad rows never stop the run. A line that is not a JSON object, or a CSV row whose field count does
not match the header, is an `InputError` naming ``file:line`` (exit code 2 at the end), followed by
one summary error with the count. A row whose text is missing or empty is a `Report` carrying a
warning that names it: nothing to check there, but not a broken file either. A CSV whose header
lacks the text column is a single error for the whole file, naming the columns it does have.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from numcheck.article import DEFAULT_MAX_BYTES, Article, Item, unreadable
from numcheck.errors import InputError
from numcheck.model import Report

__all__ = ["DEFAULT_ID_FIELD", "DEFAULT_TEXT_FIELDS", "iter_corpus"]

#: Where the text is looked for when ``--text-field`` is not given, in this order.
DEFAULT_TEXT_FIELDS = ("text", "body", "content")
DEFAULT_ID_FIELD = "id"


def iter_corpus(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, text_field: str | None = None, id_field: str | None = None
) -> Iterator[Item]:
    """Yield an `Article` per row of a .jsonl or .csv corpus, and an error or warning per bad row."""
    reader = _iter_csv if path.lower().endswith(".csv") else _iter_jsonl
    try:
        with open(path, "rb") as handle:
            yield from reader(handle, path, max_bytes, text_field, id_field or DEFAULT_ID_FIELD)
    except OSError as exc:
        yield unreadable(path, exc)


def _row(path: str, line: int, record: dict[str, Any], text_field: str | None, id_field: str, max_bytes: int) -> Item:
    """Turn one decoded row into an article, or a warning when it has no text to check."""
    row_id = record.get(id_field)
    source = f"{path}#{row_id if row_id not in (None, '') else line}"
    field = text_field or next((name for name in DEFAULT_TEXT_FIELDS if name in record), None)
    text = record.get(field) if field is not None else None
    if not isinstance(text, str) or not text.strip():
        wanted = repr(field) if field else " or ".join(map(repr, DEFAULT_TEXT_FIELDS))
        problem = "is empty" if isinstance(text, str) else "is not text" if text is not None else "is missing"
        return Report(source=source, warnings=(f"{path}:{line}: row {source}: text field {wanted} {problem}; skipped",))
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return InputError(path, f"row {source} is {size:,} bytes, over the {max_bytes:,}-byte limit", line)
    return Article(source, text, "text")


def _iter_jsonl(
    handle: BinaryIO, path: str, max_bytes: int, text_field: str | None, id_field: str
) -> Iterator[Item]:
    bad = 0
    line = 0
    # JSON escapes and the other fields make a line longer than its text; allow for them.
    limit = 2 * max_bytes + 65536
    for line, data in _lines(handle, limit):
        if data is None:
            bad += 1
            yield InputError(path, f"line is over {limit:,} bytes; skipped (raise --max-bytes)", line)
            continue
        if not data.strip():
            continue
        try:
            record = json.loads(data.decode("utf-8-sig" if line == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            bad += 1
            yield InputError(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); line skipped", line)
            continue
        except json.JSONDecodeError as exc:
            bad += 1
            # json's messages end in " at" ("Invalid control character at") before its own position.
            what = exc.msg.removesuffix(" at")
            yield InputError(path, f"malformed JSON ({what} at column {exc.colno}); line skipped", line)
            continue
        if not isinstance(record, dict):
            bad += 1
            yield InputError(path, f"expected a JSON object, got {type(record).__name__}; line skipped", line)
            continue
        yield _row(path, line, record, text_field, id_field, max_bytes)
    if bad:
        yield _summary(path, bad, "line")


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over ``limit``, skipped without holding it."""
    number = 0
    while True:
        data = handle.readline(limit + 1)
        if not data:
            return
        number += 1
        if len(data) > limit and not data.endswith(b"\n"):
            while data and not data.endswith(b"\n"):
                data = handle.readline(1 << 20)
            yield number, None
            continue
        yield number, data


def _iter_csv(handle: BinaryIO, path: str, max_bytes: int, text_field: str | None, id_field: str) -> Iterator[Item]:
    # The csv module refuses fields over 128 KB by default; an article may be up to max_bytes.
    csv.field_size_limit(max(csv.field_size_limit(), min(max_bytes + 1, sys.maxsize)))
    broken: set[int] = set()  # physical lines that were not UTF-8 or too long: their rows are skipped
    reader = csv.reader(_decoded_lines(handle, 2 * max_bytes + 65536, broken), strict=False)
    header = next(reader, None)
    if not header or 1 in broken:
        yield InputError(path, "no readable header row; the first row must name the columns as UTF-8 text", 1)
        return
    field = text_field or next((name for name in DEFAULT_TEXT_FIELDS if name in header), None)
    if field is None or field not in header:
        wanted = repr(field) if field else " or ".join(map(repr, DEFAULT_TEXT_FIELDS))
        shown = ", ".join(header)
        yield InputError(path, f"no text column {wanted} (columns: {shown}); choose one with --text-field", 1)
        return
    bad = 0
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            bad += 1
            yield InputError(path, f"malformed CSV row ({exc}); skipped", line)
            continue
        problem = None
        if any(number in broken for number in range(line, reader.line_num + 1)):
            problem = "not valid UTF-8 (or a line too long); row skipped"
        elif values and len(values) != len(header):
            problem = f"malformed CSV row: {len(values)} fields, the header has {len(header)}; skipped"
        if problem:
            bad += 1
            yield InputError(path, problem, line)
        elif values:
            yield _row(path, line, dict(zip(header, values, strict=True)), field, id_field, max_bytes)
    if bad:
        yield _summary(path, bad, "row")


def _decoded_lines(handle: BinaryIO, limit: int, broken: set[int]) -> Iterator[str]:
    """Each line as text for the csv reader; an undecodable or too-long line is noted in ``broken``
    and replaced by a harmless one, so one bad byte costs one row, not the rest of the file."""
    for number, data in _lines(handle, limit):
        try:
            if data is None:
                raise ValueError("line too long")
            yield data.decode("utf-8-sig" if number == 1 else "utf-8")
        except ValueError:  # UnicodeDecodeError is a ValueError
            broken.add(number)
            yield (data or b"").decode("utf-8", errors="replace") if data is not None else "\n"


def _summary(path: str, count: int, what: str) -> InputError:
    return InputError(path, f"{count} malformed {what}{'s' if count != 1 else ''} skipped")
