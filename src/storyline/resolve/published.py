"""A document's publication date as the cross-document stages use it."""

from __future__ import annotations

import datetime as dt

from storyline.model import DateInterval, Document
from storyline.timex.days import is_calendar_date


def published_date(doc: Document) -> str | None:
    """The publication date when it is known as a calendar date ("2023-12-20", "2023-12"), or
    the best day of an inferred interval when the evidence singles one out."""
    published = doc.published
    if isinstance(published, DateInterval):
        published = published.best
    if isinstance(published, str) and is_calendar_date(published):
        return published
    return None


def published_day(doc: Document) -> dt.date | None:
    """The publication day, when the date is known to the day."""
    date = published_date(doc)
    try:
        return dt.date.fromisoformat(date[:10]) if date and len(date) >= 10 else None
    except ValueError:
        return None
