"""Load YAML safely, keeping the line and column of every key and value.

Rule packs and ``.numcheck.yaml`` come from users and from pull requests, so loading them must not
run code, must not blow up memory, and must say *where* a problem is. PyYAML's ``SafeLoader``
already refuses Python tags; on top of it this module:

- builds the Python values itself from the composed node graph, so every mapping key and value keeps
  its 1-based line and column (``YamlDocument.position(path)``), and errors can name ``file:line:col``;
- refuses duplicate keys, which plain PyYAML silently lets the last one win;
- bounds everything before building anything: a first pass over the parser's events refuses, at
  the position where it happens, more than ``MAX_NODES`` keys and values, ``MAX_ALIASES`` aliases,
  ``MAX_DEPTH`` levels of nesting or an integer of more than ``MAX_DIGITS`` digits (which Python's
  ``int`` would refuse with a traceback); the builder then refuses more than ``MAX_EXPANDED``
  values once aliases are expanded, so a "billion laughs" document fails fast, not out of memory;
- refuses control characters (PyYAML's reader), as one line with their position;
- refuses merge keys (``<<``), which would make the positions of merged keys ambiguous;
- turns every PyYAML error (tabs, bad indentation, unclosed quotes) into one `YamlError` whose
  message is one line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from numcheck.textfile import MAX_DIGITS as _MAX_DIGITS
from numcheck.textfile import TextError, one_line

__all__ = ["MAX_ALIASES", "MAX_BYTES", "MAX_DEPTH", "MAX_DIGITS", "MAX_EXPANDED", "MAX_NODES", "YamlDocument",
           "YamlError", "load_yaml"]

#: Rule packs never need many aliases; a hundred is generous and keeps expansion cheap to bound.
MAX_ALIASES = 100
#: Keys and values as written (before aliases). The default packs have a few thousand; at 100,000
#: (some 10,000 rules) a pack still loads in about a second, and a bigger one is refused in a
#: fraction of a second, by counting parser events, with this limit named.
MAX_NODES = 100_000
#: Values once aliases are expanded: a billion-laughs document needs millions and is refused here.
MAX_EXPANDED = 100_000
#: Deepest nesting of lists and mappings; rule packs need five levels.
MAX_DEPTH = 100
#: Larger YAML than this is not a rule pack or a config file; files are read no further than this.
MAX_BYTES = 5_000_000
#: The longest integer Python reads (``int()`` refuses more, CVE-2020-10735): refused with a position.
MAX_DIGITS = _MAX_DIGITS

Path = tuple[Any, ...]

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_SURROGATE = re.compile("[\ud800-\udfff]")
# A plain scalar the resolver would read as an integer (decimal, 0x, 0o, 0b, with underscores).
_LONG_NUMBER = re.compile(r"[-+]?(?:0[xob])?[0-9a-fA-F_]+")


class YamlError(TextError):
    """Raised when a YAML text cannot be loaded safely; ``line``/``column`` are 1-based or None."""


@dataclass(frozen=True)
class YamlDocument:
    """Plain Python data (dicts, lists, scalars) plus where each part of it was written.

    ``positions`` maps a path of keys and list indexes, such as ``("rules", 3, "check")``, to the
    (line, column) of that value; ``key_positions`` maps the same path to where its key was written.
    """

    data: Any
    positions: Mapping[Path, tuple[int, int]]
    key_positions: Mapping[Path, tuple[int, int]]

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Where ``path`` (or its key) was written, falling back to the nearest enclosing node."""
        table = self.key_positions if key else self.positions
        for cut in range(len(path), -1, -1):
            found = table.get(path[:cut]) or (self.positions.get(path[:cut]) if key else None)
            if found:
                return found
        return (1, 1)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster, same marks


def _refuse(message: str, event: Any) -> YamlError:
    mark = event.start_mark
    return YamlError(message, mark.line + 1, mark.column + 1)


