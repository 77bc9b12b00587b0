"""What a new user does first on a store of several stories, checked the same way on the
report (embedded data) and the served app (the API): the app opens on the Stories view, the
largest story first; a card's buttons lead to its timeline, its actors and its quotes; the
actors come most prominent first and the quotes no one is named for last."""

from __future__ import annotations

from playwright.sync_api import expect
from tests.browser_support import BrowserPage, scroll_width_fits
from tests.web.story_corpus import (
    BIG,
    BIG_STORY,
    LONE_ENTITY,
    PAYLOADS,
    SIZE,
    SMALL,
    SMALL_STORY,
    UNATTRIBUTED_PER_DOC,
)

from storyline.model import ResolvedStory


def _total(found: BrowserPage, n: int) -> None:
    expect(found.page.locator("#entries .total")).to_have_text(f"Showing {n} of {n}")


def check_the_stories_lead(found: BrowserPage, whole: ResolvedStory, name: str) -> None:
    """``name``: the screenshots' prefix."""
    page = found.page
    varn = next(e for e in whole.entities if e.kind == "person")
    kell = next(e for e in whole.entities if e.kind == "place" and e.name != LONE_ENTITY)
    expect(page.locator("#tab-stories")).to_have_attribute("aria-selected", "true")
    expect(page.locator(".tabs button").first).to_have_text("Stories")
    cards = page.locator("li.story-card")
    expect(cards).to_have_count(2)
    assert [c.get_attribute("data-story") for c in cards.all()] == [BIG_STORY, SMALL_STORY]
    big = cards.first
    # Its title an article's words, shown as text.
    expect(big.locator(".story-title")).to_have_text(f"The bridge opens {PAYLOADS[0]}")
    assert page.locator("li.story-card script, li.story-card img").count() == 0
    expect(big.locator(".story-actors button")).to_have_count(3)
    expect(big.locator(".story-actors")).to_contain_text(varn.name)
    expect(big.locator(".story-facts")).to_have_text(
        f"{len(BIG)} documents · 3 outlets · {len(BIG)} events · 2025-06-10 – 2025-06-13"
    )
    expect(big.locator(".story-dates .chip")).to_have_count(len(BIG))  # one line a day
    # The story of one document is one line, opened on request.
    expect(page.locator("li.story-line")).to_have_count(0)
    page.click("#single-toggle")
    expect(page.locator("li.story-line")).to_have_count(1)
    assert scroll_width_fits(page)
    found.screenshot(f"{name}-stories-{found.page.viewport_size['width']}")

    # A card's timeline: the story's lines only, on the story's days.
    big.locator("button.story-open[data-view=timeline]").click()
    expect(page.locator("#tab-timeline")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#filter-story")).to_have_value(BIG_STORY)
    _total(found, 2 * len(BIG))
    expect(page.locator("#axis-window")).to_have_text("2025-06-10 – 2025-06-13")
    assert page.url.endswith("#story=" + BIG_STORY.replace(":", "%3A"))

    # A key actor: the story's lines with that actor.
    page.click("#tab-stories")
    page.locator("li.story-card").first.locator("button.story-actor", has_text="Port Kell").click()
    expect(page.locator("#filter-actor")).to_have_value(kell.name)
    expect(page.locator("#filter-story")).to_have_value(BIG_STORY)
    _total(found, len(BIG))  # Port Kell undergoes the events and says nothing

    # A card's quotes: the story's speakers, the unattributed last; then every story's.
    page.click("#tab-stories")
    small = page.locator(f'li.story-card[data-story="{SMALL_STORY}"]')
    small.locator("button.story-open[data-view=quotes]").click()
    expect(page.locator("#quotes-story")).to_contain_text("Quotes of the story")
    speakers = page.locator("li.speaker h3")
    expect(speakers).to_have_count(2)
    expect(speakers.first).to_have_text(f"{varn.name} · {len(SMALL)} quotes")
    expect(speakers.last).to_have_text(f"unattributed · {UNATTRIBUTED_PER_DOC * len(SMALL)} quotes")
    page.locator("#quotes-story button").click()
    expect(page.locator("#quotes-story")).to_have_count(0)
    expect(speakers.first).to_have_text(f"{varn.name} · {SIZE} quotes")
    expect(speakers.last).to_have_text(f"unattributed · {UNATTRIBUTED_PER_DOC * SIZE} quotes")

    # A card's actors: those its documents name; then every story's, the most documents
    # first and the one a single document names last.
    page.click("#tab-stories")
    small.locator("button.story-open[data-view=actors]").click()
    expect(page.locator("#actors-story")).to_contain_text("Named in the story")
    names = page.locator("li.entity strong")
    expect(names).to_have_count(len(whole.entities) - 1)
    page.locator("#actors-story button").click()
    expect(names).to_have_count(len(whole.entities))
    expect(names.last).to_have_text(LONE_ENTITY)
    page.fill("#actors-q", "light")
    expect(names).to_have_count(1)
    assert scroll_width_fits(page)
    found.screenshot(f"{name}-actors-{found.page.viewport_size['width']}")


def open_a_story(found: BrowserPage) -> None:
    """From the Stories view, the first story's timeline; then every story's."""
    page = found.page
    page.click("#tab-stories")
    page.locator("li.story-card button.story-open[data-view=timeline]").first.click()
    expect(page.locator("li.entry").first).to_be_visible()
    total = page.locator("#entries .total")
    of_the_story = total.inner_text()
    page.click("#filter-clear")
    expect(page.locator("#filter-story")).to_have_value("")
    # Several stories: every story's lines are more than one's (and the list is redrawn).
    expect(total).not_to_have_text(of_the_story)


def check_a_story_address(found: BrowserPage) -> None:
    """An address naming a story opens its timeline."""
    page = found.page
    expect(page.locator("#tab-timeline")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#filter-story")).to_have_value(SMALL_STORY)
    _total(found, 2 * len(SMALL))
