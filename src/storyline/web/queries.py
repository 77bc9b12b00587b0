"""Running a request's store reads off the event loop, within the request's time budget."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from fastapi import Request

from storyline.store import Store
from storyline.web.errors import Overtime

T = TypeVar("T")
# How many times the query time limit a request may take in all.
WAIT_FACTOR = 5


async def run(request: Request, work: Callable[[Store], T]) -> T:
    """``work(store)`` in a worker thread. The database stops any statement that overruns
    the time limit (a QueryTimeout); past WAIT_FACTOR times that limit the request itself
    stops waiting, whatever held it up, and the thread is left to finish on its own."""
    store: Store = request.app.state.store
    # The request's budget also covers waiting for a free worker thread, which under load is
    # most of its time: the database's own limit (per statement) is the query's.
    seconds: float = request.app.state.query_seconds * WAIT_FACTOR
    try:
        with anyio.fail_after(seconds):
            return await anyio.to_thread.run_sync(
                work, store, abandon_on_cancel=True, limiter=request.app.state.threads
            )
    except TimeoutError:
        raise Overtime from None
