"""/api/entities?mentions=N: entities with their first N mentions and each one's count."""

from __future__ import annotations

from tests.web.conftest import LiveServer

from storyline.present.export import dump_record


def test_mentions_are_cut_and_counted(served_story: LiveServer) -> None:
    exported = {e.id: dump_record(e) for e in served_story.story.entities}
    assert any(len(e["mentions"]) > 1 for e in exported.values())
    page = served_story.get("/api/entities?limit=200&mentions=1").json()
    assert page["mention_counts"] == {i: len(e["mentions"]) for i, e in exported.items()}
    for item in page["items"]:
        whole = exported[item["id"]]
        assert item["mentions"] == whole["mentions"][:1]
        assert {**item, "mentions": whole["mentions"]} == whole
    # Without it, every mention, and no counts: the record as storyline/1 writes it.
    full = served_story.get("/api/entities?limit=200").json()
    assert "mention_counts" not in full
    assert {e["id"]: e for e in full["items"]} == exported


def test_a_bad_mentions_count_is_refused(served_story: LiveServer) -> None:
    for bad in ("-1", "1001", "x"):
        reply = served_story.get(f"/api/entities?mentions={bad}")
        assert reply.status == 422
        assert "mentions" in reply.json()["error"]["message"]
