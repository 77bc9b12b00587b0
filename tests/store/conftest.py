"""Record builders for the store tests: short texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from storyline.model import Document, Ingested, document_id, sha256_hex
from storyline.store import Store

MakeItem = Callable[..., Ingested]


def build_item(text: str, source: str, raw: bytes | None = None, **fields: object) -> Ingested:
    data = raw if raw is not None else text.encode("utf-8")
    doc = Document(
        id=document_id(text), source=source, text=text, raw_ref=sha256_hex(data), **fields
    )
    return Ingested(document=doc, raw=data)


@pytest.fixture
def make_item() -> MakeItem:
    return build_item


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A new store on each backend (SQLite; PostgreSQL when the tests have a server)."""
    with Store.open(db_url) as opened:
        yield opened
