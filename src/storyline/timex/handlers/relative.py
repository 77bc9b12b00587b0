"""Handlers for times counted from the anchor: clock times, "yesterday", weekdays, "last
week", "two days ago", and the vague past/present/future references."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from storyline.timex import calendar as cal
from storyline.timex.handlers.base import (
    Context,
    group,
    is_plural,
    parse_count,
    pod_of,
    shift_of,
    unit_of,
    weekday_of,
)
from storyline.timex.handlers.dates import UNKNOWN_DAY, handle_date
from storyline.timex.lexicon import Unit
from storyline.timex.value import Timex, TimexType, date_value, month_value, week_value


def _day_of(match: re.Match[str], ctx: Context) -> tuple[dt.date | None, bool]:
    """The day a clock time or part of day sits on: a weekday, "yesterday", a date, or the
    anchor itself. (None, _) when there is no anchor to count from."""
    if group(match, "month") is not None:
        timex = handle_date(match, ctx, {})
        if timex is None or "X" in timex.value:
            return None, False
        return dt.date.fromisoformat(timex.value), timex.anchored
    if ctx.anchor is None:
        return None, False
    weekday = weekday_of(match, ctx.lex)
    if weekday is not None:
        return cal.resolve_weekday(ctx.anchor, weekday, ctx.tense, shift_of(match, ctx.lex)), True
    relday = group(match, "relday")
    if relday is not None:
        return cal.add_days(ctx.anchor, ctx.lex.relative_days[relday]), True
    return ctx.anchor, True


def handle_clock(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    word = group(match, "clockword")
    if word is not None:
        clock = ctx.lex.clock_words[word]
    else:
        hour = int(group(match, "hour") or "0")
        minute = int(group(match, "minute") or "0")
        ampm = (group(match, "ampm") or "").replace(".", "").replace(" ", "")
        pod = pod_of(match, ctx.lex)
        if ampm or pod:
            if hour > 12 or hour == 0:
                return None
            evening = ampm == "pm" or pod in ("AF", "EV", "NI")
            if evening and hour < 12:
                hour += 12
            elif not evening and hour == 12:
                hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    if (group(match, "tz") or "").replace(".", "") in ctx.lex.universal_time:
        clock += "Z"
    day, anchored = _day_of(match, ctx)
    prefix = date_value(day) if day else UNKNOWN_DAY
    return Timex("TIME", f"{prefix}T{clock}", anchored=anchored)


def handle_relative_day(
    match: re.Match[str], ctx: Context, args: Mapping[str, int]
) -> Timex | None:
    lex = ctx.lex
    phrase = group(match, "relphrase")
    relday = group(match, "relday")
    part = pod_of(match, lex)
    if phrase is not None:
        offset = lex.relative_phrases[phrase]
        part = lex.relative_day_parts.get(phrase) or lex.parts_of_day.get(phrase.split()[-1])
    elif relday is not None:
        offset = lex.relative_days[relday]
        part = part or lex.relative_day_parts.get(relday)
    else:
        offset = 0
    suffix = f"T{part}" if part else ""
    kind: TimexType = "TIME" if part else "DATE"
    if ctx.anchor is None:
        return Timex(kind, UNKNOWN_DAY + suffix)
    day = cal.add_days(ctx.anchor, offset)
    weekday = weekday_of(match, lex)
    if weekday is not None and weekday != day.isoweekday():
        # "yesterday (Friday)" where yesterday was not a Friday: the weekday is the more
        # specific word, so take the Friday nearest to yesterday.
        day = cal.nearest_weekday(day, weekday)
    return Timex(kind, date_value(day) + suffix, anchored=True)


def handle_weekday(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    weekday = weekday_of(match, ctx.lex)
    if weekday is None:
        return None
    part = pod_of(match, ctx.lex)
    suffix = f"T{part}" if part else ""
    if group(match, "pod") in ctx.lex.recurring_parts:  # "Tuesday nights": every Tuesday night
        return Timex("SET", f"XXXX-WXX-{weekday}{suffix}")
    if part not in ctx.lex.weekday_parts:  # "Friday night" is valued as the Friday
        part, suffix = None, ""
    kind: TimexType = "TIME" if part else "DATE"
    if ctx.anchor is None:
        return Timex(kind, f"XXXX-WXX-{weekday}{suffix}")
    day = cal.resolve_weekday(ctx.anchor, weekday, ctx.tense, shift_of(match, ctx.lex))
    return Timex(kind, date_value(day) + suffix, anchored=True)


def _point_value(anchor: dt.date | None, granularity: str, day: dt.date | None) -> str | None:
    """A point at a unit's granularity: the day, its ISO week, month, quarter, year..."""
    if day is None or anchor is None:
        return {
            "day": UNKNOWN_DAY,
            "week": "XXXX-WXX",
            "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX",
            "quarter": "XXXX-QX",
            "year": "XXXX",
            "decade": "XXX",
            "century": "XX",
        }.get(granularity)
    if granularity == "day":
        return date_value(day)
    if granularity == "week":
        return week_value(day)
    if granularity == "weekend":
        return week_value(day) + "-WE"
    if granularity == "month":
        return month_value(day.year, day.month)
    if granularity == "quarter":
        return f"{day.year:04d}-Q{cal.quarter_of(day)}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return None


