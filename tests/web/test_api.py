"""The JSON API over a real server on both backends: every item is the storyline/1 record
with its evidence, filters narrow in the store, pages walk every item once."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from tests.web.conftest import LiveServer
from tests.web.story_corpus import COMMON_WORD, PAYLOADS, RARE_WORD, SIZE

from storyline.present.export import dump_record


def _evidence_holds(item: Any, texts: dict[str, str]) -> int:
    """Check every evidence span inside ``item`` against its document's text; how many."""
    found = 0
    if isinstance(item, dict):
        if {"doc", "start", "end", "text"} <= item.keys() and item["doc"] in texts:
            assert texts[item["doc"]][item["start"] : item["end"]] == item["text"]
            found += 1
        for value in item.values():
            found += _evidence_holds(value, texts)
    elif isinstance(item, list):
        found += sum(_evidence_holds(value, texts) for value in item)
    return found


def test_stats_say_what_the_store_holds(served_story: LiveServer) -> None:
    stats = served_story.get("/api/stats").json()
    assert stats["counts"]["documents"] == SIZE
    assert stats["counts"]["timeline"] == 2 * SIZE
    assert stats["published"] == {"first": "2025-06-10", "last": f"2025-06-{9 + SIZE}"}
    assert stats["story_built"] and stats["pending"] == 0
    assert stats["dialect"] in ("sqlite", "postgresql") and stats["full_text_index"]


def test_items_are_the_exported_records_with_their_evidence(served_story: LiveServer) -> None:
    story = served_story.story
    texts = {d.id: d.text for d in story.documents}
    for path, table in (
        ("/api/events", "events"),
        ("/api/quotes", "quotes"),
        ("/api/figures", "figures"),
        ("/api/timeline", "timeline"),
        ("/api/stories", "stories"),
        ("/api/series", "series"),
        ("/api/conflicts", "conflicts"),
    ):
        page = served_story.get(path + "?limit=200").json()
        expected = [dump_record(r) for r in getattr(story, table)]
        assert sorted(map(str, page["items"])) == sorted(map(str, expected)), path
        if table not in ("stories", "conflicts"):
            assert _evidence_holds(page["items"], texts) >= len(expected), path
    entities = served_story.get("/api/entities").json()["items"]
    assert sorted(e["name"] for e in entities) == sorted(e.name for e in story.entities)
    # Ids come with names where the list would otherwise be unreadable.
    events = served_story.get("/api/events").json()
    names = {e.id: e.name for e in story.entities}
    actors = {e[k] for e in events["items"] for k in ("source_actor", "target_actor")}
    assert events["names"] == {i: names[i] for i in actors}
    assert set(events["documents"]) == {d for e in events["items"] for d in e["documents"]}


def test_a_document_comes_with_its_text_date_basis_and_sources(served_story: LiveServer) -> None:
    doc = served_story.story.documents[0]
    found = served_story.get(f"/api/documents/{doc.id}").json()
    assert found["text"] == doc.text and found["published_basis"] == "metadata"
    assert found["sources"] == [doc.source]
    listed = served_story.get("/api/documents?limit=200").json()["items"]
    assert {d["id"] for d in listed} == {d.id for d in served_story.story.documents}
    assert all("text" not in d for d in listed)


def test_filters_narrow_the_lists(served_story: LiveServer) -> None:
    story = served_story.story
    get = served_story.get

    def ids(path: str, key: str = "id") -> list[str]:
        return [item[key] for item in get(path).json()["items"]]

    first = story.documents[0]
    assert ids("/api/documents?since=2025-06-12&until=2025-06-13") == [
        d.id for d in story.documents if d.published in ("2025-06-12", "2025-06-13")
    ]
    assert len(ids("/api/documents?outlet=the%20harbour%20post")) == (SIZE + 1) // 2
    kell = next(d for d in story.documents if (d.outlet or "").startswith("Kell"))
    assert ids(f"/api/documents?outlet={quote(kell.outlet or '')}") == [kell.id]
    assert len(ids("/api/events?type=AGREE")) == SIZE // 2
    assert len(ids("/api/events?actor=varn")) == SIZE
    varn = next(e for e in story.entities if e.kind == "person")
    assert len(ids(f"/api/events?actor={quote(varn.id)}")) == SIZE
    assert ids("/api/events?actor=nobody") == []
    assert len(ids("/api/events?source=the%20harbour%20post")) == (SIZE + 1) // 2
    assert len(ids("/api/events?story=st:bridge&mode=asserted")) == SIZE
    assert ids("/api/events?story=st:none") == []
    assert len(ids("/api/timeline?actor=VARN", "ref")) == 2 * SIZE
    assert len(ids(f"/api/timeline?actor={quote(varn.id)}", "ref")) == 2 * SIZE
    assert len(ids("/api/timeline?type=AGREE", "ref")) == SIZE // 2
    assert len(ids("/api/timeline?until=2025-06-11", "ref")) == 4
    assert len(ids("/api/quotes?speaker=varn&since=2025-06-15")) == SIZE - 5
    assert ids("/api/entities?kind=place&q=kell") == [
        e.id for e in story.entities if e.kind == "place"
    ]
    assert ids(f"/api/entities?q={quote(PAYLOADS[0])}") != []
    assert first.id in ids("/api/documents?story=st:bridge&limit=200")


