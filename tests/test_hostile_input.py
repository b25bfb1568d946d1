"""Hostile inputs, class by class (issue 15): each class is closed by one mechanism, and tried here
with several members, not just the one that was reported.

Every row goes through the real CLI in a subprocess with the same promises as ``test_bad_input``'s
table (`run_case`): the exit code, every stderr line matched in full, no traceback, and the good
article given after the hostile input still checked with all its claims. File-system rows that root
would sail through run as user nobody (`as_nobody`), since CI runs as root.

The classes:

1. never destroy or skip data: no report over an input (by device and inode), no device, FIFO,
   folder or socket replaced, no silent cut at ``--max-bytes``, no CSV rows merged by a quote;
2. walk every input whatever a neighbour does: unreadable folders, FIFOs, sockets, devices,
   unreadable or over-long first paths;
3. every Unicode input decoded right or refused: every byte-order mark, non-UTF-8 names, lone
   surrogates, through every report format;
4. bounded resources: ``--jobs``, ``--max-bytes``, rule/config/baseline files read at most their limit,
   oversized rule packs refused fast with the limit they broke, a worker that cannot be started;
5. parsers never leak a traceback: long integers, deep nesting, control characters, in every format;
6. one line means one line: echoed values escaped, CSV cells that a spreadsheet would run neutralised.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from test_bad_input import (
    GOOD,
    GOOD_NAME,
    GOOD_VALUES,
    TIMEOUT,
    Case,
    Setup,
    as_nobody,
    run_case,
    run_cli,
    scratch_folder,  # noqa: F401  (the `folder` fixture)
)

from numcheck.runner import JOBS_PER_CORE, usable_cores
from numcheck.textfile import MAX_DIGITS
from numcheck.yamlload import MAX_NODES

ROOT = os.geteuid() == 0
LONG_INT = "1" * (MAX_DIGITS + 700)
RULE = (
    "pack: p\nrules:\n"
    "  - id: judge-count\n"
    "    check: range\n"
    "    severity: warning\n"
    "    message: \"{value:g} judges\"\n"
    "    max: 20\n"
)


def _put(folder: Path, name: str | bytes, data: bytes | str) -> str:
    """Write a file (``name`` may be bytes: a name that is not UTF-8); its name as argv gives it."""
    raw = os.path.join(os.fsencode(folder), os.fsencode(name))
    os.makedirs(os.path.dirname(raw), exist_ok=True)
    with open(raw, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    return os.fsdecode(name)


def _make(paths: tuple[str, ...] = (), options: tuple[str, ...] = (),
          files: dict[str | bytes, bytes | str] | None = None) -> Callable[[Path], Setup]:
    def make(folder: Path) -> Setup:
        for name, data in (files or {}).items():
            _put(folder, name, data)
        return Setup(paths=paths, options=options)

    return make


def _unchanged(name: str, data: str = GOOD) -> Callable[[Path, dict], None]:
    def check(folder: Path, report: dict) -> None:
        assert (folder / name).read_text(encoding="utf-8") == data, f"{name} was overwritten"
        assert not list(folder.rglob(".numcheck-*.tmp")), "a temporary report was left behind"

    return check


# --- 1. never destroy or skip data ---------------------------------------------------------------------

SAME_FILE = r"--output {} is also an input of this run; refusing to overwrite it \(write it somewhere else\)"


def _output_is_input(target: str, link: str | None = None) -> Callable[[Path], Setup]:
    def make(folder: Path) -> Setup:
        _put(folder, "victim.md", GOOD)
        (folder / "sub").mkdir()
        if link == "hard":
            os.link(folder / "victim.md", folder / target)
        elif link == "soft":
            os.symlink("victim.md", folder / target)
        return Setup(paths=("victim.md",), options=("--output", target))

    return make


def _walked_output(folder: Path) -> Setup:
    """The report would land on an article the walk reads: refused after the walk, article intact."""
    _put(folder, "desk/story.md", GOOD)
    _put(folder, "desk/report.md", GOOD)
    return Setup(paths=("desk",), options=("--output", "desk/report.md"))


def _char_device(name: str, minor: int, option: str = "--output") -> Callable[[Path], Setup]:
    """/dev/null (minor 3) or /dev/full (7); a node of our own as root, so that a regression cannot
    replace the machine's."""
    def make(folder: Path) -> Setup:
        if ROOT:
            os.mknod(folder / name, stat.S_IFCHR | 0o666, os.makedev(1, minor))
            return Setup(options=(option, name))
        return Setup(options=(option, f"/dev/{name}"))

    return make


