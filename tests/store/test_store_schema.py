from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_mock_engine

from storyline.errors import SchemaMismatch, StoreError
from storyline.store import Store
from storyline.store.database import resolve_url
from storyline.store.migrations import CURRENT_VERSION
from storyline.store.schema import metadata


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def test_fresh_path_gets_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(str(path)).close()
    assert {"meta", "raw", "documents", "doc_sources", "analyses", "rejections"} <= _tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(CURRENT_VERSION),
        )
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_reopen_keeps_data(tmp_path: Path, make_item) -> None:
    path = str(tmp_path / "s.db")
    item = make_item("Kept across opens.", "a.txt")
    with Store.open(path) as store:
        store.add_document(item)
    with Store.open(path) as store:
        assert store.get_document(item.document.id) == item.document


def test_sqlite_url(tmp_path: Path, make_item) -> None:
    path = tmp_path / "u.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.add_document(make_item("Via a URL.", "a.txt"))
    assert "documents" in _tables(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(CURRENT_VERSION + 1),)
        )
    with pytest.raises(SchemaMismatch):
        Store.open(str(path))


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is a text file, not SQLite " * 100)
    with pytest.raises(StoreError):
        Store.open(str(path))


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "no" / "such" / "s.db"))


def test_unsupported_database() -> None:
    with pytest.raises(StoreError, match="unsupported"):
        Store.open("mysql://u@localhost/db")


def test_url_resolution(tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "a.db")).database == str(tmp_path / "a.db")
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"


def test_schema_compiles_for_postgresql() -> None:
    # No server here: render the DDL with the PostgreSQL dialect to catch SQLite-only types.
    ddl: list[str] = []
    engine = create_mock_engine(
        "postgresql+psycopg://",
        lambda sql, *a, **k: ddl.append(str(sql.compile(dialect=engine.dialect))),
    )
    metadata.create_all(engine, checkfirst=False)
    rendered = "\n".join(ddl)
    assert "CREATE TABLE documents" in rendered and "BYTEA" in rendered


def test_upserts_compile_for_postgresql() -> None:
    from sqlalchemy.dialects import postgresql

    from storyline.store.schema import analyses
    from storyline.store.upsert import _upsert_statement

    stmt = _upsert_statement(
        "postgresql", analyses, ("doc", "pipeline_version", "record"), ("doc", "pipeline_version")
    )
    sql = str(stmt.compile(dialect=postgresql.dialect()))
    assert "ON CONFLICT (doc, pipeline_version) DO UPDATE SET record = excluded.record" in sql


def test_older_store_is_migrated_forward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import Column, Connection, MetaData, String, Table

    from storyline.store import migrations

    path = tmp_path / "old.db"
    Store.open(str(path)).close()

    extra = Table("notes", MetaData(), Column("key", String(10), primary_key=True))

    def add_notes(conn: Connection) -> None:
        extra.create(conn)

    after = CURRENT_VERSION + 1
    monkeypatch.setitem(migrations.MIGRATIONS, after, add_notes)
    monkeypatch.setattr(migrations, "CURRENT_VERSION", after)
    Store.open(str(path)).close()
    assert "notes" in _tables(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(after),
        )
    Store.open(str(path)).close()  # already there: nothing to run again


def test_a_version_2_store_gains_the_series_table_and_resolves_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store made before figure series existed opens under the current schema: the new
    table is there, and every document is pending, so the next build stores the series."""
    from tests.store.conftest import build_item

    from storyline.store import migrations, story_tables

    path = tmp_path / "v2.db"
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 2)
    with Store.open(str(path)) as store:
        item = build_item("An article.", "a.txt")
        store.add_document(item)
        with store._write() as conn:
            story_tables.clear_pending(conn, [item.document.id])
        assert store.pending_documents() == []
    assert "series" not in _tables(path)
    monkeypatch.undo()
    with Store.open(str(path)) as store:
        assert "series" in _tables(path)
        assert store.pending_documents() == [item.document.id]
        assert store.series() == []
