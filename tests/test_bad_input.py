"""Every bad input, through the real CLI: one line on stderr naming it, exit 2, the rest still checked.

One table, one row per bad input (issue 7, and the "Bad input" parts of issues 3 to 6). Each row runs
``python -m numcheck.cli check`` in a subprocess, with the bad input placed *before* a good article in
the same invocation, and asserts:

- the exit code (2 for a bad input; 0 for the inputs that are fine, such as an empty file);
- stderr, line by line, against the row's expected lines (each names the file, and ``:line`` where
  there is one), so an extra line or a missing one fails;
- the good article's claims in the ``--format json`` report (or, for usage and rule-file errors,
  that nothing was checked at all: rules and options are validated before any article is read);
- no "Traceback" on either stream.

A subprocess, not ``main()`` in-process, because a traceback, a hang or a memory blow-up is what
the user would see from the real command, and some rows need a closed stdin, another user, or a
memory limit.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# A clean article: five claims, linked, and no finding, so the run's exit code is the input's alone.
GOOD = (
    "The council approved 84 of 112 proposals this year, or 75%.\n"
    "\n"
    "Of the 35 member states, 26 voted in favour.\n"
)
GOOD_VALUES = [84.0, 112.0, 75.0, 35.0, 26.0]
GOOD_NAME = "good.md"

#: Nobody may take longer than this; a hang fails the row instead of the whole suite.
TIMEOUT = 60
#: The address-space limit of the alias-bomb row: far above what numcheck needs, far below a bomb.
MEMORY_LIMIT = 1 << 30

RULE_HEAD = "pack: bad\nrules:\n"


@dataclass(frozen=True)
class Setup:
    """What a row puts on the command line: input paths (before the good article) and options."""

    paths: tuple[str, ...] = ()
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """One bad input and everything the CLI must do about it."""

    id: str
    make: Callable[[Path], Setup]
    #: Regexes that stderr's lines must match, in order, in full; () means stderr must be empty.
    stderr: tuple[str, ...]
    code: int = 2
    #: True: the good article is in the JSON report. False: a usage error, nothing is checked.
    checked: bool = True
    #: Run the CLI as user nobody (root reads and writes everything, so permissions need another user).
    as_nobody: bool = False
    #: Close file descriptor 0 in the child, so standard input is truly closed, not just empty.
    close_stdin: bool = False
    #: Cap the child's address space (the alias bomb must fail fast, not fill memory).
    memory_limit: bool = False
    #: Sources, besides the good article, that must come back in the report (other corpus rows...).
    also_reported: tuple[str, ...] = ()
    #: Sources in the report that must hold exactly the good article's claims (a BOM file...).
    same_claims_as_good: tuple[str, ...] = ()
    #: Sources in the report that must hold no claims at all (an empty file...).
    no_claims: tuple[str, ...] = ()
    #: Any further check, given the folder and the parsed report ({} when nothing was checked).
    extra: Callable[[Path, dict], None] | None = None


# --- the bad inputs -------------------------------------------------------------------------------------


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _file(name: str, data: bytes | str) -> Callable[[Path], Setup]:
    def make(folder: Path) -> Setup:
        _write(folder, name, data)
        return Setup(paths=(name,))

    return make


def _rules(text: str) -> Callable[[Path], Setup]:
    def make(folder: Path) -> Setup:
        _write(folder, "rules.yaml", text)
        return Setup(options=("--rules", "rules.yaml"))

    return make


def _options(*options: str) -> Callable[[Path], Setup]:
    return lambda folder: Setup(options=options)


def _missing(folder: Path) -> Setup:
    return Setup(paths=("missing.txt",))


def _locked(folder: Path) -> Setup:
    path = _write(folder, "locked.txt", "The 12 judges sat for 3 days.\n")
    path.chmod(0)
    return Setup(paths=("locked.txt",))


def _empty_folder(folder: Path) -> Setup:
    _write(folder, "empty/README", "Drop the articles here.\n")  # no article suffix: not an article
    _write(folder, "empty/chart.png", b"\x89PNG\r\n\x1a\n")
    return Setup(paths=("empty",))


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00" + bytes(
        range(256)
    )


def _zip(folder: Path) -> Setup:
    with zipfile.ZipFile(folder / "bundle.zip", "w") as archive:
        archive.writestr("story.txt", "The 12 judges sat for 3 days.\n")
    return Setup(paths=("bundle.zip",))


def _png_in_folder(folder: Path) -> Setup:
    """A PNG saved under an article name inside a folder: the folder's good article is still read."""
    _write(folder, "desk/a-photo.txt", _png())
    _write(folder, "desk/b-story.md", GOOD)
    return Setup(paths=("desk",))


