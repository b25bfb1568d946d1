"""Project config: ``[tool.numcheck]`` in ``pyproject.toml``, or ``.numcheck.yaml``.

A newsroom keeps its rule packs, disabled rules and severity overrides next to its articles, so
``numcheck check``, ``numcheck rules``, the pytest plugin, ``numcheck.testing`` and pre-commit all
agree without repeating flags. They all find it through one function, `find_project_config`, which
walks up from a starting folder as ruff does (its docstring says what wins and where the walk
stops); ``--config FILE`` names one explicitly. Command-line flags override it.

Keys (all optional)::

    [tool.numcheck]
    rules = ["newsroom-rules/"]          # extra packs, relative to the config file
    packs = ["desk"]                     # installed packs to use (``numcheck rules list`` shows them)
    disable = ["repeated-figure"]        # rule ids or check kinds
    select = []                          # only these rule ids or check kinds
    severity = { human-age = "error" }   # per-rule (or per-kind) severity
    fail-on = "warning"                  # error | warning | info | never
    include = ["articles/**/*.md"]       # globs of article files (pytest plugin)
    exclude = ["articles/drafts/**"]
    format = "text"
    max-bytes = 20000000
    jobs = 2

An unknown key or a bad value is a `ConfigError` naming ``file:line``, so a typo in CI config fails
the run instead of being ignored.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from numcheck.errors import ConfigError, read_failure
from numcheck.model import SEVERITIES
from numcheck.packs import PREFIX as PACK_PREFIX
from numcheck.rule import string_list
from numcheck.yamlload import YamlError, load_yaml

if TYPE_CHECKING:
    from numcheck.checker import Checker
    from numcheck.runner import CheckerSpec

__all__ = ["CONFIG_KEYS", "ROOT_MARKERS", "YAML_NAMES", "Config", "ProjectConfig", "find_project_config"]

YAML_NAMES = (".numcheck.yaml", ".numcheck.yml")
#: A folder holding one of these is a repository's root: the upward walk looks no higher.
ROOT_MARKERS = (".git", ".hg")
CONFIG_KEYS = ("rules", "packs", "disable", "select", "severity", "fail-on", "include", "exclude", "format",
               "max-bytes", "jobs")
FAIL_ON = (*SEVERITIES, "never")


@dataclass(frozen=True)
class Config:
    """A project's settings; ``path`` is the file they came from (None: no config found)."""

    path: str | None = None
    rules: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    fail_on: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    format: str | None = None
    max_bytes: int | None = None
    jobs: int | None = None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True  # a broken pyproject is reported when it is loaded, not skipped
    return isinstance(data.get("tool"), dict) and "numcheck" in data["tool"]


@dataclass(frozen=True)
class ProjectConfig:
    """The project a path belongs to: its config file (None: none found), its root and its settings.

    ``root`` is the config file's folder; with no config, the repository root the walk stopped at,
    else the starting folder. Patterns such as ``include``/``exclude`` are relative to it.
    """

    path: Path | None
    root: Path
    settings: Config = field(default_factory=Config)

    def checker_spec(
        self,
        rules: Sequence[str] | str | None = (),
        *,
        use_default_rules: bool = True,
        select: Sequence[str] = (),
        disable: Sequence[str] = (),
    ) -> CheckerSpec:
        """The `Checker` this project asks for, with the caller's own packs and flags merged in.

        Extra ``rules`` are loaded after the project's packs; ``select`` replaces the project's
        selection when given (a flag narrows, it does not add), ``disable`` adds to its list. Every
        entry point builds its checker here, so the CLI, the plugin, ``numcheck.testing`` and
        ``numcheck rules`` cannot disagree about what a project checks.
        """
        from numcheck.runner import CheckerSpec

        extra = (rules,) if isinstance(rules, str) else tuple(rules or ())
        settings = self.settings
        packs = tuple(f"pack:{name}" for name in settings.packs)
        return CheckerSpec(rules=(*settings.rules, *packs, *extra), use_default_rules=use_default_rules,
                           select=tuple(select or settings.select), disable=(*settings.disable, *disable),
                           severity=tuple(settings.severity.items()))

    def checker(self, rules: Sequence[str] | str | None = ()) -> Checker:
        """The project's `Checker` (plus extra ``rules``), for ``numcheck.testing``'s ``checker=``."""
        return self.checker_spec(rules)()


def find_project_config(
    start: str | os.PathLike[str] | None = None, *, explicit: str | os.PathLike[str] | None = None
) -> ProjectConfig:
    """Find and read the config of the project that ``start`` (a file or folder; None: the current
    folder) belongs to, the way ruff finds its own.

    The walk goes up from ``start`` one folder at a time. In each folder ``.numcheck.yaml`` wins,
    then ``.numcheck.yml``, then a ``pyproject.toml`` that has a ``[tool.numcheck]`` table (one
    without the table is passed over, as ruff passes over a pyproject without ``[tool.ruff]``); so
    when a folder holds both a ``.numcheck.yaml`` and a configured ``pyproject.toml``, the YAML
    file wins, and a nearer folder always wins over a farther one. The walk stops after the first
    folder holding ``.git`` or ``.hg`` (a repository's root: a config above it belongs to someone
    else), or at the filesystem root. ``explicit`` (``--config FILE``) skips the walk entirely.

    Raises `ConfigError` with ``file:line:column`` for a config that cannot be read or is invalid.
    """
    here = _start_folder(start)
    if explicit is not None:
        path: Path | None = Path(explicit)
        root = Path(os.path.abspath(path)).parent
    else:
        path, root = _walk_up(here)
    if path is None:
        return ProjectConfig(None, root)
    return ProjectConfig(path, root, _load(str(path)))


