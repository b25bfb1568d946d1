"""``--output`` is atomic: a failing or interrupted renderer leaves the previous report and no temp file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _reportkit import drones_report

from numcheck.errors import ConfigError
from numcheck.model import Report
from numcheck.output import open_output
from numcheck.report import CHECK_FORMATS, RenderContext, get_writer


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".numcheck-"))


def failing_stream(error: BaseException) -> Iterator[Report]:
    yield drones_report()
    raise error


@pytest.mark.parametrize("fmt", sorted(CHECK_FORMATS))
@pytest.mark.parametrize("error", [RuntimeError("renderer crashed"), KeyboardInterrupt()], ids=["crash", "ctrl-c"])
def test_a_failing_writer_keeps_the_previous_report(tmp_path: Path, fmt: str, error: BaseException) -> None:
    target = tmp_path / "report.out"
    target.write_text("previous complete report\n", encoding="utf-8")
    with pytest.raises(type(error)), open_output(str(target)) as out:
        get_writer(fmt)(failing_stream(error), out, RenderContext())
    assert target.read_text(encoding="utf-8") == "previous complete report\n"
    assert leftovers(tmp_path) == []


def test_a_finished_writer_replaces_the_report_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")
    with open_output(str(target)) as out:
        get_writer("json")(iter([drones_report()]), out, RenderContext())
        assert target.read_text(encoding="utf-8") == "old\n"  # nothing visible until complete
    assert target.read_text(encoding="utf-8").startswith('{"version": 1')
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot write --output"), open_output(str(tmp_path / "no" / "r.json")):
        pass
