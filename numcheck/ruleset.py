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
"""

from __future__ import annotations

import importlib
import importlib.resources
import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from numcheck.checks import CHECKS, CheckKind
from numcheck.checks._finding import MESSAGE_FIELDS
from numcheck.document import Document
from numcheck.errors import ConfigError, RuleFileError, read_failure
from numcheck.model import QUALIFIERS, SEVERITIES, Claim
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
WHERE_KEYS = ("noun", "unit", "qualifier", "context", "not_context", "before", "after", "pattern")
#: How far ``before``/``after`` words may be from the claim: "aged 130", "130-year-old", "25 hours a day".
NEAR_CHARS = 3
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RULE_SUFFIXES = (".yaml", ".yml")

Problem = tuple[tuple[Any, ...], str]


def _word_regex(word: str) -> str:
    """A word or phrase as a whole-word regex; "-year-old" may follow a digit directly."""
    body = r"\s+".join(re.escape(part) for part in word.split())
    head = r"(?<!\w)" if word[:1].isalnum() else ""
    tail = r"(?!\w)" if word[-1:].isalnum() else ""
    return head + body + tail


def _word_pattern(words: Sequence[str], suffix: str = "") -> re.Pattern[str] | None:
    """One case-insensitive regex matching any of ``words`` as whole words ("of the vote" too)."""
    if not words:
        return None
    alternatives = sorted((_word_regex(w) for w in words), key=len, reverse=True)
    return re.compile("(?:" + "|".join(alternatives) + ")" + suffix, re.IGNORECASE)


@dataclass(frozen=True)
class Where:
    """Which claims a rule sees. Empty tuples mean "any".

    ``nouns`` match a claim's noun exactly or as the last word of a longer noun ("state" matches
    "member state", not "statement"); ``context`` words must appear (any one, whole words, any case)
    in the claim's sentence and ``not_context`` words must not; ``before`` words must end right
    before the claim ("aged 130") and ``after`` words start inside it or right after it ("130-year-old",
    "25 hours a day"), within ``NEAR_CHARS``; ``pattern`` is a regular expression searched in the
    sentence. The patterns are compiled once, here.
    """

    nouns: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # words that must appear in the claim's sentence
    not_context: tuple[str, ...] = ()
    pattern: str = ""
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    _context_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _not_context_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _pattern_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _before_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _after_re: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_context_re", _word_pattern(self.context))
        object.__setattr__(self, "_not_context_re", _word_pattern(self.not_context))
        object.__setattr__(self, "_pattern_re", re.compile(self.pattern, re.IGNORECASE) if self.pattern else None)
        object.__setattr__(self, "_before_re", _word_pattern(self.before, rf"\W{{0,{NEAR_CHARS}}}\Z"))
        object.__setattr__(self, "_after_re", _word_pattern(self.after))

    @property
    def reads_sentence(self) -> bool:
        return bool(self.context or self.not_context or self.pattern or self.before or self.after)

    def matches_claim(self, claim: Claim) -> bool:
        """The filters that need only the claim: noun, unit and qualifier."""
        if self.units and claim.unit not in self.units:
            return False
        if self.qualifiers and claim.qualifier not in self.qualifiers:
            return False
        if self.nouns:
            if claim.noun_source == "ellipsis":
                return False  # a guessed noun is not enough to call a figure implausible
            noun = (claim.noun or "").lower()
            if not noun or not any(noun == n or noun.endswith(" " + n) for n in self.nouns):
                return False
        return True

    def matches(self, claim: Claim, document: Document, cache: dict[tuple[int, int], bool] | None = None) -> bool:
        """Whether the rule sees ``claim``. ``cache`` (one per document) keeps the sentence tests,
        so a sentence with thousands of figures is searched once per rule, not once per figure."""
        if not self.matches_claim(claim):
            return False
        if not self.reads_sentence:
            return True
        key = (id(self), claim.sentence)
        if cache is not None and key in cache:
            sentence_ok = cache[key]
        else:
            sentence_ok = self.matches_sentence(document, claim.sentence)
            if cache is not None:
                cache[key] = sentence_ok
        return sentence_ok and self._is_near(claim, document.text)

    def matches_sentence(self, document: Document, index: int) -> bool:
        """The context, not_context and pattern filters, which depend only on the sentence."""
        try:
            sentence = document.sentence_text(index)
        except IndexError:
            sentence = ""
        if self._context_re is not None and not self._context_re.search(sentence):
            return False
        if self._not_context_re is not None and self._not_context_re.search(sentence):
            return False
        return self._pattern_re is None or self._pattern_re.search(sentence) is not None

    def _is_near(self, claim: Claim, text: str) -> bool:
        if self._before_re is not None:
            if not self._before_re.search(text, max(0, claim.start - 40), claim.start):
                return False
        if self._after_re is not None:
            limit = claim.end + NEAR_CHARS
            found = self._after_re.search(text, claim.start, claim.end + 40)
            if found is None or found.start() > limit:
                return False
        return True


@dataclass(frozen=True)
class Rule:
    """A compiled rule: header fields, its check kind, and kind parameters with defaults applied."""

    id: str
    check: str
    severity: str
    message: str
    kind: CheckKind
    params: Mapping[str, Any] = field(default_factory=dict)
    where: Where = field(default_factory=Where)
    description: str = ""
    examples_pass: tuple[str, ...] = ()
    examples_fail: tuple[str, ...] = ()
    pack: str = ""
    path: str = ""
    line: int = 0
    #: The line of each example in the pack, in the order of ``examples_pass``/``examples_fail``, so
    #: ``numcheck rules validate`` can name ``file:line`` of an example that misbehaves.
    examples_pass_lines: tuple[int, ...] = ()
    examples_fail_lines: tuple[int, ...] = ()


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
    problems = [error(((k,), _unknown("key", k, PACK_KEYS)), key=True) for k in data if k not in PACK_KEYS]
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


def _unknown(what: str, name: Any, allowed: Iterable[str]) -> str:
    return f"unknown {what} '{name}' (expected one of: {', '.join(sorted(allowed))})"


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
        add(("check",), _unknown("check", check, CHECKS))
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
            problems.append(_unknown("message field", name, MESSAGE_FIELDS))
        if spec and "{" in spec:
            problems.append(f"message field '{{{name}}}' has a nested field in its format spec")
        if conversion:
            problems.append(f"message field '{{{name}}}' uses a conversion ('!{conversion}'); drop it")
    return problems


def _string_list(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def compile_where(value: Any) -> tuple[Where, list[Problem]]:
    """A `Where` from a ``where:`` mapping, with problems as (path within it, message)."""
    if not isinstance(value, dict):
        return Where(), [((), f"'where' must be a mapping of {', '.join(WHERE_KEYS)}")]
    problems: list[Problem] = [((k,), _unknown("where filter", k, WHERE_KEYS)) for k in value if k not in WHERE_KEYS]
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("noun", "unit", "qualifier", "context", "not_context", "before", "after"):
        if key in value:
            words = _string_list(value[key])
            if words is None or not all(w.strip() for w in words):
                problems.append(((key,), f"'{key}' must be a word or a list of words"))
                words = ()
            lists[key] = tuple(" ".join(w.split()) for w in words)
    bad = [q for q in lists.get("qualifier", ()) if q not in QUALIFIERS]
    if bad:
        problems.append((("qualifier",), _unknown("qualifier", bad[0], QUALIFIERS)))
    pattern = value.get("pattern", "")
    if not isinstance(pattern, str):
        problems.append((("pattern",), "'pattern' must be a regular expression string"))
        pattern = ""
    elif pattern:
        try:
            re.compile(pattern)
        except re.error as exc:
            problems.append((("pattern",), f"pattern does not compile: {exc}"))
            pattern = ""
    if problems:
        return Where(), problems
    where = Where(
        nouns=tuple(n.lower() for n in lists.get("noun", ())), units=lists.get("unit", ()),
        qualifiers=lists.get("qualifier", ()), context=lists.get("context", ()),
        not_context=lists.get("not_context", ()), pattern=pattern, before=lists.get("before", ()),
        after=lists.get("after", ()),
    )
    return where, []


def _examples(value: Any, add: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if value is None:
        return (), ()
    if not isinstance(value, dict):
        add(("examples",), "'examples' must be a mapping with 'pass' and 'fail' lists")
        return (), ()
    for key in value:
        if key not in ("pass", "fail"):
            add(("examples", key), _unknown("examples key", key, ("pass", "fail")), True)
    result = []
    for key in ("pass", "fail"):
        texts = _string_list(value.get(key, []))
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
