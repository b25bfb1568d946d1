"""The HTML report in a real browser: headless Chromium's DOM holds the highlights and findings.

Chromium is started with every background-network feature off and a fresh profile, because the
CI machines have no network and Chromium otherwise keeps trying to reach it. ``.ci/run`` installs
Debian's ``chromium`` when it is missing; only where that is impossible is this test skipped.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from _reportkit import DRONES, HOSTILE, drones_report, hostile_report
from test_report_html import Tree

from numcheck.report import RenderContext
from numcheck.report.html import write


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
    if found is None:
        pytest.skip("chromium not installed: apt-get install chromium (.ci/run does this) to run the DOM test")
    return found


def dump_dom(page: Path, profile: Path) -> str:
    return dump_dom_of(page.as_uri(), profile)


def dump_dom_of(url: str, profile: Path) -> str:
    command = [
        "timeout", "120", chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--dump-dom", "--virtual-time-budget=5000", url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=150, check=False)
    assert done.returncode == 0, f"chromium exited {done.returncode}: {done.stderr[-2000:]}"
    return done.stdout


def test_chromium_dom_has_the_highlights_findings_and_no_injected_markup(tmp_path: Path) -> None:
    hostile = hostile_report("desk/hostile.md")
    out = io.StringIO()
    texts = {"news/drones.md": DRONES, hostile.source: HOSTILE}
    write(iter([drones_report(), hostile]), out, RenderContext(options={"texts": texts}))
    page = tmp_path / "report.html"
    page.write_text(out.getvalue(), encoding="utf-8")

    dom = Tree(dump_dom(page, tmp_path / "profile"))

    marks = dom.find("mark", cls="claim")
    assert [m.content() for m in marks if m.attrs.get("id", "").startswith("f1-")] == [
        "112", "84", "80%", "26", "35", "74%"]
    assert dom.by_id("f1-c2").attrs["data-relations"].split() == ["f1-c1", "f1-c3"]
    findings = dom.find("div", cls="finding")
    assert [f.attrs["data-rule"] for f in findings] == ["percent-mismatch", "countries-count", "share-rounding",
                                                        "x<script>"]
    assert "84 of 112 is 75.0%; the text says 80%" in findings[0].content()
    # the browser built no element from the article's markup and ran no handler
    assert dom.find("img") == []
    assert [s for s in dom.find("script") if "alert" in s.content()] == []
    assert all(not name.startswith("on") for e in dom.elements for name in e.attrs)
    assert '<script>alert(1)</script>' in dom.by_id("f2-L1").content()


def test_chromium_runs_the_inline_script_under_the_content_security_policy(tmp_path: Path) -> None:
    """The script marks the page as scripted (which shows the hover hint): proof its CSP hash is right.

    Opening ``#f22-L3`` also expands that collapsed article (the script does it where the browser
    does not do it natively)."""
    reports = [drones_report(f"archive/{i}.md") for i in range(1, 26)]
    out = io.StringIO()
    write(iter(reports), out, RenderContext(options={"texts": {r.source: DRONES for r in reports}}))
    page = tmp_path / "report.html"
    page.write_text(out.getvalue(), encoding="utf-8")
    link = page.as_uri() + "#f22-L3"

    dom = Tree(dump_dom_of(link, tmp_path / "profile"))

    (root,) = dom.find("html")
    assert "js" in root.classes
    opened = [d.attrs["id"] for d in dom.find("details", cls="article") if "open" in d.attrs]
    assert opened == ["f22"]
