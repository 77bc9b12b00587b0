"""The corpus's period picks the year of a day its undated article names without one."""

from __future__ import annotations

import datetime as dt

from tests.records import tagged_document

from storyline.model import Analysis, Document, Tense
from storyline.resolve.dating.infer import DateInference
from storyline.resolve.dating.period import corpus_period, period_lean, weekday_lean

D = dt.date
TODAY = D(2026, 1, 1)

DATED = [
    ("The council met to discuss the harbour budget and the ferry timetable.", "2016-06-02"),
    ("Fishermen protested against the new quotas outside the town hall.", "2016-07-14"),
    ("A storm damaged the pier and closed the coastal road for a week.", "2016-08-30"),
]


def _corpus(
    undated: str, times: list[tuple[str, Tense | None]]
) -> tuple[list[Document], list[Analysis]]:
    docs, analyses = [], []
    for text, day in DATED:
        doc, analysis = tagged_document(text, [], day)
        docs.append(doc)
        analyses.append(analysis)
    doc, analysis = tagged_document(undated, times)
    docs.append(doc)
    analyses.append(analysis)
    return docs, analyses


def test_a_year_less_day_falls_in_the_corpus_period() -> None:
    text = "The mayor resigned on Sept. 26 after the audit of the harbour accounts."
    docs, analyses = _corpus(text, [("Sept. 26", "past")])
    dater = DateInference(docs, analyses, today=TODAY)
    verdict = dater.verdict(docs[-1].id)
    assert verdict is not None
    assert verdict.best_day is not None and verdict.best_day.year == 2016
    assert D(2016, 9, 26) <= verdict.best_day <= D(2016, 10, 3)
    # A lean only: the interval still allows every year.
    assert verdict.earliest.year < 2016 and verdict.latest == TODAY
    assert any("Sept. 26" in lean.reason for lean in verdict.leans)


def test_without_the_corpus_the_year_stays_open() -> None:
    text = "The mayor resigned on Sept. 26 after the audit of the harbour accounts."
    docs, analyses = _corpus(text, [("Sept. 26", "past")])
    verdict = DateInference(docs[-1:], analyses[-1:], today=TODAY).verdict(docs[-1].id)
    assert verdict is None or verdict.best is None


def test_the_period_is_flat_inside_its_margins_and_falls_off_outside() -> None:
    assert corpus_period([D(2016, 1, 1), D(2016, 2, 1)]) is None  # too few dated documents
    period = corpus_period([D(2016, 3, 1), D(2016, 1, 1), D(2016, 2, 1)])
    assert period == (D(2016, 1, 1), D(2016, 3, 1))
    lean = period_lean(period)
    assert lean.score(D(2016, 2, 10)) == lean.score(D(2016, 3, 25)) == 0.0
    assert lean.score(D(2016, 6, 1)) < lean.score(D(2016, 5, 1)) < 0.0
    assert lean.score(D(1990, 1, 1)) > -20  # floored: never overrules the text by itself


def test_weekdays_the_corpus_publishes_on_are_preferred() -> None:
    monday = D(2016, 5, 2)
    assert weekday_lean([monday] * 29) is None  # too few dated documents to tell
    weekdays = [monday + dt.timedelta(days=k % 5 + 7 * (k // 5)) for k in range(40)]
    lean = weekday_lean([*weekdays, D(2016, 5, 7)])  # one Saturday among 41
    assert lean is not None
    saturday, friday = D(2016, 6, 4), D(2016, 6, 3)
    assert lean.score(saturday) < lean.score(friday)
    assert lean.score(D(2016, 6, 5)) < lean.score(saturday)  # no Sunday at all: rarer still
    assert lean.score(D(2016, 6, 5)) > -5  # smoothed: rare, not impossible


def test_a_long_period_weighs_days_but_offers_none() -> None:
    short = period_lean((D(2016, 1, 1), D(2016, 12, 31)))
    assert short.support == ((D(2015, 12, 1), D(2017, 1, 31)),)
    long = period_lean((D(2000, 1, 1), D(2016, 12, 31)))
    assert long.support == ()
    assert long.score(D(2010, 6, 1)) == 0.0 and long.score(D(2020, 1, 1)) < 0.0
