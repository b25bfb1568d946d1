"""The ``numcheck serve`` editor page in real Chromium (Debian's chromium and chromedriver via selenium).

Nothing is downloaded: selenium is pointed at ``/usr/bin/chromedriver`` with ``SE_OFFLINE=true``.
Where Debian's chromium is not installed the test is skipped with the command that installs it
(``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _livekit import start_serve

CHROMEDRIVER = "/usr/bin/chromedriver"
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


def start_chromium(profile: Path):  # -> selenium WebDriver
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not (os.access(chromium, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        pytest.skip("chromium/chromium-driver not installed: apt-get install -y chromium chromium-driver")
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--window-size=1280,800"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    driver = start_chromium(tmp_path_factory.mktemp("profile"))
    yield driver
    driver.quit()


def wait_until(condition, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("the page never got there")


def test_typing_a_broken_sentence_shows_its_finding(base_url: str, browser, tmp_path: Path):
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
