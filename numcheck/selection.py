"""Which files a run checks: include and exclude globs, the default excludes, and .gitignore.

A newsroom repository holds more than articles: a virtualenv, ``node_modules``, build output, a
README. ``numcheck check .`` must check the articles and nothing else, so folder walks follow
ruff's conventions:

- *Default excludes* (`DEFAULT_EXCLUDES`): ``.git``, ``.venv``, ``venv``, ``node_modules``,
  ``.tox``, ``__pycache__``, ``build``, ``dist`` and every dot-folder. ``--exclude`` replaces them
  together with the config's ``exclude``; ``--extend-exclude`` and the config's ``exclude`` add
  to them.
- *Include*: with ``include`` in the project config, a walk keeps only the files it matches.
- *.gitignore*: a walk inside a git work tree skips what git ignores (``--no-respect-gitignore``
  turns that off). Git itself is asked, so nested ``.gitignore`` files, negations and the global
  excludes file all count exactly as they do for ``git status``.
- *Named paths win*: the excludes apply below a folder being walked, never to the path the user
  named, so ``numcheck check build/story.md`` and ``numcheck check build/`` check it; only
  ``--force-exclude`` (which the pre-commit hook passes, because pre-commit names every staged
  file) drops a named path that an exclude matches.

Glob syntax, as in ruff and .gitignore: a pattern without ``/`` matches a file or folder name at
any depth (``README.md``, ``*.draft.md``, ``node_modules``); a pattern with ``/`` matches the path
from its base (the config file's folder for config patterns, the current folder for command-line
ones); ``*`` and ``?`` stay within one name, ``**`` spans folders, ``[abc]`` is a class. A folder
that matches excludes everything below it. A malformed glob is a `ConfigError`, never a pattern
that silently matches nothing.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from numcheck.errors import ConfigError

__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_EXCLUDES", "Glob", "Selection", "compile_globs", "git_ignored",
           "is_article_name", "selection_for"]

#: The file names a folder walk reads as articles.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

#: ruff's default excludes that a newsroom repository meets, plus every dot-folder (``.*``).
DEFAULT_EXCLUDES = (".git", ".venv", "venv", "node_modules", ".tox", "__pycache__", "build", "dist", ".*")


def is_article_name(name: str) -> bool:
    """True for a file name a folder walk reads: an article suffix, not a hidden file."""
    return name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith(".")


@dataclass(frozen=True)
class Glob:
    """One compiled pattern: the text as written, the folder it is relative to, its regex."""

    pattern: str
    base: Path
    regex: re.Pattern[str]
    anchored: bool  # written with a "/": matched against the whole path from ``base``

    def matches(self, path: Path, below: Path | None = None) -> bool:
        """Does the pattern match ``path`` (absolute) or one of its folders?

        A name pattern is tried on each name of the path below ``below`` (the folder being walked;
        default: the pattern's base), so ``.venv`` never matches a folder above the walk. An
        anchored pattern is tried on the path relative to its base and on each folder of it.
        """
        if self.anchored:
            try:
                parts = path.relative_to(self.base).parts
            except ValueError:
                return False
            first = 1
            if below is not None:  # only what lies below the walked folder, never the folder or its parents
                try:
                    first = len(below.relative_to(self.base).parts) + 1
                except ValueError:
                    first = 1
            return any(self.regex.fullmatch("/".join(parts[:n])) for n in range(first, len(parts) + 1))
        start = below if below is not None else self.base
        try:
            parts = path.relative_to(start).parts
        except ValueError:
            parts = (path.name,)
        return any(self.regex.fullmatch(part) for part in parts)


def compile_globs(patterns: Iterable[str], base: Path, origin: str) -> tuple[Glob, ...]:
    """Compile ``patterns`` relative to ``base``; ``origin`` names where they came from in errors
    (``--exclude``, ``pyproject.toml:12``)."""
    return tuple(_compile(pattern, base, origin) for pattern in patterns)


def _compile(pattern: str, base: Path, origin: str) -> Glob:
    text = pattern.strip()
    if text.startswith("./"):
        text = text[2:]
    text = text.rstrip("/")
    if not text:
        raise ConfigError(f"{origin}: empty glob {pattern!r}; write a file or folder name such as 'drafts'")
    anchored = "/" in text
    pieces: list[str] = []
    for index, part in enumerate(text.split("/")):
        if part == "**":
            pieces.append("(?:[^/]+/)*" if index < text.count("/") else ".*")
            continue
        if "**" in part:
            raise ConfigError(f"{origin}: bad glob {pattern!r}: '**' must be a whole path part, as in 'a/**/b'")
        piece = _translate_part(part, pattern, origin)
        pieces.append(piece + ("/" if index < text.count("/") else ""))
    return Glob(pattern, base, re.compile("".join(pieces)), anchored)


def _translate_part(part: str, pattern: str, origin: str) -> str:
    """One path part's glob as a regex: ``*`` and ``?`` stop at ``/``; ``[...]`` must be closed and ordered."""
    out: list[str] = []
    i = 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = part.find("]", i + 2 if part[i + 1:i + 2] in ("!", "^") else i + 1)
            if end < 0 or end == i + 1:
                raise ConfigError(f"{origin}: bad glob {pattern!r}: unclosed '[' (a class is written '[abc]')")
            body = part[i + 1:end]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            for low, high in re.findall(r"(.)-(.)", body):
                if low > high:
                    raise ConfigError(f"{origin}: bad glob {pattern!r}: range '{low}-{high}' runs backwards")
            out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\").replace("^", "\\^") + "]")
            i = end
        elif char == "]":
            raise ConfigError(f"{origin}: bad glob {pattern!r}: ']' without '['")
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class Selection:
    """What a run reads: the include and exclude globs, gitignore, and whether named paths are filtered."""

    include: tuple[Glob, ...] = ()
    exclude: tuple[Glob, ...] = field(default_factory=lambda: compile_globs(DEFAULT_EXCLUDES, Path.cwd(), "default"))
    respect_gitignore: bool = True
    force_exclude: bool = False

    def is_excluded(self, path: str | os.PathLike[str], below: Path | None = None) -> bool:
        absolute = Path(os.path.abspath(path))
        return any(glob.matches(absolute, below) for glob in self.exclude)

    def is_included(self, path: str | os.PathLike[str]) -> bool:
        if not self.include:
            return True
        absolute = Path(os.path.abspath(path))
        return any(glob.matches(absolute) for glob in self.include)

    def drops_named(self, path: str) -> bool:
        """True when a path named on the command line is skipped: only with ``--force-exclude``."""
        if not self.force_exclude:
            return False
        return self.is_excluded(path)

    def walk(self, root: str) -> Iterator[str]:
        """The article files under the folder ``root``, sorted, as ``root`` joined to their path.

        Excludes and gitignore apply to what lies below ``root``, never to ``root`` itself.
        Symlinked folders are not followed, so a loop cannot hang the walk. An unreadable folder
        raises `OSError`.
        """
        below = Path(os.path.abspath(root))
        ignored = git_ignored(root) if self.respect_gitignore else frozenset()

        def on_error(exc: OSError) -> None:
            raise exc

        for folder, subfolders, files in os.walk(root, onerror=on_error):
            here = Path(os.path.abspath(folder))
            subfolders[:] = sorted(
                name for name in subfolders
                if not self.is_excluded(here / name, below) and _relative(here / name, below) + "/" not in ignored
            )
            for name in sorted(files):
                path = here / name
                if (is_article_name(name) and not self.is_excluded(path, below)
                        and _relative(path, below) not in ignored and self.is_included(path)):
                    yield os.path.join(folder, name)


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def git_ignored(folder: str) -> frozenset[str]:
    """Paths under ``folder`` (relative, ``/``-separated; folders end in ``/``) that git ignores.

    Empty outside a git work tree or without git (there is then nothing git would ignore), and
    empty when ``folder`` itself is ignored (a named path is always read).
    ``--directory`` makes git name an ignored folder once instead of listing its files.
    """
    try:
        done = subprocess.run(
            ["git", "-C", folder, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
            capture_output=True, timeout=60, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if done.returncode != 0:
        return frozenset()
    ignored = frozenset(name.decode("utf-8", "surrogateescape") for name in done.stdout.split(b"\0") if name)
    # "./": the named folder itself is ignored. A path the user names is never excluded, so git's
    # verdict on what lies inside it (all of it, ignored along with the folder) does not apply.
    return frozenset() if "./" in ignored else ignored


def selection_for(
    config_root: Path,
    locate: Callable[[str, str], str],
    include: Sequence[str] = (),
    config_exclude: Sequence[str] = (),
    exclude: Sequence[str] | None = None,
    extend_exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
    force_exclude: bool = False,
) -> Selection:
    """The one way to build a `Selection` from a project config and command-line options.

    ``exclude`` (``--exclude``), when given, replaces the default excludes and the config's;
    ``extend_exclude`` (``--extend-exclude``) adds to whatever is in force. Config patterns are
    relative to the config's folder, command-line ones to the current folder. ``locate(key,
    pattern)`` names where a config pattern was written (``pyproject.toml:12:13``) for errors.
    """
    cwd = Path.cwd()

    def from_config(key: str, patterns: Sequence[str]) -> tuple[Glob, ...]:
        return tuple(glob for pattern in patterns for glob in compile_globs([pattern], config_root,
                                                                              locate(key, pattern)))

    if exclude is not None:
        excludes = compile_globs(exclude, cwd, "--exclude")
    else:
        excludes = (*compile_globs(DEFAULT_EXCLUDES, config_root, "default exclude"),
                    *from_config("exclude", config_exclude))
    excludes = (*excludes, *compile_globs(extend_exclude, cwd, "--extend-exclude"))
    return Selection(include=from_config("include", include), exclude=excludes,
                     respect_gitignore=respect_gitignore, force_exclude=force_exclude)
