"""Cross-document dating and re-resolution (dating links.py, apply.py, redate.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.records import tagged_document

from storyline.model import (
    Analysis,
    DateInterval,
    Document,
    Event,
    Quote,
    Tense,
    evidence,
    span_id,
)
from storyline.resolve.corpus import resolve_story
from storyline.resolve.dating import links
from storyline.resolve.dating.apply import apply_dating
from storyline.resolve.dating.infer import DateInference
from storyline.summarize.timeline import build_timeline

TODAY = dt.date(2026, 1, 1)

DATED = "Mayor Ilsa Varn opened the harbour bridge in Port Kell on Wednesday. Crowds cheered."
UNDATED = (
    "Ilsa Varn opened the Port Kell harbour bridge on Wednesday, officials said. "
    "It cost a great deal."
)
UNRELATED = "Farmers in Oda Vale harvested their barley early on Wednesday."


def make(
    text: str, times: list[tuple[str, Tense | None]], published: str | None = None
) -> tuple[Document, Analysis]:
    return tagged_document(text, times, published)


def with_event_and_quote(doc: Document, analysis: Analysis) -> Analysis:
    te = analysis.times[0]
    opened = doc.text.index("opened")
    event = Event(
        id=span_id("v", doc.id, opened, opened + 6),
        type="COOPERATE",
        summary="Ilsa Varn opened the bridge",
        date=te.value,
        date_evidence=te.evidence,
        date_ref=te.id,
        documents=[doc.id],
        mentions=[evidence(doc, opened, opened + 6)],
    )
    said = doc.text.index("officials said")
    quote = Quote(
        id=span_id("q", doc.id, said, said + 14),
        text="officials said",
        date=te.value,
        date_ref=te.id,
        evidence=evidence(doc, said, said + 14),
    )
    return analysis.model_copy(update={"events": [event], "quotes": [quote]})


def test_the_same_event_in_a_dated_document_dates_the_undated_one() -> None:
    dated = make(DATED, [("Wednesday", "past")], published="2025-06-12")
    undated = make(UNDATED, [("Wednesday", "past")])
    unrelated = make(UNRELATED, [("Wednesday", "past")])
    docs = [dated[0], undated[0], unrelated[0]]
    result = apply_dating(docs, [dated[1], undated[1], unrelated[1]], today=TODAY)
    by_id = {d.id: d for d in result.documents}

    assert by_id[dated[0].id] == dated[0]  # a metadata date is never touched
    inferred = by_id[undated[0].id]
    assert inferred.published_basis == "inferred"
    assert inferred.published == DateInterval(
        earliest="2025-06-11", latest="2025-06-17", best="2025-06-12"
    )
    # The evidence is the undated document's "Wednesday" and the dated one's.
    assert {(e.doc, e.text) for e in inferred.published_evidence} >= {
        (undated[0].id, "Wednesday"),
        (dated[0].id, "Wednesday"),
    }
    # Each reason is given once (a link is both a clue and a lean, with the same words).
    assert inferred.published_reasons
    assert len(inferred.published_reasons) == len(set(inferred.published_reasons))
    # Nothing links the harvest to the bridge: it stays undated.
    assert by_id[unrelated[0].id].published is None


def test_events_statements_and_times_follow_the_inferred_date() -> None:
    dated = make(DATED, [("Wednesday", "past")], published="2025-06-12")
    doc, analysis = make(UNDATED, [("Wednesday", "past")])
    analysis = with_event_and_quote(doc, analysis)
    assert analysis.events[0].date == "XXXX-WXX-3"

    story = resolve_story([dated[0], doc], [dated[1], analysis], today=TODAY)
    [event] = [e for e in story.events if doc.id in e.documents]
    assert event.date == "2025-06-11"
    [quote] = story.quotes
    assert quote.date == "2025-06-11"
    time = next(t for t in story.times if t.evidence.doc == doc.id)
    assert (time.value, time.anchor) == ("2025-06-11", "2025-06-12")
    assert any(e.date == "2025-06-11" for e in build_timeline(story.events, story.quotes))


def test_inferred_dates_are_recomputed_and_withdrawn_when_unsupported() -> None:
    dated = make(DATED, [("Wednesday", "past")], published="2025-06-12")
    doc, analysis = make(UNDATED, [("Wednesday", "past")])
    stale = doc.model_copy(
        update={
            "published": DateInterval(earliest="2020-01-01", latest="2020-12-31"),
            "published_basis": "inferred",
        }
    )
    result = apply_dating([dated[0], stale], [dated[1], analysis], today=TODAY)
    fresh = next(d for d in result.documents if d.id == doc.id)
    assert isinstance(fresh.published, DateInterval)
    assert fresh.published.best == "2025-06-12"

    # Alone, nothing supports a date any more: the old inference is withdrawn.
    result = apply_dating([stale], [analysis], today=TODAY)
    assert result.documents[0].published is None
    assert result.documents[0].published_basis is None


def test_an_expression_keeps_only_its_strongest_links(monkeypatch: pytest.MonkeyPatch) -> None:
    strong = make(DATED, [("Wednesday", "past")], published="2025-06-12")
    weak = make("Ilsa Varn opened a bridge on Wednesday.", [("Wednesday", "past")], "2025-06-19")
    undated = make(UNDATED, [("Wednesday", "past")])
    pairs = [strong, weak, undated]
    inference = DateInference([d for d, _ in pairs], [a for _, a in pairs], today=TODAY)
    [mark] = inference.marks[undated[0].id]

    both = links._links(mark, inference.index, inference.limits)
    assert [f.mark.doc for f, _, _ in both] == [strong[0].id, weak[0].id]
    assert both[0][1] > both[1][1]  # strongest first

    monkeypatch.setattr(links, "MAX_LINKS", 1)
    kept = links._links(mark, inference.index, inference.limits)
    assert [(f.mark.doc, share) for f, share, _ in kept] == [(strong[0].id, both[0][1])]
