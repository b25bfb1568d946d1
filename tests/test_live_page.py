"""The ``numcheck serve`` editor page in real Chromium (Debian's chromium and chromedriver via selenium).

The browser is the HTML report tests' fixture: nothing is downloaded, and where Debian's chromium is
missing the test is skipped with the command that installs it, or fails under CI's
``NUMCHECK_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _livekit import start_serve
from test_report_html_browser import browser  # noqa: F401  (the one headless-Chromium fixture)

BROKEN = "The army said 84 of 112 drones were shot down, or 80%."
#: The README's picture of the page; the test refreshes it when NUMCHECK_SCREENSHOTS=1, so a plain run
#: leaves the checkout clean.
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "live-page.png"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("page")
    (folder / ".git").mkdir()
    process, base = start_serve(folder)
    yield base + "/"
    process.terminate()
    process.wait(timeout=20)


def wait_until(condition, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("the page never got there")


def test_typing_a_broken_sentence_shows_its_finding(base_url: str, browser, tmp_path: Path):  # noqa: F811
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(base_url)
    wait_until(lambda: browser.find_element(By.ID, "report").get_attribute("data-seq"))  # the sample was checked
    box = browser.find_element(By.ID, "text")
    box.clear()
    box.send_keys("Of the 35 countries at the summit, 26 signed.\n\n" + BROKEN)
    selector = '#report .finding[data-rule="percent-of-count"]'
    finding = wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, selector))
    assert "84 of 112 is 75.0%; the text says 80%" in finding[0].text
    # Each finding sits beside its line, and every figure of the text is marked.
    row = finding[0].find_element(By.XPATH, "./ancestor::div[contains(@class,'row')]")
    assert "80%" in row.find_element(By.CSS_SELECTOR, ".src").text
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#report mark.claim")]
    assert marks == ["35", "26", "84", "112", "80%"]
    assert "1 finding" in browser.find_element(By.ID, "status").text
    # The report's own stylesheet and script run under the page's CSP: marks are styled, and hovering a
    # figure lights up the figures it is related to.
    first = browser.find_element(By.CSS_SELECTOR, '#report mark.claim[data-claim="c3"]')
    assert first.value_of_css_property("background-color") == "rgba(255, 243, 176, 1)"
    ActionChains(browser).move_to_element(first).perform()
    partner = browser.find_element(By.CSS_SELECTOR, '#report mark.claim[data-claim="c4"]')
    wait_until(lambda: "partner" in (partner.get_attribute("class") or ""))
    # Fixing the figure clears the finding.
    box.send_keys(Keys.BACKSPACE * 4 + "75%.")
    wait_until(lambda: browser.find_element(By.ID, "report").get_attribute("data-findings") == "0")
    box.send_keys(Keys.BACKSPACE * 4 + "80%.")
    wait_until(lambda: browser.find_elements(By.CSS_SELECTOR, selector))
    shot = SCREENSHOT if os.environ.get("NUMCHECK_SCREENSHOTS") == "1" else tmp_path / SCREENSHOT.name
    assert browser.save_screenshot(str(shot))
    violations = [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]
    assert violations == []
    # The check above can fail: a style the policy does not list is refused and logged.
    browser.execute_script("var s=document.createElement('style');s.textContent='body{color:red}';"
                           "document.head.appendChild(s);")
    assert any("Content Security Policy" in e["message"] for e in browser.get_log("browser"))
