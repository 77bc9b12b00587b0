"""A real uvicorn server on a free port, in a thread, over a store built for the test."""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
import uvicorn
from fastapi import FastAPI
from tests import figure_story
from tests.web import story_corpus

from storyline.model import ResolvedStory
from storyline.web import create_app
from storyline.web.server import bind


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class LiveServer:
    url: str  # http://127.0.0.1:PORT
    story: ResolvedStory

    def request(
        self, path: str, method: str = "GET", body: bytes | None = None, **headers: str
    ) -> Reply:
        parts = urlsplit(self.url)
        conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            found = {k.lower(): v for k, v in response.getheaders()}
            return Reply(response.status, found, data)
        finally:
            conn.close()

    def get(self, path: str) -> Reply:
        return self.request(path)


@dataclass
class Running:
    server: uvicorn.Server
    thread: threading.Thread
    url: str


def start(app: FastAPI) -> Running:
    """Serve ``app`` with uvicorn in a thread on a free port of 127.0.0.1 until stop()."""
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    return Running(server, thread, f"http://127.0.0.1:{port}")


def stop(running: Running) -> None:
    running.server.should_exit = True
    running.thread.join(timeout=10)


def _serving(db: str, whole: ResolvedStory) -> Iterator[LiveServer]:
    """A real server over the store at ``db``, which holds ``whole``."""
    running = start(create_app(db))
    try:
        yield LiveServer(running.url, whole)
    finally:
        stop(running)


@pytest.fixture
def served_story(db_url: str) -> Iterator[LiveServer]:
    """The test corpus stored on each backend and served by a real server."""
    yield from _serving(db_url, story_corpus.build(db_url))


@pytest.fixture
def sqlite_story(tmp_path: Any) -> Iterator[LiveServer]:
    """The same, on SQLite only: for the browser tests, whose subject is the page."""
    db = str(tmp_path / "story.db")
    yield from _serving(db, story_corpus.build(db))


@pytest.fixture
def served_stories(db_url: str) -> Iterator[LiveServer]:
    """story_corpus.several_stories() stored on each backend and served."""
    yield from _serving(db_url, story_corpus.build(db_url, story_corpus.several_stories()))


@pytest.fixture
def sqlite_stories(tmp_path: Any) -> Iterator[LiveServer]:
    """The same, on SQLite only, for the browser tests."""
    db = str(tmp_path / "stories.db")
    yield from _serving(db, story_corpus.build(db, story_corpus.several_stories()))


@pytest.fixture
def figures_served(db_url: str) -> Iterator[LiveServer]:
    """The figure story (tests/figure_story.py) stored on each backend and served."""
    yield from _serving(db_url, story_corpus.build(db_url, figure_story.figure_story().story))


@pytest.fixture
def figures_sqlite(tmp_path: Any) -> Iterator[LiveServer]:
    """The same, on SQLite only, for the browser tests."""
    db = str(tmp_path / "figures.db")
    yield from _serving(db, story_corpus.build(db, figure_story.figure_story().story))
