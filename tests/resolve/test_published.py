"""The publication date the cross-document stages read: a day only when it is known to the
day (a month-precision date never reaches a day's arithmetic)."""

from __future__ import annotations

import datetime as dt

from storyline.model import DateInterval, Document
from storyline.resolve.published import published_date
from storyline.timex.anchor import anchor_date as published_day


def _doc(published: str | DateInterval | None) -> Document:
    return Document(id="d", source="d.txt", text="x", published=published)


def test_a_day_a_month_an_interval_and_nothing() -> None:
    assert published_day(_doc("2023-12-20")) == dt.date(2023, 12, 20)
    assert published_date(_doc("2023-12")) == "2023-12"
    assert published_day(_doc("2023-12")) is None
    best = DateInterval(earliest="2023-12-19", latest="2023-12-21", best="2023-12-20")
    assert published_day(_doc(best)) == dt.date(2023, 12, 20)
    assert published_day(_doc(DateInterval(earliest="2023-12-19", latest="2023-12-21"))) is None
    assert published_day(_doc(None)) is None


def test_the_whole_cross_document_stage_takes_dates_known_to_the_year_or_month() -> None:
    """A JSON Lines input may give "published": "2013": every stage that reads days (stories,
    rewrites, figures, dating) must take it, not end in a traceback."""
    from storyline.model import Analysis, PublishedBasis
    from storyline.resolve.corpus import resolve_story

    text = "Officials in Cairo said talks on a truce would resume next week, AFP reported."
    basis: PublishedBasis = "metadata"
    documents = [
        Document(id=f"d{i}", source=f"d{i}.txt", text=text, published=p, published_basis=basis)
        for i, p in enumerate(("2013", "2013-05", "2013-05-02"))
    ]
    analyses = [Analysis(doc=d.id, pipeline_version="t") for d in documents]
    story = resolve_story(documents, analyses)
    assert sorted(d for s in story.stories for d in s.documents) == ["d0", "d1", "d2"]
