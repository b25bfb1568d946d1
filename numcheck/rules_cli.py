"""``numcheck rules list | validate PATH... | explain ID``: the rule packs, for the people who write them.

``list`` is a table of the loaded rules; ``validate`` loads rule files and runs each rule's
``examples:``, printing one ``file:line:col: problem`` line per problem of a file that does not load
(exit 2), one ``file:line: ...`` line per example that misbehaves (a ``fail:`` text without the
rule's finding, a ``pass:`` text with one; exit 1 when every file loaded), or ``ok: N rules, M
examples in PATH``; ``explain`` prints a rule's description, its parameters with their defaults and its pass/fail
examples, each run live through a `Checker`, so an author sees at once whether the rule still does
what its examples promise. Exit codes follow the main CLI: 0 fine, 1 an example misbehaves, 2 a bad
file or an unknown id (2 wins: a pack that does not load cannot have its examples trusted).

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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tabulate import tabulate

from numcheck.checks import CHECKS
from numcheck.config import find_project_config
from numcheck.errors import RuleFileError
from numcheck.figures import count_of
from numcheck.packs import PREFIX as PACK_PREFIX
from numcheck.packs import installed_packs, is_pack_name, pack_files
from numcheck.ruleset import Rule, RuleSet, Where, default_pack_paths, load_rules
from numcheck.textfile import one_line

if TYPE_CHECKING:
    from numcheck.checker import Checker
    from numcheck.runner import CheckerSpec

__all__ = ["ExampleResult", "run_examples", "run_rules_command"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
    rows = [(r.id, _check_label(r), r.severity if r.id in on else "off", r.pack, first_sentence(r.description))
            for r in everything.rules]
    print(tabulate(rows, headers=["id", "check", "severity", "pack", "description"], tablefmt="simple"), file=out)
    _list_installed(spec, out)
    return EXIT_OK


def _list_installed(spec: CheckerSpec, out: TextIO) -> None:
    """The packs installed as distributions, where each came from, and whether this project uses it.

    Each is loaded to count its files, so a pack that fails to import shows the reason here while
    the others are still listed."""
    packs = installed_packs()
    if not packs:
        return
    named = {given[len(PACK_PREFIX):] for given in spec.rules if is_pack_name(given)}
    rows = []
    for pack in packs:
        try:
            files = pack_files(PACK_PREFIX + pack.name)
            state = f"{len(files)} file{'s' if len(files) != 1 else ''}"
        except RuleFileError as exc:
            state = exc.detail
        rows.append((pack.name, pack.origin, pack.value, "used" if pack.name in named else "not used", state))
    print(f"\ninstalled packs (used only when named: --rules {PACK_PREFIX}NAME, or 'packs' in the project config):",
          file=out)
    print(tabulate(rows, headers=["pack", "from", "entry point", "status", "files"], tablefmt="simple"), file=out)


def _check_label(rule: Rule) -> str:
    """The rule's check kind; a check across articles is marked ``(frames)``: it runs in
    ``numcheck.compare_frame`` over many articles, not in ``numcheck check``."""
    return rule.check if rule.kind.scope == "claims" else f"{rule.check} (frames)"


def _default_files() -> set[str]:
    return {str(Path(str(p)).resolve()) for p in default_pack_paths()}


def validate(paths: list[str], out: TextIO, err: TextIO) -> int:
    """Validate each path on its own, then against the default packs' ids (which it will load beside),
    then run its rules' examples. 2 when any file does not load, else 1 when any example misbehaves."""
    from numcheck.runner import CheckerSpec

    loaded_ok, examples_ok = True, True
    defaults = None
    for path in paths:
        try:
            ruleset = load_rules([path], use_defaults=False)
        except RuleFileError as exc:
            print(exc, file=err)
            loaded_ok = False
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
            loaded_ok = False
        if clashes:
            continue
        checker = CheckerSpec(rules=(path,), use_default_rules=False)()
        results = [result for rule in ruleset.rules for result in run_examples(rule, checker)]
        wrong = [result for result in results if not result.ok]
        for result in wrong:
            print(result.problem(), file=out)
        examples_ok = examples_ok and not wrong
        if not wrong:
            print(f"ok: {count_of(len(ruleset.rules), 'rule')}, {count_of(len(results), 'example')} in {path}",
                  file=out)
    if not loaded_ok:
        return EXIT_ERROR
    return EXIT_OK if examples_ok else EXIT_FINDINGS


@dataclass(frozen=True)
class ExampleResult:
    """One ``pass:``/``fail:`` example of a rule, run: whether the rule fired as the example promises."""

    rule: Rule
    expect_finding: bool
    text: str
    line: int
    message: str | None  # the rule's first finding's message; None when it did not fire

    @property
    def ok(self) -> bool:
        return (self.message is not None) == self.expect_finding

    @property
    def label(self) -> str:
        return "fail" if self.expect_finding else "pass"

    def problem(self) -> str:
        """``file:line: rule-id: ...`` for an example that misbehaves."""
        what = ("gives no finding" if self.expect_finding else f"gives a finding ({self.message})")
        return f"{self.rule.path}:{self.line}: {self.rule.id}: the {self.label} example {what}: {self.text!r}"


def run_examples(rule: Rule, checker: Checker) -> list[ExampleResult]:
    """Run ``rule``'s examples through ``checker`` (which must load the rule); only its own findings count."""
    results = []
    for expect_finding, texts, lines in ((False, rule.examples_pass, rule.examples_pass_lines),
                                         (True, rule.examples_fail, rule.examples_fail_lines)):
        for index, text in enumerate(texts):
            found = _example_findings(rule, text, checker)
            line = lines[index] if index < len(lines) else rule.line
            results.append(ExampleResult(rule, expect_finding, text, line, found[0] if found else None))
    return results


def describe_where(where: Where) -> str:
    parts = []
    for label, values in (("noun", where.nouns), ("unit", where.units), ("qualifier", where.qualifiers),
                          ("context", where.context), ("not_context", where.not_context),
                          ("clause", where.clause), ("not_clause", where.not_clause),
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
    for result in run_examples(rule, checker):
        verdict = "ok   " if result.ok else "WRONG"
        detail = f" -> {result.message}" if result.message else (" -> no finding" if result.expect_finding else "")
        lines.append(f"{result.label} {verdict} {result.text!r}{detail}")
    return lines


def _example_findings(rule: Rule, text: str, checker: Any) -> list[str]:
    """The messages ``rule`` gives on one example; a check across articles reads the example as
    articles separated by ``---`` (`numcheck.frame.frame_example`)."""
    if rule.kind.scope == "frames":
        from numcheck.frame import frame_example

        return frame_example(rule, text, checker)
    return [f.message for f in checker.check(text).findings if f.rule == rule.id]


def _kind_doc(kind: str) -> str:
    module = importlib.import_module(CHECKS[kind].run.__module__)
    return (module.__doc__ or "(no documentation)").strip()
