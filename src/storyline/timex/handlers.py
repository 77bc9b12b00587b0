"""Turn the groups a rule matched into a TIMEX3 value.

Each handler takes the match, the context (anchor date, tense, lexicon) and the rule's args and
returns a Timex, or None when the words do not make a time after all (February 30). Rules name
their handler in data/rules.toml; HANDLERS maps those names to the functions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from storyline.timex import calendar as cal
from storyline.timex.lexicon import Lexicon, Unit, lexicon
from storyline.timex.value import (
    Tense,
    Timex,
    TimexType,
    date_value,
    duration_value,
    month_value,
    week_value,
)

UNKNOWN_DAY = "XXXX-XX-XX"


@dataclass(frozen=True)
class Context:
    anchor: dt.date | None
    tense: Tense | None
    lex: Lexicon
    # The unit the surrounding text counts in, for words that take it from there: in a
    # quarterly report "a year earlier" is the same quarter a year before.
    granularity: str | None = None

    def pick_year(self, kind: str, period: cal.PeriodOfYear) -> int | None:
        """The year of a period named without one, by data/placement.toml for its kind."""
        if self.anchor is None:
            return None
        placement = self.lex.placement.get(kind)
        tense = self.tense
        lookahead = 0
        if placement is not None:
            tense = placement.tense or tense
            lookahead = placement.past_lookahead_days
        return cal.pick_year(self.anchor, period, tense, lookahead)


Handler = Callable[[re.Match[str], Context, Mapping[str, int]], Timex | None]


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


# --- reading the groups -------------------------------------------------------------------


def parse_count(text: str, lex: Lexicon) -> float | None:
    """ "19" -> 19, "twenty four" -> 24, "a" -> 1, "a couple of" -> 2, "1,000" -> 1000."""
    text = text.strip()
    if text in lex.counts:
        return float(lex.counts[text])
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    total = 0
    current = 0
    for word in text.replace(" and ", " ").split():
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in lex.scales:
            current = max(current, 1) * lex.cardinals[word]
            total += current
            current = 0
        elif word in lex.cardinals:
            current += lex.cardinals[word]
        else:
            return None
    return float(total + current)


def parse_ordinal(text: str, lex: Lexicon) -> int | None:
    if text in lex.ordinals:
        return lex.ordinals[text]
    digits = re.match(r"[0-9]+", text)
    return int(digits.group()) if digits else None


def parse_day(text: str, lex: Lexicon) -> int | None:
    day = parse_ordinal(text, lex)
    return day if day is not None and 1 <= day <= 31 else None


def parse_year(text: str, anchor: dt.date | None) -> int:
    """A four-digit year, "'98" (the century that puts it at most ten years past the anchor,
    or without one 1930-2029), or words: "nineteen ninety six", "two thousand and five"."""
    if text[:1].isalpha():
        return _year_in_words(text)
    if not text.startswith("'"):
        return int(text)
    short = int(text[1:])
    if anchor is None:
        return 1900 + short if short >= 30 else 2000 + short
    century = anchor.year // 100 * 100
    year = century + short
    return year - 100 if year > anchor.year + 10 else year


def _year_in_words(text: str) -> int:
    lex = lexicon()
    words = text.replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = parse_count(" ".join(words[2:]), lex) if words[2:] else 0.0
        return 2000 + int(rest or 0)
    century = lex.cardinals[words[0]]
    rest_words = [w for w in words[1:] if w not in ("hundred", "oh")]
    rest = parse_count(" ".join(rest_words), lex) if rest_words else 0.0
    return century * 100 + int(rest or 0)


def _month(match: re.Match[str], lex: Lexicon) -> int | None:
    name = _group(match, "month")
    if name is not None:
        return lex.months.get(name.rstrip("."))
    number = _group(match, "mm")
    return int(number) if number is not None else None


def _weekday(match: re.Match[str], lex: Lexicon, name: str = "weekday") -> int | None:
    text = _group(match, name)
    return lex.weekdays.get(text.rstrip(".")) if text is not None else None


def _shift(match: re.Match[str], lex: Lexicon) -> int | None:
    text = _group(match, "shift")
    return lex.shifts[text] if text is not None else None


def _unit(match: re.Match[str], lex: Lexicon) -> Unit | None:
    text = _group(match, "unit")
    return lex.units[text] if text is not None else None


def _is_plural(match: re.Match[str]) -> bool:
    text = _group(match, "unit") or ""
    return text.endswith("s")


def _pod(match: re.Match[str], lex: Lexicon) -> str | None:
    text = _group(match, "pod")
    return lex.parts_of_day[text] if text is not None else None


# --- calendar dates -----------------------------------------------------------------------


def _full_date(year: int, month: int, day: int) -> Timex | None:
    try:
        return Timex("DATE", date_value(dt.date(year, month, day)))
    except ValueError:
        return None


def handle_date(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    month = _month(match, ctx.lex)
    day_text = _group(match, "day") or _group(match, "dd")
    day = parse_day(day_text, ctx.lex) if day_text else None
    if month is None or day is None:
        return None
    year_text = _group(match, "year") or _group(match, "year4")
    if year_text is not None:
        return _full_date(parse_year(year_text, ctx.anchor), month, day)
    if cal.day_period(month, day)(2000) is None:  # no such day in any year (leap years included)
        return None
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}-{day:02d}")
    weekday = _weekday(match, ctx.lex)
    year = _year_with_weekday(ctx.anchor, month, day, weekday) if weekday else None
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
    month = _month(match, ctx.lex)
    if month is None:
        return None
    year_text = _group(match, "year")
    if year_text is not None:
        return Timex("DATE", month_value(parse_year(year_text, ctx.anchor), month))
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}")
    anchor = ctx.anchor
    shift = _shift(match, ctx.lex)
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
    text = _group(match, "year4") or _group(match, "year") or _group(match, "year_words")
    if text is None:
        return None
    return Timex("DATE", f"{parse_year(text, ctx.anchor):04d}")


def handle_decade(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    text = (_group(match, "decade") or "").replace("'", "").replace(" ", "")
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
    number = parse_ordinal(_group(match, "ordinal") or "", ctx.lex)
    if number is None or not 1 <= number <= 30:
        return None
    return Timex("DATE", f"{number - 1:02d}")


def _period_year(
    match: re.Match[str], ctx: Context, kind: str, period: cal.PeriodOfYear
) -> tuple[int | None, bool]:
    """The year of a quarter/half/season: written, shifted ("last summer"), or picked by tense.
    Returns (year or None when unknown, whether the anchor decided it)."""
    year_text = _group(match, "year") or _group(match, "year4")
    if year_text is not None:
        return parse_year(year_text, ctx.anchor), False
    if ctx.anchor is None:
        return None, False
    shift = _shift(match, ctx.lex)
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
    code = ctx.lex.seasons.get(_group(match, "season") or "")
    if code is None:
        return None
    period = cal.months_period(ctx.lex.season_start[code], 3)
    year, anchored = _period_year(match, ctx, "season", period)
    value = f"{year:04d}-{code}" if year is not None else f"XXXX-{code}"
    return Timex("DATE", value, anchored=anchored)


def handle_quarter(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    text = _group(match, "ordinal") or _group(match, "quarter") or ""
    quarter = parse_ordinal(text, ctx.lex)
    if quarter is None or not 1 <= quarter <= 4:
        return None
    year, anchored = _period_year(match, ctx, "quarter", cal.months_period(quarter * 3 - 2, 3))
    value = f"{year:04d}-Q{quarter}" if year is not None else f"XXXX-Q{quarter}"
    return Timex("DATE", value, anchored=anchored)


def handle_half(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    if _group(match, "shift") is not None:
        half = 2 if (_shift(match, ctx.lex) or 0) < 0 else 1  # "the last half" = the second
    else:
        half = parse_ordinal(_group(match, "ordinal") or "", ctx.lex) or 0
    if half not in (1, 2):
        return None
    year_text = _group(match, "year")
    if year_text is not None:
        return Timex("DATE", f"{parse_year(year_text, ctx.anchor):04d}-H{half}")
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-H{half}")
    year = ctx.pick_year("half", cal.months_period(half * 6 - 5, 6))
    return Timex("DATE", f"{year:04d}-H{half}", anchored=True) if year else None


def _holiday_date(ctx: Context, name: str, year: int) -> dt.date | None:
    holiday = ctx.lex.holidays.get(name)
    if holiday is None:
        return None
    try:
        if holiday.easter is not None:
            return cal.add_days(cal.easter(year), holiday.easter)
        if holiday.month is None:
            return None
        if holiday.day is not None:
            return dt.date(year, holiday.month, holiday.day)
        if holiday.weekday is not None and holiday.nth is not None:
            nth = cal.nth_weekday(year, holiday.month, holiday.weekday, holiday.nth)
            return cal.add_days(nth, holiday.days_after)
    except (ValueError, OverflowError):
        return None
    return None


def handle_holiday(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    name = _group(match, "holiday") or ""
    holiday = ctx.lex.holidays.get(name)
    if holiday is None:
        return None
    year_text = _group(match, "year")
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
    text = _group(match, "year")
    if text is not None:
        return Timex("DATE", f"{parse_year(text, ctx.anchor):04d}-12-31")
    if ctx.anchor is None:
        return Timex("DATE", "XXXX-12-31")
    return Timex("DATE", f"{ctx.anchor.year:04d}-12-31", anchored=True)


def handle_whole_year(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    """ "the full year", "the current fiscal year", "the latest fiscal year": a year."""
    text = _group(match, "year")
    if text is not None:
        return Timex("DATE", f"{parse_year(text, ctx.anchor):04d}")
    if ctx.anchor is None:
        return Timex("DATE", "XXXX")
    shift = _shift(match, ctx.lex) or 0
    return Timex("DATE", f"{ctx.anchor.year + shift:04d}", anchored=True)


def handle_reported_quarter(
    match: re.Match[str], ctx: Context, args: Mapping[str, int]
) -> Timex | None:
    """ "the quarter", "the latest quarter", "the year-ago quarter", "the 1988 period": the
    quarter a report is about, which is the latest one ended by the anchor."""
    ordinal = _group(match, "ordinal")
    number = parse_ordinal(ordinal, ctx.lex) if ordinal else None
    if number is not None and not 1 <= number <= 4:
        return None
    year_text = _group(match, "year")
    if ctx.anchor is None:
        year_part = f"{parse_year(year_text, None):04d}" if year_text else "XXXX"
        return Timex("DATE", f"{year_part}-Q{number or 'X'}")
    shift = _shift(match, ctx.lex)
    year, quarter = cal.shift_quarter(ctx.anchor, -1 if shift is None or shift < 0 else shift)
    if year_text is not None:
        year = parse_year(year_text, ctx.anchor)
    year += args.get("years", 0)
    return Timex("DATE", f"{year:04d}-Q{number or quarter}", anchored=year_text is None)


# --- clock times and days relative to the anchor ------------------------------------------


def _day_of(match: re.Match[str], ctx: Context) -> tuple[dt.date | None, bool]:
    """The day a clock time or part of day sits on: a weekday, "yesterday", a date, or the
    anchor itself. (None, _) when there is no anchor to count from."""
    if _group(match, "month") is not None:
        timex = handle_date(match, ctx, {})
        if timex is None or "X" in timex.value:
            return None, False
        return dt.date.fromisoformat(timex.value), timex.anchored
    if ctx.anchor is None:
        return None, False
    weekday = _weekday(match, ctx.lex)
    if weekday is not None:
        return cal.resolve_weekday(ctx.anchor, weekday, ctx.tense, _shift(match, ctx.lex)), True
    relday = _group(match, "relday")
    if relday is not None:
        return cal.add_days(ctx.anchor, ctx.lex.relative_days[relday]), True
    return ctx.anchor, True


def handle_clock(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    word = _group(match, "clockword")
    if word is not None:
        clock = ctx.lex.clock_words[word]
    else:
        hour = int(_group(match, "hour") or "0")
        minute = int(_group(match, "minute") or "0")
        ampm = (_group(match, "ampm") or "").replace(".", "").replace(" ", "")
        pod = _pod(match, ctx.lex)
        if ampm or pod:
            if hour > 12 or hour == 0:
                return None
            evening = ampm == "pm" or pod in ("AF", "EV", "NI")
            if evening and hour < 12:
                hour += 12
            elif not evening and hour == 12:
                hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    day, anchored = _day_of(match, ctx)
    prefix = date_value(day) if day else UNKNOWN_DAY
    return Timex("TIME", f"{prefix}T{clock}", anchored=anchored)


def handle_relative_day(
    match: re.Match[str], ctx: Context, args: Mapping[str, int]
) -> Timex | None:
    lex = ctx.lex
    phrase = _group(match, "relphrase")
    relday = _group(match, "relday")
    part = _pod(match, lex)
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
    weekday = _weekday(match, lex)
    if weekday is not None and weekday != day.isoweekday():
        # "yesterday (Friday)" where yesterday was not a Friday: the weekday is the more
        # specific word, so take the Friday nearest to yesterday.
        day = cal.nearest_weekday(day, weekday)
    return Timex(kind, date_value(day) + suffix, anchored=True)


def handle_weekday(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    weekday = _weekday(match, ctx.lex)
    if weekday is None:
        return None
    part = _pod(match, ctx.lex)
    suffix = f"T{part}" if part else ""
    if _group(match, "pod") in ctx.lex.recurring_parts:  # "Tuesday nights": every Tuesday night
        return Timex("SET", f"XXXX-WXX-{weekday}{suffix}")
    kind: TimexType = "TIME" if part else "DATE"
    if ctx.anchor is None:
        return Timex(kind, f"XXXX-WXX-{weekday}{suffix}")
    day = cal.resolve_weekday(ctx.anchor, weekday, ctx.tense, _shift(match, ctx.lex))
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
    text = _group(match, "unit") or "weekend"
    unit = ctx.lex.units[text]
    if text.endswith("s") or unit.clock:
        return None
    shift = _shift(match, ctx.lex)
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
    unit = _unit(match, ctx.lex)
    num = _group(match, "num")
    count = parse_count(num, ctx.lex) if num else (None if _is_plural(match) else 1.0)
    direction_word = _group(match, "direction") or match.group(0).rsplit(" ", 1)[-1]
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
    if not _is_plural(match):
        return None
    text = match.group(0)
    direction = _group(match, "direction")
    shift = _shift(match, ctx.lex)
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


# --- durations and sets -------------------------------------------------------------------


def _half_more(amount: float, unit: Unit) -> str | None:
    """A whole number of units plus a half, in the next smaller unit: 2 1/2 years -> P2Y6M."""
    whole = int(amount)
    if unit.key == "year":
        return f"P{whole}Y6M" if whole else "P6M"
    if unit.key == "day":
        return f"P{whole}DT12H" if whole else "PT12H"
    if unit.key == "hour":
        return f"PT{whole}H30M" if whole else "PT30M"
    if unit.key == "minute":
        return f"PT{whole}M30S" if whole else "PT30S"
    return None


def handle_duration(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    unit = _unit(match, ctx.lex)
    if unit is None:
        return None
    num = _group(match, "num")
    amount: float | None
    if _group(match, "vague") is not None:
        amount = None
    elif num is not None:
        amount = parse_count(num, ctx.lex)
        if amount is None:
            return None
    elif args.get("zero"):
        amount = 0.0
    else:
        amount = None if _is_plural(match) else 1.0
    if amount is not None:
        amount *= unit.factor
        if args.get("half"):
            if unit.factor == 1 and (value := _half_more(amount, unit)) is not None:
                return Timex("DURATION", value)
            amount += 0.5 * unit.factor
    return Timex("DURATION", duration_value(amount, unit.letter, unit.clock))


def handle_set(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    lex = ctx.lex
    word = _group(match, "setword")
    if word is not None:
        return Timex("SET", lex.set_words[word])
    weekday = _weekday(match, lex) or _weekday_plural(match, lex)
    part = _pod(match, lex)
    suffix = f"T{part}" if part else ""
    if weekday is not None:
        return Timex("SET", f"XXXX-WXX-{weekday}{suffix}")
    month = _month(match, lex)
    if month is not None:
        return Timex("SET", f"XXXX-{month:02d}")
    season = _group(match, "season")
    if season is not None:
        return Timex("SET", f"XXXX-{lex.seasons[season]}")
    if part is not None:
        return Timex("SET", f"XXXX-XX-XXT{part}")
    unit = _unit(match, lex)
    if unit is None:
        return None
    count = parse_count(_group(match, "num") or "1", lex)
    if count is None:
        return None
    if (_group(match, "quant") or "") == "every other":
        count *= 2
    return Timex("SET", duration_value(count * unit.factor, unit.letter, unit.clock))


def _weekday_plural(match: re.Match[str], lex: Lexicon) -> int | None:
    text = _group(match, "weekdays")
    return lex.weekdays.get(text[:-1]) if text else None


def handle_reference(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    word = _group(match, "ref") or _group(match, "ref_search") or ""
    kind = ctx.lex.references.get(word)
    return Timex("DATE", kind) if kind else None


HANDLERS: dict[str, Handler] = {
    "date": handle_date,
    "month": handle_month,
    "year": handle_year,
    "decade": handle_decade,
    "century": handle_century,
    "season": handle_season,
    "quarter": handle_quarter,
    "half": handle_half,
    "holiday": handle_holiday,
    "week_of": handle_week_of,
    "year_end": handle_year_end,
    "whole_year": handle_whole_year,
    "reported_quarter": handle_reported_quarter,
    "clock": handle_clock,
    "relative_day": handle_relative_day,
    "weekday": handle_weekday,
    "shifted_unit": handle_shifted_unit,
    "offset": handle_offset,
    "vague_reference": handle_vague_reference,
    "duration": handle_duration,
    "set": handle_set,
    "reference": handle_reference,
}
