"""Re-reading an expression against a new day, or the day its quote was spoken (reanchor)."""

from __future__ import annotations

import datetime as dt

from tests.records import time_at

from storyline.model import Document, Quote, document_id, evidence
from storyline.timex.reanchor import against_day, on_quote_days, quote_day

_TEXT = '"We met on Wednesday," she said in 2023, after the talks of October 7, 2023.'
FRIDAY = dt.date(2024, 3, 15)


def _doc() -> Document:
    return Document(id=document_id(_TEXT), source="test", text=_TEXT)


def _quote(doc: Document, date: str | None) -> Quote:
    start, end = 1, doc.text.index('," she')
    return Quote(id="q", text=doc.text[start:end], date=date, evidence=evidence(doc, start, end))


def test_quote_day() -> None:
    doc = _doc()
    assert quote_day(_quote(doc, "2024-03-11")) == dt.date(2024, 3, 11)
    assert quote_day(_quote(doc, "2024-02-30")) is None
    assert quote_day(_quote(doc, "2024-03-11T10:00")) is None


def test_against_a_day_and_back_to_relative() -> None:
    doc = _doc()
    relative = time_at(doc, "Wednesday", "XXXX-WXX-3", tense="past")
    dated = against_day(relative, FRIDAY)
    assert (dated.value, dated.anchor) == ("2024-03-13", "2024-03-15")
    # Without a day its anchor-free value comes back: an earlier guess does not linger.
    assert against_day(dated, None) == relative


def test_an_absolute_value_never_depended_on_a_date() -> None:
    doc = _doc()
    for fixed in (
        time_at(doc, "October 7, 2023", "2023-10-07", tense="past"),
        time_at(doc, "2023", "2023", tense="past"),
    ):
        assert against_day(fixed, FRIDAY) == fixed


def test_only_expressions_naming_a_quote_spoken_on_another_day_move() -> None:
    doc = _doc()
    inside = time_at(doc, "Wednesday", "2024-03-13", anchor="2024-03-15", tense="past")
    inside = inside.model_copy(update={"quote_ref": "q"})
    outside = inside.model_copy(update={"quote_ref": None})
    [moved, kept] = on_quote_days([inside, outside], [_quote(doc, "2024-03-11")], FRIDAY)
    assert (moved.value, moved.anchor) == ("2024-03-06", "2024-03-11")
    assert kept == outside
    # A quote spoken on the document's own day, or on no known day, moves nothing.
    for date in ("2024-03-15", None):
        assert on_quote_days([inside], [_quote(doc, date)], FRIDAY) == [inside]
