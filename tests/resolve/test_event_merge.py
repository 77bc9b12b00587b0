"""Events across documents: one real event reported twice is one Event, look-alikes on days
that cannot overlap stay two, and the merged date is the most specific one both allow."""

from __future__ import annotations

from storyline.model import Entity, Event, Evidence
from storyline.resolve.event_merge import merge_events

SENTENCE = "Hamas militants stormed southern Israel, killing 1,200 people and taking 250 hostages."


def _event(doc: str, word: str, **dates: str | None) -> Event:
    start = SENTENCE.index(word)
    return Event(
        id=f"v:{doc}:{start}",
        type="ASSAULT",
        summary=SENTENCE,
        source_actor="e:hamas",
        target_actor="e:israel",
        documents=[doc],
        mentions=[Evidence(doc=doc, start=0, end=len(SENTENCE), text=SENTENCE)],
        trigger=Evidence(doc=doc, start=start, end=start + len(word), text=word),
        **dates,  # type: ignore[arg-type]
    )


ENTITIES = [
    Entity(id="e:hamas", name="Hamas", kind="org"),
    Entity(id="e:israel", name="Israel", kind="place"),
]


def test_one_event_two_reports_is_one_event() -> None:
    dated = _event("a", "killing", date="2023-10-07", date_basis="text")
    by = _event(
        "b", "killing", date="2024-12-02", date_basis="publication", date_latest="2024-12-02"
    )
    merged = merge_events([dated, by], [], {}, ENTITIES)
    assert len(merged) == 1
    event = merged[0]
    assert event.date == "2023-10-07" and event.date_basis == "text"
    assert event.documents == ["a", "b"] and len(event.mentions) == 2
    assert {r.id for r in event.reports} == {dated.id, by.id}
    assert merge_events([by, dated], [], {}, ENTITIES)[0].id == event.id


def test_days_that_cannot_overlap_keep_events_apart() -> None:
    first = _event("a", "killing", date="2023-10-07", date_basis="text")
    again = _event("b", "killing", date="2024-12-01", date_basis="text")
    assert len(merge_events([first, again], [], {}, ENTITIES)) == 2


def test_one_document_tells_each_event_once() -> None:
    one = _event("a", "killing", date="2023-10-07", date_basis="text")
    twice = one.model_copy(update={"id": "v:a:again"})
    assert len(merge_events([one, twice], [], {}, ENTITIES)) == 2
