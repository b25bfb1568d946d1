"""The README and the user guide say what the tool does: their links resolve, the quick start is
the README's first two commands, and the guide's rule pack and commands run as written."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from _cli import numcheck

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
GUIDE = (REPO / "docs" / "guide.md").read_text(encoding="utf-8")


def test_the_quick_start_commands_come_first() -> None:
    first_section = README[README.index("\n## "):]
    assert first_section.startswith("\n## Quick start")
    commands = re.findall(r"```sh\n(.*?)\n```", first_section)[:2]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/numcheck check fixtures/",
        'python3 -m venv .venv && .venv/bin/pip install ".[test]" && .venv/bin/python -m pytest -q -n 2',
    ]


def test_relative_links_in_the_readme_and_guide_resolve() -> None:
    for document, folder in ((README, REPO), (GUIDE, REPO / "docs")):
        links = [link for link in re.findall(r"\]\(([^)#\s]+)", document) if "://" not in link]
        assert links, "expected relative links"
        for link in links:
            assert (folder / link).exists(), link
    assert "docs/guide.md" in README and "CHANGELOG.md" in README
    assert (REPO / "CHANGELOG.md").read_text(encoding="utf-8").startswith("# Changelog\n\n## Unreleased")


def test_the_guides_rule_pack_validates_and_fires_as_the_guide_says(tmp_path: Path) -> None:
    pack = re.search(r"```yaml\n(pack: newsroom\n.*?)```", GUIDE, re.S)
    assert pack is not None
    (tmp_path / ".git").mkdir()
    (tmp_path / "newsroom.yaml").write_text(pack.group(1), encoding="utf-8")
    validated = numcheck("rules", "validate", "newsroom.yaml", cwd=tmp_path)
    assert (validated.returncode, validated.stdout) == (0, "ok: 1 rule, 2 examples in newsroom.yaml\n")
    done = numcheck("check", "-", "--rules", "newsroom.yaml", "--format", "json", cwd=tmp_path,
                    stdin="The night ferry carried 12,000 passengers.\n")
    (finding,) = json.loads(done.stdout)["files"][0]["findings"]
    assert finding["message"] == "12,000 passengers on one ferry: the largest on our routes carries 2,500"


def test_the_guides_first_command_prints_what_the_guide_shows() -> None:
    shown = re.search(r"```sh\n(numcheck check examples/newsroom/articles/)\n```\n\n```text\n(.*?)```", GUIDE, re.S)
    assert shown is not None
    done = numcheck(*shlex.split(shown.group(1))[1:], cwd=REPO)
    assert done.returncode == 1
    assert done.stdout == shown.group(2)
