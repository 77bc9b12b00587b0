"""Expressions inside quotes name their quote and count from the day it was spoken
(quote_times)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from tests.records import time_at

from storyline.analyze.document import analyze_document
from storyline.analyze.quote_marks import find_quoted_spans
from storyline.analyze.quote_times import quoted_parts, resolve_quote_times, with_quote_refs
from storyline.model import Analysis, Document, Quote, TimeExpression, document_id, evidence

FRIDAY = "2024-03-15"


def _analyze(nlp: Any, text: str, published: str | None = FRIDAY) -> tuple[Document, Analysis]:
    doc = Document(id=document_id(text), source="test", text=text, published=published)
    return doc, analyze_document(nlp(text), doc, "test")


def _time(analysis: Analysis, words: str) -> TimeExpression:
    [found] = [t for t in analysis.times if t.evidence.text == words]
    return found


def _day(value: str | None) -> dt.date:
    assert value is not None
    return dt.date.fromisoformat(value)


# --- on whole documents -------------------------------------------------------------------


@pytest.mark.slow
def test_a_future_weekday_counts_from_the_day_of_the_quote(nlp: Any) -> None:
    _, analysis = _analyze(
        nlp, '"We will sign the deal on Wednesday," the minister said on Monday.'
    )
    [quote] = analysis.quotes
    assert quote.date == "2024-03-11"
    wednesday = _time(analysis, "Wednesday")
    assert (wednesday.value, wednesday.anchor, wednesday.tense) == (
        "2024-03-13",
        "2024-03-11",
        "future",
    )
    # The quote's own date, in the reporting clause, stays resolved against the document.
    monday = _time(analysis, "Monday")
    assert (monday.value, monday.anchor) == ("2024-03-11", FRIDAY)


@pytest.mark.slow
def test_a_quote_said_on_monday_names_that_monday(nlp: Any) -> None:
    _, analysis = _analyze(
        nlp, '"We will sign the deal on Wednesday," the minister said on Monday.'
    )
    [quote] = analysis.quotes
    monday = _time(analysis, "Monday")
    wednesday = _time(analysis, "Wednesday")
    assert (quote.date_ref, quote.date) == (monday.id, monday.value)
    # The quoted words name the quote; its reporting clause does not.
    assert (wednesday.quote_ref, monday.quote_ref) == (quote.id, None)


@pytest.mark.slow
def test_yesterday_is_the_day_before_the_quote_was_spoken(nlp: Any) -> None:
    _, analysis = _analyze(
        nlp, 'Maria Lopez spoke to the press. "Yesterday we met," she told reporters last Tuesday.'
    )
    [quote] = analysis.quotes
    spoken = _day(quote.date)
    assert spoken.weekday() == 1 and spoken < _day(FRIDAY)
    yesterday = _time(analysis, "Yesterday")
    assert _day(yesterday.value) == spoken - dt.timedelta(days=1)
    assert yesterday.anchor == quote.date and yesterday.tense == "past"


@pytest.mark.slow
def test_a_speaker_left_unresolved_still_dates_the_quote(nlp: Any) -> None:
    _, analysis = _analyze(nlp, '"Yesterday we met the envoys," she told reporters on Tuesday.')
    [quote] = analysis.quotes
    assert quote.speaker is None and quote.date == "2024-03-12"
    assert _time(analysis, "Yesterday").value == "2024-03-11"


@pytest.mark.slow
def test_a_quote_without_a_date_of_its_own_changes_nothing(nlp: Any) -> None:
    text = '"We will sign the deal on Wednesday," the minister said.'
    doc, analysis = _analyze(nlp, text)
    [quote] = analysis.quotes
    assert quote.date is None
    wednesday = _time(analysis, "Wednesday")
    assert (wednesday.value, wednesday.anchor) == ("2024-03-20", FRIDAY)
    assert resolve_quote_times(doc, analysis.times, analysis.quotes) == analysis.times


@pytest.mark.slow
def test_a_quote_spoken_on_the_publication_day_changes_nothing(nlp: Any) -> None:
    _, analysis = _analyze(nlp, '"We will sign the deal on Wednesday," the minister said today.')
    [quote] = analysis.quotes
    assert quote.date == FRIDAY
    assert _time(analysis, "Wednesday").value == "2024-03-20"


@pytest.mark.slow
def test_an_interrupted_quote_keeps_its_reporting_clause_on_the_document(nlp: Any) -> None:
    _, analysis = _analyze(
        nlp,
        "“We will sign on Wednesday,” the minister said on Monday, “and the prisoners will be "
        "freed by Thursday.”",
    )
    [quote] = analysis.quotes
    assert quote.date == "2024-03-11"
    assert _time(analysis, "Monday").anchor == FRIDAY
    assert _time(analysis, "Wednesday").value == "2024-03-13"
    assert _time(analysis, "Thursday").value == "2024-03-14"


@pytest.mark.slow
def test_a_figure_inside_the_quote_takes_the_re_resolved_date(nlp: Any) -> None:
    _, analysis = _analyze(
        nlp, '"Airstrikes killed at least 20 people on Thursday," the minister said on Monday.'
    )
    [figure] = analysis.figures
    assert figure.low == 20
    # Against Friday 15 March it would be the 14th; spoken on Monday 11 it is the 7th.
    thursday = _time(analysis, "Thursday")
    assert thursday.value == "2024-03-07"
    assert figure.as_of == "2024-03-07"
    assert figure.as_of_ref == thursday.id and thursday.quote_ref == analysis.quotes[0].id


# --- on hand-built records ----------------------------------------------------------------

_TEXT = (
    '"We met on Wednesday, sales fell from a year earlier," she said on Monday. '
    "The following day they left."
)


def _doc() -> Document:
    return Document(id=document_id(_TEXT), source="test", text=_TEXT, published=FRIDAY)


def _te(doc: Document, words: str, value: str, anchor: str | None) -> TimeExpression:
    """The expression as the per-document stage has it: naming _quote when among its words."""
    te = time_at(doc, words, value, anchor=anchor, tense="past")
    inside = doc.text.index("We met") <= te.evidence.start < doc.text.index('," she')
    return te.model_copy(update={"quote_ref": "q" if inside else None})


def _quote(doc: Document, date: str | None) -> Quote:
    start = doc.text.index("We met")
    end = doc.text.index('," she')
    return Quote(id="q", text=doc.text[start:end], date=date, evidence=evidence(doc, start, end))


def test_only_expressions_counted_from_the_document_are_re_resolved() -> None:
    doc = _doc()
    wednesday = _te(doc, "Wednesday", "2024-03-13", FRIDAY)
    monday = _te(doc, "Monday", "2024-03-11", FRIDAY)
    following = _te(doc, "The following day", "2024-03-12", "2024-03-11")
    times = [wednesday, monday, following]
    found = resolve_quote_times(doc, times, [_quote(doc, "2024-03-11")])
    assert found[0].value == "2024-03-06" and found[0].anchor == "2024-03-11"
    assert found[1:] == times[1:]
    # Applying it twice changes nothing more.
    assert resolve_quote_times(doc, found, [_quote(doc, "2024-03-11")]) == found


def test_a_qualifier_mod_is_kept_and_a_value_read_with_more_than_its_words_is_left() -> None:
    doc = _doc()
    about = _te(doc, "Wednesday", "2024-03-13", FRIDAY).model_copy(update={"mod": "APPROX"})
    # As a quarterly report reads it: the same quarter a year before, not the bare year.
    earlier = _te(doc, "a year earlier", "2023-Q1", FRIDAY)
    found = resolve_quote_times(doc, [about, earlier], [_quote(doc, "2024-03-11")])
    assert (found[0].value, found[0].mod) == ("2024-03-06", "APPROX")
    assert found[1] == earlier


def test_a_relative_value_is_re_resolved_when_the_document_has_no_day() -> None:
    doc = _doc().model_copy(update={"published": None})
    wednesday = _te(doc, "Wednesday", "XXXX-WXX-3", None)
    [found] = resolve_quote_times(doc, [wednesday], [_quote(doc, "2024-03-11")])
    assert (found.value, found.anchor) == ("2024-03-06", "2024-03-11")


@pytest.mark.parametrize("date", [None, "XXXX-WXX-1", "2024-W11", "2024-03", FRIDAY])
def test_a_quote_date_that_is_not_another_day_changes_nothing(date: str | None) -> None:
    doc = _doc()
    times = [_te(doc, "Wednesday", "2024-03-13", FRIDAY)]
    assert resolve_quote_times(doc, times, [_quote(doc, date)]) == times


def test_expressions_among_the_quoted_words_name_the_quote() -> None:
    doc = _doc()
    wednesday = time_at(doc, "Wednesday", "2024-03-13", anchor=FRIDAY)
    monday = time_at(doc, "Monday", "2024-03-11", anchor=FRIDAY)
    following = time_at(doc, "The following day", "2024-03-12", anchor="2024-03-11")
    quote = _quote(doc, "2024-03-11")
    named = with_quote_refs([wednesday, monday, following], [quote])
    # The reporting clause's Monday and the sentence after the quote are not its words.
    assert [t.quote_ref for t in named] == [quote.id, None, None]
    # A quote with no day of its own is named too: what its words count from is for the
    # stage that reads them to decide.
    assert [t.quote_ref for t in with_quote_refs([wednesday], [_quote(doc, None)])] == ["q"]
    # Naming again changes nothing, and a ref no quote holds any longer is cleared.
    assert with_quote_refs(named, [quote]) == named
    assert with_quote_refs(named, []) == [wednesday, monday, following]


def _interrupted(text: str) -> Quote:
    start = 1 if text[0] == '"' else text.index("“") + 1
    end = len(text) - 1
    return Quote(id="q", text="", evidence=evidence(_doc_of(text), start, end))


def _doc_of(text: str) -> Document:
    return Document(id=document_id(text), source="test", text=text)


@pytest.mark.parametrize(
    "text",
    [
        "“We met on Wednesday,” she said on Monday, “and we agreed.”",
        '"We met on Wednesday," she said on Monday, "and we agreed."',
    ],
)
def test_quoted_parts_leave_out_the_interruption(text: str) -> None:
    parts = quoted_parts(_interrupted(text))
    assert [text[a:b] for a, b in parts] == ["We met on Wednesday,", "and we agreed."]


def test_quoted_parts_of_a_plain_quote_are_its_evidence() -> None:
    doc = _doc()
    quote = _quote(doc, None)
    assert quoted_parts(quote) == [(quote.evidence.start, quote.evidence.end)]


# --- the seeds ----------------------------------------------------------------------------


@pytest.mark.slow
def test_seeds_quoted_parts_and_what_changes(seeds_dir: Path, nlp: Any) -> None:
    from storyline.analyze.times import extract_times

    checked = refs = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document(id=document_id(text), source="test", text=text, published="2023-12-20")
        sdoc = nlp(text)
        analysis = analyze_document(sdoc, doc, "test")
        spans = find_quoted_spans(text)
        # Statements in reported speech have no quoted words (analyze/statements.py).
        for quote in (q for q in analysis.quotes if q.direct):
            ev = quote.evidence
            expected = [(s.start, s.end) for s in spans if ev.start <= s.start and s.end <= ev.end]
            assert quoted_parts(quote) == expected
            checked += 1
        # Every expression names the quote whose words hold it; whatever differs from the
        # document-anchored reading lies inside a quote and now counts from that quote's day.
        quotes = {q.id: q for q in analysis.quotes}
        for plain, final in zip(extract_times(sdoc, doc), analysis.times, strict=True):
            holder = _holder(analysis.quotes, final)
            assert final.quote_ref == (holder.id if holder else None)
            refs += final.quote_ref is not None
            if plain.model_copy(update={"quote_ref": final.quote_ref}) != final:
                spoken = quotes[final.quote_ref].date if final.quote_ref else None
                assert final.anchor == spoken
    assert checked > 10 and refs > 0


def _holder(quotes: list[Quote], te: TimeExpression) -> Quote | None:
    """The quote whose words hold ``te``, if any."""
    for q in quotes:
        if any(a <= te.evidence.start and te.evidence.end <= b for a, b in quoted_parts(q)):
            return q
    return None
