"""What the app's views ask for besides the records: the timeline filtered as the report
filters it, with each line's actors and stories; its histogram over a day range; a story's key
dates; the timeline's actors; the story's headline facts; quotes grouped by speaker; what the
story cites in one document; who retells whom; the rejected inputs. Read-only, paged and
bounded like every other endpoint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from storyline.model import Derivation, Evidence, Quote, Rejection, SourceCredit, TimelineEntry
from storyline.present.display import basis_label, date_label, outlet_label, published_day
from storyline.present.export import dump_record
from storyline.present.report_view import event_groups
from storyline.store import Store
from storyline.web import figure_reads, view_reads
from storyline.web.limits import MAX_TEXT
from storyline.web.outlets import with_outlet_match
from storyline.web.paging import Page, PageParams, envelope, json_response, page_params
from storyline.web.params import DATE_PATTERN, Outlet, RecordId, StoryId
from storyline.web.queries import run
from storyline.web.routes.common import names
from storyline.web.routes.overview import StoryCache

router = APIRouter(prefix="/api", tags=["views"])
Paging = Annotated[PageParams, Depends(page_params)]

MAX_BINS = 2000
MAX_KEY_DATES = 50
MAX_ACTORS = 1000
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

ViewType = Annotated[
    str | None,
    Query(
        pattern=r"^[A-Za-z_-]{1,40}$",
        description="A PLOVER event type (ASSAULT), an event group's key (from /api/meta's "
        '"groups") or "statement".',
    ),
]
ActorId = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_TEXT,
        description="An entity id, or a part of an entity's name (any case): only lines it "
        "acts in or speaks.",
    ),
]
Words = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=MAX_TEXT,
        description="Words every line holds in its summary or cited words (any case).",
    ),
]
Since = Annotated[
    str | None,
    Query(alias="from", pattern=DATE_PATTERN, description="Only lines dated on or after this."),
]
Until = Annotated[
    str | None,
    Query(alias="to", pattern=DATE_PATTERN, description="Only lines dated on or before this."),
]


def _filters(
    story: StoryId = None,
    actor: ActorId = None,
    type: ViewType = None,
    outlet: Outlet = None,
    q: Words = None,
    since: Since = None,
    until: Until = None,
) -> view_reads.ViewFilters:
    return view_reads.ViewFilters(story, actor, type, outlet, q, since, until)


Filters = Annotated[view_reads.ViewFilters, Depends(_filters)]


# What a brief head keeps: enough to name a document in a list.
_BRIEF = ("id", "title", "outlet", "published", "published_basis")


def _heads_json(store_heads: list[Any], *, brief: bool = False) -> dict[str, Any]:
    """Document heads by id, with the labels the views show (outlet, date, basis); brief:
    without their date evidence, credits and reasons."""
    found = {}
    for d in store_heads:
        head = dump_record(d)
        if brief:
            head = {k: head.get(k) for k in _BRIEF}
        head["label"] = {
            "outlet": outlet_label(d),
            "published": date_label(d.published),
            "basis": basis_label(d),
        }
        found[d.id] = head
    return found


def _cached(
    request: Request, name: str, compute: Callable[[Store], list[dict[str, Any]]]
) -> StoryCache[list[dict[str, Any]]]:
    """The app's cache of ``compute``, made on first use: it reads every line or document,
    and its answer changes only when the story is stored again."""
    state = request.app.state
    if not hasattr(state, name):
        setattr(state, name, StoryCache(compute))
    found: StoryCache[list[dict[str, Any]]] = getattr(state, name)
    return found


def _all_actors(store: Store) -> list[dict[str, Any]]:
    with store.reading() as conn:
        return view_reads.actors(conn, MAX_ACTORS)


class Meta(BaseModel):
    title: str = Field(description="The story's title (the only story's, else a general one).")
    span: dict[str, Any] = Field(
        description="The story's real time span: start, end, and the dated lines left out as "
        "far outside the documents' publication period (outside, outside_dates, basis)."
    )
    extent: dict[str, str] | None = Field(description="The first and last dated line's day.")
    groups: list[dict[str, Any]] = Field(description="Event groups: key, label, types.")
    types: list[str] = Field(description="The event types the timeline holds.")
    counts: dict[str, int] = Field(description="Documents, lines, records and outlets.")


@router.get("/meta", response_model=Meta)
async def meta(request: Request) -> Response:
    """The story's headline facts, as the app's header shows them: title, time span (without
    far-off dates such as a house number read as a year), event groups and types, counts."""
    outlets = request.app.state.outlets

    def work(store: Store) -> Response:
        with store.reading() as conn:  # one transaction for every aggregate
            span = view_reads.time_span(conn)
            extent, types = view_reads.extent_and_types(conn)
            titles = view_reads.story_titles(conn)
        counts = dict(store.story_counts())
        counts["entries"] = counts.get("timeline", 0)
        counts["outlets"] = len(outlets.get(store))
        groups = [
            {"key": g.key, "label": g.label, "description": g.description, "types": list(g.types)}
            for g in event_groups()
        ]
        return json_response(
            {
                "title": titles[0] if len(titles) == 1 else "Storyline",
                "span": span,
                "extent": extent,
                "groups": groups,
                "types": types,
                "counts": counts,
            }
        )

    return await run(request, work)


@router.get("/timeline/entries", response_model=Page[TimelineEntry])
async def timeline_entries(request: Request, page: Paging, filters: Filters) -> Response:
    """Timeline lines in order, filtered as the app's timeline filters them (story, actor,
    type or group, outlet, words, days). ``lines`` (one per item, in order) gives each
    line's actors with their roles, its event's mode, its stories and which citations'
    words differ from the document's; ``documents`` the cited documents with labels."""

    def work(store: Store) -> Response:
        with store.reading() as conn:
            query = view_reads.timeline_query(with_outlet_match(request, store, filters))
            found = conn.execute(query.limit(page.limit).offset(page.offset)).all()
            positions = [p for p, _ in found]
            entries = [TimelineEntry.model_validate_json(r) for _, r in found]
            total = view_reads.count_of(conn, query, page.offset, page.limit, len(found))
            lines = view_reads.line_details(conn, positions, entries)
            cited = {c.doc for e in entries for c in e.citations} | {
                d for e in entries for d in e.documents
            }
            docs = view_reads.heads(conn, cited)
        actors = names(store, (a["id"] for line in lines for a in line["actors"]))
        body = envelope(entries, page, total, names=actors, lines=lines)
        body["documents"] = _heads_json(docs)
        return json_response(body)

    return await run(request, work)


