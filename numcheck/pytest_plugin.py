"""pytest plugin: ``pytest --numcheck`` checks a newsroom's articles as test items.

Opt-in (as pytest-ruff's ``--ruff``), so installing numcheck never turns a project's README into a
test. Which files are articles comes from the ini option ``numcheck_paths`` (globs relative to the
rootdir) or, failing that, the project config's ``include``; with neither, the article files under
the paths named on the command line (``pytest --numcheck articles/``, walked as ``numcheck check``
walks a folder: default excludes, the config's ``exclude``, .gitignore); with none of these, nothing
is collected and the report header says how to name them. When pytest was not given paths on the
command line, the matching articles are added to what it collects, so articles outside
``testpaths`` are still found. The config's ``exclude`` and the default excludes always apply.

Each article is one `ArticleItem` (``path::numcheck``, marker ``numcheck``) whose failure reads like
the CLI: ``path:line:col severity rule message`` and the arithmetic beneath, no traceback.

State lives in ``config.stash``: one lazily built `Checker` per session (under pytest-xdist, one
per worker, as each worker has its own config). numcheck.checker — and with it quantulum3 — is
imported only when the first article runs, so collection stays fast and ``--collect-only`` cheap.

``--numcheck-cache`` skips articles that passed before and have not changed, through pytest's own
cache. The key hashes the file's bytes, the project config, every rule pack's contents and the
numcheck version, so editing a rule re-checks everything; only passes are stored.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from numcheck.config import Config, ProjectConfig
    from numcheck.selection import Selection

pytest.register_assert_rewrite("numcheck.testing")

__all__ = ["ArticleFile", "ArticleItem", "NumcheckWarning"]

#: Files the plugin treats as articles (the CLI reads a few more spellings of the same kinds).
ARTICLE_SUFFIXES = (".md", ".txt", ".html")
_RULE_SUFFIXES = (".yaml", ".yml")
_CACHE_PREFIX = "numcheck/passed/"


class NumcheckWarning(UserWarning):
    """A problem with an article's own numcheck markup, such as a suppression naming no known rule."""


