"""``numcheck lsp``: a Language Server Protocol server over stdio (pygls 2, lsprotocol types).

What an editor gets:

* **Diagnostics** on open, change (debounced) and save of Markdown, plain-text and HTML documents:
  one per finding, on the figure's exact range, with the severity, the rule id as ``code``,
  ``source`` "numcheck", the message and the arithmetic in words, and the finding's other figures
  as related locations.
* **Hover** on a figure: the claim (value, unit, counted noun, qualifier, the interval it stands
  for) and every relation it is in, with the arithmetic.
* **Code actions** on a numcheck diagnostic: "Ignore <rule> here" inserts the suppression the
  document type uses (``<!-- numcheck: ignore[rule] -->`` above the paragraph in Markdown and
  HTML, ``numcheck: ignore[rule]`` at the end of the line in plain text); "Ignore <rule> in this
  file" (Markdown and HTML) puts ``<!-- numcheck-disable rule -->`` at the top, after any front matter.

Configuration is what ``numcheck check`` would use for the file: `find_project_config` from the
document's folder, one `Checker` per config, reused for every re-check of every document under it.
The config is reloaded when it or one of its rule packs changes: through ``workspace/
didChangeWatchedFiles`` where the client offers dynamic registration of watchers, otherwise by
comparing the files' mtimes before each run. A config or rule file that does not load is shown as
a diagnostic on that file (at its line), the documents it governs say they cannot be checked, and
the server keeps serving; fixing the file clears both.
"""

from __future__ import annotations

import asyncio
import bisect
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from numcheck.config import ProjectConfig, find_project_config
from numcheck.document import kind_for_path, read_document
from numcheck.errors import ConfigError, NumcheckError, RuleFileError
from numcheck.figures import explanation_to_show
from numcheck.live.explain import describe_claim
from numcheck.model import Claim, Finding, Report

__all__ = ["DEFAULT_DEBOUNCE_MS", "NumcheckLanguageServer", "run_stdio"]

#: Long enough that a fast typist's burst is one check, short enough to feel immediate.
DEFAULT_DEBOUNCE_MS = 200
#: A document larger than this is not checked (one diagnostic says so), unless the project config's
#: ``max-bytes`` says otherwise: an editor must never freeze on a pasted archive.
DEFAULT_MAX_BYTES = 2_000_000
SOURCE = "numcheck"
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}
_KIND_BY_LANGUAGE = {"markdown": "markdown", "html": "html"}
_WATCH_GLOBS = ("**/.numcheck.yaml", "**/.numcheck.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")


@dataclass
class _Project:
    """One config's Checker (or the error that kept it from loading) and what it was built from."""

    config: ProjectConfig | None
    checker: Any = None
    error: NumcheckError | None = None
    stamp: tuple[tuple[str, int], ...] = ()
    error_uris: tuple[str, ...] = ()


@dataclass
class _Checked:
    """The last check of an open document: its version, text, kind and report (for hover)."""

    version: int | None
    text: str
    kind: str
    report: Report
    claims: dict[str, Claim] = field(default_factory=dict)


def _stamp(files: list[str]) -> tuple[tuple[str, int], ...]:
    stamp = []
    for path in files:
        try:
            stamp.append((path, os.stat(path).st_mtime_ns))
        except OSError:
            stamp.append((path, -1))
    return tuple(stamp)


def _config_files(config: ProjectConfig) -> list[str]:
    """The config file and every rule-pack file it names: what a reload must notice."""
    files = [str(config.path)] if config.path else []
    for entry in config.settings.rules:
        folder = Path(entry)
        if folder.is_dir():
            files += sorted(str(p) for p in folder.rglob("*") if p.suffix in (".yaml", ".yml"))
        else:
            files.append(entry)
    return files


