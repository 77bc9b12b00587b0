"""The report in Debian's Chromium, network off: every fact leads to its words in the article,
the timeline filters, zooms and pans, series points open their source, nothing is wider than
a phone or a laptop, and no string from an article runs as code."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from tests.browser_support import (
    BrowserPage,
    open_page,
    scroll_width_fits,
)
from tests.figure_story import FLOOD, check_figures_of_a_story, figure_story
from tests.present.conftest import make_story
from tests.story_views import check_a_story_address, check_the_stories_lead, open_a_story
from tests.web.story_corpus import SMALL_STORY, several_stories

from storyline.model import Entity, Quote, ResolvedStory, Story, evidence, span_id
from storyline.present.report import render_report
from storyline.resolve.figure_series import figure_series
from storyline.resolve.figures import own_context

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
    "<!--",
    '<img src=x onerror="window.pwned=1">',
)
JS_URL = "javascript:alert(1)"


def with_series(story: ResolvedStory) -> ResolvedStory:
    """The story with its two tallies of idle workers (1,140 and 1,200) dated a day apart: a
    series of two points, both in the story's figure conflict and rivals (a day apart, values
    within a quarter of each other)."""
    days = ("2024-03-05", "2024-03-06")
    figures = [
        f.model_copy(update={"as_of": day})
        for i, (f, day) in enumerate(zip(story.figures, days, strict=True))
    ]
    series = figure_series(figures, own_context(figures))
    assert series
    return story.model_copy(update={"figures": figures, "series": series})


def with_second_story(story: ResolvedStory) -> ResolvedStory:
    """A second story of the protest alone, which Velmora is said to have reported."""
    protest = next(e for e in story.events if e.type == "PROTEST")
    told = protest.model_copy(update={"reported_by": story.entities[0].id})  # Velmora
    events = [told if e.id == protest.id else e for e in story.events]
    second = Story(
        id="s:protest",
        title="The protest at the hall",
        documents=list(protest.documents),
        events=[protest.id],
    )
    return story.model_copy(update={"stories": [*story.stories, second], "events": events})


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.html"
    path.write_text(render_report(with_second_story(with_series(make_story()))), encoding="utf-8")
    return path


def load(
    browser: Any, path: Path, width: int = 1280, *, timeline: bool = True
) -> tuple[Any, BrowserPage]:
    """The report open; ``timeline``: on its timeline, as a store of one story opens."""
    context, found = open_page(browser, width=width)
    found.page.goto(path.as_uri())
    found.page.wait_for_selector("#app[data-ready]", timeout=10_000)
    if timeline:
        found.page.wait_for_selector("li.entry")
    return context, found


@pytest.fixture
def laptop(chromium: Any, report_file: Path) -> Iterator[BrowserPage]:
    context, found = load(chromium, report_file)
    try:
        yield found
        assert found.errors == []
        assert found.network.blocked == []
        assert found.dialogs == []
    finally:
        context.close()


def entries(found: BrowserPage) -> list[str]:
    found.page.wait_for_timeout(150)  # the list redraws after a short pause in typing
    return [str(x) for x in found.page.locator("li.entry .summary").all_inner_texts()]


def active_mark(found: BrowserPage) -> str:
    """The marked evidence: other cited spans it overlaps cut it into several marks."""
    found.page.wait_for_selector("#doc-panel mark.active")
    return "".join(found.page.locator("#doc-panel mark.active").all_text_contents())


def in_view(found: BrowserPage, selector: str) -> bool:
    return bool(
        found.page.evaluate(
            """(sel) => { const el = document.querySelector(sel);
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight; }""",
            selector,
        )
    )


def test_a_timeline_citation_opens_the_article_with_its_words_marked(laptop: BrowserPage) -> None:
    story = make_story()
    protest = next(e for e in story.timeline if e.type == "PROTEST")
    page = laptop.page
    page.locator(f'li.entry[data-ref="{protest.ref}"] button.cite').first.click()
    assert active_mark(laptop) == protest.citations[0].text
    assert in_view(laptop, "#doc-panel mark.active")
    doc = next(d for d in story.documents if d.id == protest.citations[0].doc)
    assert page.locator("#doc-title").inner_text() == doc.title
    panel = page.locator("#doc-panel").inner_text()
    # The publication date with its basis, why it was inferred, and the words it was read from.
    assert "2024-03-06 (2024-03-05 – 2024-03-07)" in panel
    assert "inferred from other reports" in panel
    assert "'on Wednesday' (past tense)" in panel
    assert "Retells" in panel and "Harbor Wire" in panel
    # The words the date was read from open marked too.
    page.locator("#doc-panel button.link", has_text="on Wednesday").click()
    assert active_mark(laptop) == "on Wednesday"
    laptop.screenshot("report-evidence-1280")
    page.keyboard.press("Escape")
    assert page.locator("#doc-panel").is_hidden()


def test_a_wrong_citation_is_flagged_not_marked_and_a_yearless_date_is_listed(
    chromium: Any,
    tmp_path: Path,
) -> None:
    story = make_story()
    doc = story.documents[2]
    wrong = evidence(doc, 0, 5).model_copy(update={"text": "docks"})  # the words are elsewhere
    entry = story.timeline[0].model_copy(
        update={"summary": "Misplaced citation", "ref": "ev:wrong", "citations": [wrong]}
    )
    # And an entry whose date has no year: the axis cannot place it, the list still shows it.
    yearless = story.timeline[1].model_copy(update={"date": "XXXX-03-07", "ref": "ev:yearless"})
    path = tmp_path / "r.html"
    # And an event five articles cite: three citations shown, the others on request.
    cited = story.timeline[1].citations[0]
    many = story.timeline[1].model_copy(update={"ref": "ev:many", "citations": [cited] * 5})
    timeline = [*story.timeline, entry, yearless, many]
    path.write_text(render_report(story.model_copy(update={"timeline": timeline})))
    context, found = load(chromium, path)
    try:
        assert "XXXX-03-07" in found.page.locator('li.entry[data-ref="ev:yearless"]').inner_text()
        busy = found.page.locator('li.entry[data-ref="ev:many"]')
        assert busy.locator("button.cite").count() == 3
        busy.locator("button", has_text="2 more sources").click()
        assert busy.locator("button.cite").count() == 5
        item = found.page.locator('li.entry[data-ref="ev:wrong"]')
        assert "offsets differ" in item.inner_text()
        item.locator("button.cite").click()
        found.page.wait_for_selector("#doc-panel:not([hidden])")
        assert found.page.locator("#doc-panel mark.active").count() == 0
        assert found.errors == []
    finally:
        context.close()


def test_filters_by_actor_type_source_and_story(laptop: BrowserPage) -> None:
    page = laptop.page
    every = entries(laptop)
    assert len(every) == 3
    page.select_option("#filter-type", "PROTEST")
    assert [e.split(" ", 1)[1] for e in entries(laptop)] == [
        "Protesters gather outside the council hall <with flags>"
    ]
    assert "reported by Velmora" in page.locator("li.entry").first.inner_text()
    page.select_option("#filter-type", "cooperation")
    assert len(entries(laptop)) == 1 and "agrees" in entries(laptop)[0]
    page.select_option("#filter-type", "")
    page.select_option("#filter-outlet", "Coastal Times")
    assert len(entries(laptop)) == 2
    page.select_option("#filter-outlet", "")
    page.fill("#filter-actor", "Ada Brenn")
    page.dispatch_event("#filter-actor", "change")
    assert len(entries(laptop)) == 1 and "We will not wait" in entries(laptop)[0]
    page.click("#filter-clear")
    assert len(entries(laptop)) == 3
    page.select_option("#filter-story", "s:protest")
    assert len(entries(laptop)) == 1
    # The story's key dates come first, and lead to their day.
    assert page.locator("#key-dates .chip").all_inner_texts() == ["2024-03-06 1"]
    page.click("#filter-clear")
    page.fill("#filter-q", "union")  # no entry says it
    assert entries(laptop) == []
    assert page.locator("#entries .empty").is_visible()
    page.fill("#filter-q", "docks")
    assert len(entries(laptop)) == 1
    # An actor named in an entry filters by that actor.
    page.fill("#filter-q", "")
    page.locator("button.actor", has_text="Protesters").first.click()
    assert len(entries(laptop)) == 1
    assert page.input_value("#filter-actor") == "Protesters"


def visit_tabs(found: BrowserPage) -> Iterator[str]:
    """Open each view in turn, yielding its name once it is drawn."""
    for tab in ("stories", "timeline", "figures", "quotes", "sources", "actors", "rejected"):
        found.page.click(f"#tab-{tab}")
        found.page.wait_for_timeout(50)
        yield tab


def window(found: BrowserPage) -> str:
    return str(found.page.locator("#axis-window").inner_text())


def test_the_timeline_zooms_and_pans(laptop: BrowserPage) -> None:
    page = laptop.page
    assert window(laptop) == "2024-03-05 – 2024-03-06"
    assert page.locator("svg.axis rect.bar").count() == 2
    page.click("#axis-out")
    wide = window(laptop)
    assert wide != "2024-03-05 – 2024-03-06"
    assert len(entries(laptop)) == 3
    page.click("#axis-fit")
    page.click("#axis-in")
    page.click("#axis-in")
    page.wait_for_timeout(100)
    assert len(window(laptop)) == 10, "one day"
    page.focus("#axis")
    start = window(laptop)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert window(laptop) != start
    # Drag the axis to the right: earlier days come into view.
    page.click("#axis-fit")
    box = page.locator("#axis").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 200, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 900, y, steps=5)
    page.mouse.up()
    assert window(laptop) < "2024-03-05"
    # The wheel zooms in around the pointer.
    page.click("#axis-fit")
    page.mouse.move(box["x"] + box["width"] * 0.75, y)
    for _ in range(4):
        page.mouse.wheel(0, -200)
    page.wait_for_timeout(150)
    assert window(laptop) == "2024-03-06"
    assert [e.split(" ", 1)[1] for e in entries(laptop)] == [
        "Protesters gather outside the council hall <with flags>"
    ]
    page.click("#key-dates .chip[data-date='2024-03-05']")
    assert window(laptop) == "2024-03-02 – 2024-03-08", "the day and three either side"
    laptop.screenshot("report-timeline-zoomed-1280")


def test_a_series_point_opens_its_source_and_conflicts_are_marked(laptop: BrowserPage) -> None:
    story = with_series(make_story())
    page = laptop.page
    page.click("#tab-figures")
    points = page.locator("svg.chart circle.point")
    assert points.count() == 2
    assert page.locator("svg.chart circle.point.conflict").count() == 2
    last = story.series[0].points[-1]
    page.locator(f'circle.point[data-figure="{last.figure}"]').click()
    assert active_mark(laptop) == last.evidence.text
    page.keyboard.press("Escape")
    conflicts = page.locator("#conflicts").inner_text()
    assert "Officials count 1,200 idle workers; the union counts 1 140." in conflicts
    assert page.locator("li.figure.disputed").count() == 2
    page.locator("#conflicts button.cite").first.click()
    active_mark(laptop)
    laptop.screenshot("report-figures-1280")


def test_quotes_by_speaker_sources_with_coverage_and_retellings(laptop: BrowserPage) -> None:
    page = laptop.page
    page.click("#tab-quotes")
    speaker = page.locator("li.speaker").first.inner_text()
    assert "Ada Brenn" in speaker and "We will not wait any longer." in speaker
    page.locator("li.speaker button.cite").first.click()
    assert active_mark(laptop) == "We will not wait any longer."
    page.keyboard.press("Escape")
    page.click("#tab-sources")
    outlets = page.locator("li.outlet").all_inner_texts()
    assert any("Harbor Wire" in o and "1 document on 1 day" in o for o in outlets)
    derivation = page.locator("li.derivation").inner_text()
    assert "Coastal Times" in derivation and "retells" in derivation and "Harbor Wire" in derivation
    assert "published later" in derivation
    page.locator("li.outlet", has_text="Harbor Wire").locator(
        "button", has_text="documents"
    ).click()
    page.locator("li.outlet .doc-link").first.click()
    assert page.locator("#doc-title").inner_text() == "Velmora council agrees to reopen docks"
    page.keyboard.press("Escape")
    page.click("#tab-actors")
    velmora = page.locator("li.entity").first
    assert "Velmora" in velmora.inner_text() and "3 mentions in 3 documents" in velmora.inner_text()
    velmora.locator("button.cite").click()
    assert active_mark(laptop) == "Velmora"
    page.keyboard.press("Escape")
    page.click("#tab-rejected")
    assert "corpus/photo.jpg" in page.locator("#rejected-view").inner_text()


@pytest.mark.parametrize("width", [390, 1280])
def test_every_view_fits_without_horizontal_scrolling(
    chromium: Any,
    report_file: Path,
    width: int,
) -> None:
    context, found = load(chromium, report_file, width)
    page = found.page
    try:
        for tab in visit_tabs(found):
            assert scroll_width_fits(page), tab
            found.screenshot(f"report-{tab}-{width}")
        page.click("#tab-timeline")
        page.locator("button.cite").first.click()
        active_mark(found)
        assert scroll_width_fits(page)
        found.screenshot(f"report-evidence-{width}")
        assert found.errors == [] and found.network.blocked == []
    finally:
        context.close()


def hostile_story() -> ResolvedStory:
    """Every article-derived field carrying script payloads."""
    story = with_series(make_story())
    junk = " ".join(PAYLOADS)
    docs = [
        d.model_copy(
            update={
                "title": d.title + " " + junk if d.title else junk,
                "outlet": JS_URL,
                "source": JS_URL,
                "url": JS_URL,
                "author": junk,
                "text": d.text + "\n" + junk,
            }
        )
        for d in story.documents
    ]
    doc = docs[0]
    start = doc.text.index(PAYLOADS[1])
    said = evidence(doc, start, start + len(PAYLOADS[1]))
    speaker = Entity(id="e:evil", name=junk, kind="PERSON", aliases=[JS_URL], mentions=[said])
    quote = Quote(
        id=span_id("q", doc.id, said.start, said.end),
        text=said.text,
        speaker=speaker.id,
        evidence=said,
    )
    loose = quote.model_copy(update={"id": "q:loose", "speaker": None, "speaker_name": junk})
    entities = [e.model_copy(update={"name": e.name + " " + junk}) for e in story.entities]
    timeline = [e.model_copy(update={"summary": e.summary + " " + junk}) for e in story.timeline]
    return story.model_copy(
        update={
            "documents": docs,
            "entities": [*entities, speaker],
            "quotes": [*story.quotes, quote, loose],
            "timeline": timeline,
            "stories": [s.model_copy(update={"title": junk}) for s in story.stories],
        }
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_no_string_from_an_article_runs_or_loads_anything(
    chromium: Any,
    tmp_path: Path,
    width: int,
) -> None:
    path = tmp_path / "evil.html"
    story = hostile_story()
    path.write_text(render_report(story, compress=width == 390), encoding="utf-8")
    context, found = load(chromium, path, width)
    page = found.page
    try:
        list(visit_tabs(found))
        page.click("#tab-sources")
        page.locator("li.outlet button", has_text="documents").first.click()
        page.locator("li.outlet .doc-link").first.click()
        page.wait_for_selector("#doc-panel:not([hidden])")
        page.click("#doc-close")
        page.click("#tab-quotes")
        page.locator("li.speaker button.cite").first.click()
        page.wait_for_selector("#doc-panel mark.active")
        page.keyboard.press("Escape")
        page.click("#tab-timeline")
        page.fill("#filter-q", "script")
        page.wait_for_timeout(150)
        # The payloads are on the page, as text.
        assert PAYLOADS[2] in page.locator("li.entry").first.inner_text()
        assert PAYLOADS[0] in page.locator("#title").inner_text()
        assert page.evaluate("window.pwned") is None
        assert page.locator("img, iframe, object, embed, a[href]").count() == 0
        assert page.evaluate("document.scripts.length") == 2
        assert found.dialogs == []
        assert found.network.blocked == []
        assert found.errors == []
        assert scroll_width_fits(page)
        found.screenshot(f"report-hostile-{width}")
    finally:
        context.close()


@pytest.mark.slow
def test_the_demo_corpus_report_leads_from_the_timeline_to_the_words(
    chromium: Any,
    tmp_path: Path,
) -> None:
    """The bundled examples, built by the real pipeline: every citation on the first page of
    the timeline opens its article with the cited words marked."""
    corpus = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    path = tmp_path / "demo.html"
    done = subprocess.run(
        [sys.executable, "-m", "storyline", "demo", "--corpus", str(corpus), "-o", str(path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert path.exists(), done.stderr
    for width in (390, 1280):
        context, found = load(chromium, path, width, timeline=False)
        page = found.page
        try:
            open_a_story(found)
            cites = page.locator("li.entry button.cite:not(.unverified)")
            assert cites.count() >= 5
            for i in (0, cites.count() - 1):
                cite = cites.nth(i)
                start, end = (int(cite.get_attribute(f"data-{x}") or -1) for x in ("start", "end"))
                cite.click()
                assert len(active_mark(found)) == end - start > 0
                assert scroll_width_fits(page)
                page.keyboard.press("Escape")
            assert list(visit_tabs(found))
            assert scroll_width_fits(page)
            found.screenshot(f"report-demo-{width}")
            assert found.errors == [] and found.network.blocked == [] and found.dialogs == []
        finally:
            context.close()


def test_an_open_article_has_an_address_that_opens_it_again(
    chromium: Any,
    report_file: Path,
) -> None:
    story = make_story()
    quote = story.quotes[0]
    context, found = load(chromium, report_file)
    try:
        found.page.click("#tab-quotes")
        found.page.locator("li.speaker button.cite").first.click()
        active_mark(found)
        address = found.page.url
        assert address.endswith(
            f"#doc={quote.evidence.doc}&at={quote.evidence.start}-{quote.evidence.end}"
        )
        found.page.keyboard.press("Escape")
        assert "#" not in found.page.url
    finally:
        context.close()
    context, found = open_page(chromium)
    try:
        found.page.goto(address)
        found.page.wait_for_selector("#app[data-ready]")
        assert active_mark(found) == quote.text
        assert found.errors == []
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_report_of_several_stories_opens_on_them(
    chromium: Any, tmp_path: Path, width: int
) -> None:
    whole = several_stories().in_contract_order()
    path = tmp_path / "stories.html"
    path.write_text(render_report(whole), encoding="utf-8")
    context, found = open_page(chromium, width=width)
    try:
        found.page.goto(path.as_uri())
        found.page.wait_for_selector("#app[data-ready]", timeout=10_000)
        check_the_stories_lead(found, whole, "report")
        assert found.errors == [] and found.network.blocked == [] and found.dialogs == []
    finally:
        context.close()
    context, found = open_page(chromium, width=width)
    try:
        found.page.goto(path.as_uri() + "#story=" + SMALL_STORY)
        found.page.wait_for_selector("#app[data-ready]", timeout=10_000)
        check_a_story_address(found)
        assert found.errors == []
    finally:
        context.close()


def test_the_figures_of_one_story(chromium: Any, tmp_path: Path) -> None:
    made = figure_story()
    path = tmp_path / "figures.html"
    path.write_text(render_report(made.story), encoding="utf-8")
    for width in (1280, 390):
        # Two stories of several documents: the report opens on them.
        context, found = load(chromium, path, width, timeline=False)
        try:
            if width == 1280:
                check_figures_of_a_story(found, made, "report")
            else:
                found.page.click("#tab-figures")
                found.page.select_option("#figures-story", FLOOD)
                expect(found.page.locator("li.series-card")).to_have_count(1)
                assert scroll_width_fits(found.page)
                found.screenshot("report-figures-story-390")
            assert found.errors == [] and found.network.blocked == []
        finally:
            context.close()
