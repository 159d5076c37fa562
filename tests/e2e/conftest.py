"""Playwright fixtures: Debian's chromium driven against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety guard has
to be told that database calls from that thread are fine. The live server needs committed data:
e2e tests request `transactional_db` together with `world`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless chromium per session (never downloaded: the system package is used)."""
    if not CHROMIUM.exists():
        pytest.skip("e2e needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def console_errors() -> list[str]:
    """Console errors and uncaught exceptions of the page (CSP violations show up here)."""
    return []


@pytest.fixture
def page(browser, live_server, transactional_db, world, console_errors):
    """A fresh browser context (no cookies, Indonesian) on the live server."""
    cache.clear()
    context = browser.new_context(locale="id-ID", base_url=live_server.url)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.on("console", lambda message: _keep_error(console_errors, message))
    tab.on("pageerror", lambda error: console_errors.append(str(error)))
    yield tab
    context.close()


def _keep_error(errors: list[str], message) -> None:
    if message.type == "error":
        errors.append(message.text)