class ArticleFailed(Exception):
    """Raised by `ArticleItem.runtest`; carries the ready-made lines `repr_failure` shows."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class Settings:
    """What the plugin decided at configure time; read-only for the rest of the session."""

    articles: frozenset[Path]
    patterns: tuple[str, ...]
    origin: str  # "numcheck_paths", "[tool.numcheck] include", ".numcheck.yaml include" or "" when neither is set
    fail_on: str
    project: ProjectConfig
    use_cache: bool
    cache_salt: str


@dataclass
class SessionState:
    """The one mutable thing per session: the Checker, built on first use (or the error building it)."""

    settings: Settings
    checker: Any = None
    error: str | None = None

    def get_checker(self) -> Any:
        if self.checker is None and self.error is None:
            from numcheck.errors import NumcheckError

            try:
                self.checker = self.settings.project.checker()
            except NumcheckError as exc:
                self.error = str(exc)
        return self.checker


_STATE = pytest.StashKey[SessionState]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("numcheck", "numcheck: check the figures in article files")
    group.addoption("--numcheck", action="store_true", default=False,
                    help="collect article files (numcheck_paths or [tool.numcheck] include) and check them")
    group.addoption("--numcheck-cache", action="store_true", default=False,
                    help="skip articles that passed before and are unchanged (uses pytest's cache)")
    parser.addini("numcheck_paths", type="linelist", default=[],
                  help="globs, relative to the rootdir, naming the articles pytest --numcheck checks")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "numcheck: an article checked by numcheck (pytest --numcheck)")
    if not config.getoption("numcheck"):
        return
    settings = _build_settings(config)
    config.stash[_STATE] = SessionState(settings)
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        _add_articles_to_args(config, settings.articles)


def pytest_report_header(config: pytest.Config) -> list[str]:
    state = config.stash.get(_STATE, None)
    if state is None:
        return []
    settings = state.settings
    if not settings.patterns:
        return ["numcheck: no articles collected (name article files or folders: pytest --numcheck PATH..., "
                "or set the ini option numcheck_paths or [tool.numcheck] include)"]
    cache = ""
    if settings.use_cache:
        cache = ", cache on" if getattr(config, "cache", None) is not None else ", cache unavailable (no cacheprovider)"
    return [f"numcheck: {len(settings.articles)} article(s) from {settings.origin}: {', '.join(settings.patterns)}"
            f" (fail on {settings.fail_on}{cache})"]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ArticleFile | None:
    state = parent.config.stash.get(_STATE, None)
    if state is None or file_path.suffix.lower() not in ARTICLE_SUFFIXES:
        return None
    if file_path.resolve() not in state.settings.articles:
        return None
    return ArticleFile.from_parent(parent, path=file_path)


class ArticleFile(pytest.File):
    """An article file; it holds exactly one item, so the node id reads ``path::numcheck``."""

    def collect(self) -> Iterator[ArticleItem]:
        yield ArticleItem.from_parent(self, name="numcheck")


class ArticleItem(pytest.Item):
    """One article checked with the session's Checker; fails on findings at or above ``fail-on``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker("numcheck")
        # An article takes no fixtures. Saying so as pytest's own test functions do keeps plugins that
        # read ``item.funcargs`` in a hook wrapper working on our items: pytest-lsp (in the test extra,
        # for the language server's tests) returns without yielding when the attribute is missing,
        # which pytest turns into an error for every article.
        self.funcargs: dict[str, Any] = {}

    @property
    def source(self) -> str:
        """The article's path as findings name it: relative to the rootdir, with forward slashes."""
        return self.nodeid.rsplit("::", 1)[0]

    def runtest(self) -> None:
        state = self.config.stash[_STATE]
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise ArticleFailed([f"{self.source}: cannot read ({exc.strerror or exc})"]) from None
        cache = getattr(self.config, "cache", None) if state.settings.use_cache else None
        digest = hashlib.sha256(state.settings.cache_salt.encode() + b"\0" + data).hexdigest()
        cache_key = _CACHE_PREFIX + hashlib.sha256(self.source.encode()).hexdigest()[:32]
        if cache is not None and cache.get(cache_key, None) == digest:
            pytest.skip("unchanged since it last passed numcheck")

        from numcheck.document import kind_for_path
        from numcheck.errors import InputError
        from numcheck.inputs import decode_bytes
        from numcheck.model import severity_rank

        checker = state.get_checker()
        if checker is None:
            raise ArticleFailed([f"numcheck could not load its rules: {state.error}"])
        try:
            text = decode_bytes(data, self.source)
        except InputError as exc:
            raise ArticleFailed([str(exc)]) from None
        report = checker.check(text, source=self.source, kind=kind_for_path(self.source))
        for message in report.warnings:
            self.warn(NumcheckWarning(message))
        fail_on = state.settings.fail_on
        failing = [] if fail_on == "never" else [
            f for f in report.findings if severity_rank(f.severity) >= severity_rank(fail_on)
        ]
        if report.errors or failing:
            raise ArticleFailed([*report.errors, *_finding_lines(failing)])
        if cache is not None:
            cache.set(cache_key, digest)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ArticleFailed):
            return "\n".join(excinfo.value.lines)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        # Line 0 (the file's first line) lets Node.warn place warnings. The domain heads the failure
        # section; it must not end the node id, or pytest rewrites its dots as "::" in -v output.
        return self.path, 0, f"{self.source} (numcheck)"


def _finding_lines(findings: list[Any]) -> list[str]:
    from numcheck.figures import explanation_to_show

    lines = []
    for f in findings:
        lines.append(f"{f.source}:{f.line}:{f.column} {f.severity} {f.rule} {f.message}")
        if explanation_to_show(f):
            lines.append(f"    {explanation_to_show(f)}")
    return lines


