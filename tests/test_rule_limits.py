"""Rule files that would misbehave at run time are refused when they load: exit 2, one line.

NaN and infinite bounds (``.nan`` silently disabled a range rule; ``.inf`` fired with "at least
inf"), message fields padded past a report line (``{text:>400000000}`` wrote 400 MB), and
``where.pattern`` regexes that RE2, the linear-time engine they run under, cannot compile.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from numcheck.rule import compile_pattern
from numcheck.ruleset import MAX_FORMAT_WIDTH, compile_where
from tests._projectkit import STORM_ARTICLE, STORM_PACK, run_numcheck

PACK = STORM_PACK
ARTICLE = STORM_ARTICLE


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("max: 500000", "max: .nan", "desk.yaml:9:10: 'max' must be a finite number, not nan"),
        ("max: 500000", "max: .inf", "desk.yaml:9:10: 'max' must be a finite number, not inf"),
        ("max: 500000", "max: -.inf", "desk.yaml:9:10: 'max' must be a finite number, not -inf"),
        ("max: 500000", "max: 1.0e+400", "desk.yaml:9:10: 'max' must be a finite number, not inf"),
        # YAML 1.1 reads 1e400 (no dot, no sign) as a string, so it is refused as one
        ("max: 500000", "max: 1e400", "desk.yaml:9:10: 'max' must be a number"),
        ('"{explanation}"', '"{text:>400000000}"',
         f"desk.yaml:6:14: message field '{{text}}' has a width or precision over {MAX_FORMAT_WIDTH} "
         "in '{text:>400000000}'"),
        ('"{explanation}"', '"{value:.999999f}"',
         f"desk.yaml:6:14: message field '{{value}}' has a width or precision over {MAX_FORMAT_WIDTH} "
         "in '{value:.999999f}'"),
        ("context: [storm, cyclone, hurricane]}", "context: [storm], pattern: '(storm) \\1'}",
         "desk.yaml:8:54: pattern does not compile: invalid escape sequence: \\1 (patterns run under RE2: "
         "no back-references or look-around)"),
        ("context: [storm, cyclone, hurricane]}", "context: [storm], pattern: '(?<=storm) killed'}",
         "desk.yaml:8:54: pattern does not compile: invalid perl operator: (?<= (patterns run under RE2: "
         "no back-references or look-around)"),
    ],
)
def test_refused_at_load_with_one_line_and_exit_2(tmp_path: Path, old: str, new: str, expected: str) -> None:
    (tmp_path / "desk.yaml").write_text(PACK.replace(old, new), encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = run_numcheck(tmp_path, "check", "a.txt", "--rules", "desk.yaml")
    assert (done.returncode, done.stderr, done.stdout) == (2, expected + "\n", "")


def test_the_same_pack_with_sane_values_runs(tmp_path: Path) -> None:
    text = PACK.replace('"{explanation}"', '"{text:>12} is too many"').replace(
        "context: [storm, cyclone, hurricane]}", "context: [storm], pattern: 'storm\\s+killed'}")
    (tmp_path / "desk.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = run_numcheck(tmp_path, "check", "a.txt", "--rules", "desk.yaml", "--no-default-rules", "--format", "json")
    assert done.returncode == 0 and done.stderr == ""
    (finding,) = json.loads(done.stdout)["files"][0]["findings"]
    assert finding["message"] == "     900,000 is too many"


def test_patterns_run_under_re2_case_insensitively() -> None:
    assert compile_where({"pattern": r"STORM \w+"})[1] == []
    pattern = compile_pattern(r"STORM \w+")
    assert type(pattern).__module__.startswith("re2") and pattern.search("the storm Ana") is not None
    # catastrophic backtracking under Python's re ((a+)+$ on "aaaa...!"), linear time under RE2
    assert compile_pattern(r"(a+)+$").search("a" * 5000 + "!") is None
