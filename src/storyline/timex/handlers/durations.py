"""Handlers for amounts of time (DURATION) and recurring times (SET)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from storyline.timex.handlers.base import (
    Context,
    group,
    is_plural,
    month_of,
    parse_count,
    pod_of,
    unit_of,
    weekday_of,
)
from storyline.timex.lexicon import Lexicon, Unit
from storyline.timex.value import Timex, duration_value


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
    unit = unit_of(match, ctx.lex)
    if unit is None:
        return None
    num = group(match, "num")
    amount: float | None
    if group(match, "vague") is not None:
        amount = None
    elif num is not None:
        amount = parse_count(num, ctx.lex)
        if amount is None:
            return None
    elif args.get("zero"):
        amount = 0.0
    else:
        amount = None if is_plural(match) else 1.0
    if amount is not None:
        amount *= unit.factor
        if args.get("quarter"):  # "a quarter of a century"
            amount /= 4
        if args.get("half"):
            if unit.factor == 1 and (value := _half_more(amount, unit)) is not None:
                return Timex("DURATION", value)
            amount += 0.5 * unit.factor
    return Timex("DURATION", duration_value(amount, unit.letter, unit.clock))


def handle_set(match: re.Match[str], ctx: Context, args: Mapping[str, int]) -> Timex | None:
    lex = ctx.lex
    word = group(match, "setword")
    if word is not None:
        return Timex("SET", lex.set_words[word])
    weekday = weekday_of(match, lex) or _weekday_plural(match, lex)
    part = pod_of(match, lex)
    suffix = f"T{part}" if part else ""
    if weekday is not None:
        return Timex("SET", f"XXXX-WXX-{weekday}{suffix}")
    month = month_of(match, lex)
    if month is not None:
        return Timex("SET", f"XXXX-{month:02d}")
    season = group(match, "season")
    if season is not None:
        return Timex("SET", f"XXXX-{lex.seasons[season]}")
    if part is not None:
        return Timex("SET", f"XXXX-XX-XXT{part}")
    unit = unit_of(match, lex)
    if unit is None:
        return None
    count = parse_count(group(match, "num") or "1", lex)
    if count is None:
        return None
    if (group(match, "quant") or "") == "every other":
        count *= 2
    return Timex("SET", duration_value(count * unit.factor, unit.letter, unit.clock))


def _weekday_plural(match: re.Match[str], lex: Lexicon) -> int | None:
    text = group(match, "weekdays")
    return lex.weekdays.get(text[:-1]) if text else None
