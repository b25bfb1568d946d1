"""Load YAML safely, keeping the line and column of every key and value.

Rule packs and ``.numcheck.yaml`` come from users and from pull requests, so loading them must not
run code, must not blow up memory, and must say *where* a problem is. PyYAML's ``SafeLoader``
already refuses Python tags; on top of it this module:

- builds the Python values itself from the composed node graph, so every mapping key and value keeps
  its 1-based line and column (``YamlDocument.position(path)``), and errors can name ``file:line:col``;
- refuses duplicate keys, which plain PyYAML silently lets the last one win;
- bounds aliases: at most ``MAX_ALIASES`` alias references per document and at most ``MAX_NODES``
  nodes once aliases are expanded, so a "billion laughs" document is refused after a few thousand
  steps instead of filling memory;
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

__all__ = ["MAX_ALIASES", "MAX_NODES", "YamlDocument", "YamlError", "load_yaml"]

#: Rule packs never need many aliases; a hundred is generous and keeps expansion cheap to bound.
MAX_ALIASES = 100
#: Nodes after alias expansion. The default packs have a few hundred; 100,000 still loads in
#: milliseconds, while a billion-laughs document needs millions and is refused at this bound.
MAX_NODES = 100_000
#: Deepest nesting of lists and mappings; rule packs need five levels.
MAX_DEPTH = 100
#: Larger YAML than this is not a rule pack or a config file.
MAX_BYTES = 5_000_000

Path = tuple[Any, ...]

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class YamlError(ValueError):
    """Raised when a YAML text cannot be loaded safely; ``line``/``column`` are 1-based or None."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self.message = message
        self.line = line
        self.column = column
        super().__init__(message)


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


class _CountingLoader(yaml.SafeLoader):
    """A SafeLoader that counts alias references and nesting while composing, so neither an alias
    bomb nor ten thousand nested brackets gets past the composer (which recurses per level)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0
        self.depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise YamlError(f"more than {MAX_ALIASES} aliases; refusing to expand them",
                                mark.line + 1, mark.column + 1)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise YamlError(f"nested more than {MAX_DEPTH} levels deep", mark.line + 1, mark.column + 1)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a composed node graph into Python data, counting every node it builds."""

    def __init__(self, loader: _CountingLoader) -> None:
        self.loader = loader
        self.count = 0
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}

    def build(self, node: yaml.Node, path: Path, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            line, column = _mark(node)
            raise YamlError(f"document too large once aliases are expanded (more than {MAX_NODES} nodes)",
                            line, column)
        self.positions.setdefault(path, _mark(node))
        if isinstance(node, yaml.CollectionNode) and node.tag not in (_MAP_TAG, _SEQ_TAG):
            raise YamlError(f"unsupported tag {node.tag!r}; only plain mappings and lists are allowed", *_mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line, column = _mark(key_node)
            if key_node.tag == _MERGE_TAG:
                raise YamlError("merge keys ('<<') are not supported; write the keys out", line, column)
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError("a mapping key must be a plain value, not a list or mapping", line, column)
            key = self.loader.construct_object(key_node, deep=True)
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


def _one_line(exc: yaml.YAMLError) -> YamlError:
    """PyYAML's multi-line messages, folded into one line with the problem's position."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        words = [part for part in (exc.problem, exc.context) if part]
        text = "; ".join(" ".join(str(w).split()) for w in words) or "invalid YAML"
        if "\\t" in text or "'\\t'" in text or "\t" in text:
            text = "tab character in indentation; YAML allows only spaces there"
        if mark is not None:
            return YamlError(f"invalid YAML: {text}", mark.line + 1, mark.column + 1)
        return YamlError(f"invalid YAML: {text}")
    return YamlError("invalid YAML: " + " ".join(str(exc).split()))


def load_yaml(text: str) -> YamlDocument:
    """Load one YAML document safely (see the module docstring); an empty text gives ``None`` data."""
    if len(text) > MAX_BYTES:
        raise YamlError(f"file too large for a rule or config file (over {MAX_BYTES} bytes)", 1, 1)
    _check_flow_depth(text)
    try:
        loader = _CountingLoader(text)  # the reader rejects control characters here, not later
        root = loader.get_single_node()
        builder = _Builder(loader)
        data = None if root is None else builder.build(root, ())
    except YamlError:
        raise
    except yaml.YAMLError as exc:
        raise _one_line(exc) from None
    except RecursionError:
        raise YamlError("YAML nested too deeply", 1, 1) from None
    finally:
        loader.dispose()
    if root is None:
        return YamlDocument(None, {}, {})
    return YamlDocument(data, builder.positions, builder.key_positions)
