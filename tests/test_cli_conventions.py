"""The command line's manners, as ruff and Vale have them: version, help with exit codes, --quiet,
--statistics and colour that follows the terminal, NO_COLOR and FORCE_COLOR. All through the real
``numcheck`` process; the colour tests also give it a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from _cli import numcheck

import numcheck as package

BROKEN = "# Staff\n\nThe county will hire 450 school staff: 200 teachers, 150 assistants and 80 cooks.\n"
CLEAN = "The council met 3 times this year.\n"
ESC = "\x1b["


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the project's root: no config above it is read
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "staff.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "articles" / "council.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str, tmp_path: Path) -> None:
    done = numcheck(flag, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"numcheck {package.__version__}\n", "")


def test_check_help_lists_the_exit_codes(tmp_path: Path) -> None:
    done = numcheck("check", "--help", cwd=tmp_path)
    assert done.returncode == 0
    text = done.stdout
    codes = text[text.index("exit codes:"):].splitlines()
    starts = {line.split(None, 1)[0]: line.split(None, 1)[1] for line in codes[1:] if line.startswith("  ")
              and line.split()[0].isdigit()}
    assert starts["0"].startswith("no finding at or above --fail-on")
    assert starts["1"].startswith("findings at or above --fail-on")
    assert starts["2"].startswith("usage, configuration, rule-file or input error")
    assert starts["130"] == "interrupted"
    assert "--quiet" in text and "--statistics" in text and "NO_COLOR" in text


def test_quiet_prints_the_findings_and_nothing_else(desk: Path) -> None:
    done = numcheck("check", "articles", "--quiet", cwd=desk)
    assert done.returncode == 1
    assert done.stdout == ("articles/staff.md:3:22 error breakdown-sum "
                           "The parts add up to 430, but the total given is 450\n")
    assert done.stderr == ""
    clean = numcheck("check", "articles/council.txt", "-q", cwd=desk)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")


def test_statistics_counts_findings_by_rule(desk: Path) -> None:
    (desk / "articles" / "ferry.txt").write_text(
        "The ferry carried 64 people: 41 adults, 19 children and eight crew.\n", encoding="utf-8")
    done = numcheck("check", "articles", "--statistics", cwd=desk)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["count", "rule", "check", "severity"]
    assert lines[2].split() == ["2", "breakdown-sum", "sum_of_parts", "error"]
    assert lines[-1].startswith("2 findings (2 errors, 0 warnings, 0 info) in 3 files, ")
    as_json = numcheck("check", "articles", "--statistics", "--format", "json", cwd=desk)
    assert json.loads(as_json.stdout) == [{"rule": "breakdown-sum", "check": "sum_of_parts", "severity": "error",
                                           "count": 2}]
    refused = numcheck("check", "articles", "--statistics", "--format", "sarif", cwd=desk)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == "numcheck check: --statistics prints text or json, not --format sarif\n"


def test_no_colour_when_piped_colour_with_force_color_and_never_with_no_color(desk: Path) -> None:
    piped = numcheck("check", "articles", cwd=desk)
    assert ESC not in piped.stdout and "breakdown-sum" in piped.stdout
    forced = numcheck("check", "articles", cwd=desk, env={"FORCE_COLOR": "1"})
    assert "\x1b[1;31merror\x1b[0m" in forced.stdout and "breakdown-sum" in forced.stdout
    both = numcheck("check", "articles", cwd=desk, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ESC not in both.stdout
    to_file = numcheck("check", "articles", "--output", "report.txt", cwd=desk, env={"FORCE_COLOR": "1"})
    assert to_file.stdout == "" and ESC not in (desk / "report.txt").read_text(encoding="utf-8")


def run_in_terminal(desk: Path, *argv: str, env: dict[str, str]) -> str:
    """``numcheck ARGV`` with a pseudo-terminal as stdin, stdout and stderr; what the terminal showed."""
    main, child = pty.openpty()
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CI")}
    full.update({"TERM": "xterm", **env})
    process = subprocess.Popen([sys.executable, "-m", "numcheck.cli", *argv], cwd=desk, env=full,
                               stdin=child, stdout=child, stderr=child, close_fds=True)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert process.wait(timeout=120) in (0, 1, 2)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_unless_no_color(desk: Path) -> None:
    shown = run_in_terminal(desk, "check", "articles", env={})
    assert "\x1b[1;31merror\x1b[0m" in shown
    plain = run_in_terminal(desk, "check", "articles", env={"NO_COLOR": "1"})
    assert "breakdown-sum" in plain and ESC not in plain