def _still_char_device(name: str) -> Callable[[Path, dict], None]:
    def check(folder: Path, report: dict) -> None:
        target = folder / name if ROOT else Path("/dev") / name
        assert stat.S_ISCHR(target.stat().st_mode), "the device was replaced by a file"
        assert not list(folder.glob(".numcheck-*.tmp"))

    return check


FIFO_READ: dict[str, bytes] = {}


def _fifo_output(folder: Path) -> Setup:
    """--output names a FIFO another process reads: written to in place, the FIFO stays a FIFO."""
    os.mkfifo(folder / "out.fifo")

    def drain() -> None:
        with open(folder / "out.fifo", "rb") as handle:
            FIFO_READ[str(folder)] = handle.read()

    threading.Thread(target=drain, daemon=True).start()
    return Setup(options=("--output", "out.fifo"))


def _fifo_got_the_report(folder: Path, report: dict) -> None:
    assert stat.S_ISFIFO((folder / "out.fifo").stat().st_mode)
    for _ in range(100):
        if str(folder) in FIFO_READ:
            break
        threading.Event().wait(0.05)
    got = json.loads(FIFO_READ.pop(str(folder)))
    assert [c["value"] for c in got["files"][0]["claims"]] == GOOD_VALUES


def _socket_output(folder: Path) -> Setup:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "out.sock"))
    return Setup(options=("--output", "out.sock"))


