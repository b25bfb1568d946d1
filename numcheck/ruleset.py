"""Load, validate and compile YAML rule packs.

A rule pack is a YAML file with ``pack``, ``description`` and a list of ``rules``. Every rule has
the header keys ``id``, ``check``, ``severity`` and ``message``, optional ``where``,
``description`` and ``examples``, and then the flat parameters of its check kind (``tolerance``,
``min``...).

Rules are validated and compiled once, when they load (Vale's lesson), and every problem of every
file is collected, so a user fixes a pack in one pass; each is a `RuleFileError` naming
``file:line:col``, never a surprise halfway through an archive. Validation has two layers:

- the JSON Schema generated from the check registry (`numcheck.rules_schema`): keys, types,
  allowed values, each kind's parameters. Nothing here repeats it;
- what a schema cannot say, here: message fields and format widths, NaN and infinite numbers,
  ``where.pattern`` compiled by RE2, duplicate ids, and each kind's own ``compile`` step (the
  ``expression`` kind parses its expression there).

Parameter defaults come from the kind's ``CheckKind.params`` and are filled in before a check
ever sees the rule. The compiled `Rule` and its `Where` filter live in `numcheck.rule`
(re-exported here), below both this loader and the check modules.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from numcheck.checks import CHECKS, CheckKind
from numcheck.errors import ConfigError, RuleFileError, read_failure
from numcheck.model import SEVERITIES
from numcheck.packs import is_pack_name, pack_files
from numcheck.rule import WHERE_KEYS, Problem, Rule, Where, compile_where, string_list, unknown_choice
from numcheck.rules_schema import HEADER_KEYS, PACK_KEYS, finite_problems, is_prevalidated, validate
from numcheck.textfile import TextError, read_text_file
from numcheck.vocabulary import MESSAGE_FIELDS
from numcheck.yamlload import MAX_BYTES, YamlError, load_yaml

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
    "message_problems",
    "parse_pack",
]

_RULE_SUFFIXES = (".yaml", ".yml")
#: How the shipped packs are named in messages: where they live in the repository.
_SHIPPED = "rules/"


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...] = ()

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def of_scope(self, scope: str) -> tuple[Rule, ...]:
        """The rules whose check runs on one article (``"claims"``) or across articles (``"frames"``)."""
        return tuple(r for r in self.rules if r.kind.scope == scope)

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
    if os.path.isdir(candidate):  # not Path.is_dir, which raises for a name too long: reading reports it
        yield from sorted(p for p in candidate.rglob("*") if p.suffix in _RULE_SUFFIXES and p.is_file())
    else:
        yield candidate


def _display(path: Any) -> str:
    """Default packs are shown as ``rules/<name>`` (where they live in the repository)."""
    text = str(path)
    folder = str(importlib.resources.files("numcheck.rules"))
    if text.startswith(folder):
        return _SHIPPED + text[len(folder):].lstrip("/\\")
    return text


def load_rules(
    paths: Sequence[str], use_defaults: bool = True, checks: Mapping[str, CheckKind] | None = None
) -> RuleSet:
    """Load the default packs (unless ``use_defaults`` is False) and every pack under ``paths``:
    files, folders, or ``pack:NAME`` for an installed pack (`numcheck.packs`).

    ``checks`` is the registry of check kinds (default: `numcheck.checks.CHECKS`); a test or a
    plugin passes a registry with kinds of its own, and ruleset.py needs no change for them.

    Raises one `RuleFileError` carrying every problem found (``.problems``; its str() is one line
    per problem) when any file is bad; a duplicate rule id across packs is a problem too.
    """
    sources: list[tuple[str, Any]] = [(_display(p), p) for p in default_pack_paths()] if use_defaults else []
    problems: list[RuleFileError] = []
    for given in paths:
        if is_pack_name(given):
            try:
                sources.extend((str(p), p) for p in pack_files(given))
            except RuleFileError as exc:  # reported; the other packs still load
                problems.append(exc)
            continue
        sources.extend((str(p), p) for p in _expand(given))
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for display, path in sources:
        try:
            text = read_text_file(path, MAX_BYTES, "a rule file")  # /dev/zero is refused, not read whole
        except FileNotFoundError:
            problems.append(RuleFileError(display, None, "no such rule file or folder"))
            continue
        except OSError as exc:
            problems.append(RuleFileError(display, None, f"cannot read rule file ({read_failure(exc)})"))
            continue
        except TextError as exc:
            problems.append(RuleFileError(display, exc.line, exc.message))
            continue
        shipped = display.removeprefix(_SHIPPED) if display.startswith(_SHIPPED) else None
        trusted = checks is None and shipped is not None and is_prevalidated(shipped, text)
        loaded, found = parse_pack(text, display, checks, trusted=trusted)
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


def parse_pack(
    text: str, path: str, checks: Mapping[str, CheckKind] | None = None, *, trusted: bool = False
) -> tuple[list[Rule], list[RuleFileError]]:
    """The valid rules of one pack and a problem for each invalid thing in it (nothing is raised).

    ``checks`` is the registry of check kinds the pack may use (default: `numcheck.checks.CHECKS`).
    ``trusted`` skips the schema, for a shipped pack whose exact text was validated against the
    shipped schema when it was generated (`numcheck.rules_schema.is_prevalidated`).
    """
    rules, problems = _parse_pack(text, path, CHECKS if checks is None else checks, trusted)
    problems.sort(key=lambda e: (e.line or 0, e.column or 0))
    return rules, problems


def _parse_pack(
    text: str, path: str, checks: Mapping[str, CheckKind], trusted: bool
) -> tuple[list[Rule], list[RuleFileError]]:
    try:
        document = load_yaml(text)
    except YamlError as exc:
        return [], [RuleFileError(path, exc.line, exc.message, exc.column)]

    def error(at: tuple[Any, ...], message: str, key: bool = False) -> RuleFileError:
        line, column = document.position(at, key=key)
        return RuleFileError(path, line, message, column)

    data = document.data
    found = [] if trusted else validate(data, checks, MESSAGE_FIELDS)
    problems = [error(at, message, key) for at, message, key in found]
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return [], problems
    pack = data.get("pack")
    pack = pack if isinstance(pack, str) else Path(path).stem
    bad_rules = {at[1] for at, _, _ in found if len(at) > 1 and at[0] == "rules"}
    rules: list[Rule] = []
    ids_here: dict[str, int] = {}
    for index, item in enumerate(data["rules"]):
        at = ("rules", index)
        rule, own = _compile_rule(item, document.position(at)[0], checks, pack, path, valid=index not in bad_rules)
        problems.extend(error((*at, *sub), message, key=sub[:1] == ("where",)) for sub, message in own)
        if rule is None:
            continue
        # `rules validate` names the line of an example that misbehaves, so each example keeps its line.
        pass_lines, fail_lines = (tuple(document.position((*at, "examples", key, i))[0] for i in range(len(texts)))
                                  for key, texts in (("pass", rule.examples_pass), ("fail", rule.examples_fail)))
        rule = replace(rule, examples_pass_lines=pass_lines, examples_fail_lines=fail_lines)
        if rule.id in ids_here:
            first = ids_here[rule.id]
            problems.append(error((*at, "id"), f"duplicate rule id '{rule.id}' (first defined on line {first})"))
            continue
        ids_here[rule.id] = rule.line
        rules.append(rule)
    return rules, problems


def _compile_rule(
    item: Any, line: int, checks: Mapping[str, CheckKind], pack: str, path: str, valid: bool
) -> tuple[Rule | None, list[Problem]]:
    """One rule the schema has validated (``valid``: without errors), or None, with the problems
    only Python can find: message fields and widths, NaN/inf, ``where.pattern``, the kind's compile.
    A ``where`` problem points at its key, the others at the value."""
    if not isinstance(item, dict):
        return None, []
    problems: list[Problem] = []
    message = item.get("message")
    if isinstance(message, str):
        problems.extend((("message",), text) for text in message_problems(message))
    where, found = compile_where(item.get("where"))
    problems.extend((("where", *sub), text) for sub, text in found)
    params_given = {k: v for k, v in item.items() if k not in HEADER_KEYS}
    problems.extend(finite_problems(params_given))
    check = item.get("check")
    kind = checks.get(check) if isinstance(check, str) else None
    if not valid or problems or kind is None:
        return None, problems
    params: dict[str, Any] = {**kind.params, **params_given}
    if kind.compile is not None:
        params, found = kind.compile(params)
        problems.extend(found)
        if problems:
            return None, problems
    examples = item.get("examples") or {}
    rule = Rule(
        id=item["id"], check=kind.name, severity=item["severity"], message=message, kind=kind,
        params=MappingProxyType(params), where=where, description=(item.get("description") or "").strip(),
        examples_pass=string_list(examples.get("pass", [])) or (),
        examples_fail=string_list(examples.get("fail", [])) or (),
        pack=pack, path=path, line=line,
    )
    return rule, problems


#: The widest field a message may pad to: a line of a report, not ``{text:>400000000}`` (400 MB).
MAX_FORMAT_WIDTH = 200
_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d*))?[a-zA-Z%]?")


def message_problems(message: str) -> list[str]:
    """What is wrong with a message template: unknown or positional fields, attribute access,
    conversions, nested fields, and widths or precisions past ``MAX_FORMAT_WIDTH``."""
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
        elif spec:
            shape = _SPEC.fullmatch(spec)
            sizes = [int(n) for n in (shape.group("width"), shape.group("precision")) if n] if shape else []
            if any(n > MAX_FORMAT_WIDTH for n in sizes):
                problems.append(f"message field '{{{name}}}' has a width or precision over {MAX_FORMAT_WIDTH} "
                                f"in '{{{name}:{spec}}}'")
        if conversion:
            problems.append(f"message field '{{{name}}}' uses a conversion ('!{conversion}'); drop it")
    return problems
