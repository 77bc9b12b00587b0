"""What every handler shares: the context it resolves in and readers for the groups a rule's
pattern captured (numbers, years, months, weekdays, units)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from storyline.timex import calendar as cal
from storyline.timex.lexicon import Lexicon, Unit, lexicon
from storyline.timex.value import Tense, Timex


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


def group(match: re.Match[str], name: str) -> str | None:
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


def month_of(match: re.Match[str], lex: Lexicon) -> int | None:
    name = group(match, "month")
    if name is not None:
        return lex.months.get(name.rstrip("."))
    number = group(match, "mm")
    return int(number) if number is not None else None


def weekday_of(match: re.Match[str], lex: Lexicon, name: str = "weekday") -> int | None:
    text = group(match, name)
    return lex.weekdays.get(text.rstrip(".")) if text is not None else None


def shift_of(match: re.Match[str], lex: Lexicon) -> int | None:
    text = group(match, "shift")
    return lex.shifts[text] if text is not None else None


def shifted_year(match: re.Match[str], ctx: Context) -> int | None:
    """The year named as "last year", "this year", "next year" (the rule's `year_shift`
    group), or None when the rule has none or there is no anchor to count from."""
    text = group(match, "year_shift")
    if text is None or ctx.anchor is None:
        return None
    return ctx.anchor.year + ctx.lex.shifts[text]


def unit_of(match: re.Match[str], lex: Lexicon) -> Unit | None:
    text = group(match, "unit")
    return lex.units[text] if text is not None else None


def is_plural(match: re.Match[str]) -> bool:
    text = group(match, "unit") or ""
    return text.endswith("s")


def pod_of(match: re.Match[str], lex: Lexicon) -> str | None:
    text = group(match, "pod")
    return lex.parts_of_day[text] if text is not None else None