def _symlink_loop(folder: Path) -> Setup:
    _write(folder, "loop/inner/story.md", GOOD)
    os.symlink(folder / "loop", folder / "loop" / "inner" / "back")  # loop/inner/back -> loop
    os.symlink(folder / "loop", folder / "loop" / "self")
    return Setup(paths=("loop",))


def _file_symlink_loop(folder: Path) -> Setup:
    os.symlink("ping.md", folder / "pong.md")
    os.symlink("pong.md", folder / "ping.md")
    return Setup(paths=("ping.md",))


def _one_mb_line(folder: Path) -> Setup:
    head = "The council approved 84 of 112 proposals this year, or 75%. "
    filler = "The delegates argued late into the night about the wording of the final text. "
    tail = "Of the 35 member states, 26 voted in favour."
    text = head + filler * ((1_000_000 - len(head) - len(tail)) // len(filler) + 1) + tail
    _write(folder, "oneline.txt", text)
    assert len(text) >= 1_000_000 and "\n" not in text
    return Setup(paths=("oneline.txt",))


def _check_one_mb_line(folder: Path, report: dict) -> None:
    claims = _by_source(report)["oneline.txt"]["claims"]
    assert [c["value"] for c in claims] == GOOD_VALUES
    assert {c["line"] for c in claims} == {1}
    assert claims[-1]["column"] > 999_000  # columns count along the one long line


def _over_max_bytes(folder: Path) -> Setup:
    _write(folder, "long.txt", "The 12 judges sat for 3 days. " * 100)  # 3,000 bytes
    return Setup(paths=("long.txt",), options=("--max-bytes", "1000"))


JSONL = (
    '{"id": "a", "text": "Of the 40 nations, 41 signed."}\n'
    '{"id": "b", "text": "The 12 judges sat for 3 days.\n'  # the string is never closed
    '{"id": "c", "text": "Rescuers reached 12 of the 14 trapped miners."}\n'
)
CSV_SHORT_ROW = (
    "id,section,text\n"
    'a,world,"Of the 40 nations, 41 signed."\n'
    "b,sport\n"  # the text column is missing from this row
    'c,local,"Rescuers reached 12 of the 14 trapped miners."\n'
)
JSONL_EMPTY_TEXT = (
    '{"id": "a", "text": "Rescuers reached 12 of the 14 trapped miners."}\n'
    '{"id": "b", "text": "  "}\n'
    '{"id": "c", "body": "Of the 35 member states, 26 voted in favour."}\n'
)
CSV_NO_TEXT_COLUMN = 'id,section,headline\na,world,"Forty nations sign"\n'


def _closed_stdin(folder: Path) -> Setup:
    return Setup(paths=("-",))


def _output_missing_folder(folder: Path) -> Setup:
    return Setup(options=("--output", "nowhere/report.json"))


def _output_read_only(folder: Path) -> Setup:
    out = folder / "locked-out"
    out.mkdir()
    out.chmod(0o555)  # owned by root: user nobody may not create files in it
    return Setup(options=("--output", "locked-out/report.json"))


def _nothing_written(where: str) -> Callable[[Path, dict], None]:
    def check(folder: Path, report: dict) -> None:
        target = folder / where
        leftovers = sorted(p.name for p in target.iterdir()) if target.is_dir() else []
        assert leftovers == [], f"--output left files behind: {leftovers}"
        assert not (folder / "nowhere").exists()

    return check


def _config_unknown_key(folder: Path) -> Setup:
    _write(folder, "newsroom.yaml", "fail-on: warning\ncolour: red\n")
    return Setup(options=("--config", "newsroom.yaml"))


def _config_unknown_rule(folder: Path) -> Setup:
    _write(folder, "newsroom.yaml", "disable:\n  - repeated-figure\n  - no-such-rule\n")
    return Setup(options=("--config", "newsroom.yaml"))


BOMB = "pack: bomb\n" + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n" for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
) + "rules: []\n"

