"""Schema versions and the steps that bring an older store forward.

Each migration runs in its own transaction together with the version bump, so a store is always
at exactly one version. Version 1 creates the tables as schema.py defines them today: when a
later migration changes a table, freeze version 1's definitions here before editing schema.py,
or a fresh store would be created in the new shape and then migrated again.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Connection, Engine, insert, inspect, select, text, update
from sqlalchemy.schema import CreateIndex

from storyline.errors import SchemaMismatch, StoreError
from storyline.model import contract_json, in_contract_form
from storyline.store import schema
from storyline.store.upsert import upsert

VERSION_KEY = "schema_version"

Migration = Callable[[Connection], None]


def _create_version_1(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.VERSION_1_TABLES))


def _add_story_tables(conn: Connection) -> None:
    """Version 2: tables for the resolved story. A store built before them has no stored
    story: every document is pending, so the next build resolves it all."""
    schema.metadata.create_all(conn, tables=list(schema.VERSION_2_TABLES))
    conn.execute(insert(schema.story_pending).from_select(["doc"], select(schema.documents.c.id)))


def _add_cross_document_tables(conn: Connection) -> None:
    """Version 3: tables of what the cross-document stages found beyond version 2 (figure
    series, the outlets each document credits, rewrites). The stored story has none of it
    yet: every document is pending, so the next build resolves the story again."""
    schema.metadata.create_all(conn, tables=list(schema.VERSION_3_TABLES))
    conn.execute(
        insert(schema.story_pending).from_select(
            ["doc"],
            select(schema.documents.c.id).where(
                schema.documents.c.id.not_in(select(schema.story_pending.c.doc))
            ),
        )
    )


def _add_paging_indexes(conn: Connection) -> None:
    """Version 4: indexes for filtered pages (the web API). A store created at version 4 or
    later already has them with its tables."""
    for index in schema.VERSION_4_INDEXES:
        # IF NOT EXISTS: reflection cannot see expression indexes, so checkfirst would not.
        conn.execute(CreateIndex(index, if_not_exists=True))


def _records_in_contract_form(conn: Connection) -> None:
    """Version 5: every stored record (documents' and the story tables') kept as the web API
    sends it (model.contract_json: evidence sets in order, compact JSON), so that it is sent
    as stored. Only the records that differ are written again."""
    for table in (schema.documents, *schema.STORY_TABLES.values()):
        key = table.c.id if "id" in table.c else table.c.position
        after: object = None
        while True:
            query = select(key, table.c.record).order_by(key).limit(_REWRITE_BATCH)
            if after is not None:
                query = query.where(key > after)
            rows = conn.execute(query).all()
            if not rows:
                break
            after = rows[-1][0]
            for row_key, record in rows:
                canonical = contract_json(in_contract_form(json.loads(record)))
                if canonical != record:
                    conn.execute(update(table).where(key == row_key).values(record=canonical))


def _add_language_column(conn: Connection) -> None:
    """Version 6: the documents' language, a column of its own. NULL for the documents already
    stored: the next build detects theirs. Version 1 creates the documents table as schema.py
    defines it today, with the column, so it is added only where it is missing."""
    columns = {c["name"] for c in inspect(conn).get_columns(schema.documents.name)}
    if schema.LANGUAGE_COLUMN.name not in columns:
        column = schema.LANGUAGE_COLUMN
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE {schema.documents.name} ADD COLUMN {column.name} {kind}"))
    for index in schema.VERSION_6_INDEXES:
        conn.execute(CreateIndex(index, if_not_exists=True))


# Records read per batch by _records_in_contract_form.
_REWRITE_BATCH = 2000

# Version reached -> how to get there from the version before it.
MIGRATIONS: dict[int, Migration] = {
    1: _create_version_1,
    2: _add_story_tables,
    3: _add_cross_document_tables,
    4: _add_paging_indexes,
    5: _records_in_contract_form,
    6: _add_language_column,
}
CURRENT_VERSION = max(MIGRATIONS)


def stored_version(conn: Connection) -> int:
    """The schema version recorded in the store; 0 for a store with no schema yet."""
    value = conn.scalar(select(schema.meta.c.value).where(schema.meta.c.key == VERSION_KEY))
    if value is None:
        return 0
    try:
        return int(value)
    except ValueError:
        raise StoreError(f"the store's schema version is not a number: {value!r}") from None


def _check(version: int) -> None:
    if version > CURRENT_VERSION:
        raise SchemaMismatch(
            f"the store has schema version {version}, this storyline knows up to {CURRENT_VERSION}"
        )


# Arbitrary, fixed: the PostgreSQL advisory lock that serializes migrations.
_PG_MIGRATION_LOCK = 0x5707_1E


def _lock_schema(conn: Connection) -> None:
    """Keep two processes from migrating at once.

    SQLite needs nothing here: the writer's BEGIN IMMEDIATE already holds the database's write
    lock. PostgreSQL lets concurrent transactions run DDL, so take a lock held until commit.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})


def migrate(reader: Engine, writer: Engine) -> int:
    """Create or bring forward the schema; returns the version the store is now at.

    ``writer`` must open transactions that take the write lock at once (see engine.py), so that
    two processes opening a fresh store together do not both run a step. Raises SchemaMismatch
    when the store is newer than this code.
    """
    # The common case, an up-to-date store, needs no write lock: a reader may open the store
    # while a build is writing to it.
    version = _current_version(reader)
    while version < CURRENT_VERSION:
        with writer.begin() as conn:
            _lock_schema(conn)
            schema.meta.create(conn, checkfirst=True)
            # Read again under the write lock: another process may have migrated meanwhile.
            version = stored_version(conn)
            _check(version)
            if version < CURRENT_VERSION:
                MIGRATIONS[version + 1](conn)
                version += 1
                upsert(conn, schema.meta, {"key": VERSION_KEY, "value": str(version)}, ["key"])
    return version


def require_current(reader: Engine) -> None:
    """Raise StoreError unless the store is at the current schema version (SchemaMismatch when
    it is newer): what a reader that must not migrate checks."""
    version = _current_version(reader)
    if version == 0:
        raise StoreError("not a storyline store: it has no schema")
    if version < CURRENT_VERSION:
        raise StoreError(
            f"the store has schema version {version}, older than this storyline's "
            f"{CURRENT_VERSION}",
            hint="run 'storyline build' on it once to bring it forward",
        )


def _current_version(reader: Engine) -> int:
    """The stored schema version (0 for none), read without a write lock; SchemaMismatch when
    it is newer than this code."""
    with reader.connect() as conn:
        version = stored_version(conn) if inspect(conn).has_table(schema.meta.name) else 0
    _check(version)
    return version
