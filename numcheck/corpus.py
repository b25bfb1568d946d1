"""Read .jsonl and .csv corpora one article a row, streaming, so memory stays flat.

Archives come as one big file rather than a folder: a JSON object a line, or a CSV with a header.
Both are read a line (a row) at a time and never whole, so a 10 GB corpus costs the memory of its
largest article.

Each row becomes an `Article` whose source is ``f"{path}#{id}"``: the row's id field (``--id-field``,
default ``id``) or, when the row has none, its line number. The text comes from ``--text-field``,
by default the first of ``text``, ``body``, ``content`` the row has.

Bad rows never stop the run, and never take good rows with them. A line that is not a JSON object,
or a CSV row whose field count does not match the header, is an `InputError` naming ``file:line``
(exit code 2 at the end), followed by one summary error with the count. CSV is parsed strictly: a
quote left open would otherwise swallow every row after it into one article, so a row that does not
parse is reported at the line where it starts and reading resumes at the next line. Text holding a
lone surrogate (JSON ``"\ud800"``) cannot be written to any UTF-8 report and is refused like
invalid UTF-8; an id is only ever shown escaped (`numcheck.textfile.one_line`).

A row whose text is missing or empty is a `Report` carrying a warning that names it: nothing to
check there, but not a broken file either. A CSV whose header lacks the text column is a
single error for the whole file, naming the columns it does have.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from numcheck.article import DEFAULT_MAX_BYTES, Article, Item, unreadable
from numcheck.errors import InputError
from numcheck.model import Report
from numcheck.textfile import TextError, one_line, parse_json, sniff_bom

__all__ = ["DEFAULT_ID_FIELD", "DEFAULT_TEXT_FIELDS", "iter_corpus"]

#: Where the text is looked for when ``--text-field`` is not given, in this order.
DEFAULT_TEXT_FIELDS = ("text", "body", "content")
DEFAULT_ID_FIELD = "id"


_SURROGATE = re.compile("[\ud800-\udfff]")


def iter_corpus(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, text_field: str | None = None, id_field: str | None = None
) -> Iterator[Item]:
    """Yield an `Article` per row of a .jsonl or .csv corpus, and an error or warning per bad row."""
    reader = _iter_csv if path.lower().endswith(".csv") else _iter_jsonl
    try:
        with open(path, "rb") as handle:
            encoding, _ = sniff_bom(handle.read(4))
            if encoding not in (None, "utf-8"):
                yield InputError(path, f"{encoding.upper()} text (byte-order mark); corpora are read as UTF-8, "
                                 "save it as UTF-8")
                return
            handle.seek(0)
            yield from reader(handle, path, max_bytes, text_field, id_field or DEFAULT_ID_FIELD)
    except OSError as exc:
        yield unreadable(path, exc)


def _row(path: str, line: int, record: dict[str, Any], text_field: str | None, id_field: str, max_bytes: int) -> Item:
    """Turn one decoded row into an article, or a warning when it has no text to check."""
    row_id = record.get(id_field)
    source = one_line(f"{path}#{row_id if row_id not in (None, '') else line}")
    field = text_field or next((name for name in DEFAULT_TEXT_FIELDS if name in record), None)
    text = record.get(field) if field is not None else None
    if not isinstance(text, str) or not text.strip():
        wanted = repr(field) if field else " or ".join(map(repr, DEFAULT_TEXT_FIELDS))
        problem = "is empty" if isinstance(text, str) else "is not text" if text is not None else "is missing"
        return Report(source=source, warnings=(f"{path}:{line}: row {source}: text field {wanted} {problem}; skipped",))
    lone = _SURROGATE.search(text)
    if lone:
        return InputError(path, f"row {source}: text holds a lone surrogate ({one_line(lone.group())} at character "
                          f"{lone.start()}), which is not Unicode text; row skipped", line)
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
            record = parse_json(data.decode("utf-8-sig" if line == 1 else "utf-8"))
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
        except TextError as exc:  # nested too deeply, or a number too long for Python
            bad += 1
            yield InputError(path, f"malformed JSON ({exc.message}); line skipped", line)
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


class _CsvLines:
    """The lines of a CSV file as text for `csv.reader`, numbered, and able to rewind to a line.

    Only the byte offsets of the lines of the row being parsed are kept, so the reader can go back
    to the line after a bad row's first line (`resume_after`) without holding the file. A line that
    is not UTF-8 or is too long is noted in ``broken`` and handed on as a harmless one, so one bad
    byte costs one row.
    """

    def __init__(self, handle: BinaryIO, limit: int) -> None:
        self.handle = handle
        self.limit = limit
        self.number = 0  # the last line handed out
        self.broken: set[int] = set()
        self.row_start = 1
        self.ends: dict[int, int] = {}  # line number -> byte offset just past it, for this row's lines

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        data = self.handle.readline(self.limit + 1)
        if not data:
            raise StopIteration
        self.number += 1
        if len(data) > self.limit and not data.endswith(b"\n"):
            while data and not data.endswith(b"\n"):
                data = self.handle.readline(1 << 20)
            self.broken.add(self.number)
            text = "\n"
        else:
            try:
                text = data.decode("utf-8-sig" if self.number == 1 else "utf-8")
            except UnicodeDecodeError:
                self.broken.add(self.number)
                text = "\n"
        self.ends[self.number] = self.handle.tell()
        return text

    def start_row(self) -> int:
        """Mark where the next row starts; its first line's number."""
        self.ends.clear()
        self.row_start = self.number + 1
        return self.row_start

    def spans(self) -> range:
        return range(self.row_start, self.number + 1)

    def resume_after(self, line: int) -> None:
        """Read on from the line after ``line`` (a line of the current row)."""
        if line in self.ends and line < self.number:
            self.handle.seek(self.ends[line])
            self.number = line


