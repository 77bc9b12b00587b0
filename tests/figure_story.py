"""A small story of two stories built to test the Figures view on the report and on the served
app: a series that both stories report, one only the second does, a value misread by orders
of magnitude, a date far outside the documents' span and one conflict that chains three
values of which only two are rivals. Every record carries its evidence at the right offsets."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import expect
from tests.browser_support import BrowserPage, scroll_width_fits

from storyline.model import (
    Conflict,
    Document,
    Event,
    Evidence,
    Figure,
    FigureSeries,
    ResolvedStory,
    SeriesPoint,
    Story,
    TimelineEntry,
    document_id,
    span_id,
)

FLOOD, STRIKE = "st:flood", "st:strike"
DISPLACED, ARRESTED = "fs:displaced", "fs:arrested"
# Each document's figures: (value as written, value, as-of day or None for its publication day).
_FLOOD = (
    ("1,000", 1000.0, None),
    ("1,100", 1100.0, None),  # a day after 1,000 and within a quarter of it: rivals
    ("2,000", 2000.0, None),  # in the same conflict, but a change from 1,100, not a rival
    ("2,500", 2500.0, None),
    ("3,000", 3000.0, None),
    ("900,000,000", 900_000_000.0, None),  # misread: off scale
)
OUTSIDE = ("4,000", 4000.0, "1850-01-01")  # a year misread: far outside the span
_STRIKE = (("5,000", 5000.0, None), ("200", 200.0, None), ("260", 260.0, None))


@dataclass(frozen=True)
class FigureStory:
    story: ResolvedStory
    figures: dict[str, Figure]  # by the value as written

    def figure(self, written: str) -> Figure:
        return self.figures[written]


def _at(doc: Document, words: str) -> Evidence:
    start = doc.text.index(words)
    return Evidence(doc=doc.id, start=start, end=start + len(words), text=words)


def _document(i: int, lines: list[str]) -> Document:
    text = " ".join(lines) + "\n"
    return Document(
        id=document_id(text),
        source=f"corpus/figures-{i:02d}.txt",
        title=f"Report {i}",
        outlet="The Velmora Herald" if i % 2 else "Kell Wire",
        published=f"2024-03-{1 + i:02d}",
        published_basis="metadata",
        text=text,
    )


def figure_story() -> FigureStory:
    # Each document's figures, and what they count.
    plan: list[list[tuple[str, float, str | None, str]]] = [
        [(w, v, d, "displaced")] for w, v, d in _FLOOD
    ]
    plan[4].append((*OUTSIDE, "displaced"))
    plan.append([(*_STRIKE[0], "displaced"), (*_STRIKE[1], "arrested")])
    plan.append([(*_STRIKE[2], "arrested")])
    docs, figures, events, lines = [], {}, [], []
    for i, said in enumerate(plan):
        texts = [
            f"Officials said {w} people were {what} as of {day or 'today'}."
            for w, _, day, what in said
        ]
        doc = _document(i, texts)
        docs.append(doc)
        published = str(doc.published)
        for w, value, day, what in said:
            ev = _at(doc, f"{w} people were {what}")
            figures[w] = Figure(
                id=span_id("f", doc.id, ev.start, ev.end),
                value=value,
                counts=what,
                subject="Velmora",
                as_of=day or published,
                attributed_to="officials",
                evidence=ev,
            )
        mention = _at(doc, "Officials said")
        event = Event(
            id=span_id("v", doc.id, mention.start, mention.end),
            type="CONSULT",
            summary=f"Officials report {said[0][0]} people {said[0][3]}",
            date=published,
            documents=[doc.id],
            mentions=[mention],
            trigger=mention,
        )
        events.append(event)
        lines.append(
            TimelineEntry(
                date=published,
                kind="event",
                summary=event.summary,
                type="CONSULT",
                ref=event.id,
                citations=[mention],
                documents=[doc.id],
            )
        )

    def series(sid: str, what: str) -> FigureSeries:
        chosen = sorted(
            (f for f in figures.values() if f.counts == what),
            key=lambda f: (f.as_of or "", f.value),
        )
        return FigureSeries(
            id=sid,
            quantity=f"people {what} (Velmora)",
            counts=what,
            subject="Velmora",
            points=[
                SeriesPoint(
                    date=f.as_of or "",
                    date_basis="as_of",
                    value=f.value,
                    attributed_to="officials",
                    figure=f.id,
                    evidence=f.evidence,
                )
                for f in chosen
            ],
        )

    chained = [figures[w].id for w in ("1,000", "1,100", "2,000")]
    story = ResolvedStory(
        documents=docs,
        events=events,
        figures=list(figures.values()),
        series=[series(DISPLACED, "displaced"), series(ARRESTED, "arrested")],
        conflicts=[
            Conflict(
                kind="figure",
                items=chained,
                note="displaced: 1,000 vs 1,100 vs 2,000",
                quantity="people displaced (Velmora)",
            )
        ],
        stories=[
            Story(
                id=FLOOD,
                title="The flood at Velmora",
                documents=[d.id for d in docs[:6]],
                events=[e.id for e in events[:6]],
                start=str(docs[0].published),
                end=str(docs[5].published),
            ),
            Story(
                id=STRIKE,
                title="The strike at the port",
                documents=[d.id for d in docs[6:]],
                events=[e.id for e in events[6:]],
                start=str(docs[6].published),
                end=str(docs[7].published),
            ),
        ],
        timeline=lines,
    )
    return FigureStory(story, figures)


def check_figures_of_a_story(found: BrowserPage, made: FigureStory, name: str) -> None:
    """The Figures tab of the figure story: scoped to a story, charts show only its series, an
    off-scale value is marked and counted, a far-off date counted not drawn, only rival values
    ringed, and a point opens its article with the figure marked. The story chosen carries
    over to the timeline and back. Shared by the report's and the served app's tests."""
    page = found.page
    page.click("#tab-figures")
    cards = page.locator("li.series-card")
    expect(cards).to_have_count(2)
    expect(page.locator("#figures-mixed")).to_contain_text("all 2 stories")
    page.select_option("#figures-story", FLOOD)
    expect(page.locator("#figures-mixed")).to_be_hidden()
    expect(cards).to_have_count(1)
    card = cards.first
    expect(card.locator("h3")).to_have_text("people displaced (Velmora)")
    caption = card.locator(".caption")
    expect(caption).to_contain_text("7 reports")
    expect(caption).to_contain_text("1 off scale")
    expect(caption).to_contain_text("1 report dated outside")
    expect(caption).to_contain_text("2 disputed (ringed)")
    expect(card.locator("svg")).to_contain_text("off scale")
    misread = made.figure("900,000,000")
    off = card.locator(f'.point.off-scale[data-figure="{misread.id}"]')
    expect(off).to_have_count(1)
    assert "900,000,000" in str(off.locator("title").text_content())
    assert card.locator(".point.off-scale").count() == 1
    ringed = {
        str(card.locator(".point.conflict").nth(i).get_attribute("data-figure"))
        for i in range(card.locator(".point.conflict").count())
    }
    assert ringed == {made.figure("1,000").id, made.figure("1,100").id}
    # Not drawn: the strike's report and the date in 1850.
    assert card.locator(f'[data-figure="{made.figure("5,000").id}"]').count() == 0
    assert card.locator(f'[data-figure="{made.figure("4,000").id}"]').count() == 0
    expect(page.locator("#conflicts li.conflict")).to_have_count(1)
    expect(page.locator("#figures li.figure")).to_have_count(7)
    found.screenshot(f"{name}-figures-story-1280")
    point = made.figure("2,500")
    card.locator(f'circle.point[data-figure="{point.id}"]').click()
    expect(page.locator("#doc-panel mark.active")).to_have_text(point.evidence.text)
    page.keyboard.press("Escape")
    page.select_option("#figures-story", STRIKE)
    expect(cards).to_have_count(1)
    expect(cards.first.locator("h3")).to_have_text("people arrested (Velmora)")
    expect(page.locator("#conflicts .empty")).to_be_visible()
    expect(page.locator("#figures li.figure")).to_have_count(3)
    # The story chosen here is the timeline's, and the timeline's is chosen here.
    page.click("#tab-timeline")
    assert page.input_value("#filter-story") == STRIKE
    expect(page.locator("li.entry")).to_have_count(2)
    page.select_option("#filter-story", FLOOD)
    page.click("#tab-figures")
    assert page.input_value("#figures-story") == FLOOD
    expect(page.locator("li.series-card h3")).to_have_text(["people displaced (Velmora)"])
    assert scroll_width_fits(page)
