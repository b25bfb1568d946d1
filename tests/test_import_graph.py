"""No import loops among numcheck's modules, and the data model stays free of pandas.

A loop makes the import order matter: whichever module of the loop is imported first sees the
other half-initialised, so a harmless-looking reorder, or a new name imported at the top, breaks
``import numcheck`` for some entry points and not others. A loop hidden inside a function is no
better: it bites the first time that function runs, often in a worker process or a user's notebook,
far from the change that made it. So the graph is read from the source with `ast`, counting every
import a module can execute: at module level, inside functions and methods, relative or absolute,
``from numcheck import x`` as the submodule ``x`` when there is one, and ``importlib.import_module``
with a literal name (an f-string with a literal prefix, like the check registry's, stands for every
module under that prefix). Imports under ``if TYPE_CHECKING:`` are left out: they never run.
"""

from __future__ import annotations

import ast
import itertools
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "numcheck"


@dataclass(frozen=True)
class Import:
    """One import statement: the module it names, where it is, and whether it runs at import time."""

    target: str
    line: int
    in_function: bool


def module_files(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of ``package`` (a package's name is its __init__)."""
    files = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        files[".".join(parts)] = path
    return files


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_nodes(node: ast.AST, in_function: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """Every node that can run, with whether it sits inside a function (the ``if TYPE_CHECKING``
    branch is skipped, its ``else`` is not)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield other, in_function
                yield from _runtime_nodes(other, in_function)
            continue
        inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        yield child, inside
        yield from _runtime_nodes(child, inside)


def _owner(name: str, modules: dict[str, Path]) -> str | None:
    """The module of ours that ``name`` (a module path, maybe with a trailing attribute) is."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _named_modules(node: ast.AST, package: str, modules: dict[str, Path]) -> list[str]:
    """The modules of ours one import node loads."""
    if isinstance(node, ast.Import):
        return [m for m in (_owner(alias.name, modules) for alias in node.names) if m]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            base = f"{base}.{node.module}" if node.module else base
        else:
            base = node.module or ""
        found = []
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            target = submodule if submodule in modules else _owner(base, modules)
            if target:
                found.append(target)
        return found
    if isinstance(node, ast.Call) and node.args and _calls_import_module(node.func):
        name = node.args[0]
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            return [m for m in [_owner(name.value, modules)] if m]
        if isinstance(name, ast.JoinedStr) and name.values and isinstance(name.values[0], ast.Constant):
            prefix = str(name.values[0].value)
            return [m for m in modules if m.startswith(prefix) and m != prefix.rstrip(".")]
    return []


def _calls_import_module(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "import_module") or (
        isinstance(func, ast.Name) and func.id in ("import_module", "__import__")
    )


def import_graph(package: Path) -> dict[str, dict[str, Import]]:
    """module -> {imported module of ours -> its first import there}."""
    modules = module_files(package)
    graph: dict[str, dict[str, Import]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: dict[str, Import] = {}
        for node, in_function in _runtime_nodes(tree):
            for target in _named_modules(node, here, modules):
                line = getattr(node, "lineno", 0)
                known = edges.get(target)
                if known is None or (known.in_function and not in_function):
                    edges[target] = Import(target, line, in_function)
        graph[name] = edges
    return graph


def _strongly_connected(graph: dict[str, dict[str, Import]]) -> list[list[str]]:
    """Tarjan's components, each sorted; only those that hold a loop (size > 1, or a self-import)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _shortest_loop(graph: dict[str, dict[str, Import]], component: list[str]) -> list[str]:
    """A shortest loop through the component's first module, as a list of modules ending where it began."""
    start, members = component[0], set(component)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node]):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if target in members and target not in came_from:
                    came_from[target] = node
                    following.append(target)
        frontier = following
    raise AssertionError(f"no loop in component {component}")


def find_loops(package: Path) -> list[str]:
    """One line per loop of modules: a shortest loop, each step with the file:line that makes it."""
    graph = import_graph(package)
    files = module_files(package)
    lines = []
    for component in _strongly_connected(graph):
        loop = _shortest_loop(graph, component)
        steps = [loop[0]]
        for source, target in itertools.pairwise(loop):
            edge = graph[source][target]
            where = f"{files[source].relative_to(package.parent)}:{edge.line}"
            steps.append(f"{target} ({where}{', in a function' if edge.in_function else ''})")
        size = f"{len(component)} modules" + (f": {', '.join(component)}" if len(component) > len(loop) - 1 else "")
        lines.append(f"loop of {size}\n    " + "\n -> ".join(steps))
    return lines


def test_numcheck_has_no_import_loops() -> None:
    loops = find_loops(PACKAGE)
    assert not loops, "import loops in numcheck (move the shared piece down a level):\n" + "\n".join(loops)


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "pkg"


def test_a_loop_through_every_kind_of_import_is_found(tmp_path: Path) -> None:
    """The graph sees relative, absolute, submodule-by-from, in-function and import_module imports."""
    package = _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "from . import b\nfrom pkg import helper\n",
        "pkg/b.py": "def later():\n    from pkg.c import thing\n    return thing\n",
        "pkg/c.py": "import importlib\nimport pkg.sub.d\nimportlib.import_module('pkg.plain')\n",
        "pkg/sub/__init__.py": "",
        "pkg/sub/d.py": "from ..a import name\n",
        "pkg/helper.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import name\n",
        "pkg/plain.py": "import os\n",
    })
    loops = find_loops(package)
    assert loops == [
        "loop of 4 modules\n"
        "    pkg.a\n"
        " -> pkg.b (pkg/a.py:1)\n"
        " -> pkg.c (pkg/b.py:2, in a function)\n"
        " -> pkg.sub.d (pkg/c.py:2)\n"
        " -> pkg.a (pkg/sub/d.py:1)"
    ]


def test_a_self_import_and_a_package_that_imports_back_are_loops(tmp_path: Path) -> None:
    package = _write(tmp_path, {
        "pkg/__init__.py": "from pkg.tool import run\n",
        "pkg/tool.py": "import pkg\nrun = None\n",
        "pkg/alone.py": "def f():\n    from pkg import alone\n",
        "pkg/registry/__init__.py": (
            "import importlib\nfor n in ('x',):\n    importlib.import_module(f'pkg.registry.{n}')\n"
        ),
        "pkg/registry/x.py": "from pkg.registry import KIND\n",
    })
    assert [loop.splitlines()[0] for loop in find_loops(package)] == [
        "loop of 2 modules",  # pkg <-> pkg.tool
        "loop of 1 modules",  # pkg.alone imports itself
        "loop of 2 modules",  # pkg.registry <-> pkg.registry.x
    ]


def _module_level_reach(graph: dict[str, dict[str, Import]], start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for edge in graph[todo.pop()].values():
            if not edge.in_function and edge.target not in seen:
                seen.add(edge.target)
                todo.append(edge.target)
    return seen


def test_model_imports_nothing_that_imports_pandas() -> None:
    """The data model is what every worker and plugin imports; pandas costs about a second."""
    graph = import_graph(PACKAGE)
    files = module_files(PACKAGE)
    for name in sorted(_module_level_reach(graph, "numcheck.model")):
        tree = ast.parse(files[name].read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names.add(node.module or "")
        assert not {n for n in names if n.split(".")[0] in ("pandas", "numpy")}, f"{name} imports pandas"
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, numcheck, numcheck.model; print('pandas' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )
    assert loaded.stdout.strip() == "False"
