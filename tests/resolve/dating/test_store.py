"""Inferred dates in the store: written back by build, reused while current, recomputed when
the documents or anchors change (pipeline.load_story, store_inferred_dates, save_anchors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.records import tagged_document

from storyline.config import Config
from storyline.model import (
    DateInterval,
    Ingested,
)
from storyline.pipeline import (
    DATES_KEY,
    dating_fingerprint,
    load_story,
    save_anchors,
    store_inferred_dates,
)
from storyline.resolve.dating import apply as dating_apply
from storyline.resolve.dating.anchors import parse_anchor
from storyline.store import Store

DATED = "Mayor Ilsa Varn opened the harbour bridge in Port Kell on Wednesday. Crowds cheered."
UNDATED = "Ilsa Varn opened the Port Kell harbour bridge on Wednesday, officials said."


def stored(store: Store, text: str, published: str | None = None) -> str:
    doc, analysis = tagged_document(
        text, [("Wednesday", "past")], published, pipeline_version=Config().pipeline_version
    )
    store.add_document(Ingested(document=doc, raw=text.encode()), analysis)
    return doc.id


def test_dates_are_stored_reused_while_current_and_recomputed_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Config()
    with Store.open(str(tmp_path / "s.db")) as store:
        stored(store, DATED, "2025-06-12")
        undated = stored(store, UNDATED)

        story = load_story(store, config, infer_dates=True)
        assert store_inferred_dates(store, story.documents) == 1
        assert store_inferred_dates(store, story.documents) == 0  # already there
        saved = store.get_document(undated)
        assert saved is not None and saved.published_basis == "inferred"
        assert isinstance(saved.published, DateInterval)
        assert saved.published.best == "2025-06-12"
        store.set_meta(DATES_KEY, dating_fingerprint(store, config))

        # While the fingerprint holds, nothing is inferred again, but the stored date still
        # re-resolves the undated document's "Wednesday".
        class NoDating:
            def __init__(self, *args: object, **kwargs: object) -> None:
                raise AssertionError("dates were inferred again")

        monkeypatch.setattr(dating_apply, "DateInference", NoDating)
        story = load_story(store, config)
        time = next(t for t in story.times if t.evidence.doc == undated)
        assert time.value == "2025-06-11"

        # A new anchor changes what dates depend on: they are inferred again.
        save_anchors(store, [parse_anchor("harbour bridge opened=2025-06-11")])
        with pytest.raises(AssertionError, match="inferred again"):
            load_story(store, config)
