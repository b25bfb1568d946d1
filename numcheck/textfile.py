"""Read and parse the text numcheck is handed, within bounds, with one-line errors and no traceback.

Articles, corpora, rule packs, configs and baselines all arrive from users, pull requests and
archives. Whatever their bytes, reading them must neither grow without bound (``--rules /dev/zero``)
nor let a parser's own limits escape as a traceback. Every reader goes through this module, so a
limit or a decoding rule holds for all of them at once:

- `read_bounded` reads a file at most ``limit + 1`` bytes, and refuses it when there is more,
  whatever the file is (a device, a pipe, a file still growing): ``stat`` sizes are not trusted;
- `sniff_bom` knows every byte-order mark (UTF-8, UTF-16 and UTF-32, both byte orders), longest
  first, because the UTF-32 LE mark begins with the UTF-16 LE one;
- `parse_json` and `parse_toml` turn the two ways the standard parsers fail outside their own
  error class (`RecursionError` on deep nesting, `ValueError` on integers over Python's digit
  limit) into a `TextError`;
- `one_line` escapes whatever would break a one-line message (newlines, other control characters,
  lone surrogates), so an echoed value can never start a second line of its own.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
import tomllib
from collections.abc import Callable
from typing import Any

__all__ = ["BOMS", "MAX_DIGITS", "TextError", "decode_text", "one_line", "parse_json", "parse_toml",
           "read_bounded", "read_text_file", "sniff_bom"]

#: Every byte-order mark, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Python refuses to read integers longer than this (CVE-2020-10735); every parser says so alike.
MAX_DIGITS = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300

# C0 and C1 controls (but not tab), the line and paragraph separators, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


class TextError(ValueError):
    """A file that cannot be read or parsed; ``line``/``column`` are 1-based or None."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.message = message
        self.line = line
        self.column = column
        super().__init__(message)


def one_line(text: str) -> str:
    """``text`` with every character that could end or hide a line escaped, so it stays one line.

    A surrogate made from an undecodable file-name byte (``os.fsdecode``) is shown as that byte,
    ``\\xe9``; a lone surrogate from JSON as ``\\ud800``; controls as ``\\n``, ``\\r``, ``\\x1b``.
    """
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        code = ord(char)
        if char in _NAMED:
            return _NAMED[char]
        if 0xDC80 <= code <= 0xDCFF:
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)


def sniff_bom(data: bytes) -> tuple[str | None, int]:
    """(the encoding a byte-order mark announces, the mark's length); (None, 0) without one."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None, 0


def decode_text(data: bytes) -> str:
    """Decode a config, rule or baseline file: UTF-8, or whatever its byte-order mark announces.

    Raises `TextError` naming the byte (and its line) that is not valid in that encoding.
    """
    encoding, skip = sniff_bom(data)
    try:
        return data[skip:].decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        start = skip + exc.start
        line = data.count(b"\n", 0, start) + 1 if (encoding or "utf-8") == "utf-8" else None
        raise TextError(f"not valid {(encoding or 'utf-8').upper()} (byte 0x{data[start]:02x} at byte {start})",
                        line) from None


def read_bounded(path: Any, limit: int, what: str = "this kind of file") -> bytes:
    """At most ``limit`` bytes of ``path``; `TextError` when it holds more (OSError passes through).

    The size is found by reading ``limit + 1`` bytes, never from ``stat``: a device, a pipe or a
    file still being written has no trustworthy size, and ``/dev/zero`` has none at all. ``path``
    may also be a packaged resource (anything with ``open``), such as the bundled rule packs.
    """
    handle = open(path, "rb") if isinstance(path, (str, os.PathLike)) else path.open("rb")
    with handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TextError(f"file is over the {limit:,}-byte limit for {what}")
    return data


def read_text_file(path: Any, limit: int, what: str) -> str:
    """`read_bounded`, then `decode_text`: how every rule, config and baseline file is read."""
    return decode_text(read_bounded(path, limit, what))


def parse_json(text: str) -> Any:
    """`json.loads`, with deep nesting and over-long integers as a `TextError` at their position.

    `json.JSONDecodeError` (malformed JSON) passes through for the caller's own message.
    """
    return _parse(json.loads, json.JSONDecodeError, text)


def parse_toml(text: str) -> dict[str, Any]:
    """`tomllib.loads`, with deep nesting and over-long integers as a `TextError`.

    `tomllib.TOMLDecodeError` (malformed TOML) passes through for the caller's own message.
    """
    return _parse(tomllib.loads, tomllib.TOMLDecodeError, text)


def _parse(loads: Callable[[str], Any], malformed: type[ValueError], text: str) -> Any:
    """Both standard parsers fail the same two ways outside their own error class."""
    try:
        return loads(text)
    except malformed:
        raise
    except RecursionError:
        raise TextError("nested too deeply") from None
    except ValueError as exc:  # int() refusing a number over MAX_DIGITS digits
        raise _digits_error(text, exc) from None


def _digits_error(text: str, exc: ValueError) -> TextError:
    """Where the first run of more than MAX_DIGITS digits is, for a parser that does not say."""
    if "digits" not in str(exc):
        return TextError(f"cannot be read ({one_line(str(exc))})")
    found = re.search(rf"\d{{{MAX_DIGITS + 1},}}", text)
    if found is None:
        return TextError(f"a number has more than {MAX_DIGITS:,} digits")
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return TextError(f"a number has more than {MAX_DIGITS:,} digits", line, column)
