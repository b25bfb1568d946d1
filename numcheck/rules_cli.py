"""``numcheck rules list | validate PATH... | explain ID``: the rule packs, for the people who write them.

``list`` is a table of the loaded rules; ``validate`` loads rule files without checking any article
and prints one ``file:line:col: problem`` line per problem (exit 2) or ``ok: N rules in PATH``;
``explain`` prints a rule's description, its parameters with their defaults and its pass/fail
examples, each run live through a `Checker`, so an author sees at once whether the rule still does
what its examples promise. Exit codes follow the main CLI: 0 fine, 2 a bad file or an unknown id.

``list`` and ``explain`` see the rules as ``numcheck check`` would from the current folder: the project
config (`find_project_config`, or ``--config FILE``) adds its packs and severity overrides, and
``list`` shows a rule the config's ``select``/``disable`` turns off with the severity ``off``.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import textwrap
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tabulate import tabulate

from numcheck.checks import CHECKS
from numcheck.config import find_project_config
from numcheck.errors import RuleFileError
from numcheck.ruleset import Rule, RuleSet, Where, default_pack_paths, load_rules
from numcheck.textfile import one_line

if TYPE_CHECKING:
    from numcheck.runner import CheckerSpec

__all__ = ["run_rules_command"]

EXIT_OK, EXIT_ERROR = 0, 2


def run_rules_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one ``rules`` subcommand; `RuleFileError`s from ``list``/``explain`` reach the caller."""
    out, err = out or sys.stdout, err or sys.stderr
    command = getattr(args, "rules_command", None)
    if command == "validate":
        return validate(args.paths, out, err)
    if command in ("list", "explain"):
        project = find_project_config(None, explicit=getattr(args, "config", None))
        spec = project.checker_spec(args.rules, use_default_rules=not getattr(args, "no_default_rules", False))
        if command == "list":
            return list_rules(spec, out)
        return explain(args.rule_id, spec, out, err)
    print("numcheck rules: choose one of list, validate PATH..., explain ID", file=err)
    return EXIT_ERROR


def first_sentence(text: str, width: int = 90) -> str:
    """The description's first sentence, cut to ``width`` characters, for one row of a table."""
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(?:\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= width else sentence[: width - 1].rstrip() + "…"


def _rulesets(spec: CheckerSpec) -> tuple[RuleSet, RuleSet]:
    """(every rule the spec loads, with its severity overrides; the rules it keeps after select/disable)."""
    loaded = load_rules(list(spec.rules), use_defaults=spec.use_default_rules)
    severity = dict(spec.severity)
    return (loaded.configured(severity=severity),
            loaded.configured(select=spec.select, disable=spec.disable, severity=severity))


def list_rules(spec: CheckerSpec, out: TextIO) -> int:
    """A table of every rule ``spec`` loads; the ones its select/disable turn off show severity ``off``."""
    everything, kept = _rulesets(spec)
    on = {rule.id for rule in kept.rules}
    rows = [(r.id, r.check, r.severity if r.id in on else "off", r.pack, first_sentence(r.description))
            for r in everything.rules]
    print(tabulate(rows, headers=["id", "check", "severity", "pack", "description"], tablefmt="simple"), file=out)
    return EXIT_OK


def _default_files() -> set[str]:
    return {str(Path(str(p)).resolve()) for p in default_pack_paths()}


def validate(paths: list[str], out: TextIO, err: TextIO) -> int:
    """Validate each path on its own, then against the default packs' ids (which it will load beside)."""
    code = EXIT_OK
    defaults = None
    for path in paths:
        try:
            ruleset = load_rules([path], use_defaults=False)
        except RuleFileError as exc:
            print(exc, file=err)
            code = EXIT_ERROR
            continue
        if defaults is None:
            defaults = load_rules([], use_defaults=True)
        default_files = _default_files()
        clashes = [r for r in ruleset.rules if str(Path(r.path).resolve()) not in default_files
                   and defaults.get(r.id) is not None]
        for rule in clashes:
            first = defaults.get(rule.id)
            assert first is not None
            print(f"{rule.path}:{rule.line}: rule id '{rule.id}' is already a default rule ({first.path}:{first.line});"
                  " rename it, or load the pack with --no-default-rules", file=err)
            code = EXIT_ERROR
        if not clashes:
            count = len(ruleset.rules)
            print(f"ok: {count} rule{'s' if count != 1 else ''} in {path}", file=out)
    return code


def describe_where(where: Where) -> str:
    parts = []
    for label, values in (("noun", where.nouns), ("unit", where.units), ("qualifier", where.qualifiers),
                          ("context", where.context), ("not_context", where.not_context),
                          ("before", where.before), ("after", where.after)):
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if where.pattern:
        parts.append(f"pattern: {where.pattern}")
    return "; ".join(parts) or "every claim"


def _param_text(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_param_text(v)}" for k, v in value.items()) + "}"
    if hasattr(value, "where") and hasattr(value, "nth"):  # an expression name's selector
        return f"the claim #{value.nth} with {describe_where(value.where)}"
    if value is None:
        return "not set"
    return str(value)


def explain(rule_id: str, spec: CheckerSpec, out: TextIO, err: TextIO) -> int:
    """A rule as ``spec`` configures it; its examples run even when the project turns the rule off."""
    ruleset, kept = _rulesets(spec)
    rule = ruleset.get(rule_id)
    if rule is None:
        if rule_id in CHECKS:
            print(_kind_doc(rule_id), file=out)
            return EXIT_OK
        print(f"numcheck: unknown rule id '{one_line(rule_id)}' (see 'numcheck rules list')", file=err)
        return EXIT_ERROR
    write = lambda line="": print(line, file=out)  # noqa: E731
    severity = rule.severity if kept.get(rule.id) is not None else f"off (was {rule.severity})"
    write(f"{rule.id}  (check: {rule.check}, severity: {severity}, pack: {rule.pack}, {rule.path}:{rule.line})")
    write()
    write(textwrap.fill(rule.description or "(no description)", width=100))
    write()
    write(f"Message:    {rule.message}")
    write(f"Applies to: {describe_where(rule.where)}")
    names = (*rule.kind.params, *(k for k in rule.kind.required if k not in rule.kind.params))
    if names:
        write("Parameters:")
        for name in names:
            value = rule.params.get(name)
            note = " (default)" if name in rule.kind.params and value == rule.kind.params[name] else ""
            write(f"  {name}: {_param_text(value)}{note}")
    write()
    write("Examples, run now:")
    for line in _run_examples(rule, spec):
        write("  " + line)
    write()
    write(f"About the check '{rule.check}':")
    write(_kind_doc(rule.check))
    return EXIT_OK


def _run_examples(rule: Rule, spec: CheckerSpec) -> list[str]:
    if not rule.examples_pass and not rule.examples_fail:
        return ["(this rule has no examples)"]
    checker = replace(spec, select=(rule.id,), disable=())()
    lines = []
    for expect_finding, texts in ((False, rule.examples_pass), (True, rule.examples_fail)):
        for text in texts:
            found = [f for f in checker.check(text).findings if f.rule == rule.id]
            verdict = "ok   " if bool(found) == expect_finding else "WRONG"
            label = "fail" if expect_finding else "pass"
            detail = f" -> {found[0].message}" if found else (" -> no finding" if expect_finding else "")
            lines.append(f"{label} {verdict} {text!r}{detail}")
    return lines


def _kind_doc(kind: str) -> str:
    module = importlib.import_module(CHECKS[kind].run.__module__)
    return (module.__doc__ or "(no documentation)").strip()
