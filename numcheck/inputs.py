"""Find and decode the articles named on a command line.

Input problems are yielded as `InputError` values in reading order instead of being raised, so
one unreadable file never stops the others from being checked; the CLI prints each as one line
and exits 2 at the end. Directories are walked lazily and files read one at a time, so memory
stays flat however large the archive.

Whatever a neighbour does, every input is walked: a folder that cannot be listed is one error and
the walk goes on with the next; a FIFO, socket or device found in a folder is passed over with a
note and never opened (opening a FIFO waits for a writer forever). A file is read ``--max-bytes``
plus one byte at most, so a pipe, a process substitution or a file still growing past the limit is
an error, never silently cut. A file name that is not UTF-8 is read all the same, shown escaped,
with a note. Every file read is recorded by (device, inode) in ``opened`` when the caller passes a
set, so ``--output`` can refuse to overwrite any of them.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence

from numcheck.article import DEFAULT_MAX_BYTES, Article, unreadable
from numcheck.document import kind_for_path
from numcheck.errors import InputError, InputNote
from numcheck.selection import ARTICLE_SUFFIXES, Selection
from numcheck.textfile import one_line, sniff_bom

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

    UTF-8 (with or without BOM), and UTF-16 and UTF-32 of either byte order with a BOM, are read;
    UTF-16 without a BOM is refused rather than guessed, because a wrong guess silently yields
    garbage claims.
    """
    encoding, skip = sniff_bom(data)
    if encoding is not None and encoding != "utf-8":
        try:
            return data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            name = encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
            raise InputError(source, f"invalid {name} after its byte-order mark ({exc.reason})") from None
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
    opened: set[tuple[int, int]] | None = None,
    **corpus_options: str | None,
) -> Iterator[Article | InputError]:
    """Yield each article (or the error reading it) for files, folders, corpora and ``-``.

    ``selection`` decides what folder walks skip and whether a named path is dropped
    (``--force-exclude``); by default the default excludes and .gitignore apply below each folder.
    ``opened``, when given, collects the (device, inode) of every file read (see the module docstring).
    """
    selection = Selection() if selection is None else selection
    for path in paths:
        if path == "-":
            yield _read_stdin(max_bytes)
        elif selection.drops_named(path):
            continue
        elif os.path.isdir(path):
            yield from _walk(path, max_bytes, selection, opened)
        elif path.lower().endswith((".jsonl", ".csv")) and os.path.isfile(path):
            from numcheck.corpus import iter_corpus

            _record(path, opened)
            yield from iter_corpus(path, max_bytes=max_bytes, **corpus_options)
        else:
            yield from _named(read_article(path, max_bytes, opened), path)


def _record(path: str | int, opened: set[tuple[int, int]] | None) -> None:
    if opened is not None:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return
        opened.add((info.st_dev, info.st_ino))


def _named(item: Article | InputError, path: str) -> Iterator[Article | InputError]:
    """The item read from ``path``, after a note when the article's name is shown otherwise than it
    is spelt (bytes that are not UTF-8, a newline); an error already shows the name escaped."""
    if isinstance(item, Article) and item.source != path:
        yield InputNote(path, "this name holds bytes that are not UTF-8 text, or control characters; "
                        "the file is read and reported under the escaped name shown here")
    yield item


def read_article(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, opened: set[tuple[int, int]] | None = None
) -> Article | InputError:
    """Read one file; every way it can fail becomes an `InputError` naming the file.

    At most ``max_bytes + 1`` bytes are read whatever the file's stated size, so a pipe or a file
    still growing is refused at the limit instead of being silently cut there.
    """
    source = one_line(path)
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return InputError(
                path, f"article is {size:,} bytes, over the {max_bytes:,}-byte limit; raise it with --max-bytes"
            )
        with open(path, "rb") as handle:
            _record(handle.fileno(), opened)
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return unreadable(path, exc)
    if len(data) > max_bytes:
        return InputError(path, f"more than {max_bytes:,} bytes could be read (a pipe, or a file still growing), "
                          "over the limit; raise it with --max-bytes")
    try:
        return Article(source, decode_bytes(data, path), kind_for_path(path))
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


def _walk(
    root: str, max_bytes: int, selection: Selection, opened: set[tuple[int, int]] | None = None
) -> Iterator[Article | InputError]:
    """Walk a folder depth first in sorted order; symlinked folders are not followed, so loops cannot hang us.

    A folder that cannot be listed is one error and the walk goes on; a FIFO, socket or device is
    a note, never opened. What is kept below ``root`` (excludes, .gitignore, include) is the
    selection's verdict (`numcheck.selection.WalkFilter`), the same one `Selection.walk` asks.
    """
    keep = selection.filter_for(root)
    found = False
    root_listed = False
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            yield InputError(folder, f"cannot read folder ({exc.strerror or exc}); the walk goes on without it")
            continue
        root_listed = root_listed or folder == root
        subfolders = []
        for entry in entries:
            if _is_folder(entry):
                if not entry.is_symlink() and keep.keeps_folder(entry.path):
                    subfolders.append(entry.path)
                continue
            special = _special(entry.path)
            if special:
                yield InputNote(entry.path, f"{special}, not a file: skipped, never opened")
            elif keep.keeps_file(entry.path):
                found = True
                yield from _named(read_article(entry.path, max_bytes, opened), entry.path)
        pending.extend(reversed(subfolders))
    if not found and root_listed:
        yield InputError(root, "folder holds no articles (looked for *.txt, *.md, *.markdown, *.html; "
                               "excluded and git-ignored files are skipped)")


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A folder, or a symlink to one (passed over: not followed, as ``os.walk`` does by default)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _special(path: str) -> str | None:
    """What a FIFO, socket or device is called, or None for anything else (a file, a broken link)."""
    try:
        mode = os.stat(path).st_mode  # through a symlink: a link to a FIFO would hang just the same
    except (OSError, ValueError):
        return None  # reading it reports why
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None
