"""The JSON Schema of a rule pack, generated from the check registry, and its errors in words.

One source of truth: every `CheckKind` declares its parameters' schema fragments, and
`build_schema` assembles the pack schema from them plus the header keys every rule shares. The
shipped ``numcheck/rules.schema.json`` (for editors: VS Code's YAML extension, JetBrains) is this
function's output; a test fails when the file is stale. Regenerate it with::

    python -m numcheck.rules_schema --write

which also records the digests of the shipped packs, validated, in ``numcheck/rules.validated``
(see `is_prevalidated`).

`validate` runs ``jsonschema`` over a loaded pack and turns each error into a ``(path, message,
at_key)`` problem worded as a person would ("bad severity 'warn' (expected one of: info, warning,
error)"), so the loader can point at ``file:line:col``. The wording lives in the schema itself,
under the ``errorMessage`` keyword (the convention of ajv-errors; validators ignore it), keyed by
the failing keyword (``"*"`` for any), so a check kind words its own parameters' errors.
``jsonschema`` is imported only when a pack is validated: ``import numcheck`` stays fast.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from numcheck.checks.kind import CheckKind
from numcheck.rule import WHERE_KEYS
from numcheck.vocabulary import MESSAGE_FIELDS, QUALIFIERS, SEVERITIES

__all__ = [
    "HEADER_KEYS",
    "ID_PATTERN",
    "PACK_KEYS",
    "REQUIRED_KEYS",
    "SchemaProblem",
    "build_schema",
    "finite_problems",
    "is_prevalidated",
    "schema_text",
    "validate",
    "validated_text",
    "write_generated",
]

#: Keys every rule may have whatever its check kind; any other key is a parameter of its kind.
HEADER_KEYS = ("id", "check", "severity", "message", "where", "description", "examples")
REQUIRED_KEYS = ("id", "check", "severity", "message")
PACK_KEYS = ("pack", "description", "rules")
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
SCHEMA_ID = "https://github.com/numcheck/numcheck/blob/main/numcheck/rules.schema.json"

#: (path of keys in the pack, message, whether the problem is at the key rather than the value).
SchemaProblem = tuple[tuple[Any, ...], str, bool]

_EXPECTED = {"string": "a string", "number": "a number", "integer": "a whole number", "boolean": "true or false",
             "object": "a mapping", "array": "a list", "null": "empty"}
_DEFAULT_MESSAGES = {
    "type": "'{key}' must be {expected}, not {actual}",
    "enum": "'{key}' must be one of: {allowed}",
    "required": "missing field '{missing}'",
    "additionalProperties": "unknown key '{extra}' (expected one of: {allowed_sorted})",
    "minimum": "'{key}' must be at least {limit}",
    "maximum": "'{key}' must be at most {limit}",
    "maxLength": "'{key}' is longer than {limit} characters",
    "minLength": "'{key}' must not be empty",
}


def _words(description: str = "") -> dict[str, Any]:
    schema: dict[str, Any] = {"$ref": "#/$defs/words"}
    if description:
        schema["description"] = description
    return schema


def _definitions() -> dict[str, Any]:
    """The shared parts: word lists, qualifiers, ``where`` and ``examples``."""
    def texts(key: str) -> dict[str, Any]:
        """A list of example texts, or one text on its own."""
        message = {"*": f"'examples.{key}' must be a list of texts"}
        return {"type": ["array", "string"], "items": {"type": "string", "errorMessage": message},
                "errorMessage": message}

    return {
        "words": {
            "type": ["string", "array"], "minLength": 1, "pattern": r"\S",
            "items": {"type": "string", "minLength": 1, "pattern": r"\S",
                      "errorMessage": {"*": "'{key}' must be a word or a list of words"}},
            "errorMessage": {"*": "'{key}' must be a word or a list of words"},
        },
        "qualifier": {
            "type": "string", "enum": list(QUALIFIERS),
            "errorMessage": {"enum": "unknown qualifier '{value}' (expected one of: {allowed_sorted})",
                             "type": "'{key}' must be a word or a list of words"},
        },
        "qualifiers": {
            "type": ["string", "array"],
            "if": {"type": "string"}, "then": {"$ref": "#/$defs/qualifier"},
            "items": {"$ref": "#/$defs/qualifier"},
            "errorMessage": {"type": "'{key}' must be a word or a list of words"},
        },
        "where": {
            "type": "object",
            "description": "Which claims the rule sees; every filter given must match.",
            "additionalProperties": False,
            "properties": {
                "noun": _words("Noun lemmas; 'state' also matches 'member state'."),
                "unit": _words("Canonical units: count, percent, percentage_point, EUR, degree Celsius..."),
                "qualifier": {"$ref": "#/$defs/qualifiers"},
                "context": _words("Any one of these words must be in the claim's sentence."),
                "not_context": _words("None of these words may be in the claim's sentence."),
                "clause": _words("Any one of these words (or their singular) must be in the claim's own clause."),
                "not_clause": _words("None of these words (or their singular) may be in the claim's own clause."),
                "before": _words("Words that end right before the claim ('aged 130')."),
                "after": _words("Words that start in or right after the claim ('130-year-old', '25 hours a day')."),
                "pattern": {"type": "string", "description": "A regular expression (RE2 syntax: no back-references "
                            "or look-around) searched in the claim's sentence, case-insensitive.",
                            "errorMessage": {"type": "'pattern' must be a regular expression string"}},
            },
            "errorMessage": {
                "type": f"'where' must be a mapping of {', '.join(WHERE_KEYS)}",
                "additionalProperties": "unknown where filter '{extra}' (expected one of: {allowed_sorted})",
            },
        },
        "examples": {
            "type": "object",
            "description": "Texts the rule must pass and fail; `numcheck rules validate` and the tests run them.",
            "additionalProperties": False,
            "properties": {
                "pass": texts("pass"),
                "fail": texts("fail"),
            },
            "errorMessage": {
                "type": "'examples' must be a mapping with 'pass' and 'fail' lists",
                "additionalProperties": "unknown examples key '{extra}' (expected one of: {allowed_sorted})",
            },
        },
    }


def _kind_schema(kind: CheckKind) -> dict[str, Any]:
    """The parameters of one kind; the header keys are allowed beside them."""
    names = sorted({*kind.params, *kind.required})
    hint = f"expected one of: {', '.join(names)}" if names else "it takes no parameters"
    schema: dict[str, Any] = {
        "description": f"The parameters of check '{kind.name}' ({kind.scope}).",
        "properties": {**dict.fromkeys(HEADER_KEYS, True), **{n: dict(kind.schema[n]) for n in names}},
        "additionalProperties": False,
        "errorMessage": {
            "additionalProperties": f"unknown parameter '{{extra}}' for check '{kind.name}' ({hint})",
            "required": f"missing field '{{missing}}' (required by check '{kind.name}')",
        },
    }
    if kind.required:
        schema["required"] = list(kind.required)
    return schema


def build_schema(kinds: Mapping[str, CheckKind], message_fields: Iterable[str] = ()) -> dict[str, Any]:
    """The JSON Schema of a rule pack whose rules may use the check kinds ``kinds``."""
    names = sorted(kinds)
    fields = ", ".join(sorted(message_fields))
    rule = {
        "type": "object",
        "required": list(REQUIRED_KEYS),
        "description": "Header keys below; the other keys are the parameters of the rule's check kind.",
        "properties": {
            "id": {"type": "string", "pattern": ID_PATTERN, "errorMessage": {
                "pattern": "rule id '{value}' must be kebab-case (lower-case words joined by '-')"}},
            "check": {"type": "string", "enum": names,
                      "errorMessage": {"enum": "unknown check '{value}' (expected one of: {allowed_sorted})"}},
            "severity": {"type": "string", "enum": list(SEVERITIES),
                         "errorMessage": {"enum": "bad severity '{value}' (expected one of: {allowed})"}},
            "message": {"type": "string", "description": f"A str.format template over: {fields}."},
            "where": {"$ref": "#/$defs/where"},
            "description": {"type": "string"},
            "examples": {"$ref": "#/$defs/examples"},
        },
        "allOf": [
            {"if": {"properties": {"check": {"const": name}}, "required": ["check"]},
             "then": {"$ref": f"#/$defs/check-{name}"}}
            for name in names
        ],
        "errorMessage": {"type": "a rule must be a mapping with id, check, severity and message"},
    }
    definitions = {**_definitions(), "rule": rule}
    definitions.update({f"check-{name}": _kind_schema(kinds[name]) for name in names})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "numcheck rule pack",
        "description": "A YAML pack of numcheck rules. Generated from the check registry by "
                       "`python -m numcheck.rules_schema`; do not edit by hand.",
        "type": "object",
        "additionalProperties": False,
        "required": ["rules"],
        "properties": {
            "pack": {"type": "string", "description": "The pack's name (default: the file name without its suffix)."},
            "description": {"type": "string"},
            "rules": {"type": "array", "items": {"$ref": "#/$defs/rule"},
                      "errorMessage": {"type": "'rules' must be a list of rules"}},
        },
        "errorMessage": {
            "type": "a rule pack must be a mapping with 'pack', 'description' and 'rules'",
            "required": "missing 'rules' (a list of rules)",
            "additionalProperties": "unknown key '{extra}' (expected one of: {allowed_sorted})",
        },
        "$defs": definitions,
    }


def schema_text(kinds: Mapping[str, CheckKind], message_fields: Iterable[str] = ()) -> str:
    """`build_schema` as the text of ``numcheck/rules.schema.json``."""
    import json

    return json.dumps(build_schema(kinds, message_fields), indent=2, ensure_ascii=False) + "\n"


def _inline(node: Any, definitions: Mapping[str, Any]) -> Any:
    """``node`` with every ``$ref`` to ``#/$defs/...`` replaced by the definition (none recurse)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = _inline(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
            return {**target, **{k: _inline(v, definitions) for k, v in node.items() if k != "$ref"}}
        return {k: _inline(v, definitions) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, definitions) for v in node]
    return node


