"""`storyline serve` as a user runs it: one line and exit 1 without a store; with one, the
URL to open, a server that answers there, and Ctrl-C ending it with no traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.web import story_corpus

from storyline.cli import main

# How long a served process may take to answer or to stop. Each worker imports the app (about
# 0.7 s alone); on a loaded 2-core CI machine two workers took over 10 s, which tests nothing.
STARTUP_S = 60


def test_serve_without_a_store_says_so_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: no story store at"), result.output
    assert not missing.exists()


def test_serve_with_an_unbuilt_store_says_so(tmp_path: Path) -> None:
    from storyline.store import Store

    db = tmp_path / "empty.db"
    Store.open(str(db)).close()
    result = CliRunner().invoke(main, ["serve", "--db", str(db)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "no documents" in result.output


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_prints_the_url_answers_and_stops_on_ctrl_c(tmp_path: Path, workers: int) -> None:
    db = str(tmp_path / "story.db")
    story_corpus.build(db)
    command = ["serve", "--db", db, "--port", "0", "--workers", str(workers)]
    process = subprocess.Popen(
        [sys.executable, "-m", "storyline", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "read-only at http://127.0.0.1:" in line, line
        url = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(url + "api/stats", timeout=STARTUP_S) as response:
            assert json.load(response)["counts"]["documents"] == story_corpus.SIZE
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=STARTUP_S)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, errors
    assert "Traceback" not in errors and "KeyboardInterrupt" not in errors


@pytest.mark.slow
def test_serve_after_the_demo_shows_the_demo_story(tmp_path: Path) -> None:
    """The README's path for a new user: `make demo` (storyline demo --db storyline.db), then
    `storyline serve` with no arguments in the same folder."""
    demo = subprocess.run(
        [sys.executable, "-m", "storyline", "demo", "--db", "storyline.db"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert demo.returncode in (0, 2), demo.stderr  # 2: the example corpus has bad inputs
    assert "storyline serve --db storyline.db" in demo.stderr
    process = subprocess.Popen(
        [sys.executable, "-m", "storyline", "serve", "--port", "0"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "STORYLINE_DB"}
        | {"PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(url + "api/stats", timeout=STARTUP_S) as response:
            assert json.load(response)["counts"]["documents"] >= 10
        _every_listed_outlet_finds_its_documents(url)
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=STARTUP_S)


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=STARTUP_S) as response:
        return json.load(response)


def _every_listed_outlet_finds_its_documents(url: str) -> None:
    """The Sources view lists a text file that names no outlet under its file name: a filter
    by that name must find it, as by a stored outlet."""
    outlets = _get(url + "api/outlets?limit=200")["items"]
    assert any(o["outlet"].endswith(".txt") for o in outlets)  # the demo has such files
    lines = 0
    for o in outlets:
        name = urllib.parse.quote(o["outlet"])
        assert _get(f"{url}api/documents?outlet={name}")["total"] == o["documents"], o
        lines += _get(f"{url}api/timeline/entries?limit=1&outlet={name}")["total"]
    # Every line cites a document, so some outlet's filter keeps it.
    assert lines >= _get(url + "api/timeline/entries?limit=1")["total"]
