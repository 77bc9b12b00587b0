"""Turning a --db value into an SQLAlchemy engine, and the SQLite settings the store relies on."""

from __future__ import annotations

import time
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

# How long a writer waits for another process's write lock before giving up (StoreBusy).
# storyline's own write transactions (a document with its analysis, the story tables) hold the
# lock well under this, so two builds take turns; a lock held longer is a stuck or foreign
# process, and a user left waiting longer without a word thinks storyline hangs.
BUSY_TIMEOUT_MS = 5_000
# Seconds to wait for a PostgreSQL server to answer a connection: a host that drops packets
# would otherwise leave the command waiting for minutes.
CONNECT_TIMEOUT_S = 5


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


def open_engine(
    db: str, *, read_only: bool = False, statement_timeout: float | None = None
) -> Engine:
    """An engine for the store at ``db``. ``read_only``: every transaction refuses to write
    (and an SQLite file that does not exist is an error rather than created);
    ``statement_timeout``: seconds a statement may run before it is cancelled (a
    QueryTimeout)."""
    url = resolve_url(db)
    if url.get_backend_name() not in SUPPORTED_DIALECTS:
        raise StoreError(
            f"unsupported database {url.get_backend_name()!r}; use SQLite or PostgreSQL"
        )
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        parent = Path(url.database).parent
        if not parent.is_dir():
            raise StoreError(f"the folder for the store does not exist: {parent}")
        if Path(url.database).is_dir():
            raise StoreError(
                f"the store {url.database} is a folder",
                hint="give --db a file name, e.g. storyline.db",
            )
        if read_only and not Path(url.database).is_file():
            raise StoreError(f"no store at {url.database}")
    try:
        engine = create_engine(url, connect_args=_pg_settings(url, read_only, statement_timeout))
    except (NoSuchModuleError, ImportError) as exc:
        raise StoreError(
            f"no database driver for {url.drivername!r}: {exc}",
            hint="for PostgreSQL install psycopg (pip install 'psycopg[binary]')",
        ) from exc
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine, read_only=read_only)
        if statement_timeout is not None:
            _limit_sqlite_statements(engine, statement_timeout)
    return engine


def _pg_settings(url: URL, read_only: bool, statement_timeout: float | None) -> dict[str, Any]:
    """PostgreSQL enforces both limits itself, set for the session when it connects."""
    if url.get_backend_name() != "postgresql":
        return {}
    args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:  # the user's own choice in the URL wins
        args["connect_timeout"] = CONNECT_TIMEOUT_S
    settings = []
    if read_only:
        settings.append("-c default_transaction_read_only=on")
    if statement_timeout is not None:
        # Its unit is the millisecond; 0 would mean no limit at all.
        settings.append(f"-c statement_timeout={max(1, round(statement_timeout * 1000))}")
    if settings:
        args["options"] = " ".join(settings)
    return args


def timed_out(cause: BaseException | None) -> bool:
    """True when a driver error says the statement was cancelled by its time limit: SQLite's
    progress handler interrupts it, PostgreSQL cancels it with SQLSTATE 57014."""
    if getattr(cause, "sqlstate", None) == "57014":
        return True
    return type(cause).__module__ == "sqlite3" and str(cause) == "interrupted"


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions take the write lock when they begin."""
    return engine.execution_options(**{WRITE_OPTION: True})


def _tune_sqlite(engine: Engine, *, read_only: bool = False) -> None:
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
            if read_only:
                cursor.execute("PRAGMA query_only = ON")
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


# SQLite calls the progress handler every this many virtual machine steps: well under a
# millisecond apart, so a statement overruns its limit by that much at most; each call takes
# Python's GIL, so calling it more often would slow every thread of a busy server.
PROGRESS_STEPS = 100_000
# Where a connection keeps the time its current statement started (its pool record's info).
_STARTED = "storyline_statement_started"


def _limit_sqlite_statements(engine: Engine, seconds: float) -> None:
    """Interrupt a statement that runs longer than ``seconds`` (sqlite3 then raises
    OperationalError "interrupted"); SQLite has no statement timeout of its own."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: Any) -> None:
        info = record.info

        def overdue() -> int:
            started = info.get(_STARTED)
            return int(started is not None and time.monotonic() - started > seconds)

        dbapi_connection.set_progress_handler(overdue, PROGRESS_STEPS)

    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn: Connection, *_args: Any) -> None:
        conn.info[_STARTED] = time.monotonic()
