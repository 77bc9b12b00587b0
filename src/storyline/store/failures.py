"""What a database failure means to the user: a lock held by someone else, a file that is not a
store, a full disk, a server that does not answer, each as its own StoreError with a hint."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from sqlalchemy.engine import URL

from storyline.errors import DiskFull, StoreBusy, StoreError
from storyline.store.database import BUSY_TIMEOUT_MS, CONNECT_TIMEOUT_S, timed_out

# PostgreSQL's SQLSTATE for "disk full".
_PG_DISK_FULL = "53100"
# Less free space than SQLite's largest page (and WAL index block): nothing more can be written.
_ROOM_FOR_A_PAGE = 64 * 1024


def store_name(url: URL) -> str:
    """How a message names the store: its file, or its URL without the password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def store_failure(cause: BaseException, where: str) -> StoreError | DiskFull | None:
    """The error to show for a driver exception (or OSError), or None when it has no more
    specific meaning than "database error"; ``where`` names the store."""
    if timed_out(cause):
        return None
    if _disk_full(cause):
        return DiskFull(f"no space left on device writing the store {where}")
    sqlite_error = getattr(cause, "sqlite_errorname", None)
    if sqlite_error is not None:
        return _sqlite_failure(sqlite_error, str(cause), where)
    if type(cause).__module__.startswith("psycopg") and _is_connect_failure(cause):
        reason = " ".join(str(cause).split())
        if type(cause).__name__ == "ConnectionTimeout":
            reason = f"no answer within {CONNECT_TIMEOUT_S} s"
        return StoreError(
            f"cannot connect to the PostgreSQL server of {where}: {reason}",
            hint="check that the server is running and answers at the URL's host and port",
        )
    return None


def _disk_full(cause: BaseException) -> bool:
    if isinstance(cause, OSError):
        return cause.errno == errno.ENOSPC
    return (
        getattr(cause, "sqlite_errorname", None) == "SQLITE_FULL"
        or getattr(cause, "sqlstate", None) == _PG_DISK_FULL
    )


def _sqlite_failure(name: str, message: str, where: str) -> StoreError | DiskFull | None:
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return StoreBusy(
            f"the store {where} is in use by another storyline process: its write lock was "
            f"held for more than {BUSY_TIMEOUT_MS / 1000:g} s"
        )
    if name == "SQLITE_NOTADB":
        return StoreError(
            f"the store {where} is not a storyline store: {message}",
            hint="point --db at a store storyline build made, or move this file away",
        )
    if name == "SQLITE_CORRUPT":
        return StoreError(
            f"the store {where} is damaged: {message}",
            hint="restore it from a backup, or build again into a new --db",
        )
    if name in ("SQLITE_READONLY", "SQLITE_CANTOPEN") and _read_only_folder(where):
        return StoreError(
            f"the store {where} is on a read-only file system",
            hint="storyline writes beside a store even to read it (the WAL index): copy it to "
            "a folder you may write to",
        )
    if name == "SQLITE_READONLY":
        return StoreError(
            f"the store {where} cannot be written: {message}",
            hint="check the permissions of the file and its folder",
        )
    if name == "SQLITE_CANTOPEN":
        return StoreError(f"the store {where} cannot be opened: {message}")
    if name.startswith("SQLITE_IOERR"):
        # SQLite says "disk I/O error" without the errno; a disk with no room left is the
        # usual cause (a reader too writes the WAL index beside the store).
        if _no_room_left(where):
            return DiskFull(f"no space left on device writing the store {where}")
        return StoreError(
            f"the store {where} could not be read or written: {message} ({name})",
            hint="check the disk the store is on",
        )
    return None


def _read_only_folder(store_path: str) -> bool:
    try:
        return bool(os.statvfs(Path(store_path).parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _no_room_left(store_path: str) -> bool:
    try:
        return shutil.disk_usage(Path(store_path).parent).free < _ROOM_FOR_A_PAGE
    except OSError:
        return False


def _is_connect_failure(cause: BaseException) -> bool:
    # psycopg raises OperationalError without an SQLSTATE when no server session exists.
    operational = any(kind.__name__ == "OperationalError" for kind in type(cause).__mro__)
    return operational and getattr(cause, "sqlstate", None) is None
