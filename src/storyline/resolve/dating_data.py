"""The data files dating reads (resolve/data/): weights, lag tables, cue words, holidays."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def _load(name: str) -> dict[str, Any]:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


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
    raw = _load("dating.toml")
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
    weekdays: tuple[str, ...]
    relative_days: tuple[str, ...]
    age_nouns: frozenset[str]
    start_words: tuple[str, ...]
    window_words: frozenset[str]
    beyond_words: tuple[str, ...]
    holiday_start_words: tuple[str, ...]
    canonical: dict[str, str]  # word -> the first word of its group
    dateline: re.Pattern[str]  # a wire dateline naming a day without its year
    dateline_lines: int


@cache
def cues() -> Cues:
    raw = _load("dating_cues.toml")
    canonical = {word: group[0] for group in raw["word_groups"] for word in group}
    return Cues(
        deadline_words=tuple(raw["deadline_words"]),
        after_year_ok=frozenset(raw["after_year_ok"]),
        year_determiners=frozenset(raw["year_determiners"]),
        weekdays=tuple(raw["weekdays"]),
        relative_days=tuple(raw["relative_days"]),
        age_nouns=frozenset(raw["age_nouns"]),
        start_words=tuple(raw["start_words"]),
        window_words=frozenset(raw["window_words"]),
        beyond_words=tuple(raw["beyond_words"]),
        holiday_start_words=tuple(raw["holiday_start_words"]),
        canonical=canonical,
        dateline=re.compile(raw["dateline_pattern"], re.MULTILINE),
        dateline_lines=int(raw["dateline_lines"]),
    )


@dataclass(frozen=True)
class LunarHoliday:
    key: str
    names: tuple[str, ...]
    days: tuple[dt.date, ...]  # its first day in each year of the table
    ends: tuple[dt.date, ...]  # its last day in each year (Ramadan: the eve of Eid al-Fitr)


@dataclass(frozen=True)
class LunarCalendar:
    holidays: tuple[LunarHoliday, ...]
    tolerance_days: int


@cache
def lunar_calendar() -> LunarCalendar:
    raw = _load("lunar_holidays.toml")
    years = raw["year"]
    names = raw["names"]
    holidays = []
    for key in ("ramadan", "eid_al_fitr", "eid_al_adha"):
        days = tuple(y[key] for y in years)
        if key == "ramadan":
            ends = tuple(y["eid_al_fitr"] - dt.timedelta(days=1) for y in years)
        else:
            # Eid al-Fitr is kept three days, Eid al-Adha four.
            ends = tuple(d + dt.timedelta(days=2 if key == "eid_al_fitr" else 3) for d in days)
        holidays.append(LunarHoliday(key, tuple(names[key]), days, ends))
    return LunarCalendar(tuple(holidays), int(raw["tolerance_days"]))


@cache
def stopwords() -> frozenset[str]:
    lines = (DATA / "context_stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
