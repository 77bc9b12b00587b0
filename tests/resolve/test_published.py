"""The publication date the cross-document stages read: a day only when it is known to the
day (a month-precision date never reaches a day's arithmetic)."""

from __future__ import annotations

import datetime as dt

from storyline.model import DateInterval, Document
from storyline.resolve.published import published_date, published_day


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
