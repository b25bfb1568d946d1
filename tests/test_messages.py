"""Messages an editor can read, through ``numcheck check``/``extract`` as a subprocess.

Figures print as the article writes them, with their nouns in agreement; a rule template's
``{figure}`` and ``{noun_plural}`` work; no report format says the same sentence twice; and the
README's own rule template renders as English.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from _cli import numcheck

REPO = Path(__file__).resolve().parents[1]

PACK = """\
pack: desk
rules:
  - id: aid-pledge
    check: range
    where: {unit: [EUR, USD]}
    max: 1000000000
    severity: warning
    message: "{figure} pledged; {value:g} is more than the fund holds (noun: {noun_plural})"
  - id: crowd-size
    check: range
    where: {noun: [fan]}
    max: 150000
    severity: warning
    message: "{figure} is more than {noun_plural} any stadium seats ({value})"
  - id: said-twice
    check: range
    where: {noun: [country]}
    max: 195
    severity: error
    message: "{explanation}"
"""
ARTICLE = ("Donors pledged 4.2 billion euros at the summit.\n"
           "A crowd of 290,000 fans filled the stadium.\n"
           "The treaty was signed by 210 countries.\n")


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "desk.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def messages(desk: Path, *argv: str) -> list[str]:
    done = numcheck("check", "story.txt", "--no-default-rules", "--rules", "desk.yaml", "--format", "json", *argv,
                    cwd=desk)
    assert done.returncode == 1, done.stderr
    return [f["message"] for f in json.loads(done.stdout)["files"][0]["findings"]]


def test_figures_print_as_written_with_their_nouns_in_agreement(desk: Path) -> None:
    assert messages(desk) == [
        "4.2 billion euros pledged; 4.2 billion is more than the fund holds (noun: )",
        "290,000 fans is more than fans any stadium seats (290,000)",
        "the text says 210 countries; at most 195 is plausible",
    ]
    text = numcheck("check", "story.txt", "--no-default-rules", "--rules", "desk.yaml", cwd=desk).stdout
    assert "e+0" not in text and "210 country" not in text and "fan " not in text


def test_extract_prints_values_as_news_writes_them(desk: Path) -> None:
    done = numcheck("extract", "-", cwd=desk, stdin="Russia earned €1.1bn from 4,200,000 barrels.\n")
    assert done.returncode == 0, done.stderr
    assert "1.1 billion" in done.stdout and "4.2 million" in done.stdout and "e+0" not in done.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "github", "sarif", "html"])
def test_no_format_prints_the_message_twice(desk: Path, fmt: str) -> None:
    done = numcheck("check", "story.txt", "--no-default-rules", "--rules", "desk.yaml", "--format", fmt,
                    "--select", "said-twice", cwd=desk)
    assert done.returncode == 1, done.stderr
    said = "the text says 210 countries; at most 195 is plausible"
    assert done.stdout.count(said) == 1, done.stdout


def test_the_readme_rule_template_renders_as_english(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pack = re.search(r"```yaml\n(pack: newsroom\n.*?)```", readme, re.S)
    assert pack is not None
    (tmp_path / ".git").mkdir()
    (tmp_path / "newsroom.yaml").write_text(pack.group(1), encoding="utf-8")
    assert numcheck("rules", "validate", "newsroom.yaml", cwd=tmp_path).returncode == 0
    done = numcheck("check", "-", "--rules", "newsroom.yaml", "--select", "stadium-capacity", "--format", "json",
                    cwd=tmp_path, stdin="A crowd of 290,000 fans filled the stadium.\n")
    (finding,) = json.loads(done.stdout)["files"][0]["findings"]
    assert finding["message"] == "290,000 fans: no stadium holds more than 150,000"


def test_check_explanations_put_the_noun_in_agreement(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    done = numcheck("check", "-", "--format", "json", cwd=tmp_path, stdin="40 of the 35 countries signed.\n")
    (finding,) = json.loads(done.stdout)["files"][0]["findings"]
    assert finding["explanation"] == "the part (40) is larger than the whole (35 countries): 40 of 35 cannot be"
