"""Every warning and error numcheck raises on a whole corpus, joined with verdicts judged by hand.

Usage::

    python benchmarks/verdicts.py CORPUS_PATH --verdicts FILE [--write-unjudged] [--show]
                                  [--jobs N] [--findings SAVED.jsonl] [--save FILE]

The false-alarm target ("warnings/errors per 100 articles judged false after reading") needs every
finding read in its article. The code keeps changing while it is read, so a verdict must outlive
the run it was made on: each finding is keyed by what a reader sees, not by numcheck's internals:
the article's path under ``CORPUS_PATH``, the rule id and the character spans of the figures the
finding is about (claim ids are renumbered by any change to extraction; spans are not). A finding
whose key has a verdict is judged; one without is listed as unjudged, so after a code change only
the new findings need reading.

The run is the user's: ``numcheck check CORPUS --format jsonl --fail-on never --jobs N`` as a
subprocess. JSONL names the figures only by claim id, so the few articles that have a warning or
error are checked once more with ``--format json`` (same code, same ids) to turn ids into spans
(a ``.jsonl`` corpus is checked once more whole, and its findings are keyed by row id).
Severity counts as it stood at the start of round 3: the levels of ``severity_round3.json`` are
passed to the CLI in a project config (built by `score_real.levels_at_start`, the function the
linker scorer uses), so a rule whose default was later lowered still counts.

A verdict file has one JSON object a line::

    {"path": "business/149.txt", "rule": "change-arithmetic", "spans": [[101, 106], [120, 125]],
     "figures": ["$500m", "$200m"], "verdict": "true", "cause": "", "reason": "..."}

``verdict`` is ``true`` (the published text is inconsistent or implausible as printed, whatever
the cause) or ``false`` (an editor reading the sentence would find nothing wrong); ``cause`` names
the class of a false alarm (wrong link, non-quantity read as a figure, unit/scale misread, ...);
``reason`` is our own words. ``figures`` holds only the figures' own surface text, to help a
reader find them; no other article text goes in the file. ``--write-unjudged`` appends a line with
``"verdict": null`` for each unjudged finding, to be filled in; ``--show`` prints each unjudged
finding with its sentence, for the reader (never written to the file).

The output: findings, judged true, judged false (by cause), unjudged (listed), verdicts whose
finding no longer occurs, false alarms per 100 articles, and a Markdown table for REAL_NEWS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import numcheck_command
from score_real import ALARM, SEVERITY_TABLE, levels_at_start

from numcheck.selection import is_article_name

VERDICTS = ("true", "false")
#: How a verdict line names its finding (the rest of the line is the verdict).
KEY_FIELDS = ("path", "rule", "spans")
#: Articles checked again as JSON per subprocess, so a command line stays short.
BATCH = 200


class VerdictError(ValueError):
    """A line of a verdict file is not a well-formed verdict."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning or error, as a reader would name it: article, rule and the figures' spans."""

    path: str
    rule: str
    spans: tuple[tuple[int, int], ...]
    figures: tuple[str, ...]
    severity: str
    line: int
    message: str

    @property
    def key(self) -> tuple[str, str, tuple[tuple[int, int], ...]]:
        return (self.path, self.rule, self.spans)


def key_of(row: Mapping[str, Any]) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    """The key of a verdict line (the same tuple as `Finding.key`)."""
    return (row["path"], row["rule"], tuple(sorted((int(s), int(e)) for s, e in row["spans"])))


def load_verdicts(path: Path) -> dict[tuple[str, str, tuple[tuple[int, int], ...]], dict[str, Any]]:
    """The verdict file, keyed; a missing file is an empty one. Raises `VerdictError` naming the line."""
    verdicts: dict[tuple[str, str, tuple[tuple[int, int], ...]], dict[str, Any]] = {}
    if not path.exists():
        return verdicts
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            key = key_of(row)
        except (ValueError, KeyError, TypeError) as error:
            raise VerdictError(f"{path}:{number}: not a verdict line ({error})") from None
        if row.get("verdict") not in (*VERDICTS, None):
            raise VerdictError(f"{path}:{number}: verdict must be true, false or null, not {row.get('verdict')!r}")
        if row.get("verdict") and not str(row.get("reason", "")).strip():
            raise VerdictError(f"{path}:{number}: a verdict needs a reason")
        if key in verdicts:
            raise VerdictError(f"{path}:{number}: a second verdict for the same finding")
        verdicts[key] = row
    return verdicts


def count_articles(corpus: Path) -> int:
    """How many articles a check of ``corpus`` reads: the folder's article files, or a .jsonl's lines."""
    if corpus.is_dir():
        return sum(1 for p in corpus.rglob("*") if p.is_file() and is_article_name(p.name))
    if corpus.suffix == ".jsonl":
        with corpus.open(encoding="utf-8") as rows:
            return sum(1 for line in rows if line.strip())
    return 1


