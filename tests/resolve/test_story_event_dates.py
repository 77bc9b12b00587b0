"""The story's event dates (resolve/event_dates.py): bounds from the article's publication
interval, and an on-or-before bound that follows its expression when the document is re-dated."""

from __future__ import annotations

import datetime as dt

from tests.records import time_at

from storyline.model import Analysis, DateInterval, Document, Event, document_id, evidence
from storyline.resolve.dating.redate import redate_analysis
from storyline.resolve.event_dates import StoryEventDater, shared_date

_TEXT = "Axios reported on Monday that Barnea had met Burns. Qatar helped broker a truce."


def _doc(published: str | DateInterval | None) -> Document:
    return Document(id=document_id(_TEXT), source="test", text=_TEXT, published=published)


def _event(doc: Document, words: str, **dates: str | None) -> Event:
    start = doc.text.index(words)
    return Event(
        id=f"v:{start}",
        type="CONSULT",
        summary=words,
        mentions=[evidence(doc, start, start + len(words))],
        **dates,  # type: ignore[arg-type]
    )


def test_an_undated_event_happened_by_its_articles_day() -> None:
    doc = _doc("2024-03-09")
    fields = StoryEventDater(doc, []).date_fields(_event(doc, "broker"))
    assert fields == {
        "date": "2024-03-09",
        "date_basis": "publication",
        "date_earliest": None,
        "date_latest": "2024-03-09",
    }


def test_an_article_dated_by_an_interval_dates_its_events_by_the_interval() -> None:
    interval = DateInterval(earliest="2023-12-13", latest="2023-12-26", best="2023-12-20")
    doc = _doc(interval)
    fields = StoryEventDater(doc, []).date_fields(_event(doc, "broker"))
    assert fields["date"] == "2023-12-20" and fields["date_basis"] == "publication"
    assert fields["date_latest"] == "2023-12-26" and fields["date_earliest"] is None
    # Without a best day, the month both ends lie in; never nothing.
    wide = _doc(DateInterval(earliest="2023-12-13", latest="2023-12-26"))
    fields = StoryEventDater(wide, []).date_fields(_event(wide, "broker"))
    assert fields["date"] == "2023-12" and fields["date_latest"] == "2023-12-26"


def test_a_relative_date_counted_from_an_interval_is_an_interval() -> None:
    interval = DateInterval(earliest="2023-12-13", latest="2023-12-26")
    doc = _doc(interval)
    monday = time_at(doc, "Monday", "XXXX-WXX-1", tense="past")
    event = _event(
        doc,
        "had met",
        date="XXXX-WXX-1",
        date_latest="XXXX-WXX-1",
        date_ref=monday.id,
        date_evidence=monday.evidence,
    )
    fields = StoryEventDater(doc, [monday]).date_fields(event)
    # The Monday before the 13th at the earliest, the one before the 26th at the latest:
    # on or before the latter.
    assert fields["date_basis"] == "text"
    assert fields["date_earliest"] is None and fields["date_latest"] == "2023-12-25"
    assert fields["date"] == "2023-12"


def test_a_week_is_its_days() -> None:
    doc = _doc("2024-03-09")
    fields = StoryEventDater(doc, []).date_fields(_event(doc, "broker", date="2024-W10"))
    assert fields["date_earliest"] == "2024-03-04" and fields["date_latest"] == "2024-03-10"
    assert fields["date"] == "2024-03"


def test_shared_date() -> None:
    assert shared_date("2023-12-13", "2023-12-13") == "2023-12-13"
    assert shared_date("2023-11-28", "2023-12-03") == "2023"
    assert shared_date("2023-12-28", "2024-01-03") is None


def test_an_on_or_before_bound_follows_its_expression_when_redated() -> None:
    doc = _doc(None)
    monday = time_at(doc, "Monday", "XXXX-WXX-1", tense="past")
    event = _event(doc, "had met", date="XXXX-WXX-1", date_latest="XXXX-WXX-1", date_ref=monday.id)
    analysis = Analysis(doc=doc.id, pipeline_version="test", times=[monday], events=[event])
    [redated] = redate_analysis(analysis, dt.date(2023, 12, 20)).events
    assert redated.date == "2023-12-18" and redated.date_latest == "2023-12-18"


def test_an_event_only_known_to_be_before_a_date_stays_off_the_timeline() -> None:
    from storyline.summarize.timeline import build_timeline

    doc = _doc("2023-12-20")
    by_monday = _event(doc, "had met", date="2023-12-18", date_latest="2023-12-18")
    in_november = _event(doc, "broker", date="2023-11")
    entries = build_timeline([by_monday, in_november], [])
    assert [e.ref for e in entries] == [in_november.id]
