from __future__ import annotations

import json

from rich.console import Console

from storyline.model import Document, ResolvedStory, TimelineEntry
from storyline.present.display import source_label
from storyline.present.table import timeline_json, timeline_markdown, timeline_table


def _cited(story: ResolvedStory) -> tuple[list[TimelineEntry], dict[str, Document]]:
    """What the timeline presenters take: the lines and the documents they cite."""
    return story.timeline, {d.id: d for d in story.documents}


def _rendered(story: ResolvedStory) -> str:
    console = Console(record=True, width=160, color_system=None)
    console.print(timeline_table(*_cited(story)))
    return console.export_text()


def test_markdown_table_lists_dates_in_order(story: ResolvedStory) -> None:
    lines = timeline_markdown(*_cited(story)).splitlines()
    assert lines[0] == "| Date | Summary | Type | Sources |"
    assert lines[1] == "|---|---|---|---|"
    rows = lines[2:]
    assert len(rows) == len(story.timeline)
    dates = [row.split(" | ")[0].removeprefix("| ") for row in rows]
    assert dates == ["2024-03-05", "2024-03-05", "2024-03-06"]
    # The sort is stable: the event before the statement, as the summarizer ordered them.
    assert "AGREE" in rows[0]
    assert "statement" in rows[1]


def test_markdown_cells_cannot_break_the_table(story: ResolvedStory) -> None:
    entry = TimelineEntry(
        date="2024-01-02",
        kind="event",
        summary="a | b\nc",
        type="ACCUSE",
        ref="x",
        citations=[],
        documents=[],
    )
    text = timeline_markdown(*_cited(ResolvedStory(timeline=[entry])))
    row = text.splitlines()[2]
    assert row == "| 2024-01-02 | a \\| b c | ACCUSE |  |"


def test_markdown_cites_outlet_and_short_id(story: ResolvedStory) -> None:
    doc_a = next(d for d in story.documents if d.outlet == "Harbor Wire")
    doc_b = next(d for d in story.documents if d.outlet == "Coastal Times")
    agree_row = timeline_markdown(*_cited(story)).splitlines()[2]
    assert f"Harbor Wire/{doc_a.id[:8]}, Coastal Times/{doc_b.id[:8]}" in agree_row


def test_source_label_without_outlet() -> None:
    doc = Document(id="0123456789abcdef", source="news/003_talks.txt", text="t")
    stdin = Document(id="1123456789abcdef", source="<stdin>", text="t")
    docs = {doc.id: doc, stdin.id: stdin}
    assert source_label(doc.id, docs) == "003_talks.txt"
    assert source_label(stdin.id, docs) == "11234567"
    assert source_label("fedcba9876543210", {}) == "fedcba98"


def test_rich_table_shows_every_entry_in_order(story: ResolvedStory) -> None:
    text = _rendered(story)
    for header in ("Date", "Summary", "Type", "Sources"):
        assert header in text
    assert text.index("2024-03-05") < text.index("2024-03-06")
    assert "Harbor Wire/" in text
    assert "statement" in text


def test_rich_table_does_not_read_article_text_as_markup() -> None:
    entry = TimelineEntry(
        date="2024-01-02",
        kind="event",
        summary="Crowd waved [red]flags[/red] and [bold]signs",
        type="PROTEST",
        ref="x",
        citations=[],
        documents=[],
    )
    text = _rendered(ResolvedStory(timeline=[entry]))
    assert "[red]flags[/red]" in text
    assert "[bold]signs" in text


def test_timeline_json_is_sorted_serialisable_and_labelled(story: ResolvedStory) -> None:
    rows = timeline_json(*_cited(story))
    assert [r["date"] for r in rows] == sorted(e.date for e in story.timeline)
    assert json.loads(json.dumps(rows)) == rows
    first = rows[0]
    assert set(first) == {*TimelineEntry.model_fields, "sources"}
    assert first["sources"][0].startswith("Harbor Wire/")
    assert all(c["text"] for r in rows for c in r["citations"]), "citations carry their words"


def test_empty_timeline(empty_story: ResolvedStory) -> None:
    assert timeline_json(*_cited(empty_story)) == []
    assert timeline_markdown(*_cited(empty_story)).count("\n") == 2
    assert "Timeline" in _rendered(empty_story)
