"""The newsroom's own checks on its articles, written with numcheck.testing.

`pytest --numcheck` (on by default in pyproject.toml) already checks every article against the
rule packs; these tests pin down what the desk cares about most: key figures are read as meant,
and the known problem in the school-staff draft stays flagged until someone fixes it.
"""

from pathlib import Path

import pytest

from numcheck.config import find_project_config
from numcheck.testing import assert_claims, assert_consistent, assert_finding, assert_no_finding

ARTICLES = Path(__file__).resolve().parent.parent / "articles"


@pytest.fixture(scope="module")
def checker():
    """One Checker for the module, as pyproject.toml's [tool.numcheck] configures it: rules and units
    are loaded once, not once per assertion."""
    return find_project_config(ARTICLES).checker()


@pytest.mark.parametrize("name", ["ferry-service.md", "library-budget.md", "weather-notes.txt"])
def test_published_articles_are_consistent(name, checker):
    assert_consistent(ARTICLES / name, checker=checker)


def test_ferry_passenger_breakdown_is_read(checker):
    assert_claims(ARTICLES / "ferry-service.md", ["86 passengers", "52 adults", "1.2 million EUR"], checker=checker)
    assert_no_finding(ARTICLES / "ferry-service.md", "breakdown-sum", checker=checker)


def test_library_change_is_checked(checker):
    assert_claims(ARTICLES / "library-budget.md", ["60 hours", "48 hours", "25%"], checker=checker)
    assert_no_finding(ARTICLES / "library-budget.md", "change-arithmetic", checker=checker)


def test_school_staff_draft_is_still_flagged(checker):
    """200 + 150 + 80 is 430, not 450: the draft must be fixed before it is published."""
    assert_finding(ARTICLES / "school-staff.md", "breakdown-sum", line=8, checker=checker)
