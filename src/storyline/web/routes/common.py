"""What the routes share: the readable maps of a page (entity names, document heads)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, MutableMapping

from fastapi import Request

from storyline.model import DocumentHead
from storyline.store import Store


def names(store: Store, ids: Iterable[str | None]) -> dict[str, str]:
    """Entity names of the ids given (None and unknown ids left out)."""
    wanted = {i for i in ids if i}
    return store.entity_names(wanted) if wanted else {}


def heads(store: Store, ids: Iterable[str]) -> list[DocumentHead]:
    """The documents of the ids given, without their text."""
    wanted = set(ids)
    return store.document_heads(wanted) if wanted else []


def stored_heads(store: Store, ids: Iterable[str]) -> list[tuple[str, str]]:
    """(id, JSON) of the documents of the ids given, without their text, as stored."""
    wanted = set(ids)
    return store.document_heads_json(wanted) if wanted else []


def totals(request: Request, store: Store) -> MutableMapping[Hashable, int] | None:
    """The filtered totals counted while the stored story is as it is now; None while
    documents are pending (a document changed again leaves the state as it was)."""
    state = store.story_state()
    if state[1]:
        return None
    cache: TotalsCache = request.app.state.totals
    return cache.of(state)


class TotalsCache:
    """Totals of filtered lists, by table and filters, for one state of the store (its story
    fingerprint and pending documents): a total is counted once for all the pages of a filter
    rather than for every page. Bounded: a full cache is emptied."""

    def __init__(self, most: int = 10_000) -> None:
        self._most = most
        self._state: object = None
        self._totals: dict[Hashable, int] = {}

    def of(self, state: object) -> MutableMapping[Hashable, int]:
        if state != self._state or len(self._totals) >= self._most:
            # Threads that still hold the old mapping write into it, not into the new one.
            self._state, self._totals = state, {}
        return self._totals