class NumcheckLanguageServer(LanguageServer):
    """The server: open documents' last reports, the project (config and Checker) of each folder a
    document was opened from (folders of one project share one Checker), and the checks waiting out
    their debounce."""

    def __init__(self, debounce_ms: int | None = None) -> None:
        from numcheck import __version__

        super().__init__("numcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = (DEFAULT_DEBOUNCE_MS if debounce_ms is None else debounce_ms) / 1000
        self.watching = False
        self.projects: dict[str, _Project] = {}  # by the folder the walk started from
        self.checked: dict[str, _Checked] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.problem_uris: set[str] = set()  # config/rule files we showed a problem on
        # Checks run on one thread of their own, so a long article never stops the server from
        # answering hovers, code actions and the next edit; one thread, so a Checker never runs twice
        # at once.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="numcheck-check")

    # --- projects ----------------------------------------------------------------------------------

    def folder_of(self, uri: str) -> str:
        """Where the config walk starts: the document's folder, or the workspace's for unsaved buffers."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return os.path.dirname(os.path.abspath(path))
        root = self.workspace.root_path if self.protocol.workspace is not None else None
        return root or os.getcwd()

    def project_for(self, folder: str) -> _Project:
        cached = self.projects.get(folder)
        if cached is not None and self.watching:
            return cached
        try:
            config = find_project_config(folder)
        except ConfigError as exc:
            stamp = _stamp([exc.path] if exc.path else [])
            if cached is not None and cached.error is not None and cached.stamp == stamp:
                return cached
            project = _Project(None, error=exc, stamp=stamp)
        else:
            stamp = _stamp(_config_files(config))
            if cached is not None and cached.config == config and cached.stamp == stamp:
                return cached
            project = _Project(config, stamp=stamp)
            twin = next((p for p in self.projects.values() if p.config == config and p.stamp == stamp), None)
            if twin is not None:  # another folder of the same project: share its Checker (or its error)
                project.checker, project.error = twin.checker, twin.error
            else:
                try:
                    project.checker = config.checker()
                except NumcheckError as exc:
                    project.error = exc
        self.projects[folder] = project
        self.show_config_problems()
        return project

    def show_config_problems(self) -> None:
        """Publish each broken config/rule file's problems on that file; clear files now fixed."""
        by_uri: dict[str, list[types.Diagnostic]] = {}
        problems = dict.fromkeys(p for project in self.projects.values() for p in _problems(project.error))
        for path, line, column, message in problems:
            uri = from_fs_path(os.path.abspath(path)) or path
            position = types.Position(max((line or 1) - 1, 0), max((column or 1) - 1, 0))
            by_uri.setdefault(uri, []).append(types.Diagnostic(
                range=types.Range(position, types.Position(position.line, position.character + 1)),
                message=message, severity=types.DiagnosticSeverity.Error, source=SOURCE, code="config"))
        for uri in self.problem_uris - set(by_uri):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for uri, diagnostics in by_uri.items():
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics))
        self.problem_uris = set(by_uri)

    def forget_projects(self) -> None:
        self.projects.clear()

    # --- checking ----------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, replacing a check already waiting (the debounce)."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if delay <= 0:
            self.check(uri)
            return
        self.pending[uri] = asyncio.get_running_loop().call_later(delay, self.check, uri)

    def check(self, uri: str) -> None:
        """Check the open document ``uri`` now and publish its diagnostics."""
        self.pending.pop(uri, None)
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return
        text = document.source
        kind = document_kind(document)
        project = self.project_for(self.folder_of(uri))
        limit = (project.config.settings.max_bytes if project.config else None) or DEFAULT_MAX_BYTES
        size = len(text.encode("utf-8", "surrogatepass"))
        if project.error is not None or project.checker is None:
            first = str(project.error).splitlines()[0] if project.error else "no checker"
            self.publish(document, [_whole_document_note(f"numcheck cannot check this document: {first}")])
            return
        if size > limit:
            self.publish(document, [_whole_document_note(
                f"numcheck: document of {size} bytes is over the limit of {limit} bytes (max-bytes); not checked")])
            return
        version, source = document.version, to_fs_path(uri) or uri

        def work() -> Report | None:
            if self.is_stale(uri, version, text):  # a newer edit came in while this one waited
                return None
            return project.checker.check(text, source=source, kind=kind)

        running = asyncio.get_running_loop().run_in_executor(self.executor, work)
        running.add_done_callback(lambda done: self.finish(uri, version, text, kind, done, source))

    def is_stale(self, uri: str, version: int | None, text: str) -> bool:
        document = self.workspace.text_documents.get(uri)
        return document is None or document.version != version or document.source != text

    def finish(self, uri: str, version: int | None, text: str, kind: str, done: asyncio.Future[Report | None],
               source: str = "") -> None:
        """Publish a finished check, unless the document changed meanwhile (its own check follows)."""
        report = None if done.cancelled() or done.exception() is not None else done.result()
        document = self.workspace.text_documents.get(uri)
        if document is None or self.is_stale(uri, version, text):
            return
        if report is None:
            error = done.exception() if not done.cancelled() else None
            self.publish(document, [_whole_document_note(f"numcheck: internal error: {error!r}")])
            return
        checked = _Checked(version, text, kind, report, {c.id: c for c in report.claims})
        self.checked[uri] = checked
        positions = _Positions(document)
        diagnostics = [self.diagnostic(uri, f, checked, positions) for f in report.findings]
        diagnostics += _warning_diagnostics(report.warnings, source, text, positions)
        self.publish(document, diagnostics)

    def publish(self, document: TextDocument, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=document.uri, version=document.version, diagnostics=diagnostics))

    def diagnostic(self, uri: str, finding: Finding, checked: _Checked, positions: _Positions) -> types.Diagnostic:
        extra = explanation_to_show(finding)
        message = f"{finding.message}\n{extra}" if extra else finding.message
        related = []
        for claim_id in finding.claims:
            claim = checked.claims.get(claim_id)
            if claim is not None and (claim.start, claim.end) != (finding.start, finding.end):
                related.append(types.DiagnosticRelatedInformation(
                    location=types.Location(uri=uri, range=positions.range(claim.start, claim.end)),
                    message=f"{claim.text} ({claim_id})"))
        return types.Diagnostic(range=positions.range(finding.start, finding.end), message=message,
                                severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
                                code=finding.rule, source=SOURCE, related_information=related or None,
                                data={"rule": finding.rule, "start": finding.start})

    def recheck_all(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.check(uri)


def document_kind(document: TextDocument) -> str:
    """The markup of a document: by its file name, else by the editor's language id."""
    by_name = kind_for_path(document.uri.rsplit("/", 1)[-1])
    if by_name != "text":
        return by_name
    return _KIND_BY_LANGUAGE.get(document.language_id or "", "text")


def _problems(error: NumcheckError | None) -> list[tuple[str, int | None, int | None, str]]:
    if isinstance(error, RuleFileError):
        return [(p.path, p.line, p.column, p.detail) for p in error.problems if p.path and not
                p.path.startswith("rules/")]
    if isinstance(error, ConfigError) and error.path:
        message = str(error).split(": ", 1)[-1] if str(error).startswith(error.path) else str(error)
        return [(error.path, error.line, error.column, message)]
    return []


def _warning_diagnostics(warnings: tuple[str, ...], source: str, text: str,
                         positions: _Positions) -> list[types.Diagnostic]:
    """The check's warnings (a suppression naming no loaded rule), each at the place it names.

    They read ``source:line:col: message`` as the CLI prints them; line and column count code points
    on ``\n``-separated lines, as every numcheck position does."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    found = []
    for warning in warnings:
        rest = warning[len(source) + 1:] if source and warning.startswith(source + ":") else warning
        line, _, rest = rest.partition(":")
        column, _, message = rest.partition(": ")
        if not (line.isdigit() and column.isdigit()) or not 1 <= int(line) <= len(starts):
            continue
        offset = min(starts[int(line) - 1] + int(column) - 1, len(text))
        end = text.find("-->", offset)
        end = end + 3 if end >= 0 and "\n" not in text[offset:end] else min(offset + 1, len(text))
        found.append(types.Diagnostic(range=positions.range(offset, end), message=message,
                                      severity=types.DiagnosticSeverity.Warning, source=SOURCE, code="suppression"))
    return found


def _whole_document_note(message: str) -> types.Diagnostic:
    return types.Diagnostic(range=types.Range(types.Position(0, 0), types.Position(0, 0)), message=message,
                            severity=types.DiagnosticSeverity.Warning, source=SOURCE, code="not-checked")


class _Positions:
    """Code-point offsets to LSP positions in the client's encoding (UTF-16 unless negotiated)."""

    def __init__(self, document: TextDocument) -> None:
        self.document = document
        self.lines = document.lines
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def position(self, offset: int) -> types.Position:
        from pygls.workspace.position_codec import ServerTextPosition

        line = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        if line >= len(self.lines):
            return types.Position(len(self.lines), 0)
        server = ServerTextPosition(line, offset - self.starts[line])
        return self.document.position_codec.position_to_client_units(self.lines, server)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))


