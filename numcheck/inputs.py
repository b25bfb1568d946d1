"""Find and decode the articles named on a command line.

Input problems are yielded as `InputError` values in reading order instead of being raised, so
one unreadable file never stops the others from being checked; the CLI prints each as one line
and exits 2 at the end. Directories are walked lazily and files read one at a time, so memory
stays flat however large the archive.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence

from numcheck.article import DEFAULT_MAX_BYTES, Article, unreadable
from numcheck.document import kind_for_path
from numcheck.errors import InputError
from numcheck.selection import ARTICLE_SUFFIXES, Selection

# Article, DEFAULT_MAX_BYTES and unreadable live in numcheck.article (the corpus reader needs them
# too, and this module imports the corpus reader); they are re-exported here for callers.
__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_MAX_BYTES", "Article", "decode_bytes", "iter_articles", "read_article",
           "unreadable"]


# Magic numbers of the binary files most often dropped into article folders by mistake.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"PK\x03\x04", "a zip archive (or .docx/.xlsx)"),
    (b"%PDF", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode an article's bytes, refusing binary and ambiguous encodings with a clear reason.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read; UTF-16 without a BOM is refused
    rather than guessed, because a wrong guess silently yields garbage claims.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid UTF-16 after its byte-order mark ({exc.reason})") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"binary file ({what}); numcheck reads UTF-8 text articles")
    nul = data.find(b"\x00")
    if nul >= 0:
        sample = data[:4096]
        if len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4):
            raise InputError(source, "looks like UTF-16 without a byte-order mark; save it as UTF-8")
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(source, f"binary file (NUL byte at byte {nul}); numcheck reads UTF-8 text", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            source, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte {exc.start}); save it as UTF-8", line
        ) from None


def iter_articles(
    paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES, selection: Selection | None = None,
    **corpus_options: str | None,
) -> Iterator[Article | InputError]:
    """Yield each article (or the error reading it) for files, folders, corpora and ``-``.

    ``selection`` decides what folder walks skip and whether a named path is dropped
    (``--force-exclude``); by default the default excludes and .gitignore apply below each folder.
    """
    selection = Selection() if selection is None else selection
    for path in paths:
        if path == "-":
            yield _read_stdin(max_bytes)
        elif selection.drops_named(path):
            continue
        elif os.path.isdir(path):
            yield from _walk(path, max_bytes, selection)
        elif path.lower().endswith((".jsonl", ".csv")) and os.path.isfile(path):
            from numcheck.corpus import iter_corpus

            yield from iter_corpus(path, max_bytes=max_bytes, **corpus_options)
        else:
            yield read_article(path, max_bytes)


def read_article(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article | InputError:
    """Read one file; every way it can fail becomes an `InputError` naming the file."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return InputError(
                path, f"article is {size:,} bytes, over the {max_bytes:,}-byte limit; raise it with --max-bytes"
            )
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return unreadable(path, exc)
    try:
        return Article(path, decode_bytes(data, path), kind_for_path(path))
    except InputError as exc:
        return exc


def _read_stdin(max_bytes: int) -> Article | InputError:
    stream = sys.stdin
    if stream is None or stream.closed:
        return InputError("<stdin>", "standard input is closed")
    try:
        data = stream.buffer.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        return InputError("<stdin>", f"cannot read standard input ({exc})")
    if len(data) > max_bytes:
        return InputError("<stdin>", f"input is over the {max_bytes:,}-byte limit; raise it with --max-bytes")
    try:
        return Article("<stdin>", decode_bytes(data, "<stdin>"), "text")
    except InputError as exc:
        return exc


def _walk(root: str, max_bytes: int, selection: Selection) -> Iterator[Article | InputError]:
    """Walk a folder in sorted order (see `Selection.walk` for what is skipped)."""
    found = False
    try:
        for path in selection.walk(root):
            found = True
            yield read_article(path, max_bytes)
    except OSError as exc:
        yield InputError(exc.filename or root, f"cannot read folder ({exc.strerror or exc})")
        return
    if not found:
        yield InputError(root, "folder holds no articles (looked for *.txt, *.md, *.markdown, *.html; "
                               "excluded and git-ignored files are skipped)")
