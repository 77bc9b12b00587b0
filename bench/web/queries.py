"""The queries the load benchmark sends, by kind (timeline, search, entity, event, and the
stats page as the cheapest request there is): varied filters and pages, drawn reproducibly,
each both as an API path and as the same Store call (the in-process anchor)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from storyline.model import PLOVER_TYPES
from storyline.store import Store

KINDS = ("timeline", "search", "entity", "event", "stats")

# Names, words and outlets of the Timeline17 stories (BP oil spill, Egypt, the financial
# crisis, H1N1, the Haiti quake, Iraq, Libya, Michael Jackson, Syria).
ACTORS = (
    "obama",
    "gaddafi",
    "mubarak",
    "assad",
    "hayward",
    "jackson",
    "maliki",
    "preval",
    "bush",
    "clinton",
    "nato",
    "bp",
)
WORDS = (
    "oil spill",
    "protesters",
    "earthquake",
    "swine flu",
    "bank",
    "rebels",
    "Tripoli",
    "Cairo",
    "vaccine",
    "Baghdad",
    "Damascus",
    "Lehman",
    "doctor",
    "aid",
    "troops",
    "leak well",
    "election",
    "ceasefire",
)
NAME_PARTS = (
    "oba",
    "gad",
    "mub",
    "ass",
    "jack",
    "cairo",
    "lib",
    "hait",
    "bank",
    "al",
    "bp",
    "syr",
    "iraq",
    "fed",
)
OUTLETS = ("bbc", "cnn", "foxnews", "guardian", "reuters", "washingtonpost")
KINDS_OF_ENTITY = ("person", "org", "place", "group")
MONTHS = [f"{y}-{m:02d}" for y in range(2008, 2013) for m in range(1, 13)]


@dataclass(frozen=True)
class Query:
    kind: str
    path: str  # under /api/
    params: dict[str, Any]

    @property
    def url(self) -> str:
        return f"/api/{self.path}" + (f"?{urlencode(self.params)}" if self.params else "")


def _window(rng: random.Random) -> dict[str, str]:
    start = rng.randrange(len(MONTHS) - 3)
    return {"since": MONTHS[start], "until": MONTHS[start + rng.randrange(1, 4)]}


def timeline(rng: random.Random, stories: list[str]) -> Query:
    pick = rng.randrange(5)
    params: dict[str, Any] = {"limit": 50}
    if pick == 0:
        params["offset"] = rng.randrange(0, 40_000, 50)
    elif pick == 1:
        params.update(_window(rng))
    elif pick == 2:
        params["actor"] = rng.choice(ACTORS)
    elif pick == 3:
        params.update(type=rng.choice(PLOVER_TYPES), offset=rng.choice((0, 50, 100)))
    else:
        params["story"] = rng.choice(stories)
    return Query("timeline", "timeline", params)


def search(rng: random.Random, _stories: list[str]) -> Query:
    return Query(
        "search", "search", {"q": rng.choice(WORDS), "limit": 20, "offset": rng.choice((0, 0, 20))}
    )


def entity(rng: random.Random, _stories: list[str]) -> Query:
    pick = rng.randrange(3)
    params: dict[str, Any] = {"limit": 50}
    if pick == 0:
        params["q"] = rng.choice(NAME_PARTS)
    elif pick == 1:
        params.update(q=rng.choice(NAME_PARTS), kind=rng.choice(KINDS_OF_ENTITY))
    else:
        params.update(kind=rng.choice(KINDS_OF_ENTITY), offset=rng.randrange(0, 5_000, 50))
    return Query("entity", "entities", params)


def event(rng: random.Random, stories: list[str]) -> Query:
    pick = rng.randrange(5)
    params: dict[str, Any] = {"limit": 50}
    if pick == 0:
        params.update(type=rng.choice(PLOVER_TYPES), offset=rng.choice((0, 50, 200)))
    elif pick == 1:
        params["actor"] = rng.choice(ACTORS)
    elif pick == 2:
        params.update(source=rng.choice(OUTLETS), **_window(rng))
    elif pick == 3:
        params["story"] = rng.choice(stories)
    else:
        params.update(offset=rng.randrange(0, 45_000, 50), mode="asserted")
    return Query("event", "events", params)


def stats(_rng: random.Random, _stories: list[str]) -> Query:
    return Query("stats", "stats", {})


MAKERS: dict[str, Callable[[random.Random, list[str]], Query]] = {
    "timeline": timeline,
    "search": search,
    "entity": entity,
    "event": event,
    "stats": stats,
}


def in_process(store: Store, query: Query) -> object:
    """The same query as Store calls, without HTTP, JSON or the names and documents the API
    adds beside the items: what the database work alone costs."""
    p = dict(query.params)
    limit, offset = p.pop("limit", None), p.pop("offset", 0)
    if query.kind == "timeline":
        return store.timeline_paged(limit=limit, offset=offset, **p)
    if query.kind == "event":
        outlet = p.pop("source", None)
        return store.events_paged(limit=limit, offset=offset, outlet=outlet, **p)
    if query.kind == "entity":
        return store.entities_paged(limit=limit, offset=offset, **p)
    if query.kind == "search":
        return store.search(p["q"], limit=limit or 20, offset=offset), store.count_search(p["q"])
    return store.story_counts(), store.date_ranges()
