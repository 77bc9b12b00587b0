"""Stored records are kept as the web API sends them (model.contract_json), and schema
version 5 brings the records of an older store to that form."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.web import story_corpus

from storyline.model import Entity, contract_dump, contract_json
from storyline.store import Store


def _records(path: Path, table: str) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute(f"SELECT id, record FROM {table}").fetchall())


def test_records_are_stored_as_the_api_sends_them(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    whole = story_corpus.build(str(path))
    stored = _records(path, "entities")
    assert stored == {e.id: contract_json(contract_dump(e)) for e in whole.entities}
    with Store.open(str(path)) as store:
        heads = store.document_heads()
    assert _records(path, "documents") == {d.id: contract_json(contract_dump(d)) for d in heads}


def test_version_5_rewrites_older_records(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    whole = story_corpus.build(str(path))
    entity = next(e for e in whole.entities if len(e.mentions) > 1)
    # As version 4 stored it: pydantic's JSON, the mentions in the order the producer left.
    shuffled = entity.model_copy(update={"mentions": list(reversed(entity.mentions))})
    older = shuffled.model_dump_json()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entities SET record = ? WHERE id = ?", (older, entity.id))
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    assert _records(path, "entities")[entity.id] == older
    Store.open(str(path)).close()
    now = _records(path, "entities")[entity.id]
    assert now == contract_json(contract_dump(entity)) != older
    assert Entity.model_validate_json(now).mentions == sorted(
        entity.mentions, key=lambda e: (e.doc, e.start, e.end)
    )
