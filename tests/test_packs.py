"""Rule packs installed as distributions (entry point group ``numcheck.packs``).

Each test installs real tiny distributions the way pip lays them out (a package beside its
``.dist-info`` with ``entry_points.txt``) into a temporary folder put on ``PYTHONPATH``, and runs
the ``numcheck`` CLI in a subprocess, so discovery goes through ``importlib.metadata`` as it does
for a user.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests._projectkit import STORM_ARTICLE, STORM_PACK

DESK_PACK = STORM_PACK.replace("id: storm-deaths", "id: desk-storm-deaths")
ARTICLE = STORM_ARTICLE


def _install(site: Path, dist: str, module: str, entry: str, files: dict[str, str]) -> None:
    """A distribution ``dist`` with package ``module`` (``files`` in it) and one numcheck.packs entry point."""
    package = site / module
    package.mkdir(parents=True)
    for name, text in files.items():
        (package / name).write_text(text, encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.3\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[numcheck.packs]\n{entry}\n", encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    _install(site, "desk-rules", "desk_rules", "desk = desk_rules", {"__init__.py": "", "desk.yaml": DESK_PACK})
    _install(site, "broken-rules", "broken_rules", "broken = broken_rules",
             {"__init__.py": "raise ImportError('needs the newsroom VPN')\n", "x.yaml": DESK_PACK})
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return site


def _run(
    site: Path, *argv: str, config: str | None = None, name: str = "pyproject.toml"
) -> subprocess.CompletedProcess[str]:
    work = site.parent / "work"
    if config is not None:
        (work / name).write_text(config, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path]), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "numcheck.cli", *argv], cwd=work, env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_an_installed_pack_is_not_used_until_named(site: Path) -> None:
    done = _run(site, "check", "a.txt", "--format", "jsonl")
    assert done.returncode == 0 and "desk-storm-deaths" not in done.stdout, done.stderr
    named = _run(site, "check", "a.txt", "--format", "jsonl", "--rules", "pack:desk")
    assert named.returncode == 0 and named.stderr == ""
    assert '"rule": "desk-storm-deaths"' in named.stdout


@pytest.mark.parametrize(("name", "config"), [
    ("pyproject.toml", '[tool.numcheck]\npacks = ["desk"]\n'),
    (".numcheck.yaml", "packs: [desk]\n"),
])
def test_the_project_config_names_packs(site: Path, name: str, config: str) -> None:
    done = _run(site, "check", "a.txt", "--format", "jsonl", config=config, name=name)
    assert '"rule": "desk-storm-deaths"' in done.stdout, done.stderr


def test_rules_list_shows_installed_packs_and_a_broken_one(site: Path) -> None:
    done = _run(site, "rules", "list", "--rules", "pack:desk")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("desk-storm-deaths ") and " desk " in line for line in lines)
    desk = next(line for line in lines if line.startswith("desk "))
    assert desk.split()[1:] == ["desk-rules", "0.3", "desk_rules", "used", "1", "file"]
    broken = next(line for line in lines if line.startswith("broken "))
    assert "not used" in broken and "failed to load (ImportError: needs the newsroom VPN)" in broken


def test_a_pack_that_fails_to_import_is_one_line_and_the_others_still_load(site: Path) -> None:
    bad = DESK_PACK.replace("desk-storm-deaths", "desk-two").replace("max: 500000", "max: lots")
    (site.parent / "work" / "mine.yaml").write_text(bad, encoding="utf-8")
    done = _run(site, "check", "a.txt", "--rules", "pack:broken", "--rules", "pack:desk", "--rules", "mine.yaml")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "pack:broken: rule pack 'broken' from broken-rules 0.3 failed to load (ImportError: needs the newsroom VPN)",
        "mine.yaml:9:10: 'max' must be a number",
    ]


def test_an_unknown_pack_names_the_installed_ones(site: Path) -> None:
    done = _run(site, "check", "a.txt", "--rules", "pack:dsek")
    assert done.returncode == 2
    assert done.stderr == ("pack:dsek: no installed rule pack 'dsek' (installed: broken, desk; "
                           "see 'numcheck rules list')\n")
