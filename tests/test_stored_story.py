"""The resolved story in the store: written by build with its inferred dates, read back while
current, updated when documents change, resolved again when the anchors change
(pipeline.update_story)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.records import tagged_document

from storyline.config import Config
from storyline.errors import StaleStory
from storyline.model import DateInterval, Ingested
from storyline.pipeline import open_dates, open_story, open_timeline, save_anchors, update_story
from storyline.resolve.dating import apply as dating_apply
from storyline.resolve.dating import parse_anchor
from storyline.store import Store

DATED = "Mayor Ilsa Varn opened the harbour bridge in Port Kell on Wednesday. Crowds cheered."
UNDATED = "Ilsa Varn opened the Port Kell harbour bridge on Wednesday, officials said."
LATER = "Ilsa Varn closed the Port Kell harbour bridge for repairs on Wednesday, officials said."


def stored(store: Store, text: str, published: str | None = None) -> str:
    doc, analysis = tagged_document(
        text, [("Wednesday", "past")], published, pipeline_version=Config().pipeline_version
    )
    store.add_document(Ingested(document=doc, raw=text.encode()), analysis)
    return doc.id


class NoDating:
    def __init__(self, *args: object, **kwargs: object) -> None:
        raise AssertionError("dates were inferred again")


def test_the_story_is_stored_read_back_while_current_and_resolved_again_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Config()
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        stored(store, DATED, "2025-06-12")
        undated = stored(store, UNDATED)
        assert store.count_pending() == 2 and store.story_fingerprint() is None

        story, how = update_story(store, config)
        assert how == "full" and store.count_pending() == 0
        saved = store.get_document(undated)
        assert saved is not None and saved.published_basis == "inferred"
        assert isinstance(saved.published, DateInterval)
        assert saved.published.best == "2025-06-12"

        # While the story is current nothing is resolved again: it is read back as stored,
        # the undated document's "Wednesday" re-dated against its inferred day.
        monkeypatch.setattr(dating_apply, "DateInference", NoDating)
        again, how = update_story(store, config)
        assert how == "current"
        assert again.model_dump() == story.in_contract_order().model_dump()
        time = next(t for t in again.times if t.evidence.doc == undated)
        assert time.value == "2025-06-11"

        # A new anchor changes what the story depends on: it is resolved again.
        save_anchors(store, [parse_anchor("harbour bridge opened=2025-06-11")])
        with pytest.raises(AssertionError, match="inferred again"):
            update_story(store, config)


def test_a_new_document_makes_the_story_stale_until_updated(db_url: str) -> None:
    """On both backends: the story tables, the pending documents and the read queries."""
    config = Config()
    db = db_url
    with Store.open(db) as store:
        stored(store, DATED, "2025-06-12")
        update_story(store, config)
    assert [h.published for h in open_dates(db)] == ["2025-06-12"]

    with Store.open(db) as store:
        later = stored(store, LATER, "2025-06-14")
    with pytest.raises(StaleStory, match="1 document"):
        open_timeline(db)
    with pytest.raises(StaleStory, match="out of date"):
        open_story(db)

    with Store.open(db) as store:
        _, how = update_story(store, config)
        assert how == "update" and store.pending_documents() == []
        # Asked for, the whole story is resolved again though nothing changed.
        assert update_story(store, config, full=True)[1] == "full"
    assert [h.id for h in open_dates(db)][-1] == later
    # --refresh does the same from a read command when asked.
    with Store.open(db) as store:
        stored(store, UNDATED)
    assert len(open_story(db, refresh=True).documents) == 3


def test_a_store_that_never_stored_a_story_says_so(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        stored(store, DATED, "2025-06-12")
    with pytest.raises(StaleStory, match="no story has been built"):
        open_dates(db)
