"""Handlers for calendar dates: days, months, years, decades, centuries, seasons, quarters,
halves, holidays."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from storyline.timex import calendar as cal
from storyline.timex.handlers.base import (
    Context,
    group,
    month_of,
    parse_day,
    parse_ordinal,
    parse_year,
    shift_of,
    shifted_year,
    weekday_of,
)
from storyline.timex.value import Timex, date_value, month_value, week_value

UNKNOWN_DAY = "XXXX-XX-XX"


def _full_date(year: int, month: int, day: int) -> Timex | None:
    try:
        return Timex("DATE", date_value(dt.date(year, month, day)))
    except ValueError:
        return None


def handle_date(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    month = month_of(match, ctx.lex)
    day_text = group(match, "day") or group(match, "dd")
    day = parse_day(day_text, ctx.lex) if day_text else None
    if month is None or day is None:
        return None
    short = group(match, "yy")
    year_text = group(match, "year") or group(match, "year4") or (short and f"'{short}")
    if year_text is not None:
        return _full_date(parse_year(year_text, ctx.anchor), month, day)
    if cal.day_period(month, day)(2000) is None:  # no such day in any year (leap years included)
        return None
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}")
    weekday = weekday_of(match, ctx.lex)
    year = _year_with_weekday(ctx.anchor, month, day, weekday) if weekday else None
    shift = shift_of(match, ctx.lex)
    if year is None and shift:  # "last Oct. 23": the latest one before the anchor
        year = cal.pick_year(
            ctx.anchor, cal.day_period(month, day), "past" if shift < 0 else "future"
        )
    if year is None:
        year = ctx.pick_year("day", cal.day_period(month, day))
    if year is None:
        return None
    timex = _full_date(year, month, day)
    return Timex(timex.type, timex.value, anchored=True) if timex else None


def _year_with_weekday(anchor: dt.date, month: int, day: int, weekday: int) -> int | None:
    """ "Friday, Oct. 13": of the years around the anchor, the nearest one where that date
    is a Friday."""
    best: tuple[int, int] | None = None
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date.isoweekday() == weekday:
            distance = abs((date - anchor).days)
            if best is None or distance < best[0]:
                best = (distance, year)
    return best[1] if best else None


def handle_month(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    month = month_of(match, ctx.lex)
    if month is None:
        return None
    year_text = group(match, "year")
    if year_text is not None:
        return Timex("DATE", month_value(parse_year(year_text, ctx.anchor), month))
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    year_named = shifted_year(match, ctx)  # "June last year"
    if year_named is not None:
        return Timex("DATE", month_value(year_named, month), anchored=True)
    anchor = ctx.anchor
    shift = shift_of(match, ctx.lex)
    if shift is None:
        year = ctx.pick_year("month", cal.month_period(month))
    elif shift < 0:  # "last October": the latest October before the anchor's month
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif shift > 0:
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year
    if year is None:
        return None
    return Timex("DATE", month_value(year, month), anchored=True)


def handle_year(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    text = group(match, "year4") or group(match, "year") or group(match, "year_words")
    if text is None:
        return None
    return Timex("DATE", f"{parse_year(text, ctx.anchor):04d}")


def handle_decade(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    text = (group(match, "decade") or "").replace("'", "").replace(" ", "")
    if text in ctx.lex.decade_words:
        digit = ctx.lex.decade_words[text]
        century = 19
        if ctx.anchor is not None and ctx.anchor.year >= 2000 + digit * 10 + 10:
            century = 20
        return Timex("DATE", f"{century}{digit}")
    digits = text.rstrip("s")
    if len(digits) == 4:
        return Timex("DATE", digits[:3])
    if len(digits) == 2:  # "the '90s": the latest such decade begun by the anchor
        reference = ctx.anchor.year if ctx.anchor else 2029
        year = reference // 100 * 100 + int(digits)
        if year > reference:
            year -= 100
        return Timex("DATE", f"{year // 10:03d}")
    return None


def handle_century(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    number = parse_ordinal(group(match, "ordinal") or "", ctx.lex)
    if number is None or not 1 <= number <= 30:
        return None
    return Timex("DATE", f"{number - 1:02d}")


def _period_year(
    match: re.Match[str], ctx: Context, kind: str, period: cal.PeriodOfYear
) -> tuple[int | None, bool]:
    """The year of a quarter/half/season: written, shifted ("last summer"), or picked by tense.
    Returns (year or None when unknown, whether the anchor decided it)."""
    year_text = group(match, "year") or group(match, "year4")
    if year_text is not None:
        return parse_year(year_text, ctx.anchor), False
    if ctx.anchor is None:
        return None, False
    year_named = shifted_year(match, ctx)  # "this year's third quarter"
    if year_named is not None:
        return year_named, True
    shift = shift_of(match, ctx.lex)
    anchor = ctx.anchor
    if shift is None:
        return ctx.pick_year(kind, period), True
    if shift == 0:
        return cal.pick_year(anchor, period, "present"), True
    this_year = period(anchor.year)
    if this_year is None:
        return None, True
    if shift < 0:
        return (anchor.year if this_year[1] < anchor else anchor.year - 1), True
    return (anchor.year if this_year[0] > anchor else anchor.year + 1), True


def handle_season(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    code = ctx.lex.seasons.get(group(match, "season") or "")
    if code is None:
        return None
    period = cal.months_period(ctx.lex.season_start[code], 3)
    year, anchored = _period_year(match, ctx, "season", period)
    value = f"{year:04d}-{code}" if year is not None else f"XXXX-{code}"
    return Timex("DATE", value, anchored=anchored)


def handle_quarter(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    text = group(match, "ordinal") or group(match, "quarter") or ""
    quarter = args.get("quarter") or parse_ordinal(text, ctx.lex)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    year, anchored = _period_year(match, ctx, "quarter", cal.months_period(quarter * 3 - 2, 3))
    value = f"{year:04d}-Q{quarter}" if year is not None else f"XXXX-Q{quarter}"
    return Timex("DATE", value, anchored=anchored)


def handle_half(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    if "half" in args:  # "the first two quarters": named by the rule
        half = args["half"]
    elif group(match, "shift") is not None:
        half = 2 if (shift_of(match, ctx.lex) or 0) < 0 else 1  # "the last half" = the second
    else:
        half = parse_ordinal(group(match, "ordinal") or "", ctx.lex) or 0
    if half not in (1, 2):
        return None
    year_text = group(match, "year")
    if year_text is not None:
        return Timex("DATE", f"{parse_year(year_text, ctx.anchor):04d}-H{half}")
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-H{half}")
    year = ctx.pick_year("half", cal.months_period(half * 6 - 5, 6))
    return Timex("DATE", f"{year:04d}-H{half}", anchored=True) if year else None


def _holiday_date(ctx: Context, name: str, year: int) -> dt.date | None:
    holiday = ctx.lex.holidays.get(name)
    return cal.holiday_date(holiday, year) if holiday is not None else None


def handle_holiday(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    name = group(match, "holiday") or ""
    holiday = ctx.lex.holidays.get(name)
    if holiday is None:
        return None
    year_text = group(match, "year")
    if year_text is not None:
        date = _holiday_date(ctx, name, parse_year(year_text, ctx.anchor))
        return Timex("DATE", date_value(date)) if date else None
    if ctx.anchor is None:
        if holiday.month is not None and holiday.day is not None:
            return Timex("DATE", f"XXXX-{holiday.month:02d}-{holiday.day:02d}")
        return Timex("DATE", UNKNOWN_DAY)

    def period(year: int) -> tuple[dt.date, dt.date] | None:
        date = _holiday_date(ctx, name, year)
        return (date, date) if date else None

    year, _ = _period_year(match, ctx, "holiday", period)
    date = _holiday_date(ctx, name, year) if year is not None else None
    return Timex("DATE", date_value(date), anchored=True) if date else None


def handle_week_of(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    date = handle_date(match, ctx, args)
    if date is None or "X" in date.value:
        return Timex("DATE", "XXXX-WXX") if date else None
    return Timex("DATE", week_value(dt.date.fromisoformat(date.value)), anchored=date.anchored)


def handle_year_end(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    """ "year-end", "the 1990 year end": the last day of the year."""
    text = group(match, "year")
    if text is not None:
        return Timex("DATE", f"{parse_year(text, ctx.anchor):04d}-12-31")
    if ctx.anchor is None:
        return Timex("DATE", "XXXX-12-31")
    return Timex("DATE", f"{ctx.anchor.year:04d}-12-31", anchored=True)


def handle_whole_year(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    """ "the full year", "the current fiscal year", "the latest fiscal year": a year."""
    text = group(match, "year")
    if text is not None:
        return Timex("DATE", f"{parse_year(text, ctx.anchor):04d}")
    if ctx.anchor is None:
        return Timex("DATE", "XXXX")
    shift = shift_of(match, ctx.lex) or 0
    return Timex("DATE", f"{ctx.anchor.year + shift:04d}", anchored=True)


def handle_reported_quarter(
    match: re.Match[str], ctx: Context, args: Mapping[str, int]
) -> Timex | None:
    """ "the quarter", "the latest quarter", "the year-ago quarter", "the 1988 period": the
    quarter a report is about, which is the latest one ended by the anchor."""
    ordinal = group(match, "ordinal")
    number = parse_ordinal(ordinal, ctx.lex) if ordinal else None
    if number is not None and not 1 <= number <= 4:
        return None
    year_text = group(match, "year")
    if ctx.anchor is None:
        year_part = f"{parse_year(year_text, None):04d}" if year_text else "XXXX"
        return Timex("DATE", f"{year_part}-Q{number or 'X'}")
    shift = shift_of(match, ctx.lex)
    year, quarter = cal.shift_quarter(ctx.anchor, -1 if shift is None or shift < 0 else shift)
    if year_text is not None:
        year = parse_year(year_text, ctx.anchor)
    year += args.get("years", 0)
    return Timex("DATE", f"{year:04d}-Q{number or quarter}", anchored=year_text is None)
