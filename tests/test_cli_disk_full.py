"""A full disk during a build or an export: one line, exit 1, the store keeps what it held, and
the next build (with space again) ends where a build that never failed ends."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from tests.one_line import assert_one_error, run_cli
from tests.tmpfs import tmpfs

from storyline.store import Store

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples" / "corpus"
FIRST = DEMO / "wire"


def _build(db: Path | str, *paths: Path) -> None:
    run = run_cli("build", "--db", str(db), "-q", *map(str, paths))
    assert run.exit_code == 0, run.output


def _export(db: Path | str) -> str:
    run = run_cli("export", "--db", str(db))
    assert run.exit_code == 0, run.output
    return run.stdout


def _documents(db: Path | str) -> set[str]:
    with Store.open(str(db), read_only=True) as store:
        return {d.id for d in store.documents()}


@pytest.fixture
def disk_fills_after() -> Iterator[Any]:
    """Call with n: the n+1-th document analysed (and any after) fails to be stored as a write
    on a full disk does; its analysis is written in the document's own transaction."""
    budget: dict[str, int] = {}

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "left" in budget and statement.lstrip().upper().startswith("INSERT INTO ANALYSES "):
            if budget["left"] == 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            budget["left"] -= 1

    event.listen(Engine, "before_cursor_execute", before)
    try:
        yield lambda n: budget.update(left=n)
    finally:
        event.remove(Engine, "before_cursor_execute", before)


@pytest.fixture(scope="module")
def clean_export(tmp_path_factory: pytest.TempPathFactory) -> str:
    """What the first part then the whole demo, built with no fault, export."""
    db = tmp_path_factory.mktemp("clean") / "story.db"
    _build(db, FIRST)
    _build(db, DEMO)
    return _export(db)


def test_full_disk_during_a_build(db_url: str, disk_fills_after: Any, clean_export: str) -> None:
    db = db_url
    _build(db, FIRST)
    before, story = _documents(db), _export(db)
    disk_fills_after(2)
    run = run_cli("build", "--db", str(db), "-q", str(DEMO))
    assert_one_error(run, "no space left on device writing the store")
    disk_fills_after(-1)
    held = _documents(db)
    assert before < held and len(held - before) == 2, "stored before the fault stays stored"
    # The story is stored only by a build that finished: the old one is still current.
    assert run_cli("timeline", "--db", str(db)).exit_code == 1  # stale: 2 documents added
    _build(db, DEMO)
    assert _export(db) == clean_export
    assert story != clean_export


TMPFS_BYTES = 16 * 1024 * 1024


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "disk", TMPFS_BYTES) as disk:
        yield disk


def _fill(disk: Path, leave: int) -> Path:
    """A new file taking all but ``leave`` bytes of the disk."""
    filler = disk / f"filler-{len(list(disk.glob('filler-*')))}"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as out:
        out.write(bytes(max(0, free - leave)))
    return filler


def test_a_really_full_disk(small_disk: Path, clean_export: str) -> None:
    db = small_disk / "story.db"
    _build(db, FIRST)
    before = _documents(db)
    _fill(small_disk, leave=64 * 1024)
    run = run_cli("build", "--db", str(db), "-q", str(DEMO))
    assert_one_error(run, "no space left on device writing the store", str(db))
    assert before <= _documents(db)
    # Even reading the store writes beside it (the WAL index).
    _fill(small_disk, leave=0)
    run = run_cli("export", "--db", str(db))
    assert_one_error(run, "no space left on device writing the store", str(db))

    for path in small_disk.glob("filler-*"):
        path.unlink()
    _build(db, DEMO)
    assert _export(db) == clean_export

    out = small_disk / "story.json"
    leave = 96 * 1024  # room to read the store, not to write its export
    assert len(clean_export.encode()) > 2 * leave
    _fill(small_disk, leave=leave)
    run = run_cli("export", "--db", str(db), "-o", str(out))
    assert_one_error(run, f"no space left on device writing {out}")
    assert not out.exists() and not list(small_disk.glob("*.tmp"))
    assert _export(db) == clean_export
