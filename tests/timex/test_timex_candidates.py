"""find_candidates() and anchor_date()."""

from __future__ import annotations

import datetime as dt

from storyline.model import DateInterval, Document
from storyline.timex import anchor_date, find_candidates, normalize


def spans_text(text: str) -> list[str]:
    return [text[s:e] for s, e in find_candidates(text)]


def test_finds_what_the_ner_misses() -> None:
    text = (
        "The envoys met yesterday (Friday) and talked late on Tuesday about the "
        "five-month-old war, a week-long truce and the past 19 days. Aid arrives daily."
    )
    assert spans_text(text) == [
        "yesterday (Friday)",
        "late on Tuesday",
        "five-month-old",
        "a week-long",
        "the past 19 days",
        "daily",
    ]


def test_offsets_survive_curly_quotes_and_dashes() -> None:
    text = "He said \u201cnow\u201d \u2014 and the year\u2011long siege ended on October 7, 2023."
    found = spans_text(text)
    assert found == ["now", "year\u2011long", "October 7, 2023"]


def test_month_and_weekday_names_must_be_capitalised() -> None:
    assert spans_text("They may march on sunday.") == []
    assert spans_text("They marched in May and on Sunday.") == ["May", "Sunday"]
    assert spans_text("Jan said so.") == []
    assert spans_text("It closed Jan. 6.") == ["Jan. 6"]


def test_modifiers_join_the_expression() -> None:
    assert spans_text("It began in late October and lasted nearly a month.") == [
        "late October",
        "nearly a month",
    ]
    # "over" is a preposition before "the", a quantity only before a count.
    assert spans_text("over the past 19 days, over 20 years") == [
        "the past 19 days",
        "over 20 years",
    ]


def test_bare_years_only_when_asked() -> None:
    assert find_candidates("between 1994 and 1997") == []
    assert find_candidates("between 1994 and 1997", every_rule=True) == [(8, 12), (17, 21)]


def _document(published: str | DateInterval | None) -> Document:
    return Document(id="d", source="s", text="t", published=published)


def test_anchor_date() -> None:
    assert anchor_date(_document("2024-12-02")) == dt.date(2024, 12, 2)
    assert anchor_date(_document("2024-12-02T08:30:00Z")) == dt.date(2024, 12, 2)
    interval = DateInterval(earliest="2024-03-01", latest="2024-03-12", best="2024-03-09")
    assert anchor_date(_document(interval)) == dt.date(2024, 3, 9)
    assert anchor_date(_document(DateInterval(earliest="2024-03", latest="2024-04"))) is None
    assert anchor_date(_document("2024-12")) is None
    assert anchor_date(_document("2024-02-30")) is None
    assert anchor_date(_document(None)) is None


def test_quarters_are_found_only_after_a_vague_count() -> None:
    text = "It won three quarters of the vote after several quarters of losses."
    assert [text[a:b] for a, b in find_candidates(text)] == ["several quarters"]
    text = "Weakness persisted over the past several quarters."
    assert [text[a:b] for a, b in find_candidates(text)] == ["the past several quarters"]


def test_a_year_after_pre_or_post_is_found() -> None:
    text = "The post-1959 politics split families; output is back at pre-1990 levels, 1,990 tons."
    assert [text[a:b] for a, b in find_candidates(text)] == ["post-1959", "pre-1990"]


def test_then_current_is_the_past() -> None:
    text = "Holders may buy at half the then current price; current prices are higher."
    found = [(text[a:b], normalize(text[a:b], None)) for a, b in find_candidates(text)]
    assert [(words, t.value if t else None) for words, t in found] == [
        ("then current", "PAST_REF"),
        ("current", "PRESENT_REF"),
    ]