@router.get("/timeline/histogram")
async def timeline_histogram(
    request: Request,
    filters: Filters,
    start: Annotated[
        str, Query(alias="start", pattern=DAY_PATTERN, description="The first day (YYYY-MM-DD).")
    ],
    end: Annotated[
        str, Query(alias="end", pattern=DAY_PATTERN, description="The last day (YYYY-MM-DD).")
    ],
    bins: Annotated[
        int, Query(ge=1, le=MAX_BINS, description=f"Equal slices of the days, at most {MAX_BINS}.")
    ] = 100,
) -> Response:
    """How many timeline lines matching the filters fall in each of ``bins`` equal slices of
    the days from ``start`` to ``end`` (the timeline's density bars): ``{"counts": [...]}``."""
    if start > end:
        raise HTTPException(422, "start must not be after end")

    def work(store: Store) -> Response:
        with store.reading() as conn:
            matched = with_outlet_match(request, store, filters)
            counts = view_reads.histogram(conn, matched, start, end, bins)
        return json_response({"start": start, "end": end, "bins": bins, "counts": counts})

    return await run(request, work)


@router.get("/timeline/key-dates")
async def key_dates(
    request: Request,
    story: StoryId = None,
    limit: Annotated[int, Query(ge=1, le=MAX_KEY_DATES, description="How many days.")] = 8,
) -> Response:
    """The days most documents report on, of one story (or of all), in date order, each
    with the summary of its most widely reported line: ``{"items": [{date, documents,
    entries, summary}]}``."""

    def work(store: Store) -> Response:
        with store.reading() as conn:
            found = view_reads.key_dates(conn, story, limit)
        return json_response({"items": found})

    return await run(request, work)


@router.get("/actors")
async def actors(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_ACTORS, description="How many actors.")] = 500,
) -> Response:
    """The entities that act in or speak timeline lines, most lines first: ``{"items":
    [{id, name, entries}]}`` (the app's actor filter)."""

    cache = _cached(request, "view_actors", _all_actors)

    def work(store: Store) -> Response:
        return json_response({"items": cache.get(store)[:limit]})

    return await run(request, work)


@router.get("/speakers")
async def speakers(
    request: Request,
    page: Paging,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_TEXT,
            description="Words each quote or its speaker's name holds (any case).",
        ),
    ] = None,
    story: StoryId = None,
) -> Response:
    """Quotes grouped by speaker (one group per resolved entity, else per name the quotes
    give), most quoted first and the quotes no one is named for last: each item is
    ``{speaker, count, quotes}`` with up to 25 of the speaker's quotes (storyline/1 records)
    in date order. ``story``: only the quotes of that story's documents."""

    def work(store: Store) -> Response:
        with store.reading() as conn:
            groups, total = view_reads.speakers(conn, q, page.limit, page.offset, story)
            quotes: list[Quote] = [x for g in groups for x in g["quotes"]]
            docs = view_reads.heads(conn, {x.evidence.doc for x in quotes})
            wrong = view_reads.unverified(conn, [x.evidence for x in quotes])
        items = [
            {
                "speaker": g["speaker"],
                "count": g["count"],
                "quotes": [
                    {**dump_record(x), "verified": view_reads.span_key(x.evidence) not in wrong}
                    for x in g["quotes"]
                ],
            }
            for g in groups
        ]
        body = envelope(items, page, total)
        body["documents"] = _heads_json(docs)
        return json_response(body)

    return await run(request, work)


Several = Annotated[
    bool | None,
    Query(
        description="true: only the stories of two documents or more; false: only those of "
        "one; unset: all."
    ),
]


