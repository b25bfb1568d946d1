"""``numcheck lsp`` and ``numcheck serve`` from the command line: the missing extra, bad flags, bad rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BLOCK = ("import sys\nfor name in {names!r}: sys.modules[name] = None\n"
         "from numcheck.cli import main\nsys.exit(main({argv!r}))\n")


def run_blocked(names: list[str], argv: list[str]) -> subprocess.CompletedProcess[str]:
    """The CLI in a subprocess where importing ``names`` fails, as it does without the extra."""
    code = BLOCK.format(names=names, argv=argv)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("command", "blocked"), [("lsp", ["pygls"]), ("lsp", ["lsprotocol"]),
                                                  ("serve", ["starlette"]), ("serve", ["uvicorn"])])
def test_without_the_live_extra_one_line_and_exit_2(command: str, blocked: list[str]):
    result = run_blocked(blocked, [command])
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert f"numcheck {command}: needs the live extra (missing module '{blocked[0]}')" in result.stderr
    assert "pip install 'numcheck[live]'" in result.stderr


def test_the_other_commands_do_not_need_the_extra(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Of the 35 countries, 26 signed.\n", encoding="utf-8")
    result = run_blocked(["pygls", "lsprotocol", "starlette", "uvicorn"], ["check", str(article)])
    assert result.returncode == 0, result.stderr


def test_serve_with_a_broken_rule_file_exits_2_naming_it(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("pack: bad\nrules:\n  - id: x\n    check: nope\n    severity: error\n    message: m\n")
    result = subprocess.run([sys.executable, "-m", "numcheck.cli", "serve", "--rules", str(bad), "--port", "1"],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:4:")
    assert "Traceback" not in result.stderr


def test_serve_bad_flag_is_a_usage_error():
    result = subprocess.run([sys.executable, "-m", "numcheck.cli", "serve", "--timeout", "-1"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "must be more than 0" in result.stderr


def test_help_lists_the_live_commands():
    result = subprocess.run([sys.executable, "-m", "numcheck.cli", "--help"], capture_output=True, text=True,
                            timeout=60)
    assert "lsp" in result.stdout and "serve" in result.stdout


def test_serve_on_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "numcheck.cli", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"numcheck serve: cannot listen on 127.0.0.1:{port}: Address already in use\n"
