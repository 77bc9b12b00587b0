"""What the store holds (counts, dates, database) and its sources (outlets)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from storyline.model import Derivation, SourceCredit
from storyline.present.sources import outlets, sources_json
from storyline.store import Store
from storyline.web.paging import PageParams, envelope, json_response, page_params
from storyline.web.queries import run

router = APIRouter(prefix="/api", tags=["overview"])
T = TypeVar("T")


class Span(BaseModel):
    first: str | None = Field(description="The earliest date.")
    last: str | None = Field(description="The latest date.")


class Stats(BaseModel):
    dialect: str = Field(description="The store's database: sqlite or postgresql.")
    full_text_index: bool = Field(description="True when search uses a full-text index.")
    story_built: bool = Field(description="True once a story has been built and stored.")
    pending: int = Field(description="Documents added or changed since the story was built.")
    counts: dict[str, int] = Field(description="Documents and records of each table.")
    published: Span = Field(description="Publication days of the documents.")
    timeline: Span = Field(description="Dates of the timeline's lines.")


def stats_of(store: Store) -> dict[str, Any]:
    fingerprint = store.story_fingerprint()
    return {
        "dialect": store.dialect,
        "full_text_index": store.full_text_index,
        "story_built": fingerprint is not None,
        "pending": store.count_pending(),
        "counts": store.story_counts(),
        **{name: {"first": a, "last": b} for name, (a, b) in store.date_ranges().items()},
    }


def outlets_of(store: Store) -> list[dict[str, Any]]:
    """Every outlet with its documents, credits, citations and retellings."""
    credits = [r for r in store.story_records("source_credits") if isinstance(r, SourceCredit)]
    derived = [r for r in store.story_records("derivations") if isinstance(r, Derivation)]
    return sources_json(outlets(store.document_heads(), credits, derived))


class StoryCache(Generic[T]):
    """What ``compute`` made of the app's store, kept while the store stays as it was: the
    stats and the outlets read every table or document, and they change only when the story
    is stored again (its fingerprint) or a document is added or changed (pending)."""

    def __init__(self, compute: Callable[[Store], T]) -> None:
        self._compute = compute
        self._key: tuple[str | None, int, int] | None = None
        self._value: T | None = None

    def get(self, store: Store) -> T:
        key = store.story_state()
        if key != self._key or self._value is None:
            # Two threads may both compute it: the same answer, stored twice.
            self._value, self._key = self._compute(store), key
        return self._value


@router.get("/stats", response_model=Stats)
async def stats(request: Request) -> Response:
    """What the store holds: how many documents and records of each kind, the dates they
    span, the database and whether the story is up to date."""
    cache: StoryCache[dict[str, Any]] = request.app.state.stats
    return await run(request, lambda store: json_response(cache.get(store)))


class OutletSummary(BaseModel):
    outlet: str = Field(description="The outlet's name (or a document's label when it has none).")
    document_count: int
    documents: list[str] = Field(description="Ids of its documents, in publication order.")
    credits: list[str] = Field(description="Wires and agencies its documents credit.")
    told: list[str] = Field(description='Outlets someone spoke to ("told Reuters").')
    cited: list[str] = Field(description="Outlets its documents cite for a fact.")
    retells: list[dict[str, Any]] = Field(description="Documents it retells another's copy of.")
    first: str | None = Field(description="Its first publication day.")
    last: str | None = Field(description="Its last publication day.")


class OutletPage(BaseModel):
    items: list[OutletSummary]
    limit: int
    offset: int
    next_offset: int | None
    total: int | None


@router.get("/sources", response_model=OutletPage)
async def sources(request: Request, page: Annotated[PageParams, Depends(page_params)]) -> Response:
    """Outlets with their documents, most documents first: the wires they credit, who they
    cite, which documents derive from which, and the days they cover."""

    cache: StoryCache[list[dict[str, Any]]] = request.app.state.outlets

    def work(store: Store) -> Response:
        found = cache.get(store)
        chosen = found[page.offset : page.offset + page.limit]
        body = envelope(chosen, page, len(found))
        del body["names"], body["documents"]
        return json_response(body)

    return await run(request, work)
