"""The HTML report in a real browser: headless Chromium, driven by Selenium through chromedriver.

The first test is the user's path end to end: ``numcheck check DIR --format html --output F`` as a
subprocess, then F opened in Chromium, where each article must be shown with its figures marked and
its findings beside their lines, and hovering a figure must light up the figures it is linked to.

Nothing is downloaded: Debian's ``chromium`` and ``chromium-driver`` are named by path and
``SE_OFFLINE=true`` stops Selenium Manager from looking for a driver on the network. Chromium runs
headless with ``--no-sandbox`` (CI runs as root) and a fresh profile. ``.ci/run`` installs both
packages and sets ``NUMCHECK_REQUIRE_BROWSER=1``, which turns a missing browser into a failure; on
a developer's machine without them, the tests are skipped with a reason that says what to install.

``NUMCHECK_SCREENSHOT=docs/html-report.png`` makes the first test also save the README's screenshot
from the report it has just checked, so the picture is always of what the tool really produces.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from _cli import numcheck
from _reportkit import DRONES, HOSTILE, drones_report, hostile_report
from test_report_html import Tree

from numcheck.report import RenderContext
from numcheck.report.html import write

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
REPO = Path(__file__).resolve().parents[1]
NEWSROOM = REPO / "examples" / "newsroom" / "articles"


def _missing(reason: str) -> None:
    if os.environ.get("NUMCHECK_REQUIRE_BROWSER"):
        pytest.fail(f"{reason} (NUMCHECK_REQUIRE_BROWSER is set)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One headless Chromium for the module: starting it costs a second or two."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            _missing(f"{path} not found: apt-get install {package} (.ci/run does this)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing("selenium is not installed: pip install '.[test]'")
    os.environ["SE_OFFLINE"] = "true"  # read by Selenium Manager; the driver path below makes it idle anyway
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,1000", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def test_cli_html_report_shows_the_articles_in_chromium(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    articles = tmp_path / "articles"
    shutil.copytree(NEWSROOM, articles)
    page = tmp_path / "report.html"
    done = numcheck("check", "articles", "--format", "html", "--output", str(page), cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # school-staff.md has a planted breakdown error
    assert done.stderr == ""

    browser.get(page.as_uri())
    assert "The article text was not given" not in browser.page_source
    section = browser.find_element(By.CSS_SELECTOR, 'details.article[data-path="articles/school-staff.md"]')
    assert section.get_attribute("open") is not None  # few files: a file with findings starts open
    lines = [row.text for row in section.find_elements(By.CSS_SELECTOR, ".row .src")]
    assert "The county will hire 450 school staff before September: 200 teachers, 150 teaching" in lines
    marks = [m.text for m in section.find_elements(By.CSS_SELECTOR, "mark.claim")]
    assert ["450", "200", "150", "80"] == marks[:4]
    (finding,) = section.find_elements(By.CSS_SELECTOR, ".finding.severity-error")
    assert finding.get_attribute("data-rule") == "breakdown-sum"
    assert "200 + 150 + 80 = 430" in finding.text
    row = finding.find_element(By.XPATH, "ancestor::div[contains(@class,'row')]")
    assert "450 school staff" in row.text  # the finding sits beside the line it is about

    total = section.find_element(By.XPATH, ".//mark[@data-claim and text()='450']")
    ActionChains(browser).move_to_element(total).perform()
    partners = {m.text for m in section.find_elements(By.CSS_SELECTOR, "mark.claim.partner")}
    assert partners == {"200", "150", "80"}

    screenshot = os.environ.get("NUMCHECK_SCREENSHOT")
    if screenshot:
        browser.save_screenshot(str(REPO / screenshot))


def test_chromium_dom_has_the_highlights_findings_and_no_injected_markup(browser, tmp_path: Path) -> None:
    hostile = hostile_report("desk/hostile.md")
    out = io.StringIO()
    texts = {"news/drones.md": DRONES, hostile.source: HOSTILE}
    write(iter([drones_report(), hostile]), out, RenderContext(options={"texts": texts}))
    page = tmp_path / "report.html"
    page.write_text(out.getvalue(), encoding="utf-8")

    browser.get(page.as_uri())
    dom = Tree(browser.page_source)

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


def test_chromium_runs_the_inline_script_under_the_content_security_policy(browser, tmp_path: Path) -> None:
    """The script marks the page as scripted (which shows the hover hint): proof its CSP hash is right.

    Opening ``#f22-L3`` also expands that collapsed article (the script does it where the browser
    does not do it natively)."""
    reports = [drones_report(f"archive/{i}.md") for i in range(1, 26)]
    out = io.StringIO()
    write(iter(reports), out, RenderContext(options={"texts": {r.source: DRONES for r in reports}}))
    page = tmp_path / "report.html"
    page.write_text(out.getvalue(), encoding="utf-8")

    browser.get(page.as_uri() + "#f22-L3")
    dom = Tree(browser.page_source)

    (root,) = dom.find("html")
    assert "js" in root.classes
    opened = [d.attrs["id"] for d in dom.find("details", cls="article") if "open" in d.attrs]
    assert opened == ["f22"]
