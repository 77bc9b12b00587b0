"""What the normalizer returns: a TIMEX3 type, value and mod, and the value's grammar.

TIMEX3 values used here (TimeML 1.2.1, as TempEval-3 annotates them):

- dates at any precision: ``2024-12-02``, ``2024-12``, ``2024``, decades ``199``, centuries ``19``,
  with unknown parts as X: ``XXXX-10-07``, ``XXXX-XX-XX``;
- ISO weeks ``2023-W50``, weekdays in an unknown week ``XXXX-WXX-3`` (Wednesday = 3, ISO
  numbering), weekends ``2023-W50-WE``;
- quarters ``2024-Q3``, halves ``2024-H1``, seasons ``2024-SU`` (SP SU FA WI);
- times ``2024-12-02T22:00``, parts of day ``2024-12-02TMO`` (MO AF EV NI DT);
- durations ``P10W``, ``P1DT12H``, ``PT30M``, ``PXY`` (an unknown number of years);
- ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]

# A year, a decade ("199"), or a century ("19"; "XX" when unknown, as "the next century" is
# with no anchor).
_YEAR = r"(?:[0-9X]{4}|[0-9]{3}X?|(?:[0-9]{2}|XX)(?:XX)?)"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)"
_CALENDAR = (
    rf"{_YEAR}"
    rf"(?:-{_MONTH}(?:-{_DAY})?"
    rf"|-W{_WEEK}(?:-(?:[1-7]|X|WE))?"  # ISO week, weekday or weekend
    r"|-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI))?"  # quarter, half, season
)
_TIME = r"T(?:MO|AF|EV|NI|DT|(?:[01][0-9]|2[0-4])(?::[0-5][0-9](?::[0-5][0-9])?)?)"
_AMOUNT = r"(?:[0-9]+(?:\.[0-9]+)?|X)"
_DURATION = (
    rf"P(?:(?:{_AMOUNT}(?:Y|M|W|D|Q|DE|CE|ML|WE))+(?:T(?:{_AMOUNT}[HMS])+)?"
    rf"|T(?:{_AMOUNT}[HMS])+)"
)

# Every value normalize() can return matches this.
TIMEX3_VALUE = re.compile(
    rf"(?:{_CALENDAR}(?:{_TIME})?|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)",
)


@dataclass(frozen=True)
class Timex:
    """One normalized time expression."""

    type: TimexType
    value: str
    mod: str | None = None
    # True when the value was worked out from the anchor (the document's date): such values
    # change when the anchor does, so a later stage that re-dates the document re-resolves them.
    anchored: bool = False


def date_value(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def duration_value(amount: float | None, letter: str, clock: bool) -> str:
    """P10W, PT3H, PXY; a fractional amount keeps one decimal (P1.5Y)."""
    if amount is None:
        text = "X"
    elif float(amount).is_integer():
        text = str(int(amount))
    else:
        text = f"{amount:.1f}"
    return f"PT{text}{letter}" if clock else f"P{text}{letter}"