RULE = (
    "  - id: judge-count\n"
    "    check: range\n"
    "    severity: warning\n"
    "    message: \"{value:g} judges\"\n"
    "    max: 20\n"
)

USAGE = r"numcheck check: "
UNKNOWN_ID = r"unknown rule id or check kind: no-such-rule \(rule ids: see 'numcheck rules list'; check kinds: .*\)"


CASES = [
    # -- files and folders ---------------------------------------------------------------------------------
    Case("missing-path", _missing, (r"missing\.txt: no such file or directory",)),
    Case("permission-denied", _locked, (r"locked\.txt: permission denied",), as_nobody=True),
    Case("folder-without-articles", _empty_folder, (r"empty: folder holds no articles .*",)),
    Case("binary-png", _file("chart.png", _png()), (r"chart\.png: binary file \(a PNG image\).*",)),
    Case("binary-zip", _zip, (r"bundle\.zip: binary file \(a zip archive.*",)),
    Case("binary-png-named-txt-in-folder", _png_in_folder, (r"desk/a-photo\.txt: binary file \(a PNG image\).*",),
         also_reported=("desk/b-story.md",), same_claims_as_good=("desk/b-story.md",)),
    Case("invalid-utf8", _file("latin1.txt", "The caf\xe9 served 40 meals.\nIt cost \u20ac12.\n".encode("latin-1",
         errors="replace")), (r"latin1\.txt:1: not valid UTF-8 \(byte 0xe9 at byte 7\); save it as UTF-8",)),
    Case("invalid-utf8-later-line", _file("cp1252.txt", b"The 12 judges sat.\nThey cost \x80 40,000.\n"),
         (r"cp1252\.txt:2: not valid UTF-8 \(byte 0x80 .*",)),
    Case("utf16-without-bom", _file("utf16.txt", GOOD.encode("utf-16-le")),
         (r"utf16\.txt: looks like UTF-16 without a byte-order mark; save it as UTF-8",)),
    Case("utf16-big-endian-without-bom", _file("utf16be.txt", GOOD.encode("utf-16-be")),
         (r"utf16be\.txt: looks like UTF-16 without a byte-order mark; save it as UTF-8",)),
    Case("nul-byte", _file("nul.txt", "The 12 judges sat.\nThey met on 3 days.\nNotes\x00end\n"),
         (r"nul\.txt:3: .*NUL byte.*",)),
    Case("over-max-bytes", _over_max_bytes,
         (r"long\.txt: article is 3,000 bytes, over the 1,000-byte limit; raise it with --max-bytes",)),
    Case("stdin-closed", _closed_stdin, (r"<stdin>: standard input is closed",), close_stdin=True),
    # -- corpora: the bad row is named by file:line, the other rows are still checked -----------------------
    Case("jsonl-broken-line", _file("corpus.jsonl", JSONL),
         (r"corpus\.jsonl:2: malformed JSON \(Invalid control character at column 51\); line skipped",
          r"corpus\.jsonl: 1 malformed line skipped"),
         also_reported=("corpus.jsonl#a", "corpus.jsonl#c")),
    Case("csv-row-missing-column", _file("corpus.csv", CSV_SHORT_ROW),
         (r"corpus\.csv:3: malformed CSV row: 2 fields, the header has 3; skipped",
          r"corpus\.csv: 1 malformed row skipped"),
         also_reported=("corpus.csv#a", "corpus.csv#c")),
    Case("jsonl-row-with-empty-text-is-a-warning", _file("rows.jsonl", JSONL_EMPTY_TEXT),
         (r"rows\.jsonl:2: row rows\.jsonl#b: text field 'text' is empty; skipped",), code=0,
         also_reported=("rows.jsonl#a", "rows.jsonl#c")),
    Case("csv-without-text-column", _file("corpus.csv", CSV_NO_TEXT_COLUMN),
         (r"corpus\.csv:1: no text column 'text' or 'body' or 'content' \(columns: id, section, headline\).*",)),
    # -- fine inputs: read normally, exit 0 ------------------------------------------------------------------
    Case("empty-file", _file("empty.txt", b""), (), code=0, no_claims=("empty.txt",)),
    Case("whitespace-only-file", _file("blank.md", " \n\t\n   \r\n\n"), (), code=0, no_claims=("blank.md",)),
    Case("utf8-with-bom", _file("bom8.md", codecs.BOM_UTF8 + GOOD.encode("utf-8")), (), code=0,
         same_claims_as_good=("bom8.md",)),
    Case("utf16-le-with-bom", _file("bom16.txt", GOOD.encode("utf-16")), (), code=0,
         same_claims_as_good=("bom16.txt",)),
    Case("utf16-be-with-bom", _file("bom16be.txt", codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be")), (), code=0,
         same_claims_as_good=("bom16be.txt",)),
    Case("one-mb-line-without-newline", _one_mb_line, (), code=0, extra=_check_one_mb_line),
    Case("symlink-loop-in-folder", _symlink_loop, (), code=0, same_claims_as_good=("loop/inner/story.md",)),
    Case("symlink-loop-of-files", _file_symlink_loop,
         (r"ping\.md: cannot read \(Too many levels of symbolic links\)",)),
    # -- rule files: file:line:col, exit 2, nothing checked (rules load before any article) -----------------
    Case("rules-yaml-syntax-error", _rules(RULE_HEAD + RULE + '    description: "never closed\n'),
         (r"rules\.yaml:9:1: invalid YAML: .+",), checked=False),
    Case("rules-tab-indent", _rules(RULE_HEAD + RULE + "\tdescription: tabbed\n"),
         (r"rules\.yaml:8:1: invalid YAML: tab character in indentation.*",),
         checked=False),
    Case("rules-duplicate-key", _rules(RULE_HEAD + RULE + "    max: 30\n"),
         (r"rules\.yaml:8:5: .*duplicate.*'max'.*",), checked=False),
    Case("rules-unknown-check", _rules(RULE_HEAD + RULE.replace("range", "rnage")),
         (r"rules\.yaml:4:12: .*unknown check.*'rnage'.*",), checked=False),
    Case("rules-wrong-type", _rules(RULE_HEAD + RULE.replace("max: 20", "max: twenty")),
         (r"rules\.yaml:7:10: .*",), checked=False),
    Case("rules-where-regex-does-not-compile",
         _rules(RULE_HEAD + RULE + "    where:\n      pattern: 'judge(s'\n"),
         (r"rules\.yaml:9:7: pattern does not compile: .*",), checked=False),
    Case("rules-alias-bomb", _rules(BOMB), (r"rules\.yaml:2:8: .*alias.*",), checked=False, memory_limit=True),
    # -- config and options: one line, exit 2, nothing checked -----------------------------------------------
    Case("config-unknown-key", _config_unknown_key, (r"newsroom\.yaml:2:1: unknown key 'colour' .*",),
         checked=False),
    Case("config-unknown-rule-id", _config_unknown_rule, (r"newsroom\.yaml:3:5: " + UNKNOWN_ID,), checked=False),
    Case("unknown-format", _options("--format", "json", "--format", "pdf"),
         (USAGE + r"argument --format/-f: invalid choice: 'pdf' .*",), checked=False),
    Case("bad-fail-on", _options("--fail-on", "sometimes"),
         (USAGE + r"argument --fail-on: invalid choice: 'sometimes' .*",), checked=False),
    Case("max-bytes-zero", _options("--max-bytes", "0"), (USAGE + r"argument --max-bytes: must be 1 or more, not 0",),
         checked=False),
    Case("max-bytes-not-a-number", _options("--max-bytes", "20MB"),
         (USAGE + r"argument --max-bytes: expected a whole number of bytes, not '20MB'",), checked=False),
    Case("select-unknown-rule-id", _options("--select", "no-such-rule"), ("--select: " + UNKNOWN_ID,), checked=False),
    Case("disable-unknown-rule-id", _options("--disable", "part_whole", "--disable", "no-such-rule"),
         ("--disable: " + UNKNOWN_ID,), checked=False),
    Case("output-in-missing-folder", _output_missing_folder,
         (r"cannot write --output nowhere/report\.json \(No such file or directory\)",), checked=False,
         extra=_nothing_written("nowhere")),
    Case("write-baseline-in-missing-folder", _options("--write-baseline", "nowhere/baseline.json"),
         (r"cannot write --write-baseline nowhere/baseline\.json \(No such file or directory\)",),
         extra=_nothing_written("nowhere")),
    Case("output-in-read-only-folder", _output_read_only,
         (r"cannot write --output locked-out/report\.json \(Permission denied\)",), checked=False, as_nobody=True,
         extra=_nothing_written("locked-out")),
]


# --- running one row ------------------------------------------------------------------------------------


@pytest.fixture(name="folder")
def scratch_folder() -> Iterator[Path]:
    """A scratch folder user nobody can enter (pytest's tmp_path sits under a root-only 0700 folder)."""
    path = Path(tempfile.mkdtemp(prefix="numcheck-bad-input-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for sub in path.rglob("*"):  # let rmtree into the folders a row locked
            if sub.is_dir() and not sub.is_symlink():
                sub.chmod(0o755)
        shutil.rmtree(path)


def as_nobody() -> list[str]:
    """The command prefix that drops root to user nobody, or a loud failure if there is none."""
    if os.geteuid() != 0:
        return []  # an ordinary user is refused a chmod 0 file already
    setpriv = shutil.which("setpriv")
    if setpriv:
        return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "nobody", "--"]
    pytest.fail("running as root without setpriv or runuser: cannot test a permission-denied file")


def _preexec(case: Case) -> Callable[[], None] | None:
    if not (case.close_stdin or case.memory_limit):
        return None

    def prepare() -> None:
        if case.close_stdin:
            os.close(0)
        if case.memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return prepare


def run_cli(folder: Path, argv: list[str], case: Case | None = None) -> subprocess.CompletedProcess[str]:
    prefix = as_nobody() if case and case.as_nobody else []
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    env.pop("CI", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "numcheck.cli", *argv], cwd=folder, env=env, capture_output=True, text=True,
        timeout=TIMEOUT, preexec_fn=_preexec(case) if case else None,
        stdin=None if case and case.close_stdin else subprocess.DEVNULL,
    )


def _by_source(report: dict) -> dict[str, dict]:
    return {entry["path"]: entry for entry in report["files"]}


def _values(entry: dict) -> list[float]:
    return [claim["value"] for claim in entry["claims"]]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, folder: Path) -> None:
    run_case(case, folder)


