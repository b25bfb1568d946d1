"""The pytest plugin, run for real in pytester subprocesses (the way a newsroom's CI runs it)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

GOOD = "The ferry carried 64 people: 41 adults, 15 children and eight crew.\n"
BAD = "# Ferry\n\nThe ferry carried 64 people: 41 adults, 19 children and eight crew.\n"
HOUSE_PACK = textwrap.dedent(
    """\
    pack: house
    description: The desk's own limits
    rules:
      - id: house-drones
        check: range
        severity: warning
        where: {noun: [drone]}
        max: MAX
        message: "{value:g} drones is more than any attack we have reported"
    """
)


def write_project(pytester: pytest.Pytester, ini: str = "", tool: str = "") -> None:
    pytester.makefile(".toml", pyproject=f"[tool.pytest.ini_options]\n{ini}\n\n[tool.numcheck]\n{tool}\n")


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess(*args)


def test_without_flag_articles_are_not_collected(pytester):
    write_project(pytester, ini='numcheck_paths = ["*.md"]')
    pytester.makefile(".md", story=GOOD)
    result = run(pytester)
    result.assert_outcomes()
    assert "numcheck:" not in result.stdout.str() and "::numcheck" not in result.stdout.str()


def test_without_paths_or_include_nothing_is_collected_and_header_says_so(pytester):
    write_project(pytester)
    pytester.makefile(".md", story=GOOD)
    result = run(pytester, "--numcheck")
    result.stdout.fnmatch_lines(["numcheck: no articles collected (name article files or folders: "
                                 "pytest --numcheck PATH..., or set the ini option numcheck_paths*"])
    result.assert_outcomes()


def test_numcheck_paths_collects_articles_with_ids_and_marker(pytester):
    write_project(pytester, ini='numcheck_paths = ["news/*.md", "news/*.txt"]')
    pytester.mkdir("news")
    (pytester.path / "news" / "a.md").write_text(GOOD)
    (pytester.path / "news" / "b.txt").write_text(GOOD)
    (pytester.path / "news" / "c.html").write_text(GOOD)  # not matched by the globs
    (pytester.path / "README.md").write_text(GOOD)  # never an article unless a glob says so
    result = run(pytester, "--numcheck", "--collect-only", "-q", "-m", "numcheck", "--strict-markers")
    result.stdout.fnmatch_lines(["news/a.md::numcheck", "news/b.txt::numcheck", "", "2 tests collected*"])
    assert "c.html" not in result.stdout.str() and "README" not in result.stdout.str()
    result = run(pytester, "--numcheck", "-v")
    result.stdout.fnmatch_lines([
        "numcheck: 2 article(s) from numcheck_paths: news/*.md, news/*.txt (fail on error)",
        "*news/a.md::numcheck PASSED*",
        "*news/b.txt::numcheck PASSED*",
    ])


def test_articles_outside_testpaths_are_found_without_arguments(pytester):
    write_project(pytester, ini='testpaths = ["tests"]\nnumcheck_paths = ["articles/**/*.md"]')
    pytester.mkdir("tests")
    (pytester.path / "tests" / "test_x.py").write_text("def test_x():\n    pass\n")
    (pytester.path / "articles" / "2024").mkdir(parents=True)
    (pytester.path / "articles" / "2024" / "a.md").write_text(GOOD)
    result = run(pytester, "--numcheck", "-v")
    result.stdout.fnmatch_lines(["*articles/2024/a.md::numcheck PASSED*"])
    result.assert_outcomes(passed=2)
    # Naming a path on the command line is respected: only that is collected.
    result = run(pytester, "--numcheck", "tests")
    result.assert_outcomes(passed=1)


def test_config_include_and_exclude_are_honoured(pytester):
    write_project(pytester, tool='include = ["stories/*.md"]\nexclude = ["stories/draft-*.md"]')
    pytester.mkdir("stories")
    (pytester.path / "stories" / "one.md").write_text(GOOD)
    (pytester.path / "stories" / "draft-two.md").write_text(BAD)
    result = run(pytester, "--numcheck", "-v")
    result.stdout.fnmatch_lines(["*stories/one.md::numcheck PASSED*"])
    result.assert_outcomes(passed=1)


def test_failure_shows_findings_like_the_cli_without_traceback(pytester):
    write_project(pytester, ini='numcheck_paths = ["*.md"]')
    pytester.makefile(".md", ferry=BAD)
    result = run(pytester, "--numcheck")
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    result.stdout.fnmatch_lines(["ferry.md:3:*error breakdown-sum *", "    *"])
    assert "Traceback" not in out and "def runtest" not in out and "ArticleFailed" not in out


def test_config_disable_and_fail_on_are_honoured(pytester):
    write_project(pytester, ini='numcheck_paths = ["*.md"]', tool='disable = ["breakdown-sum"]')
    pytester.makefile(".md", ferry=BAD)
    run(pytester, "--numcheck").assert_outcomes(passed=1)
    write_project(pytester, ini='numcheck_paths = ["*.md"]', tool='severity = { breakdown-sum = "warning" }')
    run(pytester, "--numcheck").assert_outcomes(passed=1)
    write_project(pytester, ini='numcheck_paths = ["*.md"]',
                  tool='severity = { breakdown-sum = "warning" }\nfail-on = "warning"')
    run(pytester, "--numcheck").assert_outcomes(failed=1)


def test_unknown_id_in_suppression_is_a_pytest_warning(pytester):
    write_project(pytester, ini='numcheck_paths = ["*.md"]')
    pytester.makefile(".md", ferry="<!-- numcheck-disable no-such-rule -->\n" + GOOD)
    result = run(pytester, "--numcheck")
    result.assert_outcomes(passed=1, warnings=1)
    result.stdout.fnmatch_lines(["*NumcheckWarning: ferry.md:1:1: unknown rule id 'no-such-rule'*"])


def test_runs_under_xdist_with_two_workers(pytester):
    write_project(pytester, ini='numcheck_paths = ["news/*.md"]')
    pytester.mkdir("news")
    for i in range(4):
        (pytester.path / "news" / f"good{i}.md").write_text(GOOD)
    (pytester.path / "news" / "bad.md").write_text(BAD)
    result = run(pytester, "--numcheck", "-n", "2")
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines(["*news/bad.md:3:*breakdown-sum*"])


def test_cache_skips_unchanged_passes_and_rechecks_on_rule_change(pytester):
    write_project(pytester, ini='numcheck_paths = ["*.md"]', tool='rules = ["house.yaml"]')
    (pytester.path / "house.yaml").write_text(HOUSE_PACK.replace("MAX", "1000"))
    pytester.makefile(".md", good=GOOD, bad=BAD)
    args = ("--numcheck", "--numcheck-cache")
    run(pytester, *args).assert_outcomes(passed=1, failed=1)
    second = run(pytester, *args, "-rs")
    second.assert_outcomes(skipped=1, failed=1)  # failures are never cached
    second.stdout.fnmatch_lines(["*unchanged since it last passed numcheck*"])
    # Without the flag everything runs.
    run(pytester, "--numcheck").assert_outcomes(passed=1, failed=1)
    # A changed rule pack re-checks every article.
    (pytester.path / "house.yaml").write_text(HOUSE_PACK.replace("MAX", "2000"))
    run(pytester, *args).assert_outcomes(passed=1, failed=1)
    run(pytester, *args).assert_outcomes(skipped=1, failed=1)
    # So does a changed article.
    (pytester.path / "good.md").write_text(GOOD + "\nIt sailed twice.\n")
    run(pytester, *args).assert_outcomes(passed=1, failed=1)


def test_bad_project_config_is_a_usage_error(pytester):
    write_project(pytester, ini='numcheck_paths = ["*.md"]', tool='fail-on = "sometimes"')
    pytester.makefile(".md", ferry=GOOD)
    result = run(pytester, "--numcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "pyproject.toml" in result.stderr.str()


def test_plugin_import_does_not_pull_in_pandas_or_quantulum3():
    code = (
        "import sys, numcheck.pytest_plugin\n"
        "heavy = sorted(m for m in ('pandas', 'quantulum3') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_config_is_found_above_the_rootdir_and_yaml_wins_over_pyproject(pytester, monkeypatch):
    """pytest runs in site/ (its rootdir); the newsroom's config sits at the repository root above it."""
    (pytester.path / ".git").mkdir()
    site = pytester.mkdir("site")
    (site / "pytest.ini").write_text("[pytest]\n")
    (site / "ferry.md").write_text(BAD)
    (pytester.path / "pyproject.toml").write_text('[tool.numcheck]\ninclude = ["site/*.md"]\n')
    monkeypatch.chdir(site)
    result = run(pytester, "--numcheck", "-v")
    result.stdout.fnmatch_lines(["numcheck: 1 article(s) from [[]tool.numcheck[]] include: site/*.md*",
                                 "*ferry.md::numcheck FAILED*"])
    (pytester.path / ".numcheck.yaml").write_text("include: [site/*.md]\ndisable: [breakdown-sum]\n")
    result = run(pytester, "--numcheck", "-v")
    result.stdout.fnmatch_lines(["numcheck: 1 article(s) from .numcheck.yaml include: site/*.md*",
                                 "*ferry.md::numcheck PASSED*"])
    (pytester.path / ".numcheck.yaml").write_text("include: [site/*.md]\ndisable: breakdown-sum\nfail-on: loud\n")
    result = run(pytester, "--numcheck")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert f"{pytester.path / '.numcheck.yaml'}:3:10: bad fail-on 'loud'" in result.stderr.str()
