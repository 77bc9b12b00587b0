"""A store that cannot be used (its folder missing, a file that is not a store, a lock held by
another process, a PostgreSQL server that does not answer) is one line from every command that
opens it, and what it held stays as it was."""

from __future__ import annotations

import hashlib
import shutil
import socket
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from tests.one_line import assert_one_error, run_cli
from tests.tmpfs import remount_read_only, tmpfs

from storyline.pipeline import build
from storyline.store import Store
from storyline.store.database import BUSY_TIMEOUT_MS, CONNECT_TIMEOUT_S

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
WIRE = REPO / "examples" / "corpus" / "wire"
ARTICLE = REPO / "examples" / "corpus" / "scraped"

# Each command that opens the store, with what it needs besides --db.
COMMANDS = {
    "build": ["build", str(ARTICLE)],
    "timeline": ["timeline"],
    "export": ["export"],
    "report": ["report"],
    "serve": ["serve", "--port", "0"],
}


def _run(command: str, db: str, tmp: Path) -> tuple[Result, float]:
    args = [COMMANDS[command][0], "--db", db, *COMMANDS[command][1:]]
    if command == "report":
        args += ["-o", str(tmp / "story.html")]
    started = time.monotonic()
    return run_cli(*args), time.monotonic() - started


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("built") / "story.db"
    build([str(WIRE)], str(db))
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", COMMANDS)
def test_store_in_a_missing_folder(command: str, tmp_path: Path) -> None:
    db = tmp_path / "missing" / "story.db"
    result, _ = _run(command, str(db), tmp_path)
    assert_one_error(result, str(db.parent))
    assert not db.parent.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_corrupt_sqlite_file(command: str, tmp_path: Path) -> None:
    db = tmp_path / "story.db"
    db.write_bytes(bytes(range(256)) * 64)  # 16 KB that are not an SQLite file
    before = _digest(db)
    result, _ = _run(command, str(db), tmp_path)
    assert_one_error(result, str(db), "not a storyline store")
    assert _digest(db) == before, "a file that is not a store must be left alone"


def test_damaged_sqlite_store(built: Path, tmp_path: Path) -> None:
    db = tmp_path / "story.db"
    shutil.copy(built, db)
    data = bytearray(db.read_bytes())
    data[4096:] = bytes(len(data) - 4096)  # every page after the first zeroed
    db.write_bytes(bytes(data))
    result, _ = _run("timeline", str(db), tmp_path)
    assert_one_error(result, str(db), "damaged")


@pytest.fixture
def locked(built: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the built store whose write lock another connection holds."""
    db = tmp_path / "story.db"
    with sqlite3.connect(built) as source, sqlite3.connect(db) as copy:
        source.backup(copy)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield db
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _held(db: Path) -> tuple[int, str | None]:
    with Store.open(str(db), read_only=True) as store:
        return store.count_documents(), store.story_fingerprint()


def test_build_on_a_locked_store_waits_then_says_so(locked: Path, tmp_path: Path) -> None:
    before = _held(locked)  # readers are not blocked by the writer's lock
    result, seconds = _run("build", str(locked), tmp_path)
    assert_one_error(result, str(locked), "in use by another storyline process")
    assert BUSY_TIMEOUT_MS / 1000 <= seconds < BUSY_TIMEOUT_MS / 1000 + 20
    assert _held(locked) == before


@pytest.mark.parametrize("command", ["timeline", "export", "report"])
def test_readers_are_not_blocked_by_a_writer(command: str, locked: Path, tmp_path: Path) -> None:
    result, seconds = _run(command, str(locked), tmp_path)
    assert result.exit_code == 0, result.output
    assert seconds < BUSY_TIMEOUT_MS / 1000


DOWN = "postgresql://postgres@127.0.0.1:1/storyline"


@pytest.mark.parametrize("command", COMMANDS)
def test_postgresql_that_refuses(command: str, tmp_path: Path) -> None:
    result, seconds = _run(command, DOWN, tmp_path)
    assert_one_error(result, "cannot connect to the PostgreSQL server", "127.0.0.1:1")
    assert seconds < CONNECT_TIMEOUT_S + 10


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts TCP connections and never says a word."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


@pytest.mark.parametrize("command", ["build", "timeline"])
def test_postgresql_that_never_answers_fails_fast(
    command: str, silent_server: int, tmp_path: Path
) -> None:
    url = f"postgresql://postgres:secret@127.0.0.1:{silent_server}/storyline"
    result, seconds = _run(command, url, tmp_path)
    line = assert_one_error(result, f"no answer within {CONNECT_TIMEOUT_S} s")
    assert "secret" not in line
    assert seconds < 3 * CONNECT_TIMEOUT_S + 10


@pytest.fixture
def read_only_folder(built: Path, tmp_path: Path) -> Iterator[Path]:
    """A folder on a read-only file system (as root, a mode alone would not stop a write)
    holding a copy of the built store."""
    with tmpfs(tmp_path / "ro", 8 * 1024 * 1024) as folder:
        shutil.copy(built, folder / "story.db")
        remount_read_only(folder)
        yield folder


@pytest.mark.parametrize("command", COMMANDS)
def test_store_on_a_read_only_file_system(
    command: str, read_only_folder: Path, tmp_path: Path
) -> None:
    db = read_only_folder / "story.db"
    before = _digest(db)
    result, _ = _run(command, str(db), tmp_path)
    assert_one_error(result, str(db), "read-only file system")
    assert _digest(db) == before
