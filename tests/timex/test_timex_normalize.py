"""normalize(): TIMEX3 values of single expressions, against an anchor or without one."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.timex import TIMEX3_VALUE, Timex, normalize

# A Saturday.
ANCHOR = dt.date(2024, 3, 9)


def value(text: str, tense: str | None = None, anchor: dt.date | None = ANCHOR) -> str | None:
    timex = normalize(text, anchor, tense)  # type: ignore[arg-type]
    return timex.value if timex else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 2, 2024", "2024-12-02"),
        ("2 December 2024", "2024-12-02"),
        ("Monday, 2 December 2024", "2024-12-02"),
        ("2024-12-02", "2024-12-02"),
        ("12/02/2024", "2024-12-02"),
        ("October 7, 2023", "2023-10-07"),
        ("Oct. 7th, 2023", "2023-10-07"),
        ("the 7th of October 2023", "2023-10-07"),
        ("November 2023", "2023-11"),
        ("2023", "2023"),
        ("fiscal 1989", "1989"),
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
        ("the 1990s", "199"),
        ("the '90s", "199"),
        ("the nineties", "199"),
        ("the 20th century", "19"),
        ("summer 2023", "2023-SU"),
        ("the third quarter of 1990", "1990-Q3"),
        ("the first half of 2022", "2022-H1"),
        ("Easter 2024", "2024-03-31"),
        ("Christmas 2023", "2023-12-25"),
    ],
)
def test_absolute_dates(text: str, expected: str) -> None:
    assert value(text) == expected
    assert value(text, anchor=None) == expected  # nothing in them depends on the anchor


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Dec. 2", "past", "2023-12-02"),
        ("Dec. 2", "future", "2024-12-02"),
        ("October 7th", "past", "2023-10-07"),
        ("March 1", "past", "2024-03-01"),
        # In a past-tense clause a date shortly after the anchor is still this year's
        # ("payable April 2"); one long after it is last year's.
        ("April 2", "past", "2024-04-02"),
        ("in November", "past", "2023-11"),
        ("November", "future", "2024-11"),
        ("January", None, "2024-01"),
        ("Friday, Oct. 13", None, "2023-10-13"),
    ],
)
def test_missing_year_comes_from_the_anchor_and_tense(
    text: str, tense: str | None, expected: str
) -> None:
    assert value(text, tense) == expected


def test_missing_year_without_anchor_stays_unknown() -> None:
    assert value("October 7th", "past", anchor=None) == "XXXX-10-07"
    assert value("in November", anchor=None) == "XXXX-11"


@pytest.mark.parametrize(
    ("text", "expected", "mod"),
    [
        ("late October", "2023-10", "END"),
        ("early 2024", "2024", "START"),
        ("mid-November", "2023-11", "MID"),
        ("the end of 1990", "1990", "END"),
        ("the mid-1990s", "199", "MID"),
        ("late on Tuesday", "2024-03-05", "END"),
        ("early next week", "2024-W11", "START"),
        ("nearly a month", "P1M", "APPROX"),
        ("more than four hours", "PT4H", "MORE_THAN"),
        ("at least 72 hours", "PT72H", "EQUAL_OR_MORE"),
        ("two years or so", "P2Y", "APPROX"),
    ],
)
def test_modifiers(text: str, expected: str, mod: str) -> None:
    timex = normalize(text, ANCHOR, "past")
    assert timex is not None
    assert (timex.value, timex.mod) == (expected, mod)


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("today", None, "2024-03-09"),
        ("yesterday", None, "2024-03-08"),
        ("tomorrow", None, "2024-03-10"),
        ("the day before yesterday", None, "2024-03-07"),
        ("yesterday (Friday)", None, "2024-03-08"),
        # The weekday is the more specific word: the Thursday nearest to yesterday.
        ("yesterday (Thursday)", None, "2024-03-07"),
        # Past tense: the latest such weekday on or before the anchor (a Saturday).
        ("on Thursday", "past", "2024-03-07"),
        ("Saturday", "past", "2024-03-09"),
        ("Sunday", "past", "2024-03-03"),
        # Future: the next one on or after the anchor.
        ("on Monday", "future", "2024-03-11"),
        ("Saturday", "future", "2024-03-09"),
        # Present or unknown: the nearest one, within three days either side.
        ("Wednesday", None, "2024-03-06"),
        ("Tuesday", "present", "2024-03-12"),
        ("last Saturday", None, "2024-03-02"),
        ("next Saturday", None, "2024-03-16"),
        ("last week", None, "2024-W09"),
        ("this week", None, "2024-W10"),
        ("the last week", None, "2024-W09"),
        ("next month", None, "2024-04"),
        ("last October", None, "2023-10"),
        ("last March", None, "2023-03"),
        ("next October", None, "2024-10"),
        ("last year", None, "2023"),
        ("this year", None, "2024"),
        ("last fall", None, "2023-FA"),
        ("this summer", None, "2024-SU"),
        ("the weekend", "past", "2024-W10-WE"),
        ("two days ago", None, "2024-03-07"),
        ("three weeks earlier", None, "2024-W07"),
        ("41 years ago", None, "1983"),
        ("the third quarter", "past", "2023-Q3"),
        ("the week of March 4", None, "2024-W10"),
    ],
)
def test_relative_to_the_anchor(text: str, tense: str | None, expected: str) -> None:
    timex = normalize(text, ANCHOR, tense)  # type: ignore[arg-type]
    assert timex is not None
    assert timex.value == expected
    assert timex.anchored


def test_earlier_counts_from_the_story_so_it_is_approximate() -> None:
    timex = normalize("three weeks earlier", ANCHOR)
    assert timex is not None and timex.mod == "APPROX"
    ago = normalize("three weeks ago", ANCHOR)
    assert ago is not None and ago.mod is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday", "XXXX-WXX-3"),
        ("late on Tuesday", "XXXX-WXX-2"),
        ("yesterday", "XXXX-XX-XX"),
        ("last week", "XXXX-WXX"),
        ("last year", "XXXX"),
        ("this morning", "XXXX-XX-XXTMO"),
        ("10:35 a.m.", "XXXX-XX-XXT10:35"),
    ],
)
def test_relative_without_anchor_keeps_unknown_parts(text: str, expected: str) -> None:
    timex = normalize(text, None, "past")
    assert timex is not None
    assert timex.value == expected
    assert not timex.anchored


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 weeks", "P10W"),
        ("19 days", "P19D"),
        ("a week-long", "P1W"),
        ("five-month-old", "P5M"),
        ("year-long", "P1Y"),
        ("decades-long", "PXY"),
        ("the past 19 days", "P19D"),
        ("the next two weeks", "P2W"),
        ("twenty-four hours", "PT24H"),
        ("a decade", "P10Y"),
        ("2 1/2 years", "P2Y6M"),
        ("half an hour", "PT30M"),
        ("a minute and a half", "PT1M30S"),
        ("several years", "PXY"),
        ("the past few weeks", "PXW"),
        ("the first nine months", "P9M"),
        ("two more weeks", "P2W"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    assert normalize(text, ANCHOR) == Timex("DURATION", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every day", "P1D"),
        ("daily", "P1D"),
        ("weekly", "P1W"),
        ("each year", "P1Y"),
        ("every other week", "P2W"),
        ("twice a month", "P1M"),
        ("each Thursday", "XXXX-WXX-4"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
        ("each July", "XXXX-07"),
    ],
)
def test_sets(text: str, expected: str) -> None:
    assert normalize(text, ANCHOR) == Timex("SET", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("recent years", "PAST_REF"),
        ("several years ago", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("the coming days", "FUTURE_REF"),
        ("the near term", "FUTURE_REF"),
    ],
)
def test_references(text: str, expected: str) -> None:
    assert normalize(text, ANCHOR) == Timex("DATE", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this morning", "2024-03-09TMO"),
        ("overnight", "2024-03-09TNI"),
        ("last night", "2024-03-08TNI"),
        ("tonight", "2024-03-09TNI"),
        ("Friday evening", "2024-03-08TEV"),
        ("10:35 a.m.", "2024-03-09T10:35"),
        ("10 p.m. Wednesday", "2024-03-06T22:00"),
        ("5 p.m. EST, March 6", "2024-03-06T17:00"),
        ("noon Friday", "2024-03-08T12:00"),
        ("4 in the morning", "2024-03-09T04:00"),
    ],
)
def test_times(text: str, expected: str) -> None:
    assert normalize(text, ANCHOR, "past") == Timex("TIME", expected, anchored=True)


def test_late_on_a_weekday_is_a_date() -> None:
    timex = normalize("late on Tuesday", ANCHOR, "past")
    assert timex is not None and timex.type == "DATE"


def test_quarterly_reports_count_in_quarters() -> None:
    anchor = dt.date(1989, 10, 27)
    for text, expected in [
        ("the quarter", "1989-Q3"),
        ("the latest quarter", "1989-Q3"),
        ("the year-ago quarter", "1988-Q3"),
        ("the fourth quarter", "1989-Q4"),
    ]:
        assert value(text, anchor=anchor) == expected, text
    timex = normalize("a year earlier", anchor, granularity="quarter")
    assert timex is not None and timex.value == "1988-Q3"
    assert value("a year earlier", anchor=anchor) == "1988"


@pytest.mark.parametrize(
    "text",
    ["", "the", "hello world", "February 30", "Ramadan", "the Muslim fasting month", "45"],
)
def test_not_a_readable_time(text: str) -> None:
    assert normalize(text, ANCHOR) is None


def test_every_value_above_is_a_timex3_value() -> None:
    for sample in ["2024-W10-WE", "XXXX-WXX-3", "P2Y6M", "PT1M30S", "199", "2024-03-09TMO"]:
        assert TIMEX3_VALUE.fullmatch(sample), sample
    for bad in ["2024-13", "P", "yesterday", "2024-03-09T"]:
        assert not TIMEX3_VALUE.fullmatch(bad), bad


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June last year", "2023-06"),
        ("July of next year", "2025-07"),
        ("early October this year", "2024-10"),
        ("last Oct. 23", "2023-10-23"),
        ("next March 1", "2025-03-01"),
        ("this year's third quarter", "2024-Q3"),
        ("last year's fourth quarter", "2023-Q4"),
        ("the year", "2024"),  # "for the year", "earlier in the year"
        ("the end of the year", "2024"),
        ("later in the day", "2024-03-09"),
        ("that day", "2024-03-09"),  # the story's day: extract_times passes it when it knows
        ("the quarter a year ago", "2022-Q4"),
    ],
)
def test_periods_named_with_a_shift(text: str, expected: str) -> None:
    assert value(text, "past") == expected


def test_over_is_more_than_only_before_a_count() -> None:
    during = normalize("over the weekend", ANCHOR, "past")
    assert during is not None and during.value == "2024-W10-WE" and during.mod is None
    longer = normalize("over 20 years", ANCHOR)
    assert longer is not None and (longer.value, longer.mod) == ("P20Y", "MORE_THAN")
    month = normalize("over a month", ANCHOR)
    assert month is not None and month.mod == "MORE_THAN"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the first two quarters of 1990", "1990-H1"),
        ("the last two quarters of 1989", "1989-H2"),
        ("the weeks ahead", "FUTURE_REF"),
        ("the days ahead", "FUTURE_REF"),
    ],
)
def test_halves_as_quarters_and_units_ahead(text: str, expected: str) -> None:
    assert value(text, "future") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Friday night", "2024-03-08"), ("Tuesday morning", "2024-03-05"), ("Monday", "2024-03-04")],
)
def test_a_weekday_night_or_morning_is_the_day(text: str, expected: str) -> None:
    # As TimeBank values them; "Friday evening" keeps its part (test_times).
    assert normalize(text, ANCHOR, "past") == Timex("DATE", expected, anchored=True)
