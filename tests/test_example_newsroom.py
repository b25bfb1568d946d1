"""The example newsroom in examples/newsroom, run with pytest in a subprocess as its CI would run it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

NEWSROOM = Path(__file__).resolve().parent.parent / "examples" / "newsroom"


@pytest.fixture
def newsroom(pytester: pytest.Pytester) -> pytest.Pytester:
    shutil.copytree(NEWSROOM, pytester.path, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    return pytester


def test_planted_breakdown_fails_and_the_other_articles_pass(newsroom):
    result = newsroom.runpytest_subprocess("-v", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines_random([
        "*articles/school-staff.md::numcheck FAILED*",
        "*articles/ferry-service.md::numcheck PASSED*",
        "*articles/library-budget.md::numcheck PASSED*",
        "*articles/weather-notes.txt::numcheck PASSED*",
        "*tests/test_articles.py::test_school_staff_draft_is_still_flagged PASSED*",
        "numcheck: 4 article(s) from [[]tool.numcheck[]] include: articles/**/*.md, articles/**/*.txt*",
    ])
    # The failure reads like the CLI: path:line:col severity rule message, then the arithmetic.
    result.stdout.fnmatch_lines([
        "articles/school-staff.md:8:*error breakdown-sum The parts add up to 430, but the total given is 450*",
    ])
    assert "Traceback" not in result.stdout.str()
    result.assert_outcomes(passed=9, failed=1)


def test_the_newsroom_tests_alone_pass(newsroom):
    """Without --numcheck items, the assertions in tests/test_articles.py all hold."""
    result = newsroom.runpytest_subprocess("-p", "no:cacheprovider", "-o", "addopts=", "tests")
    result.assert_outcomes(passed=6)
