"""Time expressions as functions of the publication day (resolve/dating/relative.py)."""

from __future__ import annotations

import datetime as dt

from storyline.resolve.dating.relative import relative
from storyline.timex import normalize
from storyline.timex.days import add_amount, precision, value_span

D = dt.date


def test_weekday_in_a_past_clause_is_named_from_that_day_to_six_days_after() -> None:
    wednesday = relative("Wednesday", "past")
    assert wednesday.kind == "weekly"
    assert wednesday.at(D(2023, 12, 21)) == (D(2023, 12, 20), D(2023, 12, 20))
    assert wednesday.anchors_for((D(2023, 12, 20), D(2023, 12, 20))) == (
        D(2023, 12, 20),
        D(2023, 12, 26),
    )
    # A Thursday is never "Wednesday".
    assert wednesday.anchors_for((D(2023, 12, 21), D(2023, 12, 21))) is None


def test_learnt_resolution_agrees_with_the_tagger_on_every_day_of_a_year() -> None:
    for words, tense in (("Wednesday", "past"), ("October 7", "past"), ("last week", "past")):
        rel = relative(words, tense)
        for i in range(0, 366, 5):
            day = D(2021, 1, 1) + dt.timedelta(days=i)
            found = normalize(words, day, tense)
            assert found is not None
            assert rel.at(day) == value_span(found.value), (words, day)


def test_year_less_day_names_the_last_one_and_dated_ones_are_fixed() -> None:
    october = relative("October 7", "past")
    assert october.kind == "step"
    window = october.anchors_for((D(2023, 10, 7), D(2023, 10, 7)))
    assert window is not None
    # A year of publication days, which contains the day itself and the months after it
    # (the tagger reads a year-less day shortly ahead as that coming day, so the year of
    # publication days starts a little before it).
    assert (window[1] - window[0]).days + 1 in (365, 366)
    assert window[0] <= D(2023, 10, 7) and window[1] >= D(2024, 6, 1)
    dated = relative("October 7, 2023", "past")
    assert dated.kind == "fixed" and dated.fixed == (D(2023, 10, 7), D(2023, 10, 7))
    assert not dated.depends_on_anchor


def test_words_that_are_no_date_have_no_value() -> None:
    assert relative("the past 19 days", "past").at(D(2024, 1, 1)) is None
    assert relative("Ramadan", None).kind == "none"


def test_value_spans_and_precision() -> None:
    assert value_span("2023-12") == (D(2023, 12, 1), D(2023, 12, 31))
    assert value_span("2023-W51") == (D(2023, 12, 18), D(2023, 12, 24))
    assert value_span("2023-WI") == (D(2023, 12, 1), D(2024, 2, 29))
    assert value_span("2024-03-09TMO") == (D(2024, 3, 9), D(2024, 3, 9))
    assert value_span("XXXX-10-07") is None and value_span("P5M") is None
    assert precision("2023-12-20") == "day" and precision("2023") == "year"
    assert add_amount(D(2023, 10, 7), 5, "M") == D(2024, 3, 7)
    assert add_amount(D(2023, 10, 7), 10, "W") == D(2023, 12, 16)
