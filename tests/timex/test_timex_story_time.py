"""StoryTime: anaphoric expressions ("the following year", "that day") count from the latest
date the text named, not from the document's date."""

from __future__ import annotations

import datetime as dt

from storyline.timex.story_time import StoryTime, is_anaphoric


def test_which_expressions_count_from_the_story() -> None:
    assert is_anaphoric("the following year")
    assert is_anaphoric("Earlier that day")
    assert is_anaphoric("the previous Friday")
    assert not is_anaphoric("next year")  # deictic: from the document's date
    assert not is_anaphoric("last week")
    assert not is_anaphoric("two days ago")
    # A counted shift forward is told from the story's time; "a year earlier" compares with
    # the period a report is about, and "later this year" is the document's year.
    assert is_anaphoric("Two days later")
    assert is_anaphoric("a few months afterwards")
    assert not is_anaphoric("a year earlier")
    assert not is_anaphoric("later this year")


def test_the_following_year_after_a_named_year() -> None:
    story = StoryTime()
    assert story.resolve("the following year", "past") is None  # nothing named yet
    story.note("1995-06-02")
    found = story.resolve("the following year", "past")
    assert found is not None and found.value == "1996"
    assert story.resolve("next year", "past") is None  # not anaphoric


def test_days_later_count_from_the_day_named() -> None:
    story = StoryTime()
    story.note("2011-03-03")
    found = story.resolve("two days later", "past")
    assert found is not None and found.value == "2011-03-05"


def test_a_vague_story_time_does_not_date_a_day() -> None:
    story = StoryTime()
    story.note("1998")
    assert story.resolve("that day", "past") is None  # a year cannot say which day
    year = story.resolve("that year", "past")
    assert year is not None and year.value == "1998"
    story.note("1998-10")
    month = story.resolve("the following month", "past")
    assert month is not None and month.value == "1998-11"


def test_only_calendar_values_become_the_story_time() -> None:
    story = StoryTime()
    story.note("1998-10-23T22:00")
    assert story.date == dt.date(1998, 10, 23) and story.precision == 3
    for value in ("P3D", "PAST_REF", "1998-W43", None, "1998-02-30"):
        story.note(value)
    assert story.date == dt.date(1998, 10, 23)
    day = story.resolve("that day", "past")
    assert day is not None and day.value == "1998-10-23"
    before = story.resolve("the previous Friday", "past")
    assert before is not None and before.value == "1998-10-16"


def test_the_next_day_and_morning_follow_the_story() -> None:
    assert is_anaphoric("the next day") and is_anaphoric("the next morning")
    assert not is_anaphoric("the next year")  # in news, mostly the coming one
    story = StoryTime()
    story.note("1999-10-03")
    day = story.resolve("The next day", "past")
    assert day is not None and day.value == "1999-10-04"
    morning = story.resolve("the next morning", "past")
    assert morning is not None and (morning.type, morning.value) == ("TIME", "1999-10-04TMO")
    evening = story.resolve("the previous evening", "past")
    assert evening is not None and evening.value == "1999-10-02TEV"
