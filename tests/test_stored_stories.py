"""The story clustering's state in the store: written with the story, read back by an update,
which adds only the new documents to it (pipeline.update_story, resolve/story_state.py)."""

from __future__ import annotations

from pathlib import Path

from tests.records import tagged_document

from storyline.config import Config
from storyline.model import Ingested
from storyline.pipeline import update_story
from storyline.pipeline.stages import STREAM_KEY
from storyline.resolve.story_state import StreamState
from storyline.store import Store

BRIDGE = [
    (
        "Mayor Ilsa Varn opened the Port Kell harbour bridge on Wednesday. Crowds cheered.",
        "2025-06-12",
    ),
    (
        "Crowds crossed the new Port Kell harbour bridge that Ilsa Varn opened on Wednesday.",
        "2025-06-13",
    ),
]
LATER = ("Ilsa Varn closed the Port Kell harbour bridge for repairs on Wednesday.", "2025-06-20")


def _stored(store: Store, text: str, published: str) -> str:
    doc, analysis = tagged_document(
        text, [("Wednesday", "past")], published, pipeline_version=Config().pipeline_version
    )
    store.add_document(Ingested(document=doc, raw=text.encode()), analysis)
    return doc.id


def _state(store: Store) -> StreamState:
    text = store.get_meta(STREAM_KEY)
    assert text is not None
    state = StreamState.from_json(text)
    assert state is not None
    return state


def test_an_update_adds_new_documents_to_the_stored_stories(tmp_path: Path) -> None:
    config = Config()
    with Store.open(str(tmp_path / "s.db")) as store:
        first = [_stored(store, text, day) for text, day in BRIDGE]
        story, how = update_story(store, config)
        assert how == "full"
        before = _state(store)
        assert set(before.assigned) == set(first) and before.seen == 2

        later = _stored(store, LATER[0], LATER[1])
        updated, how = update_story(store, config)
        assert how == "update"
        after = _state(store)
        # The stored state grew by the one new document; nothing was clustered again.
        assert after.seen == 3 and set(after.assigned) == {*first, later}
        assert all(after.assigned[d] == before.assigned[d] for d in first)
        ids = {s.id for s in updated.stories}
        assert {s.id for s in story.stories} <= ids
        lead = next(s for s in updated.stories if first[0] in s.documents)
        assert lead.start == "2025-06-12" and lead.title

        # Clustering everything again in the same order gives the same stories.
        again, how = update_story(store, config, full=True)
        assert how == "full"
        assert [(s.id, s.documents) for s in again.stories] == [
            (s.id, s.documents) for s in updated.stories
        ]