def run_case(case: Case, folder: Path) -> None:
    """Run one row through the CLI and assert all it promises (other tables call this too)."""
    _write(folder, GOOD_NAME, GOOD)
    setup = case.make(folder)
    argv = ["check", *setup.paths, GOOD_NAME, "--format", "json", *setup.options]
    done = run_cli(folder, argv, case)

    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == len(case.stderr), f"expected {len(case.stderr)} stderr line(s), got:\n{done.stderr}"
    for line, pattern in zip(lines, case.stderr, strict=True):
        assert re.fullmatch(pattern, line), f"stderr line {line!r} does not match {pattern!r}"
    assert done.returncode == case.code, done.stderr

    if not case.checked:
        assert done.stdout == "", "a usage or rule-file error must stop the run before any article is checked"
        report: dict = {}
    else:
        report = json.loads(done.stdout)
        sources = _by_source(report)
        assert _values(sources[GOOD_NAME]) == GOOD_VALUES  # read after the bad input, and fully checked
        for source in case.also_reported:
            assert sources[source]["claims"], f"{source} was not checked"
        for source in case.same_claims_as_good:
            assert _values(sources[source]) == GOOD_VALUES
        for source in case.no_claims:
            assert sources[source]["claims"] == [] and sources[source]["findings"] == []
        assert report["summary"]["files"] == len(report["files"])
    if case.extra:
        case.extra(folder, report)