def _fifo_article(size: int) -> Callable[[Path], Setup]:
    """A named pipe given as an article (what ``<(...)`` gives), fed ``size`` bytes by a writer."""
    def make(folder: Path) -> Setup:
        os.mkfifo(folder / "feed.txt")
        body = ("The 12 judges sat for 3 days. " * (size // 30 + 1))[:size].encode()

        def feed() -> None:
            with open(folder / "feed.txt", "wb") as handle:
                try:
                    handle.write(body)
                except BrokenPipeError:  # the reader stopped at its limit, as it should
                    pass

        threading.Thread(target=feed, daemon=True).start()
        return Setup(paths=("feed.txt",), options=("--max-bytes", "1000"))

    return make


def _csv(*rows: str) -> bytes:
    return ("id,text\n" + "".join(rows)).encode()


CSV_OPEN_QUOTE = _csv('a,"The council approved 84 of 112 proposals.\n', 'b,"Of the 35 member states, 26 voted."\n',
                      'c,"Rescuers reached 12 of the 14 trapped miners."\n')
CSV_OPEN_QUOTE_AT_END = _csv('a,"Of the 35 member states, 26 voted."\n', 'b,"The 12 judges sat\n', "for 3 days.\n")
CSV_STRAY_QUOTE = _csv('a,"Of the 35 member states," 26 voted.\n', 'b,"Rescuers reached 12 of the 14 miners."\n')
CSV_MERGED_FIELDS = _csv('a,"Of the 35 states\n', 'b",26,voted\n', 'c,"Rescuers reached 12 of the 14 miners."\n')
CSV_MULTILINE_OK = _csv('a,"Of the 35 member states,\n26 voted in favour."\n', 'b,"The 12 judges sat."\n')

CLASS_1 = [
    Case("output-is-an-input", _output_is_input("victim.md"), (SAME_FILE.format(r"victim\.md"),),
         checked=False, extra=_unchanged("victim.md")),
    Case("output-is-an-input-by-another-name", _output_is_input("sub/../victim.md"),
         (SAME_FILE.format(r"sub/\.\./victim\.md"),), checked=False, extra=_unchanged("victim.md")),
    Case("output-is-a-hard-link-to-an-input", _output_is_input("twin.md", "hard"), (SAME_FILE.format(r"twin\.md"),),
         checked=False, extra=_unchanged("victim.md")),
    Case("output-is-a-symlink-to-an-input", _output_is_input("alias.md", "soft"),
         (SAME_FILE.format(r"alias\.md"),), checked=False, extra=_unchanged("victim.md")),
    Case("output-is-the-rule-pack", _make(options=("--rules", "rules.yaml", "--output", "rules.yaml"),
                                          files={"rules.yaml": RULE}),
         (SAME_FILE.format(r"rules\.yaml"),), checked=False, extra=_unchanged("rules.yaml", RULE)),
    Case("write-baseline-is-an-input", _make(options=("--write-baseline", GOOD_NAME)),
         (r"--write-baseline good\.md is also an input .*",), checked=False, extra=_unchanged(GOOD_NAME)),
    Case("output-is-an-article-found-in-a-folder", _walked_output, (SAME_FILE.format(r"desk/report\.md"),),
         checked=False, extra=_unchanged("desk/report.md")),
    Case("output-is-a-character-device", _char_device("null", 3), (), code=0, checked=False,
         extra=_still_char_device("null")),
    Case("output-on-a-full-device", _char_device("full", 7),
         (r"cannot write --output (/dev/)?full \(No space left on device\)",), checked=False,
         extra=_still_char_device("full")),
    Case("write-baseline-on-a-full-device", _char_device("full", 7, "--write-baseline"),
         (r"cannot write --write-baseline (/dev/)?full \(No space left on device\)",),
         extra=_still_char_device("full")),
    Case("output-name-too-long", _make(options=("--output", "z" * 300)),
         (r"cannot write --output z{300} \(File name too long\)",), checked=False),
    Case("output-is-a-fifo", _fifo_output, (), code=0, checked=False, extra=_fifo_got_the_report),
    Case("output-is-a-folder", _make(options=("--output", "sub"), files={"sub/keep.txt": "x"}),
         (r"cannot write --output sub \(it is a folder, not a file\)",), checked=False),
    Case("output-is-a-socket", _socket_output, (r"cannot write --output out\.sock \(it is a socket, not a file\)",),
         checked=False),
    Case("fifo-article-over-max-bytes", _fifo_article(5000),
         (r"feed\.txt: more than 1,000 bytes could be read \(a pipe, or a file still growing\), over the limit; "
          r"raise it with --max-bytes",), extra=None),
    Case("fifo-article-within-max-bytes", _fifo_article(600), (), code=0),
    Case("endless-device-as-article", _make(paths=("/dev/zero",), options=("--max-bytes", "1000")),
         (r"/dev/zero: more than 1,000 bytes could be read .*",)),
    Case("csv-open-quote", _make(paths=("c.csv",), files={"c.csv": CSV_OPEN_QUOTE}),
         (r"c\.csv:2: malformed CSV row \(',' expected after '\"'\); skipped, reading on from line 3",
          r"c\.csv: 1 malformed row skipped"), also_reported=("c.csv#b", "c.csv#c")),
    Case("csv-open-quote-in-the-last-row", _make(paths=("c.csv",), files={"c.csv": CSV_OPEN_QUOTE_AT_END}),
         (r"c\.csv:3: malformed CSV row \(unexpected end of data\); skipped, reading on from line 4",
          r"c\.csv:4: malformed CSV row: 1 fields, the header has 2; skipped", r"c\.csv: 2 malformed rows skipped"),
         also_reported=("c.csv#a",)),
    Case("csv-stray-quote", _make(paths=("c.csv",), files={"c.csv": CSV_STRAY_QUOTE}),
         (r"c\.csv:2: malformed CSV row \(',' expected after '\"'\); skipped, reading on from line 3",
          r"c\.csv: 1 malformed row skipped"), also_reported=("c.csv#b",)),
    Case("csv-quote-merging-rows-into-one", _make(paths=("c.csv",), files={"c.csv": CSV_MERGED_FIELDS}),
         (r"c\.csv:2: malformed CSV row: 4 fields, the header has 2; skipped, reading on from line 3",
          r"c\.csv:3: malformed CSV row: 3 fields, the header has 2; skipped", r"c\.csv: 2 malformed rows skipped"),
         also_reported=("c.csv#c",)),
    Case("csv-quoted-newline-is-fine", _make(paths=("c.csv",), files={"c.csv": CSV_MULTILINE_OK}), (), code=0,
         also_reported=("c.csv#a", "c.csv#b")),
]


# --- 2. walk every input, whatever a neighbour does ----------------------------------------------------


def _locked_folder_mid_walk(folder: Path) -> Setup:
    _put(folder, "desk/a-first/story.md", GOOD)
    _put(folder, "desk/b-locked/story.md", GOOD)
    _put(folder, "desk/c-last/story.md", GOOD)
    (folder / "desk" / "b-locked").chmod(0o300)  # may be entered, not listed
    return Setup(paths=("desk",))


def _unsearchable_folder_mid_walk(folder: Path) -> Setup:
    _put(folder, "desk/a/story.md", GOOD)
    _put(folder, "desk/b/inner/story.md", GOOD)
    _put(folder, "desk/c/story.md", GOOD)
    (folder / "desk" / "b").chmod(0o744)  # user nobody may list it, not enter it
    return Setup(paths=("desk",))


def _special_files(folder: Path) -> Setup:
    _put(folder, "desk/story.md", GOOD)
    os.mkfifo(folder / "desk" / "feed.md")
    os.mkfifo(folder / "desk" / "pipe")  # no article suffix: passed over just the same, never opened
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "desk" / "live.txt"))
    os.symlink("/dev/zero", folder / "desk" / "zero.txt")
    return Setup(paths=("desk",))


