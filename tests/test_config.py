"""Project config: found by walking up, validated with file:line, and overridden by CLI flags."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from numcheck.cli import main
from numcheck.config import Config, ProjectConfig, find_project_config
from numcheck.errors import ConfigError
from tests._projectkit import ARTICLE, make_project, run_numcheck


def _project(tmp_path: Path, pyproject: str | None = None, yaml_text: str | None = None) -> Path:
    (tmp_path / "articles" / "world").mkdir(parents=True)
    (tmp_path / "articles" / "world" / "treaty.md").write_text(ARTICLE, encoding="utf-8")
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    if yaml_text is not None:
        (tmp_path / ".numcheck.yaml").write_text(yaml_text, encoding="utf-8")
    return tmp_path / "articles" / "world" / "treaty.md"


def test_found_by_walking_up_from_the_checked_file(tmp_path: Path) -> None:
    article = _project(tmp_path, pyproject='[project]\nname = "desk"\n\n[tool.numcheck]\nfail-on = "warning"\n')
    found = find_project_config(article)
    assert (found.path, found.root) == (tmp_path / "pyproject.toml", tmp_path)
    assert find_project_config(str(article.parent)).settings.fail_on == "warning"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    article = _project(tmp_path / "inner", pyproject='[project]\nname = "x"\n')
    (tmp_path / ".numcheck.yaml").write_text("disable: [human-age]\n", encoding="utf-8")
    found = find_project_config(article)
    assert found.path == tmp_path / ".numcheck.yaml"
    assert found.settings.disable == ("human-age",)


def test_no_config_gives_the_defaults(tmp_path: Path) -> None:
    article = _project(tmp_path)
    (tmp_path / ".git").mkdir()  # the walk stops at the repository root, whatever lies above it
    assert find_project_config(article) == ProjectConfig(None, tmp_path, Config())


def test_every_key_is_read(tmp_path: Path) -> None:
    text = """\
[tool.numcheck]
rules = ["desk-rules/"]
disable = ["repeated-figure"]
select = ["range", "breakdown-sum"]
fail-on = "warning"
include = ["articles/**/*.md"]
exclude = ["articles/drafts/**"]
format = "json"
max-bytes = 1000000
jobs = 2

