"""The queries the load benchmark sends, by kind (timeline, search, entity, event, and the
stats page as the cheapest request there is): varied filters and pages, drawn reproducibly,
each both as an API path and as the same Store call (the in-process anchor). Two mixes: the
small one draws from fixed lists (few distinct URLs), the wide one from the whole store."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from storyline.model import PLOVER_TYPES
from storyline.store import Store
from storyline.store.pages import EntityFilters, RecordFilters

KINDS = ("timeline", "search", "entity", "event", "stats")
_API_NAMES = {"since": "from", "until": "to"}

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
        # The API names the date window from/to ("from" is a Python keyword, hence since/until
        # here and in the Store).
        named = {_API_NAMES.get(k, k): v for k, v in self.params.items()}
        return f"/api/{self.path}" + (f"?{urlencode(named)}" if named else "")


@dataclass(frozen=True)
class Pool:
    """What the queries draw their filters and pages from."""

    stories: list[str]
    actors: Sequence[str] = ACTORS
    words: Sequence[str] = WORDS
    name_parts: Sequence[str] = NAME_PARTS
    outlets: Sequence[str] = OUTLETS
    months: Sequence[str] = tuple(MONTHS)
    limits: Sequence[int] = (50,)
    # The largest offsets drawn for an unfiltered page, and for a filtered one.
    timeline_offset: int = 40_000
    event_offset: int = 45_000
    entity_offset: int = 5_000
    # Offsets of a page of one event type, on the timeline and in the events.
    timeline_type_offsets: Sequence[int] = (0, 50, 100)
    event_type_offsets: Sequence[int] = (0, 50, 200)
    search_offsets: Sequence[int] = (0, 0, 20)


def small_pool(stories: list[str]) -> Pool:
    """The fixed lists above: a few thousand distinct URLs, many asked again and again."""
    return Pool(stories)


def wide_pool(store: Store, rng: random.Random) -> Pool:
    """Filters drawn from the whole store: hundreds of entities (by id and by a piece of
    their names), words of the documents' texts, every story, outlet and month of the
    timeline, page sizes of 10 to 100 anywhere in the lists: a mix in which few URLs come
    back, as many users browsing different things would send."""
    entities = [(e.id, e.name) for e in store.entities() if len(e.name) >= 4]
    picked = rng.sample(entities, min(400, len(entities)))
    parts = []
    for _, name in picked:
        at = rng.randrange(0, len(name) - 2)
        parts.append(name[at : at + rng.randint(3, 5)].lower())
    heads = store.document_heads()
    sampled = store.documents_by_id([d.id for d in rng.sample(heads, min(200, len(heads)))])
    texts = [sampled[i].text[:2000] for i in sorted(sampled)]
    words = sorted({w.strip(".,:;'\"()?!").lower() for t in texts for w in t.split()})
    words = [w for w in words if len(w) >= 5 and w.isalpha()]
    counts = store.story_counts()
    # The months the timeline has lines in (its dates run from misread centuries to the
    # future: a window over the whole range would mostly be empty).
    months = sorted({line.date[:7] for line in store.timeline() if len(line.date or "") >= 7})
    return Pool(
        stories=[s.id for s in store.stories()],
        actors=[i for i, _ in picked[:200]] + [n.lower() for _, n in picked[200:]],
        words=rng.sample(words, min(500, len(words))),
        name_parts=parts,
        outlets=sorted({d.outlet for d in heads if d.outlet}),
        months=months,
        limits=(10, 20, 50, 50, 100),
        timeline_offset=counts["timeline"],
        event_offset=counts["events"],
        entity_offset=counts["entities"] // 4,
        timeline_type_offsets=(0, 0, 10, 20, 50, 100, 150, 200, 300, 500),
        event_type_offsets=(0, 0, 10, 20, 50, 100, 150, 200, 300, 500),
        search_offsets=(0, 0, 10, 20, 40),
    )


def _window(rng: random.Random, pool: Pool) -> dict[str, str]:
    start = rng.randrange(len(pool.months) - 3)
    return {"since": pool.months[start], "until": pool.months[start + rng.randrange(1, 4)]}


def _offset(rng: random.Random, most: int, limit: int) -> int:
    return rng.randrange(0, max(most, limit), limit)


def timeline(rng: random.Random, pool: Pool) -> Query:
    pick = rng.randrange(5)
    limit = rng.choice(pool.limits)
    params: dict[str, Any] = {"limit": limit}
    if pick == 0:
        params["offset"] = _offset(rng, pool.timeline_offset, limit)
    elif pick == 1:
        params.update(_window(rng, pool))
    elif pick == 2:
        params["actor"] = rng.choice(pool.actors)
    elif pick == 3:
        params.update(type=rng.choice(PLOVER_TYPES), offset=rng.choice(pool.timeline_type_offsets))
    else:
        params["story"] = rng.choice(pool.stories)
    return Query("timeline", "timeline", params)


def search(rng: random.Random, pool: Pool) -> Query:
    return Query(
        "search",
        "search",
        {"q": rng.choice(pool.words), "limit": 20, "offset": rng.choice(pool.search_offsets)},
    )


def entity(rng: random.Random, pool: Pool) -> Query:
    pick = rng.randrange(3)
    limit = rng.choice(pool.limits)
    params: dict[str, Any] = {"limit": limit}
    if pick == 0:
        params["q"] = rng.choice(pool.name_parts)
    elif pick == 1:
        params.update(q=rng.choice(pool.name_parts), kind=rng.choice(KINDS_OF_ENTITY))
    else:
        params.update(
            kind=rng.choice(KINDS_OF_ENTITY), offset=_offset(rng, pool.entity_offset, limit)
        )
    return Query("entity", "entities", params)


def event(rng: random.Random, pool: Pool) -> Query:
    pick = rng.randrange(5)
    limit = rng.choice(pool.limits)
    params: dict[str, Any] = {"limit": limit}
    if pick == 0:
        params.update(type=rng.choice(PLOVER_TYPES), offset=rng.choice(pool.event_type_offsets))
    elif pick == 1:
        params["actor"] = rng.choice(pool.actors)
    elif pick == 2:
        params.update(source=rng.choice(pool.outlets), **_window(rng, pool))
    elif pick == 3:
        params["story"] = rng.choice(pool.stories)
    else:
        params.update(offset=_offset(rng, pool.event_offset, limit), mode="asserted")
    return Query("event", "events", params)


def stats(_rng: random.Random, _pool: Pool) -> Query:
    return Query("stats", "stats", {})


MAKERS: dict[str, Callable[[random.Random, Pool], Query]] = {
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
        return store.timeline_paged(RecordFilters(**p), limit=limit, offset=offset)
    if query.kind == "event":
        outlet = p.pop("source", None)
        return store.events_paged(RecordFilters(outlet=outlet, **p), limit=limit, offset=offset)
    if query.kind == "entity":
        p.pop("mentions", None)  # what the API cuts from each item: no filter
        return store.entities_paged(EntityFilters(**p), limit=limit, offset=offset)
    if query.kind == "search":
        return store.search(p["q"], limit=limit or 20, offset=offset), store.count_search(p["q"])
    return store.story_counts(), store.date_ranges()
