"""The days a TIMEX3 value names, and the calendar dates the story's records carry.

Every stage that turns a value into days reads it here: dating works on whole days as
``datetime.date`` ("2023-12" is 2023-12-01..2023-12-31, "2023-W51" that ISO week's
Monday..Sunday); the story's records carry calendar dates ("2023-12-20", "2023-12", "2023").
Values with unknown parts ("XXXX-10-07") and non-dates (durations, PRESENT_REF) name no span
and no calendar date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from storyline.timex.calendar import add_months

Span = tuple[dt.date, dt.date]

_DATE = re.compile(
    r"(?P<year>[0-9]{4})"
    r"(?:-(?:(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?"
    r"|W(?P<week>[0-9]{2})(?:-(?P<weekday>[1-7]|WE))?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?"
    r"(?:T.*)?"
)
# Months each season covers (northern hemisphere, meteorological): first month and length.
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
_DAYS_PER_UNIT = {"D": 1, "W": 7}
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_CALENDAR_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LEADING_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_amount(day: dt.date, amount: float, unit: str) -> dt.date:
    """day + amount units (D W M Y; a fractional month or year counts in days)."""
    if unit in _DAYS_PER_UNIT:
        return day + dt.timedelta(days=round(amount * _DAYS_PER_UNIT[unit]))
    months = amount * (12 if unit == "Y" else 1)
    whole = int(months)
    moved = add_months(day, whole)
    return moved + dt.timedelta(days=round((months - whole) * 30.44))


def value_span(value: str | None) -> Span | None:
    """The days a TIMEX3 date value covers, or None when it names no known span."""
    if not value or "X" in value.split("T")[0]:
        return None
    m = _DATE.fullmatch(value)
    if m is None:
        return None
    try:
        return _span(m)
    except ValueError:
        return None


def _span(m: re.Match[str]) -> Span:
    year = int(m["year"])
    if m["day"]:
        day = dt.date(year, int(m["month"]), int(m["day"]))
        return day, day
    if m["month"]:
        month = int(m["month"])
        return dt.date(year, month, 1), month_end(year, month)
    if m["week"]:
        monday = dt.date.fromisocalendar(year, int(m["week"]), 1)
        if m["weekday"] == "WE":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        if m["weekday"]:
            day = monday + dt.timedelta(days=int(m["weekday"]) - 1)
            return day, day
        return monday, monday + dt.timedelta(days=6)
    if m["quarter"] or m["half"] or m["season"]:
        if m["quarter"]:
            first, length = 3 * int(m["quarter"]) - 2, 3
        elif m["half"]:
            first, length = 6 * int(m["half"]) - 5, 6
        else:
            first, length = _SEASONS[m["season"]]
        start = dt.date(year, first, 1)
        return start, add_months(start, length) - dt.timedelta(days=1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def precision(value: str) -> str:
    """ "day", "month", "year" or "other" (weeks, quarters, seasons) for a date value."""
    m = _DATE.fullmatch(value)
    if m is None:
        return "other"
    if m["day"] or m["weekday"] not in (None, "WE"):
        return "day"
    if m["month"]:
        return "month"
    if m["week"] or m["quarter"] or m["half"] or m["season"]:
        return "other"
    return "year"


def clamp(span: Span, limits: Span) -> Span | None:
    start, end = max(span[0], limits[0]), min(span[1], limits[1])
    return (start, end) if start <= end else None


def day_of(value: str | None) -> dt.date | None:
    """The calendar day an ISO value names ("2024-03-11", "2024-03-11T09:00"), else None."""
    match = _DAY.match(value or "")
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def is_calendar_date(value: str | None) -> bool:
    """A date at a calendar precision: "2023-12-20", "2023-12" or "2023"."""
    return value is not None and _CALENDAR_DATE.match(value) is not None


def calendar_date(value: str | None) -> str | None:
    """The calendar date a TIMEX3 value names, if it names one: "2023-12-20TMO" is the day
    2023-12-20; "XXXX-10-07", "2023-W51" or "P5M" name none (yet)."""
    if value is None:
        return None
    if _CALENDAR_DATE.match(value):
        return value
    m = _LEADING_DAY.match(value)
    return m.group(1) if m else None
