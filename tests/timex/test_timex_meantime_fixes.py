"""Readings found wrong on MEANTIME (bench/timex/meantime.py), the corpus the rules were not written
on: universal time, 24-hour clock times with their day, quarters named with "final" or "of
last year", "the past decade", shares that are no quarter, ages, the year closing a range,
slash dates with a two-digit year."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyline.analyze.times import extract_times
from storyline.model import Document, document_id
from storyline.timex import normalize

ANCHOR = dt.date(2009, 3, 10)  # a Tuesday


def value(text: str) -> str | None:
    timex = normalize(text, ANCHOR, "past")
    return timex.value if timex else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16:00 UTC", "2009-03-10T16:00Z"),
        ("08:30 GMT", "2009-03-10T08:30Z"),
        ("5 p.m. EST", "2009-03-10T17:00"),  # other zones are dropped, as TIMEX3 does
        ("12:00 UTC Monday", "2009-03-09T12:00Z"),
        ("16:00 UTC today", "2009-03-10T16:00Z"),
        ("the final quarter of 2009", "2009-Q4"),
        ("the last quarter of last year", "2008-Q4"),
        ("the first quarter of last year", "2008-Q1"),
        ("the third quarter of this year", "2009-Q3"),
        ("the final quarter", "2008-Q4"),
        ("the past decade", "P10Y"),
        ("the last decade", "199"),  # the calendar decade before this one
        ("a quarter of a century", "P25Y"),
        ("a quarter century", "P25Y"),
        ("7/8/07", "2007-07-08"),
        ("12/31/98", "1998-12-31"),
    ],
)
def test_readings(text: str, expected: str) -> None:
    assert value(text) == expected


def _found(nlp: Any, text: str) -> dict[str, str | None]:
    document = Document(id=document_id(text), source="t", text=text, published="2009-03-10")
    return {t.evidence.text: t.value for t in extract_times(nlp(text), document)}


@pytest.mark.slow
def test_shares_and_ages_are_not_times(nlp: Any) -> None:
    found = _found(nlp, "About a quarter of its dealers closed. He retired at the age of 56.")
    assert found == {}
    kept = _found(nlp, "Sales rose in the third quarter of 2008, a quarter of a century on.")
    assert kept == {"the third quarter of 2008": "2008-Q3", "a quarter of a century": "P25Y"}


@pytest.mark.slow
def test_the_year_closing_a_range_is_found(nlp: Any) -> None:
    found = _found(nlp, "The plant ran from 2009 to 2011 and sold 2,000 cars in 2010.")
    assert found == {"2009": "2009", "2011": "2011", "2010": "2010"}
    found = _found(nlp, "The 12:00 UTC announcement came on Monday.")
    assert found.get("12:00 UTC") == "2009-03-10T12:00Z"


@pytest.mark.slow
def test_the_unit_of_a_rate_is_a_set(nlp: Any) -> None:
    text = "The cut saves $500 million a year. The plant was shut for a year."
    document = Document(id=document_id(text), source="t", text=text, published="2009-03-10")
    found = [(t.type, t.value) for t in extract_times(nlp(text), document)]
    assert found == [("SET", "P1Y"), ("DURATION", "P1Y")]
