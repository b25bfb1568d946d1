"""``numcheck rules list | validate | explain`` through the real entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.cli import main
from tests._projectkit import STORM_PACK as DESK
from tests._projectkit import make_project, run_numcheck


def _pack(tmp_path: Path, text: str = DESK, name: str = "desk.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_list_is_a_table_of_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "check", "severity", "pack", "description"]
    row = next(line for line in lines if line.startswith("breakdown-sum "))
    assert row.split()[1:4] == ["sum_of_parts", "error", "core"]
    assert "A total followed by its breakdown invites the reader to add it up." in row
    assert len([line for line in lines if " range " in line]) >= 8


def test_list_with_extra_packs_and_without_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "list", "--no-default-rules", "--rules", _pack(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "storm-deaths" in out and "breakdown-sum" not in out


def test_validate_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _pack(tmp_path)
    assert main(["rules", "validate", path, "rules/"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"ok: 1 rule, 2 examples in {path}"
    assert len(out) == 2 and out[1].startswith("ok: ") and out[1].endswith(" examples in rules/")


def test_validate_prints_one_line_per_problem_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = DESK.replace("check: range", "check: percent").replace("{explanation}", "{total}")
    bad = _pack(tmp_path, text, "bad.yaml")
    good = _pack(tmp_path)
    assert main(["rules", "validate", bad, good]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{bad}:4:12: unknown check 'percent' (expected one of: change, conversion, corpus_figure, expression, "
        "fraction_of, granularity, part_whole, percent_of, range, repeated_figure, sum_of_parts)",
        f"{bad}:6:14: unknown message field 'total' (expected one of: actual, check, expected, explanation, figure, "
        "high, low, noun, noun_plural, qualifier, rule, severity, text, unit, value)",
    ]
    assert captured.out == f"ok: 1 rule, 2 examples in {good}\n"  # the good file is still validated


def test_validate_runs_the_examples_one_line_per_misbehaving_example_exit_1(tmp_path: Path) -> None:
    """A fail example that does not fire and a pass example that does: 1, with file:line of each."""
    text = DESK.replace('pass: ["The storm killed 1,200 people."]',
                        'pass: ["The storm killed 1,200 people.", "The cyclone killed 700,000 people."]')
    text = text.replace('fail: ["The storm killed 900,000 people."]',
                        'fail:\n        - "The storm killed 900,000 people."\n        - "The storm killed 90 people."')
    path = _pack(tmp_path, text)
    good = _pack(tmp_path, DESK.replace("storm-deaths", "storm-deaths-copy"), "good.yaml")
    done = run_numcheck(tmp_path, "rules", "validate", path, good)
    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{path}:11: storm-deaths: the pass example gives a finding (")
    assert lines[0].endswith("): 'The cyclone killed 700,000 people.'")
    assert lines[1] == f"{path}:14: storm-deaths: the fail example gives no finding: 'The storm killed 90 people.'"
    assert lines[2] == f"ok: 1 rule, 2 examples in {good}"  # the other file is still validated


def test_validate_exits_2_when_a_file_does_not_load_whatever_the_examples_do(tmp_path: Path) -> None:
    wrong = _pack(tmp_path, DESK.replace("900,000", "90"), "wrong.yaml")
    broken = _pack(tmp_path, DESK.replace("check: range", "check: ranges"), "broken.yaml")
    done = run_numcheck(tmp_path, "rules", "validate", wrong, broken)
    assert done.returncode == 2
    expected = f"{wrong}:12: storm-deaths: the fail example gives no finding: 'The storm killed 90 people.'"
    assert done.stdout.splitlines() == [expected]
    assert done.stderr.startswith(f"{broken}:4:12: unknown check 'ranges'") and len(done.stderr.splitlines()) == 1


def test_validate_reports_a_clash_with_a_default_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _pack(tmp_path, DESK.replace("storm-deaths", "human-age"))
    assert main(["rules", "validate", path]) == 2
    assert "rule id 'human-age' is already a default rule (rules/plausibility.yaml:" in capsys.readouterr().err


def test_validate_refuses_an_alias_bomb_and_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(8)
    ) + "rules: *i\n"
    code = "rules: !!python/object/apply:os.system ['touch pwned']\n"
    assert main(["rules", "validate", _pack(tmp_path, bomb, "bomb.yaml"), _pack(tmp_path, code, "code.yaml")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "bomb.yaml:" in err[0] and "code.yaml:1:8: unsupported tag" in err[1]
    assert not Path("pwned").exists()


def test_explain_runs_the_examples_live(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "explain", "countries-count"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("countries-count  (check: range, severity: warning, pack: plausibility, rules/plausibility")
    assert "max: 195" in out and "min: not set (default)" in out
    assert "pass ok    'Delegates from 190 countries attended the climate talks.'" in out
    assert "fail ok    'Delegates from 210 countries attended the climate talks.' -> 210 is more countries" in out
    assert "About the check 'range':" in out and "Fails:" in out  # the check module's own docs


def test_explain_a_users_rule_shows_wrong_examples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = DESK.replace('fail: ["The storm killed 900,000 people."]', 'fail: ["The storm killed 9,000 people."]')
    assert main(["rules", "explain", "storm-deaths", "--rules", _pack(tmp_path, text)]) == 0
    out = capsys.readouterr().out
    assert "fail WRONG 'The storm killed 9,000 people.' -> no finding" in out


def test_explain_a_check_kind_prints_its_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "explain", "expression"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A fact about named figures") and "Example rule::" in out
    assert main(["rules", "explain", "range"]) == 0
    assert capsys.readouterr().out.startswith("A figure outside what is physically or institutionally possible")


def test_explain_unknown_id_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "explain", "breakdown-summ"]) == 2
    assert capsys.readouterr().err.strip() == "numcheck: unknown rule id 'breakdown-summ' (see 'numcheck rules list')"


def test_bad_rules_in_check_exit_2_before_reading_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _pack(tmp_path, DESK.replace("max: 500000", "max: lots"), "bad.yaml")
    assert main(["check", "--rules", bad, "-"]) == 2
    assert capsys.readouterr().err.strip() == f"{bad}:9:10: 'max' must be a number"


# --- the project config, found from the folder the command runs in -----------------------------------


def test_explain_honours_the_projects_pack_from_a_sub_folder(tmp_path: Path) -> None:
    article = make_project(tmp_path / "desk", yaml_text="rules: [desk/]\n")
    result = run_numcheck(article.parent, "rules", "explain", "treaty-size")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("treaty-size  (check: range, severity: error, pack: desk, ")
    assert "pass ok    'The treaty was signed by 40 countries.'" in result.stdout
    assert "fail ok    'The treaty was signed by 150 countries.' -> the text says 150 countries" in result.stdout
    other = tmp_path / "other"
    (other / ".git").mkdir(parents=True)
    outside = run_numcheck(other, "rules", "explain", "treaty-size")
    assert (outside.returncode, outside.stderr.strip()) == (
        2, "numcheck: unknown rule id 'treaty-size' (see 'numcheck rules list')")
    config = str(tmp_path / "desk" / ".numcheck.yaml")
    named = run_numcheck(other, "rules", "explain", "treaty-size", "--config", config)
    assert named.returncode == 0 and named.stdout.startswith("treaty-size  (check: range, severity: error")


def test_explain_a_rule_the_project_turns_off_still_runs_its_examples(tmp_path: Path) -> None:
    article = make_project(tmp_path, pyproject='[tool.numcheck]\nrules = ["desk"]\ndisable = ["treaty-size"]\n')
    result = run_numcheck(article.parent, "rules", "explain", "treaty-size")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("treaty-size  (check: range, severity: off (was error), pack: desk, ")
    assert "fail ok    'The treaty was signed by 150 countries.'" in result.stdout


def test_list_shows_the_projects_packs_overrides_and_rules_it_turns_off(tmp_path: Path) -> None:
    article = make_project(tmp_path, yaml_text=(
        "rules: [desk/]\ndisable: [countries-count]\nseverity:\n  breakdown-sum: warning\n"))
    result = run_numcheck(article.parent, "rules", "list")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1:4] for line in result.stdout.splitlines()[2:]}
    assert rows["treaty-size"] == ["range", "error", "desk"]
    assert rows["countries-count"] == ["range", "off", "plausibility"]
    assert rows["breakdown-sum"] == ["sum_of_parts", "warning", "core"]


def test_rules_with_a_bad_project_config_exit_2_naming_its_line(tmp_path: Path) -> None:
    article = make_project(tmp_path, pyproject='[tool.numcheck]\nrules = "desk"\ncolour = "red"\n')
    for argv in (("rules", "list"), ("rules", "explain", "breakdown-sum")):
        result = run_numcheck(article.parent, *argv)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [f"{tmp_path / 'pyproject.toml'}:3:1: unknown key 'colour' (expected one "
                                              "of: rules, packs, disable, select, severity, fail-on, include, exclude, "
                                              "format, max-bytes, jobs)"]


def test_the_corpus_rule_is_listed_as_frames_and_explained_with_its_examples(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["rules", "list"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("corpus-figure "))
    assert row.split()[1:4] == ["corpus_figure", "(frames)", "error"]
    assert main(["rules", "explain", "corpus-figure"]) == 0
    out = capsys.readouterr().out
    assert "  window_hours: 168" in out and "WRONG" not in out
    assert "fail ok    'Officials said 31 people were killed when the bridge fell.\\n---\\n" in out