def _locked_first_path(folder: Path) -> Setup:
    _put(folder, "vault/inner/story.md", GOOD)
    (folder / "vault").chmod(0o700)  # root's: user nobody cannot look inside
    return Setup(paths=("vault/inner/story.md",))


CLASS_2 = [
    Case("unlistable-folder-mid-walk", _locked_folder_mid_walk,
         (r"desk/b-locked: cannot read folder \(Permission denied\); the walk goes on without it",),
         as_nobody=True, same_claims_as_good=("desk/a-first/story.md", "desk/c-last/story.md")),
    Case("unsearchable-folder-mid-walk", _unsearchable_folder_mid_walk,
         (r"desk/b/inner: cannot read folder \(Permission denied\); the walk goes on without it",),
         as_nobody=True, same_claims_as_good=("desk/a/story.md", "desk/c/story.md")),
    Case("fifo-socket-device-in-a-folder", _special_files,
         (r"desk/feed\.md: a named pipe \(FIFO\), not a file: skipped, never opened",
          r"desk/live\.txt: a socket, not a file: skipped, never opened",
          r"desk/pipe: a named pipe \(FIFO\), not a file: skipped, never opened",
          r"desk/zero\.txt: a device, not a file: skipped, never opened"),
         code=0, same_claims_as_good=("desk/story.md",)),
    Case("unreadable-first-path", _locked_first_path, (r"vault/inner/story\.md: permission denied",),
         as_nobody=True),
    Case("over-long-rules-path", _make(options=("--rules", "r" * 5000)),
         (r"r{5000}: cannot read rule file \(File name too long\)",), checked=False),
    Case("over-long-first-path", _make(paths=("x" * 5000 + ".md",)),
         (r"x{5000}\.md: cannot read \(File name too long\)",)),
    Case("over-long-first-path-component-in-a-folder", _make(paths=("desk/" + "y" * 300 + "/a.md",),
                                                             files={"desk/other.txt": GOOD}),
         (r"desk/y{300}/a\.md: cannot read \(File name too long\)",)),
]


# --- 3. every Unicode input decoded right or refused ---------------------------------------------------

NAME_NOTE = (r"{}: this name holds bytes that are not UTF-8 text, or control characters; the file is read and "
             r"reported under the escaped name shown here")

