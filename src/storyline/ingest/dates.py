"""Publication dates from metadata values and date lines, as ISO strings at the precision
given: "2023-12-20", "2023-12" or "2023"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from storyline.ingest.rules import rule_lines

_ISO = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_MIN_YEAR = 1800
_MAX_YEAR = 2200
# Numeric timestamps above this are milliseconds, not seconds (year 5138 in seconds).
_MILLISECONDS_FROM = 10**11


def normalize_date(value: object) -> str | None:
    """An ISO date string for a metadata value (string or Unix timestamp), or None when it
    cannot be read as a date. A date-time keeps the calendar day as written, not in UTC."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_timestamp(float(value))
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text:
        return None
    return _from_iso(text) or _from_rfc2822(text) or _from_formats(text)


def _valid(year: int, month: int = 1, day: int = 1) -> bool:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _from_iso(text: str) -> str | None:
    match = _ISO.fullmatch(text)
    if not match:
        return None
    year, month, day = match["year"], match["month"], match["day"]
    if not _valid(int(year), int(month or 1), int(day or 1)):
        return None
    return "-".join(part for part in (year, month, day) if part)


def _from_rfc2822(text: str) -> str | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if _valid(parsed.year) else None


def _from_formats(text: str) -> str | None:
    for fmt in rule_lines("date_formats.txt"):
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if not _valid(parsed.year):
            continue
        if "%d" in fmt:
            return parsed.date().isoformat()
        if any(directive in fmt for directive in ("%m", "%b", "%B")):
            return f"{parsed.year:04d}-{parsed.month:02d}"
        return f"{parsed.year:04d}"
    return None


def _from_timestamp(seconds: float) -> str | None:
    if seconds > _MILLISECONDS_FROM:
        seconds /= 1000
    try:
        parsed = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return parsed.date().isoformat() if _valid(parsed.year) else None