class _Validators:
    """The generated schema cut for speed: the pack without its rules, and for each check kind one
    flat schema of a rule of that kind (header and parameters side by side, references inlined).

    They are parts of `build_schema`'s output, so they accept and refuse exactly what it does;
    validating rule by rule against the kind the rule names skips the schema's ``if``/``then`` per
    kind, which cost more than parsing the YAML (``benchmarks/bench_rules.py``).
    """

    def __init__(self, kinds: Mapping[str, CheckKind], message_fields: Iterable[str]) -> None:
        validator_class = _validator_class()
        schema = build_schema(kinds, message_fields)
        definitions = schema.pop("$defs")
        rule = _inline({k: v for k, v in definitions["rule"].items() if k != "allOf"}, definitions)
        schema["properties"]["rules"] = {k: v for k, v in schema["properties"]["rules"].items() if k != "items"}
        self.pack = validator_class(schema)
        self.rule = validator_class(rule)
        self.kinds = {}
        for name in kinds:
            params = _inline(definitions[f"check-{name}"], definitions)
            flat = {**rule, "properties": {**rule["properties"], **{k: v for k, v in params["properties"].items()
                                                                      if v is not True}},
                    "additionalProperties": False,
                    "errorMessage": {**rule["errorMessage"], **params["errorMessage"]}}
            if "required" in params:
                flat["allOf"] = [{"required": params["required"], "errorMessage": params["errorMessage"]}]
            self.kinds[name] = validator_class(flat)

    def iter_errors(self, data: Any) -> Iterator[tuple[tuple[Any, ...], Any]]:
        """(path prefix, error) for every error of the pack ``data``."""
        yield from (((), e) for e in self.pack.iter_errors(data))
        items = data.get("rules") if isinstance(data, dict) else None
        if not isinstance(items, list):
            return
        for index, item in enumerate(items):
            check = item.get("check") if isinstance(item, dict) else None
            validator = self.kinds.get(check, self.rule) if isinstance(check, str) else self.rule
            yield from ((("rules", index), e) for e in validator.iter_errors(item))


