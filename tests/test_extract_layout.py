"""The extraction package stays readable: small classes and functions, no private names shared.

Extraction grew two god-classes of over 600 lines each once; these limits (issue 12) keep each
reader small enough to hold in mind, and a reader that reaches into another module's private
names is a sign the split is in the wrong place.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "numcheck" / "extract"
MAX_CLASS_LINES = 200
MAX_FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_class_or_function_too_long(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    too_long = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef):
            limit = MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else MAX_FUNCTION_LINES
            size = node.end_lineno - node.lineno + 1  # type: ignore[operator]
            if size > limit:
                too_long.append(f"{node.name}: {size} lines (at most {limit})")
    assert not too_long


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_names_imported(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [f"{node.module}.{alias.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               for alias in node.names if alias.name.startswith("_") and alias.name != "__future__"]
    assert not private


def test_word_tables_hold_no_logic() -> None:
    """tables/ is data: constants only, no functions or classes."""
    for path in sorted((PACKAGE / "tables").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)], path.name
