"""The stored story's tables, a filtered page at a time: timeline, events, entities, figures,
series, quotes, stories and conflicts. Each item is the storyline/1 record, with its evidence."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy import Connection

from storyline.model import (
    Conflict,
    Entity,
    Event,
    Figure,
    FigureSeries,
    Quote,
    Story,
    TimelineEntry,
    contract_json,
)
from storyline.present.export import dump_record
from storyline.store import Store
from storyline.store.paged_reads import EntityWeight
from storyline.store.pages import EntityFilters, Paged, RecordFilters
from storyline.web import figure_reads, view_reads
from storyline.web.outlets import outlet_match
from storyline.web.paging import Page, PageParams, envelope, json_response, page_params, stored_page
from storyline.web.params import (
    Kind,
    LineFilters,
    Mentions,
    Mode,
    NamePart,
    Outlet,
    Since,
    Speaker,
    StoryId,
    Until,
)
from storyline.web.queries import run
from storyline.web.routes.common import heads, names, stored_heads, totals
from storyline.web.routes.overview import StoryCache

T = TypeVar("T")
router = APIRouter(prefix="/api", tags=["story"])
# An event's fields that hold entity ids, whose names a page of events comes with.
ACTOR_FIELDS = ("source_actor", "target_actor", "location", "reported_by")
Paging = Annotated[PageParams, Depends(page_params)]


@router.get("/timeline", response_model=Page[TimelineEntry])
async def timeline(request: Request, page: Paging, filters: LineFilters) -> Response:
    """The dated lines of the story in order: events and statements, each with every
    citation (the evidence it was read from) and the documents it draws on."""

    def work(store: Store) -> Response:
        found = _records(request, store, "timeline", filters, page)
        lines = [json.loads(r) for r in found.items]
        cited = {c["doc"] for e in lines for c in e["citations"]}
        cited |= {d for e in lines for d in e["documents"]}
        return stored_page(found.items, page, found.total, documents=stored_heads(store, cited))

    return await run(request, work)


@router.get("/events", response_model=Page[Event])
async def events(
    request: Request,
    page: Paging,
    filters: LineFilters,
    source: Outlet = None,
    mode: Mode = None,
) -> Response:
    """Events by date (undated last), each with its mentions, trigger and date evidence; the
    actors' names are in ``names``, the documents reporting them in ``documents``."""

    def work(store: Store) -> Response:
        outlet = outlet_match(request, store, source)
        found = _records(request, store, "events", replace(filters, mode=mode, outlet=outlet), page)
        events = [json.loads(r) for r in found.items]
        actors = [e[k] for e in events for k in ACTOR_FIELDS]
        docs = {d for e in events for d in e["documents"]}
        return stored_page(
            found.items,
            page,
            found.total,
            names=names(store, actors),
            documents=stored_heads(store, docs),
        )

    return await run(request, work)


def _records(
    request: Request,
    store: Store,
    table: str,
    filters: RecordFilters | EntityFilters,
    page: PageParams,
) -> Paged[str]:
    """A page of a table's stored records, its filtered total counted once per story."""
    return store.records_json(
        table, filters, limit=page.limit, offset=page.offset, totals=totals(request, store)
    )


EntitySort = Annotated[
    Literal["name", "prominence"],
    Query(
        description='"name" (any case, the default) or "prominence": most documents naming '
        "the entity first (of the story's documents, with story=), then most mentions, then "
        "by name."
    ),
]


@router.get("/entities", response_model=Page[Entity])
async def entities(
    request: Request,
    page: Paging,
    kind: Kind = None,
    q: NamePart = None,
    mentions: Mentions = None,
    sort: EntitySort = "name",
    story: StoryId = None,
) -> Response:
    """The story's actors, places and groups by name (or by prominence), each with its
    aliases and mentions (``mentions=N``: the first N of each, and every entity's count of
    mentions in ``mention_counts`` and of documents naming it in ``document_counts``).
    ``story``: only the entities that story's documents name."""

    weights = _weights(request)

    def work(store: Store) -> Response:
        if sort == "prominence" or story:
            chosen = _weighed(store, weights.get(store), kind, q, story, by_name=sort == "name")
            ids = [w.id for w in chosen[page.offset : page.offset + page.limit]]
            records = store.entities_json(ids)
            items, total = [records[i] for i in ids if i in records], len(chosen)
        else:
            found = _records(request, store, "entities", EntityFilters(kind=kind, q=q), page)
            items, total = found.items, found.total
        if mentions is None:
            return stored_page(items, page, total)
        cut, counts, docs = cut_mentions(items, mentions)
        return stored_page(cut, page, total, mention_counts=counts, document_counts=docs)

    return await run(request, work)


def _weights(request: Request) -> StoryCache[list[EntityWeight]]:
    state = request.app.state
    if not hasattr(state, "entity_weights"):
        state.entity_weights = StoryCache(lambda store: store.entity_weights())
    found: StoryCache[list[EntityWeight]] = state.entity_weights
    return found


def _weighed(
    store: Store,
    weights: list[EntityWeight],
    kind: str | None,
    q: str | None,
    story: str | None,
    *,
    by_name: bool,
) -> list[EntityWeight]:
    """The entities of one kind, whose name holds ``q`` (any case), that ``story``'s
    documents name: by prominence (in the story: most of its documents first), or by name."""
    part = (q or "").lower()
    chosen = [w for w in weights if (kind is None or w.kind == kind) and part in w.name.lower()]
    if story:
        with store.reading() as conn:
            members = view_reads.story_documents(conn, story)
        chosen = [w for w in chosen if not w.docs.isdisjoint(members)]
        if not by_name:  # stable: ties keep the store-wide order
            chosen.sort(key=lambda w: -len(w.docs & members))
    if by_name:
        chosen.sort(key=lambda w: (w.name.lower(), w.id))
    return chosen