def _move(anchor: dt.date, unit: Unit, amount: int) -> dt.date | None:
    """The anchor moved by amount units (amount already multiplied out for decades)."""
    try:
        if unit.granularity == "day":
            return cal.add_days(anchor, amount)
        if unit.granularity in ("week", "weekend"):
            return cal.add_days(anchor, 7 * amount * unit.factor)
        if unit.granularity == "month":
            return cal.add_months(anchor, amount)
        if unit.granularity == "quarter":
            return cal.add_months(anchor, 3 * amount)
        if unit.granularity in ("year", "decade", "century"):
            return cal.add_months(anchor, 12 * amount * unit.factor)
    except (ValueError, OverflowError):
        return None
    return None


def handle_shifted_unit(
    match: re.Match[str], ctx: Context, args: Mapping[str, int]
) -> Timex | None:
    """ "last week", "this year", "next month", "the previous day", "the weekend"."""
    text = group(match, "unit") or "weekend"
    unit = ctx.lex.units[text]
    if text.endswith("s") or unit.clock:
        return None
    shift = shift_of(match, ctx.lex)
    if shift is None:
        shift = args.get("shift")
    day: dt.date | None = None
    if ctx.anchor is not None:
        if shift is None:  # "the weekend": the last one in past tense, else this week's
            back = ctx.tense == "past" and ctx.anchor.isoweekday() < 6
            day = cal.add_days(ctx.anchor, -7 if back else 0)
        else:
            day = _move(ctx.anchor, unit, shift)
            if day is None:
                return None
    value = _point_value(ctx.anchor, unit.granularity, day)
    return Timex("DATE", value, anchored=ctx.anchor is not None) if value else None


def handle_offset(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    """ "two days ago", "three weeks earlier", "a year later"."""
    unit = unit_of(match, ctx.lex)
    num = group(match, "num")
    count = parse_count(num, ctx.lex) if num else (None if is_plural(match) else 1.0)
    direction_word = group(match, "direction") or match.group(0).rsplit(" ", 1)[-1]
    if unit is None or count is None or not count.is_integer() or unit.clock:
        return None
    direction = ctx.lex.directions[direction_word]
    # "earlier"/"later" count from a moment in the story, not from the document's date.
    mod = "APPROX" if direction_word in ctx.lex.approximate_directions else None
    if ctx.granularity == "quarter" and unit.key == "year" and ctx.anchor is not None:
        year, quarter = cal.shift_quarter(ctx.anchor, -1)
        quarter_value = f"{year + direction * int(count):04d}-Q{quarter}"
        return Timex("DATE", quarter_value, mod=mod, anchored=True)
    day = _move(ctx.anchor, unit, direction * int(count)) if ctx.anchor else None
    if ctx.anchor is not None and day is None:
        return None
    value = _point_value(ctx.anchor, unit.granularity, day)
    return Timex("DATE", value, mod=mod, anchored=day is not None) if value else None


def handle_vague_reference(
    match: re.Match[str], ctx: Context, args: Mapping[str, int]
) -> Timex | None:
    """ "several years ago", "recent weeks", "the coming days": a past or future reference."""
    if not is_plural(match):
        return None
    text = match.group(0)
    direction = group(match, "direction")
    shift = shift_of(match, ctx.lex)
    if direction is not None:
        sign = ctx.lex.directions[direction]
    elif shift is not None:
        sign = shift
    elif text.startswith("recent"):
        sign = -1
    else:
        sign = 1
    if sign == 0:
        return Timex("DATE", "PRESENT_REF")
    return Timex("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")


def handle_reference(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    word = group(match, "ref") or group(match, "ref_search") or ""
    kind = ctx.lex.references.get(word)
    return Timex("DATE", kind) if kind else None
