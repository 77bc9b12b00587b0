"""The served app and the API docs in Debian's Chromium, network off but for the server: the
report's views over the JSON API (timeline → evidence, filters, zoom, figures, quotes,
sources, actors), the bar's full-text search, XSS payloads in every article field staying
text, and a phone's and a laptop's width without horizontal scrolling."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from tests.browser_support import BrowserPage, open_page, scroll_width_fits
from tests.figure_story import check_figures_of_a_story, figure_story
from tests.story_views import check_a_story_address, check_the_stories_lead, open_a_story
from tests.web.conftest import LiveServer, start, stop
from tests.web.story_corpus import COMMON_WORD, PAYLOADS, RARE_WORD, SIZE, SMALL_STORY

from storyline.web import create_app

# What a payload that got out of its text would have made.
INJECTED = "img[src='x'], script:not([src]), [onerror]"
TABS = ("stories", "timeline", "figures", "quotes", "sources", "actors", "rejected")


def _visit(browser: BrowserPage, served: LiveServer | str, path: str) -> Any:
    url = served if isinstance(served, str) else served.url
    browser.network.allow(url + "/")
    page = browser.page
    page.goto(url + path)
    return page


def _open_ready(browser: BrowserPage, served: LiveServer | str, path: str = "/") -> Any:
    """The app loaded, on the view it opens on."""
    page = _visit(browser, served, path)
    page.wait_for_selector("#app[data-ready]", timeout=15_000)
    return page


def _open_app(browser: BrowserPage, served: LiveServer | str, path: str = "/") -> Any:
    """The app loaded on its timeline, as a store of one story opens."""
    page = _open_ready(browser, served, path)
    page.wait_for_selector("li.entry")
    return page


def _search(page: Any, words: str, found: int | None = None) -> None:
    """Search and wait for the answer (string predicates would be blocked by the page's own
    CSP, which allows no eval: the waits are locators')."""
    page.fill("#q", words)
    page.click("#search button[type=submit]")
    expect(page.locator("#search-status")).to_contain_text("found")
    if found is not None:
        expect(page.locator("#results li")).to_have_count(found)


def _shown(page: Any, n: int) -> None:
    """Wait until the timeline lists ``n`` entries (all of them on its first page)."""
    if n:
        expect(page.locator("#entries .total")).to_have_text(f"Showing {n} of {n}")
        expect(page.locator("li.entry")).to_have_count(n)
    else:
        expect(page.locator("#entries .empty")).to_be_visible()


def _clean(browser: BrowserPage) -> None:
    assert browser.errors == []
    assert browser.dialogs == []
    assert browser.network.blocked == []


@pytest.fixture
def app_page(browser_page: BrowserPage, sqlite_story: LiveServer) -> Iterator[Any]:
    page = _open_app(browser_page, sqlite_story)
    yield page
    _clean(browser_page)


def test_the_app_shows_the_story_and_searches_every_document(
    browser_page: BrowserPage, sqlite_story: LiveServer, app_page: Any
) -> None:
    page = app_page
    assert page.locator(".counts").inner_text().startswith(f"{SIZE} documents")
    assert page.locator("a[href='/api/docs']").count() == 1
    _shown(page, 2 * SIZE)
    _search(page, RARE_WORD, 1)
    assert page.locator("#results mark").all_inner_texts() == [RARE_WORD]
    assert "Documents found: 1" in page.locator("#search-status").inner_text()
    # A result opens its article in the panel, the word found marked.
    page.locator("#results li > a").first.click()
    expect(page.locator("#doc-panel mark.active")).to_have_text(RARE_WORD)
    browser_page.screenshot("web-app-search")
    page.keyboard.press("Escape")
    _search(page, COMMON_WORD, SIZE)
    assert page.locator("#more").is_hidden()
    assert scroll_width_fits(page)


def test_a_timeline_citation_opens_the_article_with_its_words_marked(
    browser_page: BrowserPage, app_page: Any
) -> None:
    page = app_page
    cite = page.locator("li.entry button.cite").first
    start, end = (int(cite.get_attribute(f"data-{x}") or -1) for x in ("start", "end"))
    words = cite.inner_text()
    cite.click()
    expect(page.locator("#doc-panel")).to_be_visible()
    marked = page.locator("#doc-panel mark.active")
    expect(marked.first).to_be_visible()
    text = "".join(marked.all_text_contents())
    assert len(text) == end - start > 0 and text in words
    assert "#doc=" in page.url
    browser_page.screenshot("web-app-evidence-1280")
    page.keyboard.press("Escape")
    expect(page.locator("#doc-panel")).to_be_hidden()


def test_filters_by_actor_type_source_story_and_days(
    browser_page: BrowserPage, sqlite_story: LiveServer, app_page: Any
) -> None:
    page = app_page
    story = sqlite_story.story
    page.select_option("#filter-type", "AGREE")
    _shown(page, SIZE // 2)
    page.select_option("#filter-type", "statement")
    _shown(page, SIZE)
    page.select_option("#filter-type", "")
    harbour = sum(1 for d in story.documents if d.outlet == "The Harbour Post")
    page.select_option("#filter-outlet", "The Harbour Post")
    _shown(page, 2 * harbour)
    page.select_option("#filter-outlet", "")
    port = next(e for e in story.entities if e.kind == "place")
    page.fill("#filter-actor", port.name)
    page.dispatch_event("#filter-actor", "change")
    _shown(page, SIZE)
    # Port Kell is the target of every event and says nothing: no statement is left.
    assert page.locator("li.entry .badge.statement").count() == 0
    page.click("#filter-clear")
    _shown(page, 2 * SIZE)
    page.select_option("#filter-story", "st:bridge")
    _shown(page, 2 * SIZE)
    expect(page.locator("#key-dates .chip")).to_have_count(SIZE)
    page.click("#filter-clear")
    page.fill("#filter-q", "together")
    _shown(page, SIZE)
    page.fill("#filter-q", "nowhere-said")
    _shown(page, 0)
    page.fill("#filter-q", "")
    _shown(page, 2 * SIZE)
    # A date range: two days of lines.
    page.fill("#filter-from", "2025-06-11")
    page.dispatch_event("#filter-from", "change")
    page.fill("#filter-to", "2025-06-12")
    page.dispatch_event("#filter-to", "change")
    expect(page.locator("#axis-window")).to_have_text("2025-06-11 – 2025-06-12")
    _shown(page, 4)
    # An actor named in an entry filters by that actor.
    page.click("#filter-clear")
    page.locator("button.actor", has_text="Port Kell").first.click()
    _shown(page, SIZE)
    assert page.input_value("#filter-actor") == port.name
    browser_page.screenshot("web-app-filtered-1280")


def test_the_timeline_zooms_and_pans(browser_page: BrowserPage, app_page: Any) -> None:
    page = app_page
    window = page.locator("#axis-window")
    expect(window).to_have_text("2025-06-10 – 2025-06-16")
    expect(page.locator("svg.axis rect.bar")).to_have_count(SIZE)
    page.click("#axis-in")
    page.click("#axis-in")
    page.click("#axis-in")
    page.click("#axis-in")
    expect(window).not_to_have_text("2025-06-10 – 2025-06-16")
    assert len(window.inner_text()) <= 23
    page.focus("#axis")
    zoomed = window.inner_text()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(window).not_to_have_text(zoomed)
    page.click("#axis-fit")
    expect(window).to_have_text("2025-06-10 – 2025-06-16")
    page.click("#key-dates .chip[data-date='2025-06-12']")
    expect(window).to_have_text("2025-06-09 – 2025-06-15")
    browser_page.screenshot("web-app-zoomed-1280")


def test_a_series_point_opens_its_source_and_every_view_draws(
    browser_page: BrowserPage, app_page: Any
) -> None:
    page = app_page
    page.click("#tab-figures")
    points = page.locator("svg.chart circle.point")
    expect(points).to_have_count(SIZE)
    expect(page.locator("svg.chart circle.point.conflict")).to_have_count(2)
    points.first.click()
    expect(page.locator("#doc-panel mark.active")).to_have_text("10 people were hurt")
    page.keyboard.press("Escape")
    expect(page.locator("#conflicts li.conflict")).to_have_count(1)
    expect(page.locator("#figures li.figure")).to_have_count(SIZE)
    browser_page.screenshot("web-app-figures-1280")
    page.click("#tab-quotes")
    expect(page.locator("li.speaker")).to_have_count(1)
    page.click("#tab-sources")
    expect(page.locator("li.outlet")).to_have_count(4)
    expect(page.locator("li.derivation")).to_have_count(1)
    page.click("#tab-actors")
    expect(page.locator("li.entity")).to_have_count(3)
    page.click("#tab-rejected")
    expect(page.locator("#rejected-view")).to_contain_text("Every input was read")


@pytest.mark.parametrize("width", [390, 1280])
def test_every_view_fits_without_horizontal_scrolling(
    chromium: Any, sqlite_story: LiveServer, width: int
) -> None:
    context, found = open_page(chromium, width=width)
    try:
        page = _open_app(found, sqlite_story)
        for tab in TABS:
            page.click(f"#tab-{tab}")
            page.wait_for_timeout(100)
            assert scroll_width_fits(page), tab
        page.click("#tab-timeline")
        page.locator("li.entry button.cite").first.click()
        expect(page.locator("#doc-panel mark.active").first).to_be_visible()
        assert scroll_width_fits(page)
        found.screenshot(f"web-app-evidence-{width}")
        page.keyboard.press("Escape")
        _search(page, COMMON_WORD, SIZE)
        assert scroll_width_fits(page)
        found.screenshot(f"web-app-search-{width}")
        _clean(found)
    finally:
        context.close()


def test_payloads_in_article_fields_stay_text(
    browser_page: BrowserPage, sqlite_story: LiveServer
) -> None:
    page = _open_app(browser_page, sqlite_story)
    timeline = page.locator("#app").inner_text()
    for payload in PAYLOADS:
        assert payload in timeline
    for tab in TABS:
        page.click(f"#tab-{tab}")
        page.wait_for_timeout(150)
        assert page.locator(INJECTED).count() == 0, tab
    page.click("#tab-timeline")
    page.locator("li.entry button.cite").first.click()
    expect(page.locator("#doc-panel mark.active").first).to_be_visible()
    assert page.locator(INJECTED).count() == 0
    page.keyboard.press("Escape")
    _search(page, COMMON_WORD, SIZE)
    shown = page.locator("#results").inner_text()
    for payload in PAYLOADS:
        assert payload in shown
    titles = page.locator("#results li > a").all_inner_texts()
    assert sorted(titles) == sorted(d.title for d in sqlite_story.story.documents)
    assert page.locator(INJECTED).count() == 0
    browser_page.screenshot("web-app-xss")
    # The search box and the timeline's words take a payload as words.
    _search(page, PAYLOADS[1])
    page.fill("#filter-q", PAYLOADS[0])
    page.wait_for_timeout(200)
    assert page.locator(INJECTED).count() == 0
    _open_app(browser_page, sqlite_story, "/?q=" + PAYLOADS[0])
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
    _clean(browser_page)


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


@pytest.mark.slow
def test_the_demo_store_served_leads_from_the_timeline_to_the_words(
    chromium: Any, tmp_path: Path
) -> None:
    """`storyline demo --db` (the real pipeline over the bundled examples), served: a new
    user finds the story, its actors, figures and sources, and every citation tried opens
    its article with the words marked."""
    db = tmp_path / "demo.db"
    done = subprocess.run(
        [sys.executable, "-m", "storyline", "demo", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=tmp_path,
    )
    assert db.exists(), done.stderr
    running = start(create_app(str(db)))
    try:
        for width in (390, 1280):
            context, found = open_page(chromium, width=width)
            try:
                page = _open_ready(found, running.url)
                open_a_story(found)
                cites = page.locator("li.entry button.cite:not(.unverified)")
                assert cites.count() >= 5
                for i in (0, cites.count() - 1):
                    cite = cites.nth(i)
                    start_at, end = (
                        int(cite.get_attribute(f"data-{x}") or -1) for x in ("start", "end")
                    )
                    cite.click()
                    marked = page.locator("#doc-panel mark.active")
                    expect(marked.first).to_be_visible()
                    assert len("".join(marked.all_text_contents())) == end - start_at > 0
                    assert scroll_width_fits(page)
                    page.keyboard.press("Escape")
                _search(page, "the")
                for tab, item in (
                    ("actors", "li.entity"),
                    ("figures", "#figures li.figure"),
                    ("sources", "li.outlet"),
                    ("quotes", "li.speaker"),
                ):
                    page.click(f"#tab-{tab}")
                    expect(page.locator(item).first).to_be_visible()
                    assert scroll_width_fits(page), tab
                found.screenshot(f"web-app-demo-{width}")
                _clean(found)
            finally:
                context.close()
    finally:
        stop(running)


def test_a_store_of_several_stories_opens_on_them(
    browser_page: BrowserPage, sqlite_stories: LiveServer
) -> None:
    _open_ready(browser_page, sqlite_stories)
    check_the_stories_lead(browser_page, sqlite_stories.story, "web-app")
    _clean(browser_page)
    _open_ready(browser_page, sqlite_stories, "/#story=" + SMALL_STORY)
    check_a_story_address(browser_page)
    _clean(browser_page)


def test_the_stories_view_fits_a_phone(chromium: Any, sqlite_stories: LiveServer) -> None:
    context, found = open_page(chromium, width=390)
    try:
        page = _visit(found, sqlite_stories, "/")
        page.wait_for_selector("li.story-card")
        assert scroll_width_fits(page)
        found.screenshot("web-app-stories-390")
        _clean(found)
    finally:
        context.close()


def test_the_figures_of_one_story(browser_page: BrowserPage, figures_sqlite: LiveServer) -> None:
    _open_ready(browser_page, figures_sqlite)  # two stories of several documents: on them
    check_figures_of_a_story(browser_page, figure_story(), "web-app")
    _clean(browser_page)