def cut_mentions(records: list[str], most: int) -> tuple[list[str], dict[str, int], dict[str, int]]:
    """Entities' JSON with their mentions cut to the first ``most``, each one's count of
    mentions and of the documents they are in."""
    cut, counts, docs = [], {}, {}
    for record in records:
        entity = json.loads(record)
        counts[entity["id"]] = len(entity["mentions"])
        docs[entity["id"]] = len({m["doc"] for m in entity["mentions"]})
        if len(entity["mentions"]) > most:
            entity["mentions"] = entity["mentions"][:most]
            record = contract_json(entity)
        cut.append(record)
    return cut, counts, docs


@router.get("/figures", response_model=Page[Figure])
async def figures(request: Request, page: Paging, story: StoryId = None) -> Response:
    """Figures (tolls, counts, amounts) by the date they hold as of, undated last, each with
    its evidence and attribution; ``story``: only those its documents report."""

    def work(store: Store) -> Response:
        found, total = _of_story(
            store,
            story,
            "figures",
            lambda: store.figures(limit=page.limit, offset=page.offset),
            lambda conn, mine: figure_reads.story_figures(conn, mine, page.limit, page.offset),
        )
        docs = heads(store, {f.evidence.doc for f in found})
        return json_response(envelope(found, page, total, documents=docs))

    return await run(request, work)


@router.get("/series", response_model=Page[FigureSeries])
async def series(request: Request, page: Paging, story: StoryId = None) -> Response:
    """Figure series: one quantity over time as every source reported it, most points
    first; each point links to its figure and evidence. ``story``: each series cut to the
    points the story's documents report, those left with fewer than two dropped, most points
    in the story first."""
    index = _series_index(request)

    def work(store: Store) -> Response:
        if story is None:
            with store.reading() as conn:
                records, docs = figure_reads.series_json(conn, page.limit, page.offset)
            total = store.count_records("series")
        else:
            found = index.get(store)
            with store.reading() as conn:
                records, docs, total = figure_reads.story_series_json(
                    conn, found, story, page.limit, page.offset
                )
        return stored_page(records, page, total, documents=stored_heads(store, docs))

    return await run(request, work)


def _of_story(
    store: Store,
    story: str | None,
    table: str,
    whole: Callable[[], list[T]],
    scoped: Callable[[Connection, str], tuple[list[T], int]],
) -> tuple[list[T], int]:
    """A page of one table's records and their total: ``whole``'s page of every record, or,
    given a story, ``scoped``'s of that story's."""
    if story is None:
        return whole(), store.count_records(table)
    with store.reading() as conn:
        return scoped(conn, story)


def _series_index(request: Request) -> StoryCache[figure_reads.SeriesIndex]:
    """The app's index of which series each story has, made on first use."""
    state = request.app.state
    if not hasattr(state, "series_index"):
        state.series_index = StoryCache(figure_reads.series_index)
    found: StoryCache[figure_reads.SeriesIndex] = state.series_index
    return found


@router.get("/quotes", response_model=Page[Quote])
async def quotes(
    request: Request,
    page: Paging,
    speaker: Speaker = None,
    since: Since = None,
    until: Until = None,
) -> Response:
    """Quotes and reported statements by date (undated last), each with its evidence and
    the words naming its speaker; speakers' names are in ``names``."""

    def work(store: Store) -> Response:
        found = store.quotes_paged(
            limit=page.limit, offset=page.offset, speaker=speaker, since=since, until=until
        )
        said = {q.speaker: name for q, name in found.items if q.speaker and name is not None}
        docs = heads(store, {q.evidence.doc for q, _ in found.items})
        return json_response(
            envelope((q for q, _ in found.items), page, found.total, names=said, documents=docs)
        )

    return await run(request, work)


@router.get("/stories", response_model=Page[Story])
async def stories(request: Request, page: Paging) -> Response:
    """Stories (documents grouped by what they report), largest first; key actors' names
    are in ``names``."""

    def work(store: Store) -> Response:
        found = store.stories(limit=page.limit, offset=page.offset)
        actors = names(store, (a for s in found for a in s.key_actors))
        return json_response(envelope(found, page, store.count_records("stories"), names=actors))

    return await run(request, work)


@router.get("/conflicts", response_model=Page[Conflict])
async def conflicts(request: Request, page: Paging, story: StoryId = None) -> Response:
    """Where sources disagree (figures of one quantity and time that differ); the figures
    set against each other are in ``figures``, by id. ``story``: the conflicts with two
    figures or more from its documents, each cut to those (its note then says how many of
    its values are the story's)."""

    def work(store: Store) -> Response:
        found, total = _of_story(
            store,
            story,
            "conflicts",
            lambda: store.conflicts(limit=page.limit, offset=page.offset),
            lambda conn, mine: figure_reads.story_conflicts(conn, mine, page.limit, page.offset),
        )
        figures = {f.id: dump_record(f) for _, fs in found for f in fs}
        docs = heads(store, {f.evidence.doc for _, fs in found for f in fs})
        return json_response(
            envelope((c for c, _ in found), page, total, documents=docs, figures=figures)
        )

    return await run(request, work)