def _start_folder(start: str | os.PathLike[str] | None) -> Path:
    try:
        here = Path(start or ".").resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before 3.13): the read reports it later
        here = Path(os.path.abspath(start or "."))
    return here if here.is_dir() else here.parent


def _walk_up(here: Path) -> tuple[Path | None, Path]:
    """(the config file or None, the project root) for the folder ``here``."""
    for folder in (here, *here.parents):
        for name in YAML_NAMES:
            if (folder / name).is_file():
                return folder / name, folder
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject, folder
        if any((folder / marker).exists() for marker in ROOT_MARKERS):
            return None, folder
    return None, here


def _load(path: str) -> Config:
    """The settings in the config file ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file ({read_failure(exc)})", path) from None
    if path.endswith(".toml"):
        table, locate = _read_toml(text, path)
    else:
        table, locate = _read_yaml(text, path)
    return _build(table, path, locate)


def _read_toml(text: str, path: str) -> tuple[dict[str, Any], Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)", str(exc))
        # "(at end of document)": point just past the last character.
        line, column = (int(found.group(1)), int(found.group(2))) if found else _end_of(text)
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise ConfigError(f"invalid TOML: {message}", path, line, column) from None
    tool = data.get("tool", {})
    table = tool.get("numcheck", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError("[tool.numcheck] must be a table", path, *_toml_position(text, None))

    def locate(*keys: str, at_key: bool = False) -> tuple[int | None, int | None]:
        found = _toml_position(text, keys[-1], at_key)
        return found if found[0] is not None else _toml_position(text, keys[0], at_key)

    return table, locate


def _end_of(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return max(len(lines), 1), len(lines[-1]) + 1


def _toml_position(text: str, key: str | None, at_key: bool = False) -> tuple[int | None, int | None]:
    """Where the value of ``key`` is written inside the ``[tool.numcheck...]`` tables (or where its
    table header, or the first such header, starts): the line and the 1-based column, so an editor
    jumps to the character to fix (the key itself with ``at_key``). tomllib keeps no positions,
    hence this scan."""
    inside = False
    header = (None, None)
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if stripped.startswith("["):
            inside = re.match(r"\[\s*tool\s*\.\s*numcheck\s*[\].]", stripped) is not None
            if inside and header[0] is None:
                header = (number, indent + 1)
            if inside and key is not None and re.match(rf"\[\s*tool\s*\.\s*numcheck\s*\.\s*\"?{re.escape(key)}\"?\s*\]",
                                                       stripped):
                return number, indent + 1
            continue
        assignment = re.match(rf"\"?{re.escape(key)}\"?\s*=\s*", stripped) if inside and key is not None else None
        if assignment:
            return number, indent + 1 + (0 if at_key else assignment.end())
    return header


def _read_yaml(text: str, path: str) -> tuple[dict[str, Any], Any]:
    try:
        document = load_yaml(text)
    except YamlError as exc:
        raise ConfigError(exc.message, path, exc.line, exc.column) from None
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError("a .numcheck.yaml must be a mapping of settings", path, 1, 1)

    def locate(*keys: str, at_key: bool = False) -> tuple[int | None, int | None]:
        return document.position(keys, key=at_key)

    return data, locate


def _build(table: dict[str, Any], path: str, locate: Any) -> Config:
    def fail(key: str | tuple[str, ...], message: str, at_key: bool = False) -> ConfigError:
        return ConfigError(message, path, *locate(*((key,) if isinstance(key, str) else key), at_key=at_key))

    for key in table:
        if key not in CONFIG_KEYS:
            hint = f"; did you mean '{key.replace('_', '-')}'?" if key.replace("_", "-") in CONFIG_KEYS else ""
            raise fail(key, f"unknown key '{key}' (expected one of: {', '.join(CONFIG_KEYS)}){hint}", at_key=True)
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("rules", "packs", "disable", "select", "include", "exclude"):
        if key in table:
            values = string_list(table[key])
            if values is None:
                raise fail(key, f"'{key}' must be a list of strings")
            lists[key] = values
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(isinstance(k, str) for k in severity):
        raise fail("severity", "'severity' must map rule ids to error, warning or info")
    for rule_id, level in severity.items():
        if level not in SEVERITIES:
            allowed = ", ".join(SEVERITIES)
            raise fail(("severity", rule_id), f"bad severity '{level}' for '{rule_id}' (expected one of: {allowed})")
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise fail("fail-on", f"bad fail-on '{fail_on}' (expected one of: {', '.join(FAIL_ON)})")
    fmt = table.get("format")
    if fmt is not None:
        from numcheck.report import CHECK_FORMATS

        if fmt not in CHECK_FORMATS:
            raise fail("format", f"unknown format '{fmt}' (expected one of: {', '.join(sorted(CHECK_FORMATS))})")
    for key, smallest in (("max-bytes", 1), ("jobs", 0)):
        value = table.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < smallest):
            raise fail(key, f"'{key}' must be a whole number of at least {smallest}")
    base = os.path.dirname(path)
    return Config(
        path=path,
        rules=tuple(p if p.startswith(PACK_PREFIX) else os.path.join(base, p) for p in lists.get("rules", ())),
        packs=lists.get("packs", ()),
        disable=lists.get("disable", ()),
        select=lists.get("select", ()),
        severity=MappingProxyType(dict(severity)),
        fail_on=fail_on,
        include=lists.get("include", ()),
        exclude=lists.get("exclude", ()),
        format=fmt,
        max_bytes=table.get("max-bytes"),
        jobs=table.get("jobs"),
    )
