"""The endpoints the app's views read besides the records, over a real server on both
backends: the timeline filtered as the report filters it, its histogram, key dates, actors,
headline facts, quotes by speaker and what the story cites in a document."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from tests.web import story_corpus
from tests.web.conftest import LiveServer, start, stop
from tests.web.story_corpus import PAYLOADS, SIZE

from storyline.web import create_app


def _entries(served: LiveServer, query: str) -> dict[str, object]:
    reply = served.get("/api/timeline/entries?" + query)
    assert reply.status == 200, reply.body
    body = reply.json()
    assert isinstance(body, dict)
    return body


def test_the_timeline_filters_as_the_report_does(served_story: LiveServer) -> None:
    story = served_story.story
    every = _entries(served_story, "limit=200")
    assert every["total"] == 2 * SIZE and len(every["items"]) == 2 * SIZE  # type: ignore[arg-type]
    lines = every["lines"]
    assert isinstance(lines, list) and len(lines) == 2 * SIZE
    assert all(line["stories"] == ["st:bridge"] and line["unverified"] == [] for line in lines)
    varn = story.entities[0]
    assert {a["id"] for line in lines for a in line["actors"]} >= {varn.id}
    assert every["names"][varn.id] == varn.name  # type: ignore[index]
    # Types, groups and statements.
    assert _entries(served_story, "type=AGREE")["total"] == SIZE // 2
    assert _entries(served_story, "type=cooperation")["total"] == SIZE
    assert _entries(served_story, "type=statement")["total"] == SIZE
    assert _entries(served_story, "type=material-conflict")["total"] == 0
    # Outlet (any case), words, days, story and actor, and all at once.
    harbour = sum(1 for d in story.documents if d.outlet == "The Harbour Post")
    assert _entries(served_story, "outlet=the%20harbour%20post")["total"] == 2 * harbour
    assert _entries(served_story, "q=built%20together")["total"] == SIZE
    assert _entries(served_story, "from=2025-06-11&to=2025-06-12")["total"] == 4
    assert _entries(served_story, "story=st:bridge&actor=" + varn.id)["total"] == 2 * SIZE
    assert _entries(served_story, "story=nothing")["total"] == 0
    both = _entries(served_story, "type=statement&q=built&from=2025-06-10&to=2025-06-10")
    assert both["total"] == 1
    # A payload is words like any other, and pages walk every line once.
    assert _entries(served_story, "q=" + quote(PAYLOADS[0]))["total"] > 0
    first = _entries(served_story, "limit=5")
    assert first["next_offset"] == 5 and first["total"] == 2 * SIZE


def test_a_line_dated_without_a_year_is_in_every_window(tmp_path: Path) -> None:
    """As in the report: "XXXX-06-30" (a day of some year) has no place on the axis, so every
    time window keeps it rather than none ever showing it; the histogram counts it nowhere."""
    whole = story_corpus.story()
    last = whole.timeline[-1].model_copy(update={"date": "XXXX-06-30"})
    whole = whole.model_copy(update={"timeline": [*whole.timeline[:-1], last]})
    db = str(tmp_path / "story.db")
    story_corpus.build(db, whole)
    running = start(create_app(db))
    try:
        served = LiveServer(running.url, whole)
        for window in ("from=2025-06-11&to=2025-06-12", "from=2025-06-11", "to=2025-06-12"):
            got = _entries(served, window + "&limit=200")
            assert "XXXX-06-30" in [e["date"] for e in got["items"]], window  # type: ignore[attr-defined]
        assert _entries(served, "from=2025-06-11&to=2025-06-12")["total"] == 4 + 1
        days = served.get("/api/timeline/histogram?start=2025-06-10&end=2025-06-16&bins=7").json()
        assert sum(days["counts"]) == 2 * SIZE - 1
    finally:
        stop(running)


def test_the_histogram_counts_the_filtered_lines_per_slice(served_story: LiveServer) -> None:
    got = served_story.get("/api/timeline/histogram?start=2025-06-10&end=2025-06-16&bins=7").json()
    assert got["counts"] == [2] * SIZE
    got = served_story.get(
        "/api/timeline/histogram?start=2025-06-01&end=2025-06-30&bins=3&type=statement"
    ).json()
    assert got["counts"] == [1, SIZE - 1, 0]  # 1-10 June, 11-20, 21-30
    for bad in ("start=2025-06-30&end=2025-06-01", "start=2025&end=2025-06-01", "bins=5"):
        reply = served_story.get("/api/timeline/histogram?" + bad)
        assert reply.status == 422 and "error" in reply.json()
    reply = served_story.get("/api/timeline/histogram?start=2025-06-01&end=2025-06-02&bins=99999")
    assert reply.status == 422


def test_meta_key_dates_actors_and_speakers(served_story: LiveServer) -> None:
    story = served_story.story
    meta = served_story.get("/api/meta").json()
    assert meta["title"] == story.stories[0].title
    assert meta["span"]["start"] == "2025-06-10" and meta["span"]["end"] == "2025-06-16"
    assert meta["extent"] == {"start": "2025-06-10", "end": "2025-06-16"}
    assert meta["types"] == ["AGREE", "COOPERATE"]
    assert meta["counts"]["documents"] == SIZE and meta["counts"]["entries"] == 2 * SIZE
    assert meta["counts"]["outlets"] == len({d.outlet for d in story.documents})
    assert {g["key"] for g in meta["groups"]} >= {"cooperation"}
    days = served_story.get("/api/timeline/key-dates?story=st:bridge&limit=3").json()["items"]
    assert len(days) == 3 and [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert all(d["documents"] == 1 and d["entries"] == 2 for d in days)
    assert served_story.get("/api/timeline/key-dates?story=none").json()["items"] == []
    actors = served_story.get("/api/actors").json()["items"]
    assert actors[0] == {
        "id": story.entities[0].id,
        "name": story.entities[0].name,
        "entries": 2 * SIZE,
    }
    groups = served_story.get("/api/speakers").json()
    assert groups["total"] == 1 and groups["items"][0]["count"] == SIZE
    assert all(q["verified"] for q in groups["items"][0]["quotes"])
    assert served_story.get("/api/speakers?q=nowhere").json()["total"] == 0
    assert served_story.get("/api/speakers?q=built").json()["items"][0]["count"] == SIZE


def test_what_a_document_cites_credits_and_retells(served_story: LiveServer) -> None:
    story = served_story.story
    source = story.derivations[0].derived_from
    first = next(d for d in story.documents if d.id == source)
    got = served_story.get(f"/api/documents/{first.id}/evidence").json()
    assert len(got["cited"]) == 3  # its event, quote and figure
    for span in got["cited"]:
        assert first.text[span["start"] : span["end"]] == span["text"]
    assert [d["derived_from"] for d in got["derivations"]] == [first.id]
    assert got["documents"][first.id]["label"]["outlet"] == first.outlet
    missing = served_story.get("/api/documents/nothing/evidence")
    assert missing.status == 404 and missing.json()["error"]["status"] == 404
    derivations = served_story.get("/api/derivations").json()
    assert derivations["total"] == 1 and len(derivations["documents"]) == 2
    assert served_story.get("/api/rejections").json()["total"] == 0
    disputed = served_story.get("/api/conflicts/figures").json()["items"]
    assert disputed == sorted(story.conflicts[0].items)


def test_the_new_endpoints_are_documented(served_story: LiveServer) -> None:
    spec = served_story.get("/api/openapi.json").json()
    for path in (
        "/api/meta",
        "/api/timeline/entries",
        "/api/timeline/histogram",
        "/api/timeline/key-dates",
        "/api/actors",
        "/api/speakers",
        "/api/documents/{doc_id}/evidence",
        "/api/derivations",
        "/api/rejections",
        "/api/outlets",
        "/api/conflicts/figures",
    ):
        assert spec["paths"][path]["get"]["description"], path


def test_the_view_endpoints_keep_the_limits(served_story: LiveServer) -> None:
    too_long = "x" * 201
    for path in (
        "/api/timeline/entries?limit=201",
        "/api/speakers?limit=201",
        "/api/outlets?limit=0",
        "/api/timeline/entries?q=" + too_long,
        "/api/timeline/entries?type=" + quote("AGREE;DROP"),
        "/api/timeline/entries?from=yesterday",
        "/api/timeline/key-dates?limit=51",
        "/api/actors?limit=1001",
    ):
        reply = served_story.get(path)
        assert reply.status == 422, path
        assert reply.json()["error"]["status"] == 422
    outlets = served_story.get("/api/outlets").json()
    assert sum(o["documents"] for o in outlets["items"]) == SIZE
    assert all(o["days"] == o["documents"] for o in outlets["items"])


def test_brief_heads_keep_an_inferred_interval_as_json() -> None:
    from storyline.model import DateInterval, DocumentHead
    from storyline.web.routes.views import _heads_json

    head = DocumentHead(
        id="d1",
        source="a.txt",
        published=DateInterval(earliest="2024-01-01", latest="2024-01-31"),
        published_basis="inferred",
    )
    brief = _heads_json([head], brief=True)["d1"]
    assert brief["published"] == {"earliest": "2024-01-01", "latest": "2024-01-31", "best": None}
    assert brief["label"]["published"] == "2024-01-01 – 2024-01-31"
    assert json.dumps(brief)
