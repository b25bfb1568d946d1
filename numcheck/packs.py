"""Rule packs installed as Python distributions, found through the ``numcheck.packs`` entry points.

A newsroom ships its rules the way pytest plugins ship (Vale's packages and sqlfluff's plugins are
the models): a distribution declares ::

    [project.entry-points."numcheck.packs"]
    desk = "desk_rules"          # a package whose *.yaml / *.yml files are the pack's rule files

The value may also name an object (``"desk_rules:RULES"``): a folder or file path, or a callable
returning paths. Installing a distribution never changes what is checked: a pack is loaded only
when it is named, by ``pack:NAME`` among the rules (``--rules pack:desk``, ``Checker(rules=[...])``),
or by the project config's ``packs`` list. ``numcheck rules list`` shows every installed pack and
the distribution it came from. A pack whose module fails to import is reported with the reason and
never stops the other packs from being listed or loaded.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from numcheck.errors import RuleFileError

__all__ = ["GROUP", "PREFIX", "InstalledPack", "installed_packs", "is_pack_name", "pack_files"]

GROUP = "numcheck.packs"
#: How a rules entry names an installed pack instead of a path.
PREFIX = "pack:"
_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class InstalledPack:
    """An entry point of the ``numcheck.packs`` group: its name, what it points at, and where it came from."""

    name: str
    value: str
    distribution: str
    version: str

    @property
    def origin(self) -> str:
        """The distribution that installed the pack, as ``name version``."""
        return f"{self.distribution} {self.version}".strip()


def installed_packs() -> list[InstalledPack]:
    """Every installed pack, by name (nothing is imported)."""
    from importlib import metadata  # ~50 ms: only when a pack is named or listed

    found = {}
    for entry in metadata.entry_points(group=GROUP):
        dist = getattr(entry, "dist", None)
        name = dist.metadata["Name"] if dist is not None else "?"
        version = dist.version if dist is not None else ""
        found.setdefault(entry.name, InstalledPack(entry.name, entry.value, name, version))
    return [found[name] for name in sorted(found)]


def is_pack_name(given: str) -> bool:
    return given.startswith(PREFIX)


def pack_files(given: str) -> list[Any]:
    """The rule files of the installed pack ``pack:NAME``, sorted by name.

    Raises `RuleFileError` naming the pack when no such pack is installed, when its module fails to
    import (with the reason) or when it holds no rule file.
    """
    from importlib import metadata

    name = given[len(PREFIX):]
    packs = {pack.name: pack for pack in installed_packs()}
    pack = packs.get(name)
    if pack is None:
        known = ", ".join(packs) or "none installed"
        raise RuleFileError(given, None, f"no installed rule pack '{name}' (installed: {known}; see "
                                         "'numcheck rules list')")
    try:
        target = next(e for e in metadata.entry_points(group=GROUP) if e.name == name).load()
        files = sorted(_files(target), key=lambda p: p.name)
    except Exception as exc:  # a broken plugin must not take numcheck down with it
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        raise RuleFileError(given, None, f"rule pack '{name}' from {pack.origin} failed to load ({reason})") from None
    if not files:
        raise RuleFileError(given, None, f"rule pack '{name}' from {pack.origin} holds no .yaml rule file")
    return files


def _files(target: Any) -> Iterator[Any]:
    if callable(target) and not isinstance(target, ModuleType):
        target = target()
    if isinstance(target, ModuleType):
        target = importlib.resources.files(target)
    for item in target if isinstance(target, list | tuple) else [target]:
        path = Path(item) if isinstance(item, str) else item
        if path.is_dir():
            yield from (p for p in path.iterdir() if p.name.endswith(_SUFFIXES) and p.is_file())
        else:
            yield path