def test_the_table_covers_every_bad_input_of_the_issue() -> None:
    """A row must not quietly drop out: issue 7's list, by id prefix."""
    wanted = ["missing-path", "permission-denied", "folder-without-articles", "binary-png", "binary-zip",
              "invalid-utf8", "utf16-without-bom", "utf16-le-with-bom", "utf8-with-bom", "nul-byte", "empty-file",
              "whitespace-only-file", "over-max-bytes", "one-mb-line", "jsonl-broken-line", "csv-row-missing-column",
              "rules-yaml-syntax-error", "rules-tab-indent", "rules-duplicate-key", "rules-unknown-check",
              "rules-wrong-type", "rules-where-regex", "rules-alias-bomb", "config-unknown-key",
              "symlink-loop", "stdin-closed", "unknown-format", "bad-fail-on", "select-unknown", "disable-unknown",
              "config-unknown-rule", "output-in-missing-folder", "output-in-read-only-folder"]
    ids = [case.id for case in CASES]
    assert len(set(ids)) == len(ids)
    assert [w for w in wanted if not any(i.startswith(w) for i in ids)] == []


# --- beyond the table ------------------------------------------------------------------------------------


def test_a_closed_stdin_pipe_is_an_empty_article_not_an_error(folder: Path) -> None:
    """A pipe closed by the writer before sending anything is end-of-file: an empty article, exit 0."""
    _write(folder, GOOD_NAME, GOOD)
    process = subprocess.Popen(
        [sys.executable, "-m", "numcheck.cli", "check", "-", GOOD_NAME, "--format", "json"], cwd=folder,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdin is not None
    process.stdin.close()
    process.stdin = None  # communicate() would flush the closed pipe
    out, err = process.communicate(timeout=TIMEOUT)
    assert (process.returncode, err) == (0, "")
    sources = _by_source(json.loads(out))
    assert sources["<stdin>"]["claims"] == []
    assert _values(sources[GOOD_NAME]) == GOOD_VALUES


def test_an_alias_bomb_fails_fast_inside_a_memory_limit(folder: Path) -> None:
    """The bomb expands to 9**9 strings; refused in well under the timeout, within 1 GB of address space."""
    _write(folder, GOOD_NAME, GOOD)
    _write(folder, "rules.yaml", BOMB)
    case = Case("bomb", _rules(BOMB), (), memory_limit=True)
    done = run_cli(folder, ["rules", "validate", "rules.yaml"], case)
    assert done.returncode == 2
    assert re.fullmatch(r"rules\.yaml:\d+:\d+: .*(alias|too large).*\n", done.stderr), done.stderr
    assert "MemoryError" not in done.stderr


def test_every_problem_in_a_rule_file_gets_its_own_line(folder: Path) -> None:
    """Two broken rules, two lines, each ``path:line:col: message``; the articles are not checked."""
    _write(folder, GOOD_NAME, GOOD)
    two = RULE_HEAD + RULE.replace("range", "rnage") + RULE.replace("judge-count", "other").replace("20", "lots")
    _write(folder, "rules.yaml", two)
    done = run_cli(folder, ["check", GOOD_NAME, "--rules", "rules.yaml", "--format", "json"])
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert all(re.fullmatch(r"rules\.yaml:\d+:\d+: \S.*", line) for line in lines), lines
    assert re.match(r"rules\.yaml:4:12: ", lines[0]) and re.match(r"rules\.yaml:12:10: ", lines[1])


def test_permission_denied_file_really_is_unreadable_to_the_cli_user(folder: Path) -> None:
    """Guard for the permission row: the file is mode 0, so only root could read it."""
    path = _write(folder, "locked.txt", "x")
    path.chmod(0)
    assert stat.S_IMODE(path.stat().st_mode) == 0
    done = subprocess.run([*as_nobody(), "cat", str(path)], capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode != 0 and "Permission denied" in done.stderr


def test_paths_after_options_are_read_and_an_unknown_option_is_one_line(folder: Path) -> None:
    """``check a.md --format json b.md`` reads both (argparse alone calls b.md unrecognised)."""
    _write(folder, GOOD_NAME, GOOD)
    _write(folder, "second.md", GOOD)
    done = run_cli(folder, ["check", GOOD_NAME, "--format", "json", "missing.txt", "second.md"])
    assert (done.returncode, done.stderr) == (2, "missing.txt: no such file or directory\n")
    sources = _by_source(json.loads(done.stdout))
    assert list(sources) == [GOOD_NAME, "second.md"] and _values(sources["second.md"]) == GOOD_VALUES
    done = run_cli(folder, ["check", GOOD_NAME, "--colour", "red"])
    assert (done.returncode, done.stdout, done.stderr) == (2, "", "numcheck: unrecognized arguments: --colour red\n")
