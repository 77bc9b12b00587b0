"""When a thing of a given age began: "the five-month-old war" in an article of 2024-03-09
began in 2023-10 (TIMEX3's beginPoint of the duration).

The start is given at the precision of the age: years give a year, months a month, weeks an
ISO week, days a day. An age in hours, or a vague one ("the years-old dispute", PXY), has no
start worth stating.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storyline.model import TimeExpression
from storyline.timex.days import day_of

_AGE_WORDS = re.compile(r"(?:-|\s)old\b", re.IGNORECASE)
_DURATION = re.compile(r"P([0-9]+)([YMWD])")


def is_age(text: str) -> bool:
    """ "five-month-old", "the 75-year-old alliance": the words give an age."""
    return _AGE_WORDS.search(text) is not None


def age_start(value: str | None, anchor: dt.date | None) -> str | None:
    """The ISO value of the day, week, month or year a thing of age ``value`` (a TIMEX3
    duration: "P5M") began, seen from ``anchor``; None when either is missing or vague."""
    if value is None or anchor is None:
        return None
    m = _DURATION.fullmatch(value)
    if m is None:
        return None
    n, unit = int(m[1]), m[2]
    if unit == "Y":
        year = anchor.year - n
        return f"{year:04d}" if year >= 1 else None
    if unit == "M":
        months = anchor.year * 12 + anchor.month - 1 - n
        return f"{months // 12:04d}-{months % 12 + 1:02d}" if months >= 12 else None
    try:
        start = anchor - dt.timedelta(days=n * (7 if unit == "W" else 1))
    except OverflowError:
        return None
    if unit == "W":
        iso = start.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    return start.isoformat()


def with_age_starts(times: Sequence[TimeExpression], day: dt.date | None) -> list[TimeExpression]:
    """``times`` with ``begins`` set on every age, counted back from the day it was resolved
    against (a quote's day, or ``day``: the document's), and cleared where there is none."""
    result = []
    for te in times:
        begins = None
        if te.type == "DURATION" and is_age(te.evidence.text):
            begins = age_start(te.value, day_of(te.anchor) or day)
        result.append(te if te.begins == begins else te.model_copy(update={"begins": begins}))
    return result
