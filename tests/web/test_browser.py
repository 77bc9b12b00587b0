"""The landing page and the API docs in Debian's Chromium, network off but for the server:
a search lists its results, and XSS payloads in every article field stay text."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect
from tests.browser_support import BrowserPage, open_page, scroll_width_fits
from tests.web.conftest import LiveServer
from tests.web.story_corpus import COMMON_WORD, PAYLOADS, RARE_WORD, SIZE

# What a payload that got out of its text would have made.
INJECTED = "img[src='x'], script:not([src]), [onerror]"


def _visit(browser: BrowserPage, served: LiveServer, path: str) -> Any:
    browser.network.allow(served.url + "/")
    page = browser.page
    page.goto(served.url + path)
    return page


def _search(page: Any, words: str, found: int | None = None) -> None:
    """Search and wait for the answer (string predicates would be blocked by the page's own
    CSP, which allows no eval: the waits are locators')."""
    page.fill("#q", words)
    page.click("#search button[type=submit]")
    expect(page.locator("#search-status")).to_contain_text("found")
    if found is not None:
        expect(page.locator("#results li")).to_have_count(found)


def test_the_landing_page_searches_and_lists_results(
    browser_page: BrowserPage, sqlite_story: LiveServer
) -> None:
    page = _visit(browser_page, sqlite_story, "/")
    assert page.locator(".counts").inner_text().startswith(f"{SIZE} documents")
    _search(page, RARE_WORD, 1)
    results = page.locator("#results li")
    assert results.count() == 1
    assert page.locator("#results mark").all_inner_texts() == [RARE_WORD]
    assert "Documents found: 1" in page.locator("#search-status").inner_text()
    browser_page.screenshot("web-landing-search")
    # The next page of many results comes with "More results".
    _search(page, COMMON_WORD, SIZE)
    assert page.locator("#more").is_hidden()
    assert browser_page.errors == [] and browser_page.network.blocked == []
    assert scroll_width_fits(page)


def test_the_landing_page_fits_a_phone(chromium: Any, sqlite_story: LiveServer) -> None:
    context, phone = open_page(chromium, width=390)
    try:
        page = _visit(phone, sqlite_story, "/")
        _search(page, COMMON_WORD, SIZE)
        assert scroll_width_fits(page)
        phone.screenshot("web-landing-phone")
    finally:
        context.close()


def test_payloads_in_article_fields_stay_text(
    browser_page: BrowserPage, sqlite_story: LiveServer
) -> None:
    page = _visit(browser_page, sqlite_story, "/")
    _search(page, COMMON_WORD, SIZE)
    shown = page.locator("#results").inner_text()
    for payload in PAYLOADS:
        assert payload in shown
    titles = page.locator("#results li > a").all_inner_texts()
    assert sorted(titles) == sorted(d.title for d in sqlite_story.story.documents)
    assert page.locator(INJECTED).count() == 0
    browser_page.screenshot("web-landing-xss")
    # The search box itself takes a payload as words.
    _search(page, PAYLOADS[1])
    assert page.locator(INJECTED).count() == 0
    _visit(browser_page, sqlite_story, "/?q=" + PAYLOADS[0])
    expect(page.locator("#search-status")).to_contain_text("found")
    assert page.locator(INJECTED).count() == 0
    # The API docs page and JSON opened as a page.
    for path in (
        "/api/docs",
        "/api/entities",
        "/api/documents/" + sqlite_story.story.documents[0].id,
    ):
        _visit(browser_page, sqlite_story, path)
        assert page.locator(INJECTED).count() == 0
    browser_page.screenshot("web-api-docs-xss")
    assert browser_page.dialogs == []
    assert browser_page.network.blocked == []
    assert browser_page.errors == []


def test_the_api_docs_list_every_endpoint(
    browser_page: BrowserPage, sqlite_story: LiveServer
) -> None:
    page = _visit(browser_page, sqlite_story, "/api/docs")
    listed = page.locator("section.endpoint h2 code").all_inner_texts()
    spec = sqlite_story.get("/api/openapi.json").json()
    assert listed == list(spec["paths"])
    assert page.locator("section.endpoint td").count() > 20
    assert scroll_width_fits(page)
    browser_page.screenshot("web-api-docs")
