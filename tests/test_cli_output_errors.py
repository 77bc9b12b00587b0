"""Commands that write a file (report, export, demo) refuse a path they cannot write with one
line, write all or nothing (a temporary file renamed at the end), and leave the store as it
was."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import pytest
from tests.one_line import assert_one_error, run_cli
from tests.tmpfs import tmpfs

from storyline.pipeline import build
from storyline.store import Store

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
WIRE = REPO / "examples" / "corpus" / "wire"

# Every option that names a file to write, as (command and options before the path).
FILE_OUTPUTS = [
    ("report", "-o"),
    ("export", "-o"),
    ("export", "--format", "jsonl", "--output"),
    ("export", "--format", "plover", "-o"),
    ("demo", "-o"),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("store") / "story.db")
    build([str(WIRE)], db)
    return db


def _held(db: str) -> tuple[int, str | None]:
    with Store.open(db, read_only=True) as store:
        return store.count_documents(), store.story_fingerprint()


def _command(option: tuple[str, ...], db: str, path: Path) -> list[str]:
    db_args = [] if option[0] == "demo" else ["--db", db]
    return [*option[:1], *db_args, *option[1:], str(path)]


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder on a read-only file system: as root, a folder's mode alone stops no write."""
    with tmpfs(tmp_path / "ro", 1024 * 1024, read_only=True) as folder:
        yield folder


@pytest.mark.parametrize("option", FILE_OUTPUTS, ids=lambda o: " ".join(o))
def test_output_on_a_read_only_file_system(
    option: tuple[str, ...], store: str, read_only_folder: Path
) -> None:
    path = read_only_folder / "out.html"
    run = run_cli(*_command(option, store, path))
    assert_one_error(run, str(path), "Read-only file system")
    assert list(read_only_folder.iterdir()) == []


def _bad_paths(tmp: Path) -> dict[str, tuple[Path, str]]:
    a_file = tmp / "a-file"
    a_file.write_text("not a folder")
    # Root may write anywhere, but not below a regular file: that fails for every user.
    return {
        "missing folder": (tmp / "missing" / "out.html", "does not exist"),
        "below a file": (a_file / "out.html", "is a file, not a folder"),
        "a folder": (tmp, "it is a folder"),
    }


@pytest.mark.parametrize("case", ["missing folder", "below a file", "a folder"])
@pytest.mark.parametrize("option", FILE_OUTPUTS, ids=lambda o: " ".join(o))
def test_unwritable_output_is_one_line(
    option: tuple[str, ...], case: str, store: str, tmp_path: Path
) -> None:
    before = _held(store)
    path, why = _bad_paths(tmp_path)[case]
    assert_one_error(run_cli(*_command(option, store, path)), str(path), why)
    assert _held(store) == before
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize("case", ["missing folder", "below a file"])
def test_parquet_folder_that_cannot_be_made_is_one_line(
    case: str, store: str, tmp_path: Path
) -> None:
    path, why = _bad_paths(tmp_path)[case]
    folder = path.with_suffix("")
    run = run_cli("export", "--db", store, "--format", "parquet", "-o", str(folder))
    assert_one_error(run, str(folder), why)
    assert not folder.exists()


def test_parquet_over_a_file_is_one_line(store: str, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("keep me")
    run = run_cli("export", "--db", store, "--format", "parquet", "-o", str(a_file))
    assert_one_error(run, str(a_file), "is a file, not a folder")
    assert a_file.read_text() == "keep me"


def _failing_half_way(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The export writer writes part of its output, then the disk is full."""

    def write(story: Any, out: TextIO) -> None:
        out.write('{"schema": "storyline/1", "documents": [')
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(f"storyline.present.export.{name}", write)


def test_full_disk_during_export_keeps_the_old_file(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "story.json"
    assert run_cli("export", "--db", store, "-o", str(out)).exit_code == 0
    complete = out.read_bytes()
    json.loads(complete)
    _failing_half_way(monkeypatch, "write_json")
    run = run_cli("export", "--db", store, "-o", str(out))
    assert_one_error(run, f"no space left on device writing {out}")
    assert out.read_bytes() == complete
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.json"]


def test_full_disk_during_a_first_export_leaves_no_file(
    store: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failing_half_way(monkeypatch, "write_jsonl")
    out = tmp_path / "story.jsonl"
    run = run_cli("export", "--db", store, "--format", "jsonl", "-o", str(out))
    assert_one_error(run, "no space left on device", str(out))
    assert list(tmp_path.iterdir()) == []


def test_report_replaces_its_file_whole_with_a_readable_mode(store: str, tmp_path: Path) -> None:
    out = tmp_path / "story.html"
    out.write_text("an older report")
    out.chmod(0o644)
    run = run_cli("report", "--db", store, "-o", str(out))
    assert run.exit_code == 0, run.output
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert out.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.html"]


def test_full_disk_writing_standard_output(store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _failing_half_way(monkeypatch, "write_json")
    run = run_cli("export", "--db", store)
    assert_one_error(run, "no space left on device writing standard output")