@router.get("/story-cards")
async def story_cards(request: Request, page: Paging, several: Several = None) -> Response:
    """Stories as the app's cards show them, largest first: ``{id, title, documents,
    outlets, events, start, end, key_actors}`` (counts; key actors' ids, weightiest first,
    their names in ``names``). A story's key dates: /api/timeline/key-dates?story=ID."""

    def work(store: Store) -> Response:
        with store.reading() as conn:
            cards, total = view_reads.story_cards(conn, several, page.limit, page.offset)
        actors = names(store, (a for c in cards for a in c["key_actors"]))
        return json_response(envelope(cards, page, total, names=actors))

    return await run(request, work)


class CitedIn(BaseModel):
    cited: list[Evidence] = Field(description="The spans the story cites in this document.")
    credits: list[SourceCredit] = Field(description="The outlets it credits.")
    derivations: list[Derivation] = Field(description="Which it retells, or which retell it.")
    documents: dict[str, Any] = Field(description="The other documents named, without text.")


@router.get(
    "/documents/{doc_id}/evidence",
    response_model=CitedIn,
    responses={404: {"description": "No document has this id."}},
)
async def document_evidence(request: Request, doc_id: RecordId) -> Response:
    """What the story reads in one document: the spans its timeline, figures and quotes cite
    (checked against the text), the outlets it credits, and the documents it retells or that
    retell it, with their heads and labels (the article panel's marks and notes)."""

    def work(store: Store) -> Response:
        with store.reading() as conn:
            found = view_reads.heads(conn, [doc_id])
            if not found:
                raise HTTPException(404, f"no document with id {doc_id!r}")
            cited = view_reads.cited_in(conn, doc_id)
            credits = view_reads.credits_of(conn, doc_id)
            derived = view_reads.derivations_of(conn, doc_id)
            others = view_reads.heads(
                conn, {doc_id} | {d.doc for d in derived} | {d.derived_from for d in derived}
            )
        return json_response(
            {
                "cited": [dump_record(c) for c in cited],
                "credits": [dump_record(c) for c in credits],
                "derivations": [dump_record(d) for d in derived],
                "documents": _heads_json(others),
            }
        )

    return await run(request, work)


@router.get("/derivations", response_model=Page[Derivation])
async def derivations(request: Request, page: Paging) -> Response:
    """Which documents retell another's copy (most of its sentences shared), with both
    documents' heads and labels in ``documents``."""

    def work(store: Store) -> Response:
        with store.reading() as conn:
            every = view_reads.all_derivations(conn, page.offset + page.limit)
            chosen = every[page.offset :]
            docs = view_reads.heads(conn, {x for d in chosen for x in (d.doc, d.derived_from)})
        total = store.count_records("derivations")
        body = envelope(chosen, page, total)
        body["documents"] = _heads_json(docs, brief=True)
        return json_response(body)

    return await run(request, work)


@router.get("/rejections", response_model=Page[Rejection])
async def rejections(request: Request, page: Paging) -> Response:
    """Inputs that were not read as documents, and why."""

    def work(store: Store) -> Response:
        every = store.rejections()
        return json_response(
            envelope(every[page.offset : page.offset + page.limit], page, len(every))
        )

    return await run(request, work)


def outlet_coverage(store: Store) -> list[dict[str, Any]]:
    """Every outlet (as listings name it) with its documents, the days it published on and
    its first and last day, most documents first."""
    by: dict[str, dict[str, Any]] = {}
    for doc in store.document_heads():
        name = outlet_label(doc)
        found = by.setdefault(name, {"outlet": name, "documents": 0, "days": set()})
        found["documents"] += 1
        if (day := published_day(doc)) is not None:
            found["days"].add(day)
    rows = [
        {
            "outlet": o["outlet"],
            "documents": o["documents"],
            "days": len(o["days"]),
            "first": min(o["days"], default=None),
            "last": max(o["days"], default=None),
        }
        for o in by.values()
    ]
    return sorted(rows, key=lambda o: (-o["documents"], o["outlet"]))


@router.get("/outlets")
async def outlets(request: Request, page: Paging) -> Response:
    """Outlets with their coverage, most documents first: ``{outlet, documents, days, first,
    last}`` (documents published, distinct days published on, first and last of them)."""
    cache = _cached(request, "outlet_coverage", outlet_coverage)

    def work(store: Store) -> Response:
        every = cache.get(store)
        body = envelope(every[page.offset : page.offset + page.limit], page, len(every))
        return json_response(body)

    return await run(request, work)


@router.get("/conflicts/figures")
async def conflicted_figures(request: Request, story: StoryId = None) -> Response:
    """The ids of every figure some source contradicts: ``{"items": [...]}`` (the app rings
    them on its charts without reading every conflict); ``story``: only those its documents
    report."""

    def work(store: Store) -> Response:
        with store.reading() as conn:
            found = view_reads.conflicted_figures(conn)
            if story is not None:
                found = figure_reads.conflicted_in_story(found, conn, story)
            return json_response({"items": found})

    return await run(request, work)
