"""Which files a run reads, through ``numcheck check`` as a subprocess and ``pytest --numcheck``.

The desk below is a small newsroom repository as it looks after a few weeks of use: articles, a
README, a virtualenv, build output, node_modules, a git-ignored export folder. Every article-like
file holds the same broken breakdown, so whichever file is read shows up as a finding.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from _cli import numcheck

BROKEN = "The ferry carried 64 people: 41 adults, 19 children and eight crew.\n"
CLUTTER = (".venv/lib/site.md", "venv/notes.txt", "node_modules/pkg/readme.md", ".tox/log.txt",
           "__pycache__/x.md", "build/page.html", "dist/notes.md", ".cache/draft.md")


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name in ("articles/ferry.md", "articles/world/storm.txt", "README.md", "exports/feed.md", *CLUTTER):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("exports/\n", encoding="utf-8")
    return tmp_path


def checked(desk: Path, *argv: str) -> list[str]:
    """The files a ``numcheck check`` run read, as it names them (json output)."""
    done = numcheck("check", *argv, "--format", "json", cwd=desk)
    assert done.returncode in (0, 1), done.stderr
    return sorted(entry["path"] for entry in json.loads(done.stdout)["files"])


def test_a_folder_walk_skips_the_default_excludes_and_git_ignored_files(desk: Path) -> None:
    assert checked(desk, ".") == ["./README.md", "./articles/ferry.md", "./articles/world/storm.txt"]
    assert checked(desk, ".", "--no-respect-gitignore") == [
        "./README.md", "./articles/ferry.md", "./articles/world/storm.txt", "./exports/feed.md"]


def test_the_config_exclude_and_include_apply_to_walks(desk: Path) -> None:
    (desk / "pyproject.toml").write_text('[tool.numcheck]\nexclude = ["README.md", "articles/world"]\n',
                                         encoding="utf-8")
    assert checked(desk, ".") == ["./articles/ferry.md"]
    assert checked(desk, "articles/world") == ["articles/world/storm.txt"]  # named: read despite the exclude
    assert checked(desk, "articles/world", "--force-exclude") == []
    (desk / "pyproject.toml").write_text('[tool.numcheck]\ninclude = ["articles/*.md"]\n', encoding="utf-8")
    assert checked(desk, ".") == ["./articles/ferry.md"]
    assert checked(desk) == ["./articles/ferry.md"]  # no paths: the include is the run


def test_named_paths_are_checked_unless_force_exclude(desk: Path) -> None:
    assert checked(desk, "build") == ["build/page.html"]  # the named folder itself is never excluded
    assert checked(desk, "exports") == ["exports/feed.md"]  # nor ignored, when git ignores it
    assert checked(desk, ".venv/lib/site.md", "articles/ferry.md") == [".venv/lib/site.md", "articles/ferry.md"]
    assert checked(desk, ".venv/lib/site.md", "articles/ferry.md", "--force-exclude") == ["articles/ferry.md"]
    done = numcheck("check", "--force-exclude", "build/page.html", cwd=desk)
    assert (done.returncode, done.stderr) == (0, "")  # a commit touching only excluded files passes


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(desk: Path) -> None:
    assert checked(desk, ".", "--exclude", "articles", "--exclude", "README.md", "--no-respect-gitignore") == [
        f"./{name}" for name in sorted(("exports/feed.md", *CLUTTER))]
    assert checked(desk, ".", "--extend-exclude", "world") == ["./README.md", "./articles/ferry.md"]
    assert checked(desk, ".", "--extend-exclude", "articles/*.md") == ["./README.md", "./articles/world/storm.txt"]


def test_a_bad_glob_is_one_line_and_exit_2(desk: Path) -> None:
    done = numcheck("check", ".", "--exclude", "drafts[", cwd=desk)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "--exclude: bad glob 'drafts[': unclosed '[' (a class is written '[abc]')\n"
    (desk / ".numcheck.yaml").write_text("exclude:\n  - 'a**b'\n", encoding="utf-8")
    done = numcheck("check", ".", cwd=desk)
    assert done.returncode == 2
    assert done.stderr == (f"{desk / '.numcheck.yaml'}:2:6: exclude: bad glob 'a**b': '**' must be a whole path "
                           "part, as in 'a/**/b'\n")


def test_an_include_that_matches_nothing_is_one_line_and_exit_2(desk: Path) -> None:
    (desk / "pyproject.toml").write_text('[tool.numcheck]\ninclude = ["stories/**/*.md"]\n', encoding="utf-8")
    done = numcheck("check", cwd=desk)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [f"{desk / 'pyproject.toml'}:2:13: include matches no article file under . "
                                        "(stories/**/*.md; excluded and git-ignored files are skipped)"]


def test_bare_check_at_a_terminal_prints_usage_and_piped_input_still_works(desk: Path) -> None:
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    process = subprocess.Popen([sys.executable, "-m", "numcheck.cli", "check"], cwd=desk, env=env, stdin=child,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.close(child)
    out, err = process.communicate(timeout=60)  # it must not sit waiting for a terminal's input
    os.close(main)
    assert process.returncode == 2 and out == ""
    assert err.startswith("usage: numcheck check [-h]")
    assert err.splitlines()[-1].startswith("numcheck check: no paths given and no include in the project config")
    piped = numcheck("check", "-", cwd=desk, stdin=BROKEN)
    assert piped.returncode == 1 and "breakdown-sum" in piped.stdout


def test_pytest_numcheck_path_collects_the_articles_under_it(pytester: pytest.Pytester) -> None:
    """No include and no numcheck_paths: the paths given are the articles' folders."""
    pytester.chdir()
    for name in ("articles/ferry.md", "articles/world/storm.txt", *CLUTTER[:2]):
        (pytester.path / name).parent.mkdir(parents=True, exist_ok=True)
        (pytester.path / name).write_text(BROKEN, encoding="utf-8")
    (pytester.path / "articles" / ".venv").mkdir()
    (pytester.path / "articles" / ".venv" / "x.md").write_text(BROKEN, encoding="utf-8")
    result = pytester.runpytest_subprocess("--numcheck", "articles", "--collect-only", "-q", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["articles/ferry.md::numcheck", "articles/world/storm.txt::numcheck", "",
                                 "2 tests collected*"])
    run = pytester.runpytest_subprocess("--numcheck", "articles", "-p", "no:cacheprovider")
    run.assert_outcomes(failed=2)
    run.stdout.fnmatch_lines(["numcheck: 2 article(s) from the paths given: articles*"])


def test_pytest_numcheck_with_an_include_that_matches_nothing_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", pyproject='[tool.numcheck]\ninclude = ["stories/**/*.md"]\n')
    pytester.makepyfile(test_other="def test_other():\n    pass\n")
    result = pytester.runpytest_subprocess("--numcheck", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*numcheck: [[]tool.numcheck[]] include (*pyproject.toml) matches no article file: "
                                 "stories/**/*.md"])


def test_pytest_numcheck_on_a_test_file_alone_is_no_error(pytester: pytest.Pytester) -> None:
    """--numcheck in addopts and a test file named: no articles, the test runs, the header says so."""
    pytester.makefile(".toml", pyproject='[tool.pytest.ini_options]\naddopts = "--numcheck"\n')
    pytester.makepyfile(test_other="def test_other():\n    pass\n")
    result = pytester.runpytest_subprocess("test_other.py", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["numcheck: 0 article(s) from the paths given: test_other.py*"])
