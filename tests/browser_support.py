"""Debian's Chromium, driven by Playwright, for the browser tests of the report and the web app.

Chromium is at /usr/bin/chromium (.ci/run installs it: scripts/ensure_chromium.sh); missing,
the test is skipped, or fails in CI as missing ../shared does. Pages run with the network off:
every request outside the origins a test allows (its own server; file: and data: URLs) is
aborted and recorded, so a test can assert that a page loads nothing from anywhere. Screenshots
go to test-artifacts/ (kept by CI as artifacts).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from tests.shared_data import CI_ENV, in_ci

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def require_chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    reason = f"{CHROMIUM} is not present (scripts/ensure_chromium.sh installs it)"
    if in_ci():
        pytest.fail(f"{reason}; CI ({CI_ENV} is set) must have it", pytrace=False)
    pytest.skip(reason)


@dataclass
class NetworkGuard:
    """Aborts every request whose URL does not start with an allowed prefix."""

    allowed: tuple[str, ...] = ("file:", "data:", "blob:", "about:")
    blocked: list[str] = field(default_factory=list)

    def allow(self, prefix: str) -> None:
        self.allowed = (*self.allowed, prefix)

    def handle(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.allowed):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the session."""
    path = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(path), headless=True)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class BrowserPage:
    page: Any
    network: NetworkGuard
    errors: list[str]  # uncaught page errors and console errors
    dialogs: list[str]  # alert/confirm/prompt messages: an XSS payload that ran shows here

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path


def open_page(browser: Any, *, width: int = 1280, height: int = 800) -> tuple[Any, BrowserPage]:
    """A new context and page of ``width`` px with the network guard and error capture on."""
    context = browser.new_context(viewport={"width": width, "height": height})
    network = NetworkGuard()
    context.route("**/*", network.handle)
    page = context.new_page()
    found = BrowserPage(page=page, network=network, errors=[], dialogs=[])
    page.on("pageerror", lambda error: found.errors.append(str(error)))
    page.on(
        "console",
        lambda message: found.errors.append(message.text) if message.type == "error" else None,
    )

    def on_dialog(dialog: Any) -> None:
        found.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return context, found


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[BrowserPage]:
    """A laptop-sized page (1,280 px) with the network off."""
    context, found = open_page(chromium)
    try:
        yield found
    finally:
        context.close()


def scroll_width_fits(page: Any) -> bool:
    """No horizontal scrolling: the document is no wider than the window."""
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


__all__ = [
    "ARTIFACTS",
    "CHROMIUM",
    "BrowserPage",
    "NetworkGuard",
    "browser_page",
    "chromium",
    "open_page",
    "require_chromium",
    "scroll_width_fits",
]
