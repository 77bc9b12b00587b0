"""Re-dating a document keeps its quotes' expressions on the day each quote was spoken."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from tests.records import time_at

from storyline.analyze.document import analyze_document
from storyline.model import (
    Analysis,
    Document,
    Event,
    Figure,
    Quote,
    Tense,
    TimeExpression,
    document_id,
    evidence,
)
from storyline.resolve.dating.redate import redate_analysis

FRIDAY = dt.date(2024, 3, 15)

_TEXT = '"Talks began on Wednesday and 20 people were freed," she said on Monday.'


def _doc() -> Document:
    return Document(id=document_id(_TEXT), source="test", text=_TEXT)


def _at(doc: Document, words: str) -> tuple[int, int]:
    start = doc.text.index(words)
    return start, start + len(words)


def _te(doc: Document, words: str, value: str, anchor: str | None) -> TimeExpression:
    return time_at(doc, words, value, anchor=anchor, tense="past")


def _analysis(quote_date: str, wednesday: str, wednesday_anchor: str | None) -> Analysis:
    """The analysis of _TEXT as the per-document stage would give it, written by hand."""
    doc = _doc()
    monday_anchor = None if quote_date.startswith("X") else FRIDAY.isoformat()
    times = [
        _te(doc, "Wednesday", wednesday, wednesday_anchor),
        _te(doc, "Monday", quote_date, monday_anchor),
    ]
    start, _ = _at(doc, "Talks")
    _, end = _at(doc, "freed,")
    quote = Quote(
        id="q",
        text=_TEXT[start:end],
        date=quote_date,
        date_ref=times[1].id,
        evidence=evidence(doc, start, end),
    )
    times[0] = times[0].model_copy(update={"quote_ref": quote.id})
    event = Event(
        id="ev",
        type="CONSULT",
        summary="Talks began",
        date=wednesday,
        date_evidence=times[0].evidence,
        date_ref=times[0].id,
        mentions=[evidence(doc, *_at(doc, "Talks began"))],
    )
    figure = Figure(
        id="f",
        value=20,
        as_of=wednesday,
        as_of_ref=times[0].id,
        evidence=evidence(doc, *_at(doc, "20")),
    )
    return Analysis(
        doc=doc.id,
        pipeline_version="test",
        times=times,
        quotes=[quote],
        events=[event],
        figures=[figure],
    )


def test_an_inferred_day_dates_the_quote_then_its_words() -> None:
    undated = _analysis("XXXX-WXX-1", "XXXX-WXX-3", None)
    redated = redate_analysis(undated, FRIDAY)
    wednesday, monday = redated.times
    assert (monday.value, monday.anchor) == ("2024-03-11", "2024-03-15")
    assert redated.quotes[0].date == "2024-03-11"
    # The Wednesday before Monday 11 March, not the one before Friday 15 (the 13th).
    assert (wednesday.value, wednesday.anchor) == ("2024-03-06", "2024-03-11")
    assert redated.events[0].date == "2024-03-06"
    assert redated.figures[0].as_of == "2024-03-06"


def test_a_quote_anchored_expression_follows_a_new_day_through_its_quote() -> None:
    dated = _analysis("2024-03-11", "2024-03-06", "2024-03-11")
    assert redate_analysis(dated, FRIDAY) == dated
    later = redate_analysis(dated, FRIDAY + dt.timedelta(days=7))
    wednesday, monday = later.times
    assert monday.value == "2024-03-18" and later.quotes[0].date == "2024-03-18"
    assert (wednesday.value, wednesday.anchor) == ("2024-03-13", "2024-03-18")
    assert later.events[0].date == "2024-03-13"
    assert later.figures[0].as_of == "2024-03-13"


def test_without_a_day_the_quote_and_its_words_go_back_to_relative_values() -> None:
    dated = _analysis("2024-03-11", "2024-03-06", "2024-03-11")
    undated = redate_analysis(dated, None)
    assert [t.value for t in undated.times] == ["XXXX-WXX-3", "XXXX-WXX-1"]
    assert [t.anchor for t in undated.times] == [None, None]
    assert undated.quotes[0].date == "XXXX-WXX-1"
    assert undated.events[0].date == "XXXX-WXX-3"


@pytest.mark.slow
def test_redating_an_analysis_matches_analysing_the_dated_document(nlp: Any) -> None:
    text = (
        '"We will sign the deal on Wednesday," the minister said on Monday. '
        '"Airstrikes killed at least 20 people on Thursday," the spokeswoman added on Tuesday.'
    )
    sdoc = nlp(text)
    undated = Document(id=document_id(text), source="test", text=text)
    dated = undated.model_copy(update={"published": FRIDAY.isoformat()})
    expected = analyze_document(sdoc, dated, "test")
    assert [t.value for t in expected.times] == [
        "2024-03-13",
        "2024-03-11",
        "2024-03-07",
        "2024-03-12",
    ]
    redated = redate_analysis(analyze_document(sdoc, undated, "test"), FRIDAY)
    assert redated == expected


@pytest.mark.slow
def test_seeds_redated_match_the_dated_analysis(seeds_dir: Path, nlp: Any) -> None:
    day = dt.date(2023, 12, 20)
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sdoc = nlp(text)
        undated = Document(id=document_id(text), source="test", text=text)
        dated = undated.model_copy(update={"published": day.isoformat()})
        redated = redate_analysis(analyze_document(sdoc, undated, "test"), day)
        expected = analyze_document(sdoc, dated, "test")
        assert redated.quotes == expected.quotes
        assert [t.value for t in redated.times] == [t.value for t in expected.times]


def test_the_quote_date_follows_its_reporting_clause_not_its_own_words() -> None:
    text = '"We will meet again on Monday," she said on Monday.'
    doc = Document(id=document_id(text), source="test", text=text)
    inside = _te(doc, "Monday", "XXXX-WXX-1", None).model_copy(
        update={"tense": "future", "quote_ref": "q"}
    )
    start = text.rindex("Monday")
    outside = _te(doc, "Monday", "XXXX-WXX-1", None).model_copy(
        update={"id": f"t:{start}", "evidence": evidence(doc, start, start + len("Monday"))}
    )
    quote = Quote(
        id="q",
        text="",
        date="XXXX-WXX-1",
        date_ref=outside.id,
        evidence=evidence(doc, 1, text.index(',"')),
    )
    undated = Analysis(doc=doc.id, pipeline_version="test", times=[inside, outside], quotes=[quote])
    redated = redate_analysis(undated, FRIDAY)
    # Not 2024-03-18, the next Monday after Friday that the quoted words alone would give.
    assert redated.quotes[0].date == "2024-03-11"
    assert [t.anchor for t in redated.times] == ["2024-03-11", "2024-03-15"]


def _second(doc: Document, first: TimeExpression, tense: Tense) -> TimeExpression:
    """``first``'s words again, at their last occurrence, in another tense."""
    start = doc.text.rindex(first.evidence.text)
    end = start + len(first.evidence.text)
    return first.model_copy(
        update={"id": f"t:{start}", "tense": tense, "evidence": evidence(doc, start, end)}
    )