_PLAIN = frozenset({"type", "minLength", "pattern", "description", "errorMessage"})


def _plain_strings(schema: Any, instance: Any) -> bool:
    """Whether every item of ``instance`` is a string that ``schema`` (type string, optionally a
    ``minLength`` and a ``pattern``) accepts, checked without jsonschema's per-item machinery."""
    if not (isinstance(schema, dict) and schema.get("type") == "string" and schema.keys() <= _PLAIN):
        return False
    shortest, pattern = schema.get("minLength", 0), schema.get("pattern")
    return all(isinstance(item, str) and len(item) >= shortest and (pattern is None or re.search(pattern, item))
               for item in instance)


@functools.lru_cache(maxsize=1)
def _validator_class() -> Any:
    """Draft 2020-12 with a quicker ``items`` for lists of plain strings (examples, word lists).

    jsonschema descends into every item with a new validator object; for a plain string schema a
    loop of ``isinstance`` (and the same ``re.search`` jsonschema runs for ``pattern``) says the
    same and took validation of the default packs from a third of the YAML parse to a tenth.
    Anything else, or a list with any item that fails, goes the standard way, so the errors are
    the standard ones.
    """
    from jsonschema import Draft202012Validator, validators

    standard = Draft202012Validator.VALIDATORS["items"]

    def items(validator: Any, schema: Any, instance: Any, parent: Any) -> Iterator[Any]:
        if isinstance(instance, list) and _plain_strings(schema, instance):
            return
        yield from standard(validator, schema, instance, parent)

    return validators.extend(Draft202012Validator, {"items": items})


