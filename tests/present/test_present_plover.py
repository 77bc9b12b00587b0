"""`export --format plover`: one PLOVER-style record per event, shaped like the PLOVER gold
records, every span pointing at its document's text."""

from __future__ import annotations

import io
import json

from storyline.model import ResolvedStory
from storyline.present.plover import plover_records, write_plover

# The fields of a PLOVER gold-standard record that a record of ours carries too.
PLOVER_FIELDS = {"id", "date", "event", "mode", "context", "source", "target", "eventText", "text"}


def test_one_record_per_event_in_the_plover_shape(story: ResolvedStory) -> None:
    out = io.StringIO()
    write_plover(story, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == len(story.events)
    docs = {d.id: d.text for d in story.documents}
    for record in lines:
        assert set(record) >= PLOVER_FIELDS
        assert record["event"] in {e.type for e in story.events}
        for actor in record["source"] + record["target"]:
            assert set(actor) >= {"actorText", "code", "sector"}
        assert record["document"]["id"] in docs
        # A merged event's spans may sit in several of its documents: each names its own.
        for span in record["evidence"].values():
            if span is not None:
                assert docs[span["doc"]][span["start"] : span["end"]] == span["text"]


def test_actors_are_named_with_their_entity(story: ResolvedStory) -> None:
    names = {e.id: e.name for e in story.entities}
    for event, record in zip(story.in_contract_order().events, plover_records(story), strict=True):
        if event.source_actor:
            [actor] = record["source"]
            assert actor["entity"] == event.source_actor
            assert actor["name"] == names[event.source_actor]
        else:
            assert record["source"] == []
