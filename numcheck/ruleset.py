"""Load, validate and compile YAML rule packs.

A rule pack is a YAML file with ``pack``, ``description`` and a list of ``rules``. Every rule has
the header keys ``id``, ``check``, ``severity`` and ``message``, optional ``where``,
``description`` and ``examples``, and then the flat parameters of its check kind (``tolerance``,
``min``...). The JSON Schema for editors is ``numcheck/rules.schema.json``; a test keeps it in step
with ``HEADER_KEYS``, the severities and the check registry.

Rules are validated and compiled once, when they load (Vale's lesson): an unknown check kind, a
missing or mistyped field, a duplicate id, a message naming an unknown field, a ``where`` pattern
that does not compile or an ``expression`` outside the grammar is a `RuleFileError` naming
``file:line:col``, never a surprise halfway through an archive. All problems of all files are
collected, so a user fixes a pack in one pass. Parameter defaults live here only: they come from
the kind's ``CheckKind.params`` and are filled in before a check ever sees the rule.

A check module may define ``compile_params(params) -> (params, problems)`` to validate and compile
its own parameters (the ``expression`` kind parses its expression there); ``problems`` are
``(path, message)`` pairs, the path relative to the rule, so the error can point at the key.

The compiled `Rule` and its `Where` filter live in `numcheck.rule` (re-exported here), below both
this loader and the check modules, so a check that compiles a ``where`` never imports the loader.
"""

from __future__ import annotations

import importlib
import importlib.resources
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from numcheck.checks import CHECKS, CheckKind
from numcheck.checks._finding import MESSAGE_FIELDS
from numcheck.errors import ConfigError, RuleFileError, read_failure
from numcheck.model import SEVERITIES
from numcheck.rule import WHERE_KEYS, Problem, Rule, Where, compile_where, string_list, unknown_choice
from numcheck.yamlload import YamlDocument, YamlError, load_yaml

__all__ = [
    "HEADER_KEYS",
    "PACK_KEYS",
    "WHERE_KEYS",
    "Rule",
    "RuleSet",
    "Where",
    "compile_where",
    "default_pack_paths",
    "load_rules",
]

#: Keys every rule may have whatever its check kind. Keep in sync with rules.schema.json.
HEADER_KEYS = ("id", "check", "severity", "message", "where", "description", "examples")
REQUIRED_KEYS = ("id", "check", "severity", "message")
PACK_KEYS = ("pack", "description", "rules")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RULE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...] = ()

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def configured(
        self, select: Iterable[str] = (), disable: Iterable[str] = (), severity: dict[str, str] | None = None
    ) -> RuleSet:
        """The rules left after ``select`` and ``disable`` (rule ids or check kinds), with severities
        overridden (by rule id, or by check kind for every rule of it; the id wins).

        An unknown id or kind raises `ConfigError` naming it, so a typo in CI config fails loudly
        instead of silently checking less.
        """
        select, disable, severity = tuple(select), tuple(disable), dict(severity or {})
        known = self.ids | frozenset(CHECKS)
        unknown = sorted({name for name in (*select, *disable, *severity) if name not in known})
        if unknown:
            raise ConfigError(
                f"unknown rule id or check kind: {', '.join(unknown)} (see 'numcheck rules list' for the rule ids; "
                f"check kinds: {', '.join(sorted(CHECKS))})"
            )
        bad = sorted(f"{k}={v}" for k, v in severity.items() if v not in SEVERITIES)
        if bad:
            raise ConfigError(f"bad severity {', '.join(bad)} (expected one of: {', '.join(SEVERITIES)})")
        kept = []
        for rule in self.rules:
            names = {rule.id, rule.check}
            if select and not names & set(select):
                continue
            if names & set(disable):
                continue
            level = severity.get(rule.id) or severity.get(rule.check)
            if level and level != rule.severity:
                rule = replace(rule, severity=level)
            kept.append(rule)
        return RuleSet(tuple(kept))


# --- loading ---------------------------------------------------------------------------------------


def default_pack_paths() -> list[Any]:
    """The bundled packs (``rules/*.yaml``, shipped as the package ``numcheck.rules``)."""
    folder = importlib.resources.files("numcheck.rules")
    return sorted((p for p in folder.iterdir() if p.name.endswith(_RULE_SUFFIXES)), key=lambda p: p.name)


def _expand(path: str) -> Iterator[Path]:
    candidate = Path(path)
    if candidate.is_dir():
        yield from sorted(p for p in candidate.rglob("*") if p.suffix in _RULE_SUFFIXES and p.is_file())
    else:
        yield candidate