def _config(folder: Path) -> Path:
    """A project config forcing each rule's round-3 severity (the rules still loaded)."""
    levels, _ = levels_at_start()
    path = folder / ".numcheck.yaml"
    path.write_text("severity:\n" + "".join(f"  {rule}: {level}\n" for rule, level in sorted(levels.items())),
                    encoding="utf-8")
    return path


def _run(arguments: Sequence[str]) -> str:
    done = subprocess.run([*numcheck_command(), "check", *arguments], capture_output=True, text=True,
                          encoding="utf-8", check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"numcheck check exited {done.returncode}: {done.stderr.strip()[:2000]}")
    return done.stdout


def run_check(corpus: Path, config: Path, jobs: int) -> str:
    """The JSONL report of a whole-corpus check, as a user runs it."""
    return _run([str(corpus), "--format", "jsonl", "--fail-on", "never", "--jobs", str(jobs),
                 "--config", str(config), "--no-respect-gitignore"])


def claim_spans(targets: Iterable[str], config: Path) -> dict[str, dict[str, tuple[int, int, str]]]:
    """Each checked source's claims (id -> start, end, text), from a JSON check of ``targets`` only.

    The targets are the article files that had a warning or error, or a whole ``.jsonl`` corpus
    (whose articles a command line cannot name one by one).
    """
    found: dict[str, dict[str, tuple[int, int, str]]] = {}
    targets = sorted(set(targets))
    for first in range(0, len(targets), BATCH):
        batch = targets[first:first + BATCH]
        report = json.loads(_run([*batch, "--format", "json", "--fail-on", "never", "--config", str(config),
                                  "--no-respect-gitignore"]))
        for entry in report["files"]:
            found[entry["path"]] = {c["id"]: (c["start"], c["end"], c["text"]) for c in entry["claims"]}
    return found


def relative(source: str, corpus: Path) -> str:
    """A finding's path under the corpus (``business/149.txt``, or a .jsonl row's id), whatever the working folder."""
    if source.startswith(f"{corpus}#"):
        return source[len(f"{corpus}#"):]
    try:
        return Path(source).resolve().relative_to(corpus.resolve()).as_posix()
    except ValueError:
        return source


def findings_of(jsonl: str, corpus: Path, config: Path) -> list[Finding]:
    """The warnings and errors of a JSONL report, each keyed by its figures' spans."""
    rows = [json.loads(line) for line in jsonl.splitlines() if line.strip()]
    rows = [row for row in rows if row["severity"] in ALARM]
    if not rows:
        return []
    spans = claim_spans([row["path"] for row in rows] if corpus.is_dir() else [str(corpus)], config)
    found = []
    for row in rows:
        claims = spans.get(row["path"], {})
        mine = sorted(claims[c] for c in row["claims"] if c in claims)
        if not mine:  # a finding about no claim: named by its own span
            mine = [(row["start"], row["end"], "")]
        found.append(Finding(relative(row["path"], corpus), row["rule"], tuple((s, e) for s, e, _ in mine),
                             tuple(t for _, _, t in mine), row["severity"], row.get("line", 0), row["message"]))
    return sorted(found, key=lambda f: (f.path, f.spans, f.rule))


def tally(found: Sequence[Finding], verdicts: Mapping[Any, Mapping[str, Any]], articles: int) -> dict[str, Any]:
    """Findings, true, false (by cause), unjudged, stale verdicts and false alarms per 100 articles."""
    seen = {f.key for f in found}
    judged = [verdicts[f.key]["verdict"] if f.key in verdicts else None for f in found]
    false = [f for f, v in zip(found, judged, strict=True) if v == "false"]
    return {
        "articles": articles,
        "findings": len(found),
        "true": judged.count("true"),
        "false": len(false),
        "unjudged": [f for f, v in zip(found, judged, strict=True) if v is None],
        "causes": Counter(verdicts[f.key].get("cause") or "unstated" for f in false),
        "by_rule": Counter(f.rule for f in found),
        "stale": [k for k, row in verdicts.items() if k not in seen and row.get("verdict")],
        "per_100": 100 * len(false) / articles if articles else 0.0,
    }


def _where(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}"


def markdown(found: Sequence[Finding], verdicts: Mapping[Any, Mapping[str, Any]],
             gone: Sequence[tuple[str, str, tuple[tuple[int, int], ...]]] = ()) -> str:
    """The table for REAL_NEWS.md: one row per finding with its verdict and reason.

    ``gone`` adds the judged findings this run no longer raises (marked so, after the others), so
    the table lists every finding ever read, and which of them the code has since stopped raising.
    """
    lines = ["| finding | rule | figures | verdict | cause | reason |", "|---|---|---|---|---|---|"]
    rows = [(_where(f), f.rule, f.figures, verdicts.get(f.key, {})) for f in found]
    rows += [(f"{key[0]} (no longer raised)", key[1], tuple(verdicts[key].get("figures", ())), verdicts[key])
             for key in gone]
    for where, rule, figures, row in rows:
        shown = ", ".join(t.replace("|", "/") for t in figures)
        reason = str(row.get("reason", "")).replace("|", "/")
        lines.append(f"| {where} | {rule} | {shown} | {row.get('verdict') or 'unjudged'} | "
                     f"{row.get('cause', '') if row.get('verdict') == 'false' else ''} | {reason} |")
    return "\n".join(lines)


