"""A byline overruling metadata by more than a day is a conflict of kind "date"."""

from __future__ import annotations

from pathlib import Path

from storyline.config import Config
from storyline.ingest import ingest
from storyline.model import Document, Ingested
from storyline.resolve.date_conflicts import date_conflicts

PAGES = Path(__file__).resolve().parent.parent / "data" / "dated_pages"


def documents(*names: str) -> list[Document]:
    found = list(ingest([str(PAGES / n) for n in names], Config()))
    return [r.document for r in found if isinstance(r, Ingested)]


def test_far_metadata_is_a_date_conflict_naming_both_values() -> None:
    [doc] = documents("en_meta_template_default.html")
    [conflict] = date_conflicts([doc])
    assert conflict.kind == "date"
    assert conflict.items == [doc.id]
    assert conflict.date == "2019-03-20"
    assert "byline “Published 20 March 2019” (2019-03-20)" in conflict.note
    assert "meta pubdate “2019-01-01” (2019-01-01)" in conflict.note


def test_a_day_apart_or_agreeing_is_no_conflict() -> None:
    docs = documents(
        "en_meta_utc_day_late.html", "it_byline_meta_day_late.html", "en_byline_meta_agree.html"
    )
    assert len(docs) == 3
    assert date_conflicts(docs) == []
