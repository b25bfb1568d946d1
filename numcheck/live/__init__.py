"""Live checking where people write: ``numcheck lsp`` (a language server) and ``numcheck serve``
(an HTTP service with an editor page). Both need the ``numcheck[live]`` extra.

This module parses the two subcommands' options and checks that the extra is installed before
importing anything from it, so the core install stays light and a missing extra is one clear line
(exit 2), not an ImportError traceback. The servers themselves live in `numcheck.live.lsp` and
`numcheck.live.serve`; both check through `numcheck.Checker`, configured by `find_project_config`
exactly as the CLI is.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numcheck.live.serve import ServeOptions

__all__ = ["EXTRA_MODULES", "main", "missing_extra"]

#: The modules each live subcommand imports from the ``numcheck[live]`` extra.
EXTRA_MODULES = {"lsp": ("pygls", "lsprotocol"), "serve": ("starlette", "uvicorn")}
EXIT_OK, EXIT_ERROR = 0, 2


def missing_extra(command: str) -> str | None:
    """The first module of ``command``'s extra that cannot be imported, else None."""
    for name in EXTRA_MODULES[command]:
        try:
            found = importlib.util.find_spec(name) is not None and name not in _blocked()
        except (ImportError, ValueError):
            found = False
        if not found:
            return name
    return None


def _blocked() -> set[str]:
    """Modules set to None in sys.modules: Python's own way of saying "import of this must fail"."""
    return {name for name, module in sys.modules.items() if module is None}


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    """An argparse type: a number of ``kind`` above zero (a zero limit or timeout would refuse everything)."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, not {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
        return value

    return parse


def _add_serve_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765)")
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="add a rule pack")
    p.add_argument("--no-default-rules", action="store_true", help="do not load the bundled packs")
    p.add_argument("--config", metavar="FILE", help="project config (default: found from the current folder)")
    p.add_argument("--max-bytes", type=_positive(int), default=None, metavar="N",
                   help="largest request body in bytes (default 2000000)")
    p.add_argument("--timeout", type=_positive(float), default=None, metavar="SECONDS",
                   help="stop a check after this long and answer 503 (default 10)")
    p.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                   help="send CORS headers to this origin (repeatable; default: none)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="answer requests for this Host name too (repeatable; default: the bound host, localhost)")
    p.add_argument("--workers", type=_positive(int), default=1, metavar="N", help="checking processes (default 1)")


def _serve_options(args: argparse.Namespace) -> ServeOptions:
    """The server's options: flags over the project config found from the current folder."""
    from numcheck.config import find_project_config
    from numcheck.live.serve import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, ServeOptions

    project = find_project_config(None, explicit=args.config)
    spec = project.checker_spec(args.rules, use_default_rules=not args.no_default_rules)
    return ServeOptions(spec=spec, host=args.host, port=args.port,
                        max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, timeout=args.timeout or DEFAULT_TIMEOUT,
                        allow_origins=tuple(args.allow_origin), allow_hosts=tuple(args.allow_host),
                        workers=args.workers)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="numcheck", description="Live checking: a language server and a web page.")
    sub = parser.add_subparsers(dest="command", required=True)
    lsp = sub.add_parser("lsp", help="a Language Server Protocol server over stdio")
    lsp.add_argument("--debounce", type=int, default=None, metavar="MS",
                     help="wait this long after the last change before checking (default 200)")
    _add_serve_options(sub.add_parser("serve", help="an HTTP API and an editor page on this machine"))
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``numcheck lsp`` or ``numcheck serve`` with ``argv`` (the subcommand first)."""
    command = argv[0] if argv else ""
    if command in EXTRA_MODULES:
        missing = missing_extra(command)
        if missing is not None:
            print(f"numcheck {command}: needs the live extra (missing module '{missing}'); "
                  "install it with: pip install 'numcheck[live]'", file=sys.stderr)
            return EXIT_ERROR
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as exc:  # argparse printed its one-line complaint (or --help)
        return EXIT_OK if exc.code == 0 else EXIT_ERROR
    if args.command == "lsp":
        from numcheck.live.lsp import run_stdio

        return run_stdio(debounce_ms=args.debounce)
    from numcheck.errors import NumcheckError
    from numcheck.live.serve import run

    try:
        return run(_serve_options(args))
    except NumcheckError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
