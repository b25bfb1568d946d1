"""``numcheck serve``: a small HTTP service (Starlette on uvicorn) and the live editor page.

Endpoints (DESIGN.md, "Live checking"): ``POST /v1/check``, ``POST /v1/extract``, ``POST /v1/html``
(the page's view), ``GET /v1/rules``, ``GET /healthz``, ``GET /openapi.json``, ``GET /`` (the page).

It is meant to run on an editor's own machine or behind a CMS, so its defaults are the safe ones:

* it binds ``127.0.0.1`` unless ``--host`` says otherwise;
* a body over ``--max-bytes`` gets 413, judged from ``Content-Length`` before anything is read, or
  while streaming a body that has none: never more than ``--max-bytes`` is held;
* every error is ``{"error": "one line"}`` with 400 (malformed JSON, not UTF-8, a bad field, an
  unknown rule id), 403 (a foreign ``Host``), 404/405, 413 or 503;
* a request over ``--timeout`` seconds gets 503 *and its work stops*: checks run in worker
  processes that are killed and replaced (`numcheck.live.workers`);
* a request whose ``Host`` is neither the bound host nor ``localhost`` (nor an ``--allow-host``)
  is refused, so a web page on another site cannot reach the server through DNS rebinding;
* no CORS headers unless ``--allow-origin ORIGIN`` names the origin;
* no endpoint reads or writes a file for a client: ``path`` is a label only. The rule packs and
  project config are read once, at start-up, from the folder the server was started in.

The server checks through the one `Checker` the CLI uses, built by `find_project_config` in the same
way, and answers with the CLI's own JSON and HTML renderers (`numcheck.live.payload`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from numcheck.live.page import build_page
from numcheck.live.workers import WorkerPool, WorkTimeout
from numcheck.runner import CheckerSpec

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "ServeOptions", "create_app", "run"]

#: 2 MB of text is a book, not an article; the cap keeps one paste from holding a worker for minutes.
DEFAULT_MAX_BYTES = 2_000_000
DEFAULT_TIMEOUT = 10.0
FIELDS = ("text", "path", "select", "disable")


@dataclass(frozen=True)
class ServeOptions:
    """Everything ``numcheck serve`` was started with."""

    spec: CheckerSpec = field(default_factory=CheckerSpec)
    host: str = "127.0.0.1"
    port: int = 8765
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    allow_origins: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()
    workers: int = 1


class ApiError(Exception):
    """A request the service refuses: its status and one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": " ".join(message.split())}, status_code=status)