CLASS_3 = [
    *(Case(f"bom-{name}", _make(paths=(f"{name}.txt",), files={f"{name}.txt": bom + GOOD.encode(codec)}), (),
           code=0, same_claims_as_good=(f"{name}.txt",))
      for name, bom, codec in (("utf-8", codecs.BOM_UTF8, "utf-8"), ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
                               ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
                               ("utf-32-le", codecs.BOM_UTF32_LE, "utf-32-le"),
                               ("utf-32-be", codecs.BOM_UTF32_BE, "utf-32-be"))),
    Case("bom-utf-32-le-with-a-bad-code-point", _make(paths=("bad32.txt",), files={
        "bad32.txt": codecs.BOM_UTF32_LE + GOOD.encode("utf-32-le") + b"\x00\x00\x11\x00"}),
         (r"bad32\.txt: invalid UTF-32 LE after its byte-order mark \(.*\)",)),
    Case("name-not-utf8", _make(paths=(os.fsdecode(b"caf\xe9.md"),), files={b"caf\xe9.md": GOOD}),
         (NAME_NOTE.format(r"caf\\xe9\.md"),), code=0, same_claims_as_good=("caf\\xe9.md",)),
    Case("name-not-utf8-in-a-folder", _make(paths=("desk",), files={b"desk/\xff\xfe.md": GOOD}),
         (NAME_NOTE.format(r"desk/\\xff\\xfe\.md"),), code=0, same_claims_as_good=("desk/\\xff\\xfe.md",)),
    Case("name-with-a-newline", _make(paths=("two\nlines.md",), files={"two\nlines.md": GOOD}),
         (NAME_NOTE.format(r"two\\nlines\.md"),), code=0, same_claims_as_good=("two\\nlines.md",)),
    Case("jsonl-lone-surrogate-in-text", _make(paths=("s.jsonl",), files={"s.jsonl": (
        '{"id": "a", "text": "Of the 35 states \\ud800 26 voted."}\n'
        '{"id": "b", "text": "Rescuers reached 12 of the 14 trapped miners."}\n')}),
         (r"s\.jsonl:1: row s\.jsonl#a: text holds a lone surrogate \(\\ud800 at character 17\), which is not "
          r"Unicode text; row skipped",), also_reported=("s.jsonl#b",)),
    Case("jsonl-lone-surrogates-in-ids", _make(paths=("s.jsonl",), files={"s.jsonl": (
        '{"id": "\\udc00", "text": "Rescuers reached 12 of the 14 trapped miners."}\n'
        '{"id": "x\\n::error::y", "text": "Of the 35 member states, 26 voted in favour."}\n')}),
         (), code=0, also_reported=("s.jsonl#\\udc00", "s.jsonl#x\\n::error::y")),
    Case("jsonl-utf16-corpus", _make(paths=("u.jsonl",), files={"u.jsonl": '{"text": "x"}\n'.encode("utf-16")}),
         (r"u\.jsonl: UTF-16-LE text \(byte-order mark\); corpora are read as UTF-8, save it as UTF-8",)),
    Case("csv-utf32-corpus", _make(paths=("u.csv",), files={"u.csv": "id,text\na,b\n".encode("utf-32")}),
         (r"u\.csv: UTF-32-LE text \(byte-order mark\); corpora are read as UTF-8, save it as UTF-8",)),
]


# --- 4. bounded resources --------------------------------------------------------------------------------

MOST_JOBS = JOBS_PER_CORE * usable_cores()

