"""The HTML report in a real browser: Debian's Chromium, headless, driven by Selenium through
Debian's chromedriver (nothing is downloaded).

The pages load with no JavaScript error at 1280 and 390 pixels wide, every finding of
framing.json has its marks, the toggles hide and show each kind, screenshots are not blank, and
a hostile article runs no script.  Skipped where Chromium is not installed, unless
FRAMING_BROWSER_TESTS=1 (CI sets it), which makes a missing browser a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from support import SEEDS

from framing import pipeline

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
REQUIRED = os.environ.get("FRAMING_BROWSER_TESTS") == "1"
if not (CHROMIUM and DRIVER) and not REQUIRED:
    pytest.skip("Chromium and chromedriver are not installed", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM and DRIVER, "FRAMING_BROWSER_TESTS=1 but Chromium or chromedriver is missing"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # the flags of a closed machine: no sandbox as root, no GPU, no background network
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage",
    ):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report(parser, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "reports"
    pipeline.report([SEEDS], out=out, parser=parser, output_format="html")
    return out


def _open(browser, path: Path, width: int) -> list[dict]:
    browser.set_window_size(width, 900)
    browser.get(path.as_uri())
    browser.get_log("browser")  # what an earlier page logged
    browser.refresh()
    return [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def _colours(png: bytes) -> int:
    """How many different bytes the PNG's pixel rows hold: 1 or 2 for a blank page."""
    at, data = 8, b""
    while at < len(png):
        (size,) = struct.unpack(">I", png[at : at + 4])
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + size]
        at += 12 + size
    return len(set(zlib.decompress(data)))


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_load_without_errors_and_are_not_blank(browser, report: Path, width: int) -> None:
    article = sorted((report / "articles").iterdir())[0]
    for page in (report / "index.html", article):
        assert _open(browser, page, width) == [], page
        assert browser.find_element(By.TAG_NAME, "h1").text
        assert _colours(browser.get_screenshot_as_png()) > 20, (page, width)


def test_every_finding_has_its_marks(browser, report: Path) -> None:
    data = json.loads((report / "framing.json").read_text(encoding="utf-8"))
    for doc in data["documents"]:
        _open(browser, report / "articles" / f"{doc['id']}.html", WIDTHS[0])
        counted = browser.execute_script(
            "var n = {}; document.querySelectorAll('.text mark').forEach(function (m) {"
            " n[m.dataset.kind] = n[m.dataset.kind] || {}; n[m.dataset.kind][m.dataset.id] = 1; });"
            " var out = {}; for (var k in n) { out[k] = Object.keys(n[k]).length; } return out;"
        )
        assert doc["loaded_terms"] and doc["attributions"], "the sample has findings"
        assert counted["loaded"] == len(doc["loaded_terms"])
        assert counted["attribution"] == len(doc["attributions"])
        assert counted.get("label", 0) == len(doc["labels"])


def test_the_toggles_hide_and_show_each_kind(browser, report: Path) -> None:
    article = sorted((report / "articles").iterdir())[0]
    _open(browser, article, WIDTHS[0])
    style = "return getComputedStyle(document.querySelector('.text mark[data-kind=loaded]')).textDecorationLine"
    assert browser.execute_script(style) == "underline"
    browser.find_element(By.ID, "show-loaded").click()
    assert browser.execute_script(style) == "none"
    browser.find_element(By.ID, "show-loaded").click()
    assert browser.execute_script(style) == "underline"


def test_a_table_sorts_on_a_click(browser, report: Path) -> None:
    _open(browser, report / "index.html", WIDTHS[0])
    heading = browser.find_elements(By.CSS_SELECTOR, "table th")[2]  # the outlets' word counts
    heading.click()
    cells = browser.execute_script(
        "return Array.prototype.map.call(document.querySelector('table').tBodies[0].rows,"
        " function (r) { return parseFloat(r.cells[2].textContent.replace(/,/g, '')); });"
    )
    assert len(cells) > 1 and cells == sorted(cells)


def test_a_hostile_article_runs_no_script(browser, parser, tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(
        "Title </mark><script>window.__pwned = 1</script>\n\n"
        'Police said "<img src=x onerror="window.__pwned = 2">" killed 12 people.\n'
        "\u202eeno \u202c <a href='javascript:window.__pwned=3'>x</a>\n",
        encoding="utf-8",
    )
    (story / "b.txt").write_text("Police killed 14 people, officials said.\n", encoding="utf-8")
    out = tmp_path / "out"
    pipeline.report([story], out=out, parser=parser, output_format="html", stories="one")
    assert [d["id"] for d in _docs(out)] == ["a", "b"]
    page = out / "articles" / "a.html"
    _open(browser, page, WIDTHS[0])
    assert "__pwned" in browser.find_element(By.CLASS_NAME, "text").text, "the text is shown"
    assert browser.execute_script("return window.__pwned === undefined")
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert browser.find_elements(By.TAG_NAME, "img") == []


def _docs(out: Path) -> list[dict]:
    return json.loads((out / "framing.json").read_text(encoding="utf-8"))["documents"]
