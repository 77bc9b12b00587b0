"""What the app's Stories, Actors and Quotes views read, over a real server on both backends:
stories as cards (largest first, those of one document apart), entities by prominence and
speakers with the quotes no one is named for last, filtered by story."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from tests.web.conftest import LiveServer
from tests.web.story_corpus import (
    BIG,
    BIG_STORY,
    LONE_ENTITY,
    LONE_STORY,
    SIZE,
    SMALL,
    SMALL_STORY,
    UNATTRIBUTED_PER_DOC,
    build,
    several_stories,
)

from storyline.store import Store
from storyline.web import view_reads


def _get(served: LiveServer, path: str) -> Any:
    reply = served.get(path)
    assert reply.status == 200, reply.body
    return reply.json()


def test_story_cards_come_largest_first_with_their_counts(served_stories: LiveServer) -> None:
    story = served_stories.story
    every = _get(served_stories, "/api/story-cards")
    assert [c["id"] for c in every["items"]] == [BIG_STORY, SMALL_STORY, LONE_STORY]
    assert every["total"] == 3
    big = every["items"][0]
    members = next(s for s in story.stories if s.id == BIG_STORY).documents
    outlets = {d.outlet for d in story.documents if d.id in members}
    assert big["documents"] == len(BIG) and big["events"] == len(BIG)
    assert big["outlets"] == len(outlets) == 3
    assert (big["start"], big["end"]) == ("2025-06-10", "2025-06-13")
    varn = next(e for e in story.entities if e.kind == "person")
    assert big["key_actors"][0] == varn.id and every["names"][varn.id] == varn.name
    several = _get(served_stories, "/api/story-cards?several=true")
    assert [c["id"] for c in several["items"]] == [BIG_STORY, SMALL_STORY]
    assert several["total"] == 2 and several["items"][1]["documents"] == len(SMALL)
    single = _get(served_stories, "/api/story-cards?several=false&limit=1")
    assert [c["id"] for c in single["items"]] == [LONE_STORY] and single["total"] == 1
    page = _get(served_stories, "/api/story-cards?limit=1&offset=1")
    assert [c["id"] for c in page["items"]] == [SMALL_STORY] and page["next_offset"] == 2


def test_entities_by_prominence_and_by_name(served_stories: LiveServer) -> None:
    def names(query: str) -> list[str]:
        return [e["name"] for e in _get(served_stories, "/api/entities?" + query)["items"]]

    # By name the entity one document names comes first; by prominence, last.
    assert names("")[0] == LONE_ENTITY
    ranked = names("sort=prominence")
    assert ranked[-1] == LONE_ENTITY and len(ranked) == 4
    assert names("sort=prominence&q=LIGHT") == [LONE_ENTITY]
    assert names("sort=prominence&kind=place&limit=1&offset=1") == [LONE_ENTITY]
    body = _get(served_stories, "/api/entities?sort=prominence&mentions=1")
    first, last = body["items"][0], body["items"][-1]
    assert body["document_counts"][first["id"]] == SIZE
    assert body["document_counts"][last["id"]] == 1
    assert body["mention_counts"][first["id"]] == SIZE and len(first["mentions"]) == 1
    assert body["total"] == 4
    # A story's: those its documents name, the most of them first; by name if asked.
    assert LONE_ENTITY not in names(f"sort=prominence&story={SMALL_STORY}")
    assert len(names(f"sort=prominence&story={SMALL_STORY}")) == 3
    assert names(f"sort=prominence&story={BIG_STORY}")[-1] == LONE_ENTITY
    assert names(f"story={BIG_STORY}")[0] == LONE_ENTITY
    assert names("story=none") == []
    reply = served_stories.get("/api/entities?sort=random")
    assert reply.status == 422 and reply.json()["error"]["status"] == 422


def test_speakers_put_the_unattributed_last_and_filter_by_story(
    served_stories: LiveServer,
) -> None:
    varn = next(e for e in served_stories.story.entities if e.kind == "person")
    groups = _get(served_stories, "/api/speakers")
    found = [(g["speaker"], g["count"]) for g in groups["items"]]
    assert found == [(varn.name, SIZE), ("unattributed", UNATTRIBUTED_PER_DOC * SIZE)]
    small = _get(served_stories, f"/api/speakers?story={SMALL_STORY}")
    assert [(g["speaker"], g["count"]) for g in small["items"]] == [
        (varn.name, len(SMALL)),
        ("unattributed", UNATTRIBUTED_PER_DOC * len(SMALL)),
    ]
    docs = set(next(s for s in served_stories.story.stories if s.id == SMALL_STORY).documents)
    assert all(q["evidence"]["doc"] in docs for g in small["items"] for q in g["quotes"])
    assert _get(served_stories, "/api/speakers?story=none")["total"] == 0
    words = _get(served_stories, "/api/speakers?q=hurt&story=" + quote(BIG_STORY))
    assert [(g["speaker"], g["count"]) for g in words["items"]] == [("unattributed", len(BIG))]


def test_the_new_parameters_are_documented_and_bounded(served_stories: LiveServer) -> None:
    spec = served_stories.get("/api/openapi.json").json()
    assert spec["paths"]["/api/story-cards"]["get"]["description"]
    params = {p["name"] for p in spec["paths"]["/api/entities"]["get"]["parameters"]}
    assert "sort" in params
    for path in ("/api/story-cards?several=maybe", "/api/story-cards?limit=201"):
        reply = served_stories.get(path)
        assert reply.status == 422, path


def test_a_storys_key_dates_count_its_own_documents(tmp_path: Path) -> None:
    """A line that documents of two stories report is a key date of each by its own
    documents: the small story's copy of the big story's first day counts one document."""
    whole = several_stories()
    first = whole.timeline[0]
    small_doc = next(s for s in whole.stories if s.id == SMALL_STORY).documents[0]
    shared = first.model_copy(update={"documents": [*first.documents, small_doc]})
    whole = whole.model_copy(update={"timeline": [shared, *whole.timeline[1:]]})
    db = str(tmp_path / "shared.db")
    build(db, whole)
    with Store.open(db) as store, store.reading() as conn:
        every = {d["date"]: d["documents"] for d in view_reads.key_dates(conn, None, 10)}
        small = {d["date"]: d for d in view_reads.key_dates(conn, SMALL_STORY, 10)}
    assert every[first.date] == 2
    assert small[first.date]["documents"] == 1
    assert small[first.date]["summary"] == first.summary
    assert set(small) == {first.date, "2025-06-14", "2025-06-15"}
