"""What the routes share: the readable maps of a page (entity names, document heads)."""

from __future__ import annotations

from collections.abc import Iterable

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