CLASS_4 = [
    Case("jobs-over-the-cap", _make(options=("--jobs", str(MOST_JOBS + 1))),
         (rf"--jobs {MOST_JOBS + 1} is too many: at most {MOST_JOBS} \({JOBS_PER_CORE} per usable core, "
          rf"{usable_cores()} here\); 0 means one per core",), checked=False),
    Case("jobs-huge", _make(options=("--jobs", "9" * 30)), (r"--jobs 9{30} is too many: .*",), checked=False),
    Case("jobs-over-the-cap-in-the-config", _make(options=("--config", "c.yaml"), files={"c.yaml": "jobs: 100000\n"}),
         (r"--jobs 100000 is too many: .*",), checked=False),
    Case("jobs-with-5000-digits", _make(options=("--jobs", "7" * 5000)),
         (r"numcheck check: argument --jobs/-j: invalid int value: '7{5000}'",), checked=False),
    Case("max-bytes-huge", _make(options=("--max-bytes", "9" * 30)),
         (r"numcheck check: argument --max-bytes: must be at most 2,147,483,647",), checked=False),
    Case("max-bytes-with-5000-digits", _make(options=("--max-bytes", "5" * 5000)),
         (r"numcheck check: argument --max-bytes: expected a whole number of bytes, not '5{40}\.\.\.'",),
         checked=False),
    Case("max-bytes-huge-in-the-config", _make(options=("--config", "c.yaml"),
                                               files={"c.yaml": "max-bytes: 99999999999999\n"}),
         (r"c\.yaml:1:12: 'max-bytes' must be at most 2,147,483,647",), checked=False),
    Case("rules-from-an-endless-device", _make(options=("--rules", "/dev/zero")),
         (r"/dev/zero: file is over the 5,000,000-byte limit for a rule file",), checked=False, memory_limit=True),
    Case("config-from-an-endless-device", _make(options=("--config", "/dev/zero")),
         (r"/dev/zero: file is over the 5,000,000-byte limit for a config file",), checked=False, memory_limit=True),
    Case("baseline-from-an-endless-device", _make(options=("--baseline", "/dev/urandom")),
         (r"/dev/urandom: not a numcheck baseline: file is over the 50,000,000-byte limit for a baseline",),
         checked=False, memory_limit=True),
    Case("rule-pack-over-the-node-limit",
         _make(options=("--rules", "big.yaml"), files={"big.yaml": "pack: big\nrules:\n" + "".join(
             f"  - id: r{i}\n    check: range\n    severity: info\n    message: m\n    max: {i}\n"
             for i in range(MAX_NODES // 10))}),
         (rf"big\.yaml:\d+:\d+: more than {MAX_NODES:,} keys and values; a rule or config file needs far fewer "
          r"\(split a large pack into several files\)",), checked=False, memory_limit=True),
]


# --- 5. parsers never leak a traceback -----------------------------------------------------------------

DEEP = 100_000

CLASS_5 = [
    Case("yaml-rules-long-integer", _make(options=("--rules", "r.yaml"), files={"r.yaml": RULE.replace(
        "max: 20", f"max: {LONG_INT}")}), (rf"r\.yaml:7:10: a number has more than {MAX_DIGITS:,} digits",),
         checked=False),
    Case("yaml-rules-long-negative-integer-key", _make(options=("--rules", "r.yaml"), files={
        "r.yaml": RULE + f"  - -{LONG_INT}: 1\n"}), (rf"r\.yaml:8:5: a number has more than {MAX_DIGITS:,} digits",),
         checked=False),
    Case("yaml-config-long-integer", _make(options=("--config", "c.yaml"), files={"c.yaml": f"jobs: {LONG_INT}\n"}),
         (rf"c\.yaml:1:7: a number has more than {MAX_DIGITS:,} digits",), checked=False),
    Case("toml-config-long-integer", _make(options=("--config", "pyproject.toml"), files={
        "pyproject.toml": f"[tool.numcheck]\njobs = {LONG_INT}\n"}),
         (rf"pyproject\.toml:2:8: invalid TOML: a number has more than {MAX_DIGITS:,} digits",), checked=False),
    Case("toml-config-nested-deep", _make(options=("--config", "pyproject.toml"), files={
        "pyproject.toml": "[tool.numcheck]\nx = " + "[" * DEEP + "]" * DEEP + "\n"}),
         (r"pyproject\.toml: invalid TOML: nested too deeply",), checked=False),
    Case("toml-config-inline-tables-nested-deep", _make(options=("--config", "pyproject.toml"), files={
        "pyproject.toml": "[tool.numcheck]\nx = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n"}),
         (r"pyproject\.toml: invalid TOML: nested too deeply",), checked=False),
    Case("json-baseline-long-integer", _make(options=("--baseline", "b.json"), files={
        "b.json": f'{{"version": 1, "findings": [], "n": {LONG_INT}}}'}),
         (rf"b\.json:1:37: not a numcheck baseline: a number has more than {MAX_DIGITS:,} digits",), checked=False),
    Case("json-baseline-nested-deep", _make(options=("--baseline", "b.json"), files={
        "b.json": "[" * DEEP + "]" * DEEP}), (r"b\.json: not a numcheck baseline: nested too deeply",),
         checked=False),
    Case("json-baseline-objects-nested-deep", _make(options=("--baseline", "b.json"), files={
        "b.json": '{"a": ' * DEEP + "1" + "}" * DEEP}), (r"b\.json: not a numcheck baseline: nested too deeply",),
         checked=False),
    Case("jsonl-row-long-integer", _make(paths=("r.jsonl",), files={"r.jsonl": (
        f'{{"id": {LONG_INT}, "text": "x"}}\n{{"id": "b", "text": "Of the 35 member states, 26 voted."}}\n')}),
         (rf"r\.jsonl:1: malformed JSON \(a number has more than {MAX_DIGITS:,} digits\); line skipped",
          r"r\.jsonl: 1 malformed line skipped"), also_reported=("r.jsonl#b",)),
    Case("jsonl-row-nested-deep", _make(paths=("r.jsonl",), files={"r.jsonl": (
        '{"id": "a", "x": ' + "[" * DEEP + "]" * DEEP + "}\n"
        '{"id": "b", "text": "Of the 35 states, 26 voted."}\n')}),
         (r"r\.jsonl:1: malformed JSON \(nested too deeply\); line skipped", r"r\.jsonl: 1 malformed line skipped"),
         also_reported=("r.jsonl#b",)),
    *(Case(f"control-character-{hex(code)}-in-{where}", _make(options=(option, name), files={
        name: text.replace("severity", f"severity{chr(code)}", 1) if where == "rules" else f"jobs: 1{chr(code)}\n"}),
        (rf"{re.escape(name)}:\d+:\d+: invalid YAML: control character U\+{code:04X} is not allowed",), checked=False)
      for code in (0x01, 0x08, 0x1B, 0x7F) for where, option, name, text in (
          ("rules", "--rules", "r.yaml", RULE), ("config", "--config", "c.yaml", ""))),
]


# --- 6. one line means one line ----------------------------------------------------------------------

INJECTED = "x\n::error file=a.md::forged"

CLASS_6 = [
    Case("newline-in-a-missing-path", _make(paths=(INJECTED,)),
         (r"x\\n::error file=a\.md::forged: no such file or directory",)),
    Case("newline-in-select", _make(options=("--select", INJECTED)),
         (r"--select: unknown rule id or check kind: x\\n::error file=a\.md::forged \(rule ids: .*\)",),
         checked=False),
    Case("newline-in-an-unknown-option", _make(options=("--x" + INJECTED,)),
         (r"numcheck: unrecognized arguments: --xx\\n::error file=a\.md::forged",), checked=False),
    Case("newline-in-output-folder", _make(options=("--output", f"{INJECTED}/r.json")),
         (r"cannot write --output x\\n::error file=a\.md::forged/r\.json \(No such file or directory\)",),
         checked=False),
    Case("carriage-return-and-escape-in-config-value", _make(options=("--config", "c.yaml"), files={
        "c.yaml": 'fail-on: "now\\r::error::\\e[31m"\n'}),
         (r"c\.yaml:1:10: bad fail-on 'now\\r::error::\\x1b\[31m' \(expected one of: .*\)",), checked=False),
    Case("newline-in-a-corpus-id-warning", _make(paths=("w.jsonl",), files={
        "w.jsonl": '{"id": "a\\n::error::b", "text": " "}\n'}),
         (r"w\.jsonl:1: row w\.jsonl#a\\n::error::b: text field 'text' is empty; skipped",), code=0),
]

ALL = [*CLASS_1, *CLASS_2, *CLASS_3, *CLASS_4, *CLASS_5, *CLASS_6]


@pytest.mark.parametrize("case", ALL, ids=[case.id for case in ALL])
def test_hostile_input(case: Case, folder: Path) -> None:
    run_case(case, folder)


def test_every_class_is_tried_with_several_members() -> None:
    """Acceptance tries unlisted members of each class: each class keeps several rows."""
    for rows in (CLASS_1, CLASS_2, CLASS_3, CLASS_4, CLASS_5, CLASS_6):
        assert len(rows) >= 5, [r.id for r in rows]
    ids = [case.id for case in ALL]
    assert len(set(ids)) == len(ids)


# --- beyond the table --------------------------------------------------------------------------------


def test_no_stderr_line_is_a_forged_github_annotation(folder: Path) -> None:
    """Under --format github, whatever the user's values hold, numcheck's stderr lines are its own."""
    _put(folder, GOOD_NAME, GOOD)
    done = run_cli(folder, ["check", GOOD_NAME, INJECTED, "--format", "github", "--select", INJECTED])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert not [line for line in done.stderr.splitlines() if line.startswith("::")], done.stderr
    assert len(done.stderr.splitlines()) == 1
    for argv in (["rules", "explain", INJECTED], ["rules", "validate", INJECTED], ["check", "--config", INJECTED],
                 ["check", GOOD_NAME, "--baseline", INJECTED], ["check", GOOD_NAME, "--rules", INJECTED]):
        done = run_cli(folder, argv)
        assert done.returncode == 2 and len(done.stderr.splitlines()) == 1, (argv, done.stderr)
        assert "x\\n::error" in done.stderr and "Traceback" not in done.stderr, (argv, done.stderr)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif", "html", "csv", "github", "text", "markdown"])
def test_unicode_names_and_ids_reach_every_format_and_output(folder: Path, fmt: str) -> None:
    """A non-UTF-8 file name, a lone-surrogate id and a lone-surrogate text, through each format and
    --output: one note or error line each, the rest checked, the report written and UTF-8."""
    _put(folder, b"caf\xe9.md", GOOD)
    _put(folder, "c.jsonl", '{"id": "\\ud83d", "text": "Of the 40 nations, 41 signed."}\n'
                            '{"id": "t", "text": "x \\udfff y"}\n')
    done = run_cli(folder, ["check", os.fsdecode(b"caf\xe9.md"), "c.jsonl", "--format", fmt, "--output", "out"])
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == ["caf\\xe9.md", "c.jsonl"], lines
    report = (folder / "out").read_bytes().decode("utf-8")  # UTF-8 throughout, whatever the names held
    assert "ud83d" in report, report  # the row with the surrogate id was checked: its finding is reported
    if fmt == "json":
        claims = {entry["path"]: entry["claims"] for entry in json.loads(report)["files"]}
        assert [c["value"] for c in claims["caf\\xe9.md"]] == GOOD_VALUES


def test_csv_report_neutralises_formula_cells_and_keeps_numbers(folder: Path) -> None:
    """OWASP CSV injection: text cells starting = + - @ tab or CR get a leading ', numbers stay numbers."""
    _put(folder, "=HYPERLINK(x).md", "The temperature fell to -3 degrees overnight from 5 degrees.\n")
    _put(folder, "@cmd.md", "Of the 35 member states, 26 voted in favour.\n")
    _put(folder, "rules.yaml", RULE.replace('"{value:g} judges"', '"=1+2 {value:g} judges"').replace("20", "2"))
    _put(folder, "judges.md", "The 12 judges sat for 3 days.\n")
    done = run_cli(folder, ["extract", "=HYPERLINK(x).md", "@cmd.md", "--format", "csv"])
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {row["path"] for row in rows} == {"'=HYPERLINK(x).md", "'@cmd.md"}
    negative = next(row for row in rows if row["value"] == "-3.0")
    assert negative["text"].startswith("'-3") and float(negative["value"]) == -3.0
    assert all(row[column][:1] not in ("=", "+", "-", "@", "\t", "\r")
               for row in rows for column in row if column not in ("value", "low", "high", "precision"))
    done = run_cli(folder, ["check", "judges.md", "--rules", "rules.yaml", "--no-default-rules", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and all(row["message"].startswith("'=1+2 ") for row in rows), done.stdout


def test_a_full_standard_output_is_one_line_not_a_traceback(folder: Path) -> None:
    """``numcheck check a.md > /dev/full``: the report cannot be written; one line, exit 2."""
    _put(folder, GOOD_NAME, GOOD)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "numcheck.cli", "check", GOOD_NAME], cwd=folder, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=TIMEOUT)
    assert (done.returncode, done.stderr) == (2, "cannot write the report to standard output (No space left on "
                                                 "device)\n")


@pytest.mark.parametrize(("processes", "jobs", "going_on"), [
    (1, 2, "checking in this process"),
    (2, 3, r"going on with 1 worker process\(es\)"),
], ids=["no-worker-starts", "one-of-three-starts"])
def test_a_worker_that_cannot_be_started_is_one_line_and_the_run_goes_on(
    folder: Path, processes: int, jobs: int, going_on: str
) -> None:
    """RLIMIT_NPROC for user nobody lets ``processes - 1`` workers fork. One line naming the first
    worker that could not start, then every article is checked by the workers that did start (or
    in this process), in order, with the same report as --jobs 1."""
    for i in range(6):
        _put(folder, f"desk/{i}.md", GOOD.replace("84", str(80 + i)))
    command = [sys.executable, "-m", "numcheck.cli", "check", "desk", "--format", "json"]
    serial = subprocess.run([*as_nobody(), *command, "--jobs", "1"], cwd=folder, capture_output=True, text=True,
                            timeout=TIMEOUT)
    assert serial.returncode == 1 and serial.stderr == "", serial.stderr  # findings, and nothing else

    def one_process() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))

    done = subprocess.run([*as_nobody(), *command, "--jobs", str(jobs)], cwd=folder, capture_output=True, text=True,
                          timeout=TIMEOUT, preexec_fn=one_process)
    assert "Traceback" not in done.stderr, done.stderr
    assert re.fullmatch(rf"numcheck: cannot start worker process {processes} of --jobs {jobs} \(Resource temporarily "
                        rf"unavailable\); {going_on}\n", done.stderr), done.stderr
    assert done.returncode == serial.returncode
    assert done.stdout == serial.stdout
