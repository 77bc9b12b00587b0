"""When a thing of a given age began: the beginPoint of "the five-month-old war"."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Document, TimeExpression, document_id, evidence
from storyline.timex.age_start import age_start, is_age, with_age_starts

DAY = dt.date(2024, 3, 9)


@pytest.mark.parametrize(
    ("value", "begins"),
    [
        ("P5M", "2023-10"),
        ("P3M", "2023-12"),
        ("P14M", "2023-01"),
        ("P75Y", "1949"),
        ("P19D", "2024-02-19"),
        ("P2W", "2024-W08"),
        ("PXY", None),
        ("PT5H", None),
        ("2024-03", None),
    ],
)
def test_the_start_is_counted_back_at_the_age_precision(value: str, begins: str | None) -> None:
    assert age_start(value, DAY) == begins


def test_no_anchor_no_start() -> None:
    assert age_start("P5M", None) is None


def test_ages_are_told_from_other_durations() -> None:
    assert is_age("five-month-old") and is_age("75-year-old") and is_age("two years old")
    assert not is_age("five months") and not is_age("the past 19 days")


def test_only_ages_get_a_start_and_a_quote_day_wins() -> None:
    text = "The five-month-old war went on. Talks lasted five months."
    doc = Document(id=document_id(text), source="t.txt", text=text)

    def te(words: str, anchor: str | None = None) -> TimeExpression:
        start = text.index(words)
        return TimeExpression(
            id=words,
            type="DURATION",
            value="P5M",
            anchor=anchor,
            evidence=evidence(doc, start, start + len(words)),
        )

    age, span = with_age_starts([te("five-month-old"), te("five months")], DAY)
    assert (age.begins, span.begins) == ("2023-10", None)
    [quoted] = with_age_starts([te("five-month-old", anchor="2024-01-15")], DAY)
    assert quoted.begins == "2023-08"
    [undated] = with_age_starts([age], None)
    assert undated.begins is None
