"""A newsroom project in a temp folder, and the ``numcheck`` command run in it as a user runs it.

The project has a ``.git`` folder at its root, so the config walk stops there whatever lies above
the temp folder. Its one article trips ``countries-count`` (a warning) and, with the desk's pack
loaded, ``treaty-size`` (an error); both texts were written for these tests.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from _cli import numcheck

ARTICLE = "The treaty was signed by 210 countries on Monday.\n"

#: A desk's pack with one range rule on storm death tolls, and an article that breaks it.
STORM_PACK = """\
pack: desk
rules:
  - id: storm-deaths
    check: range
    severity: warning
    message: "{explanation}"
    description: Storm death tolls above 500,000 have not been recorded since 1970. Bhola cyclone.
    where: {noun: [death, person], context: [storm, cyclone, hurricane]}
    max: 500000
    examples:
      pass: ["The storm killed 1,200 people."]
      fail: ["The storm killed 900,000 people."]
"""
STORM_ARTICLE = "The storm killed 900,000 people, officials said.\n"

DESK_PACK = """\
pack: desk
rules:
  - id: treaty-size
    check: range
    severity: error
    description: No treaty this desk covers has more than 100 signatories.
    message: '{explanation}'
    where: {noun: country}
    max: 100
    examples:
      pass: ["The treaty was signed by 40 countries."]
      fail: ["The treaty was signed by 150 countries."]
"""


def make_project(root: Path, *, pyproject: str | None = None, yaml_text: str | None = None) -> Path:
    """Write the project under ``root`` (with the desk's pack in ``desk/``); return the article's path."""
    (root / ".git").mkdir(parents=True, exist_ok=True)
    (root / "articles" / "world").mkdir(parents=True, exist_ok=True)
    (root / "desk").mkdir(exist_ok=True)
    (root / "desk" / "treaty.yaml").write_text(DESK_PACK, encoding="utf-8")
    article = root / "articles" / "world" / "treaty.md"
    article.write_text(ARTICLE, encoding="utf-8")
    if pyproject is not None:
        (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    if yaml_text is not None:
        (root / ".numcheck.yaml").write_text(yaml_text, encoding="utf-8")
    return article


def run_numcheck(cwd: Path, *argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``numcheck ARGV...`` in a subprocess started in ``cwd``, without colour."""
    return numcheck(*argv, cwd=cwd, env={"PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}, stdin=stdin)
