"""ReportedQuarter: quarters named without their number take the reported quarter's."""

from __future__ import annotations

import datetime as dt

from storyline.timex import normalize
from storyline.timex.reported_quarter import ReportedQuarter
from storyline.timex.value import Timex

ANCHOR = dt.date(1989, 10, 26)  # the calendar quarter just ended is 1989-Q3


def _read(text: str) -> Timex:
    timex = normalize(text, ANCHOR, "past", granularity="quarter")
    assert timex is not None
    return timex


def _renumbered(reported: ReportedQuarter, text: str) -> str | None:
    timex = reported.renumber(text, _read(text))
    return timex.value if timex is not None else None


def test_a_fiscal_quarter_numbers_the_quarters_after_it() -> None:
    reported = ReportedQuarter(ANCHOR)
    assert _renumbered(reported, "the latest period") == "1989-Q3"  # nothing named yet
    reported.note("the fiscal first quarter", _read("the fiscal first quarter"))
    assert _renumbered(reported, "the latest period") == "1989-Q1"
    assert _renumbered(reported, "a year earlier") == "1988-Q1"
    assert _renumbered(reported, "the 1988 period") == "1988-Q1"
    # Numbered in the words, or shifted from the calendar's: kept.
    assert _renumbered(reported, "the fourth quarter") == "1989-Q4"
    assert _renumbered(reported, "the current quarter") == "1989-Q4"


def test_a_quarter_ended_on_a_date_is_a_reported_one() -> None:
    reported = ReportedQuarter(ANCHOR)
    reported.note("fourth quarter", _read("fourth quarter"), " ended Sept. 30, ...")
    assert _renumbered(reported, "a year earlier") == "1988-Q4"


def test_a_quarter_named_in_passing_changes_nothing() -> None:
    reported = ReportedQuarter(ANCHOR)
    reported.note("the fourth quarter", _read("the fourth quarter"), " as the automotive")
    assert _renumbered(reported, "a year earlier") == "1988-Q3"


def test_the_calendar_quarter_just_ended_takes_over_again() -> None:
    # A roundup: one company's fiscal first quarter, then another's third quarter.
    reported = ReportedQuarter(ANCHOR)
    reported.note("the fiscal first quarter", _read("the fiscal first quarter"))
    reported.note("third-quarter", _read("third-quarter"))
    assert _renumbered(reported, "a year earlier") == "1988-Q3"


def test_without_an_anchor_nothing_is_renumbered() -> None:
    reported = ReportedQuarter(None)
    reported.note("the fiscal first quarter", normalize("the fiscal first quarter", None))
    timex = normalize("the quarter", None)
    assert reported.renumber("the quarter", timex) == timex