# --- code actions ----------------------------------------------------------------------------------


def suppression_edits(text: str, kind: str, rule: str, offset: int) -> list[tuple[str, int, str]]:
    """``(title, insert offset, inserted text)`` for each way to silence ``rule`` at ``offset``.

    The comments are the ones `numcheck.suppress` reads: Markdown and HTML get an ignore comment on
    its own line above the finding's paragraph (it then covers that paragraph) and a disable comment
    at the top of the file (after front matter, which must stay first); plain text, which has no
    comments, gets the end-of-line marker on the finding's line.
    """
    if kind == "text":
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        if end > 0 and text[end - 1] == "\r":
            end -= 1
        return [(f"Ignore {rule} here", end, f"  numcheck: ignore[{rule}]")]
    document = read_document(text, kind)
    paragraph = document.paragraphs[document.paragraph_index(offset)]
    line_start = text.rfind("\n", 0, paragraph.start) + 1
    top = _after_front_matter(text)
    return [(f"Ignore {rule} here", line_start, f"<!-- numcheck: ignore[{rule}] -->\n"),
            (f"Ignore {rule} in this file", top, f"<!-- numcheck-disable {rule} -->\n")]


def _after_front_matter(text: str) -> int:
    """Where the body starts: after a leading ``---`` front-matter block, else 0."""
    if not text.startswith("---"):
        return 0
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        return 0
    position = first + 1
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if text[position:end].strip() in ("---", "..."):
            return min(end + 1, len(text))
        position = end + 1
    return 0