def summary(result: Mapping[str, Any], corpus: Path) -> str:
    lines = [f"corpus: {corpus} ({result['articles']} articles)",
             f"findings at warning or error: {result['findings']}  "
             f"({', '.join(f'{r} {n}' for r, n in result['by_rule'].most_common())})",
             f"judged true: {result['true']}",
             f"judged false: {result['false']}"
             + (f"  ({', '.join(f'{c} {n}' for c, n in result['causes'].most_common())})" if result["false"] else ""),
             f"false alarms per 100 articles: {result['per_100']:.2f}",
             f"unjudged: {len(result['unjudged'])}"]
    lines += [f"  {_where(f)}  {f.rule}  {list(f.figures)}  {f.message}" for f in result["unjudged"]]
    if result["stale"]:
        lines.append(f"verdicts whose finding no longer occurs: {len(result['stale'])}")
        lines += [f"  {path}  {rule}  {list(spans)}" for path, rule, spans in result["stale"]]
    return "\n".join(lines)


def show(finding: Finding, corpus: Path, width: int = 240) -> str:
    """The finding in its article, for the person judging it (printed, never stored)."""
    path = corpus / finding.path
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    start, end = finding.spans[0][0], finding.spans[-1][1]
    left, right = max(0, start - width), min(len(text), end + width)
    excerpt = text[left:start]
    cursor = start
    for s, e in finding.spans:
        excerpt += text[cursor:s] + "[[" + text[s:e] + "]]"
        cursor = e
    excerpt += text[cursor:right]
    return f"--- {_where(finding)} {finding.rule} ({finding.severity}): {finding.message}\n{excerpt}\n"


def write_unjudged(path: Path, unjudged: Sequence[Finding]) -> None:
    """Append a ``"verdict": null`` line for each unjudged finding, to be filled in by hand."""
    written = set()
    with path.open("a", encoding="utf-8") as out:
        for f in unjudged:
            if f.key in written:
                continue
            written.add(f.key)
            out.write(json.dumps({"path": f.path, "rule": f.rule, "spans": [list(s) for s in f.spans],
                                  "figures": list(f.figures), "verdict": None, "cause": "", "reason": ""},
                                 ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the corpus folder (or .jsonl) to check")
    parser.add_argument("--verdicts", type=Path, required=True, help="the verdict file (JSONL; created if absent)")
    parser.add_argument("--write-unjudged", action="store_true",
                        help="append a verdict: null line for each unjudged finding")
    parser.add_argument("--show", action="store_true", help="print each unjudged finding in its sentence")
    parser.add_argument("--jobs", type=int, default=2, help="numcheck worker processes (default 2)")
    parser.add_argument("--findings", type=Path,
                        help="read a JSONL report saved by --save instead of running the check; the code must be "
                             "the same, since its claim ids are turned into spans by checking again")
    parser.add_argument("--save", type=Path, help="also keep the JSONL report in this file")
    parser.add_argument("--table", action="store_true", help="print the Markdown table of every finding")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"verdicts: {args.corpus} does not exist (get the corpus first; see benchmarks/REAL_NEWS.md)",
              file=sys.stderr)
        return 2
    try:
        verdicts = load_verdicts(args.verdicts)
    except (OSError, VerdictError) as error:
        print(f"verdicts: {error}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        config = _config(Path(folder))
        try:
            jsonl = args.findings.read_text(encoding="utf-8") if args.findings else run_check(args.corpus, config,
                                                                                             args.jobs)
            if args.save:
                args.save.write_text(jsonl, encoding="utf-8")
            found = findings_of(jsonl, args.corpus, config)
        except (OSError, RuntimeError, ValueError, KeyError) as error:
            print(f"verdicts: {args.corpus}: {error}", file=sys.stderr)
            return 2
    result = tally(found, verdicts, count_articles(args.corpus))
    print(summary(result, args.corpus))
    if args.table:
        print("\n" + markdown(found, verdicts, result["stale"]))
    if args.show:
        for finding in result["unjudged"]:
            print(show(finding, args.corpus))
    if args.write_unjudged:
        write_unjudged(args.verdicts, [f for f in result["unjudged"] if f.key not in verdicts])
    _, unloaded = levels_at_start(SEVERITY_TABLE)
    if unloaded:
        print("rules of the round-3 severity table no longer loaded (their findings cannot count): "
              + ", ".join(unloaded))
    return 0


if __name__ == "__main__":
    sys.exit(main())