def _build_settings(config: pytest.Config) -> Settings:
    from numcheck.config import find_project_config
    from numcheck.errors import NumcheckError
    from numcheck.selection import selection_for

    try:
        found = find_project_config(config.rootpath)
        selection = selection_for(found.root, lambda key, pattern: f"{found.path or 'config'} {key} {pattern!r}",
                                  config_exclude=found.settings.exclude)
    except NumcheckError as exc:
        raise pytest.UsageError(str(exc)) from None
    project, base = found.settings, found.root
    ini_patterns = tuple(config.getini("numcheck_paths"))
    named = _named_paths(config) if config.args_source == pytest.Config.ArgsSource.ARGS else []
    if ini_patterns:
        patterns, origin, pattern_base = ini_patterns, "numcheck_paths", config.rootpath
    elif project.include:
        where = "[tool.numcheck]" if found.path is None or found.path.suffix == ".toml" else found.path.name
        patterns, origin, pattern_base = project.include, f"{where} include", base
    elif named:  # ``pytest --numcheck PATH...``: the articles under the paths given
        patterns, origin, pattern_base = tuple(a.split("::")[0] for a in config.args), "the paths given", base
    else:
        patterns, origin, pattern_base = (), "", base
    if named and not (ini_patterns or project.include):
        candidates = _articles_under(named, selection)
    else:
        candidates = {p for p in _glob_paths(patterns, pattern_base) if not selection.is_excluded(p, below=base)}
    articles = frozenset(path for path in candidates if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file())
    # A stale or mistyped glob must not pass as "nothing to check". Paths given on the command line
    # are another matter: ``pytest tests/test_x.py`` with --numcheck in addopts names no article.
    if patterns and not articles and origin != "the paths given":
        where = f" ({found.path})" if origin.endswith("include") and found.path else ""
        raise pytest.UsageError(f"numcheck: {origin}{where} matches no article file: {', '.join(patterns)}")
    fail_on = project.fail_on or "error"
    use_cache = bool(config.getoption("numcheck_cache"))
    salt = _cache_salt(project, fail_on) if use_cache else ""
    return Settings(articles, patterns, origin, fail_on, found, use_cache, salt)


def _named_paths(config: pytest.Config) -> list[Path]:
    """The files and folders named on pytest's command line (node ids cut to their path)."""
    paths = [Path(config.invocation_params.dir, arg.split("::")[0]).resolve() for arg in config.args]
    return [p for p in paths if p.exists()]


def _articles_under(named: list[Path], selection: Selection) -> set[Path]:
    """Article files named, or found under named folders as ``numcheck check`` walks them."""
    found: set[Path] = set()
    for path in named:
        if path.is_dir():
            found.update(Path(p).resolve() for p in selection.walk(str(path)))
        else:
            found.add(path)
    return found


def _glob_paths(patterns: tuple[str, ...], base: Path) -> set[Path]:
    found: set[Path] = set()
    for pattern in patterns:
        for name in glob.glob(pattern, root_dir=base, recursive=True):
            found.add((base / name).resolve())
    return found


def _add_articles_to_args(config: pytest.Config, articles: frozenset[Path]) -> None:
    """Let ``pytest --numcheck`` find articles that lie outside ``testpaths`` (or the invocation folder)."""
    roots = [Path(config.invocation_params.dir, arg.split("::")[0]).resolve() for arg in config.args]
    extra = sorted(str(p) for p in articles if not any(p == r or r in p.parents for r in roots))
    config.args = [*config.args, *extra]


def _cache_salt(project: Config, fail_on: str) -> str:
    """A hash of everything besides the article that decides its result."""
    from numcheck import __version__

    digest = hashlib.sha256()
    digest.update(f"numcheck {__version__}\0{fail_on}\0{project!r}\0".encode())
    for path in _rule_pack_files(project):
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            digest.update(f"unreadable: {exc}".encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _rule_pack_files(project: Config) -> list[Path]:
    """Every YAML file the Checker will load: the default packs and the project's own."""
    import importlib.resources

    defaults = Path(str(importlib.resources.files("numcheck.rules")))
    files: list[Path] = []
    # Project packs are named exactly as the Checker receives them, so both resolve them alike.
    for entry in [defaults, *(Path(p) for p in project.rules)]:
        if entry.is_dir():
            files.extend(sorted(p for p in entry.rglob("*") if p.suffix in _RULE_SUFFIXES and p.is_file()))
        else:
            files.append(entry)
    return files
