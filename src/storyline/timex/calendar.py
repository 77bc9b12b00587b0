"""Date arithmetic the resolver needs: moving by calendar units, ISO weeks, which year a
month or a holiday without one falls in, which Wednesday "on Wednesday" means."""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from collections.abc import Callable

from storyline.timex.lexicon import Holiday
from storyline.timex.value import Tense

# A period in some year, or None when it does not exist that year (February 29).
PeriodOfYear = Callable[[int], tuple[dt.date, dt.date] | None]


def add_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def add_months(day: dt.date, months: int) -> dt.date:
    """Move by whole months, keeping the day where the target month has it (Jan 31 + 1 month
    is Feb 28/29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = _stdlib_calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def month_period(month: int) -> PeriodOfYear:
    def period(year: int) -> tuple[dt.date, dt.date]:
        last = _stdlib_calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last)

    return period


def months_period(first_month: int, months: int) -> PeriodOfYear:
    """A run of months starting in first_month (a quarter, a season); it may end next year."""

    def period(year: int) -> tuple[dt.date, dt.date]:
        start = dt.date(year, first_month, 1)
        end = add_days(add_months(start, months), -1)
        return start, end

    return period


def day_period(month: int, day: int) -> PeriodOfYear:
    def period(year: int) -> tuple[dt.date, dt.date] | None:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        return date, date

    return period


def pick_year(
    anchor: dt.date, period: PeriodOfYear, tense: Tense | None, lookahead_days: int = 0
) -> int | None:
    """The year a period named without one ("October 7", "in November", "the third quarter")
    most likely falls in.

    past: the latest one that has begun by the anchor (or begins at most lookahead_days after
    it); future: the earliest one that has not ended before it; present or unknown: the nearest
    one (containing the anchor if one does).
    """
    candidates: list[tuple[int, dt.date, dt.date]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if not dt.MINYEAR <= year <= dt.MAXYEAR - 1:
            continue
        span = period(year)
        if span is not None:
            candidates.append((year, span[0], span[1]))
    if not candidates:
        return None
    if tense == "past":
        horizon = add_days(anchor, lookahead_days)
        begun = [c for c in candidates if c[1] <= horizon]
        return begun[-1][0] if begun else candidates[0][0]
    if tense == "future":
        pending = [c for c in candidates if c[2] >= anchor]
        return pending[0][0] if pending else candidates[-1][0]

    def distance(candidate: tuple[int, dt.date, dt.date]) -> int:
        _, start, end = candidate
        if start <= anchor <= end:
            return 0
        return min(abs((anchor - start).days), abs((anchor - end).days))

    return min(candidates, key=distance)[0]


def resolve_weekday(
    anchor: dt.date, weekday: int, tense: Tense | None, shift: int | None = None
) -> dt.date:
    """The date a weekday name refers to, seen from the anchor.

    With "last"/"next": the nearest such day strictly before/after the anchor; with "this": the
    one in the anchor's ISO week. Otherwise by tense: past, the most recent one on or before the
    anchor (a Saturday article's "met on Saturday" is that day); future, the next one on or after
    it ("will vote on Wednesday" in a Wednesday article is that day); present or unknown, the
    nearest one, which is always within three days.
    """
    back = (anchor.isoweekday() - weekday) % 7
    forward = (weekday - anchor.isoweekday()) % 7
    if shift is not None and shift < 0:
        return add_days(anchor, -(back or 7))
    if shift is not None and shift > 0:
        return add_days(anchor, forward or 7)
    if shift == 0:
        return add_days(anchor, weekday - anchor.isoweekday())
    if tense == "past":
        return add_days(anchor, -back)
    if tense == "future":
        return add_days(anchor, forward)
    return add_days(anchor, -back if back <= forward else forward)


def nearest_weekday(day: dt.date, weekday: int) -> dt.date:
    """The given weekday closest to day (within three days either side)."""
    return resolve_weekday(day, weekday, None)


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian), by the anonymous algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth given weekday of a month (nth = -1: the last one)."""
    if nth < 0:
        last = dt.date(year, month, _stdlib_calendar.monthrange(year, month)[1])
        return add_days(last, -((last.isoweekday() - weekday) % 7))
    first = dt.date(year, month, 1)
    return add_days(first, (weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def holiday_date(holiday: Holiday, year: int) -> dt.date | None:
    """The holiday's day in the year, by its rule (a fixed date, the nth weekday of a month,
    days after Easter); None when the rule names no day."""
    try:
        if holiday.easter is not None:
            return add_days(easter(year), holiday.easter)
        if holiday.month is None:
            return None
        if holiday.day is not None:
            return dt.date(year, holiday.month, holiday.day)
        if holiday.weekday is not None and holiday.nth is not None:
            nth = nth_weekday(year, holiday.month, holiday.weekday, holiday.nth)
            return add_days(nth, holiday.days_after)
    except (ValueError, OverflowError):
        return None
    return None


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(day: dt.date, quarters: int) -> tuple[int, int]:
    """(year, quarter) of the quarter `quarters` away from the one containing day."""
    index = day.year * 4 + quarter_of(day) - 1 + quarters
    year, quarter = divmod(index, 4)
    return year, quarter + 1
