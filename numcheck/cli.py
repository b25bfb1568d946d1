"""Command line: argument parsing and exit codes only; all work is done through the public API.

Exit codes follow ruff and Vale: 0 nothing at or above ``--fail-on``, 1 findings at or above it,
2 usage/config/rule/input errors (any input error wins over findings), 130 interrupted (Ctrl-C),
143 terminated (SIGTERM): either way no temporary file or worker process is left behind.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO

from numcheck.errors import ConfigError, InputError, NumcheckError
from numcheck.inputs import Article
from numcheck.model import SEVERITIES, Report, severity_rank
from numcheck.textfile import one_line

if TYPE_CHECKING:
    from numcheck.config import Config, ProjectConfig
    from numcheck.runner import CheckerSpec
    from numcheck.selection import Selection

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143

EXIT_CODES_HELP = """\
exit codes:
  0    no finding at or above --fail-on (default: error)
  1    findings at or above --fail-on
  2    usage, configuration, rule-file or input error (one line each on stderr;
       the other inputs are still checked, and any such error makes the code 2)
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)

Colour is used on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 turns it on."""


class _UsageError(Exception):
    """argparse's complaint, raised instead of exiting so main() owns every exit code."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


def _positive_int(text: str) -> int:
    """argparse type for sizes: 0 or less would silently mean "the default" or refuse every article."""
    from numcheck.article import LARGEST_MAX_BYTES

    try:
        value = int(text)
    except ValueError:  # including over 4,300 digits: echo only the start of it
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise argparse.ArgumentTypeError(f"expected a whole number of bytes, not {shown!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    if value > LARGEST_MAX_BYTES:
        raise argparse.ArgumentTypeError(f"must be at most {LARGEST_MAX_BYTES:,}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from numcheck.report import CHECK_FORMATS, EXTRACT_FORMATS

    parser = _Parser(prog="numcheck", description="Check that the numbers in news articles agree.",
                     epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", "-V", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def add_input_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, .jsonl/.csv corpora, or - for stdin")
        p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically)")
        p.add_argument("--max-bytes", type=_positive_int, default=None, help="largest article read (default 20 MB)")
        p.add_argument("--text-field", default=None, help="corpus column/key holding the article text")
        p.add_argument("--id-field", default=None, help="corpus column/key naming each article")
        p.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (0 = all cores; default 1)")
        p.add_argument("--config", metavar="FILE", help="project config (pyproject.toml or .numcheck.yaml)")
        p.add_argument("--exclude", action="append", default=None, metavar="GLOB",
                       help="skip matching files and folders in folder walks; replaces the default excludes "
                            "(.git, .venv, venv, node_modules, .tox, __pycache__, build, dist, dot-folders) "
                            "and the config's exclude")
        p.add_argument("--extend-exclude", action="append", default=[], metavar="GLOB",
                       help="skip these too, on top of the excludes in force")
        p.add_argument("--force-exclude", action="store_true",
                       help="apply the excludes to paths named on the command line too (for pre-commit)")
        p.add_argument("--no-respect-gitignore", action="store_true",
                       help="read files that .gitignore excludes too")
        p.add_argument("--quiet", "-q", action="store_true",
                       help="print the findings (claims for extract) and nothing else: no summary, no progress bar")

    check = sub.add_parser("check", help="extract, relate and check the figures of each article",
                           description="Extract, relate and check the figures of each article.",
                           epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_options(check)
    check.add_argument("--rules", action="append", default=[], metavar="PATH", help="add a rule pack")
    check.add_argument("--no-default-rules", action="store_true", help="do not load the bundled packs")
    check.add_argument("--disable", action="append", default=[], metavar="ID", help="rule id or check kind")
    check.add_argument("--select", action="append", default=[], metavar="ID", help="rule id or check kind")
    check.add_argument("--format", "-f", default=None, choices=sorted(CHECK_FORMATS), help="report format")
    check.add_argument("--fail-on", default=None, choices=[*reversed(SEVERITIES), "never"])
    check.add_argument("--baseline", metavar="FILE", help="hide findings recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE", help="record today's findings to FILE")
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings each rule produced instead of the findings (text or json)")

    extract = sub.add_parser("extract", help="list every quantity found in each article")
    add_input_options(extract)
    extract.add_argument("--format", "-f", default="table", choices=sorted(EXTRACT_FORMATS))

    # The live servers parse their own options (numcheck.live); listed here for --help only.
    sub.add_parser("lsp", help="language server over stdio (needs numcheck[live])", add_help=False)
    sub.add_parser("serve", help="HTTP API and editor page (needs numcheck[live])", add_help=False)

    rules = sub.add_parser("rules", help="list, validate and explain rules")
    rules_sub = rules.add_subparsers(dest="rules_command", parser_class=_Parser)
    rules_list = rules_sub.add_parser("list", help="a table of the loaded rules")
    rules_list.add_argument("--rules", action="append", default=[], metavar="PATH")
    rules_list.add_argument("--no-default-rules", action="store_true")
    rules_list.add_argument("--config", metavar="FILE", help="project config (default: found from this folder)")
    validate = rules_sub.add_parser("validate", help="check rule files without running them")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    explain = rules_sub.add_parser("explain", help="a rule's documentation and live examples")
    explain.add_argument("rule_id", metavar="ID")
    explain.add_argument("--rules", action="append", default=[], metavar="PATH")
    explain.add_argument("--config", metavar="FILE", help="project config (default: found from this folder)")
    for command in (check, extract):  # for a usage error found after parsing (no input at a terminal)
        command.set_defaults(usage_text=command.format_usage())
    return parser


class _Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C's KeyboardInterrupt so the same unwinding (temporary report
    removed, workers stopped) runs; a BaseException so that no ``except Exception`` swallows it."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``numcheck`` script; returns the exit code instead of raising."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: signals are its caller's business
        previous = None
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _restore_sigint()
        print("numcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Terminated:
        print("numcheck: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:
        return EXIT_OK
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _parse(parser: argparse.ArgumentParser, args_list: list[str]) -> argparse.Namespace:
    """Parse, letting paths follow options too: ``check a.md --format json b.md`` reads both files.

    argparse stops filling a ``nargs="*"`` positional at the first option and calls whatever comes
    after it unrecognised; a path is never an option, so the leftovers that are not options are paths.
    """
    args, extras = parser.parse_known_args(args_list)
    if extras and (not isinstance(getattr(args, "paths", None), list)
                   or any(extra.startswith("-") and extra != "-" for extra in extras)):
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    if extras:
        args.paths = [*args.paths, *extras]
    return args


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] in (["lsp"], ["serve"]):
        from numcheck.live import main as live_main

        return live_main(args_list)
    try:
        args = _parse(build_parser(), args_list)
    except _UsageError as exc:  # one message, whatever the arguments it quotes hold
        print(one_line(str(exc)), file=sys.stderr)
        return EXIT_ERROR
    if args.version:
        from numcheck import __version__

        print(f"numcheck {__version__}")
        return EXIT_OK
    if args.command is None:
        build_parser().print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "rules":
            from numcheck.rules_cli import run_rules_command

            return run_rules_command(args)
        return _run(args)
    except _UsageError as exc:  # found after parsing (a bare ``numcheck check`` at a terminal)
        print(args.usage_text.rstrip(), file=sys.stderr)
        print(exc, file=sys.stderr)
        return EXIT_ERROR
    except NumcheckError as exc:
        _say(str(exc))
        return EXIT_ERROR


def _say(message: str, err: TextIO | None = None) -> None:
    """Print a message to stderr, each of its lines escaped (`one_line`): a value echoed in it can
    add no line of its own, such as one starting ``::error`` under ``--format github``."""
    for line in message.split("\n"):
        print(one_line(line), file=err or sys.stderr)


def _run(args: argparse.Namespace) -> int:
    from numcheck.baseline import BaselineRun
    from numcheck.color import wants_color
    from numcheck.config import find_project_config
    from numcheck.inputs import iter_articles
    from numcheck.output import FileId, check_target, file_id, open_output
    from numcheck.progress import with_progress
    from numcheck.report import RenderContext, get_writer
    from numcheck.runner import CheckerSpec, resolve_jobs, run_articles

    mode = args.command
    if getattr(args, "statistics", False) and args.format not in (None, *statistics_formats()):
        raise ConfigError(f"numcheck check: --statistics prints {' or '.join(statistics_formats())}, "
                          f"not --format {args.format}")
    project = find_project_config(next((p for p in args.paths if p != "-"), None), explicit=args.config)
    config = project.settings  # flags override it
    fmt = args.format or (config.format or "text" if mode == "check" else "table")
    fail_on = getattr(args, "fail_on", None) or config.fail_on or "error"
    if mode == "check":  # a picklable spec, not a closure: each --jobs worker builds its own Checker
        make_checker = project.checker_spec(args.rules, use_default_rules=not args.no_default_rules,
                                            select=args.select, disable=args.disable)
    else:
        make_checker = CheckerSpec(use_default_rules=False)

    try:
        checker = make_checker()  # fail fast on bad rules before reading any article
    except ConfigError as exc:
        raise _blame_unknown_names(exc, make_checker, args, config) from None
    jobs = resolve_jobs(args.jobs if args.jobs is not None else config.jobs if config.jobs is not None else 1)
    baseline = BaselineRun(getattr(args, "baseline", None), getattr(args, "write_baseline", None))
    selection = _selection(args, project)
    paths = args.paths or _default_paths(project, selection)
    opened: set[FileId] = set()  # every file read, by (device, inode): no report may replace one
    named = _named_inputs(paths, args, project.path)
    baseline.inputs = lambda: named | opened
    baseline_file = {file_id(args.baseline)} if getattr(args, "baseline", None) else set()
    check_target(args.output, "--output", lambda: named | baseline_file)  # refused before anything is read
    check_target(baseline.write_path, "--write-baseline", lambda: named)
    corpus = {"text_field": args.text_field, "id_field": args.id_field}
    items = iter_articles(paths, max_bytes=args.max_bytes or config.max_bytes or 20_000_000, selection=selection,
                          opened=opened,
                          **corpus)
    texts: dict[str, str] = {}
    if fmt == "html":  # the HTML report shows each article with its figures highlighted
        items = _remember_texts(items, texts)
    results = run_articles(items, make_checker, mode=mode, jobs=jobs, checker=checker)
    results, err = (iter(results), sys.stderr) if args.quiet else with_progress(results)
    state = _RunState(fail_on, err)
    reports = state.track(baseline.filter(results))
    writer = get_writer(fmt, mode)
    if getattr(args, "statistics", False):
        from numcheck.report import statistics

        writer = statistics.write
    with open_output(args.output, inputs=lambda: named | opened | baseline_file) as out:
        color = args.output is None and wants_color(sys.stdout)
        context = RenderContext(command=mode, rules=tuple(checker.ruleset.rules), color=color, quiet=args.quiet,
                                options={"texts": texts, "format": fmt})
        writer(reports, out, context)
    baseline.finish(sys.stderr)
    if baseline.write_path:  # the findings just recorded are accepted: only input errors fail
        return EXIT_ERROR if state.had_error else EXIT_OK
    return state.exit_code()


def _selection(args: argparse.Namespace, project: ProjectConfig) -> Selection:
    """What this run reads: the config's include/exclude, the default excludes, the flags."""
    from numcheck.selection import selection_for

    config = project.settings

    def locate(key: str, pattern: str) -> str:
        return f"{config.path}:{_position_of(config.path, pattern)}: {key}" if config.path else key

    return selection_for(project.root, locate, include=config.include, config_exclude=config.exclude,
                         exclude=args.exclude, extend_exclude=args.extend_exclude,
                         respect_gitignore=not args.no_respect_gitignore, force_exclude=args.force_exclude)


def _default_paths(project: ProjectConfig, selection: Selection) -> list[str]:
    """What a bare ``numcheck check`` reads: the config's ``include`` from the project root, else
    standard input when it is piped; at a terminal, with neither, a usage error instead of a silent
    wait for input that will never come."""
    config = project.settings
    if config.include:
        root = os.path.relpath(project.root)
        found = list(selection.walk(root))
        if not found:
            where = f"{config.path}:{_position_of(str(config.path), config.include[0])}"
            raise ConfigError(f"{where}: include matches no article file under {root} "
                              f"({', '.join(config.include)}; excluded and git-ignored files are skipped)")
        return found
    if sys.stdin is None or sys.stdin.isatty():
        raise _UsageError("numcheck check: no paths given and no include in the project config; "
                          "name files or folders (numcheck check articles/), or pipe text in with '-'")
    return ["-"]


def statistics_formats() -> tuple[str, ...]:
    from numcheck.report.statistics import FORMATS

    return FORMATS


def _named_inputs(paths: Sequence[str], args: argparse.Namespace, config: object) -> set[tuple[int, int]]:
    """(device, inode) of each file named on the command line that the run reads: articles, corpora,
    a redirected stdin, rule packs, the config. Files found in folders are added as they are read."""
    from numcheck.output import file_id

    named: list[str | int] = [p for p in paths if p != "-" and not os.path.isdir(p)]
    named += [p for p in getattr(args, "rules", ()) if not os.path.isdir(p)]
    if config is not None:
        named.append(str(config))
    if "-" in paths:
        named.append(0)  # `numcheck check - -o a.md < a.md`
    return {found for found in map(file_id, named) if found is not None}


def _blame_unknown_names(
    error: ConfigError, spec: CheckerSpec, args: argparse.Namespace, config: Config
) -> ConfigError:
    """Name where each unknown rule id came from (``--select X``, ``file:line``), one line per name.

    The rule set only knows that a name is unknown; the user needs to know which flag or which
    line of which config file to fix. Runs only on the error path, so the rules load a second time
    (without selection) just to tell the known names from the rest.
    """
    from numcheck.checks import CHECKS

    try:
        known = replace(spec, select=(), disable=(), severity=())().ruleset.ids | frozenset(CHECKS)
    except NumcheckError:
        return error
    origins = [(f"--{flag}", name) for flag in ("select", "disable") for name in getattr(args, flag, ())]
    if config.path:
        names = (*config.select, *config.disable, *config.severity)
        origins += [(f"{config.path}:{_position_of(config.path, name)}", name) for name in names]
    hint = f"rule ids: see 'numcheck rules list'; check kinds: {', '.join(sorted(CHECKS))}"
    lines = [f"{where}: unknown rule id or check kind: {name} ({hint})" for where, name in origins if name not in known]
    return ConfigError.lines(list(dict.fromkeys(lines))) if lines else error


def _position_of(path: str, name: str) -> str:
    """"line:column" of the first whole-word ``name`` in a config file ("1:1" when it cannot be found)."""
    word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                found = word.search(line)
                if found:
                    return f"{number}:{found.start() + 1}"
    except (OSError, UnicodeDecodeError):
        pass
    return "1:1"


def _remember_texts(items: Iterator[Article | InputError], texts: dict[str, str]) -> Iterator[Article | InputError]:
    """Pass articles through, keeping each text for the renderers that show the article itself."""
    for item in items:
        if not isinstance(item, InputError):
            texts[item.source] = item.text
        yield item


class _RunState:
    """Watches the report stream go by: prints input errors at once, remembers the worst finding."""

    def __init__(self, fail_on: str, err: TextIO | None = None) -> None:
        self.fail_on = fail_on
        self.err = err or sys.stderr
        self.had_error = False
        self.worst = -1

    def track(self, items: Iterator[Report | InputError]) -> Iterator[Report]:
        for item in items:
            if isinstance(item, InputError):
                self.had_error = self.had_error or item.fatal
                _say(str(item), self.err)
                continue
            for message in (*item.errors, *item.warnings):  # each is one line, whatever it quotes
                print(one_line(message), file=self.err)
            if item.errors:
                self.had_error = True
            for finding in item.findings:
                self.worst = max(self.worst, severity_rank(finding.severity))
            yield item

    def exit_code(self) -> int:
        if self.had_error:
            return EXIT_ERROR
        if self.fail_on != "never" and self.worst >= severity_rank(self.fail_on):
            return EXIT_FINDINGS
        return EXIT_OK


def _restore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
