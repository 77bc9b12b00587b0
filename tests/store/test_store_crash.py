"""A writer killed with SIGKILL leaves a consistent store, and re-adding finishes the work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.store import Store

# Runs as `python -c`; the test also execs it (under another __name__) to get make().
WRITER = """
import sys
from storyline.model import Analysis, Document, Ingested, document_id, sha256_hex

def make(i, source_prefix="in"):
    text = f"Bulletin {i}: the ferry service ran late again. " * 40
    raw = ("<html><body>" + text + "</body></html>").encode()
    doc = Document(id=document_id(text), source=f"{source_prefix}/{i}.html", text=text,
                   title=f"Bulletin {i}", raw_ref=sha256_hex(raw))
    return Ingested(document=doc, raw=raw), Analysis(doc=doc.id, pipeline_version="v1")

if __name__ == "__main__":
    from storyline.store import Store
    store = Store.open(sys.argv[1])
    prefix = sys.argv[3] if len(sys.argv) > 3 else "in"
    for i in range(int(sys.argv[2])):
        item, analysis = make(i, prefix)
        store.add_document(item, analysis)
        print(i, flush=True)
    store.close()
"""

TOTAL = 1500


def _make() -> Any:
    namespace: dict[str, Any] = {"__name__": "writer"}
    exec(WRITER, namespace)
    return namespace["make"]


def _env() -> dict[str, str]:
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return env


def _assert_consistent(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # Raises if the FTS index disagrees with the documents it indexes.
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    with Store.open(str(path)) as store:
        count = 0
        for doc in store.documents():
            count += 1
            assert doc.raw_ref is not None and store.raw(doc.raw_ref) is not None
            assert store.sources(doc.id) == [doc.source]
            assert store.get_analysis(doc.id, "v1") is not None
        assert count == store.count_documents()
        return count


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_writer_leaves_consistent_store(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(TOTAL)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if int(line) >= 50:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    stored = _assert_consistent(path)
    assert 50 < stored < TOTAL, "the writer was not killed mid-way"

    make = _make()
    added = 0
    with Store.open(str(path)) as store:
        for i in range(TOTAL):
            added += store.add_document(*make(i))
        assert store.count_documents() == TOTAL
        assert store.docs_missing_analysis("v1") == []
    assert added == TOTAL - stored
    assert _assert_consistent(path) == TOTAL


def test_two_writers_at_once(tmp_path: Path) -> None:
    # Same documents from different sources: both must finish (waiting on each other's
    # write lock, never failing with "database is locked").
    path = tmp_path / "two.db"
    count = 200
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(count), prefix],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for prefix in ("a", "b")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with Store.open(str(path)) as store:
        assert store.count_documents() == count
        first = next(store.documents())
        assert len(store.sources(first.id)) == 2