# --- wiring ----------------------------------------------------------------------------------------


def build_server(debounce_ms: int | None = None) -> NumcheckLanguageServer:
    """A server with every feature registered (the handlers are thin: the work is in the class)."""
    server = NumcheckLanguageServer(debounce_ms)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: NumcheckLanguageServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched is not None and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in _WATCH_GLOBS]
            registration = types.Registration(
                id="numcheck-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
                ls.watching = True
            except Exception:  # the client refused: fall back to mtimes
                ls.watching = False

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NumcheckLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NumcheckLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NumcheckLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NumcheckLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_changed(ls: NumcheckLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.forget_projects()
        ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NumcheckLanguageServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.checked.get(params.text_document.uri)
        document = ls.workspace.text_documents.get(params.text_document.uri)
        if checked is None or document is None or document.source != checked.text:
            return None
        try:
            offset = document.offset_at_position(params.position)
        except (IndexError, ValueError):
            return None
        claim = next((c for c in checked.report.claims if c.start <= offset < c.end), None)
        if claim is None:
            return None
        positions = _Positions(document)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value=describe_claim(claim, checked.report)),
                           range=positions.range(claim.start, claim.end))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: NumcheckLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        document = ls.workspace.text_documents.get(params.text_document.uri)
        if document is None:
            return []
        kind = document_kind(document)
        text = document.source
        positions = _Positions(document)
        actions: list[types.CodeAction] = []
        for diagnostic in params.context.diagnostics:
            if diagnostic.source != SOURCE or not isinstance(diagnostic.code, str) or diagnostic.code in (
                    "config", "not-checked", "suppression"):
                continue
            try:
                offset = document.offset_at_position(diagnostic.range.start)
            except (IndexError, ValueError):
                continue
            offset = min(max(offset, 0), len(text))
            for title, at, inserted in suppression_edits(text, kind, diagnostic.code, offset):
                where = positions.range(at, at)
                edit = types.WorkspaceEdit(changes={document.uri: [types.TextEdit(range=where, new_text=inserted)]})
                actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix,
                                                diagnostics=[diagnostic], edit=edit))
        return actions

    return server


def run_stdio(debounce_ms: int | None = None) -> int:
    """Serve one editor over stdin/stdout until it says exit; the exit code for the CLI."""
    build_server(debounce_ms).start_io()
    return 0
