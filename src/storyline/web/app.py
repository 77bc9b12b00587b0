"""The FastAPI application over one story store, opened once, read-only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI

from storyline import __version__
from storyline.store import Store
from storyline.web import errors, routes
from storyline.web.cache import CACHE_BYTES, ResponseCache
from storyline.web.limits import QUERY_SECONDS, WORKER_THREADS, RequestGuard
from storyline.web.outlets import unnamed_outlets
from storyline.web.routes.common import TotalsCache
from storyline.web.routes.overview import StoryCache, outlets_of, stats_of

DESCRIPTION = (
    "The stored story, read-only: documents, events, entities, figures, quotes, stories, "
    "conflicts, the timeline and full-text search. Items are storyline/1 records, each with "
    "its evidence {doc, start, end, text}: character offsets into its document's text. "
    "Lists are paged with limit and offset."
)


def create_app(
    db: str, *, query_seconds: float = QUERY_SECONDS, cache_bytes: int = CACHE_BYTES
) -> FastAPI:
    """The web app over the store at ``db`` (a path or an SQLAlchemy URL), which must exist
    at the current schema version: it is opened here, read-only, and closed when the app
    shuts down. ``query_seconds``: how long one request's queries may run (then 503);
    ``cache_bytes``: how many bytes of answers to keep (cache.py; 0: none)."""
    store = Store.open(db, read_only=True, statement_timeout=query_seconds)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="storyline",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        # Their pages load Swagger UI and ReDoc from a CDN; /api/docs is served from here.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.query_seconds = query_seconds
    app.state.stats = StoryCache(stats_of)
    app.state.outlets = StoryCache(outlets_of)
    app.state.unnamed_outlets = StoryCache(unnamed_outlets)
    app.state.totals = TotalsCache()
    app.state.threads = anyio.CapacityLimiter(WORKER_THREADS)
    errors.install(app)
    routes.install(app)
    # Inside the guard: refused requests never reach it, and its answers get the headers.
    app.add_middleware(ResponseCache, store=store, most_bytes=cache_bytes)
    app.add_middleware(RequestGuard)
    return app