class HostCheck:
    """Refuse requests whose ``Host`` is not one this server answers to (DNS rebinding)."""

    def __init__(self, app: ASGIApp, allowed: Sequence[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower().strip("[]") for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").strip().lower()
            name = host[1:].split("]", 1)[0] if host.startswith("[") else host.rsplit(":", 1)[0] if host else ""
            if name not in self.allowed:
                shown = host or "(none)"
                response = _error(403, f"host {shown!r} is not allowed; this server answers to "
                                  f"{', '.join(sorted(self.allowed))} (add --allow-host to serve another name)")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _Service:
    """The state behind the endpoints: the options, the worker pool, the page and the rule list."""

    def __init__(self, options: ServeOptions) -> None:
        from numcheck import __version__
        from numcheck.checks import CHECKS

        self.options = options
        self.version = __version__
        checker = options.spec()  # here, so bad rules stop the server before it listens
        self.known = checker.known_ids | frozenset(CHECKS)
        self.rules = [{"id": r.id, "check": r.check, "severity": r.severity, "pack": r.pack,
                       "description": r.description, "message": r.message} for r in checker.ruleset.rules]
        self.page = build_page()
        self.pool = WorkerPool(options.spec, "numcheck.live.payload.handle", size=options.workers)

    async def read_request(self, request: Request) -> dict[str, Any]:
        """The validated JSON body; `ApiError` for anything the contract refuses."""
        limit = self.options.max_bytes
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise ApiError(400, "bad Content-Length header")
            if int(declared) > limit:
                raise ApiError(413, f"request body of {int(declared)} bytes is over the limit of {limit} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise ApiError(413, f"request body is over the limit of {limit} bytes")
        try:
            data = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise ApiError(400, f"request body is not valid UTF-8 (byte {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise ApiError(400, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        return self.validate(data)

    def validate(self, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise ApiError(400, 'the body must be a JSON object such as {"text": "..."}')
        extra = sorted(set(data) - set(FIELDS))
        if extra:
            raise ApiError(400, f"unknown field {extra[0]!r} (expected: {', '.join(FIELDS)})")
        if not isinstance(data.get("text"), str):
            raise ApiError(400, "'text' is required and must be a string")
        if "path" in data and not isinstance(data["path"], str):
            raise ApiError(400, "'path' must be a string")
        for key in ("select", "disable"):
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ApiError(400, f"'{key}' must be a list of rule ids or check kinds")
            unknown = sorted(set(value) - self.known)
            if unknown:
                raise ApiError(400, f"unknown rule id or check kind in '{key}': {', '.join(unknown)} "
                               "(see GET /v1/rules)")
        return data

    async def work(self, request: Request, op: str) -> Response:
        try:
            data = await self.read_request(request)
        except ApiError as exc:
            return _error(exc.status, exc.message)
        except ClientDisconnect:
            return Response(status_code=499)
        job = asyncio.ensure_future(self.pool.run({**data, "op": op}, self.options.timeout))
        gone = asyncio.ensure_future(_disconnected(request))
        try:
            await asyncio.wait({job, gone}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
        if not job.done():  # the client left: stop its work (the pool kills and replaces the worker)
            job.cancel()
            with contextlib.suppress(asyncio.CancelledError, WorkTimeout):
                await job
            return Response(status_code=499)
        try:
            status, body = job.result()
        except WorkTimeout:
            return _error(503, f"the check took longer than the server's limit of {self.options.timeout:g} s "
                          "and was stopped")
        return Response(body, status_code=status, media_type="application/json")


async def _disconnected(request: Request) -> None:
    """Return when the client goes away (after its body has been read, the next message is that)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


def create_app(options: ServeOptions | None = None, ready: str | None = None) -> Starlette:
    """The ASGI app for ``options``; its worker processes start with the app's lifespan, which then
    prints ``ready`` (if given) on stderr."""
    options = options or ServeOptions()
    service = _Service(options)

    async def check(request: Request) -> Response:
        return await service.work(request, "check")

    async def extract(request: Request) -> Response:
        return await service.work(request, "extract")

    async def render(request: Request) -> Response:
        return await service.work(request, "html")

    async def rules(request: Request) -> Response:
        return JSONResponse({"rules": service.rules})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": service.version, "rules": len(service.rules),
                             "workers": options.workers})

    async def openapi_json(request: Request) -> Response:
        from numcheck.live.openapi import openapi

        return JSONResponse(openapi(service.version))

    async def page(request: Request) -> Response:
        return HTMLResponse(service.page.html, headers={"Content-Security-Policy": service.page.csp,
                                                        "X-Content-Type-Options": "nosniff",
                                                        "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"})

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _error(exc.status_code, str(exc.detail))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        service.pool.start()
        if ready:
            print(ready, file=sys.stderr, flush=True)
        try:
            yield
        finally:
            service.pool.close()

    routes = [
        Route("/v1/check", check, methods=["POST"]),
        Route("/v1/extract", extract, methods=["POST"]),
        Route("/v1/html", render, methods=["POST"]),
        Route("/v1/rules", rules, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", openapi_json, methods=["GET"]),
        Route("/", page, methods=["GET"]),
    ]
    middleware = [Middleware(HostCheck, allowed=(options.host, "localhost", *options.allow_hosts))]
    if options.allow_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(options.allow_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["content-type"]))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={HTTPException: http_error})
    app.state.service = service
    return app


def run(options: ServeOptions) -> int:
    """Serve until interrupted; the exit code for the CLI.

    The socket is bound here, before uvicorn starts, so ``--port 0`` can pick a free port and a
    port already in use is one line and exit 2. The ``numcheck serve: http://...`` line goes to
    stderr once the workers are warm, so a script (or a test) that reads it knows the server is ready.
    """
    import socket

    import uvicorn

    family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((options.host, options.port))
    except OSError as exc:
        sock.close()
        print(f"numcheck serve: cannot listen on {options.host}:{options.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return 2
    port = sock.getsockname()[1]
    shown = f"[{options.host}]" if ":" in options.host else options.host
    app = create_app(options, ready=f"numcheck serve: http://{shown}:{port}/ (Ctrl-C to stop)")
    config = uvicorn.Config(app, log_level="warning", server_header=False, timeout_graceful_shutdown=5)
    uvicorn.Server(config).run(sockets=[sock])
    return 0
