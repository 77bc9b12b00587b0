"""Where a publication date came from is stored with the document, on both backends, and
travels with a date a later copy brings."""

from __future__ import annotations

from storyline.model import DateSource
from storyline.store import Store

META = DateSource(field="meta pubdate", raw="2019-01-01", value="2019-01-01")
BYLINE = DateSource(field="byline", raw="Published 20 March 2019", value="2019-03-20")


def test_source_and_overruled_metadata_round_trip(store: Store, make_item) -> None:
    item = make_item(
        "The bridge closed to lorries.",
        "pages/bridge.html",
        published="2019-03-20",
        published_basis="metadata",
        published_source=BYLINE,
        published_overruled=[META],
    )
    assert store.add_document(item)
    got = store.get_document(item.document.id)
    assert got is not None
    assert (got.published_source, got.published_overruled) == (BYLINE, [META])


def test_a_later_dated_copy_brings_its_source(store: Store, make_item) -> None:
    text = "The ferry sailed again after the strike."
    assert store.add_document(make_item(text, "dump/ferry.txt"))
    dated = make_item(
        text,
        "feed.jsonl#3",
        published="2019-03-20",
        published_basis="metadata",
        published_source=BYLINE,
        published_overruled=[META],
    )
    assert not store.add_document(dated)
    got = store.get_document(dated.document.id)
    assert got is not None and got.published == "2019-03-20"
    assert (got.published_source, got.published_overruled) == (BYLINE, [META])
