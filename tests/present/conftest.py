"""A small invented story (a port town reopening its docks) with every kind of record, built
by hand so each evidence span is exactly the words at its offsets."""

from __future__ import annotations

import pytest

from storyline.model import (
    Conflict,
    DateInterval,
    Derivation,
    Document,
    Entity,
    Event,
    Evidence,
    Figure,
    Quote,
    Rejection,
    ResolvedStory,
    SourceCredit,
    Story,
    TimeExpression,
    TimelineEntry,
    document_id,
    entity_id,
    evidence,
    span_id,
)

TEXT_A = (
    "The port council of Velmora agreed on Tuesday to reopen the northern docks.\n\n"
    'Council chair Ada Brenn said: "We will not wait any longer." '
    "Officials counted 1,200 workers idle since January."
)
TEXT_B = (
    "Velmora's council voted to reopen the docks, according to the chair, Ada Brenn. "
    "The union put the number of idle workers at 1 140. "
    "Protesters gathered outside the hall on Wednesday | some carried [red]flags[/red]."
)
TEXT_C = "<script>alert(1)</script> A short note about Velmora & the docks."


def span(doc: Document, phrase: str, nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    return evidence(doc, start, start + len(phrase))


def make_story() -> ResolvedStory:
    doc_a = Document(
        id=document_id(TEXT_A),
        source="corpus/harbor-wire.html",
        title="Velmora council agrees to reopen docks",
        outlet="Harbor Wire",
        author="Mira Osk",
        credits=["AFP"],
        published="2024-03-05",
        published_basis="metadata",
        text=TEXT_A,
        raw_ref="ab" * 32,
    )
    doc_b = Document(
        id=document_id(TEXT_B),
        source="corpus/feed.jsonl#17",
        title="Docks to reopen; union disputes count",
        outlet="Coastal Times",
        published=DateInterval(earliest="2024-03-05", latest="2024-03-07", best="2024-03-06"),
        published_basis="inferred",
        text=TEXT_B,
    )
    doc_c = Document(
        id=document_id(TEXT_C),
        source="corpus/<odd>.txt",
        title="<script>alert(1)</script>",
        outlet="<b>Evil</b> Outlet",
        text=TEXT_C,
    )
    doc_b = doc_b.model_copy(
        update={
            "published_evidence": [span(doc_b, "on Wednesday")],
            "published_reasons": ["'on Wednesday' (past tense)"],
        }
    )
    velmora = entity_id("GPE", "velmora")
    council = entity_id("ORG", "port council")
    brenn = entity_id("PERSON", "ada brenn")
    protesters = entity_id("NORP", "protesters")
    entities = [
        Entity(
            id=velmora,
            name="Velmora",
            kind="GPE",
            aliases=["Velmora"],
            mentions=[span(doc_b, "Velmora"), span(doc_a, "Velmora"), span(doc_c, "Velmora")],
        ),
        Entity(
            id=council,
            name="port council of Velmora",
            kind="ORG",
            aliases=["council"],
            mentions=[span(doc_a, "port council of Velmora"), span(doc_b, "council")],
        ),
        Entity(
            id=brenn,
            name="Ada Brenn",
            kind="PERSON",
            aliases=["the chair", "Council chair Ada Brenn"],
            mentions=[span(doc_a, "Ada Brenn"), span(doc_b, "Ada Brenn")],
        ),
        Entity(id=protesters, name="Protesters", kind="NORP", mentions=[span(doc_b, "Protesters")]),
    ]
    tuesday = span(doc_a, "on Tuesday")
    tuesday_id = span_id("t", doc_a.id, tuesday.start, tuesday.end)
    agree_a = span(
        doc_a, "The port council of Velmora agreed on Tuesday to reopen the northern docks"
    )
    agree_b = span(doc_b, "Velmora's council voted to reopen the docks")
    protest = span(doc_b, "Protesters gathered outside the hall on Wednesday")
    ev_agree = Event(
        id=span_id("ev", doc_a.id, agree_a.start, agree_a.end),
        type="AGREE",
        summary="Velmora's port council agrees to reopen the northern docks",
        date="2024-03-05",
        date_evidence=tuesday,
        date_ref=tuesday_id,
        source_actor=council,
        location=velmora,
        documents=[doc_b.id, doc_a.id],
        mentions=[agree_b, agree_a],
    )
    ev_protest = Event(
        id=span_id("ev", doc_b.id, protest.start, protest.end),
        type="PROTEST",
        summary="Protesters gather outside the council hall <with flags>",
        date="2024-03-06",
        date_evidence=span(doc_b, "on Wednesday"),
        source_actor=protesters,
        target_actor=council,
        documents=[doc_b.id],
        mentions=[protest],
    )
    ev_threat = Event(
        id=span_id("ev", doc_a.id, 0, 3),
        type="THREATEN",
        mode="hypothetical",
        summary="Undated hypothetical",
        mentions=[span(doc_a, "The")],
        documents=[doc_a.id],
    )
    fig_a = Figure(
        id=span_id("fig", doc_a.id, *_offsets(span(doc_a, "1,200"))),
        value=1200,
        counts="idle workers",
        subject="Velmora",
        as_of="2024-03",
        attributed_to="officials",
        evidence=span(doc_a, "Officials counted 1,200 workers idle"),
    )
    fig_b = Figure(
        id=span_id("fig", doc_b.id, *_offsets(span(doc_b, "1 140"))),
        value=1140,
        approximate=True,
        counts="idle workers",
        subject="Velmora",
        attributed_to="the union",
        evidence=span(doc_b, "the number of idle workers at 1 140"),
    )
    quote_ev = span(doc_a, "We will not wait any longer.")
    quote = Quote(
        id=span_id("q", doc_a.id, quote_ev.start, quote_ev.end),
        text=quote_ev.text,
        speaker=brenn,
        speaker_name="Ada Brenn",
        date="2024-03-05",
        evidence=quote_ev,
    )
    times = [
        TimeExpression(
            id=tuesday_id,
            type="DATE",
            value="2024-03-05",
            anchor="2024-03-05",
            evidence=tuesday,
        ),
        TimeExpression(
            id=span_id("t", doc_a.id, *_offsets(span(doc_a, "since January"))),
            type="DATE",
            value="2024-01",
            anchor="2024-03-05",
            mod="START",
            evidence=span(doc_a, "since January"),
        ),
    ]
    timeline = [
        # Deliberately out of order: presenters sort by date.
        TimelineEntry(
            date="2024-03-06",
            kind="event",
            summary=ev_protest.summary,
            type="PROTEST",
            ref=ev_protest.id,
            citations=[protest],
            documents=[doc_b.id],
        ),
        TimelineEntry(
            date="2024-03-05",
            kind="event",
            summary=ev_agree.summary,
            type="AGREE",
            ref=ev_agree.id,
            citations=[agree_a, agree_b],
            documents=[doc_a.id, doc_b.id],
        ),
        TimelineEntry(
            date="2024-03-05",
            kind="statement",
            summary='Ada Brenn: "We will not wait any longer."',
            ref=quote.id,
            citations=[quote_ev],
            documents=[doc_a.id],
        ),
    ]
    return ResolvedStory(
        documents=[doc_c, doc_b, doc_a],
        entities=entities,
        events=[ev_threat, ev_protest, ev_agree],
        figures=[fig_b, fig_a],
        quotes=[quote],
        times=times,
        stories=[
            Story(
                id="s:velmora-docks",
                title="Velmora docks reopen",
                documents=[doc_a.id, doc_b.id],
                events=[ev_agree.id, ev_protest.id],
            )
        ],
        conflicts=[
            Conflict(
                kind="figure",
                items=[fig_a.id, fig_b.id],
                note="Officials count 1,200 idle workers; the union counts 1 140.",
            )
        ],
        rejections=[
            Rejection(source="corpus/photo.jpg", reason="binary", detail="not text (image/jpeg)"),
            Rejection(source="corpus/empty.txt", reason="empty"),
        ],
        timeline=timeline,
        source_credits=[
            SourceCredit(doc=doc_a.id, outlet="AFP", role="wire", basis="credit line"),
            SourceCredit(
                doc=doc_b.id,
                outlet="Harbor Wire",
                role="cited",
                basis="according to",
                evidence=span(doc_b, "according to the chair"),
            ),
        ],
        derivations=[
            Derivation(
                doc=doc_b.id,
                derived_from=doc_a.id,
                similarity=0.5,
                shared=1,
                basis="published later (2024-03-06 after 2024-03-05)",
                added=[span(doc_b, "The union put the number of idle workers at 1 140.")],
                dropped=[span(doc_a, "Officials counted 1,200 workers idle since January.")],
            )
        ],
    )


def _offsets(ev: Evidence) -> tuple[int, int]:
    return ev.start, ev.end


@pytest.fixture
def story() -> ResolvedStory:
    return make_story()


@pytest.fixture
def empty_story() -> ResolvedStory:
    return ResolvedStory()
