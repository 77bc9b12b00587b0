"""Ctrl-C during a build: one line saying how many documents were stored, exit code 130, no
traceback from the build or its workers, and the next build ends where an uninterrupted one
ends."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.one_line import assert_one_error, assert_one_line, run_cli

from storyline.cli import EXIT_INTERRUPTED

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples" / "corpus"
STORYLINE = [sys.executable, "-m", "storyline"]


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _storyline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*STORYLINE, *args], capture_output=True, text=True, timeout=300)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # the schema is being created
        return 0


def _export(db: Path) -> str:
    done = _storyline("export", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return done.stdout


# Documents are stored with their analyses a batch at a time and the story is resolved after
# the last: on the 11 demo articles, the first document is stored with the last, half a second
# before the build ends, and a loaded machine could miss that window. On this many the first
# batch is stored well before the last.
ARTICLES = 160
_PLACES = ("Port Kell", "Varnhold", "Esker Bay", "Lowmoor", "Tallis")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo articles and ARTICLES short ones of our own, each different."""
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(ARTICLES):
        place = _PLACES[i % len(_PLACES)]
        text = (
            f"Officials in {place} said on Monday that {20 + i} families had left their homes "
            f"after the river rose for the {i + 1}th day. Mayor Ilsa Varn told reporters the "
            f"council would meet on Tuesday to vote on {i + 3} million dollars of repairs.\n"
        )
        (folder / f"flood-{i:03d}.txt").write_text(text, encoding="utf-8")
    for path in DEMO.rglob("*"):
        if path.is_file():
            (folder / f"demo-{path.name}").write_bytes(path.read_bytes())
    return folder


@pytest.fixture(scope="module")
def clean_export(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> str:
    db = tmp_path_factory.mktemp("clean") / "story.db"
    done = _storyline("build", "--db", str(db), str(corpus))
    assert done.returncode == 0, done.stderr
    return _export(db)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_during_a_build(
    workers: str, tmp_path: Path, corpus: Path, clean_export: str
) -> None:
    db = tmp_path / "story.db"
    # Its own process group, signalled as a whole: what Ctrl-C in a terminal does.
    build = subprocess.Popen(
        [*STORYLINE, "build", "--db", str(db), "--workers", workers, str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # As a terminal's foreground job gets it: a runner that started these tests in the
        # background (a shell without job control ignores SIGINT there) passes SIG_IGN on,
        # and Python then never raises KeyboardInterrupt.
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + 240
    while _stored(db) == 0 and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # analysing has begun once a first document is stored
    assert build.poll() is None, "the build ended before it could be interrupted"
    os.killpg(build.pid, signal.SIGINT)
    out, err = build.communicate(timeout=120)
    line = assert_one_line(build.returncode, out, err, exit_code=EXIT_INTERRUPTED)
    found = re.fullmatch(
        r"interrupted: (\d+) document\(s\) stored, run build again to continue", line
    )
    assert found, line
    assert int(found[1]) == _stored(db) >= 1
    done = _storyline("build", "--db", str(db), str(corpus))
    assert done.returncode == 0, done.stderr
    assert _export(db) == clean_export


def test_ctrl_c_in_a_read_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("storyline.pipeline.open_story", interrupted)
    run = run_cli("export", "--db", str(tmp_path / "story.db"))
    assert_one_error(run, "interrupted", exit_code=EXIT_INTERRUPTED)
