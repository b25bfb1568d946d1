"""The README's pre-commit hook, run by real pre-commit on a newsroom repository's staged files.

The hook is the ``repo: local`` one the README shows (``language: system``), read from the README
itself, so the documented configuration is the tested one. pre-commit finds ``numcheck`` on PATH,
as it would in a newsroom's virtualenv.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BROKEN = "The ferry carried 64 people: 41 adults, 19 children and eight crew.\n"
FIXED = "The ferry carried 68 people: 41 adults, 19 children and eight crew.\n"


def readme_hook_config() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### pre-commit"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None, "the README's pre-commit section has no yaml block"
    assert "repo: local" in block.group(1)
    return block.group(1)


def git(repo: Path, *argv: str) -> None:
    subprocess.run(["git", "-c", "user.name=desk", "-c", "user.email=desk@example.invalid", *argv], cwd=repo,
                   check=True, capture_output=True)


def pre_commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_readme_hook_fails_a_broken_staged_article_and_skips_excluded_files(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(readme_hook_config(), encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.numcheck]\nexclude = ["drafts"]\n', encoding="utf-8")
    for name, text in (("articles/ferry.md", BROKEN), ("drafts/ferry.md", BROKEN), ("build/ferry.html", BROKEN)):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")

    failed = pre_commit(repo, tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "articles/ferry.md:1:19" in failed.stdout and "breakdown-sum" in failed.stdout
    assert "drafts/ferry.md" not in failed.stdout and "build/ferry.html" not in failed.stdout

    (repo / "articles" / "ferry.md").write_text(FIXED, encoding="utf-8")
    git(repo, "add", "-A")
    passed = pre_commit(repo, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"numcheck\.+Passed", passed.stdout)


GOOD_PACK = """pack: desk
rules:
  - id: ferry-capacity
    check: range
    where: {noun: [passenger, person]}
    max: 1000
    severity: warning
    message: "{figure}: no ferry here carries more than 1,000"
    examples:
      pass: ["The ferry carried 64 people."]
      fail: ["The ferry carried 6,400 people."]
"""


def test_the_readme_rules_hook_refuses_a_pack_whose_example_misbehaves(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(readme_hook_config(), encoding="utf-8")
    pack = repo / "rules" / "desk.yaml"
    pack.parent.mkdir()
    pack.write_text(GOOD_PACK.replace("6,400", "640"), encoding="utf-8")  # the fail example no longer fails
    git(repo, "add", "-A")

    failed = pre_commit(repo, tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "rules/desk.yaml:" in failed.stdout and "ferry-capacity" in failed.stdout

    pack.write_text(GOOD_PACK, encoding="utf-8")
    git(repo, "add", "-A")
    passed = pre_commit(repo, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"numcheck rules validate\.+Passed", passed.stdout)
