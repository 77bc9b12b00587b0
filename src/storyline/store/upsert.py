"""INSERT ... ON CONFLICT for the dialects the store supports.

SQLite and PostgreSQL spell it the same way and SQLAlchemy exposes both through the same
methods, so the store's queries stay one code path; only the construct is picked per dialect.
Statements are built once per shape and reused with bound parameters: building them per row
(``excluded`` copies the table) cost more than the database work.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Executable, Table
from sqlalchemy.dialects import postgresql, sqlite

from storyline.errors import StoreError

SUPPORTED_DIALECTS = ("sqlite", "postgresql")

_Insert = sqlite.Insert | postgresql.Insert


def _insert(dialect: str, table: Table) -> _Insert:
    if dialect == "sqlite":
        return sqlite.insert(table)
    if dialect == "postgresql":
        return postgresql.insert(table)
    raise StoreError(f"unsupported database {dialect!r}; use SQLite or PostgreSQL")


@cache
def _upsert_statement(
    dialect: str, table: Table, columns: tuple[str, ...], key: tuple[str, ...]
) -> _Insert:
    stmt = _insert(dialect, table)
    updates = {name: stmt.excluded[name] for name in columns if name not in key}
    if updates:
        return stmt.on_conflict_do_update(index_elements=list(key), set_=updates)
    return stmt.on_conflict_do_nothing(index_elements=list(key))


@cache
def _insert_new_statement(
    dialect: str, table: Table, key: tuple[str, ...], returning: str | None
) -> Executable:
    stmt = _insert(dialect, table).on_conflict_do_nothing(index_elements=list(key))
    return stmt if returning is None else stmt.returning(table.c[returning])


def upsert(
    conn: Connection,
    table: Table,
    values: Mapping[str, Any],
    key: Sequence[str],
) -> None:
    """Insert a row, or replace its non-key columns when a row with the same key exists."""
    stmt = _upsert_statement(conn.dialect.name, table, tuple(values), tuple(key))
    conn.execute(stmt, dict(values))


def insert_new(
    conn: Connection,
    table: Table,
    values: Mapping[str, Any],
    key: Sequence[str],
) -> bool:
    """Insert a row unless one with the same key exists; True when it was inserted."""
    stmt = _insert_new_statement(conn.dialect.name, table, tuple(key), None)
    return conn.execute(stmt, dict(values)).rowcount == 1


def insert_new_returning(
    conn: Connection,
    table: Table,
    values: Mapping[str, Any],
    key: Sequence[str],
    column: str,
) -> Any | None:
    """Insert a row unless one with the same key exists; the new row's ``column``, else None."""
    stmt = _insert_new_statement(conn.dialect.name, table, tuple(key), column)
    return conn.execute(stmt, dict(values)).scalar_one_or_none()