def _display(path: Any) -> str:
    """Default packs are shown as ``rules/<name>`` (where they live in the repository)."""
    text = str(path)
    folder = str(importlib.resources.files("numcheck.rules"))
    if text.startswith(folder):
        return "rules/" + text[len(folder):].lstrip("/\\")
    return text


def load_rules(paths: Sequence[str], use_defaults: bool = True) -> RuleSet:
    """Load the default packs (unless ``use_defaults`` is False) and every pack under ``paths``.

    Raises one `RuleFileError` carrying every problem found (``.problems``; its str() is one line
    per problem) when any file is bad; a duplicate rule id across packs is a problem too.
    """
    sources: list[tuple[str, Any]] = [(_display(p), p) for p in default_pack_paths()] if use_defaults else []
    for given in paths:
        sources.extend((str(p), p) for p in _expand(given))
    rules: list[Rule] = []
    problems: list[RuleFileError] = []
    seen: dict[str, Rule] = {}
    for display, path in sources:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(RuleFileError(display, None, "no such rule file or folder"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(RuleFileError(display, None, f"cannot read rule file ({read_failure(exc)})"))
            continue
        loaded, found = parse_pack(text, display)
        problems.extend(found)
        for rule in loaded:
            if rule.id in seen:
                first = seen[rule.id]
                problems.append(RuleFileError(display, rule.line, f"duplicate rule id '{rule.id}' "
                                              f"(already defined in {first.path}:{first.line})", 5))
                continue
            seen[rule.id] = rule
            rules.append(rule)
    if problems:
        raise RuleFileError.several(problems)
    return RuleSet(tuple(rules))


def parse_pack(text: str, path: str) -> tuple[list[Rule], list[RuleFileError]]:
    """The valid rules of one pack and a problem for each invalid thing in it (nothing is raised)."""
    rules, problems = _parse_pack(text, path)
    problems.sort(key=lambda e: (e.line or 0, e.column or 0))
    return rules, problems


def _parse_pack(text: str, path: str) -> tuple[list[Rule], list[RuleFileError]]:
    try:
        document = load_yaml(text)
    except YamlError as exc:
        return [], [RuleFileError(path, exc.line, exc.message, exc.column)]

    def error(item: Problem, key: bool = False) -> RuleFileError:
        line, column = document.position(item[0], key=key)
        return RuleFileError(path, line, item[1], column)

    data = document.data
    if not isinstance(data, dict):
        return [], [error(((), "a rule pack must be a mapping with 'pack', 'description' and 'rules'"))]
    problems = [error(((k,), unknown_choice("key", k, PACK_KEYS)), key=True) for k in data if k not in PACK_KEYS]
    pack = data.get("pack", Path(path).stem)
    if not isinstance(pack, str):
        problems.append(error((("pack",), "'pack' must be a string")))
        pack = Path(path).stem
    if not isinstance(data.get("description", ""), str):
        problems.append(error((("description",), "'description' must be a string")))
    items = data.get("rules")
    if not isinstance(items, list):
        problems.append(error(((), "missing 'rules' (a list of rules)") if items is None
                              else (("rules",), "'rules' must be a list of rules")))
        return [], problems
    rules: list[Rule] = []
    ids_here: dict[str, int] = {}
    for index, item in enumerate(items):
        rule, found = _compile_rule(item, document, ("rules", index), pack, path)
        problems.extend(error(p, key=k) for p, k in found)
        if rule is not None:
            if rule.id in ids_here:
                problems.append(error(((*("rules", index), "id"),
                                       f"duplicate rule id '{rule.id}' (first defined on line {ids_here[rule.id]})")))
                continue
            ids_here[rule.id] = rule.line
            rules.append(rule)
    return rules, problems


def _compile_rule(
    item: Any, document: YamlDocument, at: tuple[Any, ...], pack: str, path: str
) -> tuple[Rule | None, list[tuple[Problem, bool]]]:
    """One rule, or None with the problems found; each problem flags whether it points at a key."""
    problems: list[tuple[Problem, bool]] = []

    def add(sub: tuple[Any, ...], message: str, key: bool = False) -> None:
        problems.append((((*at, *sub), message), key))

    if not isinstance(item, dict):
        add((), "a rule must be a mapping with id, check, severity and message")
        return None, problems
    for name in REQUIRED_KEYS:
        if name not in item:
            add((), f"missing field '{name}'")
    for name in ("id", "check", "severity", "message", "description"):
        if name in item and not isinstance(item[name], str):
            add((name,), f"'{name}' must be a string, not {_type_name(item[name])}")
    rule_id, check, severity, message = (item.get(k) for k in ("id", "check", "severity", "message"))
    if isinstance(rule_id, str) and not _ID.fullmatch(rule_id):
        add(("id",), f"rule id '{rule_id}' must be kebab-case (lower-case words joined by '-')")
    if isinstance(severity, str) and severity not in SEVERITIES:
        add(("severity",), f"bad severity '{severity}' (expected one of: {', '.join(SEVERITIES)})")
    if isinstance(message, str):
        for problem in _message_problems(message):
            add(("message",), problem)
    kind = CHECKS.get(check) if isinstance(check, str) else None
    if isinstance(check, str) and kind is None:
        add(("check",), unknown_choice("check", check, CHECKS))
    where = Where()
    if "where" in item:
        where, found = compile_where(item["where"])
        for sub, text in found:
            add(("where", *sub), text, True)
    examples_pass, examples_fail = _examples(item.get("examples"), add)
    params: dict[str, Any] = {}
    if kind is not None:
        params = _params(item, kind, add)
    if problems or kind is None:
        return None, problems
    line, _ = document.position(at)
    pass_lines, fail_lines = (tuple(document.position((*at, "examples", key, i))[0] for i in range(len(texts)))
                              for key, texts in (("pass", examples_pass), ("fail", examples_fail)))
    rule = Rule(
        id=rule_id, check=check, severity=severity, message=message, kind=kind,
        params=MappingProxyType(params), where=where, description=(item.get("description") or "").strip(),
        examples_pass=examples_pass, examples_fail=examples_fail, pack=pack, path=path, line=line,
        examples_pass_lines=pass_lines, examples_fail_lines=fail_lines,
    )
    return rule, problems


def _type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean", type(None): "empty",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _message_problems(message: str) -> list[str]:
    try:
        parsed = list(string.Formatter().parse(message))
    except ValueError as exc:
        return [f"message is not a valid template ({exc}); write '{{{{' for a literal brace"]
    problems = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name == "" or name.isdigit():
            problems.append("message has a positional field '{}'; name one of: " + ", ".join(sorted(MESSAGE_FIELDS)))
        elif not name.isidentifier():
            problems.append(f"message field '{{{name}}}' uses attribute or index access; use a plain field name")
        elif name not in MESSAGE_FIELDS:
            problems.append(unknown_choice("message field", name, MESSAGE_FIELDS))
        if spec and "{" in spec:
            problems.append(f"message field '{{{name}}}' has a nested field in its format spec")
        if conversion:
            problems.append(f"message field '{{{name}}}' uses a conversion ('!{conversion}'); drop it")
    return problems


def _examples(value: Any, add: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if value is None:
        return (), ()
    if not isinstance(value, dict):
        add(("examples",), "'examples' must be a mapping with 'pass' and 'fail' lists")
        return (), ()
    for key in value:
        if key not in ("pass", "fail"):
            add(("examples", key), unknown_choice("examples key", key, ("pass", "fail")), True)
    result = []
    for key in ("pass", "fail"):
        texts = string_list(value.get(key, []))
        if texts is None:
            add(("examples", key), f"'examples.{key}' must be a list of texts")
            texts = ()
        result.append(texts)
    return result[0], result[1]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _params(item: dict[str, Any], kind: CheckKind, add: Any) -> dict[str, Any]:
    """The kind's parameters: defaults from ``kind.params``, overridden by the rule, then compiled."""
    allowed = (*kind.params, *kind.required)
    params = dict(kind.params)
    for key, value in item.items():
        if key in HEADER_KEYS:
            continue
        if key not in allowed:
            hint = f"expected one of: {', '.join(sorted(allowed))}" if allowed else "it takes no parameters"
            add((key,), f"unknown parameter '{key}' for check '{kind.name}' ({hint})", True)
            continue
        default = kind.params.get(key)
        if _is_number(default) and not _is_number(value):
            add((key,), f"'{key}' must be a number, not {_type_name(value)}")
            continue
        if isinstance(default, bool) and not isinstance(value, bool):
            add((key,), f"'{key}' must be true or false, not {_type_name(value)}")
            continue
        if isinstance(default, str) and not isinstance(value, str):
            add((key,), f"'{key}' must be a string, not {_type_name(value)}")
            continue
        params[key] = value
    for key in kind.required:
        if key not in item:
            add((), f"missing field '{key}' (required by check '{kind.name}')")
    compile_params = getattr(importlib.import_module(kind.run.__module__), "compile_params", None)
    if compile_params is not None and all(k in params for k in kind.required):
        params, found = compile_params(params)
        for sub, text in found:
            add(sub, text)
    return params
