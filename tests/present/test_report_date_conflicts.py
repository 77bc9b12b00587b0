"""A date conflict (a page's byline against its own metadata) is listed in the report's
conflicts, with its document, in Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.present.conftest import make_story
from tests.present.test_report_browser import load

from storyline.model import Conflict
from storyline.present.report import render_report

NOTE = "publication date of Velmora: byline “Published 5 March 2024” vs meta pubdate “2024-01-01”"


def test_the_report_lists_a_date_conflict_with_its_document(chromium: Any, tmp_path: Path) -> None:
    story = make_story()
    doc = story.documents[0]
    dated = Conflict(kind="date", items=[doc.id], note=NOTE, date="2024-03-05")
    story = story.model_copy(update={"conflicts": [*story.conflicts, dated]})
    path = tmp_path / "story.html"
    path.write_text(render_report(story), encoding="utf-8")
    context, found = load(chromium, path)
    try:
        found.page.click("#tab-figures")
        found.page.wait_for_selector("#conflicts")
        listed = found.page.locator("#conflicts").inner_text()
        assert NOTE in listed
        assert "Officials count 1,200 idle workers" in listed  # the figure conflict stays
        assert found.errors == [] and found.network.blocked == []
    finally:
        context.close()
