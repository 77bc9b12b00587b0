"""The response cache: a repeated request is answered from it, and never once the store
changed (a document pending, a story stored again)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.web import story_corpus
from tests.web.conftest import LiveServer, start, stop

from storyline.model import Ingested, Rejection
from storyline.store import Store
from storyline.web import create_app
from storyline.web.cache import Answers

PATH = "/api/events?limit=2"


@pytest.fixture
def served(db_url: str) -> Iterator[tuple[LiveServer, str]]:
    whole = story_corpus.build(db_url)
    running = start(create_app(db_url))
    try:
        yield LiveServer(running.url, whole), db_url
    finally:
        stop(running)


def test_a_repeated_request_is_answered_from_the_cache(served: tuple[LiveServer, str]) -> None:
    server, _ = served
    first, again = server.get(PATH), server.get(PATH)
    assert (first.status, first.headers["x-cache"]) == (200, "miss")
    assert (again.status, again.headers["x-cache"]) == (200, "hit")
    assert again.body == first.body
    # A hit carries the same headers, the security ones too.
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert again.headers["content-type"] == "application/json"
    # Another query string is another answer; errors are never kept.
    assert server.get(PATH + "&offset=1").headers["x-cache"] == "miss"
    for _ in range(2):
        refused = server.get("/api/events?limit=0")
        assert refused.status == 422 and refused.headers.get("x-cache") != "hit"


def test_a_changed_store_is_never_answered_from_the_cache(
    served: tuple[LiveServer, str],
) -> None:
    server, db = served
    kept = server.get(PATH)
    assert server.get(PATH).headers["x-cache"] == "hit"
    whole = server.story
    with Store.open(db) as store:
        doc = whole.documents[0]
        added = doc.model_copy(
            update={"id": "added", "source": "added.txt", "text": "New.", "raw_ref": None}
        )
        assert store.add_document(Ingested(document=added, raw=added.text.encode()))
    pending = server.get(PATH)
    assert pending.status == 200 and "x-cache" not in pending.headers
    # The story stored again, one event fewer: a new fingerprint, a new answer.
    fewer = whole.model_copy(update={"events": whole.events[1:]})
    with Store.open(db) as store:
        store.store_story(
            fewer,
            dated=[],
            resolved=[d.id for d in whole.documents] + ["added"],
            fingerprint="changed",
        )
    fresh = server.get(PATH)
    assert fresh.headers["x-cache"] == "miss"
    assert fresh.json()["total"] == kept.json()["total"] - 1
    assert server.get(PATH).headers["x-cache"] == "hit"


def test_stats_count_a_new_rejection(served: tuple[LiveServer, str]) -> None:
    server, db = served
    before = server.get("/api/stats")
    assert server.get("/api/stats").headers["x-cache"] == "hit"
    with Store.open(db) as store:
        store.add_rejection(Rejection(source="bad.bin", reason="binary"))
    after = server.get("/api/stats")
    assert after.headers["x-cache"] == "miss"
    assert after.json()["counts"]["rejections"] == before.json()["counts"]["rejections"] + 1


def test_the_cache_keeps_at_most_its_bytes_least_recently_used_out() -> None:
    answers = Answers(most_bytes=800)
    for i in range(10):
        answers.put(("f", 0, f"/api/x{i}", b""), [], bytes(100))
    assert answers.bytes <= 800
    assert answers.get(("f", 0, "/api/x0", b"")) is None
    assert answers.get(("f", 0, "/api/x9", b"")) is not None
    answers.put(("f", 0, "/api/huge", b""), [], bytes(101))  # over an eighth: not kept
    assert answers.get(("f", 0, "/api/huge", b"")) is None