def _check_events(text: str) -> None:
    """Stream the parser's events once and refuse the first one over a limit, at its position.

    Counting events costs no Python objects per node and stops at the first limit crossed, so an
    oversized pack is refused in a fraction of a second with the limit it broke, before anything
    is composed; the composer (which recurses per level) never sees deep nesting. The loop
    dispatches on the exact event class: it runs once per key and value of a 5 MB file.
    """
    parser = _LOADER(text)
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    opening = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        nodes = aliases = depth = 0
        get = parser.get_event
        while (event := get()) is not None:
            kind = type(event)
            if kind is scalar:
                if len(event.value) > MAX_DIGITS and not event.style and _LONG_NUMBER.fullmatch(event.value):
                    raise _refuse(f"a number has more than {MAX_DIGITS:,} digits", event)
            elif kind in opening:
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refuse(f"nested more than {MAX_DEPTH} levels deep", event)
            elif kind in closing:
                depth -= 1
                continue
            elif kind is alias:
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise _refuse(f"more than {MAX_ALIASES} aliases; refusing to expand them", event)
            else:
                continue
            nodes += 1
            if nodes > MAX_NODES:
                raise _refuse(f"more than {MAX_NODES:,} keys and values; a rule or config file needs far fewer "
                              "(split a large pack into several files)", event)
    except yaml.MarkedYAMLError as exc:
        # libyaml reads a flow collection ("[[[...") whole before its first event, and stops at its
        # own depth of 1,000: say where our own limit was crossed instead.
        if "nesting depth" in str(exc.problem):
            _check_flow_depth(text)
        raise
    finally:
        parser.dispose()


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node graph into Python data, counting every node it builds."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.count = 0
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}

    def build(self, node: yaml.Node, path: Path, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_EXPANDED:  # only aliases can get here: the written nodes were counted already
            line, column = _mark(node)
            raise YamlError(f"document too large once aliases are expanded (more than {MAX_EXPANDED:,} values); "
                            "write the values out", line, column)
        if depth > MAX_DEPTH:  # aliases can nest a shallow document deeply
            raise YamlError(f"nested more than {MAX_DEPTH} levels deep once aliases are expanded", *_mark(node))
        self.positions.setdefault(path, _mark(node))
        if isinstance(node, yaml.CollectionNode) and node.tag not in (_MAP_TAG, _SEQ_TAG):
            raise YamlError(f"unsupported tag {node.tag!r}; only plain mappings and lists are allowed", *_mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:  # most keys and values: skip the constructor's dispatch and caches
            value = node.value
        else:
            try:
                value = self.loader.construct_object(node, deep=True)
            except ValueError as exc:  # int() refusing too many digits; a date such as 2024-13-45
                problem = f"a number has more than {MAX_DIGITS:,} digits" if "digits" in str(exc) else \
                    f"unreadable {node.tag.rsplit(':', 1)[-1]} value ({one_line(str(exc))})"
                raise YamlError(problem, *_mark(node)) from None
        if isinstance(value, str):
            lone = _SURROGATE.search(value)
            if lone:  # "\ud800" in a quoted string: no UTF-8 report could print it later
                raise YamlError(f"a lone surrogate ({one_line(lone.group())}) is not Unicode text", *_mark(node))
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line, column = _mark(key_node)
            if key_node.tag == _MERGE_TAG:
                raise YamlError("merge keys ('<<') are not supported; write the keys out", line, column)
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError("a mapping key must be a plain value, not a list or mapping", line, column)
            key = self._scalar(key_node)
            if key in result:
                first = self.key_positions.get((*path, key), (line, column))
                raise YamlError(f"duplicate key {key!r} (first given on line {first[0]})", line, column)
            self.key_positions[(*path, key)] = (line, column)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result


_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"' + r"|'(?:[^']|'')*'" + r"|[\[\]{}]")


def _check_flow_depth(text: str) -> None:
    """Refuse deeply nested ``[[[...`` before PyYAML's scanner, which slows down with every level.

    Quoted strings are skipped; an apostrophe in plain text may hide some brackets, which only
    means the composer's own depth check has the last word.
    """
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                raise YamlError(f"nested more than {MAX_DEPTH} levels deep", line, column)
        elif token in "]}":
            depth = max(depth - 1, 0)


def _one_line(exc: yaml.YAMLError, source: str = "") -> YamlError:
    """PyYAML's multi-line messages, folded into one line with the problem's position."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        words = [part for part in (exc.problem, exc.context) if part]
        text = "; ".join(" ".join(str(w).split()) for w in words) or "invalid YAML"
        # PyYAML names the tab; libyaml only says "found character that cannot start any token".
        if "\\t" in text or "\t" in text or "tab character" in text or _char_at(source, mark) == "\t":
            text = "tab character in indentation; YAML allows only spaces there"
        if mark is not None:
            return YamlError(f"invalid YAML: {text}", mark.line + 1, mark.column + 1)
        return YamlError(f"invalid YAML: {text}")
    return YamlError("invalid YAML: " + " ".join(str(exc).split()))


def _char_at(text: str, mark: Any) -> str:
    """The character a mark points at ("" when it cannot be told)."""
    if mark is None:
        return ""
    lines = text.split("\n", mark.line + 1)
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def load_yaml(text: str) -> YamlDocument:
    """Load one YAML document safely (see the module docstring); an empty text gives ``None`` data."""
    if len(text) > MAX_BYTES:
        raise YamlError(f"file too large for a rule or config file (over {MAX_BYTES:,} bytes)", 1, 1)
    loader = None
    try:
        _check_events(text)  # the reader refuses control characters here, as one YamlError below
        loader = _LOADER(text)
        root = loader.get_single_node()
        builder = _Builder(loader)
        data = None if root is None else builder.build(root, ())
    except YamlError:
        raise
    except yaml.reader.ReaderError as exc:  # no mark of its own: place it from its character offset
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlError(f"invalid YAML: control character {what} is not allowed", line, column) from None
    except yaml.YAMLError as exc:
        raise _one_line(exc, text) from None
    except RecursionError:
        raise YamlError("YAML nested too deeply", 1, 1) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        return YamlDocument(None, {}, {})
    return YamlDocument(data, builder.positions, builder.key_positions)
