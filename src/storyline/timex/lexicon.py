"""The word lists the time grammar is built from, read once from the TOML files in data/.

Every key is lower-case: the normalizer lower-cases text before it looks anything up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from storyline import datafiles
from storyline.errors import DataFileError
from storyline.timex.value import Tense

PACKAGE = "storyline.timex"


@dataclass(frozen=True)
class Holiday:
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO weekday, with nth: the nth such weekday of the month
    nth: int | None = None  # -1 = the last one
    easter: int | None = None  # days after Easter Sunday
    days_after: int = 0  # added to the nth weekday: Election Day is the Monday + 1


@dataclass(frozen=True)
class Unit:
    key: str  # "day", "week", "decade", ...
    letter: str  # TIMEX3 duration designator
    clock: bool  # goes after the "T" in a duration
    factor: int
    granularity: str
    searched: bool  # this spelling is looked for in running text, not only normalized


@dataclass(frozen=True)
class Placement:
    """How a period named without its year is placed (data/placement.toml)."""

    tense: Tense | None = None  # overrides the clause's tense
    past_lookahead_days: int = 0


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # name -> month number
    month_abbreviations: frozenset[str]
    month_names: tuple[str, ...]  # each month's name in full, January first
    weekdays: dict[str, int]  # name -> ISO weekday
    weekday_abbreviations: frozenset[str]
    weekday_names: tuple[str, ...]  # each weekday's name in full, Monday first
    cardinals: dict[str, int]  # single number words: "one", "twenty", "hundred"
    ones: frozenset[str]
    tens: frozenset[str]
    scales: frozenset[str]
    counts: dict[str, int]  # "a", "an", "a couple of", "a dozen"
    vague_counts: tuple[str, ...]
    ordinals: dict[str, int]  # "first" ... "thirty-first" (space-separated compounds)
    units: dict[str, Unit]  # every spelling -> its unit
    point_mods: dict[str, str]
    quantity_mods: dict[str, str]
    suffix_mods: dict[str, str]
    ignored: tuple[str, ...]
    outside: tuple[str, ...]  # qualifiers TimeML leaves out of the extent: "about", "only"
    signals: tuple[str, ...]
    references: dict[str, str]  # word -> PRESENT_REF / PAST_REF / FUTURE_REF
    searched_references: tuple[str, ...]
    relative_days: dict[str, int]  # "yesterday" -> -1
    relative_day_parts: dict[str, str]  # "tonight" -> "NI"
    relative_phrases: dict[str, int]  # "last night" -> -1
    parts_of_day: dict[str, str]  # "morning" -> "MO", "nights" -> "NI"
    recurring_parts: frozenset[str]  # "mornings", "nights": every such part of a day
    weekday_parts: frozenset[str]  # the parts a weekday's value keeps: "EV" of "Friday evening"
    clock_words: dict[str, str]  # "noon" -> "12:00"
    timezones: tuple[str, ...]
    universal_time: frozenset[str]  # zones that are UTC: "gmt", "utc"
    seasons: dict[str, str]  # "summer" -> "SU"
    season_start: dict[str, int]  # "SU" -> 6
    shifts: dict[str, int]  # "last" -> -1
    directions: dict[str, int]  # "ago" -> -1
    approximate_directions: frozenset[str]
    anaphoric: tuple[str, ...]  # "that", "the following": counting from the story's time
    counted_anaphoric: tuple[str, ...]  # "later", "earlier": ending "two days later"
    set_words: dict[str, str]  # "daily" -> "P1D"
    searched_set_words: tuple[str, ...]
    decade_words: dict[str, int]  # "nineties" -> 9
    holidays: dict[str, Holiday]
    placement: dict[str, Placement]  # "day", "month", "quarter", ...


def _read(name: str) -> dict[str, Any]:
    return datafiles.table(PACKAGE, name)


@dataclass(frozen=True)
class _Names:
    numbers: dict[str, int]  # every name and abbreviation -> its number
    abbreviations: frozenset[str]
    full: tuple[str, ...]  # the first name of each entry, by number


def _names(name: str, key: str) -> _Names:
    """Month or weekday names (months.toml, weekdays.toml). The first of an entry's names is
    its name in full, which other stages read too (dating, analyze)."""
    entries = sorted(_read(name)[key], key=lambda entry: int(entry["number"]))
    numbers: dict[str, int] = {}
    abbreviations: set[str] = set()
    for entry in entries:
        if not entry["names"]:
            raise DataFileError(f"{datafiles.where(PACKAGE, name)}: a {key} without names")
        for spelling in entry["names"]:
            numbers[spelling] = int(entry["number"])
        for abbreviation in entry.get("abbreviations", []):
            numbers[abbreviation] = int(entry["number"])
            abbreviations.add(abbreviation)
    full = tuple(str(entry["names"][0]) for entry in entries)
    return _Names(numbers, frozenset(abbreviations), full)


def _ordinals(numbers: dict[str, Any]) -> dict[str, int]:
    ordinals = {k: int(v) for k, v in numbers["ordinal_ones"].items()}
    ordinals.update({k: int(v) for k, v in numbers["ordinal_teens"].items()})
    ordinals.update({k: int(v) for k, v in numbers["ordinal_tens"].items()})
    # "twenty-first" .. "thirty-first": the normalizer has already turned hyphens into spaces.
    for tens, tens_value in numbers["tens"].items():
        for one, one_value in numbers["ordinal_ones"].items():
            ordinals[f"{tens} {one}"] = int(tens_value) + int(one_value)
    return ordinals


def _units(data: dict[str, Any]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for key, spec in data["unit"].items():
        searched = set(spec.get("search_names", spec["names"]))
        for name in spec["names"]:
            units[name] = Unit(
                key=key,
                letter=str(spec["letter"]),
                clock=bool(spec.get("clock", False)),
                factor=int(spec.get("factor", 1)),
                granularity=str(spec["granularity"]),
                searched=name in searched,
            )
    return units


def _placement(data: dict[str, Any]) -> dict[str, Placement]:
    placement: dict[str, Placement] = {}
    for key, spec in data.items():
        tense = spec.get("tense")
        if tense not in (None, "past", "present", "future"):
            where = datafiles.where(PACKAGE, "placement.toml")
            raise DataFileError(f"{where} [{key}]: unknown tense {tense!r}")
        placement[key] = Placement(
            tense=cast("Tense | None", tense),
            past_lookahead_days=int(spec.get("past_lookahead_days", 0)),
        )
    return placement


def _holidays(data: dict[str, Any]) -> dict[str, Holiday]:
    holidays: dict[str, Holiday] = {}
    for spec in data["holiday"]:
        holiday = Holiday(
            month=spec.get("month"),
            day=spec.get("day"),
            weekday=spec.get("weekday"),
            nth=spec.get("nth"),
            easter=spec.get("easter"),
            days_after=int(spec.get("days_after", 0)),
        )
        for name in spec["names"]:
            holidays[name] = holiday
    return holidays


@cache
def lexicon() -> Lexicon:
    months = _names("months.toml", "month")
    weekdays = _names("weekdays.toml", "weekday")
    numbers = _read("numbers.toml")
    modifiers = _read("modifiers.toml")
    refs = _read("references.toml")
    relative = _read("relative_days.toml")
    parts = _read("parts_of_day.toml")
    seasons = _read("seasons.toml")
    shifts = _read("shifts.toml")
    cardinals: dict[str, int] = {}
    for section in ("ones", "teens", "tens", "scales"):
        cardinals.update({k: int(v) for k, v in numbers[section].items()})
    counts = {k: int(v) for k, v in numbers["singular"].items()}
    counts.update({k: int(v) for k, v in numbers["counts"].items()})
    sets = _read("sets.toml")
    references = {
        word: kind for kind in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") for word in refs[kind]
    }
    return Lexicon(
        months=months.numbers,
        month_abbreviations=months.abbreviations,
        month_names=months.full,
        weekdays=weekdays.numbers,
        weekday_abbreviations=weekdays.abbreviations,
        weekday_names=weekdays.full,
        cardinals=cardinals,
        ones=frozenset(numbers["ones"]),
        tens=frozenset(numbers["tens"]),
        scales=frozenset(numbers["scales"]),
        counts=counts,
        vague_counts=tuple(numbers["vague"]["words"]),
        ordinals=_ordinals(numbers),
        units=_units(_read("units.toml")),
        point_mods=dict(modifiers["point"]),
        quantity_mods=dict(modifiers["quantity"]),
        suffix_mods=dict(modifiers["suffix"]),
        ignored=tuple(modifiers["ignored"]["words"]),
        outside=tuple(modifiers["outside"]["words"]),
        signals=tuple(modifiers["signal"]["words"]),
        references=references,
        searched_references=tuple(refs["search"]["words"]),
        relative_days={k: int(v) for k, v in relative["days"].items()},
        relative_day_parts=dict(relative["part_of_day"]),
        relative_phrases={k: int(v) for k, v in relative["phrases"].items()},
        parts_of_day={**parts["part"], **parts["recurring"]},
        recurring_parts=frozenset(parts["recurring"]),
        weekday_parts=frozenset(parts["after_weekday"]["kept"]),
        clock_words=dict(parts["clock"]),
        timezones=tuple(parts["timezones"]["words"]),
        universal_time=frozenset(parts["timezones"]["universal"]),
        seasons=dict(seasons["season"]),
        season_start={k: int(v) for k, v in seasons["start_month"].items()},
        shifts={k: int(v) for k, v in shifts["shift"].items()},
        directions={k: int(v) for k, v in shifts["direction"].items()},
        approximate_directions=frozenset(shifts["approximate"]["words"]),
        anaphoric=tuple(shifts["anaphoric"]["words"]),
        counted_anaphoric=tuple(shifts["anaphoric"]["counted"]),
        set_words={**sets["adverb"], **sets["adjective"]},
        searched_set_words=tuple(sets["adverb"]),
        decade_words={k: int(v) for k, v in _read("decades.toml")["decade_words"].items()},
        holidays=_holidays(_read("holidays.toml")),
        placement=_placement(_read("placement.toml")),
    )


@dataclass(frozen=True)
class TenseCues:
    future_auxiliaries: frozenset[str]  # "will meet": also an event's future mode (analyze)
    future_in_past_auxiliaries: frozenset[str]  # "said it would meet": future for tense only
    open_modals: frozenset[str]
    future_governors: frozenset[str]
    forward_verbs: frozenset[str]
    forward_signals: frozenset[str]
    period_end_verbs: frozenset[str]


@cache
def tense_cues() -> TenseCues:
    """Words that make a clause future (for analyze/times.py, which reads the parse)."""

    def cue(key: str) -> frozenset[str]:
        return frozenset(datafiles.listed(PACKAGE, "tense_cues.toml", key))

    return TenseCues(
        future_auxiliaries=cue("future_auxiliaries"),
        future_in_past_auxiliaries=cue("future_in_past_auxiliaries"),
        open_modals=cue("open_modals"),
        future_governors=cue("future_governors"),
        forward_verbs=cue("forward_verbs"),
        forward_signals=cue("forward_signals"),
        period_end_verbs=cue("period_end_verbs"),
    )


@cache
def event_nouns() -> frozenset[str]:
    """Lemmas of nouns for things that go on: "the five-month-old war" is a duration, "the
    45-year-old man" and "the 50-year-old alliance" are ages."""
    return datafiles.words(PACKAGE, "event_nouns.txt")


@cache
def untimed_names() -> frozenset[str]:
    """Lower-cased words that make an expression worth keeping though it has no value:
    lunar holidays and the like ("Ramadan", "Passover"), which move every year."""
    return datafiles.words(PACKAGE, "untimed_names.txt")
