"""The story's event dates: calendar dates, with bounds wherever they are uncertain.

`date` is the best single date (what the timeline places the event by); `date_earliest` and
`date_latest` bound the true date when it is not known exactly (an absent bound is open):
- an event its words date is on that date, or on or before it (a past perfect under a dated
  report: analyze/event_dates.py gives the bound as its date_latest); a week ("2023-W51") is
  the days from its Monday to its Sunday;
- when the article's publication date is an interval, a relative expression ("on Wednesday")
  may name any of the days it names counted from the interval's ends, so its event lies
  between the two (the best day's reading stays `date`);
- an asserted event nothing in the text dates happened by the time its article appeared
  (date_basis "publication"; GDELT dates every event that way): on or before the publication
  day, or before the end of the publication interval, never undated;
- an event told as yet to come ("will meet") that nothing dates is after the article appeared:
  `date_earliest` is the publication day (or the interval's first), with no `date`.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.model import DateInterval, Document, Event, TimeExpression
from storyline.timex.days import calendar_date, day_of, value_span
from storyline.timex.normalize import normalize

Fields = dict[str, str | None]


def _fields(
    date: str | None, basis: str | None, earliest: str | None, latest: str | None
) -> Fields:
    return {"date": date, "date_basis": basis, "date_earliest": earliest, "date_latest": latest}


def _interval(published: str | DateInterval | None) -> DateInterval | None:
    if isinstance(published, DateInterval):
        return published
    day = calendar_date(published)
    return DateInterval(earliest=day, latest=day, best=day) if day is not None else None


def shared_date(earliest: str, latest: str) -> str | None:
    """The most precise calendar date both ends lie in: "2023-12" for 2023-12-13..2023-12-26."""
    if earliest == latest:
        return earliest
    if earliest[:7] == latest[:7] and len(earliest) >= 7:
        return earliest[:7]
    if earliest[:4] == latest[:4]:
        return earliest[:4]
    return None


def _days(value: str | None) -> tuple[str, str] | None:
    span = value_span(value)
    return (span[0].isoformat(), span[1].isoformat()) if span is not None else None


class StoryEventDater:
    """Dates of one document's events, given its publication date and time expressions."""

    def __init__(self, document: Document, times: Sequence[TimeExpression]) -> None:
        self.published = _interval(document.published)
        self.times = {t.id: t for t in times}

    def date_fields(self, event: Event) -> Fields:
        # An event on or before its expression's date carries that value as its bound.
        by = event.date_latest is not None and event.date_latest == event.date
        own = calendar_date(event.date)
        span = self._span(event)
        if own is not None and span is None:
            if by:
                return _fields(own, "text", None, own)
            earliest, latest = calendar_date(event.date_earliest), calendar_date(event.date_latest)
            return _fields(own, "text", earliest, latest)
        if span is not None:
            first, last = span
            best = own or shared_date(first, last)
            if best is not None and _days(best) == span:  # the date says it all
                return _fields(best, "text", None, best if by else None)
            return _fields(best, "text", None if by else first, last)
        if event.date is None and event.mode == "asserted" and self.published is not None:
            interval = self.published
            best = calendar_date(interval.best) or shared_date(interval.earliest, interval.latest)
            return _fields(best, "publication", None, interval.latest)
        if event.date is None and event.mode == "future" and self.published is not None:
            # Told as yet to come and dated by nothing: after the article appeared, no more
            # (no date to place it by, so it stays off the timeline).
            return _fields(None, "publication", self.published.earliest, None)
        return _fields(None, None, None, None)

    def _span(self, event: Event) -> tuple[str, str] | None:
        """The first and last day the event's expression may name, when that is not one
        calendar date: a week, or a relative expression counted from a publication interval."""
        if event.date is None:
            return None
        counted = self._from_interval(event)
        if counted is not None:
            return counted
        if calendar_date(event.date) is not None:
            return None
        return _days(event.date)

    def _from_interval(self, event: Event) -> tuple[str, str] | None:
        interval = self.published
        te = self.times.get(event.date_ref or "")
        if interval is None or te is None or interval.earliest == interval.latest:
            return None
        # Only what was counted from the publication (or left relative for want of a day),
        # not a date the story named or a quote's day.
        counted_from_best = te.anchor is not None and te.anchor == interval.best
        if not counted_from_best and not (te.anchor is None and "X" in (te.value or "")):
            return None
        ends = []
        for day in (day_of(interval.earliest), day_of(interval.latest)):
            found = normalize(te.evidence.text, day, te.tense) if day is not None else None
            if found is None or not found.anchored:
                return None
            ends.append(_days(found.value))
        first, last = ends
        if first is None or last is None:
            return None
        return min(first[0], last[0]), max(first[1], last[1])