[tool.numcheck.severity]
human-age = "error"
"""
    _project(tmp_path, pyproject=text)
    config = find_project_config(explicit=tmp_path / "pyproject.toml").settings
    assert config.rules == (os.path.join(str(tmp_path), "desk-rules/"),)
    assert config.disable == ("repeated-figure",) and config.select == ("range", "breakdown-sum")
    assert dict(config.severity) == {"human-age": "error"}
    assert (config.fail_on, config.format, config.max_bytes, config.jobs) == ("warning", "json", 1000000, 2)
    assert config.include == ("articles/**/*.md",) and config.exclude == ("articles/drafts/**",)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('fail-on = "warning"\ncolour = "red"\n', 'pyproject.toml:5:1: unknown key \'colour\''),
        ('fail_on = "warning"\n', "pyproject.toml:4:1: unknown key 'fail_on' (expected one of: rules, packs, disable, "
                                  "select, severity, fail-on, include, exclude, format, max-bytes, jobs); "
                                  "did you mean 'fail-on'?"),
        ('fail-on = "sometimes"\n', "pyproject.toml:4:11: bad fail-on 'sometimes'"),
        ("disable = 3\n", "pyproject.toml:4:11: 'disable' must be a list of strings"),
        ('format = "pdf"\n', "pyproject.toml:4:10: unknown format 'pdf'"),
        ("jobs = -1\n", "pyproject.toml:4:8: 'jobs' must be a whole number of at least 0"),
        ("max-bytes = true\n", "pyproject.toml:4:13: 'max-bytes' must be a whole number of at least 1"),
        ('\n[tool.numcheck.severity]\nhuman-age = "fatal"\n',
         "pyproject.toml:6:13: bad severity 'fatal' for 'human-age'"),
        ("rules = [\n", "pyproject.toml:5:1: invalid TOML"),
    ],
)
def test_bad_toml_config_names_file_line_and_column(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n[tool.numcheck]\n' + body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        find_project_config(explicit=str(path))
    assert str(caught.value).replace(str(tmp_path) + "/", "").startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: [a.yaml]\ncolour: red\n", ".numcheck.yaml:2:1: unknown key 'colour'"),
        ("severity:\n  human-age: error\n  countries-count: loud\n", ".numcheck.yaml:3:20: bad severity 'loud'"),
        ("disable: [a]\ndisable: [b]\n", ".numcheck.yaml:2:1: duplicate key 'disable'"),
        ("disable:\n\t- a\n", ".numcheck.yaml:2:1: invalid YAML: tab character"),
        ("- a\n", ".numcheck.yaml:1:1: a .numcheck.yaml must be a mapping"),
    ],
)
def test_bad_yaml_config_names_file_line_and_column(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / ".numcheck.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        find_project_config(tmp_path)
    assert str(caught.value).replace(str(tmp_path) + "/", "").startswith(message), str(caught.value)


def test_missing_explicit_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        find_project_config(explicit=tmp_path / "nope.toml")


# --- through the CLI -------------------------------------------------------------------------------


def test_cli_reads_config_and_flags_override_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project(tmp_path, pyproject='[tool.numcheck]\nfail-on = "warning"\n')
    assert main(["check", str(article)]) == 1  # config: fail on the countries-count warning
    assert "countries-count" in capsys.readouterr().out
    assert main(["check", str(article), "--fail-on", "error"]) == 0  # the flag wins


def test_cli_config_disables_and_overrides_severity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project(tmp_path, yaml_text="disable: [countries-count]\n")
    assert main(["check", str(article), "--fail-on", "info"]) == 0
    assert "countries-count" not in capsys.readouterr().out
    (tmp_path / ".numcheck.yaml").write_text("severity:\n  countries-count: error\n", encoding="utf-8")
    assert main(["check", str(article)]) == 1


def test_cli_config_rule_packs_are_relative_to_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project(tmp_path, yaml_text="rules: [desk/]\nselect: [treaty-size]\n")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "treaty.yaml").write_text(
        "rules:\n  - id: treaty-size\n    check: range\n    severity: error\n    message: '{explanation}'\n"
        "    where: {noun: country}\n    max: 100\n", encoding="utf-8")
    assert main(["check", str(article)]) == 1
    out = capsys.readouterr().out
    assert "treaty-size" in out and "countries-count" not in out


def test_cli_explicit_config_and_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project(tmp_path)
    bad = tmp_path / "ci.yaml"
    bad.write_text("fail-on: warning\nselect: [no-such-rule]\n", encoding="utf-8")
    assert main(["check", str(article), "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "unknown rule id or check kind: no-such-rule" in err and "Traceback" not in err
    bad.write_text("colour: red\n", encoding="utf-8")
    assert main(["check", str(article), "--config", str(bad)]) == 2
    assert f"{bad}:1:1: unknown key 'colour'" in capsys.readouterr().err


def test_cli_unknown_select_or_disable_flag_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _project(tmp_path)
    assert main(["check", str(article), "--disable", "breakdown-summ"]) == 2
    assert "breakdown-summ" in capsys.readouterr().err
    assert main(["check", str(article), "--select", "range"]) == 0  # a check kind is accepted


# --- one walk for everyone: what wins, where it stops --------------------------------------------


def test_yaml_wins_over_a_configured_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    article = make_project(tmp_path, pyproject='[tool.numcheck]\nfail-on = "warning"\n',
                           yaml_text="disable: [countries-count]\n")
    found = find_project_config(article.parent)
    assert (found.path, found.root) == (tmp_path / ".numcheck.yaml", tmp_path)
    assert found.settings.disable == ("countries-count",) and found.settings.fail_on is None


def test_a_nearer_config_wins_over_a_farther_one(tmp_path: Path) -> None:
    article = make_project(tmp_path, yaml_text="disable: [countries-count]\n")
    (tmp_path / "articles" / "pyproject.toml").write_text('[tool.numcheck]\nfail-on = "info"\n', encoding="utf-8")
    found = find_project_config(article)
    assert (found.path, found.root) == (tmp_path / "articles" / "pyproject.toml", tmp_path / "articles")
    assert found.settings.fail_on == "info" and found.settings.disable == ()


def test_the_walk_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".numcheck.yaml").write_text("fail-on: info\n", encoding="utf-8")  # outside the repository
    article = make_project(tmp_path / "repo")
    assert find_project_config(article) == ProjectConfig(None, tmp_path / "repo", Config())
    (tmp_path / "repo" / ".git").rmdir()  # no repository: the walk goes on up and finds it
    assert find_project_config(article).path == tmp_path / ".numcheck.yaml"


def test_explicit_config_skips_the_walk(tmp_path: Path) -> None:
    article = make_project(tmp_path, yaml_text="disable: [countries-count]\n")
    ci = tmp_path / "ci" / "numcheck.yaml"
    ci.parent.mkdir()
    ci.write_text("rules: [../desk]\n", encoding="utf-8")
    found = find_project_config(article, explicit=ci)
    assert (found.path, found.root, found.settings.disable) == (ci, ci.parent, ())
    assert found.settings.rules == (os.path.join(str(ci.parent), "../desk"),)


# --- the CLI, as a subprocess started inside the project ------------------------------------------


def test_cli_finds_the_config_from_a_sub_folder(tmp_path: Path) -> None:
    article = make_project(tmp_path, pyproject='[project]\nname = "desk"\n\n[tool.numcheck]\nfail-on = "warning"\n')
    result = run_numcheck(article.parent, "check", "treaty.md")
    assert result.returncode == 1, result.stderr
    assert "treaty.md:1:" in result.stdout and "countries-count" in result.stdout
    piped = run_numcheck(article.parent, "check", "-", stdin=ARTICLE)  # stdin: found from the current folder
    assert piped.returncode == 1 and "countries-count" in piped.stdout
    (tmp_path / "pyproject.toml").unlink()
    assert run_numcheck(article.parent, "check", "treaty.md").returncode == 0  # a warning; fails on error


def test_cli_yaml_wins_over_pyproject_and_config_flag_wins_over_both(tmp_path: Path) -> None:
    article = make_project(tmp_path, pyproject='[tool.numcheck]\nfail-on = "warning"\n',
                           yaml_text="fail-on: warning\ndisable: [countries-count]\n")
    found = run_numcheck(article.parent, "check", "treaty.md")
    assert found.returncode == 0 and "countries-count" not in found.stdout, found.stdout + found.stderr
    named = run_numcheck(article.parent, "check", "treaty.md", "--config", "../../pyproject.toml")
    assert named.returncode == 1 and "countries-count" in named.stdout


def test_cli_project_pack_from_yaml_is_loaded_relative_to_it(tmp_path: Path) -> None:
    article = make_project(tmp_path, yaml_text="rules: [desk/]\n")
    result = run_numcheck(article.parent, "check", "treaty.md")
    assert result.returncode == 1
    assert re.search(r"^treaty\.md:1:26 +error +treaty-size ", result.stdout, re.MULTILINE), result.stdout


def test_cli_bad_found_config_is_one_line_with_position_and_exit_2(tmp_path: Path) -> None:
    article = make_project(tmp_path, yaml_text="disable: [countries-count]\nfail-on: sometimes\n")
    result = run_numcheck(article.parent, "check", "treaty.md")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{tmp_path / '.numcheck.yaml'}:2:10: bad fail-on 'sometimes' (expected one of: info, warning, error, never)"
    ], result.stderr
    assert result.stdout == ""