def test_a_figure_follows_its_ref_where_a_nearer_expression_had_the_same_value() -> None:
    # Both Wednesdays read "XXXX-WXX-3" without a date. The figure's clause is dated by the
    # second (future: the 20th), though the first (past: the 13th) is nearer to it: the
    # nearest expression with the figure's old value was the wrong one to follow.
    text = "Talks ended on Wednesday; 20 hostages will be freed on Wednesday."
    doc = Document(id=document_id(text), source="test", text=text)
    ended = _te(doc, "Wednesday", "XXXX-WXX-3", None)
    freed = _second(doc, ended, "future")
    at = _at(doc, "20 hostages")
    assert at[0] - ended.evidence.start < freed.evidence.start - at[0]
    figure = Figure(
        id="f", value=20, as_of="XXXX-WXX-3", as_of_ref=freed.id, evidence=evidence(doc, *at)
    )
    undated = Analysis(doc=doc.id, pipeline_version="test", times=[ended, freed], figures=[figure])
    redated = redate_analysis(undated, FRIDAY)
    assert [t.value for t in redated.times] == ["2024-03-13", "2024-03-20"]
    assert redated.figures[0].as_of == "2024-03-20"


def test_a_quote_follows_its_ref_where_a_nearer_expression_had_the_same_value() -> None:
    # The talks' Monday is the next one (the 18th); the minister spoke on the last (the 11th).
    text = 'Talks will resume on Monday. "We will sign soon," the minister said on Monday.'
    doc = Document(id=document_id(text), source="test", text=text)
    resume = _te(doc, "Monday", "XXXX-WXX-1", None).model_copy(update={"tense": "future"})
    said = _second(doc, resume, "past")
    at = _at(doc, "We will sign soon,")
    assert at[0] - resume.evidence.start < said.evidence.start - at[0]
    quote = Quote(
        id="q",
        text=doc.text[at[0] : at[1]],
        date="XXXX-WXX-1",
        date_ref=said.id,
        evidence=evidence(doc, *at),
    )
    undated = Analysis(doc=doc.id, pipeline_version="test", times=[resume, said], quotes=[quote])
    redated = redate_analysis(undated, FRIDAY)
    assert [t.value for t in redated.times] == ["2024-03-18", "2024-03-11"]
    assert redated.quotes[0].date == "2024-03-11"
