"""anchor_date(): the day a document's relative time expressions count from."""

from __future__ import annotations

import datetime as dt
import re

from storyline.model import DateInterval, Document

_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def anchor_date(document: Document) -> dt.date | None:
    """The document's publication day: `published` itself, or the best guess of an interval.
    None when only the month or year is known, or nothing: "yesterday" needs a day."""
    published = document.published
    if isinstance(published, DateInterval):
        published = published.best
    return day_of(published)


def day_of(value: str | None) -> dt.date | None:
    """The calendar day an ISO value names ("2024-03-11", "2024-03-11T09:00"), else None."""
    match = _DAY.match(value or "")
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
