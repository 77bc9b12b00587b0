"""anchor_date(): the day a document's relative time expressions count from."""

from __future__ import annotations

import datetime as dt

from storyline.model import DateInterval, Document
from storyline.timex.days import day_of


def anchor_date(document: Document) -> dt.date | None:
    """The document's publication day: `published` itself, or the best guess of an interval.
    None when only the month or year is known, or nothing: "yesterday" needs a day."""
    published = document.published
    if isinstance(published, DateInterval):
        published = published.best
    return day_of(published)
