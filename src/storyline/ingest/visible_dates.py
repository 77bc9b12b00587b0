"""Dates a reader sees on the page: "Published 12 March 2019", "publiziert am 30. Juli 2018",
"publié le 3 mars 2020", "publicado el 5 de mayo de 2021", "pubblicato il 12 marzo 2019",
"опубликовано 7 ноября 2022", "Stand: 30.07.2018".

Month names come from a small table per language (data/visible_dates.toml); numeric dates
are read day first (30.07.2018, 30/07/2018) or as ISO. The page's language is not needed:
month names of the six languages hardly collide, and where they do they name the same month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from storyline.ingest.rules import settings

# A line longer than this is prose, not a headline, byline or date line.
HEADER_LINE_CHARS = 150
_MIN_YEAR = 1900
_MAX_YEAR = 2200


@dataclass(frozen=True)
class VisibleDate:
    value: str  # ISO day
    start: int  # offsets of the whole phrase ("Published 12 March 2019") in the text searched
    end: int
    updated: bool  # the page says it was updated then, not published

    def raw(self, text: str) -> str:
        return text[self.start : self.end]


@cache
def _month_numbers() -> dict[str, int]:
    table = settings("visible_dates.toml")
    numbers: dict[str, int] = {}
    for names in table["months"].values():
        for index, name in enumerate(names, start=1):
            numbers[name] = index
    for month, names in table["abbreviations"].items():
        for name in names:
            numbers.setdefault(name, int(month))
    return numbers


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)  # "last updated" before "updated"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a keyword followed by a date, a date alone)."""
    table = settings("visible_dates.toml")
    months = _alternation(list(_month_numbers()))

    def day_month_year(suffix: str) -> tuple[str, str, str]:
        return (
            rf"(?P<day{suffix}>\d{{1,2}})(?:\.|er|º|°)?",
            rf"(?P<month{suffix}>{months})\.?",
            rf"(?P<year{suffix}>\d{{4}})",
        )

    day, month, year = day_month_year("")
    day2, month2, year2 = day_month_year("2")
    # 12 March 2019, 30. Juli 2018, 5 de mayo de 2021, 7 ноября 2022; or March 12, 2019.
    named = rf"{day}\s+(?:de\s+)?{month},?\s+(?:de\s+)?{year}|{month2}\s+{day2},?\s+{year2}"
    numeric = (
        r"(?P<nday>\d{1,2})[./](?P<nmonth>\d{1,2})[./](?P<nyear>\d{4})"
        r"|(?P<iyear>\d{4})-(?P<imonth>\d{2})-(?P<iday>\d{2})"
    )
    when = rf"(?<![\w.])(?P<date>{named}|{numeric})(?!(?!T\d)\w)"
    keywords = _alternation(table["published"] + table["updated"])
    connectors = _alternation(table["connectors"])
    weekday = r"(?:[^\W\d_]{2,12}\.?,?\s+)?"
    keyed = re.compile(
        rf"(?<!\w)(?P<keyword>{keywords})\s*(?:(?:{connectors})\s+)?[:|\-–—]?\s*{weekday}{when}",
        re.IGNORECASE,
    )
    return keyed, re.compile(when, re.IGNORECASE)


@cache
def _updated_words() -> frozenset[str]:
    return frozenset(" ".join(w.split()) for w in settings("visible_dates.toml")["updated"])


def _day(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("iyear"):
        parts = (groups["iyear"], groups["imonth"], groups["iday"])
        year, month, day = (int(p) for p in parts)
    elif groups.get("nyear"):
        year, month, day = int(groups["nyear"]), int(groups["nmonth"]), int(groups["nday"])
    elif groups.get("year"):
        year, day = int(groups["year"]), int(groups["day"])
        month = _month_numbers()[groups["month"].lower()]
    elif groups.get("year2"):
        year, day = int(groups["year2"]), int(groups["day2"])
        month = _month_numbers()[groups["month2"].lower()]
    else:
        return None
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def keyed_dates(text: str, max_chars: int) -> list[VisibleDate]:
    """Every date introduced by a publication or update word in the first max_chars of text,
    in order."""
    keyed, _ = _patterns()
    found = []
    for match in keyed.finditer(text[:max_chars]):
        value = _day(match)
        if value is None:
            continue
        keyword = " ".join(match["keyword"].lower().split())
        found.append(VisibleDate(value, match.start(), match.end(), keyword in _updated_words()))
    return found


def published_in(text: str, max_chars: int) -> VisibleDate | None:
    """The first date the text's header says the page was published on ("Published 12 March
    2019"): within its first max_chars, and before its first paragraph of prose (the lede's
    "a report published on 3 March 2019" names another document's day)."""
    return next((d for d in keyed_dates(text, header_end(text, max_chars)) if not d.updated), None)


def header_end(text: str, max_chars: int) -> int:
    """Where the header of a text ends: at its first line longer than a byline, or
    max_chars."""
    offset = 0
    for line in text[:max_chars].split("\n"):
        if len(line) > HEADER_LINE_CHARS:
            return offset
        offset += len(line) + 1
    return max_chars


def byline_date(text: str) -> VisibleDate | None:
    """The publication date of a byline element's text ("By Ann Lee | 12 March 2019 10:02",
    "Publié le 3 mars 2020 · Mis à jour le 4 mars"): a date a publication word introduces,
    else the first date not introduced by an update word."""
    keyed = keyed_dates(text, len(text))
    published = next((d for d in keyed if not d.updated), None)
    if published is not None:
        return published
    updated_at = {d.end for d in keyed if d.updated}
    _, bare = _patterns()
    for match in bare.finditer(text):
        value = _day(match)
        if value is not None and match.end() not in updated_at:
            return VisibleDate(value, match.start(), match.end(), updated=False)
    return None


def all_days(text: str) -> set[str]:
    """Every day written in a text, with or without a keyword."""
    _, bare = _patterns()
    return {day for m in bare.finditer(text) if (day := _day(m)) is not None}