def test_search_finds_documents_with_a_snippet_and_the_words_offsets(
    served_story: LiveServer,
) -> None:
    texts = {d.id: d.text for d in served_story.story.documents}
    page = served_story.get(f"/api/search?q={RARE_WORD}").json()
    assert page["total"] == 1 and len(page["items"]) == 1
    hit = page["items"][0]
    text = texts[hit["document"]["id"]]
    snippet = hit["snippet"]
    assert text[snippet["start"] : snippet["end"]] == snippet["text"]
    assert [text[m["start"] : m["end"]] for m in hit["matches"]] == [RARE_WORD]
    assert snippet["start"] <= hit["matches"][0]["start"] < snippet["end"]
    everyone = served_story.get(f"/api/search?q={COMMON_WORD.upper()}&limit=3").json()
    assert everyone["total"] == SIZE and everyone["next_offset"] == 3
    assert served_story.get("/api/search?q=%22%29%28*").json()["items"] == []


PAGED = (
    ("/api/timeline", "ref"),
    ("/api/events", "id"),
    ("/api/entities", "id"),
    ("/api/quotes", "id"),
    ("/api/figures", "id"),
    ("/api/documents", "id"),
    (f"/api/search?q={COMMON_WORD}", None),
    ("/api/sources", "outlet"),
)


@pytest.mark.parametrize(("path", "key"), PAGED)
def test_next_offset_walks_every_item_exactly_once(
    served_story: LiveServer, path: str, key: str | None
) -> None:
    every = served_story.get(f"{path}{'&' if '?' in path else '?'}limit=200").json()
    assert every["next_offset"] is None and every["total"] == len(every["items"]) > 2
    seen: list[Any] = []
    offset: int | None = 0
    while offset is not None:
        page = served_story.get(f"{path}{'&' if '?' in path else '?'}limit=2&offset={offset}")
        body = page.json()
        assert body["limit"] == 2 and body["offset"] == offset
        assert body["total"] == every["total"]
        seen.extend(body["items"])
        offset = body["next_offset"]
    assert len(seen) == every["total"]
    if key is None:
        assert seen == every["items"]
    else:
        assert [i[key] for i in seen] == [i[key] for i in every["items"]]
        assert len({i[key] for i in seen}) == len(seen) or path == "/api/timeline"


def test_what_a_build_adds_meanwhile_shows_at_once(served_story: LiveServer, db_url: str) -> None:
    """The server keeps its stats and outlets only while the store stays as it was."""
    from storyline.model import Document, Ingested, document_id, sha256_hex
    from storyline.store import Store

    assert served_story.get("/api/stats").json()["pending"] == 0
    outlets = served_story.get("/api/sources").json()["total"]
    text = "A new article about the harbour, from a new outlet."
    raw = text.encode()
    doc = Document(
        id=document_id(text),
        source="new.txt",
        text=text,
        outlet="New Outlet",
        raw_ref=sha256_hex(raw),
    )
    with Store.open(db_url) as store:
        store.add_document(Ingested(document=doc, raw=raw))
    stats = served_story.get("/api/stats").json()
    assert stats["pending"] == 1 and stats["counts"]["documents"] == SIZE + 1
    assert served_story.get("/api/sources").json()["total"] == outlets + 1
