"""Turning a --db value into an SQLAlchemy engine, and the SQLite settings the store relies on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from storyline.errors import StoreError
from storyline.store.upsert import SUPPORTED_DIALECTS

DEFAULT_DB = "./storyline.db"

# Execution option marking transactions that will write (see _begin).
WRITE_OPTION = "storyline_write"

# How long a writer waits for another process's write lock before giving up.
BUSY_TIMEOUT_MS = 30_000


def resolve_url(db: str) -> URL:
    """A filesystem path becomes an SQLite URL; a URL is taken as it is.

    ``postgresql://`` without a driver means psycopg 3, the driver storyline supports.
    """
    if "://" not in db:
        return URL.create("sqlite", database=str(Path(db).expanduser().resolve()))
    try:
        url = make_url(db)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {db!r}") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def open_engine(db: str) -> Engine:
    url = resolve_url(db)
    if url.get_backend_name() not in SUPPORTED_DIALECTS:
        raise StoreError(
            f"unsupported database {url.get_backend_name()!r}; use SQLite or PostgreSQL"
        )
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        parent = Path(url.database).parent
        if not parent.is_dir():
            raise StoreError(f"the folder for the store does not exist: {parent}")
    try:
        engine = create_engine(url)
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(
            f"no database driver for {url.drivername!r}: {exc}",
            hint="for PostgreSQL install psycopg (pip install 'psycopg[binary]')",
        ) from exc
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take the write lock when they begin."""
    return engine.execution_options(**{WRITE_OPTION: True})


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # The sqlite3 driver's legacy mode starts transactions only before DML, so SELECTs and
        # DDL would run outside them; _begin takes over instead.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # WAL lets readers (the web UI) run while a build writes, and a killed writer leaves
            # the last committed state. synchronous=NORMAL is still crash-safe under WAL; a power
            # loss may drop the latest commits, which the next idempotent run redoes.
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A write transaction that began as a reader fails at once with SQLITE_BUSY when another
        # process committed in between (busy_timeout does not apply); taking the write lock
        # up front makes concurrent writers wait their turn instead.
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
