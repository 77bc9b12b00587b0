"""A document's publication date as the cross-document stages use it (to the day:
timex.anchor.anchor_date)."""

from __future__ import annotations

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
