"""The figures of one story over the API, on both backends: ``story`` on /api/series cuts each
series to the story's points and drops those left with fewer than two, on /api/figures keeps
the story's figures, on /api/conflicts and /api/conflicts/figures its conflicting figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.figure_story import ARRESTED, DISPLACED, FLOOD, STRIKE, figure_story
from tests.web.conftest import LiveServer, start, stop
from tests.web.story_corpus import build

from storyline.web import create_app


def _get(served: LiveServer, path: str) -> Any:
    reply = served.get(path)
    assert reply.status == 200, reply.body
    return reply.json()


def test_series_of_one_story(figures_served: LiveServer) -> None:
    served, made = figures_served, figure_story()
    every = _get(served, "/api/series")
    assert [(s["id"], len(s["points"])) for s in every["items"]] == [(DISPLACED, 8), (ARRESTED, 2)]
    flood = _get(served, f"/api/series?story={FLOOD}")
    # The strike's one report of the displaced is left out; its arrests are not the flood's.
    assert flood["total"] == 1 and [s["id"] for s in flood["items"]] == [DISPLACED]
    shown = {p["figure"] for p in flood["items"][0]["points"]}
    assert made.figure("5,000").id not in shown and made.figure("1,000").id in shown
    assert len(shown) == 7
    assert set(flood["documents"]) == {p["evidence"]["doc"] for p in flood["items"][0]["points"]}
    strike = _get(served, f"/api/series?story={STRIKE}")
    assert [(s["id"], len(s["points"])) for s in strike["items"]] == [(ARRESTED, 2)]
    assert _get(served, "/api/series?story=nothing")["total"] == 0
    # Pages walk the story's series: the second page of one is empty.
    assert _get(served, f"/api/series?story={FLOOD}&offset=1")["items"] == []


def test_figures_and_conflicts_of_one_story(
    figures_served: LiveServer,
) -> None:
    served, made = figures_served, figure_story()
    assert _get(served, "/api/figures")["total"] == 10
    flood = _get(served, f"/api/figures?story={FLOOD}&limit=5")
    assert flood["total"] == 7 and len(flood["items"]) == 5 and flood["next_offset"] == 5
    strike = _get(served, f"/api/figures?story={STRIKE}")
    assert {f["id"] for f in strike["items"]} == {
        made.figure(w).id for w in ("5,000", "200", "260")
    }
    chained = {made.figure(w).id for w in ("1,000", "1,100", "2,000")}
    conflicts = _get(served, f"/api/conflicts?story={FLOOD}")
    assert conflicts["total"] == 1 and set(conflicts["items"][0]["items"]) == chained
    assert set(conflicts["figures"]) == chained
    assert _get(served, f"/api/conflicts?story={STRIKE}")["total"] == 0
    assert set(_get(served, f"/api/conflicts/figures?story={FLOOD}")["items"]) == chained
    assert _get(served, f"/api/conflicts/figures?story={STRIKE}")["items"] == []
    assert set(_get(served, "/api/conflicts/figures")["items"]) == chained


def test_a_conflict_cut_to_a_story_says_how_much_of_it_is_left(tmp_path: Path) -> None:
    made = figure_story()
    story = made.story
    # The conflict also sets the strike's 5,000 against the flood's figures.
    widened = story.conflicts[0].model_copy(
        update={"items": [*story.conflicts[0].items, made.figure("5,000").id]}
    )
    db = str(tmp_path / "story.db")
    build(db, story.model_copy(update={"conflicts": [widened]}))
    running = start(create_app(db))
    try:
        served = LiveServer(running.url, story)
        flood = _get(served, f"/api/conflicts?story={FLOOD}")["items"][0]
        assert len(flood["items"]) == 3
        assert (
            flood["note"]
            == "people displaced (Velmora): 3 of the 4 values that disagree are this story's"
        )
        whole = _get(served, "/api/conflicts")["items"][0]
        assert len(whole["items"]) == 4 and whole["note"] == widened.note
        # One figure of the strike is no conflict of two.
        assert _get(served, f"/api/conflicts?story={STRIKE}")["total"] == 0
    finally:
        stop(running)


def test_the_story_parameter_keeps_the_limits(
    figures_served: LiveServer,
) -> None:
    served = figures_served
    for path in ("/api/series", "/api/figures", "/api/conflicts", "/api/conflicts/figures"):
        reply = served.get(path + "?story=" + "x" * 201)
        assert reply.status == 422 and "error" in reply.json(), path
        reply = served.get(path + "?story=")
        assert reply.status == 422, path
    spec = _get(served, "/api/openapi.json")
    for path in ("/api/series", "/api/figures", "/api/conflicts", "/api/conflicts/figures"):
        names = [p["name"] for p in spec["paths"][path]["get"]["parameters"]]
        assert "story" in names, path