@functools.lru_cache(maxsize=8)
def _validator(kinds: tuple[CheckKind, ...], message_fields: tuple[str, ...]) -> _Validators:
    return _Validators({k.name: k for k in kinds}, message_fields)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return {dict: "a mapping", list: "a list", str: "a string", type(None): "empty"}.get(
        type(value), type(value).__name__)


def _key(path: tuple[Any, ...]) -> str:
    return next((str(p) for p in reversed(path) if isinstance(p, str)), "rule pack")


def _fill(template: str, **values: Any) -> str:
    return template.format_map({k: ("" if v is None else v) for k, v in values.items()})


def _problems_of(error: Any, path: tuple[Any, ...]) -> list[SchemaProblem]:
    """One jsonschema error at ``path`` as problems in words (several for several unknown keys)."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    keyword = error.validator
    words = schema.get("errorMessage", {})
    template = words.get(keyword) or words.get("*") or _DEFAULT_MESSAGES.get(keyword)
    value = error.instance
    if keyword == "additionalProperties" and isinstance(value, dict):
        known = schema.get("properties", {})
        extras = [k for k in value if k not in known]
        allowed = [k for k, v in known.items() if v is not True]
        return [((*path, k), _fill(template or "unknown key '{extra}'", extra=k,
                                   allowed_sorted=", ".join(sorted(allowed))), True) for k in extras]
    if keyword == "required" and isinstance(value, dict):
        missing = [k for k in error.validator_value if k not in value]
        return [(path, _fill(template or "missing field '{missing}'", missing=m), False) for m in missing]
    if keyword == "propertyNames":
        return []  # the name's own schema reports it (below, with the name as the value)
    if template is None:
        return [(path, f"'{_key(path)}' is not valid: {error.message}", False)]
    expected = error.validator_value if keyword == "type" else None
    if isinstance(expected, list):
        expected = " or ".join(_EXPECTED.get(t, t) for t in expected)
    elif expected is not None:
        expected = _EXPECTED.get(expected, expected)
    enum = schema.get("enum", [])
    limit = error.validator_value if keyword in ("minimum", "maximum", "maxLength") else None
    if keyword == "minimum" and limit == 0 and template == _DEFAULT_MESSAGES["minimum"]:
        template = "'{key}' must not be negative"
    message = _fill(template, key=_key(path), value=value, expected=expected, actual=_type_name(value),
                    allowed=", ".join(map(str, enum)), allowed_sorted=", ".join(sorted(map(str, enum))), limit=limit)
    return [(path, message, False)]


def _is_name_error(error: Any) -> bool:
    """An error of ``propertyNames``: its instance is a key of the mapping at its path."""
    return any(part == "propertyNames" for part in error.schema_path)


def validate(data: Any, kinds: Mapping[str, CheckKind], message_fields: Iterable[str] = ()) -> list[SchemaProblem]:
    """Every problem of a loaded pack against the schema for ``kinds``, in words, deduplicated.

    A value of the wrong type gets only its type error (not also "not one of" for the same value).
    """
    validator = _validator(tuple(kinds[name] for name in sorted(kinds)), tuple(sorted(message_fields)))
    errors = [((*prefix, *e.absolute_path), e) for prefix, e in validator.iter_errors(data)]
    if not errors:
        return []
    typed = {path for path, e in errors if e.validator == "type" and not _is_name_error(e)}
    found: dict[tuple[tuple[Any, ...], str], SchemaProblem] = {}
    for path, error in errors:
        name_error = _is_name_error(error)
        if not name_error and error.validator != "type" and path in typed:
            continue
        for problem_path, message, at_key in _problems_of(error, path):
            if name_error:
                problem_path, at_key = (*problem_path, error.instance), True
            found.setdefault((problem_path, message), (problem_path, message, at_key))
    return list(found.values())


def finite_problems(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """NaN and infinite numbers under ``value``: JSON has none, so a schema cannot refuse them.

    YAML's ``.nan`` would silently disable a range rule (no comparison with NaN is true) and
    ``.inf`` would fire with "at least inf", so they are refused when the rule loads.
    """
    if isinstance(value, float) and not math.isfinite(value):
        return [(path, f"'{_key(path)}' must be a finite number, not {value}")]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in finite_problems(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in finite_problems(v, (*path, i))]
    return []


#: Digests of the shipped packs as validated against the shipped schema; see `is_prevalidated`.
VALIDATED_FILE = "rules.validated"


def _digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validated_text(schema: str, packs: Mapping[str, str]) -> str:
    """The text of ``numcheck/rules.validated``: the schema's digest, then each pack's digest."""
    lines = ["# The shipped rule packs, validated against the schema whose digest is on the schema line.",
             "# Generated by: python -m numcheck.rules_schema --write (a test fails when it is stale).",
             f"schema {_digest(schema)}"]
    lines += [f"{_digest(text)} {name}" for name, text in sorted(packs.items())]
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=1)
def _prevalidated() -> frozenset[tuple[str, str]]:
    """(digest, file name) of the shipped packs recorded as valid against the shipped schema."""
    from importlib.resources import files

    folder = files("numcheck")
    try:
        recorded = folder.joinpath(VALIDATED_FILE).read_text(encoding="utf-8").splitlines()
        schema = folder.joinpath("rules.schema.json").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    entries = [tuple(line.split(" ", 1)) for line in recorded if line and not line.startswith("#")]
    if ("schema", _digest(schema)) not in entries:
        return frozenset()
    return frozenset((digest, name) for digest, name in entries if digest != "schema")


def is_prevalidated(name: str, text: str) -> bool:
    """Whether the shipped pack ``name`` still has the very text that was validated when the
    schema was generated, against the very schema that ships: then `validate` would find nothing,
    and ``numcheck check`` with the default packs need not import jsonschema at all (its import is
    a fifth of the start-up). Any edit to the pack or the schema makes this False, and the pack is
    validated as usual."""
    return (_digest(text), name) in _prevalidated()


def write_generated(folder: Any = None) -> None:
    """Write ``rules.schema.json`` and ``rules.validated`` into the package (``--write``); the packs
    are validated first, so a bad shipped pack is never recorded as valid."""
    from importlib.resources import files

    from numcheck.checks import CHECKS
    from numcheck.yamlload import load_yaml

    folder = Path(str(files("numcheck"))) if folder is None else Path(folder)
    schema = schema_text(CHECKS, MESSAGE_FIELDS)
    packs = {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "rules").glob("*.yaml"))}
    for name, text in packs.items():
        problems = validate(load_yaml(text).data, CHECKS, MESSAGE_FIELDS)
        if problems:
            raise SystemExit(f"rules/{name}: {problems[0][1]} (at {problems[0][0]}); fix it before recording it")
    (folder / "rules.schema.json").write_text(schema, encoding="utf-8")
    (folder / VALIDATED_FILE).write_text(validated_text(schema, packs), encoding="utf-8")


def main() -> None:
    """Print the schema for the registered check kinds (``python -m numcheck.rules_schema``), or
    with ``--write`` regenerate ``rules.schema.json`` and ``rules.validated`` in the package."""
    import sys

    from numcheck.checks import CHECKS

    if sys.argv[1:] == ["--write"]:
        write_generated()
        return
    print(schema_text(CHECKS, MESSAGE_FIELDS), end="")


if __name__ == "__main__":
    main()
