"""The page in a real browser (headless Chromium, Debian's package, driven by Playwright): paste the
seed, see its findings highlighted on the right words, Apply, Ignore, the house dictionary,
Download. Skipped with the reason on a machine without the browser; .ci/run installs it."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from factlint.serve.app import Settings, create_app
from factlint.serve.session import Session
from tests.conftest import ROOT, SEEDS, run_json

CHROMIUM = os.environ.get("FACTLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
SEED = (SEEDS / "000_ccc7fe8cb40e4a84.txt").read_text(encoding="utf-8")
# FACTLINT_SCREENSHOT=docs/serve.png python -m pytest tests/test_browser.py renews the README's picture
SCREENSHOT = os.environ.get("FACTLINT_SCREENSHOT")

pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK),
                                reason=f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    directory = tmp_path_factory.mktemp("desk")
    session = Session(directory)
    session.warm_up()  # as `factlint serve` does before it listens
    app = create_app(session, Settings())
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # as the command does
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/", directory
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 2000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server[0])
    yield page
    context.close()
    assert not errors, errors  # no script error on the way


def checks(page) -> str:
    """How many checks the page has shown (it counts them on <body data-checked>)."""
    return page.locator("body").get_attribute("data-checked") or "0"


def wait_checked(page, before: str) -> None:
    """Wait until the page shows a check newer than `before` (no script is evaluated: the page's
    Content-Security-Policy stays in force)."""
    from playwright.sync_api import expect

    expect(page.locator("body")).not_to_have_attribute("data-checked", before)


def paste(page, text: str) -> None:
    before = checks(page)
    page.locator("#draft").fill(text)
    wait_checked(page, before)


def marked(page, code: str) -> str:
    return "".join(page.locator(f'#highlights mark[data-code="{code}"]').all_text_contents())


def click_on_words(page, code: str) -> None:
    """Click the draft where a highlight is drawn: the textarea lies over the highlights, so this
    proves the highlight sits on the characters the click puts the caret in."""
    box = page.locator(f'#highlights mark[data-code="{code}"]').first.bounding_box()
    if box["height"] < 30:
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    else:  # the words wrap: the box spans two lines, and its first line ends at its right edge
        page.mouse.click(box["x"] + box["width"] - 4, box["y"] + 8)


def test_seed_findings_are_highlighted_on_their_words(page):
    paste(page, SEED)
    assert marked(page, "D101") == "Thursday (6/12)"
    assert marked(page, "W101") == "Protestants"
    assert marked(page, "W201") == "reaped cons"
    assert page.locator('#highlights mark[data-code="D101"]').get_attribute("class").startswith("sev-error")
    assert page.locator('#highlights mark[data-code="W101"]').get_attribute("class").startswith("sev-warning")
    shown = {m.get_attribute("data-index") for m in page.locator("#highlights mark").all()}
    assert page.locator("#findings li").count() == len(shown)  # every finding is highlighted
    click_on_words(page, "W101")
    assert page.locator("#d-code").text_content() == "W101"
    assert "Protestants" in page.locator("#d-message").text_content()
    assert "What it flags" in page.locator("#d-explain").text_content()
    click_on_words(page, "D101")
    assert page.locator("#d-code").text_content() == "D101"
    related = page.locator("#d-related li").all_text_contents()
    assert any("Wednesday (5/1)" in r for r in related)
    if SCREENSHOT:
        page.set_viewport_size({"width": 1400, "height": 1420})
        click_on_words(page, "W101")
        page.screenshot(path=str(ROOT / SCREENSHOT))


def test_apply_ignore_and_download(page, tmp_path):
    paste(page, SEED)
    click_on_words(page, "W101")
    before = checks(page)
    page.locator("#apply").click()
    wait_checked(page, before)
    draft = page.locator("#draft").input_value()
    assert "occupied by protesters." in draft and "Protestants" not in draft
    assert marked(page, "W101") == "" and marked(page, "D101") == "Thursday (6/12)"

    page.locator("#findings button", has_text="D101").click()
    before = checks(page)
    page.locator("#ignore").click()
    wait_checked(page, before)
    draft = page.locator("#draft").input_value()
    assert draft.startswith("<!-- factlint-disable-next-line D101 -->\nRussia has sent troops")
    assert marked(page, "D101") == "" and marked(page, "W201") == "reaped cons"

    with page.expect_download() as info:
        page.locator("#download").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "draft.txt"
    assert saved.read_text(encoding="utf-8") == draft
    _, out = run_json(str(saved))  # the CLI agrees: applied and ignored stay so in CI
    codes = {f["code"] for f in out["findings"]}
    assert not {"D101", "W101"} & codes and "W201" in codes


def test_typing_rechecks_and_moves_highlights_with_the_text(page):
    paste(page, SEED)
    before = checks(page)
    draft = page.locator("#draft")
    draft.focus()
    page.keyboard.press("Control+Home")
    page.keyboard.type("UPDATE: ")
    # at once, before the check comes back, the highlight has moved with its words
    assert marked(page, "D101") == "Thursday (6/12)"
    wait_checked(page, before)
    assert marked(page, "D101") == "Thursday (6/12)"
    assert draft.input_value().startswith("UPDATE: Russia")


def test_open_a_file_and_add_a_name_to_the_house_dictionary(page, server, tmp_path):
    story = tmp_path / "ferry.md"
    story.write_text("# Ferry\n\nHarbour master Ingrid Vasylchenko said the ferry had left on time.\n\n"
                     "Vasylchenko told reporters the crew had radioed twice before midnight.\n\n"
                     "Vasylchenko added that a second vessel was sent to help.\n\n"
                     "The port authority backed Vasilchenko's account of the night.\n", encoding="utf-8")
    before = checks(page)
    page.locator("#open-file").set_input_files(str(story))
    wait_checked(page, before)
    assert marked(page, "S101") == "Vasilchenko"
    click_on_words(page, "S101")
    assert page.locator("#house").is_visible()
    before = checks(page)
    page.locator("#house").click()
    wait_checked(page, before)
    assert marked(page, "S101") == ""
    config = Path(server[1]) / "factlint.toml"
    assert "Vasilchenko" in config.read_text()
    assert "house dictionary" in page.locator("#status").text_content()
    config.unlink()


def test_text_from_the_draft_is_shown_as_text(page):
    paste(page, "The crowd of protesters grew. Police said <img src=x onerror=\"document.title='owned'\"> "
                "Protestants threw stones at the protest.\n")
    assert page.title() != "owned"
    assert page.locator("#highlights img, #findings img, #detail img").count() == 0