def _iter_csv(handle: BinaryIO, path: str, max_bytes: int, text_field: str | None, id_field: str) -> Iterator[Item]:
    # The csv module refuses fields over 128 KB by default; an article may be up to max_bytes.
    csv.field_size_limit(max(csv.field_size_limit(), min(max_bytes + 1, sys.maxsize)))
    lines = _CsvLines(handle, 2 * max_bytes + 65536)
    lines.start_row()
    try:
        header = next(csv.reader(lines, strict=True), None)
    except csv.Error:
        header = None
    if not header or 1 in lines.broken:
        yield InputError(path, "no readable header row; the first row must name the columns as UTF-8 text", 1)
        return
    field = text_field or next((name for name in DEFAULT_TEXT_FIELDS if name in header), None)
    if field is None or field not in header:
        wanted = repr(field) if field else " or ".join(map(repr, DEFAULT_TEXT_FIELDS))
        shown = ", ".join(header)
        yield InputError(path, f"no text column {wanted} (columns: {shown}); choose one with --text-field", 1)
        return
    bad = 0
    reader = csv.reader(lines, strict=True)
    while True:
        line = lines.start_row()
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # an open quote, a stray quote: this row is lost, not the ones after it
            bad += 1
            yield InputError(path, f"malformed CSV row ({exc}); skipped, reading on from line {line + 1}", line)
            lines.resume_after(line)
            reader = csv.reader(lines, strict=True)
            continue
        problem = None
        if any(number in lines.broken for number in lines.spans()):
            problem = "not valid UTF-8 (or a line too long); row skipped"
        elif values and len(values) != len(header):
            problem = f"malformed CSV row: {len(values)} fields, the header has {len(header)}; skipped"
            if lines.number > line:  # rows merged by a quote: read them again, from the next line
                problem += f", reading on from line {line + 1}"
                lines.resume_after(line)
                reader = csv.reader(lines, strict=True)
        if problem:
            bad += 1
            yield InputError(path, problem, line)
        elif values:
            yield _row(path, line, dict(zip(header, values, strict=True)), field, id_field, max_bytes)
    if bad:
        yield _summary(path, bad, "row")


def _summary(path: str, count: int, what: str) -> InputError:
    return InputError(path, f"{count} malformed {what}{'s' if count != 1 else ''} skipped")
