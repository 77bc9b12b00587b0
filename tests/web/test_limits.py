"""What a request may not do: write, send a body, ask for a page over the maximum, reach a
file by its path, run a query past the time limit. Every refusal is JSON with a status."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import text
from tests.web import story_corpus
from tests.web.conftest import LiveServer, start, stop

from storyline.errors import QueryTimeout, StoreError
from storyline.store import Store
from storyline.web import create_app
from storyline.web.limits import MAX_PAGE

# A statement that runs for seconds on both databases, whatever the store holds.
SLOW = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000000) "
    "SELECT count(*) FROM n"
)


def _is_error(reply: object, status: int) -> str:
    """The message of a JSON error reply of ``status``."""
    from tests.web.conftest import Reply

    assert isinstance(reply, Reply)
    assert reply.status == status, reply.body
    assert reply.headers["content-type"].startswith("application/json")
    body = reply.json()
    assert body["error"]["status"] == status and body["error"]["message"]
    assert b"Traceback" not in reply.body
    return str(body["error"]["message"])


def test_a_page_over_the_maximum_is_refused_naming_the_limit(served_story: LiveServer) -> None:
    message = _is_error(served_story.get(f"/api/events?limit={MAX_PAGE + 1}"), 422)
    assert "limit" in message and str(MAX_PAGE) in message
    assert served_story.get(f"/api/events?limit={MAX_PAGE}").status == 200
    for bad in ("limit=0", "offset=-1", "limit=x", "since=yesterday", "type=PARTY", "mode=x"):
        _is_error(served_story.get(f"/api/events?{bad}"), 422)
    _is_error(served_story.get("/api/entities?kind=x"), 422)
    _is_error(served_story.get("/api/search"), 422)


def test_unknown_ids_and_paths_are_404_json(served_story: LiveServer) -> None:
    for path in (
        "/api/documents/nope",
        "/api/events/v:nope",
        "/api/entities/e:nope",
        "/api/stories/nope",
        "/api/nothing",
        "/nothing",
    ):
        _is_error(served_story.get(path), 404)
    event = served_story.story.events[0]
    assert served_story.get(f"/api/events/{event.id}").json()["id"] == event.id


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
def test_only_get_is_allowed(served_story: LiveServer, method: str) -> None:
    reply = served_story.request("/api/events", method=method, body=b"{}")
    assert reply.headers["allow"] == "GET"
    if method == "HEAD":  # a reply to HEAD has no body, the error's JSON included
        assert reply.status == 405 and reply.body == b""
    else:
        _is_error(reply, 405)
    # No CORS: no other origin is ever allowed to read the API.
    assert "access-control-allow-origin" not in reply.headers


def test_bodies_and_huge_urls_are_refused(served_story: LiveServer) -> None:
    _is_error(served_story.request("/api/events", body=b"x" * 10), 413)
    _is_error(served_story.get("/api/events?actor=" + "a" * 5000), 414)
    _is_error(served_story.get("/api/events?actor=" + "a" * 300), 422)


def test_no_path_reaches_a_file(served_story: LiveServer) -> None:
    assert served_story.get("/static/app.css").headers["content-type"].startswith("text/css")
    for path in (
        "/static/../app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%5c..%5capp.py",
        "/static//etc/passwd",
        "/api/documents/..%2f..%2f..%2fetc%2fpasswd",
    ):
        reply = served_story.get(path)
        assert reply.status == 404, path
        assert b"root:" not in reply.body and b"import" not in reply.body


def test_every_response_carries_the_security_headers(served_story: LiveServer) -> None:
    origin = {"Origin": "http://evil.example"}
    for path, status in (("/", 200), ("/api/stats", 200), ("/api/docs", 200), ("/x", 404)):
        reply = served_story.request(path, **origin)
        assert reply.status == status
        assert reply.headers["content-security-policy"].startswith("default-src 'self'")
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in reply.headers


def test_the_openapi_document_describes_every_endpoint_and_parameter(
    served_story: LiveServer,
) -> None:
    spec = served_story.get("/api/openapi.json").json()
    operations = [op for item in spec["paths"].values() for op in item.values()]
    paths = set(spec["paths"])
    assert {
        "/api/stats",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/events",
        "/api/entities",
        "/api/figures",
        "/api/series",
        "/api/quotes",
        "/api/stories",
        "/api/conflicts",
        "/api/timeline",
        "/api/sources",
        "/api/search",
    } <= paths
    for op in operations:
        assert op.get("description"), op.get("operationId")
        for parameter in op.get("parameters", []):
            assert parameter.get("description"), (op.get("operationId"), parameter["name"])
    docs = served_story.get("/api/docs").body.decode()
    for path in paths:
        assert path in docs
    # FastAPI's own pages load their scripts from a CDN: they are off.
    assert served_story.get("/docs").status == 404 and served_story.get("/redoc").status == 404


def test_a_query_past_the_time_limit_is_stopped(db_url: str) -> None:
    """In the database (SQLite's progress handler, PostgreSQL's statement_timeout): the
    statement is cancelled, not left running."""
    story_corpus.build(db_url)
    with Store.open(db_url, read_only=True, statement_timeout=0.2) as store:
        started = time.monotonic()
        with pytest.raises(QueryTimeout), store._read() as conn:
            conn.execute(text(SLOW))
        assert time.monotonic() - started < 2
        # The connection it ran on answers the next query at once.
        assert store.count_documents() == story_corpus.SIZE


def test_a_request_past_the_time_limit_is_a_503(tmp_path: Path) -> None:
    db = str(tmp_path / "story.db")
    story_corpus.build(db)
    running = start(create_app(db, query_seconds=1e-6))
    try:
        served = LiveServer(running.url, story_corpus.story())
        message = _is_error(served.get("/api/timeline"), 503)
        assert "longer than" in message
    finally:
        stop(running)


def test_the_app_never_writes(db_url: str) -> None:
    story_corpus.build(db_url)
    with Store.open(db_url, read_only=True) as store, pytest.raises(StoreError):
        store.set_meta("written", "yes")
    with Store.open(db_url) as store:
        assert store.get_meta("written") is None


def test_a_store_that_is_not_there_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no store"):
        create_app(str(missing))
    assert not missing.exists()
