"""The data files dating reads (data/ beside this module): weights, lag tables, cue words,
holidays."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from storyline import datafiles
from storyline.timex.calendar import holiday_date
from storyline.timex.lexicon import lexicon as timex_lexicon

_PACKAGE = "storyline.resolve.dating"
# Years whose days of Christmas, Easter... dating knows: as far back as news archives go
# online, and some years ahead.
RULED_YEARS = range(1950, 2061)


def _load(name: str) -> dict[str, Any]:
    return datafiles.table(_PACKAGE, name)


@dataclass(frozen=True)
class LagTable:
    probabilities: tuple[float, ...]
    first_lag: int
    floor: float

    def p(self, lag: int) -> float:
        i = lag - self.first_lag
        if 0 <= i < len(self.probabilities):
            return max(self.probabilities[i], self.floor)
        return self.floor


@dataclass(frozen=True)
class Settings:
    weights: dict[str, float]
    day_slack: int
    holiday_lookahead_days: int
    age_slack: float
    weekday_lag: dict[str, LagTable]  # by tense: past future present unknown
    day_recency: tuple[tuple[int, float], ...]  # (bucket upper bound in days, p per day)
    day_recency_floor: float

    def recency(self, lag: int) -> float:
        """Probability per day that an article appeared ``lag`` days after a year-less day
        it reports in the past tense."""
        if lag < 0:
            return self.day_recency_floor
        for bound, p in self.day_recency:
            if lag <= bound:
                return p
        return self.day_recency_floor


@cache
def settings() -> Settings:
    raw = _load("settings.toml")
    lags = raw["weekday_lag"]
    floor = float(lags["floor"])
    tables = {
        "past": LagTable(tuple(lags["past"]), 0, floor),
        "future": LagTable(tuple(lags["future"]), 0, floor),
        "present": LagTable(tuple(lags["present"]), int(lags["present_lag_from"]), floor),
        "unknown": LagTable(tuple(lags["unknown"]), int(lags["unknown_lag_from"]), floor),
    }
    recency = raw["day_recency"]
    buckets = tuple(sorted((int(k), float(v)) for k, v in recency.items() if k != "floor"))
    return Settings(
        weights={k: float(v) for k, v in raw["weights"].items()},
        day_slack=int(raw["day_slack"]),
        holiday_lookahead_days=int(raw["holiday_lookahead_days"]),
        age_slack=float(raw["age_slack"]),
        weekday_lag=tables,
        day_recency=buckets,
        day_recency_floor=float(recency["floor"]),
    )


@dataclass(frozen=True)
class Cues:
    deadline_words: tuple[str, ...]
    after_year_ok: frozenset[str]
    year_determiners: frozenset[str]
    weekdays: tuple[str, ...]  # in full, Monday first: the time tagger's (timex/data/)
    relative_days: tuple[str, ...]
    age_nouns: frozenset[str]
    start_words: tuple[str, ...]
    window_words: frozenset[str]
    beyond_words: tuple[str, ...]
    holiday_start_words: tuple[str, ...]
    dating_holidays: tuple[str, ...]  # holidays of the time tagger's rules that date articles
    canonical: dict[str, str]  # word -> the first word of its group
    dateline: re.Pattern[str]  # a wire dateline naming a day without its year
    dateline_lines: int


@cache
def cues() -> Cues:
    raw = _load("cues.toml")
    canonical = {word: group[0] for group in raw["word_groups"] for word in group}
    return Cues(
        deadline_words=tuple(raw["deadline_words"]),
        after_year_ok=frozenset(raw["after_year_ok"]),
        year_determiners=frozenset(raw["year_determiners"]),
        weekdays=timex_lexicon().weekday_names,
        relative_days=tuple(raw["relative_days"]),
        age_nouns=frozenset(raw["age_nouns"]),
        start_words=tuple(raw["start_words"]),
        window_words=frozenset(raw["window_words"]),
        beyond_words=tuple(raw["beyond_words"]),
        holiday_start_words=tuple(raw["holiday_start_words"]),
        dating_holidays=tuple(raw["dating_holidays"]),
        canonical=canonical,
        dateline=re.compile(raw["dateline_pattern"], re.MULTILINE),
        dateline_lines=int(raw["dateline_lines"]),
    )


@dataclass(frozen=True)
class LunarHoliday:
    """A holiday whose Gregorian day moves from year to year."""

    key: str
    names: tuple[str, ...]
    days: tuple[dt.date, ...]  # its first day in each year of the table
    tolerance: int  # days either side: where the start depends on sighting the new moon


@dataclass(frozen=True)
class LunarCalendar:
    holidays: tuple[LunarHoliday, ...]


@cache
def lunar_calendar() -> LunarCalendar:
    """Islamic holidays (lunar_holidays.toml, a year per row) and Hebrew and Chinese ones
    (calendar_holidays.toml, a holiday per table)."""
    raw = _load("lunar_holidays.toml")
    years = raw["year"]
    names = raw["names"]
    sighted = int(raw["tolerance_days"])
    holidays = [
        LunarHoliday(key, tuple(names[key]), tuple(y[key] for y in years), sighted)
        for key in ("ramadan", "eid_al_fitr", "eid_al_adha")
    ]
    computed = _load("calendar_holidays.toml")
    tolerance = int(computed.pop("tolerance_days"))
    for key, table in computed.items():
        holidays.append(LunarHoliday(key, tuple(table["names"]), tuple(table["days"]), tolerance))
    holidays.extend(_ruled_holidays())
    return LunarCalendar(tuple(holidays))


def _ruled_holidays() -> list[LunarHoliday]:
    """Christmas, Easter, Thanksgiving...: their days in RULED_YEARS, from the time tagger's
    rules, with every name the tagger knows them by."""
    rules = timex_lexicon().holidays
    found = []
    for key in cues().dating_holidays:
        rule = rules[key]
        names = tuple(name for name, other in rules.items() if other == rule)
        days = (holiday_date(rule, year) for year in RULED_YEARS)
        found.append(LunarHoliday(key, names, tuple(d for d in days if d is not None), 0))
    return found


@cache
def stopwords() -> frozenset[str]:
    """Words that say nothing about which event: context_stopwords.txt, and the names of the
    weekdays and months, which are the time tagger's (timex/data/)."""
    names = timex_lexicon()
    listed = datafiles.words(_PACKAGE, "context_stopwords.txt")
    return listed | frozenset(names.weekday_names) | frozenset(names.month_names)
